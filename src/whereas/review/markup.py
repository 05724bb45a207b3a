"""Comments and tracked changes written into a Word document's XML, at places given in the text view.

The places are offsets into a :class:`~whereas.review.located.LocatedView`.  Every run that holds a
place is first split into runs of one piece each (one ``w:t`` cut at every place, each tab, break
and note reference in a run of its own), every piece keeping the run's properties, so that
formatting is what it was; then

* a deletion wraps the pieces it covers in ``w:del`` (their ``w:t`` become ``w:delText``),
* an insertion is a new run in ``w:ins``, with the properties of the text next to it, after the
  character before it (or before the character after it),
* a comment is ``w:commentRangeStart`` before its first piece, ``w:commentRangeEnd`` after its last
  and a run with ``w:commentReference`` right after that, as Word writes them.

Rejecting every change gives back the runs as they were (split, which Word does too); accepting
every change gives the fixed text.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml import etree

from whereas.readers.docx import W_NS
from whereas.review.located import LocatedView, Origin


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TRACKED_INSIDE = frozenset({w("ins"), w("moveTo"), w("del"), w("moveFrom")})
_RPR_CHANGES = frozenset({w("rPrChange"), w("ins"), w("del"), w("moveFrom"), w("moveTo")})


@dataclass(frozen=True)
class Deletion:
    start: int
    end: int


@dataclass(frozen=True)
class Insertion:
    at: int
    text: str


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    comment_id: int


@dataclass
class Revision:
    """Who makes the changes and comments, and when, and where the next id comes from."""

    author: str
    date: str
    next_id: Callable[[], int]

    def attributes(self) -> dict[str, str]:
        return {w("id"): str(self.next_id()), w("author"): self.author, w("date"): self.date}


def deletable(origin: Origin | None) -> bool:
    """Whether the character can be deleted as a tracked change: text, a tab or a break of a plain run
    (not a note reference, nor text another author's tracked change holds)."""
    if origin is None or origin.is_note_reference:
        return False
    run = origin.element.getparent()
    if run is None or run.tag != w("r"):
        return False
    return not any(a.tag in _TRACKED_INSIDE for a in run.iterancestors())


def placeable(origin: Origin | None) -> bool:
    """Whether a comment or an insertion can be placed next to the character."""
    if origin is None:
        return False
    run = origin.element.getparent()
    return run is not None and run.tag == w("r")


@dataclass
class _Pieces:
    """The runs a located view's characters are in once their runs have been split."""

    view: LocatedView
    cuts: dict[etree._Element, set[int]] = field(default_factory=dict)
    runs: set[etree._Element] = field(default_factory=set)
    pieces: dict[etree._Element, list[tuple[int, int, etree._Element]]] = field(default_factory=dict)

    def want(self, k: int) -> None:
        """Make the boundary before character ``k`` a boundary between runs."""
        origins = self.view.origins
        for c, shift in ((k - 1, 1), (k, 0)):
            if 0 <= c < len(origins) and placeable(origins[c]):
                o = origins[c]
                assert o is not None
                self.runs.add(o.element.getparent())
                if o.is_text:
                    self.cuts.setdefault(o.element, set()).add(o.index + shift)

    def split(self) -> None:
        for run in self.runs:
            self._explode(run)

    def _explode(self, run: etree._Element) -> None:
        parent = run.getparent()
        rpr = run.find(w("rPr"))
        new: list[etree._Element] = []
        for child in list(run):
            if child is rpr or not isinstance(child.tag, str):
                continue
            if child.tag == w("t") and child in self.cuts:
                text = child.text or ""
                points = sorted({0, len(text), *(c for c in self.cuts[child] if 0 < c < len(text))})
                self.pieces[child] = []
                for a, b in zip(points, points[1:], strict=False):
                    piece = etree.Element(w("t"), attrib=dict(child.attrib))
                    piece.text = text[a:b]
                    piece.set(XML_SPACE, "preserve")
                    holder = _run_like(run, rpr)
                    holder.append(piece)
                    new.append(holder)
                    self.pieces[child].append((a, b, piece))
                continue
            holder = _run_like(run, rpr)
            holder.append(child)
            new.append(holder)
        if not new:
            return
        new[-1].tail = run.tail
        for holder in new:
            run.addprevious(holder)
        parent.remove(run)

    def unit(self, k: int) -> etree._Element:
        """The run that holds character ``k`` once split."""
        o = self.view.origins[k]
        assert o is not None
        if o.is_text and o.element in self.pieces:
            for a, b, piece in self.pieces[o.element]:
                if a <= o.index < b:
                    return piece.getparent()
        return o.element.getparent()


def _run_like(run: etree._Element, rpr: etree._Element | None) -> etree._Element:
    holder = etree.Element(w("r"), attrib=dict(run.attrib), nsmap=None)
    if rpr is not None:
        holder.append(copy.deepcopy(rpr))
    return holder


class Writer:
    """Applies deletions, insertions and comment anchors to the trees behind a located view."""

    def __init__(self, view: LocatedView, revision: Revision) -> None:
        self.view = view
        self.revision = revision
        self._pieces = _Pieces(view)
        self._outer: dict[etree._Element, etree._Element] = {}  # a run -> the w:del wrapping it
        self._after: dict[etree._Element, etree._Element] = {}  # an element -> the last insertion after it

    def apply(self, deletions: Iterable[Deletion], insertions: Iterable[Insertion], anchors: Iterable[Anchor]) -> None:
        deletions, insertions, anchors = list(deletions), list(insertions), list(anchors)
        pieces = self._pieces
        for d in deletions:
            pieces.want(d.start)
            pieces.want(d.end)
            for k in range(d.start, d.end):
                pieces.want(k)
        for i in insertions:
            pieces.want(i.at)
        for a in anchors:
            pieces.want(a.start)
            pieces.want(a.end)
        pieces.split()
        for d in sorted(deletions, key=lambda d: d.start):
            self._delete(d)
        for i in sorted(insertions, key=lambda i: i.at):
            self._insert(i)
        for a in anchors:
            self._anchor(a)

    def _outermost(self, run: etree._Element) -> etree._Element:
        return self._outer.get(run, run)

    def _delete(self, d: Deletion) -> None:
        units: list[etree._Element] = []
        for k in range(d.start, d.end):
            if self.view.origins[k] is None:
                continue
            unit = self._pieces.unit(k)
            if not units or units[-1] is not unit:
                units.append(unit)
        wrapper: etree._Element | None = None
        for unit in units:
            if wrapper is None or unit.getprevious() is not wrapper:
                wrapper = etree.Element(w("del"), attrib=self.revision.attributes())
                unit.addprevious(wrapper)
            wrapper.append(unit)
            self._outer[unit] = wrapper
            for t in unit.iter(w("t"), w("instrText")):
                t.tag = w("delText") if t.tag == w("t") else w("delInstrText")

    def _insert(self, i: Insertion) -> None:
        origins, text = self.view.origins, self.view.text
        before = i.at - 1 if i.at > 0 and text[i.at - 1] != "\n" and placeable(origins[i.at - 1]) else None
        after = i.at if i.at < len(text) and text[i.at] != "\n" and placeable(origins[i.at]) else None
        run = etree.Element(w("r"))
        rpr = self._properties_near(i.at)
        if rpr is not None:
            run.append(rpr)
        t = etree.SubElement(run, w("t"))
        t.text = i.text
        t.set(XML_SPACE, "preserve")
        ins = etree.Element(w("ins"), attrib=self.revision.attributes())
        ins.append(run)
        if before is not None:
            anchor = self._outermost(self._pieces.unit(before))
            last = self._after.get(anchor, anchor)
            last.addnext(ins)
            self._after[anchor] = ins
        elif after is not None:
            self._outermost(self._pieces.unit(after)).addprevious(ins)
        else:  # (the caller checks that every insertion has a neighbour)
            raise ValueError(f"nowhere to insert {i.text!r} at {i.at}")

    def _properties_near(self, k: int) -> etree._Element | None:
        """The run properties of the text next to ``k``: before it, else after it, on the same line."""
        origins, text = self.view.origins, self.view.text
        order = [k - 1, k]
        order += [j for j in range(k - 2, max(-1, k - 200), -1)] + list(range(k + 1, min(len(text), k + 200)))
        for j in order:
            if not 0 <= j < len(text) or text[j] == "\n":
                continue
            o = origins[j]
            if o is not None and o.is_text and placeable(o):
                rpr = self._pieces.unit(j).find(w("rPr"))
                if rpr is None:
                    return None
                rpr = copy.deepcopy(rpr)
                for child in list(rpr):
                    if child.tag in _RPR_CHANGES:
                        rpr.remove(child)
                return rpr
        return None

    def _anchor(self, a: Anchor) -> None:
        ks = [k for k in range(a.start, a.end) if placeable(self.view.origins[k])]
        first = self._outermost(self._pieces.unit(ks[0]))
        last = self._outermost(self._pieces.unit(ks[-1]))
        cid = str(a.comment_id)
        first.addprevious(etree.Element(w("commentRangeStart"), attrib={w("id"): cid}))
        end = etree.Element(w("commentRangeEnd"), attrib={w("id"): cid})
        last = self._after.get(last, last)
        last.addnext(end)
        ref = etree.Element(w("r"))
        etree.SubElement(ref, w("commentReference"), attrib={w("id"): cid})
        end.addnext(ref)
