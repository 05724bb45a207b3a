"""``whereas rule CODE|NAME`` and ``whereas rule --all``: the rules' own documentation, for every code
(lint rules, X001, the V codes), from ``whereas.lint.registry``."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Any

import typer

from whereas.cli import Command, app
from whereas.errors import UsageError


class RuleFormat(str, Enum):
    text = "text"
    json = "json"


def _row(rule: Any) -> dict[str, Any]:
    from whereas.lint.docs import default_profiles

    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "profiles": default_profiles(rule),
        "fixable": rule.fix.label,
        "fix_availability": rule.fix.availability.value,
        "fix_applicability": list(rule.fix.applicability),
        "origin": rule.origin,
        "summary": rule.summary,
    }


@app.command(cls=Command)
def rule(
    code: str | None = typer.Argument(
        None, metavar="CODE", help="A rule code (W002, V001, X001) or name (whereas-comma)."
    ),
    all_: bool = typer.Option(False, "--all", help="List every rule."),
    format_: RuleFormat = typer.Option(RuleFormat.text, "--format", "-f", help="text (Markdown) or json."),
    output_format: str | None = typer.Option(None, "--output-format", hidden=True, help="Deprecated: --format."),
) -> None:
    """Explain a rule, or list them all."""
    from rich.console import Console

    from whereas.lint.docs import rule_markdown
    from whereas.lint.registry import REGISTRY

    if output_format is not None:
        sys.stderr.write("warning: --output-format is deprecated; use --format\n")
        if output_format not in ("text", "json"):
            raise UsageError(f"--output-format must be text or json, not {output_format!r}")
        format_ = RuleFormat(output_format)
    console = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    if all_:
        rows = [_row(r) for r in REGISTRY]
        if format_ is RuleFormat.json:
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
    found = REGISTRY.lookup(code)
    if found is None:
        raise UsageError(f"no rule {code!r}; `whereas rule --all` lists them")
    if format_ is RuleFormat.json:
        payload = {
            **_row(found),
            "why": found.why,
            "known_problems": found.known_problems,
            "options": {
                o.name: {
                    "type": o.type,
                    "default": list(o.default) if isinstance(o.default, tuple) else o.default,
                    "doc": o.doc,
                }
                for o in found.option_docs()
            },
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
