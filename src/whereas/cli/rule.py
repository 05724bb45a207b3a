"""``whereas rule CODE|NAME`` and ``whereas rule --all``: the rules' own documentation, for every code
(lint rules, X001, the V codes).

It is read from ``whereas/data/rules.json``, which ``python -m whereas.lint.docs`` generates from
``whereas.lint.registry`` (with ``docs/rules/``; ``tests/test_reports.py`` holds both to the rules), so
that this command starts without importing the lint engine and every rule module.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from whereas.cli import Command, root
from whereas.errors import UsageError

#: every code's documentation (``whereas.lint.docs.rule_index``)
RULE_INDEX = Path(__file__).resolve().parents[1] / "data" / "rules.json"
#: the keys of a row of ``--all --format json`` (``whereas.lint.docs.rule_row``)
ROW = ("code", "name", "severity", "profiles", "fixable", "fix_availability", "fix_applicability", "origin", "summary")


class RuleFormat(str, Enum):
    text = "text"
    json = "json"


def _rules() -> list[dict[str, Any]]:
    import json  # here, as in `rule`: registering the command (for `whereas check`, say) imports no json

    rules: list[dict[str, Any]] = json.loads(RULE_INDEX.read_text(encoding="utf-8"))["rules"]
    return rules


def _lookup(rules: list[dict[str, Any]], code_or_name: str) -> dict[str, Any] | None:
    """The rule with this code (W002, w002) or name (whereas-comma), as ``REGISTRY.lookup`` finds it."""
    key = code_or_name.strip()
    return next((r for r in rules if r["code"] == key.upper()), None) or next(
        (r for r in rules if r["name"] == key.lower()), None
    )


@root.command(cls=Command)
def rule(
    code: str | None = typer.Argument(
        None, metavar="CODE", help="A rule code (W002, V001, X001) or name (whereas-comma)."
    ),
    all_: bool = typer.Option(False, "--all", help="List every rule."),
    format_: RuleFormat = typer.Option(RuleFormat.text, "--format", "-f", help="text (Markdown) or json."),
    output_format: str | None = typer.Option(None, "--output-format", hidden=True, help="Deprecated: --format."),
) -> None:
    """Explain a rule, or list them all."""
    import json

    from rich.console import Console

    if output_format is not None:
        sys.stderr.write("warning: --output-format is deprecated; use --format\n")
        if output_format not in ("text", "json"):
            raise UsageError(f"--output-format must be text or json, not {output_format!r}")
        format_ = RuleFormat(output_format)
    console = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    rules = _rules()
    if all_:
        rows = [{k: r[k] for k in ROW} for r in rules]
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
    found = _lookup(rules, code)
    if found is None:
        raise UsageError(f"no rule {code!r}; `whereas rule --all` lists them")
    if format_ is RuleFormat.json:
        sys.stdout.write(json.dumps({k: v for k, v in found.items() if k != "markdown"}, indent=2) + "\n")
    elif console.is_terminal:
        from rich.markdown import Markdown

        console.print(Markdown(found["markdown"]))
    else:
        sys.stdout.write(found["markdown"])
