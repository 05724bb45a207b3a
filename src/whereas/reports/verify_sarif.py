"""``whereas verify --format sarif`` (SARIF 2.1.0) and ``--format github`` (workflow commands).

Rules: ``V001`` misquoted, ``V002`` not found, ``V003`` unavailable source, ``V004`` no source,
``V005`` dead link, ``V006`` cited title does not match, ``V007`` quoted from another note's
source.  Quotations are located at their words in the resolution; sources at their note.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from whereas import __version__
from whereas.verify.result import QuotationReport, SourceReport, VerifyResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOME = "https://github.com/whereas/whereas"


@dataclass(frozen=True)
class VRule:
    id: str
    name: str
    level: str  # SARIF level: error, warning, note
    text: str


RULES = {
    "misquoted": VRule("V001", "misquoted", "error", "The quotation differs from its source in words that are not marked as altered."),
    "not_found": VRule("V002", "quotation-not-found", "error", "The quotation was not found in the source its note cites."),
    "unavailable": VRule("V003", "source-unavailable", "warning", "The cited source could not be fetched or read, so the quotation is unchecked."),
    "no_source": VRule("V004", "no-source", "warning", "The quotation cites no note, or its note has no URL."),
    "dead": VRule("V005", "dead-link", "error", "The cited URL answers 404 or 410."),
    "title": VRule("V006", "title-mismatch", "warning", "The note's cited title is not the fetched document's title."),
    "found_in": VRule("V007", "quoted-from-other-source", "note", "The quotation is in the source of another note."),
}


@dataclass(frozen=True)
class Finding:
    rule: VRule
    message: str
    path: str | None
    line: int | None
    column: int | None
    end_line: int | None = None
    end_column: int | None = None


def findings(result: VerifyResult) -> list[Finding]:
    out: list[Finding] = []
    for q in result.quotations:
        if q.verdict in RULES and q.verdict not in ("exact", "faithful"):
            out.append(_q(q, RULES[q.verdict], _quotation_message(q)))
        if q.found_in:
            out.append(_q(q, RULES["found_in"], f"Quotation found in the source of note {q.found_in}, not note {q.note}."))
    for s in result.sources:
        if s.status == "dead":
            msg = f"Note {s.note}: {s.url} is dead ({s.error or s.http_status})."
            if s.archived_copy:
                msg += f" Archived copy: {s.archived_copy}"
            out.append(_s(s, RULES["dead"], msg))
        if s.title_matches is False:
            out.append(_s(s, RULES["title"], f"Note {s.note} cites {s.cited_title!r} but {s.url} is titled {s.title!r}."))
    return out


def _quotation_message(q: QuotationReport) -> str:
    head = f"“{q.text[:80]}{'…' if len(q.text) > 80 else ''}”"
    if q.verdict == "misquoted":
        diffs = "; ".join(f"{d.kind}: quoted {d.quoted!r}, source {d.source!r}" for d in q.differences[:5])
        return f"Misquoted {head} (note {q.note}): {diffs}"
    if q.verdict == "not_found":
        return f"Not found in the source of note {q.note} ({q.url}): {head}"
    return f"Unchecked {head}: {q.reason}"


def _q(q: QuotationReport, rule: VRule, message: str) -> Finding:
    return Finding(rule, message, q.path, q.line, q.column, q.end_line, q.end_column)


def _s(s: SourceReport, rule: VRule, message: str) -> Finding:
    return Finding(rule, message, s.path, s.line, s.column)


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
        location: dict[str, object] = {"physicalLocation": {"artifactLocation": {"uri": f.path or "<input>"}}}
        if region:
            location["physicalLocation"]["region"] = region  # type: ignore[index]
        results.append({"ruleId": f.rule.id, "level": f.rule.level, "message": {"text": f.message}, "locations": [location]})
    rules = [
        {"id": r.id, "name": r.name, "shortDescription": {"text": r.text}, "defaultConfiguration": {"level": r.level},
         "helpUri": f"{HOME}/blob/main/docs/verify/README.md"}
        for r in RULES.values()
    ]
    notifications = [
        {"level": "error", "message": {"text": str(e)}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": e.path or "<input>"}}}]}
        for e in result.errors
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "whereas", "version": __version__, "informationUri": HOME, "rules": rules}},
                "invocations": [{"executionSuccessful": not result.errors, "toolExecutionNotifications": notifications}],
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
    levels = {"error": "error", "warning": "warning", "note": "notice"}
    lines = [f"::error file={_escape_property(e.path or '<input>')},title=whereas%3A unreadable input::{_escape_data(e.problem)}" for e in result.errors]
    for f in findings(result):
        props = {"file": f.path, "line": f.line, "col": f.column, "endLine": f.end_line,
                 "endColumn": f.end_column if f.end_line == f.line else None, "title": f"{f.rule.id} {f.rule.name}"}
        params = ",".join(f"{k}={_escape_property(str(v))}" for k, v in props.items() if v is not None)
        lines.append(f"::{levels[f.rule.level]} {params}::{_escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
