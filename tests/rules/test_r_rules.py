"""The resolving-clause rules R001-R005: exact findings on passing and failing clauses and lists."""

from __future__ import annotations

import pytest
from rulecase import ALA_CLEAN, Case, assert_findings, bad, case_id, fixed, ok

T = "Resolution on X\n\n"
P = T + "Whereas a; now, therefore, be it\n\n"  # the resolving clauses start on line 5
LIST = P + "Resolved, that ALA:\n\n1. {}\n\n2. {}\n\n3. {}\n"  # items on lines 7, 9 and 11

SENTENCE_LIST = (
    "Resolution on Citizen Involvement\n\nWHEREAS, the city must involve its citizens; now, therefore,\n\n"
    "RESOLVED, That the Council adopts this program:\n\n"
    "1. The Planning Commission shall serve as the Committee for Citizen Involvement.\n\n"
    "2. All meetings of the Committee shall be open to every citizen.\n"
)
MOTION_PARTS = (
    "Motion on Ferries\n\nThat this House:\n\n(a) notes that:\n    (i) sailings fell; and\n    (ii) {}\n\n"
    "(b) calls on the Government to act.\n"
)
HALF_SENTENCES = SENTENCE_LIST.replace("every citizen.", "every citizen")  # one item no longer a sentence

CASES: list[Case] = [
    # --- R001 resolved-capitals -------------------------------------------------------------------------------
    ok("R001", "ala Resolved", P + "Resolved, that ALA acts.\n"),
    ok("R001", "labor RESOLVED", T + "WHEREAS, a;\n\nRESOLVED, that Local 1 acts.\n", profile="labor"),
    ok("R001", "quoted RESOLVED", P + 'Resolved, that ALA repeats "RESOLVED, we cut".\n'),
    bad("R001", "ala RESOLVED", P + "RESOLVED, that ALA acts.\n", [(5, 1)]),
    bad(
        "R001",
        "the second clause",
        P + "Resolved, that ALA acts; and be it further\n\nRESOLVED, that ALA thanks B.\n",
        [(7, 1)],
    ),
    bad("R001", "labor Resolved", T + "WHEREAS, a;\n\nResolved, that Local 1 acts.\n", [(5, 1)], profile="labor"),
    # --- R002 resolved-that-case ------------------------------------------------------------------------------
    ok("R002", "ala that", P + "Resolved, that ALA acts.\n"),
    ok("R002", "ronr That", T + "Whereas, A; therefore, be it\n\nResolved, That the club acts.\n", profile="ronr"),
    ok(
        "R002",
        "congress either",
        "Whereas the Senate met: Now, therefore, be it\n\nResolved, that the Congress adjourn.\n",
        profile="congress",
    ),
    bad("R002", "ala That", P + "Resolved, That ALA acts.\n", [(5, 11)]),
    bad(
        "R002",
        "ronr that",
        T + "Whereas, A; therefore, be it\n\nResolved, that the club acts.\n",
        [(5, 11)],
        profile="ronr",
    ),
    bad(
        "R002",
        "the second clause",
        P + "Resolved, that ALA acts; and be it further\n\nResolved, That ALA thanks B.\n",
        [(7, 11)],
    ),
    # --- R003 resolved-list-punctuation: "…;", "…; and", "…." --------------------------------------------------
    ok("R003", "ala list", LIST.format("urges A;", "urges B; and", "urges C.")),
    ok("R003", "ala clean resolution", ALA_CLEAN),
    ok(
        "R003",
        "run-in lists ended by the connector and by or",
        P + "Resolved, that the board shall: 1) meet; 2) vote; and 3) report; and be it further\n\n"
        "Resolved, that funds come from: (a) dues; (b) gifts; or (c) grants.\n",
    ),
    bad("R003", "periods", LIST.format("urges A.", "urges B.", "urges C"), [(7, 10), (9, 10), (11, 10)]),
    # a clause whose quotation never closes (Q001): the list may be the quoted text's, a bylaw's sections
    ok(
        "R003",
        "a lettered list after an unclosed quotation",
        P + "Resolved, that the Association amend its Bylaws by inserting the following new article:\n\n"
        '"Article 4. Dues of Members.\n(a) Each member shall pay dues that the Council sets every year.\n'
        "(b) Between January 1 and March 31, the dues of new members shall be halved.\n"
        "(c) The Council may waive the dues of any member who asks.\n",
    ),
    bad(
        "R003",
        "a list after a quotation that closes",
        P + 'Resolved, that ALA, under its "Bylaws", urges:\n\n1. A.\n\n2. B.\n\n3. C\n',
        [(7, 4), (9, 4), (11, 4)],
    ),
    bad("R003", "no and", LIST.format("urges A;", "urges B;", "urges C."), [(9, 10)]),
    bad("R003", "ala sentences", SENTENCE_LIST, [(7, 79)]),
    # --- R006 item-numbering: 1, 2, 3 … ----------------------------------------------------------------------
    ok("R006", "in order", LIST.format("urges A;", "urges B; and", "urges C.")),
    ok(
        "R006",
        "lettered",
        LIST.replace("1.", "a.").replace("2.", "b.").replace("3.", "c.").format("A;", "B; and", "C."),
    ),
    bad("R006", "repeated", LIST.format("urges A;", "urges B; and", "urges C.").replace("3.", "2."), [(11, 1)]),
    bad(
        "R006",
        "skipped",
        LIST.format("urges A;", "urges B; and", "urges C.")
        .replace("2.", "3.")
        .replace("\n\n3. urges C", "\n\n4. urges C"),
        [(9, 1)],
    ),
    bad(
        "R006",
        "swapped",
        P + "Resolved, that ALA:\n\n1. urges A;\n\n3. urges B;\n\n2. urges C; and\n\n4. urges D.\n",
        [(9, 1), (11, 1)],
    ),
    bad(
        "R006",
        "skipped after a sentence",
        P + "Resolved, that the Commission approves it, subject to these conditions:\n\n"
        "1. The project shall be built as planned.\n\n2. Drawings shall follow the approved plans.\n\n"
        "4. The applicant shall record an agreement restricting the units to lower-income households.\n",
        [(11, 1)],
    ),
    bad(
        "R006",
        "a letter skipped",
        P + "Resolved, that ALA:\n\na) urges A;\n\nb) urges B;\n\nd) urges C; and\n\ne) urges D.\n",
        [(11, 1)],
    ),
    ok("R006", "roman numerals", P + "Resolved, that ALA:\n\ni) urges A;\n\nii) urges B; and\n\niii) urges C.\n"),
    # a motion's lettered part that another follows ends as a list's item: its last sub-item with ";"
    ok("R003", "a motion's part", MOTION_PARTS.format("costs rose;")),
    bad("R003", "a motion's part unended", MOTION_PARTS.format("costs rose"), [(7, 19)]),
]
# a roster under a resolving clause (the members it appoints, the officers it elects): names, not actions to punctuate
ROSTER = (
    T + "WHEREAS, the Board wishes to form a committee.\n\nRESOLVED, that the persons listed below be appointed:\n\n"
    " * Mele Tupou                <mtupou@example.org>\n * Joost van der Berg        <jvdberg@example.org>\n"
    " * Li Na                     <lina@example.org>\n\nRESOLVED, that the committee report in June.\n"
)
OFFICERS = LIST.replace("that ALA:", "that these members be elected:").format(
    "Rosa Mbeki, Chair", "Tomas de la Cruz (Treasurer)", "Ada K. Lind, Secretary"
)
CASES += [ok("R003", f"{p} roster", ROSTER, profile=p) for p in ("ala", "ronr", "congress", "city", "labor")]
CASES += [ok("R003", f"{p} officers", OFFICERS, profile=p) for p in ("ala", "ronr")]
CASES += [
    ok("R005", "officers' names", OFFICERS),
    # … but a list that only looks so (a verb opens each item, or an item is no name) is still judged
    bad(
        "R003",
        "capitalised actions",
        LIST.format("Elects Rosa Mbeki", "Approves Tomas Cruz", "Thanks Ada Lind"),
        [(7, 20), (9, 22), (11, 18)],
    ),
    bad(
        "R003",
        "a roster with an action in it",
        LIST.format("Rosa Mbeki, Chair", "urges members to vote", "Ada Lind, Secretary"),
        [(7, 20), (9, 24), (11, 22)],
    ),
]
# a list of whole sentences is accepted where the profile allows it; one item that is no sentence is not
CASES += [ok("R003", f"{p} sentences", SENTENCE_LIST, profile=p) for p in ("ronr", "congress", "labor", "city")]
CASES += [bad("R003", f"{p} half sentences", HALF_SENTENCES, [(7, 79), (9, 63)], profile=p) for p in ("ronr", "labor")]
CASES += [
    # --- R004 resolved-comma ----------------------------------------------------------------------------------
    ok("R004", "comma", P + "Resolved, that ALA acts.\n"),
    ok("R004", "RESOLVED FURTHER, that", P + "Resolved, that we act.\n\nRESOLVED FURTHER, that the Treasurer pays.\n"),
    ok(
        "R004",
        "a parenthesis, then the comma",
        P + "Resolved, that we act.\n\nRESOLVED (if the House concur), That the Senate agrees.\n",
    ),
    ok(
        "R004",
        "a state legislature's enacting phrase in capitals (trial 2)",
        P + "RESOLVED BY THE SENATE OF THE STATE OF WESTMARCH, THE HOUSE OF REPRESENTATIVES CONCURRING, that the "
        "Legislature acts.\n",
    ),
    ok(
        "R004",
        "the enacting phrase, inferred profile",
        P + "RESOLVED BY THE SENATE, THE HOUSE CONCURRING, that we act.\n",
        profile="ronr",
    ),
    bad("R004", "no comma", P + "Resolved that ALA acts.\n", [(5, 9)]),
    bad("R004", "a colon", P + "Resolved: that ALA acts.\n", [(5, 9)]),
    bad(
        "R004",
        "the second clause",
        P + "Resolved, that we act; and be it further\n\nResolved that we rest.\n",
        [(7, 9)],
    ),
    # --- R005 list-item-case: "1. urges …" ---------------------------------------------------------------------
    ok("R005", "lowercase verbs", LIST.format("urges A;", "urges B; and", "thanks C.")),
    ok("R005", "an item naming its subject", LIST.format("ALA urges A;", "urges B; and", "thanks C.")),
    ok(
        "R005",
        "numbered sentences with their own subjects (a city's sections after AS FOLLOWS:)",
        LIST.format("The agreement is approved.", "This resolution takes effect now.", "Each officer signs."),
    ),
    bad("R005", "capitals", LIST.format("Urges A;", "urges B; and", "Thanks C."), [(7, 4), (11, 4)]),
    # whole sentences after a phrase put before their subject, or with a pronoun for it: no verbs to lowercase
    ok(
        "R005",
        "sentences opening with a fronted phrase or a pronoun subject",
        LIST.format(
            "During the closure, the branches shall lend by mail.",
            "Until the budget passes, no fee is charged.",
            "Whoever damages a book shall replace it.",
        ),
    ),
    bad(
        "R005",
        "a fronted phrase before a verb that continues the Resolved sentence",
        LIST.format("During the closure, urges members to lend by mail;", "urges B; and", "urges C."),
        [(7, 4)],
    ),
    bad(
        "R005",
        "a fronted phrase in an item that ends as a list's item",
        LIST.format("During the closure, the branches shall lend by mail;", "urges B; and", "urges C."),
        [(7, 4)],
    ),
    bad("R005", "every item", LIST.format("Urges A;", "Urges B; and", "Thanks C."), [(7, 4), (9, 4), (11, 4)]),
    # whole sentences with a plain noun for their subject: an ordinance's definitions, a section's rules
    ok(
        "R005",
        "sentences whose subject is a noun",
        LIST.format(
            "City shall mean the City of Davis.", "Executive Director is authorized to sign.", "Staff will report."
        ),
    ),
    bad(
        "R005",
        "a verb whose object is followed by a modal later on, or an item without its period",
        LIST.format("Urges members who will lend by mail;", "Council shall meet; and", "urges C."),
        [(7, 4), (9, 4)],
    ),
]


# Keywords whose casing or punctuation is the document's (sweep 2): a bilingual label ("PENDERFYNWYD / RESOLVED:"),
# a resolution set in capitals, "RESOLVED:" before a sentence of its own
WELSH = (
    "Cofnodion / Minutes\n\n24/112  LLWYBR BEICIO / CYCLE PATH\nThe Clerk read a letter from the cycling club.\n\n"
    "PENDERFYNWYD / RESOLVED: That the Council supports the new cycle path.\n"
)
IN_CAPITALS = (
    T + "WHEREAS, THE TOWN HAS NO SHELTER FOR ITS LIBRARY VOLUNTEERS; AND\n\n"
    "WHEREAS, THE GRANGE HALL STANDS EMPTY ON WEEKDAYS;\n\n"
    "RESOLVED, THAT THE GUILD RENTS THE GRANGE HALL FOR ONE YEAR.\n"
)
COLON_SENTENCE = P + "RESOLVED: The Board approves a grant of USD 5,000 to the reading program.\n"
FURTHER = P + "Resolved, that the Guild buys books; and\n\nFURTHER RESOLVED, That the Guild thanks its donors.\n"
CASES += [
    ok("R001", "a bilingual label", WELSH),
    ok("R002", "a bilingual label", WELSH),
    ok("R004", "a bilingual label", WELSH),
    ok(
        "R004",
        "a bilingual label, the English first",
        WELSH.replace("PENDERFYNWYD / RESOLVED", "RESOLVED / PENDERFYNWYD"),
    ),
    ok("R001", "set in capitals", IN_CAPITALS),
    ok("R001", "set in capitals, ronr", IN_CAPITALS, profile="ronr"),
    bad("R001", "FURTHER RESOLVED", FURTHER, [(7, 9)]),
    bad("R004", "a colon before a sentence", COLON_SENTENCE, [(5, 9)]),
]


def test_a_keyword_of_several_words_is_recased_whole() -> None:
    """ "FURTHER RESOLVED, That" became "FURTHER Resolved, that": the fix rewrites the words the keyword takes before
    it with it, or reports without a fix where it cannot ("BE IT FURTHER RESOLVED" on its own line)."""
    assert "\n\nFurther resolved, That the Guild" in fixed(FURTHER, select="R001")
    back = T + "WHEREAS, a;\n\nRESOLVED, that Local 1 acts; and\n\nFurther resolved, that Local 1 pays.\n"
    assert_findings(back, [("R001", 7, 9)], select="R001", profile="labor")
    assert "\n\nFURTHER RESOLVED, that Local 1 pays" in fixed(back, select="R001", profile="labor")
    marked = FURTHER.replace("FURTHER RESOLVED", "**FURTHER** RESOLVED")
    assert fixed(marked, select="R001").count("FURTHER** RESOLVED") == 1  # markup inside the phrase: no fix


def test_no_comma_in_place_of_the_colon_before_a_sentence() -> None:
    """ "RESOLVED: The Board approves …" became "Resolved, The Board …": reported, never fixed; "RESOLVED: that" still is."""
    assert fixed(COLON_SENTENCE, select="R004") == COLON_SENTENCE
    assert fixed(P + "Resolved: that we act.\n", select="R004") == P + "Resolved, that we act.\n"


# A motion in the British form (issue 9): its clauses have no "Resolved" of their own, and a "resolved" in their
# words is no keyword to capitalise or punctuate; each numbered clause is a sentence, its inner list ends with "."
MOTION = (
    "# Motion 5: Settle the Pay Dispute\n\nProposed by: Health Branch\nSeconded by: Education Branch\n\n"
    "**Conference notes:**\n\n1. That the dispute has gone on for 14 months.\n\n"
    "**Conference instructs the Executive to:**\n\n"
    "1. See it resolved that way, by talks, within three months.\n"
    "2. Ask the employer to:\n   (a) reopen talks; and\n   (b) publish its offer.\n"
    "3. Report to next year's conference.\n4. Resolved disputes to be listed in that report.\n"
)
CASES += [
    ok(code, f"{p} motion", MOTION, profile=p)
    for code in ("R001", "R002", "R003", "R004")
    for p in ("ala", "ronr", "labor", "city")
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_rule(case: Case) -> None:
    case.check()


def test_the_resolving_rules_together() -> None:
    text = (
        ALA_CLEAN.replace("Resolved, that", "RESOLVED That")
        .replace("1. urges", "1. Urges")
        .replace("match it; and", "match it;")
    )
    assert_findings(text, [("R001", 9, 1), ("R004", 9, 9), ("R002", 9, 10), ("R005", 11, 4), ("R003", 13, 32)])
    assert_findings(ALA_CLEAN.replace("Resolved, that", "Resolved, That"), [("R002", 9, 11)])


def test_no_case_fix_inside_an_enacting_phrase_set_in_capitals() -> None:
    """Trial 2: a state legislature's "RESOLVED BY THE SENATE OF …" is reported under ala, but rewriting the one word
    would leave "Resolved BY THE SENATE"; "RESOLVED, that" is still fixed."""
    text = P + "RESOLVED BY THE SENATE OF THE STATE OF WESTMARCH, THE HOUSE CONCURRING, that we act.\n"
    assert_findings(text, [("R001", 5, 1)], select="R001")
    assert fixed(text, select="R001") == text
    assert fixed(P + "RESOLVED, that we act.\n", select="R001") == P + "Resolved, that we act.\n"


def test_resolved_fixes() -> None:
    assert fixed(P + "RESOLVED That ALA acts.\n", select="R") == P + "Resolved, that ALA acts.\n"
    assert fixed(LIST.format("urges A.", "urges B.", "urges C"), select="R003") == LIST.format(
        "urges A;", "urges B; and", "urges C."
    )


def test_r003_reports_a_list_of_sentences_under_ala_but_does_not_rewrite_it() -> None:
    """A House resolution's findings ("(1) Community health workers are frontline public health workers.") under
    `--profile ala`: its fix turned each sentence's period into ";" and the last but one into "; and", a list of
    clauses made of sentences (trial 21). ALA's house style is still reported; only the drafter can rewrite it."""
    text = SENTENCE_LIST.replace("2. All meetings", "2. Every member shall be heard.\n\n3. All meetings")
    assert fixed(text, select="R003") == text
    assert_findings(text, [("R003", 7, 79), ("R003", 9, 30)], select="R003")


def test_the_comma_goes_after_the_words_the_keyword_takes_with_it() -> None:
    """ "RESOLVED FURTHER that" (a board's and an association's form) takes its comma after FURTHER, and
    "Resolved (if the Senate concur) That" after the parenthesis: never between the words."""
    further = P + "Resolved, that we act; and\n\nRESOLVED FURTHER that the Treasurer pays.\n"
    assert fixed(further, select="R004") == further.replace("FURTHER that", "FURTHER, that")
    concur = P + "Resolved (if the Senate concur) That we act.\n"
    assert fixed(concur, select="R004") == concur.replace("concur) That", "concur), That")


def test_a_markdown_ordered_list_numbers_itself() -> None:
    """Markdown numbers an ordered list from its first item on: "1. / 1. / 1." (every item numbered alike, the
    idiom) reads 1, 2, 3 and is no misnumbering. Letters, which Markdown does not number, are checked, and so is
    a list typed 1, 2, 4 (what a reader of the file sees)."""
    lazy = P + "Resolved, that ALA:\n\n1. urges A;\n1. urges B; and\n1. urges C.\n"
    assert_findings(lazy, [], select="R006", format="markdown")
    assert_findings(lazy, [("R006", 8, 1), ("R006", 9, 1)], select="R006", format="text")
    letters = P + "Resolved, that ALA:\n\na) urges A;\n\nb) urges B; and\n\nd) urges C.\n"
    assert_findings(letters, [("R006", 11, 1)], select="R006", format="markdown")
    skipped = P + "Resolved, that ALA:\n\n1. urges A;\n2. urges B; and\n4. urges C.\n"
    assert_findings(skipped, [("R006", 9, 1)], select="R006", format="markdown")


UNION = (
    "Motion on Period Products\n\nThis Union notes:\n\n1. That a.\n\n2. That b.\n\n3. That c.\n\n"
    "This Union resolves:\n\n1. To do A.\n\n2. To do B.\n\n{n}. To do C.\n\n{m}. To do D.\n"
)


def test_numbered_clauses_out_of_turn() -> None:
    """The clauses themselves numbered ("This Union resolves: 1. … 2. … 4. …", "Section 1. … Section 5."): a
    number skipped or repeated is told at the clause; a list that starts again at 1 under the next heading,
    a run of fewer than three numbered clauses, and an unnumbered clause after them are no misnumbering."""
    assert_findings(UNION.format(n=3, m=4), [], select="R006")
    assert_findings(UNION.format(n=4, m=5), [("R006", 17, 1)], select="R006")
    assert_findings(UNION.format(n=2, m=3), [("R006", 17, 1)], select="R006")
    sections = (
        "Bill on X\n\nWHEREAS, a;\n\nTHEREFORE, BE IT ENACTED that:\n\nSection 1. A shall act.\n\n"
        "Section 2. B shall pay.\n\nSection {n}. This bill takes effect.\n\nBE IT FURTHER ENACTED that copies be sent.\n"
    )
    assert_findings(sections.format(n=3), [], select="R006")
    assert_findings(sections.format(n=5), [("R006", 11, 9)], select="R006")
    two = "Motion on X\n\nThis Union resolves:\n\n1. To do A.\n\n3. To do B.\n"
    assert_findings(two, [], select="R006")


def test_r004_a_full_stop_typed_for_the_comma_is_named_and_replaced() -> None:
    """ "Resolved. That …" beside "Resolved, That …" (a 1900 assembly's resolutions as a paper printed them): the
    finding said only "A comma follows", pointed at the word and offered no fix."""
    from whereas.lint.fix import fix_source
    from whereas.lint.profiles import PROFILES
    from whereas.lint.settings import Settings
    from whereas.model import Source

    doc = (
        "Resolution on Parks\n\nWhereas the parks are old; therefore be it\n\n"
        "Resolved. That the council repair the parks; and be it further\n\n"
        "Resolved, That the council report in 2027.\n"
    )
    r = fix_source(Source(doc, "text", None), Settings(profile=PROFILES["ronr"]))
    assert [d.message for d in r.applied if d.code == "R004"] == ['"Resolved" takes a comma, not "."']
    assert "Resolved, That the council repair" in r.text
    sentence = doc.replace("Resolved. That the council repair", "Resolved. The council repairs")
    r = fix_source(Source(sentence, "text", None), Settings(profile=PROFILES["ronr"]))
    assert "Resolved. The council repairs" in r.text  # a sentence of its own after the stop: no comma written


@pytest.mark.parametrize(
    ("clause", "quoted"),
    [
        ("Resolved, that ALA acts.", "Resolved, that"),
        (
            "IT IS RESOLVED by Rotary International that the RI Board consider it.",
            "RESOLVED by Rotary International that",
        ),
        (
            "Resolved by the House of Representatives of the State of Ohio (the Senate concurring), that ALA acts.",
            "Resolved by the House of … that",
        ),
        # a house's concurrence between them (trial 20: an Episcopal resolution), which R002 did not see at all
        (
            "Resolved, the House of Bishops concurring, that the Convention acts.",
            "Resolved, the House of Bishops concurring, that",
        ),
    ],
)
def test_r002_quotes_the_words_as_the_clause_writes_them(clause: str, quoted: str) -> None:
    """R002 said '"Resolved, that": …' of "IT IS RESOLVED by Rotary International that …", words the document does not
    have (trial 18)."""
    from whereas.api import check_text
    from whereas.results import CheckOptions

    doc = f"Resolution on X\n\nWhereas a; now, therefore, be it\n\n{clause}\n"
    result = check_text(doc.encode(), "x.txt", CheckOptions(profile="ronr", select=["R002"]))
    assert [d.message.split(": ")[0] for d in result.diagnostics] == [f'"{quoted}"']


def test_r001_leaves_a_keyword_whose_that_is_in_capitals_as_written() -> None:
    """A company's certified copy writes "RESOLVED THAT …" and "RESOLVED FURTHER THAT …": under a profile that writes
    "Resolved", R004's comma then R001's fix gave "Resolved, THAT" beside "RESOLVED FURTHER, THAT" (trial 18). The
    keyword whose "THAT" is in capitals is reported without a fix, like the phrase of several words."""
    from whereas.lint.fix import fix_source
    from whereas.lint.profiles import PROFILES
    from whereas.lint.settings import Settings
    from whereas.model import Source

    doc = (
        "Approval for a term loan\n\nRESOLVED THAT the consent of the Board be accorded to avail a term loan.\n\n"
        "RESOLVED FURTHER THAT the Managing Director be authorised to sign the loan agreement.\n"
    )
    r = fix_source(Source(doc, "text", None), Settings(profile=PROFILES["ala"]))
    assert "RESOLVED, THAT the consent" in r.text and "RESOLVED FURTHER, THAT the Managing" in r.text
    assert "R001" in {d.code for d in r.remaining}
