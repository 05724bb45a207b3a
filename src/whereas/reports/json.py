"""``--format json``: a JSON array of findings, one object per finding (``Diagnostic.as_dict``)."""

from __future__ import annotations

import json
from typing import TextIO

from whereas.api import CheckResult


def render(result: CheckResult) -> str:
    return json.dumps([d.as_dict() for d in result.diagnostics], ensure_ascii=False, indent=2) + "\n"


def write(result: CheckResult, out: TextIO) -> None:
    out.write(render(result))
