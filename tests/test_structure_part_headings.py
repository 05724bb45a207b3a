"""A resolution printed in parts under their own headings ("Section I: Rationale" / "Section II: Resolution", "Part 2 —
Resolution"): a part's heading is never the title when the resolution's title stands above it; nor is a body's name
with its own body's name ("UNIVERSITY OF ALDERLEY — FACULTY SENATE") part of the title.  The texts are invented."""

from __future__ import annotations

import pytest

import whereas

TITLE = "FS25-07: Resolution on Parking Fees for Part-Time Instructors"
BODY = (
    "WHEREAS, part-time instructors pay the same parking fee as full-time faculty; and\n\n"
    "WHEREAS, many teach a single class a week;\n\n"
    "NOW, THEREFORE, BE IT RESOLVED that the Senate asks the Provost to prorate the fee.\n"
)
RATIONALE = "Part-time instructors earn a fraction of a full salary. This resolution asks for a fairer fee.\n\n"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Section I: Rationale", "Section II: Resolution"),
        ("Part 1 — Rationale", "Part 2 — Resolution"),
        ("Part A. Background", "Part B. Resolution"),
        ("Rationale", "Section 2: Resolution"),
    ],
)
def test_a_parts_heading_is_not_the_title(first: str, second: str) -> None:
    text = (
        f"FACULTY SENATE\n\n{TITLE}\n\nSponsors: Senator Ada Lin (History)\n\n{first}\n\n{RATIONALE}{second}\n\n{BODY}"
    )
    [r] = whereas.parse(text)
    assert r.title is not None
    assert r.title.text == TITLE


def test_a_parts_heading_in_markdown_is_not_the_title() -> None:
    text = f"# {TITLE}\n\n## Section I: Rationale\n\n{RATIONALE}## Section II: Resolution\n\n{BODY}"
    [r] = whereas.parse(text)
    assert r.title is not None
    assert r.title.text == TITLE


@pytest.mark.parametrize("letterhead", ["UNIVERSITY OF ALDERLEY — FACULTY SENATE", "Harwick College – Academic Senate"])
def test_a_body_and_its_own_body_above_the_title_are_no_part_of_it(letterhead: str) -> None:
    [r] = whereas.parse(f"{letterhead}\n{TITLE}\n\n{BODY}")
    assert r.title is not None
    assert r.title.text == TITLE
