"""The public verbs: :func:`parse`, :func:`check`, :func:`verify` and :func:`render`.

Each verb reads the files it is given (``whereas.files``, ``whereas.readers``), builds resolutions
(``whereas.structure``) and hands them to the layer that does the work (``whereas.lint``,
``whereas.verify``, ``whereas.render``).  What ``check`` is asked and answers are the types of
``whereas.results``.  Nothing below this module imports it (``tests/test_layers.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from whereas.errors import InputError, UsageError, about_file
from whereas.files import Files, write_back
from whereas.lint import Diagnostic, Severity, lint
from whereas.lint.settings import Configs, Settings
from whereas.model import Resolution
from whereas.readers import read_bytes, read_path, read_string
from whereas.readers.base import View
from whereas.readers.formats import FIX_IN_PLACE
from whereas.results import CheckOptions, CheckResult, CheckRun, FileResult, RenderFile
from whereas.structure import build

if TYPE_CHECKING:
    from whereas.review import ReviewResult
    from whereas.verify.check import Progress
    from whereas.verify.result import VerifyResult

__all__ = [
    "CheckOptions",
    "CheckResult",
    "CheckRun",
    "FileResult",
    "check",
    "check_each",
    "check_paths",
    "parse",
    "parse_view",
    "render",
    "verify",
]


def parse_view(view: View) -> list[Resolution]:
    return build(view.source())


def parse(path_or_text: str | Path) -> list[Resolution]:
    """Every resolution in a file (given its path) or in a text (given the text itself).

    A ``str`` is taken as a path when it names an existing file and holds no line break;
    otherwise it is the resolution's text.
    """
    if isinstance(path_or_text, Path) or ("\n" not in path_or_text and Path(path_or_text).is_file()):
        return parse_view(read_path(path_or_text))
    return parse_view(read_string(path_or_text))


# ---------------------------------------------------------------------------------------------
# check: lint files with the settings of their closest configuration file

#: Below this many files, checking stays in one process (starting workers costs more than it saves).
PARALLEL_MIN_FILES = 16


def check(
    paths: Iterable[str | Path], options: CheckOptions | None = None, *, render_file: RenderFile = None
) -> CheckResult:
    """Lint every resolution in ``paths`` (files, or directories to walk).

    Each file gets the settings of its closest ``whereas.toml`` / ``pyproject.toml [tool.whereas]``
    (or of ``options.config``), overridden by ``options``. Files that cannot be found or read are
    recorded in ``errors`` and the others are still checked. A bad option or configuration raises
    :class:`UsageError`.  ``render_file`` (module-level, to reach worker processes) is called on each
    file's result where the file is checked, and what it returns kept as ``FileResult.rendered``.
    """
    return check_each(paths, options, render_file=render_file).result()


def check_each(
    paths: Iterable[str | Path], options: CheckOptions | None = None, *, render_file: RenderFile = None
) -> CheckRun:
    """:func:`check`, one file at a time, in order, each result not kept once handed on: flat memory.  A bad
    option raises here.  (With ``options.verify``, all are checked, then verified together, then handed on.)"""
    from whereas.parallel import check_each as each  # here: parse, verify and render do not need it

    options = options or CheckOptions()
    configs = Configs(options.overrides, options.config)  # a bad profile, fail level or --config raises here
    if options.allow_hosts:
        from whereas.verify.addresses import allowed_hosts

        allowed_hosts(options.allow_hosts, source="--allow-host")
    files = Files(paths)  # walked as the files are checked, not listed first
    jobs = (_Job(path, *configs.for_file(path), walked, options, render_file) for path, walked in files)
    if options.verify:  # all checked, then verified together
        listed = list(jobs)
        checked = list(each(listed, _check_one, min_parallel=PARALLEL_MIN_FILES))
        return CheckRun(list(files.errors), iter(_add_verification(checked, options, listed)))
    return CheckRun(list(files.errors), each(jobs, _check_one, min_parallel=PARALLEL_MIN_FILES))


#: the name ``check`` had first (``whereas.api.check_paths``)
check_paths = check


def check_text(data: bytes, name: str | None = None, options: CheckOptions | None = None) -> CheckResult:
    """Lint a file's content given as bytes (``whereas check -``: standard input) as if it were the file
    ``name``: the name decides the format where the content leaves it open, finds the configuration and
    names the file in reports.  Fixes are computed (``FileResult.fixed``), never written anywhere."""
    options = replace(options or CheckOptions(), write=False)
    if options.verify:
        raise UsageError("--verify reads files: it cannot verify standard input")
    configs = Configs(options.overrides, options.config)  # a bad profile, fail level or --config raises here
    path = Path(name or "-")
    config_path, settings, fail_on = configs.for_file(path if name else Path.cwd() / "-")
    result = _check_one(_Job(path, config_path, settings, fail_on, False, options, data=data))
    return CheckResult([result], [result.error] if result.error is not None else [])


# (a NamedTuple: a frozen dataclass costs five times as much to create at start-up; docs/performance.md)
class _Job(NamedTuple):
    path: Path
    config: Path | None
    settings: Settings
    fail_on: Severity
    walked: bool
    options: CheckOptions
    render_file: RenderFile = None
    data: bytes | None = None  # the content, when it is not read from ``path`` (standard input)


def _check_one(job: _Job) -> FileResult:
    """One file's result; a file that cannot be read, or meets a bug, is an error of its own
    (its findings dropped), and the other files are still checked."""
    path = str(job.path)
    try:
        with about_file(path):
            result = FileResult(path, fail_on=job.fail_on, config=job.config, walked=job.walked)
            _check_file(result, job)
            return result
    except InputError as exc:
        return FileResult(path, fail_on=job.fail_on, config=job.config, walked=job.walked, error=exc)


def _check_file(result: FileResult, job: _Job) -> None:
    view = read_path(job.path) if job.data is None else read_bytes(job.data, str(job.path))  # bytes: stdin
    resolutions = parse_view(view)
    result.resolutions = len(resolutions)
    settings = job.settings
    if settings.profile_source == "default" and resolutions:
        from whereas.lint.infer import settings_for  # with the rules, when a first file is checked

        settings, result.profile_reason = settings_for(resolutions, view.format, settings)
    else:
        result.profile_reason = {"option": "--profile", "config": f"configured in {job.config}"}.get(
            settings.profile_source, "the default"
        )
    result.profile, result.format = settings.profile.name, view.format
    diagnostics = lint(resolutions, settings)
    if job.options.fix and view.format in FIX_IN_PLACE and any(d.fix is not None for d in diagnostics):
        diagnostics = _apply_fixes(result, view, settings, resolutions, job.options)
    result.diagnostics = diagnostics
    if job.render_file is not None:
        result.rendered = job.render_file(result)


def _apply_fixes(
    result: FileResult, view: View, settings: Settings, built: list[Resolution], options: CheckOptions
) -> list[Diagnostic]:
    """Fix what can be fixed (verified by ``whereas.lint.fix``); the findings left are those of the fixed text.
    Only a text or Markdown file (another's text view is a reader's) with a finding that has a fix (without
    one, fixing finds what checking found), starting from the resolutions checking ``built``."""
    from whereas.lint.fix import fix_source

    fixed = fix_source(view.source(), settings, unsafe=options.unsafe_fixes, built=built)
    result.applied = list(fixed.applied)
    result.dropped = list(fixed.dropped)
    if fixed.changed:
        result.original, result.fixed = fixed.original, fixed.text
        result.fixes_applied = len(fixed.applied)
        if options.write:
            write_back(Path(result.path), fixed.text, named=not result.walked)
    return list(fixed.remaining)


def _add_verification(results: list[FileResult], options: CheckOptions, jobs: list[_Job]) -> list[FileResult]:
    """Fold ``whereas verify``'s findings into each file's diagnostics (V codes)."""
    from whereas.lint.suppress import matches
    from whereas.verify.findings import Finding, findings, to_diagnostics

    checked = [r for r in results if r.error is None and r.resolutions]
    if not checked:
        return results
    configured = [h for job in jobs for h in job.settings.allow_hosts]
    outcome = verify(
        [r.path for r in checked],
        archive=options.archive,
        offline=options.offline,
        allow_hosts=tuple(dict.fromkeys([*options.allow_hosts, *configured])),
        use_config=False,  # allow_hosts holds the configured ones already
    )

    def wanted(d: Diagnostic) -> bool:
        return not any(matches(s, d.code, d.name) for s in options.ignore) and (
            not options.select or any(matches(s, d.code, d.name) for s in (*options.select, *options.extend_select))
        )

    by_file: dict[str, list[Finding]] = {}
    for f in findings(outcome):
        by_file.setdefault(f.path or "", []).append(f)
    # each file on its own: a file whose findings cannot be placed is that file's error, the others go on
    for r in checked:
        try:
            with about_file(r.path):
                source = read_path(r.path).source()
                mine = [d for d in to_diagnostics(outcome, {r.path: source}, by_file.get(r.path, [])) if wanted(d)]
        except InputError as exc:
            r.error, r.diagnostics = exc, []
            continue
        if mine:
            r.diagnostics = sorted([*r.diagnostics, *mine], key=lambda d: (d.span.start, d.code))
    return results


# ---------------------------------------------------------------------------------------------
# verify: check every quotation and citation against the cited source (see docs/verify/README.md)

_DEFAULT_WAYBACK = "https://archive.org/wayback/available"  # verify.check's (not imported: it loads httpx)


def verify(
    resolutions_or_path: str | Path | Resolution | Iterable[str | Path | Resolution],
    *,
    archive: str | Path | None | bool = None,
    offline: bool = False,
    refresh: bool = False,
    wayback_url: str | None = _DEFAULT_WAYBACK,
    timeout: float = 60.0,
    concurrency: int = 16,
    per_host: int = 4,
    allow_hosts: Iterable[str] = (),
    use_config: bool = True,
    progress: Progress | None = None,
) -> VerifyResult:
    """Fetch every cited source and check every quotation and cited title against it.

    ``resolutions_or_path``: a file or directory path, a :class:`Resolution`, or a list of
    either. ``archive``: the WARC evidence file (default ``.whereas/evidence.warc.gz`` next to
    each checked file; ``False`` for none). ``offline`` answers only from the archive;
    ``refresh`` fetches again what is archived. ``wayback_url`` (``None``: never) is the
    Wayback Machine availability API asked about dead and unreachable URLs. ``timeout`` is the
    wall-clock deadline per URL; ``concurrency`` and ``per_host`` bound requests in flight.
    Private, loopback and other non-public addresses are never fetched (docs/verify/README.md,
    "Which addresses whereas will fetch") except from the hosts in ``allow_hosts`` (``HOST`` or
    ``HOST:PORT``) and, when ``use_config``, in the ``[verify] allow-hosts`` of the configuration
    closest to each file given by path.
    Unreadable files are recorded in ``result.errors`` (exit code 2); a bad option raises
    :class:`UsageError`.
    """
    from whereas.verify.check import VerifyOptions, verify_paths
    from whereas.verify.fetch import FetchOptions

    hosts = (allow_hosts,) if isinstance(allow_hosts, str) else tuple(allow_hosts)
    fetch = FetchOptions.limits(timeout=timeout, concurrency=concurrency, per_host=per_host, allow_hosts=hosts)
    # a bad option raises UsageError here, before anything is read
    options = VerifyOptions(
        archive=archive, offline=offline, refresh=refresh, wayback_url=wayback_url or None, fetch=fetch
    )
    if isinstance(resolutions_or_path, str | Path | Resolution):
        return verify_paths([resolutions_or_path], options, use_config=use_config, progress=progress)
    return verify_paths(list(resolutions_or_path), options, use_config=use_config, progress=progress)


# ---------------------------------------------------------------------------------------------
# render: publish resolutions (Akoma Ntoso, HTML, Markdown, Word, JSON, PDF)


def render(resolutions: Resolution | Iterable[Resolution], to: str = "html", **options: object) -> str | bytes:
    """Render resolutions as ``to`` (akn, html, md, docx, json, pdf): ``str``, or ``bytes`` for docx/pdf.

    Options are the fields of :class:`whereas.render.RenderOptions` (``body=``, ``date=``, ``notes=``…).
    """
    from whereas.render import render as _render

    return _render(resolutions, to, **options)  # type: ignore[arg-type]  # passed through: RenderOptions takes the names, render() checks the values


# ---------------------------------------------------------------------------------------------
# review: a Word review copy, findings as comments and fixes as tracked changes (docs/review.md)


def review(path: str | Path, **options: object) -> ReviewResult:
    """Write the review copy of the Word file ``path`` (``FILE.reviewed.docx``); options are the fields
    of :class:`whereas.review.ReviewOptions` (``profile=``, ``verify=``, ``archive=``, ``offline=`` …)."""
    from whereas.review import ReviewOptions, review_path

    return review_path(path, ReviewOptions(**options))  # type: ignore[arg-type]  # passed through: ReviewOptions takes the names
