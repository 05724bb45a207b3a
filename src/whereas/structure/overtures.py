"""A church body's overture to the assembly above it (a presbytery's or a session's to the General Assembly of the
Presbyterian Church (U.S.A.), a classis's to its synod): no Whereas and no Resolved, the body names itself and
overtures the assembly to act: "The Presbytery of Santa Fe overtures the 227th General Assembly (2026) of the
Presbyterian Church (U.S.A.) to do the following:" over "1. Affirm …", "2. Direct …", or the request in its own
sentence ("The Session of … respectfully overtures the 226th General Assembly (2024) to direct …").

That paragraph is the resolution's one resolving clause, its numbered list its items; the "Rationale" under it
argues for it and is no part of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whereas.patterns import lazy_compile

if TYPE_CHECKING:
    from whereas.structure.lines import Line

__all__ = ["read_overtures"]

#: the body, its verb and the assembly it overtures: "The Presbytery of Santa Fe overtures the 227th General Assembly",
#: "The Session of First Presbyterian Church, Taos, New Mexico, respectfully overtures the General Assembly"
_OVERTURES = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?P<body>The[ \t]+(?:[A-Z][\w.'’&-]*,?[ \t]+(?:(?:of|of[ \t]+the|for|and|in|de)[ \t]+)?){1,10}?)"
    r"(?:(?:respectfully|hereby|therefore|humbly)[ \t]+)*(?P<verb>overtures|memoriali[sz]es)[ \t]+the[ \t]+"
    r"(?:\d{1,3}(?:st|nd|rd|th)[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:Assembly|Synod|Conference|Council|Convention|"
    r"Classis|Presbytery)\b"
)


def read_overtures(lines: list[Line]) -> None:
    """Mark each paragraph that overtures an assembly as a resolving clause, its motion the body and its verb ("The
    Presbytery of Santa Fe overtures"), so that the rules for the wording of "Resolved" leave it alone. Only a
    paragraph of its own (a blank line, a heading or the text's start above it)."""
    for i, line in enumerate(lines):
        if line.kind != "text" or "vertures" not in line.text and "emoriali" not in line.text:
            continue
        if i and lines[i - 1].kind == "text":
            continue  # a sentence inside a paragraph ("… the presbytery overtures the Assembly …" wrapped)
        m = _OVERTURES.match(line.text)
        if m is not None:
            motion = " ".join(f"{m.group('body')} {m.group('verb')}".split())
            lines[i] = line._replace(kind="resolved", motion=motion)
