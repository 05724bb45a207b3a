"""Suppressions written in the document itself.

    <!-- whereas: ignore W006 -->         the next clause (or the clause on the same line)
    whereas: ignore W006, period-in-preamble
    <!-- whereas: ignore-file T004 -->    the whole file

Codes, code prefixes or rule names; ``all`` suppresses every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whereas.model import Resolution, Span

DIRECTIVE = re.compile(
    r"(?:<!--\s*|%\s*|//\s*|#\s*)?whereas:\s*(?P<kind>ignore-file|ignore|noqa)\s+(?P<codes>[A-Za-z0-9_,\s-]+?)\s*(?:-->|$)",
    re.M,
)


@dataclass(frozen=True)
class Suppression:
    codes: tuple[str, ...]
    span: Span  # where the directive is written
    scope: Span | None  # None: the whole file


def find_suppressions(r: Resolution) -> list[Suppression]:
    text = r.source.text
    out: list[Suppression] = []
    if "whereas:" not in text:  # every directive holds it (DIRECTIVE is case-sensitive)
        return out
    for m in DIRECTIVE.finditer(text):
        codes = tuple(c for c in re.split(r"[\s,]+", m.group("codes").strip()) if c)
        span = Span(m.start(), m.end())
        if m.group("kind") == "ignore-file":
            if r.span.start <= m.start() < r.span.end or _before_any(r, m.start()):
                out.append(Suppression(codes, span, None))
            continue
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        line_start = text.rfind("\n", 0, m.start()) + 1
        same_line = [c for c in r.clauses if c.span.start <= line_end and line_start <= c.span.end]
        following = [c for c in r.clauses if c.span.start >= m.end()]
        target = same_line[0] if same_line else (following[0] if following else None)
        if target is not None and (r.span.start <= m.start() <= r.span.end or target is r.clauses[0]):
            out.append(Suppression(codes, span, target.span))
    return out


def _before_any(r: Resolution, offset: int) -> bool:
    return offset < r.span.start and r.source.text[:offset].count("\n") < 50


def matches(selector: str, code: str, name: str) -> bool:
    s = selector.strip()
    return s.lower() == "all" or s.lower() == name or code.startswith(s.upper())
