"""Readers: one module per input format, each producing a text View; detection by content.

Which formats there are, and how each is recognised and read: :mod:`whereas.readers.formats`.
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

from whereas.errors import InputError
from whereas.readers.base import MAX_INPUT_BYTES, View
from whereas.readers.formats import BY_NAME, FALLBACK, FORMATS, ZIP_MAGIC, listed, load, reader_of
from whereas.readers.text import is_markdown

__all__ = ["View", "detect", "read_bytes", "read_path", "read_string"]

#: an XML document's declaration, and its root element's name (after the declaration, comments and DOCTYPE)
_XML_DECLARATION = re.compile(rb"<\?xml[\s?]")
_ROOT_ELEMENT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
#: what a Rich Text Format file starts with (Word, WordPad and LibreOffice write "{\rtf1")
_RTF_MAGIC = b"{\\rtf"


def detect(data: bytes, path: str | None = None) -> str:
    """The format of ``data``, decided by content (the extension only breaks ties): see ``formats.FORMATS``."""
    head = data[:4096]
    if head.startswith(ZIP_MAGIC):
        return _zip_format(data, path)
    for fmt in FORMATS:
        if fmt.magic and head.startswith(fmt.magic):
            return fmt.name
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_RTF_MAGIC):
        # a text file to look at, but its words sit among control words ("{\loch WHEREAS, …}", "\'94"): read as
        # text, the braces would end the clauses and a fix would be written into the markup
        raise InputError(path, "an RTF document, a format whereas does not read: save it as .docx or .odt")
    markup = head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    for fmt in FORMATS:
        if fmt.sniff and (markup or (fmt.sniff_when_named and fmt.has_name(path))) and load(fmt.sniff)(head):
            return fmt.name
    if markup and _XML_DECLARATION.match(head.lstrip(b"\xef\xbb\xbf \t\r\n")):
        # read as text, its tags would be the words of the clauses, and a fix written into the markup
        root = _ROOT_ELEMENT.search(head)
        named = f" (root element <{root[1].decode('ascii', 'replace')}>)" if root else ""
        readers = listed(fmt.title for fmt in FORMATS if fmt.sniff and ".xml" in fmt.extensions)
        raise InputError(path, f"XML of a kind whereas does not read{named}: it reads {readers}")
    if path and any((fmt.magic or fmt.zip_member) and fmt.has_name(path) for fmt in FORMATS):
        kind = path.rsplit(".", 1)[-1]
        raise InputError(path, f"not a valid .{kind} file (its content is not {kind.upper()})")
    return FALLBACK.name


def _zip_format(data: bytes, path: str | None) -> str:
    """The format of a zip container: the one whose member it holds, else the one its name says."""
    import zipfile  # here: most files are not zip containers

    zipped = [fmt for fmt in FORMATS if fmt.zip_member]
    try:
        names = set(zipfile.ZipFile(BytesIO(data)).namelist())
    except UnicodeDecodeError:  # a name marked UTF-8 that is not
        raise InputError(path, "corrupt zip container: a member's name is not valid UTF-8") from None
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError):
        kinds = "/".join(fmt.extensions[0] for fmt in zipped)
        raise InputError(path, f"corrupt zip container (a damaged {kinds}?)") from None
    for fmt in zipped:
        if fmt.zip_member in names:
            return fmt.name
    for fmt in zipped:
        if fmt.has_name(path):
            return fmt.name  # the reader explains what is missing
    kinds = " nor ".join(f"{'an' if fmt.title[0] in 'AEIOU' else 'a'} {fmt.title}" for fmt in zipped)
    raise InputError(path, f"a zip archive that is neither {kinds}")


def read_bytes(data: bytes, path: str | None = None) -> View:
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(path, f"file too large ({len(data)} bytes; the limit is {MAX_INPUT_BYTES})")
    if not data.strip():
        raise InputError(path, "empty file")
    return reader_of(BY_NAME[detect(data, path)])(data, path)


def read_string(text: str) -> View:
    """A resolution given as a string: its text as it is, Markdown or plain text."""
    return View(text, "markdown" if is_markdown(text, None) else "text", None)


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
