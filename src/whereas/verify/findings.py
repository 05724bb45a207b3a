"""What verification finds, as rules: the V codes that ``verify --format sarif|github`` and ``check --verify`` report.

Rules: ``V001`` misquoted, ``V002`` not found, ``V003`` unavailable source, ``V004`` no source,
``V005`` dead link, ``V006`` cited title does not match, ``V007`` quoted from another note's
source.  Quotations are located at their words in the resolution; sources at their note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Rule

if TYPE_CHECKING:
    from whereas.lint.diagnostic import Diagnostic
    from whereas.model import Source
    from whereas.verify.result import QuotationReport, SourceReport, VerifyResult


class VerifyRule(Rule):
    """A V code: reported by the verifier (``whereas verify``, ``whereas check --verify``), not by a lint rule's
    ``check()``. Listed with every other code in ``whereas.lint.registry``."""

    origin = "verify"
    #: the quotation verdict or source status it reports (``QuotationReport.verdict``, ``SourceReport.status``),
    #: or "found_in" / "title" for the two findings that are not one
    reports: ClassVar[str]


_NOTE = (
    "[^1]: American Library Association, *Library Bill of Rights*, https://www.ala.org/advocacy/intfreedom/librarybill"
)
_RESOLUTION = (
    "Resolution on Access\n\n"
    "Whereas the Library Bill of Rights holds that {quote}[^1]; now, therefore, be it\n\n"
    "Resolved, that the American Library Association affirms it.\n\n" + _NOTE + "\n"
)
_EXACT = "“Libraries should provide materials and information presenting all points of view”"
_VERIFY_ONLY = (
    " Reported only when quotations are verified: `whereas verify`, or `whereas check --verify` (where `--select` "
    "and `--ignore` choose among the V codes as among the others)."
)
_MATCHING = (
    "Quotations are matched as [docs/verify/matching.md](../verify/matching.md) describes: `(cleaned up)` is not "
    "supported (such a quotation is checked like any other); bracketed stand-ins (`[the Senate]`) are not checked "
    "for meaning; an ellipsis that drops limiting language is honoured as an omission."
)
_FETCHING = (
    "No cookies, logins or JavaScript rendering: a page that needs them yields a login screen or an empty shell."
)


class Misquoted(VerifyRule):
    code = "V001"
    name = "misquoted"
    reports = "misquoted"
    severity = Severity.error
    summary = "The quotation differs from its source in words that are not marked as altered."
    why = (
        "A resolution that misquotes the source it cites gives its opponents the easiest rebuttal there is. "
        "Alterations are allowed where they are marked (`[t]he`, `. . .`, `[sic]`, a bracketed insertion); "
        'an unmarked changed, added or dropped word, number or "not" is a difference.' + _VERIFY_ONLY
    )
    bad = _RESOLUTION.format(quote="“Libraries must provide materials presenting all points of view”")
    good = _RESOLUTION.format(quote=_EXACT)
    fix_note = "No automatic fix: copy the words from the source, or mark the change (`[must]`, `. . .`)."
    known_problems = _MATCHING + ' A space inside a word ("free dom") in the source\'s text is a difference.'


class QuotationNotFound(VerifyRule):
    code = "V002"
    name = "quotation-not-found"
    reports = "not_found"
    severity = Severity.error
    summary = "The quotation was not found in the source its note cites."
    why = (
        "A quotation its cited source does not hold is either from somewhere else or not a quotation at all; "
        "either way the note does not support it." + _VERIFY_ONLY
    )
    bad = _RESOLUTION.format(quote="“every library is a fortress of democracy”")
    good = _RESOLUTION.format(quote=_EXACT)
    fix_note = "No automatic fix: cite the source the words come from, or drop the quotation marks."
    known_problems = (
        'Soft 404s (a page that answers 200 with "not found" text) are not detected: their quotations come out '
        "not found rather than the source unavailable. " + _FETCHING + " " + _MATCHING
    )


class SourceUnavailable(VerifyRule):
    code = "V003"
    name = "source-unavailable"
    reports = "unavailable"
    severity = Severity.warning
    summary = "The cited source could not be fetched or read, so the quotation is unchecked."
    why = (
        "A quotation whose source cannot be read cannot be checked, and a reader following the note will not "
        "find it either. The reason (blocked, unreachable, unsupported content, not archived) is in the message."
        + _VERIFY_ONLY
    )
    bad = _RESOLUTION.format(quote=_EXACT).replace(
        "https://www.ala.org/advocacy/intfreedom/librarybill", "https://intranet.example/bill-of-rights.docx"
    )
    good = _RESOLUTION.format(quote=_EXACT)
    fix_note = "No automatic fix: cite a copy that can be read (HTML, PDF or plain text, publicly reachable)."
    known_problems = (
        "A URL at a private or loopback address is refused, and its quotations are unavailable, unless the host "
        "is allowed (`--allow-host`, `[verify] allow-hosts`). " + _FETCHING
    )


class NoSource(VerifyRule):
    code = "V004"
    name = "no-source"
    reports = "no_source"
    severity = Severity.warning
    summary = "The quotation cites no note, or its note has no URL."
    why = (
        "A quotation with nothing to check it against asks the reader to take it on trust (C004 "
        "uncited-quotation says the same without verifying)." + _VERIFY_ONLY
    )
    bad = _RESOLUTION.format(quote=_EXACT).replace("[^1];", ";").replace(_NOTE + "\n", "")
    good = _RESOLUTION.format(quote=_EXACT)
    fix_note = "No automatic fix: add a note citing the source, with its URL."
    known_problems = (
        "The note a quotation cites is read from its clause: the first call-out after it, else the last before it. "
        "A quotation in a clause without a call-out has no source even when a note in another clause cites it, and "
        "in a clause with several call-outs the first after the quotation is taken, even when it cites something else."
    )


class DeadLink(VerifyRule):
    code = "V005"
    name = "dead-link"
    reports = "dead"
    severity = Severity.error
    summary = "The cited URL answers 404 or 410."
    why = (
        "A citation whose link is dead cannot be followed; the message names the closest copy the Wayback "
        "Machine keeps, when there is one." + _VERIFY_ONLY
    )
    bad = _RESOLUTION.format(quote=_EXACT).replace("intfreedom/librarybill", "old-page-that-moved")
    good = _RESOLUTION.format(quote=_EXACT)
    fix_note = "No automatic fix: point the note at the page's new address, or at the archived copy."
    known_problems = (
        'Only 404 and 410 are dead; a site that answers 200 with a "page not found" page (a soft 404) is not detected.'
    )


class TitleMismatch(VerifyRule):
    code = "V006"
    name = "title-mismatch"
    reports = "title"
    severity = Severity.warning
    summary = "The note's cited title is not the fetched document's title."
    why = (
        "A note whose title names another document than its link leads to is a wrong citation: one of the two "
        "is not what the drafters meant. Case, punctuation, quotation-mark and dash glyphs, a site name after a "
        "separator and truncation are ignored." + _VERIFY_ONLY
    )
    bad = _RESOLUTION.format(quote=_EXACT).replace("*Library Bill of Rights*", "*Freedom to Read Statement*")
    good = _RESOLUTION.format(quote=_EXACT)
    fix_note = "No automatic fix: correct the title, or the URL."
    known_problems = (
        "The document's title is read from HTML `<title>` (then `og:title`, the first heading), a PDF's "
        "document information or first lines: a page whose title is only the site's name, or a PDF whose metadata "
        "is wrong, can mismatch a correct citation."
    )


class QuotedFromOtherSource(VerifyRule):
    code = "V007"
    name = "quoted-from-other-source"
    reports = "found_in"
    severity = Severity.info
    summary = "The quotation is in the source of another note."
    why = (
        "A quotation that is not in its own note's source but is in another note's source of the same "
        "resolution most likely has its call-out on the wrong note." + _VERIFY_ONLY
    )
    bad = (
        "Resolution on Access\n\n"
        f"Whereas the Library Bill of Rights holds that {_EXACT}[^2]; and\n\n"
        "Whereas the Freedom to Read Statement says so too[^1]; now, therefore, be it\n\n"
        "Resolved, that the American Library Association affirms them.\n\n"
        + _NOTE
        + "\n[^2]: American Library Association, *Freedom to Read Statement*, https://www.ala.org/advocacy/intfreedom/freedomreadstatement\n"
    )
    good = bad.replace("[^2]; and", "[^1]; and").replace("too[^1]", "too[^2]")
    fix_note = "No automatic fix: move the call-out to the note whose source holds the words."


V_RULES: tuple[VerifyRule, ...] = (
    Misquoted(),
    QuotationNotFound(),
    SourceUnavailable(),
    NoSource(),
    DeadLink(),
    TitleMismatch(),
    QuotedFromOtherSource(),
)
#: the V rule of each verdict, status or kind of finding
BY_REPORT = {r.reports: r for r in V_RULES}


@dataclass(frozen=True)
class Finding:
    rule: VerifyRule
    message: str
    path: str | None
    line: int | None
    column: int | None
    end_line: int | None = None
    end_column: int | None = None


def findings(result: VerifyResult) -> list[Finding]:
    out: list[Finding] = []
    for q in result.quotations:
        if q.verdict in BY_REPORT:
            out.append(_q(q, BY_REPORT[q.verdict], _quotation_message(q)))
        if q.found_in:
            out.append(
                _q(q, BY_REPORT["found_in"], f"Quotation found in the source of note {q.found_in}, not note {q.note}.")
            )
    for s in result.sources:
        if s.status == "dead":
            msg = f"Note {s.note}: {s.url} is dead ({s.error or s.http_status})."
            if s.archived_copy:
                msg += f" Archived copy: {s.archived_copy}"
            out.append(_s(s, BY_REPORT["dead"], msg))
        if s.title_matches is False:
            out.append(
                _s(s, BY_REPORT["title"], f"Note {s.note} cites {s.cited_title!r} but {s.url} is titled {s.title!r}.")
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


def _q(q: QuotationReport, rule: VerifyRule, message: str) -> Finding:
    return Finding(rule, message, q.path, q.line, q.column, q.end_line, q.end_column)


def _s(s: SourceReport, rule: VerifyRule, message: str) -> Finding:
    return Finding(rule, message, s.path, s.line, s.column)


def to_diagnostics(
    result: VerifyResult, sources: dict[str, Source], found: list[Finding] | None = None
) -> list[Diagnostic]:
    """The findings as lint diagnostics (for ``check --verify``), placed in each file's source; ``found``: the
    findings of ``result`` already listed (a caller placing them file by file lists them once)."""
    from whereas.lint.diagnostic import Diagnostic
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
                code=f.rule.code,
                name=f.rule.name,
                severity=f.rule.severity,
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
