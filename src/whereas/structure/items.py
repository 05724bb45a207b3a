"""The numbered, lettered or bulleted items inside a clause."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whereas.model import Item
from whereas.structure.clean import clean
from whereas.structure.segment import ITEM, ClauseDraft, Line, follows_label, label_of

if TYPE_CHECKING:
    from whereas.structure import Removed

__all__ = ["find_items"]

_JOINER = re.compile(r"^[\s*_]*(?:and|or|and/or)[\s,;*_]*$", re.I)


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
        found = label_of(line)
        if found is None:
            continue
        label, indent = found
        if base is not None and indent > base + 1:
            continue
        if not follows_label(previous, label):
            continue
        if base is None:
            base = indent
        starts.append(i)
        previous = label
    items = []
    for n, i in enumerate(starts):
        last = (starts[n + 1] if n + 1 < len(starts) else stop) - 1
        if n + 1 == len(starts):
            # a joiner paragraph after the last item ("and", "And,") joins the clause to the next, not the item
            while last > i and (d.lines[last].kind == "blank" or _JOINER.match(d.lines[last].text)):
                last -= 1
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


