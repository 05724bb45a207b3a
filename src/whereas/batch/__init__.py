"""``whereas batch check|verify``: the work of ``whereas check`` and ``whereas verify`` on a corpus,
cut into shards that run as tasks on Dask distributed (or in this process), each writing its results as
Parquet under ``OUT``, with a run manifest that lets an interrupted batch resume (docs/scale.md).

It sits above the verbs (``whereas.api``), which each shard calls: a shard does exactly what the
command does on its files.  Dask and pyarrow are imported only here, when a batch runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whereas import __version__
from whereas.batch.engines import INSTALL, engine
from whereas.batch.plan import MANIFEST, Manifest, load, now, plan, same_run
from whereas.errors import InputError, UsageError
from whereas.files import collect

__all__ = ["Batch", "Summary", "run"]

#: files per shard by default: enough to make a task's overhead small, few enough to lose little when one is redone
SHARD_SIZE = 256
#: seconds between rewrites of the manifest while shards finish (the status files are written at once),
#: and at least this many times what the last rewrite took (a million inputs make a large manifest)
MANIFEST_EVERY = 2.0
MANIFEST_SHARE = 20


@dataclass(frozen=True)
class Batch:
    """What a batch is asked: ``command`` ("check" or "verify") on ``paths``, written under ``out``.

    ``options``: ``CheckOptions``'s fields for a check (``profile``), ``whereas.verify``'s keywords
    for a verify (``offline``, ``archive``, ``allow_hosts``, ``per_host``…).  ``engine``: "local" or
    "dask" (``scheduler``: a running cluster's address; ``workers`` and ``processes``: the
    ``LocalCluster``'s otherwise)."""

    command: str
    paths: tuple[Path, ...]
    out: Path
    options: dict[str, Any] = field(default_factory=dict)
    engine: str = "local"
    scheduler: str | None = None
    shard_size: int = SHARD_SIZE
    workers: int | None = None
    processes: bool = True


@dataclass
class Summary:
    inputs: int = 0
    shards: int = 0  # shards in the batch, finished before or now
    ran: int = 0  # shards run by this call
    skipped: int = 0  # shards finished by an earlier run
    failed: dict[int, str] = field(default_factory=dict)  # shard -> what stopped it
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[InputError | str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """1 when a shard failed (run the command again to retry it), 2 when an input could not be read, else 0."""
        return 1 if self.failed else 2 if self.errors else 0


#: the verify options that change the verdicts: a batch resumes only with the same ones
_VERIFY_IDENTITY = ("offline", "archive", "allow_hosts", "wayback_url")


def run(batch: Batch, say: Callable[[str], None] = lambda line: None) -> Summary:
    """Run (or resume) ``batch``; ``say`` is told what happens, a line at a time."""
    if batch.command not in ("check", "verify"):
        raise UsageError(f"batch {batch.command}: choose check or verify")
    if batch.shard_size < 1:
        raise UsageError("--shard-size must be at least 1")
    try:
        from whereas.batch import shards
    except ImportError:
        raise UsageError(f"whereas batch writes Parquet with pyarrow, which is not installed: {INSTALL}") from None
    runner = engine(batch.engine, batch.scheduler, workers=batch.workers, processes=batch.processes)
    out = batch.out
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: not a folder")
    previous = load(out)
    if previous is None and out.is_dir() and any(out.iterdir()):
        raise UsageError(f"--out {out}: holds other files and no {MANIFEST}; give an empty or new folder")
    identity = (
        {"profile": batch.options.get("profile")}
        if batch.command == "check"
        else {k: _plain(batch.options.get(k)) for k in _VERIFY_IDENTITY}
    )
    manifest = Manifest(batch.command, identity, __version__, batch.shard_size, started=now())
    if previous is not None:
        same_run(previous, manifest, out)
    done = shards.finished(out) if previous is not None else {}
    collected = collect(batch.paths)
    todo, unreadable, stale = plan(collected.files, manifest, previous, set(done))
    for number in sorted(stale):  # a file changed since that shard checked it: the shard is planned again
        shards.forget(out, number)
        del done[number]
    manifest.shards = {n: status for n, status in done.items()}
    manifest.shards.update({n: {"status": "pending", "files": len(items)} for n, items in todo.items()})
    out.mkdir(parents=True, exist_ok=True)
    manifest.save(out)
    summary = Summary(inputs=len(manifest.inputs), shards=len(manifest.shards), skipped=len(done))
    summary.errors = [*collected.errors, *unreadable]
    say(f"batch {batch.command}: {len(todo)} shards to run, {len(done)} finished already, {summary.inputs} files")
    with runner:
        options = _task_options(batch, runner.slots)
        tasks = [
            shards.Task(batch.command, n, str(out), tuple((i.path, i.sha256) for i in items), options)
            for n, items in sorted(todo.items())
        ]
        last_save, wait = time.monotonic(), MANIFEST_EVERY
        for task, outcome in runner.map(shards.run, tasks):
            if isinstance(outcome, BaseException):
                summary.failed[task.number] = f"{type(outcome).__name__}: {outcome}"
                manifest.shards[task.number] = {"status": "failed", "files": len(task.files), "error": str(outcome)}
            else:
                summary.ran += 1
                manifest.shards[task.number] = {k: v for k, v in outcome.items() if k != "shard"}
            if time.monotonic() - last_save >= wait:
                start = time.monotonic()
                manifest.save(out)
                last_save = time.monotonic()
                wait = max(MANIFEST_EVERY, MANIFEST_SHARE * (last_save - start))
    if not summary.failed:
        manifest.finished = now()
    manifest.save(out)
    for status in manifest.shards.values():
        for k, v in status.get("counts", {}).items():
            summary.counts[k] = summary.counts.get(k, 0) + v
        summary.errors.extend(status.get("errors", ()))
    return summary


def _plain(value: object) -> object:
    """An option as JSON keeps it (paths as text, tuples as lists)."""
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _task_options(batch: Batch, slots: int) -> dict[str, Any]:
    """The options each shard gets.  A verify's ``per_host`` and ``concurrency`` are the batch's
    limits: shared out among the shards running at once (at least 1 each)."""
    options = dict(batch.options)
    if batch.command == "verify":
        for key, default in (("per_host", 4), ("concurrency", 16)):
            options[key] = max(1, int(options.get(key, default)) // slots)
    return options
