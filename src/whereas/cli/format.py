"""``whereas format PATH…``: safe fixes and the canonical layout (text/Markdown in place, Word to a new file)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from whereas.cli import Command, print_error, root
from whereas.readers.formats import FORMATS, listed


@root.command("format", cls=Command)
def format_command(
    paths: list[Path] = typer.Argument(
        ...,
        metavar="PATH...",
        help=f"Files or directories ({listed(f.extensions[0] for f in FORMATS if f.fix_in_place)} rewritten in place; "
        f"{listed(f.extensions[0] for f in FORMATS if f.formatted_copy)} to a new file).",
    ),
    profile: str | None = typer.Option(
        None, "--profile", "-p", help="Drafting profile: ala, ronr, congress, labor, city."
    ),
    config: Path | None = typer.Option(
        None, "--config", help="Use this whereas.toml or pyproject.toml for every file."
    ),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if any file would change."),
    diff: bool = typer.Option(False, "--diff", help="Print what would change as a unified diff; write nothing."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Apply unsafe fixes too."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Where to write (one input file only; default: in place, or FILE.formatted.docx)."
    ),
    verbose: bool = typer.Option(False, "--verbose", help="Show the traceback of an internal error."),
) -> None:
    """Rewrite resolutions in the profile's canonical layout. Exit 0, 1 (--check/--diff: would change), 2 (bad input)."""
    from whereas.format import FormatOptions, format_paths

    options = FormatOptions(
        profile=profile,
        config=str(config) if config else None,
        unsafe_fixes=unsafe_fixes,
        write=not (check or diff),
        output=str(output) if output else None,
    )
    results = format_paths([str(p) for p in paths], options)
    changed = errors = 0
    for item in results:
        if item.error is not None:
            errors += 1
            print_error(item.error, verbose=verbose)
            continue
        r = item.result
        assert r is not None
        if diff and r.changed:
            from whereas.reports.diff import unified_diff

            sys.stdout.writelines(unified_diff(r.original, r.text, f"a/{item.path}", f"b/{item.path}"))
        if r.changed or item.written:
            changed += 1
        if item.written:
            fixes = r.fixes_applied
            typer.echo(f"formatted {item.path} -> {item.written} ({fixes} fix{'' if fixes == 1 else 'es'})", err=True)
        elif check and r.changed:
            typer.echo(f"would reformat {item.path}", err=True)
        elif not r.resolutions:
            typer.echo(f"{item.path}: no resolution found; left as is", err=True)
    verb = "would be reformatted" if (check or diff) else "reformatted"
    files = f"{changed} file" if changed == 1 else f"{changed} files"
    typer.echo(f"{files} {verb}, {len(results) - changed - errors} unchanged", err=True)
    if errors:
        sys.exit(2)
    if (check or diff) and changed:
        sys.exit(1)
