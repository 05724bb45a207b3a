"""Families of documents whose title block holds lines that are no title: a form's vote and committee fields, an
issue form's headings, a legislature's court-name lines between rules; and a legislature's title that is a
participial phrase ("urging the …") under "HOUSE RESOLUTION"; a motion form's "Label:   value" fields. Every text here is invented."""

from __future__ import annotations

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
