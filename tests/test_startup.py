"""``whereas --version``, ``whereas rule`` and registering the commands import no engine (lint, verify, render)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

ENGINES = ("whereas.api", "whereas.lint", "whereas.verify", "whereas.render", "whereas.structure", "whereas.web")


def _modules_after(*argv: str, prefix: str = "whereas") -> list[str]:
    """The modules named ``prefix…`` imported by ``whereas ARGV…`` (run in a fresh interpreter, output to a pipe)."""
    code = (  # (without json: whether the command imports it is asked too)
        "import sys\n"
        f"sys.argv = ['whereas', *{list(argv)!r}]\n"
        "from whereas.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"sys.stderr.write('\\nmodules: ' + ' '.join(sorted(m for m in sys.modules if m.startswith({prefix!r}))))\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, check=True)
    return ran.stderr.rpartition("\nmodules: ")[2].split()


def test_version_imports_no_engine() -> None:
    modules = _modules_after("--version")
    assert "whereas.cli.check" in modules  # the commands are registered …
    assert [m for m in modules if m.startswith(ENGINES)] == []  # … without their engines


def test_rule_imports_no_engine() -> None:
    """``whereas rule`` reads the rules' documentation generated from them (``whereas/data/rules.json``)."""
    for argv in (["rule", "W001"], ["rule", "whereas-comma", "--format", "json"], ["rule", "--all"]):
        modules = _modules_after(*argv)
        assert "whereas.cli.rule" in modules
        assert [m for m in modules if m.startswith(ENGINES)] == [], argv


def test_checking_a_file_off_a_terminal_imports_neither_rich_nor_the_registry(tmp_path: Path) -> None:
    """The text report off a terminal is plain text (rendered where the file is checked); the registry of every
    code (with the verifier's V codes) is built only when a selector or a rule's options must be checked."""
    clean = tmp_path / "r.md"
    clean.write_text("Whereas libraries serve everyone; now, therefore, be it\n\nResolved, That libraries be funded.\n")
    assert _modules_after("check", str(clean), prefix="rich") == []
    modules = _modules_after("check", str(clean))
    assert "whereas.lint.rules" in modules  # it did check …
    assert "whereas.lint.registry" not in modules and "whereas.verify.findings" not in modules


def test_a_command_imports_no_other_command(tmp_path: Path) -> None:
    """Each command registers itself when its module is imported: `check` imports `whereas.cli.check` alone (not
    `render`, `verify`, the `batch` group …); the whole command line is registered for `--version`, `--help`."""
    clean = tmp_path / "r.md"
    clean.write_text("Whereas libraries serve everyone; now, therefore, be it\n\nResolved, That libraries be funded.\n")
    assert [m for m in _modules_after("check", str(clean), prefix="whereas.cli.")] == ["whereas.cli.check"]
    assert "whereas.cli.verify" in _modules_after("--help") and "whereas.cli.batch" in _modules_after("--version")


def test_checking_one_file_imports_no_json_pickle_or_pkgutil(tmp_path: Path) -> None:
    """The text report needs no json (only `parse`, `rule` and the JSON reports write it), one file is checked in
    this process, without pickling anything to a worker, and the rules' folder is listed without pkgutil."""
    clean = tmp_path / "r.md"
    clean.write_text("Whereas libraries serve everyone; now, therefore, be it\n\nResolved, That libraries be funded.\n")
    modules = _modules_after("check", str(clean), prefix="")
    assert "whereas.lint.rules" in modules  # it did check …
    assert [m for m in modules if m.split(".")[0] in ("json", "pickle", "pkgutil")] == []
    assert "whereas.reports.json" not in modules


def test_the_command_line_leaves_what_is_alive_at_exit_to_the_ending_process(tmp_path: Path) -> None:
    """The collector does not pass over the modules, classes and patterns again while Python tears them down:
    they are frozen at exit (an exit handler registered before ``whereas.cli`` is imported runs after its own)."""
    clean = tmp_path / "r.md"
    clean.write_text("Whereas libraries serve everyone; now, therefore, be it\n\nResolved, That libraries be funded.\n")
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: sys.stderr.write(f'frozen: {gc.get_freeze_count()}'))\n"
        f"sys.argv = ['whereas', 'check', {str(clean)!r}]\n"
        "from whereas.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert ran.returncode in (0, 1), ran.stderr  # (it checked: 1 for findings)
    assert int(ran.stderr.rpartition("frozen: ")[2]) > 10_000  # (some 35,000 objects tracked after a check)


def test_import_whereas_is_light_and_the_verbs_still_come() -> None:
    import whereas

    assert callable(whereas.check) and callable(whereas.verify) and callable(whereas.render)
    from whereas.verify.match import check_quote  # the package of the same name does not take the verb's name

    assert callable(whereas.verify) and whereas.check_quote is check_quote


def test_verify_imports_no_rules(tmp_path: Path) -> None:
    """``whereas verify`` reads the notes and quotations and fetches: the rules (their patterns take a while to
    compile) and the profile inference are not imported for it."""
    doc = tmp_path / "r.md"
    doc.write_text(
        "Whereas the minutes say that “libraries serve everyone”[^1]; now, therefore, be it\n\n"
        "Resolved, That libraries be funded.\n\n[^1]: Minutes. http://127.0.0.1:9/minutes\n",
        encoding="utf-8",
    )  # (a loopback address not allowed: refused before any connection, "blocked address")
    modules = _modules_after("verify", str(doc), "--no-wayback", "--archive", str(tmp_path / "e.warc.gz"))
    assert "whereas.verify.check" in modules and "whereas.structure" in modules  # it did read and verify …
    assert "whereas.lint.rules" not in modules and "whereas.lint.infer" not in modules  # … without the rules


def test_verify_connects_before_importing_the_matcher_or_warcio(tmp_path: Path) -> None:
    """What the first request does not need comes after it: the quotation matcher (rapidfuzz, the source
    index) is imported when a quotation is checked, warcio when a record is written or read back; httpx's own
    command line (click, pygments), which httpx imports whenever click is installed (Dask brings it), never.
    (Off a terminal, whereas imports rich only to print the report.)"""
    doc = tmp_path / "r.md"
    doc.write_text(
        "Whereas the minutes say that “libraries serve everyone”[^1]; now, therefore, be it\n\n"
        "Resolved, That libraries be funded.\n\n[^1]: Minutes. http://127.0.0.1:9/minutes\n",
        encoding="utf-8",
    )  # port 9 (discard) allowed, refused at once: the connection is attempted, nothing more
    argv = ["verify", str(doc), "--no-wayback", "--allow-host", "127.0.0.1:9", "--archive", str(tmp_path / "e.warc.gz")]
    code = (
        "import json, socket, sys\n"
        "seen = []\n"
        "connect = socket.socket.connect\n"
        "def noted(self, address):\n"
        "    if not seen:\n"
        "        seen.append(sorted(m for m in sys.modules if m.startswith(('whereas.verify.match', 'rapidfuzz', 'warcio', 'click', 'pygments'))))\n"
        "    return connect(self, address)\n"
        "socket.socket.connect = noted\n"
        f"sys.argv = ['whereas', *{argv!r}]\n"
        "from whereas.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(json.dumps(seen))\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, check=True)
    # it connected, and had imported none of them (click is installed with the dev extra's dask: the case here)
    assert json.loads(ran.stderr.splitlines()[-1]) == [[]]
