#!/usr/bin/env python3
"""Start-up time: ``whereas --version``, ``whereas rule W001`` and a one-file ``whereas check`` beside
``ruff --version``, ``ruff check`` on a small file and ``proselint`` on the same text; and how soon
``whereas verify`` sends its first request.

    .venv/bin/python benchmarks/startup.py [--runs 15] [--src OTHER/src]

The commands run in rounds, each once per round (so that a busy spell slows all of them alike), ``--runs``
rounds.  Printed: the best (least) CPU time of each (user + system, which waiting for a core does not
inflate; the least is the run the machine disturbed least) and the median wall-clock time, with the
ratios of the best CPU times to Ruff's (``--version`` against ``--version``, ``check`` against ``check``)
and to proselint's (one-file check against one-file check).  ``--src OTHER/src`` times another
version's sources in the same rounds (``git archive REV src | tar -x -C /tmp/old``), as "before".
Ruff and proselint are found beside this Python (the ``bench`` extra installs proselint) or on PATH,
and skipped when absent.  The text is ``../shared/seed/resolution-on-assange.txt`` (a small
resolution written here when it is absent).  ``python -X importtime -m whereas check FILE`` shows
what is imported.

``whereas verify`` is timed from its start to the first request a server on 127.0.0.1 receives (the
resolution's one note points there; ``--allow-host`` lets it through, ``--no-wayback`` keeps every
request local): the median wall-clock time, against the issue's target of 0.5 s, and the least CPU time
the process had used by then (read from ``/proc``; Linux only).  Timed twice: as installed here, and as
a plain ``pip install whereas`` would run it, without trio and click (this environment has them for the
tests: selenium brings trio, dask click; httpcore imports trio when it can, and httpx its own command line,
with click, rich and pygments, when it can: ≈ 0.1 s together before the first request), emulated by
making both unimportable in the process timed.
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
SEED = ROOT.parent / "shared" / "seed" / "resolution-on-assange.txt"
BIN = Path(sys.executable).parent
SMALL = "Resolution on libraries\n\nWhereas libraries serve everyone; now, therefore, be it\n\nResolved, That libraries be funded.\n"

#: ``python -c PLAIN_INSTALL verify …``: ``whereas verify …`` with trio and click unimportable
PLAIN_INSTALL = (
    "import sys; sys.modules.update(trio=None, click=None); sys.argv[0] = 'whereas'; "
    "from whereas.cli import main; main()"
)


def tool(name: str) -> str | None:
    beside = BIN / name
    return str(beside) if beside.exists() else shutil.which(name)


def environment(src: Path) -> dict[str, str]:
    """This environment, with ``src`` first on the path and neither CI nor GitHub Actions said."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI")}
    env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def run_once(command: list[str], env: dict[str, str] | None, cwd: Path) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds: user + system) of one run of ``command``."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def cpu_seconds_so_far(pid: int) -> float | None:
    """The CPU time (user + system) process ``pid`` has used so far, from ``/proc`` (None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_request(
    command: list[str], env: dict[str, str], cwd: Path, server: http.server.HTTPServer
) -> tuple[float, float | None] | None:
    """(wall-clock seconds from starting ``command`` to the first request ``server`` receives, the CPU
    seconds the command had used by then), or None when no request came."""
    server.first_request = None  # type: ignore[attr-defined]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    server.client_pid = proc.pid  # type: ignore[attr-defined]
    proc.wait(timeout=120)
    if server.first_request is None:  # type: ignore[attr-defined]
        return None
    at, cpu = server.first_request  # type: ignore[attr-defined]
    return at - start, cpu


class _Page(http.server.BaseHTTPRequestHandler):
    """A source page; the server notes when its first request of a run arrived, and the client's CPU time then."""

    def do_GET(self) -> None:
        if self.server.first_request is None:  # type: ignore[attr-defined]
            cpu = cpu_seconds_so_far(self.server.client_pid)  # type: ignore[attr-defined]
            self.server.first_request = (time.perf_counter(), cpu)  # type: ignore[attr-defined]
        body = b"<html><head><title>Minutes</title></head><body><p>libraries serve everyone</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def compile_bytecode(src: Path) -> None:
    """Byte-compile the whereas checked, as pip does when it installs a wheel (an editable install with
    ``PYTHONDONTWRITEBYTECODE`` set would compile every module on every run; see benchmarks/lint.py)."""
    import compileall

    compileall.compile_dir(src / "whereas", quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="rounds: runs of each command")
    parser.add_argument("--src", type=Path, help="time another version's sources too, in the same rounds (as 'before')")
    args = parser.parse_args()
    versions = {"": ROOT / "src"}
    if args.src:
        versions = {"before: ": args.src.resolve(), "": ROOT / "src"}
    ruff, proselint = tool("ruff"), tool("proselint")
    for src in versions.values():
        compile_bytecode(src)
    with tempfile.TemporaryDirectory(prefix="whereas-startup-") as tmp:
        folder = Path(tmp)
        text = folder / "resolution.txt"
        text.write_text(SEED.read_text(encoding="utf-8") if SEED.is_file() else SMALL, encoding="utf-8")
        small_py = folder / "small.py"
        small_py.write_text("import os\n\n\ndef f(x):\n    return os.path.join(x, 'a')\n", encoding="utf-8")
        whereas = [sys.executable, "-m", "whereas"]
        commands: dict[str, tuple[list[str], dict[str, str] | None] | None] = {}
        for version, src in versions.items():
            env = environment(src)
            commands[f"{version}whereas --version"] = ([*whereas, "--version"], env)
            commands[f"{version}whereas rule W001"] = ([*whereas, "rule", "W001"], env)
            commands[f"{version}whereas check (one file)"] = ([*whereas, "check", str(text)], env)
        commands["ruff --version"] = ([ruff, "--version"], None) if ruff else None
        commands["ruff check (one file)"] = (
            ([ruff, "check", "--no-cache", "--isolated", str(small_py)], None) if ruff else None
        )
        commands["proselint (one file)"] = ([proselint, "check", str(text)], None) if proselint else None

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
        #: the same, with trio and click unimportable (as where only whereas's dependencies are installed)
        plain = [sys.executable, "-c", PLAIN_INSTALL, *verify[3:]]
        variants = {"": verify, ", plain install": plain}

        walls: dict[str, list[float]] = {label: [] for label, c in commands.items() if c is not None}
        cpus: dict[str, list[float]] = {label: [] for label in walls}
        firsts: dict[str, list[tuple[float, float | None]]] = {v + w: [] for v in versions for w in variants}
        for _ in range(args.runs):  # in rounds: a busy spell slows every command alike
            for label, command in commands.items():
                if command is not None:
                    wall, cpu = run_once(*command, folder)
                    walls[label].append(wall)
                    cpus[label].append(cpu)
            for version, src in versions.items():
                for variant, argv in variants.items():
                    first = first_request(argv, environment(src), folder, server)
                    if first is not None:
                        firsts[version + variant].append(first)
        server.shutdown()

    print(
        f"{'command':<34} {'best CPU s':>10} {'wall s':>7}   ({args.runs} rounds; wall: median; {os.cpu_count()} cores)"
    )
    for label, command in commands.items():
        if command is None:
            print(f"{label:<34} {'skipped':>10}   (not installed)")
        else:
            print(f"{label:<34} {min(cpus[label]):>10.3f} {statistics.median(walls[label]):>7.3f}")
    print(f"{'whereas verify: 1st request':<34} {'CPU then':>10} {'wall s':>7}   (target: 0.5 s from start)")
    for label, got in firsts.items():
        version, _, variant = label.partition(",")
        if not got:
            print(f"{label}: no request arrived")
            continue
        cpu_then = [c for _, c in got if c is not None]
        best = f"{min(cpu_then):>10.3f}" if cpu_then else f"{'?':>10}"
        wall_then = statistics.median(w for w, _ in got)
        print(
            f"{'  ' + version + ('as installed here' if not variant else variant.strip()):<34} {best} {wall_then:>7.3f}"
        )
    print()
    for version in versions:
        for ours, theirs in (
            ("whereas --version", "ruff --version"),
            ("whereas check (one file)", "ruff check (one file)"),
            ("whereas check (one file)", "proselint (one file)"),
        ):
            if theirs in cpus:
                ratio = min(cpus[version + ours]) / min(cpus[theirs])
                print(f"{version}{ours} / {theirs} (best CPU): {ratio:.2f}x")
    if args.src:
        for label in ("whereas --version", "whereas rule W001", "whereas check (one file)"):
            print(f"{label}: after / before (best CPU): {min(cpus[label]) / min(cpus['before: ' + label]):.2f}")
        for variant in variants:
            before, after = firsts["before: " + variant], firsts[variant]
            if before and after:
                ratio = statistics.median(w for w, _ in after) / statistics.median(w for w, _ in before)
                print(f"whereas verify{variant}, 1st request: after / before (median wall): {ratio:.2f}")


if __name__ == "__main__":
    main()
