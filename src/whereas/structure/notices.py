"""A company's or an association's notice of a general meeting (a UK or Irish plc's, a charity's, a club's): after
"… to consider and, if thought fit, pass the following resolutions", the numbered resolutions under "Ordinary
resolutions" / "Special resolutions" ("1. To receive the annual accounts …", "8. THAT the directors be …").

Each numbered paragraph is a resolution the meeting votes on by itself; the notes to the notice below them
("Notes:" over "1. A member entitled to attend …") and the secretary's "By order of the Board" are not.

A text that is no such notice may be a church body's overture to its assembly (``overtures.read_overtures``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whereas.patterns import lazy_compile
from whereas.structure.overtures import read_overtures

if TYPE_CHECKING:
    from whereas.structure.lines import Line

__all__ = ["PUTS_TO", "read_notice_resolutions"]

#: what a text that puts resolutions to a body says, a cheap first look before :func:`read_notice_resolutions`
#: ("… pass the following resolutions", a presbytery's "overtures", a "memorial" / "memorializes")
PUTS_TO = ("following", "vertures", "emoriali")

#: the notice's sentence that introduces its resolutions: "… to consider and, if thought fit, pass the following
#: resolutions", "… the following resolutions will be proposed", "… for the purpose of considering the following"
_INTRODUCES = lazy_compile(
    r"\b(?:pass(?:ing)?|consider(?:ing)?|propos(?:e|ed|ing)|transact(?:ing)?)\b[^.]{0,80}?\bthe\s+following\s+"
    r"(?:(?:ordinary|special|extraordinary)\s+)?(?:resolutions?|business)\b"
    r"|\bthe\s+following\s+(?:resolutions?|business)\s+(?:will|shall)\s+be\s+(?:proposed|considered|transacted)\b",
    re.I,
)
#: the line over a group of them: "Ordinary resolutions", "SPECIAL RESOLUTION", "Ordinary business", "Special
#: Business"
_GROUP = lazy_compile(
    r"^[ \t#*_]*(?P<kind>ordinary|special|extraordinary)[ \t]+(?:resolutions?|business)[ \t*_:]*$", re.I
)
#: a numbered resolution: "1. To receive …", "7. THAT the directors be …", "10 THAT …"
_NUMBERED = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?\d{1,3}[.)]?(?:\*\*|__)?[ \t]+(?:\*\*|__)?(?:To[ \t]+[a-z]|THAT\b|That\b)"
)


def read_notice_resolutions(lines: list[Line]) -> None:
    """Mark each numbered resolution after a notice's introducing sentence as a resolving clause of its own (its
    motion "Ordinary resolution", "Special resolution" or "Resolution", as the group it stands in)."""
    start = next(
        (
            end
            for i, line in enumerate(lines)
            if line.kind == "text" and "following" in line.text and (end := _introduces(lines, i))
        ),
        None,
    )
    if start is None:
        read_overtures(lines)  # no notice: a presbytery's overture to the General Assembly, maybe
        return
    group = "Resolution"
    marked: list[tuple[int, str]] = []
    previous = lines[start]
    for i in range(start + 1, len(lines)):  # (after the introducing paragraph)
        line = lines[i]
        if line.kind == "blank":
            previous = line
            continue
        if line.kind in ("text", "heading") and (g := _GROUP.match(line.text)) is not None:
            group = f"{g.group('kind').capitalize()} resolution"
        elif line.kind in ("item", "text") and _NUMBERED.match(line.text):
            marked.append((i, group))
        elif line.kind in ("item", "text") and previous.kind in ("item", "text", "resolved") and marked:
            pass  # the numbered resolution's wrapped line
        elif line.kind != "tag":
            break  # "By order of the Board", "Notes:": the resolutions end
        previous = line
    if len(marked) < 2:
        return  # one numbered paragraph after "the following business" is no list of resolutions
    for i, group in marked:
        lines[i] = lines[i]._replace(kind="resolved", motion=group)


def _introduces(lines: list[Line], i: int) -> int | None:
    """The last line of the paragraph through line ``i``, if that paragraph introduces the notice's resolutions."""
    lo = i
    while lo > 0 and lines[lo - 1].kind == "text":
        lo -= 1
    hi = i
    while hi + 1 < len(lines) and lines[hi + 1].kind == "text":
        hi += 1
    return hi if _INTRODUCES.search(" ".join(line.text.strip() for line in lines[lo : hi + 1])) else None
