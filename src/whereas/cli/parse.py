"""``whereas parse FILE…``"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from whereas.cli import Command, print_error, root
from whereas.errors import InputError, about_file
from whereas.readers import read_path
from whereas.readers.formats import formats_help


class ParseFormat(str, Enum):
    json = "json"
    text = "text"


@root.command(cls=Command)
def parse(
    files: list[Path] = typer.Argument(..., metavar="FILE...", help=f"Resolution files ({formats_help()})."),
    format: ParseFormat = typer.Option(ParseFormat.json, "--format", "-f", help="json (an array) or a text outline."),
    verbose: bool = typer.Option(False, "--verbose", help="Show the traceback of an internal error."),
) -> None:
    """Read resolutions and print their structure. Exit 2 if a file could not be read (the others are printed)."""
    from whereas.api import parse_view  # here: registering the command imports no engine
    from whereas.serialize import resolution_to_dict

    resolutions = []
    rows: list[dict[str, object]] = []  # JSON: each file's resolutions serialised while its errors are still its own
    failed = 0
    for f in files:
        try:
            with about_file(str(f)):
                found = parse_view(read_path(f))
                if format is ParseFormat.json:
                    rows.extend(resolution_to_dict(r) for r in found)
        except InputError as exc:
            print_error(exc, verbose=verbose)
            failed += 1
            continue
        if not found:
            typer.secho(f"warning: {f}: no resolution found (no Whereas or Resolved clause)", err=True, fg="yellow")
        resolutions.extend(found)
    if failed == len(files):
        sys.exit(2)
    if format is ParseFormat.json:
        import json  # here: json is not imported for the commands that do not write it (`check`'s text report)

        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from rich.console import Console

        from whereas.reports.outline import print_outline

        console = Console(highlight=False, soft_wrap=True)
        for n, r in enumerate(resolutions, 1):
            print_outline(console, r, n)
    if failed:
        sys.exit(2)
