"""A California caption box: the matter on the left of a column of ")", the resolution's number on the right
("IN THE MATTER OF AUTHORIZING THE        )    RESOLUTION NO. 2025-112"), read down its columns as the title."""

from __future__ import annotations

import re

from whereas.model import Span, Title
from whereas.patterns import lazy_compile
from whereas.structure.keywords import RESOLUTION_NUMBER
from whereas.structure.lines import Line

__all__ = ["CAPTION_ROW", "caption_title"]

#: a row of a California caption box: the matter on the left, a column of ")" and the number on the right
#: ("IN THE MATTER OF AUTHORIZING THE        )    RESOLUTION NO. 2025-112")
CAPTION_ROW = lazy_compile(r"^[ \t]*(?P<left>[^()\n]*?[^()\s])?[ \t]+\)[ \t]*(?P<right>[^()\n]*?)[ \t]*$")
_CAPTION_MATTER = lazy_compile(r"^(?:in\s+the\s+matter\s+of|in\s+re\b|(?:a\s+)?resolution\b)", re.I)


def caption_title(text: str, before: list[Line]) -> Title | None:
    """The title a caption box prints above the clauses: the matter read down its left column, after the
    resolution's number from its right column ("RESOLUTION NO. 2025-112 IN THE MATTER OF AUTHORIZING …")."""
    rows: list[re.Match[str]] = []
    lines: list[Line] = []
    for ln in before:
        m = CAPTION_ROW.match(ln.text) if ln.kind == "text" and ")" in ln.text else None
        if m is None:
            if len(rows) >= 2:
                break
            rows, lines = [], []
            continue
        rows.append(m)
        lines.append(ln)
    if len(rows) < 2:
        return None
    left = " ".join(" ".join(m.group("left").split()) for m in rows if m.group("left"))
    right = " ".join(" ".join(m.group("right").split()) for m in rows if m.group("right"))
    if not _CAPTION_MATTER.match(left):
        return None
    words = f"{right} {left}" if RESOLUTION_NUMBER.match(right) else left
    return Title(words, Span(lines[0].start, lines[-1].end).strip(text))
