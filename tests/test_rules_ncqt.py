"""The note, citation, quotation and typography rules: N001-N005, C001-C004, Q001, T001-T006."""

from __future__ import annotations

import pytest

import whereas
from shared_paths import CORPUS, SEED
from whereas.lint import Settings, lint
from whereas.lint.diagnostic import Edit
from whereas.lint.profiles import PROFILES
from whereas.lint.registry import lookup
from whereas.lint.rules import RULES

OURS = [r for r in RULES if r.code[0] in "NCQT"]
CODES = ["N001", "N002", "N003", "N004", "N005", "C001", "C002", "C003", "C004", "C005", "Q001",
         "T001", "T002", "T003", "T004", "T005", "T006", "T007"]  # fmt: skip

MOVER = "\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"


def run(text: str, code: str, **kw) -> list:
    profile = kw.pop("profile", None)
    settings = Settings(select=(code,), **({"profile": PROFILES[profile]} if profile else {}), **kw)
    return [d for d in lint(whereas.parse(text), settings) if d.code == code]


def apply(text: str, edits) -> str:
    """Apply non-overlapping edits."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        assert e.start >= pos, "overlapping edits"
        out += [text[pos : e.start], e.replacement]
        pos = e.end
    return "".join(out + [text[pos:]])


def fix_all(text: str, code: str, **kw) -> str:
    """Apply every distinct fix of ``code`` once, then again until nothing is left to fix."""
    for _ in range(10):
        found = [d for d in run(text, code, **kw) if d.fix]
        if not found:
            return text
        edits: list[Edit] = []
        for d in found:
            if any(e.start < x.end and x.start < e.end or e.start == x.start for e in d.fix.edits for x in edits):
                continue
            edits.extend(e for e in d.fix.edits if e not in edits)
        text = apply(text, edits)
    return text


def quotations(text: str) -> list[str]:
    return [q.text for r in whereas.parse(text) for q in r.quotations]


def notes(text: str) -> list[tuple[str, str]]:
    return [(n.id, n.text) for r in whereas.parse(text) for n in r.notes]


def at(d) -> tuple[int, int]:
    return d.start.line, d.start.column


# --- every rule: its own examples -------------------------------------------------------------------


def test_all_rules_present():
    assert sorted(r.code for r in OURS) == sorted(CODES)
    for code in CODES:
        rule = lookup(code)
        assert rule is not None and rule.summary and rule.why and rule.fix_note


@pytest.mark.parametrize("rule", OURS, ids=lambda r: r.code)
def test_bad_example_is_flagged(rule):
    assert run(rule.bad, rule.code), f"{rule.code} finds nothing in its bad example"


@pytest.mark.parametrize("rule", OURS, ids=lambda r: r.code)
def test_good_example_is_clean(rule):
    assert run(rule.good, rule.code) == []


@pytest.mark.parametrize("rule", OURS, ids=lambda r: r.code)
def test_good_example_is_clean_for_all_rules(rule):
    assert lint(whereas.parse(rule.good), Settings()) == []


FIXABLE = [r for r in OURS if r.code in ("N001", "N005", "T001", "T002", "T004", "T006", "T007")]


@pytest.mark.parametrize("rule", FIXABLE, ids=lambda r: r.code)
def test_fixes_remove_the_finding_and_keep_quotations(rule):
    found = run(rule.bad, rule.code)
    assert any(d.fix for d in found)
    fixed = fix_all(rule.bad, rule.code)
    assert fixed != rule.bad
    assert quotations(fixed) == quotations(rule.bad)
    assert notes(fixed) == notes(rule.bad)
    unsafe_only = all(d.fix.applicability == "unsafe" for d in found if d.fix)
    assert not [d for d in run(fixed, rule.code) if d.fix] or unsafe_only


def test_congress_profile_disables_notes_and_citations():
    s = Settings(profile=PROFILES["congress"])
    for rule in OURS:
        if rule.code[0] in "NC":
            assert not s.enabled(rule), rule.code


# --- the seed ---------------------------------------------------------------------------------------

seed = pytest.mark.skipif(not SEED.exists(), reason="shared seed not available")


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_findings(seed_text: str, code: str) -> list:
    return run(seed_text, code)


@seed
def test_seed_inline_notes(seed_text):
    found = seed_findings(seed_text, "N001")
    assert [at(d)[0] for d in found] == [3, 6, 9, 12, 15]
    assert at(found[0]) == (3, 380)
    assert seed_text[found[0].span.start : found[0].span.start + 4] == "[1: "
    assert found[0].fix is not None and found[0].fix.applicability == "safe"


@seed
def test_seed_inline_notes_fix(seed_text):
    fix = seed_findings(seed_text, "N001")[0].fix
    fixed = apply(seed_text, fix.edits)
    assert notes(fixed) == notes(seed_text)
    assert quotations(fixed) == quotations(seed_text)
    assert "[endnoteRef:" not in fixed and "[1:" not in fixed
    assert fixed.endswith(
        '\n\nEndnotes\n\n[^1]: American Library Association. "The Universal Right to Free Expression: An '
        'Interpretation of the Library Bill of Rights". https://www.ala.org/united/sites/ala.org.united/files/'
        "content/trustees/orgtools/policies/ALA-code-of-ethics.pdf\n[^2]:" + fixed.rsplit("[^2]:", 1)[1]
    )
    tail = fixed[fixed.index("\n\nEndnotes\n\n") :]
    assert [line[:5] for line in tail.strip().splitlines()[2:]] == ["[^1]:", "[^2]:", "[^3]:", "[^4]:", "[^5]:"]
    assert run(fixed, "N001") == []
    assert all(not n.inline for r in whereas.parse(fixed) for n in r.notes)
    # The line that carried note 1 now ends at the reference.
    assert fixed.splitlines()[2].endswith("Library Bill of Rights )[^1];")


@seed
def test_seed_whitespace(seed_text):
    found = seed_findings(seed_text, "T001")
    assert (1, 1) in [at(d) for d in found]  # " Whereas"
    assert (6, 151) in [at(d) for d in found]  # 'and that  "[b]ringing'
    assert (15, 360) in [at(d) for d in found]  # "; and  [5:"
    assert (3, 618) in [at(d) for d in found]  # the space after note 1's block
    for d in found:
        assert not d.source.text[d.span.start : d.span.end].strip()


@seed
def test_seed_space_before_paren(seed_text):
    found = seed_findings(seed_text, "T002")
    assert [at(d) for d in found] == [(3, 362)]
    assert seed_text[found[0].span.start : found[0].span.end + 1] == " )"


@seed
def test_seed_url_title_mismatch_only_note_1(seed_text):
    found = seed_findings(seed_text, "C002")
    assert len(found) == 1
    assert at(found[0])[0] == 3
    assert seed_text[found[0].span.start : found[0].span.end].endswith("ALA-code-of-ethics.pdf")


@seed
def test_seed_double_citation_recital_2(seed_text):
    found = seed_findings(seed_text, "C003")
    assert len(found) == 1 and found[0].clause == "preamble[1]"
    assert seed_text[found[0].span.start : found[0].span.end].startswith("(ALA Universal Right")


@seed
@pytest.mark.parametrize("code", ["N002", "N003", "N004", "Q001", "C001", "C004", "T003", "T004", "T006"])
def test_seed_not_reported(seed_text, code):
    assert seed_findings(seed_text, code) == []


@seed
def test_seed_note_placement(seed_text):
    found = seed_findings(seed_text, "N005")
    assert [at(d)[0] for d in found] == [3, 6, 9, 12]  # note 5 follows its comma: right
    fixed = fix_all(seed_text, "N005")
    assert ")[endnoteRef:1]; [1:" not in fixed and ");[endnoteRef:1] [1:" in fixed
    assert quotations(fixed) == quotations(seed_text)


@seed
def test_seed_acronyms(seed_text):
    found = seed_findings(seed_text, "T005")
    assert [(seed_text[d.span.start : d.span.end], at(d)[0]) for d in found] == [("ALA", 3)]


@seed
def test_seed_fixer_round_trip(seed_text):
    fix = pytest.importorskip("whereas.lint.fix")
    from whereas.model import Source

    result = fix.fix_source(Source(seed_text, "text", None), Settings(select=("N", "C", "Q", "T")))
    assert result.changed and not result.dropped
    assert quotations(result.text) == quotations(seed_text)
    assert notes(result.text) == notes(seed_text)
    assert {d.code for d in result.remaining} <= {"C002", "C003", "C005", "T005"}


# --- targeted cases ---------------------------------------------------------------------------------

HEAD = "Resolution on Library Funding\n\n"
TAIL = "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n" + MOVER


def doc(*recitals: str, notes_text: str = "") -> str:
    body = "".join(f"Whereas {r}\n\n" for r in recitals)
    return HEAD + body + TAIL + ("\n" + notes_text if notes_text else "")


def test_dangling_reference_position():
    text = doc(
        "libraries lost funding;[^1] and",
        "use rose;[^7] now, therefore, be it",
        notes_text="[^1]: Survey. https://example.org/library-funding-survey\n",
    )
    found = run(text, "N002")
    assert [at(d) for d in found] == [(5, 18)]
    assert "[^7]" in found[0].message


def test_word_export_dangling_reference():
    text = doc("libraries lost funding;[endnoteRef:2] now, therefore, be it")
    assert [at(d) for d in run(text, "N002")] == [(3, 32)]


def test_unreferenced_note_position():
    text = doc(
        "libraries lost funding;[^1] now, therefore, be it",
        notes_text="[^1]: Survey. https://example.org/a\n[^2]: Orphan. https://example.org/b\n",
    )
    found = run(text, "N003")
    assert len(found) == 1 and "Note 2" in found[0].message
    assert text[found[0].span.start :].startswith("[^2]:")


def test_note_numbering_gap():
    text = doc(
        "a;[^1] and",
        "b;[^3] now, therefore, be it",
        notes_text="[^1]: One. https://example.org/a\n[^3]: Three. https://example.org/b\n",
    )
    found = run(text, "N004")
    assert len(found) == 1 and at(found[0]) == (5, 11)


def test_note_numbering_named_notes_skipped():
    text = doc(
        "a;[^ala] and",
        "b;[^aclu] now, therefore, be it",
        notes_text="[^ala]: One. https://example.org/a\n[^aclu]: Two. https://example.org/b\n",
    )
    assert run(text, "N004") == []


@pytest.mark.parametrize(
    ("profile", "clause", "flagged", "fixed"),
    [
        ("ala", 'said "free"[^1]; now, therefore, be it', True, 'said "free";[^1] now'),
        ("ala", "rose[^1]. Now, therefore, be it", True, "rose.[^1] Now"),
        ("ala", "rose,[^1] and therefore; now, therefore, be it", False, None),
        ("ala", "rose (the survey)[^1]; now, therefore, be it", True, "(the survey);[^1] now"),
        ("ala", "rose —[^1] sharply; now, therefore, be it", True, "rose [^1]— sharply"),
        ("ala", 'said "free[^1]"; now, therefore, be it', True, 'said "free";[^1] now'),
    ],
)
def test_note_placement_chicago(profile, clause, flagged, fixed):
    text = doc(clause, notes_text="[^1]: Survey. https://example.org/library-funding-survey\n")
    found = run(text, "N005", profile=profile)
    assert bool(found) is flagged
    if fixed:
        assert fixed in fix_all(text, "N005", profile=profile)


def test_note_placement_ama():
    from dataclasses import replace

    ama = replace(PROFILES["ala"], note_placement="ama")
    text = doc(
        "rose (the survey)[^1]; and",
        "fell;[^2] now, therefore, be it",
        notes_text="[^1]: A. https://example.org/a\n[^2]: B. https://example.org/b\n",
    )
    found = [d for d in lint(whereas.parse(text), Settings(profile=ama, select=("N005",)))]
    assert [at(d) for d in found] == [(5, 14)]  # ";[^2]" → "[^2];", while ")[^1];" is right under AMA
    edits = [e for d in found for e in d.fix.edits]
    assert "fell[^2];" in apply(text, edits)


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("Survey. https://www.example .org/report", "space"),
        ("Survey. http//example.org/report", "scheme"),
        ("Survey. https:/example.org/report", "scheme"),
        ("Survey. https://exa_mple/report", "host"),
        ("Survey. Retrieved from the Library Research Service website.", "no URL"),
        ("Survey, available at librarysurvey.org.", "no URL"),
    ],
)
def test_citation_url_problems(note, message):
    text = doc("libraries lost funding;[^1] now, therefore, be it", notes_text=f"[^1]: {note}\n")
    found = run(text, "C001")
    assert found and message in found[0].message


def test_citation_book_without_url_is_fine():
    text = doc(
        "libraries lost funding;[^1] now, therefore, be it",
        notes_text="[^1]: Jane Doe, *Library Funding in America* (Chicago: ALA Editions, 2020), 12.\n",
    )
    assert run(text, "C001") == []


def test_url_title_mismatch_needs_two_slug_words():
    note = '[^1]: ALA. "The Universal Right to Free Expression". https://www.ala.org/advocacy/12345\n'
    assert run(doc("a;[^1] now, therefore, be it", notes_text=note), "C002") == []
    note = '[^1]: ALA. "The Universal Right to Free Expression". https://example.org/annual-budget-report.pdf\n'
    found = run(doc("a;[^1] now, therefore, be it", notes_text=note), "C002")
    assert len(found) == 1 and "annual-budget" in found[0].message


def test_uncited_quotation_threshold_option():
    text = doc(
        '"libraries are the heart of our democracy"; and',
        "libraries lost funding [1]; now, therefore, be it",
        notes_text="\nNotes\n1. State Library Survey, 2024. https://example.org/survey\n",
    )
    assert len(run(text, "C004")) == 1
    assert run(text, "C004", options={"C004": {"short": 10}}) == []
    assert run(doc('the "Freedom to Read" campaign; now, therefore, be it'), "C004") == []
    assert run(doc('the plan known as "one library for every town in the state"; now, therefore, be it'), "C004") == []


def test_unbalanced_marks_point_at_the_mark():
    text = doc('the Statement says "the freedom to read is essential; and', "a ”stray close; now, therefore, be it")
    found = run(text, "Q001")
    assert [at(d) for d in found] == [(3, 28), (5, 11)]
    assert text[found[0].span.start] == '"' and text[found[1].span.start] == "”"


def test_balanced_marks_and_apostrophes_are_fine():
    text = doc("the public’s “right to know” and the 'Act' and “mixed\" marks; now, therefore, be it")
    assert run(text, "Q001") == []


def test_whitespace_tab_after_whereas_and_hard_break():
    text = HEAD + "Whereas\tlibraries lost funding; now, therefore, be it\n\n" + TAIL
    found = run(text, "T001")
    assert [at(d) for d in found] == [(3, 8)] and "tab" in found[0].message.lower()
    assert fix_all(text, "T001").count("Whereas libraries") == 1
    md = (
        "# Resolution on Library Funding\n\nWhereas libraries **lost** funding;  \nand more; now, therefore, be it\n\n"
        + TAIL
    )
    assert run(md, "T001") == []  # a Markdown hard break


def test_whitespace_never_inside_quotations():
    text = doc('the Statement says "the freedom  to read"; now, therefore, be it')
    assert run(text, "T001") == []


def test_space_before_punctuation_cases():
    assert [at(d) for d in run(doc("libraries lost funding , and more; now, therefore, be it"), "T002")] == [(3, 31)]
    assert run(doc("libraries lost ... funding; now, therefore, be it"), "T002") == []
    assert run(doc('libraries said "lost ; funding"; now, therefore, be it'), "T002") == []
    assert run(doc("the Rights : An Interpretation; now, therefore, be it"), "T002") == []


def test_mixed_quote_glyphs():
    same = doc("the Statement’s “right to read” and “freedom to publish”; now, therefore, be it")
    assert run(same, "T003") == []
    mixed = doc("the “right to read” and “freedom to publish”; and", 'the "right to know"; now, therefore, be it')
    found = run(mixed, "T003")
    assert [at(d) for d in found] == [(5, 13), (5, 27)]
    assert all(d.severity.value == "info" for d in found)


def test_us_abbreviation_fix_to_profile_form():
    text = doc("the US government acts; and", "the U.S. Congress and the U.S. Senate; now, therefore, be it")
    found = run(text, "T004")
    assert [at(d) for d in found] == [(3, 13)]
    assert found[0].fix.applicability == "unsafe"
    assert "the U.S. government" in apply(text, found[0].fix.edits)
    end = doc("they act in the US; and", "the U.S. Congress and the U.S. Senate; now, therefore, be it")
    assert "in the U.S.; and" in fix_all(end, "T004")


def test_us_abbreviation_inside_quotation_is_evidence():
    text = doc('the U.S. Senate said "the US must act now and act fast"; now, therefore, be it')
    assert run(text, "T004") == []


def test_acronym_allow_option_and_definitions():
    text = doc("the NEA supports libraries; now, therefore, be it")
    assert len(run(text, "T005")) == 1
    assert run(text, "T005", options={"T005": {"allow": ["NEA"]}}) == []
    assert run(doc("RSF/Reporters Without Borders and later RSF; now, therefore, be it"), "T005") == []
    assert run(doc("the National Education Association (NEA) and the NEA; now, therefore, be it"), "T005") == []
    assert run(doc("PEN International has spoken; now, therefore, be it"), "T005") == []


@pytest.mark.parametrize(
    "recital",
    [
        "the people will TAKE BACK the money given FOR ALL; now, therefore, be it",  # words in capitals
        "SECTION 4. MINIMUM WAGE. Employers shall pay the wage; now, therefore, be it",  # a section's heading
        "the criteria are [SELECT ONE] met, dated YYYY-MM-DD; now, therefore, be it",  # a form's placeholders
        "the “New York State on PAUSE” order is in force; now, therefore, be it",  # a word of a quoted name
        "quote MTK-239 and document FCCC/CP/2015/10 apply; now, therefore, be it",  # codes
        "the California Voting Rights Act of 2001 (CVRA) and the CVRA apply; now, therefore, be it",  # defined
        'the Elections Code, sections 14025-14032 (the "CVRA") applies; now, therefore, be it',  # defined
    ],
)
def test_words_in_capitals_codes_and_definitions_are_no_undefined_acronyms(recital: str) -> None:
    assert run(doc(recital), "T005") == []


@pytest.mark.parametrize(
    "recital",
    [
        "restorative practices [“RP”] guide us, and RP heals; now, therefore, be it",  # a bracket definition
        "the Boycott, Divestment and Sanctions Campaign (BDS Campaign) and BDS; now, therefore, be it",
        "the Americans with Disabilities Act changed lives, and the ADA endures; now, therefore, be it",  # in full
        "power belongs to ALL the people; now, therefore, be it",  # emphasis
        "clients paid $100k CAD; now, therefore, be it",  # a currency
    ],
)
def test_acronyms_defined_or_spelled_out_otherwise(recital: str) -> None:
    assert run(doc(recital), "T005") == []


def test_a_printed_pages_spacing_is_no_typing() -> None:
    """A text export of a PDF (pages end at form feeds): the spaces align, nobody typed them."""
    laid_out = doc("the district held hearings on:  January  20 and  July 14 ,  2021; now, therefore, be it") + "\f\n"
    assert run(laid_out, "T001", profile="ronr") == [] and run(laid_out, "T002", profile="ronr") == []
    typed = doc("the district held  hearings; now, therefore, be it")
    assert len(run(typed, "T001", profile="ronr")) == 1


def test_the_spaces_after_a_label_align_its_text() -> None:
    text = doc(
        "the district held hearings:\n\n•    January 20, 2021 – the board met;\n\n(A)     July 14 – it voted; now, therefore, be it"
    )
    assert run(text, "T001", profile="ronr") == []


def test_comment_anchor_fix():
    text = doc("libraries lost funding[DA2]; now, therefore, be it")
    found = run(text, "T006")
    assert [at(d) for d in found] == [(3, 31)]
    assert "funding; now" in apply(text, found[0].fix.edits)
    assert run(doc('libraries "lost[RA1] funding"; now, therefore, be it'), "T006")[0].fix is None


# --- the corpus -------------------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")
def test_corpus_no_crash_and_few_findings():
    from whereas.errors import InputError

    counts: dict[str, int] = {}
    for f in sorted(CORPUS.rglob("*")):
        if not f.is_file() or f.suffix == ".tsv":
            continue
        try:
            resolutions = whereas.parse(f)
        except InputError:
            continue
        for d in lint(resolutions, Settings(select=tuple(CODES))):
            counts[d.code] = counts.get(d.code, 0) + 1
            if d.fix:
                for e in d.fix.edits:
                    assert 0 <= e.start <= e.end <= len(d.source.text)
    # Real, posted resolutions: no note or quotation-mark errors, and typography findings stay rare.
    for code in ("N001", "N002", "Q001", "C002", "C003", "T006"):
        assert counts.get(code, 0) == 0, (code, counts)
    assert counts.get("T001", 0) < 300, counts


def test_an_uncited_quotation_is_reported_only_where_sources_are_cited_in_notes() -> None:
    prose = doc('"libraries are the heart of our democracy", as The Guardian reported; now, therefore, be it')
    assert run(prose, "C004") == []  # no notes: the prose names its sources as it can


def test_a_pdfs_notes_are_not_called_unreferenced() -> None:
    """A PDF's superscript call-outs lose their place ("Agreement, 3 which"): N003 stays silent there."""
    from whereas.model import Source
    from whereas.structure import build

    text = doc("libraries serve everyone; now, therefore, be it") + "\nNotes\n1. Survey of libraries, 2024.\n"
    [r] = build(Source(text, "pdf", None))
    assert [d for d in lint([r], Settings(select=("N003",))) if d.code == "N003"] == []
    assert run(text, "N003") != []
