"""The typography rules T001-T007: white space, space before punctuation, quotation glyphs, "US"/"U.S.",
acronyms, Word comment anchors, the space after the keyword's mark."""

from __future__ import annotations

import pytest
from rulecase import HEAD, MOVER, TAIL, Case, assert_findings, bad, case_id, doc, fixed, ok

import whereas
from conftest import SEED, needs_seed
from whereas.lint import Settings, lint

NOW = "; now, therefore, be it"
PARKS = "Resolution on Parks\n\n"

HEADED = (
    "Resolution on Library Funding\n"
    "Resolution No. CR-2026-112                    Date: April 14, 2026\n\n"
    "Whereas libraries lost{} funding; now, therefore, be it\n\n"
    "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\n"
    "Mover:       Jane Doe, Councilor-at-Large\nSeconder:    John Roe, Chapter Councilor\n"
)
SPEAKER = (
    "Fair Lending\n\nWHEREAS, the NAACP has long advocated for fair lending; and\n\nWHEREAS, banks close branches;\n\n"
    "NOW, THEREFORE, BE IT RESOLVED, that the NAACP calls upon regulators to act; and\n\n"
    "BE IT FURTHER RESOLVED, that the NAACP urges its units to monitor closures.\n"
)
EP_FORM = """# Protection of seasonal agricultural workers

The European Parliament,

– having regard to Rules 142(5) and 136(2) of its Rules of Procedure,

A. whereas an estimated 800 000 seasonal workers are employed each year in agriculture in the Union;

B. whereas the European Labour Authority (ELA) has supported joint inspections in agriculture since 2021;

1. Calls on the Commission to evaluate the implementation of the directive;

2. Welcomes the work of the ELA and calls for its mandate to be strengthened;

3. Instructs its President to forward this resolution to the Council and the Commission.
"""

#: three names and addresses, each name followed by the spaces {0}, {1}, {2}
ROSTER = (
    HEAD + "Whereas the Board wishes to form a committee" + NOW + "\n\n"
    "Resolved, that the following persons be appointed to the committee:\n\n"
    "* Mia Sandoval{0}<mia@example.org>\n* Ola Berg{1}<ola@example.org>\n* Teodor Vasquez{2}<teo@example.org>\n" + MOVER
)
TABBED = (
    HEAD + "Whereas libraries lost funding" + NOW + "\n\n"
    "Resolved, that the American Library Association (ALA):\n"
    "\t\t1.\turges the states to restore the funding\n\t\tthey cut in 2024;\n"
    "\t\t2.\tthanks the libraries; and\n\t\t3.\treports each spring.\n" + MOVER
)

CASES: list[Case] = [
    # --- T001 stray-whitespace --------------------------------------------------------------------------------
    ok("T001", "single spaces", doc("libraries lost funding" + NOW)),
    ok("T001", "doubled space inside a quotation", doc('the Statement says "the freedom  to read"' + NOW)),
    ok(
        "T001",
        "a Markdown hard break",
        "# Resolution on Library Funding\n\nWhereas libraries **lost** funding;  \nand more"
        + NOW
        + "\n\n"
        + TAIL
        + MOVER,
    ),
    ok("T001", "ronr: a line's trailing space", doc("libraries lost funding" + NOW + " "), profile="ronr"),
    ok(
        "T001",
        "a printed page's spacing (form feeds)",
        doc("the district held hearings on:  January  20 and  July 14 ,  2021" + NOW) + "\f\n",
        profile="ronr",
    ),
    ok(
        "T001",
        "spaces after a label align its text",
        doc(
            "the district held hearings:\n\n•    January 20, 2021 – the board met;\n\n(A)     July 14 – it voted" + NOW
        ),
        profile="ronr",
    ),
    ok(
        "T001",
        "a caption box's column of parentheses",
        "IN THE MATTER OF AUTHORIZING THE      )\nCLERK TO SIGN A GRANT AGREEMENT    )    RESOLUTION NO. 25-112\n"
        "WITH THE STATE PARKS DEPARTMENT     )\n\nWhereas libraries lost funding" + NOW + "\n\n" + TAIL + MOVER,
    ),
    # trial 2: outside the clauses, a heading's columns and a label's aligned value are layout (a Canadian council's
    # "Resolution No. …          Date: …", a house of delegates' "Introduced by:      Oregon Delegation")
    ok("T001", "columns of a heading and aligned sponsor lines", HEADED.format("")),
    bad("T001", "a run of spaces in a clause, under the same heading", HEADED.format("    "), [(4, 23)]),
    bad("T001", "a doubled space in the title", HEADED.replace("on Library", "on  Library").format(""), [(1, 14)]),
    bad("T001", "a doubled space", doc("libraries lost  funding" + NOW), [(3, 23)]),
    bad(
        "T001",
        "a tab after the keyword",
        HEAD + "Whereas\tlibraries lost funding" + NOW + "\n\n" + TAIL + MOVER,
        [(3, 8)],
    ),
    bad("T001", "ala: a line's trailing space", doc("libraries lost funding" + NOW + " "), [(3, 54)]),
    bad("T001", "ronr: a typed doubled space", doc("the district held  hearings" + NOW), [(3, 26)], profile="ronr"),
    # trial 8: a library board's "WHEREAS,  the Library's …": two spaces after a comma are a slip, not a
    # sentence's end (doc() writes "Whereas " before the recital: "Whereas ,  the" is not the form tested)
    bad(
        "T001",
        "ronr: two spaces after a comma",
        doc("the district,  in 2024, held hearings" + NOW),
        [(3, 22)],
        profile="ronr",
    ),
    ok("T001", "ronr: two spaces after a sentence", doc("the district met.  It held hearings" + NOW), profile="ronr"),
    # a motion's or a minute's number, then the spaces that set off its heading ("C31  Fair pay …"): layout
    ok(
        "T001",
        "a motion's number before its heading",
        "M14  Library Funding Restored\n\n" + doc("libraries lost funding" + NOW)[len(HEAD) :],
    ),
    ok(
        "T001",
        "a minute's number before its heading",
        "26/117  RESOLUTION ON LIBRARY FUNDING\n\n" + doc("libraries lost funding" + NOW)[len(HEAD) :],
    ),
    bad("T001", "a number in a sentence, then two spaces", doc("libraries lost 20  percent" + NOW), [(3, 26)]),
    # a column lined up with spaces over consecutive lines (a roster of names and addresses): layout
    ok("T001", "a roster's aligned column", ROSTER.format("    ", " " * 8, "  ")),
    ok("T001", "an aligned column whose longest entry has one space", ROSTER.format("   ", " " * 7, " ")),
    bad(
        "T001",
        "a doubled space next to an unaligned line",
        ROSTER.format("  ", " ", "  "),
        [(7, 15), (9, 17)],
    ),
    # a list's indentation (tabs before every item, and the lines an item wraps onto) is the list's own
    ok("T001", "a tab-indented list", TABBED),
    bad("T001", "the keyword line before a tab-indented list", TABBED.replace("Resolved", "\tResolved"), [(5, 1)]),
    # --- T002 space-before-punctuation ------------------------------------------------------------------------
    ok("T002", "an ellipsis", doc("libraries lost ... funding" + NOW)),
    ok("T002", "inside a quotation", doc('libraries said "lost ; funding"' + NOW)),
    ok("T002", "a free-standing colon", doc("the Rights : An Interpretation" + NOW)),
    ok(
        "T002",
        "a printed page's spacing",
        doc("the district held hearings on July 14 ,  2021" + NOW) + "\f\n",
        profile="ronr",
    ),
    bad("T002", "before a comma", doc("libraries lost funding , and more" + NOW), [(3, 31)]),
    bad("T002", "before a closing parenthesis", doc("funding fell (by half )" + NOW), [(3, 30)]),
    bad(
        "T002",
        "before a bracket, not before a free-standing semicolon",
        doc("funding fell [by half ] and rose ;" + NOW[1:]),
        [(3, 30)],
    ),
    # --- T003 mixed-quote-glyphs ------------------------------------------------------------------------------
    ok("T003", "curly only", doc("the Statement’s “right to read” and “freedom to publish”" + NOW)),
    ok("T003", "straight only", doc('the "right to read" and "freedom to publish"' + NOW)),
    bad(
        "T003",
        "straight after curly",
        doc("the “right to read” and “freedom to publish”; and", 'the "right to know"' + NOW),
        [(5, 13), (5, 27)],
    ),
    bad(
        "T003",
        "curly after straight",
        doc('the "right to read" and "freedom to publish"; and', "the “right to know”" + NOW),
        [(5, 13), (5, 27)],
    ),
    # --- T004 inconsistent-us-abbreviation --------------------------------------------------------------------
    ok("T004", "U.S. only", doc("the U.S. government acts; and", "the U.S. Congress" + NOW)),
    ok("T004", "US only", doc("the US government acts; and", "the US Congress" + NOW)),
    ok(
        "T004",
        "US inside a quotation is evidence",
        doc('the U.S. Senate said "the US must act now and act fast"' + NOW),
    ),
    bad(
        "T004",
        "one US among U.S.",
        doc("the US government acts; and", "the U.S. Congress and the U.S. Senate" + NOW),
        [(3, 13)],
    ),
    bad(
        "T004",
        "US at a clause's end",
        doc("they act in the US; and", "the U.S. Congress and the U.S. Senate" + NOW),
        [(3, 25)],
    ),
    # --- T005 undefined-acronym -------------------------------------------------------------------------------
    ok(
        "T005",
        "an operative paragraph's verb in capitals",
        "Rehabilitation in Health Systems\n\nThe Seventy-ninth World Health Assembly,\n\n"
        "(PP1) Recalling resolution WHA76.6 (2023);\n\n(OP1) URGES Member States to act;\n\n"
        "(OP2) ALSO REQUESTS the Director-General to report.\n",
    ),
    ok("T005", "a name AP style allows in every reference", doc("the 2017 IRS tax returns and the FBI report" + NOW)),
    ok("T005", "defined first", doc("the National Education Association (NEA) and the NEA" + NOW)),
    ok("T005", "a slash definition", doc("RSF/Reporters Without Borders and later RSF" + NOW)),
    ok("T005", "a name", doc("PEN International has spoken" + NOW)),
    ok("T005", "the allow option", doc("the NEA supports libraries" + NOW), options={"T005": {"allow": ["NEA"]}}),
    bad("T005", "never defined", doc("the NEA supports libraries" + NOW), [(3, 13)]),
    bad(
        "T005",
        "used before its definition",
        doc("the NEA supports libraries and the National Education Association (NEA) agrees" + NOW),
        [(3, 13)],
    ),
    # A European Parliament resolution (trial 2): its "A. whereas …" recitals under "The European Parliament," are
    # not read as recitals, yet the reader finds "European Labour Authority (ELA)" in them: no "never spelled out"
    ok("T005", "spelled out in a paragraph the structure did not read", EP_FORM, format="markdown"),
    bad(
        "T005",
        "never spelled out anywhere in the same form",
        EP_FORM.replace("the European Labour Authority (ELA)", "the labour authorities"),
        [(13, 29)],
        format="markdown",
    ),
    # a county order's PDF (trial 4): the signature block run on into the last clause; "ATTEST:" opening its line is
    # a form's label, not an acronym; the same word in a sentence still is one
    ok(
        "T005",
        "a form's label opening its line",
        "Order on X\n\nWHEREAS, a is true;\n\nRESOLVED, that the court acts.\nRuth Ellison, County Judge\n"
        "ATTEST:\n______\nAYES: 5\n",
        profile="ronr",
    ),
    bad(
        "T005",
        "the same word inside a sentence",
        "Order on X\n\nWHEREAS, a is true;\n\nRESOLVED, that the court acts under ATTEST: the rules.\n",
        [(5, 37)],
        profile="ronr",
    ),
    # trial 2: the body that resolves, named by its acronym in its own resolving clauses, is known by that name
    ok("T005", "the resolving body's own acronym", SPEAKER, profile="ronr"),
    bad(
        "T005",
        "an acronym the resolving clauses do not speak as",
        SPEAKER.replace("the NAACP calls", "the Association calls").replace("the NAACP urges", "we urge"),
        [(3, 14)],
        profile="ronr",
    ),
    # trial 5: a port's lease "with Salish Shore Marine Services, LLC", an AGM notice's "Grant Ellis LLP as auditor":
    # a company's legal form after its name is part of the name, not an acronym to spell out; alone it still is one
    ok(
        "T005",
        "a company's legal form after its name",
        doc("Salish Shore Marine Services, LLC and Grant Ellis LLP bid" + NOW),
    ),
    bad("T005", "the same word not after a name", doc("the city may form an LLC to hold the land" + NOW), [(3, 30)]),
    # trial 20: an acronym that is a link's text, the link to what it names ("`REUSE <https://reuse.software/>`_")
    ok("T005", "a reStructuredText link's text", doc("the `REUSE <https://reuse.software/>`_ tooling reads it" + NOW)),
    ok(
        "T005",
        "a Markdown link's text",
        "# Resolution on X\n\nWhereas the [REUSE](https://reuse.software/) tooling reads it"
        + NOW
        + "\n\nResolved, that ALA acts.\n",
        format="markdown",
    ),
    bad("T005", "the same acronym without its link", doc("the REUSE tooling reads it" + NOW), [(3, 13)]),
    # the title names an acronym its readers know ("Apache VCL graduation"), but not in a title set all in capitals,
    # where every word looks like one (trial 19: a town's "… IN THE LGRMIF GRANT PROGRAM …" planted never spelled out)
    ok(
        "T005",
        "an acronym a title in plain case uses",
        "Resolution on the LGRMIF Grant\n\nWhereas the Clerk applies to the LGRMIF"
        + NOW
        + "\n\nResolved, that ALA acts.\n",
    ),
    bad(
        "T005",
        "an acronym a title in capitals uses",
        "RESOLUTION ON THE LGRMIF GRANT PROGRAM\n\nWhereas the Clerk applies to the LGRMIF"
        + NOW
        + "\n\nResolved, that ALA acts.\n",
        [(3, 34)],
    ),
    # --- T006 comment-anchor-residue --------------------------------------------------------------------------
    ok(
        "T006",
        "a note reference",
        doc("libraries lost funding [1]" + NOW, notes="\nNotes\n1. Survey. https://example.org/a\n"),
    ),
    ok("T006", "a bracketed aside", doc("libraries lost funding [sic]" + NOW)),
    bad("T006", "an anchor", doc("libraries lost funding[DA2]" + NOW), [(3, 31)]),
    bad("T006", "two anchors", doc("libraries lost funding[JS1] and more[JS2]" + NOW), [(3, 31), (3, 45)]),
    bad("T006", "an anchor inside a quotation", doc('libraries "lost[RA1] funding"' + NOW), [(3, 24)]),
    # --- T007 keyword-spacing: a space after the keyword's comma or colon -------------------------------------
    ok(
        "T007",
        "spaces after the marks",
        PARKS + "Whereas, the parks need care" + NOW + "\n\nResolved, That the city acts.\n",
        profile="ronr",
    ),
    ok("T007", "no mark", PARKS + "Whereas the parks need care" + NOW + "\n\nResolved, that the city acts.\n"),
    ok(
        "T007",
        "a PDF's text (spacing is layout)",
        PARKS + "Whereas,the parks need care" + NOW + "\n\nResolved,That the city acts.\n",
        profile="ronr",
        format="pdf",
    ),
    bad(
        "T007",
        "after both commas",
        PARKS + "Whereas,the parks need care" + NOW + "\n\nResolved,That the city acts.\n",
        [(3, 1), (5, 1)],
        profile="ronr",
    ),
    bad(
        "T007",
        "after a comma and a colon",
        PARKS
        + "WHEREAS,the parks need care; and\n\nWHEREAS, the city can help; now, therefore,\n\nRESOLVED:That the city acts.\n",
        [(3, 1), (7, 1)],
        profile="city",
    ),
]

# T005: words in capitals, codes and definitions are no undefined acronyms
CASES += [
    ok("T005", about, doc(recital))
    for about, recital in [
        ("words in capitals", "the people will TAKE BACK the money given FOR ALL" + NOW),
        ("a section's heading", "SECTION 4. MINIMUM WAGE. Employers shall pay the wage" + NOW),
        ("a form's placeholders", "the criteria are [SELECT ONE] met, dated YYYY-MM-DD" + NOW),
        ("a word of a quoted name", "the “New York State on PAUSE” order is in force" + NOW),
        ("codes", "quote MTK-239 and document FCCC/CP/2015/10 apply" + NOW),
        ("defined with its year", "the California Voting Rights Act of 2001 (CVRA) and the CVRA apply" + NOW),
        ("defined in quotation marks", 'the Elections Code, sections 14025-14032 (the "CVRA") applies' + NOW),
        ("a bracket definition", "restorative practices [“RP”] guide us, and RP heals" + NOW),
        ("a two-word definition", "the Boycott, Divestment and Sanctions Campaign (BDS Campaign) and BDS" + NOW),
        ("spelled out earlier", "the Americans with Disabilities Act changed lives, and the ADA endures" + NOW),
        ("emphasis", "power belongs to ALL the people" + NOW),
        ("a currency", "clients paid $100k CAD" + NOW),
    ]
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_rule(case: Case) -> None:
    case.check()


# --- the fixes ------------------------------------------------------------------------------------------------


def test_whitespace_fixes() -> None:
    text = HEAD + "Whereas\tlibraries lost  funding" + NOW + " \n\n" + TAIL + MOVER
    assert fixed(text, select="T001") == doc("libraries lost funding" + NOW)


def test_the_fix_leaves_a_lists_layout_whole() -> None:
    """The keyword line's tab goes; the list's tabs, the label's spaces and a column's spaces all stay."""
    text = TABBED.replace("Resolved", "\tResolved").replace("M14", "")
    assert fixed(text, select="T001") == TABBED
    headed = "M14  Library Funding Restored\n\n" + ROSTER.format("    ", " " * 8, "  ")[len(HEAD) :]
    assert fixed(headed, select="T001") == headed


def test_a_tab_after_the_keyword_is_called_a_tab() -> None:
    [d] = lint(
        whereas.parse(HEAD + "Whereas\tlibraries lost funding" + NOW + "\n\n" + TAIL + MOVER),
        Settings(select=("T001",)),
    )
    assert "tab" in d.message.lower()


def test_mixed_quote_glyphs_are_information() -> None:
    text = doc("the “right to read” and “freedom to publish”; and", 'the "right to know"' + NOW)
    assert {d.severity.value for d in lint(whereas.parse(text), Settings(select=("T003",)))} == {"info"}


def test_space_before_punctuation_fix() -> None:
    assert fixed(doc("libraries lost funding , and more (all )" + NOW), select="T002") == doc(
        "libraries lost funding, and more (all)" + NOW
    )


def test_us_abbreviation_fix_is_unsafe_and_takes_the_documents_majority_form() -> None:
    text = doc("the US government acts; and", "the U.S. Congress and the U.S. Senate" + NOW)
    [d] = lint(whereas.parse(text), Settings(select=("T004",)))
    assert d.fix is not None and d.fix.applicability == "unsafe"
    assert fixed(text, select="T004") == text
    assert fixed(text, select="T004", unsafe=True) == text.replace("the US government", "the U.S. government")
    end = doc("they act in the US; and", "the U.S. Congress and the U.S. Senate" + NOW)
    assert "in the U.S.; and" in fixed(end, select="T004", unsafe=True)


def test_comment_anchor_fix() -> None:
    assert fixed(doc("libraries lost funding[DA2]" + NOW), select="T006") == doc("libraries lost funding" + NOW)
    # inside quotation marks the anchor is reported, with no fix: quoted words are evidence
    [d] = lint(whereas.parse(doc('libraries "lost[RA1] funding"' + NOW)), Settings(select=("T006",)))
    assert d.fix is None


# --- the seed ------------------------------------------------------------------------------------------------


@needs_seed
def test_seed_findings() -> None:
    text = SEED.read_text(encoding="utf-8")
    whitespace = [(1, 1), (3, 618), (6, 151), (6, 408), (6, 583), (9, 682), (12, 488), (15, 360), (15, 657)]
    # " Whereas" (1, 1); 'and that  "[b]ringing' (6, 151); "; and  [5:" (15, 360); after note 1's block (3, 618)
    assert_findings(text, [("T001", *at) for at in whitespace], select="T001")
    assert_findings(text, [("T002", 3, 362)], select="T002")  # "Library Bill of Rights )"
    assert_findings(text, [("T005", 3, 275)], select="T005")  # "ALA" in "(ALA Universal Right …)"
    assert_findings(text, [], select=("T003", "T004", "T006"))
    for d in lint(whereas.parse(text), Settings(select=("T001",))):
        assert not text[d.span.start : d.span.end].strip()


def test_t005_names_the_definitions_place_as_the_reader_finds_it() -> None:
    """A line number means nothing in a Word file: the message names the clause there, the line in a text file."""
    from whereas.lint import Settings, lint
    from whereas.model import Source
    from whereas.structure import build

    text = (
        "Resolution on Libraries\n\nWhereas the ALA supports libraries; and\n\n"
        "Whereas the American Library Association (ALA) met; now, therefore, be it\n\nResolved, that the club acts.\n"
    )
    for fmt, there in (("docx", "(Whereas clause 2)"), ("text", "(line 5)")):
        found = [d for d in lint(build(Source(text, fmt, None)), Settings()) if d.code == "T005"]
        assert [there in d.message for d in found] == [True], (fmt, [d.message for d in found])
