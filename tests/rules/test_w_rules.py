"""The preamble rules W001-W007: exact findings on passing and failing recitals, and what their fixes leave."""

from __future__ import annotations

import pytest
from rulecase import ALA_CLEAN, Case, assert_findings, bad, case_id, fixed, ok

T = "Resolution on X\n\n"  # the title: recitals start on line 3
R = "\n\nResolved, that ALA acts.\n"
LABOR_END = "\n\nRESOLVED, that Local 1 acts.\n"
RONR_END = "\n\nResolved, That the club acts.\n"

CASES: list[Case] = [
    # --- W001 whereas-capitals: the keyword as the profile writes it ------------------------------------------
    ok("W001", "ala Whereas", T + "Whereas libraries serve everyone; now, therefore, be it" + R),
    ok("W001", "labor WHEREAS", T + "WHEREAS, a; and\n\nWHEREAS, b;" + LABOR_END, profile="labor"),
    ok(
        "W001",
        "quoted keyword",
        T + 'Whereas a; now, therefore, be it\n\nResolved, that ALA repeats "WHEREAS we act".\n',
    ),
    ok("W001", "clean ala resolution", ALA_CLEAN),
    bad("W001", "ala WHEREAS", T + "WHEREAS libraries serve everyone; now, therefore, be it" + R, [(3, 1)]),
    bad("W001", "second recital", T + "Whereas a; and\n\nWHEREAS b; now, therefore, be it" + R, [(5, 1)]),
    bad("W001", "labor Whereas", T + "Whereas, a; and\n\nWHEREAS, b;" + LABOR_END, [(3, 1)], profile="labor"),
    # --- W002 whereas-comma: a comma after the keyword, or none -----------------------------------------------
    ok("W002", "ala no comma", T + "Whereas libraries serve everyone; now, therefore, be it" + R),
    ok("W002", "ala comma opens a phrase", T + "Whereas, in 2012, the library opened; now, therefore, be it" + R),
    ok("W002", "ronr commas", T + "Whereas, A; and\n\nWhereas, B; therefore, be it" + RONR_END, profile="ronr"),
    bad("W002", "ala comma", T + "Whereas, libraries serve everyone; now, therefore, be it" + R, [(3, 8)]),
    bad("W002", "ala comma before the subject", T + "Whereas, the library opened; now, therefore, be it" + R, [(3, 8)]),
    bad(
        "W002",
        "ronr missing comma",
        T + "Whereas A; and\n\nWhereas, B; therefore, be it" + RONR_END,
        [(3, 1)],
        profile="ronr",
    ),
    # --- W003 whereas-next-word-case: "Whereas the" (ala) or "Whereas, The" (ronr) ----------------------------
    ok("W003", "ala lowercase", T + "Whereas the library serves everyone; now, therefore, be it" + R),
    ok(
        "W003",
        "ronr capitals",
        T + "Whereas, The club met; and\n\nWhereas, The park is open; therefore, be it" + RONR_END,
        profile="ronr",
    ),
    ok(
        "W003",
        "city either",
        T + "WHEREAS, the city met; and\n\nWHEREAS, The park is open; now, therefore,\n\nRESOLVED, That we picnic.\n",
        profile="city",
    ),
    ok(
        "W003",
        "a name of several words joined by 'of'",
        T + "Whereas Women of Aviation Worldwide Week honours pilots, and women lead; now, therefore, be it" + R,
    ),
    bad("W003", "ala The", T + "Whereas The library serves everyone; now, therefore, be it" + R, [(3, 9)]),
    bad(
        "W003",
        "a name is left alone, a common word is not",
        T + "Whereas McDonald research shows harm; and\n\nWhereas Today research shows; now, therefore, be it" + R,
        [(5, 9)],
    ),
    bad(
        "W003",
        "ronr lowercase",
        T + "Whereas, the club met; and\n\nWhereas, The park is open; therefore, be it" + RONR_END,
        [(3, 10)],
        profile="ronr",
    ),
    # --- W004 recital-terminator: each recital ends with a semicolon ------------------------------------------
    ok("W004", "semicolons", T + "Whereas a; and\n\nWhereas b; now, therefore, be it" + R),
    ok(
        "W004",
        "semicolon-and without a space",
        T + "Whereas one;and\n\nWhereas two;and\n\nWhereas three; now, therefore, be it" + R,
    ),
    ok(
        "W004",
        "a note's number glued after the semicolon (a PDF's superscript call-out)",
        T + "Whereas pupils are distracted at school;1 and\n\nWhereas rules differ;ii and\n\n"
        "Whereas OAR 690-086;3 and\n\nWhereas c; now, therefore, be it" + R,
        profile="labor",
    ),
    ok(
        "W004",
        "a superscript call-out after the semicolon (as the PDF reader writes a raised one)",
        T + "Whereas pupils are distracted at school;¹ and\n\nWhereas rules differ;ⁱⁱ and\n\n"
        "Whereas c; now, therefore, be it" + R,
        profile="labor",
    ),
    bad(
        "W004",
        "period",
        T + "Whereas libraries serve everyone.\n\nWhereas they need funds; now, therefore, be it" + R,
        [(3, 33)],
    ),
    bad(
        "W004",
        "comma and nothing",
        T + "Whereas one, and\n\nWhereas two\n\nWhereas three; now, therefore, be it" + R,
        [(3, 12), (5, 11)],
    ),
    # trial 8: a recital that sets off a block quotation or a table after its colon ends with the block; its last
    # mark is the quoted text's or a cell's, and a terminator put there would edit them
    ok(
        "W004",
        "a recital ending with a block quotation it introduced",
        "# Resolution on X\n\nWhereas, a; and\n\nWhereas, the Plan states:\n\n> Streets come first.\n\n"
        "Whereas, c; now, therefore, be it" + RONR_END,
        profile="ronr",
    ),
    ok(
        "W004",
        "a recital ending with a block quotation it introduced after a comma (trial 19: '… which provides,')",
        '# Resolution on X\n\nWhereas, a; and\n\nWhereas, the Act of 1820 provides,\n\n> "That slavery is forever '
        'prohibited."\n\nAnd whereas, c: Therefore,\n\nResolved, That the Senate acts.\n',
        profile="ronr",
    ),
    ok(
        "W004",
        "a recital ending with a table it introduced",
        "# Resolution on X\n\nWhereas, a; and\n\nWhereas, the options are:\n\n| Option | Fee |\n|---|---|\n"
        "| A | £35 |\n\nWhereas, c; now, therefore, be it" + RONR_END,
        profile="ronr",
    ),
    # --- W005 and-placement: "; and" on the next-to-last recital (ala), on every one (labor) -------------------
    ok(
        "W005",
        "the and opens the next recital",
        T + "WHEREAS the town values libraries;\n\nAND WHEREAS the board asks for funds;\n\n"
        "AND WHEREAS the budget allows it; now, therefore, be it" + R,
    ),
    ok("W005", "ala penultimate", T + "Whereas a;\n\nWhereas b; and\n\nWhereas c; now, therefore, be it" + R),
    ok(
        "W005",
        "ala penultimate, its note's number glued after the semicolon (a PDF's superscript call-out)",
        T + "Whereas a;1\n\nWhereas b;2 and\n\nWhereas c; now, therefore, be it" + R,
    ),
    ok("W005", "labor every", T + "WHEREAS, a; and\n\nWHEREAS, b; and\n\nWHEREAS, c;" + LABOR_END, profile="labor"),
    ok(
        "W005",
        "ronr either",
        T + "Whereas, A; and\n\nWhereas, B; and\n\nWhereas, C; therefore, be it" + RONR_END,
        profile="ronr",
    ),
    bad(
        "W005",
        "ala and too early",
        T + "Whereas a; and\n\nWhereas b; and\n\nWhereas c; now, therefore, be it" + R,
        [(3, 12)],
    ),
    bad("W005", "ala and missing", T + "Whereas a;\n\nWhereas b;\n\nWhereas c; now, therefore, be it" + R, [(5, 10)]),
    bad(
        "W005",
        "labor and missing",
        T + "WHEREAS, a; and\n\nWHEREAS, b;\n\nWHEREAS, c;" + LABOR_END,
        [(5, 11)],
        profile="labor",
    ),
    # --- W006 preamble-formula: the last recital's connector --------------------------------------------------
    ok(
        "W006",
        "the body resolves in its own words",
        T + "Whereas a; and\n\nWhereas b;\n\nThe Faculty Senate hereby resolves:\n\n1. It acts.\n\n2. It reports.\n",
    ),
    ok("W006", "in capitals", T + "Whereas a; and\n\nWhereas b;\n\nTHE SENATE RESOLVES THAT it acts.\n"),
    ok("W006", "ala connector", T + "Whereas a; and\n\nWhereas b; now, therefore, be it" + R),
    ok(
        "W006",
        "congress connector",
        "Whereas the Senate met; and\n\nWhereas the House met: Now, therefore, be it\n\n"
        "Resolved, That the Congress adjourn.\n",
        profile="congress",
    ),
    bad("W006", "comma and no comma", T + "Whereas a; and\n\nWhereas b, now, therefore be it" + R, [(5, 10)]),
    bad("W006", "no connector", T + "Whereas a; and\n\nWhereas b;" + R, [(5, 10)]),
    bad(
        "W006",
        "ala connector under congress",
        "Whereas the Senate met; and\n\nWhereas the House met; now, therefore, be it"
        "\n\nResolved, That the Congress adjourn.\n",
        [(3, 22)],
        profile="congress",
    ),
    # --- W007 period-in-preamble: no sentence ends inside the preamble ----------------------------------------
    ok(
        "W007",
        "a case name",
        T + "Whereas the Court in Korematsu v. United States upheld it; now, therefore, be it" + R,
    ),
    ok(
        "W007",
        "abbreviations and a quotation",
        T + 'Whereas the U.S. Dept. of Education said "Cuts come. More follow."; now, therefore, be it' + R,
    ),
    ok(
        "W007",
        "a Commonwealth statute's chapter",
        T + "Whereas the Nation is a band under the Indian Act, R.S.C. 1985, c. I-5, and its Council acts for it; "
        "now, therefore, be it" + R,
    ),
    ok(
        "W007",
        "a state's code, abbreviated as the Bluebook does (the list the citation reader shares)",
        T + "Whereas the Ralph M. Brown Act (Cal. Gov. Code, § 54950) and Ky. Rev. Stat. 61.800 require open "
        "meetings; now, therefore, be it" + R,
    ),
    bad(
        "W007",
        "two sentences",
        T + "Whereas libraries serve everyone. They need funds; now, therefore, be it" + R,
        [(3, 33)],
    ),
    bad(
        "W007",
        "in two recitals",
        T + "Whereas a fell. It fell again; and\n\nWhereas b rose. It rose; now, therefore, be it" + R,
        [(3, 15), (5, 15)],
    ),
    bad(
        "W007",
        "a case name's period where there is none",
        T + "Whereas the Court in Korematsu. United States upheld it; now, therefore, be it" + R,
        [(3, 31)],
    ),
]

# W003: a name after "Whereas" is left alone; a common word is still found (each its own row)
CASES += [
    ok("W003", f"name {name}", T + f"Whereas {name} research shows harm; now, therefore, be it" + R)
    for name in ("DSA’s", "HuffPost", "Exxon’s", "McDonald")
]
CASES += [
    bad("W003", f"common word {word}", T + f"Whereas {word} research shows harm; now, therefore, be it" + R, [(3, 9)])
    for word in ("The", "Members’", "It’s", "Today")
]
# W002: a comma profile takes a comma that also opens a phrase ("WHEREAS, From May 15 to 18, 1803, …")
FLAG_DAY = (
    "Resolution on Flag Day\n\n"
    "WHEREAS, From May 15 to 18, 1803, the congress met at Arcahaie; and\n\n"
    "WHEREAS, In the words of the historian, the flag unites a nation; now, therefore, be it\n\n"
    "RESOLVED, That the Council proclaims May 18 Flag Day.\n"
)
CASES += [
    ok("W002", f"{profile} comma opening a phrase", FLAG_DAY, profile=profile) for profile in ("ronr", "labor", "city")
]


# A motion in the British form (issue 9): "Council notes:" and its items are no Whereas recitals joined by "; and"
MOTION = (
    "# Motion on Pavement Parking\n\nProposer: Cllr Jane Smith\nSeconder: Cllr Raj Patel\n\nCouncil notes:\n\n"
    "- complaints about pavement parking have doubled since 2021;\n- pavement parking puts wheelchair users at risk;\n"
    "- other councils have banned it.\n\nCouncil resolves to:\n\n- ask the Cabinet to bring forward a ban.\n"
)
CASES += [
    ok(code, f"{p} motion", MOTION, profile=p)
    for code in ("W001", "W002", "W003", "W004", "W005", "W006", "W007")
    for p in ("ala", "ronr", "labor", "city")
]


# A resolution set in capitals (sweep 2): the keyword and the word after it are in capitals with the rest, and a
# fix would mix cases ("Whereas THE CITY", "tHE CITY"); a keyword paired with another language's is the document's
CAPITALS = (
    T + "WHEREAS, THE TOWN HAS NO SHELTER FOR ITS LIBRARY VOLUNTEERS; AND\n\n"
    "WHEREAS, THE GRANGE HALL STANDS EMPTY ON WEEKDAYS;\n\nRESOLVED, THAT THE GUILD RENTS THE HALL.\n"
)
CASES += [
    ok(code, f"{p} set in capitals", CAPITALS, profile=p) for code in ("W001", "W003") for p in ("ala", "congress")
]
CASES += [
    ok("W001", "a bilingual keyword", T + "WHEREAS / GAN FOD the hall is empty; now, therefore, be it" + R),
    ok(
        "W002",
        "a bilingual keyword",
        T + "Whereas / Gan fod the hall is empty; now, therefore, be it" + RONR_END,
        profile="ronr",
    ),
    # one recital in capitals among ordinary ones: set in capitals itself
    ok(
        "W003",
        "a recital set in capitals",
        T + "Whereas a; and\n\nWHEREAS THE HALL STANDS EMPTY ON WEEKDAYS; now, therefore, be it" + R,
    ),
    bad(
        "W003",
        "THE in a recital in lowercase",
        T + "Whereas THE hall stands empty; now, therefore, be it" + R,
        [(3, 9)],
    ),
]


def test_a_word_in_capitals_is_lowercased_whole() -> None:
    """W003's unsafe fix lowercased the first letter only, writing "tHE"."""
    text = T + "Whereas THE hall stands empty; now, therefore, be it" + R
    assert "Whereas the hall" in fixed(text, select="W003", unsafe=True)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_rule(case: Case) -> None:
    case.check()


# --- several rules at once, under the whole profile ---------------------------------------------------------


def test_the_keyword_rules_point_at_the_keyword_comma_and_word() -> None:
    assert_findings(
        ALA_CLEAN.replace("Whereas libraries", "WHEREAS, Libraries"), [("W001", 3, 1), ("W002", 3, 8), ("W003", 3, 10)]
    )


def test_and_placement_and_terminator_together() -> None:
    text = ALA_CLEAN.replace("every community;", "every community; and").replace(
        "public funding; and", "public funding."
    )
    assert_findings(text, [("W005", 3, 42), ("W004", 5, 71)])


def test_connector_forms() -> None:
    assert_findings(ALA_CLEAN.replace("; now, therefore, be it", ", now, therefore be it"), [("W006", 7, 27)])
    assert_findings(ALA_CLEAN.replace("; now, therefore, be it", ";"), [("W006", 7, 27)])


# --- the fixes ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["ronr", "labor", "city"])
def test_w002_fix_adds_no_second_comma(profile: str) -> None:
    assert ",," not in fixed(FLAG_DAY, profile=profile, unsafe=True)


def test_w002_fix_puts_the_comma_where_the_document_does_after_an_emphasis_marker() -> None:
    # trial 8: a club whose recitals read "**WHEREAS**, pool hire …": the missing comma goes after the "**" as in
    # the others, not inside it ("**WHEREAS,** the club's …"); where the others write "**WHEREAS,**" it goes inside
    body = "# Resolution on X\n\n{a}, a; and\n\n{b} the club; and\n\n{a}, c; now, therefore, be it" + RONR_END
    after = body.format(a="**WHEREAS**", b="**WHEREAS**")
    assert fixed(after, profile="ronr", select="W002") == body.format(a="**WHEREAS**", b="**WHEREAS**,")
    inside = body.replace("{a},", "{a}").format(a="**WHEREAS,**", b="**WHEREAS**")
    assert fixed(inside, profile="ronr", select="W002") == inside.replace("**WHEREAS** the", "**WHEREAS,** the")


@pytest.mark.parametrize("mark", [".", ";"])
def test_w002_fix_writes_the_comma_in_place_of_a_mark_typed_for_it(mark: str) -> None:
    """ "WHEREAS. students …" (a period typed for the comma): the comma takes the period's place, never "WHEREAS,.";
    after another mark ("WHEREAS— the") the finding has no fix."""
    body = "Resolution on X\n\nWHEREAS, a; and\n\nWHEREAS{m} the club acts; now, therefore, be it" + RONR_END
    assert fixed(body.format(m=mark), profile="ronr", select="W002") == body.format(m=",")
    dash = body.format(m="—")
    assert fixed(dash, profile="ronr", select="W002") == dash


def test_w004_fix_reads_a_semicolon_and_without_a_space_as_the_connector() -> None:
    text = T + "Whereas one;and\n\nWhereas two;and\n\nWhereas three; now, therefore, be it" + R
    assert ";;" not in fixed(text, unsafe=True)


def test_keyword_fixes() -> None:
    assert fixed(T + "WHEREAS, Libraries serve everyone; now, therefore, be it" + R, select="W", unsafe=True) == (
        T + "Whereas libraries serve everyone; now, therefore, be it" + R
    )
    # W003's fix is unsafe: a safe run leaves the capital
    assert fixed(T + "WHEREAS, Libraries serve everyone; now, therefore, be it" + R, select="W") == (
        T + "Whereas Libraries serve everyone; now, therefore, be it" + R
    )


def test_w006_fix_never_adds_a_connector_before_one_that_names_the_motion() -> None:
    # a Philippine council's "WHEREFORE, on motion of …, be it" is the connector: an ala fix that appended
    # "; now, therefore, be it" to the last recital gave the resolution two
    text = (
        T + "Whereas a; and\n\nWhereas b;\n\n"
        "WHEREFORE, on motion of Hon. Ana Cruz, duly seconded by Hon. Ben Reyes, be it\n\n"
        "RESOLVED, as it is hereby RESOLVED, to act.\n"
    )
    assert fixed(text, select="W006", unsafe=True) == text


def test_and_placement_fix() -> None:
    text = T + "Whereas a; and\n\nWhereas b;\n\nWhereas c; now, therefore, be it" + R
    assert fixed(text, select="W005") == T + "Whereas a;\n\nWhereas b; and\n\nWhereas c; now, therefore, be it" + R


@pytest.mark.parametrize("close", ['"', "”"])
@pytest.mark.parametrize("set_off", [" ", "\n\n"], ids=["run-in", "set-off"])
def test_w004_a_recital_ending_with_a_quotations_period_takes_its_terminator_after_the_mark(
    close: str, set_off: str
) -> None:
    """'WHEREAS, ORS 192.108 provides in part: "(1) … (2) … historical value."' without its "; and": the help said
    'Replace "." with ";"', an edit inside the statute's words the verifier refused, so no fix ever ran (trial 19).
    The terminator goes after the closing mark, the quotation untouched; one that only lacks its "and" keeps its
    ";" where it was."""
    opening = "“" if close == "”" else '"'
    doc = (
        "RESOLUTION NO. 2025-47\n\nWHEREAS, ORS 192.105 authorizes the Archivist to act; and\n\n"
        f"WHEREAS, ORS 192.108 provides in part:{set_off}{opening}(1) A public official may not destroy a public "
        f"record without approval.{close}\n\n"
        "WHEREAS, the records have expired; and\n\nWHEREAS, none is under litigation;\n\n"
        "NOW, THEREFORE, BE IT RESOLVED BY THE CITY COUNCIL that the schedule is adopted.\n"
    )
    after = fixed(doc, profile="city", select="W004", unsafe=True)
    assert f"without approval.{close}; and\n" in after
    assert fixed(doc, profile="city", select="W004") == doc  # (an unsafe fix)
