"""What a PDF page draws besides its running text, and how its text is laid out: watermarks and columns.

* **Watermarks.** A stamp drawn across the page ("DRAFT", "CONFIDENTIAL"), turned from the horizontal, would be read
  into the lines it crosses ("38 percent hadDRAFT missed", "DR AFT" after the last clause).  Text drawn turned is left
  out when it is a watermark: a few words (at most ``MAX_STAMP_WORDS``) on a page of horizontal text, or letters far
  larger than the page's text.  A page whose text is turned as a whole (a landscape page) keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pypdf
from pypdf.generic import ContentStream, NameObject

#: the most words of turned text on a page of horizontal text that make a watermark
MAX_STAMP_WORDS = 6
#: letters this many times the size of the page's text, turned, are a watermark's whatever their number
STAMP_SIZE = 2.0
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


def has_watermark(pieces: Sequence[Piece]) -> bool:
    """Whether the turned text among ``pieces`` is a watermark: few words beside the page's horizontal text, or
    letters far larger than it."""
    turned = [p for p in pieces if p.turned and p.text.strip()]
    if not turned:
        return False
    level = [p for p in pieces if not p.turned and p.text.strip()]
    words = sum(len(p.text.split()) for p in level)
    if words <= MAX_STAMP_WORDS:
        return False  # a page of turned text (a landscape table), or hardly any text at all
    body = _body_size(level)
    stamp_words = sum(len(p.text.split()) for p in turned)
    return stamp_words <= MAX_STAMP_WORDS or all(p.size >= STAMP_SIZE * body for p in turned)


def _body_size(pieces: Sequence[Piece]) -> float:
    """The letter size most of the page's characters are set in."""
    weight: dict[float, int] = {}
    for p in pieces:
        key = round(p.size, 1)
        weight[key] = weight.get(key, 0) + len(p.text.strip())
    return max(weight, key=lambda size: weight[size])


_SHOW = {b"Tj", b"TJ", b"'", b'"'}


def without_turned_text(page: pypdf.PageObject) -> pypdf.PageObject:
    """A copy of ``page`` that draws no text turned from the horizontal (nor a form drawn turned): its other text,
    lines and images stay as they are."""
    content = page.get_contents()
    if content is None:
        return page
    kept: list[tuple[object, bytes]] = []
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
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
        elif (op in _SHOW and is_turned(times(tm, ctm))) or (op == b"Do" and is_turned(ctm)):
            continue
        kept.append((operands, op))
    stream = ContentStream(None, None)
    stream.operations = kept
    copy = pypdf.PageObject(pdf=page.pdf, indirect_reference=page.indirect_reference)
    copy.update({key: value for key, value in page.items() if key != "/Contents"})
    copy[NameObject("/Contents")] = stream
    return copy


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
