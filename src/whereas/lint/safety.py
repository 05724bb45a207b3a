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

3. **Markup unchanged.**  The source (Markdown, and text, which may hold Markdown) is parsed
   with markdown-it-py before and after; the token streams (types, tags, markup, nesting, info,
   attrs, the content of code spans, code blocks and fences, and the tags of HTML) must be the same,
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

from whereas.model import Clause, Resolution, Source
from whereas.structure.quotes import can_open_single, can_open_straight, find_single_close

if TYPE_CHECKING:
    from whereas.lint.diagnostic import Diagnostic, Edit

#: fix scopes a rule may declare (see the module docstring)
SCOPES = ("clause", "element", "notes", "finding")


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of the source no fix may edit, and what it is."""

    start: int
    end: int
    what: str


# -- Markdown ----------------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def _parser(fmt: str):  # noqa: ANN202 - MarkdownIt
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    if fmt != "markdown":
        md.disable("code")  # a text file's indentation is layout, not code
    return md


#: block tokens whose lines no fix edits, and what to call them
_SHIELDED = {
    "fence": "a code fence",
    "code_block": "a code block",
    "table_open": "a table",
    "blockquote_open": "a Markdown block quotation",
}
_CODE = frozenset({"code_inline", "code_block", "fence"})
_HTML = frozenset({"html_block", "html_inline"})
#: text, and the soft line break that renders as a space
_TEXT = frozenset({"text", "text_special", "softbreak"})
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_VERBATIM = re.compile(r"<(?:pre|code|script|style|textarea)\b", re.I)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def _line_range(starts: Sequence[int], text_len: int, lines: tuple[int, int]) -> tuple[int, int]:
    a, b = lines
    start = starts[a] if a < len(starts) else text_len
    end = starts[b] if b < len(starts) else text_len
    return start, end


class Markup:
    """One text's Markdown, parsed once: its tokens, top-level blocks and whether it defines link
    references."""

    def __init__(self, text: str, fmt: str) -> None:
        env: dict = {}
        self.text = text
        self.format = fmt
        self.tokens = _parser(fmt).parse(text, env)
        self.references = bool(env.get("references"))
        self.starts = _line_starts(text)
        self.root = self._units()

    def _units(self) -> _Unit:
        """The blocks a window may be cut at: the top-level blocks and the outermost list items and, in
        text, where indentation never makes code, every block inside a list item at any depth.  Each
        parses as the same block on its own, so an edit in a long agenda need not parse all of it."""
        root = _Unit(0, len(self.starts) + 1)
        stack: list[tuple[int, _Unit]] = []  # (level of the opening token, unit)
        deep = self.format != "markdown"
        for t in self.tokens:
            if t.nesting == -1:
                if stack and stack[-1][0] == t.level:
                    stack.pop()
                continue
            if not t.map:
                continue
            if (
                t.level == 0
                or (t.type == "list_item_open" and t.level == 1)
                or (deep and t.type != "inline" and (stack and stack[-1][0] == t.level - 1))
            ):
                parent = stack[-1][1] if stack else root
                unit = _Unit(t.map[0], t.map[1])
                parent.children.append(unit)
                if t.nesting == 1:
                    stack.append((t.level, unit))
        return root

    @cached_property
    def shielded(self) -> tuple[Region, ...]:
        out = []
        for t in self.tokens:
            what = _SHIELDED.get(t.type)
            if what and t.map:
                start, end = _line_range(self.starts, len(self.text), (t.map[0], t.map[1]))
                out.append(Region(start, end, what))
        return tuple(out)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def window(self, first_line: int, last_line: int) -> tuple[tuple[int, int], bool]:
        """Lines ``[a, b)`` covering lines ``first_line``..``last_line``: the blocks they are in, with the
        block before and the block after them, among the children of the innermost block (a list item)
        that holds them all with their neighbours; and whether that is inside a list."""
        path = [self.root]
        while True:
            inner = path[-1].holding(first_line, last_line)
            if inner is None or not inner.children:
                break  # the neighbours of a block without blocks inside are its parent's children
            path.append(inner)
        node = path[-1]
        kids = node.children
        if not kids:
            return (min(node.start, first_line), max(node.end, last_line + 1)), len(path) > 1
        starts = node.starts()
        lo = max(bisect.bisect_right(starts, first_line) - 2, 0)  # one block to spare before
        hi = min(bisect.bisect_right(starts, last_line) + 1, len(kids))  # and one after
        return (min(kids[lo].start, first_line), max(kids[hi - 1].end, last_line + 1)), len(path) > 1


class _Unit:
    __slots__ = ("start", "end", "children", "_starts", "_reach")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self.children: list[_Unit] = []
        self._starts: list[int] | None = None  # the children's starts (in order: blocks come in document order)
        self._reach: list[int] = []  # the furthest end of the children up to each

    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [c.start for c in self.children]
            self._reach = list(accumulate((c.end for c in self.children), max))
        return self._starts

    def holding(self, first_line: int, last_line: int) -> _Unit | None:
        """The first child that holds lines ``first_line``..``last_line``, found by bisection (an edit in a
        long document is not compared with every block): of the children that start at or before
        ``first_line``, the first whose end, or an earlier one's, lies beyond ``last_line``."""
        count = bisect.bisect_right(self.starts(), first_line)
        at = bisect.bisect_right(self._reach, last_line, 0, count)
        return self.children[at] if at < count else None


@lru_cache(maxsize=4)
def markup(text: str, fmt: str) -> Markup:
    """The parsed Markdown of ``text`` (cached: a fix round asks for it more than once)."""
    return Markup(text, fmt)


def _signature(t) -> tuple:  # noqa: ANN001 - markdown_it Token
    attrs = tuple(sorted((str(k), str(v)) for k, v in (t.attrs or {}).items()))
    content = None
    if t.type in _CODE:
        content = t.content
    elif t.type in _HTML:
        # HTML's markup is its tags and comments; the prose between them is text like any other, unless
        # the block holds verbatim text (pre, code, script, style, textarea)
        content = t.content if _VERBATIM.search(t.content) else tuple(_TAG.findall(t.content))
    return (t.type, t.tag, t.markup, t.nesting, t.info, attrs, content)


def _stream(tokens) -> tuple[list[tuple], list[tuple[int, int] | None]]:  # noqa: ANN001 - list[Token]
    """The token signatures in order (consecutive text tokens as one) and each one's block lines."""
    sigs: list[tuple] = []
    lines: list[tuple[int, int] | None] = []
    opened: list[tuple[int, int] | None] = []
    for t in tokens:
        span = (t.map[0], t.map[1]) if t.map else None
        if t.nesting == 1:
            opened.append(span)
        elif t.nesting == -1:
            span = opened.pop() if opened else None
        if t.type == "inline":
            previous_text = False
            for c in t.children or ():
                if c.type in _TEXT:
                    if not previous_text:
                        sigs.append(("text",))
                        lines.append(span)
                    previous_text = True
                    continue
                previous_text = False
                sigs.append(_signature(c))
                lines.append(span)
            continue
        sigs.append(_signature(t))
        lines.append(span)
    return sigs, lines


@lru_cache(maxsize=256)
def _parsed_stream(text: str, fmt: str) -> tuple[list[tuple], list[tuple[int, int] | None]]:
    """``_stream`` of ``text`` parsed (cached: the text before the edits is the same for every fix
    proposed in the same blocks)."""
    return _stream(_parser(fmt).parse(text))


_NAMES = {
    "strong": "bold text",
    "em": "emphasis",
    "s": "struck-out text",
    "fence": "a code fence",
    "code_block": "a code block",
    "code_inline": "a code span",
    "heading": "a heading",
    "link": "a link",
    "image": "an image",
    "bullet_list": "a list",
    "ordered_list": "a list",
    "list_item": "a list",
    "blockquote": "a block quotation",
    "table": "a table",
    "thead": "a table",
    "tbody": "a table",
    "tr": "a table",
    "th": "a table",
    "td": "a table",
    "html_block": "HTML",
    "html_inline": "HTML",
    "hardbreak": "a line break",
    "softbreak": "a line break",
    "paragraph": "a paragraph",
    "hr": "a rule",
    "text": "the text around the edit",
}


def _describe(sig: tuple) -> str:
    kind = sig[0]
    for suffix in ("_open", "_close"):
        if kind.endswith(suffix):
            kind = kind[: -len(suffix)]
    return _NAMES.get(kind, kind)


def _inside_edits(text: str, starts: list[int], lines: tuple[int, int] | None, ranges: list[tuple[int, int]]) -> bool:
    """Whether every character but white space on ``lines`` lies in one of the edited ``ranges``."""
    if lines is None or not ranges:
        return False
    start, end = _line_range(starts, len(text), lines)
    pos = start
    for a, b in sorted(ranges):
        if b <= pos:
            continue
        if a >= end:
            break
        if text[pos:a].strip():
            return False
        pos = max(pos, b)
    return not text[pos:end].strip()


def _compare(
    before: str, after: str, fmt: str, before_ranges: list[tuple[int, int]], after_ranges: list[tuple[int, int]]
) -> str | None:
    """What differs between the token streams of ``before`` and ``after`` outside the edited ranges."""
    sb, lb = _parsed_stream(before, fmt)
    sa, la = _parsed_stream(after, fmt)
    if sb == sa:
        return None
    # the common head and tail first: the difference is usually a few tokens in a long stream
    head = 0
    limit = min(len(sb), len(sa))
    while head < limit and sb[head] == sa[head]:
        head += 1
    tail = 0
    while tail < limit - head and sb[len(sb) - 1 - tail] == sa[len(sa) - 1 - tail]:
        tail += 1
    starts_b, starts_a = _line_starts(before), _line_starts(after)
    matcher = SequenceMatcher(None, sb[head : len(sb) - tail], sa[head : len(sa) - tail], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for k in range(head + i1, head + i2):
            if not _explained(before, starts_b, sb[k], lb[k], before_ranges):
                return _describe(sb[k])
        for k in range(head + j1, head + j2):
            if not _explained(after, starts_a, sa[k], la[k], after_ranges):
                return _describe(sa[k])
    return None


def _explained(
    text: str, starts: list[int], sig: tuple, lines: tuple[int, int] | None, ranges: list[tuple[int, int]]
) -> bool:
    """Whether the edits explain a token that one side has and the other lacks: a block written (or
    deleted) whole by them, or a run of text that appears (or goes) in a block they edit ("<a@b.org>"
    then ";")."""
    if _inside_edits(text, starts, lines, ranges):
        return True
    if sig != ("text",) or lines is None:
        return False
    start, end = _line_range(starts, len(text), lines)
    return any(a < end and start <= b for a, b in ranges)


def _structural(text: str, e: Edit) -> bool:
    """Whether an edit may move a line to another block: it writes or deletes a line break or a table's "|", or it edits a line's indentation or
    first character (a list marker, a heading's "#", a block quotation's ">", a fence)."""
    deleted = text[e.start : e.end]
    if "\n" in deleted or "\n" in e.replacement or "|" in deleted or "|" in e.replacement:
        return True
    line_start = text.rfind("\n", 0, e.start) + 1
    if text[line_start : e.start].strip(" \t"):
        return False  # after the line's first character: inside its text
    changed = (deleted[:1], e.replacement[:1])
    return not all(ch.isalpha() for ch in changed if ch) or not any(changed)


def markup_change(before: Markup, after: str, edits: Sequence[Edit]) -> str | None:
    """What Markdown markup the edits (applied to ``before``, giving ``after``) would change, outside the
    text they write (None: nothing)."""
    failed = markup_changes(before, after, edits)
    return failed[0][2] if failed else None


def markup_changes(before: Markup, after: str, edits: Sequence[Edit]) -> list[tuple[int, int, str]]:
    """Where (character spans of ``before``) and how the edits would change the Markdown markup.

    Compared block-wise: each group of nearby edits in a window of whole blocks (see
    :meth:`Markup.window`), parsed before and after.  The whole text is compared instead when it
    defines link references and an edit touches brackets (a reference could start or stop resolving
    elsewhere)."""
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    text = before.text
    if not edits:
        return []
    out: list[tuple[int, int, str]] = []
    if before.references and any(
        "[" in e.replacement or "]" in e.replacement or "[" in text[e.start : e.end] or "]" in text[e.start : e.end]
        for e in edits
    ):
        windows = [(0, len(before.starts))]
    else:
        found = []
        for e in edits:
            window, in_list = before.window(before.line_of(e.start), before.line_of(max(e.end - 1, e.start)))
            if in_list and _structural(text, e):
                # a line's indentation or marker in a list: where it belongs would change (checking it would
                # take the whole list, and it is never only text)
                ca, cb = _line_range(before.starts, len(text), window)
                out.append((ca, cb, "a list"))
                continue
            found.append(window)
        found.sort()
        windows = []
        for a, b in found:
            if windows and a <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], b))
            else:
                windows.append((a, b))
    shift = 0  # how much the edits before the window moved it
    k = 0
    for a, b in windows:
        ca, cb = _line_range(before.starts, len(text), (a, b))
        while k < len(edits) and edits[k].end <= ca and edits[k].start < ca:
            shift += len(edits[k].replacement) - (edits[k].end - edits[k].start)
            k += 1
        inside = []
        while k < len(edits) and edits[k].start <= cb and (edits[k].end <= cb):
            inside.append(edits[k])
            k += 1
        grow = sum(len(e.replacement) - (e.end - e.start) for e in inside)
        before_ranges = [(e.start - ca, e.end - ca) for e in inside]
        after_ranges = []
        delta = 0
        for e in inside:
            start = e.start - ca + delta
            after_ranges.append((start, start + len(e.replacement)))
            delta += len(e.replacement) - (e.end - e.start)
        changed = _compare(
            text[ca:cb], after[ca + shift : cb + shift + grow], before.format, before_ranges, after_ranges
        )
        shift += grow
        if changed is not None:
            out.append((ca, cb, changed))
    return out


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


_QUOTED_LEAD = re.compile(r"[\"“„«‘'][ \t*_]*$")


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
    return _widen(text, min(p.start for p in parts), max(p.end for p in parts))


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
    regions: tuple[Region, ...], index: _ByStart, edits: Iterable, *, closed_left: bool = False
) -> Region | None:  # noqa: ANN001
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

    def scope(self, d: Diagnostic, r: Resolution) -> _ByStart | str:
        """Where ``d``'s fix may edit, or why it may edit nowhere."""
        from whereas.lint.registry import REGISTRY

        rule = REGISTRY.by_code.get(d.code)
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
        from whereas.lint.registry import REGISTRY

        assert d.fix is not None
        edits = d.fix.edits
        clause = _clause(r, d.clause)
        rule = REGISTRY.by_code.get(d.code)
        if clause is not None and rule is not None and not rule.may_fix(clause):
            return f"the structure is unsure of {clause.ref}'s keyword ({clause.keyword.text or 'none'})"
        scope = self.scope(d, r)
        if isinstance(scope, str):
            return scope
        for e in edits:
            if not scope.holds(e.start, e.end):
                return "it would edit text outside its own span"
        region = _first_hit(self.quoted, self._quoted_index, edits) or _first_hit(
            self.shielded, self._shielded_index, edits, closed_left=True
        )
        return f"it would change {region.what}" if region is not None else None


def _clause(r: Resolution, ref: str | None) -> Clause | None:
    if ref is None:
        return None
    for c in r.clauses:
        if c.ref == ref:
            return c
    return None


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE_LINE = re.compile(r"^ {0,3}>")
_TABLE_DELIMITER = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


@lru_cache(maxsize=8)
def line_blocks(text: str, fmt: str) -> list[tuple[int, int]]:
    """Character spans of the code fences, tables and block quotations of ``text``, read line by line
    (rules that look at lines skip them; cheap, so that ``check`` parses no Markdown: the fix verifier
    parses it for real), sorted."""
    if "```" not in text and "~~~" not in text and "|" not in text and ">" not in text:
        return []
    out: list[tuple[int, int]] = []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        m = _FENCE.match(line)
        if m:  # to the closing fence (or the end)
            mark = m.group(1)
            j = i + 1
            while j < n and not lines[j].lstrip(" ").startswith(mark[0] * len(mark)):
                j += 1
            out.append((starts[i], starts[min(j + 1, n)] - 1 if j < n else len(text)))
            i = j + 1
            continue
        if _QUOTE_LINE.match(line):
            j = i
            while (
                j + 1 < n
                and lines[j + 1].strip()
                and (_QUOTE_LINE.match(lines[j + 1]) or not _FENCE.match(lines[j + 1]))
            ):
                j += 1  # a block quotation runs on over its lazy lines to a blank one
            out.append((starts[i], starts[j + 1] - 1))
            i = j + 1
            continue
        if "|" in line and i + 1 < n and _TABLE_DELIMITER.match(lines[i + 1]) and "-" in lines[i + 1]:
            j = i + 1
            while j + 1 < n and "|" in lines[j + 1] and lines[j + 1].strip():
                j += 1
            out.append((starts[i], starts[j + 1] - 1))
            i = j + 1
            continue
        i += 1
    return out


def in_blocks(blocks: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of the sorted ``blocks``."""
    i = bisect.bisect_right(blocks, (offset, float("inf"))) - 1
    return i >= 0 and blocks[i][0] <= offset < blocks[i][1]
