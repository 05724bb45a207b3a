"""The structure rules S001-S004: a title, the sponsors, a resolving clause, not too many recitals."""

from __future__ import annotations

import pytest
from rulecase import ALA_CLEAN, Case, bad, case_id, ok

T = "Resolution on X\n\n"
P = T + "Whereas a; now, therefore, be it\n\n"


def recitals(n: int, keyword: str = "Whereas") -> str:
    """A resolution with ``n`` recitals (line 3, 5, …) and one resolving clause."""
    return T + "".join(f"{keyword} reason {i};\n\n" for i in range(1, n + 1)) + "Resolved, that ALA acts.\n"


CASES: list[Case] = [
    # --- S001 missing-title -----------------------------------------------------------------------------------
    ok("S001", "a title line", P + "Resolved, that ALA acts.\n"),
    ok(
        "S001",
        "a Markdown heading",
        "# Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n",
    ),
    ok(
        "S001",
        "ronr title",
        T + "Whereas, A; therefore, be it\n\nResolved, That the club acts.\n",
        profile="ronr",
    ),
    bad(
        "S001",
        "a heading that only says what it is",
        "Motion\n\nWhereas libraries serve everyone; now, therefore, be it\n\nResolved, that ALA acts.\n",
        [(1, 1)],
    ),
    ok(
        "S001",
        "a title in sentence case the structure may not take (unsure: silent)",
        "Strengthening rehabilitation in health systems\n\nWhereas many need care; now, therefore, be it\n\n"
        "Resolved, that ALA acts.\n",
    ),
    bad(
        "S001",
        "above the clauses only what it is and who brought it",
        "A resolution\n\nPresented by Alderman Emma Mitts\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n",
        [(5, 1)],
    ),
    bad(
        "S001",
        "no title",
        "Whereas libraries serve everyone; now, therefore, be it\n\nResolved, that ALA acts.\n",
        [(1, 1)],
    ),
    bad(
        "S001",
        "selected under congress",
        "Whereas a: Now, therefore, be it\n\nResolved, That Congress acts.\n",
        [(1, 1)],
        profile="congress",
    ),
    # --- S002 missing-sponsors --------------------------------------------------------------------------------
    ok("S002", "mover and seconder", P + "Resolved, that ALA acts.\n\nMover: Jane Doe\nSeconder: John Roe\n"),
    ok(
        "S002",
        "labor submitted by",
        T + "WHEREAS, a;\n\nRESOLVED, that Local 1 acts.\n\nSubmitted by: Local 12\n",
        profile="labor",
    ),
    ok(
        "S002",
        "city sponsor",
        T + "WHEREAS, a;\n\nRESOLVED, that the council acts.\n\nSponsor: Alderman Smith\n",
        profile="city",
    ),
    ok("S002", "ronr wants none", P + "Resolved, That the club acts.\n", profile="ronr"),
    bad("S002", "no sponsors", P + "Resolved, that ALA acts.\n", [(5, 25)]),
    bad("S002", "a mover without a seconder", P + "Resolved, that ALA acts.\n\nMover: Jane Doe\n", [(5, 25)]),
    bad(
        "S002",
        "labor without submitted by",
        T + "WHEREAS, a;\n\nRESOLVED, that Local 1 acts.\n",
        [(5, 29)],
        profile="labor",
    ),
    # --- S003 missing-resolved-clause -------------------------------------------------------------------------
    ok("S003", "Resolved", P + "Resolved, that ALA acts.\n"),
    ok("S003", "BE IT RESOLVED", T + "Whereas a; now, therefore,\n\nBE IT RESOLVED, that ALA acts.\n"),
    bad("S003", "one recital only", T + "Whereas libraries serve everyone;\n", [(3, 34)]),
    bad("S003", "a preamble with its connector", T + "Whereas a; and\n\nWhereas b; now, therefore, be it\n", [(5, 10)]),
    # a county's order (fourth trial): the structure reads no resolving part after "BE IT ORDERED", but one is there
    ok(
        "S003",
        "an order the structure does not read",
        T + "WHEREAS, a; and\n\nWHEREAS, b;\n\nNOW, THEREFORE, BE IT ORDERED BY THE COMMISSIONERS COURT THAT:\n\n"
        "1. Outdoor burning is prohibited.\n\n2. A violation is a misdemeanor.\n",
        profile="ronr",
    ),
    ok(
        "S003",
        "an order run on into the last recital (a PDF's lines without blank lines)",
        T
        + "WHEREAS, a; and\nWHEREAS, b;\nNOW, THEREFORE, BE IT ORDERED BY THE COURT THAT:\n1. Burning is prohibited.\n",
        profile="ronr",
    ),
    bad(
        "S003",
        "a wrapped recital's connector and no resolving clause",
        T + "Whereas a is true; and\n\nWhereas b is\ntrue;\nnow, therefore, be it\n",
        [(6, 5)],
        profile="ronr",
    ),
    ok("S003", "an enactment", T + "WHEREAS, a;\n\nIT IS HEREBY ENACTED that the rule is amended.\n", profile="ronr"),
    bad(
        "S003",
        "a sentence after the recitals",
        T + "WHEREAS, a; and\n\nWHEREAS, b;\n\nThe order was discussed at length.\n",
        [(5, 12)],
        profile="ronr",
    ),
    # --- S004 too-many-recitals (ala: 7, ronr: 10) ------------------------------------------------------------
    ok("S004", "ala seven", recitals(7)),
    ok("S004", "clean ala resolution", ALA_CLEAN),
    ok("S004", "max option", recitals(8), options={"S004": {"max": 8}}),
    bad("S004", "ala eight", recitals(8), [(17, 1)]),
    bad("S004", "ronr eleven", recitals(11, "Whereas,"), [(23, 1)], profile="ronr"),
    bad("S004", "max option", recitals(3), [(7, 1)], options={"S004": {"max": 2}}),
]


# A motion in the British form (issue 9): a long "Conference notes:" list is the motion's, no preamble of recitals
MOTION = (
    "# Motion 5: Settle the Pay Dispute\n\nProposed by: Health Branch\nSeconded by: Education Branch\n\n"
    "**Conference notes:**\n\n"
    + "".join(f"{n}. That reason {n} holds.\n" for n in range(1, 13))
    + "\n**Conference resolves:**\n\n1. To campaign for a settlement.\n"
)
CASES += [
    ok(code, f"{p} motion", MOTION, profile=p) for code in ("S001", "S002", "S003", "S004") for p in ("ronr", "labor")
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_rule(case: Case) -> None:
    case.check()
