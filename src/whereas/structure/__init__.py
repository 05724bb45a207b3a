"""Build resolutions from a text view: the one structure builder every reader feeds."""

from __future__ import annotations

import bisect
import gc
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from whereas.errors import InputError
from whereas.model import (
    Clause,
    Formula,
    Item,
    MappedText,
    Marker,
    Note,
    Resolution,
    Source,
    Span,
    Title,
)
from whereas.patterns import lazy_compile
from whereas.structure.bilingual import bilingual_labels
from whereas.structure.citation import find_urls, parse_citation
from whereas.structure.clean import clean, read_long_s
from whereas.structure.drafts import ClauseDraft, Group
from whereas.structure.frontmatter import FrontMatter, property_lines, read_front_matter
from whereas.structure.furniture import find_furniture
from whereas.structure.grouping import group_lines
from whereas.structure.hyphens import HyphenBreaks, find_hyphen_breaks
from whereas.structure.items import find_items
from whereas.structure.keywords import FORMULA_END, FORMULA_START, is_formula_line, read_keyword
from whereas.structure.lines import SECTION_LINE, Line, split_lines
from whereas.structure.metatables import MetadataTables
from whereas.structure.notes import NoteScan, RawMarker, RawNote, scan_notes
from whereas.structure.quotations import find_quotations
from whereas.structure.quotes import acronyms, find_quotes
from whereas.structure.sponsors import find_sponsors, sponsors_in_formula
from whereas.structure.titles import find_title

__all__ = ["build"]

#: The cyclic garbage collector's first threshold while building (allocations between collections).
GC_THRESHOLD = 100_000
_collecting = threading.Lock()
_builds = 0  # builds and formats under way (in any thread): the last to end restores the threshold
_threshold = gc.get_threshold()
_pauses = 0  # formats under way (in any thread): the last to end lets the collector run again
_was_enabled = True


@contextmanager
def collecting_less(*, paused: bool = False) -> Iterator[None]:
    """Building allocates millions of objects that reference counting frees, and keeps the lines and clauses
    of the whole text alive: at the default threshold the cyclic collector scans them again and again (a
    1.8 MB file of 5,800 resolutions: 700 collections, 3.8 s CPU; 40 and 2.8 s here; ``format``, which keeps
    three builds and their findings alive: 39 s, 30 s here).  Only the threshold changes, and the last of the
    builds under way restores it.

    ``paused`` (``format``): the collector does not run at all until the last such caller ends.  Formatting keeps
    its builds and findings alive to its end, so a collection only walks them again (6 % of its CPU time on the
    1.8 MB file, in the misses of the memory it walks more than in instructions); the few cycles it leaves, a
    fixing round's nested functions, are collected after it."""
    global _builds, _threshold, _pauses, _was_enabled
    with _collecting:
        if _builds == 0:
            _threshold = gc.get_threshold()
            gc.set_threshold(max(_threshold[0], GC_THRESHOLD), *_threshold[1:])
        _builds += 1
        if paused:
            if _pauses == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _pauses += 1
    try:
        yield
    finally:
        with _collecting:
            if paused:
                _pauses -= 1
                if _pauses == 0 and _was_enabled:
                    gc.enable()
            _builds -= 1
            if _builds == 0:
                gc.set_threshold(*_threshold)


#: the most clauses and list items one document may have: each costs the builder about 2 KB, so a 50 MiB text of
#: one short "WHEREAS a;" line after another (4.7 million of them) would take some 9 GB; 200,000 take ~0.4 GB
MAX_PARTS = 200_000
_PARTS = frozenset({"recital", "resolved", "item"})


def _joined(lines: list[Line]) -> str:
    """The lines' words, one line after the other, as one line."""
    return lines[0].text if len(lines) == 1 else " ".join(ln.text.strip() for ln in lines if ln.kind != "blank")


def build(source: Source) -> list[Resolution]:
    """Every resolution in ``source``, in document order."""
    with collecting_less():
        return _build(source)


def _build(source: Source) -> list[Resolution]:
    scan = scan_notes(source.text)
    # the lines are read with an old book's long s as "s" ("Reſolved"), as clean() reads the clauses' words
    view = read_long_s(source.text)
    furniture = find_furniture(view)
    front = read_front_matter(source.text)
    hidden = furniture.hidden | _line_starts(source.text, front.span) if front is not None else furniture.hidden
    if front is None:
        hidden = hidden | property_lines(view)  # a Notion page's "Status: Draft", "Tags: …"
    # (a line's number first, then a bilingual keyword's Welsh word: "PENDERFYNWYD / RESOLVED: …")
    prefixes = {**bilingual_labels(view), **furniture.prefixes}
    lines = split_lines(view, scan.excluded + furniture.removed, hidden, prefixes, furniture.marks)
    parts = sum(1 for line in lines if line.kind in _PARTS)
    if parts > MAX_PARTS:
        raise InputError(
            source.path,
            f"{parts:,} clauses and list items; whereas reads at most {MAX_PARTS:,} in one document (split it)",
        )
    groups = group_lines(lines, article=bool(front and front.publication))
    known = acronyms(source.text)
    # (a word a PDF's line broke, "Legis-" / "lation", reads whole in the clauses: only cleaning drops the break)
    breaks = find_hyphen_breaks(source.text, furniture.prefixes)
    cut = Removed(
        sorted(
            # (note text inside a clause too: a page's foot notes where the clause runs on to the next page)
            [m.span for m in scan.markers] + list(scan.excluded) + list(furniture.removed) + list(breaks.spans),
            key=lambda s: (s.start, s.end),
        )
    )
    notes = NoteIndex(scan)
    tables = MetadataTables(source.text, groups)  # a Markdown table of a title and sponsors: its labelled lines
    resolutions = []
    for index, group in enumerate(groups):
        is_last = index == len(groups) - 1
        found = _resolution(
            source,
            group,
            notes,
            known,
            cut,
            breaks,
            tables,
            front=front if index == 0 else None,
            article=bool(front and front.publication),
            on_page=front is not None,
            is_last=is_last,
        )
        if found is not None:
            resolutions.append(found)
    if any(r.resolved for r in resolutions):
        # recitals without a resolving part beside whole resolutions: an attached agreement's, a quoted charter's
        resolutions = [r for r in resolutions if r.resolved]
    return resolutions


_CLAUSE_NUMBER = lazy_compile(r"^[ \t]*(?:\d{1,3}[.)]|\(\d{1,3}\))[ \t]+(?=[\"“])")


def _quoted_text(text: str, draft: ClauseDraft) -> bool:
    """Whether the clause is set as quoted text: in a block quotation, or opening with a quotation mark (after its
    number in a certified extract: '1.     “RESOLVED THAT …')."""
    head = _CLAUSE_NUMBER.sub("", text[draft.start : draft.start + 20], count=1).lstrip(" \t*_")
    return head.startswith((">", '"', "“"))


def _line_starts(text: str, span: Span) -> frozenset[int]:
    starts = [span.start]
    at = text.find("\n", span.start, span.end)
    while at != -1:
        starts.append(at + 1)
        at = text.find("\n", at + 1, span.end)
    return frozenset(starts)


class Removed:
    """What cleaning drops from the source besides markup: note call-outs, inline notes, page furniture."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]

    def within(self, start: int, end: int) -> list[Span]:
        """The spans that start in ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.spans[lo:hi]


class NoteIndex:
    """The notes and call-outs of a scan, indexed by where they start, so that each resolution and each
    clause finds its own by bisection instead of looking at every note of the document (which made a
    document of many resolutions or many clauses with notes quadratic)."""

    def __init__(self, scan: NoteScan) -> None:
        self.scan = scan
        self.markers = scan.markers  # in the order they start
        self._marker_starts = [m.span.start for m in self.markers]
        self.inline = [n for n in scan.notes if n.inline]  # in the order they start
        self._inline_starts = [n.span.start for n in self.inline]
        # every note's place in scan.notes, by start; the others (definitions, a notes section, footnotes) by id too
        self._by_start = sorted(range(len(scan.notes)), key=lambda k: scan.notes[k].span.start)
        self._starts = [scan.notes[k].span.start for k in self._by_start]
        self._others = [k for k in self._by_start if not scan.notes[k].inline]
        self._other_starts = [scan.notes[k].span.start for k in self._others]
        self._by_id: dict[str, list[int]] = {}
        for k in self._others:
            self._by_id.setdefault(scan.notes[k].id, []).append(k)
        self._id_starts = {ident: [scan.notes[k].span.start for k in same] for ident, same in self._by_id.items()}

    def markers_in(self, start: int, end: int) -> tuple[RawMarker, ...]:
        """The call-outs that start in ``[start, end)``, in order."""
        return self.markers[
            bisect.bisect_left(self._marker_starts, start) : bisect.bisect_left(self._marker_starts, end)
        ]

    def inline_in(self, start: int, end: int) -> list[RawNote]:
        """The inline notes that start in ``[start, end)``, in order."""
        return self.inline[
            bisect.bisect_left(self._inline_starts, start) : bisect.bisect_left(self._inline_starts, end)
        ]

    def chosen(self, region: Span, referenced: set[str], *, every_trailing: bool) -> list[RawNote]:
        """The notes of a resolution over ``region``, in the scan's order: those that start inside it, and
        of the notes that are not inline and start after it, the first of each id ``referenced`` (or all
        of them, ``every_trailing``)."""
        notes = self.scan.notes
        places = set(
            self._by_start[
                bisect.bisect_left(self._starts, region.start) : bisect.bisect_left(self._starts, region.end)
            ]
        )
        if every_trailing:
            places.update(self._others[bisect.bisect_left(self._other_starts, region.end) :])
        else:
            # of each label referenced here, the nearest definition after the resolution: in a file of resolutions
            # each with its own "[^1]:", the later ones are the later resolutions'
            for ident in referenced:  # (not referenced.intersection(self._by_id): that reads every id)
                if ident in self._by_id:
                    after = bisect.bisect_left(self._id_starts[ident], region.end)
                    places.update(self._by_id[ident][after : after + 1])
        return [notes[k] for k in sorted(places)]


def _resolution(
    source: Source,
    group: Group,
    notes_of: NoteIndex,
    known: dict[str, str],
    cut: Removed,
    breaks: HyphenBreaks,
    tables: MetadataTables,
    *,
    front: FrontMatter | None,
    article: bool,
    on_page: bool,
    is_last: bool,
) -> Resolution | None:
    text = source.text
    drafts = list(group.clauses)
    formula: Formula | None = None

    # A paragraph that is only the connector ("NOW, THEREFORE, BE IT") is the formula, not a clause.
    # (… also wrapped over a few lines: "NOW THEREFORE, on motion of Hon. A, duly seconded by" / "Hon. B, be it")
    for i, d in enumerate(drafts):
        if d.kind == "resolved" and len(d.lines) <= 4 and is_formula_line(_joined(d.lines)):
            span = Span(d.start, d.end).strip(text)
            formula = Formula(" ".join(text[span.start : span.end].split()), span, "resolved")
            del drafts[i]
            break
    # The line that enacts the sections after it ("NOW, THEREFORE, BE IT RESOLVED by the City Council of
    # Rivergrove:", "Resolved by the House of Representatives (the Senate concurring),") is the formula.
    for i, d in enumerate(drafts[:-1]):
        if (
            d.kind == "resolved"
            and not SECTION_LINE.match(d.lines[0].text)
            and SECTION_LINE.match(drafts[i + 1].lines[0].text)
        ):
            body = clean(text, d.start, d.end, cut.within(d.start, d.end))
            if body.text.rstrip(" *_").endswith((":", ",")):
                span = body.source_span(0, len(body.text))
                if formula is not None and not text[formula.span.end : span.start].strip(" \t\r\n*_"):
                    span = Span(formula.span.start, span.end)
                    formula = Formula(f"{formula.text} {body.text}", span, "resolved")
                else:
                    formula = Formula(body.text, span, "resolved")
                del drafts[i]
            break
    if not drafts:
        return None  # a lone "NOW, THEREFORE, BE IT" is no resolution
    if sum(d.kind == "resolved" for d in drafts) > 1:
        # a template's bare "Resolved:" label under its "That …" paragraph is no clause of its own
        drafts = [d for d in drafts if not (d.kind == "resolved" and _bare_label(d))]

    start = drafts[0].start
    end = drafts[-1].end
    region = Span(start, end)

    preamble: list[Clause] = []
    resolved: list[Clause] = []
    recitals = [d for d in drafts if d.kind == "recital"]
    drafts_of: dict[str, ClauseDraft] = {}
    opened = _quoted_text(text, drafts[0])  # (a text quoted whole: its last paragraph's closing mark goes too)
    for d in drafts:
        mapped = _strip_wrapping(clean(text, d.start, d.end, cut.within(d.start, d.end)), text, closes=opened)
        if d.kind == "recital" and d is recitals[-1] and formula is None:
            mapped, formula = _cut_formula_end(mapped)
        if d.kind == "resolved" and formula is None and not resolved:
            mapped, formula = _cut_formula_start(mapped)
        if not mapped.text:
            continue
        target = preamble if d.kind == "recital" else resolved
        target.append(_clause(text, d, mapped, len(target), notes_of, cut))
        drafts_of[target[-1].ref] = d

    clauses = preamble + resolved
    quotations = tuple(
        q
        for c in clauses
        for q in find_quotations(
            text, c, known, drafts_of[c.ref], quoted=article or _quoted_text(text, drafts_of[c.ref])
        )
    )
    notes = _notes_for(notes_of, clauses, region, is_last=is_last)
    # a resolution a sentence introduces ("The Psychology Department endorsed this:") is reproduced on a page
    introduced = _introduced(group.before)
    # (the lines between its clauses: a section's heading, "General Authority", shows the one above its first clause
    # heads a section too)
    inside = [ln for ln in group.after if start < ln.start < end]
    before, after = tables.lines(group.before), tables.lines(group.after)
    title = find_title(tables.text, before, front=front, article=article, introduced=introduced, inside=inside)
    if title is not None and breaks:
        title = Title(breaks.rejoin(title.text), title.span)
    sponsors = sponsors_in_formula(
        # (a motion's clauses carry its body and verb: "Congress calls on …")
        find_sponsors(tables.text, before, after, motion=any(d.lines[0].motion for d in drafts)),
        formula,
        resolved[0].keyword.text if resolved else "",
        resolved[0].span if resolved else None,
    )

    first = min([start] + ([title.span.start] if title else []) + ([sponsors.span.start] if sponsors.span else []))
    last = max([end] + [n.span.end for n in notes if n.inline] + ([sponsors.span.end] if sponsors.span else []))
    # a web page's or an article's front matter: the page presents the resolution it reproduces
    reproduced = article or on_page or any(_quoted_text(text, d) for d in drafts) or introduced
    return Resolution(
        source=source,
        span=Span(first, last),
        title=title,
        sponsors=sponsors,
        preamble=tuple(preamble),
        formula=formula,
        resolved=tuple(resolved),
        notes=notes,
        quotations=quotations,
        reproduced=reproduced,
    )


# "… adopted the following resolutions:—", "The resolutions passed were as follows:", "Their next resolution
# read:—": a narrative that introduces the resolution it reproduces
_INTRODUCES = lazy_compile(
    r"(?:\b(?:following|as\s+follows|read|reads|resolutions?)\b[^.]{0,80}"
    # "The Psychology Department endorsed this:", "the Senate unanimously adopted it:"
    r"|\b(?:adopted|passed|endorsed|approved)\s+(?:this|it)\b[^.]{0,40})[:—–-]+[\s*_\"”]*$",
    re.I,
)


# the body that brings the resolution asks for it in its own words: an overture, a memorial, a petition
_OWN_REQUEST = lazy_compile(r"\b(?:overtures|memoriali[sz]es|petitions)\s+the\b", re.I)


def _introduced(before: list[Line]) -> bool:
    """Whether the paragraph right above the first clause is a sentence that introduces it."""
    text = [line for line in before if line.kind in ("text", "quote")]
    if not text:
        return False
    last = [text[-1]]
    for line in reversed(text[:-1]):
        if line.end + 1 < last[0].start:
            break  # a blank line above: the paragraph starts here
        last.insert(0, line)
    words = " ".join(" ".join(line.text.split()) for line in last).lstrip("> ")
    if _OWN_REQUEST.search(words):
        return False  # "The Presbytery of … overtures the General Assembly to do the following:": its own request
    return len(words.split()) >= 4 and words[:1].isupper() and bool(_INTRODUCES.search(words))


def _bare_label(d: ClauseDraft) -> bool:
    return len(d.lines) == 1 and bool(re.fullmatch(r"[\s*_#>]*resolved[\s*_]*:?[\s*_]*", d.lines[0].text, re.I))


def _sub(mapped: MappedText, start: int, end: int) -> MappedText:
    return mapped.slice(start, end)


_STRAY_LETTER = lazy_compile(r"^[a-z]\s+(?=BE IT\b)")
# a placeholder before the keyword, or the comma cleaning left of one ("{{signature}}, BE IT RESOLVED")
_PLACEHOLDER = lazy_compile(r"^(?:\{\{?[^{}]{0,60}\}\}?,?|,)\s*")


def _strip_wrapping(mapped: MappedText, source: str, *, closes: bool = False) -> MappedText:
    """Drop what wraps a clause but is not the drafter's: a transcription placeholder before the keyword
    ("{signature}, BE IT RESOLVED") and the quotation marks of a text that quotes the resolution
    (`"Resolved, That …."` in a news article; a closing mark with no opening one at the end of a paragraph when the
    first clause opened the quotation: the resolution is quoted whole and ``closes`` there)."""
    t = mapped.text
    stray = _STRAY_LETTER.match(t)
    if stray:  # a letter an OCR put before the keyword: "r BE IT FURTHER RESOLVED"
        mapped = _sub(mapped, stray.end(), len(t))
        t = mapped.text
    m = _PLACEHOLDER.match(t)
    if m and m.group(0).startswith(",") and not source[: mapped.offsets[0]].rstrip().endswith("}}"):
        m = None  # ", The Village of …": the comma of a keyword the OCR lost, not of a placeholder
    if m and m.end() < len(t):
        mapped = _sub(mapped, m.end(), len(t))
        t = mapped.text
    if t[:1] in ('"', "“") and len(t) > 2:
        rest = t[1:]
        end = len(rest.rstrip(".,;:"))
        body = rest
        if end and rest[end - 1] in ('"', "”"):
            inner = rest[: end - 1]
            if inner.count('"') % 2 == 0 and inner.count("“") <= inner.count("”"):
                body = inner + rest[end:]
                mapped = MappedText(body, mapped.offsets[1:end] + mapped.offsets[end + 1 :])
                return mapped
        if rest.count('"') % 2 == 0 and rest.count("“") <= rest.count("”"):
            # a quoted paragraph of a longer quotation: it opens here and closes in a later paragraph
            return _sub(mapped, 1, len(t))
    close = _CLOSING_END.search(t) if closes and t[-2:].strip(".,;: ")[-1:] in ('"', "”") else None
    if close is not None and not t.startswith(('"', "“")):
        # the last paragraph of a longer quotation (a certified copy's '"RESOLVED THAT …' … 'this resolution."'): its
        # closing mark goes as its opening one went from the first
        inner = t[: close.start()]
        if (inner.count('"') % 2 == 0 if close.group(1) == '"' else inner.count("“") <= inner.count("”")) and inner:
            keep = [*range(close.start()), *range(close.end(), len(t))]
            return MappedText("".join(t[i] for i in keep), [mapped.offsets[i] for i in keep])
    return mapped


#: a closing quotation mark at a paragraph's end, before its full stop or after it
_CLOSING_END = lazy_compile(r"(?<=[\w.,;:!?)])([\"”])(?=[.,;:]?[ \t]*$)")


def _cut_formula_end(mapped: MappedText) -> tuple[MappedText, Formula | None]:
    # FORMULA_END (re.I) needs "therefore": every character it matches to those letters casefolds to it
    if "therefore" not in mapped.text.casefold():
        return mapped, None
    m = FORMULA_END.search(mapped.text)
    if not m or not re.search(r"therefore", m.group("formula"), re.I):
        return mapped, None
    f_start = m.start("formula")
    formula_text = mapped.text[f_start : m.end("formula")].strip()
    lead = len(mapped.text[f_start:]) - len(mapped.text[f_start:].lstrip())
    span = mapped.source_span(f_start + lead, m.end("formula"))
    body = mapped.text[:f_start].rstrip()
    return _sub(mapped, 0, len(body)), Formula(formula_text, span)


_CONNECTOR_WORD = lazy_compile(r"\b(?:now|therefor?e?|wherefore)\b", re.I)


def _cut_formula_start(mapped: MappedText) -> tuple[MappedText, Formula | None]:
    m = FORMULA_START.match(mapped.text)
    if not m or not _CONNECTOR_WORD.search(m.group("formula")):
        return mapped, None  # a plain "BE IT RESOLVED" has no connector: "BE IT" stays in the clause
    formula_text = m.group("formula").strip()
    span = mapped.source_span(0, len(formula_text))
    return _sub(mapped, m.end("formula"), len(mapped.text)), Formula(formula_text, span, "resolved")


def _outside_quotes(items: tuple[Item, ...], mapped: MappedText) -> tuple[Item, ...]:
    """The items that are the clause's own: the lettered subsections of a rule it quotes are the rule's."""
    if not items or not any(ch in mapped.text for ch in '"“„«'):
        return items
    quoted = [mapped.source_span(q.start, q.end) for q in find_quotes(mapped.text)]
    return tuple(i for i in items if not any(q.start <= i.span.start < q.end for q in quoted))


def _clause(
    text: str,
    d: ClauseDraft,
    mapped: MappedText,
    index: int,
    notes_of: NoteIndex,
    cut: Removed,
) -> Clause:
    keyword = read_keyword(d.kind, mapped.text, d.lines[0].motion)
    lo, hi = d.start, d.end
    clause_markers = tuple([Marker(m.id, m.span, m.raw) for m in notes_of.markers_in(lo, hi)])
    span = mapped.source_span(0, len(mapped.text))
    return Clause(
        kind=d.kind,
        index=index,
        text=mapped.text,
        span=span,
        mapped=mapped,
        keyword=keyword,
        markers=clause_markers,
        items=_outside_quotes(find_items(text, d, cut, limit=span.end), mapped),
        inline_notes=tuple([n.span for n in notes_of.inline_in(lo, hi)]),
    )


def _notes_for(notes_of: NoteIndex, clauses: list[Clause], region: Span, *, is_last: bool) -> tuple[Note, ...]:
    """The notes that start inside the resolution, and the (not inline) notes after it that one of its
    clauses calls out; for the last resolution, all the notes after it."""
    referenced = {m.note for c in clauses for m in c.markers}
    chosen = notes_of.chosen(region, referenced, every_trailing=is_last)
    seen: set[tuple[str, int]] = set()
    notes = []
    for raw in chosen:
        key = (raw.id, raw.span.start)
        if key in seen:
            continue
        seen.add(key)
        notes.append(
            Note(
                id=raw.id,
                text=raw.text,
                span=raw.span,
                urls=find_urls(raw.text),
                citation=parse_citation(raw.text),
                inline=raw.inline,
                kind="note",
            )
        )
    return tuple(notes)
