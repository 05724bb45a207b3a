"""A church body's overture to the assembly above it, as a family (the texts are invented): "The Presbytery of A
overtures the 227th General Assembly (2026) of the Presbyterian Church (U.S.A.) to do the following:" over its numbered
actions, or the request in one sentence; one resolving clause, its list its items, the "Rationale" under it none of it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import whereas
from conftest import run_cli

LISTED = """\
Overture 044 from the Presbytery of High Plains

On Supporting Rural Congregations

The Presbytery of High Plains overtures the 227th General Assembly (2026) of the Presbyterian Church (U.S.A.) to do the following:

1. Direct the Presbyterian Mission Agency to fund circuit-riding pastors in rural presbyteries.

2. Encourage synods to share the cost of  pastoral internships in small towns.

3. Direct the Stated Clerk to report on these actions to the 228th General Assembly (2028).

Rationale

Half of our congregations have fewer than forty members and no installed pastor.

Approved by the Presbytery of High Plains at its stated meeting on March 3, 2026.
"""

ONE_SENTENCE = """\
Overture 031 from the Session of First Presbyterian Church, Taos

The Session of First Presbyterian Church, Taos, New Mexico, respectfully overtures the 226th General Assembly (2024) of the Presbyterian Church (U.S.A.) to direct the Office of the General Assembly to publish the Book of Order in Tewa by 2028.

Rationale

Many members of our congregation read Tewa at home.
"""


@pytest.mark.parametrize(
    ("text", "body", "items"), [(LISTED, "The Presbytery of High Plains", 3), (ONE_SENTENCE, "The Session", 0)]
)
def test_an_overture_is_one_resolving_clause_without_its_rationale(text: str, body: str, items: int) -> None:
    (r,) = whereas.parse(text)
    (clause,) = r.resolved
    assert clause.text.startswith(body) and "overtures the 22" in clause.text
    assert clause.keyword.form == "motion"
    assert len(clause.items) == items
    assert "Rationale" not in clause.text and "members" not in clause.text and "Approved by" not in clause.text
    assert not r.preamble


def test_the_doubled_space_in_an_overtures_item_is_told(tmp_path: Path) -> None:
    path = tmp_path / "overture.txt"
    path.write_text(LISTED, encoding="utf-8")
    out = run_cli("check", "--format", "jsonl", str(path))
    assert [(f["code"], f["line"]) for f in map(json.loads, out.stdout.splitlines())] == [("T001", 9)]


@pytest.mark.parametrize(
    "text",
    [
        "Minutes\n\nThe clerk said that every year the presbytery\noverturés nothing; the Presbytery of A overtures the"
        " General Assembly often.\n",
        "In 2024 the Presbytery of A overtures the 226th General Assembly (2024) to study water.\n",
    ],
)
def test_a_sentence_about_an_overture_is_none(text: str) -> None:
    assert whereas.parse(text) == []
