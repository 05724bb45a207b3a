"""The fixed text as tracked changes: the smallest word-level deletions and insertions, per paragraph.

:func:`whereas.lint.fix.fix_source` gives every change it made as edits of the original text view.
The edits of one line of the view (a paragraph, or a note) are taken together and compared word by
word with what they replace, around the characters a tracked change cannot touch — note call-outs,
and the text the reader writes itself (list numbers, a link's URL) — which must stay where they are.
An edit that spans paragraphs, or would have to delete or insert one of those characters, cannot be
shown as a tracked change: it is left out, and reported, so that the comment can say to make it by
hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from whereas.lint.diagnostic import Edit
from whereas.review.located import LocatedView
from whereas.review.markup import Deletion, Insertion, deletable, placeable

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass
class TrackedChanges:
    deletions: list[Deletion] = field(default_factory=list)
    insertions: list[Insertion] = field(default_factory=list)
    #: the edits (of the original view) that could not be shown, by line group
    untracked: list[Edit] = field(default_factory=list)

    def accepted(self, text: str) -> str:
        """``text`` with every tracked change accepted (what Word's "Accept All" gives)."""
        gone = bytearray(len(text) + 1)
        for d in self.deletions:
            gone[d.start : d.end] = b"\x01" * (d.end - d.start)
        adds: dict[int, list[str]] = {}
        for i in self.insertions:
            adds.setdefault(i.at, []).append(i.text)
        out: list[str] = []
        for k in range(len(text) + 1):
            out.extend(adds.get(k, ()))
            if k < len(text) and not gone[k]:
                out.append(text[k])
        return "".join(out)


def _groups(text: str, edits: list[Edit]) -> list[list[Edit]]:
    """The edits grouped by the line of the view they are on (an edit across lines is a group alone)."""
    groups: list[list[Edit]] = []
    last_line: int | None = None
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        here = text.count("\n", 0, e.start)
        crosses = "\n" in text[e.start : e.end] or "\n" in e.replacement
        if groups and not crosses and here == last_line:
            groups[-1].append(e)
        else:
            groups.append([e])
        last_line = None if crosses else here
    return groups


def tracked_changes(view: LocatedView, edits: tuple[Edit, ...]) -> TrackedChanges:
    """The edits (of ``view.text``) as tracked changes; those that cannot be shown in ``untracked``."""
    out = TrackedChanges()
    for group in _groups(view.text, list(edits)):
        changes = _group_changes(view, group)
        if changes is None:
            out.untracked.extend(group)
        else:
            out.deletions.extend(changes[0])
            out.insertions.extend(changes[1])
    return out


def _group_changes(view: LocatedView, group: list[Edit]) -> tuple[list[Deletion], list[Insertion]] | None:
    text, origins = view.text, view.origins
    start, end = min(e.start for e in group), max(e.end for e in group)
    old = text[start:end]
    new = "".join(
        [text[start : group[0].start]]
        + [
            e.replacement + text[e.end : (group[i + 1].start if i + 1 < len(group) else end)]
            for i, e in enumerate(group)
        ]
    )
    if "\n" in old or "\n" in new:
        return None
    # the characters no change may touch, as fixed stretches, and the free text between them
    fixed: list[tuple[int, int]] = []
    k = start
    while k < end:
        if deletable(origins[k]):
            k += 1
            continue
        j = k
        while j < end and not deletable(origins[j]) and (origins[j] is None) == (origins[k] is None):
            j += 1
        fixed.append((k, j))
        k = j
    deletions: list[Deletion] = []
    insertions: list[Insertion] = []
    old_at, new_at = start, 0
    for a, b in [*fixed, (end, end)]:
        token = text[a:b]
        found = new.find(token, new_at) if token else len(new)
        if found < 0:
            return None
        _diff(text[old_at:a], old_at, new[new_at:found], deletions, insertions)
        old_at, new_at = b, found + len(token)
    for i in insertions:
        if not _can_insert(view, i.at):
            return None
    return deletions, insertions


def _can_insert(view: LocatedView, k: int) -> bool:
    text = view.text
    before = k > 0 and text[k - 1] != "\n" and placeable(view.origins[k - 1])
    after = k < len(text) and text[k] != "\n" and placeable(view.origins[k])
    return before or after


def _diff(old: str, base: int, new: str, deletions: list[Deletion], insertions: list[Insertion]) -> None:
    if old == new:
        return
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    a_at = [0]
    for t in a:
        a_at.append(a_at[-1] + len(t))
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            deletions.append(Deletion(base + a_at[i1], base + a_at[i2]))
        if op in ("insert", "replace"):
            insertions.append(Insertion(base + a_at[i2], "".join(b[j1:j2])))
