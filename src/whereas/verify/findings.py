"""What verification finds, as rules: the V codes that ``verify --format sarif|github`` and ``check --verify`` report.

Rules: ``V001`` misquoted, ``V002`` not found, ``V003`` unavailable source, ``V004`` no source,
``V005`` dead link, ``V006`` cited title does not match, ``V007`` quoted from another note's
source.  Quotations are located at their words in the resolution; sources at their note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from whereas.verify.result import QuotationReport, SourceReport, VerifyResult

if TYPE_CHECKING:
    from whereas.lint.diagnostic import Diagnostic
    from whereas.model import Source


@dataclass(frozen=True)
class VRule:
    id: str
    name: str
    level: str  # SARIF level: error, warning, note
    text: str


RULES = {
    "misquoted": VRule(
        "V001", "misquoted", "error", "The quotation differs from its source in words that are not marked as altered."
    ),
    "not_found": VRule(
        "V002", "quotation-not-found", "error", "The quotation was not found in the source its note cites."
    ),
    "unavailable": VRule(
        "V003",
        "source-unavailable",
        "warning",
        "The cited source could not be fetched or read, so the quotation is unchecked.",
    ),
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
            out.append(
                _q(q, RULES["found_in"], f"Quotation found in the source of note {q.found_in}, not note {q.note}.")
            )
    for s in result.sources:
        if s.status == "dead":
            msg = f"Note {s.note}: {s.url} is dead ({s.error or s.http_status})."
            if s.archived_copy:
                msg += f" Archived copy: {s.archived_copy}"
            out.append(_s(s, RULES["dead"], msg))
        if s.title_matches is False:
            out.append(
                _s(s, RULES["title"], f"Note {s.note} cites {s.cited_title!r} but {s.url} is titled {s.title!r}.")
            )
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


_SEVERITY = {"error": "error", "warning": "warning", "note": "info"}


def to_diagnostics(
    result: VerifyResult, sources: dict[str, Source], found: list[Finding] | None = None
) -> list[Diagnostic]:
    """The findings as lint diagnostics (for ``check --verify``), placed in each file's source; ``found``: the
    findings of ``result`` already listed (a caller placing them file by file lists them once)."""
    from whereas.lint.diagnostic import Diagnostic, Severity
    from whereas.model import Span

    out: list[Diagnostic] = []
    for f in findings(result) if found is None else found:
        source = sources.get(f.path or "")
        if source is None:
            continue
        start = _offset(source, f.line, f.column)
        end = _offset(source, f.end_line, f.end_column) if f.end_line else start
        out.append(
            Diagnostic(
                code=f.rule.id,
                name=f.rule.name,
                severity=Severity(_SEVERITY[f.rule.level]),
                message=f.message,
                source=source,
                span=Span(start, max(start, end)),
            )
        )
    return out


def _offset(source: Source, line: int | None, column: int | None) -> int:
    if not line:
        return 0
    lines = source.text.split("\n")
    line = max(1, min(line, len(lines)))
    return sum(len(x) + 1 for x in lines[: line - 1]) + max(0, (column or 1) - 1)
