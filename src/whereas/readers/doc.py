"""Legacy binary Word (.doc, Word 97–2003) through its piece table, read with olefile.

The text of the main document is the characters ``[0, ccpText)`` of the document's character
stream, which the piece table (the ``Clx`` in the table stream) maps onto the ``WordDocument``
stream, piece by piece, as cp1252 bytes or UTF-16LE ([MS-DOC] 2.4.1).  Paragraph marks become
paragraph breaks and fields keep their result and drop their code.  Footnotes and endnotes are read
from their subdocuments (the characters after the main text, located by ``PlcffndRef``/``PlcffndTxt``
and ``PlcfendRef``/``PlcfendTxt``) and written as the .docx reader writes them: ``[^N]`` where the
reference stands, ``[^N]: text`` lines after the body.
"""

from __future__ import annotations

import re
import struct
from io import BytesIO

import olefile

from whereas.errors import InputError
from whereas.readers.base import View
from whereas.readers.textview import one_line, roman, with_url

# FIB offsets (Word 97 and later): FibBase.wIdent, FibBase flags, FibRgLw97.ccpText, FibRgFcLcb97.fcClx/lcbClx
_W_IDENT = 0xA5EC
_FLAGS = 0x000A
_CCP_TEXT = 0x004C
_FC_CLX = 0x01A2
# FibRgFcLcb97: where the footnote and endnote PLCs are (fc, then lcb)
_FC_PLCFFNDREF = 0x00AA
_FC_PLCFFNDTXT = 0x00B2
_FC_PLCFENDREF = 0x020A
_FC_PLCFENDTXT = 0x0212
#: the most characters read from one document (a 50 MiB file cannot honestly hold more)
MAX_CHARS = 25_000_000
#: the most characters read from a document per byte of its ``WordDocument`` stream: every character
#: is stored there, in one byte (cp1252) or two (UTF-16), so an honest file needs at most one
MAX_CHARS_PER_BYTE = 2


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
        view = _read(ole, word, path)
    except (OSError, ValueError, struct.error, IndexError) as exc:
        raise InputError(path, f"damaged Word .doc ({exc})") from None
    finally:
        ole.close()
    return View(view, "doc", path)


def _read(ole: olefile.OleFileIO, word: bytes, path: str | None) -> str:
    if len(word) < _FC_PLCFENDTXT + 8 or struct.unpack_from("<H", word, 0)[0] != _W_IDENT:
        raise InputError(path, "not a Word 97–2003 document (older Word formats are not supported)")
    flags = struct.unpack_from("<H", word, _FLAGS)[0]
    if flags & 0x0100:
        raise InputError(path, "an encrypted Word .doc: save it unprotected as .docx")
    table_name = "1Table" if flags & 0x0200 else "0Table"
    if not ole.exists(table_name):
        raise InputError(path, f"damaged Word .doc (no {table_name} stream)")
    table = ole.openstream(table_name).read()
    ccp = struct.unpack_from("<8I", word, _CCP_TEXT)  # text, ftn, hdd, mcr, atn, edn, txbx, hdrtxbx
    ccp_text = min(ccp[0], MAX_CHARS)
    fc_clx, lcb_clx = struct.unpack_from("<II", word, _FC_CLX)
    budget = min(MAX_CHARS, MAX_CHARS_PER_BYTE * len(word))
    chars = _Characters(word, _pieces(table[fc_clx : fc_clx + lcb_clx], path), budget, path)
    # the subdocuments follow the main text in this order: footnotes, headers, (macros), comments, endnotes
    footnotes = _notes(chars, table, word, _FC_PLCFFNDREF, _FC_PLCFFNDTXT, ccp_text, ccp[1])
    endnotes = _notes(chars, table, word, _FC_PLCFENDREF, _FC_PLCFENDTXT, ccp_text + sum(ccp[1:5]), ccp[5])
    labels: dict[int, str] = {}  # main-text CP of a reference -> the note's label
    lines: list[str] = []
    roman_endnotes = bool(footnotes and endnotes)  # as Word and LibreOffice number them
    for kind_notes, numeral in ((footnotes, False), (endnotes, roman_endnotes)):
        for n, (cp, note) in enumerate(kind_notes, 1):
            label = roman(n) if numeral else str(n)
            labels[cp] = label
            lines.append(f"[^{label}]: {note}")
    body = _paragraphs(chars.read(0, ccp_text), labels)
    return body + "\n" + "\n".join(lines) + "\n" if lines else body


class _Characters:
    """The document's character stream (all subdocuments), read through the piece table.

    ``budget`` is the most characters all the reads together may produce: pieces that map many
    characters onto the same bytes, or note ranges that overlap, must not make a small file
    produce text without end.
    """

    def __init__(self, word: bytes, pieces: list[tuple[int, int, int, bool]], budget: int, path: str | None) -> None:
        self.word = word
        self.pieces = pieces
        self.budget = budget
        self.path = path

    def read(self, start: int, end: int) -> str:
        """Characters ``[start, end)`` (CPs); an :class:`InputError` once the budget is spent."""
        out: list[str] = []
        word = self.word
        for cp_start, cp_end, fc, compressed in self.pieces:
            lo, hi = max(cp_start, start), min(cp_end, end)
            if hi <= lo:
                continue
            at, count = lo - cp_start, min(hi - lo, self.budget + 1)
            if compressed:
                piece = word[fc // 2 + at : fc // 2 + at + count].decode("cp1252", errors="replace")
            else:
                piece = word[fc + 2 * at : fc + 2 * (at + count)].decode("utf-16-le", errors="replace")
            self._spend(len(piece))
            out.append(piece)
        return "".join(out)

    def _spend(self, n: int) -> None:
        """Count ``n`` more characters against the budget."""
        self.budget -= n
        if self.budget < 0:
            raise InputError(
                self.path,
                f"damaged Word .doc: its piece table yields more text than its {len(self.word)}-byte "
                f"WordDocument stream can hold (the limit is {MAX_CHARS_PER_BYTE} characters a byte, "
                f"at most {MAX_CHARS:,}; see docs/limits.md)",
            )


def _notes(
    chars: _Characters, table: bytes, word: bytes, fc_ref_at: int, fc_txt_at: int, base: int, length: int
) -> list[tuple[int, str]]:
    """(main-text CP of the reference, the note's text on one line) for each note of one kind, in
    document order.  A note's text runs from its CP in the ``…Txt`` PLC to the next one, in the
    subdocument that starts at CP ``base``."""
    fc_ref, lcb_ref = struct.unpack_from("<II", word, fc_ref_at)
    fc_txt, lcb_txt = struct.unpack_from("<II", word, fc_txt_at)
    if not lcb_ref or not lcb_txt or not length:
        return []
    n = (lcb_ref - 4) // 6  # PlcffndRef/PlcfendRef: n + 1 CPs, then n two-byte FRDs
    refs = struct.unpack_from(f"<{n}I", table, fc_ref) if n > 0 else ()
    m = lcb_txt // 4
    texts = struct.unpack_from(f"<{m}I", table, fc_txt) if m > 0 else ()
    out = []
    for i, cp in enumerate(refs):  # overlapping ranges in a hostile file spend the reader's budget
        if i + 1 >= len(texts):
            break
        lo, hi = min(texts[i], length), min(texts[i + 1], length)
        out.append((cp, _note_text(chars.read(base + lo, base + hi))))
    return sorted(out)


_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]+)"|([^\s\\"]\S*))')


def _note_text(raw: str) -> str:
    """A note's characters on one line: its own number mark dropped, a hyperlink field written as
    ``text <URL>`` (just the text when it is the URL), other fields reduced to their result."""
    out: list[str] = []
    fields: list[list] = []  # the open fields: [code, result, in the result?]

    def emit(text: str) -> None:
        if not fields:
            out.append(text)
        elif fields[-1][2]:
            fields[-1][1] += text
        else:
            fields[-1][0] += text

    for ch in raw:
        if ch == "\x13":
            fields.append(["", "", False])
        elif ch == "\x14" and fields:
            fields[-1][2] = True
        elif ch == "\x15" and fields:
            code, result, _ = fields.pop()
            link = _HYPERLINK_FIELD.match(code)
            emit(result + (with_url(result, link.group(1) or link.group(2)) if link else ""))
        elif ch in "\r\x07\x0b\x0c":
            emit(" ")
        elif ch in "\x01\x02\x05\x08" or ch < " " and ch != "\t":
            continue
        else:
            emit(ch)
    return one_line("".join(out))


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
        if cps[i + 1] < cps[i]:
            raise InputError(
                path,
                f"damaged Word .doc: piece {i + 1} of its piece table ends at character {cps[i + 1]}, "
                f"before it starts ({cps[i]}); pieces that overlap are refused",
            )
        fc_compressed = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(fc_compressed & 0x40000000)
        fc = fc_compressed & 0x3FFFFFFF
        pieces.append((cps[i], cps[i + 1], fc, compressed))
    return pieces


def _paragraphs(text: str, labels: dict[int, str] | None = None) -> str:
    """Word's special characters turned into the text dialect: paragraphs a blank line apart, a
    note reference at CP ``i`` written ``[^label]`` when ``labels`` has ``i``."""
    labels = labels or {}
    out: list[str] = []
    depth = 0  # inside a field's code (between 0x13 and 0x14)
    stack: list[bool] = []
    for i, ch in enumerate(text):
        if i in labels and not depth:
            out.append(f"[^{labels[i]}]")
            continue
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
