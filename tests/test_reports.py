"""The machine formats of `whereas check`: JSON, SARIF (validated against the official schema),
GitHub workflow commands and JUnit XML; and the generated docs being current."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from conftest import FIXTURES, ROOT, run_cli
from test_cli_check import CLEAN_ALA, DEFECTIVE_ALA
from whereas.lint.docs import stale
from whereas.reports.github import escape_data, escape_property

SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "res").mkdir()
    (tmp_path / "res" / "clean.md").write_text(CLEAN_ALA, encoding="utf-8")
    (tmp_path / "res" / "defective.md").write_text(DEFECTIVE_ALA, encoding="utf-8")
    return tmp_path


def test_json_is_a_list_of_findings(work: Path) -> None:
    proc = run_cli("check", "res", "--format", "json", cwd=work)
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert [d["code"] for d in data] == ["W001", "W002", "R001"]
    first = data[1]
    assert {"code", "name", "severity", "message", "path", "line", "column", "end_line", "end_column", "fix"} <= set(
        first
    )
    assert (first["name"], first["severity"], first["line"], first["column"], first["end_column"]) == (
        "whereas-comma",
        "error",
        3,
        8,
        9,
    )
    assert Path(first["path"]).as_posix() == "res/defective.md"
    assert first["fix"]["applicability"] == "safe" and first["fix"]["edits"][0]["replacement"] == ""


def test_sarif_validates_against_the_schema_and_has_what_github_needs(work: Path) -> None:
    proc = run_cli("check", "res", "--format", "sarif", cwd=work)
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    [run_] = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "whereas" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = {r["id"]: r for r in driver["rules"]}
    for r in driver["rules"]:
        assert r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"]
        assert len(r["fullDescription"]["text"]) <= 1024
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert r["helpUri"].endswith(f"docs/rules/{r['id']}.md")
        assert (ROOT / "docs" / "rules" / f"{r['id']}.md").is_file()
    assert rules["S004"]["defaultConfiguration"]["level"] == "note"
    results = run_["results"]
    assert [r["ruleId"] for r in results] == ["W001", "W002", "R001"]
    w002 = results[1]
    assert w002["level"] == "error" and "No comma" in w002["message"]["text"]
    assert driver["rules"][w002["ruleIndex"]]["id"] == "W002"
    loc = w002["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "res/defective.md"
    assert loc["region"] == {"startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 9}
    assert all(r["partialFingerprints"] for r in results)
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_sarif_fingerprints_survive_moved_lines(work: Path) -> None:
    def prints() -> list[str]:
        log = json.loads(run_cli("check", "res/defective.md", "-f", "sarif", cwd=work).stdout)
        return [next(iter(r["partialFingerprints"].values())) for r in log["runs"][0]["results"]]

    before = prints()
    (work / "res" / "defective.md").write_text("\n\n" + DEFECTIVE_ALA, encoding="utf-8")
    assert prints() == before and len(set(before)) == 3


def test_sarif_with_an_unreadable_file_is_still_valid(work: Path) -> None:
    proc = run_cli("check", "res", "missing.md", "--format", "sarif", cwd=work)
    assert proc.returncode == 2
    log = json.loads(proc.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "no such file or directory"


def test_sarif_clean_run(work: Path) -> None:
    proc = run_cli("check", "res/clean.md", "--format", "sarif", cwd=work)
    assert proc.returncode == 0
    log = json.loads(proc.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []


GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) file=(?P<file>[^,]+),line=(\d+),col=(\d+),endLine=(\d+),(endColumn=(\d+),)?"
    r"title=(?P<title>[^:]+)::(?P<message>.*)$"
)


def test_github_annotations(work: Path) -> None:
    (work / "res" / "odd, name.md").write_text(DEFECTIVE_ALA, encoding="utf-8")
    proc = run_cli("check", "res", "--format", "github", cwd=work)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == 6
    for line in lines:
        assert GITHUB_LINE.match(line), line
    assert lines[1] == (
        "::error file=res/defective.md,line=3,col=8,endLine=3,endColumn=9,title=W002 whereas-comma::"
        'No comma after "Whereas" in this profile'
    )
    assert any(line.startswith("::error file=res/odd%2C name.md,") for line in lines)


def test_github_levels_and_input_errors(work: Path) -> None:
    (work / "whereas.toml").write_text('[severity]\nW001 = "info"\nW002 = "warning"\n', encoding="utf-8")
    proc = run_cli("check", "res/defective.md", "nope.md", "--format", "github", cwd=work)
    assert proc.returncode == 2
    kinds = [line.split(" ", 1)[0] for line in proc.stdout.splitlines()]
    assert kinds == ["::error", "::notice", "::warning", "::error"]
    assert (
        proc.stdout.splitlines()[0]
        == "::error file=nope.md,title=whereas%3A unreadable input::no such file or directory"
    )


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_junit(work: Path) -> None:
    proc = run_cli("check", "res", "missing.md", "--format", "junit", cwd=work)
    assert proc.returncode == 2
    root = etree.fromstring(proc.stdout.encode())
    assert root.tag == "testsuites" and root.get("name") == "whereas"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"res/clean.md", "res/defective.md", "missing.md"}
    clean = suites["res/clean.md"]
    assert clean.get("tests") == "1" and clean.get("failures") == "0"
    [case] = clean.findall("testcase")
    assert case.find("failure") is None
    bad = suites["res/defective.md"]
    cases = bad.findall("testcase")
    assert [c.get("name") for c in cases] == ["R001 resolved-capitals", "W001 whereas-capitals", "W002 whereas-comma"]
    assert bad.get("failures") == "3" and bad.get("tests") == "3"
    failure = cases[2].find("failure")
    assert failure.get("type") == "W002" and "No comma" in failure.get("message")
    assert failure.text == 'res/defective.md:3:8: error: No comma after "Whereas" in this profile'
    assert cases[2].get("classname") == "res/defective.md"
    missing = suites["missing.md"]
    assert missing.get("errors") == "1" and missing.find("testcase/error") is not None
    assert root.get("tests") == "5" and root.get("failures") == "3" and root.get("errors") == "1"


def test_one_junit_testcase_per_rule_and_file(work: Path) -> None:
    twice = DEFECTIVE_ALA.replace("Whereas funding", "WHEREAS, funding")
    (work / "res" / "defective.md").write_text(twice, encoding="utf-8")
    root = etree.fromstring(run_cli("check", "res/defective.md", "-f", "junit", cwd=work).stdout.encode())
    w001 = [c for c in root.iter("testcase") if c.get("name") == "W001 whereas-capitals"]
    assert len(w001) == 1
    assert w001[0].find("failure").text.count("\n") == 1  # two findings, one per line


def test_generated_docs_are_current() -> None:
    """Rule pages, their index and the profile table match the code (run `python -m whereas.lint.docs`)."""
    assert [str(p.relative_to(ROOT)) for p in stale(ROOT)] == []


def test_pre_commit_hook_declares_whereas_check() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: whereas-check" in text and "entry: whereas check" in text and "language: python" in text


# --- the JSON row writer is held to the json module -------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from whereas.lint.diagnostic import Diagnostic, Edit, Fix, Severity  # noqa: E402
from whereas.model import Source, Span  # noqa: E402
from whereas.reports import json as json_report  # noqa: E402

_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)  # quotes, backslashes, controls, astral


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.sampled_from('ab\n\r\t"\\é'), min_size=1, max_size=60),
    data=st.data(),
    message=_TEXT,
    path=st.one_of(st.none(), _TEXT),
    clause=st.one_of(st.none(), _TEXT),
    replacement=_TEXT,
    severity=st.sampled_from(list(Severity)),
    with_fix=st.booleans(),
)
def test_json_row_is_what_json_dumps_writes(text, data, message, path, clause, replacement, severity, with_fix) -> None:
    offsets = st.integers(0, len(text))
    a, b = sorted((data.draw(offsets), data.draw(offsets)))
    source = Source(text, "text", path)
    fix = Fix(message[::-1], (Edit(a, b, replacement), Edit(b, b, "")), "unsafe") if with_fix else None
    d = Diagnostic("T001", "stray-whitespace", severity, message, source, Span(a, b), fix, clause)
    assert json_report.row(d) == json.dumps(d.as_dict(), ensure_ascii=False)
    profile = {"name": "ronr", "reason": message}
    assert json_report.row(d, json.dumps(profile, ensure_ascii=False)) == json.dumps(
        d.as_dict(profile), ensure_ascii=False
    )
