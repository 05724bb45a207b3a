"""``whereas check`` writes its report file by file (text, JSON, JSON lines, SARIF) and keeps totals, not
results: the streamed reports equal the reports built from the whole result, in the files' order."""

from __future__ import annotations

import json
import shutil
import weakref
from pathlib import Path

import pytest

from conftest import CORPUS, CORPUS_2, FIXTURES, needs_corpus, run_cli
from whereas import api
from whereas.api import check_each, check_paths
from whereas.reports import json as json_report
from whereas.reports import sarif

TEXT_FIXTURES = FIXTURES / "text"


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """The text fixtures three times over (enough to go parallel), and a file that cannot be read."""
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(3):
        for f in sorted(TEXT_FIXTURES.iterdir()):
            shutil.copy(f, folder / f"{copy}-{f.name}")
    (folder / "broken.docx").write_bytes(b"not a zip at all")
    assert len(list(folder.iterdir())) >= api.PARALLEL_MIN_FILES
    return folder


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def _rows(result: api.CheckResult) -> list[dict[str, object]]:
    """The JSON rows of a whole result, built finding by finding."""
    return [json.loads(json_report.row(d, json_report.profile_json(f))) for f in result.files for d in f.diagnostics]


def test_jsonl_rows_are_the_json_rows_in_the_same_order(many: Path) -> None:
    as_json = run_cli("check", many, "--format", "json")
    as_lines = run_cli("check", many, "--format", "jsonl")
    assert as_json.returncode == as_lines.returncode == 2  # the broken file
    rows = json.loads(as_json.stdout)
    assert len(rows) > 8  # (something to compare: the fixtures' findings, several times over)
    assert _lines(as_lines.stdout) == rows
    assert "broken.docx" in as_lines.stderr and as_lines.stdout.count("\n") == len(rows)
    # the files' order (checked on several cores), as a check in one process gives it
    assert rows == _rows(check_paths([many]))
    assert [r["path"] for r in rows] == sorted([r["path"] for r in rows], key=lambda p: Path(str(p)).name)


def test_jsonl_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "clean.md"
    clean.write_text("Whereas libraries serve everyone; now, therefore, be it\n\nResolved, That libraries be funded.\n")
    ran = run_cli("check", clean, "--format", "jsonl", "--select", "W001")
    assert (ran.returncode, ran.stdout) == (0, "")
    defective = tmp_path / "defective.md"
    defective.write_text(
        "whereas, libraries serve everyone ;  now, therefore, be it\n\nResolved, That libraries be funded.\n"
    )
    ran = run_cli("check", defective, "--format", "jsonl")
    rows = _lines(ran.stdout)
    assert ran.returncode == 1 and rows
    assert rows == json.loads(run_cli("check", defective, "--format", "json").stdout)


@needs_corpus
def test_jsonl_rows_are_the_json_rows_on_the_corpus() -> None:
    paths = [p for p in (CORPUS, CORPUS_2) if p.is_dir()]
    as_json = run_cli("check", *paths, "--format", "json")
    as_lines = run_cli("check", *paths, "--format", "jsonl")
    assert as_json.returncode == as_lines.returncode
    rows = json.loads(as_json.stdout)
    assert rows and _lines(as_lines.stdout) == rows


def test_streamed_json_and_sarif_equal_the_reports_of_the_whole_result(many: Path) -> None:
    whole = check_paths([many])
    streamed = json.loads(run_cli("check", many, "--format", "json").stdout)
    assert streamed == _rows(whole)
    log = json.loads(run_cli("check", many, "--format", "sarif").stdout)
    assert log == sarif.document(whole)
    assert json.loads(sarif.render(whole)) == log
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
    assert len(log["runs"][0]["results"]) == len(streamed)


def test_streamed_text_equals_the_report_of_the_whole_result(many: Path) -> None:
    import io

    from rich.console import Console

    from whereas.reports import text

    whole = check_paths([many])
    console = Console(file=io.StringIO(), highlight=False, soft_wrap=True)
    text.print_findings(console, whole)
    summary = [Console(file=io.StringIO()).render_str(line).plain for line in text.summary(whole)]
    ran = run_cli("check", many)
    assert ran.stdout == console.file.getvalue() + "".join(line + "\n" for line in summary)


def test_results_are_handed_on_and_not_kept(many: Path) -> None:
    """check_each holds only the results not yet handed on: those handed on and dropped are freed."""
    run = check_each([many])
    refs = []
    for result in run.files:
        refs.append(weakref.ref(result))
    del result
    assert len(refs) == len(list(many.iterdir()))
    assert sum(ref() is not None for ref in refs) == 0
