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
    r"^[\"“]?\s*(?:\{\{?[^{}]{0,60}\}\}?,?\s*)?(?:now\s*,?\s*)?(?:and\s*,?\s*)?(?:therefor?e?,?\s+)?(?:(?:be\s+it|it\s+is|it\s+was),?\s+)?(?:therefor?e?,?\s+)?"
    r"(?:(?:further|finally|also)\s+)?resolved\b"
    r"(?:\s+by\s+[^,:]{1,160}?(?=,|:|\s+that\b))?\s*[,:]?\s*(?:that\b)?"
    r"|^[\"“]?\s*therefore\b\s*,?",
    re.I,
)
_RESOLUTION_NUMBER = re.compile(
    r"^(?:[\w.]+\s+){0,3}resolution\s*(?:no\.?|number|#)\s*\S+$", re.I
)
_LIST_LABEL = re.compile(r"^(?:\d+|[IVXLC]+|[A-Z])\.\s+")
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
        found = _resolution(source, group, scan, known, is_first=index == 0, is_last=is_last)
        if found is not None:
            resolutions.append(found)
    return resolutions


def _resolution(
    source: Source, group: Group, scan: NoteScan, known: dict[str, str], *, is_first: bool, is_last: bool
) -> Resolution | None:
    text = source.text
    drafts = list(group.clauses)
    formula: Formula | None = None

    # A paragraph that is only the connector ("NOW, THEREFORE, BE IT") is the formula, not a clause.
    for i, d in enumerate(drafts):
        if d.kind == "resolved" and FORMULA_LINE.match(d.lines[0].text) and len(d.lines) == 1:
            span = _trim(text, d.start, d.end)
            formula = Formula(" ".join(text[span.start : span.end].split()), span, "resolved")
            del drafts[i]
            break
    if not drafts:
        return None  # a lone "NOW, THEREFORE, BE IT" is no resolution

    start = drafts[0].start
    end = drafts[-1].end
    region = Span(start, end)
    markers_in = [m for m in scan.markers if region.start <= m.span.start < region.end]
    inline_in = [n for n in scan.notes if n.inline and region.start <= n.span.start < region.end]

    preamble: list[Clause] = []
    resolved: list[Clause] = []
    recitals = [d for d in drafts if d.kind == "recital"]
    drafts_of: dict[str, ClauseDraft] = {}
    for d in drafts:
        mapped = _strip_wrapping(_clean_clause(text, d, markers_in, inline_in))
        if d.kind == "recital" and d is recitals[-1] and formula is None:
            mapped, formula = _cut_formula_end(mapped)
        if d.kind == "resolved" and formula is None and not resolved:
            mapped, formula = _cut_formula_start(mapped)
        if not mapped.text:
            continue
        target = preamble if d.kind == "recital" else resolved
        target.append(_clause(text, d, mapped, len(target), markers_in, inline_in))
        drafts_of[target[-1].ref] = d

    clauses = preamble + resolved
    quotations = tuple(q for c in clauses for q in _quotations(text, c, known, drafts_of[c.ref]))
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
    if not markers and not inline:  # most resolutions have no notes
        return clean(text, d.start, d.end)
    removed = [m.span for m in markers if d.start <= m.span.start < d.end]
    removed += [n.span for n in inline if d.start <= n.span.start < d.end]
    return clean(text, d.start, d.end, removed)


def _sub(mapped: MappedText, start: int, end: int) -> MappedText:
    return mapped.slice(start, end)


_PLACEHOLDER = re.compile(r"^\{\{?[^{}]{0,60}\}\}?,?\s*")


def _strip_wrapping(mapped: MappedText) -> MappedText:
    """Drop what wraps a clause but is not the drafter's: a transcription placeholder before the keyword
    ("{signature}, BE IT RESOLVED") and the quotation marks of a text that quotes the resolution
    (`"Resolved, That …."` in a news article)."""
    t = mapped.text
    m = _PLACEHOLDER.match(t)
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
    return mapped


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


def _cut_formula_start(mapped: MappedText) -> tuple[MappedText, Formula | None]:
    m = FORMULA_START.match(mapped.text)
    if not m or not m.group("formula").strip():
        return mapped, None
    formula_text = m.group("formula").strip()
    span = mapped.source_span(0, len(formula_text))
    return _sub(mapped, m.end("formula"), len(mapped.text)), Formula(formula_text, span, "resolved")


def _clause(
    text: str, d: ClauseDraft, mapped: MappedText, index: int, markers: list[RawMarker], inline: list[RawNote]
) -> Clause:
    kw = (_RECITAL_KEYWORD if d.kind == "recital" else _RESOLVED_KEYWORD).match(mapped.text)
    keyword = kw.group(0).strip() if kw else ""
    lo, hi = d.start, d.end
    clause_markers = tuple([Marker(m.id, m.span, m.raw) for m in markers if lo <= m.span.start < hi]) if markers else ()
    span = mapped.source_span(0, len(mapped.text))
    return Clause(
        kind=d.kind,
        index=index,
        text=mapped.text,
        span=span,
        mapped=mapped,
        keyword=keyword,
        markers=clause_markers,
        items=_items(text, d, markers, inline, limit=span.end),
        inline_notes=tuple([n.span for n in inline if lo <= n.span.start < hi]) if inline else (),
    )


_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


def _label_of(line: Line) -> tuple[str, int] | None:
    m = ITEM.match(line.text)
    if not m:
        return None
    indent = len(line.text) - len(line.text.lstrip(" \t"))
    return (m.group(1) or m.group(2) or m.group(3)), indent


def _follows(previous: str | None, label: str) -> bool:
    """Whether ``label`` can be the item after ``previous`` (None: the first item of a list)."""
    if label in "*•+-":
        return previous is None or previous in "*•+-"
    if previous is None:
        return label in ("1", "a", "A", "i", "I")
    if previous.isdigit() and label.isdigit():
        return int(label) == int(previous) + 1
    low, plow = label.lower(), previous.lower()
    if plow in _ROMAN and low in _ROMAN and _ROMAN.index(low) == _ROMAN.index(plow) + 1:
        return True
    return len(low) == 1 and len(plow) == 1 and low.isalpha() and ord(low) == ord(plow) + 1


def _items(
    text: str, d: ClauseDraft, markers: list[RawMarker], inline: list[RawNote], *, limit: int
) -> tuple[Item, ...]:
    """The clause's items: a list that starts at 1/a/i (or bullets) and counts on.

    A line that merely begins with "(2)" in a wrapped paragraph, or a deeper-indented line
    (a sub-list, a list inside a quotation), belongs to the item before it.  The list ends at a
    paragraph that introduces another list ("To avoid problems …, agencies should:"): that paragraph
    and the list after it stay in the clause's text, outside its items.
    """
    starts: list[int] = []
    previous: str | None = None
    base: int | None = None
    stop = len(d.lines)
    for i, line in enumerate(d.lines):
        if (
            starts
            and line.kind == "text"
            and line.text.rstrip(" *_").endswith(":")
            and i + 1 < len(d.lines)
            and d.lines[i + 1].kind == "item"
            and d.lines[i + 1].start > line.end + 1  # a paragraph of its own, a blank line before the list
        ):
            stop = i
            break
        if line.kind != "item" or (i == 0 and d.kind in ("recital", "resolved") and not ITEM.match(line.text)):
            continue
        found = _label_of(line)
        if found is None:
            continue
        label, indent = found
        if base is not None and indent > base + 1:
            continue
        if not _follows(previous, label):
            continue
        if base is None:
            base = indent
        starts.append(i)
        previous = label
    items = []
    for n, i in enumerate(starts):
        last = (starts[n + 1] if n + 1 < len(starts) else stop) - 1
        lo, hi = d.lines[i].start, min(d.lines[last].end, limit)  # the formula after the last item is not in it
        if hi <= lo:
            continue
        removed = [m.span for m in markers if lo <= m.span.start < hi] + [x.span for x in inline if lo <= x.span.start < hi]
        mapped = clean(text, lo, hi, removed)
        m = ITEM.match(mapped.text)
        if not m:
            continue
        label = m.group(1) or m.group(2) or m.group(3)
        body_at = m.end() - 1
        items.append(Item(label, mapped.text[body_at:], mapped.source_span(0, len(mapped.text))))
    return tuple(items)


# A statute or text quoted without marks is introduced by what it says ("ORS 221.760 provides as
# follows:", "… to read as follows:"); "as follows:" / "the following:" alone introduce a list of
# actions ("do the following:"), not a quotation.
_BLOCK_INTRO = re.compile(
    r"\b(?:provides|provided|reads|read|states|stated|says|said|declares|declared)"
    r"(?:\s+(?:as\s+follows|the\s+following|in\s+part|in\s+full))?\s*:\s*$",
    re.I,
)
_CONNECTOR_ONLY = re.compile(r"^[\s;,]*(?:and|or|and\s+further)?[\s;,]*$", re.I)


def _quotations(text: str, clause: Clause, known: dict[str, str], draft: ClauseDraft) -> list[Quotation]:
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
    block = _block_quotation(clause, known, draft)
    if block and not any(block.span.start <= q.span.start < block.span.end for q in out):
        out.append(block)
        out.sort(key=lambda q: q.span.start)
    return out


def _clean_index(mapped: MappedText, offset: int) -> int:
    """First clean index whose source offset is at or after ``offset``."""
    import bisect

    return bisect.bisect_left(mapped.offsets, offset)


def _block_quotation(clause: Clause, known: dict[str, str], draft: ClauseDraft) -> Quotation | None:
    """A quotation set off as a block: ``> `` lines inside a clause, or the paragraphs after
    "… provides as follows:" (a statute quoted without quotation marks)."""
    lines = draft.lines
    first = last = None
    if lines[0].kind != "quote":
        quoted = [i for i, ln in enumerate(lines) if ln.kind == "quote" and i > 0]
        if quoted:
            first = quoted[0]
            last = first
            while last + 1 < len(lines) and lines[last + 1].kind == "quote":
                last += 1
    if first is None:
        for i, ln in enumerate(lines[:-1]):
            head = ln.text.rstrip(" *_")
            if head.rstrip().endswith(":") and _BLOCK_INTRO.search(head) and lines[i + 1].start > ln.end + 1:
                first, last = i + 1, len(lines) - 1
                while last > first and _CONNECTOR_ONLY.match(lines[last].text):
                    last -= 1
                break
    if first is None or last is None:
        return None
    mapped = clause.mapped
    lo = _clean_index(mapped, lines[first].start)
    hi = _clean_index(mapped, lines[last].end)
    words = mapped.text[lo:hi]
    if len(words.strip()) < 3 or words.lstrip()[:1] in ('"', "“"):
        return None  # already a quotation in marks
    speaker = speaker_before(mapped.text[:lo].rstrip(" :"), known)
    return Quotation(
        text=words,
        span=mapped.source_span(lo, hi),
        clause=clause.ref,
        note=next((m.note for m in clause.markers if m.span.start >= mapped.source_offset(hi - 1)), None),
        speaker=speaker,
        block=True,
        open_mark="",
        close_mark="",
    )


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
    """The resolution's title: a heading, a "A RESOLUTION …" line, a short title block, or front matter."""
    headings = [ln for ln in before if ln.kind == "heading" and not is_generic_heading(heading_text(ln))]
    # "RESOLUTION NO. 22" names the resolution but a heading beside it is its title
    named = [h for h in headings if not _RESOLUTION_NUMBER.match(re.sub(r"[*_`{}]", "", heading_text(h)).strip())]
    headings = named or headings
    if headings:
        top = min(h.level for h in headings)
        line = [h for h in headings if h.level == top][-1]  # the nearest of the top-level headings
        raw = heading_text(line)
        at = text.index(raw, line.start) if raw else line.start
        cleaned = re.sub(r"^(?:\d+|[IVXLC]+)\.\s+", "", re.sub(r"[*_`]", "", raw)).strip()
        if cleaned:
            return Title(cleaned, Span(at, at + len(raw)))
    last_heading = max((i for i, ln in enumerate(before) if ln.kind == "heading"), default=-1)
    tail = before[last_heading + 1 :]
    paragraphs = _paragraphs([ln for ln in tail if ln.kind in ("text", "blank")])
    for para in reversed(paragraphs):
        words = " ".join(ln.text.strip() for ln in para)
        if _TITLE_WORDS.match(words) and len(words.split()) <= 40 and not words.rstrip().endswith((";", ",")):
            span = _trim(text, para[0].start, para[-1].end)
            return Title(" ".join(re.sub(r"[*_]", "", words).split()), span)
    paragraphs = _paragraphs([ln for ln in tail if ln.kind in ("text", "blank", "item")])
    if paragraphs:
        # a short block right before the first clause, not a sentence: "MEMORIALIZING Governor … New York",
        # "X. Establish the Apache VCL Project"
        para = paragraphs[-1]
        words = " ".join(" ".join(ln.text.split()) for ln in para)
        last_line_before = max((i for i, ln in enumerate(before) if ln.kind != "blank"), default=-1)
        adjacent = last_line_before >= 0 and before[last_line_before] is para[-1]
        if (
            adjacent
            and len(para) <= 4
            and 2 <= len(words.split()) <= 40
            and words[:1].isupper()
            and not re.search(r"[.;:,!?—–-]$", words.rstrip(" *_"))
            and not _RESOLUTION_NUMBER.match(words)
        ):
            span = _trim(text, para[0].start, para[-1].end)
            return Title(_LIST_LABEL.sub("", re.sub(r"[*_]", "", words)).strip(), span)
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
    return Sponsors(mover, seconder, submitted, _distinct_people(others), span)


_HONORIFIC = re.compile(
    r"^(?:senator|sen\.|assemblymember|assemblyman|assemblywoman|representative|rep\.|alderman|alderwoman|"
    r"councilmember|council\s+member|m\.\s*of\s*a\.|mr\.|ms\.|mrs\.|dr\.|hon\.)\s+",
    re.I,
)


def _fold(word: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch))


def _distinct_people(names: list[str]) -> tuple[str, ...]:
    """Sponsors without repeats: "Iwen Chu" (a page's metadata) and "Senator CHU" (the bill's BY: line) are one."""
    out: list[str] = []
    surnames: set[str] = set()
    for name in names:
        bare = _HONORIFIC.sub("", name).strip()
        words = re.findall(r"[^\W\d_][\w'’-]*", bare)
        surname = _fold(words[-1]) if words and len(bare) < 60 and "," not in bare else None
        if surname and surname in surnames:
            continue
        if name in out:
            continue
        out.append(name)
        if surname:
            surnames.add(surname)
    return tuple(out)
