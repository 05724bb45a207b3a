"""A city council's journal of proceedings prints its agreed calendar as a run of resolutions, each under a heading
in capitals that ends with a period ("GRATITUDE EXTENDED TO … DISTRICT.") and its sponsor's line with a dash that
leads into the text ("By Alderman Mitchell (7th Ward) --"); the page's running heads carry the journal's name, the
sitting's date and the page's number.  Each item's heading is its title, its sponsor line its sponsor.  The texts
are invented."""

from __future__ import annotations

import pytest

import whereas


def _item(heading: str, sponsor: str, who: str) -> str:
    return (
        f"{heading}\n\n{sponsor}\n\n"
        f"WHEREAS, {who} has served the people of the ward for thirty years; and\n\n"
        f"WHEREAS, {who} will retire at the end of the month; now, therefore,\n\n"
        f"Be It Resolved, That we, the Mayor and Members of the City Council, do hereby thank {who}; and\n\n"
        f"Be It Further Resolved, That a suitable copy of this resolution be presented to {who}.\n\n"
    )


# one page's running heads, as a PDF's text gives them
HEADS = "JOURNAL--CITY COUNCIL--LAKEPORT 3/4/2031\n\n3/4/2031                 AGREED CALENDAR                 18822\n\n"


@pytest.mark.parametrize(
    ("head", "first", "second", "dash"),
    [
        # the headings on one line each, the running heads above the first
        (
            HEADS,
            "APPRECIATION EXTENDED TO LIBRARIAN ROSA DELGADO FOR SERVICE TO BRANCH LIBRARY.",
            "CONGRATULATIONS EXTENDED TO COACH PETER NOWAK ON STATE CHAMPIONSHIP.",
            "--",
        ),
        # wrapped as a PDF wraps them (the last line of one a number's: "12TH STREET BRANCH."), an em dash
        (
            "",
            "APPRECIATION EXTENDED TO LIBRARIAN ROSA DELGADO FOR SERVICE TO\n12TH STREET BRANCH LIBRARY.",
            "CONGRATULATIONS EXTENDED TO COACH PETER NOWAK AND WESTSIDE\nHIGH SCHOOL ON STATE CHAMPIONSHIP.",
            "—",
        ),
    ],
)
def test_a_journal_items_heading_and_sponsor(head: str, first: str, second: str, dash: str) -> None:
    text = (
        head
        + _item(first, f"By Alderman Mitchell (7th Ward) {dash}", "Rosa Delgado")
        + _item(second, f"By Alderman Rodriguez (22nd Ward) {dash}", "Peter Nowak")
    )
    one, two = whereas.parse(text)
    assert one.title is not None and two.title is not None
    assert one.title.text == " ".join(first.split())
    assert two.title.text == " ".join(second.split())
    assert one.sponsors.others == ("Alderman Mitchell (7th Ward)",)
    assert two.sponsors.others == ("Alderman Rodriguez (22nd Ward)",)


@pytest.mark.parametrize(
    "line",
    [
        "ALL MEMBERS PRESENT HAVE VOTED IN FAVOUR.",
        "THE MOTION WAS ADOPTED BY THE COUNCIL.",
    ],
)
def test_a_sentence_in_capitals_is_no_heading(line: str) -> None:
    """A vote's outcome or a sentence in capitals above a resolution is not taken for its heading."""
    [r] = whereas.parse(_item(line, "By Alderman Mitchell (7th Ward) --", "Rosa Delgado"))
    assert r.title is None or r.title.text != line
