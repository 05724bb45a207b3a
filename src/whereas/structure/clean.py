"""Clean a stretch of source text into a MappedText: what a clause says, and where each character came from."""

from __future__ import annotations

import re
from collections.abc import Iterable

from whereas.model import MappedText, Span

# Markup that is not the drafter's words: Markdown emphasis, a few inline HTML tags and
# comments, block-quote prefixes, Markdown hard-break backslashes.
_MARKUP = re.compile(
    r"<!--.*?-->"
    r"|</?(?:details|summary|div|span|p|br|sup|sub|em|strong|i|b|u|small|font)\b[^>\n]*>"
    r"|^[ \t]{0,3}#{1,6}[ \t]+"
    r"|\*\*|(?<![\w_])__(?=[^\s_])|(?<=[^\s_])__(?![\w_])"
    r"|(?<![\w*\\])\*(?=[^\s*])|(?<=[^\s*\\])\*(?![\w*])"
    r"|(?<![\w_\\])_(?=[^\s_])|(?<=[^\s_\\])_(?![\w_])"
    r"|^[ \t]*>[ \t]?"
    r"|\\$",
    re.M | re.S,
)


def markup_spans(text: str, start: int, end: int) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _MARKUP.finditer(text, start, end) if m.end() > m.start()]


_TOKEN = re.compile(r"[\s\u00ad]+|[^\s\u00ad]+")


def _kept(start: int, end: int, removed: list[Span]) -> list[tuple[int, int]]:
    """The stretches of ``[start, end)`` outside every removed span."""
    segments = []
    pos = start
    for span in sorted(removed, key=lambda s: s.start):
        lo, hi = max(span.start, start), min(span.end, end)
        if hi <= lo:
            continue
        if lo > pos:
            segments.append((pos, lo))
        pos = max(pos, hi)
    if pos < end:
        segments.append((pos, end))
    return segments


def clean(text: str, start: int, end: int, removed: Iterable[Span] = ()) -> MappedText:
    """Fold white space and drop ``removed`` spans and markup in ``text[start:end]``."""
    chars: list[str] = []
    offsets: list[int] = []
    pending_space: int | None = None
    dropped = False  # a removed span (a note marker) sits in the pending white space
    for seg_start, seg_end in _kept(start, end, list(removed) + markup_spans(text, start, end)):
        if pending_space is not None:
            dropped = True
        for m in _TOKEN.finditer(text, seg_start, seg_end):
            token = m.group()
            if token[0].isspace() or token[0] == "\u00ad":
                if pending_space is None:
                    pending_space = m.start()
                    dropped = False
                continue
            if pending_space is not None and chars:
                # a space that only a line break or a removed marker put before punctuation
                # ("WHEREAS\n\n, this", "residents [1]; and") is dropped
                if not (token[0] in ",;.:" and (dropped or "\n" in text[pending_space : m.start()])):
                    chars.append(" ")
                    offsets.append(pending_space)
            pending_space = None
            dropped = False
            chars.append(token)
            offsets.extend(range(m.start(), m.end()))
    return MappedText("".join(chars), tuple(offsets))
