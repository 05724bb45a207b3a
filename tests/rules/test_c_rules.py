"""The citation rules C001-C005: URLs, titles against URLs, double citations, uncited quotations, title marks."""

from __future__ import annotations

import pytest
from rulecase import Case, assert_findings, bad, case_id, doc, ok

import whereas
from conftest import SEED, needs_seed
from whereas.lint import Settings, lint
from whereas.lint.registry import lookup

CITED = "libraries lost funding;[^1] now, therefore, be it"  # the recital citing note 1 (notes on line 10)
SURVEY_TITLE = '[^1]: State Library Agency. "Public Library Funding Survey". https://example.org/survey\n'
QUOTED = '"libraries are the heart of our democracy"; and'
NOTES_SECTION = "\nNotes\n1. State Library Survey, 2024. https://example.org/survey\n"
FUNDING = (
    "Resolution on Library Funding\n\n"
    "Whereas public libraries lost a fifth of their state funding in 2024;[^1] now, therefore, be it\n\n"
    "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\n"
    "Mover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
)


def c002(title: str, url: str) -> str:
    return doc("a;[^1] now, therefore, be it", notes=f'[^1]: ALA. "{title}". {url}\n')


CASES: list[Case] = [
    # --- C001 citation-missing-url ----------------------------------------------------------------------------
    ok("C001", "a URL", doc(CITED, notes="[^1]: Survey. https://example.org/library-funding-survey\n")),
    ok(
        "C001",
        "a book needs none",
        doc(CITED, notes="[^1]: Jane Doe, *Library Funding in America* (Chicago: ALA Editions, 2020), 12.\n"),
    ),
    bad("C001", "a space in the host", doc(CITED, notes="[^1]: Survey. https://www.example .org/report\n"), [(10, 15)]),
    bad("C001", "no colon after the scheme", doc(CITED, notes="[^1]: Survey. http//example.org/report\n"), [(10, 15)]),
    bad("C001", "one slash", doc(CITED, notes="[^1]: Survey. https:/example.org/report\n"), [(10, 15)]),
    bad("C001", "a bad host", doc(CITED, notes="[^1]: Survey. https://exa_mple/report\n"), [(10, 15)]),
    bad(
        "C001",
        "a website without its URL",
        doc(CITED, notes="[^1]: Survey. Retrieved from the Library Research Service website.\n"),
        [(10, 1)],
    ),
    bad("C001", "a bare domain", doc(CITED, notes="[^1]: Survey, available at librarysurvey.org.\n"), [(10, 1)]),
    # --- C002 citation-url-title-mismatch ---------------------------------------------------------------------
    ok("C002", "the URL names the title", c002("Annual Budget Report", "https://example.org/annual-budget-report.pdf")),
    ok(
        "C002",
        "a slug of one word or a number",
        c002("The Universal Right to Free Expression", "https://www.ala.org/advocacy/12345"),
    ),
    bad(
        "C002",
        "another document's slug",
        c002("The Universal Right to Free Expression", "https://example.org/annual-budget-report.pdf"),
        [(10, 54)],
    ),
    bad(
        "C002",
        "min_slug_words 1",
        c002("The Universal Right to Free Expression", "https://example.org/budget"),
        [(10, 54)],
        options={"C002": {"min_slug_words": 1}},
    ),
    # --- C003 double-citation ---------------------------------------------------------------------------------
    ok(
        "C003",
        "an unrelated parenthetical",
        doc("libraries lost funding (see the 2024 figures);[^1] now, therefore, be it", notes=SURVEY_TITLE),
    ),
    ok(
        "C003",
        "a parenthetical inside a quotation",
        doc(
            'the survey said "cuts (Public Library Funding Survey) hurt";[^1] now, therefore, be it', notes=SURVEY_TITLE
        ),
    ),
    ok(
        "C003",
        "min_overlap above the words shared",
        doc("libraries lost funding (Public Library Funding Survey);[^1] now, therefore, be it", notes=SURVEY_TITLE),
        options={"C003": {"min_overlap": 5}},
    ),
    bad(
        "C003",
        "the note's title in parentheses",
        doc("libraries lost funding (Public Library Funding Survey);[^1] now, therefore, be it", notes=SURVEY_TITLE),
        [(3, 32)],
    ),
    bad("C003", "the rule's own example", lookup("C003").bad, [(3, 107)]),
    # --- C004 uncited-quotation -------------------------------------------------------------------------------
    ok("C004", "a short title in quotation marks", doc('the "Freedom to Read" campaign; now, therefore, be it')),
    ok(
        "C004",
        "a named source and no notes",
        doc('"libraries are the heart of our democracy", as The Guardian reported; now, therefore, be it'),
    ),
    ok(
        "C004",
        "a name in quotation marks",
        doc('the plan known as "one library for every town in the state"; now, therefore, be it'),
    ),
    ok(
        "C004",
        "the short option",
        doc(QUOTED, "libraries lost funding [1]; now, therefore, be it", notes=NOTES_SECTION),
        options={"C004": {"short": 10}},
    ),
    bad(
        "C004",
        "beside cited recitals",
        doc(QUOTED, "libraries lost funding [1]; now, therefore, be it", notes=NOTES_SECTION),
        [(3, 10)],
    ),
    bad(
        "C004",
        "two uncited",
        doc(
            QUOTED,
            '"every child deserves a library card"; and',
            "libraries lost funding [1]; now, therefore, be it",
            notes=NOTES_SECTION,
        ),
        [(3, 10), (5, 10)],
    ),
    # --- C005 note-title-punctuation: US style puts the period inside the marks --------------------------------
    ok(
        "C005",
        "a comma inside",
        FUNDING
        + '[^1]: Library Research Service. "State Library Funding Survey," https://example.org/funding-survey\n',
    ),
    ok("C005", "no title", FUNDING + "[^1]: Library Research Service, 2024. https://example.org/funding-survey\n"),
    bad(
        "C005",
        "a period outside",
        FUNDING
        + '[^1]: Library Research Service. "State Library Funding Survey". https://example.org/funding-survey\n',
        [(10, 63)],
    ),
    bad(
        "C005",
        "a comma outside",
        FUNDING
        + '[^1]: Library Research Service. "State Library Funding Survey", https://example.org/funding-survey\n',
        [(10, 63)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_rule(case: Case) -> None:
    case.check()


@needs_seed
def test_seed_findings() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert_findings(text, [("C002", 3, 506)], select="C002")  # note 1's URL names the ALA code of ethics
    assert_findings(text, [("C003", 3, 274)], select="C003")  # "(ALA Universal Right …)" and note 1
    assert_findings(
        text,
        [("C005", 3, 504), ("C005", 6, 498), ("C005", 9, 501), ("C005", 12, 372), ("C005", 15, 530)],
        select="C005",
    )
    assert_findings(text, [], select=("C001", "C004"))


@pytest.mark.parametrize(
    ("note", "says"),
    [
        ("Survey. https://www.example .org/report", "space"),
        ("Survey. http//example.org/report", "scheme"),
        ("Survey. https:/example.org/report", "scheme"),
        ("Survey. https://exa_mple/report", "host"),
        ("Survey. Retrieved from the Library Research Service website.", "no URL"),
        ("Survey, available at librarysurvey.org.", "no URL"),
    ],
)
def test_citation_url_messages_say_what_is_wrong(note: str, says: str) -> None:
    [d] = lint(whereas.parse(doc(CITED, notes=f"[^1]: {note}\n")), Settings(select=("C001",)))
    assert says in d.message


def test_url_title_mismatch_message_names_the_slug() -> None:
    text = c002("The Universal Right to Free Expression", "https://example.org/annual-budget-report.pdf")
    [d] = lint(whereas.parse(text), Settings(select=("C002",)))
    assert "annual-budget" in d.message
