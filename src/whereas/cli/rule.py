"""``whereas rule CODE|NAME`` and ``whereas rule --all``: the rules' own documentation."""

from __future__ import annotations

import json
import sys

import typer

from whereas.cli import app
from whereas.errors import UsageError


@app.command()
def rule(
    code: str | None = typer.Argument(None, help="A rule code (W002) or name (whereas-comma)."),
    all_: bool = typer.Option(False, "--all", help="List every rule."),
    output_format: str = typer.Option("text", "--output-format", help="text or json."),
) -> None:
    """Explain a rule, or list them all."""
    from rich.console import Console

    from whereas.lint.docs import all_rules, default_profiles, fixable, lookup, rule_markdown

    if output_format not in ("text", "json"):
        raise UsageError(f"--output-format must be text or json, not {output_format!r}")
    console = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    if all_:
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "profiles": default_profiles(r),
                "fixable": fixable(r),
                "summary": r.summary,
            }
            for r in all_rules()
        ]
        if output_format == "json":
            sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        elif console.is_terminal:
            from rich.table import Table

            table = Table("Code", "Name", "Severity", "Profiles", "Fix", "What it finds")
            for row in rows:
                table.add_row(
                    row["code"],
                    row["name"],
                    row["severity"],
                    ", ".join(row["profiles"]),
                    row["fixable"],
                    row["summary"],
                )
            console.print(table)
        else:
            for row in rows:
                sys.stdout.write(
                    f"{row['code']}\t{row['name']}\t{row['severity']}\t{','.join(row['profiles']) or '-'}\t{row['fixable']}\n"
                )
        return
    if code is None:
        raise UsageError("give a rule code or name (whereas rule W002), or --all")
    found = lookup(code)
    if found is None:
        raise UsageError(f"no rule {code!r}; `whereas rule --all` lists them")
    if output_format == "json":
        payload = {
            "code": found.code,
            "name": found.name,
            "severity": found.severity.value,
            "profiles": default_profiles(found),
            "fixable": fixable(found),
            "summary": found.summary,
            "why": found.why,
            "options": dict(found.options),
            "bad": found.bad,
            "good": found.good,
            "fix": found.fix_note,
        }
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
    elif console.is_terminal:
        from rich.markdown import Markdown

        console.print(Markdown(rule_markdown(found)))
    else:
        sys.stdout.write(rule_markdown(found))
