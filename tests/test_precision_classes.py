"""Families of documents on which a rule used to be wrong (benchmarks/precision.py found them): each test is
a small document of that family, written for it, and the finding a careful reader expects or does not.

The rules run as `whereas check` runs them: with the profile inferred for the document and adapted to
the resolution's own consistent choices.
"""

from __future__ import annotations

import pytest

import whereas
from conftest import CORPUS_2
from whereas.lint import Settings, lint
from whereas.lint.infer import settings_for
from whereas.lint.profiles import PROFILES


def _found(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    """(code, message) of each finding on ``text``."""
    resolutions = whereas.parse(text)
    settings, _ = settings_for(resolutions, fmt, Settings())
    return [(d.code, d.message) for d in lint(resolutions, settings)]


def _codes(text: str, fmt: str = "text") -> list[str]:
    return [code for code, _ in _found(text, fmt)]


# --- recital endings (W004, W005) ---------------------------------------------------------------------


def test_recitals_that_end_with_a_capitalised_and_are_their_own_style() -> None:
    text = (
        "Resolution of No Confidence\n\n"
        "Whereas the President did not consult the Senate, And\n\n"
        "Whereas the Provost cut the budget without notice, And,\n\n"
        "Whereas the faculty were not heard, And\n\n"
        "Whereas the students were not heard;\n\n"
        "Be it resolved that the Faculty Senate has no confidence in the President.\n"
    )
    assert "W004" not in _codes(text)


def test_a_recital_ending_inside_a_closing_quotation_mark_has_its_semicolon() -> None:
    text = (
        "Resolution on Access\n\n"
        "WHEREAS, the charter promises “access for all;”\n\n"
        "WHEREAS, the library is closed on Sundays; now, therefore, be it\n\n"
        "RESOLVED, that the library opens on Sundays.\n"
    )
    assert "W004" not in _codes(text)


def test_a_recital_that_ends_with_an_indented_list_it_sets_off_is_not_judged_by_the_list() -> None:
    text = (
        "RESOLUTION NO. 23-12\n\n"
        "WHEREAS, an election is to be held for the following areas and terms of office:\n\n"
        "      Area IV\n      Term: 4 years\n      (07/01/2024 – 06/30/2028)\n\n"
        "      Area V\n      Term: 4 years\n      (07/01/2024 – 06/30/2028)\n\n"
        "WHEREAS, Areas IV and V are in the county;\n\n"
        "NOW, THEREFORE, BE IT RESOLVED, that the Board orders the election.\n"
    )
    (r,) = whereas.parse(text)
    assert [c.text.split()[:2] for c in r.preamble] == [["WHEREAS,", "an"], ["WHEREAS,", "Areas"]]
    assert "Area V Term: 4 years" in r.preamble[0].text  # the list's second entry stays in its recital
    assert "W004" not in _codes(text)


def test_a_recital_without_and_among_comma_and_recitals_is_told_once() -> None:
    text = (
        "Shareholder Resolution\n\n"
        "Whereas, the bylaws state our purpose, and\n\n"
        "Whereas, the change is vague, and\n\n"
        "Whereas, the wording is broad;\n\n"
        "Whereas, members have objected, and\n\n"
        "Whereas, the board must act in good faith.\n\n"
        "Resolved, that the initiative is not adopted.\n"
    )
    found = _found(text)
    assert [code for code, _ in found if code in ("W004", "W005")] == ["W004"]
    assert any('","' in message for code, message in found if code == "W004")  # the document's own ending


def test_prose_paragraphs_before_the_recitals_are_no_recitals_to_punctuate() -> None:
    text = (
        "Vote of No Confidence\n\n"
        "The college has one campus. It serves the whole borough.\n\n"
        "It is the job of the President to lead.\n\n"
        "Whereas the President has failed to lead;\n\n"
        "Whereas the Provost has failed to lead;\n\n"
        "Be it resolved that the Senate has no confidence in either.\n"
    )
    assert "W004" not in _codes(text) and "W007" not in _codes(text)


# --- resolving lists (R003) ---------------------------------------------------------------------------


def test_a_list_of_sentences_reports_only_the_item_without_a_period() -> None:
    text = (
        "Resolution on the Manual\n\n"
        "Whereas members need a manual;\n\n"
        "Resolved, that the following content shall be written:\n\n"
        "1. Staff will write how to contact the office, including: 1. How to file a grievance, 2. How to update an address\n"
        "2. Working groups will write how to join them\n"
        "3. Committees will write how to contact them.\n"
        "4. Commissions will write how to take part in them.\n"
    )
    found = [message for code, message in _found(text, "markdown") if code == "R003"]
    assert found == ['Item 2 should end with "." as the list\'s other sentences do']


def test_an_item_ending_with_a_semicolon_in_a_list_of_sentences_is_not_told_to_end_with_a_period() -> None:
    text = (
        "Resolution on the Election\n\n"
        "WHEREAS, an election is due;\n\n"
        "BE IT RESOLVED, that the County is requested to:\n\n"
        "1. Consolidate the election with any other election held that day;\n"
        "2. Provide all election services.\n"
        "3. This Resolution shall be the notice of election.\n"
    )
    assert "R003" not in _codes(text, "markdown")


# --- acronyms (T005) ----------------------------------------------------------------------------------


def test_names_that_stand_for_nothing_need_no_spelling_out() -> None:
    text = (
        "Resolution on Admissions\n\n"
        "WHEREAS, the colleges reassess the SAT and ACT admissions exams;\n\n"
        "RESOLVED, that the University suspends the use of the SAT and ACT.\n"
    )
    assert "T005" not in _codes(text)
    assert "T005" in _codes(text.replace("ACT admissions", "ACT and TOEFL admissions"))


# --- structure the rules stand on ---------------------------------------------------------------------


def test_the_next_section_after_a_quoted_article_stays_in_its_ordinance() -> None:
    text = (
        "ORDINANCE NO. 2008\n\n"
        "WHEREAS, the City wishes to protect farmland;\n\n"
        "NOW, THEREFORE, THE PEOPLE OF THE CITY DO HEREBY ORDAIN AS FOLLOWS:\n\n"
        "Section 1. Article IA is hereby added to the Municipal Code to read as follows:\n\n"
        "Article 1A. Farmland.\n\n"
        "{{{\n\nEditors note: the article follows as printed\n\n}}}\n\n"
        "The purpose of this Article is to protect farmland. Section 2. Effective Date. This Ordinance takes effect at once.\n"
    )
    found = whereas.parse(text)
    assert len(found) == 1
    assert [c.text.split(".")[0] for c in found[0].resolved][-1] == "Section 2"
    assert "S001" not in _codes(text)


def test_a_resolved_heading_over_that_paragraphs_needs_no_comma() -> None:
    text = (
        "# Resolution on Parks\n\n## Whereas\n\nWHEREAS, parks matter;\n\n"
        "## Resolved\n\nThat the members support the parks.\n"
    )
    assert "R004" not in _codes(text, "markdown")


def test_a_un_style_resolution_has_no_preamble_formula_to_miss() -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolution 72/3,\n\nNoting with concern the report,\n\n"
        "1. Welcomes the report;\n\n2. Also welcomes the plan;\n\n3. Requests a further report.\n"
    )
    assert "W006" not in _codes(text)


def test_notes_in_logical_punctuation_throughout_are_their_own_style() -> None:
    text = (
        "Resolution on Safeguards\n\nWHEREAS, the Agency reported on safeguards;[^1] now, therefore, be it\n\n"
        "RESOLVED, that the Association welcomes the report.\n\n"
        '[^1]: Agency, "Safeguards Statement". https://example.org/safeguards\n'
    )
    assert "C005" not in _codes(text, "markdown")
    both = text + '\n[^2]: Agency, "Annual Report," https://example.org/annual\n'
    both = both.replace("safeguards;[^1]", "safeguards[^2];[^1]")
    assert "C005" in _codes(both, "markdown")  # one note puts it inside: the other is told


def test_note_order_is_not_judged_in_a_pdfs_text() -> None:
    """Call-outs in a PDF's text are digits glued to words ("Development,2"); some are missed, so the order
    of the ones found says nothing (N003 and N004 stay silent there)."""
    pdf = CORPUS_2 / "intergovernmental" / "un-general-assembly--a-res-73-7.pdf"
    if not pdf.is_file():
        pytest.skip("../shared/corpus-2 is absent")
    from whereas.api import CheckOptions, check_paths

    codes = {d.code for d in check_paths([pdf], CheckOptions()).diagnostics}
    assert not codes & {"N003", "N004"}


def test_a_list_item_that_quotes_bylaw_text_in_a_fence_is_judged_by_its_own_words() -> None:
    text = (
        "# RESOLUTIONS OF THE BOARD\n\n## IT WAS RESOLVED THAT\n"
        "1. The directors approve the allocation of surplus capital.\n\n"
        "2. The directors approve an amendment of the bylaws:\n\n"
        "    ```txt\n    A. is an employee of the Co-operative;\n    ```\n"
    )
    assert "R003" not in _codes(text, "markdown")


def test_the_last_recitals_ending_before_the_resolving_part_is_the_connectors_alone() -> None:
    """W006 supplies "; now, therefore," where the connector is missing; W004 does not also replace the period
    (two fixes at one place, and --fix and --unsafe-fixes would give different texts)."""
    text = (
        "RESOLUTION ON OPEN DATA\n\nWHEREAS, open data drives innovation; and\n\n"
        "WHEREAS, privacy will be maintained as a paramount priority.\n\n"
        "RESOLVED, that the City Manager establish an open data program.\n"
    )
    codes = _codes(text)
    assert "W006" in codes and "W004" not in codes


def test_be_it_resolved_after_the_last_recital_gets_no_second_be_it() -> None:
    text = (
        "Resolution on a Spanish-language Web Site\n\nWhereas: Latinx communities are the largest oppressed minority.\n\n"
        "Whereas: A socialist transformation is unthinkable without Latinx working people.\n\n"
        "Be it resolved, the National Political Committee will establish a Spanish-language web site.\n"
    )
    assert "W006" not in _codes(text, "markdown")


def test_an_acronym_defined_in_gpo_quotation_marks_is_defined() -> None:
    text = (
        "Resolution on Aviation\n\nWhereas women are underrepresented in science, technology, engineering, and "
        "mathematics (commonly known as ``STEM'') fields; now, therefore, be it\n\n"
        "Resolved, That the Senate supports STEM education.\n"
    )
    assert "T005" not in _codes(text)


def test_resolved_in_lower_case_after_therefore_be_it_is_right() -> None:
    text = (
        "Resolution on Growth\n\nWhereas: DSA has grown.\n\n"
        "Therefore be it resolved, that the Convention directs the committee to plan for growth; and be it\n\n"
        "Resolved, that this plan shall include a roadmap; and be it\n\nResolved, that the plan be reported.\n"
    )
    assert "R001" not in _codes(text, "markdown")


def test_a_sections_list_ends_with_a_period() -> None:
    text = (
        "RESOLUTION NO. R17-51\n\nWHEREAS, the City values open data;\n\n"
        "NOW, THEREFORE, BE IT RESOLVED BY THE COUNCIL OF THE CITY AS FOLLOWS:\n\n"
        "SECTION 1. That the City establishes an open data program.\n\n"
        "SECTION 2. That data will be published:\n\na. in open formats;\n\nb. in a central location\n\n"
        "c. with rights to reuse it.\n\nSECTION 3. That the City Manager reports each year.\n"
    )
    told = [message for code, message in _found(text) if code == "R003"]
    assert told == ['Item b should end with "; and"']  # not "Item c should end with ';'": SECTION 2 ends there


def test_a_list_run_into_a_sentence_takes_the_sentences_commas() -> None:
    text = (
        "Resolution on Research Funds\n\nWHEREAS, the college cut research funds;\n\n"
        "BE IT RESOLVED, that the college restore funding for (a) conference travel, (b) internal fellowships, "
        "(c) library resources, and (d) other resources essential for research.\n"
    )
    assert "R003" not in _codes(text)


def test_a_preamble_whose_paragraphs_all_end_with_a_period_is_its_own_style() -> None:
    text = (
        "Updated Resolution\n==================\n\nWhereas the Trademark Program supports tests in any location of\n\n"
        "* the tempest repository\n* a plugin\n\nas long as they run.\n\n"
        "And the QA Team and the projects share responsibility for the tests.\n\n"
        "And trademark tests are expected to change rarely.\n\n"
        "It is resolved that trademark tests live in one location.\n"
    )
    assert "W004" not in _codes(text)


def test_a_capitalised_word_after_whereas_never_written_in_lowercase_may_be_a_name() -> None:
    """W003 under a lowercase profile: "Whereas Iran and Russia …" — a word the clauses never write in
    lowercase is as likely a name as not, and the rule says nothing; a word they do write in lowercase
    ("members") is a common word capitalised."""
    head = "Resolution on Peace\n\nWhereas {w} and Russia intervened;\n\nWhereas the members agree: Now, therefore, be it\n\n"
    text = head + "Resolved, That the Senate calls for peace.\n"
    settings = Settings(profile=PROFILES["congress"], profile_source="option")
    iran = [d.code for d in lint(whereas.parse(text.format(w="Iran")), settings) if d.code == "W003"]
    assert iran == []
    members = [d.code for d in lint(whereas.parse(text.format(w="Members")), settings) if d.code == "W003"]
    assert members == ["W003"]


def _un_text(callout: str) -> str:
    """A UN resolution as a text export of its PDF: footnotes under a rule, call-outs flattened into the line."""
    return (
        "Report of the Agency\n\nThe General Assembly,\n\n"
        "Having received the report of the Agency,1\n\n"
        "Taking note of the decisions on agenda item 8 entitled “Election of Members”;" + callout + " item 15\n\n"
        "1. Takes note of the report of the Agency;\n\n"
        "2. Reaffirms its strong support for the Agency.\n\n"
        "__________________\n"
        "1 See the report of the Agency.\n"
        "2 See the resolution entitled “Restoration of the Sovereign Equality of Member States”.\n"
    )


def test_a_pdf_text_exports_footnotes_are_never_said_to_be_unreferenced() -> None:
    """In a text export of a PDF the superscript call-outs are flattened into the line ("Members”; 2 item 15"):
    whether note 2 is called out cannot be told, and N003 says nothing."""
    assert "N003" not in _codes(_un_text(" 2"))
    # in a Markdown document with a signature rule, a footnote nobody calls out is still found
    md = (
        "Resolution on Parks\n\nWhereas the parks need care;[^1] now, therefore, be it\n\n"
        "Resolved, that the city acts.\n\n____________________\nMayor\n\n"
        "[^1]: Parks report.\n[^2]: Budget report.\n"
    )
    assert "N003" in _codes(md)


def test_recitals_written_as_sentences_need_no_connector_before_resolved() -> None:
    """An ICANN or foundation board's minutes: "Whereas, … ." recital after recital, then "Resolved
    (2026.01.22.02), the Board …" — the document writes every recital as a sentence, and W006 asks for no "; therefore,
    be it" after the last one; where the recitals end "; and", the last one that ends with a period still lacks it."""
    item = (
        "{title}\n\nWhereas, the Bylaws call for an advisory committee on the root server system.\n\n"
        "Whereas, the Bylaws call for the Board to appoint its co-chairs{end}\n\n"
        "Whereas, the committee has selected a co-chair for a two-year term.\n\n"
        "Resolved ({n}), the Board appoints the co-chair selected by the committee.\n\n"
    )
    sentences = item.format(title="Appointment of Co-Chairs", end=".", n="2026.01.22.02") + item.format(
        title="Renewal of the Registry Agreement", end=".", n="2026.01.22.03"
    )
    assert "W006" not in _codes(sentences)
    joined = item.format(title="Appointment of Co-Chairs", end="; and", n="2026.01.22.02").replace(
        "root server system.", "root server system; and"
    )
    assert "W006" in _codes(joined)


# --- a packet whose every resolution runs its recitals into "Resolved" (W006) -----------------------------------


def _plenary(last_of_second: str) -> str:
    return (
        "### 9.01 S26 Ensure Faculty Primacy in Detection Tools\n\n"
        "Whereas, colleges have bought detection tools without consulting their senates; and\n\n"
        "Whereas, the tools flag multilingual students more often than others;\n\n"
        "Resolved, That the Academic Senate urge local senates to assert their purview.\n\n"
        "### 13.02 S26 Support Zero Textbook Cost Pathways\n\n"
        "Whereas, the Legislature funded Zero Textbook Cost degrees; and\n\n"
        f"Whereas, career programs have developed few such pathways{last_of_second}\n\n"
        "Resolved, That the Academic Senate seek funding for career education faculty.\n"
    )


def test_a_packet_whose_every_resolution_ends_its_preamble_with_a_bare_semicolon_has_that_form() -> None:
    """An academic senate's plenary packet (ASCCC) or a board's minutes: "Whereas, …;" then "Resolved, That …" in
    every resolution, the document consistent in it; W006 asks no "; therefore, be it" of any of them."""
    assert "W006" not in _codes(_plenary(";"), "markdown")


def test_one_resolution_with_a_bare_semicolon_is_still_asked_for_its_connector() -> None:
    """Where the other resolution of the packet writes the connector, the bare ";" is the odd one out; and a
    single resolution shows no form of its own."""
    assert _codes(_plenary("; therefore, be it"), "markdown").count("W006") == 1
    single = "Resolution on X\n\nWhereas, a; and\n\nWhereas, b;\n\nResolved, That the Senate acts.\n"
    assert "W006" in _codes(single)


def test_a_note_pointing_to_a_print_copy_cites_no_web_source() -> None:
    """C001 read "available from the Department Office" as a web address left out (trial 13); an "Available at:"
    whose address was lost, or "available on the city's website", is one."""
    doc = (
        "# Resolution on Teaching Loads\n\nWhereas the survey found unequal loads;[^1] now, therefore, be it\n\n"
        "Resolved, that the department review teaching loads.\n\n"
    )
    office = "[^1]: Responses from 47 of 61 assistants; the full report is available from the Department Office.\n"
    assert "C001" not in _codes(doc + office, "markdown")
    for lost in (
        "[^1]: Survey report, 2024. Available at:\n",
        "[^1]: Survey report, available on the city's website.\n",
    ):
        assert "C001" in _codes(doc + lost, "markdown"), lost


def test_resolved_without_a_comma_in_every_clause_is_the_resolutions_own_way() -> None:
    """An Indian trust's "1. RESOLVED THAT …" / "2. RESOLVED FURTHER THAT …" (trial 14), a graduate association's
    "Resolved that" all through (trial 11): R004 told every clause to take ALA's comma under an inferred profile. A
    lone "Resolved that", or one among "Resolved, that" clauses, is still told."""
    extract = (
        "EXTRACT OF THE RESOLUTIONS PASSED AT THE MEETING OF THE BOARD OF TRUSTEES HELD ON 16th MARCH 2025\n\n"
        "1. RESOLVED THAT the Board of Trustees hereby approves the renovation of the hall.\n\n"
        "2. RESOLVED FURTHER THAT a Renovation Committee be constituted to oversee the works.\n"
    )
    assert "R004" not in _codes(extract)
    mixed = extract.replace("2. RESOLVED FURTHER THAT", "2. RESOLVED FURTHER, THAT")
    assert _codes(mixed).count("R004") == 1
    lone = "Resolution on the Hall\n\nWhereas the hall is old; now, therefore, be it\n\nResolved that the hall be renovated.\n"
    assert "R004" in _codes(lone)


def test_a_tie_between_quotation_styles_is_not_called_a_majority() -> None:
    """One straight pair beside one curly pair: T003 said the document "mostly uses curly marks (2 curly, 2 straight)"."""
    doc = (
        "Resolution on Reading\n\nWhereas the statement says “read freely”; and\n\n"
        'Whereas the board affirms "the freedom to read"; now, therefore, be it\n\n'
        "Resolved, that the board supports reading.\n"
    )
    messages = [message for code, message in _found(doc) if code == "T003"]
    assert messages and all("starts with, and as often uses, curly marks (2 curly, 2 straight)" in m for m in messages)


def test_a_name_spelled_out_in_capitals_in_a_letterhead_is_spelled_out() -> None:
    """T005 said "'ATU' is never spelled out" under the letterhead "AMALGAMATED TRANSIT UNION LOCAL 1309" (trial 17):
    only names in title case were read as written out."""
    doc = (
        "AMALGAMATED TRANSIT UNION LOCAL 1309\n\nRESOLUTION ON THE SUBCONTRACTING OF PARATRANSIT SERVICE\n\n"
        "WHEREAS, the District plans to subcontract its paratransit service; therefore be it\n\n"
        "RESOLVED, that copies of this resolution be sent to the ATU International.\n"
    )
    assert "T005" not in _codes(doc)
    assert "T005" in _codes(doc.replace("AMALGAMATED TRANSIT UNION LOCAL 1309", "LOCAL 1309"))
