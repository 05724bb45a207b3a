"""Checking on every core gives exactly what checking in one process gives."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from whereas import api
from whereas.api import CheckOptions, FileResult, check_paths
from whereas.parallel import run_jobs
from whereas.reports import json as json_report

TEXT_FIXTURES = FIXTURES / "text"


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """Forty-odd files (the text fixtures, several times over), enough to go parallel."""
    files = sorted(TEXT_FIXTURES.iterdir())
    for copy in range(5):
        for f in files:
            shutil.copy(f, tmp_path / f"{copy}-{f.name}")
    (tmp_path / "broken.docx").write_bytes(b"not a zip at all")
    assert len(list(tmp_path.iterdir())) >= api.PARALLEL_MIN_FILES
    return tmp_path


def _serial(monkeypatch: pytest.MonkeyPatch, *args, **kwargs):
    with monkeypatch.context() as m:
        m.setattr(api, "PARALLEL_MIN_FILES", 10**9)
        return check_paths(*args, **kwargs)


def test_parallel_check_equals_serial(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = _serial(monkeypatch, [many])
    parallel = check_paths([many])
    assert [f.path for f in parallel.files] == [f.path for f in serial.files]
    assert [d.as_dict() for d in parallel.diagnostics] == [d.as_dict() for d in serial.diagnostics]
    assert len(parallel.diagnostics) > 10  # (something to compare: the fixtures' findings, five times over)
    assert [str(e) for e in parallel.errors] == [str(e) for e in serial.errors]
    assert any("broken.docx" in str(e) for e in parallel.errors)
    assert parallel.exit_code == serial.exit_code == 2


def test_reports_rendered_in_workers_equal_the_plain_ones(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = json_report.render(_serial(monkeypatch, [many]))
    rendered = check_paths([many], render_file=json_report.render_file)
    assert all(f.rendered is not None for f in rendered.files if f.error is None)
    assert json_report.render(rendered) == plain
    # replacing a file's findings drops what was rendered from the old ones
    first = next(f for f in rendered.files if f.diagnostics)
    first.diagnostics = first.diagnostics[:1]
    assert first.rendered is None
    assert json_report.render(rendered).count('"code"') == plain.count('"code"') - (
        len(_serial(monkeypatch, [Path(first.path)]).diagnostics) - 1
    )


def test_exit_status_and_counts_are_answered_from_packed_findings(many: Path) -> None:
    result = check_paths([many], CheckOptions(fail_on="error"))
    statuses = [f.fails for f in result.files]  # before any finding is rebuilt
    tallies = [f.tally() for f in result.files]
    assert any("_packed" in vars(f) for f in result.files)  # some came back from a worker
    assert statuses == [bool(f.failing) for f in result.files]
    for f, tally in zip(result.files, tallies, strict=False):
        assert tally == f.tally()  # now from the rebuilt findings
        assert tally.findings == len(f.diagnostics) and tally.failing == len(f.failing)
        fixes = [d.fix.applicability for d in f.diagnostics if d.fix]
        assert (tally.safe_fixes, tally.unsafe_fixes) == (fixes.count("safe"), fixes.count("unsafe"))
    assert sum(t.failing for t in tallies) > 0 and sum(t.safe_fixes for t in tallies) > 0


def test_text_report_rendered_in_workers_equals_the_plain_one(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.console import Console

    from whereas.reports import text

    def plain(result) -> str:
        console = Console(file=io.StringIO(), highlight=False, soft_wrap=True)
        text.print_findings(console, result)
        return console.file.getvalue()

    serial = _serial(monkeypatch, [many])
    rendered = check_paths([many], render_file=text.render_file)
    assert all(f.rendered is not None for f in rendered.files if f.error is None)
    assert plain(rendered) == plain(serial)
    assert "^" in plain(serial)
    assert text.summary(rendered) == text.summary(serial)


def _fail_on_third(n: int) -> FileResult:
    if n == 3:
        raise ValueError("job 3 is bad")
    return FileResult(str(n))


def test_an_exception_in_a_worker_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="job 3 is bad"):
        run_jobs(list(range(40)), _fail_on_third, workers=2)


PARENT = os.getpid()


def _die_in_worker(n: int) -> FileResult:
    if os.getpid() != PARENT:
        os._exit(9)  # a worker killed mid-run (out of memory, say)
    return FileResult(str(n), resolutions=n)


def test_work_of_a_dead_worker_is_done_again() -> None:
    results = run_jobs(list(range(60)), _die_in_worker, workers=2)
    assert [r.resolutions for r in results] == list(range(60))


def test_json_report_writes_the_same_to_text_and_byte_streams(many: Path) -> None:
    import io

    result = check_paths([many], render_file=json_report.render_file)
    text = io.StringIO()
    json_report.write(result, text)
    raw = io.BytesIO()
    wrapper = io.TextIOWrapper(raw, encoding="utf-8")
    wrapper.write("")  # text written before the report stays before it
    json_report.write(result, wrapper)
    assert text.getvalue() == raw.getvalue().decode("utf-8") == json_report.render(result)
    assert json.loads(text.getvalue())


def test_fixing_in_parallel_writes_what_fixing_in_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(TEXT_FIXTURES.iterdir())
    one, many_ = tmp_path / "one", tmp_path / "many"
    for folder in (one, many_):
        folder.mkdir()
        for copy in range(4):
            for f in files:
                shutil.copy(f, folder / f"{copy}-{f.name}")
    serial = _serial(monkeypatch, [one], CheckOptions(fix=True))
    parallel = check_paths([many_], CheckOptions(fix=True))
    assert parallel.fixes_applied == serial.fixes_applied > 0

    def rows(result, root: Path) -> list:
        return [
            [{**d.as_dict(), "path": Path(d.path).relative_to(root).as_posix()} for d in f.diagnostics + f.applied]
            for f in result.files
        ]

    assert rows(parallel, many_) == rows(serial, one)
    for f in one.iterdir():
        assert (many_ / f.name).read_bytes() == f.read_bytes()


def _numbered(n: int) -> FileResult:
    return FileResult(str(n), resolutions=n)


def test_jobs_are_read_as_the_work_needs_them() -> None:
    """A generator of jobs is read a bounded number of jobs ahead of the results handed on, never listed:
    the first result comes while nearly all the jobs are still to be made."""
    from whereas import parallel

    made = 0

    def jobs(n: int):
        nonlocal made
        for i in range(n):
            made += 1
            yield i

    results = parallel.check_each(jobs(100_000), _numbered, min_parallel=2)
    assert next(results).resolutions == 0
    workers = min(parallel.cores(), 8)
    lookahead = workers * parallel.CHUNKS_PER_CORE * parallel.MIN_CHUNK
    assert made <= lookahead + parallel.MAX_CHUNK * (parallel.AHEAD_PER_CORE * workers + 2)
    results.close()  # the workers are ended
    # and every job is checked, in order, with chunks of both sizes (far from the end, and near it)
    assert [r.resolutions for r in run_jobs(jobs(3 * lookahead), _numbered, workers=2)] == list(range(3 * lookahead))
