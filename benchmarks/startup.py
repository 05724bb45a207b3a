#!/usr/bin/env python3
"""Start-up time: ``whereas --version``, ``whereas rule W001`` and a one-file ``whereas check`` beside
``ruff --version``, ``ruff check`` on a small file and ``proselint`` on the same text; and how soon
``whereas verify`` sends its first request.

    .venv/bin/python benchmarks/startup.py [--runs 15] [--src OTHER/src]

Each command runs ``--runs`` times as a subprocess; the medians of the wall-clock time and of the CPU
time (user + system, which a busy machine does not inflate) are printed, with the CPU time's ratio to Ruff's (``--version`` against ``--version``, ``check`` against ``check``) and to proselint's
(one-file check against one-file check).  Ruff and proselint are found beside this Python (the
``bench`` extra installs proselint) or on PATH, and skipped when absent.  The text is
``../shared/seed/resolution-on-assange.txt`` (a small resolution written here when it is absent).
``python -X importtime -m whereas --version`` shows what is imported.

``whereas verify`` is timed from its start to the first request a server on 127.0.0.1 receives (the
resolution's one note points there; ``--allow-host`` lets it through, ``--no-wayback`` keeps every
request local): the median over the runs, against the issue's target of 0.5 s.
"""

from __future__ import annotations

import argparse
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the whereas sources timed (``--src``: another version's, to compare: ``git archive REV src | tar -x -C /tmp/old``)
SRC = [ROOT / "src"]
SEED = ROOT.parent / "shared" / "seed" / "resolution-on-assange.txt"
BIN = Path(sys.executable).parent
SMALL = "Resolution on libraries\n\nWhereas libraries serve everyone; now, therefore, be it\n\nResolved, That libraries be funded.\n"


def tool(name: str) -> str | None:
    beside = BIN / name
    return str(beside) if beside.exists() else shutil.which(name)


def median_seconds(command: list[str], runs: int, cwd: Path) -> tuple[float, float]:
    """The median (wall-clock seconds, CPU seconds: user + system) of ``runs`` runs of ``command``.

    CPU time is what to compare on a busy machine: the wall clock also counts waiting for a core."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI")}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC[0]), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    wall, cpu = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
        _, _, usage = os.wait4(proc.pid, 0)
        wall.append(time.perf_counter() - start)
        cpu.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(wall), statistics.median(cpu)


def seconds_to_first_request(command: list[str], runs: int, cwd: Path, server: http.server.HTTPServer) -> float:
    """The median time from starting ``command`` to the first request ``server`` receives."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI")}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC[0]), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    delays = []
    for _ in range(runs):
        server.first_request = None  # type: ignore[attr-defined]
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd, timeout=120)
        if server.first_request is not None:  # type: ignore[attr-defined]
            delays.append(server.first_request - start)  # type: ignore[attr-defined]
    return statistics.median(delays) if delays else float("nan")


class _Page(http.server.BaseHTTPRequestHandler):
    """A source page; the server notes when its first request of a run arrived."""

    def do_GET(self) -> None:
        if self.server.first_request is None:  # type: ignore[attr-defined]
            self.server.first_request = time.perf_counter()  # type: ignore[attr-defined]
        body = b"<html><head><title>Minutes</title></head><body><p>libraries serve everyone</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def compile_bytecode() -> None:
    """Byte-compile the whereas checked, as pip does when it installs a wheel (an editable install with
    ``PYTHONDONTWRITEBYTECODE`` set would compile every module on every run; see benchmarks/lint.py)."""
    import compileall

    compileall.compile_dir(SRC[0] / "whereas", quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (the median is shown)")
    parser.add_argument("--src", type=Path, help="time the whereas sources in this folder (another version's)")
    args = parser.parse_args()
    if args.src:
        SRC[0] = args.src.resolve()
    whereas = [sys.executable, "-m", "whereas"]
    ruff, proselint = tool("ruff"), tool("proselint")
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="whereas-startup-") as tmp:
        folder = Path(tmp)
        text = folder / "resolution.txt"
        text.write_text(SEED.read_text(encoding="utf-8") if SEED.is_file() else SMALL, encoding="utf-8")
        small_py = folder / "small.py"
        small_py.write_text("import os\n\n\ndef f(x):\n    return os.path.join(x, 'a')\n", encoding="utf-8")
        commands: dict[str, list[str] | None] = {
            "whereas --version": [*whereas, "--version"],
            "whereas rule W001": [*whereas, "rule", "W001"],
            "whereas check (one file)": [*whereas, "check", str(text)],
            "ruff --version": [ruff, "--version"] if ruff else None,
            "ruff check (one file)": [ruff, "check", "--no-cache", "--isolated", str(small_py)] if ruff else None,
            "proselint (one file)": [proselint, "check", str(text)] if proselint else None,
        }
        print(f"{'command':<26} {'wall s':>7} {'CPU s':>7}   (medians of {args.runs} runs; {os.cpu_count()} cores)")
        times: dict[str, float] = {}
        for label, command in commands.items():
            if command is None:
                print(f"{label:<26} {'skipped':>7}   (not installed)")
                continue
            wall, times[label] = median_seconds(command, args.runs, folder)
            print(f"{label:<26} {wall:>7.3f} {times[label]:>7.3f}", flush=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
        server.first_request = None  # type: ignore[attr-defined]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        quoting = folder / "quoting.md"
        quoting.write_text(
            "# Resolution on Libraries\n\nWhereas the minutes say that \u201clibraries serve everyone\u201d[^1]; now, "
            f"therefore, be it\n\nResolved, That libraries be funded.\n\n[^1]: Minutes. http://127.0.0.1:{port}/minutes\n",
            encoding="utf-8",
        )
        verify = [*whereas, "verify", str(quoting), "--allow-host", f"127.0.0.1:{port}", "--no-wayback", "--refresh"]
        verify += ["--archive", str(folder / "evidence.warc.gz")]
        first = seconds_to_first_request(verify, args.runs, folder, server)
        server.shutdown()
        print(f"{'whereas verify: 1st request':<26} {first:>7.3f}   (wall-clock from start; target 0.5 s)")
    print()
    for ours, theirs in (
        ("whereas --version", "ruff --version"),
        ("whereas check (one file)", "ruff check (one file)"),
        ("whereas check (one file)", "proselint (one file)"),
    ):
        if ours in times and theirs in times:
            print(f"{ours} / {theirs} (CPU): {times[ours] / times[theirs]:.1f}x")


if __name__ == "__main__":
    main()
