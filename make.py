#!/usr/bin/env python3
"""Project tasks that need nothing but Python 3.11 and pip.

python3 make.py demo   # create .venv/, install whereas, run it on the bundled example
python3 make.py test   # create .venv/ (if needed), install the test and pdf extras, run the test suite
python3 make.py lint   # ruff check, ruff format --check and mypy (the test extra installs them)
python3 make.py golden [PATTERN…]   # where the parse of a shared document differs from its golden structure
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
EXAMPLE = ROOT / "examples" / "resolution-on-library-funding.txt"


def run(*cmd: str | os.PathLike[str], check: bool = True) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check).returncode


def ensure_venv(extras: str = "") -> None:
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", target)


def demo() -> int:
    ensure_venv()
    run(BIN / "whereas", "--version")
    run(BIN / "whereas", "parse", EXAMPLE, "--format", "text")
    # `check` exits 1 because the example has deliberate defects: that is the demo.
    code = run(BIN / "whereas", "check", EXAMPLE, check=False)
    return 0 if code in (0, 1) else code


def test() -> int:
    ensure_venv("test,pdf")
    code = run(BIN / "python", "-m", "pytest", *sys.argv[2:], check=False)
    if code == 5:
        print("make.py: pytest collected no tests; that is a failure", file=sys.stderr)
        return 1
    return code


#: what the project checks itself with (configured in pyproject.toml)
LINTED = ("src", "tests", "benchmarks", "make.py")


def lint() -> int:
    ensure_venv("test")
    codes = [
        run(BIN / "ruff", "check", *LINTED, check=False),
        run(BIN / "ruff", "format", "--check", *LINTED, check=False),
        run(BIN / "mypy", check=False),
    ]
    failed = [name for name, code in zip(("ruff check", "ruff format", "mypy"), codes, strict=True) if code]
    if failed:
        print(f"make.py: lint failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def golden() -> int:
    ensure_venv("test")  # golden_outline.py reads the shared paths from tests/conftest.py
    return run(BIN / "python", ROOT / "tests" / "golden_outline.py", *sys.argv[2:], check=False)


if __name__ == "__main__":
    tasks = {"demo": demo, "test": test, "lint": lint, "golden": golden}
    if len(sys.argv) < 2 or sys.argv[1] not in tasks:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(tasks[sys.argv[1]]())
