"""``--format jsonl``: JSON Lines, one finding per line, for pipelines (``jq -c``, ``pandas.read_json(lines=True)``).

Each line is exactly the object ``--format json`` writes for that finding (``whereas.reports.json.row``),
and lines are written as the files are checked.  A clean run writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from whereas.reports.json import profile_json, row
from whereas.results import CheckResult, FileResult


def render_file(result: FileResult) -> bytes:
    """One file's findings as UTF-8 lines, each ending in a line break.

    ``check_paths(render_file=…)`` calls it where each file is checked, on every core."""
    profile = profile_json(result)
    return "".join([row(d, profile) + "\n" for d in result.diagnostics]).encode("utf-8")


def write_each(files: Iterable[FileResult], out: BinaryIO) -> None:
    """The lines of ``files`` (taken one at a time) written to ``out``."""
    for f in files:
        out.write(f.rendered if f.rendered is not None else render_file(f))


def render(result: CheckResult) -> str:
    return "".join(render_file(f).decode("utf-8") for f in result.files)
