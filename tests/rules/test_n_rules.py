"""The note rules N001-N005: inline note text, dangling and unreferenced notes, numbering, placement."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rulecase import Case, assert_findings, bad, case_id, doc, findings, fixed, ok

import whereas
from conftest import SEED, needs_seed
from whereas.lint import Settings, lint
from whereas.lint.fix import apply_edits
from whereas.lint.profiles import PROFILES

SURVEY = "[^1]: Survey. https://example.org/library-funding-survey\n"
TWO = "[^1]: One. https://example.org/a\n[^2]: Two. https://example.org/b\n"
THREE = TWO + "[^3]: Three. https://example.org/c\n"
INLINE = (
    'Whereas the ACLU has stated that "the prosecution poses a grave threat to press freedom";[endnoteRef:1] '
    '[1: American Civil Liberties Union. "ACLU Comment," https://www.aclu.org/comment] now, therefore, be it'
)

CASES: list[Case] = [
    # --- N001 inline-note-text: a Word export's "[1: …]" in the body ------------------------------------------
    ok("N001", "a footnote", doc("libraries lost funding;[^1] now, therefore, be it", notes=SURVEY)),
    ok("N001", "a bracketed aside", doc("libraries lost funding [see note 1]; now, therefore, be it")),
    bad("N001", "a Word export", "Resolution on X\n\n" + INLINE + "\n\nResolved, that ALA acts.\n", [(3, 105)]),
    bad(
        "N001",
        "a bracket note",
        doc("libraries lost funding [1: Survey. https://example.org/a]; now, therefore, be it"),
        [(3, 32)],
    ),
    # --- N002 dangling-note-reference -------------------------------------------------------------------------
    ok("N002", "every reference has its note", doc("libraries lost funding;[^1] now, therefore, be it", notes=SURVEY)),
    ok(
        "N002",
        "a bracketed number is no reference without notes",
        doc("libraries lost funding [3]; now, therefore, be it"),
    ),
    bad(
        "N002",
        "a footnote without its note",
        doc("libraries lost funding;[^1] and", "use rose;[^7] now, therefore, be it", notes=SURVEY),
        [(5, 18)],
    ),
    bad(
        "N002",
        "a Word endnote reference",
        doc("libraries lost funding;[endnoteRef:2] now, therefore, be it"),
        [(3, 32)],
    ),
    # --- N003 unreferenced-note -------------------------------------------------------------------------------
    ok("N003", "every note referenced", doc("libraries lost funding;[^1] now, therefore, be it", notes=SURVEY)),
    ok(
        "N003",
        "a PDF's notes (call-outs lose their place)",
        doc("libraries serve everyone; now, therefore, be it") + "\nNotes\n1. Survey of libraries, 2024.\n",
        format="pdf",
    ),
    bad(
        "N003",
        "one orphan",
        doc(
            "libraries lost funding;[^1] now, therefore, be it",
            notes="[^1]: Survey. https://example.org/a\n[^2]: Orphan. https://example.org/b\n",
        ),
        [(11, 1)],
    ),
    bad(
        "N003",
        "no references at all",
        doc("libraries lost funding; now, therefore, be it", notes=TWO),
        [(10, 1), (11, 1)],
    ),
    ok(
        "N003",
        "a notice's explanatory notes, nothing called out and nothing cited",
        doc("libraries serve everyone; now, therefore, be it")
        + "\nNotes\n1. A special resolution requires three-quarters of the votes cast.\n"
        "2. Each member may appoint one proxy.\n",
        format="text",
    ),
    bad(
        "N003",
        "the same notes in a text file",
        doc("libraries serve everyone; now, therefore, be it") + "\nNotes\n1. Survey of libraries, 2024.\n",
        [(11, 1)],
        format="text",
    ),
    # --- N004 note-numbering ----------------------------------------------------------------------------------
    ok("N004", "in order", doc("a;[^1] and", "b;[^2] now, therefore, be it", notes=TWO)),
    ok(
        "N004",
        "named notes",
        doc(
            "a;[^ala] and",
            "b;[^aclu] now, therefore, be it",
            notes="[^ala]: One. https://example.org/a\n[^aclu]: Two. https://example.org/b\n",
        ),
    ),
    bad(
        "N004",
        "a gap",
        doc(
            "a;[^1] and",
            "b;[^3] now, therefore, be it",
            notes="[^1]: One. https://example.org/a\n[^3]: Three. https://example.org/b\n",
        ),
        [(5, 11)],
    ),
    bad("N004", "out of order", doc("a;[^2] and", "b;[^1] now, therefore, be it", notes=TWO), [(3, 11)]),
    # --- N005 note-reference-placement (chicago: after the punctuation, ama: before it) -------------------------
    ok("N005", "after the semicolon", doc("rose;[^1] now, therefore, be it", notes=SURVEY)),
    ok("N005", "after a comma, mid-clause", doc("rose,[^1] and therefore; now, therefore, be it", notes=SURVEY)),
    bad(
        "N005",
        "before a semicolon after a quotation",
        doc('said "free"[^1]; now, therefore, be it', notes=SURVEY),
        [(3, 20)],
    ),
    bad("N005", "before a period", doc("rose[^1]. Now, therefore, be it", notes=SURVEY), [(3, 13)]),
    bad("N005", "after a parenthesis", doc("rose (the survey)[^1]; now, therefore, be it", notes=SURVEY), [(3, 26)]),
    bad("N005", "after a dash", doc("rose —[^1] sharply; now, therefore, be it", notes=SURVEY), [(3, 15)]),
    bad("N005", "inside the quotation marks", doc('said "free[^1]"; now, therefore, be it', notes=SURVEY), [(3, 19)]),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_rule(case: Case) -> None:
    case.check()


def test_note_placement_under_ama() -> None:
    """AMA puts the reference before the punctuation: ";[^2]" is wrong there, ")[^1];" is right."""
    ama = replace(PROFILES["ala"], note_placement="ama")
    text = doc("rose (the survey)[^1]; and", "fell;[^2] now, therefore, be it", notes=TWO)
    found = lint(whereas.parse(text), Settings(profile=ama, select=("N005",)))
    assert [(d.code, d.start.line, d.start.column) for d in found] == [("N005", 5, 14)]
    assert "fell[^2];" in apply_edits(text, [e for d in found if d.fix for e in d.fix.edits])


def test_note_placement_before_every_mark() -> None:
    """An inferred profile's "before" (trial 2: a document that puts its references before every mark): ",[^2]" is
    reported and moved before the comma; a reference after a period (an abbreviation's, perhaps) is left alone."""
    before = replace(PROFILES["ala"], note_placement="before")
    text = doc("rose[^1]; and", "fell,[^2] then rose; and", "the U.S.[^3] acts; now, therefore, be it", notes=THREE)
    found = lint(whereas.parse(text), Settings(profile=before, select=("N005",)))
    assert [(d.code, d.start.line, d.start.column) for d in found] == [("N005", 5, 14)]
    assert "fell[^2], then" in apply_edits(text, [e for d in found if d.fix for e in d.fix.edits])


@pytest.mark.parametrize(
    ("clause", "after"),
    [
        ('said "free"[^1]; now, therefore, be it', 'said "free";[^1] now'),
        ("rose[^1]. Now, therefore, be it", "rose.[^1] Now"),
        ("rose (the survey)[^1]; now, therefore, be it", "(the survey);[^1] now"),
        ("rose —[^1] sharply; now, therefore, be it", "rose [^1]— sharply"),
    ],
)
def test_note_placement_fix(clause: str, after: str) -> None:
    assert after in fixed(doc(clause, notes=SURVEY), select="N005")


def test_note_placement_fix_leaves_a_reference_inside_quotation_marks() -> None:
    """The rule proposes 'said "free";[^1]', but no fix edits inside quotation marks: the fixer drops it."""
    text = doc('said "free[^1]"; now, therefore, be it', notes=SURVEY)
    [d] = lint(whereas.parse(text), Settings(select=("N005",)))
    assert d.fix is not None and 'said "free";[^1] now' in apply_edits(text, list(d.fix.edits))
    assert fixed(text, select="N005", unsafe=True) == text


def test_the_congress_profile_runs_no_note_rule() -> None:
    text = doc("libraries lost funding;[^1] and", "use rose;[^7] now, therefore, be it", notes=SURVEY)
    assert_findings(text, [("N002", 5, 18), ("N004", 5, 18)], select="N")
    assert [f for f in findings(text, profile="congress") if f[0].startswith("N")] == []


# --- the seed ------------------------------------------------------------------------------------------------


@needs_seed
def test_seed_findings() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert_findings(
        text,
        [("N001", 3, 380), ("N001", 6, 410), ("N001", 9, 338), ("N001", 12, 253), ("N001", 15, 362)],
        select="N001",
    )
    assert_findings(text, [("N005", 3, 364), ("N005", 6, 393), ("N005", 9, 322), ("N005", 12, 237)], select="N005")
    assert_findings(text, [], select=("N002", "N003", "N004"))


@needs_seed
def test_seed_inline_notes_fix() -> None:
    text = SEED.read_text(encoding="utf-8")
    [first, *_] = [d for d in lint(whereas.parse(text), Settings(select=("N001",)))]
    assert text[first.span.start : first.span.start + 4] == "[1: "
    assert first.fix is not None and first.fix.applicability == "safe"
    out = fixed(text, select="N001")
    assert notes(out) == notes(text)
    assert quotations(out) == quotations(text)
    assert "[endnoteRef:" not in out and "[1:" not in out
    assert out.endswith(
        '\n\nEndnotes\n\n[^1]: American Library Association. "The Universal Right to Free Expression: An '
        'Interpretation of the Library Bill of Rights". https://www.ala.org/united/sites/ala.org.united/files/'
        "content/trustees/orgtools/policies/ALA-code-of-ethics.pdf\n[^2]:" + out.rsplit("[^2]:", 1)[1]
    )
    tail = out[out.index("\n\nEndnotes\n\n") :]
    assert [line[:5] for line in tail.strip().splitlines()[2:]] == ["[^1]:", "[^2]:", "[^3]:", "[^4]:", "[^5]:"]
    assert_findings(out, [], select="N001")
    assert all(not n.inline for r in whereas.parse(out) for n in r.notes)
    assert out.splitlines()[2].endswith("Library Bill of Rights )[^1];")  # the line that carried note 1


@needs_seed
def test_seed_note_placement_fix() -> None:
    text = SEED.read_text(encoding="utf-8")
    out = fixed(text, select="N005")
    assert ")[endnoteRef:1]; [1:" not in out and ");[endnoteRef:1] [1:" in out
    assert quotations(out) == quotations(text)


def quotations(text: str) -> list[str]:
    return [q.text for r in whereas.parse(text) for q in r.quotations]


def notes(text: str) -> list[tuple[str, str]]:
    return [(n.id, n.text) for r in whereas.parse(text) for n in r.notes]
