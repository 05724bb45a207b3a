"""When ``whereas verify`` checked nothing, it says so and exits 2: an archive that is missing or not a
WARC file, no source reachable (no network), no input file.  Network only to 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from conftest import SEED, run_cli


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``whereas ARGS`` in an environment of its own: no proxy, and a home of nothing."""
    return run_cli(*args, cwd=cwd, env={"PATH": "/usr/bin:/bin", "HOME": str(cwd)}, clean_env=True)


def seed(tmp_path: Path) -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/seed is absent")
    doc = tmp_path / "seed.txt"
    doc.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return doc


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_missing_archive_offline_is_an_error_naming_it(tmp_path: Path) -> None:
    seed(tmp_path)
    proc = run("verify", "seed.txt", "--archive", "nosuch.warc.gz", "--offline", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout
    assert "nosuch.warc.gz" in proc.stderr and "no such evidence archive" in proc.stderr


def test_a_file_that_is_not_a_warc_is_an_error_naming_it(tmp_path: Path) -> None:
    seed(tmp_path)
    (tmp_path / "notes.warc.gz").write_text("these are my notes, not an archive\n")
    for extra in ([], ["--offline"]):
        proc = run("verify", "seed.txt", "--archive", "notes.warc.gz", "--no-wayback", *extra, cwd=tmp_path)
        assert proc.returncode == 2 and "notes.warc.gz: not a WARC archive" in proc.stderr, proc.stderr


def test_no_source_reachable_is_nothing_verified(tmp_path: Path) -> None:
    ports = [closed_port(), closed_port()]
    text = (
        'Whereas the board said "we meet on Tuesdays"[endnoteRef:1]; [1: Board. "Minutes". '
        f"http://127.0.0.1:{ports[0]}/minutes]\n\n"
        'Whereas the clerk said "the budget is late"[endnoteRef:2]; now, therefore, be it [2: Clerk. "Note". '
        f"http://127.0.0.1:{ports[1]}/note]\n\n"
        "RESOLVED, that we act.\n"
    )
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    allow = [a for p in ports for a in ("--allow-host", f"127.0.0.1:{p}")]
    for fmt in ("text", "json"):
        proc = run("verify", "r.txt", "--no-wayback", "--archive", "e.warc.gz", "-f", fmt, *allow, cwd=tmp_path)
        assert proc.returncode == 2, (proc.stdout, proc.stderr)
        assert (
            "could not reach any source — nothing was verified; use --archive/--offline to check against saved evidence"
            in proc.stderr
        )
    # offline, with no archive beside the file (the default one): nothing verified either
    proc = run("verify", "r.txt", "--offline", cwd=tmp_path)
    assert proc.returncode == 2 and "nothing was verified" in proc.stderr, proc.stderr


def test_a_missing_input_prints_only_the_error(tmp_path: Path) -> None:
    proc = run("verify", "nosuch.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.strip() == "error: nosuch.txt: no such file or directory"
