"""Markdown markup a fix must leave unchanged (invariant 3 of ``whereas.lint.safety``), and the
blocks rules that read lines skip.

:class:`Markup` is one text's Markdown parsed once with markdown-it-py: its tokens, the blocks no
fix edits (:attr:`Markup.shielded`) and the blocks a comparison window may be cut at.
:func:`markup_changes` compares the token streams of the blocks around a set of edits before and
after them.  :func:`line_blocks` finds code fences, tables and block quotations line by line,
without parsing Markdown (``check`` without ``--fix`` parses none).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from whereas.patterns import lazy_compile

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from whereas.lint.diagnostic import Edit


class Region(NamedTuple):
    """A stretch of the source no fix may edit (or that an edit would change), and what it is."""

    start: int
    end: int
    what: str


@lru_cache(maxsize=2)
def _parser(fmt: str) -> MarkdownIt:
    return _parser_for(fmt)


def _parser_for(fmt: str) -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    if fmt != "markdown":
        md.disable("code")  # a text file's indentation is layout, not code
    return md


@lru_cache(maxsize=2)
def _block_parser(fmt: str) -> MarkdownIt:
    """``_parser(fmt)`` without its inline phase: the block tokens alone (their inline tokens hold the text,
    not parsed into children).  What :class:`Markup` reads of the whole text: its blocks, where they are
    and how deep, and the link references the block phase defines; the inline phase was half the time of
    parsing a long file (1.8 MB: 2.0 → 1.0 s; tests/test_fast_paths.py holds the two to each other)."""
    return _parser_for(fmt).disable("inline")


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
_TAG = lazy_compile(r"<!--.*?-->|<[^>]*>", re.S)
_VERBATIM = lazy_compile(r"<(?:pre|code|script|style|textarea)\b", re.I)


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
    """One text's Markdown, parsed once: its block tokens (an inline token's children are not parsed),
    top-level blocks and whether it defines link references."""

    def __init__(self, text: str, fmt: str) -> None:
        env: dict = {}
        self.text = text
        self.format = fmt
        self.tokens = _block_parser(fmt).parse(text, env)
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

    @cached_property
    def _top_level(self) -> tuple[list[int], list[int], list[int]] | None:
        """The top-level blocks in order: the index of each one's first token, its first line and its end line
        (None when markdown-it's lines are not the text's: a carriage return alone ends a line for it)."""
        if self.text.count("\r") != self.text.count("\r\n"):
            return None
        first: list[int] = []
        lines: list[int] = []
        ends: list[int] = []
        for i, t in enumerate(self.tokens):
            if t.level == 0 and t.nesting != -1:
                if t.map is None:
                    return None
                first.append(i)
                lines.append(t.map[0])
                ends.append(t.map[1])
        return first, lines, ends

    def top_level_blocks(self, a: int, b: int) -> list[Token] | None:
        """The block tokens of lines ``[a, b)`` when they are whole top-level blocks (and the blank lines around
        them), as parsing them on their own gives them but for their lines, ``a`` on: each top-level block
        parses as the same block on its own (what :meth:`window` rests on).  None when the text defines link
        references (a block's links may then resolve to a definition outside it) or ``[a, b)`` cuts a
        top-level block."""
        if self.references or self._top_level is None:
            return None
        first, lines, ends = self._top_level
        i, j = bisect.bisect_left(lines, a), bisect.bisect_left(lines, b)
        if (i > 0 and ends[i - 1] > a) or (j > i and ends[j - 1] > b):
            return None
        return self.tokens[first[i] : first[j] if j < len(first) else len(self.tokens)]

    def top_level_stream(self, a: int, b: int) -> tuple[list[tuple], list[tuple[int, int] | None]] | None:
        """What ``_parsed_stream`` gives for lines ``[a, b)`` (:meth:`top_level_blocks`), read from this parse
        instead of parsing them again: only the inline phase of their text is run."""
        tokens = self.top_level_blocks(a, b)
        return None if tokens is None else _stream(tokens, lambda t: _inline_tokens(t.content, self.format), shift=a)

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


def _children(t: Token) -> Sequence[Token] | None:
    return t.children


def _signature(t: Token) -> tuple:
    attrs = tuple(sorted((str(k), str(v)) for k, v in t.attrs.items())) if t.attrs else ()
    content: str | tuple[str, ...] | None = None
    if t.type in _CODE:
        content = t.content
    elif t.type in _HTML:
        # HTML's markup is its tags and comments; the prose between them is text like any other, unless
        # the block holds verbatim text (pre, code, script, style, textarea)
        content = t.content if _VERBATIM.search(t.content) else tuple(_TAG.findall(t.content))
    return (t.type, t.tag, t.markup, t.nesting, t.info, attrs, content)


def _stream(
    tokens: Sequence[Token], children: Callable[[Token], Sequence[Token] | None] = _children, shift: int = 0
) -> tuple[list[tuple], list[tuple[int, int] | None]]:
    """The token signatures in order (consecutive text tokens as one) and each one's block lines (less
    ``shift``: the tokens of lines from ``shift`` on, as parsed on their own); ``children``: an inline
    token's tokens."""
    sigs: list[tuple] = []
    lines: list[tuple[int, int] | None] = []
    opened: list[tuple[int, int] | None] = []
    for t in tokens:
        span = (t.map[0] - shift, t.map[1] - shift) if t.map else None
        if t.nesting == 1:
            opened.append(span)
        elif t.nesting == -1:
            span = opened.pop() if opened else None
        if t.type == "inline":
            previous_text = False
            for c in children(t) or ():
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


@lru_cache(maxsize=4096)
def _parsed_stream(text: str, fmt: str) -> tuple[list[tuple], list[tuple[int, int] | None]]:
    """``_stream`` of ``text`` parsed (cached: the text before the edits is the same for every fix
    proposed in the same blocks, and fixing checks the same windows twice, first all the fixes' markup
    together, then with the clauses; the windows are a few blocks each, so a few thousand of them fit).

    Parsed in two steps, the blocks and then the text of each (what markdown-it does), so that the text of
    a block the edits left as it was is read once before and after them (:func:`_inline_tokens`)."""
    tokens, references = _blocks(text, fmt)
    if references:
        return _stream(_parser(fmt).parse(text))  # (its links may resolve to its own definitions)
    return _stream(tokens, lambda t: _inline_tokens(t.content, fmt))


@lru_cache(maxsize=16)
def _blocks(text: str, fmt: str) -> tuple[list[Token], bool]:
    """The block phase of a window's text, and whether it defines link references (cached: the outline of the
    window and, when the outlines differ, its token stream are read from it)."""
    env: dict = {}
    tokens = _block_parser(fmt).parse(text, env)
    return tokens, bool(env.get("references"))


def _outline(tokens: Sequence[Token], shared: set[str], fmt: str) -> list[tuple]:
    """The signatures ``_stream`` gives of ``tokens`` (block tokens), but for the text of a block that ``shared``
    holds: one placeholder for all its inline tokens (a text that the other side has too parses the same)."""
    sigs: list[tuple] = []
    for t in tokens:
        if t.type != "inline":
            sigs.append(_signature(t))
        elif t.content in shared:
            sigs.append(("inline", t.content))
        else:
            previous_text = False
            for c in _inline_tokens(t.content, fmt):
                if c.type in _TEXT:
                    if not previous_text:
                        sigs.append(("text",))
                    previous_text = True
                    continue
                previous_text = False
                sigs.append(_signature(c))
    return sigs


def _same_outline(before: Sequence[Token], after: Sequence[Token], fmt: str) -> bool:
    """Whether the token streams of two windows without link references are the same, read without parsing the
    text of a block both hold (the text of a block the edits left alone: a file's notes, its headings).  Equal
    outlines mean equal streams: where one has a placeholder the other has the same, for the same text."""
    shared = {t.content for t in before if t.type == "inline"} & {t.content for t in after if t.type == "inline"}
    return _outline(before, shared, fmt) == _outline(after, shared, fmt)


@lru_cache(maxsize=4096)
def _inline_tokens(content: str, fmt: str) -> list[Token]:
    """The inline phase of a block's text, in a text that defines no link references (what markdown-it's
    parse puts in the block's inline token, before it joins runs of text, which ``_stream`` reads as one)."""
    md = _parser(fmt)
    out: list[Token] = []
    md.inline.parse(content, md, {}, out)
    return out


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
    before: str,
    after: str,
    fmt: str,
    before_ranges: list[tuple[int, int]],
    after_ranges: list[tuple[int, int]],
    before_blocks: tuple[list[Token], int] | None = None,
) -> str | None:
    """What differs between the token streams of ``before`` and ``after`` outside the edited ranges
    (``before_blocks``: ``before``'s block tokens and the line they start at, when known; then ``before``
    defines no link references)."""
    after_tokens, after_references = _blocks(after, fmt)
    before_tokens, before_references = (before_blocks[0], False) if before_blocks else _blocks(before, fmt)
    if not before_references and not after_references and _same_outline(before_tokens, after_tokens, fmt):
        return None
    if before_blocks:
        sb, lb = _stream(before_blocks[0], lambda t: _inline_tokens(t.content, fmt), shift=before_blocks[1])
    else:
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
    return failed[0].what if failed else None


def markup_changes(before: Markup, after: str, edits: Sequence[Edit]) -> list[Region]:
    """Where (character spans of ``before``) and how the edits would change the Markdown markup.

    Compared block-wise: each group of nearby edits in a window of whole blocks (see
    :meth:`Markup.window`), parsed before and after.  The whole text is compared instead when it
    defines link references and an edit touches brackets (a reference could start or stop resolving
    elsewhere)."""
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    text = before.text
    if not edits:
        return []
    out: list[Region] = []
    if before.references and any(
        "[" in e.replacement or "]" in e.replacement or "[" in text[e.start : e.end] or "]" in text[e.start : e.end]
        for e in edits
    ):
        windows = [(0, len(before.starts), False)]
    else:
        found = []  # (first line, end line, whether in a list)
        for e in edits:
            window, in_list = before.window(before.line_of(e.start), before.line_of(max(e.end - 1, e.start)))
            if in_list and _structural(text, e):
                # a line's indentation or marker in a list: where it belongs would change (checking it would
                # take the whole list, and it is never only text)
                ca, cb = _line_range(before.starts, len(text), window)
                out.append(Region(ca, cb, "a list"))
                continue
            found.append((*window, in_list))
        found.sort()
        windows = []
        for a, b, listed in found:
            if windows and a <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], b), windows[-1][2] or listed)
            else:
                windows.append((a, b, listed))
    shift = 0  # how much the edits before the window moved it
    k = 0
    for a, b, in_list in windows:
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
            text[ca:cb],
            after[ca + shift : cb + shift + grow],
            before.format,
            before_ranges,
            after_ranges,
            None if in_list or (blocks := before.top_level_blocks(a, b)) is None else (blocks, a),
        )
        shift += grow
        if changed is not None:
            out.append(Region(ca, cb, changed))
    return out


_FENCE = lazy_compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE_LINE = lazy_compile(r"^ {0,3}>")
_TABLE_DELIMITER = lazy_compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


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
