"""``--format json``: a JSON array of findings, one object per finding (``Diagnostic.as_dict``)."""

from __future__ import annotations

import json
from typing import TextIO

from whereas.api import CheckResult


def render(result: CheckResult) -> str:
    # One finding per line: readable, diff-friendly, and encoded by json's C encoder (indent= is pure Python).
    rows = [json.dumps(d.as_dict(), ensure_ascii=False) for d in result.diagnostics]
    return "[\n" + ",\n".join(rows) + "\n]\n" if rows else "[]\n"


def write(result: CheckResult, out: TextIO) -> None:
    out.write(render(result))
