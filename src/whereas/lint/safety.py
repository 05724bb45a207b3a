"""What a safe fix may touch, checked for every fix in one place (``whereas.lint.fix`` calls it).

A fix is a set of edits a rule proposes for one finding.  Before and after the edits are applied,
:class:`Guard` holds them to these invariants; a fix that breaks one is not applied and is reported
as dropped, with the reason (``whereas check --fix --show-fixes`` lists them):

1. **Its own span.**  Every edit lies inside the span of the element the finding is about (its
   :attr:`~whereas.lint.rule.Rule.fix_scope`):

   ``clause`` (the default)
       The clause the finding names: the clause's text, its note call-outs and inline notes, the
       connector when it ends this recital or opens this resolving clause, and the spaces and tabs
       on either side of all that on its lines (indentation before it, trailing white space after).
       A finding that names no clause has no span to edit.
   ``element`` (T001, T006)
       One element of the resolution, each as above: a clause, the connector, the title, the
       sponsor lines, a note; or the white space between two neighbouring elements (a blank line).
       Never a table, code or any other text around the resolution's elements.
   ``notes`` (N001)
       The resolution's note call-outs and inline note blocks (with the white space around them on
       their lines), and the end of the file, where the Endnotes section is appended.
   ``finding`` (X001)
       Exactly the span the finding reports (the suppression comment).

2. **Not in quoted material.**  No edit overlaps (and no insertion falls inside) quoted text: the
   structure's quotations, every stretch between quotation marks in a clause (a name or title in
   quotes, too; an unclosed mark quotes to the clause's end), a clause that is itself quoted
   because an article reproduces the resolution (its line starts with ``>`` or a quotation mark
   stands right before its keyword), a clause inside a quotation that an earlier clause opened,
   and Markdown block quotations.  Nor inside a Markdown code block, code fence or table.

3. **Markup unchanged** (``whereas.lint.markup``).  The source (Markdown, and text, which may hold
   Markdown) is parsed with markdown-it-py before and after; the token streams (types, tags, markup,
   nesting, info, attrs, the content of code spans, code blocks and fences, and the tags of HTML) must be the same,
   except for tokens that lie wholly inside edited text (the Endnotes section N001 appends) and
   text that appears or goes in a block an edit changes.  Text and soft line breaks count as text;
   the prose between HTML tags does too (not inside ``pre``, ``code``, ``script``, ``style``).  In
   text files indented lines are not code blocks (indentation there is layout).  To stay fast on
   long documents only the blocks around the edits are parsed again (:meth:`Markup.window`), and
   an edit to a line's indentation or first character inside a list is refused outright.

4. **Nothing else changes.**  The fixed document is parsed and linted again, as Ruff does: it must
   hold the same resolutions, recitals, resolving clauses, notes and quotations; every clause but
   the finding's must read as before; and no finding may appear that was not there (same rule,
   same clause).

5. **Only clauses the structure is sure of.**  A clause whose keyword was read through damage gets
   no fix, and a rule fixes only the keyword forms it knows (:attr:`Rule.fix_forms`,
   :attr:`Rule.fix_plain`): the W rules recitals that open with Whereas, R001/R002/R004 resolving
   clauses that open with the word Resolved ("Resolved, that", not "BE IT RESOLVED" or
   "IT WAS RESOLVED THAT").  :meth:`whereas.lint.rule.Rule.diagnostic` leaves the fix off such a
   finding, and the guard checks it again.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, cached_property
from itertools import accumulate
from typing import TYPE_CHECKING

from whereas.lint.diagnostic import Edit
from whereas.lint.markup import Markup, Region, markup
from whereas.model import Clause, Resolution, Source
from whereas.patterns import lazy_compile
from whereas.structure.clean import entity_spans
from whereas.structure.quotes import can_open_single, can_open_straight, find_single_close

if TYPE_CHECKING:
    from whereas.lint.diagnostic import Diagnostic
    from whereas.lint.rule import Rule

#: fix scopes a rule may declare (see the module docstring)
SCOPES = ("clause", "element", "notes", "finding")

# -- quoted text ---------------------------------------------------------------------------------------

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = {"“": "”", "„": "“", "«": "»"}
_STRAY_CLOSE = "”»"
_QUOTE_MARKS = "\"“”„«»‘’'"


def quoted_ranges(text: str, *, open_at_start: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Quoted stretches of a clause's clean ``text`` as ``[start, end)`` index pairs, marks included,
    and whether a quotation is still open at the end.

    Conservative on purpose: an opening double mark without its closing one quotes to the end (the
    pair's end is then ``len(text) + 1``, so that nothing may be added after it either); a closing
    mark without an opening one means the clause began inside a quotation, which then runs from
    the start.  With ``open_at_start`` (an earlier clause left a quotation open) the text is quoted up
    to its first closing mark.  Single marks quote only in pairs; an apostrophe is never one.
    """
    n = len(text)
    found: list[tuple[int, int]] = []
    i = 0
    if open_at_start:
        m = re.search('[”"»]', text)
        if m is None:
            return [(0, n + 1)], True
        found.append((0, m.end()))
        i = m.end()
    while i < n:
        ch = text[i]
        if ch in _DOUBLE_OPEN or (ch == '"' and can_open_straight(text, i, after="*_")):
            close = _DOUBLE_CLOSE.get(ch, '"')
            j = _find_close(text, i + 1, ch, close)
            if j is None:
                found.append((i, n + 1))
                return found, True
            found.append((i, j + 1))
            i = j + 1
            continue
        if ch in _STRAY_CLOSE or ch == '"':
            found.append((0, i + 1))  # closes a quotation opened before this clause
            i += 1
            continue
        if ch in "‘'" and can_open_single(text, i, after="*_"):
            j = find_single_close(text, i)
            if j is not None:
                found.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return found, False


def _find_close(text: str, start: int, opener: str, close: str) -> int | None:
    depth = 0
    for j in range(start, len(text)):
        ch = text[j]
        if opener == '"':
            if ch in '"”':
                return j
            continue
        if ch == opener and opener != close:
            depth += 1
        elif ch == close or (opener == "“" and ch == '"'):
            if depth:
                depth -= 1
            else:
                return j
    return None


_QUOTED_LEAD = lazy_compile(r"[\"“„«‘'][ \t*_]*$")


def quoted_clause(text: str, clause: Clause) -> bool:
    """Whether ``clause`` is itself quoted: an article reproducing the resolution (its line starts
    with ``>``, or a quotation mark stands right before the clause's keyword)."""
    line_start = text.rfind("\n", 0, clause.span.start) + 1
    prefix = text[line_start : clause.span.start]
    if prefix.lstrip().startswith(">"):
        return True
    return bool(_QUOTED_LEAD.search(prefix)) or clause.text[:1] in _QUOTE_MARKS


# -- the guard -------------------------------------------------------------------------------------------


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` with the spaces and tabs on either side."""
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    n = len(text)
    while end < n and text[end] in " \t\r":
        end += 1
    return start, end


def clause_extent(text: str, r: Resolution, c: Clause) -> tuple[int, int]:
    """The clause's own span: its text, note call-outs, inline notes, the connector that ends it (the
    last recital) or opens it (the first resolving clause), and the spaces and tabs around them."""
    parts = [c.span, *(m.span for m in c.markers), *c.inline_notes]
    f = r.formula
    if f is not None and (
        (f.placement == "preamble" and r.preamble and c is r.preamble[-1])
        or (f.placement == "resolved" and r.resolved and c is r.resolved[0])
    ):
        parts.append(f.span)
    end = max(p.end for p in parts)
    if "&" in text[end - 1 : end]:  # it ends with an entity, read as one character: the whole entity
        end = after_entities(text, (Edit(end, end, ""),))[0].end
    return _widen(text, min(p.start for p in parts), end)


def _within(ranges: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


class _ByStart:
    """Spans ordered by start, with the furthest end reached up to each: whether one of them holds or
    touches an edit is found by bisection, not by asking each (a fix's scope may be every element of
    the document, and every fix is checked against every quoted and shielded region)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach = list(accumulate((b for _, b in ordered), max))

    def _furthest(self, count: int) -> int:
        """The furthest end of the first ``count`` spans (-1 for none)."""
        return self._reach[count - 1] if count else -1

    def holds(self, start: int, end: int) -> bool:
        """What :func:`_within` says: one span holds ``[start, end)``."""
        return self._furthest(bisect.bisect_right(self._starts, start)) >= end

    def touches(self, start: int, end: int, *, closed_left: bool = False) -> bool:
        """What :func:`_hits` says of one of the spans."""
        if start < end:
            return self._furthest(bisect.bisect_left(self._starts, end)) > start
        before = bisect.bisect_right(self._starts, start) if closed_left else bisect.bisect_left(self._starts, start)
        return self._furthest(before) > start


def _first_hit(
    regions: tuple[Region, ...], index: _ByStart, edits: Iterable[Edit], *, closed_left: bool = False
) -> Region | None:
    """The first of ``regions`` that one of ``edits`` touches (``index`` is theirs: most fixes touch none)."""
    edits = list(edits)
    if not any(index.touches(e.start, e.end, closed_left=closed_left) for e in edits):
        return None
    return next(
        (
            region
            for region in regions
            if any(_hits(region.start, region.end, e.start, e.end, closed_left=closed_left) for e in edits)
        ),
        None,
    )


def _hits(region_start: int, region_end: int, start: int, end: int, *, closed_left: bool = False) -> bool:
    """Whether the edit ``[start, end)`` touches the region (an insertion: falls strictly inside it)."""
    if start < end:
        return start < region_end and region_start < end
    return (region_start <= start if closed_left else region_start < start) and start < region_end


def _cuts(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` falls strictly inside one of ``spans`` (ordered, not overlapping)."""
    k = bisect.bisect_left(spans, (at + 1,)) - 1  # the last span starting at or before ``at``
    return k >= 0 and spans[k][0] < at < spans[k][1]


def after_entities(text: str, edits: tuple[Edit, ...], spans: list[tuple[int, int]] | None = None) -> tuple[Edit, ...]:
    """``edits`` with each end that falls right after an HTML entity's "&" moved past the entity.

    The structure reads an entity ("&#8221;") as the one character it stands for, mapped to the entity's
    "&": a fix's edit that ends after that character, or inserts after it, ends at the "&" + 1.  Moved to
    the entity's end it edits what the rule meant; any other edit inside an entity the guard refuses.
    (``spans``: the text's :func:`entity_spans`, when the caller has them: they are found once for all the
    fixes of a text, not once a fix.)"""
    if spans is None:
        spans = entity_spans(text) if "&" in text else []
    if not spans or not any(_cuts(spans, e.start) or _cuts(spans, e.end) for e in edits):
        return edits

    def past(at: int) -> int:
        k = bisect.bisect_left(spans, (at,)) - 1
        return spans[k][1] if k >= 0 and spans[k][0] + 1 == at < spans[k][1] else at

    return tuple(type(e)(past(e.start), past(e.end), e.replacement) for e in edits)


class Guard:
    """The invariants of one text and its resolutions, for the fixes proposed on it."""

    def __init__(self, source: Source, resolutions: Sequence[Resolution]) -> None:
        self.source = source
        self.text = source.text
        self.resolutions = resolutions

    # what no fix may edit
    @cached_property
    def quoted(self) -> tuple[Region, ...]:
        text = self.text
        out: list[Region] = []
        for r in self.resolutions:
            for q in r.quotations:
                out.append(Region(max(q.span.start - 1, 0), q.span.end + 1, "quoted words"))
            open_before = False
            clauses = r.clauses
            for k, c in enumerate(clauses):
                if quoted_clause(text, c):
                    start, end = clause_extent(text, r, c)
                    out.append(Region(start, end + 1, "a quoted clause (the resolution as an article reproduces it)"))
                    _, open_before = quoted_ranges(c.text)
                else:
                    pairs, open_before = quoted_ranges(c.text, open_at_start=open_before)
                    n = len(c.text)
                    for a, b in pairs:
                        span = c.mapped.source_span(a, min(b, n))
                        out.append(Region(span.start, span.end + (b > n), "text in quotation marks"))
                if open_before and k + 1 < len(clauses):
                    # a quotation left open goes on into the next clause, unless it closes in between
                    between = text[c.span.end : clauses[k + 1].span.start]
                    open_before = not any(mark in between for mark in '”»"')
        return tuple(out)

    @cached_property
    def markup(self) -> Markup:
        return markup(self.text, self.source.format)

    @cached_property
    def shielded(self) -> tuple[Region, ...]:
        return self.markup.shielded

    @cached_property
    def elements(self) -> tuple[tuple[int, int], ...]:
        """Every element's own span (clauses with what belongs to them, connectors, titles, sponsor
        lines, notes) and the white space between neighbouring elements."""
        text = self.text
        out: list[tuple[int, int]] = []
        for r in self.resolutions:
            spans = [clause_extent(text, r, c) for c in r.clauses]
            others = [r.formula.span if r.formula else None, r.title.span if r.title else None, r.sponsors.span]
            spans += [_widen(text, s.start, s.end) for s in others if s is not None]
            spans += [_widen(text, n.span.start, n.span.end) for n in r.notes]
            spans.sort()
            out.extend(spans)
            for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False):
                if a_end < b_start and not text[a_end:b_start].strip():
                    out.append((a_end, b_start))
        return tuple(out)

    @cached_property
    def _elements_index(self) -> _ByStart:
        return _ByStart(self.elements)

    @cached_property
    def _quoted_index(self) -> _ByStart:
        return _ByStart((region.start, region.end) for region in self.quoted)

    @cached_property
    def _shielded_index(self) -> _ByStart:
        return _ByStart((region.start, region.end) for region in self.shielded)

    @cached_property
    def _entities(self) -> list[tuple[int, int]]:
        return entity_spans(self.text)

    @cached_property
    def _long_s(self) -> bool:
        """Whether the text holds a long s (asked for every fix: the whole text read once, not once a fix)."""
        return "\u017f" in self.text

    def scope(self, d: Diagnostic, r: Resolution) -> _ByStart | str:
        """Where ``d``'s fix may edit, or why it may edit nowhere."""
        rule = _rule(d.code)
        kind = rule.fix_scope if rule is not None else "finding"
        text = self.text
        if kind == "finding":
            return _ByStart([(d.span.start, d.span.end)])
        if kind == "element":
            return self._elements_index
        if kind == "notes":
            ranges = [_widen(text, n.span.start, n.span.end) for n in r.notes if n.inline]
            ranges += [(m.span.start, m.span.end) for c in r.clauses for m in c.markers]
            ranges.append((len(text), len(text)))  # the Endnotes section, appended
            return _ByStart(ranges)
        clause = _clause(r, d.clause)
        if clause is None:
            return "it names no clause to edit"
        return _ByStart([clause_extent(text, r, clause)])

    def refuse(self, d: Diagnostic, r: Resolution) -> str | None:
        """Why ``d``'s fix may not be applied as it stands (None: it may be tried)."""
        assert d.fix is not None
        edits = d.fix.edits
        clause = _clause(r, d.clause)
        rule = _rule(d.code)
        if clause is not None and rule is not None and not rule.may_fix(clause):
            return f"the structure is unsure of {clause.ref}'s keyword ({clause.keyword.text or 'none'})"
        scope = self.scope(d, r)
        if isinstance(scope, str):
            return scope
        for e in edits:
            if not scope.holds(e.start, e.end):
                return "it would edit text outside its own span"
        if self._entities and any(_cuts(self._entities, e.start) or _cuts(self._entities, e.end) for e in edits):
            return "it would edit inside an HTML entity (the structure reads it as the character it stands for)"
        if self._long_s and any("\u017f" in self.text[e.start : e.end] for e in edits):
            return 'it would rewrite a long s ("ſ"), which the structure reads as "s" and the text keeps as printed'
        region = _first_hit(self.quoted, self._quoted_index, edits) or _first_hit(
            self.shielded, self._shielded_index, edits, closed_left=True
        )
        return f"it would change {region.what}" if region is not None else None


def _rule(code: str) -> Rule | None:
    """The rule of a code (the registry is imported when a fix is first checked: it imports every rule)."""
    return _rules_by_code().get(code)


@cache
def _rules_by_code() -> Mapping[str, Rule]:
    from whereas.lint.registry import REGISTRY

    return REGISTRY.by_code


def _clause(r: Resolution, ref: str | None) -> Clause | None:
    if ref is None:
        return None
    for c in r.clauses:
        if c.ref == ref:
            return c
    return None
