"""Build resolutions from a text view: the one structure builder every reader feeds."""

from __future__ import annotations

import re

from whereas.model import (
    Clause,
    Formula,
    Item,
    MappedText,
    Marker,
    Note,
    Quotation,
    Resolution,
    Source,
    Span,
    Sponsors,
    Title,
)
from whereas.structure.citation import find_urls, parse_citation
from whereas.structure.clean import clean
from whereas.structure.notes import NoteScan, RawMarker, RawNote, scan_notes
from whereas.structure.quotes import acronyms, find_quotes, speaker_after, speaker_before
from whereas.structure.segment import (
    FORMULA_END,
    FORMULA_START,
    FORMULA_LINE,
    ITEM,
    SPONSOR,
    ClauseDraft,
    Group,
    Line,
    group_lines,
    heading_text,
    is_generic_heading,
    split_lines,
)

__all__ = ["build"]

_RECITAL_KEYWORD = re.compile(r"^[\"“]?\s*(?:Whereas|WHEREAS)\b\s*[,:]?", re.I)
_RESOLVED_KEYWORD = re.compile(
    r"^[\"“]?\s*(?:and\s*,?\s*)?(?:therefor?e?,?\s+)?(?:(?:be\s+it|it\s+is|it\s+was),?\s+)?(?:therefor?e?,?\s+)?"
    r"(?:(?:further|finally|also)\s+)?resolved\b"
    r"(?:\s+by\s+[^,:]{1,160}?(?=,|:|\s+that\b))?\s*[,:]?\s*(?:that\b)?",
    re.I,
)
_FRONT_TITLE = re.compile(r"^title:\s*[\"']?(.*?)[\"']?\s*$", re.M)
_TITLE_WORDS = re.compile(r"^(?:a\s+)?(?:joint\s+|concurrent\s+)?resolution\b", re.I)


def build(source: Source) -> list[Resolution]:
    """Every resolution in ``source``, in document order."""
    scan = scan_notes(source.text)
    lines = split_lines(source.text, scan.excluded)
    groups = group_lines(lines)
    known = acronyms(source.text)
    resolutions = []
    for index, group in enumerate(groups):
        is_last = index == len(groups) - 1
        resolutions.append(_resolution(source, group, scan, known, is_first=index == 0, is_last=is_last))
    return resolutions


def _resolution(
    source: Source, group: Group, scan: NoteScan, known: dict[str, str], *, is_first: bool, is_last: bool
) -> Resolution:
    text = source.text
    drafts = list(group.clauses)
    formula: Formula | None = None

    # A paragraph that is only the connector ("NOW, THEREFORE, BE IT") is the formula, not a clause.
    for i, d in enumerate(drafts):
        if d.kind == "resolved" and FORMULA_LINE.match(d.lines[0].text) and len(d.lines) == 1:
            span = _trim(text, d.start, d.end)
            formula = Formula(" ".join(text[span.start : span.end].split()), span)
            del drafts[i]
            break

    start = drafts[0].start
    end = drafts[-1].end
    region = Span(start, end)
    markers_in = [m for m in scan.markers if region.start <= m.span.start < region.end]
    inline_in = [n for n in scan.notes if n.inline and region.start <= n.span.start < region.end]

    preamble: list[Clause] = []
    resolved: list[Clause] = []
    recitals = [d for d in drafts if d.kind == "recital"]
    for d in drafts:
        mapped = _clean_clause(text, d, markers_in, inline_in)
        if d.kind == "recital" and d is recitals[-1] and formula is None:
            mapped, formula = _cut_formula_end(mapped)
        if d.kind == "resolved" and formula is None and not resolved:
            mapped, formula = _cut_formula_start(mapped)
        if not mapped.text:
            continue
        target = preamble if d.kind == "recital" else resolved
        target.append(_clause(text, d, mapped, len(target), markers_in, inline_in))

    clauses = preamble + resolved
    quotations = tuple(q for c in clauses for q in _quotations(text, c, known))
    notes = _notes_for(scan, clauses, region, is_last=is_last)
    title = _title(text, group.before, allow_front_matter=is_first)
    sponsors = _sponsors(text, group.before + group.after)

    first = min([start] + ([title.span.start] if title else []) + ([sponsors.span.start] if sponsors.span else []))
    last = max([end] + [n.span.end for n in notes if n.inline] + ([sponsors.span.end] if sponsors.span else []))
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
    )


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _clean_clause(text: str, d: ClauseDraft, markers: list[RawMarker], inline: list[RawNote]) -> MappedText:
    removed = [m.span for m in markers if d.start <= m.span.start < d.end]
    removed += [n.span for n in inline if d.start <= n.span.start < d.end]
    return clean(text, d.start, d.end, removed)


def _sub(mapped: MappedText, start: int, end: int) -> MappedText:
    return MappedText(mapped.text[start:end], mapped.offsets[start:end])


def _cut_formula_end(mapped: MappedText) -> tuple[MappedText, Formula | None]:
    m = FORMULA_END.search(mapped.text)
    if not m or not re.search(r"therefore", m.group("formula"), re.I):
        return mapped, None
    f_start = m.start("formula")
    formula_text = mapped.text[f_start : m.end("formula")].strip()
    lead = len(mapped.text[f_start:]) - len(mapped.text[f_start:].lstrip())
    span = mapped.source_span(f_start + lead, m.end("formula"))
    body = mapped.text[:f_start].rstrip()
    return _sub(mapped, 0, len(body)), Formula(formula_text, span)


def _cut_formula_start(mapped: MappedText) -> tuple[MappedText, Formula | None]:
    m = FORMULA_START.match(mapped.text)
    if not m or not m.group("formula").strip():
        return mapped, None
    formula_text = m.group("formula").strip()
    span = mapped.source_span(0, len(formula_text))
    return _sub(mapped, m.end("formula"), len(mapped.text)), Formula(formula_text, span)


def _clause(
    text: str, d: ClauseDraft, mapped: MappedText, index: int, markers: list[RawMarker], inline: list[RawNote]
) -> Clause:
    kw = (_RECITAL_KEYWORD if d.kind == "recital" else _RESOLVED_KEYWORD).match(mapped.text)
    keyword = kw.group(0).strip() if kw else ""
    clause_markers = tuple(
        Marker(m.id, m.span, m.raw) for m in markers if d.start <= m.span.start < d.end
    )
    return Clause(
        kind=d.kind,
        index=index,
        text=mapped.text,
        span=mapped.source_span(0, len(mapped.text)),
        mapped=mapped,
        keyword=keyword,
        markers=clause_markers,
        items=_items(text, d, markers, inline),
        inline_notes=tuple(n.span for n in inline if d.start <= n.span.start < d.end),
    )


def _items(text: str, d: ClauseDraft, markers: list[RawMarker], inline: list[RawNote]) -> tuple[Item, ...]:
    starts = [i for i, line in enumerate(d.lines) if line.kind == "item"]
    items = []
    for n, i in enumerate(starts):
        last = (starts[n + 1] if n + 1 < len(starts) else len(d.lines)) - 1
        lo, hi = d.lines[i].start, d.lines[last].end
        removed = [m.span for m in markers if lo <= m.span.start < hi] + [x.span for x in inline if lo <= x.span.start < hi]
        mapped = clean(text, lo, hi, removed)
        m = ITEM.match(mapped.text)
        if not m:
            continue
        label = m.group(1) or m.group(2) or m.group(3)
        body_at = m.end() - 1
        items.append(Item(label, mapped.text[body_at:], mapped.source_span(0, len(mapped.text))))
    return tuple(items)


def _quotations(text: str, clause: Clause, known: dict[str, str]) -> list[Quotation]:
    out: list[Quotation] = []
    previous_speaker: str | None = None
    body = clause.text
    for q in find_quotes(body):
        span = clause.mapped.source_span(q.start, q.end)
        close_at = clause.mapped.source_offset(q.end)
        after = [m for m in clause.markers if m.span.start >= close_at]
        before = [m for m in clause.markers if m.span.end <= span.start]
        note = after[0].note if after else (before[-1].note if before else None)
        speaker = speaker_before(body[: max(q.start - 1, 0)], known) or speaker_after(body[q.end + 1 :], known)
        if speaker is None:
            speaker = previous_speaker
        previous_speaker = speaker
        out.append(
            Quotation(
                text=body[q.start : q.end],
                span=span,
                clause=clause.ref,
                note=note,
                speaker=speaker,
                open_mark=q.open_mark,
                close_mark=q.close_mark,
            )
        )
    return out


def _notes_for(scan: NoteScan, clauses: list[Clause], region: Span, *, is_last: bool) -> tuple[Note, ...]:
    referenced = {m.note for c in clauses for m in c.markers}
    chosen = []
    for raw in scan.notes:
        inside = region.start <= raw.span.start < region.end
        trailing = not raw.inline and raw.span.start >= region.end
        if inside or (raw.id in referenced and trailing) or (is_last and trailing):
            chosen.append(raw)
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


def _title(text: str, before: list[Line], *, allow_front_matter: bool) -> Title | None:
    headings = [ln for ln in before if ln.kind == "heading" and not is_generic_heading(heading_text(ln))]
    if headings:
        top = min(h.level for h in headings)
        line = next(h for h in headings if h.level == top)
        raw = heading_text(line)
        at = text.index(raw, line.start) if raw else line.start
        cleaned = re.sub(r"^(?:\d+|[IVXLC]+)\.\s+", "", re.sub(r"[*_`]", "", raw)).strip()
        if cleaned:
            return Title(cleaned, Span(at, at + len(raw)))
    paragraphs = _paragraphs([ln for ln in before if ln.kind in ("text", "blank")])
    for para in reversed(paragraphs):
        words = " ".join(ln.text.strip() for ln in para)
        if _TITLE_WORDS.match(words) and len(words.split()) <= 40 and not words.rstrip().endswith((";", ",")):
            span = _trim(text, para[0].start, para[-1].end)
            return Title(" ".join(re.sub(r"[*_]", "", words).split()), span)
    if allow_front_matter:
        m = _FRONT_TITLE.search(text[:2000])
        if m and text.startswith("---"):
            return Title(m.group(1), Span(m.start(1), m.end(1)))
    return None


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    paras: list[list[Line]] = [[]]
    for ln in lines:
        if ln.kind == "blank":
            if paras[-1]:
                paras.append([])
        else:
            paras[-1].append(ln)
    return [p for p in paras if p]


def _sponsors(text: str, lines: list[Line]) -> Sponsors:
    mover = seconder = submitted = None
    others: list[str] = []
    spans: list[Span] = []
    in_authors = False
    for ln in lines:
        if ln.kind == "heading":
            in_authors = bool(re.match(r"^(?:authors?|sponsors?|movers?)\b", heading_text(ln), re.I))
            continue
        if in_authors and ln.kind == "item":
            others.append(re.sub(r"^[\s*•+-]+", "", ln.text).strip())
            spans.append(Span(ln.start, ln.end))
            continue
        if ln.kind != "sponsor":
            continue
        m = SPONSOR.match(ln.text)
        if not m or not m.group("value"):
            continue
        label = m.group("label").lower()
        value = re.sub(r"[*_]{2}", "", m.group("value")).strip()
        spans.append(Span(ln.start, ln.end))
        if label.startswith("mover") or label.startswith("moved"):
            mover = mover or value
        elif label.startswith("second"):
            seconder = seconder or value
        elif label.startswith(("submitted", "initiat", "presented")):
            submitted = submitted or value
        else:
            others.extend(v.strip() for v in re.split(r";", value) if v.strip())
    span = Span(min(s.start for s in spans), max(s.end for s in spans)) if spans else None
    return Sponsors(mover, seconder, submitted, tuple(dict.fromkeys(others)), span)
