"""Plain text and Markdown: the view is the file itself, so positions are file positions."""

from __future__ import annotations

import quopri
import re

from whereas.errors import InputError
from whereas.readers.base import View
from whereas.readers.formats import BY_NAME

#: names read as Markdown: the Markdown format's extensions, and .mdown (read when named, not walked)
_MARKDOWN_NAMES = (*BY_NAME["markdown"].extensions, ".mdown")
_MARKDOWN_HINTS = ("\n#", "[^", "**", "\n* ", "\n- ", "</details>", "\n> ")


def decode(data: bytes, path: str | None) -> str:
    """Decode text bytes (UTF-8, UTF-16 or UTF-32 with BOM, or cp1252 as a last resort)."""
    wide = bom_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as exc:  # an odd length, a lone surrogate: no text in that encoding
            raise InputError(path, f"not valid {wide.upper()} text (byte {exc.start})") from None
        if _looks_binary(text) or _unprintable_share(text) > 0.05:
            raise InputError(path, f"binary file: its byte-order mark says {wide.upper()}, but what follows is no text")
        return text.replace("\r\n", "\n").replace("\r", "\n")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (NUL bytes): not a resolution in any format whereas reads")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError(path, f"not valid UTF-8 text (byte {exc.start})", line=line) from None
    if _looks_binary(text):
        raise InputError(path, "binary file: not a resolution in any format whereas reads")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def bom_encoding(data: bytes) -> str | None:
    """ "utf-32" or "utf-16" when ``data`` starts with that encoding's byte-order mark (UTF-32's little-endian
    mark starts with UTF-16's: it is looked for first), else None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) and len(data) % 4 == 0:
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def _unprintable_share(text: str) -> float:
    """The share of characters that are neither printable nor white space (private use, unassigned,
    controls): random bytes read as UTF-16 are mostly such characters; text has almost none."""
    sample = text[:8192]
    if not sample:
        return 0.0
    return sum(1 for c in sample if not c.isprintable() and not c.isspace()) / len(sample)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    # Counted on the UTF-8 bytes (whose bytes below 0x80 are exactly its ASCII characters): deleting
    # them is far faster than finding them one by one.
    raw = sample.encode("utf-8", "surrogatepass")
    return (len(raw) - len(raw.translate(None, _CONTROL_BYTES))) / len(sample) > 0.05


#: control characters other than \t \n \v \f \r
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])


def is_markdown(text: str, path: str | None) -> bool:
    if path and path.lower().endswith(_MARKDOWN_NAMES):
        return True
    head = "\n" + text[:20000]
    return sum(hint in head for hint in _MARKDOWN_HINTS) >= 2


#: quoted-printable's marks: a soft line break ("=" ending a line) and an escaped byte ("=E2", "=20")
_SOFT_BREAK = re.compile(r"(?<!=)=\n")
_ESCAPE = re.compile(r"=[0-9A-F]{2}")


def is_quoted_printable(text: str) -> bool:
    """Whether ``text`` is an e-mail body still in quoted-printable: at least two soft line breaks, and with
    the escaped bytes four marks or more (a line of a sum ending "=" once is no encoding)."""
    head = text[:200_000]
    breaks = len(_SOFT_BREAK.findall(head))
    return breaks >= 2 and breaks + len(_ESCAPE.findall(head)) >= 4


def decode_quoted_printable(text: str) -> str:
    """The text a quoted-printable body stands for: soft breaks joined, escaped bytes read as UTF-8 (or cp1252)."""
    raw = quopri.decodestring(text.encode("utf-8"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_text(data: bytes, path: str | None = None) -> View:
    text = decode(data, path)
    if is_quoted_printable(text):
        return View(decode_quoted_printable(text), "quoted-printable", path)
    return View(text, "markdown" if is_markdown(text, path) else "text", path)
