"""The text view of a Word document with, for every character, the XML it was read from.

``whereas review`` writes its comments and tracked changes into the document's own XML, so it needs
to know, for each character of the text view that the findings point into, which ``w:t`` (and which
character of it), tab, line break or note reference it came from.  The blocks and notes are read
by the Word reader itself (:func:`whereas.readers.docx.locate_body`, :func:`~whereas.readers.docx.
locate_notes`); this module lays them out exactly as :func:`whereas.readers.textview.render` does,
carrying the origins along, and :func:`locate` checks that the result is the reader's view, to the
character.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from whereas.readers.docx import W_NS, Origins
from whereas.readers.textview import Block, NoteKind, NoteRef, Segment, number_notes

W_T = f"{{{W_NS}}}t"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where one character of the view comes from: ``element`` and, for a ``w:t``, the index of the
    character in its text (``-1`` for an element that is one character, such as ``w:tab``, or a note
    reference, which is shown as ``[^N]``)."""

    element: etree._Element
    index: int

    @property
    def is_text(self) -> bool:
        return self.index >= 0

    @property
    def is_note_reference(self) -> bool:
        return self.element.tag in _REFERENCES


_REFERENCES = frozenset({f"{{{W_NS}}}footnoteReference", f"{{{W_NS}}}endnoteReference"})
_BREAKS = frozenset("\r\n\t\v\f\x85\u2028\u2029")


@dataclass
class LocatedView:
    """The view's text and one :class:`Origin` (or None: written by the reader) per character."""

    text: str
    origins: list[Origin | None]


class _Line:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origins: list[Origin | None] = []

    def add(self, text: str, origins: Sequence[Origin | None]) -> None:
        self.chars.append(text)
        self.origins.extend(origins)

    def text(self) -> str:
        return "".join(self.chars)

    def one_line(self) -> tuple[str, list[Origin | None]]:
        """As :func:`whereas.readers.textview.one_line`: breaks made spaces (one for one), ends stripped."""
        text = "".join(" " if c in _BREAKS else c for c in self.text())
        stripped = text.strip()
        if not stripped:
            return "", []
        lead = len(text) - len(text.lstrip())
        return stripped, self.origins[lead : lead + len(stripped)]


def _segment_origins(segment: str, element: etree._Element | None) -> list[Origin | None]:
    if element is None:
        return [None] * len(segment)
    if element.tag == W_T:
        return [Origin(element, i) for i in range(len(segment))]
    if len(segment) == 1 and element.tag.startswith(f"{{{W_NS}}}"):
        return [Origin(element, -1)]
    return [None] * len(segment)  # math text and the like: shown, never edited


def _paragraph(segments: Sequence[Segment], where: Origins, labels: Mapping[NoteRef, str]) -> _Line:
    line = _Line()
    for segment, element in zip(segments, where, strict=True):
        if isinstance(segment, NoteRef):
            marker = f"[^{labels[segment]}]"
            line.add(marker, [Origin(element, -1) if element is not None else None] * len(marker))
        else:
            line.add(segment, _segment_origins(segment, element))
    return line


def lay_out(
    blocks: Sequence[Block],
    wheres: Sequence[Origins],
    notes: Mapping[NoteRef, Sequence[tuple[Sequence[Segment], Origins]]],
    formats: Mapping[NoteKind, str] | None = None,
) -> LocatedView:
    """The view as :func:`whereas.readers.textview.render` writes it, with origins."""
    labels = number_notes(blocks, formats)
    paragraphs: list[tuple[str, list[Origin | None]]] = []
    for block, where in zip(blocks, wheres, strict=True):
        text, origins = _paragraph(block.segments, where, labels).one_line()
        if not text:
            continue
        if block.heading:
            text, origins = f"# {text}", [None, None, *origins]
        elif block.label:
            prefix = f"{block.label} "
            padding: list[Origin | None] = [None] * len(prefix)
            text, origins = prefix + text, padding + origins
        paragraphs.append((text, origins))
    note_lines: list[tuple[str, list[Origin | None]]] = []
    for ref, label in labels.items():
        if ref not in notes:
            continue
        parts = [_paragraph(segs, where, labels).one_line() for segs, where in notes[ref]]
        parts = [p for p in parts if p[0]]
        prefix = f"[^{label}]: "
        text, origins = prefix, [None] * len(prefix)
        for i, (t, o) in enumerate(parts):
            if i:
                text, origins = text + " ", [*origins, None]
            text, origins = text + t, origins + o
        note_lines.append((text, origins))
    out_text: list[str] = []
    out_origins: list[Origin | None] = []

    def put(text: str, origins: Sequence[Origin | None]) -> None:
        out_text.append(text)
        out_origins.extend(origins)

    for i, (t, o) in enumerate(paragraphs):
        if i:
            put("\n\n", [None, None])
        put(t, o)
    if note_lines:
        if paragraphs:
            put("\n\n", [None, None])
        for i, (t, o) in enumerate(note_lines):
            if i:
                put("\n", [None])
            put(t, o)
    if paragraphs or note_lines:
        put("\n", [None])
    return LocatedView("".join(out_text), out_origins)
