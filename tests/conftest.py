"""What every test shares: where things are, how the command line is run, and the hypothesis settings.

This is the one place that says where the shared material is and how a test runs ``whereas`` as a user
does; a test module imports what it needs from here::

    from conftest import SEED, needs_seed, run_cli

(pytest loads this file as the module ``conftest``, and ``tests/`` is on ``sys.path``, so the import gives
this very module; there is no other ``conftest.py`` in the tree to shadow it.)

**The shared material** is ``../shared`` beside the repository: the seed resolution, the corpora and the
sources. It is not part of the repository; a test that needs it is marked ``needs_seed``,
``needs_corpus`` or ``needs_shared`` and skips when it is absent. Tests read it by path and never copy
it into the tree.

**Property tests** (hypothesis) draw the same examples on every run, so that the suite (and CI) gives the
same answer twice; ``WHEREAS_HYPOTHESIS_RANDOM=1`` draws new ones, as a search for the next bug (a failure
found so is then kept as an explicit example in its test).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import settings

# --- where things are ------------------------------------------------------------------------------------

#: the repository
ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
#: small inputs of our own, and the builders of binary ones (build_docx.py, build_doc.py, pdf_builder.py)
FIXTURES = TESTS / "fixtures"
#: the shared material beside the repository (absent on a developer's machine that has not got it)
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "resolution-on-assange.txt"
SEED_DOCX = SHARED / "seed" / "resolution-on-assange.docx"
CORPUS = SHARED / "corpus"
CORPUS_2 = SHARED / "corpus-2"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is absent")
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
needs_corpora = pytest.mark.skipif(
    not (CORPUS.is_dir() and CORPUS_2.is_dir()), reason="../shared/corpus or ../shared/corpus-2 is absent"
)

# The fixture builders (tests/fixtures/*.py) and the fuzz helpers (tests/fuzz/fuzzing.py) are imported by
# name, whichever folder pytest was started in.
for _folder in (TESTS, FIXTURES, TESTS / "fuzz"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

# --- the command line ------------------------------------------------------------------------------------

#: variables of the caller's environment that would change what ``whereas`` prints (GitHub annotations)
_UNSET = ("GITHUB_ACTIONS", "GITHUB_WORKFLOW")


def run_cli(
    *args: str | os.PathLike[str],
    cwd: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    input: str | None = None,
    timeout: float = 300,
    clean_env: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``whereas ARGS`` as a user runs it: ``python -m whereas`` in a subprocess, in ``cwd``.

    This tree's ``src`` comes first on ``PYTHONPATH`` (the tests check this checkout, installed or not);
    GitHub's variables are removed so that the output format is the one asked for; ``env`` adds or
    overrides variables (``{"GITHUB_ACTIONS": "true"}`` to test the annotations); ``clean_env`` starts from
    an empty environment instead of the caller's (no proxy, no home, no CI variables: only ``env``). Output is
    text; the call fails the test after ``timeout`` seconds rather than hanging the suite.
    """
    environment = {} if clean_env else {k: v for k, v in os.environ.items() if k not in _UNSET}
    environment["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), environment.get("PYTHONPATH")) if p)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "whereas", *map(str, args)],
        cwd=cwd,
        env=environment,
        input=input,
        stdin=None if input is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# --- hypothesis ------------------------------------------------------------------------------------------

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("search")
settings.load_profile("search" if os.environ.get("WHEREAS_HYPOTHESIS_RANDOM") else "repeatable")
