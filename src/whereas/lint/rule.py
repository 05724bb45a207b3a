"""What a rule is: a small object with a code, a name, its documentation, what it declares (whether it
fixes, its options) and a ``check()``.

Rules declare; the core decides. A rule says whether its findings come with a fix (``fix``, a
:class:`FixAvailability`) and which options it takes (``Options``, see ``whereas.lint.options``); the
docs, ``whereas rule``, SARIF and the ``[*]`` marks read the declaration, and :func:`fix_applies` alone
decides whether ``--fix`` applies a finding's fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property, lru_cache
from typing import Any, ClassVar, Literal

from whereas.lint.diagnostic import Diagnostic, Edit, Fix, Severity
from whereas.lint.options import NoOptions, OptionDoc, describe, validate
from whereas.lint.profiles import Profile
from whereas.model import Clause, Resolution, Span
from whereas.patterns import lazy_compile

ALL_PROFILES = ("ala", "ronr", "congress", "labor", "city")

Applicability = Literal["safe", "unsafe"]


class Availability(str, Enum):
    """Whether a rule's findings come with a fix (Ruff's ``FixAvailability``)."""

    NONE = "none"  # never
    SOMETIMES = "sometimes"  # some findings have one, others are reported without
    ALWAYS = "always"  # every finding has one (unless the structure is unsure of the clause: ``Rule.may_fix``)


@dataclass(frozen=True)
class FixAvailability:
    """What a rule declares about its fixes: whether they come (``availability``) and of which kinds
    (``applicability``: safe fixes ``--fix`` applies, unsafe ones only with ``--unsafe-fixes``)."""

    availability: Availability = Availability.NONE
    applicability: tuple[Applicability, ...] = ()

    def __post_init__(self) -> None:
        if (self.availability is Availability.NONE) != (not self.applicability):
            raise ValueError("a rule that fixes names the kinds of its fixes (safe, unsafe); one that does not, none")

    @classmethod
    def always(cls, *applicability: Applicability) -> FixAvailability:
        return cls(Availability.ALWAYS, applicability or ("safe",))

    @classmethod
    def sometimes(cls, *applicability: Applicability) -> FixAvailability:
        return cls(Availability.SOMETIMES, applicability or ("safe",))

    @property
    def fixable(self) -> bool:
        return self.availability is not Availability.NONE

    @property
    def label(self) -> str:
        """In words, for the docs and ``whereas rule``: "no", "safe", "sometimes safe", "safe or unsafe"…"""
        if not self.fixable:
            return "no"
        kinds = " or ".join(self.applicability)
        return kinds if self.availability is Availability.ALWAYS else f"sometimes {kinds}"


NO_FIX = FixAvailability()


def fix_applies(fix: Fix | None, *, unsafe_fixes: bool = False) -> bool:
    """Whether ``--fix`` (with ``--unsafe-fixes`` or not) applies this fix: the one place that decides it, read by
    the fixer, the ``[*]`` marks and the counts of fixable findings."""
    return fix is not None and (fix.applicability == "safe" or unsafe_fixes)


@dataclass
class Context:
    """What a rule sees: one resolution, the profile, and the rule's options (an instance of its ``Options``).

    ``quoted``: the source spans of the resolution's quotations with their marks
    (:func:`quotation_spans`), found on first use when not given; the lint engine finds them once
    for all the rules of a resolution.  Not frozen: the engine makes one context per resolution and
    sets ``options`` to each rule's before it runs the rule (a context per rule and resolution was 2 %
    of ``format``); a rule reads its context while it runs, and keeps none of it.
    """

    resolution: Resolution
    profile: Profile
    options: Any = field(default_factory=NoOptions)
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


_NOT_LETTER = lazy_compile(r"[\W\d_]+")


class Rule:
    """A rule: what it finds, why, its examples, and what it declares.

    ``origin`` says who reports its findings: "rule" (its own ``check()``, run by the lint engine),
    "engine" (the lint engine itself: X001) or "verify" (the quotation and source verifier: the V codes).
    Every code, whatever its origin, is in ``whereas.lint.registry.REGISTRY``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.error
    profiles: ClassVar[tuple[str, ...]] = ALL_PROFILES
    summary: ClassVar[str]  # one line: what it finds
    why: ClassVar[str]  # why it matters, with the guideline it comes from
    bad: ClassVar[str]  # a resolution (text) that the rule flags
    good: ClassVar[str]  # the same resolution, fixed
    #: whether the rule's findings come with a fix, and of which kind: the one declaration the core reads
    fix: ClassVar[FixAvailability] = NO_FIX
    fix_note: ClassVar[str] = "No automatic fix."  # what the fix does, or why there is none (prose, for the docs)
    #: the rule's options: a frozen dataclass whose fields (``whereas.lint.options.option``) have defaults and docs
    Options: ClassVar[type] = NoOptions
    #: where the rule is known to be wrong or silent (Ruff's "Known problems"); empty when none is known
    known_problems: ClassVar[str] = ""
    origin: ClassVar[Literal["rule", "engine", "verify"]] = "rule"
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

    @cached_property
    def default_options(self) -> Any:
        return self.Options()

    def options_from(self, table: Mapping[str, Any]) -> Any:
        """The rule's ``Options`` from a configuration's ``[rules.CODE]`` table (``OptionError`` when wrong)."""
        return validate(self.Options, table) if table else self.default_options

    def option_docs(self) -> tuple[OptionDoc, ...]:
        return describe(self.Options)

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
