"""``whereas parse FILE…``"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from whereas.api import parse_view
from whereas.cli import app
from whereas.readers import read_path


class ParseFormat(str, Enum):
    json = "json"
    text = "text"


@app.command()
def parse(
    files: list[Path] = typer.Argument(..., help="Resolution files (.txt, .md, .docx, .doc, .odt, .html, .pdf, USLM/Chicago XML)."),
    format: ParseFormat = typer.Option(ParseFormat.json, "--format", "-f", help="json (an array) or a text outline."),
) -> None:
    """Read resolutions and print their structure."""
    resolutions = []
    for f in files:
        found = parse_view(read_path(f))
        if not found:
            typer.secho(f"warning: {f}: no resolution found (no Whereas or Resolved clause)", err=True, fg="yellow")
        resolutions.extend(found)
    if format is ParseFormat.json:
        from whereas.serialize import resolution_to_dict

        json.dump([resolution_to_dict(r) for r in resolutions], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from rich.console import Console

        from whereas.reports.outline import print_outline

        console = Console(highlight=False, soft_wrap=True)
        for n, r in enumerate(resolutions, 1):
            print_outline(console, r, n)
