"""Fixes that cannot damage: each case below damaged a real document before the central verifier
(``whereas.lint.safety``) and the rule fixes that go with it.  Every test runs the real fixer on a
small document written like the one that was damaged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED, needs_seed, run_cli
from whereas.lint.diagnostic import Edit
from whereas.lint.fix import fix_source
from whereas.lint.markup import _parser, markup, markup_change
from whereas.lint.profiles import PROFILES
from whereas.lint.safety import quoted_ranges
from whereas.lint.settings import Settings
from whereas.model import Source


def fixed(text: str, profile: str = "ala", fmt: str = "markdown", *, unsafe: bool = False):  # FixResult
    return fix_source(Source(text, fmt, None), Settings(profile=PROFILES[profile]), unsafe=unsafe)


def every_profile(text: str, fmt: str = "markdown"):  # Iterator[tuple[str, bool, FixResult]]
    for name in PROFILES:
        for unsafe in (False, True):
            yield name, unsafe, fixed(text, name, fmt, unsafe=unsafe)


# -- "IT WAS RESOLVED THAT" became "IT WAS Resolved,THAT" ---------------------------------------------------

HYPHA = """# RESOLUTIONS OF THE BOARD OF DIRECTORS

Resolution in writing of the board of directors of Hypha Worker Co-operative Inc. held on this 11th day of August, 2025.

## BACKGROUND
1. The annual financial statements were presented to the board.

**IT WAS RESOLVED THAT:**
1. The directors approve the annual financial statements.
2. The directors appoint the accountant for the next year.
"""


def test_it_was_resolved_that_keeps_its_words_and_spacing() -> None:
    for name, unsafe, r in every_profile(HYPHA):
        assert "**IT WAS RESOLVED THAT:**" in r.text, (name, unsafe, r.text)
        assert "Resolved," not in r.text, (name, unsafe)


def test_r004_writes_the_comma_after_the_word_and_keeps_the_space() -> None:
    """The space after "Resolved" was taken for its punctuation and replaced by the comma."""
    doc = "Resolution on Parks\n\nWhereas the parks need care; now, therefore, be it\n\nResolved that the city maintains the parks.\n"
    assert "Resolved, that the city" in fixed(doc, "ala", "text").text


def test_non_plain_keywords_are_reported_without_a_fix() -> None:
    doc = "Resolution on Parks\n\nWhereas the parks need care; now, therefore, be it\n\nIT WAS RESOLVED THAT the city maintains the parks.\n"
    r = fixed(doc, "ala", "text")
    assert r.text == doc
    found = {d.code for d in r.remaining}
    assert {"R001", "R004"} <= found  # still reported, with no fix
    assert all(d.fix is None for d in r.remaining if d.code in ("R001", "R002", "R004"))


@pytest.mark.parametrize(
    "line",
    [
        "NOW, THEREFORE, BE IT RESOLVED, That the board approves the budget.",
        "NOW, THEREFORE, BE IT RESOLVED THAT the board approves the budget.",
        "Therefore be it resolved, the board approves the budget.",
    ],
)
def test_a_keyword_after_the_connector_on_its_line_is_not_rewritten(line: str) -> None:
    """The structure reads "NOW, THEREFORE, BE IT" as the connector and "RESOLVED, That …" as the clause:
    the keyword still does not open the paragraph ("BE IT Resolved,THAT the Governing Body …")."""
    doc = f"Resolution on the Budget\n\nWHEREAS, the budget is balanced; and\n\nWHEREAS, the board reviewed it;\n\n{line}\n"
    head = line.split(" the board")[0]
    for name, unsafe, r in every_profile(doc, "text"):
        assert head in r.text, (name, unsafe, r.text)


# -- "**BE IT RESOLVED,** That" lost its closing "**" --------------------------------------------------------

BOLD = """# Resolution on Parks

**WHEREAS,** the parks need care; and

**WHEREAS,** the city has funds; now, therefore, be it

{head} the city maintains the parks.
"""


@pytest.mark.parametrize(
    "head", ["**BE IT RESOLVED,** That", "**BE IT RESOLVED** That", "**RESOLVED** that", "**Resolved** That"]
)
def test_emphasis_around_the_keyword_survives(head: str) -> None:
    doc = BOLD.format(head=head)
    for name, unsafe, r in every_profile(doc):
        assert r.text.count("**") == doc.count("**"), (name, unsafe, r.text)
        tokens = [t.type for t in _parser("markdown").parse(r.text) if t.type == "inline" for t in t.children or ()]
        assert tokens.count("strong_open") == 3 and tokens.count("strong_close") == 3, (name, unsafe)


def test_a_plain_bold_keyword_gets_its_comma_inside_the_emphasis() -> None:
    assert "**Resolved,** that the city" in fixed(BOLD.format(head="**RESOLVED** that")).text


# -- a code fence became "```." ------------------------------------------------------------------------------

FENCE = """# Resolution on Bylaws

Whereas the bylaws need change; now, therefore, be it

Resolved, that the board:

1. adopts the budget;
2. amends the bylaws to read:
```text
Members vote
```
"""


def test_code_fences_are_never_edited() -> None:
    for name, unsafe, r in every_profile(FENCE):
        assert "```text\nMembers vote\n```" in r.text, (name, unsafe, r.text)
        assert "```." not in r.text


def test_the_markup_check_sees_a_changed_fence_and_lets_text_change() -> None:
    before = markup(FENCE, "markdown")
    at = FENCE.index("```text") + len("```text")
    assert markup_change(before, FENCE[:at] + "." + FENCE[at:], [Edit(at, at, ".")]) == "a code fence"
    at = FENCE.index("Members vote") + len("Members vote")
    assert markup_change(before, FENCE[:at] + "." + FENCE[at:], [Edit(at, at, ".")]) == "a code fence"
    at = FENCE.index("adopts the budget") + len("adopts the budget")
    assert markup_change(before, FENCE[:at] + " now" + FENCE[at:], [Edit(at, at, " now")]) is None


# -- "; and" stripped from recitals quoted from an 1893 text -------------------------------------------------

ARTICLE = """---
title: "The Sunday Question"
date: 1893-08-03
---

At its meeting the Association adopted the following resolutions:—

"WHEREAS, The World's Fair is to be opened on the Lord's day; and

"WHEREAS, Such opening is a violation of the law of God; and

"WHEREAS, The nation has pledged its honor to close it; therefore, be it

"Resolved, That we protest against the opening of the Fair on Sunday."

The resolutions were sent to the Commissioners.
"""


def test_recitals_quoted_in_an_article_are_left_as_printed() -> None:
    for name, unsafe, r in every_profile(ARTICLE):
        assert r.text == ARTICLE, (name, unsafe, r.text)
    r = fixed(ARTICLE, "ala")
    assert r.dropped and all("quoted clause" in why for _, why in r.dropped)


def test_a_block_quoted_resolution_is_left_as_printed() -> None:
    """`*"Resolved)* That` in an article that block-quotes the resolution became `*"Resolved,)*`."""
    doc = (
        "The convention adopted these resolutions:\n\n"
        '> *"Resolved,* That we recognize the Sabbath as an institution of God.\n\n'
        '> *"Resolved)* That this association asks railway corporations to stop Sunday trains."\n'
    )
    for name, unsafe, r in every_profile(doc):
        assert r.text == doc, (name, unsafe, r.text)


def test_words_in_quotation_marks_are_never_edited() -> None:
    doc = (
        "Resolution on Names\n\n"
        'Whereas the board named the program "WHEREAS  Parks ;" in 2020; now, therefore, be it\n\n'
        "Resolved, that the board keeps the name.\n"
    )
    for name, unsafe, r in every_profile(doc, "text"):
        assert '"WHEREAS  Parks ;"' in r.text, (name, unsafe)


def test_quoted_ranges_are_conservative() -> None:
    text = "Whereas the “Report and"
    assert quoted_ranges(text) == ([(12, len(text) + 1)], True)  # unclosed: to the end, and past it
    assert quoted_ranges("Recommendation, Volume 1” (the “OATT Report”), was filed") == ([(0, 25), (31, 44)], False)
    assert quoted_ranges("the workers' union and the members’ dues") == ([], False)  # apostrophes


# -- a connector typo got a second connector appended -----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "profile", "want"),
    [
        ("; now, therefore, he it", "ala", "; now, therefore, be it"),
        # ronr accepts "; now, therefore, be it" too: the typo is mended, the "now" the drafter wrote stays
        ("; now, therefore, he it", "ronr", "; now, therefore, be it"),
        ("; therefor be it", "ronr", "; therefore, be it"),
        ("; therefore, be in", "ala", "; now, therefore, be it"),
        (", now therefore be it:", "ala", "; now, therefore, be it"),
        ("; and", "ala", "; now, therefore, be it"),
        # a union local's "now, therefore, be in" (fourth trial): the typo in the second word of "be it"
        ("; now, therefore, be in", "ronr", "; now, therefore, be it"),
        ("; now, therefore, be in", "ala", "; now, therefore, be it"),
        ("; now therefore beit", "ala", "; now, therefore, be it"),
    ],
)
def test_a_connector_is_replaced_in_whatever_form_it_was_typed(typed: str, profile: str, want: str) -> None:
    doc = f"Resolution on X\n\nWhereas a is true; and\n\nWhereas b is true{typed}\n\nResolved, that the board acts.\n"
    r = fixed(doc, profile, "text")
    assert f" is true{want}\n" in r.text, r.text
    assert r.text.count("therefore") == 1


def test_a_connector_too_damaged_to_read_gets_no_second_connector() -> None:
    # "therefore" and two short words no pattern reads as "be it": reported, but nothing is appended after it
    doc = "Resolution on X\n\nWhereas a is true; and\n\nWhereas b is true; now, therefore, bee itt\n\nResolved, that the board acts.\n"
    for name, unsafe, r in every_profile(doc, "text"):
        assert r.text.count("therefore") == 1, (name, unsafe, r.text)
        assert "is true; now, therefore, bee itt\n" in r.text, (name, unsafe, r.text)


def test_a_connector_that_runs_on_into_be_it_resolved_gets_no_be_it() -> None:
    """A state legislature's "…; now, therefore," then "BE IT RESOLVED by the House …": the resolving clause's own
    "be it" completes the connector. The W006 fix wrote "; now, therefore, be it" (or "; therefore, be it")
    before it, a second "be it"."""
    doc = (
        "Resolution urging the repaving of the harbor road\n\n"
        "WHEREAS, the harbor road carries 9,000 vehicles a day; and\n\n"
        "WHEREAS, its pavement was last replaced in 1991; now, therefore,\n\n"
        "BE IT RESOLVED by the House of Representatives of the State that the road be repaved.\n"
    )
    for name, unsafe, r in every_profile(doc, "text"):
        assert "in 1991; now, therefore,\n\nBE IT RESOLVED by the House" in r.text, (name, unsafe, r.text)
        assert not [d for d in r.applied if d.code == "W006"], (name, unsafe)


def test_a_connector_with_a_dash_is_replaced() -> None:
    doc = "Resolution on X\n\nWhereas a is true; and\n\nWhereas b is true; therefore be it—\n\nResolved, that the board acts.\n"
    assert "Whereas b is true; now, therefore, be it\n" in fixed(doc, "ala", "text").text


# -- "; now, therefore, be it" then another WHEREAS became "be it; and" --------------------------------------

TWO_CONNECTORS = (
    "Resolution on X\n\nWhereas A is true; and\n\nWhereas B is true; now, therefore, be it\n\n"
    "Whereas C is true; now, therefore, be it\n\nResolved, that the board acts.\n"
)


def test_a_connector_before_another_recital_gets_no_terminator() -> None:
    for name, unsafe, r in every_profile(TWO_CONNECTORS, "text"):
        assert "be it;" not in r.text and "be it and" not in r.text, (name, unsafe, r.text)


# -- "; and be it further" became "be it further;" ---------------------------------------------------------


@pytest.mark.parametrize(
    "doc",
    [
        "Resolution on X\n\nWhereas A is true; and\n\nWhereas B is true; and be it further\n\nResolved, that the board acts.\n",
        "Resolution on X\n\nWhereas A is true; and be it further\n\nWhereas B is true; now, therefore, be it\n\nResolved, that the board acts.\n",
    ],
)
def test_and_be_it_further_is_no_recital_terminator(doc: str) -> None:
    for name, unsafe, r in every_profile(doc, "text"):
        assert "; and be it further\n" in r.text, (name, unsafe, r.text)
        assert "further;" not in r.text


def test_and_is_not_stripped_when_the_next_clause_starts_on_its_line() -> None:
    doc = (
        "Resolution on X\n\nWHEREAS, A is true; and\n\nWHEREAS, B is true; and\n\nWHEREAS, C is true; "
        "now, therefore, be it\n\nRESOLVED, that the board acts; and Be it further resolved, that the clerk reports.\n"
    )
    for name, unsafe, r in every_profile(doc, "text"):
        assert "acts; and Be it further resolved" in r.text, (name, unsafe, r.text)


# -- an "and" inserted in the middle of a list that went on after a page break ------------------------------

PAGE_BREAK = """Resolution on Bylaws

Whereas the bylaws need change; now, therefore, be it

Resolved, that the board:

1. adopts A;
2. adopts B;
3. adopts C;

-- Page 1 of 2 --

4. adopts D; and
5. adopts E.
"""


def test_no_and_in_a_list_that_goes_on_after_a_page_break() -> None:
    for name, unsafe, r in every_profile(PAGE_BREAK, "text"):
        assert "2. adopts B;\n3. adopts C;\n" in r.text, (name, unsafe, r.text)


def test_no_item_fix_across_a_form_feed_into_page_furniture() -> None:
    doc = PAGE_BREAK.replace("\n\n-- Page 1 of 2 --\n\n", "\n\fResolution 2024-1 Page 2\n")
    for name, unsafe, r in every_profile(doc, "text"):
        assert "Page 2;" not in r.text and "Page 2." not in r.text, (name, unsafe)


# -- T001 in a table outside the clauses --------------------------------------------------------------------

TABLE = """RESOLUTION NO. 2026-01

|Item|Amount|
|---|---|
|Subtotal  5,602.52| |
|Total  6,036.72| |

WHEREAS, the board  approved the budget;

WHEREAS, the funds are available; now, therefore, be it

RESOLVED, that the transfer is approved.
"""


def test_whitespace_in_a_table_is_not_the_resolution_s() -> None:
    for name, unsafe, r in every_profile(TABLE):
        assert "|Subtotal  5,602.52| |\n|Total  6,036.72| |" in r.text, (name, unsafe)
        assert "board approved" in r.text  # the clause's own double space is still fixed
        assert not [d for d in r.remaining if d.code == "T001" and "Subtotal" in d.source.line_text(d.start.line)]


# -- the verifier: dropped fixes are reported with a reason ---------------------------------------------------


def test_a_fix_that_would_create_a_new_finding_is_dropped_with_the_reason() -> None:
    """Ending the last recital with the connector "…; now, therefore," makes the clause run on into the page
    header below it (a school board's export, its page break lost): the re-lint finds T001 in the header's
    spacing."""
    doc = (
        "Resolution on Textbooks\n\nWHEREAS, the district must provide textbooks; and\n\n"
        "WHEREAS, the law is satisfied by providing pupils, as necessary, a course in fine arts.\n\n\n\n"
        "Resolution determination of  textbooks - page 2\nRESOLVED, that:\n\n"
        "Each pupil has been provided with sufficient textbooks.\n"
    )
    r = fixed(doc, "city", "text")
    assert r.text == doc
    assert [(d.code, why) for d, why in r.dropped] == [("W006", "it would create a new finding: T001 in preamble[1]")]


def test_w004_replaces_a_comma_and_where_no_and_belongs() -> None:
    """ ", and" on the first of three recitals (ala: only the next-to-last has "and"): the unsafe fix writes ";"
    for the whole of it, so W005 has nothing new to say."""
    doc = "Resolution on X\n\nWhereas a is true, and\n\nWhereas b is true; and\n\nWhereas c is true; now, therefore, be it\n\nResolved, that the board acts.\n"
    r = fixed(doc, "ala", "text", unsafe=True)
    assert "Whereas a is true;\n" in r.text
    assert not r.dropped


def test_fixing_twice_changes_nothing_more_on_the_damage_cases() -> None:
    for doc, fmt in (
        (HYPHA, "markdown"),
        (FENCE, "markdown"),
        (ARTICLE, "markdown"),
        (TWO_CONNECTORS, "text"),
        (PAGE_BREAK, "text"),
        (TABLE, "markdown"),
    ):
        for name, unsafe, r in every_profile(doc, fmt):
            again = fixed(r.text, name, fmt, unsafe=unsafe)
            assert again.text == r.text, (name, unsafe)


def test_show_fixes_lists_the_dropped_fixes_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("check", "--profile", "ala", "--fix", "--show-fixes", "article.md", cwd=tmp_path)
    assert "not fixed" in proc.stdout and "quoted clause" in proc.stdout, proc.stdout + proc.stderr
    assert (tmp_path / "article.md").read_text(encoding="utf-8") == ARTICLE


@needs_seed
def test_the_seed_keeps_its_safe_fixes() -> None:
    text = SEED.read_text(encoding="utf-8")
    r = fix_source(Source(text, "text", str(SEED)), Settings(profile=PROFILES["ala"]))
    assert sorted(d.code for d in r.applied) == sorted(["T001"] * 8 + ["T002", "W006", "R001", "N001"] + ["N005"] * 4)
    assert not r.dropped


def test_format_never_joins_the_paragraphs_a_clause_runs_over() -> None:
    """`whereas format` (safe fixes, then the layout) made one line of "…for adoption:", "*Section 6.4 …*"
    and "From:", three paragraphs of a clause that runs on over them."""
    from whereas.format import format_source

    doc = (
        "# RESOLUTIONS OF THE BOARD OF DIRECTORS\n\n## BACKGROUND\n1. One bylaw amendment was proposed.\n\n"
        "## IT WAS RESOLVED THAT\n1. The directors approve an amendment of the bylaws for adoption:\n\n"
        "*Section 6.4 Allocation of Net Income*\n\nFrom:\n"
    )
    out = format_source(Source(doc, "markdown", None)).text
    assert "for adoption:\n\n*Section 6.4 Allocation of Net Income*\n\nFrom:\n" in out, out


# -- check --fix builds the file it checked once ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fixable"),
    [
        ("# A resolution\n\nWhereas the   program serves the region; and\n\nResolved, that it go on.\n", True),
        (
            "# A resolution\n\nWhereas the program serves the region; now, therefore, be it\n\nResolved, that it go on.\n",
            False,
        ),
    ],
)
def test_check_fix_builds_each_text_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, fixable: bool
) -> None:
    """Fixing starts from the build checking made; with no finding that has a fix, nothing is built or linted
    again; the findings and the fixed text are those of fixing from scratch."""
    from whereas import structure
    from whereas.api import check
    from whereas.results import CheckOptions

    build = structure._build
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    built: list[str] = []

    def counted(source: Source):  # -> list[Resolution]: the real builder, counted
        built.append(source.text)
        return build(source)

    monkeypatch.setattr(structure, "_build", counted)
    (result,) = check([path], CheckOptions(profile="ala", fix=True, write=False)).files
    assert len(built) == len(set(built)), "a text was built twice"
    assert len(built) == 1 + fixable  # the file, and the fixed text
    scratch = fix_source(Source(text, "markdown", str(path)), Settings(profile=PROFILES["ala"]))
    assert bool(scratch.applied) is fixable
    assert result.diagnostics
    assert [(d.code, d.span) for d in result.diagnostics] == [(d.code, d.span) for d in scratch.remaining]
    assert (result.fixed or text) == scratch.text


def test_a_recital_that_lost_its_terminator_does_not_decide_where_and_goes() -> None:
    """Of three recitals, the first ends "; and", the second has no terminator at all: W005 read "and" as belonging
    only to the next-to-last and its safe fix removed the first recital's right "and" (trial 16). The recital
    without a terminator is W004's slip and says nothing of the resolution's way with "and"."""
    doc = (
        "Resolution on Organizing\n\nWHEREAS, the Act has not been amended since 1959; and\n\n"
        "WHEREAS, employers spend millions on consultants\n\n"
        "WHEREAS, the bill would impose penalties; therefore be it\n\nRESOLVED, that the Federation supports the bill.\n"
    )
    from whereas import parse
    from whereas.lint.infer import settings_for

    settings, _ = settings_for(parse(doc), "text", Settings())  # as check and format infer it
    result = fix_source(Source(doc, "text", None), settings)
    assert "since 1959; and\n" in result.text, result.text
    assert "consultants; and\n" in result.text, result.text


# -- sweep 2: casing fixes that mixed cases ---------------------------------------------------------------------

ALL_CAPS = """RESOLUTION NO. 12
SUBJECT: A BENCH FOR THE RIVER WALK

WHEREAS, THE RIVER WALK HAS NO BENCH BETWEEN THE BRIDGES; AND

WHEREAS, THE GARDEN CLUB HAS OFFERED TO PAY FOR ONE;

NOW, THEREFORE, BE IT RESOLVED, THAT THE COUNCIL ACCEPTS THE GIFT OF A BENCH.
"""

BILINGUAL = """24/090  MAINC / BENCH
The Clerk read the Garden Club's offer.

PENDERFYNWYD / RESOLVED: That the Council accepts the gift of a bench.
"""

FURTHER_CAPS = """Resolution on Benches

Whereas the river walk has no bench; now, therefore, be it

RESOLVED, That the Council accepts the gift; and

FURTHER RESOLVED, That the Clerk thanks the Garden Club.
"""

COLON = """Motion on Benches

Whereas the river walk has no bench; now, therefore, be it

RESOLVED: The Council accepts the Garden Club's gift of a bench.
"""


def _mixed(word: str) -> bool:
    """A word in capitals with a letter in lowercase, or the reverse after its first letter ("tHE", "FURTHER Resolved")."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) > 1 and any(ch.isupper() for ch in letters[1:]) and any(ch.islower() for ch in letters)


def test_a_resolution_set_in_capitals_stays_in_capitals() -> None:
    for name, unsafe, r in every_profile(ALL_CAPS, "text"):
        body = r.text.split("\n", 3)[3]
        assert body.upper() == body, (name, unsafe, r.text)


def test_a_bilingual_keyword_is_left_as_written() -> None:
    for name, unsafe, r in every_profile(BILINGUAL, "text"):
        assert "PENDERFYNWYD / RESOLVED: That the Council" in r.text, (name, unsafe, r.text)


def test_a_keyword_of_several_words_is_never_half_recased() -> None:
    for name, unsafe, r in every_profile(FURTHER_CAPS, "text"):
        line = r.text.splitlines()[6]
        head = line.split(",")[0]
        assert head in ("FURTHER RESOLVED", "Further resolved"), (name, unsafe, line)
        assert not any(_mixed(w) for w in line.split()), (name, unsafe, line)


def test_no_comma_in_place_of_the_colon_before_a_sentence() -> None:
    for name, unsafe, r in every_profile(COLON, "text"):
        assert ", The Council accepts" not in r.text, (name, unsafe, r.text)


def test_a_hard_wrapped_run_in_series_is_no_list_to_punctuate() -> None:
    """ "… including: (a) the relocation of students, (b) provision of remote operations, … and/or (d) make repairs …",
    hard-wrapped so that no item opens a line: R003 judged it as a vertical list under every profile and its safe fix
    wrote "and/or; and (d)" and turned the sentence's full stop into ";" (corpus sweep)."""
    doc = (
        "Resolution on Emergency Operations\n\nWhereas a local emergency has been declared; now, therefore, be it\n\n"
        "Resolved, that the Board authorizes the Chancellor to take any action necessary,\n"
        "including, but not limited to: (a) the relocation of students and staff, (b) provision of\n"
        "remote operations, (c) directing staff to serve as disaster service workers, and/or (d) make\n"
        "repairs to school property, services and programs.\n\n"
        "Resolved, that this resolution takes effect immediately.\n"
    )
    for name, unsafe, r in every_profile(doc, "text"):
        assert "and/or (d) make\nrepairs to school property, services and programs.\n" in r.text, (name, unsafe)
        assert not [d for d in r.applied if d.code == "R003"], (name, unsafe)


def test_no_be_it_is_written_before_it_is_hereby_resolved() -> None:
    """Under a chosen profile W006 wrote "…, 2022; therefore, be it" over "IT IS HEREBY RESOLVED that:" ("be it, it is
    hereby resolved"): reported, never rewritten (corpus sweep)."""
    doc = (
        "RESOLUTION NO. 22-14\n\nWHEREAS, the school has asked for a revision to its charter; and\n\n"
        "WHEREAS, a public hearing on the request was held on August 9, 2022.\n\nIT IS HEREBY RESOLVED that:\n\n"
        "1. The request for revision is approved.\n\n2. This resolution takes effect immediately.\n"
    )
    for name, unsafe, r in every_profile(doc, "text"):
        assert "be it" not in r.text.lower(), (name, unsafe, r.text)
