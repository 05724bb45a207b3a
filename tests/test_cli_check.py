"""`whereas check` and `whereas rule`, run as a user runs them: the real CLI in a subprocess."""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

CLEAN_ALA = """Resolution on Library Funding

Whereas libraries serve everyone; and

Whereas funding for libraries has fallen; now, therefore, be it

Resolved, that the American Library Association urges Congress to restore library funding.

Mover: Jane Doe
Seconder: John Roe
"""

# W001 (WHEREAS), W002 (comma), R001 (RESOLVED): all errors with safe fixes, in the ala profile
DEFECTIVE_ALA = """Resolution on Library Funding

WHEREAS, libraries serve everyone; and

Whereas funding for libraries has fallen; now, therefore, be it

RESOLVED, that the American Library Association urges Congress to restore library funding.

Mover: Jane Doe
Seconder: John Roe
"""

#: one small resolution per profile, written the way that body writes them
PROFILE_RESOLUTIONS = {
    "ala": CLEAN_ALA,
    "ronr": """Resolution on Park Hours

Whereas, The park closes at dusk; and

Whereas, Members want evening walks; therefore, be it

Resolved, That the club asks the city to extend park hours.
""",
    "congress": """Resolution expressing support for public libraries.

Whereas public libraries serve every community; and

Whereas funding for libraries has fallen: Now, therefore, be it

Resolved, That the House of Representatives supports public libraries.
""",
    "labor": """Resolution on Safe Staffing

WHEREAS, nurses work double shifts; and

WHEREAS, patients suffer when wards are short-staffed;

THEREFORE, BE IT RESOLVED, that the council supports safe staffing laws.

Submitted by: Nurses Local 123
""",
    "city": """Resolution Supporting Evening Library Hours

Sponsor: Council Member Smith

WHEREAS, the library closes at five; and

WHEREAS, residents want evening hours; now, therefore,

BE IT RESOLVED, that the Council supports evening library hours.
""",
}


def codes(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [d["code"] for d in json.loads(proc.stdout)]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "clean.md").write_text(CLEAN_ALA, encoding="utf-8")
    (tmp_path / "defective.md").write_text(DEFECTIVE_ALA, encoding="utf-8")
    return tmp_path


# --- exit codes ------------------------------------------------------------------------------


def test_clean_file_exits_0(work: Path) -> None:
    proc = run_cli("check", "clean.md", cwd=work)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "All checks passed!" in proc.stdout


def test_findings_exit_1_with_ruff_style_text(work: Path) -> None:
    proc = run_cli("check", "defective.md", cwd=work)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert "defective.md:3:1: W001 [*] [whereas-capitals]" in proc.stdout
    i = next(i for i, line in enumerate(lines) if line.startswith("defective.md:3:8: W002"))
    assert lines[i + 2] == "3 | WHEREAS, libraries serve everyone; and"
    assert lines[i + 3] == "  |        ^ error"  # caret under the comma, column 8
    assert lines[i + 4] == "  = help: Remove the comma"
    assert "Found 3 findings (3 fixable with `--fix`)." in proc.stdout


def test_missing_file_exits_2_and_still_checks_the_others(work: Path) -> None:
    proc = run_cli("check", "nope.md", "defective.md", cwd=work)
    assert proc.returncode == 2
    assert "error: nope.md: no such file or directory" in proc.stderr
    assert "W001" in proc.stdout and "Traceback" not in proc.stderr


def test_unreadable_file_among_several_exits_2(work: Path) -> None:
    (work / "empty.txt").write_text("", encoding="utf-8")
    proc = run_cli("check", "empty.txt", "clean.md", "--format", "json", cwd=work)
    assert proc.returncode == 2
    assert "error: empty.txt: empty file" in proc.stderr
    assert json.loads(proc.stdout) == []  # clean.md was still checked; stdout stays parseable


def test_bad_option_exits_2(work: Path) -> None:
    proc = run_cli("check", "clean.md", "--no-such-option", cwd=work)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_bad_profile_exits_2(work: Path) -> None:
    proc = run_cli("check", "clean.md", "--profile", "parliament", cwd=work)
    assert proc.returncode == 2
    assert "unknown profile 'parliament'" in proc.stderr


def test_bad_config_toml_exits_2(work: Path) -> None:
    (work / "whereas.toml").write_text("profile = [unclosed\n", encoding="utf-8")
    proc = run_cli("check", "clean.md", cwd=work)
    assert proc.returncode == 2
    assert "whereas.toml: invalid TOML" in proc.stderr


def test_unknown_config_key_exits_2(work: Path) -> None:
    (work / "whereas.toml").write_text('profil = "ronr"\n', encoding="utf-8")
    proc = run_cli("check", "clean.md", cwd=work)
    assert proc.returncode == 2
    assert "unknown setting profil" in proc.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "Z999"], "--select: unknown rule code or name 'Z999'"),
        (
            ["--ignore", "whereas-coma"],
            "--ignore: unknown rule code or name 'whereas-coma'; did you mean whereas-comma?",
        ),
        (["--extend-select", "W02"], "--extend-select: unknown rule code or name 'W02'"),
        (["--select", "W0O1"], "did you mean W001?"),
    ],
)
def test_unknown_selector_exits_2_naming_it(work: Path, args: list[str], message: str) -> None:
    proc = run_cli("check", "defective.md", *args, cwd=work)
    assert proc.returncode == 2, proc.stdout
    assert message in proc.stderr and proc.stderr.count("\n") == 1
    assert proc.stdout == ""


@pytest.mark.parametrize(
    "config",
    [
        'select = ["Z9"]\n',
        'ignore = ["W001", "nonsense"]\n',
        '[severity]\nQ777 = "info"\n',
        "[rules.C999]\nmin_overlap = 3\n",
    ],
)
def test_unknown_selector_in_config_exits_2_naming_the_file(work: Path, config: str) -> None:
    (work / "whereas.toml").write_text(config, encoding="utf-8")
    proc = run_cli("check", "defective.md", cwd=work)
    assert proc.returncode == 2, proc.stdout
    assert "whereas.toml: " in proc.stderr and "unknown rule code or name" in proc.stderr


@pytest.mark.parametrize("selector", ["W", "W00", "W001", "whereas-capitals", "all", "V", "V001", "misquoted", "X001"])
def test_known_selectors_are_accepted(work: Path, selector: str) -> None:
    proc = run_cli("check", "clean.md", "--select", selector, cwd=work)
    assert proc.returncode == 0, proc.stderr


def test_unsafe_fixes_without_fix_is_a_usage_error(work: Path) -> None:
    proc = run_cli("check", "clean.md", "--unsafe-fixes", cwd=work)
    assert proc.returncode == 2
    assert "--unsafe-fixes needs --fix or --diff" in proc.stderr


# --- fail level ------------------------------------------------------------------------------

TOO_MANY = (
    "Resolution on X\n\n"
    + "".join(f"Whereas reason {i} holds;\n\n" for i in range(7))
    + (
        "Whereas the last reason holds; and\n\nWhereas it is late; now, therefore, be it\n\n"
        "Resolved, that ALA acts.\n\nMover: A\nSeconder: B\n"
    )
)


def test_info_findings_pass_by_default_and_fail_with_fail_on_info(work: Path) -> None:
    (work / "long.md").write_text(TOO_MANY, encoding="utf-8")
    proc = run_cli("check", "long.md", "--format", "json", cwd=work)
    assert codes(proc) == ["S004"] and proc.returncode == 0
    assert run_cli("check", "long.md", "--fail-on", "info", cwd=work).returncode == 1
    (work / "whereas.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    assert run_cli("check", "long.md", cwd=work).returncode == 1
    assert run_cli("check", "long.md", "--fail-on", "warning", cwd=work).returncode == 0  # the CLI wins


def test_fail_on_error_lets_warnings_pass(work: Path) -> None:
    (work / "whereas.toml").write_text(
        '[severity]\nW001 = "warning"\nW002 = "warning"\nR001 = "warning"\n', encoding="utf-8"
    )
    assert run_cli("check", "defective.md", cwd=work).returncode == 1
    proc = run_cli("check", "defective.md", "--fail-on", "error", cwd=work)
    assert proc.returncode == 0
    assert "0 of them reach the fail level" in proc.stdout


# --- selection ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "W002"], ["W002"]),
        (["--select", "whereas-comma"], ["W002"]),
        (["--select", "W"], ["W001", "W002"]),
        (["--select", "W001,R"], ["R001", "W001"]),
        (["--select", "W001", "--select", "resolved-capitals"], ["R001", "W001"]),
        (["--ignore", "W"], ["R001"]),
        (["--ignore", "whereas-capitals,R001"], ["W002"]),
        (["--select", "W", "--ignore", "W002"], ["W001"]),
    ],
)
def test_select_and_ignore_by_code_name_and_prefix(work: Path, args: list[str], expected: list[str]) -> None:
    proc = run_cli("check", "defective.md", "--format", "json", *args, cwd=work)
    assert sorted(codes(proc)) == expected, proc.stderr


def test_extend_select_turns_on_a_rule_the_profile_disables(work: Path) -> None:
    # the congress profile turns the note rules (N) off; an inline note is N001 elsewhere
    text = PROFILE_RESOLUTIONS["congress"].replace(
        "every community; and",
        "every community[endnoteRef:1]; and [1: Library Research Service. https://example.org/s]",
    )
    (work / "congress.txt").write_text(text, encoding="utf-8")
    assert codes(run_cli("check", "congress.txt", "--profile", "congress", "-f", "json", cwd=work)) == []
    proc = run_cli(
        "check", "congress.txt", "--profile", "congress", "--extend-select", "inline-note-text", "-f", "json", cwd=work
    )
    assert codes(proc) == ["N001"]


# --- configuration discovery ---------------------------------------------------------------------


def test_closest_config_wins(work: Path) -> None:
    (work / "whereas.toml").write_text('ignore = ["W001"]\n', encoding="utf-8")
    sub = work / "sub"
    sub.mkdir()
    (sub / "whereas.toml").write_text('ignore = ["R001"]\n', encoding="utf-8")
    (sub / "defective.md").write_text(DEFECTIVE_ALA, encoding="utf-8")
    proc = run_cli("check", ".", "-f", "json", cwd=work)
    by_file: dict[str, set[str]] = {}
    for d in json.loads(proc.stdout):
        by_file.setdefault(Path(d["path"]).as_posix(), set()).add(d["code"])
    assert by_file == {"defective.md": {"W002", "R001"}, "sub/defective.md": {"W001", "W002"}}


def test_pyproject_tool_whereas_and_whereas_toml(work: Path) -> None:
    (work / "pyproject.toml").write_text('[tool.whereas]\nselect = ["W002"]\n', encoding="utf-8")
    assert codes(run_cli("check", "defective.md", "-f", "json", cwd=work)) == ["W002"]
    # a pyproject.toml without [tool.whereas] is passed over for a whereas.toml further up
    sub = work / "pkg"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (sub / "defective.md").write_text(DEFECTIVE_ALA, encoding="utf-8")
    assert codes(run_cli("check", "pkg/defective.md", "-f", "json", cwd=work)) == ["W002"]
    # whereas.toml beside pyproject.toml wins
    (work / "whereas.toml").write_text('select = ["R001"]\n', encoding="utf-8")
    assert codes(run_cli("check", "defective.md", "-f", "json", cwd=work)) == ["R001"]


def test_cli_options_override_the_config(work: Path) -> None:
    (work / "whereas.toml").write_text('profile = "ronr"\nselect = ["W002"]\nignore = ["R"]\n', encoding="utf-8")
    # ronr wants "Whereas, The": the comma is right there, missing on line 5
    assert codes(run_cli("check", "defective.md", "-f", "json", cwd=work)) == ["W002"]
    assert codes(run_cli("check", "defective.md", "-f", "json", "--profile", "ala", cwd=work)) == ["W002"]
    # --select replaces the configured selection and its ignore list
    assert codes(
        run_cli("check", "defective.md", "-f", "json", "--profile", "ala", "--select", "R,W002", cwd=work)
    ) == [
        "W002",
        "R001",
    ]


def test_config_option_forces_a_file(work: Path) -> None:
    (work / "whereas.toml").write_text('select = ["W001"]\n', encoding="utf-8")
    (work / "other.toml").write_text('select = ["R001"]\n', encoding="utf-8")
    assert codes(run_cli("check", "defective.md", "-f", "json", cwd=work)) == ["W001"]
    assert codes(run_cli("check", "defective.md", "-f", "json", "--config", "other.toml", cwd=work)) == ["R001"]
    assert run_cli("check", "defective.md", "--config", "missing.toml", cwd=work).returncode == 2


# --- output ------------------------------------------------------------------------------------


def test_github_format_is_automatic_in_github_actions(work: Path) -> None:
    proc = run_cli("check", "defective.md", cwd=work, env={"GITHUB_ACTIONS": "true"})
    assert proc.returncode == 1
    assert proc.stdout.startswith(
        "::error file=defective.md,line=3,col=1,endLine=3,endColumn=8,title=W001 whereas-capitals::"
    )
    explicit = run_cli("check", "defective.md", "--format", "text", cwd=work, env={"GITHUB_ACTIONS": "true"})
    assert explicit.stdout.startswith("defective.md:3:1: W001")


def test_statistics(work: Path) -> None:
    proc = run_cli("check", "defective.md", "--statistics", cwd=work)
    assert proc.returncode == 1
    rows = [line.split() for line in proc.stdout.splitlines()[:3]]
    assert rows == [
        ["1", "R001", "[*]", "resolved-capitals", "error"],
        ["1", "W001", "[*]", "whereas-capitals", "error"],
        ["1", "W002", "[*]", "whereas-comma", "error"],
    ]
    stats = json.loads(run_cli("check", "defective.md", "--statistics", "-f", "json", cwd=work).stdout)
    assert {s["code"]: s["count"] for s in stats} == {"R001": 1, "W001": 1, "W002": 1}


def test_directory_walking(work: Path) -> None:
    for rel in [
        "a/one.txt",
        "a/two.markdown",
        "a/deep/three.md",
        "a/.hidden/x.md",
        "a/node_modules/x.md",
        "a/.venv/x.md",
        "a/notes.rtf",
        "a/.dotfile.md",
    ]:
        p = work / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(DEFECTIVE_ALA, encoding="utf-8")
    proc = run_cli("check", "a", "--select", "W001", "-f", "json", cwd=work)
    paths = sorted(Path(d["path"]).as_posix() for d in json.loads(proc.stdout))
    assert paths == ["a/deep/three.md", "a/one.txt", "a/two.markdown"]
    # a file named on the command line is read whatever its extension
    assert codes(run_cli("check", "a/notes.rtf", "--select", "W001", "-f", "json", cwd=work)) == ["W001"]


def test_walked_files_without_a_resolution_are_quiet(work: Path) -> None:
    (work / "README.md").write_text("# Notes\n\nNothing to see.\n", encoding="utf-8")
    proc = run_cli("check", ".", "--select", "W001", cwd=work)
    assert "no resolution found" not in proc.stderr
    named = run_cli("check", "README.md", cwd=work)
    assert named.returncode == 0 and "README.md: no resolution found" in named.stderr


@pytest.mark.parametrize("profile", sorted(PROFILE_RESOLUTIONS))
def test_every_profile_passes_its_own_resolution(work: Path, profile: str) -> None:
    f = work / f"{profile}.txt"
    f.write_text(PROFILE_RESOLUTIONS[profile], encoding="utf-8")
    proc = run_cli("check", f.name, "--profile", profile, cwd=work)
    assert proc.returncode == 0, proc.stdout
    (work / "whereas.toml").write_text(f'profile = "{profile}"\n', encoding="utf-8")
    assert run_cli("check", f.name, cwd=work).returncode == 0


@pytest.mark.parametrize("profile", sorted(set(PROFILE_RESOLUTIONS) - {"ala"}))
def test_other_profiles_resolutions_fail_the_ala_profile(work: Path, profile: str) -> None:
    f = work / f"{profile}.txt"
    f.write_text(PROFILE_RESOLUTIONS[profile], encoding="utf-8")
    proc = run_cli("check", f.name, "--profile", "ala", "-f", "json", cwd=work)
    assert proc.returncode == 1 and codes(proc)


# --- fixes -------------------------------------------------------------------------------------


def test_diff_writes_nothing_and_fix_writes(work: Path) -> None:
    before = (work / "defective.md").read_text(encoding="utf-8")
    proc = run_cli("check", "defective.md", "--diff", cwd=work)
    assert proc.returncode == 1
    assert "-WHEREAS, libraries serve everyone; and" in proc.stdout
    assert "+Whereas libraries serve everyone; and" in proc.stdout
    assert (work / "defective.md").read_text(encoding="utf-8") == before
    fixed = run_cli("check", "defective.md", "--fix", "--show-fixes", cwd=work)
    assert fixed.returncode == 0, fixed.stdout
    assert "Fixed 3 findings." in fixed.stdout and "fixed: defective.md: W002" in fixed.stdout
    assert (work / "defective.md").read_text(encoding="utf-8") == CLEAN_ALA
    assert run_cli("check", "defective.md", "--diff", cwd=work).returncode == 0


def test_fix_keeps_crlf_line_endings(work: Path) -> None:
    f = work / "crlf.md"
    f.write_bytes(DEFECTIVE_ALA.replace("\n", "\r\n").encode())
    assert run_cli("check", "crlf.md", "--fix", cwd=work).returncode == 0
    assert f.read_bytes() == CLEAN_ALA.replace("\n", "\r\n").encode()


# --- whereas rule ------------------------------------------------------------------------------


def test_rule_by_code_and_by_name(work: Path) -> None:
    by_code = run_cli("rule", "W002", cwd=work)
    assert by_code.returncode == 0
    assert by_code.stdout == (ROOT / "docs" / "rules" / "W002.md").read_text(encoding="utf-8")
    assert run_cli("rule", "whereas-comma", cwd=work).stdout == by_code.stdout
    assert run_cli("rule", "X001", cwd=work).stdout.startswith("# X001 unused-suppression")


def test_rule_unknown_exits_2(work: Path) -> None:
    proc = run_cli("rule", "Z999", cwd=work)
    assert proc.returncode == 2 and "no rule 'Z999'" in proc.stderr


def test_rule_all(work: Path) -> None:
    proc = run_cli("rule", "--all", cwd=work)
    rows = [line.split("\t") for line in proc.stdout.splitlines()]
    assert ["W002", "whereas-comma", "error", "ala,ronr,congress,labor,city", "sometimes safe"] in rows
    assert ["W001", "whereas-capitals", "error", "ala,ronr,congress,labor,city", "safe"] in rows
    data = json.loads(run_cli("rule", "--all", "--format", "json", cwd=work).stdout)
    assert {"code", "name", "severity", "profiles", "fixable", "summary"} <= set(data[0])
    assert len(data) == len(rows)


def test_ctrl_c_exits_130_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import whereas.api
    import whereas.cli

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(whereas.api, "check_each", interrupted)
    monkeypatch.setattr("sys.argv", ["whereas", "check", str(tmp_path)])
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit) as exc:
        whereas.cli.main()
    assert exc.value.code == 130
    assert capsys.readouterr().err.strip() == "Interrupted."
    # the command's SIGTERM handler is its own: a process pool this program forks later must still end its
    # workers with SIGTERM (a worker that raised SystemExit there instead hung the pool)
    assert signal.getsignal(signal.SIGTERM) == before


def test_every_inline_note_the_fix_moves_is_marked_fixable_and_one_fix_moves_them_all(tmp_path: Path) -> None:
    text = (
        "Resolution on Parks\n\nWhereas the parks need care[endnoteRef:1]; and [1:  Parks report. https://example.org/p]\n\n"
        "Whereas the city can give it[endnoteRef:2]; now, therefore, be it [2:  Budget. https://example.org/b]\n\n"
        "Resolved, that the city acts.\n"
    )
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    rows = json.loads(run_cli("check", "r.txt", "--select", "N001", "--format", "json", cwd=tmp_path).stdout)
    assert [(r["code"], bool(r.get("fix"))) for r in rows] == [("N001", True), ("N001", True)]
    run_cli("check", "r.txt", "--select", "N001", "--fix", cwd=tmp_path)
    fixed = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert fixed.count("[^1]: Parks report.") == 1 and fixed.count("[^2]: Budget.") == 1
    assert (
        "[endnoteRef:" not in fixed
        and codes(run_cli("check", "r.txt", "--select", "N001", "--format", "json", cwd=tmp_path)) == []
    )
