"""Council minutes as a family: each minute's own heading ("24/103  MAES CHWARAE / PLAYGROUND", "118/26 VILLAGE
HALL ROOF") over its RESOLVED, a resolution of its own; a bilingual Welsh minute's "PENDERFYNWYD / RESOLVED:", read
from the English keyword (the Welsh word is a label, never clause text); and the line under a resolution that
records its proposer and seconder ("Proposed Cllr A, seconded Cllr B. Carried."), which ends its last item.

``tests/fixtures/minutes/NAME`` parses to ``NAME.outline`` (the format of ``tests/golden_outline.py``). The texts
are invented.

    WHEREAS_UPDATE_FIXTURES=1 python -m pytest tests/test_structure_minutes.py   # rewrite the outlines (read them!)
"""

from __future__ import annotations

import os

import pytest

import whereas
from conftest import FIXTURES, run_cli
from golden_outline import outline

FOLDER = FIXTURES / "minutes"
INPUTS = sorted(p.name for p in FOLDER.iterdir() if p.suffix != ".outline")
UPDATE = os.environ.get("WHEREAS_UPDATE_FIXTURES") == "1"


@pytest.mark.parametrize("name", INPUTS)
def test_each_minutes_file_parses_to_its_outline(name: str) -> None:
    got = outline(FOLDER / name)
    expected = FOLDER / f"{name}.outline"
    if UPDATE:
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_the_welsh_keyword_is_a_label_and_each_minute_resolves_on_its_own() -> None:
    resolutions = whereas.parse((FOLDER / "welsh-bilingual.txt").read_text(encoding="utf-8"))
    assert [" ".join(r.title.text.split()) if r.title else None for r in resolutions] == [
        "24/102 COFNODION / MINUTES",
        "24/103 MAES CHWARAE / PLAYGROUND",
        "24/105 GRANTIAU / GRANTS",
    ]
    for r in resolutions:
        assert all(c.text.startswith("RESOLVED:") and "PENDERFYNWYD" not in c.text for c in r.resolved)
    playground = resolutions[1]
    assert (playground.sponsors.mover, playground.sponsors.seconder) == ("Cllr G. Pritchard", "Cllr N. Bowen")
    assert playground.resolved[0].items[-1].text.rstrip().endswith("for the Easter holiday.")


def test_a_welsh_word_alone_or_before_a_word_that_resolves_nothing_is_not_read() -> None:
    assert whereas.parse("24/104  GOHEBIAETH / CORRESPONDENCE\nCYTUNWYD / AGREED: to note the letter.\n") == []
    assert whereas.parse("24/106  ARALL / OTHER\nPENDERFYNWYD / DEFERRED to the next meeting.\n") == []


@pytest.mark.parametrize(
    ("line", "mover", "seconder"),
    [
        (
            "Proposed Cllr P. Ashworth, seconded Cllr J. Okafor. Carried unanimously.",
            "Cllr P. Ashworth",
            "Cllr J. Okafor",
        ),
        ("Moved by Cllr R. Dunmore and seconded by Cllr A. Haddad.", "Cllr R. Dunmore", "Cllr A. Haddad"),
        ("Proposed Councillor Jones, seconded Councillor Patel", "Councillor Jones", "Councillor Patel"),
    ],
)
def test_the_vote_line_gives_mover_and_seconder_and_ends_the_last_item(line: str, mover: str, seconder: str) -> None:
    text = (
        f"12/26  FOOTPATHS\nRESOLVED:\n(a) That the Clerk reports the stile;\n(b) That the path be cleared.\n{line}\n"
    )
    (r,) = whereas.parse(text)
    assert (r.sponsors.mover, r.sponsors.seconder) == (mover, seconder)
    assert r.resolved[0].items[-1].text == "That the path be cleared."


def test_a_sentence_that_names_the_proposer_later_is_no_vote_line() -> None:
    text = "12/26  FOOTPATHS\nRESOLVED: That the Clerk reports the stile.\nApproved. Proposed R. Baird, seconded F. Gall.\n"
    (r,) = whereas.parse(text)
    assert r.sponsors.mover is None


def test_minutes_raise_no_finding_under_the_inferred_profile() -> None:
    proc = run_cli("check", *INPUTS, cwd=FOLDER)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "All checks passed!" in proc.stdout
