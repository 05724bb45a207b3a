"""Where a clause's text ends: the wrapped lines of a line-numbered text stay the clause's (only the page's
furniture goes), and a resolving clause that introduces amended text with ":" ends at the labelled sections
after it (a fiscal note, a received date, references), never at the end of the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_builder import build_pdf

import whereas
from whereas.model import Resolution


def _clauses(r: Resolution) -> list[str]:
    return [" ".join(c.text.split()) for c in (*r.preamble, *r.resolved)]


# -- line numbers whose lines wrap ----------------------------------------------------------------------------

#: a senate's resolution set with a line number before each printed line; the lines too long for the column wrap
#: onto a line without a number, one of them the formula "therefore be it"
WRAPPED_LINES = [
    "RESOLUTION ON OPEN TEXTBOOKS",
    "",
    "1 WHEREAS, Open textbooks are now widely",
    "available to",
    "2 students at no cost; and",
    "3",
    "4 WHEREAS, The faculty choose the books for",
    "the curriculum; therefore be it",
    "5",
    "6 RESOLVED: That the Senate urge each department to",
    "consider open textbooks for",
    "7 its introductory courses.",
]

WRAPPED_CLAUSES = [
    "WHEREAS, Open textbooks are now widely available to students at no cost; and",
    "WHEREAS, The faculty choose the books for the curriculum",
    "RESOLVED: That the Senate urge each department to consider open textbooks for its introductory courses.",
]


def test_a_numbered_lines_wrapped_continuation_stays_in_the_clause() -> None:
    [r] = whereas.parse("\n".join(WRAPPED_LINES) + "\n")
    assert _clauses(r) == WRAPPED_CLAUSES
    assert r.formula is not None and r.formula.text == "; therefore be it"


def test_a_running_header_and_a_page_number_between_numbered_lines_still_go() -> None:
    """A bill's running header counting its pages ("SR 12 2", "SR 12 3") and a page number ("- 4 -") printed
    between two numbered lines are furniture; the wrapped lines beside them are not."""
    text = (
        "SENATE RESOLUTION NO. 12\n\n"
        "1 WHEREAS, the river floods the valley\n2 every spring; and\n3\n"
        "4 WHEREAS, the levees were built by the\nArmy Corps in 1952 and\n5 are failing; and\n"
        "SR 12 2\n"
        "6\n7 WHEREAS, the towns along the river\nask for help; and\n8\n"
        "9 WHEREAS, the state has funds for it; now,\n"
        "SR 12 3\n"
        "10 therefore, be it\n11\n"
        "- 4 -\n"
        "12 RESOLVED, that the Senate urges the repair\nof the levees.\n13\n"
    )
    [r] = whereas.parse(text)
    assert _clauses(r) == [
        "WHEREAS, the river floods the valley every spring; and",
        "WHEREAS, the levees were built by the Army Corps in 1952 and are failing; and",
        "WHEREAS, the towns along the river ask for help; and",
        "WHEREAS, the state has funds for it",
        "RESOLVED, that the Senate urges the repair of the levees.",
    ]


def test_a_line_numbered_pdf_whose_lines_wrap_is_read_whole(tmp_path: Path) -> None:
    """The same in a PDF, over two pages: the second page's running header goes, every wrapped word stays."""
    page_one = WRAPPED_LINES[:8]
    page_two = ["SENATE RESOLUTION 12 2", "", *WRAPPED_LINES[8:]]
    path = tmp_path / "senate.pdf"
    path.write_bytes(build_pdf([page_one, page_two]))
    [r] = whereas.parse(path)
    assert _clauses(r) == WRAPPED_CLAUSES
    assert r.formula is not None and r.formula.text == "; therefore be it"


#: a house resolution numbered page by page, as a legislature's PDF prints it: page 1's lines 1-10, page 2's last
#: clause numbered from 1 again (its few lines too short a run to count as line numbering on their own)
_PAGE_ONE = [
    "HR0318 LRB104 14577 MST 27412 r",
    "HOUSE RESOLUTION",
    "1 WHEREAS, The members of the House wish to recognize",
    "2 the contributions of school nurses; and",
    "3 WHEREAS, School nurses provide care for students",
    "4 with chronic conditions; and",
    "5 WHEREAS, Many districts share a single nurse among",
    "6 several buildings; therefore, be it",
    "7 RESOLVED, That we declare May 7, 2025 as School Nurse",
    "8 Day in the State; and be it further",
]
_LAST_PAGES = {
    "three lines": [
        "1 RESOLVED, That suitable copies of this resolution be",
        "2 delivered to the Association of School",
        "3 Nurses.",
    ],
    "one line": [
        "1 RESOLVED, That suitable copies of this resolution be delivered to the Association of School Nurses."
    ],
}


@pytest.mark.parametrize("last", _LAST_PAGES, ids=list(_LAST_PAGES))
@pytest.mark.parametrize("medium", ["text", "pdf"])
def test_a_last_page_that_numbers_its_few_lines_from_1_keeps_its_clause(last: str, medium: str, tmp_path: Path) -> None:
    """A bill numbered page by page: the last page's "1 RESOLVED, That suitable copies …" (a run of one to three
    numbers, too short to be line numbering by itself) was left with its numbers, read as no clause, and the
    resolution's last clause lost (trial 18, an Illinois House resolution)."""
    page_two = ["HR0318 -2- LRB104 14577 MST 27412 r", *_LAST_PAGES[last]]
    if medium == "pdf":
        path = tmp_path / "hr.pdf"
        path.write_bytes(build_pdf([_PAGE_ONE, page_two]))
        [r] = whereas.parse(path)
    else:
        [r] = whereas.parse("\n\n".join(_PAGE_ONE + page_two) + "\n")
    assert [" ".join(c.text.split()) for c in r.resolved][-1] == (
        "RESOLVED, That suitable copies of this resolution be delivered to the Association of School Nurses."
    )
    assert len(r.resolved) == 2 and len(r.preamble) == 3


def test_numbers_from_1_again_without_line_numbering_before_are_kept() -> None:
    """Only after a page numbered from 1 does a short run from 1 count as line numbers: a short list numbered
    "1 …", "2 …" in a text without line numbers keeps its numbers."""
    text = "Whereas the fund is low; now, therefore, be it\n\nResolved, That the Board adopt:\n\n1 the plan\n2 the budget\n"
    [r] = whereas.parse(text)
    assert r.resolved[0].text.endswith("1 the plan 2 the budget")


# -- a resolving clause that quotes the text it amends, and the sections under it -----------------------------

_AMENDING = (
    "Subject: Plain Reasons for Denied Claims\n\n"
    "Introduced by: Student Section\n\n"
    "Whereas, Denial letters give no reason; therefore be it\n\n"
    "RESOLVED, That our Association amend Policy P-12.3 by addition to read as follows:\n\n"
    "{indent}(4) Our Association supports denial letters that name the criteria applied\n"
    "{indent}in plain words. (Modify Current Policy)\n\n"
)

#: the sections a convention prints under a resolution, each of which ends its last clause
_TRAILERS = [
    "Fiscal Note: Minimal\n\nReceived: 03/02/26\n\nREFERENCES\n\nRelevant Association Policy\n\n"
    "Denied Claims P-12.3\nOur Association will study denied claims. (Res. 4, A-19)\n",
    "Received: 03/02/26\n\nOur Association will study denied claims.\n",
    "REFERENCES\n\nThe survey of denied claims, 2024.\n",
    "RELEVANT ASSOCIATION POLICY\n\nDenied Claims P-12.3\nOur Association will study denied claims.\n",
    "Explanation: Letters without a reason leave patients no way to appeal.\n",
    "Rationale:\n\nLetters without a reason leave patients no way to appeal.\n",
    "Background\n\nLetters without a reason leave patients no way to appeal.\n",
    "REPORT\n\nLetters without a reason leave patients no way to appeal.\n",
    "**Fiscal Note:** Minimal\n\nThe Association will study denied claims.\n",
    "Respectfully submitted,\n\nDana Whitfield, Chair\nCommittee on Claims\n",
]


@pytest.mark.parametrize("indent", ["    ", ""], ids=["indented", "at-the-margin"])
@pytest.mark.parametrize("trailer", _TRAILERS, ids=lambda t: t.split("\n")[0][:20])
def test_a_labelled_section_ends_a_clause_that_quotes_what_it_amends(indent: str, trailer: str) -> None:
    """The amended text under "… to read as follows:" is the clause's (it quotes it), and the labelled section
    under it is not: the clause ends there, as it does after a clause that ends with a full stop."""
    [r] = whereas.parse(_AMENDING.format(indent=indent) + trailer)
    [clause] = r.resolved
    assert " ".join(clause.text.split()) == (
        "RESOLVED, That our Association amend Policy P-12.3 by addition to read as follows: (4) Our Association "
        "supports denial letters that name the criteria applied in plain words. (Modify Current Policy)"
    )


def test_the_quoted_amendment_runs_on_over_its_paragraphs_up_to_the_trailer() -> None:
    """Every paragraph of the amended text stays the clause's, a paragraph that opens in capitals too."""
    text = (
        "Whereas, Denial letters give no reason; therefore be it\n\n"
        "RESOLVED, That our Association amend Policy P-12.3 to read as follows:\n\n"
        "Our Association supports denial letters that name the criteria applied.\n\n"
        "Our Association supports a right of appeal within 30 days.\n\n"
        "Fiscal Note: Minimal\n"
    )
    [r] = whereas.parse(text)
    [clause] = r.resolved
    assert clause.text.rstrip().endswith("a right of appeal within 30 days.")


@pytest.mark.parametrize(
    "header",
    [
        "Town of Ashby                                        Page 1 of 2",
        "Page 1 of 2 | Resolution 2025-3",
        "Resolution 2025-3\tPage 1",
        # a header of two lines, its second the document's number
        "Lakeshore County Board of Supervisors          Page 1 of 2\nResolution No. 2025-031",
    ],
)
def test_a_running_header_with_its_page_label_pasted_from_a_pdf_goes(header: str) -> None:
    """A PDF's page header or footer copied into plain text between two recitals (its words and its page label
    set apart by a wide gap, a tab or a bar): no part of the recital above, which keeps its "; and"."""
    [r] = whereas.parse(
        "Resolution on Library Hours\n\nWHEREAS, the library closes at 9 p.m. on weeknights; and\n"
        f"{header}\nWHEREAS, students asked for later hours; now, therefore, be it\n"
        "RESOLVED, That the library stay open until midnight.\n"
    )
    assert [c.text for c in r.preamble][0] == "WHEREAS, the library closes at 9 p.m. on weeknights; and"


def test_a_sentence_that_names_a_page_stays() -> None:
    [r] = whereas.parse(
        "Resolution on X\n\nWHEREAS, the report says so on\nPage 3 of the annex; and\n\nWHEREAS, b; now, therefore, be it\n\n"
        "RESOLVED, That c.\n"
    )
    assert r.preamble[0].text == "WHEREAS, the report says so on Page 3 of the annex; and"


GDOCS = (
    "Resolution Calling for Extended Library Hours[a]\n\n"
    "Whereas, the library closes at 11:00 p.m., including during examinations;[b] and\n\n"
    "Whereas, students would use it after midnight[c];\n\n"
    "Be it resolved, that the Association requests 24-hour opening during finals.\n\n\n"
    '[a]Should this say "finals week"?\n[b]Source: library website\n[c]Need a citation here\n'
)


def test_a_google_docs_exports_comment_anchors_and_comments_are_not_its_words() -> None:
    """A Google Docs plain-text export: the comments listed at the end ("[a]Should this say …", lettered a, b, c …)
    and their anchors in the text ("…examinations;[b] and") are no part of the title or a clause; the recital
    ends with its own "; and"."""
    [r] = whereas.parse(GDOCS)
    assert r.title.text == "Resolution Calling for Extended Library Hours"
    assert [c.text for c in r.preamble] == [
        "Whereas, the library closes at 11:00 p.m., including during examinations; and",
        "Whereas, students would use it after midnight;",
    ]
    assert "Need a citation" not in " ".join(c.text for c in r.clauses)


def test_bracketed_letters_without_a_comment_list_stay() -> None:
    """Without the list at the end that they call, "[a]" and "[b]" are the text's own (a list's labels)."""
    text = GDOCS[: GDOCS.index("[a]Should")]
    [r] = whereas.parse(text)
    assert r.title.text.endswith("[a]")


def test_a_footer_printed_under_the_last_clause_too_is_no_part_of_it() -> None:
    """A PDF's footer (the document's symbol, "EB156.R7") at the foot of every page: the last page's was glued to the
    last item (R003 "should end with '.'"), since the text's end was not taken for a page's foot."""
    text = (
        "EXECUTIVE ASSEMBLY EA156.R7\n\nHarbour safety\n\nThe Executive Assembly,\n\n"
        "Recognizing that harbour accidents remain a risk to public health;\n\n"
        "1. URGES Member States:\n\n(1) to develop national frameworks;\n\n"
        "EA156.R7\n\f\n"
        "(2) to train harbour safety officers;\n\n"
        "2. REQUESTS the Secretary-General to report on progress in 2028.\n\n"
        "EA156.R7\n"
    )
    [r] = whereas.parse(text)
    assert [c.text for c in r.resolved][-1] == "2. REQUESTS the Secretary-General to report on progress in 2028."
    assert all("EA156.R7" not in c.text for c in r.clauses)


@pytest.mark.parametrize(
    "trailer",
    ["Tenth meeting, 7 February 2025\n\nEA156/SR/10", "62nd plenary meeting\n10 December 2018", "Twenty-third meeting"],
)
def test_the_meeting_line_under_an_intergovernmental_resolution_ends_its_last_clause(trailer: str) -> None:
    """WHO's "Tenth meeting, 7 February 2025" and the UN's "62nd plenary meeting" under the last operative paragraph
    were read as its words (R003: the last item "should end with '.'")."""
    text = (
        "Harbour safety\n\nThe Executive Assembly,\n\n"
        "Recognizing that harbour accidents remain a risk to public health;\n\n"
        "1. URGES Member States to develop national frameworks;\n\n"
        "2. REQUESTS the Secretary-General:\n\n(1) to support Member States;\n\n(2) to report on\nprogress in 2028.\n\n"
        + "\n\n".join("            " + line for line in trailer.split("\n"))
        + "\n"
    )
    from whereas.model import Source
    from whereas.structure import build

    [r] = build(Source(text, "pdf", None))  # a printed page's layout: a blank line is no paragraph's end
    assert r.resolved[-1].text.endswith("(2) to report on progress in 2028.")
