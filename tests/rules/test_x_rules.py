"""X001 unused-suppression, and the suppression comments it checks (for a clause, for the file)."""

from __future__ import annotations

import pytest
from rulecase import ALA_CLEAN, Case, assert_findings, bad, case_id, ok

KEYWORDS = ALA_CLEAN.replace("Whereas libraries", "WHEREAS, libraries")  # W001 and W002 on line 3
CAPITALS = ALA_CLEAN.replace("Resolved,", "RESOLVED,")  # R001 on line 9

CASES: list[Case] = [
    ok("X001", "no suppression", ALA_CLEAN),
    ok(
        "X001",
        "a used clause suppression",
        KEYWORDS.replace("WHEREAS, libraries", "<!-- whereas: ignore W001, whereas-comma -->\nWHEREAS, libraries"),
        select=("W", "X001"),
    ),
    ok("X001", "a used file suppression", "<!-- whereas: ignore-file R001 -->\n" + CAPITALS, select=("R001", "X001")),
    bad("X001", "a plain-text suppression of nothing", "whereas: ignore W007\n\n" + ALA_CLEAN, [(1, 1)]),
    bad("X001", "a file suppression of nothing", "<!-- whereas: ignore-file R001 -->\n" + ALA_CLEAN, [(1, 1)]),
    bad(
        "X001",
        "a clause suppression of nothing",
        ALA_CLEAN.replace("Whereas libraries", "<!-- whereas: ignore W001 -->\nWhereas libraries"),
        [(3, 1)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_rule(case: Case) -> None:
    case.check()


def test_suppressions_hide_their_findings_under_the_whole_profile() -> None:
    assert_findings(KEYWORDS, [("W001", 3, 1), ("W002", 3, 8)])
    assert_findings(
        KEYWORDS.replace("WHEREAS, libraries", "<!-- whereas: ignore W001, whereas-comma -->\nWHEREAS, libraries"), []
    )
    assert_findings(CAPITALS, [("R001", 9, 1)])
    assert_findings("<!-- whereas: ignore-file R001 -->\n" + CAPITALS, [])


def test_a_suppression_of_one_code_leaves_the_others() -> None:
    text = KEYWORDS.replace("WHEREAS, libraries", "<!-- whereas: ignore W001 -->\nWHEREAS, libraries")
    assert_findings(text, [("W002", 4, 8)])


def test_unused_suppressions_are_reported_whatever_is_selected_unless_x001_is_ignored() -> None:
    text = "whereas: ignore W007\n\n" + ALA_CLEAN
    assert_findings(text, [("X001", 1, 1)])
    assert_findings(text, [("X001", 1, 1)], select="W")
    assert_findings(text, [], ignore="X001")
