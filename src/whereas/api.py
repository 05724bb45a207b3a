"""The public verbs: parse and check (and, as they land, verify, render)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from whereas.errors import InputError, UsageError, about_file
from whereas.lint import Diagnostic, Severity, lint
from whereas.lint.settings import Settings, check_selectors, find_config, load_config, profile_named, settings_from
from whereas.model import Resolution, Source
from whereas.readers import read_path
from whereas.readers.base import View
from whereas.structure import build


def parse_view(view: View) -> list[Resolution]:
    return build(Source(view.text, view.format, view.path))


def parse(path_or_text: str | Path) -> list[Resolution]:
    """Every resolution in a file (given its path) or in a text (given the text itself).

    A ``str`` is taken as a path when it names an existing file and holds no line break;
    otherwise it is the resolution's text.
    """
    if isinstance(path_or_text, Path) or ("\n" not in path_or_text and Path(path_or_text).is_file()):
        return parse_view(read_path(path_or_text))
    from whereas.readers.text import is_markdown

    text = path_or_text
    return build(Source(text, "markdown" if is_markdown(text, None) else "text", None))


# ---------------------------------------------------------------------------------------------
# check: lint files with the settings of their closest configuration file


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


@dataclass
class FileResult:
    """One file's outcome.

    ``rendered``: this file's findings as a report renders them, in bytes (``check_paths(render_file=…)``),
    computed in the process that checked the file; cleared when ``diagnostics`` is replaced.
    Findings that come back from a worker process are rebuilt only when ``diagnostics`` is read.
    """

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
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
        packed = self.__dict__.get("_packed")
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


class Tally(NamedTuple):
    findings: int
    safe_fixes: int
    unsafe_fixes: int
    failing: int


_RANKS = {s.value: s.rank for s in Severity}


def _get_diagnostics(self: FileResult) -> list[Diagnostic]:
    state = self.__dict__
    packed = state.pop("_packed", None)
    if packed is not None:
        from whereas.parallel import unpack_diagnostics

        state["_diagnostics"] = unpack_diagnostics(packed)
    return state["_diagnostics"]


def _set_diagnostics(self: FileResult, value: list[Diagnostic]) -> None:
    state = self.__dict__
    state.pop("_packed", None)
    state["_diagnostics"] = value
    state["rendered"] = None


# A property over the dataclass field: the generated __init__, repr and eq go through it.
FileResult.diagnostics = property(_get_diagnostics, _set_diagnostics)  # type: ignore[assignment]


@dataclass
class CheckResult:
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


def fail_level(value: str, *, source: str = "--fail-on") -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError:
        raise UsageError(f"{source}: fail-on must be error, warning or info, not {value!r}") from None


class _Configs:
    """Configuration per file: the forced one, or the closest, each loaded once."""

    def __init__(self, options: CheckOptions) -> None:
        self.options = options
        self._cache: dict[Path | None, tuple[Settings, Severity]] = {}
        self._closest: dict[Path, Path | None] = {}  # folder → its closest configuration file
        self._by_parent: dict[Path, Path | None] = {}  # the same, by a (not resolved) file's parent
        if options.config is not None and not Path(options.config).is_file():
            raise UsageError(f"--config: {options.config}: no such file")

    def for_file(self, path: Path) -> tuple[Path | None, Settings, Severity]:
        config_path = Path(self.options.config) if self.options.config is not None else self._find(path)
        if config_path not in self._cache:
            self._cache[config_path] = self._load(config_path)
        return (config_path, *self._cache[config_path])

    def _find(self, path: Path) -> Path | None:
        """``find_config(path)``, looked up once per folder (a directory walk yields many files per folder)."""
        parent = path.parent
        if parent in self._by_parent and not path.is_symlink():
            return self._by_parent[parent]
        here = path.resolve()
        folder = here.parent if here.is_file() else here
        if folder not in self._closest:
            self._closest[folder] = find_config(folder)
        if not path.is_symlink():
            self._by_parent[parent] = self._closest[folder]
        return self._closest[folder]

    def _load(self, config_path: Path | None) -> tuple[Settings, Severity]:
        o = self.options
        config = load_config(config_path) if config_path is not None else {}
        if not isinstance(config, dict):
            raise UsageError(f"{config_path}: expected a table of settings")
        merged = dict(config)
        check_selectors(o.select or (), source="--select")
        check_selectors(o.extend_select, source="--extend-select")
        check_selectors(o.ignore, source="--ignore")
        if o.profile is not None:
            merged["profile"] = o.profile
        if o.select is not None:
            merged["select"] = list(o.select)
            merged.pop("ignore", None)
            merged.pop("extend-select", None)
        if o.extend_select:
            merged["extend-select"] = [*merged.get("extend-select", ()), *o.extend_select]
        if o.ignore:
            merged["ignore"] = [*merged.get("ignore", ()), *o.ignore]
        for key in ("select", "extend-select", "ignore"):
            if key in merged and (isinstance(merged[key], str) or not isinstance(merged[key], list | tuple)):
                raise UsageError(f'{config_path}: {key} must be a list of codes or names, e.g. {key} = ["W", "S001"]')
        source = str(config_path) if config_path is not None else "options"
        settings = settings_from(merged, source=source, profile_source="option" if o.profile is not None else "config")
        if o.fail_on is not None:
            fail_on = fail_level(o.fail_on)
        else:
            fail_on = fail_level(config.get("fail-on", "warning"), source=source)
        return settings, fail_on


def check_paths(
    paths: Iterable[str | Path],
    options: CheckOptions | None = None,
    *,
    render_file: Callable[[FileResult], bytes] | None = None,
) -> CheckResult:
    """Lint every resolution in ``paths`` (files, or directories to walk).

    Each file gets the settings of its closest ``whereas.toml`` / ``pyproject.toml [tool.whereas]``
    (or of ``options.config``), overridden by ``options``. Files that cannot be found or read are
    recorded in ``errors`` and the others are still checked. A bad option or configuration raises
    :class:`UsageError`.

    ``render_file`` (a module-level function, so that it reaches worker processes) is called on
    each file's result where the file is checked, and its return value kept as
    ``FileResult.rendered``: reports are then rendered on every core, not in this process alone.
    """
    from whereas.files import collect

    options = options or CheckOptions()
    if options.profile is not None:
        profile_named(options.profile)  # fail early, before reading anything
    if options.fail_on is not None:
        fail_level(options.fail_on)
    if options.allow_hosts:
        from whereas.verify.addresses import parse_allowed

        try:
            parse_allowed(options.allow_hosts)
        except ValueError as exc:
            raise UsageError(f"--allow-host: {exc}") from None
    configs = _Configs(options)
    collected = collect(paths)
    errors: list[InputError] = list(collected.errors)
    jobs = []
    for path in collected.files:
        config_path, settings, fail_on = configs.for_file(path)
        jobs.append(_Job(path, settings, fail_on, config_path, path in collected.walked, options, render_file))
    results = _run_jobs(jobs)
    if options.verify:
        configured = [h for job in jobs for h in job.settings.allow_hosts]
        _add_verification(results, options, tuple(dict.fromkeys([*options.allow_hosts, *configured])))
    errors.extend(r.error for r in results if r.error is not None)  # (verifying may have added one)
    return CheckResult(results, errors)


def check_text(data: bytes, name: str | None = None, options: CheckOptions | None = None) -> CheckResult:
    """Lint a file's content given as bytes (``whereas check -``: standard input) as if it were the file
    ``name``: the name decides the format where the content leaves it open, finds the configuration and
    names the file in reports.  Fixes are computed (``FileResult.fixed``), never written anywhere."""
    from dataclasses import replace

    options = replace(options or CheckOptions(), write=False)
    if options.verify:
        raise UsageError("--verify reads files: it cannot verify standard input")
    if options.profile is not None:
        profile_named(options.profile)
    if options.fail_on is not None:
        fail_level(options.fail_on)
    path = Path(name or "-")
    config_path, settings, fail_on = _Configs(options).for_file(path if name else Path.cwd() / "-")
    result = _check_one(_Job(path, settings, fail_on, config_path, False, options, data=data))
    return CheckResult([result], [result.error] if result.error is not None else [])


def _add_verification(results: list[FileResult], options: CheckOptions, allow_hosts: tuple[str, ...]) -> None:
    """Fold ``whereas verify``'s findings into each file's diagnostics (V codes)."""
    from whereas.verify.findings import findings, to_diagnostics

    checked = [r for r in results if r.error is None and r.resolutions]
    if not checked:
        return
    outcome = verify(
        [r.path for r in checked],
        archive=options.archive if options.archive is not None else None,
        offline=options.offline,
        allow_hosts=allow_hosts,
        use_config=False,  # allow_hosts holds the configured ones already
    )
    from whereas.lint.suppress import matches

    def wanted(d: Diagnostic) -> bool:
        return not any(matches(s, d.code, d.name) for s in options.ignore) and (
            not options.select or any(matches(s, d.code, d.name) for s in (*options.select, *options.extend_select))
        )

    by_file: dict[str, list] = {}
    for f in findings(outcome):
        by_file.setdefault(f.path or "", []).append(f)
    # each file on its own: a file whose findings cannot be placed is that file's error, the others go on
    for r in checked:
        try:
            with about_file(r.path):
                view = read_path(r.path)
                source = Source(view.text, view.format, view.path)
                mine = [d for d in to_diagnostics(outcome, {r.path: source}, by_file.get(r.path, [])) if wanted(d)]
        except InputError as exc:
            r.error, r.diagnostics = exc, []
            continue
        if mine:
            r.diagnostics = sorted([*r.diagnostics, *mine], key=lambda d: (d.span.start, d.code))


#: Below this many files, checking stays in one process (starting workers costs more than it saves).
PARALLEL_MIN_FILES = 16


@dataclass(frozen=True)
class _Job:
    path: Path
    settings: Settings
    fail_on: Severity
    config: Path | None
    walked: bool
    options: CheckOptions
    render_file: Callable[[FileResult], bytes] | None = None
    data: bytes | None = None  # the content, when it is not read from ``path`` (standard input)


def _run_jobs(jobs: list[_Job]) -> list[FileResult]:
    """Check every file, on every core when there are enough files (results in input order)."""
    import gc

    from whereas.parallel import cores, run_jobs

    workers = min(cores(), 8)
    # Checking allocates millions of small objects that reference counting frees; the cyclic collector
    # would scan the live ones (modules, settings, results so far) again and again.  While checking, it
    # runs less often and leaves alone what existed before (gc.freeze: also fewer pages copied in forked
    # workers).  Restored afterwards.
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], GC_THRESHOLD), *threshold[1:])
    try:
        if len(jobs) < PARALLEL_MIN_FILES or workers < 2:
            return [_check_one(job) for job in jobs]
        return run_jobs(jobs, _check_one, workers)
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


#: The cyclic collector's first threshold while checking (allocations between collections).
GC_THRESHOLD = 50_000


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
    if job.data is not None:
        from whereas.readers import read_bytes

        view = read_bytes(job.data, str(job.path))
    else:
        view = read_path(job.path)
    resolutions = parse_view(view)
    result.resolutions = len(resolutions)
    settings = job.settings
    if settings.profile_source == "default" and resolutions:
        settings, result.profile_reason = settings_for(resolutions, view.format, settings)
    else:
        result.profile_reason = {"option": "--profile", "config": f"configured in {job.config}"}.get(
            settings.profile_source, "the default"
        )
    result.profile = settings.profile.name
    diagnostics = lint(resolutions, settings)
    if job.options.fix and diagnostics:
        diagnostics = _apply_fixes(result, view, settings, diagnostics, job.options)
    result.diagnostics = diagnostics
    if job.render_file is not None:
        result.rendered = job.render_file(result)


def settings_for(resolutions: list[Resolution], fmt: str, settings: Settings) -> tuple[Settings, str]:
    """``settings`` with the profile inferred from the document (and adapted to it), and the reason."""
    from dataclasses import replace

    from whereas.lint.infer import adapt, infer_profile

    choice = infer_profile(resolutions, fmt)
    return replace(settings, profile=adapt(choice.profile, resolutions), profile_source="inferred"), choice.reason


def _apply_fixes(
    result: FileResult, view: View, settings: Settings, diagnostics: list[Diagnostic], options: CheckOptions
) -> list[Diagnostic]:
    """Fix what can be fixed (verified by ``whereas.lint.fix``); the findings left are those of the fixed text."""
    from whereas.lint.fix import FIXABLE_FORMATS, fix_source

    if view.format not in FIXABLE_FORMATS:
        return diagnostics  # the text view of a .docx/.pdf/… cannot be written back
    fixed = fix_source(Source(view.text, view.format, view.path), settings, unsafe=options.unsafe_fixes)
    result.applied = list(fixed.applied)
    result.dropped = list(fixed.dropped)
    if fixed.changed:
        result.original, result.fixed = fixed.original, fixed.text
        result.fixes_applied = len(fixed.applied)
        if options.write:
            write_back(Path(result.path), fixed.text)
    return list(fixed.remaining)


def write_back(path: Path, text: str) -> None:
    """Write fixed text with the file's own encoding, byte-order mark and line endings.

    ``path`` may be a symbolic link: the file it points at is rewritten and the link stays.
    """
    from whereas.files import write_atomically
    from whereas.readers.text import bom_encoding

    raw = path.read_bytes()
    encoding = bom_encoding(raw)  # UTF-16 or UTF-32
    if encoding is None and raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif encoding is None:
        try:
            raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    ending = line_ending(raw.decode(encoding, errors="replace"))
    if ending != "\n":
        text = text.replace("\n", ending)
    write_atomically(path, text.encode(encoding))


def line_ending(text: str) -> str:
    """The line ending most of ``text``'s lines end with: ``"\r\n"``, ``"\r"`` (classic Mac) or
    ``"\n"`` (also for a text without any)."""
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\r": text.count("\r") - crlf, "\n": text.count("\n") - crlf}
    best = max(counts, key=counts.__getitem__)  # a tie goes to CRLF, then CR
    return best if counts[best] else "\n"


# ---------------------------------------------------------------------------------------------
# verify: check every quotation and citation against the cited source (see docs/verify/README.md)

if TYPE_CHECKING:
    from whereas.verify.check import Progress
    from whereas.verify.result import VerifyResult

_DEFAULT_WAYBACK = "https://archive.org/wayback/available"


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
    import asyncio

    from whereas.verify.check import Document, VerifyOptions, verify_documents
    from whereas.verify.fetch import FetchOptions
    from whereas.verify.result import VerifyResult

    if timeout <= 0:
        raise UsageError("--timeout must be positive")
    if concurrency < 1 or per_host < 1:
        raise UsageError("--concurrency and --per-host must be at least 1")
    if offline and refresh:
        raise UsageError("--offline and --refresh cannot be used together")
    allow_hosts = (allow_hosts,) if isinstance(allow_hosts, str) else tuple(allow_hosts)
    from whereas.verify.addresses import parse_allowed

    try:
        parse_allowed(allow_hosts)
    except ValueError as exc:
        raise UsageError(f"--allow-host: {exc}") from None
    items: list[str | Path | Resolution]
    if isinstance(resolutions_or_path, str | Path | Resolution):
        items = [resolutions_or_path]
    else:
        items = list(resolutions_or_path)
    paths = [p for p in items if not isinstance(p, Resolution)]
    collected = None
    hosts = list(allow_hosts)
    if paths:
        from whereas.files import collect

        collected = collect(paths)
        if use_config:
            hosts += _configured_allow_hosts(collected.files)
    fetch = FetchOptions(
        concurrency=concurrency,
        per_host=per_host,
        deadline=timeout,
        connect_timeout=min(10.0, timeout),
        read_timeout=min(20.0, timeout),
        allow_hosts=tuple(dict.fromkeys(hosts)),
    )
    options = VerifyOptions(
        archive=archive, offline=offline, refresh=refresh, wayback_url=wayback_url or None, fetch=fetch
    )
    documents: list[Document] = []
    errors: list[InputError] = []
    loose: dict[str | None, list[Resolution]] = {}
    if collected is not None:
        errors.extend(collected.errors)
        for path in collected.files:
            try:
                with about_file(str(path)):
                    documents.append(Document(str(path), parse_view(read_path(path))))
            except InputError as exc:
                errors.append(exc)
    for r in items:
        if isinstance(r, Resolution):
            loose.setdefault(r.source.path, []).append(r)
    documents.extend(Document(p, rs) for p, rs in loose.items())
    reports, archives, requests = asyncio.run(verify_documents(documents, options, progress=progress))
    return VerifyResult(reports, errors, archives[-1] if archives else None, archives, requests)


def _configured_allow_hosts(files: Iterable[Path]) -> list[str]:
    """``[verify] allow-hosts`` of the configuration closest to each file (each read once)."""
    from whereas.lint.settings import verify_allow_hosts

    hosts: list[str] = []
    seen: set[Path | None] = set()
    for path in files:
        config_path = find_config(Path(path).parent)
        if config_path is None or config_path in seen:
            continue
        seen.add(config_path)
        hosts += verify_allow_hosts(load_config(config_path), source=str(config_path))
    return hosts


# ---------------------------------------------------------------------------------------------
# render: publish resolutions (Akoma Ntoso, HTML, Markdown, Word, JSON, PDF)


def render(resolutions: Resolution | Iterable[Resolution], to: str = "html", **options: object) -> str | bytes:
    """Render resolutions as ``to`` (akn, html, md, docx, json, pdf): ``str``, or ``bytes`` for docx/pdf.

    Options are the fields of :class:`whereas.render.RenderOptions` (``body=``, ``date=``, ``notes=``…).
    """
    from whereas.render import render as _render

    return _render(resolutions, to, **options)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# review: a Word review copy, findings as comments and fixes as tracked changes (docs/review.md)


def review(path: str | Path, **options: object):  # noqa: ANN201 - whereas.review.ReviewResult
    """Write the review copy of the Word file ``path`` (``FILE.reviewed.docx``); options are the fields
    of :class:`whereas.review.ReviewOptions` (``profile=``, ``verify=``, ``archive=``, ``offline=`` …)."""
    from whereas.review import ReviewOptions, review_path

    return review_path(path, ReviewOptions(**options))  # type: ignore[arg-type]
