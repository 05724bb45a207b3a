"""Motions in the British and Commonwealth form (issue 9) parse as resolutions, as a family.

``tests/fixtures/motions/NAME`` parses to ``NAME.outline`` (the golden-structure format of
``tests/golden_outline.py``, each file read against its document): a union or party conference's
"Conference notes: / Conference believes: / Conference resolves:" with numbered, bulleted or plain items,
the inline "Conference notes that …", the TUC's "Congress", "This House", "This branch", "Union notes", a
local council's "Council notes / Council resolves to:", and the Australian / New Zealand council's
"That Council:" over "1. Notes …" and one-paragraph "That Council approve …" under "Moved:" / "Seconded:".
Word and HTML versions are built here.  A report's or minutes' "The council notes that …" and "Council
noted the report" stay prose; a Whereas resolution is read as before.

    WHEREAS_UPDATE_FIXTURES=1 python -m pytest tests/test_structure_motions.py   # rewrite the outlines (read them!)
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import whereas
from conftest import FIXTURES, run_cli
from golden_outline import outline

FOLDER = FIXTURES / "motions"
INPUTS = sorted(p.name for p in FOLDER.iterdir() if p.suffix != ".outline")
UPDATE = os.environ.get("WHEREAS_UPDATE_FIXTURES") == "1"
PROFILES = ("ala", "ronr", "congress", "labor", "city")
#: the rules written for the wording of "Whereas" and "Resolved" and for a preamble of Whereas clauses
WORDING = "W,R,S003,S004,T007"


@pytest.mark.parametrize("name", INPUTS)
def test_each_motion_parses_to_its_outline(name: str) -> None:
    got = outline(FOLDER / name)
    expected = FOLDER / f"{name}.outline"
    if UPDATE:
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_the_family_is_covered() -> None:
    motions = [n for n in INPUTS if (FOLDER / f"{n}.outline").read_text().startswith("resolutions: 1")]
    assert len(motions) >= 9
    assert {Path(n).suffix for n in INPUTS} >= {".md", ".txt"}


@pytest.mark.parametrize(
    ("name", "keywords"),
    [
        ("conference-headed.md", ["Conference notes"] * 2 + ["Conference further believes"] * 2),
        (
            "conference-inline.txt",
            ["This Conference notes that", "Conference further notes", "Conference believes that"],
        ),
        ("this-house.txt", ["This House notes", "This House notes", "This House believes"]),
    ],
)
def test_recitals_carry_the_motion_verb_as_their_keyword(name: str, keywords: list[str]) -> None:
    (r,) = whereas.parse(FOLDER / name)
    assert [c.keyword.text for c in r.preamble] == keywords
    assert {c.keyword.form for c in r.clauses} == {"motion"}


def test_keyword_spans_point_into_the_clause_of_an_inline_motion() -> None:
    (r,) = whereas.parse(FOLDER / "conference-inline.txt")
    first = r.preamble[0]
    assert first.keyword.word is not None
    assert first.text[slice(*first.keyword.word)] == "notes"
    resolves = r.resolved[1]
    assert resolves.keyword.word is not None and resolves.text[slice(*resolves.keyword.word)] == "calls on"
    # a clause under a heading: the heading is its keyword, and no part of its text
    (r,) = whereas.parse(FOLDER / "that-council.txt")
    assert r.resolved[0].keyword.text == "That Council" and r.resolved[0].keyword.word is None


def test_the_outcome_line_is_no_clause_text_even_without_a_blank_line() -> None:
    text = (FOLDER / "that-council.txt").read_text().replace("\n\nCARRIED", "\nCARRIED")
    (r,) = whereas.parse(text)
    assert r.resolved[-1].text.endswith("on Council's website.")


def test_a_word_document(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Motion 7: Protect Local Bus Services", level=1)
    d.add_paragraph("Proposed by: Unite Yorkshire Region")
    d.add_paragraph("Seconded by: GMB Northern")
    d.add_paragraph().add_run("Conference notes:").bold = True
    d.add_paragraph("Bus mileage outside London has fallen by a quarter since 2010.", style="List Number")
    d.add_paragraph("Fares have risen faster than wages.", style="List Number")
    d.add_paragraph().add_run("Conference instructs the Executive Committee to:").bold = True
    d.add_paragraph("Campaign for public ownership of bus services.", style="List Bullet")
    d.add_paragraph("Support members in disputes over route cuts.", style="List Bullet")
    path = tmp_path / "motion.docx"
    d.save(str(path))
    (r,) = whereas.parse(path)
    assert r.title is not None and r.title.text == "Motion 7: Protect Local Bus Services"
    assert (r.sponsors.mover, r.sponsors.seconder) == ("Unite Yorkshire Region", "GMB Northern")
    assert [c.text for c in r.preamble] == [
        "1. Bus mileage outside London has fallen by a quarter since 2010.",
        "2. Fares have risen faster than wages.",
    ]
    # (Word's bullets are written "•": the line that calls on the committee to do what its items say is one clause
    # with them, as in plain text)
    (clause,) = r.resolved
    assert clause.text == (
        "Conference instructs the Executive Committee to: • Campaign for public ownership of bus services. "
        "• Support members in disputes over route cuts."
    )
    assert [i.text for i in clause.items] == [
        "Campaign for public ownership of bus services.",
        "Support members in disputes over route cuts.",
    ]


def test_an_html_page(tmp_path: Path) -> None:
    path = tmp_path / "motion.html"
    path.write_text(
        "<html><body><h1>Motion 3: Free Period Products</h1><p>Proposer: Women's Officer</p>"
        "<p><strong>Union notes:</strong></p><ol><li>That one in ten students cannot afford period products.</li>"
        "<li>That other unions provide them free.</li></ol><p><strong>Union resolves:</strong></p>"
        "<ol><li>To provide free period products on campus.</li></ol></body></html>",
        encoding="utf-8",
    )
    (r,) = whereas.parse(path)
    assert r.sponsors.mover == "Women's Officer"
    assert [c.text for c in r.preamble] == [
        "1. That one in ten students cannot afford period products.",
        "2. That other unions provide them free.",
    ]
    assert [c.text for c in r.resolved] == ["1. To provide free period products on campus."]


def test_an_akoma_ntoso_statement_in_participles(tmp_path: Path) -> None:
    """An Akoma Ntoso statement marks its <preamble> and <mainBody>; the reader writes their paragraphs as text (the
    dialect has no mark for a recital), and the structure reads the participles and "NOW THEREFORE this Assembly
    urges" as it reads them in any other format."""
    path = tmp_path / "motion.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">'
        '<preface><p class="title"><docTitle>Motion on Market Sheds</docTitle></p></preface>'
        "<preamble><p>THAT, aware that the County runs forty open-air markets;</p>"
        "<p>CONCERNED that traders lose their stock to the rain;</p></preamble>"
        "<mainBody><p>NOW THEREFORE this Assembly resolves that the County Executive roofs the ten largest markets "
        "before the long rains.</p></mainBody></statement></akomaNtoso>\n",
        encoding="utf-8",
    )
    (r,) = whereas.parse(path)
    assert r.title is not None and r.title.text == "Motion on Market Sheds"
    assert [c.text.split(" that")[0] for c in r.preamble] == ["THAT, aware", "CONCERNED"]
    assert [c.text[:38] for c in r.resolved] == ["NOW THEREFORE this Assembly resolves t"]


@pytest.mark.parametrize(
    "text",
    [
        # a newsletter: it notes and calls on, but names no motion and no mover
        "Ward Newsletter\n\nCouncil notes that recycling has fallen.\n\nCouncil calls on residents to sort food waste.\n",
        # a report: "The council notes that …" is prose, and notes alone resolve nothing
        "Budget Report\n\nThe council notes that the budget is on track.\n\nCouncil notes that the audit starts soon.\n",
        # "That Council approve …" with no mover, seconder or resolution line above it: a report's recommendation
        "Officer Report\n\nRecommendation\n\nThat Council approve the plan.\n",
        # a motion's notes without anything that resolves
        "Motion 4\n\nProposer: A\n\nConference notes:\n\n1. That pay has fallen.\n",
    ],
)
def test_prose_that_speaks_like_a_motion_is_no_resolution(text: str) -> None:
    assert whereas.parse(text) == []


def test_a_whereas_resolution_is_read_as_before() -> None:
    text = (
        "Resolution on Buses\n\nWhereas bus services have been cut;\n\nCouncil notes:\n\n1. That fares rose.\n\n"
        "Resolved, that the Council calls on the Government to fund buses.\n"
    )
    (r,) = whereas.parse(text)
    assert [c.keyword.form for c in r.clauses] == ["whereas", "resolved"]


@pytest.mark.parametrize("profile", [None, *PROFILES])
def test_no_wording_rule_fires_on_a_motion(profile: str | None) -> None:
    """Under the inferred profile (RONR, the fallback) and every other, the rules for the wording of "Whereas"
    and "Resolved" find nothing in any motion; under the inferred profile nothing does but T005's acronyms."""
    names = [n for n in INPUTS if n != "minutes-no-motion.txt"]
    args = ["check", "--select", WORDING, *names] if profile else ["check", "--ignore", "T005", *names]
    proc = run_cli(*args, *(["--profile", profile] if profile else []), cwd=FOLDER)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "All checks passed!" in proc.stdout
    if profile is None:
        assert "Profile: ronr (inferred" in proc.stdout


def test_minutes_without_a_motion_give_no_resolution_and_no_findings() -> None:
    proc = run_cli("check", "minutes-no-motion.txt", cwd=FOLDER)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no resolution found" in proc.stderr


def test_a_councils_resolution_as_lettered_items_under_its_heading() -> None:
    """South African and other councils' minutes: the report's recommendation, then "COUNCIL RESOLUTION" over
    "(a) That Council approves …;" / "(b) that …" — the resolution, not the recommendation above it."""
    [r] = whereas.parse(
        "MINUTES OF THE ORDINARY MEETING OF COUNCIL\n\nITEM 8.3\n\nC 41/2026  REVIEW OF THE WATER TARIFF POLICY\n\n"
        "Collaborator No: 845221\nMeeting Date: 26 March 2026\n\n1. PURPOSE OF REPORT\n\n"
        "To submit the reviewed policy for consideration by Council.\n\n3. RECOMMENDATION BY THE EXECUTIVE MAYOR\n\n"
        "(a) That Council approves the reviewed policy;\n\n(b) that the Municipal Manager implement it.\n\n"
        "COUNCIL RESOLUTION (Majority vote with abstentions)\n\n"
        "(a) That Council approves the reviewed policy;\n\n(b) that the Municipal Manager implement it; and\n\n"
        "(c) that a report be submitted to Council quarterly.\n"
    )
    assert r.title is not None and r.title.text == "C 41/2026 REVIEW OF THE WATER TARIFF POLICY"
    assert len(r.resolved) == 1 and r.preamble == ()
    assert [i.label for i in r.resolved[0].items] == ["a", "b", "c"]
    assert r.resolved[0].items[2].text == "that a report be submitted to Council quarterly."


def test_a_parish_councils_minutes_resolve_item_by_item() -> None:
    """English parish and town councils minute each decision as "It was proposed by Cllr A, seconded by Cllr B and
    RESOLVED that/to …" under the item's heading: a resolution each, its mover and seconder named there."""
    found = whereas.parse(
        "Minutes of the meeting of Little Hadleigh Parish Council held on 9 March 2026.\n\n"
        "### 25/143 Minutes of the previous meeting\n\n"
        "It was proposed by Cllr Greaves, seconded by Cllr Khan and RESOLVED that the minutes be approved.\n\n"
        "### 25/144 Play area resurfacing\n\nThree quotations had been circulated.\n\n"
        "It was proposed by Cllr Osei, seconded by Cllr Bello and unanimously RESOLVED to accept the quotation.\n\n"
        "### 25/145 Date of next meeting\n\nMonday 13 April 2026.\n"
    )
    assert [(r.title.text if r.title else None, r.sponsors.mover, r.sponsors.seconder) for r in found] == [
        ("25/143 Minutes of the previous meeting", "Cllr Greaves", "Cllr Khan"),
        ("25/144 Play area resurfacing", "Cllr Osei", "Cllr Bello"),
    ]
    assert [r.resolved[0].keyword.form for r in found] == ["resolved", "resolved"]
    assert not any(r.resolved[0].keyword.plain for r in found)  # a phrase: no fix rewrites it as "Resolved"


def test_a_notice_papers_motions_each_with_its_mover(tmp_path: Path) -> None:
    """An Australian or New Zealand notice paper: "112  Senator A: To move—That the Senate— (a) notes that: …" — a
    motion each, its mover from the notice, no title wanted; the Senate's sub-paragraphs "(i) …, (ii) …, and (iii)
    …;" in a part another follows are its own style under the inferred profile."""
    text = (
        "THE SENATE\n\nNOTICE PAPER\n\nNotices of motion\n\n"
        " 40  Senator Tyrrell: To move—That the Senate—\n"
        "        (a) notes that:\n"
        "             (i)   the ferry service to the islands was cut to two sailings a week in 2025,\n"
        "             (ii)  freight costs have doubled since, and\n"
        "             (iii) the island schools have lost four teachers;\n"
        "        (b) calls on the Government to restore the daily service.\n\n"
        " 41  Senators Lambie and Tyrrell: To move—That the Senate supports the islands' fishing cooperative.\n"
    )
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    found = whereas.parse(text)
    assert [(r.sponsors.mover, len(r.resolved)) for r in found] == [
        ("Senator Tyrrell", 1),
        ("Senators Lambie and Tyrrell", 1),
    ]
    assert [i.label for i in found[0].resolved[0].items] == ["a", "b"]
    proc = run_cli("check", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "All checks passed!" in proc.stdout


def test_an_assembly_motions_paragraphs_that_note_need_the_body_and_its_resolving_line() -> None:
    """ "The House:" over "Notes that …;" paragraphs is a motion only where "Resolves to:" follows them; without it
    (a report's "The House:" over what it notes) nothing is read."""
    motion = (
        "Hon. Ada Eze (Nsukka East) moved:\nThe House:\nNotes that the bridge at Obollo has been closed since May;\n"
        "Worried that traders now travel 40 kilometres around it;\nResolves to:\n"
        "(i) urge the State Government to reopen the bridge; and\n(ii) mandate the Committee on Works to ensure it.\n"
    )
    (r,) = whereas.parse(motion)
    assert r.sponsors.mover == "Hon. Ada Eze (Nsukka East)"
    assert [c.text.split()[0] for c in r.preamble] == ["Notes", "Worried"]
    assert [i.label for i in r.resolved[0].items] == ["i", "ii"]
    assert whereas.parse(motion.replace("Resolves to:\n", "")) == []


def test_a_parliaments_participles_after_its_whereas_recitals_are_recitals() -> None:
    """Uganda's, Kenya's or Zambia's motion: "WHEREAS …;" / "AND WHEREAS …;" / "AWARE that …;" / "FURTHER AWARE that
    …;" / "CONCERNED that …;" before "NOW THEREFORE, be it resolved …": every one a recital, none lost; the mover's
    "(Moved by …)" under the title is no part of it."""
    (r,) = whereas.parse(
        "MOTION URGING GOVERNMENT TO EQUIP RURAL HEALTH CENTRES\n\n(Moved by Hon. Grace Atim, Gulu District)\n\n"
        "WHEREAS Article 8A of the Constitution provides for the common good;\n\n"
        "AND WHEREAS the State must provide basic medical services;\n\n"
        "AWARE that 40 per cent of rural health centres have no delivery bed;\n\n"
        "FURTHER AWARE that the Ministry's norms require two;\n\n"
        "CONCERNED that mothers travel far to give birth;\n\n"
        "NOW THEREFORE, be it resolved by this Parliament that Government equips every rural health centre.\n"
    )
    assert [c.text.split()[0] for c in r.preamble] == ["WHEREAS", "AND", "AWARE", "FURTHER", "CONCERNED"]
    assert r.title is not None and r.title.text == "MOTION URGING GOVERNMENT TO EQUIP RURAL HEALTH CENTRES"


def test_therefore_this_synod_over_what_it_does_resolves() -> None:
    """An Anglican or Methodist synod's motion: Whereas recitals, then "THEREFORE this Synod:" over "a) Receives …",
    "b) Requests …" — the resolving clause and its items (no S003 "no resolving clause")."""
    (r,) = whereas.parse(
        "## Motion 7 — Safeguarding\n\n### Preamble\n\nWHEREAS, the Canons set out standards of ministry;\n\n"
        "WHEREAS, 23 parishes have not completed the training;\n\n### Motion\n\nTHEREFORE this Synod:\n\n"
        "a) Receives the report of the Safeguarding Officer;\nb) Requests the Bishop to require the training; and\n"
        "c) Asks the Council to report to Synod 2027.\n"
    )
    assert [i.label for i in r.resolved[0].items] == ["a", "b", "c"]


@pytest.mark.parametrize(
    "head",
    [
        "To propose that the Senedd:",
        "That the Senedd:",
        "To move that the Legislative Assembly:",
        "I move that the National Assembly:",
        "That the States Assembly:",
        "That Dáil Éireann:",
        "That Seanad Éireann:",
        "That the Oireachtas:",
        "That Tynwald:",
        "That the Storting:",
        "That Congress:",
        "THAT THE PARLIAMENT:",
    ],
)
def test_a_legislatures_motion_over_what_it_notes_and_calls_for(head: str) -> None:
    """A legislature's or an assembly's motion, whatever its name and however it opens ("To propose that the
    Senedd:", "That Dáil Éireann:", "I move that the National Assembly:"), over the numbered list of what it notes
    and calls for: each item a resolving clause, the opening line their keyword."""
    (r,) = whereas.parse(
        f"# Rural Buses\n\n{head}\n\n1. Notes that bus services fell.\n\n2. Calls on the Government to act.\n"
    )
    assert [c.text for c in r.resolved] == ["1. Notes that bus services fell.", "2. Calls on the Government to act."]
    assert {c.keyword.text for c in r.resolved} == {head.rstrip(":")}
    assert {c.keyword.form for c in r.resolved} == {"motion"}


@pytest.mark.parametrize(
    "opening",
    [
        "To propose that the Senedd",
        "That the Senedd",
        "To move that the States Assembly",
        "That this Legislative Assembly",
        "That Dáil Éireann",
        "That Tynwald",
        "That the Storting",
    ],
)
def test_a_legislatures_one_paragraph_motion_wherever_it_stands(opening: str) -> None:
    (r,) = whereas.parse(f"Rural Buses\n\n{opening} calls on the Government to restore rural bus services.\n")
    assert r.resolved[0].keyword.text == opening
    assert r.resolved[0].text == f"{opening} calls on the Government to restore rural bus services."


@pytest.mark.parametrize(
    "text",
    [
        # a House or a Congress that other words name is no legislature: prose
        "Newsletter\n\nThat the White House ignored the petition surprised nobody.\n",
        "History\n\nThat the African National Congress won in 1994 changed the country.\n",
        # a council's "That …" with no mover, seconder, motion line or heading next to it: prose
        "Annual Report\n\nThat Council listened to residents is plain from the survey.\n\nThe survey closed in May.\n",
        # "That said, …" over a mover's line is still a sentence of prose
        "Minutes\n\nThat said, the chair thanked the volunteers.\n\nProposed by: Cllr. A\n",
    ],
)
def test_that_in_prose_is_no_motion(text: str) -> None:
    assert whereas.parse(text) == []


@pytest.mark.parametrize(
    "head",
    [
        "The Society therefore:",
        "**The Society therefore:**",
        "The Society:",
        "The House of Delegates:",
        "The Board therefore:",
        "The Association:",
        "The Council therefore:",
        "The American Academy of Pediatrics:",
        "The College, therefore:",
        "Therefore, the Federation:",
    ],
)
def test_a_societys_position_as_a_list_of_what_it_does(head: str) -> None:
    """A society's, an association's or a house of delegates' position, its own name with a colon (and "therefore")
    over a numbered list of what it does ("1. **Supports** …"): each item a resolving clause."""
    (r,) = whereas.parse(f"# Position\n\n{head}\n\n1. **Supports** the use of AI.\n2. **Opposes** autonomous AI.\n")
    assert [c.text for c in r.resolved] == ["1. Supports the use of AI.", "2. Opposes autonomous AI."]
    assert {c.keyword.form for c in r.resolved} == {"motion"}


def test_a_societys_name_over_a_list_of_names_is_no_motion() -> None:
    assert whereas.parse(FOLDER / "society-officers-no-motion.md") == []


@pytest.mark.parametrize(
    "motion",
    [
        '"That this Council calls on the Minister to fund the works."',
        "That this Council calls on the Minister to fund the works.",
        "That Council calls on the Minister to fund the works.",
        "That the hall hire fees for 2027 be increased by 3 per cent.",
    ],
)
@pytest.mark.parametrize(
    "sponsors",
    [
        "Proposed by Cllr. Ann Byrne\nSeconded by Cllr. Tom Walsh",
        "Moved: Cr Ann Byrne\nSeconded: Cr Tom Walsh",
        "Moved by Councillor Ann Byrne, seconded by Councillor Tom Walsh.",
    ],
)
def test_a_motion_with_its_mover_and_seconder_under_it(motion: str, sponsors: str) -> None:
    """An Irish, British or Australian council's minutes record the motion first, after a line of narrative, and its
    mover and seconder under it: the motion is read, its sponsors are its own, the narrative after it is none."""
    (r,) = whereas.parse(
        "Minutes of the Monthly Meeting\n\nThe following Notice of Motion was considered:\n\n"
        f"{motion}\n\n{sponsors}\n\nThe Director of Services replied.\n\nThe motion was agreed.\n"
    )
    assert [c.text for c in r.resolved] == [motion.strip('"')]
    assert r.sponsors.mover is not None and r.sponsors.mover.endswith("Ann Byrne")
    assert r.sponsors.seconder is not None and r.sponsors.seconder.endswith("Tom Walsh")


def test_a_motion_right_under_its_notice_of_motion_line() -> None:
    (r,) = whereas.parse("Notice of Motion\n\nThat this Council calls on the Minister to fund the works.\n")
    assert r.resolved[0].keyword.text == "That this Council"


def test_a_position_statement_is_titled_by_its_name_and_its_proposer_is_its_own() -> None:
    """A society's position statement: its "Position Statement: …" heading is its title, and its "Proposed by:" line
    under the letterhead its mover, across its "## Considerations" section (a section of its text, as "Background"
    is, not an item of its own). The numbered considerations are left as they are: no recitals."""
    (r,) = whereas.parse(FOLDER / "society-position-considerations.md")
    assert r.title is not None and r.title.text == "Position Statement: Remote Supervision of Pharmacy Technicians"
    assert r.sponsors.mover == "Council on Workforce"
    assert r.preamble == () and len(r.resolved) == 3


def test_each_notice_of_motion_in_minutes_is_its_own() -> None:
    """Minutes that record two notices of motion, each with its mover and seconder under it: two resolutions, each
    with its own sponsors."""
    item = (
        "Item {n}. Notice of Motion\n\nThe following Notice of Motion, submitted by Cllr. {a}, was considered:\n\n"
        '"That this Council calls on the Minister to {what}."\n\nProposed by Cllr. {a}\nSeconded by Cllr. {b}\n\n'
        "Cllr. {a} outlined the reasons for the motion and the Director of Services replied.\n\n"
        "The motion was agreed.\n\n"
    )
    found = whereas.parse(
        "Minutes of the Monthly Meeting of Killowen County Council\n\n"
        + item.format(n=11, a="Keane", b="Walsh", what="fund the works")
        + item.format(n=12, a="Byrne", b="Quinn", what="open the clinic")
    )
    assert [(r.sponsors.mover, r.sponsors.seconder, len(r.resolved)) for r in found] == [
        ("Cllr. Keane", "Cllr. Walsh", 1),
        ("Cllr. Byrne", "Cllr. Quinn", 1),
    ]


SENEDD_MOTION = "NDM9001 Eluned Parry (Ceredigion Penfro)\n\nTo propose that the Senedd calls on the Welsh Government to fund rural bus routes.\n\n"


@pytest.mark.parametrize(
    "tail",
    [
        "Co-submitters: Owain Rhys (Arfon), Mari Bevan (South Wales East)\n",
        "Co-submitters\nOwain Rhys (Arfon)\nMari Bevan (South Wales East)\n",
        "**Co-Submitters:**\nOwain Rhys (Arfon)\nMari Bevan (South Wales East)\n\nTabled on 04/03/2026\n",
        "### Co-submitters\n\nOwain Rhys (Arfon)\nMari Bevan (South Wales East)\n",
    ],
    ids=["labelled", "label-alone", "label-alone-bold", "heading"],
)
def test_a_senedd_motions_co_submitters_are_its_sponsors(tail: str) -> None:
    """A Senedd (Welsh Parliament) motion names the members who table it with its mover as "Co-submitters", on the
    labelled line or as a label alone (the page's heading) over their names, one a line, as "Supported by:" names a
    Scottish motion's supporters."""
    (r,) = whereas.parse(SENEDD_MOTION + tail)
    assert r.sponsors.others == ("Owain Rhys (Arfon)", "Mari Bevan (South Wales East)")


def test_one_co_submitter() -> None:
    (r,) = whereas.parse(SENEDD_MOTION + "Co-submitter\nOwain Rhys (Arfon)\n\nTabled on 04/03/2026\n")
    assert r.sponsors.others == ("Owain Rhys (Arfon)",)


MINUTES_MOTION = (
    "{head}\n{gap}Moved by Councillor {a}, seconded by Councillor {b}\n{gap}That the Council {what}.\n{gap}"
)


@pytest.mark.parametrize(
    ("heads", "gap", "titles"),
    [
        (
            ("7.1 Motion: Bike lanes", "7.2 Motion: Library hours"),
            "\n",
            ("7.1 Motion: Bike lanes", "7.2 Motion: Library hours"),
        ),
        # without a blank line anywhere: the heading ends the motion above it
        (
            ("7.1 Motion: Bike lanes", "7.2 Motion: Library hours"),
            "",
            ("7.1 Motion: Bike lanes", "7.2 Motion: Library hours"),
        ),
        (("Item 7.1 Bike lanes", "Item 7.2 Library hours"), "\n", ("Item 7.1 Bike lanes", "Item 7.2 Library hours")),
        # a bare number over the motion's name
        (("Motion 1\n\nBike lanes\n", "Motion 2\n\nLibrary hours\n"), "\n", ("Motion 1", "Motion 2")),
    ],
    ids=["numbered-motion", "no-blank-lines", "item", "motion-n-over-its-name"],
)
def test_each_motion_of_plain_text_minutes_under_its_own_heading_is_its_own(
    heads: tuple[str, str], gap: str, titles: tuple[str, str]
) -> None:
    """Plain-text minutes of two motions, each under its own heading ("7.2 Motion: Library hours", "Item 7.2 …",
    "Motion 2") with its mover and seconder and its own "That the Council …": two resolutions, each with its heading
    for a title and its own sponsors (the headings read as a Markdown file's headings between resolutions)."""
    found = whereas.parse(
        "MINUTES OF THE REGULAR MEETING OF THE MARLOW TOWN COUNCIL\n\n"
        + MINUTES_MOTION.format(
            head=heads[0], gap=gap, a="Ana Ruiz", b="Ben Cho", what="build bike lanes on Main Street"
        )
        + ("CARRIED\n\n" if gap else "")
        + MINUTES_MOTION.format(head=heads[1], gap=gap, a="Dee Park", b="Ana Ruiz", what="open the library on Sundays")
    )
    assert [(r.title and r.title.text, r.sponsors.mover, len(r.resolved)) for r in found] == [
        (titles[0], "Councillor Ana Ruiz", 1),
        (titles[1], "Councillor Dee Park", 1),
    ]
    assert found[1].resolved[0].text == "That the Council open the library on Sundays."


def test_a_motions_heading_without_a_motion_under_it_splits_nothing() -> None:
    """The next item's heading over no motion of its own (deferred) leaves the one motion as it was read, its title
    too."""
    (r,) = whereas.parse(
        "7.1 Motion: Bike lanes\n\nMoved by Councillor Ana Ruiz, seconded by Councillor Ben Cho\n\n"
        "That the Council build bike lanes on Main Street.\n\nCARRIED\n\n7.2 Motion: Library hours\n\n"
        "Deferred to the next meeting at the request of the mover.\n"
    )
    assert r.title is not None and r.title.text == "Motion: Bike lanes"
    assert r.sponsors.mover == "Councillor Ana Ruiz" and len(r.resolved) == 1
