"""The rule tests' one helper: what a rule finds in a text, as exact ``(code, line, column)`` lists.

Modelled on yamllint's ``RuleTestCase.check`` and proselint's ``examples``: each case is a small document
and the complete list of findings expected in it, at 1-based line and column (where ``whereas check``
points). A pass case expects ``[]``; a fail case lists every finding, in the order reported, so a finding
too many, one too few or one a column off all fail the test.

    assert_findings(text, [("W001", 3, 1)], select="W001")

``Case`` is one row of a rule module's table (``CASES``); ``tests/rules/test_rule_coverage.py`` checks that
every rule code has pass and fail rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import whereas
from whereas.lint import Settings, lint
from whereas.lint.profiles import PROFILES
from whereas.model import Source
from whereas.structure import build

Finding = tuple[str, int, int]

#: a resolution the ALA profile finds nothing in (a title, recitals, the formula, a list, the sponsors)
ALA_CLEAN = """Resolution on Library Funding

Whereas libraries serve every community;

Whereas the American Library Association (ALA) supports public funding; and

Whereas funding has fallen; now, therefore, be it

Resolved, that the American Library Association (ALA), on behalf of its members:

1. urges Congress to restore funding;

2. encourages states to match it; and

3. thanks the libraries that kept their doors open.

Mover: Jane Doe, Councilor-at-Large
Seconder: John Roe, Chapter Councilor
"""

HEAD = "Resolution on Library Funding\n\n"
TAIL = "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n"
MOVER = "\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"


def doc(*recitals: str, notes: str = "") -> str:
    """A resolution with a title (line 1), ``recitals`` from line 3 on (every other line), one resolving
    clause, the sponsors, and ``notes`` after them."""
    body = "".join(f"Whereas {r}\n\n" for r in recitals)
    return HEAD + body + TAIL + MOVER + ("\n" + notes if notes else "")


def _settings(
    profile: str,
    select: str | Iterable[str] | None,
    options: Mapping[str, Mapping[str, Any]] | None,
    ignore: str | Iterable[str] = (),
) -> Settings:
    kw: dict[str, Any] = {"profile": PROFILES[profile], "ignore": _codes(ignore)}
    if select is not None:
        kw["select"] = _codes(select)
    if options:
        kw["options"] = {k: dict(v) for k, v in options.items()}
    return Settings(**kw)


def _codes(selectors: str | Iterable[str]) -> tuple[str, ...]:
    return (selectors,) if isinstance(selectors, str) else tuple(selectors)


def findings(
    text: str,
    *,
    profile: str = "ala",
    select: str | Iterable[str] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    ignore: str | Iterable[str] = (),
    format: str | None = None,
) -> list[Finding]:
    """Every finding in ``text`` as ``(code, line, column)``, in the order ``whereas check`` reports them.

    ``profile``: a profile's name (ala, ronr, congress, labor, city); ``select``: a code, name or prefix, or
    several (None: the profile's rules); ``ignore``: the same, not run; ``format``: read the text as this format ("text", "markdown", "pdf"…;
    None: as ``whereas.parse`` guesses from the text)."""
    resolutions = whereas.parse(text) if format is None else build(Source(text, format, None))
    found = lint(resolutions, _settings(profile, select, options, ignore))
    return [(d.code, d.start.line, d.start.column) for d in found]


def assert_findings(
    text: str,
    expected: list[Finding],
    *,
    profile: str = "ala",
    select: str | Iterable[str] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    ignore: str | Iterable[str] = (),
    format: str | None = None,
) -> None:
    """``text`` gives exactly the ``expected`` findings (codes, lines, columns and order)."""
    got = findings(text, profile=profile, select=select, options=options, ignore=ignore, format=format)
    assert got == expected, _explain(text, got, expected)


def _explain(text: str, got: list[Finding], expected: list[Finding]) -> str:
    lines = text.splitlines()
    out = [f"found    {got}", f"expected {expected}"]
    for code, line, column in sorted(set(got) ^ set(expected), key=lambda f: (f[1], f[2])):
        where = lines[line - 1] if 0 < line <= len(lines) else ""
        out.append(
            f"  {'extra' if (code, line, column) in got else 'missing'} {code} at {line}:{column}: "
            f"{where[max(column - 30, 0) : column - 1]!r} ^ {where[column - 1 : column + 30]!r}"
        )
    return "\n".join(out)


@dataclass(frozen=True)
class Case:
    """One row of a rule's table: ``text`` run with only ``code`` selected gives ``expected``."""

    code: str
    text: str
    expected: list[Finding]
    profile: str = "ala"
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    format: str | None = None
    #: the rules run (None: ``code`` alone); X001 needs the rules whose findings a suppression hides
    select: tuple[str, ...] | None = None
    #: what the case is about (its test id)
    about: str = ""

    @property
    def passes(self) -> bool:
        return not self.expected

    def check(self) -> None:
        assert_findings(
            self.text,
            self.expected,
            profile=self.profile,
            select=self.select or self.code,
            options=self.options,
            format=self.format,
        )


def ok(code: str, about: str, text: str, **kw: Any) -> Case:
    """A pass case: ``code`` finds nothing in ``text``."""
    return Case(code, text, [], about=about, **kw)


def bad(code: str, about: str, text: str, at: list[tuple[int, int]], **kw: Any) -> Case:
    """A fail case: ``code`` finds exactly the positions ``at`` (line, column) in ``text``."""
    assert at, "a fail case expects at least one finding"
    return Case(code, text, [(code, line, column) for line, column in at], about=about, **kw)


def case_id(case: Case) -> str:
    return f"{case.code}-{'ok' if case.passes else 'bad'}-{case.about}".replace(" ", "-")


def fixed(text: str, *, profile: str = "ala", select: str | Iterable[str] | None = None, unsafe: bool = False) -> str:
    """``text`` after ``whereas check --fix`` (``--unsafe-fixes`` with ``unsafe``): every fix the verifier
    accepts, applied until none is left."""
    from whereas.lint.fix import fix_source

    fmt = "markdown" if text.lstrip().startswith("#") else "text"
    return fix_source(Source(text, fmt, None), _settings(profile, select, None), unsafe=unsafe).text
