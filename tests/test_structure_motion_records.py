"""Motions as the clerk records them, as families (the texts are invented):

* a Commonwealth legislature's votes and proceedings: "The House:" over "Notes that …;", "Concerned that …;" and
  "Resolves to:" over "(i) urge …", then the clerk's "Question put and agreed to." / "Resolved accordingly.", which
  is no resolving clause (the rules about "Resolved" leave it alone, format never rewrites it);
* a Canadian school board's or council's eSCRIBE minutes: "Moved By Trustee A" / "Seconded By Trustee B" over "THAT
  the Board …;" / "AND THAT …;" / "AND FURTHER THAT …", an "Amendment:" under it a motion of its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import whereas
from conftest import run_cli

VOTES_AND_PROCEEDINGS = """\
HOUSE OF REPRESENTATIVES

VOTES AND PROCEEDINGS

Wednesday, 4th March, 2026

Motion on the Need to Dredge the Lower River Niger

Hon. Ada Nwosu (Onitsha North) moved:

The House:

Notes that the annual floods along the Lower River Niger have displaced thousands of families;

Concerned that the dredging contract awarded in 2019 has not been completed;

Resolves to:

(i) urge the Federal Ministry of Marine and Blue Economy to resume the dredging;

(ii) urge the Niger Delta Development Commission to relocate the displaced families;

(iv) mandate the Committee on Ports to ensure compliance.

Hon. Bello Sani (Lokoja) seconded.

Question put and agreed to.

Resolved accordingly.
"""

COUNTY_ASSEMBLY = """\
THE SENATE

Need to Repair the Eastern Bypass

Sen. Grace Otieno moved:

The Senate:

Aware that the Eastern Bypass carries most of the county's freight;

Further concerned that two bridges on it have collapsed;

Resolves to:

(i) urge the Ministry of Roads to rebuild the bridges;

(ii) urge the county government to divert heavy traffic.

Motion carried.

It was resolved accordingly.
"""


@pytest.mark.parametrize("text", [VOTES_AND_PROCEEDINGS, COUNTY_ASSEMBLY])
def test_the_clerks_record_is_no_clause_and_the_motion_is_read(text: str) -> None:
    (r,) = whereas.parse(text)
    assert [c.keyword.form for c in r.preamble] == ["motion", "motion"]
    assert r.preamble[0].text.startswith(("Notes that", "Aware that"))
    (clause,) = r.resolved
    assert clause.text.startswith("Resolves to:")
    assert "ccordingly" not in clause.text and "agreed to" not in clause.text and "carried" not in clause.text
    assert r.title is not None and ("Dredge" in r.title.text or "Bypass" in r.title.text)


def test_a_roman_list_that_skips_a_number_keeps_the_item_and_is_told() -> None:
    (r,) = whereas.parse(VOTES_AND_PROCEEDINGS)
    assert [i.label for i in r.resolved[0].items] == ["i", "ii", "iv"]
    assert r.resolved[0].items[1].text.rstrip().endswith("families;")


@pytest.mark.parametrize("line", ["Resolved accordingly.", "RESOLVED ACCORDINGLY", "It was resolved accordingly."])
def test_the_record_line_after_a_whereas_resolution_is_neither_clause_nor_fixed(tmp_path: Path, line: str) -> None:
    text = (
        "Resolution on Library Hours\n\nWhereas the library closes at five; and\n\nWhereas students study late; "
        "now, therefore, be it\n\nResolved, That the library stay open until nine.\n\nAgreed to.\n\n" + line + "\n"
    )
    (r,) = whereas.parse(text)
    assert len(r.resolved) == 1 and r.resolved[0].text.endswith("until nine.")
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    run_cli("format", str(path))
    assert path.read_text(encoding="utf-8") == text


def test_votes_and_proceedings_check_tells_the_skipped_number_only(tmp_path: Path) -> None:
    path = tmp_path / "votes.txt"
    path.write_text(VOTES_AND_PROCEEDINGS, encoding="utf-8")
    out = run_cli("check", "--format", "jsonl", str(path))
    findings = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert [(f["code"], f["message"]) for f in findings] == [("R006", "Item iv follows item ii: number it iii")]


ESCRIBE_BOARD = """\
Board of Education of School District No. 99 (Lakeside)

Regular Public Board Meeting - Minutes

7.1 Student Transportation Review

Motion:

Moved By Trustee Okonkwo
Seconded By Trustee Lindqvist

THAT the Board of Education approve the Student Transportation Review as presented;

AND THAT the Board direct the Superintendent to publish the new bus routes by June 1, 2026;

AND FURTHER THAT the Board request a report on ridership at its October meeting.

Amendment:

Moved By Trustee Haddad
Seconded By Trustee Moreau

THAT the main motion be amended by replacing "June 1" with "May 15".

CARRIED
"""

ESCRIBE_COUNCIL = """\
Regular Council Meeting Minutes

8.3 Winter Maintenance Levels of Service

Moved By Councillor Tremblay
Seconded By Councillor Singh

THAT Council receive the Winter Maintenance report for information;

AND THAT staff be directed to clear the trail network by 7 a.m. after a snowfall.

Carried
"""


@pytest.mark.parametrize(
    ("text", "mover", "seconder"),
    [
        (ESCRIBE_BOARD, "Trustee Okonkwo", "Trustee Lindqvist"),
        (ESCRIBE_COUNCIL, "Councillor Tremblay", "Councillor Singh"),
    ],
)
def test_an_escribe_motion_is_read_with_its_mover_and_seconder(text: str, mover: str, seconder: str) -> None:
    resolutions = whereas.parse(text)
    r = resolutions[0]
    assert (r.sponsors.mover, r.sponsors.seconder) == (mover, seconder)
    assert [c.text.split()[0] for c in r.resolved][:2] == ["THAT", "AND"]
    assert not any("amended" in c.text for c in r.resolved)


def test_the_amendment_under_a_motion_is_a_motion_of_its_own() -> None:
    motion, amendment = whereas.parse(ESCRIBE_BOARD)
    assert len(motion.resolved) == 3 and motion.resolved[2].text.startswith("AND FURTHER THAT")
    assert (amendment.sponsors.mover, amendment.sponsors.seconder) == ("Trustee Haddad", "Trustee Moreau")
    assert [c.text[:27] for c in amendment.resolved] == ["THAT the main motion be ame"]
