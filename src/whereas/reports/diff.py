"""The unified diff of what `check --fix --diff` and `format --diff` would write.

difflib's own matching goes quadratic, and worse, on a long text whose lines repeat (blank lines, a recital
written the same way in every resolution): 8 s for a 550 KB file, minutes for 1.8 MB. The lines are aligned
by rapidfuzz instead (a longest common subsequence, bit-parallel, in C++), and difflib groups them into hunks
and prints them as before.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Literal

from rapidfuzz.distance import Indel

__all__ = ["MAX_ALIGNED", "unified_diff"]

#: the most line pairs (lines before × lines after, between the first and the last changed line) aligned one by
#: one: the alignment's memory grows with that product (about 0.5 GB at the limit). Beyond it the diff is one
#: hunk from the first changed line to the last: a correct diff, only longer than it could be.
MAX_ALIGNED = 4_000_000_000

Opcode = tuple[Literal["replace", "delete", "insert", "equal"], int, int, int, int]


class _LineMatcher(difflib.SequenceMatcher[str]):
    """A SequenceMatcher whose opcodes come from rapidfuzz's alignment; difflib groups them into hunks."""

    max_aligned = MAX_ALIGNED

    def get_opcodes(self) -> list[Opcode]:
        a: list[str] = self.a  # type: ignore[attr-defined]
        b: list[str] = self.b  # type: ignore[attr-defined]
        head = 0
        while head < min(len(a), len(b)) and a[head] == b[head]:
            head += 1
        tail = 0
        while tail < min(len(a), len(b)) - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
            tail += 1
        if (len(a) - head - tail) * (len(b) - head - tail) <= self.max_aligned:
            aligned: list[Opcode] = [
                (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)  # type: ignore[misc]
                for op in Indel.opcodes(a, b)
            ]
        else:
            aligned = [
                ("equal", 0, head, 0, head),
                ("replace", head, len(a) - tail, head, len(b) - tail),
                ("equal", len(a) - tail, len(a), len(b) - tail, len(b)),
            ]
        return _merged(aligned)


def _merged(opcodes: list[Opcode]) -> list[Opcode]:
    """The opcodes without empty ones, each run of insertions and deletions one change (printed as difflib
    prints a replacement: the lines taken out, then the lines put in)."""
    out: list[Opcode] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 == i2 and j1 == j2:
            continue
        if tag != "equal" and out and out[-1][0] != "equal":
            _, i0, _, j0, _ = out.pop()
            i1, j1 = i0, j0
        if tag != "equal":
            tag = "replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert"
        out.append((tag, i1, i2, j1, j2))
    return out


def unified_diff(
    before: str, after: str, fromfile: str, tofile: str, n: int = 3, *, max_aligned: int = MAX_ALIGNED
) -> Iterator[str]:
    """The lines of the unified diff from ``before`` to ``after``, as ``difflib.unified_diff`` writes them
    (``n`` lines of context; ``max_aligned``: see ``MAX_ALIGNED``)."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = _LineMatcher(None, a, b, autojunk=False)
    matcher.max_aligned = max_aligned
    started = False
    for group in matcher.get_grouped_opcodes(n):
        if not started:
            started = True
            yield f"--- {fromfile}\n"
            yield f"+++ {tofile}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in a[i1:i2])
                continue
            yield from ("-" + line for line in a[i1:i2])
            yield from ("+" + line for line in b[j1:j2])


def _range(start: int, stop: int) -> str:
    """A hunk's range as unified diffs write it: "start,length", "start" alone for one line."""
    length = stop - start
    beginning = start + 1 if length else start
    return f"{beginning}" if length == 1 else f"{beginning},{length}"
