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


def clean(text: str, start: int, end: int, removed: Iterable[Span] = ()) -> MappedText:
    """Fold white space and drop ``removed`` spans and markup in ``text[start:end]``."""
    mask = bytearray(end - start)
    for span in list(removed) + markup_spans(text, start, end):
        lo, hi = max(span.start, start), min(span.end, end)
        for i in range(lo - start, hi - start):
            mask[i] = 1
    chars: list[str] = []
    offsets: list[int] = []
    pending_space: int | None = None
    dropped = False  # a removed span (a note marker) sits in the pending white space
    for i in range(start, end):
        if mask[i - start]:
            if pending_space is not None:
                dropped = True
            continue
        ch = text[i]
        if ch.isspace() or ch == "\u00ad":
            if pending_space is None:
                pending_space = i
                dropped = False
            continue
        if pending_space is not None and chars:
            # a space that only a line break or a removed marker put before punctuation
            # ("WHEREAS\n\n, this", "residents [1]; and") is dropped
            if not (ch in ",;.:" and (dropped or "\n" in text[pending_space:i])):
                chars.append(" ")
                offsets.append(pending_space)
        pending_space = None
        dropped = False
        chars.append(ch)
        offsets.append(i)
    return MappedText("".join(chars), tuple(offsets))
