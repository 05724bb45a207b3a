"""Cutting a motion's line where its parts begin: a parliament's motion written as one paragraph, a notice paper's
"112  Senator A: To move—That the Senate— …", and the journals' "… the motion of A, seconded by B, — That …".

Each piece is a line of its own (a blank line of no width before it makes it a paragraph), with its offsets into
the source, so that ``lines.read_motions`` reads the pieces as it reads a motion set out on several lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whereas.patterns import lazy_compile
from whereas.structure.keywords import (
    MOTION_OF,
    MOTION_OPENING,
    MOTION_PREAMBLE,
    THAT_ANY,
    THAT_BODY_OPENING,
    notice_head,
)

if TYPE_CHECKING:
    import re

    from whereas.structure.lines import Line, LineKind

__all__ = ["dashed_motion", "gives_notice", "split_notice", "split_one_paragraph_motion"]


def _piece(line: Line, lo: int, hi: int, kind: LineKind, text: str | None = None) -> Line:
    """The part ``[lo, hi)`` of ``line``'s text as a line of its own, of ``kind`` (an empty blank line: ``lo == hi``)."""
    return line._replace(
        start=line.start + lo, end=line.start + hi, kind=kind, text=line.text[lo:hi] if text is None else text, level=0
    )


def dashed_motion(line: Line) -> re.Match[str] | None:
    """The dash before "That" where a journals' sentence runs into a motion ("…, seconded by Mr. B, — That …")."""
    return _DASH_THAT.search(line.text) if line.kind == "text" and "That" in line.text else None


_SEMICOLON = lazy_compile(r";[ \t]+(?:and[ \t]+)?")
_DASH_THAT = lazy_compile(r",?[ \t]+(?:--|—|–)[ \t]+(?=(?:That|THAT)\b)")


def split_one_paragraph_motion(line: Line) -> list[Line]:
    """A parliament's motion written as one paragraph, "THAT, aware that …; further aware that …; concerned
    that …; this House urges …", as the paragraphs it is written as elsewhere: a piece for each "aware that"
    and one for "this House urges …", each after an empty blank line (its own paragraph). Any other line is
    kept whole."""
    opening = MOTION_PREAMBLE.match(line.text) if line.kind == "text" else None
    if opening is None or not opening.group("that") or ";" not in line.text:
        return [line]
    cuts: list[int] = []
    resolves = False
    for m in _SEMICOLON.finditer(line.text):
        rest = line.text[m.end() :]
        if MOTION_PREAMBLE.match(rest) and not resolves:
            cuts.append(m.end())
        elif (o := MOTION_OPENING.match(rest)) is not None and o.group("resolves"):
            cuts.append(m.end())
            resolves = True
            break
    if not resolves:
        return [line]
    out = []
    bounds = [0, *cuts, len(line.text)]
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        if lo:
            out.append(_piece(line, lo, lo, "blank"))
        out.append(_piece(line, lo, hi, "text", line.text[lo:hi].rstrip()))
    return out


def gives_notice(line: Line) -> int | None:
    """Where the opening of a notice of motion that opens ``line`` ends ("112  Senator Pocock: To move—", "M-143 --
    February 26, 2026 -- Mr. Brad Vis (Mission—Matsqui—Abbotsford) --"), or None."""
    head = notice_head(line.text) if line.kind in ("text", "sponsor") else None
    return head[1] if head else None


def split_notice(line: Line) -> list[Line]:
    """A notice paper's "112  Senator Pocock: To move—That the Senate— …" as its mover's line (a sponsor line) and, in
    a paragraph of its own, the motion it gives notice of ("That the Senate— …"); a mover's line alone ("The Revd A
    (Hereford) to move:") as a sponsor line. Any other line is kept whole."""
    end = gives_notice(line)
    if end is not None and not line.text[end:].strip():
        return [line._replace(kind="sponsor")]  # the mover alone on the line, the motion below
    if end is None or not THAT_ANY.match(line.text[end:]):
        return _split_dashed_motion(line)
    cut = end + len(line.text[end:]) - len(line.text[end:].lstrip())
    return [
        _piece(line, 0, end, "sponsor"),
        _piece(line, cut, cut, "blank"),
        _piece(line, cut, len(line.text), "text"),
    ]


def _split_dashed_motion(line: Line) -> list[Line]:
    """A legislature's motion that the journals' sentence runs into after a dash ("The House resumed consideration of
    the motion of Ms. A, seconded by Mr. B, — That, in the opinion of the House, …") as that sentence and, in a
    paragraph of its own, the motion. Any other line is kept whole."""
    m = dashed_motion(line)
    if m is None or "motion" not in line.text[: m.start()] or not THAT_BODY_OPENING.match(line.text[m.end() :]):
        return [line]
    # (the sentence that names the mover and the seconder a sponsor line, neither title nor clause)
    kind: LineKind = "sponsor" if MOTION_OF.search(line.text, 0, m.start()) else "text"
    return [
        _piece(line, 0, m.start(), kind),
        _piece(line, m.end(), m.end(), "blank"),
        _piece(line, m.end(), len(line.text), "text"),
    ]
