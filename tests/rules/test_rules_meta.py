"""Meta-tests over every lint rule: named and documented, its own examples right, its fixes safe and idempotent.

The per-rule behaviour is in the family modules (``test_w_rules.py`` …); ``test_rule_coverage.py`` checks that
each code has its pass and fail cases there.
"""

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


def _settings(rule) -> Settings:  # type: ignore[no-untyped-def]
    profile = "ala" if "ala" in rule.profiles else rule.profiles[0]
    return Settings(profile=PROFILES[profile], select=(rule.code,))


def _own(rule, text: str) -> list:  # type: ignore[no-untyped-def]
    return [d for d in lint(whereas.parse(text), _settings(rule)) if d.code == rule.code]


#: codes and names are public (configuration files and suppression comments name them): they never change
FIXED_NAMES = {
    "C001": "citation-missing-url",
    "C002": "citation-url-title-mismatch",
    "C003": "double-citation",
    "C004": "uncited-quotation",
    "C005": "note-title-punctuation",
    "N001": "inline-note-text",
    "N002": "dangling-note-reference",
    "N003": "unreferenced-note",
    "N004": "note-numbering",
    "N005": "note-reference-placement",
    "Q001": "unbalanced-quotation-marks",
    "R001": "resolved-capitals",
    "R002": "resolved-that-case",
    "R003": "resolved-list-punctuation",
    "R004": "resolved-comma",
    "R005": "list-item-case",
    "R006": "item-numbering",
    "S001": "missing-title",
    "S002": "missing-sponsors",
    "S003": "missing-resolved-clause",
    "S004": "too-many-recitals",
    "T001": "stray-whitespace",
    "T002": "space-before-punctuation",
    "T003": "mixed-quote-glyphs",
    "T004": "inconsistent-us-abbreviation",
    "T005": "undefined-acronym",
    "T006": "comment-anchor-residue",
    "T007": "keyword-spacing",
    "W001": "whereas-capitals",
    "W002": "whereas-comma",
    "W003": "whereas-next-word-case",
    "W004": "recital-terminator",
    "W005": "and-placement",
    "W006": "preamble-formula",
    "W007": "period-in-preamble",
}


def test_the_rules_are_the_named_ones() -> None:
    assert sorted(r.code for r in RULES) == sorted(FIXED_NAMES)
    assert len({r.name for r in RULES}) == len(RULES)


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
    bad = _own(rule, rule.bad)
    assert bad, f"{rule.code}: its own bad example is not flagged"
    assert not _own(rule, rule.good), f"{rule.code}: its good example is flagged"
    for d in bad:
        assert 0 <= d.span.start <= d.span.end <= len(rule.bad)
        assert d.message and d.name == rule.name


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_good_example_is_clean_for_every_rule_but_the_sponsors(rule) -> None:  # type: ignore[no-untyped-def]
    """A rule's good example is a whole resolution that one of the rule's profiles passes entirely (most
    examples leave out the mover and seconder, which only S002 asks for)."""
    resolutions = whereas.parse(rule.good)
    found = {
        name: [
            (d.code, d.start.line, d.start.column)
            for d in lint(resolutions, Settings(profile=PROFILES[name], ignore=("S002",)))
        ]
        for name in rule.profiles
    }
    assert [] in found.values(), found


#: the rules that declare a fix (tests/test_rule_registry.py holds each declaration to the fixes the rule makes)
FIXING = [r for r in RULES if r.fix.fixable]


@pytest.mark.parametrize("rule", FIXING, ids=lambda r: r.code)
def test_fixes_remove_the_finding_keep_quotations_and_notes_and_are_idempotent(rule) -> None:  # type: ignore[no-untyped-def]
    settings = _settings(rule)
    first = fix_source(Source(rule.bad, "text"), settings, unsafe=True)
    assert first.applied, f"{rule.code}: the fixer applied none of its fixes to its own bad example"
    second = fix_source(Source(first.text, "text"), settings, unsafe=True)
    assert second.text == first.text, f"{rule.code}: fixing twice changed more"
    before, after = whereas.parse(rule.bad), whereas.parse(first.text)
    assert [q.text for r in before for q in r.quotations] == [q.text for r in after for q in r.quotations]
    assert [(n.id, n.text) for r in before for n in r.notes] == [(n.id, n.text) for r in after for n in r.notes]
    assert len([d for d in first.remaining if d.code == rule.code]) < len(_own(rule, rule.bad))
