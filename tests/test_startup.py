"""``whereas --version``, ``whereas rule`` and registering the commands import no engine (lint, verify, render)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

ENGINES = ("whereas.api", "whereas.lint", "whereas.verify", "whereas.render", "whereas.structure", "whereas.web")


def _modules_after(*argv: str) -> list[str]:
    """The whereas modules imported by ``whereas ARGV…`` (run in a fresh interpreter)."""
    code = (
        "import json, sys\n"
        f"sys.argv = ['whereas', *{list(argv)!r}]\n"
        "from whereas.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.startswith('whereas'))))\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, check=True)
    return json.loads(ran.stderr)


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


def test_import_whereas_is_light_and_the_verbs_still_come() -> None:
    import whereas

    assert callable(whereas.check) and callable(whereas.verify) and callable(whereas.render)
    from whereas.verify.match import check_quote  # the package of the same name does not take the verb's name

    assert callable(whereas.verify) and whereas.check_quote is check_quote
