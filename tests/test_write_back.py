"""Writing files back (``format``, ``check --fix``): through symbolic links, in the file's own line
endings, without leaving temporary files behind (after Ctrl-C, SIGTERM, or SIGKILL and a rerun)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

UNFORMATTED = "Resolution on Parks\n\nWhereas the park is old;\nand needs care;\n\nResolved, that we fix it.\n"
FORMATTED = (
    "Resolution on Parks\n\nWhereas the park is old; and needs care; therefore, be it\n\nResolved, that we fix it.\n"
)


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("command", [["format"], ["check", "--fix"]])
def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path, command: list[str]) -> None:
    real = tmp_path / "real" / "parks.txt"
    real.parent.mkdir()
    real.write_text(UNFORMATTED, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(os.path.relpath(real, tmp_path))
    proc = run_cli(*command, link.name, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert link.is_symlink() and os.readlink(link) == "real/parks.txt"
    assert "therefore, be it" in real.read_text(encoding="utf-8")
    assert temps(tmp_path) == [] and temps(real.parent) == []


@pytest.mark.parametrize("command", [["format"], ["check", "--fix"]])
def test_a_symlink_found_in_a_directory_walk_is_not_written_through(tmp_path: Path, command: list[str]) -> None:
    """``check --fix docs`` once rewrote the file outside ``docs`` that a link inside it pointed at: only
    a link named on the command line is written through. The other files are still fixed; exit 2."""
    outside = tmp_path / "outside" / "notes.txt"
    outside.parent.mkdir()
    outside.write_text(UNFORMATTED, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "link.txt").symlink_to("../outside/notes.txt")
    (docs / "parks.txt").write_text(UNFORMATTED, encoding="utf-8")
    proc = run_cli(*command, "docs", cwd=tmp_path)
    assert proc.returncode == 2
    assert "error: docs/link.txt: is a symbolic link (to ../outside/notes.txt)" in proc.stderr
    assert outside.read_text(encoding="utf-8") == UNFORMATTED
    assert "therefore, be it" in (docs / "parks.txt").read_text(encoding="utf-8")
    assert temps(docs) == [] and temps(outside.parent) == []


def test_a_link_planted_where_format_writes_a_word_copy_is_refused(tmp_path: Path) -> None:
    """``format X.docx`` writes ``X.formatted.docx``, a name the user did not give: a link there is refused."""
    (tmp_path / "parks.txt").write_text(UNFORMATTED, encoding="utf-8")
    assert run_cli("render", "parks.txt", "-o", "parks.docx", cwd=tmp_path).returncode == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("keep me", encoding="utf-8")
    (tmp_path / "parks.formatted.docx").symlink_to("secret.txt")
    proc = run_cli("format", "parks.docx", cwd=tmp_path)
    assert proc.returncode == 2 and "parks.formatted.docx: is a symbolic link (to secret.txt)" in proc.stderr
    assert secret.read_text(encoding="utf-8") == "keep me"
    proc = run_cli("format", "parks.docx", "-o", "parks.formatted.docx", cwd=tmp_path)  # named: written through
    assert proc.returncode == 0, proc.stderr
    assert secret.read_bytes().startswith(b"PK")


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"], ids=["CR", "CRLF", "LF"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_format_keeps_the_file_s_own_line_endings(tmp_path: Path, ending: str, encoding: str) -> None:
    """Classic Mac (CR-only) files stay CR-only, Windows files CRLF, in UTF-16 too."""
    path = tmp_path / "parks.txt"
    path.write_bytes(UNFORMATTED.replace("\n", ending).encode(encoding))
    proc = run_cli("format", path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert path.read_bytes() == FORMATTED.replace("\n", ending).encode(encoding)


def test_line_endings_follow_most_of_the_lines(tmp_path: Path) -> None:
    path = tmp_path / "parks.txt"
    path.write_bytes(UNFORMATTED.replace("\n", "\r").replace("fix it.\r", "fix it.\r\n").encode())
    assert run_cli("format", path.name, cwd=tmp_path).returncode == 0
    assert path.read_bytes() == FORMATTED.replace("\n", "\r").encode()


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_stale_temp_files_of_our_own_pattern_are_removed_on_the_next_write(tmp_path: Path) -> None:
    path = tmp_path / "parks.txt"
    path.write_text(UNFORMATTED, encoding="utf-8")
    names = {
        ".parks.txt.k3_9ab0z.tmp": 120,  # ours, stale: removed
        ".parks.txt.a1b2c3d4.tmp": 5,  # ours, but fresh (another whereas may be writing it): kept
        ".parks.txt.short.tmp": 120,  # not mkstemp's 8 characters: kept
        ".parks.txt.ABCD1234.tmp": 120,  # capitals: not mkstemp's: kept
        ".other.txt.k3_9ab0z.tmp": 120,  # stands for another file, not written: kept
        "parks.txt.k3_9ab0z.tmp": 120,  # no leading dot: kept
    }
    for name, age in names.items():
        (tmp_path / name).write_text("left behind", encoding="utf-8")
        _age(tmp_path / name, age)
    assert run_cli("format", path.name, cwd=tmp_path).returncode == 0
    assert temps(tmp_path) == sorted(set(names) - {".parks.txt.k3_9ab0z.tmp"})


# A whereas that writes through the CLI, stopped while the temporary file is open: ``os.fsync``
# (not the code under test) waits, after saying so, until the signal comes.
# (SIGINT as a terminal delivers it: a job started in the background by a non-interactive shell, as a CI runner may
# start the tests, inherits SIGINT ignored, and Python then keeps it ignored)
_SLOW_WRITER = """
import os, signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
real_fsync = os.fsync
def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(60)
    real_fsync(fd)
os.fsync = slow_fsync
sys.argv = ["whereas", "format", sys.argv[1]]
from whereas.cli import main
main()
"""


def _writer_stopped_by(tmp_path: Path, sig: signal.Signals) -> tuple[subprocess.Popen[str], list[str]]:
    """(the finished writer, the temporary files seen while it was writing)."""
    path = tmp_path / "parks.txt"
    path.write_text(UNFORMATTED, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, path.name], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "writing\n"
        during = temps(tmp_path)
        proc.send_signal(sig)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc, during


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"])
def test_interrupted_writes_remove_their_temp_file(tmp_path: Path, sig: signal.Signals, code: int) -> None:
    proc, during = _writer_stopped_by(tmp_path, sig)
    assert len(during) == 1 and during[0].startswith(".parks.txt.")
    assert proc.returncode == code, proc.stderr
    assert temps(tmp_path) == []
    assert (tmp_path / "parks.txt").read_text(encoding="utf-8") == UNFORMATTED  # the old file, whole


def test_a_killed_write_s_temp_file_is_removed_by_the_next_run(tmp_path: Path) -> None:
    proc, during = _writer_stopped_by(tmp_path, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    assert temps(tmp_path) == during and len(during) == 1  # SIGKILL: nothing can clean up
    assert (tmp_path / "parks.txt").read_text(encoding="utf-8") == UNFORMATTED
    _age(tmp_path / during[0], 120)
    assert run_cli("format", "parks.txt", cwd=tmp_path).returncode == 0
    assert temps(tmp_path) == []
    assert (tmp_path / "parks.txt").read_text(encoding="utf-8") == FORMATTED
