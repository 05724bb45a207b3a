"""Writing a word processor's paragraphs and notes as whereas's text view.

The .docx and .odt readers both reduce a document to :class:`Block` values (a
paragraph's text with :class:`NoteRef` call-outs left in place) and a mapping of
note texts; :func:`render` numbers the notes as the word processor displays them
and writes the dialect described in :mod:`whereas.readers.base`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

NoteKind = Literal["footnote", "endnote"]


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A note call-out: the note's kind and the document's own id for it (never shown)."""

    kind: NoteKind
    key: str


Segment = str | NoteRef


@dataclass
class Block:
    """One paragraph of the view."""

    segments: list[Segment] = field(default_factory=list)
    heading: bool = False  # written as "# text"
    label: str = ""  # a list number as displayed, e.g. "1." or "(a)"

    def plain(self) -> str:
        """The paragraph's text without its note call-outs."""
        return one_line("".join(s for s in self.segments if isinstance(s, str)))


Role = Literal["title", "heading", ""]


@dataclass
class Paragraph:
    """A block and what its style says it is, before the title is chosen."""

    block: Block
    role: Role = ""


def choose_title(paragraphs: Sequence[Paragraph]) -> list[Block]:
    """The blocks, with Title-styled paragraphs made headings (``# …``).

    A document without a Title-styled paragraph gets its first heading before any
    "Whereas" paragraph as its title instead; other headings stay plain paragraphs.
    """
    titles = [p for p in paragraphs if p.role == "title" and p.block.plain()]
    if not titles:
        for p in paragraphs:
            if p.block.plain().lower().startswith("whereas"):
                break
            if p.role == "heading" and p.block.plain():
                titles = [p]
                break
    for p in titles:
        p.block.heading = True
    return [p.block for p in paragraphs]


_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with line breaks and tabs turned into spaces, ends stripped."""
    return _BREAKS.sub(" ", text).strip()


_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: what a superscript written as superscript digits holds: digits, and commas, dashes and spaces between them
_RAISED_NUMBERS = re.compile(r"[ \t]*[0-9][0-9,\-–— \t]*")


def raised(text: str) -> str:
    """The text of a run the document sets as a superscript, as the view writes it.  Digits (``1``, ``2,3``)
    are written as superscript digits, the way the PDF reader writes a printed call-out: a typed note
    call-out (``times¹``), a unit's power (``m²``); the structure builder reads one that calls out a
    printed notes list as it does a PDF's.  Anything else is left as it is: ``1st``'s ``st``, a bracketed
    ``[1]`` (read as a call-out as typed), a symbol (``*``, ``†``)."""
    return text.translate(_SUPERSCRIPT_DIGITS) if _RAISED_NUMBERS.fullmatch(text) else text


#: The largest list number written as a Roman numeral or in letters: the document sets a list's start
#: value, and "zzz…" or "mmm…" as long as 3 000 000 000 000 is no label (docs/limits.md).  Beyond it,
#: and below 1, the number is written in decimal.
MAX_LIST_NUMBER = 10_000


def roman(n: int) -> str:
    """``n`` (>= 1) as a lower-case Roman numeral (in decimal beyond ``MAX_LIST_NUMBER``)."""
    if not 1 <= n <= MAX_LIST_NUMBER:
        return str(n)
    out = []
    for value, numeral in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def letter(n: int) -> str:
    """``n`` (>= 1) as a lower-case list letter the way word processors count: a … z, aa, bb …
    (in decimal beyond ``MAX_LIST_NUMBER``)"""
    if not 1 <= n <= MAX_LIST_NUMBER:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


#: how a word processor numbers each kind of note unless the document says otherwise: footnotes 1, 2, 3;
#: endnotes i, ii, iii (Word's default and LibreOffice's: MS-OI29500 2.1.306)
DEFAULT_NOTE_FORMATS: Mapping[NoteKind, str] = {"footnote": "decimal", "endnote": "lowerRoman"}


def number_label(n: int, fmt: str) -> str:
    """``n`` as a note or list number in a word processor's format (Word's names: "lowerRoman", "upperLetter" …;
    decimal for every format not known here)."""
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "lowerLetter":
        return letter(n)
    if fmt == "upperLetter":
        return letter(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def number_notes(blocks: Iterable[Block], formats: Mapping[NoteKind, str] | None = None) -> dict[NoteRef, str]:
    """Display labels for the notes, numbered per kind in order of first call-out, the way the document
    shows them (``formats``: each kind's number format, as :func:`number_label` takes it).

    Without ``formats`` (the reader does not know how the document numbers its notes), the notes are
    numbered 1, 2, 3 …, and when a document has both kinds, endnotes are numbered i, ii, iii …  Two
    kinds numbered alike ("1" a footnote and "1" an endnote) would be one note in the view: then too
    footnotes keep 1, 2, 3 and endnotes get i, ii, iii.
    """
    order: dict[NoteKind, list[NoteRef]] = {"footnote": [], "endnote": []}
    seen: set[NoteRef] = set()
    for block in blocks:
        for seg in block.segments:
            if isinstance(seg, NoteRef) and seg not in seen:
                seen.add(seg)
                order[seg.kind].append(seg)
    both = bool(order["footnote"] and order["endnote"])
    fallback: Mapping[NoteKind, str] = {"footnote": "decimal", "endnote": "lowerRoman" if both else "decimal"}
    labels = _labels(order, formats or fallback)
    if len(set(labels.values())) < len(labels):  # "1" a footnote and "1" an endnote: one note in the view
        labels = _labels(order, {"footnote": "decimal", "endnote": "lowerRoman"})
    return labels


def _labels(order: Mapping[NoteKind, list[NoteRef]], formats: Mapping[NoteKind, str]) -> dict[NoteRef, str]:
    return {ref: number_label(i, formats[kind]) for kind, refs in order.items() for i, ref in enumerate(refs, 1)}


def _block_line(block: Block, labels: Mapping[NoteRef, str]) -> str:
    text = one_line("".join(s if isinstance(s, str) else f"[^{labels[s]}]" for s in block.segments))
    if not text:
        return ""
    if block.heading:
        return f"# {text}"
    return f"{block.label} {text}" if block.label else text


def note_kinds(
    blocks: Sequence[Block], notes: Mapping[NoteRef, str], formats: Mapping[NoteKind, str] | None = None
) -> tuple[tuple[str, str], ...]:
    """Each note line's label and its kind ("footnote", "endnote"), as ``render`` writes them."""
    return tuple((label, ref.kind) for ref, label in number_notes(blocks, formats).items() if ref in notes)


def render(blocks: Sequence[Block], notes: Mapping[NoteRef, str], formats: Mapping[NoteKind, str] | None = None) -> str:
    """The text view: one paragraph per block, then one ``[^N]: text`` line per note called out.

    A call-out whose note is missing from ``notes`` keeps its marker and gets no
    note line; notes never called out are left out, as the word processor does.
    """
    labels = number_notes(blocks, formats)
    paragraphs = [line for line in (_block_line(b, labels) for b in blocks) if line]
    note_lines = [f"[^{label}]: {one_line(notes[ref])}" for ref, label in labels.items() if ref in notes]
    parts = ["\n\n".join(paragraphs)] if paragraphs else []
    if note_lines:
        parts.append("\n".join(note_lines))
    return "\n\n".join(parts) + "\n" if parts else ""


def join_note_paragraphs(paragraphs: Iterable[str]) -> str:
    """A note's paragraphs as one line, joined by a space."""
    return " ".join(p for p in (one_line(t) for t in paragraphs) if p)


def same_url(shown: str, url: str) -> bool:
    """Whether a link's display text is its URL already (up to a trailing slash or ``mailto:``)."""

    def norm(s: str) -> str:
        s = s.strip()
        s = s.removeprefix("mailto:")
        return s.rstrip("/")

    return norm(shown) == norm(url)


def with_url(shown: str, url: str) -> str:
    """What to append after a link's text so its URL is written out ("" when it already is)."""
    if not url or url.startswith("#") or same_url(shown, url):
        return ""
    return f" <{url}>"
