"""Two families that speak in the body's name without Whereas or Resolved (trial 13):

* an intergovernmental governing body's decision ("The Governing Body:" over "(a) took note of …;", "(b) requested
  the Director-General to: (i) …", "(c) decided to …", then its reference line "(GB.412/POL/3, paragraph 18)"): the
  lettered items are its resolving clauses, the reference line none of them;
* a union conference agenda's motion ("Section 4  Transport" / "C47  Safe routes …" / "Congress notes …" /
  "Congress calls on the General Council to:" over "a) …", "b) …" / "RMT" / "Amendment" …): titled by its number and
  name, the lead line one clause with its items, moved by the union under it, the amendments no part of it.

Outlines of the fixtures: tests/fixtures/motions/{governing-body-decision.md, executive-board-decision.txt,
congress-agenda-amendment.txt}.outline (tests/test_structure_motions.py)."""

from __future__ import annotations

import pytest

import whereas
from conftest import FIXTURES

MOTIONS = FIXTURES / "motions"

DECISION = (
    "# Decision on the second item: Cold chain for vaccines\n\n"
    "The {body}:\n\n"
    "(a) took note of the report in document GB.9/2;\n\n"
    "(b) requested the Director-General to:\n\n"
    "(i) prepare a plan for the cold chain; and\n\n"
    "(ii) report on it at its next session; and\n\n"
    "(c) decided to defer the rest of the item.\n\n"
    "(GB.9/2, paragraph 7)\n"
)


@pytest.mark.parametrize("body", ["Governing Body", "Executive Board", "Council"])
def test_a_governing_bodys_decision_resolves_item_by_item(body: str) -> None:
    (r,) = whereas.parse(DECISION.format(body=body))
    assert r.title is not None and r.title.text == "Decision on the second item: Cold chain for vaccines"
    assert not r.preamble
    assert [c.text.split()[0] for c in r.resolved] == ["(a)", "(b)", "(c)"]
    # the sub-items set flush with the items are (b)'s own; the reference line is no part of (c)
    assert [i.label for i in r.resolved[1].items] == ["i", "ii"]
    assert r.resolved[-1].text == "(c) decided to defer the rest of the item."


def test_the_decision_fixtures_give_no_finding() -> None:
    names = ("governing-body-decision.md", "executive-board-decision.txt", "congress-agenda-amendment.txt")
    result = whereas.check([MOTIONS / name for name in names])
    assert not result.errors
    assert [f.resolutions for f in result.files] == [1, 1, 1]
    assert not result.diagnostics


def test_a_committee_over_a_list_of_names_is_no_decision() -> None:
    text = "The Governing Body:\n\n(a) Ms A. Osei (Ghana);\n\n(b) Mr B. Lund (Norway).\n"
    assert whereas.parse(text) == []


AGENDA = (
    "Section 4  Transport\n\n"
    "C47  Safe routes for rail staff\n\n"
    "Congress notes that assaults on rail staff have risen.\n\n"
    "Congress calls on the General Council to:\n\n"
    "a) campaign for a second member of staff on every late service\n\n"
    "b) press the operators to publish their assault figures.\n\n"
    "{mover}\n\n"
    "Amendment\n\n"
    "Add new point c):\n\n"
    '"c) support campaigns against ticket office closures."\n\n'
    "Mover: TSSA\n"
)


@pytest.mark.parametrize("mover", ["RMT", "Unite", "Mover: RMT"])
def test_a_conference_agendas_motion(mover: str) -> None:
    (r,) = whereas.parse(AGENDA.format(mover=mover))
    assert r.title is not None and r.title.text == "C47 Safe routes for rail staff"
    (lead,) = r.resolved
    assert lead.text.startswith("Congress calls on the General Council to: a) campaign")
    assert lead.text.endswith("publish their assault figures.")  # the amendment is not part of it
    assert [i.label for i in lead.items] == ["a", "b"]
    assert r.sponsors.mover == mover.removeprefix("Mover: ")  # the motion's, not the amendment's "TSSA"


def test_a_word_in_capitals_under_a_whereas_resolution_is_no_mover() -> None:
    text = "Whereas the bus is late; and\n\nResolved, That the Council fund buses.\n\nCONFIDENTIAL\n"
    (r,) = whereas.parse(text)
    assert r.sponsors.mover is None


def test_a_bulleted_record_of_what_a_board_did_is_no_decision() -> None:
    # (the past tense is a decision only in a governing body's lettered items, "(a) took note of …")
    text = "The Board of Trustees:\n\n- approved the minutes of the last meeting;\n- welcomed two new members.\n"
    assert whereas.parse(text) == []


@pytest.mark.parametrize(
    "lead",
    [
        "That the State Council request the Department of Veterans' Affairs to:",
        "That Council authorise the Chief Executive Officer to:",
        "That the Board direct the Superintendent to:",
    ],
)
@pytest.mark.parametrize("label", ["", "Motion:\n\n"])
def test_a_motion_in_the_subjunctive_keeps_its_lead_line_with_its_items(lead: str, label: str) -> None:
    """A council's or a congress's motion "That the State Council request the Department … to:" over "(a) extend …",
    "(b) fund …": the lead line was dropped as a heading and each item read as a clause with no subject or verb
    (trial 14, an RSL sub-branch's motion)."""
    text = (
        f"MOTION FOR STATE CONGRESS 2025\n\n{label}{lead}\n\n(a) extend mental health cover to the partners of veterans;\n\n"
        "(b) fund an outreach officer in every District Council area; and\n\n(c) report to the 2026 State Congress.\n\n"
        "Moved:     Mr Ian McAlister\nSeconded:  Mrs Kerry-Anne Doyle\n"
    )
    (r,) = whereas.parse(text)
    (clause,) = r.resolved
    assert clause.text.startswith(lead + " (a) extend")
    assert [i.label for i in clause.items] == ["a", "b", "c"]
    assert r.sponsors.mover == "Mr Ian McAlister"
