"""A form's labels alone on their lines ("Title:", "Submitted by:") with the value under them: a Word form's
table cells, which the reader gives one paragraph each, or a label and its value in two paragraphs."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

import whereas
from whereas.model import Resolution

BODY = (
    "Whereas students report food insecurity; and\n\n"
    "Whereas the pantry is underfunded; now, therefore, be it\n\n"
    "Resolved, that the Senate funds the pantry.\n"
)


def one(text: str) -> Resolution:
    [r] = whereas.parse(text)
    return r


def test_labels_with_their_values_in_the_next_paragraph() -> None:
    r = one("Title:\n\nResolution on Campus Food Security\n\nSubmitted by:\n\nJane Doe, Senator\n\n" + BODY)
    assert r.title is not None and r.title.text == "Resolution on Campus Food Security"
    assert r.sponsors.submitted_by == "Jane Doe, Senator"
    assert len(r.preamble) == 2


def test_bold_labels_with_their_values_on_the_next_line() -> None:
    r = one(
        "**Title:**\nResolution on Campus Food Security\n**Sponsor(s):**\nSenator Ana Ruiz, Senator Ben Cho\n\n" + BODY
    )
    assert r.title is not None and r.title.text == "Resolution on Campus Food Security"
    assert r.sponsors.others == ("Senator Ana Ruiz", "Senator Ben Cho")


@pytest.mark.parametrize(
    "text",
    [
        # who signs the adopted text attests it: a signature block's "By:" is no sponsor
        "Resolution on Campus Food Security\n\n" + BODY + "\nBy:\n\nJohn Smith, Mayor\n",
        # under a label, a sentence is no name
        "Resolution on Campus Food Security\n\nSponsors:\n\nThe committee met on May 3 and agreed to bring it.\n\n"
        + BODY,
        # nor a keyword line
        "Resolution on Campus Food Security\n\nSubmitted by:\n\n" + BODY,
    ],
)
def test_what_is_no_value_of_a_label_alone(text: str) -> None:
    r = one(text)
    assert r.title is not None and r.title.text == "Resolution on Campus Food Security"
    assert r.sponsors.submitted_by is None and r.sponsors.others == () and r.sponsors.mover is None


def test_a_word_form_in_a_table(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(
        table.rows,
        [
            ("Title:", "Resolution on Campus Food Security"),
            ("Submitted by:", "Jane Doe, Senator"),
            ("Date:", "May 4, 2026"),
        ],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = label, value
    for paragraph in BODY.strip().split("\n\n"):
        document.add_paragraph(paragraph)
    path = tmp_path / "form.docx"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    [r] = whereas.parse(path)
    assert r.title is not None and r.title.text == "Resolution on Campus Food Security"
    assert r.sponsors.submitted_by == "Jane Doe, Senator"
    assert [c.text.split()[0] for c in r.clauses] == ["Whereas", "Whereas", "Resolved,"]


@pytest.mark.parametrize(
    "line",
    [
        "**Motion by:** Board Member Ana Ruiz; **Second:** Board Member Ben Cho",
        "Moved by Trustee Ana Ruiz. Seconded by Trustee Ben Cho.",
        "Motion by: Ana Ruiz, Second: Ben Cho",
    ],
)
def test_a_mover_and_a_seconder_on_one_line(line: str) -> None:
    r = one(f"# Resolution on Campus Food Security\n\n{line}\n\n" + BODY)
    assert r.title is not None and r.title.text == "Resolution on Campus Food Security"
    assert (r.sponsors.mover or "").endswith("Ana Ruiz") and (r.sponsors.seconder or "").endswith("Ben Cho")


def test_the_record_of_an_adoption_is_no_recital() -> None:
    """ "Adopted at the regular meeting of …" under the title says what became of it; it argues for nothing."""
    r = one("# Resolution on Campus Food Security\n\n*Adopted at the regular meeting of February 19, 2026.*\n\n" + BODY)
    assert [c.text.split()[0] for c in r.preamble] == ["Whereas", "Whereas"]


def test_the_mover_and_seconder_in_the_connector_and_the_vote_after_a_name() -> None:
    """A housing co-operative's "NOW, THEREFORE, upon motion duly made by Director A and seconded by Director B, it
    is" over "RESOLVED, that …"; minutes' "Proposed: X. Seconded: Y. Carried unanimously." (the vote is no name)."""
    r = one(
        "# Increase in Carrying Charges\n\nWHEREAS, the reserve is underfunded;\n\n"
        "NOW, THEREFORE, upon motion duly made by Director Alvarez and seconded by Director Kim, it is\n\n"
        "RESOLVED, that carrying charges be increased by 6.5%.\n"
    )
    assert r.formula is not None and r.formula.text.endswith("it is")
    assert (r.sponsors.mover, r.sponsors.seconder) == ("Director Alvarez", "Director Kim")
    assert r.resolved[0].text == "RESOLVED, that carrying charges be increased by 6.5%."
    r = one(
        "# Reappointment of the Examiner\n\nProposed: Tom Ashworth. Seconded: Dev Patel. Carried unanimously.\n\n"
        + BODY
    )
    assert (r.sponsors.mover, r.sponsors.seconder) == ("Tom Ashworth", "Dev Patel")


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("*Submitted to the 2026 State Convention by the League of Women Voters of Cascade County*",
         ("submitted", "the League of Women Voters of Cascade County")),
        ("Sponsored by the Privacy and Technology Committee (Chair: Priya Raman)",
         ("others", "the Privacy and Technology Committee (Chair: Priya Raman)")),
    ],
)  # fmt: skip
def test_who_submitted_it_in_a_sentence_of_its_own(line: str, who: tuple[str, str]) -> None:
    r = one(f"# Resolution on Campus Food Security\n\n{line}\n\n" + BODY)
    role, name = who
    assert (r.sponsors.submitted_by if role == "submitted" else "; ".join(r.sponsors.others)) == name


def test_a_sponsor_name_cut_at_the_lines_end_goes_on_on_the_next() -> None:
    """A PDF's "Introduced by: …; Andrea Koval, MD; Marcus" / "Bell, DO": one name cut by the line's end."""
    r = one(
        "Resolution No. 214\n\nIntroduced by: Franklin County Academy of Medicine; Andrea Koval, MD; Marcus\n"
        "Bell, DO\n\n" + BODY
    )
    assert r.sponsors.others == ("Franklin County Academy of Medicine", "Andrea Koval, MD", "Marcus Bell, DO")


@pytest.mark.parametrize(
    ("head", "submitted", "others"),
    [
        # a PDF's wrap: the body's name going on, and again (trial 11)
        (
            "Submitted by: Riverside Council PTA, on behalf of Hawthorne\nElementary PTA, Maplewood Middle School PTSA"
            " and Riverside High\nSchool PTSA\n",
            "Riverside Council PTA, on behalf of Hawthorne Elementary PTA, Maplewood Middle School PTSA and Riverside"
            " High School PTSA",
            (),
        ),
        # pandoc's 72-column wrap of a bold label's value
        (
            "**Sponsor:** Trustee Marlene Many Guns, Chair, Academic Affairs\nCommittee\n",
            None,
            ("Trustee Marlene Many Guns, Chair, Academic Affairs Committee",),
        ),
        # a value that stops at "on behalf of", and a line in lower case
        (
            "Submitted by: Dana Whitfield, on behalf of\nPrecinct Officers of Tamarack County\n",
            "Dana Whitfield, on behalf of Precinct Officers of Tamarack County",
            (),
        ),
        ("Sponsors: Ward 3 Tenants\nand the Eastside Housing Coalition\n", None,
         ("Ward 3 Tenants", "the Eastside Housing Coalition")),
    ],
)  # fmt: skip
def test_a_sponsor_line_wrapped_goes_on_on_the_next_and_is_no_title(head: str, submitted, others) -> None:
    r = one("RESOLUTION 25-3\nSafe and Supportive School Cell Phone Policies\n\n" + head + "\n" + BODY)
    assert r.title is not None and r.title.text == "RESOLUTION 25-3 Safe and Supportive School Cell Phone Policies"
    assert (r.sponsors.submitted_by, r.sponsors.others) == (submitted, others)


@pytest.mark.parametrize(
    "under",
    [
        "Safe and Supportive School Cell Phone Policies",  # the title, under the sponsor's line
        "Date: March 11, 2025",  # a label of its own
        "The Committee met on March 3.",  # a sentence of its own
    ],
)
def test_a_line_under_a_finished_sponsor_line_is_not_its_value(under: str) -> None:
    r = one("RESOLUTION 25-3\n\nSubmitted by: Riverside Council PTA\n" + under + "\n\n" + BODY)
    assert r.sponsors.submitted_by == "Riverside Council PTA"


# -- a resolution's header fields, read for the family that prints them (issue 9, the sixth trial) --------------


def test_a_convention_resolutions_subject_is_its_title_and_its_origin_no_title() -> None:
    # the American Legion's and the VFW's "SUBJECT:" / "ORIGIN:" / "SUBMITTED BY:" block
    r = one(
        "RESOLUTION NO. 7\n\nSUBJECT: SUPPORT FOR RURAL CLINICS\n\nORIGIN: Department of Vermont\n\n"
        "SUBMITTED BY: Convention Committee on Health\n\n" + BODY
    )
    assert r.title is not None and r.title.text == "SUPPORT FOR RURAL CLINICS"
    assert r.sponsors.submitted_by == "Convention Committee on Health"


def test_an_officers_sidebar_in_the_letterhead_is_no_title() -> None:
    r = one(
        "THE LAKES COUNCIL OF TRIBES\n\nResolution #LC-26-004\n\n"
        "TITLE: Supporting Clean Water for Tribal Homes\n\nEXECUTIVE COMMITTEE\n\n"
        "PRESIDENT Ana Runningwater Lake Band of Ojibwe\n\nRECORDING SECRETARY Joe Smith River Nation\n\n" + BODY
    )
    assert r.title is not None and r.title.text == "Supporting Clean Water for Tribal Homes"


def test_a_california_measures_number_and_title_line_its_digest_and_coauthors() -> None:
    r = one(
        "Senate Joint Resolution No. 4\n\nIntroduced by Senator Alvarez\n(Coauthors: Senators Kim and Ortega)\n\n"
        "March 2, 2026\n\nSenate Joint Resolution No. 4—Relative to school libraries.\n\n"
        "LEGISLATIVE COUNSEL'S DIGEST\n\nSJR 4, as introduced, Alvarez. School libraries.\n\n"
        "This measure would urge the Congress to fund school libraries.\n\n" + BODY
    )
    assert r.title is not None and r.title.text == "Senate Joint Resolution No. 4—Relative to school libraries."
    assert r.sponsors.others == ("Senator Alvarez", "Senator Kim", "Senator Ortega")


def test_a_texas_resolutions_by_line_and_its_letter_spaced_form_name() -> None:
    r = one("By: Nguyen" + " " * 40 + "H.C.R. No. 88\n\n\n" + " " * 20 + "R E S O L U T I O N\n\n" + BODY)
    assert r.title is None  # the form's name, letter-spaced, names no resolution
    assert r.sponsors.others == ("Nguyen",)  # the bill's number in its own column is no part of the name


def test_the_first_of_several_resolutions_under_a_pages_heading_and_its_submitters() -> None:
    rs = whereas.parse(
        "# Adopted Resolutions — Transport Committee\n\n## SUPPORTING SAFE STREETS FOR CYCLISTS\n\n"
        "Submitted by:\nThe Honorable Ana Ruiz, Mayor of Springfield\nThe Honorable Ben Cho, Mayor of Shelbyville\n\n"
        "Committee: Transport\n\n" + BODY + "\n## FUNDING RURAL BUS ROUTES\n\nSubmitted by:\n"
        "The Honorable Dee Park, Mayor of Ogdenville\n\n" + BODY.replace("pantry", "bus")
    )
    assert [r.title.text if r.title else None for r in rs] == [
        "SUPPORTING SAFE STREETS FOR CYCLISTS",
        "FUNDING RURAL BUS ROUTES",
    ]
    assert rs[0].sponsors.submitted_by == "The Honorable Ana Ruiz, Mayor of Springfield"
    assert rs[0].sponsors.others == ("The Honorable Ben Cho, Mayor of Shelbyville",)  # "Committee:" is no name
    assert rs[1].sponsors.submitted_by == "The Honorable Dee Park, Mayor of Ogdenville"


def test_an_agenda_sections_heading_is_no_title_of_the_item_under_it() -> None:
    r = one("# Regular Meeting of the Board\n\n## 2. Main Agenda:\n\n### a. Renewal of the Office Lease\n\n" + BODY)
    assert r.title is not None and r.title.text == "a. Renewal of the Office Lease"


def test_numbered_items_under_a_pages_heading_and_an_italic_submitted_by_after_each() -> None:
    r = one(
        "# 2027 Assembly: New Business Items\n\n## New Business Item 4\n\n"
        "The Association will print a poster for every school.\n\n*Submitted by:* Alex Roe, Ohio\n\n"
        "## New Business Item 9\n\nRESOLVED, That the Association will publish a survey of its members.\n\n"
        "*Submitted by:* Board of Directors\n\n*Disposition:* Adopted\n"
    )
    assert r.title is not None and r.title.text == "New Business Item 9"
    # the item above's "Submitted by:" is that item's
    assert r.sponsors.submitted_by == "Board of Directors"


def test_a_resolutions_committee_line_above_the_title_is_no_part_of_it() -> None:
    r = one("STATE COUNCIL\n\nResolutions Committee\n\nRESOLUTION ON FAIR WAGES FOR FARM WORKERS\n\n" + BODY)
    assert r.title is not None and r.title.text == "RESOLUTION ON FAIR WAGES FOR FARM WORKERS"


def test_a_voting_systems_proposal_presenter_and_dates() -> None:
    r = one(
        "Proposal ID:     88\nProposal:        Resolution in Support of Public Transit\n"
        "Presenter:       Transit Caucus\nDiscussion:      04/01/2026 - 04/10/2026\n"
        "Voting:          04/11/2026 - 04/18/2026\nQuorum:          Majority\n\n" + BODY
    )
    assert r.title is not None and r.title.text == "Resolution in Support of Public Transit"
    assert r.sponsors.others == ("Transit Caucus",)


def test_a_primary_sponsor_heading_over_a_members_name() -> None:
    r = one(
        "# Library closures\n\n" + BODY + "\n## Primary sponsor\n\nJane Roe Labour, Anytown\n\n"
        "## Sponsors\n\n- Ben Cho Green, Elsewhere\n"
    )
    assert r.sponsors.mover == "Jane Roe Labour, Anytown"
    assert r.sponsors.others == ("Ben Cho Green, Elsewhere",)


def test_a_motion_label_over_the_motions_own_words_is_no_title() -> None:
    """Town meeting minutes: "MOTION: Moved by A and seconded, that the Town vote …" is the motion, not the name of the
    resolution printed under a later article; a student union's "Motion: Pavement Parking" is its title."""
    (r,) = whereas.parse(
        "TOWN OF ASHGROVE\nANNUAL TOWN MEETING\n\nARTICLE 4. To see if the Town will vote to buy a truck.\n\n"
        "MOTION: Moved by Ann Lee and seconded, that the Town vote to buy a truck.\n\nVOTED: Unanimously.\n\n"
        "ARTICLE 5. To see if the Town will adopt the following resolution:\n\n"
        "WHEREAS, the Town depends on its wells; now, therefore, be it\n\n"
        "RESOLVED, that the Town asks the Planning Board to protect them.\n"
    )
    assert r.title is None or "Moved by" not in r.title.text
    (m,) = whereas.parse(
        "Motion: Pavement Parking\n\nConference notes that cars block pavements.\n\nConference resolves to act.\n"
    )
    assert m.title is not None and m.title.text == "Pavement Parking"


def test_the_office_under_a_movers_name_is_no_sponsor() -> None:
    """An order paper's "MOVED BY:" over the member's name and, on the next line, the office they hold ("Woman
    Representative, Tororo District"): the office line is no second sponsor."""
    (r,) = whereas.parse(
        "MOTION URGING GOVERNMENT TO BUILD A BRIDGE\n\nWHEREAS the river cuts the district in two;\n\n"
        "NOW THEREFORE, be it resolved by this Parliament that Government builds a bridge.\n\n"
        "MOVED BY:\nHon. Sarah Opendi\nWoman Representative, Tororo District\n"
    )
    assert r.sponsors.mover == "Hon. Sarah Opendi"
    assert r.sponsors.others == ()


def test_a_by_line_on_a_signature_blank_is_no_sponsor() -> None:
    """A county's resolution signed under its adoption line: "By: ______  Mary C. Alford, Chair" is the signature
    of who attests it, not a sponsor; "By: Delegate Ruiz" over the clauses is one."""
    (r,) = whereas.parse(
        "RESOLUTION NO. 2026-47\n\nWHEREAS, the county needs housing; now, therefore, be it\n\n"
        "RESOLVED, that the Board approves the plan.\n\nDULY ADOPTED this 28th day of April, 2026.\n\n"
        "By: ______________________________  Mary C. Alford, Chair\n"
    )
    assert r.sponsors.others == ()


def test_a_mover_and_seconder_in_bold_on_one_line() -> None:
    """A neighbourhood board's Markdown minutes: "Moved by **Ana Ruiz**; seconded by **Tom Lee**." names both."""
    (r,) = whereas.parse(
        "Resolution on Trees\n\nMoved by **Ana Ruiz**; seconded by **Tom Lee**.\n\n"
        "WHEREAS, trees matter; now, therefore, be it\n\nRESOLVED, that we plant them.\n"
    )
    assert (r.sponsors.mover, r.sponsors.seconder) == ("Ana Ruiz", "Tom Lee")


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a student senate's bill: its number and name, then the form's fields of when and where it went
        (
            'STUDENT SENATE\n\nSenate Bill 25-F-07\n"The Campus Pantry Act"\n\n'
            "Committee Referral: Student Life Committee\nDate of First Reading: March 3, 2026\n\n",
            'Senate Bill 25-F-07 "The Campus Pantry Act"',
        ),
        # a band council resolution's form: the nation, the meeting's date and the province are fields, no title
        (
            "BAND COUNCIL RESOLUTION\n\nThe Council of the: Birch River Cree Nation\n"
            "Date of duly convened meeting: 2026-01-12\nProvince: Manitoba\n\n",
            "BAND COUNCIL RESOLUTION",
        ),
        # a motion's date lodged above its title
        ("Date Lodged: 02/03/2026\n\nCelebrating the Lochside Pipe Band\n\n", "Celebrating the Lochside Pipe Band"),
        # (a title with a subtitle after its colon is still a title)
        ("Campus Hunger: A Call to Act\n\n", "Campus Hunger: A Call to Act"),
    ],
)
def test_a_forms_label_and_value_lines_are_no_title(head: str, title: str) -> None:
    """A form's "Label: value" fields above the clauses ("Date of First Reading: March 3, 2026", "Province:
    Manitoba", "The Council of the: Birch River Cree Nation", "Date Lodged: …") are never the title nor part of it."""
    r = one(head + BODY)
    assert r.title is not None and r.title.text == title


def test_a_co_sponsored_by_line_names_sponsors() -> None:
    """An NGO's resolution: "*Submitted by:* the Board" and, in italics too, "*Co-sponsored by:* A; B" (its
    co-sponsors)."""
    r = one(
        "Resolution GA3/2: Clean Water\n\n*Submitted by:* the Board of Directors\n"
        "*Co-sponsored by:* Water Association of Kenya; Nepal Water Forum\n\n" + BODY
    )
    assert r.sponsors.submitted_by == "the Board of Directors"
    assert r.sponsors.others == ("Water Association of Kenya", "Nepal Water Forum")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Sponsored by: Senator Ana Ruiz (Chair, Finance Committee)", ("Senator Ana Ruiz (Chair, Finance Committee)",)),
        (
            "Sponsored by: Senator Ana Ruiz (Chair; Finance and Budget)",
            ("Senator Ana Ruiz (Chair; Finance and Budget)",),
        ),
        (
            "Sponsors: Senator Ana Ruiz (Chair, Finance Committee), Senator Ben Cho (At-Large)",
            ("Senator Ana Ruiz (Chair, Finance Committee)", "Senator Ben Cho (At-Large)"),
        ),
    ],
)
def test_what_a_names_parentheses_hold_is_the_names(line: str, names: tuple[str, ...]) -> None:
    """A sponsor's office in parentheses after the name ("Senator Ana Ruiz (Chair, Finance Committee)"): a comma or a
    semicolon inside them parts no names."""
    r = one("Resolution on Campus Food Security\n\n" + line + "\n\n" + BODY)
    assert r.sponsors.others == names


@pytest.mark.parametrize("bullet", ["", "- "])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_sponsors_named_one_a_line_with_their_offices(bullet: str, gap: str) -> None:
    """A conference's "Sponsors:" over one sponsor a line, each with the office they hold ("The Honorable Marcus
    J. Bell, Mayor of Eastport"), as lines or as a list: every one is a sponsor, none is split at its comma and
    none is the title."""
    mayors = ["The Honorable Teresa M. Alcott, Mayor of Fairhaven", "The Honorable Marcus J. Bell, Mayor of Eastport"]
    r = one(
        "SUPPORTING LEAD SERVICE LINE REPLACEMENT\n\nSponsors:"
        + gap
        + "\n".join(bullet + m for m in mayors)
        + "\n\nWHEREAS, nine million lead service lines remain in use; now, therefore,\n\n"
        "BE IT RESOLVED, that The United States Conference of Mayors calls on Congress to fund replacement.\n"
    )
    assert r.title.text == "SUPPORTING LEAD SERVICE LINE REPLACEMENT"
    assert list(r.sponsors.others) == mayors


@pytest.mark.parametrize(
    ("head", "others"),
    [
        ("Sponsors:\nCouncil Member Ana Ruiz\nCouncil Member Lee Park\n", ("Ana Ruiz", "Lee Park")),
        ("Sponsors: Jane Doe\nBoard President Lee Park\n", ("Jane Doe", "Lee Park")),
    ],
)
def test_a_member_named_by_the_bodys_office_under_a_sponsor_line_is_a_sponsor_of_their_own(
    head: str, others: tuple[str, ...]
) -> None:
    r = one("RESOLUTION 25-3\n\n" + head + "\n" + BODY)
    assert len(r.sponsors.others) == 2 and all(
        name in sponsor for name, sponsor in zip(others, r.sponsors.others, strict=True)
    )


# a form's field ("Policy Area: Health", "Committee recommendation: Adopt") between the title and the first clause is
# never the title, whether the fields share one paragraph or each is a paragraph of its own (a Word form's lines)
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
@pytest.mark.parametrize(
    "head, title",
    [
        (
            "Resolution 7-03: Public Dental Care{gap}Submitted by: Riverside Youth Section{gap}Policy Area: Health{gap}",
            "Resolution 7-03: Public Dental Care",
        ),
        (
            "COUNTY PARTY OF ELM VALLEY\n\nSPRING CONVENTION — ADOPTED RESOLUTIONS\n\n"
            "Resolution 2026-11: Rural Transit Routes{gap}Submitted by: Ash County Party{gap}"
            "Platform committee recommendation: Adopt as amended{gap}",
            "Resolution 2026-11: Rural Transit Routes",
        ),
    ],
)
def test_a_fields_line_under_the_sponsors_is_no_title(head: str, title: str, gap: str) -> None:
    r = one(head.format(gap=gap) + "\n" + BODY)
    assert r.title is not None and r.title.text == title


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_topic_field_under_the_printed_title_is_no_title(gap: str) -> None:
    r = one(
        "Resolution B012\n\nCreate a Commission on Rural Congregations\n\n"
        f"Topic: Rural Ministry{gap}Committee: 7 – Mission{gap}House of Initial Action: Bishops{gap}"
        "Proposer: Standing Commission on Mission\n\n" + BODY
    )
    assert r.title is not None and r.title.text.endswith("Create a Commission on Rural Congregations")
    assert "Topic" not in r.title.text and "Mission" not in r.title.text


def test_a_topic_field_with_no_title_printed_above_it_names_the_resolution() -> None:
    r = one("Committee: Second Committee\n\nTopic: Access to Rural Clinics\n\n" + BODY)
    assert r.title is not None and r.title.text == "Access to Rural Clinics"


def test_word_paragraphs_of_a_fields_block(tmp_path: Path) -> None:
    document = docx.Document()
    for paragraph in [
        "Resolution 7-03: Public Dental Care",
        "Submitted by: Riverside Youth Section",
        "Policy Area: Health",
        *BODY.strip().split("\n\n"),
    ]:
        document.add_paragraph(paragraph)
    path = tmp_path / "fields.docx"
    document.save(str(path))
    [r] = whereas.parse(path)
    assert r.title is not None and r.title.text == "Resolution 7-03: Public Dental Care"
