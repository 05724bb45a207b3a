"""The resolution: typed, immutable values with a source position for every element.

Every element carries a :class:`Span` – half-open character offsets into
``Source.text``.  For plain text and Markdown files ``Source.text`` is the file's
exact content; for the other formats it is the reader's *text view* of the
document (see ``docs/formats.md``), so that positions, diagnostics and fixes all
address one string.  ``Source.position(offset)`` turns an offset into a
1-based line and column.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import FrozenInstanceError, dataclass, field
from functools import cached_property
from typing import Literal

ClauseKind = Literal["recital", "resolved"]
#: How a clause opens (see :class:`Keyword`).
KeywordForm = Literal[
    "whereas",
    "preamble",
    "resolved",
    "resolve",
    "enacted",
    "ordered",
    "voted",
    "that",
    "therefore",
    "section",
    "operative",
    "motion",
    "none",
]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open ``[start, end)`` character offsets into ``Source.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def strip(self, text: str) -> Span:
        """This span without the white space at its ends in ``text``."""
        start, end = self.start, self.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, end)


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column, and the 0-based offset they stand for."""

    line: int
    column: int
    offset: int


@dataclass(frozen=True)
class Source:
    """The text every position refers to, and where it came from."""

    text: str
    format: str
    path: str | None = None
    #: each note's label in the text and its kind as the document has it (("1", "footnote"), ("i", "endnote")),
    #: for a Word or OpenDocument file, whose reader knows; empty elsewhere (the notes are just notes)
    note_kinds: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @cached_property
    def _line_starts(self) -> tuple[int, ...]:
        starts = [0]
        text = self.text
        i = text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        return tuple(starts)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        starts = self._line_starts
        line = bisect.bisect_right(starts, offset) - 1
        return Position(line + 1, offset - starts[line] + 1, offset)

    def line_column(self, offset: int) -> tuple[int, int]:
        """``position(offset)``'s line and column, without building a Position (reports call it often)."""
        offset = 0 if offset < 0 else min(offset, len(self.text))
        starts = self._line_starts
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line break."""
        starts = self._line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]


class MappedText:
    """A cleaned string and, for each of its characters, the source offset it came from.

    Cleaning removes note markers, inline note text and Markdown emphasis and folds runs of white
    space; ``offsets[i]`` is where ``text[i]`` stands in the source.

    The offsets are kept as *runs* of consecutive source offsets (a clause is a few runs, not one
    offset per character): ``text[starts[k]]`` comes from source offset ``sources[k]``, and each
    character after it, up to the next run, from the offset after the previous one's.  ``offsets``
    is built from the runs when first read; :meth:`source_offset` and :meth:`source_span` answer
    from the runs.  ``MappedText(text, offsets)`` takes an offset per character, :meth:`from_runs`
    the runs.  Immutable; two are equal when their texts and offsets are.
    """

    __slots__ = ("text", "_starts", "_sources", "_offsets")

    text: str
    _starts: list[int]
    _sources: list[int]
    _offsets: tuple[int, ...] | None  # built from the runs when first read

    def __init__(
        self, text: str, offsets: Sequence[int] = (), *, runs: tuple[list[int], list[int]] | None = None
    ) -> None:
        if runs is None:
            if len(text) != len(offsets):
                raise ValueError("one offset per character")
            runs = _runs_of(offsets)
        starts, sources = runs
        set_slot = object.__setattr__  # (immutable: __setattr__ refuses)
        set_slot(self, "text", text)
        set_slot(self, "_starts", starts)
        set_slot(self, "_sources", sources)
        set_slot(self, "_offsets", None)

    @classmethod
    def from_runs(cls, text: str, starts: list[int], sources: list[int]) -> MappedText:
        """``text[starts[k]]`` comes from ``sources[k]``, and each character after it, up to the next run,
        from the source offset after the previous one.  ``starts`` ascends from 0 (empty for no text)."""
        return cls(text, runs=(starts, sources))

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[object, ...]:
        return MappedText.from_runs, (self.text, self._starts, self._sources)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MappedText):
            return NotImplemented
        return self.text == other.text and self.offsets == other.offsets

    def __hash__(self) -> int:
        return hash((self.text, self.offsets))

    def __repr__(self) -> str:
        return f"MappedText(text={self.text!r}, offsets={self.offsets!r})"

    @property
    def offsets(self) -> tuple[int, ...]:
        """The source offset of each character of ``text``."""
        offsets = self._offsets
        if offsets is None:
            starts, sources = self._starts, self._sources
            out: list[int] = []
            last = len(starts) - 1
            for k, lo in enumerate(starts):
                hi = starts[k + 1] if k < last else len(self.text)
                out.extend(range(sources[k], sources[k] + hi - lo))
            offsets = tuple(out)
            object.__setattr__(self, "_offsets", offsets)
        return offsets

    def runs(self) -> tuple[list[int], list[int]]:
        """(starts, sources): the offsets as runs of consecutive source offsets (see :meth:`from_runs`)."""
        return self._starts, self._sources

    def slice(self, start: int, end: int) -> MappedText:
        """The clean characters ``[start, end)`` with their offsets (``offsets[start:end]``)."""
        n = len(self.text)
        start, end, _ = slice(start, end).indices(n)
        if end <= start:
            return MappedText.from_runs("", [], [])
        starts, sources = self._starts, self._sources
        k = bisect.bisect_right(starts, start) - 1
        new_starts = [0]
        new_sources = [sources[k] + start - starts[k]]
        k += 1
        while k < len(starts) and starts[k] < end:
            new_starts.append(starts[k] - start)
            new_sources.append(sources[k])
            k += 1
        return MappedText.from_runs(self.text[start:end], new_starts, new_sources)

    def source_offset(self, index: int) -> int:
        """Source offset of clean index ``index`` (``len(text)`` maps past the last char)."""
        n = len(self.text)
        if not n:
            return 0
        past = 0
        if index >= n:
            index, past = n - 1, 1
        elif index < 0:
            index = 0
        starts = self._starts
        if len(starts) == 1:
            return self._sources[0] + index + past
        k = bisect.bisect_right(starts, index) - 1
        return self._sources[k] + index - starts[k] + past

    def source_span(self, start: int, end: int) -> Span:
        """Source span covering clean characters ``[start, end)``."""
        if end <= start:
            s = self.source_offset(start)
            return Span(s, s)
        if len(self._starts) == 1:
            # one run (most clauses): source_offset(i) is sources[0] + i, with i held to 0..len(text)
            n = len(self.text)
            base = self._sources[0]
            lo = 0 if start < 0 else (n if start > n else start)
            hi = 0 if end - 1 < 0 else (n if end - 1 > n else end - 1)
            return Span(base + lo, base + hi + 1)
        return Span(self.source_offset(start), self.source_offset(end - 1) + 1)


def _runs_of(offsets: Sequence[int]) -> tuple[list[int], list[int]]:
    """``offsets`` as runs of consecutive source offsets: (where each starts in the text, its first source offset)."""
    starts: list[int] = []
    sources: list[int] = []
    previous = -2
    for i, o in enumerate(offsets):
        if o != previous + 1:
            starts.append(i)
            sources.append(o)
        previous = o
    return starts, sources


@dataclass(frozen=True)
class Marker:
    """A note call-out in the body: ``[endnoteRef:1]``, ``[^1]``, ``[1]``, a superscript digit…"""

    note: str
    span: Span
    raw: str


@dataclass(frozen=True)
class Citation:
    """What a note cites, as far as it can be read from the note's text."""

    author: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Note:
    """An endnote or footnote."""

    id: str
    text: str
    span: Span
    urls: tuple[str, ...] = ()
    citation: Citation = field(default_factory=Citation)
    inline: bool = False  # the note's text sat inside the body (a Word export's inline note)
    kind: Literal["endnote", "footnote", "note"] = "note"

    @property
    def url(self) -> str | None:
        return self.urls[0] if self.urls else None


@dataclass(frozen=True)
class Keyword:
    """How a clause opens, read once by the structure builder's keyword grammar (``structure/keywords.py``).

    ``form`` says which opening it is: ``whereas`` ("Whereas", "WHEREAS,", "And whereas"), ``preamble`` (a
    preamble paragraph without Whereas: "Recalling …", "Realizing that …", a paragraph under
    "Background"), ``resolved`` ("Resolved, that", "BE IT FURTHER RESOLVED, That", "It is hereby
    resolved that"), ``resolve`` ("Resolve that", "RESOLVES", "The Board hereby resolves that"),
    ``enacted`` ("BE IT ORDAINED", "BE IT ENACTED"), ``ordered`` ("IT IS ORDERED", "ORDERED, That"), ``that`` ("That …" of a series under a "Resolved:"
    label), ``therefore`` ("THEREFORE, DSA will …"), ``section`` ("Section 1.", "SEC. 2."),
    ``operative`` (a numbered operative paragraph: "1. Decides …"), ``motion`` (a motion's clause in the British
    form: "Conference notes that …", or an item under a "Conference resolves:" / "That Council:" heading, which
    is then ``text`` with ``word`` None).  The index pairs are ``[start, end)``
    into the clause's clean ``text`` (map them with ``Clause.mapped``): ``word`` the keyword's main
    word ("Whereas", "RESOLVED", "Section 2"), ``punct`` the punctuation right after it (empty when
    none: start == end), ``that`` the "that" after "Resolved".  ``plain`` is true when the main word
    opens the clause (after at most "And", "Further", "Finally"): "Resolved, that", not "BE IT
    RESOLVED".  ``damaged`` marks a keyword read through damage (an OCR's "IVHEREAS", a misread joiner
    "ASN WHEREAS"): rules leave such a clause's wording alone.
    """

    text: str = ""
    form: KeywordForm = "none"
    word: tuple[int, int] | None = None
    punct: tuple[int, int] | None = None
    that: tuple[int, int] | None = None
    plain: bool = False
    damaged: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Item:
    """A numbered or lettered item inside a clause: ``1. urges …;``, ``(2) recognizes …``.

    ``label`` is the bare label ("1", "a", "-"), ``marker`` the label as written ("1.", "(a)", "-").
    """

    label: str
    text: str
    span: Span
    marker: str = ""


@dataclass(frozen=True)
class Clause:
    """A recital ("Whereas …") or a resolving clause ("Resolved, that …").

    ``text`` is the clause as drafted (keyword included) with note markers, inline
    note text and Markdown emphasis removed and white space folded; ``mapped``
    maps each of its characters back to the source.
    """

    kind: ClauseKind
    index: int
    text: str
    span: Span
    mapped: MappedText
    keyword: Keyword  # how it opens: "Whereas", "WHEREAS,", "RESOLVED, that", "Section 2." (see Keyword)
    markers: tuple[Marker, ...] = ()
    items: tuple[Item, ...] = ()
    inline_notes: tuple[Span, ...] = ()  # inline note blocks ("[1: …]") found inside the clause

    @property
    def notes(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in self.markers:
            seen.setdefault(m.note, None)
        return tuple(seen)

    @property
    def ref(self) -> str:
        return f"{'preamble' if self.kind == 'recital' else 'resolved'}[{self.index}]"


@dataclass(frozen=True)
class Quotation:
    """Words quoted from someone else, without their quotation marks."""

    text: str
    span: Span  # the quoted words, inside the marks
    clause: str  # Clause.ref of the clause it sits in
    note: str | None = None
    speaker: str | None = None
    block: bool = False
    open_mark: str = '"'
    close_mark: str = '"'


@dataclass(frozen=True)
class Sponsors:
    """Who brings the resolution: mover and seconder, submitting unit, or named sponsors."""

    mover: str | None = None
    seconder: str | None = None
    submitted_by: str | None = None
    others: tuple[str, ...] = ()
    span: Span | None = None

    def __bool__(self) -> bool:
        return bool(self.mover or self.seconder or self.submitted_by or self.others)

    def as_dict(self) -> dict[str, object]:
        return {
            "mover": self.mover,
            "seconder": self.seconder,
            "submitted_by": self.submitted_by,
            "others": list(self.others),
        }


@dataclass(frozen=True)
class Title:
    """The resolution's title as written ("Resolution on Libraries") and where it is."""

    text: str
    span: Span


@dataclass(frozen=True)
class Formula:
    """The connector between preamble and resolving clauses ("; now, therefore, be it")."""

    text: str
    span: Span
    #: "preamble": it ends the last recital; "resolved": it opens the resolving paragraph
    placement: Literal["preamble", "resolved"] = "preamble"


@dataclass(frozen=True)
class Resolution:
    """One resolution: its title and sponsors, the preamble's recitals, the connector, the resolving clauses and the
    notes, each with its span in ``source``."""

    source: Source
    span: Span
    title: Title | None = None
    sponsors: Sponsors = field(default_factory=Sponsors)
    preamble: tuple[Clause, ...] = ()
    formula: Formula | None = None
    resolved: tuple[Clause, ...] = ()
    notes: tuple[Note, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    #: the resolution as another text reproduces it (a news article, a report, minutes: "adopted the
    #: following resolutions:—", a block quotation): a title or sponsor line may be that text's to give
    reproduced: bool = False

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return self.preamble + self.resolved

    def clause(self, ref: str) -> Clause:
        for c in self.clauses:
            if c.ref == ref:
                return c
        raise KeyError(ref)

    def note(self, note_id: str) -> Note | None:
        for n in self.notes:
            if n.id == note_id:
                return n
        return None

    def position(self, offset: int) -> Position:
        return self.source.position(offset)
