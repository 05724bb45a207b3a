"""What a PDF page draws besides its running text, and how its text is laid out: watermarks and columns.

* **Watermarks.** A stamp drawn across the page ("DRAFT", "CONFIDENTIAL"), turned from the horizontal, would be read
  into the lines it crosses ("38 percent hadDRAFT missed", "DR AFT" after the last clause).  Text drawn turned is left
  out when it is a watermark: a few words (at most ``MAX_STAMP_WORDS``) on a page of horizontal text, or letters far
  larger than the page's text.  A page whose text is turned as a whole (a landscape page) keeps it.  Level text is
  left out only in letters ``LEVEL_STAMP_SIZE`` times the page's and saying only what a stamp says ("DRAFT").
* **Columns.** Layout mode writes a page's lines from top to bottom across the whole page, so a page set in two
  columns comes out with each line of the right column after the left column's line at its height.  Where a stretch
  of the page's lines is parted by a clear gutter near its middle, and both sides read as wrapped prose (their lines
  mostly as long as the column is wide), the stretch is read column by column: the left column from top to bottom,
  then the right one.  Lines across the whole page above and below it (a headline, a footer) stay where they are.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import pypdf
from pypdf.generic import ContentStream, NameObject

#: the most words of turned text on a page of horizontal text that make a watermark
MAX_STAMP_WORDS = 6
#: letters this many times the size of the page's text, turned, are a watermark's whatever their number
STAMP_SIZE = 2.0
#: level letters this many times the size of the page's text are a watermark's if they say only what a stamp says
LEVEL_STAMP_SIZE = 3.0
#: what a watermark says: one of ``_STAMPS``, with these words around it
_STAMPS = frozenset({"draft", "confidential", "sample", "specimen", "void", "copy", "preliminary", "unofficial"})
STAMP_WORDS = _STAMPS | {"not", "for", "do", "distribute", "distribution", "approved", "internal", "only", "use", "–"}
#: how far from the horizontal text may turn and still be read (the tangent of ≈ 3°)
TURN = 0.05


@dataclass(frozen=True)
class Piece:
    """A piece of text as the page draws it: its text, letter size and whether it is turned from the horizontal."""

    text: str
    size: float
    turned: bool


def is_turned(matrix: Sequence[float]) -> bool:
    """Whether text drawn with this matrix (text matrix times current matrix) runs off the horizontal."""
    a, b = matrix[0], matrix[1]
    return abs(b) > TURN * abs(a) or a < 0


@dataclass(frozen=True)
class Stamp:
    """What of a page's text is a watermark: its turned text, its letters at least ``size`` large, or both."""

    turned: bool
    size: float | None


def find_stamp(pieces: Sequence[Piece]) -> Stamp | None:
    """The watermark among ``pieces``, or None: turned text of few words beside the page's horizontal text (or of
    letters far larger than it), and level text in letters many times the page's size that says only what a stamp
    says ("DRAFT", "CONFIDENTIAL", "NOT FOR DISTRIBUTION")."""
    level = [p for p in pieces if not p.turned and p.text.strip()]
    turned = [p for p in pieces if p.turned and p.text.strip()]
    if not level or (not turned and len(level) < 2):
        return None
    body = _body_size(level)
    big = [p for p in level if p.size >= LEVEL_STAMP_SIZE * body]
    big_words = [w.strip(".,:;!-–—").casefold() for p in big for w in p.text.split()]
    stamp_size = None
    if big and len(big_words) <= MAX_STAMP_WORDS and set(big_words) <= STAMP_WORDS and set(big_words) & _STAMPS:
        stamp_size = 0.99 * min(p.size for p in big)
    if sum(len(p.text.split()) for p in level if p not in big) <= MAX_STAMP_WORDS:
        return None  # a page of turned text (a landscape table), or hardly any text at all
    stamp_words = sum(len(p.text.split()) for p in turned)
    stamped = bool(turned) and (stamp_words <= MAX_STAMP_WORDS or all(p.size >= STAMP_SIZE * body for p in turned))
    return Stamp(stamped, stamp_size) if stamped or stamp_size else None


def _body_size(pieces: Sequence[Piece]) -> float:
    """The letter size most of the page's characters are set in."""
    weight: dict[float, int] = {}
    for p in pieces:
        key = round(p.size, 1)
        weight[key] = weight.get(key, 0) + len(p.text.strip())
    return max(weight, key=lambda size: weight[size])


_SHOW = {b"Tj", b"TJ", b"'", b'"'}


def without_stamp(page: pypdf.PageObject, stamp: Stamp) -> pypdf.PageObject:
    """A copy of ``page`` that draws none of the ``stamp``'s text (nor a form drawn turned, if turned text is the
    stamp's): its other text, lines and images stay as they are."""
    content = page.get_contents()
    if content is None:
        return page
    kept: list[tuple[object, bytes]] = []
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    font_size = 0.0
    for operands, op in content.operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop() if stack else ctm
        elif op == b"cm" and len(operands) == 6:
            ctm = times([float(x) for x in operands], ctm)
        elif op == b"BT":
            tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        elif op == b"Tm" and len(operands) == 6:
            tm = [float(x) for x in operands]
        elif op == b"Tf" and len(operands) == 2:
            font_size = abs(float(operands[1]))
        elif op in _SHOW and _is_stamp(stamp, times(tm, ctm), font_size):
            continue
        elif op == b"Do" and stamp.turned and is_turned(ctm):
            continue
        kept.append((operands, op))
    stream = ContentStream(None, None)
    stream.operations = kept
    copy = pypdf.PageObject(pdf=page.pdf, indirect_reference=page.indirect_reference)
    copy.update({key: value for key, value in page.items() if key != "/Contents"})
    copy[NameObject("/Contents")] = stream
    return copy


def _is_stamp(stamp: Stamp, matrix: Sequence[float], font_size: float) -> bool:
    """Whether text drawn with this matrix and font size is the ``stamp``'s."""
    if stamp.turned and is_turned(matrix):
        return True
    return stamp.size is not None and font_size * math.hypot(matrix[2], matrix[3]) >= stamp.size


def times(m: Sequence[float], n: Sequence[float]) -> list[float]:
    """The matrix product ``m × n`` of two PDF matrices ``[a b c d e f]``."""
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


#: the fewest lines each column of a page in two columns has, and the fewest it has side by side
MIN_COLUMN_LINES = 3
#: the fewest characters the longest line of each column has (a column of prose, not of labels or signatures)
MIN_COLUMN_WIDTH = 25
#: the fewest words most lines of a column of prose have (a form's labels have one or two: "Date:", "Re:")
MIN_LINE_WORDS = 3
#: a column's lines are wrapped prose when their median length is at least this share of its longest
PROSE_FILL = 0.6
#: the share of a column's lines that start at its left edge (a paragraph's first line may be indented; the pieces
#: of justified lines that layout mode spaced wide start anywhere)
ALIGNED = 0.75
#: the widest space inside a line of one column (wider is a gutter, or a table's)
_GAP = "   "


def read_columns(layout: str) -> str:
    """``layout`` (a page's text in pypdf's layout mode) with a stretch of lines set in two columns read column by
    column, or as it is."""
    lines = layout.split("\n")
    # (most pages have no line with a wide gap inside it: they are looked at no further)
    if sum(1 for line in lines if _GAP in line.strip()) < MIN_COLUMN_LINES:
        return layout
    width = max(len(line) for line in lines)
    ink = [0] * width
    for line in lines:
        for at, ch in enumerate(line):
            if ch != " ":
                ink[at] += 1
    middle = range(max(1, int(width * 0.35)), min(width - 1, int(width * 0.65) + 1))
    if not middle:
        return layout
    # the middle of the clearest three columns (a space between two words is one or two wide, a gutter wider)
    gutter = min(middle, key=lambda at: (ink[at - 1] + ink[at] + ink[at + 1], abs(2 * at - width)))
    start, end = _widest_stretch(lines, gutter)
    split = _columns(lines[start:end], gutter)
    if split is None:
        return layout
    return "\n".join([*lines[:start], *split, *lines[end:]])


def _widest_stretch(lines: list[str], gutter: int) -> tuple[int, int]:
    """The longest run of lines none of which has text across the column ``gutter`` or either column beside it."""
    best = (0, 0)
    start = 0
    for i, line in enumerate([*lines, "x" * (gutter + 2)]):
        if line[gutter - 1 : gutter + 2].strip():
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = i + 1
    return best


def _columns(lines: list[str], gutter: int) -> list[str] | None:
    """The lines of the left column then of the right one, if ``lines`` are two columns of prose parted at
    ``gutter``; None if not."""
    lefts = [line[:gutter].rstrip() for line in lines]  # (a line's text ends before the gutter, or starts after it)
    rights = [line[gutter:] for line in lines]
    starts = [len(r) - len(r.lstrip()) for r in rights if r.strip()]
    if not starts:
        return None
    cut = min(starts)
    rights = [r[cut:].rstrip() for r in rights]
    both = sum(1 for left, right in zip(lefts, rights, strict=True) if left.strip() and right)
    if both < MIN_COLUMN_LINES or not (_prose(lefts) and _prose(rights)) or not (_aligned(lefts) and _aligned(rights)):
        return None
    while lefts and not lefts[-1].strip():
        lefts.pop()
    while rights and not rights[0]:
        rights.pop(0)
    return lefts + rights


def _prose(column: list[str]) -> bool:
    """Whether a column's lines are wrapped prose: enough of them, the longest a column's width, most nearly as
    long, most of several words (a column of labels, names or signature lines is not)."""
    lengths = [len(line.strip()) for line in column if line.strip()]
    if len(lengths) < MIN_COLUMN_LINES or max(lengths) < MIN_COLUMN_WIDTH:
        return False
    words = statistics.median(len(line.split()) for line in column if line.strip())
    return words >= MIN_LINE_WORDS and statistics.median(lengths) >= PROSE_FILL * max(lengths)


def _aligned(column: list[str]) -> bool:
    """Whether most of a column's lines start at its left edge, as a column of text does."""
    starts = [len(line) - len(line.lstrip()) for line in column if line.strip()]
    edge = min(starts)
    return sum(1 for at in starts if at <= edge + 1) >= ALIGNED * len(starts)
