"""Q001 unbalanced-quotation-marks: exact findings at the mark that opens and never closes, or closes alone."""

from __future__ import annotations

import pytest
from rulecase import Case, assert_findings, bad, case_id, doc, findings, ok

from conftest import SEED, needs_seed

CERTIFIED_COPY = (
    "CERTIFIED TRUE COPY OF THE RESOLUTION PASSED BY THE BOARD OF DIRECTORS AT ITS MEETING OF 12 FEBRUARY 2026\n\n"
    "“RESOLVED THAT a current account be opened with the Bank.\n\n"
    "RESOLVED FURTHER THAT the Bank be furnished with a copy of this resolution.”\nFor Shriram Agro Foods\nSd/-\n"
)

CASES: list[Case] = [
    ok(
        "Q001",
        "straight and curly pairs, apostrophes and single marks",
        doc("the public’s “right to know” and the 'Act' and “mixed\" marks; now, therefore, be it"),
    ),
    ok("Q001", "a quotation over two sentences", doc('the Board said "cuts hurt. Funds help."; now, therefore, be it')),
    ok(
        "Q001",
        "a quotation within a quotation",
        doc("the Board said \"we read 'Freedom' twice\"; now, therefore, be it"),
    ),
    bad(
        "Q001",
        "an open straight mark and a stray close",
        doc('the Statement says "the freedom to read is essential; and', "a ”stray close; now, therefore, be it"),
        [(3, 28), (5, 11)],
    ),
    bad("Q001", "an open curly mark", doc("the “right to read; now, therefore, be it"), [(3, 13)]),
    bad(
        "Q001",
        "in the resolving clause",
        "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA affirms “the right to read.\n",
        [(5, 28)],
    ),
    # an Indian company's certified true copy (fourth trial): the resolution quoted whole, its closing mark in the
    # last clause, which a PDF without blank lines ran on into the signature block
    ok("Q001", "a resolution quoted whole", CERTIFIED_COPY, profile="ronr"),
    ok(
        "Q001",
        "numbered resolutions quoted whole",
        CERTIFIED_COPY.replace("“RESOLVED THAT", "1.     “RESOLVED THAT").replace(
            "RESOLVED FURTHER", "2.  RESOLVED FURTHER"
        ),
        profile="ronr",
    ),
    bad(
        "Q001",
        "a second closing mark in the last clause of a resolution quoted whole",
        CERTIFIED_COPY.replace("For Shriram Agro", "For Shriram” Agro"),
        [(6, 12)],
        profile="ronr",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_rule(case: Case) -> None:
    case.check()


def test_inches_and_feet_are_no_quotation_marks() -> None:
    assert_findings(doc("the shelf is 6' 2\" tall and the room 12'; now, therefore, be it"), [], select="Q001")
    # a quotation that ends on a number still closes there, and one that never closes is still told
    assert_findings(doc('the sign read "Route 66" and the shelf 2" deep; now, therefore, be it'), [], select="Q001")
    assert len(findings(doc('the sign read "Route 66 on the shelf; now, therefore, be it'), select="Q001")) == 1


@needs_seed
def test_seed_has_balanced_marks() -> None:
    assert_findings(SEED.read_text(encoding="utf-8"), [], select="Q001")
