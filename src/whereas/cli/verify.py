"""``whereas verify FILE…``: check every quotation and citation against its source."""

from __future__ import annotations

import os
import sys
from enum import Enum
from functools import partial
from pathlib import Path

import typer

from whereas.cli import Command, root, terminal
from whereas.cli.fetching import ALLOW_HOST, NO_WAYBACK, TIMEOUT, WAYBACK_URL


class VerifyFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


@root.command(cls=Command)
def verify(
    files: list[Path] = typer.Argument(..., metavar="PATH...", help="Resolution files or directories."),
    format: VerifyFormat | None = typer.Option(
        None, "--format", "-f", help="text (default; github when GITHUB_ACTIONS=true), json, sarif, github."
    ),
    archive: Path | None = typer.Option(
        None, "--archive", help="WARC evidence file (default: .whereas/evidence.warc.gz next to each checked file)."
    ),
    offline: bool = typer.Option(False, "--offline", help="Answer only from the archive; never touch the network."),
    refresh: bool = typer.Option(False, "--refresh", help="Fetch again what the archive already holds."),
    wayback_url: str = WAYBACK_URL,
    no_wayback: bool = NO_WAYBACK,
    timeout: float = TIMEOUT,
    concurrency: int = typer.Option(16, "--concurrency", help="Requests in flight at most, overall."),
    per_host: int = typer.Option(4, "--per-host", help="Requests in flight at most, per host."),
    allow_host: list[str] | None = ALLOW_HOST,
) -> None:
    """Check each quotation and cited title against its fetched source. Exit 1: misquoted, not found or dead link; 2: bad input."""
    without_httpx_command_line()
    from whereas.api import verify as verify_api

    if format is None:
        format = VerifyFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else VerifyFormat.text
    progress = None
    if format is VerifyFormat.text and terminal(sys.stderr):  # rich is imported after the fetching otherwise
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        err = Console(stderr=True)
        progress = Progress(
            TextColumn("fetching"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True
        )
    task = None

    def tick(done: int, total: int, url: str) -> None:
        nonlocal task
        if progress is None:
            return
        if task is None:
            task = progress.add_task("fetch", total=total)
        progress.update(task, completed=done, total=total)

    run = partial(
        verify_api,
        files,
        archive=archive,
        offline=offline,
        refresh=refresh,
        wayback_url=None if no_wayback else wayback_url,
        timeout=timeout,
        concurrency=concurrency,
        per_host=per_host,
        allow_hosts=tuple(allow_host or ()),
        progress=tick if progress is not None else None,
    )
    if progress is not None:
        with progress:
            result = run()
    else:
        result = run()
    if format is VerifyFormat.json:
        from whereas.reports.verify_json import render

        sys.stdout.write(render(result))
    elif format is VerifyFormat.sarif:
        from whereas.reports.verify_sarif import render as render_sarif

        sys.stdout.write(render_sarif(result))
    elif format is VerifyFormat.github:
        from whereas.reports.verify_sarif import render_github

        sys.stdout.write(render_github(result))
    else:
        from rich.console import Console

        from whereas.reports.verify_text import print_report

        print_report(Console(highlight=False, soft_wrap=True), result)
    for e in result.errors:
        typer.secho(f"error: {e}", err=True, fg="red")
    if result.nothing_verified:
        typer.secho(f"error: {result.nothing_verified}", err=True, fg="red")
    sys.exit(result.exit_code)  # click swallows typer.Exit codes when not standalone


def without_httpx_command_line() -> None:
    """Keep httpx from importing its own command line in this process.  ``import httpx`` imports
    ``httpx._main`` (click, rich, pygments: ≈ 50 ms of CPU before the first request) whenever click is
    installed, as Dask brings it; httpx falls back to a stub ``httpx.main`` when that module cannot be
    imported, which a ``None`` in ``sys.modules`` makes so.  whereas never runs httpx's command line."""
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]  # None: "cannot be imported"
