"""Readers: one module per input format, each producing a text View; detection by content."""

from __future__ import annotations

import importlib
from io import BytesIO
from pathlib import Path

from whereas.errors import InputError
from whereas.readers.base import MAX_INPUT_BYTES, View
from whereas.readers.text import read_text

__all__ = ["View", "detect", "read_bytes", "read_path"]

#: format name → (module, reader function)
_READERS = {
    "docx": ("whereas.readers.docx", "read_docx"),
    "odt": ("whereas.readers.odt", "read_odt"),
    "doc": ("whereas.readers.doc", "read_doc"),
    "pdf": ("whereas.readers.pdf", "read_pdf"),
    "html": ("whereas.readers.html", "read_html"),
    "uslm": ("whereas.readers.uslm", "read_uslm"),
    "chicago-xml": ("whereas.readers.chicago", "read_chicago"),
}


def _sniff(module: str, func: str, head: bytes) -> bool:
    return bool(getattr(importlib.import_module(module), func)(head))


def detect(data: bytes, path: str | None = None) -> str:
    """The format of ``data``, decided by content (the extension only breaks ties)."""
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        import zipfile  # here: most files are not zip containers

        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except UnicodeDecodeError:  # a name marked UTF-8 that is not
            raise InputError(path, "corrupt zip container: a member's name is not valid UTF-8") from None
        except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError):
            raise InputError(path, "corrupt zip container (a damaged .docx/.odt?)") from None
        if "word/document.xml" in names:
            return "docx"
        if "content.xml" in names:
            return "odt"
        if path and path.lower().endswith(".docx"):
            return "docx"  # the reader explains what is missing
        raise InputError(path, "a zip archive that is neither a Word .docx nor an OpenDocument .odt")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(b"<"):
        if _sniff("whereas.readers.uslm", "sniff_uslm", head):
            return "uslm"
        if _sniff("whereas.readers.chicago", "sniff_chicago", head):
            return "chicago-xml"
        if _sniff("whereas.readers.html", "sniff_html", head):
            return "html"
    elif path and path.lower().endswith((".html", ".htm")) and _sniff("whereas.readers.html", "sniff_html", head):
        return "html"
    if path and path.lower().endswith((".docx", ".pdf", ".odt", ".doc")):
        kind = path.rsplit(".", 1)[-1]
        raise InputError(path, f"not a valid .{kind} file (its content is not {kind.upper()})")
    return "text"


def read_bytes(data: bytes, path: str | None = None) -> View:
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(path, f"file too large ({len(data)} bytes; the limit is {MAX_INPUT_BYTES})")
    if not data.strip():
        raise InputError(path, "empty file")
    fmt = detect(data, path)
    if fmt == "text":
        return read_text(data, path)
    module, func = _READERS[fmt]
    return getattr(importlib.import_module(module), func)(data, path)


def read_path(path: str | Path) -> View:
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InputError(name, "is a directory")
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(name, f"file too large ({size} bytes; the limit is {MAX_INPUT_BYTES})")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except OSError as exc:
        raise InputError(name, exc.strerror or str(exc)) from None
    return read_bytes(data, name)
