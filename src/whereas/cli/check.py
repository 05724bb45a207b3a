"""``whereas check PATH…``: lint resolutions, print findings, exit 0 / 1 / 2."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from whereas.cli import Command, root, terminal
from whereas.errors import UsageError
from whereas.readers.formats import walked_help

if TYPE_CHECKING:
    from rich.console import Console

    from whereas.errors import InputError
    from whereas.reports.text import RuleCounts
    from whereas.results import CheckOptions, CheckResult, FileResult, Totals

# The engine (whereas.api), rich and the reports are imported when used: every command pays for what
# it imports, and registering this one (for `whereas --version`, say) imports none of them.


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _selectors(values: list[str] | None) -> tuple[str, ...]:
    """``--select W,S001 --select R`` → ("W", "S001", "R")."""
    out: list[str] = []
    for v in values or ():
        out.extend(s.strip() for s in v.split(",") if s.strip())
    return tuple(out)


_SELECT_HELP = "Rule codes, code prefixes or rule names, comma-separated or repeated."


@root.command(cls=Command)
def check(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH...", help=f"Files or directories (walked for {walked_help()}); - reads standard input."
    ),
    profile: str | None = typer.Option(
        None, "--profile", "-p", help="Drafting profile: ala, ronr, congress, labor, city."
    ),
    select: list[str] | None = typer.Option(None, "--select", help=f"Run only these rules. {_SELECT_HELP}"),
    extend_select: list[str] | None = typer.Option(
        None, "--extend-select", help=f"Run these rules too. {_SELECT_HELP}"
    ),
    ignore: list[str] | None = typer.Option(None, "--ignore", help=f"Do not run these rules. {_SELECT_HELP}"),
    format: CheckFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="text (default; github when GITHUB_ACTIONS=true), json, jsonl (one finding per line), sarif, github, junit.",
    ),
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", help="Lowest severity that makes the exit code 1 (default: warning)."
    ),
    statistics: bool = typer.Option(
        False, "--statistics", help="Print the number of findings per rule instead of the findings."
    ),
    config: Path | None = typer.Option(
        None, "--config", help="Use this whereas.toml or pyproject.toml for every file."
    ),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes to .txt and .md files (verified: meaning kept)."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff, apply unsafe fixes too."),
    diff: bool = typer.Option(False, "--diff", help="Print the fixes as a unified diff; write nothing."),
    show_fixes: bool = typer.Option(False, "--show-fixes", help="With --fix, list the fixes applied and refused."),
    verify: bool = typer.Option(
        False, "--verify", help="Also verify quotations and citations against their sources (V codes)."
    ),
    archive: Path | None = typer.Option(
        None,
        "--archive",
        help="With --verify: the WARC evidence archive (default: .whereas/evidence.warc.gz beside each file).",
    ),
    offline: bool = typer.Option(
        False, "--offline", help="With --verify: answer only from the archive; never use the network."
    ),
    verbose: bool = typer.Option(False, "--verbose", help="Show the traceback of an internal error."),
    allow_host: list[str] | None = typer.Option(
        None,
        "--allow-host",
        metavar="HOST[:PORT]",
        help="With --verify: fetch from HOST (at PORT only, if given) even at a private or loopback address. Repeatable.",
    ),
    stdin_filename: str | None = typer.Option(
        None,
        "--stdin-filename",
        metavar="NAME",
        help="With -: the name of the file read from standard input (for its format, configuration and reports).",
    ),
) -> None:
    """Lint resolutions. Exit 0 when nothing reaches --fail-on, 1 when something does, 2 on bad input or usage."""
    from whereas.results import CheckOptions

    if format is None:
        format = CheckFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.text
    options = CheckOptions(
        profile=profile,
        select=_selectors(select) or None,
        extend_select=_selectors(extend_select),
        ignore=_selectors(ignore),
        fail_on=fail_on.value if fail_on else None,
        config=config,
        fix=fix or diff,
        unsafe_fixes=unsafe_fixes,
        write=not diff,
        verify=verify,
        archive=archive,
        offline=offline,
        allow_hosts=tuple(allow_host or ()),
    )
    if (archive is not None or offline or allow_host) and not verify:
        raise UsageError("--archive, --offline and --allow-host go with --verify")
    if unsafe_fixes and not (fix or diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    reading_stdin = [str(p) for p in paths] == ["-"]
    if "-" in [str(p) for p in paths] and not reading_stdin:
        raise UsageError("- (standard input) cannot be checked together with other paths")
    if stdin_filename is not None and not reading_stdin:
        raise UsageError("--stdin-filename goes with - (standard input)")
    if reading_stdin:
        sys.exit(_check_stdin(stdin_filename, options, format, statistics=statistics, diff=diff))
    if diff or show_fixes or format in (CheckFormat.github, CheckFormat.junit):
        # these reports are written once every file is checked
        from whereas.api import check_paths

        with _progress(paths, format):
            result = check_paths(paths, options)
        if fix or diff:
            _files_not_rewritten(result.files)
        if diff:
            code = _print_diff(result)
        else:
            _report(result, format, statistics=statistics, show_fixes=show_fixes, options=options)
            code = result.exit_code
        errors = result.errors
    else:  # written file by file, as each is checked
        with _progress(paths, format):
            totals = _report_each(paths, options, format, statistics=statistics)
        code, errors = totals.exit_code, totals.errors
    if verbose:
        _print_tracebacks(errors)
    sys.exit(code)  # click swallows typer.Exit codes when not standalone


def _render_file(fmt: CheckFormat, *, statistics: bool) -> Callable[[FileResult], bytes] | None:
    """The function that renders one file's part of the report where the file is checked (on every core), if any."""
    if statistics:
        return None
    if fmt is CheckFormat.text:
        if terminal():  # rich colours it, in this process
            return None
        from whereas.reports import text

        return text.render_file
    if fmt in (CheckFormat.json, CheckFormat.jsonl, CheckFormat.sarif):
        import importlib

        render_file: Callable[[FileResult], bytes] = importlib.import_module(f"whereas.reports.{fmt.value}").render_file
        return render_file
    return None


def _report_each(paths: list[Path], options: CheckOptions, fmt: CheckFormat, *, statistics: bool) -> Totals:
    """Check ``paths`` and write the report file by file, as each is checked (text, json, jsonl, sarif):
    what is kept is the totals (and, with ``--statistics``, the counts per rule), not the findings."""
    from whereas.api import check_each
    from whereas.results import CheckResult, Totals

    run = check_each(paths, options, render_file=_render_file(fmt, statistics=statistics))
    totals = Totals(errors=list(run.errors))
    word_files_warned = options.fix  # --fix: each Word file is said not to be rewritten

    def each() -> Iterator[FileResult]:
        for f in run.files:
            _warn_no_resolution(f)
            if word_files_warned:
                _files_not_rewritten([f])
            totals.add(f)
            yield f

    if statistics and fmt in (CheckFormat.text, CheckFormat.json, CheckFormat.jsonl):
        from whereas.reports.text import RuleCounts

        counts = RuleCounts()
        for f in each():
            counts.add(f)
        _print_statistics(counts, fmt, totals, options)
        return totals
    if fmt is CheckFormat.text:
        from whereas.reports import text

        if not terminal():  # plain text, rendered where each file was checked: written without rich
            sys.stdout.flush()
            for f in each():
                # rendered where it was checked, unless its findings changed since (--verify adds some)
                data = f.rendered if f.rendered is not None or f.error is not None else text.render_file(f)
                if data:
                    sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            if totals.errors:
                text.print_errors(_stderr(), CheckResult([], totals.errors))
            lines = text.summary(totals, unsafe_fixes=options.unsafe_fixes, fixing=options.fix, markup=False)
            sys.stdout.write("".join(f"{line}\n" for line in lines))
            return totals
        from rich.console import Console

        out = Console(highlight=False, soft_wrap=True)
        for f in each():
            text.print_findings(out, CheckResult([f], []))
        text.print_errors(_stderr(), CheckResult([], totals.errors))
        for line in text.summary(totals, unsafe_fixes=options.unsafe_fixes, fixing=options.fix):
            out.print(line)
        return totals
    sys.stdout.flush()
    buffer = sys.stdout.buffer
    if fmt is CheckFormat.sarif:
        from whereas.reports import sarif

        log = sarif.Stream(buffer)
        for f in each():
            log.add(f)
        log.close(totals.errors)
    elif fmt is CheckFormat.jsonl:
        from whereas.reports import jsonl

        jsonl.write_each(each(), buffer)
    else:
        from whereas.reports import json as json_report  # (and json: not for the text report)

        json_report.write_each(each(), buffer)
    buffer.flush()
    if totals.errors:
        from whereas.reports import text

        text.print_errors(_stderr(), CheckResult([], totals.errors))  # machine formats keep stdout parseable
    return totals


def _print_statistics(counts: RuleCounts, fmt: CheckFormat, totals: Totals, options: CheckOptions) -> None:
    """``--statistics``: the findings per rule, most frequent first (a JSON array, or JSON lines)."""
    from whereas.reports import text
    from whereas.results import CheckResult

    if fmt is CheckFormat.text:
        from rich.console import Console

        out = Console(highlight=False, soft_wrap=True)
        text.statistics(out, counts)
        text.print_errors(_stderr(), CheckResult([], totals.errors))
        for line in text.summary(totals, unsafe_fixes=options.unsafe_fixes, fixing=options.fix):
            out.print(line)
        return
    import json
    from collections import Counter

    by_rule: Counter[tuple[str, str]] = Counter()
    for (code, name, _), n in counts.counts.items():
        by_rule[code, name] += n
    rows = [{"code": c, "name": n, "count": k} for (c, n), k in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))]
    if fmt is CheckFormat.jsonl:
        sys.stdout.write("".join(json.dumps(row) + "\n" for row in rows))
    else:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
    if totals.errors:
        text.print_errors(_stderr(), CheckResult([], totals.errors))


def _warn_no_resolution(f: FileResult) -> None:
    if f.error is None and f.resolutions == 0 and not f.walked:
        _stderr().print(f"[yellow]warning[/]: {_escape(f.path)}: no resolution found (no Whereas or Resolved clause)")


def _report(
    result: CheckResult, fmt: CheckFormat, *, statistics: bool, show_fixes: bool, options: CheckOptions
) -> None:
    """The report of a whole result (standard input; --show-fixes; github and junit)."""
    for f in result.files:
        _warn_no_resolution(f)
    if fmt is CheckFormat.text:
        from rich.console import Console

        from whereas.reports import text

        out = Console(highlight=False, soft_wrap=True)
        if statistics:
            text.statistics(out, result)
        else:
            text.print_findings(out, result)
        if show_fixes and options.fix:
            _print_fixes(out, result)
        text.print_errors(_stderr(), result)
        for line in text.summary(result, unsafe_fixes=options.unsafe_fixes, fixing=options.fix):
            out.print(line)
        return
    if fmt is not CheckFormat.github and result.errors:
        from whereas.reports import text

        text.print_errors(_stderr(), result)  # machine formats keep stdout parseable
    if statistics and fmt in (CheckFormat.json, CheckFormat.jsonl):
        from whereas.reports.text import RuleCounts
        from whereas.results import Totals

        _print_statistics(RuleCounts.of(result), fmt, Totals(), options)
        return
    if fmt is CheckFormat.json:
        from whereas.reports import json as json_report

        json_report.write(result, sys.stdout)
        return
    import importlib

    module = importlib.import_module(f"whereas.reports.{fmt.value}")
    sys.stdout.write(module.render(result))


def _check_stdin(name: str | None, options: CheckOptions, fmt: CheckFormat, *, statistics: bool, diff: bool) -> int:
    """``whereas check -``: the text read from standard input, checked as the file ``name``.  With
    --fix the text (fixed) goes to standard output and the report to standard error."""
    import contextlib

    from whereas.api import check_text

    data = sys.stdin.buffer.read()
    result = check_text(data, name, options)
    if diff:
        return _print_diff(result)
    if not options.fix:
        _report(result, fmt, statistics=statistics, show_fixes=False, options=options)
        return result.exit_code
    f = result.files[0]
    if f.error is None:
        sys.stdout.buffer.write(f.fixed.encode("utf-8") if f.fixed is not None else data)
        sys.stdout.flush()
    with contextlib.redirect_stdout(sys.stderr):
        _report(result, fmt, statistics=statistics, show_fixes=False, options=options)
    return result.exit_code


def _print_tracebacks(errors: list[InputError]) -> None:
    """The traceback of each internal error (``--verbose``), after the report."""
    for e in errors:
        detail = getattr(e, "detail", "")
        if detail:
            sys.stderr.write(f"{e.path}: internal error:\n{detail}")


#: from this many files on, ``check`` shows that it is working (on a terminal's standard error only)
PROGRESS_MIN_FILES = 8


def _progress(paths: list[Path], fmt: CheckFormat) -> contextlib.AbstractContextManager[object]:
    """A transient "checking N files" line with a spinner and the time taken, on standard error when
    it is a terminal and many files are checked; nothing in a pipe, a file or CI."""
    if not terminal(sys.stderr) or os.environ.get("CI") or fmt is CheckFormat.github:
        return contextlib.nullcontext()
    from rich.console import Console

    err = Console(stderr=True)
    from whereas.files import Files

    n = sum(1 for _ in Files(paths))  # counted, not listed
    if n < PROGRESS_MIN_FILES:
        return contextlib.nullcontext()
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(
        SpinnerColumn(), TextColumn(f"checking {n} files"), TimeElapsedColumn(), console=err, transient=True
    )
    progress.add_task("check", total=None)
    return progress


def _stderr() -> Console:
    """A Console on stderr (rich is imported only when something is printed there)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _print_fixes(out: Console, result: CheckResult) -> None:
    escape = _escape
    for f in result.files:
        for d in f.applied:
            out.print(f"fixed: {escape(f.path)}: {d.code} \\[{d.name}] {escape(d.fix.message if d.fix else d.message)}")
        for d, why in f.dropped:
            out.print(
                f"[yellow]not fixed[/]: {escape(f.path)}:{d.start.line}:{d.start.column}: {d.code} — {escape(why)}"
            )


def _files_not_rewritten(files: list[FileResult]) -> None:
    """One line per Word file given to --fix/--diff, and per PDF, OpenDocument, HTML or XML file with a fix: it is never rewritten,
    and what to use instead."""
    from whereas.format import QUOTED_PRINTABLE_REFUSAL
    from whereas.results import is_read_only_file, is_word_file

    for f in files:
        if f.error is None and is_word_file(f.path):
            review = f"`whereas review {f.path}` shows the fixes as tracked changes, " if f.format == "docx" else ""
            _stderr().print(
                _escape(
                    f"{f.path}: Word files are never rewritten in place; {review}"
                    f"`whereas format {f.path}` writes a clean copy"
                )
            )
        elif f.error is None and f.format == "quoted-printable" and f.tally().safe_fixes + f.tally().unsafe_fixes:
            _stderr().print(_escape(f"{f.path}: --fix cannot write into it: {QUOTED_PRINTABLE_REFUSAL}"))
        elif f.error is None and is_read_only_file(f.path) and f.tally().safe_fixes + f.tally().unsafe_fixes:
            _stderr().print(
                _escape(
                    f"{f.path}: --fix cannot write into a PDF, OpenDocument, HTML or XML file; "
                    f"`whereas render --to md {f.path}` writes a copy to edit"
                )
            )


def _print_diff(result: CheckResult) -> int:
    """Unified diffs of what --fix would write; exit 1 if there is any, 2 on input errors."""
    from whereas.reports.diff import unified_diff

    changed = 0
    for f in result.files:
        if f.original is None or f.fixed is None:
            continue
        changed += 1
        sys.stdout.writelines(unified_diff(f.original, f.fixed, f"a/{f.path}", f"b/{f.path}"))
    sys.stdout.flush()  # the diff before the summary, on a terminal showing both
    from whereas.reports import text

    err = _stderr()
    text.print_errors(err, result)
    n = sum(len(f.applied) for f in result.files)
    err.print(f"Would fix {n} finding{'' if n == 1 else 's'} in {changed} file{'' if changed == 1 else 's'}.")
    if result.errors:
        return 2
    return 1 if changed else 0
