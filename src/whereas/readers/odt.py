"""The OpenDocument reader: an .odt package's ``content.xml`` as whereas's text view.

Same dialect and limits as the Word reader (see ``docs/formats.md``): paragraphs
(``text:p``, ``text:h``) become blocks, ``text:note`` becomes a ``[^N]`` call-out
with its body written at the end, tracked changes read as accepted (deleted text
lives only in ``text:tracked-changes``, which is skipped), annotations ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from whereas.errors import InputError
from whereas.readers.base import View
from whereas.readers.package import open_package
from whereas.readers.tables import label_text, metadata_pairs
from whereas.readers.textview import (
    DEFAULT_NOTE_FORMATS,
    Block,
    NoteKind,
    NoteRef,
    Paragraph,
    Role,
    Segment,
    choose_title,
    join_note_paragraphs,
    note_kinds,
    number_label,
    raised,
    render,
    with_url,
)

OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
XLINK_NS = "http://www.w3.org/1999/xlink"
#: Most spaces one ``text:s`` element may stand for (``text:c`` is the author's, not ours, to trust).
MAX_SPACES = 1000


def t(name: str) -> str:
    """The Clark name of an ODF ``text:`` element or attribute."""
    return f"{{{TEXT_NS}}}{name}"


def read_odt(data: bytes, path: str | None = None) -> View:
    """Read an .odt file's bytes into the text view (format ``"odt"``)."""
    package = open_package(data, path, "OpenDocument text (.odt)")
    content = package.xml("content.xml")
    if content is None:
        raise InputError(path, "not an OpenDocument file: content.xml is missing")
    body = content.find(f"{{{OFFICE_NS}}}body/{{{OFFICE_NS}}}text")
    if body is None:
        raise InputError(path, "not an OpenDocument text: content.xml has no office:text body")
    styles_part = package.xml("styles.xml")
    styles = _Styles(content, styles_part)
    reader = _Reader(styles)
    try:
        reader.blocks_of(body, 0)
    except RecursionError:
        raise InputError(path, "content.xml is nested too deeply to read") from None
    blocks = choose_title(reader.paras)
    formats = _note_formats(styles_part)
    return View(render(blocks, reader.notes, formats), "odt", path, note_kinds(blocks, reader.notes, formats))


# --- styles: titles and list numbering --------------------------------------------------------


@dataclass(frozen=True)
class _ListLevel:
    fmt: str  # ODF style:num-format: "1", "a", "A", "i", "I", "" (no number), or "bullet" (a bulleted list's level)
    prefix: str
    suffix: str
    start: int


class _Styles:
    def __init__(self, content: etree._Element, styles: etree._Element | None) -> None:
        self._parents: dict[str, str] = {}
        self._positions: dict[str, str] = {}  # a style's own style:text-position ("super 58%", "-33% 58%")
        self._lists: dict[str, dict[int, _ListLevel | None]] = {}
        for root in (styles, content):
            if root is not None:
                self._load(root)

    def _load(self, root: etree._Element) -> None:
        for style in root.iter(f"{{{STYLE_NS}}}style"):
            name = style.get(f"{{{STYLE_NS}}}name", "")
            self._parents[name] = style.get(f"{{{STYLE_NS}}}parent-style-name", "")
            props = style.find(f"{{{STYLE_NS}}}text-properties")
            if props is not None and props.get(f"{{{STYLE_NS}}}text-position"):
                self._positions[name] = props.get(f"{{{STYLE_NS}}}text-position", "")
        for list_style in root.iter(t("list-style")):
            self._lists[list_style.get(f"{{{STYLE_NS}}}name", "")] = _list_levels(list_style)

    def _lineage(self, style: str) -> Iterator[str]:
        seen: set[str] = set()
        while style and style not in seen and len(seen) < 20:
            seen.add(style)
            yield style
            style = self._parents.get(style, "")

    def is_title(self, style: str) -> bool:
        return "Title" in self._lineage(style)

    def is_superscript(self, style: str) -> bool:
        """Whether text in ``style`` is raised above the line: its nearest ``style:text-position`` is
        ``super`` or a positive percentage (LibreOffice writes Word's superscript as ``super 58%``)."""
        position = next((self._positions[s] for s in self._lineage(style) if s in self._positions), "")
        raise_by = position.split()[0] if position.split() else ""
        return raise_by == "super" or (raise_by.endswith("%") and _float(raise_by[:-1]) > 0)

    def list_level(self, style: str, level: int) -> _ListLevel | None:
        return self._lists.get(style, {}).get(level)


def _list_levels(list_style: etree._Element) -> dict[int, _ListLevel | None]:
    levels: dict[int, _ListLevel | None] = {}
    for el in list_style:
        level = _int(el.get(t("level"), "1"), 1)
        if el.tag == t("list-level-style-number"):
            levels[level] = _ListLevel(
                el.get(f"{{{STYLE_NS}}}num-format", "1"),
                el.get(f"{{{STYLE_NS}}}num-prefix", ""),
                el.get(f"{{{STYLE_NS}}}num-suffix", ""),
                _int(el.get(t("start-value"), "1"), 1),
            )
        elif el.tag == t("list-level-style-bullet"):
            levels[level] = _ListLevel("bullet", "", "", 1)  # written "•", whatever glyph the list shows
        else:
            levels[level] = None  # images: no label written
    return levels


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default


#: OpenDocument's number formats by the names number_label takes
_FORMATS = {"1": "decimal", "i": "lowerRoman", "I": "upperRoman", "a": "lowerLetter", "A": "upperLetter"}


def _format_number(n: int, fmt: str) -> str:
    return number_label(n, _FORMATS.get(fmt, "decimal"))


def _note_formats(styles: etree._Element | None) -> dict[NoteKind, str]:
    """How the document numbers its footnotes and endnotes: its ``text:notes-configuration``, else the
    word processor's default (footnotes 1, 2, 3; endnotes i, ii, iii)."""
    formats: dict[NoteKind, str] = dict(DEFAULT_NOTE_FORMATS)
    for config in styles.iter(t("notes-configuration")) if styles is not None else ():
        kind: NoteKind = "endnote" if config.get(t("note-class")) == "endnote" else "footnote"
        fmt = config.get(f"{{{STYLE_NS}}}num-format")
        if fmt:
            formats[kind] = _FORMATS.get(fmt, "decimal")
    return formats


# --- paragraphs and notes ---------------------------------------------------------------------

_SKIPPED = frozenset(
    {
        t("tracked-changes"), t("note-citation"), t("ruby-text"), t("sequence-decls"), t("variable-decls"),
        f"{{{OFFICE_NS}}}annotation", f"{{{OFFICE_NS}}}annotation-end", f"{{{OFFICE_NS}}}forms",
    }
)  # fmt: skip
_FOLD = re.compile(r"[ \t\r\n]+")


@dataclass
class _List:
    """Counters of one list being read, per level."""

    style: str
    counters: dict[int, int] = field(default_factory=dict)


class _Reader:
    """Walks ``office:text`` collecting paragraphs and the notes met inside them."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.paras: list[Paragraph] = []
        self.notes: dict[NoteRef, str] = {}
        self._lists: list[_List] = []
        self._last_list: dict[str, dict[int, int]] = {}
        self._anonymous_notes = 0

    # blocks

    def blocks_of(self, container: etree._Element, level: int, label: str = "") -> None:
        for child in container:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag.startswith(f"{{{DRAW_NS}}}"):  # a frame or shape anchored to the page: its text boxes
                for box in _text_boxes(child, itself=True):
                    self.blocks_of(box, level)
            elif tag in (t("p"), t("h")):
                for box in _text_boxes(child):  # a box anchored in the paragraph is read before its text
                    self.blocks_of(box, level)
                self._paragraph(child, label)
                label = ""  # only an item's first paragraph carries its number
            elif tag == t("list"):
                self._list(child, level + 1)
            elif tag == f"{{{TABLE_NS}}}table" and self._form(child):
                pass  # a table of labelled metadata, read as its "Label: value" lines
            else:
                self.blocks_of(child, level)  # sections, tables, rows, cells, indexes …

    def _form(self, table: etree._Element) -> bool:
        """Read a table of labelled metadata (:mod:`whereas.readers.tables`) as one "Label: value" paragraph a
        pair; False (nothing read) for any other table, or one with merged or nested cells."""
        rows = list(table.iter(f"{{{TABLE_NS}}}table-row"))
        cell_tag = f"{{{TABLE_NS}}}table-cell"
        if any(True for _ in table.iterdescendants(f"{{{TABLE_NS}}}table")) or any(
            c.get(f"{{{TABLE_NS}}}number-columns-spanned", "1") != "1" for c in table.iter(cell_tag)
        ):
            return False
        grid = [[c for c in row if c.tag == cell_tag] for row in rows]
        pairs = metadata_pairs([[" ".join(c.itertext()) for c in row] for row in grid])
        if not pairs:
            return False
        for (li, lj), (vi, vj) in pairs:
            label = label_text(" ".join(grid[li][lj].itertext()))
            segments: list[Segment] = [f"{label}: "]
            for n, p in enumerate(grid[vi][vj].iter(t("p"), t("h"))):
                segments += ([" "] if n else []) + self._inline(p, in_note=False)
            self.paras.append(Paragraph(Block(segments)))
        return True

    def _paragraph(self, p: etree._Element, label: str) -> None:
        segments = self._inline(p, in_note=False)
        style = p.get(t("style-name"), "")
        role: Role = "title" if self.styles.is_title(style) else "heading" if p.tag == t("h") else ""
        self.paras.append(Paragraph(Block(segments, label="" if role else label), role))

    def _list(self, lst: etree._Element, level: int) -> None:
        style = lst.get(t("style-name")) or (self._lists[-1].style if self._lists else "")
        if level == 1:
            continued = lst.get(t("continue-numbering")) == "true" or lst.get(t("continue-list")) is not None
            self._lists.append(_List(style, dict(self._last_list.get(style, {})) if continued else {}))
        current = self._lists[-1] if self._lists else _List(style)
        for item in lst:
            if item.tag == t("list-item"):
                self.blocks_of(item, level, self._item_label(item, current, style, level))
            elif item.tag == t("list-header"):
                self.blocks_of(item, level)
        if level == 1 and self._lists:
            done = self._lists.pop()
            self._last_list[done.style] = done.counters

    def _item_label(self, item: etree._Element, lst: _List, style: str, level: int) -> str:
        spec = self.styles.list_level(style, level)
        counters = lst.counters
        explicit = _int(item.get(t("start-value"), ""), 0)
        if explicit > 0:
            counters[level] = explicit
        elif level in counters:
            counters[level] += 1
        else:
            counters[level] = spec.start if spec else 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        shown = (item.findtext(t("number")) or "").strip()  # a number the writer stored, if any
        if shown:
            return shown
        if spec is None or not spec.fmt:
            return ""
        if spec.fmt == "bullet":
            return "•"
        return f"{spec.prefix}{_format_number(counters[level], spec.fmt)}{spec.suffix}".strip()

    # inline text

    def _inline(self, el: etree._Element, *, in_note: bool) -> list[Segment]:
        out: list[Segment] = []
        self._collect(el, out, in_note)
        return out

    def _collect(self, el: etree._Element, out: list[Segment], in_note: bool) -> None:
        if el.text:
            out.append(_FOLD.sub(" ", el.text))
        for child in el:
            self._child(child, out, in_note)
            if child.tail:
                out.append(_FOLD.sub(" ", child.tail))

    def _child(self, child: etree._Element, out: list[Segment], in_note: bool) -> None:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED or tag.startswith(f"{{{DRAW_NS}}}") or tag == t("number"):
            return
        if tag == t("s"):
            out.append(" " * min(max(_int(child.get(t("c"), "1"), 1), 1), MAX_SPACES))
        elif tag in (t("tab"), t("line-break")):
            out.append(" ")
        elif tag == t("note"):
            if not in_note:
                out.append(self._note(child))
        elif tag == t("span") and self.styles.is_superscript(child.get(t("style-name"), "")):
            start = len(out)
            self._collect(child, out, in_note)
            out[start:] = [raised(s) if isinstance(s, str) else s for s in out[start:]]
        elif tag == t("a") and in_note:
            start = len(out)
            self._collect(child, out, in_note)
            shown = "".join(s for s in out[start:] if isinstance(s, str))
            out.append(with_url(shown, child.get(f"{{{XLINK_NS}}}href", "")))
        else:
            self._collect(child, out, in_note)  # spans, links, fields, ruby bases, meta …

    def _note(self, note: etree._Element) -> NoteRef:
        kind: NoteKind = "endnote" if note.get(t("note-class")) == "endnote" else "footnote"
        key = note.get(t("id"))
        if not key:
            self._anonymous_notes += 1
            key = f"#{self._anonymous_notes}"
        ref = NoteRef(kind, key)
        body = note.find(t("note-body"))
        paragraphs = _note_paragraphs(body) if body is not None else iter(())
        texts = ("".join(s for s in self._inline(p, in_note=True) if isinstance(s, str)) for p in paragraphs)
        self.notes[ref] = join_note_paragraphs(texts)
        return ref


_BLOCK_TAGS = frozenset({t("p"), t("h"), t("list")})


def _text_boxes(el: etree._Element, *, itself: bool = False) -> Iterator[etree._Element]:
    """The drawing elements inside ``el`` (or ``el`` itself) that hold paragraphs: a text frame's
    ``draw:text-box``, or a shape (``draw:custom-shape``, ``draw:rect`` …) with text, as LibreOffice writes
    a Word text box.  A box inside a box is found when its outer box is read; notes are not looked into."""
    children = [el] if itself else list(el)
    for child in children:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED or tag == t("note"):
            continue
        if tag.startswith(f"{{{DRAW_NS}}}") and any(c.tag in _BLOCK_TAGS for c in child):
            yield child
        else:
            yield from _text_boxes(child)


def _note_paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    for child in container:
        if child.tag in (t("p"), t("h")):
            yield child
        elif isinstance(child.tag, str) and child.tag not in _SKIPPED:
            yield from _note_paragraphs(child)
