"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

    ::error file=res.md,line=3,col=8,endLine=3,endColumn=9,title=W002 whereas-comma::No comma after …

Levels: error → ``::error``, warning → ``::warning``, info → ``::notice``. Data is escaped as
``@actions/core`` does (``%``, CR, LF; property values also ``:`` and ``,``).
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from whereas.lint.diagnostic import Diagnostic
from whereas.results import CheckResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
#: GitHub shows at most this many annotations of each level per step (more are silently dropped)
STEP_LIMIT = 10


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: object) -> str:
    params = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level}{' ' + params if params else ''}::{escape_data(message)}"


def annotation(d: Diagnostic) -> str:
    start, end = d.start, d.end
    same_line = start.line == end.line
    return command(
        LEVELS[d.severity.value],
        d.message,
        file=d.path,
        line=start.line,
        col=start.column,
        endLine=end.line,
        endColumn=end.column if same_line else None,
        title=f"{d.code} {d.name}",
    )


def render(result: CheckResult) -> str:
    lines = [command("error", e.problem, file=e.path, title="whereas: unreadable input") for e in result.errors]
    diagnostics = result.diagnostics
    lines += [annotation(d) for d in diagnostics]
    counts = Counter(LEVELS[d.severity.value] for d in diagnostics)
    over = [lvl for lvl, n in counts.items() if n > STEP_LIMIT and lvl != "notice"]
    if over:
        lines.append(
            command(
                "notice",
                f"whereas reported {len(diagnostics)} findings; GitHub shows only {STEP_LIMIT} {' and '.join(sorted(over))} "
                "annotations per step. Upload `whereas check --format sarif` to code scanning to see them all.",
                title="whereas: annotations truncated",
            )
        )
    return "".join(line + "\n" for line in lines)


def write(result: CheckResult, out: TextIO) -> None:
    out.write(render(result))
