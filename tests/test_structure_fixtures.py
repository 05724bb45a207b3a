"""The structure builder on small inputs of our own: ``tests/fixtures/structure/NAME`` parses to
``NAME.json``.

Each expected file is what ``whereas parse --format json NAME`` prints (run in that folder, so paths are the
bare names): the resolutions, with title, sponsors, recitals, formula, resolving clauses and their items,
notes and quotations, at their lines and columns. All inputs are parsed in one run of the command line.

A change to the structure builder that changes a parse shows here as a diff. When the change is right,
regenerate the expected files and review the diff of ``tests/fixtures/structure/*.json`` before committing:

    WHEREAS_UPDATE_FIXTURES=1 python -m pytest tests/test_structure_fixtures.py

(An input added without its ``.json`` fails until the files are regenerated; read what was written.)
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, run_cli

FOLDER = FIXTURES / "structure"
INPUTS = sorted(p.name for p in FOLDER.iterdir() if p.is_file() and p.suffix != ".json")
UPDATE = os.environ.get("WHEREAS_UPDATE_FIXTURES") == "1"


def expected_path(name: str) -> Path:
    return FOLDER / f"{name}.json"


def dump(resolutions: list[dict[str, Any]]) -> str:
    return json.dumps(resolutions, indent=2, ensure_ascii=False) + "\n"


@pytest.fixture(scope="module")
def parsed() -> dict[str, list[dict[str, Any]]]:
    """Each input's name → the resolutions ``whereas parse --format json`` prints for it."""
    proc = run_cli("parse", "--format", "json", *INPUTS, cwd=FOLDER)
    assert proc.returncode == 0, proc.stderr
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in INPUTS}
    for resolution in json.loads(proc.stdout):
        out[resolution["source"]["path"]].append(resolution)
    if UPDATE:
        for name, resolutions in out.items():
            expected_path(name).write_text(dump(resolutions), encoding="utf-8")
    return out


def test_there_are_inputs_and_no_orphan_expectations() -> None:
    assert len(INPUTS) >= 15
    orphans = sorted(p.name for p in FOLDER.glob("*.json") if p.name.removesuffix(".json") not in INPUTS)
    assert orphans == [], "expected files without their input"


@pytest.mark.parametrize("name", INPUTS)
def test_parse_matches_expected(name: str, parsed: dict[str, list[dict[str, Any]]]) -> None:
    path = expected_path(name)
    assert path.is_file(), f"{path.name} is missing: run with WHEREAS_UPDATE_FIXTURES=1 and review it"
    assert dump(parsed[name]) == path.read_text(encoding="utf-8")
