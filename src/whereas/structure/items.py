"""The numbered, lettered or bulleted items inside a clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whereas.model import Item
from whereas.structure.clean import clean
from whereas.structure.segment import ITEM, ClauseDraft, Line

if TYPE_CHECKING:
    from whereas.structure import Removed

__all__ = ["find_items"]

_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


def _label_of(line: Line) -> tuple[str, int] | None:
    m = ITEM.match(line.text)
    if not m:
        return None
    indent = len(line.text) - len(line.text.lstrip(" \t"))
    return (m.group(1) or m.group(2) or m.group(3)), indent


def _follows(previous: str | None, label: str) -> bool:
    """Whether ``label`` can be the item after ``previous`` (None: the first item of a list)."""
    if label in "*•+-":
        return previous is None or previous in "*•+-"
    if previous is None:
        return label in ("1", "a", "A", "i", "I")
    if previous.isdigit() and label.isdigit():
        return int(label) == int(previous) + 1
    low, plow = label.lower(), previous.lower()
    if plow in _ROMAN and low in _ROMAN and _ROMAN.index(low) == _ROMAN.index(plow) + 1:
        return True
    return len(low) == 1 and len(plow) == 1 and low.isalpha() and ord(low) == ord(plow) + 1


def find_items(text: str, d: ClauseDraft, cut: Removed, *, limit: int) -> tuple[Item, ...]:
    """The clause's items: a list that starts at 1/a/i (or bullets) and counts on.

    A line that merely begins with "(2)" in a wrapped paragraph, or a deeper-indented line
    (a sub-list, a list inside a quotation), belongs to the item before it.  The list ends at a
    paragraph that introduces another list ("To avoid problems …, agencies should:"): that paragraph
    and the list after it stay in the clause's text, outside its items.
    """
    starts: list[int] = []
    previous: str | None = None
    base: int | None = None
    stop = len(d.lines)
    for i, line in enumerate(d.lines):
        if (
            starts
            and line.kind == "text"
            and line.text.rstrip(" *_").endswith(":")
            and i + 1 < len(d.lines)
            and d.lines[i + 1].kind == "item"
            and d.lines[i + 1].start > line.end + 1  # a paragraph of its own, a blank line before the list
        ):
            stop = i
            break
        if line.kind != "item" or (i == 0 and d.kind in ("recital", "resolved") and not ITEM.match(line.text)):
            continue
        found = _label_of(line)
        if found is None:
            continue
        label, indent = found
        if base is not None and indent > base + 1:
            continue
        if not _follows(previous, label):
            continue
        if base is None:
            base = indent
        starts.append(i)
        previous = label
    items = []
    for n, i in enumerate(starts):
        last = (starts[n + 1] if n + 1 < len(starts) else stop) - 1
        lo, hi = d.lines[i].start, min(d.lines[last].end, limit)  # the formula after the last item is not in it
        if hi <= lo:
            continue
        mapped = clean(text, lo, hi, cut.within(lo, hi))
        m = ITEM.match(mapped.text)
        if not m:
            continue
        label = m.group(1) or m.group(2) or m.group(3)
        body_at = m.end()
        items.append(Item(label, mapped.text[body_at:], mapped.source_span(0, len(mapped.text)), m.group(0)[: body_at].strip()))
    return tuple(items)


