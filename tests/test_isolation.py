"""Every file on its own: a bug met in one file is one ``error:`` line for that file; the others are
checked and reported as usual, and the run exits 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from whereas.api import CheckOptions, check_paths
from whereas.cli import app
from whereas.errors import InternalError
from whereas.lint.registry import REGISTRY

#: W001 and R001 fire on it in the ala profile
DEFECTIVE = """Resolution on Library Funding

WHEREAS, libraries serve everyone; now, therefore, be it

RESOLVED, that the American Library Association urges Congress to restore library funding.

Mover: Jane Doe
"""


@pytest.fixture
def rule_breaks_on_bad_md(monkeypatch: pytest.MonkeyPatch) -> None:
    """S003's check() raises for the file named bad.md (what is tested is the isolation, not the rule)."""
    rule = REGISTRY.by_code["S003"]
    original = type(rule).check

    def check(self, ctx):
        if (ctx.resolution.source.path or "").endswith("bad.md"):
            raise ValueError("boom\nsecond line")
        return original(self, ctx)

    monkeypatch.setattr(type(rule), "check", check)


@pytest.fixture
def two_files(tmp_path: Path) -> tuple[Path, Path]:
    bad = tmp_path / "bad.md"
    good = tmp_path / "good.txt"
    bad.write_text(DEFECTIVE, encoding="utf-8")
    good.write_text(DEFECTIVE, encoding="utf-8")
    return bad, good


def test_an_internal_error_is_the_files_error_and_the_others_are_checked(rule_breaks_on_bad_md, two_files):
    bad, good = two_files
    result = check_paths([bad, good], CheckOptions(profile="ala"))
    assert result.exit_code == 2
    [error] = result.errors
    assert isinstance(error, InternalError) and error.path == str(bad)
    assert str(error).startswith(f"{bad}: internal error: ValueError: boom second line (please report this")
    assert "Traceback" in error.detail and "boom" in error.detail
    by_path = {f.path: f for f in result.files}
    assert by_path[str(bad)].diagnostics == []
    assert {d.code for d in by_path[str(good)].diagnostics} >= {"W001", "R001"}


def test_an_internal_error_crosses_from_a_worker_process(rule_breaks_on_bad_md, tmp_path: Path, monkeypatch):
    import whereas.api

    monkeypatch.setattr(whereas.api, "PARALLEL_MIN_FILES", 2)
    paths = []
    for i in range(12):
        p = tmp_path / (f"{i}-bad.md" if i == 7 else f"{i}-good.txt")
        p.write_text(DEFECTIVE, encoding="utf-8")
        paths.append(p)
    result = check_paths(paths, CheckOptions(profile="ala"))
    assert [e.path for e in result.errors] == [str(paths[7])]
    assert isinstance(result.errors[0], InternalError) and "Traceback" in result.errors[0].detail
    assert all(f.diagnostics for f in result.files if f.path != str(paths[7]))


def test_check_prints_one_error_line_and_the_good_files_findings(rule_breaks_on_bad_md, two_files):
    bad, good = two_files
    p = CliRunner().invoke(app, ["check", "--profile", "ala", "--format", "json", str(bad), str(good)])
    assert p.exit_code == 2, p.output
    errors = [line for line in p.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {bad}: internal error: ValueError: boom second line (please report this, with the file)"]
    assert "Traceback" not in p.stderr
    import json

    found = json.loads(p.stdout)
    assert {d["code"] for d in found if d["path"].endswith("good.txt")} >= {"W001", "R001"}


def test_check_verbose_shows_the_traceback(rule_breaks_on_bad_md, two_files):
    bad, good = two_files
    p = CliRunner().invoke(app, ["check", "--verbose", "--profile", "ala", str(bad), str(good)])
    assert p.exit_code == 2
    assert "Traceback" in p.stderr and "ValueError: boom" in p.stderr


def test_parse_and_format_go_on_after_an_internal_error(two_files, monkeypatch):
    import whereas.api

    bad, good = two_files
    real = whereas.api.build

    def build(source):
        if (source.path or "").endswith("bad.md"):
            raise KeyError("broken")
        return real(source)

    monkeypatch.setattr(whereas.api, "build", build)
    p = CliRunner().invoke(app, ["parse", str(bad), str(good)])
    assert p.exit_code == 2
    assert p.stderr.splitlines()[0].startswith(f"error: {bad}: internal error: KeyError: 'broken'")
    assert '"Resolution on Library Funding"' in p.stdout or "Library Funding" in p.stdout

    import whereas.format

    monkeypatch.setattr(whereas.format, "format_source", _raise_for_bad(whereas.format.format_source))
    p = CliRunner().invoke(app, ["format", "--check", str(bad), str(good)])
    assert p.exit_code == 2
    assert f"error: {bad}: internal error: RuntimeError: nope" in p.stderr
    assert "would reformat" in p.stderr and "good.txt" in p.stderr


def _raise_for_bad(real):
    def wrapper(source, *args, **kwargs):
        if (source.path or "").endswith("bad.md"):
            raise RuntimeError("nope")
        return real(source, *args, **kwargs)

    return wrapper


def test_a_bug_placing_one_files_verification_is_that_files_error(
    monkeypatch: pytest.MonkeyPatch, two_files, tmp_path: Path
):
    """check --verify's second pass (the V findings placed in each file) is file by file too."""
    from whereas.verify import findings as verify_findings

    original = verify_findings.to_diagnostics

    def to_diagnostics(result, sources, found=None):
        if any(path.endswith("bad.md") for path in sources):
            raise ValueError("cannot place")
        return original(result, sources, found)

    monkeypatch.setattr(verify_findings, "to_diagnostics", to_diagnostics)
    bad, good = two_files
    (tmp_path / "evidence.warc.gz").write_bytes(b"")  # an empty archive: every source not archived
    options = CheckOptions(profile="ala", verify=True, offline=True, archive=tmp_path / "evidence.warc.gz")
    result = check_paths([bad, good], options)
    assert result.exit_code == 2
    [error] = result.errors
    assert isinstance(error, InternalError) and error.path == str(bad)
    by_path = {f.path: f for f in result.files}
    assert {d.code for d in by_path[str(good)].diagnostics} >= {"W001", "R001"}
