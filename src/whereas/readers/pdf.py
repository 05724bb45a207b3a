"""PDF through its text layer (pypdf, layout mode).

Layout mode keeps the vertical gaps between paragraphs as blank lines, which
plain mode loses.  Each line is stripped of the layout padding, runs of blank
lines fold to one, and a word broken at a line end (``clean-`` / ``ly``) is
joined when both sides are lowercase letters, keeping the hyphen of a compound
(``capacity-`` / ``building`` where the text writes it so elsewhere, ``seventy-`` /
``fourth``).  Page texts are joined with a form feed on a line of its own, so that
page headers and footers are found at the page edges.  A page set in two columns
is read column by column, and a watermark drawn turned across the page is left
out (``pdf_layout``).  A PDF without a text layer (a scan) is refused with a
pointer to OCR; encrypted PDFs are read only if the empty password opens them.
"""

from __future__ import annotations

import io
import logging
import math
import re
import struct
import zlib
from dataclasses import dataclass

import pypdf
from pypdf.errors import DependencyError, PyPdfError

from whereas.errors import InputError
from whereas.readers.base import MAX_PDF_PAGES, View
from whereas.readers.pdf_layout import Piece, find_stamp, is_turned, read_columns, times, without_stamp

#: What pypdf may raise on a damaged or hostile file besides its own errors.
_PDF_FAILURES: tuple[type[BaseException], ...] = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    AssertionError,
    RecursionError,
    OverflowError,
    ZeroDivisionError,
    struct.error,
    zlib.error,
)
SCANNED = "no text layer (a scanned PDF?); run OCR first, e.g. ocrmypdf"
# (tried only where a word starts: from inside a long word the same end would be looked for again and
# again, quadratic in the word's length, as in a text layer that lost its spaces)
_BROKEN_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-\n[ \t]*([^\W\d_]+)")
_BLANK_RUNS = re.compile(r"\n{3,}")


def sniff_pdf(head: bytes) -> bool:
    """True if the PDF header ``%PDF-`` is in the first 1 KB."""
    return b"%PDF-" in head[:1024]


def read_pdf(data: bytes, path: str | None = None) -> View:
    """Read a PDF's text layer into a text view."""
    if not data.strip():
        raise InputError(path, "empty file")
    if not sniff_pdf(data):
        raise InputError(path, "not a PDF (no %PDF- header)")
    reader = _open(data, path)
    pages = [_page_text(reader, number, path) for number in range(len(reader.pages))]
    # a form feed where a page ends: furniture finds headers and footers by it
    text = join_broken_words(join_broken_addresses("\n\f\n".join(page for page in pages if page)))
    if not text:
        raise InputError(path, SCANNED)
    return View(text=text + "\n", format="pdf", path=path)


def _open(data: bytes, path: str | None) -> pypdf.PdfReader:
    # pypdf logs what it repairs or guesses in a damaged file, at every level up to ERROR ("Ignoring
    # wrong pointing object 7 0", "Advanced encoding /X not implemented yet, using [… 256 characters]"):
    # that is the library's business, not the reader's of the resolution, and it would reach stderr
    # (through logging's last-resort handler) before whereas's own one-line error.  What pypdf cannot
    # read it raises, and that becomes the error.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader, path)
        count = len(reader.pages)
    except InputError:
        raise
    except _PDF_FAILURES as e:
        raise InputError(path, f"corrupt or unreadable PDF: {e}") from None
    if count > MAX_PDF_PAGES:
        raise InputError(path, f"PDF has {count} pages; whereas reads at most {MAX_PDF_PAGES}")
    return reader


def _decrypt(reader: pypdf.PdfReader, path: str | None) -> None:
    """Open an encrypted PDF with the empty user password, or refuse it."""
    try:
        result = reader.decrypt("")
    except DependencyError:
        raise InputError(path, "encrypted PDF: decrypting it needs the 'cryptography' package") from None
    if result == pypdf.PasswordType.NOT_DECRYPTED:
        raise InputError(path, "encrypted PDF that needs a password; save an unprotected copy first")


def _page_text(reader: pypdf.PdfReader, number: int, path: str | None) -> str:
    try:
        page = reader.pages[number]
        plain, pieces = _plain_text(page)
        stamp = find_stamp(pieces)
        if stamp is not None:  # a watermark drawn across the page ("DRAFT"): read the page without it
            page = without_stamp(page, stamp)
            plain, _ = _plain_text(page)
        try:
            raw = repair_words(read_columns(page.extract_text(extraction_mode="layout") or ""), plain)
        except _PDF_FAILURES:
            raw = plain
    except _PDF_FAILURES as e:
        raise InputError(path, f"corrupt or unreadable PDF (page {number + 1}): {e}") from None
    return tidy_page(raw, join=False)  # broken words are joined over the whole text (its compounds)


# a call-out's number: 1–3 digits, or a small roman numeral (Word numbers endnotes i, ii, iii, … by default)
_NUMBER = re.compile(r"[0-9]{1,3}|[ivxl]{1,6}")
_TO_SUPERSCRIPT = str.maketrans("0123456789ivxl", "⁰¹²³⁴⁵⁶⁷⁸⁹ⁱᵛˣˡ")
_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹ⁱᵛˣˡ", "0123456789ivxl")
#: a call-out's size against the text beside it: at most this when raised above the line (a word
#: processor's superscript), at most ``SMALL`` when set on the line (raised by a text rise pypdf does not read)
RAISED_SIZE, SMALL_SIZE = 0.85, 0.7


@dataclass(frozen=True)
class _Run:
    """A piece of text as the page draws it: where its baseline is and how big its letters are."""

    text: str
    baseline: float
    size: float


def _plain_text(page: pypdf.PageObject) -> tuple[str, list[Piece]]:
    """Plain mode's text of a page, its note call-outs (1–3 digits or a small roman numeral, set smaller
    and raised above the text beside them, as word processors print them) written as superscripts:
    ``2025¹``, not ``20251``; ``2024ⁱ``, not ``2024i``.  With it, each piece of text the page draws."""
    runs: list[_Run] = []
    pieces: list[Piece] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text:
            # the text's baseline and letter height on the page: the text matrix times the current matrix
            baseline = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            height = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            runs.append(_Run(text, baseline, abs(size) * height))
            pieces.append(Piece(text, abs(size) * height, is_turned(times(tm, cm))))

    plain = page.extract_text(visitor_text=visit) or ""
    callouts = [i for i in range(len(runs)) if _is_callout(runs, i)]
    if not callouts:
        return plain, pieces
    chars = list(plain)
    cursor = 0
    wanted = iter(callouts)
    target = next(wanted)
    for i, run in enumerate(runs):  # each run's text is found in the page's text in drawing order
        at = plain.find(run.text, cursor)
        if at == -1:
            continue
        cursor = at + len(run.text)
        if i == target:
            digits = _NUMBER.search(run.text)
            if digits:
                start = at + digits.start()
                chars[start : at + digits.end()] = digits.group().translate(_TO_SUPERSCRIPT)
                if start >= 2 and chars[start - 1] == " " and not chars[start - 2].isspace():
                    chars[start - 1] = ""  # set off by plain mode's spacing: it belongs to the word before
        if i >= target:
            target = next(wanted, -1)
            if target == -1:
                break
    return "".join(chars), pieces


def _is_callout(runs: list[_Run], i: int) -> bool:
    """Whether run ``i`` is a note call-out: 1–3 digits or a small roman numeral, smaller than the text beside it on its line (the
    run before it, or at a line's start the run after it) and raised above it, or much smaller and glued to the
    text before it."""
    run = runs[i]
    if not _NUMBER.fullmatch(run.text.strip()) or run.size <= 0:
        return False
    for j in (i - 1, i + 1):
        if not 0 <= j < len(runs) or not runs[j].text.strip():
            continue
        beside = runs[j]
        rise = run.baseline - beside.baseline
        if abs(rise) >= 0.8 * beside.size:
            continue  # another line
        glued = beside.text[-1:].strip() if j < i else beside.text[:1].strip()
        if 0.15 * beside.size <= rise and run.size <= RAISED_SIZE * beside.size:
            return True
        if j < i and abs(rise) < 0.05 * beside.size and glued and run.size <= SMALL_SIZE * beside.size:
            return True  # (after the text only: a bill's line numbers, set small before each line, are no call-outs)
        return False
    return False


_TOKEN = re.compile(r"\S+")
_SPACE = re.compile(r"\s+")
#: the most pieces a word broken by layout spacing is put back together from ("a nn ex")
MAX_PIECES = 8
#: the shortest line looked up in plain mode's text (a shorter one could be found anywhere)
MIN_ALIGNED = 4


def repair_words(layout: str, plain: str) -> str:
    """Layout-mode text with plain mode's spacing inside each line.

    pypdf's layout mode keeps the lines and the blank lines between paragraphs, but reads the wide
    letter spacing of justified text as spaces ("als o", "t h e  C o u r t", "Assembly ,") and the
    narrow spacing of some PDFs as none ("inwritingof").  Plain mode gets the words right and the
    layout wrong.  Each layout line is looked up in plain mode's text with the white space taken out
    (from where the previous line was found, so that the order is kept); found, its characters are
    written with plain mode's spaces between them.  A line plain mode does not have (reading order
    or characters differ) keeps layout mode's words, with neighbouring pieces joined where together
    they make a word of plain mode.  The characters themselves never change, only the spaces.
    """
    if not plain.strip():
        return layout
    # plain mode's text without white space, and for each of its characters the offset in ``plain``
    positions = [i for i, ch in enumerate(plain) if not ch.isspace()]
    # (looked up with call-outs as plain digits, as layout mode writes them; written as plain mode has them)
    unmarked = plain.translate(_FROM_SUPERSCRIPT)
    bare = "".join(unmarked[i] for i in positions)
    words = set(unmarked.split())
    cursor = 0
    out = []
    for line in layout.split("\n"):
        key = _SPACE.sub("", line).translate(_FROM_SUPERSCRIPT)
        found = -1
        if len(key) >= MIN_ALIGNED:
            found = bare.find(key, cursor)
            if found == -1:
                found = bare.find(key)
        if found == -1:
            out.append(_join_pieces(line, words))
            continue
        cursor = found + len(key)
        spaced = " ".join(plain[positions[found] : positions[cursor - 1] + 1].split())
        indent = line[: len(line) - len(line.lstrip())]
        out.append(indent + spaced)
    return "\n".join(out)


def _join_pieces(line: str, words: set[str]) -> str:
    """``line`` with neighbouring pieces joined where together they make a word of ``words`` that
    one of them alone is not ("als o" → "also")."""
    tokens = list(_TOKEN.finditer(line))
    if len(tokens) < 2:
        return line
    out: list[str] = []
    pos = 0
    i = 0
    while i < len(tokens):
        joined_to = None
        for n in range(min(MAX_PIECES, len(tokens) - i), 1, -1):
            pieces = [t.group() for t in tokens[i : i + n]]
            if "".join(pieces) in words and any(p not in words for p in pieces):
                joined_to = i + n
                break
        if joined_to is None:
            i += 1
            continue
        out.append(line[pos : tokens[i].start()])
        out.append("".join(t.group() for t in tokens[i:joined_to]))
        pos = tokens[joined_to - 1].end()
        i = joined_to
    out.append(line[pos:])
    return "".join(out)


# typographic ligatures a PDF's fonts draw as one glyph ("proﬁtable", "staﬀ"), and characters without width
_LIGATURES = str.maketrans(
    {
        "ﬀ": "ff",
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
        "ﬅ": "st",
        "ﬆ": "st",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u2060": None,
    }
)


#: the most indentation a line of PDF text keeps (beyond the page's margin)
MAX_INDENT = 12


def tidy_page(raw: str, *, join: bool = True) -> str:
    """Strip layout padding, fold blank-line runs, join lowercase words broken by a hyphen, spell out
    ligatures and drop zero-width characters."""
    raw = raw.translate(_LIGATURES).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    split = raw.split("\n")
    margin = min((len(line) - len(line.lstrip(" ")) for line in split if line.strip()), default=0)
    lines = []
    for line in split:
        words = " ".join(line.split())
        # the indentation beyond the page's margin stays (a sub-item under its item), up to MAX_INDENT
        indent = min(len(line) - len(line.lstrip(" ")) - margin, MAX_INDENT) if words else 0
        lines.append(" " * indent + words)
    text = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    return join_broken_words(text) if join else text


# a web address that a line end cuts, and the first word of the next line
_CUT_ADDRESS = re.compile(r"((?:https?://|www\.)[^\s<>\"“”]*)\n[ \t]*(?=(\S+))")
_GOES_ON = "-/_?=&%#~"  # an address does not end with these: it goes on on the next line
_ADDRESS_PART = re.compile(r"[\w.~%+/?=&#-]+[,;.)]?")
_ADDRESS_TAIL = re.compile(r"\S*(?:/|[?=&]|\.(?:pdf|html?|aspx?|php|jsp|docx?|xlsx?|txt)\b)")


def join_broken_addresses(text: str) -> str:
    """Join a web address a line end cut, as a word processor breaks a long one (after a slash or a hyphen, or
    anywhere): when it ends where no address ends ("…/policies/ALA-", "…/trustees/") and the next line starts
    with more of it ("code-of-ethics.pdf"), or when the next line's first word is plainly an address's tail
    (it has a slash, a query, or a file's suffix: "s/2024/report.pdf")."""

    def join(match: re.Match[str]) -> str:
        address, following = match.group(1), match.group(2)
        if not _ADDRESS_PART.fullmatch(following):
            return match.group(0)
        inner = following.rstrip(",;.)")
        # after a slash the next line may be a sentence's ("…/roi/" / "Accessed"): then only more of an address
        cut = address[-1] in _GOES_ON and (address[-1] != "/" or any(ch in ".-_/?=&%" for ch in inner))
        if cut or _ADDRESS_TAIL.match(inner):
            return address
        return match.group(0)

    return _CUT_ADDRESS.sub(join, text)


_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
_COMPOUND = re.compile(r"\b[^\W\d_]+-[^\W\d_]+\b")


def join_broken_words(text: str) -> str:
    """Join the lowercase words a hyphen broke at a line's end ("appropri-" / "ations"), but keep the
    hyphen of a compound: one the text writes with a hyphen elsewhere ("capacity-building"), and a
    number ("seventy-" / "fourth")."""
    compounds = {m.group(0).lower() for m in _COMPOUND.finditer(text)}

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if not (left[-1].islower() and right[0].islower()):
            return match.group(0)
        if f"{left}-{right}".lower() in compounds or left.lower() in _TENS:
            return f"{left}-{right}"
        return left + right

    return _BROKEN_WORD.sub(join, text)
