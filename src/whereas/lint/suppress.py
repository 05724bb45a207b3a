"""Suppressions written in the document itself.

    <!-- whereas: ignore W006 -->         the next clause (or the clause on the same line)
    whereas: ignore W006, period-in-preamble
    <!-- whereas: ignore-file T004 -->    the whole file

Codes, code prefixes or rule names; ``all`` suppresses every rule.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from whereas.lint.diagnostic import Severity
from whereas.lint.rule import FixAvailability, Rule
from whereas.model import Resolution, Span
from whereas.patterns import lazy_compile

DIRECTIVE = lazy_compile(
    r"(?:<!--\s*|%\s*|//\s*|#\s*)?whereas:\s*(?P<kind>ignore-file|ignore|noqa)\s+(?P<codes>[A-Za-z0-9_,\s-]+?)\s*(?:-->|$)",
    re.M,
)


# (a NamedTuple: a frozen dataclass costs five times as much to create at start-up; docs/performance.md)
class Suppression(NamedTuple):
    codes: tuple[str, ...]
    span: Span  # where the directive is written
    scope: Span | None  # None: the whole file


class _Directive(NamedTuple):
    kind: str
    codes: tuple[str, ...]
    span: Span
    line_start: int  # where its line starts and ends
    line_end: int
    line: int  # its 0-based line number


@lru_cache(maxsize=4)  # asked for every resolution of the text: read once per text
def _directives(text: str) -> tuple[_Directive, ...]:
    if "whereas:" not in text:  # every directive holds it (DIRECTIVE is case-sensitive)
        return ()
    out = []
    line, counted = 0, 0  # the line number at offset ``counted``
    for m in DIRECTIVE.finditer(text):
        codes = tuple(c for c in re.split(r"[\s,]+", m.group("codes").strip()) if c)
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        line += text.count("\n", counted, m.start())
        counted = m.start()
        out.append(
            _Directive(
                m.group("kind"), codes, Span(m.start(), m.end()), text.rfind("\n", 0, m.start()) + 1, line_end, line
            )
        )
    return tuple(out)


def find_suppressions(r: Resolution) -> list[Suppression]:
    out: list[Suppression] = []
    for d in _directives(r.source.text):
        start = d.span.start
        if d.kind == "ignore-file":
            # in this resolution, or in the first 50 lines before any
            if r.span.start <= start < r.span.end or (start < r.span.start and d.line < 50):
                out.append(Suppression(d.codes, d.span, None))
            continue
        same_line = [c for c in r.clauses if c.span.start <= d.line_end and d.line_start <= c.span.end]
        following = [c for c in r.clauses if c.span.start >= d.span.end]
        target = same_line[0] if same_line else (following[0] if following else None)
        if target is not None and (r.span.start <= start <= r.span.end or target is r.clauses[0]):
            out.append(Suppression(d.codes, d.span, target.span))
    return out


def matches(selector: str, code: str, name: str) -> bool:
    s = selector.strip()
    return s.lower() == "all" or s.lower() == name or code.startswith(s.upper())


class UnusedSuppression(Rule):
    """X001, reported by the lint engine itself (``whereas.lint.lint``) after the rules ran, not by a ``check()``."""

    code = "X001"
    name = "unused-suppression"
    origin = "engine"
    severity = Severity.warning
    summary = "A suppression comment that suppresses nothing."
    why = (
        "A `whereas: ignore` comment that matches no finding is noise, and it hides the next real finding of "
        'that rule in the clause (like Ruff\'s RUF100 `unused-noqa`). Turn it off with `ignore = ["X001"]`.'
    )
    bad = (
        "Resolution on X\n\n<!-- whereas: ignore W002 -->\nWhereas libraries serve everyone; now, therefore, be it\n\n"
        "Resolved, that ALA supports libraries.\n\nMover: A\nSeconder: B\n"
    )
    good = (
        "Resolution on X\n\nWhereas libraries serve everyone; now, therefore, be it\n\n"
        "Resolved, that ALA supports libraries.\n\nMover: A\nSeconder: B\n"
    )
    fix = FixAvailability.always("safe")
    fix_note = "Safe fix: remove the suppression comment."
    fix_scope = "finding"
    known_problems = (
        "A suppression is used only by the findings of the rules that ran: one naming a rule that the profile, "
        "`select` or `ignore` turned off is reported as unused."
    )


UNUSED_SUPPRESSION = UnusedSuppression()
