"""Without a chosen profile, each document is checked with the profile of the body it names (lint/infer.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import whereas
from conftest import SEED, needs_seed, run_cli
from whereas.lint.infer import adapt, infer_profile
from whereas.lint.profiles import PROFILES

CITY = """RESOLUTION NO. 12

WHEREAS, the City Council of the City of Springfield maintains the public library; and

WHEREAS, the library serves every resident;

NOW, THEREFORE, BE IT RESOLVED by the City Council of the City of Springfield that the library be funded.
"""

LABOR = """Resolution on Staffing

WHEREAS, the members of Local 1199 work short-staffed; and

WHEREAS, our union has asked for more staff;

RESOLVED, that this union will bargain for safe staffing.
"""

FACULTY = """Resolution on Research Funding

WHEREAS the faculty have lost travel funds; and

WHEREAS the college needs research;

BE IT RESOLVED that the Faculty Senate asks the college to restore the funds.
"""

MIXED = """Resolution on Research Funding

WHEREAS the faculty have lost travel funds; and

WHEREAS the students have lost lab time; and

Whereas the college needs research;

BE IT RESOLVED that the Faculty Senate asks the college to restore the funds.
"""


def _infer(text: str, fmt: str = "text") -> tuple[str, str]:
    choice = infer_profile(whereas.parse(text), fmt)
    return choice.profile.name, choice.reason


@pytest.mark.parametrize(
    ("text", "name", "evidence"),
    [
        (CITY, "city", "City Council"),
        (LABOR, "labor", "this union"),
        (FACULTY, "ronr", "no body's own style recognised"),
        (
            "Whereas a; now, therefore, be it\n\nResolved, that the American Library Association acts.\n",
            "ala",
            "American Library Association",
        ),
        (
            "Whereas a;\n\nResolved by the Senate (the House of Representatives concurring), That b.\n",
            "congress",
            "Resolved by the Senate",
        ),
    ],
)
def test_the_body_a_document_names_chooses_its_profile(text: str, name: str, evidence: str) -> None:
    found, reason = _infer(text)
    assert found == name
    assert reason.startswith("inferred:") and evidence in reason


def test_formats_decide_first() -> None:
    assert _infer(FACULTY, "uslm") == ("congress", "inferred: US legislative XML")
    assert _infer(FACULTY, "chicago-xml") == ("city", "inferred: Chicago City Council XML")


@needs_seed
def test_the_seed_is_ala_with_all_its_findings(tmp_path: Path) -> None:
    inferred = run_cli("check", SEED, "--format", "json", cwd=tmp_path)
    chosen = run_cli("check", SEED, "--format", "json", "--profile", "ala", cwd=tmp_path)
    rows = json.loads(inferred.stdout)
    assert rows and all(r["profile"]["name"] == "ala" for r in rows)
    assert "American Library Association" in rows[0]["profile"]["reason"]
    strip = [{k: v for k, v in r.items() if k != "profile"} for r in rows]
    assert strip == [{k: v for k, v in r.items() if k != "profile"} for r in json.loads(chosen.stdout)]


def test_a_consistent_document_gets_no_house_style_findings(tmp_path: Path) -> None:
    (tmp_path / "faculty.md").write_text(FACULTY, encoding="utf-8")
    inferred = run_cli("check", "faculty.md", "--format", "json", cwd=tmp_path)
    assert not {r["code"] for r in json.loads(inferred.stdout)} & {"W001", "W002", "W003", "R001", "R002"}
    # the same document held to Robert's Rules as written: comma and capital after WHEREAS, "Resolved"
    strict = run_cli("check", "faculty.md", "--format", "json", "--profile", "ronr", cwd=tmp_path)
    assert {"W001", "W002"} <= {r["code"] for r in json.loads(strict.stdout)}


def test_an_inconsistent_document_is_held_to_its_own_majority(tmp_path: Path) -> None:
    (tmp_path / "mixed.md").write_text(MIXED, encoding="utf-8")
    rows = json.loads(run_cli("check", "mixed.md", "--format", "json", cwd=tmp_path).stdout)
    w001 = [r for r in rows if r["code"] == "W001"]
    assert [(r["line"], r["message"]) for r in w001] == [(7, '"Whereas": the rest of this document writes "WHEREAS"')]


def test_exact_house_styles_are_not_adapted() -> None:
    resolutions = whereas.parse(MIXED)
    assert adapt(PROFILES["ala"], resolutions) is PROFILES["ala"]
    assert adapt(PROFILES["congress"], resolutions) is PROFILES["congress"]
    adapted = adapt(PROFILES["ronr"], resolutions)
    assert adapted.adapted and adapted.whereas_keyword == "WHEREAS" and adapted.whereas_comma is False


def test_every_report_names_the_profile_and_why(tmp_path: Path) -> None:
    (tmp_path / "city.md").write_text(CITY, encoding="utf-8")
    (tmp_path / "faculty.md").write_text(FACULTY, encoding="utf-8")
    one = run_cli("check", "city.md", cwd=tmp_path)
    assert 'Profile: city (inferred: its resolving clauses open with "City Council").' in one.stdout
    both = run_cli("check", "city.md", "faculty.md", cwd=tmp_path)
    assert (
        "Profiles: city for 1 file, ronr for 1 file" in both.stdout
        or "Profiles: ronr for 1 file, city for 1 file" in both.stdout
    )
    chosen = run_cli("check", "city.md", "--profile", "labor", cwd=tmp_path)
    assert "Profile: labor (--profile)." in chosen.stdout
    sarif = json.loads(run_cli("check", "city.md", "--format", "sarif", "--profile", "ala", cwd=tmp_path).stdout)
    props = [r["properties"] for r in sarif["runs"][0]["results"]]
    assert props and all(p["profile"] == "ala" and p["profileReason"] == "--profile" for p in props)


def _codes(text: str, fmt: str = "text") -> list[str]:
    from whereas.lint import Settings, lint
    from whereas.lint.infer import settings_for

    resolutions = whereas.parse(text)
    settings, _ = settings_for(resolutions, fmt, Settings())
    return [d.code for d in lint(resolutions, settings)]


def test_a_that_which_breaks_the_documents_own_majority_is_reported() -> None:
    """ "Resolved, That" twice and "Resolved, that" once: the clause that breaks the document's own way is
    reported; an even split, or one way throughout, is the document's own and gets nothing."""
    head = "Resolution on Start Times\n\nWhereas, schools start early; now, therefore, be it\n\n"
    clause = "Resolved, {} the PTA acts on {}; and be it further\n\n"
    mixed = head + clause.format("That", "A") + clause.format("that", "B") + "Resolved, That the PTA shares it.\n"
    assert _codes(mixed).count("R002") == 1
    even = head + clause.format("That", "A") + "Resolved, that the PTA shares it.\n"
    assert "R002" not in _codes(even)
    same = head + clause.format("that", "A") + clause.format("that", "B") + "Resolved, that the PTA shares it.\n"
    assert "R002" not in _codes(same)


def test_a_un_style_preamble_ending_in_commas_is_its_own_style() -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolution 72/3,\n\nNoting with appreciation the report,\n\n"
        "Convinced that cooperation is essential,\n\n1. Welcomes the report;\n\n2. Requests a further report.\n"
    )
    codes = _codes(text)
    assert "W004" not in codes and "W005" not in codes


def test_recitals_written_as_sentences_are_their_own_style_but_an_odd_one_out_is_reported() -> None:
    text = (
        "Resolution on Housing\n\nWHEREAS rents rose by a third.\n\nWHEREAS wages did not.\n\n"
        "WHEREAS tenants organize.\n\nWHEREAS landlords evict;\n\nWHEREAS the city waits.\n\n"
        "BE IT RESOLVED that the chapter supports rent control.\n"
    )
    codes = _codes(text)
    assert "W007" not in codes
    assert codes.count("W004") == 1  # "landlords evict;" breaks the resolution's own way


def test_each_resolution_of_a_file_is_held_to_its_own_choices() -> None:
    """A convention's file of many drafters: one writes "WHEREAS," throughout, the next "WHEREAS" without comma."""
    one = "## 1. Parks\n\nWHEREAS, parks matter; and\n\nWHEREAS, they need care;\n\nRESOLVED, that we fund them.\n\n"
    two = "## 2. Roads\n\nWHEREAS roads matter; and\n\nWHEREAS they need care;\n\nRESOLVED, that we fund them.\n\n"
    three = "## 3. Trees\n\nWHEREAS trees matter; and\n\nWHEREAS they need care;\n\nRESOLVED, that we plant them.\n"
    assert "W002" not in _codes(one + two + three, "markdown")


def test_and_on_every_recital_or_on_none_is_consistent() -> None:
    every = "Resolution on X\n\nWhereas a; and\n\nWhereas b; and\n\nWhereas c;\n\nResolved, that we act.\n"
    none = "Resolution on X\n\nWhereas a;\n\nWhereas b;\n\nWhereas c;\n\nResolved, that we act.\n"
    odd = "Resolution on X\n\nWhereas a; and\n\nWhereas b; and\n\nWhereas c;\n\nWhereas d; and\n\nWhereas e;\n\nResolved, that we act.\n"
    assert "W005" not in _codes(every) and "W005" not in _codes(none)
    assert _codes(odd).count("W005") == 1  # the one recital without "and" among those with it


def test_a_list_of_names_without_punctuation_is_its_own_style() -> None:
    text = (
        "Resolution to Establish the Apache Samza Project\n\nWHEREAS, the Board deems it in the best interests; now, therefore, be it\n\n"
        "RESOLVED, that the following persons be appointed:\n\n * Jane Roe <jane at apache dot org>\n"
        " * John Doe <john at apache dot org>\n * Mary Major <mary at apache dot org>\n"
    )
    assert "R003" not in _codes(text)
    odd = text.replace("<john at apache dot org>", "<john at apache dot org>;")
    assert "R003" in _codes(
        odd.replace(
            " * Mary Major <mary at apache dot org>\n",
            " * Mary Major <mary at apache dot org>\n * Ann Lee <ann at apache dot org>\n",
        )
    )


def test_be_it_resolved_without_a_comma_throughout_is_its_own_style() -> None:
    text = (
        "House Resolution 4119\n\nWHEREAS, the roads need signs;\n\nNOW THEREFORE BE IT RESOLVED that the House supports signs; and\n\n"
        "BE IT FURTHER RESOLVED that the Clerk sends a copy.\n"
    )
    assert "R004" not in _codes(text)
    assert "R004" in _codes(
        text.replace("NOW THEREFORE BE IT RESOLVED that", "RESOLVED that")
    )  # a plain "Resolved" takes its comma


ARTICLE = (
    "At its meeting the Ministers' Union adopted the following resolutions:—\n\n"
    "WHEREAS, the Fair is to be opened on Sunday; therefore, be it\n\n"
    "Resolved, That we protest against the opening.\n"
)


def test_a_resolution_an_article_reproduces_is_marked_and_needs_no_title_or_sponsor() -> None:
    [r] = whereas.parse(ARTICLE)
    assert r.reproduced
    assert "S001" not in _codes(ARTICLE)
    [own] = whereas.parse(ARTICLE.split("\n\n", 1)[1])
    assert not own.reproduced and "S001" in _codes(ARTICLE.split("\n\n", 1)[1])


def test_an_inferred_profile_asks_for_no_sponsor_line_a_chosen_one_does(tmp_path: Path) -> None:
    (tmp_path / "city.txt").write_text(CITY, encoding="utf-8")
    assert "S002" not in _codes(CITY)
    proc = run_cli("check", "--profile", "city", "--select", "S002", "city.txt", cwd=tmp_path)
    assert proc.returncode == 1 and "S002" in proc.stdout


@pytest.mark.parametrize(
    "text",
    [
        # a state legislature's memorial to Congress: Congress is who it writes to, not who speaks
        "House Concurrent Resolution No. 36\n\nWHEREAS, the veterans served; now, therefore, be it\n\n"
        "RESOLVED that the members of the Missouri House of Representatives urge the Congress of the United States to act.\n",
        # a state legislature resolving by its own chamber, in Congress's words but of its own state
        "Senate Joint Resolution 26-004\n\nWHEREAS, The watersheds need care; and\n\nWHEREAS, The state acts; now, "
        "therefore,\n\nBe It Resolved by the Senate of the Seventy-fifth General Assembly of the State of Colorado, the "
        "House of Representatives concurring herein:\n\nThat the General Assembly supports the watersheds.\n",
        # a state's memorial whose title names Congress as whom it writes to
        "To the Congress of the United States of America:\n\nWHEREAS, the river floods; and\n\nWHEREAS, the levees "
        "fail;\n\nRESOLVED, that the Legislature of Arizona prays for levee funds.\n",
        "A Resolution memorializing the 119th Congress to fund levees\n\nWHEREAS, the river floods;\n\n"
        "RESOLVED, that the Legislature of Arizona asks for levee funds.\n",
        # a proclamation of National Library Week made in conjunction with the American Library Association
        "Legislative Resolution\n\nWHEREAS, libraries serve everyone; now, therefore, be it\n\n"
        "RESOLVED, That this Legislative Body proclaims National Library Week, in conjunction with the American "
        "Library Association (ALA) and libraries across the country.\n",
        # ministers who protest to "our mayor" and against "an ordinance": words any text uses in passing
        "Resolutions of the Ministers' Union\n\nWHEREAS, our mayor proposes an ordinance to open saloons on Sunday; "
        "therefore, be it\n\nResolved, That we ask the aldermen to refuse it.\n",
    ],
)
def test_a_body_the_text_only_mentions_does_not_choose_the_profile(text: str) -> None:
    choice = infer_profile(whereas.parse(text), "text")
    assert choice.profile.name == "ronr", choice.reason


def test_a_local_governments_name_in_the_text_still_tells_its_document() -> None:
    text = (
        "Resolution No. 259\n\nWHEREAS, the City of Rivergrove charges fees for planning; now, therefore,\n\n"
        "RESOLVED, that the fees are set as follows.\n"
    )
    choice = infer_profile(whereas.parse(text), "text")
    assert (choice.profile.name, choice.reason) == ("city", 'inferred: its text names "City of Rivergrove"')


def test_an_unrecognised_body_is_not_held_to_a_limit_on_recitals_or_to_one_sentence() -> None:
    """The fallback profile knows no body's guide: no S004 for a long preamble, no W007 for a recital of two
    sentences; the same text under a chosen ``ronr`` profile still gets both."""
    recitals = "".join(f"WHEREAS the faculty met in room {i} and stayed. It voted; and\n\n" for i in range(12))
    text = f"Resolution on Research Funding\n\n{recitals}WHEREAS the college needs research;\n\nBE IT RESOLVED that the Faculty Senate asks for funds.\n"
    [r] = whereas.parse(text)
    assert infer_profile([r], "text").profile.disabled[-2:] == ("S004", "W007")
    codes = _codes(text)
    assert "S004" not in codes and "W007" not in codes
    from whereas.lint import Settings, lint

    chosen = [d.code for d in lint(whereas.parse(text), Settings(profile=PROFILES["ronr"]))]
    assert "S004" in chosen and "W007" in chosen


def test_it_is_hereby_resolved_after_sentences_needs_no_connector() -> None:
    text = (
        "Resolution on Textbooks\n\nWHEREAS, the district provided textbooks to every pupil.\n\n"
        "WHEREAS, the board held a public hearing.\n\nIT IS HEREBY RESOLVED that the board finds the textbooks sufficient.\n"
    )
    assert "W006" not in _codes(text)
    assert "W006" in _codes(text.replace("IT IS HEREBY RESOLVED that", "RESOLVED, that"))


def test_an_unpunctuated_list_whose_last_item_carries_the_clauses_and_is_its_own_style() -> None:
    text = (
        "Resolution on Staffing\n\nWHEREAS staff are few;\n\nBE IT RESOLVED that the review will be:\n"
        "1. Conducted by the Personnel Committee\n2. Conducted with the Guild\n3. Concluded by January, and\n\n"
        "BE IT FURTHER RESOLVED that the report is published.\n"
    )
    assert "R003" not in _codes(text)
    # in the last clause the same ", and" ends nothing: the list is reported
    last = text.replace("\n\nBE IT FURTHER RESOLVED that the report is published.\n", "\n")
    assert "R003" in _codes(last)


def test_an_acronym_the_title_uses_is_the_name_its_readers_know() -> None:
    text = (
        "DSA Convention Resolution on Training\n\nWHEREAS members need training;\n\n"
        "BE IT RESOLVED that DSA and the NPC create a program.\n"
    )
    codes = _codes(text)
    assert codes.count("T005") == 1  # NPC, not DSA


def test_recitals_set_one_per_line_without_marks_are_their_own_style() -> None:
    lines = ["Whereas dues fell", "Whereas members left", "Whereas chapters lack funds", "Whereas locals organize"]
    text = "Resolution on Dues\n\n" + "\n\n".join(lines) + ";\n\nBe it resolved that the chapter keeps half.\n"
    assert "W004" not in _codes(text)
    # two with a mark, one without: the marked ones are the style, the unmarked one is told
    mixed = text.replace("Whereas dues fell", "Whereas dues fell;").replace("members left", "members left;")
    assert _codes(mixed).count("W004") == 1


def test_a_bill_as_gpo_prints_it_is_congress_s() -> None:
    head = (
        "[Congressional Bills 117th Congress]\n[From the U.S. Government Publishing Office]\n\n"
        "    117th CONGRESS\n      1st Session\n    S. RES. 92\n\n     Designating March 5 as Debate Day.\n\n"
        "                       IN THE SENATE OF THE UNITED STATES\n\n"
    )
    body = "    Whereas debate teaches: Now, therefore, be it\n        Resolved, That the Senate designates March 5.\n"
    choice = infer_profile(whereas.parse(head + body), "text")
    assert (choice.profile.name, choice.reason) == ("congress", 'inferred: its heading reads "117th CONGRESS"')
    # the same words in a sentence are no heading: a city's letter to the 117th Congress
    letter = "Resolution on Debate\n\nWHEREAS the 117th CONGRESS met;\n\nRESOLVED, that the club writes to it.\n"
    assert infer_profile(whereas.parse(letter), "text").profile.name != "congress"


def test_an_enacting_formula_that_names_the_body_chooses_the_profile() -> None:
    text = (
        "Resolution 2024-12\n\nWHEREAS, the library serves every resident;\n\n"
        "NOW, THEREFORE, BE IT RESOLVED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD:\n\n"
        "Section 1. The library budget is restored.\n\nSection 2. This resolution takes effect immediately.\n"
    )
    choice = infer_profile(whereas.parse(text), "text")
    assert (choice.profile.name, choice.reason) == ("city", 'inferred: its resolving clauses open with "CITY COUNCIL"')


# trial 2: a house of delegates' resolution (AMA style: the superscript before the semicolon) and a UN council's (the
# reference before the comma) place their note references consistently; that is their own style, not a defect
AMA_NOTES = """Prior Authorization for Medications for Opioid Use Disorder

Whereas, Opioid overdose deaths exceeded 80,000 in 2023¹; and

Whereas, Buprenorphine reduces the risk of overdose death by roughly half²; and

Whereas, Prior authorization delays the start of treatment³; therefore be it

RESOLVED, That our American Medical Association advocate for legislation prohibiting prior authorization.

REFERENCES
1. Centers for Disease Control and Prevention. Drug Overdose Deaths, 2023.
2. Santo T Jr, et al. Opioid agonist treatment and mortality. JAMA Psychiatry. 2021.
3. Mark TL, et al. Prior authorization and buprenorphine initiation. Health Aff. 2024.
"""

UN_NOTES = """# The right to safe drinking water

The Human Rights Council,

Recalling General Assembly resolution 64/292[^1], in which the Assembly recognized the right to water,

Deeply concerned that millions of people in humanitarian settings lack safe drinking water[^2],

1. Calls upon all parties to armed conflict to spare water installations;

2. Decides to remain seized of the matter.

[^1]: See also Human Rights Council resolution 15/9.
[^2]: UNICEF, Water under fire (New York, 2025).
"""


@pytest.mark.parametrize(("text", "fmt"), [(AMA_NOTES, "text"), (UN_NOTES, "markdown")])
def test_note_references_placed_consistently_before_the_punctuation_are_the_documents_own_style(
    text: str, fmt: str
) -> None:
    assert "N005" not in _codes(text, fmt)
    # a profile chosen on the command line is the house style, and still reports them
    from whereas.lint import Settings, lint

    chosen = lint(whereas.parse(text), Settings(profile=PROFILES["ronr"], select=("N005",)))
    assert len(chosen) >= 2


def test_a_note_reference_that_breaks_the_documents_own_placement_is_reported() -> None:
    odd = AMA_NOTES.replace("half²; and", "half;² and")
    assert _codes(odd).count("N005") == 1  # the one after its semicolon, among those before theirs


SHAREHOLDER = """PROPOSAL NO. 6 - SHAREHOLDER PROPOSAL REQUESTING A REPORT ON PLASTIC PACKAGING

WHEREAS: An estimated 11 million metric tons of plastic enter the ocean each year;

Packaging is the largest single use of plastic;

RESOLVED: Shareholders request that the Board issue a report on reducing virgin plastic packaging by 2030.
"""


def test_resolved_with_a_colon_in_every_clause_is_the_documents_own_form() -> None:
    """A shareholder proposal's "RESOLVED:" (trial 2); a colon among commas is still reported."""
    assert "R004" not in _codes(SHAREHOLDER)
    mixed = SHAREHOLDER + "\nRESOLVED, that the report be published by June 2027.\n"
    assert _codes(mixed).count("R004") == 1
    assert "R004" in _codes(SHAREHOLDER.replace("RESOLVED:", "RESOLVED"))  # no mark at all is no form


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("BE IT RESOLVED that the City of New Harbor funds the library.", "City of New Harbor"),
        ("BE IT RESOLVED that the Board funds the library of the Town of Saint-Ours.", "Town of Saint-Ours"),
        ("BE IT RESOLVED that the County of Port Saint Lucas funds the library.", "County of Port Saint Lucas"),
    ],
)
def test_the_reason_quotes_a_places_whole_name(body: str, name: str) -> None:
    # (a name of several words, or joined by a hyphen, is quoted whole, not cut at its first space or hyphen)
    _, reason = _infer("WHEREAS, the library serves every resident;\n\n" + body + "\n")
    assert f'"{name}"' in reason


def test_a_place_named_in_capitals_is_not_run_on_into_the_clause() -> None:
    _, reason = _infer(
        "WHEREAS, the library serves every resident;\n\nBE IT RESOLVED THAT THE CITY OF MAPLE DOES SUPPORT IT.\n"
    )
    assert reason.endswith('"CITY OF MAPLE"'), reason
