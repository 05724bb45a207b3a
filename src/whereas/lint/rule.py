"""What a rule is: a small object with a code, a name, its documentation and a ``check()``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

from whereas.lint.diagnostic import Diagnostic, Edit, Fix, Severity
from whereas.lint.profiles import Profile
from whereas.model import Clause, Resolution, Span

ALL_PROFILES = ("ala", "ronr", "congress", "labor", "city")


@dataclass
class Context:
    """What a rule sees: one resolution, the profile, and the rule's options.

    ``quoted``: the source spans of the resolution's quotations with their marks
    (:func:`quotation_spans`), found on first use when not given; the lint engine finds them once
    for all the rules of a resolution.  Not frozen: the engine makes a context per rule and
    resolution, and a frozen dataclass's __init__ is several times slower.
    """

    resolution: Resolution
    profile: Profile
    options: dict[str, Any] = field(default_factory=dict)
    quoted: tuple[Span, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.resolution.source.text

    @property
    def _quoted(self) -> tuple[Span, ...]:
        if self.quoted is None:
            self.quoted = quotation_spans(self.resolution)
        return self.quoted

    def quoted_spans(self) -> list[Span]:
        """Source spans of quoted words (with their marks): evidence no rule rewrites."""
        return list(self._quoted)

    def in_quotation(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return any(s.start < end and start < s.end for s in self._quoted)


def quotation_spans(resolution: Resolution) -> tuple[Span, ...]:
    """The source spans of ``resolution``'s quotations, each widened by a character on either side (its marks)."""
    return tuple(Span(max(q.span.start - 1, 0), q.span.end + 1) for q in resolution.quotations)


@lru_cache(maxsize=2048)  # several rules ask it of the same clause text
def capitals_share(text: str) -> float:
    """The share of letters in ``text`` that are capitals (0 when it has no letters)."""
    letters = _NOT_LETTER.sub("", text)
    return sum(map(str.isupper, letters)) / len(letters) if letters else 0.0


_NOT_LETTER = re.compile(r"[\W\d_]+")


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.error
    profiles: ClassVar[tuple[str, ...]] = ALL_PROFILES
    summary: ClassVar[str]  # one line: what it finds
    why: ClassVar[str]  # why it matters, with the guideline it comes from
    bad: ClassVar[str]  # a resolution (text) that the rule flags
    good: ClassVar[str]  # the same resolution, fixed
    fix_note: ClassVar[str] = "No automatic fix."
    options: ClassVar[dict[str, str]] = {}  # option name → description
    #: where the rule's fixes may edit (see ``whereas.lint.safety``): "clause" (the clause the finding
    #: names, with its call-outs, inline notes, connector and the white space around them), "element"
    #: (any element of the resolution, or the white space between two), "notes" (the note call-outs,
    #: inline notes and the end of the file), "finding" (the finding's own span)
    fix_scope: ClassVar[str] = "clause"
    #: the keyword forms (``Keyword.form``) of the clauses the rule's fixes may edit (None: any)
    fix_forms: ClassVar[tuple[str, ...] | None] = None
    #: fix only clauses whose keyword word opens them ("Resolved, that", not "BE IT RESOLVED")
    fix_plain: ClassVar[bool] = False

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def may_fix(self, clause: Clause) -> bool:
        """Whether the structure is sure enough of ``clause`` for this rule to fix it: its keyword was
        not read through damage, and is of a form the rule's fixes know."""
        kw = clause.keyword
        if kw.damaged:
            return False
        if self.fix_forms is not None and kw.form not in self.fix_forms:
            return False
        return kw.plain or not self.fix_plain

    def diagnostic(
        self,
        ctx: Context,
        span: Span,
        message: str,
        fix: Fix | None = None,
        clause: Clause | None = None,
    ) -> Diagnostic:
        if fix is not None and clause is not None and not self.may_fix(clause):
            fix = None  # a clause the structure is unsure of gets no fix
        return Diagnostic(
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            source=ctx.resolution.source,
            span=span,
            fix=fix,
            clause=clause.ref if clause else None,
        )


def replace_fix(message: str, start: int, end: int, text: str, *, safe: bool = True) -> Fix:
    return Fix(message, (Edit(start, end, text),), "safe" if safe else "unsafe")


def keyword_span(clause: Clause, pattern: re.Pattern[str]) -> tuple[Span, re.Match[str]] | None:
    """Source span of a regex match at the start of a clause's cleaned text."""
    m = pattern.match(clause.text)
    if not m:
        return None
    return clause.mapped.source_span(m.start(), m.end()), m
