"""The work of one shard, the same on a Dask worker as in the calling process: check (or verify) its
files with the verbs, write its tables, then its status file, which says the shard is finished.

A shard's task is plain data (:class:`Task`) and its function a module-level one, so that both travel
to any Dask worker; the worker reads the input files and writes under ``OUT`` itself (a cluster's
workers share a file system with the machine that starts the batch).
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whereas.batch import tables
from whereas.batch.plan import now, shard_dir, write_atomically

STATUS_DIR = "shards"
#: the tables a shard writes, each ``OUT/TABLE/shard=NNNNN/``
OUTPUTS = ("files", "findings", "sources", "verdicts")
#: a verify shard's WARC archive, ``OUT/evidence/shard=NNNNN.warc.gz``
EVIDENCE = "evidence"


@dataclass(frozen=True)
class Task:
    """One shard: its ``number``, its files as ``(path, sha256)``, where to write (``out``) and the options
    of the command (``options``: ``CheckOptions``'s fields for a check, ``whereas.verify``'s for a verify)."""

    command: str  # "check" or "verify"
    number: int
    out: str
    files: tuple[tuple[str, str], ...]
    options: dict[str, Any] = field(default_factory=dict)


def status_path(out: Path, number: int) -> Path:
    return out / STATUS_DIR / f"{shard_dir(number)}.json"


def finished(out: Path) -> dict[int, dict[str, Any]]:
    """The finished shards under ``out`` and their status (counts, times)."""
    done: dict[int, dict[str, Any]] = {}
    for path in sorted((out / STATUS_DIR).glob("shard=*.json")):
        try:
            status = json.loads(path.read_text(encoding="utf-8"))
            done[int(path.stem.partition("=")[2])] = status
        except (OSError, ValueError):
            continue  # not ours, or unreadable: that shard runs again
    return done


def forget(out: Path, number: int) -> None:
    """Undo a finished shard: its status file first (the shard is no longer done), then what it wrote."""
    status_path(out, number).unlink(missing_ok=True)
    for table in OUTPUTS:
        shutil.rmtree(out / table / shard_dir(number), ignore_errors=True)
    (out / EVIDENCE / f"{shard_dir(number)}.warc.gz").unlink(missing_ok=True)


def run(task: Task) -> dict[str, Any]:
    """Do one shard's work and record it; its status (also written to ``OUT/shards/shard=NNNNN.json``)."""
    started, clock = now(), time.perf_counter()
    out = Path(task.out)
    counts, errors = check_shard(task, out) if task.command == "check" else verify_shard(task, out)
    status = {
        "status": "done",
        "files": len(task.files),
        "counts": counts,
        "errors": errors,
        "started": started,
        "finished": now(),
        "seconds": round(time.perf_counter() - clock, 3),
    }
    write_atomically(status_path(out, task.number), json.dumps(status).encode("utf-8"))
    return {"shard": task.number, **status}


def check_shard(task: Task, out: Path) -> tuple[dict[str, int], list[str]]:
    """``whereas check`` on the shard's files: its ``findings`` rows are the rows of ``--format json``
    (rendered by the JSON report itself, where the files are checked), each with the file's ``sha256``."""
    from whereas.api import CheckOptions, check
    from whereas.reports import json as json_report

    hashes = dict(task.files)
    result = check(list(hashes), CheckOptions(**task.options), render_file=json_report.render_file)
    findings: list[dict[str, Any]] = []
    files: list[dict[str, Any]] = []
    for r in result.files:
        rows = json.loads(b"[" + r.rendered + b"]") if r.rendered else []
        for row in rows:
            row["sha256"] = hashes[r.path]
        findings.extend(rows)
        files.append(
            {
                "path": r.path,
                "sha256": hashes[r.path],
                "resolutions": r.resolutions,
                "findings": len(rows),
                "profile": r.profile or None,
                "profile_reason": r.profile_reason or None,
                "error": str(r.error) if r.error is not None else None,
            }
        )
    checked = {r.path for r in result.files}
    for error in result.errors:  # a file gone since it was hashed
        if error.path in hashes and error.path not in checked:
            files.append({"path": error.path, "sha256": hashes[error.path], "error": str(error)})
    tables.write(out, "files", task.number, tables.FILES, files)
    tables.write(out, "findings", task.number, tables.FINDINGS, findings)
    errors = [f["error"] for f in files if f["error"]]
    counts = {
        "files": len(files),
        "resolutions": sum(f.get("resolutions") or 0 for f in files),
        "findings": len(findings),
        "errors": len(errors),
    }
    return counts, errors


def verify_shard(task: Task, out: Path) -> tuple[dict[str, int], list[str]]:
    """``whereas verify`` on the shard's files, its evidence in a WARC archive of its own
    (``OUT/evidence/shard=NNNNN.warc.gz``), unless ``--offline`` reads a given archive."""
    from whereas.api import verify
    from whereas.reports.verify_json import to_json

    options = dict(task.options)
    if options.get("archive") is None:
        archive = out / EVIDENCE / f"{shard_dir(task.number)}.warc.gz"
        archive.parent.mkdir(parents=True, exist_ok=True)
        options["archive"] = archive
    hashes = dict(task.files)
    result = verify(list(hashes), **options)
    rows = to_json(result)
    quotations: Any = rows["quotations"]
    verdicts = [{**q, "sha256": hashes.get(q["path"])} for q in quotations]
    sources_rows: Any = rows["sources"]
    sources = [{**s, "file_sha256": hashes.get(s["path"])} for s in sources_rows]
    errors = [str(e) for e in result.errors]
    tables.write(out, "sources", task.number, tables.SOURCES, sources)
    tables.write(out, "verdicts", task.number, tables.VERDICTS, verdicts)
    counts = {
        "files": len(task.files),
        "quotations": len(verdicts),
        "failing_quotations": sum(1 for q in result.quotations if q.failing),
        "sources": len(sources),
        "dead_sources": sum(1 for s in result.sources if s.failing),
        "errors": len(errors),
    }
    return counts, errors
