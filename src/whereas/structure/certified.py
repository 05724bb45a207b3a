"""A certified copy of a board's resolution, as Indian companies and trusts issue them: a heading that says what the
page is ("CERTIFIED TRUE COPY OF THE RESOLUTION PASSED BY THE BOARD OF DIRECTORS OF … AT ITS MEETING HELD ON …",
"EXTRACT OF THE MINUTES OF THE MEETING OF …"), then the resolution's caption ("Approval for availing term loan from
State Bank of India"), then the resolution. The caption names the resolution; the heading names the copy."""

from __future__ import annotations

import re

from whereas.model import Span, Title
from whereas.patterns import lazy_compile
from whereas.structure.lines import Line
from whereas.structure.nontitles import NEVER_TITLE, NOT_TITLE

__all__ = ["certified_caption"]

#: the heading of a certified copy or an extract: "CERTIFIED TRUE COPY OF THE RESOLUTION PASSED …", "Extract of the
#: Minutes of the Meeting of …", "TRUE COPY OF THE RESOLUTIONS ADOPTED …"
_HEAD = lazy_compile(
    r"^[ \t#*_]*(?:(?:certified[ \t]+)?(?:true[ \t]+)?(?:copy|extracts?)|extract)[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?"
    r"(?:[\w-]+[ \t]+)?(?:resolutions?|minutes|proceedings)\b",
    re.I,
)
#: a sentence, not a caption: "The following resolution was passed unanimously"
_SENTENCE = lazy_compile(r"\b(?:was|were|is|are|has|have|had)\b|[.;,!?]$", re.I)
#: the longest caption (in words)
_MAX_WORDS = 25


def certified_caption(text: str, before: list[Line]) -> Title | None:
    """The caption under a certified copy's heading, right above the resolution (a paragraph of its own, one line or
    two, no sentence, no label or date), or None: no such heading, or no caption under it."""
    heads = [i for i, ln in enumerate(before) if ln.kind in ("text", "heading") and _HEAD.match(ln.text)]
    if not heads:
        return None
    paragraphs: list[list[Line]] = []
    blank = False
    for ln in before[heads[-1] + 1 :]:
        if ln.kind == "blank":
            blank = True
            continue
        if blank or not paragraphs:
            paragraphs.append([])
        blank = False
        paragraphs[-1].append(ln)
    if not paragraphs or len(paragraphs[-1]) > 2 or paragraphs[-1][0] is before[heads[-1] + 1]:
        return None  # (the heading's own lines, wrapped, are no caption)
    caption = paragraphs[-1]
    if any(ln.kind not in ("text", "heading") for ln in caption):
        return None
    words = " ".join(re.sub(r"[*_`#]", "", " ".join(ln.text for ln in caption)).split()).rstrip(":").rstrip()
    if (
        not words
        or len(words.split()) > _MAX_WORDS
        or _SENTENCE.search(words)
        or NEVER_TITLE.match(words)
        or NOT_TITLE.match(words)
        or not words[0].isupper()
    ):
        return None
    start = caption[0].start + len(caption[0].text) - len(caption[0].text.lstrip(" \t#*_"))
    end = caption[-1].end - (len(caption[-1].text) - len(caption[-1].text.rstrip(" \t*_:")))
    return Title(words, Span(start, end))
