"""What runs the rules: profiles, selection, the fixer across rules, and every rule over the shared corpus."""

from __future__ import annotations

import pytest
from rulecase import ALA_CLEAN, assert_findings, fixed

import whereas
from conftest import CORPUS, SEED, needs_corpus, needs_seed
from whereas.lint import Settings, lint
from whereas.lint.fix import fix_source
from whereas.lint.profiles import PROFILES
from whereas.model import Source

RONR = """Resolution on the Annual Picnic

Whereas, The club has held a picnic every year; and

Whereas, The park is available; therefore, be it

Resolved, That the club hold its picnic on June 1.
"""

# --- profiles: each one's own conventions pass, another's are found ---------------------------------------------


def test_a_clean_ala_resolution_has_no_findings() -> None:
    assert_findings(ALA_CLEAN, [])


@pytest.mark.parametrize(
    ("profile", "text"),
    [
        ("ronr", RONR),
        # S001 is off in congress: an enrolled resolution's only title is its type
        (
            "congress",
            "Whereas the Senate met; and\n\nWhereas the House met: Now, therefore, be it\n\n"
            "Resolved, That the Congress adjourn.\n",
        ),
        (
            "labor",
            "Resolution on Safety\n\nWHEREAS, workers deserve safety; and\n\nWHEREAS, the law is weak;\n\n"
            "THEREFORE, BE IT RESOLVED, that Local 12 supports the bill.\n\nSubmitted by: Local 12\n",
        ),
        (
            "city",
            "Resolution No. 5\n\nWHEREAS, the city needs parks; and\n\nWHEREAS, land is available; now, therefore,\n\n"
            "BE IT RESOLVED, That the council buys land.\n\nSponsor: Alderman Smith\n",
        ),
    ],
)
def test_each_profile_passes_its_own_conventions(profile: str, text: str) -> None:
    assert_findings(text, [], profile=profile)


def test_ala_finds_the_ronr_conventions() -> None:
    assert_findings(
        RONR,
        [
            ("W002", 3, 8),
            ("W003", 3, 10),
            ("W002", 5, 8),
            ("W003", 5, 10),
            ("W006", 5, 31),
            ("R002", 7, 11),
            ("S002", 7, 51),
        ],
    )


def test_every_profile_enables_a_different_rule_set() -> None:
    from whereas.lint.rules import RULES

    sets = {name: frozenset(r.code for r in RULES if Settings(profile=p).enabled(r)) for name, p in PROFILES.items()}
    assert len(set(sets.values())) == len(sets)


def test_the_congress_profile_runs_no_note_or_citation_rule() -> None:
    from whereas.lint.rules import RULES

    congress = Settings(profile=PROFILES["congress"])
    assert [r.code for r in RULES if r.code[0] in "NC" and congress.enabled(r)] == []


# --- selection ----------------------------------------------------------------------------------------------


def test_selection_by_code_name_and_prefix() -> None:
    text = ALA_CLEAN.replace("Whereas libraries", "WHEREAS, Libraries")
    assert_findings(text, [("W001", 3, 1)], select="W001")
    assert_findings(text, [("W002", 3, 8)], select="whereas-comma")
    assert_findings(text, [("W001", 3, 1), ("W002", 3, 8)], select="W", ignore="W003")
    assert_findings(text, [], select="W", ignore="W00")


def test_extend_select_adds_to_a_selection() -> None:
    text = ALA_CLEAN.replace("Resolved,", "RESOLVED,")
    found = lint(whereas.parse(text), Settings(profile=PROFILES["ala"], select=("S",), extend_select=("R001",)))
    assert [(d.code, d.start.line, d.start.column) for d in found] == [("R001", 9, 1)]


# --- the fixer, across rules ------------------------------------------------------------------------------------


def test_fixer_applies_safe_fixes_only_and_is_idempotent() -> None:
    text = ALA_CLEAN.replace("Whereas libraries", "WHEREAS, Libraries").replace("Resolved,", "RESOLVED,")
    safe = fix_source(Source(text, "text"))
    assert safe.text == ALA_CLEAN.replace("Whereas libraries", "Whereas Libraries")  # W003's fix is unsafe
    assert [(d.code, d.start.line, d.start.column) for d in safe.remaining] == [("W003", 3, 9)]
    unsafe = fixed(text, unsafe=True)
    assert unsafe == ALA_CLEAN
    assert fixed(unsafe, unsafe=True) == unsafe


def test_fixer_never_changes_quoted_words() -> None:
    text = ALA_CLEAN.replace("has fallen;", 'has fallen, as the Board said: "RESOLVED , we cut";')
    assert '"RESOLVED , we cut"' in fixed(text, unsafe=True)


# --- the shared corpus --------------------------------------------------------------------------------------


def _corpus_files(*suffixes: str) -> list:
    return sorted(
        p
        for p in CORPUS.rglob("*")
        if p.is_file() and p.suffix.lower() != ".tsv" and (not suffixes or p.suffix in suffixes)
    )


@needs_corpus
def test_the_congress_corpus_gets_no_w_or_r_finding() -> None:
    found = [
        (f.name, d.code, d.start.line)
        for f in sorted((CORPUS / "us-congress").iterdir())
        for d in lint(whereas.parse(f), Settings(profile=PROFILES["congress"]))
        if d.code[0] in "WR"
    ]
    assert found == []


@needs_corpus
def test_the_corpus_is_checked_under_every_profile_and_real_resolutions_have_few_findings() -> None:
    """No crash, fix edits within the text; under ala, real posted resolutions have no note or quotation-mark
    errors, and typography findings stay rare."""
    counts: dict[str, int] = {}
    for f in _corpus_files():
        try:
            resolutions = whereas.parse(f)
        except whereas.InputError:
            continue
        for name, profile in PROFILES.items():
            for d in lint(resolutions, Settings(profile=profile)):
                if d.fix:
                    assert all(0 <= e.start <= e.end <= len(d.source.text) for e in d.fix.edits)
                if name == "ala":
                    counts[d.code] = counts.get(d.code, 0) + 1
    for code in ("N001", "N002", "Q001", "C002", "C003", "T006"):
        assert counts.get(code, 0) == 0, (code, counts)
    assert counts.get("T001", 0) < 300, counts


@needs_corpus
@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_fixes_on_the_corpus_never_double_punctuation(profile: str) -> None:
    """Every fix applied to the corpus's text files (unsafe ones too) leaves no ",," ";;" ";," or ",;" that was
    not there before (two rules' fixes meeting at one place)."""
    from whereas.readers import read_path

    checked = 0
    for path in _corpus_files(".md", ".txt"):
        view = read_path(path)
        out = fix_source(Source(view.text, view.format, str(path)), Settings(profile=PROFILES[profile]), unsafe=True)
        for pair in (",,", ";;", ";,", ",;"):
            assert out.text.count(pair) <= view.text.count(pair), f"{path.name}: {pair!r} after fixing"
        checked += 1
    assert checked > 20


@needs_seed
def test_the_seeds_note_citation_quotation_and_typography_fixes() -> None:
    text = SEED.read_text(encoding="utf-8")
    out = fix_source(Source(text, "text", None), Settings(select=("N", "C", "Q", "T")))
    assert out.changed and not out.dropped
    before, after = whereas.parse(text), whereas.parse(out.text)
    assert [q.text for r in after for q in r.quotations] == [q.text for r in before for q in r.quotations]
    assert [(n.id, n.text) for r in after for n in r.notes] == [(n.id, n.text) for r in before for n in r.notes]
    assert sorted({d.code for d in out.remaining}) == ["C002", "C003", "C005", "T005"]
