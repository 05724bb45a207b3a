"""An English or Welsh parish or town council's minutes, as a family (the texts are invented): a minute's lettered
entries "a) RESOLVED to approve …", "b) RESOLVED to accept …" (each a resolving clause; "c) The Clerk reported …" after
them no part of one), a paragraph that runs into what the council resolved ("… After discussion, it was RESOLVED to
object …") and the vote written at the end of the minute's paragraph ("… signed by the Chairman. Proposed Cllr Day,
seconded Cllr Whitlock; all in favour."), its mover and seconder, no clause text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import whereas
from conftest import run_cli

PARISH = """\
HIGHER BRADLEY PARISH COUNCIL

Minutes of the meeting held on Monday 2 June 2025

25/061 Minutes
RESOLVED that the minutes of the meeting held on 6 May 2025 be approved and signed by the Chairman. Proposed Cllr Moss, seconded Cllr Patel; all in favour.

25/062 Planning
P/25/0311 – Garage conversion, 4 Elm Close. No comment.
P/25/0340 – Twelve dwellings, land off Mill Road. After discussion, it was RESOLVED to object on the grounds of flood risk. Proposed Cllr Grant, seconded Cllr Moss; 5 in favour, 1 abstention.

25/063 Finance
a) RESOLVED to approve payments totalling £812.40 as per the schedule circulated.
b) RESOLVED to accept the bank reconciliation to 31 May 2025.
c) The Clerk reported that the precept had been received.
"""

TOWN = """\
LLANFAIR TOWN COUNCIL

Minutes of the Full Council meeting, 9 July 2025

112/25 Allotments
The Clerk reported on the waiting list. RESOLVED to create four half plots at the Station Road site. Moved by Cllr Hughes and seconded by Cllr Evans; unanimous.

113/25 Accounts
(a) RESOLVED to approve the accounts for payment.
(b) RESOLVED to renew the insurance with the current insurer.
(c) The internal auditor's report was noted.
"""


def _clauses(text: str) -> list[tuple[str | None, list[str]]]:
    return [
        (r.title.text if r.title else None, [" ".join(c.text.split()) for c in r.resolved]) for r in whereas.parse(text)
    ]


def test_each_minute_of_a_parish_council_resolves_and_its_vote_is_its_mover_and_seconder() -> None:
    assert _clauses(PARISH) == [
        (
            "25/061 Minutes",
            ["RESOLVED that the minutes of the meeting held on 6 May 2025 be approved and signed by the Chairman."],
        ),
        ("25/062 Planning", ["it was RESOLVED to object on the grounds of flood risk."]),
        (
            "25/063 Finance",
            [
                "a) RESOLVED to approve payments totalling £812.40 as per the schedule circulated.",
                "b) RESOLVED to accept the bank reconciliation to 31 May 2025.",
            ],
        ),
    ]
    minutes, planning, _ = whereas.parse(PARISH)
    assert (minutes.sponsors.mover, minutes.sponsors.seconder) == ("Cllr Moss", "Cllr Patel")
    assert (planning.sponsors.mover, planning.sponsors.seconder) == ("Cllr Grant", "Cllr Moss")


def test_a_town_councils_minutes_alike() -> None:
    assert _clauses(TOWN) == [
        ("112/25 Allotments", ["RESOLVED to create four half plots at the Station Road site."]),
        (
            "113/25 Accounts",
            [
                "(a) RESOLVED to approve the accounts for payment.",
                "(b) RESOLVED to renew the insurance with the current insurer.",
            ],
        ),
    ]
    allotments = whereas.parse(TOWN)[0]
    assert (allotments.sponsors.mover, allotments.sponsors.seconder) == ("Cllr Hughes", "Cllr Evans")


@pytest.mark.parametrize("text", [PARISH, TOWN])
def test_the_minutes_keywords_are_not_rewritten(tmp_path: Path, text: str) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    out = run_cli("check", "--format", "jsonl", "--select", "R001,R002,R003,T001,W", str(path))
    assert [json.loads(line)["code"] for line in out.stdout.splitlines()] == []


@pytest.mark.parametrize(
    "text",
    [
        "Report\n\nThe parish council has RESOLVED to object several times. Nothing else was said.\n",
        "- Resolved to fix 26 tickets\n- Closed 4 more\n",
    ],
)
def test_a_sentence_that_tells_of_a_resolution_is_none(text: str) -> None:
    assert whereas.parse(text) == []
