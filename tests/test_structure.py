"""The structure builder on small resolutions in every text form whereas reads.

The fixtures under tests/fixtures/text/ were written for these tests; each test says what a
careful reader sees in the text, and checks positions against the source itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import whereas
from conftest import FIXTURES, SEED, SEED_DOCX, needs_seed
from whereas.model import Resolution

TEXT_FIXTURES = FIXTURES / "text"


def one(source: str | Path) -> Resolution:
    found = whereas.parse(source)
    assert len(found) == 1, [r.title for r in found]
    return found[0]


def one_html(page: str) -> Resolution:
    """The one resolution of an HTML page, read as whereas reads an .html file."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "page.html"
        path.write_text(page, encoding="utf-8")
        return one(path)


def texts(clauses) -> list[str]:
    return [c.text for c in clauses]


def at(r: Resolution, span) -> str:
    return r.source.text[span.start : span.end]


def assert_clean(r: Resolution) -> None:
    """No marker syntax or note text inside any clause; spans and mapped text point at the source."""
    note_texts = [n.text for n in r.notes]
    for c in r.clauses:
        for junk in ("[endnoteRef", "[footnoteRef", "[^", "**", "¹", "²", "³"):
            assert junk not in c.text, (c.ref, junk, c.text)
        for nt in note_texts:
            assert nt not in c.text, (c.ref, nt)
        for i, ch in enumerate(c.mapped.text):
            if not ch.isspace():
                assert r.source.text[c.mapped.offsets[i]] == ch, (c.ref, i)
        assert r.span.start <= c.span.start <= c.span.end <= r.span.end


# -- notes in every form ---------------------------------------------------------------------------


def test_inline_word_export_notes_markers_quotes_speakers_and_sponsors():
    r = one(TEXT_FIXTURES / "inline_notes.txt")
    assert r.source.format == "text"
    assert r.title and r.title.text == "Resolution on Open Access to Public Research"
    assert at(r, r.title.span) == "Resolution on Open Access to Public Research"
    assert texts(r.preamble) == [
        'Whereas the Northfield Library Council has long supported "free and open access to research funded by '
        'the public";',
        'Whereas the Eastbrook Scholars Union (ESU) has stated that "paywalls keep knowledge from those who paid '
        'for it"; and',
        "Whereas libraries cannot afford every journal",
    ]
    assert r.formula and r.formula.text == ", now, therefore, be it"
    assert at(r, r.formula.span) == ", now, therefore, be it"
    assert texts(r.resolved) == [
        "RESOLVED, that the Council calls on all publicly funded research to be published openly."
    ]
    assert r.resolved[0].keyword.text == "RESOLVED, that"
    assert [n.id for n in r.notes] == ["1", "2"]
    assert all(n.inline for n in r.notes)
    assert r.notes[0].url == "https://example.org/nlc/open-research"
    assert r.notes[0].citation.author == "Northfield Library Council"
    assert r.notes[0].citation.title == "Statement on Open Research"
    assert r.notes[0].citation.date == "2019"
    assert r.notes[1].citation.url == "https://example.org/esu/paywalls"
    assert [m.raw for m in r.preamble[0].markers] == ["[endnoteRef:1]"]
    assert at(r, r.preamble[0].markers[0].span) == "[endnoteRef:1]"
    assert r.preamble[1].notes == ("2",)
    assert [(q.text, q.note, q.speaker, q.clause) for q in r.quotations] == [
        ("free and open access to research funded by the public", "1", None, "preamble[0]"),
        ("paywalls keep knowledge from those who paid for it", "2", "Eastbrook Scholars Union", "preamble[1]"),
    ]
    for q in r.quotations:
        assert at(r, q.span) == q.text
    assert r.sponsors.mover == "Dana Whitfield" and r.sponsors.seconder == "Omar Reyes"
    assert r.sponsors.span and "Mover: Dana Whitfield" in at(r, r.sponsors.span)
    assert_clean(r)


def test_bracket_markers_with_a_notes_section():
    r = one(TEXT_FIXTURES / "bracket_notes.txt")
    assert r.title and r.title.text == "A RESOLUTION IN SUPPORT OF RURAL BRANCH LIBRARIES"
    assert texts(r.preamble) == [
        "WHEREAS, rural branches serve as the only public computer access for many residents; and",
        'WHEREAS, the State Library Board reported that "branch closures fell hardest on the elderly"',
    ]
    assert r.formula and r.formula.text == "; now, therefore, be it"
    assert [c.keyword.text for c in r.resolved] == ["RESOLVED, That", "RESOLVED, That"]
    assert r.resolved[0].text.endswith("restore branch funding; and be it further")
    assert [(n.id, n.url, n.inline) for n in r.notes] == [
        ("1", "https://example.org/rural-survey", False),
        ("2", "https://example.org/slb/report-2022", False),
    ]
    assert r.notes[1].citation.title == "Annual Report"
    assert [m.raw for c in r.preamble for m in c.markers] == ["[1]", "[2]"]
    [q] = r.quotations
    assert (q.text, q.note, q.speaker) == ("branch closures fell hardest on the elderly", "2", "State Library Board")
    assert r.sponsors.submitted_by == "Rural Libraries Round Table"
    # the notes section is not part of any clause and the line numbers are the file's
    assert r.position(r.notes[0].span.start).line == 15
    assert r.position(r.resolved[1].span.start).line == 9
    assert_clean(r)


def test_superscript_markers():
    r = one(TEXT_FIXTURES / "superscript_notes.txt")
    assert r.title is None
    assert r.preamble[0].text == "Whereas the town archive holds the only copies of the 1890 charter; and"
    assert [m.raw for m in r.preamble[0].markers] == ["¹"]
    assert r.preamble[1].notes == ("2",)
    assert [(n.id, n.url) for n in r.notes] == [
        ("1", "https://example.org/archive/catalogue"),
        ("2", None),
    ]
    assert r.notes[1].citation.date == "March 2023"
    assert r.resolved[0].text == "Resolved, that the Board funds a new roof."
    assert_clean(r)


def test_markdown_footnotes_and_emphasis():
    r = one(TEXT_FIXTURES / "markdown_footnotes.md")
    assert r.source.format == "markdown"
    assert r.title and r.title.text == "Resolution on Library Privacy"
    assert r.preamble[0].text == 'WHEREAS, the Harbor City Library promises that "we do not sell patron data"; and'
    assert r.preamble[0].keyword.text == "WHEREAS,"
    assert r.resolved[0].text == "RESOLVED, that the Board reject any contract that shares patron data."
    assert [(n.id, n.url) for n in r.notes] == [
        ("1", "https://example.org/hcl/privacy"),
        ("2", "https://example.org/vendor/msa"),
    ]
    assert [m.raw for c in r.clauses for m in c.markers] == ["[^1]", "[^2]"]
    assert [(q.text, q.note) for q in r.quotations] == [
        ("we do not sell patron data", "1"),
        ("data may be shared with partners", "2"),
    ]
    # "**WHEREAS**" — the clause span starts at the keyword's first letter, after the emphasis
    assert at(r, r.preamble[0].span).startswith("WHEREAS**, the *Harbor City Library*")
    pos = r.position(r.preamble[0].span.start)
    assert (pos.line, pos.column) == (3, 3)
    assert_clean(r)


# -- keywords, wrapping, formula, items -------------------------------------------------------------


def test_keyword_forms_and_formula_variants():
    text = (
        "Whereas the first thing is true; and\n\n"
        "WHEREAS, the second thing is true; and\n\n"
        "**WHEREAS** the third thing is true;\n\n"
        "NOW, THEREFORE, BE IT RESOLVED, that the first action be taken; and\n\n"
        "Be it further resolved, that the second action be taken.\n"
    )
    r = one(text)
    assert [c.keyword.text for c in r.preamble] == ["Whereas", "WHEREAS,", "WHEREAS"]
    assert r.preamble[2].text == "WHEREAS the third thing is true;"
    assert r.formula and r.formula.text == "NOW, THEREFORE, BE IT"
    assert at(r, r.formula.span) == "NOW, THEREFORE, BE IT"
    assert texts(r.resolved) == [
        "RESOLVED, that the first action be taken; and",
        "Be it further resolved, that the second action be taken.",
    ]
    assert r.resolved[1].keyword.text == "Be it further resolved, that"


def test_formula_at_the_end_of_the_last_recital():
    r = one("Whereas the budget is short; now, therefore, be it\n\nResolved, that we cut nothing.\n")
    assert r.preamble[0].text == "Whereas the budget is short"
    assert r.formula and r.formula.text == "; now, therefore, be it"
    assert r.resolved[0].text == "Resolved, that we cut nothing."


@pytest.mark.parametrize(
    "connector",
    [
        # a Philippine council's connector paragraph: who moved it, then "be it"
        "WHEREFORE, on motion of Hon. Ana M. Cruz, duly seconded by Hon. Ben P. Reyes, be it",
        "NOW, THEREFORE, upon motion of Hon. Ana Cruz, duly seconded by Hon. Ben Reyes, be it",
        "WHEREFORE, premises considered, be it",
        "WHEREFORE, BE IT",
    ],
)
def test_a_connector_paragraph_that_names_the_motion_is_the_formula(connector: str) -> None:
    text = (
        "WHEREAS, the City needs an agreement;\n\nWHEREAS, the agreement is ready;\n\n"
        f"{connector}\n\nRESOLVED, as it is hereby RESOLVED, to authorize the Mayor to sign it;\n\n"
        "RESOLVED FURTHER, that copies be sent to the offices concerned.\n"
    )
    r = one(text)
    assert r.formula is not None and r.formula.text == connector and at(r, r.formula.span) == connector
    assert texts(r.preamble) == ["WHEREAS, the City needs an agreement;", "WHEREAS, the agreement is ready;"]
    assert [c.text[:35] for c in r.resolved] == [
        "RESOLVED, as it is hereby RESOLVED,",
        "RESOLVED FURTHER, that copies be se",
    ]


def test_a_therefore_paragraph_without_be_it_is_no_connector() -> None:
    text = "WHEREAS, the plan is ready;\n\nTHEREFORE, on motion of the Parks Committee, the Council adopts the plan.\n"
    r = one(text)
    assert r.formula is None
    assert r.resolved[0].text == "THEREFORE, on motion of the Parks Committee, the Council adopts the plan."


def test_no_preamble_at_all():
    r = one("Resolved, That the Society thanks its volunteers.\n")
    assert r.preamble == () and r.formula is None
    assert texts(r.resolved) == ["Resolved, That the Society thanks its volunteers."]


def test_text_without_a_resolution():
    assert whereas.parse("Minutes of the meeting.\n\nThe chair opened the meeting at 7pm.\n") == []


def test_ny_style_wrapped_clauses_double_spaces_sponsor_title_block_and_items():
    r = one(TEXT_FIXTURES / "wrapped_ny.txt")
    # the indented title block, white space folded
    # the printed title block: the resolution's number (above the BY: line) and its name
    assert r.title and r.title.text == (
        "Senate Resolution No. 99 MEMORIALIZING Governor Jane Doe to proclaim May 1, 2030, as Reading Day in the State"
    )
    assert r.sponsors.others == ("Senator QUILL",)
    assert r.preamble[0].text == (
        "WHEREAS, It is the sense of this Legislative Body to honor those who read to children in libraries "
        "across the State; and"
    )
    # a clause wrapped over a blank line in mid-sentence stays whole ("… State of New" / "York.")
    assert (
        r.resolved[1].text
        == "RESOLVED, That a copy of this Resolution be transmitted to the Governor of the State of New York."
    )
    assert r.resolved[0].text.endswith("as Reading Day; and be it further")
    # items a. and b.; "(2)" at the start of a wrapped line is not an item
    assert [(i.label, i.text) for i in r.preamble[1].items] == [
        ("a", "reading aloud improves literacy; and"),
        ("b", "libraries host such readings (1) in the morning and (2) in the evening"),
    ]
    assert at(r, r.preamble[1].items[0].span).startswith("a.  reading aloud")
    assert r.formula and r.formula.text == "; now, therefore, be it"
    pos = r.position(r.preamble[0].span.start)
    assert (pos.line, pos.column) == (8, 3)
    assert_clean(r)


def test_numbered_action_items_and_keyword_only_lines():
    text = (
        "Whereas...\n\n1. the members asked for it.\n\n2. the board agreed.\n\n"
        "IT WAS RESOLVED THAT:\n\n"
        "<!-- the decision -->\n\n"
        "1. The board adopts the plan.\n\n2. The board funds the plan.\n"
    )
    r = one(text)
    assert [i.label for i in r.preamble[0].items] == ["1", "2"]
    [res] = r.resolved
    assert res.keyword.text == "IT WAS RESOLVED THAT"
    assert [(i.label, i.text) for i in res.items] == [
        ("1", "The board adopts the plan."),
        ("2", "The board funds the plan."),
    ]
    assert "the decision" not in res.text


def test_bullet_member_list_and_further_resolved():
    text = (
        "WHEREAS, the Board wants a project committee.\n\n"
        "NOW, THEREFORE, BE IT RESOLVED, that the committee be established; and be it further\n\n"
        "RESOLVED, that the persons listed below be appointed:\n\n"
        "* Ann Ample\t\t<ann@example.org>\n* Bo Brand\t<bo@example.org>\n\n"
        "NOW, THEREFORE, BE IT FURTHER RESOLVED, that Ann Ample chair it.\n"
    )
    r = one(text)
    assert len(r.resolved) == 3
    assert [(i.label, i.text) for i in r.resolved[1].items] == [
        ("*", "Ann Ample <ann@example.org>"),
        ("*", "Bo Brand <bo@example.org>"),
    ]
    assert r.resolved[2].keyword.text == "NOW, THEREFORE, BE IT FURTHER RESOLVED, that"
    assert r.formula and r.formula.text == "NOW, THEREFORE, BE IT"


# -- quotations -----------------------------------------------------------------------------------


def test_curly_straight_and_nested_quotes():
    text = (
        "Whereas the Poets Guild has said “a library is a “commons” of the mind”; and\n\n"
        "Whereas the mayor said \"we will 'look into it'\" and then did nothing;\n\n"
        "Resolved, that the Guild be thanked.\n"
    )
    r = one(text)
    q1, q2 = r.quotations
    assert (q1.text, q1.open_mark, q1.close_mark, q1.speaker, q1.clause) == (
        "a library is a “commons” of the mind",
        "“",
        "”",
        "Poets Guild",
        "preamble[0]",
    )
    assert (q2.text, q2.open_mark, q2.clause) == ("we will 'look into it'", '"', "preamble[1]")
    for q in r.quotations:
        assert at(r, q.span) == q.text


def test_a_curly_quotation_holding_a_straight_quoted_one_is_not_cut_at_the_inner_mark():
    text = (
        'Whereas the council wrote “the mayor called it "a disaster" for the city”; and\n\n'
        'Whereas the clerk wrote “the vote was final"; and\n\n'  # a curly opening closed by a straight mark
        "Whereas the mayor said “we agree” and “we do not”;\n\n"
        "Resolved, that the council be thanked.\n"
    )
    r = one(text)
    assert [q.text for q in r.quotations] == [
        'the mayor called it "a disaster" for the city',
        "the vote was final",
        "we agree",
        "we do not",
    ]
    for q in r.quotations:
        assert at(r, q.span) == q.text


def test_a_straight_quotation_holding_a_quotation_is_not_cut_at_the_inner_mark():
    text = (
        'Whereas the council wrote "the mayor called it “a disaster” for the city"; and\n\n'
        'Whereas Rule 50 is amended to read "bills recommended "do pass" by the committee are reported"; and\n\n'
        'Whereas the clerk said "we agree" and "we do not";\n\n'
        "Resolved, that the council be thanked.\n"
    )
    r = one(text)
    assert [q.text for q in r.quotations] == [
        "the mayor called it “a disaster” for the city",
        'bills recommended "do pass" by the committee are reported',
        "we agree",
        "we do not",
    ]
    for q in r.quotations:
        assert at(r, q.span) == q.text


def test_a_page_heading_above_a_sentence_that_introduces_the_resolution_is_not_its_title():
    page = (
        "<html><body><h1>A Crisis in Governance</h1><p>Special meeting of the College Council</p>"
        "<h2>Supporting documents</h2><p>Comparison of governance plans</p>"
        "<h3>Statements by departments</h3><p>The Psychology Department endorsed this:</p>"
        "<p>Whereas, the President proposed a new governance plan without consultation;</p>"
        "<p>Be it resolved that the Department opposes the plan.</p></body></html>"
    )
    r = one_html(page)
    assert r.title is None and r.reproduced
    named = page.replace("<h3>Statements by departments</h3>", "<h3>Resolution on the Governance Plan</h3>")
    assert one_html(named).title.text == "Resolution on the Governance Plan"


@pytest.mark.parametrize(
    ("intro", "reproduced"),
    [
        # a presbytery's overture asks in its own words: the resolution is its own, not reproduced
        (
            "The Presbytery of Cascade Hills respectfully overtures the 226th General Assembly to do the following:",
            False,
        ),
        ("The Synod of the Upper Prairie memorializes the Churchwide Assembly to do the following:", False),
        # a reporter's sentence that introduces it: reproduced, as before
        ("The Presbytery adopted the following resolution:", True),
    ],
)
def test_an_overtures_own_request_does_not_make_it_reproduced(intro: str, reproduced: bool) -> None:
    r = one(f"Overture 12: On Rural Ministry\n\n{intro}\n\nWhereas parks matter;\n\nResolved, that we fund parks.\n")
    assert r.reproduced is reproduced


def test_a_citys_long_title_in_capitals_joins_the_number_above_it():
    long_title = (
        "AN ORDINANCE OF THE CITY OF SPRINGFIELD AMENDING THE GENERAL PLAN TO ADD A POLICY REQUIRING VOTER APPROVAL "
        + "FOR CERTAIN CHANGES TO THE LAND USE DESIGNATIONS OF PROPERTIES SHOWN ON THE LAND USE MAP " * 4
        + "AND ENACTING THE RIGHT TO VOTE ORDINANCE"
    )
    assert len(long_title.split()) > 60
    text = (
        f"ORDINANCE NO. 2008\n\n{long_title}\n\nWHEREAS, the City wishes to protect farmland;\n\n"
        "NOW, THEREFORE, THE PEOPLE OF THE CITY DO HEREBY ORDAIN AS FOLLOWS:\n\n"
        "Section 1. The General Plan is amended.\n"
    )
    r = one(text)
    assert r.title is not None and r.title.text == f"ORDINANCE NO. 2008 {long_title}"


def test_markdown_whose_paragraphs_are_html_blocks(tmp_path: Path) -> None:
    """A site's page kept as Markdown with its HTML (a JBake header, <p> blocks, a <ul> list): read as its words."""
    page = tmp_path / "charter.md"
    page.write_text(
        "title=Charter\nstatus=published\n~~~~~~\n\n<h1>Charter</h1>\n\n"
        '<p><span class="caps">WHEREAS, </span>the Board deems it in the best interests of the Foundation to act;</p>\n\n'
        '<p><span class="caps">NOW, THEREFORE,</span> BE IT <span class="caps">RESOLVED, </span>that a committee be established; and be it further</p>\n\n'
        '<p><span class="caps">RESOLVED, </span>that the persons listed below be appointed:</p>\n\n'
        "<ul>\n<li>Jane Roe</li>\n<li>John Doe</li>\n</ul>\n",
        encoding="utf-8",
    )
    r = one(page)
    assert texts(r.preamble) == ["WHEREAS, the Board deems it in the best interests of the Foundation to act;"]
    assert [c.text.split(",")[0] for c in r.resolved] == ["RESOLVED", "RESOLVED"]
    assert r.resolved[1].text.endswith("be appointed: Jane Roe John Doe")
    assert r.title is not None and r.title.text == "Charter"
    for c in r.clauses:
        assert c.text.split()[-1] in at(r, c.span)


def test_a_paragraph_number_printed_alone_on_its_line_opens_its_paragraph() -> None:
    """A PDF's text puts each operative paragraph's number on a line of its own."""
    text = (
        "Report of the Agency\n\nThe General Assembly,\n\nHaving received the report of the Agency for 2024,1\n\n"
        "Recognizing the importance of the work of the Agency,\n\n"
        "1. \nTakes note with appreciation of the report of the\nAgency;\n\n"
        "2.\nTakes note of resolutions GC(69)/RES/9 A.2, entitled “Support to the Union”, and\n"
        "GC(69)/RES/9 A.3, entitled “Zoonotic Disease”;\n\n"
        "3.\nRequests the Secretary-General to transmit the present resolution.\n\n"
        "_______________\n\n1 See A/80/348.\n"
    )
    r = one(text)
    assert len(r.preamble) == 2
    assert [c.text.split(".")[0] for c in r.resolved] == ["1", "2", "3"]
    assert r.resolved[0].text == "1. Takes note with appreciation of the report of the Agency;"
    assert [n.id for n in r.notes] == ["1"]  # "A.2" and "A.3" are resolutions' numbers, not call-outs
    assert [m.note for m in r.preamble[0].markers] == ["1"]


def test_a_california_caption_box_is_read_down_its_columns() -> None:
    text = (
        "BEFORE THE BOARD OF SUPERVISORS\nOF THE COUNTY OF SAN BENITO\n\n"
        "IN THE MATTER OF AUTHORIZING THE          )\n"
        "COUNTY ADMINISTRATIVE OFFICER TO SIGN     )    RESOLUTION NO. 2025-112\n"
        "A GRANT AGREEMENT                         )\n\n"
        "WHEREAS, the State has made funds available;\n\nNOW, THEREFORE, BE IT RESOLVED that the Officer sign it.\n"
    )
    r = one(text)
    assert r.title is not None and r.title.text == (
        "RESOLUTION NO. 2025-112 IN THE MATTER OF AUTHORIZING THE COUNTY ADMINISTRATIVE OFFICER TO SIGN A GRANT AGREEMENT"
    )
    assert at(r, r.title.span).startswith("IN THE MATTER OF") and at(r, r.title.span).endswith(")")


def test_a_parenthesis_closing_a_title_line_is_no_caption_box() -> None:
    text = "Resolution on Parks (Revised)\nand Playgrounds (2025)\n\nWhereas parks matter;\n\nResolved, that we fund parks.\n"
    r = one(text)
    assert r.title is not None and r.title.text == "Resolution on Parks (Revised) and Playgrounds (2025)"


def test_city_title_forms_in_capitals() -> None:
    directing = (
        "RESOLUTION DIRECTING THE CITY MANAGER TO ESTABLISH AN OPEN DATA PROGRAM, IMPLEMENT A PLAN TO DEVELOP "
        "REASONABLE PRACTICES, REQUIRE DEPARTMENT DIRECTORS TO COMPILE DATA IN APPROVED FORM, DEVELOP A SYSTEM FOR "
        "USE AND DISSEMINATION OF DATA AND REPORT TO COUNCIL."
    )
    text = f"{directing}\n\nWHEREAS, the City seeks open data; and\n\nWHEREAS, data serves the public;\n\nNOW, THEREFORE, BE IT RESOLVED, that the program be established.\n"
    assert one(text).title.text == directing
    blank = (
        "**Open Data Policy**\n\n[http://example.org/how-to](http://example.org/how-to)\n\n**RESOLUTION NO. (2013) ____**\n\n"
        "**A RESOLUTION INDICATING THE INTENT OF THE CITY TO CREATE AN OPEN GOVERNMENT**\n\n"
        "**WHEREAS, **the City is committed to open government; now, therefore,\n\n"
        "**BE IT RESOLVED** that the City adopts the policy.\n"
    )
    title = one(blank).title.text
    assert (
        title
        == "RESOLUTION NO. (2013) ____ A RESOLUTION INDICATING THE INTENT OF THE CITY TO CREATE AN OPEN GOVERNMENT"
    )


def test_an_enacting_line_printed_above_the_recitals_heads_the_resolution() -> None:
    text = (
        "RESOLUTION ADOPTING\n\nCITY OF FARGO OPEN DATA POLICY\n\n"
        "BE IT RESOLVED BY THE BOARD OF CITY COMMISSIONERS OF THE CITY OF FARGO:\n\nRESOLUTION\n\n"
        "WHEREAS, much of the data collected by the City is hard to use; and\n\n"
        "WHEREAS, open data saves staff time;\n\n"
        "NOW, THEREFORE BE IT RESOLVED, that the City adopts the open data policy.\n"
    )
    r = one(text)
    assert r.title.text == "RESOLUTION ADOPTING CITY OF FARGO OPEN DATA POLICY"
    assert len(r.preamble) == 2 and texts(r.resolved) == ["RESOLVED, that the City adopts the open data policy."]


def test_a_un_resolution_across_a_page_break() -> None:
    """A UN resolution extracted page by page: its name under its symbol, and an operative paragraph after the
    page's footnote and the next page's running header."""
    text = (
        "United Nations A/RES/80/2\n\nGeneral Assembly Distr.: General 15 October 2025\n\n"
        "[on the report of the Fifth Committee (A/80/401, para. 6)]\n\n"
        "80/2. Scale of assessments for the apportionment of the expenses of the United Nations: requests under Article 19\n\n"
        "The General Assembly,\n\nHaving considered chapter V of the report of the Committee,1\n\n"
        "Reaffirming the obligation of Member States to bear the expenses,\n\n"
        "1. Reaffirms its role in accordance with Article 19;\n\n2. Urges all Member States to submit information;\n"
        "---\n\n1  Official Records of the General Assembly, Supplement No. 11.\n\n"
        "A/RES/80/2 Scale of assessments for the apportionment of the expenses of the United Nations\n\n"
        "3. Agrees that the failure to pay was due to conditions beyond their control;\n\n"
        "4. Decides that the Member States shall be permitted to vote.\n"
    )
    r = one(text)
    assert r.title.text == (
        "Scale of assessments for the apportionment of the expenses of the United Nations: requests under Article 19"
    )
    assert [c.text.split(".")[0] for c in r.resolved] == ["1", "2", "3", "4"]


def test_a_fenced_block_inside_a_list_item_is_quoted_text_of_its_clause() -> None:
    text = (
        "# RESOLUTIONS OF THE BOARD OF DIRECTORS\n\n## IT WAS RESOLVED THAT\n"
        "1. The directors approve the allocation of surplus capital.\n\n"
        "2. The directors approve an amendment of the bylaws:\n\n"
        "    From:\n    ```txt\n    1. Qualifications for Membership:\n         A. is an employee of the Co-operative;\n    ```\n"
        "    to:\n    ```txt\n    1. Qualifications for Membership:\n        A. is an employee or contractor of the Co-operative;\n    ```\n"
    )
    r = one(text)
    assert r.resolved[-1].text.endswith("A. is an employee or contractor of the Co-operative;")
    assert [q.block for q in r.quotations] == [True, True]


def test_a_gpo_text_files_back_page_and_end_mark_are_not_the_last_items() -> None:
    text = (
        "    [Congressional Bills 117th Congress]\n\n                                  Calendar No. 19\n"
        "    S. RES. 99\n\n        Observing the anniversary of the uprising.\n\n"
        "                 Reported by Mr. Menendez, without amendment\n\n"
        "    Whereas the uprising began in March 2011; and\n\n    Whereas it goes on: Now, therefore, be it\n\n"
        "    Resolved, That the Senate--\n            (1) observes the anniversary;\n"
        "            (2) calls for a government that\n        serves all.\n\n\n\n\n"
        "                                  Calendar No. 19\n\n    117th CONGRESS\n\n"
        "        Observing the anniversary of the uprising.\n\n                Reported without amendment\n"
        "                                     &lt;all&gt;\n"
    )
    r = one(text)
    assert r.resolved[-1].items[-1].text == "calls for a government that serves all."
    assert r.title is None or "Reported" not in r.title.text


def test_html_paragraphs_on_one_line_of_markdown_are_paragraphs(tmp_path: Path) -> None:
    page = tmp_path / "resolution.md"
    page.write_text(
        "---\nlayout: default\n---\n\n"
        "<p>RESOLUTION NO. 2015-</p> <p>WHEREAS, open data improves services; and</p> "
        "<p>WHEREAS, the City collects data;</p> <p>NOW, THEREFORE, BE IT RESOLVED:</p> "
        "<p>Section 1: The City adopts an open data policy.</p> <p>Section 2: The City Manager reports each year.</p>\n",
        encoding="utf-8",
    )
    r = one(page)
    assert texts(r.preamble) == ["WHEREAS, open data improves services; and", "WHEREAS, the City collects data;"]
    assert [c.text.split(":")[0] for c in r.resolved] == ["Section 1", "Section 2"]


def test_a_resolving_keyword_line_enacts_the_sections_under_it() -> None:
    text = (
        "RESOLUTION NO. 2015-\n\nWHEREAS, open data improves services; and\n\nWHEREAS, the City collects data;\n\n"
        "NOW, THEREFORE, BE IT RESOLVED:\n\nSection 1: The City adopts an open data policy.\n\n"
        "Section 2: The City Manager reports each year.\n"
    )
    r = one(text)
    assert r.formula.text == "NOW, THEREFORE, BE IT RESOLVED:"
    assert texts(r.resolved) == [
        "Section 1: The City adopts an open data policy.",
        "Section 2: The City Manager reports each year.",
    ]


def test_a_title_block_with_no_blank_line_under_it_is_no_recital() -> None:
    text = (
        "SENATE CONCURRENT RESOLUTION NO. 22\nRelating to missions of institutions of higher\neducation.\n"
        "Whereas, Missouri state law provides a process that\nstate colleges may use to seek a mission; and\n"
        "Whereas, the Board approved the change;\nNow, therefore, be it\n"
        "Resolved, that the Senate approves the mission change.\n"
    )
    r = one(text)
    assert (
        r.title.text == "SENATE CONCURRENT RESOLUTION NO. 22 Relating to missions of institutions of higher education."
    )
    assert len(r.preamble) == 2


def test_block_quote_inside_a_clause():
    text = (
        "WHEREAS, the charter of the Society reads:\n\n"
        "> The Society shall meet once a year\n> in the capital.\n\n"
        "RESOLVED, that the Society meet in Springfield.\n"
    )
    r = one(text)
    [q] = r.quotations
    assert q.block and q.clause == "preamble[0]"
    assert q.text == "The Society shall meet once a year in the capital."
    assert "The Society shall meet once a year" in at(r, q.span)


def test_a_resolution_pasted_into_an_email_reply_has_no_block_quotations_of_its_own_lines() -> None:
    # every line of the pasted resolution starts with "> ": a clause's wrapped lines are its text, not a
    # block quotation inside it
    text = (
        "Here is the final text.\n\n"
        "> WHEREAS, the playground has no\n> accessible route; and\n>\n"
        "> WHEREAS, the PTA raised $18,400;\n>\n"
        "> NOW, THEREFORE, BE IT RESOLVED, that the PTA\n> contribute $12,000 toward a ramp.\n"
    )
    r = one(text)
    assert texts(r.preamble)[0] == "WHEREAS, the playground has no accessible route; and"
    assert r.resolved[0].text == "RESOLVED, that the PTA contribute $12,000 toward a ramp."
    assert r.quotations == ()


def test_statute_block_after_provides_as_follows_and_placeholder_before_keyword():
    r = one(TEXT_FIXTURES / "statute_block.md")
    assert r.title and r.title.text == "RESOLUTION NO. 7 STREET LIGHTING SERVICES"  # the number heading above joins it
    assert len(r.preamble) == 2
    [q] = r.quotations
    assert q.block and q.speaker == "ORS 999.100" and q.clause == "preamble[0]"
    assert q.text == "Section 1. A city shall provide street lighting in every district with more than 500 residents."
    assert at(r, q.span) == q.text
    assert r.formula and r.formula.text == ", now, therefore,"
    [res] = r.resolved
    assert res.text == "BE IT RESOLVED, that the City will light the north district."
    assert "Approved" not in res.text


# -- several resolutions, resolutions inside other texts ------------------------------------------


def test_several_resolutions_in_details_blocks():
    first, second = whereas.parse(TEXT_FIXTURES / "several.md")
    assert first.title and first.title.text == "Bike Lanes on Main Street"
    assert second.title and second.title.text == "Meeting Childcare"
    assert first.sponsors.others == ("Priya N, Eastside Chapter",)
    assert len(first.preamble) == 2 and len(second.preamble) == 1
    assert first.formula and first.formula.text == "Therefore be it"
    # "; and Be it further resolved, …" inside a paragraph starts a new clause; "Finally resolved" too
    assert texts(first.resolved) == [
        "resolved, the chapter will campaign for protected bike lanes; and",
        "Be it further resolved, the chapter will publish the injury data.",
        "Finally resolved, that the campaign report back in six months.",
    ]
    assert at(first, first.resolved[1].span) == "Be it further resolved, the chapter will publish the injury data."
    assert first.position(first.resolved[1].span.start).line == first.position(first.resolved[0].span.start).line
    # a resolving "THEREFORE," paragraph right after the recitals, with its numbered items
    [res] = second.resolved
    assert res.keyword.text == "THEREFORE,"
    assert [i.label for i in res.items] == ["1", "2"]
    assert "</details>" not in res.text and "Justification" not in res.text
    assert first.span.end <= second.span.start


def test_resolution_quoted_inside_a_news_article():
    r = one(TEXT_FIXTURES / "blog_quote.md")
    assert r.title and r.title.text == "Ministers Adopt a Resolution"
    [res] = r.resolved
    # the article's quotation marks around the resolution are not the resolution's
    assert res.text == (
        "Resolved, That we ask the council to close the market on Sunday, and request our members to "
        '"keep the day quietly" as far as may be practicable.'
    )
    assert res.keyword.text == "Resolved, That"
    assert [q.text for q in r.quotations] == ["keep the day quietly"]
    assert "strange request" not in res.text


def test_scraped_page_with_keyword_lines_and_stray_headings():
    r = one(TEXT_FIXTURES / "union_scraped.md")
    assert texts(r.preamble) == [
        "WHEREAS, workers in the warehouses suffered heat stroke this summer; and",
        "WHEREAS, the employer has refused to install fans",
    ]
    assert r.formula and r.formula.text == "; therefore be it"
    assert texts(r.resolved) == [
        "RESOLVED, that this local demands fans and water breaks in every warehouse of the Riverside district; "
        "and be it further",
        "RESOLVED, that this local contributes $_____ to the heat relief fund.",
    ]
    assert_clean(r)


def test_sponsor_lines():
    text = (
        "Title: ignored\n\n"
        "Resolution on Parks\n\n"
        "Moved by: Alex Moss\nSeconded by: Bea Ng\nSponsors: Carla Diaz; Dev Patel\n\n"
        "Whereas parks matter;\n\nResolved, that we fund parks.\n"
    )
    r = one(text)
    assert r.sponsors.mover == "Alex Moss"
    assert r.sponsors.seconder == "Bea Ng"
    assert r.sponsors.others == ("Carla Diaz", "Dev Patel")
    assert r.sponsors.span and at(r, r.sponsors.span).startswith("Moved by: Alex Moss")


@pytest.mark.parametrize(
    ("head", "tail", "mover", "seconder"),
    [
        # a council's condolence motion: the lines under the title, no colons
        (
            "Moved by Councillor Singh\nSeconded by Councillor Tremblay\n\n",
            "",
            "Councillor Singh",
            "Councillor Tremblay",
        ),
        # minutes: both on one line after the clauses
        (
            "",
            "\nMoved by Alderman Pecoraro, seconded by Alderman Zadzilka.\n",
            "Alderman Pecoraro",
            "Alderman Zadzilka",
        ),
        ("", "\n*MOVED BY Dana Ruiz*\n", "Dana Ruiz", None),
    ],
)
def test_moved_and_seconded_by_without_a_colon(head: str, tail: str, mover: str, seconder: str | None) -> None:
    text = f"Resolution on Parks\n\n{head}Whereas parks matter;\n\nResolved, that we fund parks.\n{tail}"
    r = one(text)
    assert (r.sponsors.mover, r.sponsors.seconder) == (mover, seconder)
    assert r.title is not None and r.title.text == "Resolution on Parks"
    assert r.resolved[0].text == "Resolved, that we fund parks."


def test_a_wrapped_line_of_prose_that_says_moved_by_is_no_sponsor_line() -> None:
    text = (
        "Whereas the motion to build the park was\nmoved by the Parks Committee in 2019;\n\n"
        "Whereas the plan was\nSeconded by many residents at the hearing;\n\n"
        "Resolved, that we fund parks.\n"
    )
    r = one(text)
    assert r.sponsors.mover is None and r.sponsors.seconder is None
    assert r.preamble[0].text.endswith("moved by the Parks Committee in 2019;")


def test_submitted_by_in_emphasis_without_a_colon() -> None:
    text = (
        "# Amending the Bylaws\n\n*Submitted by the Governance Committee*\n\n"
        "Whereas terms are long;\n\nResolved, that terms be shorter.\n"
    )
    assert one(text).sponsors.submitted_by == "the Governance Committee"


def test_same_sponsor_named_twice_is_one_person():
    text = "**Sponsor:** Iwen Chu\n\nBY: Senator CHU\n\nWHEREAS, libraries matter;\n\nRESOLVED, That we say so.\n"
    assert one(text).sponsors.others == ("Iwen Chu",)


def test_positions_line_and_column():
    text = "Intro line\n\n   Whereas x is y;\n\nResolved, that z.\n"
    r = one(text)
    c = r.preamble[0]
    assert (r.position(c.span.start).line, r.position(c.span.start).column) == (3, 4)
    assert at(r, c.span) == "Whereas x is y;"
    assert r.source.line_text(3) == "   Whereas x is y;"


# -- the seed ---------------------------------------------------------------------------------------

SEED_SPEAKERS = [
    "American Library Association",
    "American Civil Liberties Union",
    "American Civil Liberties Union",
    "Amnesty International",
    "Amnesty International",
    "PEN International",
]


def check_seed(r: Resolution, ids: tuple[str, ...] = ("1", "2", "3", "4", "5")) -> None:
    """The seed's structure; ``ids``: its five notes' labels as its format shows them."""
    assert len(r.preamble) == 7
    assert len(r.resolved) == 1
    assert [n.id for n in r.notes] == list(ids)
    urls = [n.url for n in r.notes]
    assert (
        urls[0]
        == "https://www.ala.org/united/sites/ala.org.united/files/content/trustees/orgtools/policies/ALA-code-of-ethics.pdf"
    )
    assert urls[1] == "https://www.aclu.org/press-releases/aclu-comment-julian-assange-extradition-ruling"
    assert urls[2] and urls[2].startswith("https://www.amnesty.org/en/latest/news/2021/12/us-uk-travesty-of-justice")
    assert (
        urls[3]
        == "https://pen-international.org/news/uk-usa-pen-centres-condemn-decision-to-allow-the-extradition-of-julian-assange"
    )
    assert urls[4] and urls[4].startswith("https://rsf.org/en/news/rsf-condemns-uk-high-courts-decision")
    assert [q.note for q in r.quotations] == [ids[k] for k in (0, 1, 1, 2, 2, 3)]
    assert [q.speaker for q in r.quotations] == SEED_SPEAKERS
    assert r.resolved[0].text.startswith("RESOLVED, that the American Library Association (ALA)")
    for c in r.clauses:
        assert "endnoteRef" not in c.text and "[1:" not in c.text
        for n in r.notes:
            assert n.text not in c.text
            assert (n.url or "~") not in c.text


@needs_seed
def test_seed_text():
    r = one(SEED)
    check_seed(r)
    assert r.preamble[5].notes == ("5",)
    assert r.preamble[5].text.endswith("protected under international human rights law; and")
    assert r.formula and "now, therefore be it" in r.formula.text
    assert_clean(r)


@needs_seed
def test_seed_docx():
    check_seed(one(SEED_DOCX), ids=("i", "ii", "iii", "iv", "v"))  # its endnotes as Word numbers them by default


def test_a_notes_section_whose_notes_wrap_onto_unindented_lines() -> None:
    """A PDF's text layer wraps long notes without indenting them; a blank line ends the section."""
    text = (
        "Resolution on X\n\nWhereas a [1]; and\n\nWhereas b [2]; now, therefore, be it\n\nResolved, that c.\n\n"
        "Notes\n1. First note that wraps\nonto a second line.\n2. Second note https://example.org/x\n\n"
        "Unrelated trailing paragraph.\n"
    )
    [r] = whereas.parse(text)
    assert [(n.id, n.text) for n in r.notes] == [
        ("1", "First note that wraps onto a second line."),
        ("2", "Second note https://example.org/x"),
    ]
    assert r.notes[1].url == "https://example.org/x"


def test_a_resolving_clause_that_goes_on_after_its_list_keeps_the_rest() -> None:
    [r] = whereas.parse(
        "Resolution on Plain Language\n\n"
        "Resolved, that the Council urges departments to write plainly, using such techniques as:\n\n"
        "- short sentences;\n- the active voice; and\n- tables.\n\n"
        "To avoid problems in the use of these techniques, departments should:\n\n"
        "- test drafts with readers; and\n- explain every change.\n"
    )
    [clause] = r.resolved
    assert [i.text for i in clause.items] == [
        "short sentences;",
        "the active voice; and",
        "tables.",
        "test drafts with readers; and",  # the second list's items follow on
        "explain every change.",
    ]
    assert "departments should:" in clause.text and clause.text.endswith("explain every change.")


def test_a_list_of_actions_is_no_block_quotation() -> None:
    base = (
        "Resolution on Welcome\n\n"
        "Whereas the city welcomes all people; now, therefore,\n\n"
        "BE IT RESOLVED, that the Council shall {intro}\n\n"
        "Work with community groups to promote dialogue;\n\n"
        "Celebrate diversity in every ward.\n"
    )
    [r] = whereas.parse(base.format(intro="do the following:"))
    assert r.quotations == ()
    [r] = whereas.parse(base.format(intro="adopt the rule, which reads as follows:"))
    assert [q.block for q in r.quotations] == [True]


def test_a_resolution_number_above_its_name_heads_the_title_block() -> None:
    [r] = whereas.parse(
        "PREPARED BY: Jane Roe, Assistant Superintendent\n\n"
        "RESOLUTION NO. 2987\n\n"
        "RESOLUTION OF THE BOARD IMPLEMENTING\nSOCIAL DISTANCING PROTOCOLS\n\n"
        "WHEREAS, the county issued an order; now, therefore, be it\n\nRESOLVED, that the board adopts the protocols.\n"
    )
    assert r.title is not None
    assert r.title.text == "RESOLUTION NO. 2987 RESOLUTION OF THE BOARD IMPLEMENTING SOCIAL DISTANCING PROTOCOLS"


def test_two_resolutions_numbered_at_page_tops_are_no_running_header() -> None:
    page = "RESOLUTION NO. {n}\n\nRESOLUTION ON {name}\n\nWHEREAS, the board met; now, therefore, be it\n\nRESOLVED, that it acts.\n\nADOPTED: April 14, 2020\n"
    text = page.format(n=2986, name="BOUNDARIES") + "\f" + "Attachment A\n\n" + page.format(n=2987, name="PROTOCOLS")
    titles = [r.title.text if r.title else None for r in whereas.parse(text)]
    assert titles == ["RESOLUTION NO. 2986 RESOLUTION ON BOUNDARIES", "RESOLUTION NO. 2987 RESOLUTION ON PROTOCOLS"]


def test_said_as_the_drafting_adjective_names_no_speaker() -> None:
    [r] = whereas.parse(
        "Resolution on Hong Kong\n\n"
        "Whereas the Committee has inserted a law into Annex III of the Basic Law of Hong Kong, and said law is "
        "intended to punish “subverting state power”; now, therefore, be it\n\nResolved, that the House objects.\n"
    )
    [q] = r.quotations
    assert q.text == "subverting state power" and q.speaker is None


def test_a_term_in_quotes_with_its_meaning_is_no_quotation() -> None:
    [r] = whereas.parse(
        "Resolution on Trustee Areas\n\n"
        "WHEREAS, each trustee is elected “at-large,” meaning that the whole district votes; now, therefore, be it\n\n"
        "RESOLVED, that the board adopts trustee areas.\n"
    )
    assert r.quotations == ()


_RATES = (
    "Resolution on Rates\n\n"
    "WHEREAS, revisions to the rates are necessary to reflect the cost of\n\nservice, including:\n\n"
    "{b}Schedule 1 (Scheduling Service); and\n\n{b}Schedule 2 (Reactive Supply Service); and\n\n"
    "{b}Schedule 3 (Regulation Service); now, therefore, be it\n\n"
    "RESOLVED, that the rates are revised.\n"
)


def test_an_unlabelled_indented_list_stays_in_the_clause_that_introduces_it() -> None:
    [r] = whereas.parse(_RATES.format(b="      "))
    assert len(r.preamble) == 1
    assert r.preamble[0].text.endswith("Schedule 3 (Regulation Service)")


def test_a_symbol_font_bullet_is_a_bullet() -> None:
    """Word's Symbol bullet survives a conversion as the private-use U+F0B7."""
    [r] = whereas.parse(_RATES.format(b="\uf0b7 "))
    assert [(i.label, i.text) for i in r.preamble[0].items] == [
        ("•", "Schedule 1 (Scheduling Service); and"),
        ("•", "Schedule 2 (Reactive Supply Service); and"),
        ("•", "Schedule 3 (Regulation Service)"),
    ]


def test_the_clause_text_after_a_finished_list_is_no_item() -> None:
    [r] = whereas.parse(
        "Resolution on Rates\n\nWhereas costs rose;\n\nNOW, THEREFORE, THE BOARD RESOLVES AS FOLLOWS:\n\n"
        "Section 1. The rates shall be:\n\n  - Schedule 1: $364 per month;\n  - Schedule 2: $87 per month.\n\n"
        "The yearly rates shall be adjusted accordingly.\n\nSection 2. This resolution takes effect at once.\n"
    )
    clause = r.resolved[0]
    assert [i.text for i in clause.items] == ["Schedule 1: $364 per month;", "Schedule 2: $87 per month."]
    assert clause.text.endswith("adjusted accordingly.")


def test_un_operative_paragraphs_with_also_and_further() -> None:
    [r] = whereas.parse(
        "The General Assembly,\n\n"
        "Recalling its resolution 72/3,\n\n"
        "1. Welcomes the report of the Court;\n\n"
        "2. Also welcomes the States that have become parties;\n\n"
        "3. Further requests the Secretary-General to report.\n"
    )
    assert [c.text.split()[:2] for c in r.resolved] == [["1.", "Welcomes"], ["2.", "Also"], ["3.", "Further"]]


def test_print_codes_and_a_footnote_rule_at_a_page_edge_are_no_text() -> None:
    """A UN document's first page ends with its job number and barcode under the footnotes."""
    [r] = whereas.parse(
        "The General Assembly,\n\n"
        "Recalling the Treaty on Outer Space, including the Moon and Other Celestial Bodies, 1\n\n"
        "Recalling also that cooperation remains essential,\n\n"
        "   __________________\n   1 United Nations, Treaty Series, vol. 610, No. 8843.\n\n"
        " 18-18142 (E) 021118\n *1818142*\n\f\n"
        "Expressing its appreciation to the Secretary-General,\n\n"
        "1. Welcomes the report.\n"
    )
    assert [c.text for c in r.preamble] == [
        "Recalling the Treaty on Outer Space, including the Moon and Other Celestial Bodies,",
        "Recalling also that cooperation remains essential,",
        "Expressing its appreciation to the Secretary-General,",
    ]
    assert [(n.id, n.text) for n in r.notes] == [("1", "United Nations, Treaty Series, vol. 610, No. 8843.")]


@pytest.mark.parametrize(
    "clause",
    [
        'Whereas the law says that "libraries are free"',  # no name before the verb
        'Whereas Wilson\'s statement said "peace without victory"',  # a possessive
    ],
)
def test_no_speaker_without_a_name(clause: str) -> None:
    [r] = whereas.parse(f"Resolution on X\n\n{clause}; now, therefore, be it\n\nResolved, that ALA acts.\n")
    [q] = r.quotations
    assert q.speaker is None


def _outline(text: str) -> list[tuple[str, str]]:
    [r] = whereas.parse(text)
    return [(c.kind, c.text) for c in r.clauses]


def test_a_series_of_that_clauses_under_a_resolved_heading() -> None:
    text = (
        "Resolution on Parks\n\nWHEREAS, the parks need care;\n\nTHEREFORE BE IT RESOLVED:\n\n"
        "That the Council thanks the volunteers; and\n\nThat the Council funds the parks; and\n\nThat the clerk sends a copy.\n"
    )
    resolved = [t for k, t in _outline(text) if k == "resolved"]
    assert resolved[1:] == ["That the Council funds the parks; and", "That the clerk sends a copy."]
    assert resolved[0].endswith("That the Council thanks the volunteers; and")


@pytest.mark.parametrize("word", ["IVHEREAS", "VVHEREAS", "WIIEREAS", "WHEREA5", "Wliereas"])
def test_an_ocr_damaged_whereas_is_a_damaged_recital(word: str) -> None:
    [r] = whereas.parse(
        f"Resolution on Parks\n\nWHEREAS, the parks need care; and\n\n{word}, volunteers help; now, therefore, be it\n\n"
        "RESOLVED, that the Council thanks the volunteers.\n"
    )
    assert [c.text for c in r.preamble] == ["WHEREAS, the parks need care; and", f"{word}, volunteers help"]
    assert (r.preamble[1].keyword.damaged, r.preamble[0].keyword.damaged) == (True, False)


def test_whereby_is_no_damaged_whereas() -> None:
    [r] = whereas.parse("Resolution on X\n\nWhereas a;\n\nWhereby the city agrees.\n\nResolved, that b.\n")
    assert len(r.preamble) == 1


def test_a_paragraph_inside_a_list_keeps_the_rest_of_the_list() -> None:
    [r] = whereas.parse(
        "Resolution on Parks\n\nWHEREAS, the parks need care; now, therefore, be it\n\n"
        "RESOLVED, that the Council:\n\n1. thanks the volunteers;\n\nNote: the volunteers gave 500 hours.\n\n"
        "2. funds the parks; and\n\n3. sends a copy to the mayor.\n"
    )
    [clause] = r.resolved
    assert [i.label for i in clause.items] == ["1", "2", "3"]
    assert clause.text.endswith("3. sends a copy to the mayor.")


def test_a_statute_quoted_without_marks_runs_to_the_clause_end() -> None:
    [r] = whereas.parse(
        "Resolution on Parks\n\nWHEREAS, ORS 221.760 provides:\n\n(1) The governing body shall keep parks.\n\n"
        "(2) The parks shall be open to all.\n\nEvery park must be kept clean; now, therefore, be it\n\n"
        "RESOLVED, that the Council thanks the volunteers.\n"
    )
    assert r.preamble[0].text.endswith("Every park must be kept clean")
    assert r.preamble[0].items == ()  # the statute's subsections are the quoted text's
    [q] = r.quotations
    assert q.block and q.text.endswith("Every park must be kept clean")


def test_one_sentence_between_two_recitals_keeps_the_recitals_above() -> None:
    kinds = [
        k
        for k, _ in _outline(
            "Resolution on Parks\n\nWHEREAS, the parks need care; and\n\n"
            "The committee heard testimony from twelve residents in March.\n\n"
            "WHEREAS, volunteers help; now, therefore, be it\n\nRESOLVED, that the Council thanks the volunteers.\n"
        )
    ]
    assert kinds == ["recital", "recital", "resolved"]


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a club's or a senate's page: the body's name on top, the resolution's own heading under it
        (
            "# Rotary Club of Maple Falls\n\n## Resolution 2025-07: Support for Literacy\n\n",
            "Resolution 2025-07: Support for Literacy",
        ),
        (
            "# Academic Senate of Northbridge State University\n\n## Resolution on AI Tools\n\n",
            "Resolution on AI Tools",
        ),
        ("# Presbytery of Cascade Hills\n\n### Overture 12: On Rural Ministry\n\n", "Overture 12: On Rural Ministry"),
        # a heading that is no document's name under the body's name: the top heading, as before
        ("# Rotary Club of Maple Falls\n\n## September meeting\n\n", "Rotary Club of Maple Falls"),
        # the resolution's heading on top stays the title over a body's name below it
        ("# Resolution on Parks\n\n## Parks Committee\n\n", "Resolution on Parks"),
    ],
)
def test_the_resolutions_own_heading_under_its_bodys_name(head: str, title: str) -> None:
    r = one(head + "Whereas parks matter;\n\nResolved, that we fund parks.\n")
    assert r.title is not None and r.title.text == title


def test_a_line_naming_an_overture_is_no_letterhead() -> None:
    text = (
        "Overture 12 from the Presbytery of Cascade Hills\nOn Rural Ministry\n\n"
        "Whereas parks matter;\n\nResolved, that we fund parks.\n"
    )
    r = one(text)
    assert r.title is not None and r.title.text == "Overture 12 from the Presbytery of Cascade Hills On Rural Ministry"


@pytest.mark.parametrize(
    "head",
    [
        "Resolution on Parks\n\n## Background\n\n",  # a heading of the text, between the title and the clauses
        "Resolution on Parks\nBy Jane Reporter\n\n",  # a byline
        "Sponsor(s): Jane Roe\nJohn Doe\n\nResolution on Parks\n\n",  # the sponsors' next name
    ],
)
def test_the_title_above_a_text_heading_a_byline_or_sponsor_names(head: str) -> None:
    [r] = whereas.parse(
        head + "WHEREAS, the parks need care; now, therefore, be it\n\nRESOLVED, that the Council acts.\n"
    )
    assert r.title is not None and r.title.text == "Resolution on Parks"


def test_page_labels_without_page_breaks_are_furniture() -> None:
    text = (
        "Resolution on Parks\n\nWHEREAS, the city\n\n- 2 -\n\nagrees; and\n\nWHEREAS, the parks\n\nPage 3\n\n"
        "need care; now, therefore, be it\n\nRESOLVED, that the Council acts.\n"
    )
    assert [t for _, t in _outline(text)][:2] == ["WHEREAS, the city agrees; and", "WHEREAS, the parks need care"]


def test_be_it_ordained_after_recitals_resolves_and_alone_is_an_ordinance() -> None:
    [r] = whereas.parse(
        "Ordinance on Parks\n\nWHEREAS, the parks need care; now, therefore,\n\n"
        "BE IT ORDAINED by the City Council that the parks be kept.\n"
    )
    [clause] = r.resolved
    assert clause.keyword.form == "enacted"
    assert whereas.parse("Ordinance on Parks\n\nBE IT ORDAINED by the City Council that the parks be kept.\n") == []


def test_the_body_resolves_that() -> None:
    [r] = whereas.parse(
        "Resolution on Parks\n\nWHEREAS, the parks need care;\n\nThe Board of Trustees hereby resolves that the parks be kept.\n"
    )
    [clause] = r.resolved
    assert (clause.keyword.form, clause.keyword.text) == ("resolve", "The Board of Trustees hereby resolves that")


def test_a_double_brace_placeholder_before_the_keyword() -> None:
    [r] = whereas.parse("Resolution on X\n\nWHEREAS, a; now, therefore,\n\n{{signature}}, BE IT RESOLVED, that x.\n")
    assert r.resolved[0].text == "BE IT RESOLVED, that x."


def test_a_long_running_footer_with_the_page_number_is_furniture() -> None:
    footer = (
        "Public Hearing and Action on the District's Proposal Under Education Code Section 5019 to Change   {n}\n"
        "Election Methods, Adopt Trustee Areas Map; Action on Resolution No. CC-22-01\n"
    )
    text = (
        "Resolution No. CC-22-01\n\nWHEREAS, the district held hearings on these dates:\n\n"
        "    •    January 20, 2021 – the board adopted its intent;\n" + footer.format(n=1) + "\f\n"
        "    •    July 14, 2021 – the board launched a survey; now, therefore, be it\n" + footer.format(n=2) + "\f\n"
        "RESOLVED, that the proposal is approved.\n" + footer.format(n=3)
    )
    [r] = whereas.parse(text)
    assert [i.text for i in r.preamble[0].items] == [
        "January 20, 2021 – the board adopted its intent;",
        "July 14, 2021 – the board launched a survey",
    ]
    assert r.resolved[0].text == "RESOLVED, that the proposal is approved."


def test_an_item_line_ending_in_a_colon_does_not_restart_the_list() -> None:
    [r] = whereas.parse(
        "Resolution on Signing\n\nWHEREAS, the bank needs signatories;\n\nBE IT RESOLVED THAT:\n\n"
        "     1. The following persons may act on behalf of the Corporation:\n"
        "          a. to open accounts; and\n          b. to authorize other\n          persons to do the foregoing:\n\n"
        "     2. any person may endorse instruments;\n\n     3. previous authorities are repealed.\n"
    )
    assert [i.label for i in r.resolved[0].items] == ["1", "2", "3"]


def test_a_new_page_after_a_finished_list_ends_the_clause() -> None:
    [r] = whereas.parse(
        "Resolution on Signing\n\nWHEREAS, the bank needs signatories;\n\nBE IT RESOLVED THAT:\n\n"
        "     1. any person may endorse instruments; and\n\n     2. previous authorities are repealed.\n\n\f\n"
        "            Authorized Signatories\n\n            Printed Name    Signature\n"
    )
    assert r.resolved[0].text.endswith("previous authorities are repealed.")


def test_a_quoted_narrative_between_resolving_clauses_starts_another_resolution() -> None:
    """A news report quotes a first resolution, narrates an amendment, then quotes it."""
    rs = whereas.parse(
        "WHEREAS, the barbers observe the sabbath.\n\nResolved, That we sympathize with their efforts.\n\n"
        '"This," says the Daily Pantograph, "brought Rev. Sharpe to his feet, with the following amendment":\n\n'
        "Resolved, That the convention condemns the infringement of religious rights.\n"
    )
    assert [len(r.resolved) for r in rs] == [1, 1]
    assert rs[0].resolved[0].text == "Resolved, That we sympathize with their efforts."


def test_the_following_language_introduces_a_quoted_text_without_items() -> None:
    [r] = whereas.parse(
        "Resolution on Harassment\n\nWHEREAS, the policy needs a committee; now, therefore,\n\n"
        "BE IT RESOLVED, that our Harassment Policy be amended to include the following language:\n\n"
        "D. National Committee\n  a. The committee shall consist of all officers.\n  b. The committee shall train.\n"
    )
    assert r.resolved[0].items == ()


def test_a_run_in_list_of_sentences_after_a_colon() -> None:
    [r] = whereas.parse(
        "Resolution on Regions\n\nWhereas locals need regions; now, therefore, be it\n\n"
        "Resolved, that the Committee shall be organized to: 1) Ensure that every Local is represented by August 2020. "
        "2) Create a sample Regional Constitution. 3) Assist in administering referenda.\n"
    )
    assert [i.text for i in r.resolved[0].items] == [
        "Ensure that every Local is represented by August 2020.",
        "Create a sample Regional Constitution.",
        "Assist in administering referenda.",
    ]


def test_therefore_paragraphs_after_a_therefore_be_it_resolved() -> None:
    [r] = whereas.parse(
        "Resolution on Labor\n\nWhereas workers organize;\n\nTherefore be it resolved that the DSLC will focus on strategy.\n\n"
        "Therefore, the DSLC will create materials.\n\nTherefore: The DSLC will create committees.\n\n"
        "Therefore the national organization will help.\n"
    )
    assert [c.keyword.form for c in r.resolved] == ["resolved", "therefore", "therefore", "therefore"]


def test_the_stated_vision_names_no_speaker() -> None:
    [r] = whereas.parse(
        "Resolution on X\n\nWHEREAS, The stated shared vision of the DSA is of a “humane international social order”; "
        "now, therefore, be it\n\nResolved, that DSA acts.\n"
    )
    assert [q.speaker for q in r.quotations] == [None]


def test_the_title_of_a_resolution_quoted_in_a_block_quotation() -> None:
    [r] = whereas.parse(
        '---\ntitle: "Wisconsin\'s Position"\npublication: "American Sentinel"\n---\n\n'
        "ON January 17, Representative Burke introduced the following resolution:\n\n"
        "> Joint Resolution in relation to the management of the Exposition on Sundays.\n>\n"
        "> WHEREAS, the people are denied the right; now, therefore, be it\n>\n> Resolved, That the Assembly objects.\n"
    )
    assert r.title is not None
    assert r.title.text == "Joint Resolution in relation to the management of the Exposition on Sundays."


def test_an_agenda_item_names_the_resolution_above_its_introduction() -> None:
    rs = whereas.parse(
        "    B. Resolution to Change the Apache ServiceMix Chair\n\n"
        "       WHEREAS, the Board appointed A; now, therefore, be it\n\n       RESOLVED, that B is appointed.\n\n"
        "    C. Resolution to Change the Apache Directory Chair\n\n"
        "       The Directory PMC has voted to recommend that C become the chair.\n\n"
        "       WHEREAS, the Board appointed D; now, therefore, be it\n\n       RESOLVED, that C is appointed.\n"
    )
    assert [r.title.text if r.title else None for r in rs] == [
        "Resolution to Change the Apache ServiceMix Chair",
        "Resolution to Change the Apache Directory Chair",
    ]


def test_a_wrapped_line_that_starts_with_approved_goes_on_the_clause() -> None:
    [r] = whereas.parse(
        "Resolution No. 22-14\n\nWHEREAS, on February 4, 2020, the County Board of Education (Board)\n"
        "approved the charter school; now, therefore, be it\n\nRESOLVED, that the revision is approved.\n\nApproved: March 1, 2022\n"
    )
    assert r.preamble[0].text.endswith("(Board) approved the charter school")
    assert r.resolved[0].text == "RESOLVED, that the revision is approved."


def test_a_joiner_under_a_bare_type_opens_the_title() -> None:
    [r] = whereas.parse(
        "THE CITY UNIVERSITY OF NEW YORK\n\nRESOLUTION\n\nTo\n\nMANDATE VACCINATIONS FOR ALL STUDENTS\n\n"
        "WHEREAS, the pandemic goes on; now, therefore, be it\n\nRESOLVED, That vaccination is required.\n"
    )
    assert r.title is not None and r.title.text == "To MANDATE VACCINATIONS FOR ALL STUDENTS"


def _bill(title: str) -> str:
    """A Congress resolution as the Government Publishing Office prints it in plain text: the title on
    the cover, above the clauses and on the back page, a running header only where the pages broke."""
    return (
        "117th CONGRESS\n  1st Session\nS. RES. 9\n\n    " + title + "\n\n    ____________\n\n"
        "             IN THE SENATE OF THE UNITED STATES\n\n     Ms. Roe (for herself and Mr. Doe) submitted the "
        "following\n    resolution; which was referred to the Committee on the Judiciary\n\n    ____________\n\n"
        "                               RESOLUTION\n\n \n        " + title + "\n\n"
        "Whereas the workers of 2021 keep the city running;\nWhereas the parks need care; "
        "now, therefore, be it\n    Resolved, That the Senate thanks them.\n\n    ____________\n\n"
        "    Calendar No. 19\n\n    " + title + "\n"
    )


@pytest.mark.parametrize(
    "title",
    [
        "Observing the 10th anniversary of the uprising in Syria.",
        "Designating March 8 through March 14, 2021, as Workers Week.",
        "Expressing the sense of the Senate that the 2021 census counts everyone.",
        "Recognizing the 75th anniversary of the Park Service.",
    ],
)
def test_a_congress_bill_title_printed_three_times_is_its_title_not_a_running_header(title: str) -> None:
    """A line with a number that comes back three times is a running header only if it comes back between
    the clauses, where pages break; a bill prints its title on the cover, above the clauses and on the back."""
    [r] = whereas.parse(_bill(title))
    assert r.title is not None and r.title.text == title
    assert [c.text.split(";")[0] for c in r.preamble] == [
        "Whereas the workers of 2021 keep the city running",
        "Whereas the parks need care",
    ]


def test_a_running_header_between_the_clauses_is_still_furniture() -> None:
    header = "SRES 9 IS {n}\n"
    text = (
        "Resolution on Parks\n\nWHEREAS, the city\n"
        + header.format(n=1)
        + "agrees; and\n\nWHEREAS, the parks\n"
        + header.format(n=2)
        + "need care; now, therefore, be it\n"
        + header.format(n=3)
        + "RESOLVED, that the Council acts.\n"
    )
    [r] = whereas.parse(text)
    assert [c.text for c in r.preamble] == ["WHEREAS, the city agrees; and", "WHEREAS, the parks need care"]


def _staff_report(heading: str) -> str:
    """A council's staff report in Markdown that keeps its HTML, presenting the ordinance it recommends."""
    return (
        "<p>FOR COUNCIL: August 25, 2014</p>\n<p>SUBJECT: Parks Policy</p>\n<br>\n"
        "<p><strong>BACKGROUND:</strong> The parks need care.</p>\n"
        "<p>Motion: That the ordinance be passed.</p>\n<p>Prepared by: Jane Roe, Counsel</p>\n<br>\n"
        "<!-- <p>ORDINANCE 2014 - ___ </p> -->\n" + heading + "\n"
        "<p>BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD, ILLINOIS:</p>\n"
        "<p>WHEREAS, the parks need care; and</p>\n<p>WHEREAS, the city can give it; and</p>\n"
        "<p>NOW THEREFORE, BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD, ILLINOIS:</p>\n"
        "<p>SECTION 1. The Parks Policy is adopted.</p>\n"
    )


def test_a_staff_report_presenting_an_ordinance_names_it_by_the_ordinance_heading() -> None:
    """The memo's fields ("Motion:", "Prepared by:") are never a title, an HTML comment is not read, an
    enacting line ending in ":" is never a title, and the ordinance's heading under the memo's
    "SUBJECT:" names it."""
    [r] = whereas.parse(_staff_report("<h2>AN ORDINANCE ADOPTING A PARKS POLICY</h2>"))
    assert r.title is not None and r.title.text == "AN ORDINANCE ADOPTING A PARKS POLICY"
    assert [c.text for c in r.preamble] == ["WHEREAS, the parks need care; and", "WHEREAS, the city can give it; and"]
    # without the ordinance's heading, the memo's subject names it
    [r] = whereas.parse(_staff_report(""))
    assert r.title is not None and r.title.text == "Parks Policy"


def test_a_resolving_clause_s_entries_without_their_that_stay_in_the_clause() -> None:
    """A council's resolving clause whose entry ends with ";" goes on in a paragraph of who is to act and "be"
    what they are to do ("Staff be directed …", "The Mayor and Clerk be authorized …"): the clause's words, not
    text after the resolution. A sentence after a clause that ended (or an "ADOPTED" line) is not."""
    [r] = whereas.parse(
        "A RESOLUTION APPROVING FUNDING FOR THE YOUTH PROGRAM\n\n"
        "WHEREAS, the youth program served 400 residents in 2025; and\n\n"
        "WHEREAS, its funding ends in June; now, therefore,\n\n"
        "BE IT RESOLVED that the Council approve $50,000 for the program;\n\n"
        "Staff be directed to report back to Council in six months; and\n\n"
        "The Mayor and Clerk be authorized to sign the agreement.\n\n"
        "ADOPTED this 3rd day of March, 2026.\n"
    )
    assert [c.text[-40:] for c in r.resolved] == ["The Mayor and Clerk be authorized to sign the agreement."[-40:]]
    assert "Staff be directed to report back" in r.resolved[0].text
    [ended] = whereas.parse(
        "Resolution on Parks\n\nWHEREAS, parks matter; now, therefore, be it\n\n"
        "RESOLVED, that the Council fund the parks.\n\nStaff be thanked for the report.\n"
    )
    assert ended.resolved[0].text.endswith("fund the parks.")


def test_building_collects_less_and_the_last_build_restores_the_threshold() -> None:
    """Two builds under way at once (two threads): the first to end leaves the threshold raised for the other,
    the last restores it."""
    import gc

    from whereas.structure import GC_THRESHOLD, collecting_less

    before = gc.get_threshold()
    first, second = collecting_less(), collecting_less()
    first.__enter__()
    second.__enter__()
    assert gc.get_threshold()[0] == max(before[0], GC_THRESHOLD)
    first.__exit__(None, None, None)
    assert gc.get_threshold()[0] == max(before[0], GC_THRESHOLD)
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_formatting_pauses_the_collector_until_the_last_format_ends() -> None:
    """A format (paused) and a build under way at once: the collector runs again when the last format ends,
    at the build's threshold, which the last build restores; a collector the caller turned off stays off."""
    import gc

    from whereas.structure import GC_THRESHOLD, collecting_less

    before = gc.get_threshold()
    assert gc.isenabled()
    formatting, building, formatting_too = collecting_less(paused=True), collecting_less(), collecting_less(paused=True)
    formatting.__enter__()
    building.__enter__()
    formatting_too.__enter__()
    assert not gc.isenabled()
    formatting.__exit__(None, None, None)
    assert not gc.isenabled()
    formatting_too.__exit__(None, None, None)
    assert gc.isenabled() and gc.get_threshold()[0] == max(before[0], GC_THRESHOLD)
    building.__exit__(None, None, None)
    assert gc.isenabled() and gc.get_threshold() == before
    gc.disable()
    try:
        with collecting_less(paused=True):
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_note_cites_the_address_a_link_wrapper_redirects_to() -> None:
    # a note pasted from an e-mail (Outlook's safe links) or exported from Google Docs cites the address the
    # wrapper names; a search page's own address is no wrapper
    text = (
        "Resolution on Evening Hours\n\n"
        "Whereas the survey found that evening visits doubled[^1]; now, therefore, be it\n\n"
        "Resolved, that the Board extends opening hours[^2].\n\n"
        "[^1]: Survey, <https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fsurvey"
        "%3Fyear%3D2024&data=05%7C02&reserved=0>\n"
        "[^2]: See https://www.google.com/url?q=https://example.org/hours&sa=D and "
        "https://www.google.com/search?q=https://example.org/other\n"
    )
    (r,) = whereas.parse(text)
    assert [n.urls for n in r.notes] == [
        ("https://example.org/survey?year=2024",),
        ("https://example.org/hours", "https://www.google.com/search?q=https://example.org/other"),
    ]


def test_a_speaker_s_apposition_with_a_place_in_it_is_not_the_speaker() -> None:
    text = (
        "Resolution on the Underground Railroad\n\n"
        "Whereas John Parker helped hundreds of people escape slavery; and\n\n"
        "Whereas Parker, a formerly enslaved iron founder in Ripley, Ohio, wrote that he had guided "
        '"upwards of 1,000" people across the river; now, therefore, be it\n\n'
        "Resolved, that the Society honour his memory.\n"
    )
    (r,) = whereas.parse(text)
    assert [(q.text, q.speaker) for q in r.quotations] == [("upwards of 1,000", "Parker")]  # not "Ohio"


@pytest.mark.parametrize(
    "further",
    ["LET IT BE FURTHER RESOLVED", "Let it further be resolved", "LET IT BE FINALLY RESOLVED"],
)
def test_a_student_governments_let_it_be_resolved(further: str) -> None:
    """ "THEREFORE, LET IT BE RESOLVED" and its further clauses, as student senates write them."""
    r = one(
        "A Bill in Support of Library Hours\n\nWHEREAS, the library closes at 10 p.m.; and,\n\n"
        "WHEREAS, students need study space;\n\n"
        "THEREFORE, LET IT BE RESOLVED, that the Senate urges longer hours;\n\n"
        f"{further}, that the Senate allocate $5,000 for staffing.\n"
    )
    assert r.formula is not None and r.formula.text == "THEREFORE, LET IT BE"
    assert texts(r.resolved) == [
        "RESOLVED, that the Senate urges longer hours;",
        f"{further}, that the Senate allocate $5,000 for staffing.",
    ]
    assert [c.keyword.form for c in r.resolved] == ["resolved", "resolved"]
    assert not r.resolved[1].keyword.plain  # a phrase: no fix writes it as a plain "Resolved"


@pytest.mark.parametrize(
    "further",
    [
        "FURTHERMORE, BE IT RESOLVED, that",
        "Further, be it resolved that",
        "BE IT FURTHER AND FINALLY RESOLVED, that",
        "LASTLY, BE IT RESOLVED, that",
        "FINALLY, BE IT RESOLVED that",
        "ALSO RESOLVED, that",
        "BE IT FURTHERMORE RESOLVED, that",
        "We further resolve that",
        "WE ALSO RESOLVE, that",
    ],
)
def test_a_further_resolving_clause_in_its_other_wordings(further: str) -> None:
    """Each opens a resolving clause of its own (a paragraph no keyword opened was lost after the first one)."""
    r = one(
        "Resolution on X\n\nWHEREAS, a; and\n\nWHEREAS, b; now, therefore, be it\n\n"
        f"RESOLVED, that the Board acts; and be it further\n\n{further} the Board reports back.\n"
    )
    assert texts(r.resolved)[1] == f"{further} the Board reports back."
    assert r.resolved[1].keyword.form in ("resolved", "resolve")


@pytest.mark.parametrize(
    "order",
    [
        "IT IS ORDERED that",
        "IT IS HEREBY ORDERED that",
        "NOW, THEREFORE, IT IS ORDERED that",
        "ORDERED, that",
        "IT IS THEREFORE ORDERED, ADJUDGED AND DECREED that",
        "NOW, THEREFORE, BE IT ORDERED",
    ],
)
def test_an_order_resolves_as_its_orders(order: str) -> None:
    """A commission's, a court's or a city council's order: "IT IS ORDERED", "ORDERED, That", each a clause of
    its own, read as ``ordered`` (no rule about the word "Resolved" applies to it)."""
    r = one(
        "Order on the Road Budget\n\nWHEREAS, the roads need repair; and\n\nWHEREAS, funds are available;\n\n"
        f"{order} the budget is adopted.\n\nIT IS FURTHER ORDERED that the Clerk files this order.\n"
    )
    assert len(r.preamble) == 2
    assert texts(r.resolved)[1] == "IT IS FURTHER ORDERED that the Clerk files this order."
    assert [c.keyword.form for c in r.resolved] == ["ordered", "ordered"]


def test_an_orders_dated_close_is_no_order() -> None:
    r = one(
        "Order on the Road Budget\n\nWHEREAS, the roads need repair;\n\nIT IS ORDERED that the budget is adopted.\n\n"
        "ORDERED, ADJUDGED AND DECREED this 24th day of February, 2026.\n\nRuth Ellison, County Judge\n"
    )
    assert texts(r.resolved) == ["IT IS ORDERED that the budget is adopted."]


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_resolving_clause_in_lower_case_after_be_it_is_no_part_of_the_recital(gap: str) -> None:
    """ "Whereas a; now, therefore, be it" over "resolved, that …" (in its own paragraph, or on the next line
    of the same one): the keyword in lower case still opens the resolving clause the connector hands over to."""
    r = one(
        "Resolution on X\n\nWhereas a; now, therefore, be it"
        + gap
        + "resolved, that the Convention affirm A; and be it further\n\nResolved, that the Convention request B.\n"
    )
    assert texts(r.preamble) == ["Whereas a"]
    assert [t[:12] for t in texts(r.resolved)] == ["resolved, th", "Resolved, th"]


def test_a_preambular_paragraph_after_one_ended_by_a_full_stop_is_kept() -> None:
    """An intergovernmental preamble whose paragraph ends with "." by mistake ("Noting b."): the next
    paragraph that opens with a participle ("Recognising c,") is the next preambular paragraph, not text
    dropped between two clauses."""
    r = one(
        "Title X\n\nThe Assembly,\n\nRecalling a,\n\nNoting b.\n\nRecognising c,\n\nWelcoming d,\n\n"
        "1. Decides e;\n\n2. Requests f.\n"
    )
    assert texts(r.preamble) == ["Recalling a,", "Noting b.", "Recognising c,", "Welcoming d,"]
    assert len(r.resolved) == 2


MEMORIAL = (
    "State of Arizona\nSenate\nFifty-seventh Legislature\nSecond Regular Session\n2026\n\n"
    "SENATE CONCURRENT MEMORIAL 1007\n\nA CONCURRENT MEMORIAL URGING CONGRESS TO FUND THE RIVER RECHARGE PROJECT.\n\n"
    "(TEXT OF BILL BEGINS ON NEXT PAGE)\n\nTo the Congress of the United States of America:\n\n"
    "Your memorialist respectfully represents:\n\n"
    "Whereas, the river is one of the last free-flowing rivers in the Southwest; and\n\n"
    "Whereas, groundwater pumping threatens the river's base flow.\n\n"
    "Wherefore your memorialist, the Senate of the State of Arizona, the House of\n"
    "Representatives concurring, prays:\n\n"
    "1. That the United States Congress appropriate funding to complete the recharge project.\n\n"
    "2. That the Secretary of State transmit copies of this Memorial to each Member of Congress.\n"
)


def test_a_state_memorials_prayer_is_its_resolving_part() -> None:
    """A state legislature's memorial to Congress: "Wherefore your memorialist, …, prays:" after the recitals
    resolves, its numbered "That …" paragraphs the items; the title is the memorial's own (its number and
    name), not the session block's year, the bill's "(TEXT OF BILL BEGINS …)" nor the address to Congress."""
    r = one(MEMORIAL)
    assert r.title.text == (
        "SENATE CONCURRENT MEMORIAL 1007 A CONCURRENT MEMORIAL URGING CONGRESS TO FUND THE RIVER RECHARGE PROJECT."
    )
    assert len(r.preamble) == 2
    assert [c.keyword.form for c in r.resolved] == ["therefore"]
    assert [item.label for item in r.resolved[0].items] == ["1", "2"]


def test_a_resolving_clause_and_its_connector_written_into_the_last_recital() -> None:
    """ "…by 2035"; NOW, THEREFORE, BE IT RESOLVED that …:" in the last recital's paragraph (a city's, a Google Docs
    draft's form): the connector is the formula, the rest resolves, with its list; "be it resolved" in lower case
    inside a recital (a quoted or narrated one) cuts nothing."""
    r = one(
        "Resolution on Traffic Calming\n\nWHEREAS, the street is residential; and\n\n"
        'WHEREAS, the City commits to "eliminate traffic deaths by 2035"; NOW, THEREFORE, BE IT RESOLVED that the '
        "Association requests that the Department:\n\n1. install speed humps;\n\n2. conduct a speed study.\n\n"
        "BE IT FURTHER RESOLVED that the President send this resolution to the Director.\n"
    )
    assert texts(r.preamble)[1].endswith('by 2035";')
    assert r.formula is not None and r.formula.text.startswith("NOW, THEREFORE")
    assert [t[:12] for t in texts(r.resolved)] == ["RESOLVED tha", "BE IT FURTHE"]
    assert [item.label for item in r.resolved[0].items] == ["1", "2"]
    quoted = one(
        "Resolution on X\n\nWHEREAS, the 2019 text ends; now, therefore, be it resolved that it stands; and\n\n"
        "RESOLVED, that the Association acts.\n"
    )
    assert len(quoted.preamble) == 1 and len(quoted.resolved) == 1


def test_a_list_numbered_on_from_the_list_before() -> None:
    """A word processor's numbering that goes on from the findings to the conditions ("1.–3." under the recital,
    "4.–6." under "… subject to the following conditions:"): the conditions are the clause's items."""
    r = one(
        "Resolution on Site Plan\n\nWHEREAS, the Board finds:\n\n1. The lot is large.\n2. The use is permitted.\n"
        "3. A variance is needed.\n\nNOW, THEREFORE, BE IT RESOLVED that the application is GRANTED, subject to the "
        "following conditions:\n\n4. The Applicant shall plant trees.\n5. The Applicant shall shield lights.\n"
        "6. The Applicant shall post fees.\n\nBE IT FURTHER RESOLVED that the Secretary publish a notice.\n"
    )
    assert [item.label for item in r.resolved[0].items] == ["4", "5", "6"]


def test_list_labels_glued_to_their_words() -> None:
    """ "(a)prepare …" as LibreOffice's list tab comes out of a PDF, "(2)Consults": each label opens an item; a
    wrapped line that begins "(s)he" opens none."""
    r = one(
        "Resolution on Screening\n\nWHEREAS, the District owns cameras; NOW, THEREFORE, BE IT\n\n"
        "RESOLVED, that the Governor appoint a Task Force to:\n(a)prepare a schedule;\n(b)raise funds; and\n"
        "(c) report on its progress.\n"
    )
    assert [(item.label, item.text[:5]) for item in r.resolved[0].items] == [
        ("a", "prepa"),
        ("b", "raise"),
        ("c", "repor"),
    ]
    wrapped = one(
        "Resolution on X\n\nWHEREAS, a member may speak when\n(s)he is recognised; now, therefore, be it\n\n"
        "RESOLVED, that members be recognised.\n"
    )
    assert texts(wrapped.preamble) == ["WHEREAS, a member may speak when (s)he is recognised"]


@pytest.mark.parametrize("between", ["\n\n* * *\n\n", "\n\n---\n\n", "\n\n"])
def test_the_next_resolutions_name_and_sponsor_are_its_own(between: str) -> None:
    """Two resolutions in one file, each named and with its sponsor under its name, set apart by a thematic break
    ("* * *", "---") or by nothing: the second one's name and sponsor are its own, not the first one's tail."""
    one_ = "Resolution 1: Recognizing the Team\n\nSponsor: Councilmember Rosa Delgado\n\nWHEREAS, the team won;\n\n"
    one_ += "NOW, THEREFORE, BE IT RESOLVED, That the Council congratulates the team."
    two = "Resolution 2: Authorizing a Lease\n\nSponsor: Councilmember Paul Whitaker\n\nWHEREAS, the kitchen is small;"
    two += "\n\nNOW, THEREFORE, BE IT RESOLVED, That the City Manager may sign a lease.\n"
    rs = whereas.parse(one_ + between + two)
    assert [r.title.text for r in rs] == ["Resolution 1: Recognizing the Team", "Resolution 2: Authorizing a Lease"]
    assert [list(r.sponsors.others) for r in rs] == [["Councilmember Rosa Delgado"], ["Councilmember Paul Whitaker"]]


TOWN_MEETING = (
    "TOWN OF WEST HADLEY\nANNUAL TOWN MEETING\nCERTIFIED VOTES\n\n"
    "ARTICLE 12. To see if the Town will vote to raise and appropriate the sum of $50,000 for the repair of the\n"
    "Main Street bridge, or take any other action relative thereto.\n\n"
    "Submitted by the Board of Selectmen\n\n"
    "VOTED: That the Town raise and appropriate the sum of $50,000 for the repair of the Main Street bridge.\n\n"
    "Passed unanimously.\n\n"
    "Article 13: To see whether the Town will vote to accept Chapter 90 funds for road repair.\n\n"
    "Submitted by the Highway Superintendent\n\n"
    "Voted, that the Town accept Chapter 90 funds for road repair.\n\n"
    "Further voted: to authorize the Treasurer to borrow in anticipation of reimbursement.\n\n"
    "ARTICLE 14. To see if the Town will vote to pass over this article.\n\n"
    "VOTED: To pass over the article.\n"
)


def test_a_town_meetings_votes_each_answer_their_warrant_article() -> None:
    """A New England town meeting's minutes: each warrant article ("ARTICLE 12. To see if the Town will vote
    …") heads the vote that answers it ("VOTED: That …", "Voted, that …", "Further voted: to …", form
    ``voted``), with the sponsor line between them."""
    rs = whereas.parse(TOWN_MEETING)
    assert [r.title.text.split(".")[0].split(":")[0] for r in rs] == ["ARTICLE 12", "Article 13", "ARTICLE 14"]
    assert [r.sponsors.submitted_by for r in rs] == ["the Board of Selectmen", "the Highway Superintendent", None]
    assert [texts(r.resolved)[0][:12] for r in rs] == ["VOTED: That ", "Voted, that ", "VOTED: To pa"]
    assert texts(rs[1].resolved)[1].startswith("Further voted: to authorize")
    assert {c.keyword.form for r in rs for c in r.resolved} == {"voted"}
    assert not any(r.preamble for r in rs)


@pytest.mark.parametrize(
    "line", ["Voted: 5-2, with Cllr Rao absent.", "Voted unanimously to adjourn at 9:40 pm.", "VOTED 112 YES, 40 NO."]
)
def test_a_tally_or_a_narrated_vote_is_no_voted_clause(line: str) -> None:
    r = one(
        f"Resolution on Roads\n\nWHEREAS, the roads need repair;\n\nRESOLVED, that the roads be repaired.\n\n{line}\n"
    )
    assert texts(r.resolved) == ["RESOLVED, that the roads be repaired."]


def test_a_model_un_resolution_in_markdown_emphasis() -> None:
    """A Model UN draft: its fields in bold labels, "*The General Assembly,*" and each paragraph's opening word in
    italics (the emphasis hid the intergovernmental form)."""
    r = one(
        "**Committee:** Second Committee (Economic and Financial)\n\n**Topic:** Access to Clean Water\n\n"
        "**Sponsors:** Ghana, Peru\n\n**Signatories:** Chile, Nepal, Norway\n\n---\n\n*The General Assembly,*\n\n"
        '*Recalling* Sustainable Development Goal 6, which calls on States to "ensure availability of water for all",\n\n'
        "*Deeply concerned* that two billion people lack safe drinking water,\n\n"
        "1. *Calls upon* Member States to invest in water infrastructure;\n\n"
        "2. **Requests** the Secretary-General to report on progress;\n\n3. *Decides* to remain seized of the matter.\n"
    )
    assert r.title is not None and r.title.text == "Access to Clean Water"
    assert "Ghana" in "; ".join(r.sponsors.others) and "Chile" not in "; ".join(r.sponsors.others)
    assert [c.text.split()[0] for c in r.preamble] == ["Recalling", "Deeply"]
    assert [c.text.split()[1] for c in r.resolved] == ["Calls", "Requests", "Decides"]
    assert [q.speaker for q in r.quotations] == ["Sustainable Development Goal 6"]


def test_and_further_that_in_capitals_opens_a_clause_without_a_blank_line_above() -> None:
    """A Canadian council's "AND FURTHER THAT …" on the line after the clause it follows (a PDF whose paragraphs
    have no blank line between them); in lower case, a wrapped line's "and that …" goes on with its clause."""
    r = one(
        "WHEREAS the Province reviews the fund;\nAND WHEREAS the Township maintains 412 km of roads;\n"
        "NOW THEREFORE BE IT RESOLVED THAT the Council requests stable allocations;\n"
        "AND FURTHER THAT this resolution be forwarded to the Minister\nand that the clerk\nfiles it.\n"
    )
    assert texts(r.resolved) == [
        "RESOLVED THAT the Council requests stable allocations;",
        "AND FURTHER THAT this resolution be forwarded to the Minister and that the clerk files it.",
    ]


def test_a_world_health_assembly_draft_with_its_paragraph_labels() -> None:
    """WHO and UNEP drafts label each paragraph ("(PP1) Recalling …;", "(OP1) URGES …") and name their
    sponsors in "Draft resolution proposed by …"; the session heading with its agenda item is no title."""
    r = one(
        "SEVENTY-NINTH WORLD HEALTH ASSEMBLY Agenda item 13.2\n\nRehabilitation in Health Systems\n\n"
        "Draft resolution proposed by Australia, Brazil, Ghana\n\nThe Seventy-ninth World Health Assembly,\n\n"
        "(PP1) Recalling resolution WHA76.6 (2023);\n\n(PP2) Noting with concern that many need rehabilitation,\n\n"
        "(OP1) URGES Member States to integrate rehabilitation;\n\n(OP2) REQUESTS the Director-General to report.\n"
    )
    assert r.title is not None and r.title.text == "Rehabilitation in Health Systems"
    assert r.sponsors.others == ("Australia", "Brazil", "Ghana")
    assert [c.text.split()[0] for c in r.preamble] == ["(PP1)", "(PP2)"]
    assert [c.text.split()[:2] for c in r.resolved] == [["(OP1)", "URGES"], ["(OP2)", "REQUESTS"]]


def test_a_congress_gov_page_of_a_resolution() -> None:
    """congress.gov's page: its heading gives the measure's number, its "Sponsor:" line the member as "Sen.
    Surname, Given [D-HI]", its text tab the bill as printed with the GPO's ``quotation marks''."""
    r = one_html(
        "<h1>S.Res.598 — 119th Congress (2025-2026)</h1><p>Sponsor: Sen. Hirono, Mazie K. [D-HI] (Introduced "
        "03/05/2026)</p><h2>Text: S.Res.598 — 119th Congress (2025-2026)</h2><pre>119th CONGRESS\n  2d Session\n"
        "S. RES. 598\n\nDesignating April 2026 as ``National Native Plant Month''.\n\n"
        "Whereas native plants are indigenous species; and\n\nWhereas native plants feed pollinators: Now, "
        "therefore, be it\n\n    Resolved, That the Senate designates April 2026 as ``National Native Plant "
        "Month''.</pre>"
    )
    assert r.title is not None and r.title.text.endswith("Designating April 2026 as “National Native Plant Month”.")
    assert r.sponsors.others == ("Sen. Hirono, Mazie K. [D-HI]",)
    assert len(r.preamble) == 2 and len(r.resolved) == 1


@pytest.mark.parametrize("number", ["26-R-19", "Resolution No. 2026-14", "R-2026/047"])
def test_under_a_heading_that_only_numbers_it_the_subject_is_the_title(number: str) -> None:
    """A Rotary proposal's "26-R-19", a clerk's "Resolution No. 2026-14" as the heading; its subject printed under it."""
    r = one(
        f"# {number}\n\nTo request the Trustees to consider a grant category for mental health first aid training\n\n"
        "Proposed by: the Rotary Club of Bendigo\n\nWHEREAS, mental illness affects one in five people; and\n\n"
        "WHEREAS, clubs report demand;\n\nIT IS RESOLVED by Rotary International that the Board acts.\n"
    )
    assert r.title is not None
    assert r.title.text == "To request the Trustees to consider a grant category for mental health first aid training"


def test_an_oas_resolution_in_capitals_with_the_delegations_notes_under_a_rule() -> None:
    """The OAS and the Council of the EU print the body and the preambular words in capitals ("THE GENERAL
    ASSEMBLY,", "HAVING SEEN …;", "RECALLING …;", "RESOLVES:"); the delegations' notes under the rule are not
    operative paragraphs."""
    r = one(
        "STRENGTHENING COOPERATION TO ADDRESS DROUGHT\n\nTHE GENERAL ASSEMBLY,\n\n"
        "HAVING SEEN the Annual Report of the Permanent Council;\n\nRECALLING resolution AG/RES. 2760 (XLII-O/12);\n\n"
        "DEEPLY CONCERNED that droughts recur,\n\nRESOLVES:\n\n1. To urge member states to share data.\n\n"
        "2. To request the General Secretariat to convene a dialogue.\n\n__________\n\n"
        "1. The United States reiterates its understanding of this resolution.\n"
    )
    assert [c.text.split()[0] for c in r.preamble] == ["HAVING", "RECALLING", "DEEPLY"]
    assert [c.text.split()[:3] for c in r.resolved] == [["1.", "To", "urge"], ["2.", "To", "request"]]


def test_therefore_the_body_resolves_to_over_its_list() -> None:
    """A movement's resolution after a prose background: "THEREFORE, the Union for Reform Judaism resolves to:"
    over its numbered list."""
    r = one(
        "# Resolution on Climate Displacement\n\n## Background\n\nOur tradition commands us to welcome the stranger.\n\n"
        "## Resolution\n\nTHEREFORE, the Union for Reform Judaism resolves to:\n\n1. Urge the government to act;\n"
        "2. Encourage congregations to welcome families; and\n3. Reduce its own emissions.\n"
    )
    assert len(r.resolved) == 1 and [i.label for i in r.resolved[0].items] == ["1", "2", "3"]
    assert r.resolved[0].keyword.form == "resolve"


def test_a_certified_copy_signed_under_its_last_clause() -> None:
    """An Indian company's certified true copy: the signature block ("For … Private Limited" / "Sd/-" / "DIN: …")
    follows the last clause without a blank line (a PDF's text) and is not part of it."""
    r = one(
        "CERTIFIED TRUE COPY OF THE RESOLUTION PASSED BY THE BOARD OF DIRECTORS\n\n"
        "RESOLVED THAT a current account be opened with the Bank.\n\n"
        "RESOLVED FURTHER THAT the Bank be furnished with a copy of this resolution.\n"
        "For Shriram Agro Foods Private Limited\nSd/-\nRajesh Deshmukh\nManaging Director\nDIN: 06812345\n"
    )
    assert texts(r.resolved)[-1] == "RESOLVED FURTHER THAT the Bank be furnished with a copy of this resolution."


def test_a_companys_letterhead_fields_are_no_title() -> None:
    r = one(
        "SHRIRAM AGRO FOODS PRIVATE LIMITED\nCIN: U15400MH2014PTC254871\nRegd. Office: Plot No. 14, MIDC Area, Baramati\n\n"
        "Opening of Current Account with HDFC Bank Limited\n\nRESOLVED THAT a current account be opened with the Bank.\n"
    )
    assert r.title is not None and r.title.text == "Opening of Current Account with HDFC Bank Limited"


def test_a_lettered_heading_after_a_clause_starts_the_next_resolution() -> None:
    """A board's page of resolutions, each under a lettered heading ("### b. Appointment of …", lower-case only for
    its label): the heading is the next resolution's, never a wrapped line of the clause above it."""
    first, second = whereas.parse(
        "### a. Approval of Minutes\n\nResolved (2026.03.02.01), the Board approves the minutes of its last meeting.\n\n"
        "### b. Appointment of a Committee Chair\n\nWhereas, the committee has chosen its chair.\n\n"
        "Resolved (2026.03.02.02), the Board appoints Ana Ruiz as chair of the committee.\n"
    )
    assert first.resolved[0].text.endswith("of its last meeting.")
    assert second.title is not None and second.title.text == "b. Appointment of a Committee Chair"


def test_a_minutes_action_item_ends_the_resolution_above_it() -> None:
    """A working group's minutes: "RESOLVED: …" without a period, then "ACTION: …" after a blank line — the action
    item is no part of the resolution (a clause stopped mid-sentence otherwise goes on over a blank line)."""
    (r,) = whereas.parse(
        "### Naming of the marker values\n\nRESOLVED: Keep the current names of the marker values\n\n"
        "ACTION: dana to open an issue about aliases\n"
    )
    assert r.resolved[0].text == "RESOLVED: Keep the current names of the marker values"


def test_and_whereas_in_lower_case_is_a_recital_even_before_a_colon() -> None:
    """Canadian municipal associations write "Whereas …;" / "And whereas …:" / "Therefore be it resolved …": the
    second recital is one, not text lost between the clauses."""
    (r,) = whereas.parse(
        "B7 Rural Transit\n\nWhereas rural residents have no bus service;\n\n"
        "And whereas the provincial transit fund excludes towns under 5,000 people:\n\n"
        "Therefore be it resolved that the association ask the province to open the fund to them.\n"
    )
    assert [c.text.split()[0] for c in r.preamble] == ["Whereas", "And"]


def test_a_condition_numbered_out_of_order_stays_in_its_section() -> None:
    """A planning commission's "SECTION 3. Action. … subject to the following conditions:" over "1.", "2.", "4.": the
    condition numbered wrong is the list's third item (R006 reports its number), never text lost after the clause."""
    (r,) = whereas.parse(
        "RESOLUTION NO. PC-12-26\n\nWHEREAS, the Commission held a hearing on May 27, 2026; now, therefore, be it\n\n"
        "RESOLVED, that the Commission approves the project, subject to the following conditions:\n\n"
        "1. The project shall be built in substantial compliance with the plans.\n\n"
        "2. Final construction drawings shall be in substantial compliance with the plans.\n\n"
        "4. The applicant shall record a regulatory agreement restricting the units to lower-income households.\n"
    )
    assert [i.label for i in r.resolved[0].items] == ["1", "2", "4"]


def test_a_connector_that_names_the_mover_wrapped_over_two_lines_is_the_formula() -> None:
    """A Philippine council's "NOW THEREFORE, on motion of Hon. A, duly seconded by" / "Hon. B, be it" (a PDF wraps
    it): the formula, with the mover and the seconder it names — not a resolving clause of its own."""
    (r,) = whereas.parse(
        "RESOLUTION NO. 9\n\nWHEREAS, the road floods every rainy season;\n\n"
        "NOW THEREFORE, on motion of Hon. Liza M. Reyes, duly seconded by\nHon. Joel P. Cruz, be it\n\n"
        "RESOLVED, as it is hereby RESOLVED, to request the Mayor to build a canal.\n"
    )
    assert r.formula is not None and r.formula.text.endswith("Hon. Joel P. Cruz, be it")
    assert (r.sponsors.mover, r.sponsors.seconder) == ("Hon. Liza M. Reyes", "Hon. Joel P. Cruz")
    assert len(r.resolved) == 1


@pytest.mark.parametrize(
    ("narrative", "mover", "seconder"),
    [
        (
            "On motion of Mr. Tim Lejeune, seconded by Mrs. Nan Carriere, the following resolution was offered:",
            "Mr. Tim Lejeune",
            "Mrs. Nan Carriere",
        ),
        ("Trustee Mellinger moved the adoption of the following Resolution:", "Trustee Mellinger", None),
    ],
)
def test_minutes_name_the_mover_in_the_sentence_that_introduces_the_resolution(
    narrative: str, mover: str, seconder: str | None
) -> None:
    """A police jury's or a township's minutes say who moved (and seconded) the resolution in the sentence that
    introduces it."""
    (r,) = whereas.parse(
        f"{narrative}\n\nRESOLUTION NO. 12\n\nWHEREAS, the road is unsafe; now, therefore, be it\n\n"
        "RESOLVED, that the board asks the State to study it.\n"
    )
    assert (r.sponsors.mover, r.sponsors.seconder) == (mover, seconder)


def test_a_meeting_with_its_year_over_a_resolutions_own_heading_is_no_title() -> None:
    """A synod's or a convention's packet: "# Synod Assembly 2026" over "## Resolution 2026-R4: Welcoming …": the
    resolution's own heading is its title, not the meeting's."""
    (r,) = whereas.parse(
        "# Southeastern Synod Assembly 2026\n\n## Resolution 2026-R4: Welcoming Asylum Seekers\n\n"
        "WHEREAS, Scripture commands us to welcome the stranger; therefore be it\n\n"
        "RESOLVED, that the Synod Assembly encourage every congregation to host a family.\n"
    )
    assert r.title is not None and r.title.text == "Resolution 2026-R4: Welcoming Asylum Seekers"


@pytest.mark.parametrize(
    "meeting",
    [
        "12th NATIONAL CONGRESS, 3-6 JUNE 2026, DURBAN",  # a union's congress
        "ANNUAL TOWN MEETING - MAY 2, 2026",
        "14th General Assembly — Nairobi, 9–11 October 2026",
    ],
)
def test_a_meeting_with_its_date_printed_above_a_title_is_no_part_of_it(meeting: str) -> None:
    """A union's congress resolution in plain text: the union's letterhead and "12th NATIONAL CONGRESS, 3-6 JUNE 2026,
    DURBAN" above "RESOLUTION 2.1: …" name the meeting, not the resolution."""
    (r,) = whereas.parse(
        f"GENERAL WORKERS UNION\n{meeting}\n\nRESOLUTION 2.1: WATER TARIFFS\n\n"
        "WHEREAS, tariffs rose twice this year; now, therefore, be it\n\n"
        "RESOLVED, that the union campaigns against them.\n"
    )
    assert r.title is not None and r.title.text == "RESOLUTION 2.1: WATER TARIFFS"


def test_a_body_named_with_a_common_noun_in_lower_case_resolves() -> None:
    """A project's vote page: "The Debian project resolves that:" over its numbered list (the common noun in lower
    case after the name) is a resolving clause, as "The Board of Trustees resolves that:" is."""
    (r,) = whereas.parse(
        "## Choice 1\n\nThe Example project resolves that:\n\n1. Every release is built twice.\n\n"
        "2. The release team publishes the results.\n"
    )
    assert [i.label for i in r.resolved[0].items] == ["1", "2"]


def test_a_posts_headline_that_reports_the_vote_is_not_the_resolutions_title() -> None:
    """A chapter's blog post: "# Board adopts resolution supporting the Greenway" (a headline that says what was
    done) over the sentence that introduces the resolution and its own "## Resolution 2026-02: …" heading."""
    (r,) = whereas.parse(
        "# Board adopts resolution supporting the Greenway\n\n"
        "At its March meeting the board unanimously adopted the following resolution.\n\n"
        "## Resolution 2026-02: Supporting the Greenway Trail\n\n"
        "WHEREAS, the trail would connect 4.6 miles of paths; now, therefore, be it\n\n"
        "RESOLVED, that the board supports the trail.\n"
    )
    assert r.title is not None and r.title.text == "Resolution 2026-02: Supporting the Greenway Trail"


def test_a_parliaments_motion_headed_by_its_number_and_member() -> None:
    """A Scottish Parliament motion: "Motion S6M-…: Name, Constituency, Party" names its mover (no part of the title
    under it), "Supported by: A, B" its supporters."""
    (r,) = whereas.parse(
        "Motion S6M-10001: Ross Greer, West Scotland, Scottish Green Party\n\n"
        "Welcoming the Return of the Ospreys\n\n"
        "That the Parliament welcomes the return of the ospreys to Loch Garten.\n\n"
        "Supported by: Alasdair Allan, Kate Forbes, Jamie Halcro Johnston\n"
    )
    assert r.title is not None and r.title.text == "Welcoming the Return of the Ospreys"
    assert r.sponsors.mover == "Ross Greer"
    assert r.sponsors.others == ("Alasdair Allan", "Kate Forbes", "Jamie Halcro Johnston")


def test_a_motions_title_that_lists_a_party_names_no_mover() -> None:
    """A conference motion's own title after its number ("Motion C7: Green Spaces, Parks, and the Green Party") is
    no member with seat and party."""
    (r,) = whereas.parse(
        "Motion C7: Green Spaces, Parks, and the Green Party\n\n"
        "Conference notes that parks are closing.\n\nConference resolves to keep them open.\n"
    )
    assert r.sponsors.mover is None
    assert r.title is not None and r.title.text.startswith("Motion C7")


CONSENT = (
    "The undersigned, being all of the directors, adopt the following resolutions by written consent:\n\n"
    "Approval of Office Lease\n\nRESOLVED, that the lease of Suite 400 is approved;\n\n"
    "FURTHER RESOLVED, that the rent is paid monthly;\n\n"
)


@pytest.mark.parametrize(
    ("sections", "title"),
    [
        # the clauses run on under another section's heading: the one above the first clause heads a section too
        (
            "General Authority\n\nRESOLVED, that the officers may sign all documents.\n",
            "ACTION BY WRITTEN CONSENT OF THE BOARD OF DIRECTORS OF HARBOR LIGHT SYSTEMS, INC.",
        ),
        # one section only: its heading names it
        ("", "Approval of Office Lease"),
        # a vote's outcome between the clauses heads no section
        ("MOTION CARRIED\n\nRESOLVED, that the officers may sign all documents.\n", "Approval of Office Lease"),
    ],
)
def test_a_written_consents_title_over_its_sections(sections: str, title: str) -> None:
    """A board's written consent: its own title ("ACTION BY WRITTEN CONSENT OF THE BOARD OF DIRECTORS OF …, INC."),
    the sentence that adopts "the following resolutions", then a section's heading over each group of clauses
    ("Approval of Office Lease", "General Authority"): one resolution over several sections is named by the
    document's title."""
    (r,) = whereas.parse(
        "ACTION BY WRITTEN CONSENT OF THE BOARD OF DIRECTORS OF HARBOR LIGHT SYSTEMS, INC.\n\n" + CONSENT + sections
    )
    assert r.title is not None and r.title.text == title


def test_a_written_consents_title_in_a_word_document_with_bold_section_headings(tmp_path: Path) -> None:
    """The same consent as Word prints it: the title a bold run broken with soft line breaks, each section's heading
    a bold paragraph (no heading style)."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph().add_run(
        "ACTION BY WRITTEN CONSENT\nOF THE BOARD OF DIRECTORS\nOF\nHARBOR LIGHT SYSTEMS, INC."
    ).bold = True
    for paragraph in CONSENT.strip().split("\n\n") + ["General Authority", "RESOLVED, that the officers may sign."]:
        p = d.add_paragraph()
        p.add_run(paragraph).bold = paragraph in ("Approval of Office Lease", "General Authority")
    path = tmp_path / "consent.docx"
    d.save(str(path))
    r = one(path)
    assert r.title is not None
    assert r.title.text == "ACTION BY WRITTEN CONSENT OF THE BOARD OF DIRECTORS OF HARBOR LIGHT SYSTEMS, INC."


@pytest.mark.parametrize(
    "operative",
    [
        "REQUESTS the Secretary-General:\n\n(1) to support Member States;\n\n(2) to report in 2028.",
        "Decides to convene a high-level meeting on harbour safety in 2027.",
        "Also requests the Secretary-General to report in 2028.",
    ],
)
def test_an_unnumbered_operative_paragraph_after_the_preamble_resolves(operative: str) -> None:
    """A resolution with one operative paragraph leaves it unnumbered (WHO's "REQUESTS the Director-General:", the
    UN's "Decides …"): read as no resolving part, S003 said "No resolving clause" (trial 13)."""
    r = one(
        "Harbour safety\n\nThe Executive Assembly,\n\n"
        "Recognizing that harbour accidents remain a risk to public health;\n\n"
        "Conscious of the need for common standards,\n\n" + operative + "\n"
    )
    assert [c.text.split(" ", 1)[0] for c in r.preamble] == ["Recognizing", "Conscious"]
    assert len(r.resolved) == 1 and r.resolved[0].text.startswith(operative.split(" ", 1)[0])


def test_a_preambular_adjective_ending_in_s_is_no_operative_verb() -> None:
    r = one(
        "Harbour safety\n\nThe Executive Assembly,\n\nRecognizing that harbour accidents remain a risk;\n\n"
        "Desirous of common standards,\n\n1. Decides to convene a meeting.\n"
    )
    assert [c.text.split(" ", 1)[0] for c in r.preamble] == ["Recognizing", "Desirous"]
    assert [c.text.split(" ", 1)[0] for c in r.resolved] == ["1."]


def test_the_name_over_an_intergovernmental_body_line_is_the_title() -> None:
    """WHO's and the UN's resolutions name themselves in sentence case over "The Executive Board,": no capitalised-words
    test read "Strengthening harbour safety" as a title, and the session line above it was taken instead (trial 13)."""
    r = one(
        "EXECUTIVE ASSEMBLY EA156.R7\n156th session 7 February 2025\nAgenda item 14.2\n\n"
        "Strengthening harbour safety\n\nThe Executive Assembly,\n\n"
        "Recognizing that harbour accidents remain a risk to public health;\n\n"
        "1. REQUESTS the Secretary-General to report in 2028.\n"
    )
    assert r.title is not None and r.title.text == "Strengthening harbour safety"
    # a sentence over the body's line is no title
    r = one("The Assembly met in Geneva.\n\nThe Executive Assembly,\n\nRecognizing a risk;\n\n1. REQUESTS a report.\n")
    assert r.title is None


@pytest.mark.parametrize(
    "further", ["2. RESOLVED FURTHER THAT", "2. FURTHER RESOLVED, that", "2. Resolved further, that"]
)
def test_a_numbered_further_resolved_clause_is_a_clause_not_an_item(further: str) -> None:
    """An Indian company's or trust's extract numbers its resolutions ("1. RESOLVED THAT …", "2. RESOLVED FURTHER THAT
    …"): the second was read as an item of the first, and R006 could not see their numbers (trial 14)."""
    r = one(
        "EXTRACT OF THE RESOLUTIONS PASSED AT THE MEETING OF THE BOARD OF TRUSTEES HELD ON 16th MARCH 2025\n\n"
        "1. RESOLVED THAT the Board of Trustees hereby approves the renovation of the hall.\n\n"
        f"{further} a Renovation Committee be constituted to oversee the works.\n"
    )
    assert [c.text[:2] for c in r.resolved] == ["1.", "2."]


@pytest.mark.parametrize(
    "first",
    [
        "1. Resolved by the General Assembly of the State of Ohio, That",
        "1. *Resolved by the General Assembly of the State of Ohio*, That",
        "1. RESOLVED BY THE SENATE OF THE STATE OF OHIO, That",
    ],
)
def test_a_numbered_resolved_with_its_enacting_phrase_is_a_clause(first: str) -> None:
    """A legislature's numbered resolutions as a 19th-century journal prints them: the first names the body that
    resolves ("1. Resolved by the General Assembly of the State of Ohio, That …"); it was glued to the recital
    above it and the numbering 1, 2, 2 could not be seen (trial 19)."""
    from whereas.api import check_text

    text = (
        "WHEREAS, The bill proposes to repeal the Compromise; and\n\n"
        "And whereas, The faith of the nation was pledged by that compromise: Therefore,\n\n"
        f"{first} we regard the repeal as a violation of plighted faith.\n\n"
        "2. Resolved, That our Senators be instructed to oppose the bill.\n\n"
        "2. Resolved, That the Governor forward a copy of these resolutions.\n"
    )
    r = one(text)
    assert len(r.preamble) == 2 and "by that compromise" in r.preamble[-1].text
    assert [c.text[:3] for c in r.resolved] == ["1. ", "2. ", "2. "]
    assert "R006" in {d.code for d in check_text(text.encode(), "journal.md").diagnostics}


@pytest.mark.parametrize(("mark", "close"), [("“", "”"), ('"', '"'), ("“**", "”")])
def test_numbered_resolutions_quoted_whole_keep_their_first_clause(mark: str, close: str) -> None:
    """A certified extract quotes its numbered resolutions whole ('1.     “RESOLVED THAT …' … 'works.”'): the first
    clause, its keyword behind the quotation mark, was dropped (trial 14)."""
    text = (
        "EXTRACT OF THE RESOLUTIONS PASSED AT THE MEETING OF THE BOARD OF TRUSTEES HELD ON 16th MARCH 2025\n\n"
        f"1.     {mark}RESOLVED THAT the Board of Trustees hereby approves the renovation of the hall.\n\n"
        f"2.     RESOLVED FURTHER THAT a Renovation Committee be constituted to oversee the works.{close}\n"
    )
    r = one(text)
    assert [c.text[:2] for c in r.resolved] == ["1.", "2."]
    assert "approves the renovation" in r.resolved[0].text


def test_an_operative_verb_that_introduces_a_text_resolves_nothing_itself() -> None:
    """An executive board's "RECOMMENDS to the Health Assembly the adoption of the following resolution:" introduces the
    resolution it recommends: read as an operative paragraph, it split the document into two resolutions and S001 told
    the recommended one it had no title."""
    doc = (
        "Strengthening harbour safety\n\nThe Executive Assembly,\n\n"
        "Having considered the report by the Secretary-General,\n\n"
        "RECOMMENDS to the Assembly the adoption\nof the following resolution:\n\n"
        "The Assembly,\n\n(PP1) Recalling resolution A58.29 (2005) on harbour safety;\n\n"
        "1. URGES Member States to develop national frameworks.\n"
    )
    resolutions = whereas.parse(doc)
    assert len(resolutions) == 1 and [c.text[:3] for c in resolutions[0].resolved] == ["1. "]


def test_the_fields_after_a_sponsor_s_sentence_are_no_sponsors() -> None:
    """ "Introduced by: Academic Affairs Committee. First reading: February 3, 2025. Second reading: …" gave the sponsors
    "Academic Affairs Committee. First reading: February 3" and "2025" (trial 17)."""
    r = one(
        "Senate Resolution 25-08: On Course Syllabi\n\n"
        "Introduced by: Academic Affairs Committee. First reading: February 3, 2025. Second reading: February 17, 2025.\n\n"
        "WHEREAS, instructors apply contradictory rules; therefore be it\n\n"
        "RESOLVED, that the Senate adopts a common syllabus template.\n"
    )
    assert r.sponsors.others == ("Academic Affairs Committee",)
