"""``whereas verify --format sarif`` (SARIF 2.1.0) and ``--format github`` (workflow commands).

The V rules and the findings they make are defined in ``whereas.verify.findings``, and listed with every other
code in ``whereas.lint.registry``.
"""

from __future__ import annotations

import json

from whereas import __version__
from whereas.verify.findings import V_RULES, findings
from whereas.verify.result import VerifyResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOME = "https://github.com/whereas/whereas"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}  # severity → SARIF level


def to_sarif(result: VerifyResult) -> dict[str, object]:
    results = []
    for f in findings(result):
        region: dict[str, int] = {}
        if f.line:
            region = {"startLine": f.line, "startColumn": f.column or 1}
            if f.end_line:
                region["endLine"] = f.end_line
                if f.end_column:
                    region["endColumn"] = f.end_column
        physical: dict[str, object] = {"artifactLocation": {"uri": f.path or "<input>"}}
        if region:
            physical["region"] = region
        location: dict[str, object] = {"physicalLocation": physical}
        results.append(
            {
                "ruleId": f.rule.code,
                "level": LEVELS[f.rule.severity.value],
                "message": {"text": f.message},
                "locations": [location],
            }
        )
    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "defaultConfiguration": {"level": LEVELS[r.severity.value]},
            "helpUri": f"{HOME}/blob/main/docs/rules/{r.code}.md",
        }
        for r in V_RULES
    ]
    notifications = [
        {
            "level": "error",
            "message": {"text": str(e)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": e.path or "<input>"}}}],
        }
        for e in result.errors
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "whereas", "version": __version__, "informationUri": HOME, "rules": rules}},
                "invocations": [
                    {"executionSuccessful": not result.errors, "toolExecutionNotifications": notifications}
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(result: VerifyResult) -> str:
    return json.dumps(to_sarif(result), ensure_ascii=False, indent=2) + "\n"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(result: VerifyResult) -> str:
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    lines = [
        f"::error file={_escape_property(e.path or '<input>')},title=whereas%3A unreadable input::{_escape_data(e.problem)}"
        for e in result.errors
    ]
    for f in findings(result):
        props = {
            "file": f.path,
            "line": f.line,
            "col": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column if f.end_line == f.line else None,
            "title": f"{f.rule.code} {f.rule.name}",
        }
        params = ",".join(f"{k}={_escape_property(str(v))}" for k, v in props.items() if v is not None)
        lines.append(f"::{levels[f.rule.severity.value]} {params}::{_escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
