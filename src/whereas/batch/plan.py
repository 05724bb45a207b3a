"""A batch's plan and its record: the input files, their content hashes, their shards, and the run
manifest (``OUT/manifest.json``) that lets an interrupted batch resume where it stopped.

A shard is finished when its output is in place (``OUT/findings/shard=NNNNN/part.parquet`` for a
check), each output being written under a temporary name and renamed: a killed run leaves either the
whole file or none.  The manifest is rewritten as shards finish; the files, not the manifest, say
which shards are done, so a run killed between a shard's rename and the manifest's rewrite loses
nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from whereas.errors import InputError, UsageError

MANIFEST = "manifest.json"
#: how shards are named in paths: ``shard=00042`` (hive-style partitioning, read as a column)
SHARD_DIGITS = 5


def shard_dir(number: int) -> str:
    return f"shard={number:0{SHARD_DIGITS}d}"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """``path`` holds ``data`` whole, or keeps what it held: written under a temporary name, then renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class Input:
    path: str
    sha256: str
    shard: int | None = None  # the shard whose output holds this content (another path's, for a copy)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "shard": self.shard}


@dataclass
class Manifest:
    """``OUT/manifest.json``: what the batch was asked (``command``, ``options``), by which
    ``whereas_version``, its ``inputs`` and the status and counts of each of its ``shards``."""

    command: str
    options: dict[str, Any]
    whereas_version: str
    shard_size: int
    inputs: list[Input] = field(default_factory=list)
    shards: dict[int, dict[str, Any]] = field(default_factory=dict)
    started: str = ""
    finished: str | None = None

    def to_json(self) -> bytes:
        counts: dict[str, int] = {}
        for s in self.shards.values():
            for k, v in s.get("counts", {}).items():
                counts[k] = counts.get(k, 0) + v
        data = {
            "whereas_version": self.whereas_version,
            "command": self.command,
            "options": self.options,
            "shard_size": self.shard_size,
            "started": self.started,
            "finished": self.finished,
            "counts": counts,
            "shards": [{"shard": n, **self.shards[n]} for n in sorted(self.shards)],
            "inputs": [i.to_dict() for i in self.inputs],
        }
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"

    def save(self, out: Path) -> None:
        write_atomically(out / MANIFEST, self.to_json())


def load(out: Path) -> dict[str, Any] | None:
    path = out / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: not a batch manifest ({exc}); give another --out") from None
    if not isinstance(data, dict) or not isinstance(data.get("inputs"), list):
        raise UsageError(f"{path}: not a batch manifest; give another --out")
    return data


def same_run(previous: dict[str, Any], manifest: Manifest, out: Path) -> None:
    """A batch resumes only what the same command, options and version wrote."""
    where = out / MANIFEST
    if previous.get("command") != manifest.command:
        raise UsageError(
            f"{where}: this folder holds a batch {previous.get('command')}, not a batch {manifest.command}; "
            "give another --out"
        )
    if previous.get("whereas_version") != manifest.whereas_version:
        raise UsageError(
            f"{where}: written by whereas {previous.get('whereas_version')}, this is {manifest.whereas_version}; "
            "give another --out"
        )
    old = previous.get("options", {})
    for key, value in manifest.options.items():
        if old.get(key) != value:
            raise UsageError(
                f"{where}: this batch was run with {key} = {json.dumps(old.get(key))}, "
                f"not {json.dumps(value)}; give the same options or another --out"
            )


def plan(
    files: Iterable[Path], manifest: Manifest, previous: dict[str, Any] | None, done: set[int]
) -> tuple[dict[int, list[Input]], list[InputError], set[int]]:
    """Fill ``manifest.inputs`` and return the shards to run, ``{number: inputs}``, the files that
    could not be read, and the finished shards that are out of date.

    Every file is hashed.  The inputs of the previous run's finished shards (``done``) are kept as they
    were, and a file whose content one of them holds is not checked again.  A finished shard that checked
    a file whose content has changed since is out of date: it is planned again as if it had not run (its
    inputs walked again), and its outputs must be forgotten (``shards.forget``).  The other files, in
    order, each content once, are cut into shards of ``shard_size``, numbered from the lowest number no
    finished shard has: the same command run again after an interruption plans the same shards it
    planned the first time.
    """
    errors: list[InputError] = []
    current: list[Input] = []
    seen: set[str] = set()
    for path in files:
        name = str(path)
        if name in seen:
            continue
        seen.add(name)
        try:
            current.append(Input(name, sha256_file(path)))
        except OSError as exc:
            errors.append(InputError(name, exc.strerror or str(exc)))
    before = [row for row in previous.get("inputs", []) if row.get("shard") in done] if previous else []
    checked = {row["path"]: row for row in before}
    stale = {checked[i.path]["shard"] for i in current if i.path in checked and checked[i.path]["sha256"] != i.sha256}
    known: dict[str, int] = {}  # sha256 -> the shard holding it
    inputs: list[Input] = []
    for row in before:
        if row["shard"] not in stale:
            known.setdefault(row["sha256"], row["shard"])
            inputs.append(Input(row["path"], row["sha256"], row["shard"]))
    listed = {i.path for i in inputs}
    todo: list[Input] = []
    fresh: dict[str, Input] = {}  # sha256 -> the first new input with that content
    for item in current:
        if item.path in listed:
            continue
        inputs.append(item)
        if item.sha256 in known:
            item.shard = known[item.sha256]
        elif item.sha256 in fresh:
            todo.append(item)  # a copy: its shard is its first copy's, set below
        else:
            fresh[item.sha256] = item
            todo.append(item)
    finished = done - stale
    shards: dict[int, list[Input]] = {}
    numbers = (n for n in range(len(finished) + len(todo) + 1) if n not in finished)
    firsts = [i for i in todo if fresh[i.sha256] is i]
    for lo in range(0, len(firsts), manifest.shard_size):
        number = next(numbers)
        shards[number] = firsts[lo : lo + manifest.shard_size]
        for item in shards[number]:
            item.shard = number
    for item in todo:
        item.shard = fresh[item.sha256].shard
    manifest.inputs = inputs
    return shards, errors, stale
