"""What ``check`` is asked (:class:`CheckOptions`) and what it answers (:class:`CheckResult`, one
:class:`FileResult` per file): the types the verb returns and every report reads.

They sit below the verbs (``whereas.api``) and the reports (``whereas.reports``), which both import
them from here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, overload

from whereas.errors import InputError
from whereas.lint.diagnostic import Diagnostic, Severity
from whereas.lint.settings import Overrides


@dataclass(frozen=True)
class CheckOptions:
    """What the command line (or a caller) says, on top of each file's configuration.

    ``select`` replaces the configured selection (and drops the configured ``ignore`` and
    ``extend-select``, as a fresh selection does in Ruff); ``extend_select`` and ``ignore`` add to
    the configured ones; ``profile`` and ``fail_on`` replace. ``config`` forces one configuration
    file for every path instead of the closest one. ``fix`` applies safe fixes (and unsafe ones
    with ``unsafe_fixes``); ``write`` False computes the fixed text without writing it (``--diff``).
    ``verify`` also checks every quotation and citation against its source (``whereas verify``) and
    reports what it finds under V codes, with the evidence archive at ``archive`` (default: each
    file's ``.whereas/evidence.warc.gz``), never touching the network when ``offline``, and
    fetching from private or loopback addresses only for the hosts in ``allow_hosts`` (and in the
    configurations' ``[verify] allow-hosts``).
    """

    profile: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    config: Path | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    write: bool = True
    verify: bool = False
    archive: Path | None = None
    offline: bool = False
    allow_hosts: tuple[str, ...] = ()

    @property
    def overrides(self) -> Overrides:
        """What these options change in each file's configuration."""
        return Overrides(self.profile, self.select, self.extend_select, self.ignore, self.fail_on)


class Tally(NamedTuple):
    findings: int
    safe_fixes: int
    unsafe_fixes: int
    failing: int


_RANKS = {s.value: s.rank for s in Severity}


class _Findings:
    """``FileResult.diagnostics``: a list, except that the findings a worker process sent back packed
    (``whereas.parallel.unpack``) are rebuilt when first read.  Replacing them clears ``rendered``.

    A data descriptor as the dataclass field's default (the dataclasses documentation's "descriptor-typed
    fields"): the generated ``__init__``, ``repr`` and ``==`` go through it, and the field defaults to no
    findings.
    """

    @overload
    def __get__(self, result: None, owner: type | None = None) -> None: ...
    @overload
    def __get__(self, result: FileResult, owner: type | None = None) -> list[Diagnostic]: ...
    def __get__(self, result: FileResult | None, owner: type | None = None) -> list[Diagnostic] | None:
        if result is None:
            return None  # the field's default: FileResult(path) has no findings
        state = result.__dict__
        packed = state.pop("_packed", None)
        if packed is not None:
            from whereas.parallel import unpack_diagnostics

            state["_diagnostics"] = unpack_diagnostics(packed)
        found: list[Diagnostic] = state["_diagnostics"]
        return found

    def __set__(self, result: FileResult, value: list[Diagnostic] | None) -> None:
        state = result.__dict__
        state.pop("_packed", None)
        state["_diagnostics"] = [] if value is None else value
        state["rendered"] = None


@dataclass
class FileResult:
    """One file's outcome.

    ``rendered``: this file's findings as a report renders them, in bytes (``check_paths(render_file=…)``),
    computed in the process that checked the file; cleared when ``diagnostics`` is replaced.
    Findings that come back from a worker process are rebuilt only when ``diagnostics`` is read.
    """

    path: str
    diagnostics: _Findings = _Findings()  # a list[Diagnostic]: see _Findings
    fail_on: Severity = Severity.warning
    config: Path | None = None
    resolutions: int = 0
    walked: bool = False  # found by walking a directory (not named)
    error: InputError | None = None
    original: str | None = None  # the text before fixes, when fixes changed it
    fixed: str | None = None  # the text after fixes
    fixes_applied: int = 0
    applied: list[Diagnostic] = field(default_factory=list)  # the findings whose fixes were applied
    dropped: list[tuple[Diagnostic, str]] = field(default_factory=list)  # fixes refused, and why
    rendered: bytes | None = None
    #: the profile the file was checked with ("ronr"), and why ("inferred: no body's own style recognised …")
    profile: str = ""
    profile_reason: str = ""
    #: the format its text view was read in ("text", "pdf", "quoted-printable" …; "" when not read)
    format: str = ""

    @property
    def failing(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity.rank >= self.fail_on.rank]

    @property
    def fails(self) -> bool:
        """Whether a finding reaches ``fail_on`` (answered without rebuilding packed findings)."""
        return self.tally().failing > 0

    def tally(self) -> Tally:
        """How many findings, safe and unsafe fixes, and findings at the fail level (answered without
        rebuilding findings sent back packed by a worker process)."""
        packed: Any = self.__dict__.get("_packed")
        if packed is not None:
            from whereas.parallel import packed_kinds

            kinds = packed_kinds(packed)
        else:
            kinds = [(d.severity.value, d.fix.applicability if d.fix else None) for d in self.diagnostics]
        rank = self.fail_on.rank
        ranks = _RANKS
        return Tally(
            len(kinds),
            sum(1 for _, fix in kinds if fix == "safe"),
            sum(1 for _, fix in kinds if fix == "unsafe"),
            sum(1 for severity, _ in kinds if ranks[severity] >= rank),
        )


@dataclass
class CheckResult:
    """What a check found: each file's result, and the paths that could not be read."""

    files: list[FileResult]
    errors: list[InputError]  # paths that could not be found or read

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    @property
    def failing(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.failing]

    @property
    def fixes_applied(self) -> int:
        return sum(f.fixes_applied for f in self.files)

    @property
    def exit_code(self) -> int:
        """2 when a file could not be read, else 1 when a finding reaches its fail level, else 0."""
        if self.errors:
            return 2
        return 1 if any(f.fails for f in self.files) else 0


@dataclass
class CheckRun:
    """``whereas.api.check_each``'s answer: the paths that could not be found (known before any file is
    checked) and each file's result, in the order of the paths, as soon as it is checked."""

    errors: list[InputError]
    files: Iterator[FileResult]

    def result(self) -> CheckResult:
        """Every file's result, kept (and the errors of all)."""
        files = list(self.files)
        return CheckResult(files, [*self.errors, *(f.error for f in files if f.error is not None)])


#: a module-level function rendering one file's part of a report where it is checked (``check(render_file=…)``)
RenderFile = Callable[[FileResult], bytes] | None


def is_word_file(path: str) -> bool:
    """A Word file (never rewritten in place by ``--fix``: ``format`` writes a clean copy, ``review`` a .docx's
    review copy)."""
    return path.lower().endswith((".docx", ".doc"))


def is_read_only_file(path: str) -> bool:
    """A PDF, an OpenDocument file, a web page or an XML file: ``--fix`` and ``format`` cannot write into it
    (``render --to md`` makes a copy to edit)."""
    return path.lower().endswith((".pdf", ".odt", ".html", ".htm", ".xml"))


@dataclass
class Totals:
    """What a report says after the findings, counted file by file (:meth:`add`) as each is written,
    so that the results themselves can be dropped: ``whereas check`` over many files keeps these
    counts, not the files' findings.  Fixes are counted apart in Word files (never rewritten)."""

    files: int = 0
    findings: int = 0
    failing: int = 0  # findings at or above their file's fail level
    safe_fixes: int = 0
    unsafe_fixes: int = 0
    word_safe_fixes: int = 0
    word_unsafe_fixes: int = 0
    read_only_safe_fixes: int = 0  # in PDFs, OpenDocument, web pages and XML (see is_read_only_file)
    read_only_unsafe_fixes: int = 0
    fixes_applied: int = 0
    #: (profile, why) of each file with resolutions, counted
    profiles: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)  # paths that could not be found or read

    def add(self, f: FileResult) -> None:
        """Count one file's result (answered without rebuilding packed findings)."""
        self.files += 1
        if f.error is not None:
            self.errors.append(f.error)
        tally = f.tally()
        self.findings += tally.findings
        self.failing += tally.failing
        if is_word_file(f.path):
            self.word_safe_fixes += tally.safe_fixes
            self.word_unsafe_fixes += tally.unsafe_fixes
        elif is_read_only_file(f.path) or f.format == "quoted-printable":
            self.read_only_safe_fixes += tally.safe_fixes
            self.read_only_unsafe_fixes += tally.unsafe_fixes
        else:
            self.safe_fixes += tally.safe_fixes
            self.unsafe_fixes += tally.unsafe_fixes
        self.fixes_applied += f.fixes_applied
        if f.profile and f.resolutions:
            self.profiles[f.profile, f.profile_reason] += 1

    @classmethod
    def of(cls, result: CheckResult) -> Totals:
        """The totals of a whole result (its errors in its order)."""
        totals = cls()
        for f in result.files:
            totals.add(f)
        totals.errors = list(result.errors)
        return totals

    @property
    def exit_code(self) -> int:
        """As :attr:`CheckResult.exit_code`: 2 on an error, else 1 when a finding reaches its fail level, else 0."""
        if self.errors:
            return 2
        return 1 if self.failing else 0
