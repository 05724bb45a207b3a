"""A readable outline of a parsed resolution (``whereas parse --format text``)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from whereas.model import Resolution


def print_outline(console: Console, r: Resolution, number: int) -> None:
    where = r.source.path or "<text>"
    line = r.position(r.span.start).line
    console.print(f"[bold]Resolution {number}[/bold]  [dim]{escape(where)}:{line} ({r.source.format})[/dim]")
    console.print(f"  [bold]Title:[/bold] {escape(r.title.text) if r.title else '[dim](none)[/dim]'}")
    if r.sponsors:
        s = r.sponsors
        parts = [f"mover {s.mover}" if s.mover else "", f"seconder {s.seconder}" if s.seconder else ""]
        parts += [f"submitted by {s.submitted_by}" if s.submitted_by else "", "; ".join(s.others)]
        console.print(f"  [bold]Sponsors:[/bold] {escape(', '.join(p for p in parts if p))}")
    console.print(f"  [bold]Preamble[/bold] ({_count(len(r.preamble), 'recital')})")
    for c in r.preamble:
        notes = f" [cyan]notes {', '.join(c.notes)}[/cyan]" if c.notes else ""
        console.print(f"    {r.position(c.span.start).line:>4}  {escape(_short(c.text))}{notes}")
    if r.formula:
        console.print(f"  [bold]Formula:[/bold] {escape(r.formula.text)}")
    console.print(f"  [bold]Resolved[/bold] ({_count(len(r.resolved), 'clause')})")
    for c in r.resolved:
        notes = f" [cyan]notes {', '.join(c.notes)}[/cyan]" if c.notes else ""
        console.print(f"    {r.position(c.span.start).line:>4}  {escape(_short(c.text))}{notes}")
        for item in c.items:
            console.print(f"            {escape(item.label)} {escape(_short(item.text, 90))}")
    if r.notes:
        console.print(f"  [bold]Notes[/bold] ({len(r.notes)})")
        for n in r.notes:
            console.print(f"    [{escape(n.id)}] {escape(_short(n.text, 100))}")
    if r.quotations:
        console.print(f"  [bold]Quotations[/bold] ({len(r.quotations)})")
        for q in r.quotations:
            who = q.speaker or "unattributed"
            note = f"note {q.note}" if q.note else "no note"
            console.print(f"    “{escape(_short(q.text, 70))}” — {escape(who)} ({note}, {q.clause})")
    console.print()


def _short(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _count(n: int, what: str) -> str:
    """``1 clause``, ``2 clauses``."""
    return f"{n} {what}{'' if n == 1 else 's'}"
