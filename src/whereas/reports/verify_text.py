"""``whereas verify --format text``: each quotation with its verdict, a word diff for a
misquotation, and each source's status."""

from __future__ import annotations

import difflib

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from whereas.verify.result import QuotationReport, SourceReport, VerifyResult

VERDICT_STYLE = {
    "exact": "green",
    "faithful": "green",
    "misquoted": "bold red",
    "not_found": "bold red",
    "unavailable": "yellow",
    "no_source": "yellow",
}
STATUS_STYLE = {
    "ok": "green",
    "redirected": "cyan",
    "dead": "bold red",
    "unreachable": "yellow",
    "blocked": "yellow",
    "unsupported": "yellow",
    "not_archived": "yellow",
}


def word_diff(quoted: str, source: str) -> Text:
    """``quoted`` against ``source`` word by word: ``[-source only-]`` red, ``{+quoted only+}`` green."""
    a, b = source.split(), quoted.split()
    out = Text()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, [w.casefold() for w in a], [w.casefold() for w in b], autojunk=False
    ).get_opcodes():
        if out:
            out.append(" ")
        if op == "equal":
            out.append(" ".join(b[j1:j2]))
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]", style="red strike")
        if j2 > j1:
            if i2 > i1:
                out.append(" ")
            out.append("{+" + " ".join(b[j1:j2]) + "+}", style="green underline")
    return out


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _where(item: QuotationReport | SourceReport) -> str:
    if item.path is None:
        return f"line {item.line}" if item.line else ""
    return f"{item.path}:{item.line}:{item.column}" if item.line else item.path


def print_quotation(console: Console, q: QuotationReport) -> None:
    head = Text()
    head.append(f"{q.verdict:<11}", style=VERDICT_STYLE.get(q.verdict, ""))
    head.append(f" {_where(q)}  ")
    head.append(f"“{_short(q.text, 90)}”")
    if q.note:
        head.append(f"  [note {q.note}]", style="dim")
    console.print(head)
    if q.verdict == "misquoted" and q.passage:
        console.print(Text("    diff: ") + word_diff(q.text, q.passage))
        for d in q.differences:
            console.print(f"    - {escape(d.plain())}", highlight=False)
    elif q.verdict in ("unavailable", "no_source") and q.reason:
        console.print(f"    {escape(q.reason)}", style="dim", highlight=False)
    if q.found_in:
        console.print(f"    found in the source of note {q.found_in} instead", style="cyan", highlight=False)


def print_source(console: Console, s: SourceReport) -> None:
    line = Text()
    line.append(f"{s.status:<12}", style=STATUS_STYLE.get(s.status, ""))
    line.append(f" note {s.note}: {s.url}")
    if s.http_status is not None:
        line.append(f" ({s.http_status})", style="dim")
    if s.from_archive:
        line.append(" [archived]", style="dim")
    console.print(line)
    if s.status == "redirected" and s.final_url:
        console.print(f"    → {escape(s.final_url)}", highlight=False)
    if s.error and s.status not in ("ok", "redirected"):
        console.print(f"    {escape(s.error)}", style="dim", highlight=False)
    if s.title_matches is False:
        console.print(
            f"    title mismatch: cited {escape(repr(s.cited_title))}, document is {escape(repr(s.title))}",
            style="yellow",
            highlight=False,
        )
    if s.archived_copy:
        console.print(f"    archived copy: {escape(s.archived_copy)}", style="cyan", highlight=False)


def print_report(console: Console, result: VerifyResult) -> None:
    """The report; the errors are the caller's to print (on stderr), and a run that read no file has no summary."""
    if not result.documents:
        return
    for doc in result.documents:
        if doc.path:
            console.print(Text(doc.path, style="bold"))
        if not doc.quotations and not doc.sources:
            console.print("  nothing to verify (no quotations, no cited URLs)", style="dim")
            continue
        if doc.quotations:
            console.print("Quotations", style="bold underline")
            for q in doc.quotations:
                print_quotation(console, q)
        if doc.sources:
            console.print("Sources", style="bold underline")
            for s in doc.sources:
                print_source(console, s)
    verdicts: dict[str, int] = {}
    for q in result.quotations:
        verdicts[q.verdict] = verdicts.get(q.verdict, 0) + 1
    statuses: dict[str, int] = {}
    for s in result.sources:
        statuses[s.status] = statuses.get(s.status, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in verdicts.items()) or "no quotations"
    sources = ", ".join(f"{n} {k}" for k, n in statuses.items()) or "no sources"
    nq, ns = len(result.quotations), len(result.sources)
    console.print(
        f"\n{nq} quotation{'' if nq == 1 else 's'}: {summary}; {ns} source{'' if ns == 1 else 's'}: {sources}.",
        highlight=False,
    )
