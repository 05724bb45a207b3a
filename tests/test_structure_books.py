"""Resolutions books: a convention's, an association's or a party's many resolutions in one file, each under its
own head block (its number line, its title, "Submitted by: …", "Referred to: …") and each followed by what became
of it ("Committee Recommendation: CONCUR", "Convention Action: ADOPTED").  The head block between two resolutions is
the one below's; the recommendation and the vote stay with the one above.  The texts are invented."""

from __future__ import annotations

import pytest

import whereas

#: (title, sponsor, recitals, resolving clauses) of the five resolutions of an invented book
BOOK = [
    (
        "SAFE STAFFING ON NIGHT SHIFTS",
        "Riverbend Nurses Guild",
        ["WHEREAS, night shifts at county hospitals run with one nurse for nine patients; and"],
        ["RESOLVED, that the Federation will seek a ratio of one nurse for five patients on every shift."],
    ),
    (
        "FAIR SCHEDULING FOR GROCERY WORKERS",
        "Grocery and Warehouse Workers Local 88",
        [
            "WHEREAS, grocery schedules are posted two days ahead; and",
            "WHEREAS, last-minute changes cost workers their second jobs; therefore be it",
        ],
        ["RESOLVED, that the Federation supports two weeks' notice of every schedule."],
    ),
    (
        "APPRENTICESHIP GOALS ON PUBLIC BRIDGES",
        "Tri-County Building Trades Council",
        ["WHEREAS, the state will rebuild eleven bridges over the next six years; therefore be it"],
        [
            "RESOLVED, that fifteen percent of the labor hours on each bridge go to registered apprentices; and be it further",
            "RESOLVED, that the Federation report each year on the hours worked.",
        ],
    ),
    (
        "HEAT BREAKS FOR PARCEL DRIVERS",
        "Parcel Drivers Union Local 12",
        ["WHEREAS, delivery vans carry no cooling in their cargo holds; therefore be it"],
        ["RESOLVED, that the Federation supports a paid break each hour above ninety degrees."],
    ),
    (
        "HONORING THE LIBRARY WORKERS OF MILLBROOK",
        "Millbrook Public Employees Association",
        ["WHEREAS, the library workers of Millbrook held their picket line for forty days; therefore be it"],
        ["RESOLVED, that the Federation honors their stand and their settlement."],
    ),
]


def _book(
    *, number: str | None = "Resolution No. {n}", spacing: str = "", glued: bool = False, label: str = "Submitted by"
) -> str:
    """The book as text: ``number`` the shape of each number line (None: none), ``spacing`` "\\n" for a PDF's text that
    sets a blank line after every line, ``glued`` the number line right under the vote on the one above."""
    blocks: list[str] = []
    for n, (title, sponsor, recitals, resolved) in enumerate(BOOK, start=21):
        head = [title, f"{label}: {sponsor}", "Referred to: Resolutions Committee"]
        if number is not None:
            head.insert(0, number.format(n=n))
        if glued and blocks:
            blocks[-1] += "\n" + spacing + ("\n" + spacing).join(head)
        else:
            blocks.append(("\n" + spacing).join(head))
        blocks.extend([*recitals, *resolved])
        blocks.append(("\n" + spacing).join(["Committee Recommendation: CONCUR", "Convention Action: ADOPTED"]))
    return "\n\n".join(blocks) + "\n"


EXPECTED = [(title, sponsor) for title, sponsor, _, _ in BOOK]


def _titles_and_sponsors(text: str) -> list[tuple[str | None, str | None]]:
    out = []
    for r in whereas.parse(text):
        title = " ".join(r.title.text.split()) if r.title is not None else ""
        for shape in ("Resolution No. ", "RESOLUTION ", "Resolution #"):
            if title.startswith(shape):
                title = title[len(shape) :].split(None, 1)[-1]
        out.append((title or None, r.sponsors.submitted_by))
    return out


@pytest.mark.parametrize("number", ["Resolution No. {n}", "RESOLUTION {n}", "Resolution #{n}"])
def test_each_resolution_of_a_book_has_its_own_title_and_sponsor(number: str) -> None:
    # "Resolution No. 22", "Resolution No. 23", … come back once each, between the clauses: no running header
    assert _titles_and_sponsors(_book(number=number)) == EXPECTED


def test_a_book_s_text_from_a_pdf_with_a_blank_line_after_every_line() -> None:
    # the number, the title and the labelled lines each a paragraph of their own
    assert _titles_and_sponsors(_book(spacing="\n")) == EXPECTED


def test_a_number_line_right_under_the_vote_on_the_resolution_above() -> None:
    assert _titles_and_sponsors(_book(glued=True)) == EXPECTED


def test_a_book_without_number_lines_gives_each_title_and_sponsor_to_the_resolution_below() -> None:
    assert _titles_and_sponsors(_book(number=None)) == EXPECTED


def test_the_recommendation_and_the_vote_stay_with_the_resolution_above() -> None:
    resolutions = whereas.parse(_book())
    assert len(resolutions) == len(BOOK)
    for r, (title, _, _, resolved) in zip(resolutions, BOOK, strict=True):
        assert " ".join(r.resolved[-1].text.split()) == resolved[-1]
        assert r.title is not None and title in r.title.text


def test_a_sponsor_under_a_resolution_with_no_head_below_it_stays_with_it() -> None:
    # "Submitted by" under the resolving clause, the next resolution's title under it: the sponsor is the one above's
    text = (
        "TREE PLANTING ON MAIN STREET\n\n"
        "WHEREAS, Main Street has lost forty trees since 2010; therefore be it\n\n"
        "RESOLVED, that the Association asks the city to plant sixty trees.\n\n"
        "Submitted by: Elm Ward Neighbors Association\n\n"
        "BENCHES AT EVERY BUS STOP\n\n"
        "WHEREAS, riders wait for the bus standing in the rain; therefore be it\n\n"
        "RESOLVED, that the Association asks the transit board for a bench at every stop.\n\n"
        "Submitted by: Harbor Ward Neighbors Association\n"
    )
    assert [r.sponsors.submitted_by for r in whereas.parse(text)] == [
        "Elm Ward Neighbors Association",
        "Harbor Ward Neighbors Association",
    ]


def test_a_book_with_each_resolution_on_a_new_page() -> None:
    # a form feed before each number line: on the page's edge, yet no running header
    assert _titles_and_sponsors(_book().replace("Resolution No.", "\fResolution No.")) == EXPECTED


def test_one_resolution_s_number_repeated_on_every_page_is_still_a_running_header() -> None:
    header = "Resolution No. 2026-31"
    clauses = [
        "WHEREAS, the pool at Alder Park has been closed since 2024; and",
        "WHEREAS, the district has set aside $1.2 million for its repair; and",
        "WHEREAS, the repair can be done before the summer; now, therefore, be it",
        "RESOLVED, that the Board directs staff to let the repair contract by April 1.",
    ]
    text = header + "\n\nPOOL REPAIR AT ALDER PARK\n\n" + "\n\n".join(f"{c}\n\n{header}" for c in clauses) + "\n"
    (r,) = whereas.parse(text)
    assert (len(r.preamble), len(r.resolved)) == (3, 1)
    assert all(header not in c.text for c in [*r.preamble, *r.resolved])
