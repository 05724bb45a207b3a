"""Families of documents whose title block holds lines that are no title: a form's vote and committee fields, an
issue form's headings, a legislature's court-name lines between rules; and a legislature's title that is a
participial phrase ("urging the …") under "HOUSE RESOLUTION"; a motion form's "Label:   value" fields; a newsletter's
heading over the section that holds the resolution. Every text here is invented."""

from __future__ import annotations

from pathlib import Path

import whereas
from whereas.model import Resolution

BODY = (
    "WHEREAS, the river path floods every spring; now, therefore,\n\n"
    "BE IT RESOLVED that the Board supports raising the river path.\n"
)


def one(text: str) -> Resolution:
    [r] = whereas.parse(text)
    return r


def title(text: str) -> str | None:
    r = one(text)
    return r.title.text if r.title else None


# a community board's form: its vote tallies and committee fields are no title; its "Re:" names the resolution


def test_vote_fields_are_no_title_and_re_names_the_resolution() -> None:
    text = (
        "EXAMPLE BOROUGH COMMUNITY BOARD 9\n\nRESOLUTION\n\nDate: April 2, 2026\n\n"
        "Committee of Origin: Parks and Open Space\n\nRe: Raising the River Path in Maple Park\n\n"
        "Full Board Vote: 28 In Favor 1 Against 2 Abstaining\n\nCommittee Vote: 7 In Favor 0 Against 0 Abstaining\n\n"
        + BODY
    )
    assert title(text) == "Raising the River Path in Maple Park"


def test_a_tally_in_a_cell_of_its_own_is_no_title() -> None:
    text = (
        "RESOLUTION\n\nRe: Raising the River Path in Maple Park\n\nFull Board Vote:\n\n"
        "28 In Favor 1 Against 2 Abstaining\n\n" + BODY
    )
    assert title(text) == "Raising the River Path in Maple Park"


def test_vote_fields_alone_leave_no_title() -> None:
    text = "RESOLUTION\n\nFull Board Vote: 28 In Favor 1 Against 2 Abstaining\n\nCommittee of Origin: Parks\n\n" + BODY
    assert title(text) is None


def test_a_printed_title_wins_over_the_re_line() -> None:
    text = "Re: River path\n\nResolution Supporting the Raised River Path\n\n" + BODY
    assert title(text) == "Resolution Supporting the Raised River Path"


# a legislature's court-name lines between rules are no part of the title


def test_court_name_lines_between_rules_are_no_part_of_the_title() -> None:
    text = (
        "HOUSE . . . . . . . . . . . No. 4410\n\nThe Commonwealth of Massachusetts\n\n_______________\n\n"
        "In the One Hundred and Ninety-Fifth General Court\n(2027-2028)\n\n_______________\n\n"
        "Resolutions honoring the volunteers of the Maple Park river path.\n\n"
        "Whereas, The volunteers rebuilt the path; therefore be it\n\n"
        "Resolved, That the House honors the volunteers.\n"
    )
    assert title(text) == "Resolutions honoring the volunteers of the Maple Park river path."


def test_court_name_lines_without_rules_are_no_part_of_the_title() -> None:
    text = (
        "The Commonwealth of Massachusetts\n\nIn the One Hundred and Ninety-Fifth General Court\n(2027-2028)\n\n"
        "Resolutions honoring the volunteers of the Maple Park river path.\n\n"
        "Whereas, The volunteers rebuilt the path; therefore be it\n\n"
        "Resolved, That the House honors the volunteers.\n"
    )
    assert title(text) == "Resolutions honoring the volunteers of the Maple Park river path."


# a state legislature's participial title under "HOUSE RESOLUTION"


def test_a_participial_title_in_lower_case_is_read() -> None:
    text = "HOUSE RESOLUTION\n\nrequesting the department of health to study the river path.\n\n" + BODY
    assert title(text) == "requesting the department of health to study the river path."


def test_a_participial_title_in_capitals_is_read() -> None:
    text = "HOUSE RESOLUTION\n\nURGING THE DEPARTMENT OF PARKS TO RAISE THE RIVER PATH.\n\n" + BODY
    assert title(text) == "URGING THE DEPARTMENT OF PARKS TO RAISE THE RIVER PATH."


def test_a_body_named_alone_is_still_no_title() -> None:
    text = "HOUSE RESOLUTION\n\nDepartment of Parks and Recreation\n\n" + BODY
    assert title(text) is None


def test_a_tally_wrapped_in_its_cell_is_no_title() -> None:
    text = (
        "RESOLUTION\n\nRe: Raising the River Path\n    in Maple Park\n\nFull Board Vote: 28 In Favor 1 Against 2\n"
        "    Abstentions 0 Present/Not Voting\n\n" + BODY
    )
    assert title(text) == "Raising the River Path in Maple Park"


# a motion form: its "Label:   value" fields under the heading are no part of the title, set in a column or not


MOTION = (
    "Motion:\n\nThat the State Council ask the Department to extend dental cover to carers.\n\nMoved:     Ms A. Rowe\n"
)


def test_form_fields_in_a_column_are_no_part_of_the_title() -> None:
    text = (
        "HARBOURSIDE LEAGUE\nMOTION FOR ANNUAL CONFERENCE 2026\n\n"
        "Branch:            Eastport Branch\nRegion:\t\tSouthern Coast\nDate of Branch Meeting:  3 May 2026\n\n"
        + MOTION
    )
    assert title(text) == "HARBOURSIDE LEAGUE MOTION FOR ANNUAL CONFERENCE 2026"


def test_form_fields_one_to_a_line_are_no_part_of_the_title() -> None:
    text = (
        "HARBOURSIDE LEAGUE\nMOTION FOR ANNUAL CONFERENCE 2026\n\nBranch: Eastport Branch\nRegion: Southern Coast\n\n"
    )
    assert title(text + MOTION) == "HARBOURSIDE LEAGUE MOTION FOR ANNUAL CONFERENCE 2026"


def test_a_title_with_a_colon_is_still_a_title() -> None:
    assert (
        title("Resolution 2026-04:   Raising the River Path\n\n" + BODY) == "Resolution 2026-04: Raising the River Path"
    )


# a page whose heading names the page or the issue (a newsletter's, a blog's) over its sections, one of which names the
# resolution right above its clauses: that section's heading is the title

BULLETIN = "# Spring Garden Club Bulletin\n\nDear members,\n\nBelow is the resolution the board adopted in April.\n\n"


def test_the_sections_heading_right_above_the_clauses_is_the_title() -> None:
    assert title(BULLETIN + "## Board Resolution on the River Path\n\n" + BODY) == "Board Resolution on the River Path"


def test_the_sections_heading_over_its_date_and_tally_is_the_title() -> None:
    text = (
        BULLETIN + "## Board Resolution on the River Path\n\nAdopted April 2, 2026 — 7 in favor, 1 opposed\n\n" + BODY
    )
    assert title(text) == "Board Resolution on the River Path"


def test_a_newsletter_in_html_over_its_sections(tmp_path: Path) -> None:
    path = tmp_path / "bulletin.html"
    path.write_text(
        "<html><body><h1>Spring Garden Club Bulletin</h1><p>Dear members,</p><p>Here is what the board adopted.</p>"
        "<h2>Board Resolution on the River Path</h2><p>WHEREAS, the river path floods every spring; now, therefore,</p>"
        "<p>BE IT RESOLVED that the Board supports raising the river path.</p>"
        "<h2>Plant Swap</h2><p>Bring cuttings on Saturday.</p></body></html>",
        encoding="utf-8",
    )
    [r] = whereas.parse(path)
    assert r.title is not None and r.title.text == "Board Resolution on the River Path"


def test_a_section_that_names_no_resolution_or_a_title_over_its_subtitle_is_left_alone() -> None:
    assert title(BULLETIN + "## Raising the River Path\n\n" + BODY) == "Spring Garden Club Bulletin"
    assert title("# Raising the River Path\n\n## A Resolution of the Maple Falls Board\n\n" + BODY) == (
        "Raising the River Path"
    )
    # (the section's own prose between its heading and the clauses: unsure, the page's heading stays)
    text = BULLETIN + "## Board Resolution on the River Path\n\nThe board debated it for an hour.\n\n" + BODY
    assert title(text) == "Spring Garden Club Bulletin"
