"""Meta-tests: every rule is documented, has a failing and a passing example, and its fixes are safe and idempotent."""

from __future__ import annotations

import re

import pytest

import whereas
from whereas.lint import lint
from whereas.lint.diagnostic import Severity
from whereas.lint.fix import fix_source
from whereas.lint.profiles import PROFILES
from whereas.lint.registry import lookup
from whereas.lint.rules import RULES
from whereas.lint.settings import Settings
from whereas.model import Source

IDS = [r.code for r in RULES]


def _settings(rule, **kw) -> Settings:  # type: ignore[no-untyped-def]
    profile = "ala" if "ala" in rule.profiles else rule.profiles[0]
    return Settings(profile=PROFILES[profile], select=(rule.code,), **kw)


def test_at_least_thirty_rules_with_unique_codes_and_names() -> None:
    assert len(RULES) >= 30
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


FIXED_NAMES = {
    "S001": "missing-title",
    "S002": "missing-sponsors",
    "S003": "missing-resolved-clause",
    "W001": "whereas-capitals",
    "W002": "whereas-comma",
    "W003": "whereas-next-word-case",
    "W004": "recital-terminator",
    "W005": "and-placement",
    "W006": "preamble-formula",
    "W007": "period-in-preamble",
    "R001": "resolved-capitals",
    "R002": "resolved-that-case",
    "R003": "resolved-list-punctuation",
    "N001": "inline-note-text",
    "N002": "dangling-note-reference",
    "N003": "unreferenced-note",
    "N004": "note-numbering",
    "N005": "note-reference-placement",
    "C001": "citation-missing-url",
    "C002": "citation-url-title-mismatch",
    "C003": "double-citation",
    "C004": "uncited-quotation",
    "Q001": "unbalanced-quotation-marks",
    "T001": "stray-whitespace",
    "T002": "space-before-punctuation",
    "T003": "mixed-quote-glyphs",
    "T004": "inconsistent-us-abbreviation",
    "T005": "undefined-acronym",
}


@pytest.mark.parametrize("code", sorted(FIXED_NAMES))
def test_fixed_codes_and_names(code: str) -> None:
    rule = lookup(code)
    assert rule is not None, f"{code} is missing"
    assert rule.name == FIXED_NAMES[code]
    assert lookup(rule.name) is rule


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_is_documented(rule) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"[A-Z]\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
    assert isinstance(rule.severity, Severity)
    assert rule.profiles and set(rule.profiles) <= set(PROFILES)
    for attr in ("summary", "why", "bad", "good", "fix_note"):
        assert getattr(rule, attr).strip(), f"{rule.code} has no {attr}"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_bad_example_fails_and_good_example_passes(rule) -> None:  # type: ignore[no-untyped-def]
    bad = [d for d in lint(whereas.parse(rule.bad), _settings(rule)) if d.code == rule.code]
    good = [d for d in lint(whereas.parse(rule.good), _settings(rule)) if d.code == rule.code]
    assert bad, f"{rule.code}: its own bad example is not flagged"
    assert not good, f"{rule.code}: its good example is flagged: {[d.message for d in good]}"
    for d in bad:
        assert 0 <= d.span.start <= d.span.end <= len(rule.bad)
        assert d.message and d.name == rule.name


@pytest.mark.parametrize("rule", [r for r in RULES if r.fix.fixable], ids=lambda r: r.code)
def test_fixes_are_verified_and_idempotent(rule) -> None:  # type: ignore[no-untyped-def]
    source = Source(rule.bad, "text")
    settings = _settings(rule)
    first = fix_source(source, settings, unsafe=True)
    second = fix_source(Source(first.text, "text"), settings, unsafe=True)
    assert second.text == first.text, f"{rule.code}: fixing twice changed more"
    before = whereas.parse(rule.bad)
    after = whereas.parse(first.text)
    assert [q.text for r in before for q in r.quotations] == [q.text for r in after for q in r.quotations]
    if first.applied:
        assert len([d for d in first.remaining if d.code == rule.code]) < len(
            [d for d in lint(before, settings) if d.code == rule.code]
        )


def test_every_profile_enables_a_different_rule_set_and_runs_clean_on_its_own_example() -> None:
    sets = {name: frozenset(r.code for r in RULES if Settings(profile=p).enabled(r)) for name, p in PROFILES.items()}
    assert len(set(sets.values())) == len(sets)
