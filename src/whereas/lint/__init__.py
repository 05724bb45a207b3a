"""The lint engine: run the enabled rules, apply severities and suppressions once, here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from whereas.lint.diagnostic import Diagnostic, Edit, Fix, Severity
from whereas.lint.profiles import PROFILES
from whereas.lint.rule import Context, Rule, quotation_spans
from whereas.lint.settings import Settings
from whereas.lint.suppress import UNUSED_SUPPRESSION, find_suppressions, matches
from whereas.model import Resolution

__all__ = ["Diagnostic", "Edit", "Fix", "Settings", "Severity", "lint"]


def lint(resolutions: Iterable[Resolution], settings: Settings | None = None) -> list[Diagnostic]:
    settings = settings or Settings()
    out: list[Diagnostic] = []
    for r in resolutions:
        out.extend(_lint_one(r, settings))
    out.sort(key=lambda d: (d.path, d.span.start, d.code))
    return out


#: the rules each Settings enables, with their severity and options (keyed by id, the Settings kept alive)
_PLANS: dict[int, tuple[Settings, list[tuple[Rule, Severity, Any]]]] = {}


def _plan(settings: Settings) -> list[tuple[Rule, Severity, Any]]:
    known = _PLANS.get(id(settings))
    if known is not None and known[0] is settings:
        return known[1]
    # the rules are imported when a first document is linted, not with this package: its light parts
    # (Diagnostic, Settings …) are what `verify` and `rule` need, and the rules' patterns take a while to compile
    from whereas.lint.rules import RULES  # the rules whose check() the engine runs (all in whereas.lint.registry)

    plan = [(rule, settings.severity_of(rule), settings.options_for(rule)) for rule in RULES if settings.enabled(rule)]
    if len(_PLANS) > 64:
        _PLANS.clear()
    _PLANS[id(settings)] = (settings, plan)
    return plan


def _lint_one(r: Resolution, settings: Settings) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    profile = settings.profile
    if profile.adapted:
        from whereas.lint.infer import adapt

        # an inferred profile follows each resolution's own consistent choices: a convention's file holds the
        # resolutions of many drafters, each consistent in its own way
        own = adapt(PROFILES[profile.name], [r])
        if profile.connectors[-1:] == (";",) and ";" not in own.connectors:
            # a form only the whole document shows: every resolution's recitals run into "Resolved" after a bare ";"
            own = replace(own, connectors=(*own.connectors, ";"))
        profile = own
    # one context for the resolution, handed to each rule in turn with that rule's options (a rule's findings
    # are all read before the next rule runs); the quotations' spans, asked by many rules, are found once
    ctx = Context(r, profile, quoted=quotation_spans(r))
    for rule, level, options in _plan(settings):
        ctx.options = options
        for d in rule.check(ctx):
            found.append(d if d.severity is level else d.with_severity(level))
    suppressions = find_suppressions(r)
    used = [False] * len(suppressions)
    kept = []
    for d in found:
        hit = False
        for i, s in enumerate(suppressions):
            in_scope = s.scope is None or s.scope.start <= d.span.start <= s.scope.end
            if in_scope and any(matches(c, d.code, d.name) for c in s.codes):
                used[i] = hit = True
        if not hit:
            kept.append(d)
    unused = UNUSED_SUPPRESSION
    if not any(matches(s, unused.code, unused.name) for s in settings.ignore):
        for s, was_used in zip(suppressions, used, strict=False):
            if not was_used:
                kept.append(
                    Diagnostic(
                        unused.code,
                        unused.name,
                        unused.severity,
                        f"suppression of {', '.join(s.codes)} suppresses nothing; remove it",
                        r.source,
                        s.span,
                        Fix("Remove the unused suppression", (Edit(s.span.start, s.span.end, ""),), "safe"),
                    )
                )
    return kept
