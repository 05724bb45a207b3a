"""What every renderer works from: a resolution's clauses as runs of inline tokens.

A clause's cleaned text (``Clause.text``) has lost its note markers; quotations and
markers are known only by their source spans.  :func:`layout` maps both into the
clean text through ``Clause.mapped.offsets`` and cuts each clause into an intro and
its numbered items, each a list of tokens: plain text, the clause keyword, note
references, and quotations (with their marks and the text/references inside).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from whereas.model import Clause, Note, Quotation, Resolution

QUOTE_CHARS = "\"'“”‘’«»„‚‹›"


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Keyword:
    """The keyword's main word ("Resolved", "WHEREAS"), set in italic or bold by some formats."""

    text: str


@dataclass(frozen=True)
class Ref:
    """A note call-out: the note's id in the model and its display label."""

    note: str
    label: str


@dataclass(frozen=True)
class Quote:
    quotation: Quotation
    open: str  # the opening mark as it stands in the text ("" when the text has none)
    close: str
    children: tuple[Text | Ref, ...]
    index: int  # position of the quotation in Resolution.quotations

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.children if isinstance(c, Text))


@dataclass(frozen=True)
class Flag:
    """A point in the text that something said about the text refers to (a lint finding, in the
    review page): ``key`` is whatever the renderer gave :func:`layout` with its place."""

    key: object


Token = Text | Keyword | Ref | Quote | Flag


@dataclass
class Segment:
    """The intro of a clause, or one of its items (``label`` set)."""

    tokens: list[Token]
    label: str = ""


@dataclass
class ClauseLayout:
    clause: Clause
    intro: Segment
    items: list[Segment] = field(default_factory=list)


@dataclass
class Layout:
    resolution: Resolution
    preamble: list[ClauseLayout]
    resolved: list[ClauseLayout]
    formula: str | None  # the connector as written (", now, therefore be it")
    formula_inline: bool  # it follows the last recital's text (starts with punctuation)
    labels: dict[str, str]  # note id -> display label
    notes: list[tuple[str, Note]]  # (label, note) in display order

    @property
    def clauses(self) -> list[ClauseLayout]:
        return self.preamble + self.resolved


_ITEM_LABEL = re.compile(r"^\s*(?:\(\s*\w{1,6}\s*\)|\w{1,6}[.)]|[*•+\-])\s+")
_KEYWORD_WORD = re.compile(r"\b(?:resolved|whereas|therefore)\b", re.I)


def _index(clause: Clause, source_offset: int) -> int:
    """The clean-text index of the first clean character at or after ``source_offset``."""
    return bisect.bisect_left(clause.mapped.offsets, source_offset)


def note_labels(resolutions: list[Resolution], start: int = 1) -> list[dict[str, str]]:
    """Display labels per resolution: notes numbered 1..n across the document in order of first call-out.

    Notes that are never called out come after, in document order.
    """
    n = start
    out = []
    for r in resolutions:
        labels: dict[str, str] = {}
        for c in r.clauses:
            for m in c.markers:
                if m.note not in labels:
                    labels[m.note] = str(n)
                    n += 1
        for note in r.notes:
            if note.id not in labels:
                labels[note.id] = str(n)
                n += 1
        out.append(labels)
    return out


def layout(
    r: Resolution, labels: dict[str, str] | None = None, flags: list[tuple[int, object]] | None = None
) -> Layout:
    """``flags``: (source offset, key) pairs, each set in its clause's text as a :class:`Flag` where the
    offset falls (those outside every clause are left out)."""
    labels = labels if labels is not None else note_labels([r])[0]
    quotes_by_clause: dict[str, list[tuple[int, Quotation]]] = {}
    for i, q in enumerate(r.quotations):
        quotes_by_clause.setdefault(q.clause, []).append((i, q))
    formula = r.formula.text if r.formula else None
    formula_inline = bool(formula and r.preamble and not formula[:1].isalnum())
    order = sorted(
        (n for n in r.notes),
        key=lambda n: int(labels[n.id]) if labels.get(n.id, "").isdecimal() else 10**9,
    )
    return Layout(
        resolution=r,
        preamble=[_clause(c, quotes_by_clause.get(c.ref, []), labels, flags) for c in r.preamble],
        resolved=[_clause(c, quotes_by_clause.get(c.ref, []), labels, flags) for c in r.resolved],
        formula=formula,
        formula_inline=formula_inline,
        labels=labels,
        notes=[(labels.get(n.id, n.id), n) for n in order],
    )


def _clause(
    c: Clause, quotes: list[tuple[int, Quotation]], labels: dict[str, str], flags: list[tuple[int, object]] | None
) -> ClauseLayout:
    text = c.text
    bounds = [0]
    item_labels = []
    for item in c.items:
        start = _index(c, item.span.start)
        if bounds[-1] < start <= len(text):
            bounds.append(start)
            item_labels.append(item.label)
    bounds.append(len(text))
    # stable on position: call-outs at the same place keep their written order ([^9][^10])
    points: list[tuple[int, str | Flag]] = [(min(_index(c, m.span.start), len(text)), m.note) for m in c.markers]
    points += [(min(_index(c, at), len(text)), Flag(key)) for at, key in flags or () if c.span.start <= at < c.span.end]
    markers = sorted(points, key=lambda t: t[0])
    spans = []
    for qi, q in quotes:
        qs, qe = _index(c, q.span.start), _index(c, q.span.end)
        if 0 <= qs < qe <= len(text):
            spans.append((qs, qe, qi, q))
    spans.sort()
    segments: list[Segment] = []
    for k in range(len(bounds) - 1):
        a, b = bounds[k], bounds[k + 1]
        seg_text = text[a:b]
        # trim white space and (for items) the label written in the text
        lead = len(seg_text) - len(seg_text.lstrip())
        label = item_labels[k - 1] if k > 0 else ""
        if k > 0:
            m = _ITEM_LABEL.match(seg_text)
            if m:
                lead = m.end()
                label = "".join(m.group().split())  # the label as written: "1.", "(a)", "ii)", "•"
        trail = len(seg_text) - len(seg_text.rstrip())
        a2, b2 = a + lead, max(a + lead, b - trail)
        own = [(p, note) for p, note in markers if (a < p <= b) or (k == 0 and p == 0)]
        tokens = _tokens(text, a2, b2, [(max(a2, min(p, b2)), n) for p, n in own], spans, labels)
        if k == 0:
            tokens = _mark_keyword(tokens, c.keyword.text)
        segments.append(Segment(tokens, label))
    return ClauseLayout(c, segments[0], segments[1:])


def _tokens(
    text: str,
    a: int,
    b: int,
    markers: list[tuple[int, str | Flag]],
    spans: list[tuple[int, int, int, Quotation]],
    labels: dict[str, str],
) -> list[Token]:
    quotes = []
    for qs, qe, qi, q in spans:
        if a <= qs and qe <= b:
            has_open = qs - 1 >= a and text[qs - 1] in QUOTE_CHARS
            has_close = qe < b and text[qe] in QUOTE_CHARS
            quotes.append((qs - has_open, qe + has_close, qs, qe, qi, q))
    # drop overlapping quotations (keep the first)
    kept = []
    last_end = a
    for item in quotes:
        if item[0] >= last_end:
            kept.append(item)
            last_end = item[1]
    out: list[Token] = []
    pos = a
    mi = 0

    def emit(upto: int, into: list, *, inclusive: bool) -> None:
        """Text up to ``upto`` and the markers before it (at it too when ``inclusive``)."""
        nonlocal pos, mi
        while mi < len(markers) and (markers[mi][0] < upto or (inclusive and markers[mi][0] == upto)):
            p, note = markers[mi]
            if p > pos:
                into.append(Text(text[pos:p]))
                pos = p
            into.append(note if isinstance(note, Flag) else Ref(note, labels.get(note, note)))
            mi += 1
        if upto > pos:
            into.append(Text(text[pos:upto]))
            pos = upto

    for start, end, qs, qe, qi, q in kept:
        emit(start, out, inclusive=True)  # a marker at the opening mark stands before the quotation
        pos = qs
        inner: list[Text | Ref] = []
        emit(qe, inner, inclusive=True)  # … one at the closing mark stands inside it
        out.append(Quote(q, text[start:qs], text[qe:end], tuple(_merge(inner)), qi))  # type: ignore[arg-type]  # _merge joins Text, adds no kind
        pos = end
    emit(b, out, inclusive=True)
    return _merge(out)


def _merge(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        if isinstance(t, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + t.text)
        elif not (isinstance(t, Text) and not t.text):
            out.append(t)
    return out


def _mark_keyword(tokens: list[Token], keyword: str) -> list[Token]:
    """Split the keyword's main word ("Resolved", "Whereas") off the first text token."""
    if not tokens or not isinstance(tokens[0], Text):
        return tokens
    first = tokens[0].text
    m = _KEYWORD_WORD.search(first[: max(len(keyword), 0) + 2])
    if not m:
        return tokens
    parts: list[Token] = []
    if m.start():
        parts.append(Text(first[: m.start()]))
    parts.append(Keyword(m.group()))
    if m.end() < len(first):
        parts.append(Text(first[m.end() :]))
    return parts + tokens[1:]


def plain_text(tokens: list[Token], ref=lambda r: "") -> str:
    """The tokens as text: quotations with their marks, references written by ``ref``."""
    out = []
    for t in tokens:
        if isinstance(t, Text | Keyword):
            out.append(t.text)
        elif isinstance(t, Ref):
            out.append(ref(t))
        elif isinstance(t, Quote):
            out.append(t.open)
            out.extend(c.text if isinstance(c, Text) else ref(c) if isinstance(c, Ref) else "" for c in t.children)
            out.append(t.close)
    return "".join(out)


def sponsor_lines(r: Resolution) -> list[tuple[str, str]]:
    s = r.sponsors
    lines = []
    if s.mover:
        lines.append(("Mover", s.mover))
    if s.seconder:
        lines.append(("Seconder", s.seconder))
    if s.submitted_by:
        lines.append(("Submitted by", s.submitted_by))
    if s.others:
        lines.append(("Sponsors", "; ".join(s.others)))
    return lines


def item_label(label: str) -> str:
    """How an item's label is written: as the source wrote it ("1.", "(a)", "ii)", a bullet); a bare
    label (an item whose text no longer starts with its label) as ``(1)``."""
    if not label:
        return "-"
    return f"({label})" if label[0].isalnum() and label[-1].isalnum() else label


_URL = re.compile(r"<?(https?://[^\s<>]+[^\s<>.,;:)\]}'\"])>?")


#: characters XML 1.0 cannot hold (controls other than tab, line feed and carriage return; surrogates; U+FFFE, U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with each character XML 1.0 cannot hold (a control character a text file may have:
    \\x01, a vertical tab, a form feed) replaced by a space, for the XML formats (Akoma Ntoso, Word)."""
    return _NOT_XML.sub(" ", text)


def split_urls(text: str) -> list[tuple[str, str | None]]:
    """A note's text cut into (text, None) and (url, url) pieces; ``<url>`` brackets dropped."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    for m in _URL.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], None))
        out.append((m.group(1), m.group(1)))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], None))
    return out
