"""The Word reader: a .docx package as whereas's text view.

The package is read part by part under the zip-bomb guard of
:mod:`whereas.readers.package` and each part is parsed with the hardened lxml
parser; python-docx is not used here because it unpacks every member without a
size limit and has no notion of notes, tracked changes or fields.  What the view
looks like is described in ``docs/formats.md`` ("Word and OpenDocument").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Set
from dataclasses import dataclass, field

from lxml import etree

from whereas.errors import InputError
from whereas.readers.base import View
from whereas.readers.package import Package, Relationship, open_package
from whereas.readers.tables import Cell, label_text, metadata_pairs
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

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
DOCUMENT_PART = "word/document.xml"


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{name}"


def read_docx(data: bytes, path: str | None = None) -> View:
    """Read a .docx file's bytes into the text view (format ``"docx"``).

    Raises :class:`InputError` for anything that is not a readable Word package:
    not a zip, no ``word/document.xml``, a zip bomb, XML with entity declarations.
    """
    package = open_package(data, path, "Word document (.docx)")
    main = _main_part(package)
    root = package.xml(main)
    if root is None:
        raise InputError(path, f"not a Word document: {main} is missing")
    body = root.find(w("body"))
    if body is None:
        raise InputError(path, f"not a Word document: {main} has no w:body")
    try:
        text, kinds = _view(package, main, body)
        return View(text, "docx", path, kinds)
    except RecursionError:
        raise InputError(path, f"{main} is nested too deeply to read") from None


def _view(package: Package, main: str, body: etree._Element) -> tuple[str, tuple[tuple[str, str], ...]]:
    rels = package.relationships(main)
    styles = _Styles(_related_xml(package, rels, "styles", "word/styles.xml"))
    numbering = _Numbering(_related_xml(package, rels, "numbering", "word/numbering.xml"))
    links = {r.id: r.target for r in rels if r.external}
    runs = _Runs(links, notes=True, urls=False, superscript_styles=styles.superscript_styles())
    blocks = _body_blocks(body, runs, styles, numbering)
    notes = _notes(package, rels, styles.superscript_styles())
    formats = note_formats(package, main, body)
    return render(blocks, notes, formats), note_kinds(blocks, notes, formats)


def note_formats(package: Package, main: str, body: etree._Element) -> dict[NoteKind, str]:
    """How the document numbers its footnotes and its endnotes, as Word shows them: the number format of its
    last section's ``w:footnotePr`` / ``w:endnotePr``, else of the settings part's, else Word's default
    (footnotes 1, 2, 3; endnotes i, ii, iii)."""
    settings = _related_xml(package, package.relationships(main), "settings", "word/settings.xml")
    section = body.find(w("sectPr"))
    formats: dict[NoteKind, str] = dict(DEFAULT_NOTE_FORMATS)
    for kind in formats:
        for holder in (section, settings):
            fmt = _val(holder.find(w(f"{kind}Pr")) if holder is not None else None, "numFmt")
            if fmt:
                formats[kind] = fmt
                break
    return formats


def _main_part(package: Package) -> str:
    for rel in package.relationships(""):
        if rel.type == "officeDocument" and not rel.external and package.has(rel.target):
            return rel.target
    return DOCUMENT_PART


def _related_xml(package: Package, rels: list[Relationship], rel_type: str, default: str) -> etree._Element | None:
    for rel in rels:
        if rel.type == rel_type and not rel.external and package.has(rel.target):
            return package.xml(rel.target)
    return package.xml(default)


# --- runs: the text of one paragraph ------------------------------------------------------------


@dataclass
class _Field:
    """A complex field (``w:fldChar`` begin … separate … end) being read."""

    instruction: list[str] = field(default_factory=list)
    showing_result: bool = False
    result_paragraph: int = -1  # which paragraph its result began in …
    result_start: int = 0  # … and where in that paragraph's segments


_SKIPPED = frozenset(
    w(n)
    for n in (
        "del", "moveFrom", "delText", "delInstrText", "pPr", "rPr", "sdtPr", "sdtEndPr",
        "drawing", "pict", "object", "rt", "commentReference", "annotationRef",
        "footnoteRef", "endnoteRef", "separator", "continuationSeparator",
    )
) | {f"{{{MC_NS}}}Choice"}  # fmt: skip
_BLANKS = frozenset(w(n) for n in ("tab", "ptab", "br", "cr"))
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]+)"|([^\s\\"]\S*))')


class _Runs:
    """Reads the visible text of paragraphs of one story (the body, or a notes part).

    Complex fields can span paragraphs, so the reader keeps their state between
    calls to :meth:`paragraph`.
    """

    def __init__(
        self,
        links: Mapping[str, str],
        *,
        notes: bool,
        urls: bool,
        locate: bool = False,
        superscript_styles: Set[str] = frozenset(),
    ) -> None:
        self.links = links
        self.notes = notes  # turn note references into NoteRef segments (body only)
        self.urls = urls  # write hyperlink targets out after their text (notes only)
        self.superscript_styles = superscript_styles  # the character styles set as superscripts
        self.superscript = 0  # inside a run set as a superscript: its digits are written as superscript digits
        self.fields: list[_Field] = []
        self.hidden = 0  # open fields still in their instruction part: their text is not shown
        self.serial = 0  # paragraphs read so far
        self.out: list[Segment] = []
        #: with ``locate``, the element each segment of ``out`` was read from (None: written by the reader)
        self.where: list[etree._Element | None] | None = [] if locate else None

    def paragraph(self, p: etree._Element) -> list[Segment]:
        self.out = []
        if self.where is not None:
            self.where = []
        self.serial += 1
        self._walk(p)
        return self.out

    def _visible(self) -> bool:
        return self.hidden == 0

    def _emit(self, text: str, origin: etree._Element | None = None) -> None:
        if text and self._visible():
            self.out.append(text)
            if self.where is not None:
                self.where.append(origin)

    def _walk(self, el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            handler = _HANDLERS.get(tag)
            if handler is None:
                self._walk(child)  # runs, insertions, content controls, smart tags, fallbacks …
            else:
                handler(self, child)

    def _run(self, el: etree._Element) -> None:
        """A run; one set as a superscript (``w:vertAlign``, its own or its character style's: Word's
        "Superscript" button, a "Footnote Reference" style on a typed number) is written with
        :func:`~whereas.readers.textview.raised`."""
        rpr = el.find(w("rPr"))
        align = _val(rpr, "vertAlign")
        up = align == "superscript" or (not align and _val(rpr, "rStyle") in self.superscript_styles)
        self.superscript += up
        self._walk(el)
        self.superscript -= up

    def _text(self, el: etree._Element) -> None:
        text = el.text or ""
        self._emit(raised(text) if self.superscript else text, el)

    def _blank(self, el: etree._Element) -> None:
        self._emit(" ", el)

    def _hyphen(self, el: etree._Element) -> None:
        self._emit("-", el)

    def _instruction(self, el: etree._Element) -> None:
        if self.fields and not self.fields[-1].showing_result:
            self.fields[-1].instruction.append(el.text or "")

    def _field_mark(self, el: etree._Element) -> None:
        self._field_char(el.get(_FLD_CHAR_TYPE, ""))

    def _note_reference(self, el: etree._Element) -> None:
        if self.notes and self._visible():
            kind: NoteKind = "footnote" if el.tag == _FOOTNOTE_REFERENCE else "endnote"
            self.out.append(NoteRef(kind, el.get(w("id"), "")))
            if self.where is not None:
                self.where.append(el)

    def _field_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append(_Field())
            self.hidden += 1
        elif kind == "separate" and self.fields and not self.fields[-1].showing_result:
            top = self.fields[-1]
            top.showing_result, top.result_paragraph, top.result_start = True, self.serial, len(self.out)
            self.hidden -= 1
        elif kind == "end" and self.fields:
            done = self.fields.pop()
            if not done.showing_result:
                self.hidden -= 1
            elif done.result_paragraph == self.serial:
                self._write_url(done.result_start, _field_url("".join(done.instruction)))
            else:  # the result began in an earlier paragraph: only this paragraph's part is compared
                self._write_url(0, _field_url("".join(done.instruction)))

    def _simple_field(self, el: etree._Element) -> None:
        start = len(self.out)
        self._walk(el)
        self._write_url(start, _field_url(el.get(w("instr"), "")))

    def _hyperlink(self, el: etree._Element) -> None:
        start = len(self.out)
        self._walk(el)
        self._write_url(start, self.links.get(el.get(f"{{{R_NS}}}id", ""), ""))

    def _write_url(self, start: int, url: str) -> None:
        if self.urls and url and self._visible():
            shown = "".join(s for s in self.out[start:] if isinstance(s, str))
            self._emit(with_url(shown, url))


_FLD_CHAR_TYPE = w("fldCharType")
_FOOTNOTE_REFERENCE = w("footnoteReference")
_HANDLERS: dict[str, Callable[[_Runs, etree._Element], None]] = {
    w("r"): _Runs._run,
    w("t"): _Runs._text,
    f"{{{M_NS}}}t": _Runs._text,
    **dict.fromkeys(_BLANKS, _Runs._blank),
    w("noBreakHyphen"): _Runs._hyphen,
    w("instrText"): _Runs._instruction,
    w("fldChar"): _Runs._field_mark,
    w("fldSimple"): _Runs._simple_field,
    w("hyperlink"): _Runs._hyperlink,
    w("footnoteReference"): _Runs._note_reference,
    w("endnoteReference"): _Runs._note_reference,
}


def _field_url(instruction: str) -> str:
    m = _HYPERLINK_FIELD.match(instruction)
    return (m.group(1) or m.group(2)) if m else ""


# --- paragraphs: the blocks of the body -------------------------------------------------------

_CONTAINERS = frozenset(
    w(n) for n in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")
)


def _paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """The ``w:p`` elements of a story in reading order (table cells included, deleted rows not); the
    paragraphs of a text box anchored in a paragraph come before that paragraph's own text."""
    for child in container:
        if child.tag == w("p"):
            for box in _text_boxes(child):
                yield from _paragraphs(box)
            yield child
        elif child.tag in _CONTAINERS and not _row_deleted(child):
            yield from _paragraphs(child)


_TEXT_BOX = w("txbxContent")
_NESTING = frozenset({_TEXT_BOX, w("p")})


def _text_boxes(p: etree._Element) -> Iterator[etree._Element]:
    """The contents (``w:txbxContent``) of the text boxes anchored in ``p``, each read once: Word writes a
    box twice, as a DrawingML shape in ``mc:Choice`` and as its VML copy in ``mc:Fallback``; the copy is
    read only when the choice holds no box.  A box inside a box is read with the paragraph that anchors it."""
    for box in p.iter(_TEXT_BOX):
        ancestors = list(box.iterancestors())
        inner = ancestors[: next(i for i, a in enumerate(ancestors) if a is p)]
        if any(a.tag in _NESTING for a in inner):
            continue
        fallback = next((a for a in inner if a.tag == f"{{{MC_NS}}}Fallback"), None)
        choice = fallback.getprevious() if fallback is not None else None
        if choice is not None and choice.tag == f"{{{MC_NS}}}Choice" and next(choice.iter(_TEXT_BOX), None) is not None:
            continue
        yield box


def _row_deleted(el: etree._Element) -> bool:
    return el.tag == w("tr") and el.find(f"{w('trPr')}/{w('del')}") is not None


def _mark_deleted(p: etree._Element) -> bool:
    """Whether the paragraph mark is a tracked deletion: accepted, the paragraph joins the next."""
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    return rpr is not None and (rpr.find(w("del")) is not None or rpr.find(w("moveFrom")) is not None)


def _body_blocks(
    body: etree._Element,
    runs: _Runs,
    styles: _Styles,
    numbering: _Numbering,
    wheres: list[Origins] | None = None,
) -> list[Block]:
    """The blocks of the body; with ``wheres`` (and a locating ``runs``), each block's origins too."""
    paras: list[Paragraph] = []
    carried: list[Segment] = []
    carried_where: Origins = []
    forms = _metadata_tables(body)
    for p in _paragraphs(body):
        segments = carried + runs.paragraph(p)
        where = carried_where + (runs.where or [])
        form = forms.get(p)
        if form is not None:
            # a cell of a table of labelled metadata: its pairs are read as "Label: value" once it is read
            carried, carried_where = [], []
            form.cells.setdefault(form.cell_of[p], []).append((segments, where))
            if p is form.last:
                for segments, where in form.lines():
                    paras.append(Paragraph(Block(segments)))
                    if wheres is not None:
                        wheres.append(where)
            continue
        if _mark_deleted(p):
            carried, carried_where = segments, where
            continue
        carried, carried_where = [], []
        style = _style_id(p)
        role: Role = "title" if styles.is_title(style) else "heading" if styles.is_heading(style) else ""
        label = "" if role else numbering.label(*_num_pr(p, styles, style))
        paras.append(Paragraph(Block(segments, label=label), role))
        if wheres is not None:
            wheres.append(where)
    if carried:
        paras.append(Paragraph(Block(carried)))
        if wheres is not None:
            wheres.append(carried_where)
    return choose_title(paras)


@dataclass
class _Form:
    """A table of labelled metadata (:mod:`whereas.readers.tables`) being read, cell by cell."""

    pairs: list[tuple[Cell, Cell]]
    cell_of: dict[etree._Element, Cell]  # the cell each of its paragraphs stands in
    last: etree._Element  # its last paragraph
    cells: dict[Cell, list[tuple[list[Segment], Origins]]] = field(default_factory=dict)

    def lines(self) -> Iterator[tuple[list[Segment], Origins]]:
        """Each pair as a "Label: value" paragraph: the label written by the reader, the value as read."""
        for label, value in self.pairs:
            words = label_text("".join(s for segs, _ in self.cells.get(label, []) for s in segs if isinstance(s, str)))
            segments: list[Segment] = [f"{words}: "]
            where: Origins = [None]
            for n, (segs, origins) in enumerate(self.cells.get(value, [])):
                if n:
                    segments.append(" ")
                    where.append(None)
                segments += segs
                where += origins
            yield segments, where


def _metadata_tables(body: etree._Element) -> dict[etree._Element, _Form]:
    """The body's tables of labelled metadata (a form's "Title | Sponsor | Date" over its values, or its
    "Title | …" rows), by each of their paragraphs; a nested or merged table is none."""
    forms: dict[etree._Element, _Form] = {}
    for table in body.iter(w("tbl")):
        if next(table.iter(w("txbxContent")), None) is not None or any(True for _ in table.iterdescendants(w("tbl"))):
            continue
        if next(table.iter(w("vMerge")), None) is not None or next(table.iter(w("gridSpan")), None) is not None:
            continue
        rows = [r for r in table.findall(w("tr")) if not _row_deleted(r)]
        grid = [r.findall(w("tc")) for r in rows]
        texts = [["".join(t.text or "" for t in cell.iter(w("t"))) for cell in row] for row in grid]
        pairs = metadata_pairs(texts)
        if not pairs:
            continue
        cell_of = {p: (i, j) for i, row in enumerate(grid) for j, cell in enumerate(row) for p in _paragraphs(cell)}
        if not cell_of:
            continue
        form = _Form(pairs, cell_of, list(cell_of)[-1])
        forms.update(dict.fromkeys(cell_of, form))
    return forms


#: the element each segment of a paragraph was read from (a ``w:t``, ``w:tab``, note reference …; None:
#: text the reader wrote, such as a link's URL)
Origins = list[etree._Element | None]


def main_part(package: Package) -> str:
    """The name of the package's main document part."""
    return _main_part(package)


def locate_body(package: Package, main: str, body: etree._Element) -> tuple[list[Block], list[Origins]]:
    """The body's blocks as :func:`read_docx` reads them, with the element of ``body`` (a tree the
    caller may change) behind each segment: what ``whereas review`` anchors its comments on."""
    rels = package.relationships(main)
    styles = _Styles(_related_xml(package, rels, "styles", "word/styles.xml"))
    numbering = _Numbering(_related_xml(package, rels, "numbering", "word/numbering.xml"))
    links = {r.id: r.target for r in rels if r.external}
    wheres: list[Origins] = []
    runs = _Runs(links, notes=True, urls=False, locate=True, superscript_styles=styles.superscript_styles())
    blocks = _body_blocks(body, runs, styles, numbering, wheres)
    return blocks, wheres


def note_parts(package: Package, main: str) -> list[str]:
    """The footnote and endnote parts the reader looks at (lower-case names, present in the package)."""
    rels = package.relationships(main)
    parts = [r.target for r in rels if r.type in ("footnotes", "endnotes") and not r.external]
    parts += ["word/footnotes.xml", "word/endnotes.xml"]
    return [p for p in dict.fromkeys(p.lower() for p in parts) if package.has(p)]


def superscript_styles(package: Package, main: str) -> frozenset[str]:
    """The ids of the document's character styles set as superscripts."""
    return _Styles(_related_xml(package, package.relationships(main), "styles", "word/styles.xml")).superscript_styles()


def locate_notes(
    root: etree._Element, links: Mapping[str, str], superscripts: Set[str] = frozenset()
) -> Iterator[tuple[NoteRef, list[tuple[list[Segment], Origins]]]]:
    """Each real note of a notes part (a tree the caller may change): its paragraphs' segments and
    their origins, as :func:`read_docx` reads them (``superscripts``: :func:`superscript_styles`)."""
    kind = _NOTE_KINDS.get(root.tag)
    if kind is None:
        return
    runs = _Runs(links, notes=False, urls=True, locate=True, superscript_styles=superscripts)
    for note in root.iter(w(kind)):
        if note.get(w("type"), "normal") in _SEPARATOR_TYPES:
            continue
        paras = [(runs.paragraph(p), runs.where or []) for p in _paragraphs(note)]
        yield NoteRef(kind, note.get(w("id"), "")), paras


def _style_id(p: etree._Element) -> str:
    el = p.find(f"{w('pPr')}/{w('pStyle')}")
    return el.get(w("val"), "") if el is not None else ""


def _num_pr(p: etree._Element, styles: _Styles, style: str) -> tuple[str, int]:
    """The paragraph's list (numId, level): its own w:numPr, else its style's."""
    own = p.find(f"{w('pPr')}/{w('numPr')}")
    inherited = styles.num_pr(style)
    num_id = _val(own, "numId") or (inherited[0] if inherited else "")
    level = _val(own, "ilvl") or (inherited[1] if inherited else "0")
    return num_id, _int(level, 0)


def _val(el: etree._Element | None, child: str) -> str:
    if el is None:
        return ""
    found = el.find(w(child))
    return found.get(w("val"), "") if found is not None else ""


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default


# --- styles and numbering -----------------------------------------------------------------------

_HEADING_NAME = re.compile(r"^heading \d$", re.IGNORECASE)
_HEADING_ID = re.compile(r"^Heading\d$")


class _Styles:
    """Paragraph styles: which are titles or headings, and which carry list numbering."""

    def __init__(self, root: etree._Element | None) -> None:
        self._names: dict[str, str] = {}
        self._parents: dict[str, str] = {}
        self._num: dict[str, tuple[str, str]] = {}
        self._align: dict[str, str] = {}  # a character style's own w:vertAlign
        for style in root.iter(w("style")) if root is not None else ():
            sid = style.get(w("styleId"), "")
            self._names[sid] = _val(style, "name").lower()
            self._parents[sid] = _val(style, "basedOn")
            if style.get(w("type")) == "character" and (align := _val(style.find(w("rPr")), "vertAlign")):
                self._align[sid] = align
            num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
            if num_pr is not None and _val(num_pr, "numId"):
                self._num[sid] = (_val(num_pr, "numId"), _val(num_pr, "ilvl") or "0")

    def _lineage(self, style: str) -> Iterator[str]:
        seen: set[str] = set()
        while style and style not in seen and len(seen) < 20:
            seen.add(style)
            yield style
            style = self._parents.get(style, "")

    def is_title(self, style: str) -> bool:
        return any(s == "Title" or self._names.get(s) == "title" for s in self._lineage(style))

    def is_heading(self, style: str) -> bool:
        return any(_HEADING_ID.match(s) or _HEADING_NAME.match(self._names.get(s, "")) for s in self._lineage(style))

    def num_pr(self, style: str) -> tuple[str, str] | None:
        return next((self._num[s] for s in self._lineage(style) if s in self._num), None)

    def superscript_styles(self) -> frozenset[str]:
        """The character styles set as superscripts (their own ``w:vertAlign``, else the nearest style they
        are based on that has one)."""
        return frozenset(
            sid
            for sid in self._names
            if next((self._align[s] for s in self._lineage(sid) if s in self._align), "") == "superscript"
        )


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


def _levels(container: etree._Element) -> dict[int, _Level]:
    levels = {}
    for lvl in container.findall(w("lvl")):
        start = _int(_val(lvl, "start") or "1", 1)
        levels[_int(lvl.get(w("ilvl"), "0"), 0)] = _Level(_val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText"), start)
    return levels


class _Numbering:
    """List numbers as Word displays them, counted in document order (see docs/formats.md for limits)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, _Level], dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._used: set[str] = set()
        if root is None:
            return
        for an in root.iter(w("abstractNum")):
            self._abstract[an.get(w("abstractNumId"), "")] = _levels(an)
        for num in root.iter(w("num")):
            self._nums[num.get(w("numId"), "")] = _num_definition(num)

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id not in self._nums:
            return ""
        abstract_id, level_overrides, start_overrides = self._nums[num_id]
        levels = {**self._abstract.get(abstract_id, {}), **level_overrides}
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._used and start_overrides:
            counters.clear()  # a list instance with a start override restarts its list
        self._used.add(num_id)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start_overrides.get(ilvl, levels[ilvl].start)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "•"  # (whatever glyph the list shows: a symbol font's private character, "o", "–")
        if level.fmt == "none":
            return ""
        return re.sub(r"%([1-9])", lambda m: _level_number(int(m.group(1)) - 1, counters, levels), level.text).strip()


def _level_number(k: int, counters: Mapping[int, int], levels: Mapping[int, _Level]) -> str:
    level = levels.get(k)
    if level is None:
        return ""
    return number_label(counters.get(k, level.start), level.fmt)


def _num_definition(num: etree._Element) -> tuple[str, dict[int, _Level], dict[int, int]]:
    level_overrides: dict[int, _Level] = {}
    start_overrides: dict[int, int] = {}
    for override in num.findall(w("lvlOverride")):
        ilvl = _int(override.get(w("ilvl"), "0"), 0)
        start = _val(override, "startOverride")
        if start:
            start_overrides[ilvl] = _int(start, 1)
        level_overrides.update({k: v for k, v in _levels(override).items() if k == ilvl})
    return _val(num, "abstractNumId"), level_overrides, start_overrides


# --- notes --------------------------------------------------------------------------------------

_NOTE_KINDS: dict[str, NoteKind] = {w("footnotes"): "footnote", w("endnotes"): "endnote"}
_SEPARATOR_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def _notes(package: Package, rels: list[Relationship], superscripts: Set[str]) -> dict[NoteRef, str]:
    """The text of every real footnote and endnote, by kind and Word's id.

    A part's kind is read from its root element, not from the relationship type,
    which some generators get wrong.
    """
    parts = [r.target for r in rels if r.type in ("footnotes", "endnotes") and not r.external]
    parts += ["word/footnotes.xml", "word/endnotes.xml"]
    notes: dict[NoteRef, str] = {}
    for part in dict.fromkeys(p.lower() for p in parts):
        root = package.xml(part) if package.has(part) else None
        kind = _NOTE_KINDS.get(root.tag) if root is not None else None
        if root is None or kind is None:
            continue
        links = {r.id: r.target for r in package.relationships(part) if r.external}
        notes.update(_note_texts(root, kind, _Runs(links, notes=False, urls=True, superscript_styles=superscripts)))
    return notes


def _note_texts(root: etree._Element, kind: NoteKind, runs: _Runs) -> Iterator[tuple[NoteRef, str]]:
    for note in root.iter(w(kind)):
        if note.get(w("type"), "normal") in _SEPARATOR_TYPES:
            continue
        texts = ("".join(s for s in runs.paragraph(p) if isinstance(s, str)) for p in _paragraphs(note))
        yield NoteRef(kind, note.get(w("id"), "")), join_note_paragraphs(texts)
