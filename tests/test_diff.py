"""The unified diff `check --fix --diff` and `format --diff` print (``whereas.reports.diff``): a patch that
turns the old text into the new one, in difflib's format, aligned by rapidfuzz."""

from __future__ import annotations

import difflib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from whereas.reports.diff import unified_diff

# a few distinct lines, so that texts repeat lines as resolutions do (blank lines, the same recital)
LINES = st.lists(st.sampled_from(["\n", "Whereas a;\n", "Whereas b; and\n", "Resolved, that c.\n", "d\n", "e"]))
HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$")


def apply(before: str, diff: list[str]) -> str:
    """``before`` with the hunks of ``diff`` applied, each checked against the lines it says it replaces."""
    old = before.splitlines(keepends=True)
    hunks: list[tuple[int, list[str], list[str]]] = []  # (first old line, its old lines, its new lines)
    for line in diff[2:]:
        m = HUNK.match(line)
        if m:
            start, length = int(m.group(1)), int(m.group(2) or 1)
            hunks.append((start - 1 if length else start, [], []))
            continue
        if line[0] in " -":
            hunks[-1][1].append(line[1:])
        if line[0] in " +":
            hunks[-1][2].append(line[1:])
    out: list[str] = []
    at = 0
    for first, removed, added in hunks:
        assert first >= at and old[first : first + len(removed)] == removed
        out += old[at:first] + added
        at = first + len(removed)
    return "".join(out + old[at:])


@settings(max_examples=300, deadline=None)
@given(LINES, LINES, st.booleans())
def test_the_diff_turns_the_old_text_into_the_new(a: list[str], b: list[str], coarse: bool) -> None:
    before, after = "".join(a), "".join(b)
    diff = list(unified_diff(before, after, "a/x", "b/x", max_aligned=0 if coarse else 10**9))
    if before.splitlines(keepends=True) == after.splitlines(keepends=True):
        assert diff == []
        return
    assert diff[:2] == ["--- a/x\n", "+++ b/x\n"]
    assert apply(before, diff) == after


def test_a_single_change_reads_as_difflib_writes_it() -> None:
    before = "".join(f"Whereas line {i};\n" for i in range(20))
    after = before.replace("line 9;", "line nine;").replace("line 15;\n", "")
    ours = list(unified_diff(before, after, "a/x", "b/x"))
    theirs = list(difflib.unified_diff(before.splitlines(True), after.splitlines(True), "a/x", "b/x"))
    assert ours == theirs


def test_a_text_of_many_repeated_lines_is_aligned_line_by_line() -> None:
    # the shape difflib takes minutes over: thousands of resolutions written alike, each changed a little
    block = "Whereas the program serves the region;\n\nwhereas its funding ends;\n\nResolved, that it go on.\n\n"
    before = "".join(f"# Resolution {i}\n\n" + block for i in range(3000))
    after = before.replace("whereas its funding", "Whereas its funding")
    diff = list(unified_diff(before, after, "a/x", "b/x"))
    assert sum(line.startswith("-") for line in diff) == 3000 + 1  # each changed line once, and the "---" line
    assert apply(before, diff) == after
