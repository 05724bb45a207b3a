"""Legacy binary Word (.doc, Word 97–2003) through its piece table, read with olefile.

The text of the main document is the characters ``[0, ccpText)`` of the document's character
stream, which the piece table (the ``Clx`` in the table stream) maps onto the ``WordDocument``
stream, piece by piece, as cp1252 bytes or UTF-16LE ([MS-DOC] 2.4.1).  Paragraph marks become
paragraph breaks, fields keep their result and drop their code, and footnote/endnote reference
characters are dropped (the notes themselves are not read: see docs/formats.md).
"""

from __future__ import annotations

import re
import struct
from io import BytesIO

import olefile

from whereas.errors import InputError
from whereas.readers.base import View

# FIB offsets (Word 97 and later): FibBase.wIdent, FibBase flags, FibRgLw97.ccpText, FibRgFcLcb97.fcClx/lcbClx
_W_IDENT = 0xA5EC
_FLAGS = 0x000A
_CCP_TEXT = 0x004C
_FC_CLX = 0x01A2
_LCB_CLX = 0x01A6
#: the most characters read from one document (a 50 MiB file cannot honestly hold more)
MAX_CHARS = 25_000_000


def sniff_doc(head: bytes) -> bool:
    return head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def read_doc(data: bytes, path: str | None = None) -> View:
    try:
        ole = olefile.OleFileIO(BytesIO(data))
    except (OSError, ValueError, struct.error, IndexError) as exc:
        raise InputError(path, f"not a readable Word .doc (OLE container: {exc})") from None
    try:
        if not ole.exists("WordDocument"):
            raise InputError(path, "an OLE file without a WordDocument stream (not a Word .doc)")
        word = ole.openstream("WordDocument").read()
        text = _main_text(ole, word, path)
    except (OSError, ValueError, struct.error, IndexError) as exc:
        raise InputError(path, f"damaged Word .doc ({exc})") from None
    finally:
        ole.close()
    return View(_paragraphs(text), "doc", path)


def _main_text(ole: olefile.OleFileIO, word: bytes, path: str | None) -> str:
    if len(word) < _LCB_CLX + 4 or struct.unpack_from("<H", word, 0)[0] != _W_IDENT:
        raise InputError(path, "not a Word 97–2003 document (older Word formats are not supported)")
    flags = struct.unpack_from("<H", word, _FLAGS)[0]
    if flags & 0x0100:
        raise InputError(path, "an encrypted Word .doc: save it unprotected as .docx")
    table_name = "1Table" if flags & 0x0200 else "0Table"
    if not ole.exists(table_name):
        raise InputError(path, f"damaged Word .doc (no {table_name} stream)")
    table = ole.openstream(table_name).read()
    ccp_text = min(struct.unpack_from("<I", word, _CCP_TEXT)[0], MAX_CHARS)
    fc_clx, lcb_clx = struct.unpack_from("<II", word, _FC_CLX)
    clx = table[fc_clx : fc_clx + lcb_clx]
    pieces = _pieces(clx, path)
    out: list[str] = []
    for cp_start, cp_end, fc, compressed in pieces:
        if cp_start >= ccp_text:
            break
        count = min(cp_end, ccp_text) - cp_start
        if compressed:
            out.append(word[fc // 2 : fc // 2 + count].decode("cp1252", errors="replace"))
        else:
            out.append(word[fc : fc + 2 * count].decode("utf-16-le", errors="replace"))
    return "".join(out)


def _pieces(clx: bytes, path: str | None) -> list[tuple[int, int, int, bool]]:
    """(first CP, end CP, byte offset, compressed?) for each piece of the piece table."""
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, skipped
        pos += 3 + struct.unpack_from("<h", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        raise InputError(path, "damaged Word .doc (no piece table)")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5 : pos + 5 + lcb]
    n = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for i in range(n):
        fc_compressed = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(fc_compressed & 0x40000000)
        fc = fc_compressed & 0x3FFFFFFF
        pieces.append((cps[i], cps[i + 1], fc, compressed))
    return pieces


def _paragraphs(text: str) -> str:
    """Word's special characters turned into the text dialect: paragraphs a blank line apart."""
    out: list[str] = []
    depth = 0  # inside a field's code (between 0x13 and 0x14)
    stack: list[bool] = []
    for ch in text:
        if ch == "\x13":
            stack.append(True)
            depth += 1
            continue
        if ch == "\x14":
            if stack and stack[-1]:
                stack[-1] = False
                depth -= 1
            continue
        if ch == "\x15":
            if stack and stack.pop():
                depth -= 1
            continue
        if depth:
            continue
        if ch in "\r\x07\x0c":
            out.append("\n\n")
        elif ch == "\x0b":
            out.append("\n")
        elif ch in "\x01\x02\x05\x08" or ch < " " and ch not in "\t\n":
            continue
        else:
            out.append(ch)
    lines = "".join(out).split("\n")
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"
