"""``whereas batch check|verify PATH… --out DIR``: a corpus as shards on Dask (or in process), its results
as Parquet under DIR (``whereas.batch``; docs/scale.md).  This module only reads the options."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from whereas.cli import Command, root
from whereas.cli.fetching import ALLOW_HOST, NO_WAYBACK, TIMEOUT, WAYBACK_URL
from whereas.errors import UsageError

batch_app = typer.Typer(
    name="batch",
    help="Check or verify a whole corpus in shards, on Dask or in process, into Parquet (docs/scale.md).",
    no_args_is_help=True,
)
root.add_typer(batch_app, name="batch")  # named here too: `whereas.cli.command_app` finds it by name


class Engine(str, Enum):
    local = "local"
    dask = "dask"


_PATHS = typer.Argument(..., metavar="PATH...", help="Files or directories (walked as whereas check walks them).")
_OUT = typer.Option(..., "--out", help="Folder of the results and manifest; run again with the same one to resume.")
_ENGINE = typer.Option(Engine.local, "--engine", help="local: shards in turn in this process; dask: Dask tasks.")
_SCHEDULER = typer.Option(
    None, "--scheduler", metavar="ADDRESS", help="With --engine dask: a running cluster (tcp://host:8786)."
)
_SHARD_SIZE = typer.Option(256, "--shard-size", metavar="N", help="Files per shard.")


@batch_app.command("check", cls=Command)
def batch_check(
    paths: list[Path] = _PATHS,
    out: Path = _OUT,
    engine: Engine = _ENGINE,
    scheduler: str | None = _SCHEDULER,
    profile: str | None = typer.Option(
        None, "--profile", "-p", help="Drafting profile: ala, ronr, congress, labor, city (default: inferred)."
    ),
    shard_size: int = _SHARD_SIZE,
) -> None:
    """Lint a corpus: findings (the rows of check --format json) to DIR/findings as Parquet. Exit 1: a shard failed."""
    from whereas.api import CheckOptions
    from whereas.lint.settings import Configs

    if profile is not None:
        Configs(CheckOptions(profile=profile).overrides, None)  # a bad profile is a usage error before anything runs
    _run("check", paths, out, engine, scheduler, shard_size, {"profile": profile})


@batch_app.command("verify", cls=Command)
def batch_verify(
    paths: list[Path] = _PATHS,
    out: Path = _OUT,
    engine: Engine = _ENGINE,
    scheduler: str | None = _SCHEDULER,
    shard_size: int = _SHARD_SIZE,
    offline: bool = typer.Option(False, "--offline", help="Answer only from --archive; never use the network."),
    archive: Path | None = typer.Option(
        None, "--archive", help="With --offline: the WARC archive to answer from (default: each shard's own)."
    ),
    wayback_url: str = WAYBACK_URL,
    no_wayback: bool = NO_WAYBACK,
    timeout: float = TIMEOUT,
    concurrency: int = typer.Option(16, "--concurrency", help="Requests in flight at most, over the whole batch."),
    per_host: int = typer.Option(4, "--per-host", help="Requests in flight at most per host, over the whole batch."),
    allow_host: list[str] | None = ALLOW_HOST,
) -> None:
    """Verify a corpus's quotations: verdicts to DIR/verdicts, sources to DIR/sources, evidence to DIR/evidence."""
    if archive is not None and not offline:
        raise UsageError("--archive goes with --offline: each shard writes its own archive under --out")
    if concurrency < 1 or per_host < 1:
        raise UsageError("--concurrency and --per-host must be at least 1")
    options: dict[str, object] = {
        "offline": offline,
        "archive": archive,
        "wayback_url": None if no_wayback else wayback_url,
        "timeout": timeout,
        "concurrency": concurrency,
        "per_host": per_host,
        "allow_hosts": tuple(allow_host or ()),
    }
    _run("verify", paths, out, engine, scheduler, shard_size, options)


def _run(
    command: str,
    paths: list[Path],
    out: Path,
    engine: Engine,
    scheduler: str | None,
    shard_size: int,
    options: dict[str, object],
) -> None:
    from whereas.batch import Batch, run

    def say(line: str) -> None:
        typer.echo(line, err=True)

    batch = Batch(command, tuple(paths), out, options, engine.value, scheduler, shard_size)
    summary = run(batch, say)
    counts = ", ".join(f"{v:,} {k}" for k, v in summary.counts.items())
    say(
        f"batch {command}: {summary.shards} shards ({summary.ran} run now, {summary.skipped} finished before)"
        f"{', ' + counts if counts else ''} → {out}"
    )
    for error in summary.errors:
        typer.secho(f"error: {error}", err=True, fg="red")
    for number, why in summary.failed.items():
        typer.secho(f"error: shard {number} failed: {why} (run the same command again to retry it)", err=True, fg="red")
    sys.exit(summary.exit_code)
