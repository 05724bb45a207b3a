"""A resolution's head block as conventions, clubs and councils print it: its number, its title, who brings it, and
then a line that records what became of it ("Referred to the Committee on Resolutions", "Endorsed by District 5020
District Conference, 10 May 2031"); the record line is no part of the title and the title above it is kept."""

from __future__ import annotations

import pytest

import whereas
from whereas.model import Resolution

BODY = (
    "WHEREAS, summers grow hotter every year; and\n\n"
    "WHEREAS, no standard protects those who work outside; therefore, be it\n\n"
    "RESOLVED, that the federation calls for a heat standard.\n"
)


def one(text: str) -> Resolution:
    [r] = whereas.parse(text)
    return r


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a union convention's resolution: its number, title, submitter and referral
        (
            "Resolution 7\n\nShade and Water for Outdoor Workers\n\nSubmitted by the Tri-County Labor Council\n\n"
            "Referred to the Committee on Resolutions\n\n",
            "Resolution 7 Shade and Water for Outdoor Workers",
        ),
        # without its number line
        (
            "Shade and Water for Outdoor Workers\n\nSubmitted by the Tri-County Labor Council\n\n"
            "Referred to the Committee on Resolutions\n\n",
            "Shade and Water for Outdoor Workers",
        ),
        # the referral right under the submitter, no blank line between
        (
            "Resolution 7\n\nShade and Water for Outdoor Workers\n\nSubmitted by the Tri-County Labor Council\n"
            "Referred to Resolutions Committee\n\n",
            "Resolution 7 Shade and Water for Outdoor Workers",
        ),
        # a Rotary proposal's endorsement by its district conference
        (
            "Resolution 31-204\n\nTo request the Board to consider a heat safety guide for club projects\n\n"
            "Proposed by the Rotary Club of Elmwood Falls, District 5990\n\n"
            "Endorsed by District 5990 District Conference, 9 May 2031\n\n",
            "Resolution 31-204 To request the Board to consider a heat safety guide for club projects",
        ),
        # a Lions club's, without a number
        (
            "Heat Safety at Club Service Projects\n\nSubmitted by the Lions Club of Harrow Bay\n\n"
            "Endorsed by the District 12B Cabinet\n\n",
            "Heat Safety at Club Service Projects",
        ),
    ],
)
def test_a_record_line_under_the_sponsors_is_no_part_of_the_title(head: str, title: str) -> None:
    r = one(head + BODY)
    assert r.title is not None and r.title.text == title
    brought = r.sponsors.submitted_by or r.sponsors.mover or ""
    assert brought.startswith("the ") and not any(w in brought for w in ("Referred", "Endorsed"))


MOTION = (
    "That Council:\n\n"
    "1. Endorses the draft Dog Management Plan 2031 for public exhibition for 28 days; and\n\n"
    "2. Receives a further report on submissions in September 2031.\n\n"
    "CARRIED 7/2\n"
)
RESOLUTIONS = (
    "WHEREAS, camping grows; and\n\n"
    "WHEREAS, the sites fill each summer; now, therefore, be it\n\n"
    "RESOLVED, that the Council adopts the bylaw."
)


@pytest.mark.parametrize(
    ("text", "title", "mover", "seconder"),
    [
        # Australian minutes: the resolution's number, then its mover and seconder a line each, no colon
        (
            "COUNCIL RESOLUTION 2031/214\n\nMoved Cr Harrington\nSeconded Cr Nguyen\n\n" + MOTION,
            "COUNCIL RESOLUTION 2031/214",
            "Cr Harrington",
            "Cr Nguyen",
        ),
        # by their office in full, a paragraph each
        (
            "RESOLUTION 2031/214\n\nMoved Councillor Harrington\n\nSeconded Deputy Mayor Nguyen\n\n" + MOTION,
            "RESOLUTION 2031/214",
            "Councillor Harrington",
            "Deputy Mayor Nguyen",
        ),
        # New Zealand minutes: both on one line under the item's heading
        (
            "9.1 Dog Management Plan 2031\n\nMoved Cr Harrington / Seconded Cr Nguyen\n\n" + MOTION,
            "Dog Management Plan 2031",
            "Cr Harrington",
            "Cr Nguyen",
        ),
        # … or under the resolution, over its outcome
        (
            "9.1 Freedom Camping Bylaw 2031\n\n" + RESOLUTIONS + "\n\nMoved Cr Tane Walker / Seconded Cr Aroha Ngata\n"
            "CARRIED\n",
            "Freedom Camping Bylaw 2031",
            "Cr Tane Walker",
            "Cr Aroha Ngata",
        ),
        # … right under its last clause, no blank line between
        (
            "9.1 Freedom Camping Bylaw 2031\n\n" + RESOLUTIONS + "\nMoved Cr Tane Walker / Seconded Cr Aroha Ngata\n"
            "CARRIED\n",
            "Freedom Camping Bylaw 2031",
            "Cr Tane Walker",
            "Cr Aroha Ngata",
        ),
    ],
)
def test_minutes_mover_and_seconder_without_a_colon(text: str, title: str, mover: str, seconder: str) -> None:
    r = one(text)
    assert r.title is not None and r.title.text == title
    assert (r.sponsors.mover, r.sponsors.seconder) == (mover, seconder)
    assert not any("Moved" in c.text or "CARRIED" in c.text for c in r.resolved)


PETITION = (
    "Whereas, cash bail keeps the poor in jail;\n\n"
    "Whereas, detention costs people their jobs;\n\n"
    "Therefore, be it resolved, that the Church calls for an end to money bail.\n"
)


@pytest.mark.parametrize(
    "head",
    [
        # a church's petition form in Markdown: its fields' labels in bold, a paragraph each
        "**Title:** Ending Cash Bail\n\n**Submitted by:** Cascade Annual Conference\n\n"
        "**Discipline/Resolution:** Book of Resolutions — New Resolution\n\n**Total Number of Pages:** 1\n\n"
        "**Financial Implications:** None\n\n",
        # the same form in plain text (a Word file's paragraphs)
        "Title: Ending Cash Bail\n\nSubmitted by: Cascade Annual Conference\n\n"
        "Discipline/Resolution: Book of Resolutions\n\nTotal Number of Pages: 1\n\nFinancial Implications: None\n\n",
        # under the form's number, the label's colon after the bold, the fields one under the other
        "# Petition 31-044\n\n__Resolution Title__: Ending Cash Bail\n__Submitted by__: Cascade Annual Conference\n"
        "__Financial Implications__: None\n\n",
    ],
)
def test_a_forms_title_field_names_it_and_its_other_fields_are_no_title(head: str) -> None:
    r = one(head + PETITION)
    assert r.title is not None and r.title.text == "Ending Cash Bail"
    assert r.sponsors.submitted_by == "Cascade Annual Conference"


def test_a_bold_field_is_no_part_of_the_title_printed_above_it() -> None:
    r = one("Ending Cash Bail\n\n**Financial Implications:** None\n\n**Total Number of Pages:** 1\n\n" + PETITION)
    assert r.title is not None and r.title.text == "Ending Cash Bail"


TEXAS = (
    "R E S O L U T I O N\n\n"
    "WHEREAS, The Harrow Bay robotics team won the state title; and\n\n"
    "WHEREAS, The team's members worked all year; now, therefore, be it\n\n"
    "RESOLVED, That the House of Representatives hereby congratulate the team.\n"
)


@pytest.mark.parametrize(
    ("line", "sponsors"),
    [
        ("By: Ramos H.R. No. 412", ("Ramos",)),
        ("By: Hall S.C.R. No. 9", ("Hall",)),
        ("By: Ortiz, Bell H.C.R. No. 31", ("Ortiz, Bell",)),  # (one-word names after a comma stay one, as ever)
        ("By: Ramos H.B. No. 1203", ("Ramos",)),
        ("By: Ramos          H.R. No. 412", ("Ramos",)),  # (the column as the PDF sets it)
    ],
)
def test_a_texas_measure_number_on_the_by_line_is_no_sponsor(line: str, sponsors: tuple[str, ...]) -> None:
    r = one(f"89R14221 JTZ-D\n\n{line}\n\n" + TEXAS)
    assert r.sponsors.others == sponsors


CTC_CLAUSES = (
    "RESOLVED THAT the consent of the Board be and is hereby accorded to avail a term loan of Rs. 2,00,00,000/- from "
    "the Bank.\n\n"
    "RESOLVED FURTHER THAT the Managing Director be and is hereby authorised to sign the loan documents.\n"
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a certified true copy: its heading, then the resolution's caption
        (
            "CERTIFIED TRUE COPY OF THE RESOLUTION PASSED BY THE BOARD OF DIRECTORS OF HARROW AGRO LIMITED AT ITS "
            "MEETING HELD ON 4TH MAY, 2031 AT THE REGISTERED OFFICE OF THE COMPANY\n\n"
            "Approval for availing term loan from the Bank\n\n" + CTC_CLAUSES,
            "Approval for availing term loan from the Bank",
        ),
        # the resolution quoted whole under it
        (
            "CERTIFIED TRUE COPY OF THE RESOLUTION PASSED BY THE BOARD OF DIRECTORS OF HARROW AGRO LIMITED\n\n"
            'Approval for availing term loan from the Bank\n\n"' + CTC_CLAUSES.rstrip("\n") + '"\n',
            "Approval for availing term loan from the Bank",
        ),
        # an extract of the minutes, its heading wrapped over two lines (a PDF's text), its caption in capitals
        (
            "EXTRACT OF THE MINUTES OF THE MEETING OF THE BOARD OF DIRECTORS OF HARROW AGRO LIMITED\n"
            "HELD ON MONDAY, 4TH MAY, 2031 AT 11:00 A.M.\n\n"
            "OPENING OF A CURRENT ACCOUNT WITH THE BANK\n\n" + CTC_CLAUSES,
            "OPENING OF A CURRENT ACCOUNT WITH THE BANK",
        ),
        # in Markdown, both in bold
        (
            "**CERTIFIED TRUE COPY OF THE RESOLUTION PASSED BY THE BOARD OF DIRECTORS OF HARROW AGRO LIMITED**\n\n"
            "**Approval for availing term loan from the Bank:**\n\n" + CTC_CLAUSES,
            "Approval for availing term loan from the Bank",
        ),
    ],
)
def test_a_certified_copys_caption_is_the_title(text: str, title: str) -> None:
    r = one(text)
    assert r.title is not None and r.title.text == title
    assert len(r.resolved) == 2


def test_a_certified_copy_without_a_caption_keeps_its_heading() -> None:
    r = one(
        "CERTIFIED TRUE COPY OF THE RESOLUTION PASSED BY THE BOARD OF DIRECTORS OF HARROW AGRO LIMITED\n\n"
        + CTC_CLAUSES
    )
    assert r.title is not None and r.title.text.startswith("CERTIFIED TRUE COPY")


@pytest.mark.parametrize(("mark", "close"), [('"', '"'), ("“", "”")])
@pytest.mark.parametrize("stop", [".{close}", "{close}."])
def test_a_resolution_quoted_whole_loses_both_its_marks(mark: str, close: str, stop: str) -> None:
    """A certified copy quotes the resolution whole ('"RESOLVED THAT …' … 'signs the documents."'): the opening mark
    was cut from the first clause and the closing one kept on the last."""
    end = stop.format(close=close)
    r = one(
        "CERTIFIED TRUE COPY OF THE RESOLUTION PASSED BY THE BOARD OF DIRECTORS OF HARROW AGRO LIMITED\n\n"
        f"Approval for availing term loan from the Bank\n\n{mark}RESOLVED THAT the Board avails a term loan.\n\n"
        f"RESOLVED FURTHER THAT the Managing Director signs the documents{end}\n"
    )
    assert [c.text for c in r.resolved] == [
        "RESOLVED THAT the Board avails a term loan.",
        "RESOLVED FURTHER THAT the Managing Director signs the documents.",
    ]


def test_a_closing_mark_no_clause_opened_stays() -> None:
    """A closing mark at the end of a resolution whose first clause opened none (an article that forgot to open its
    quotation) is kept as written."""
    r = one('Resolved, That the Board opens an account.\n\nResolved, That the Treasurer signs the documents."\n')
    assert r.resolved[-1].text.endswith('documents."')


@pytest.mark.parametrize(
    ("page", "title"),
    [
        (
            "# League of Women Voters of Harrow\n\n## 2031 State Convention — Resolution on Redistricting Commission "
            "Funding\n\n",
            "2031 State Convention — Resolution on Redistricting Commission Funding",
        ),
        (
            "# Harrow Federation of Teachers\n\n## Resolution 12: Fund School Nurses\n\n",
            "Resolution 12: Fund School Nurses",
        ),
        (
            "# Harbor Tenants Alliance\n\n## Resolution on Rent Stabilization\n\n*Submitted by the Eastside Chapter.*\n\n",
            "Resolution on Rent Stabilization",
        ),
    ],
)
def test_a_page_headed_by_its_body_is_titled_by_the_heading_that_names_the_resolution(page: str, title: str) -> None:
    r = one(page + BODY)
    assert r.title is not None and r.title.text == title
