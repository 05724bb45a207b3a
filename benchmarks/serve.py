"""Benchmark ``whereas serve`` under load: 20 concurrent clients upload corpus documents and fetch their reviews.

    .venv/bin/python benchmarks/serve.py [--clients 20] [--rounds 10] [--max-kb 300]

Starts ``whereas serve`` (uvicorn) on 127.0.0.1 on a free port, with a temporary data folder (SQLite), in
a process of its own.  Each document of ``../shared/corpus`` that whereas reads (up to ``--max-kb``) is
uploaded once to warm the server up (documents the server refuses, e.g. an unreadable file, are left
out and listed).  Then ``--clients`` threads, each with its own HTTP connection, do ``--rounds`` rounds
of: upload a corpus document (``POST /api/v1/documents``), fetch its review as JSON
(``GET /api/v1/documents/ID``) and as the review page (``GET /documents/ID``): a fixed number of
requests, ``clients × rounds × 3``.

Printed: requests, wall time, throughput (requests/s), p50/p95 latency of each kind and overall,
errors (any status but 200/201, or no answer: must be 0), and the server's resident memory
(``VmRSS`` of ``/proc/PID/status``) when it is ready, after the warm-up, and at the end (it should
stay flat: the growth after warm-up is printed).  Exit status 1 if any request failed.  Nothing
leaves 127.0.0.1.  About a minute on 2 cores with the defaults.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
#: the files the server reads (whereas.web.documents.ACCEPTED)
ACCEPTED = (".docx", ".doc", ".odt", ".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".xml")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def corpus(max_kb: int) -> list[Path]:
    return [
        p
        for p in sorted((SHARED / "corpus").rglob("*"))
        if p.is_file() and p.suffix.lower() in ACCEPTED and p.stat().st_size <= max_kb * 1024
    ]


def start_server(data: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p),
    }
    command = [
        sys.executable,
        "-m",
        "whereas",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--data",
        str(data),
    ]
    server = subprocess.Popen(
        command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"benchmarks/serve.py: the server stopped: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/documents", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit("benchmarks/serve.py: the server did not answer within 60 s")


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = {"upload": [], "review json": [], "review page": []}
        self.errors: list[str] = []

    def add(self, kind: str, seconds: float, problem: str | None) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if problem:
                self.errors.append(f"{kind}: {problem}")


def timed(tally: Tally, kind: str, call, expect: int) -> httpx.Response | None:
    start = time.perf_counter()
    try:
        answer = call()
    except httpx.HTTPError as exc:
        tally.add(kind, time.perf_counter() - start, f"{type(exc).__name__}: {exc}")
        return None
    problem = None if answer.status_code == expect else f"HTTP {answer.status_code}: {answer.text[:200]}"
    tally.add(kind, time.perf_counter() - start, problem)
    return answer if problem is None else None


def client(base: str, documents: list[tuple[str, bytes]], first: int, rounds: int, tally: Tally) -> None:
    with httpx.Client(base_url=base, timeout=120) as http:
        for n in range(rounds):
            name, data = documents[(first + n) % len(documents)]
            upload = functools.partial(http.post, "/api/v1/documents", files={"file": (name, data)})
            made = timed(tally, "upload", upload, 201)
            if made is None:
                continue
            doc = made.json()["id"]
            timed(tally, "review json", functools.partial(http.get, f"/api/v1/documents/{doc}"), 200)
            page = functools.partial(http.get, f"/documents/{doc}", headers={"Accept": "text/html"})
            timed(tally, "review page", page, 200)


class Memory:
    """The server's resident memory, sampled every half second in a thread of its own."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.samples: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            try:
                self.samples.append((time.perf_counter(), rss_mb(self.pid)))
            except (OSError, RuntimeError):
                return

    def __enter__(self) -> Memory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def at(self, when: float) -> float:
        """The sample nearest to ``when`` (a perf_counter time)."""
        return min(self.samples, key=lambda s: abs(s[0] - when))[1]


def percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10, help="upload + 2 fetches per round, per client")
    parser.add_argument("--max-kb", type=int, default=300, help="leave out corpus files larger than this")
    args = parser.parse_args()
    files = corpus(args.max_kb)
    if not files:
        print(f"benchmarks/serve.py: no documents in {SHARED / 'corpus'}; nothing to measure")
        return 0
    data = Path(tempfile.mkdtemp(prefix="whereas-bench-serve-"))
    port = free_port()
    server = start_server(data, port)
    base = f"http://127.0.0.1:{port}"
    try:
        rss_ready = rss_mb(server.pid)
        documents: list[tuple[str, bytes]] = []
        left_out: list[str] = []
        warm = time.perf_counter()
        with httpx.Client(base_url=base, timeout=120) as http:
            for path in files:
                answer = http.post("/api/v1/documents", files={"file": (path.name, path.read_bytes())})
                if answer.status_code == 201:
                    documents.append((path.name, path.read_bytes()))
                else:
                    left_out.append(f"{path.relative_to(SHARED)} ({answer.status_code}: {answer.json().get('error')})")
        warm = time.perf_counter() - warm
        if not documents:
            print("benchmarks/serve.py: the server read none of the corpus documents")
            return 1
        rss_warm = rss_mb(server.pid)
        tally = Tally()
        threads = [
            threading.Thread(target=client, args=(base, documents, i, args.rounds, tally)) for i in range(args.clients)
        ]
        with Memory(server.pid) as memory:
            start = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - start
        rss_end = rss_mb(server.pid)
        rss_half = memory.at(start + wall / 2) if memory.samples else rss_end
        rss_peak = max((m for _, m in memory.samples), default=rss_end)
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)

    everything = [s for values in tally.latencies.values() for s in values]
    print(f"corpus: {len(documents)} documents uploaded in the warm-up ({warm:.1f} s)")
    for line in left_out:
        print(f"  left out: {line}")
    print(f"load: {args.clients} clients x {args.rounds} rounds x (upload + review json + review page)")
    print(f"requests: {len(everything)} in {wall:.1f} s: {len(everything) / wall:.1f} requests/s")
    for kind, values in [*tally.latencies.items(), ("all", everything)]:
        if values:
            p50, p95 = percentile(values, 50) * 1000, percentile(values, 95) * 1000
            print(f"  {kind:<12} n={len(values):<5} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    print(f"errors: {len(tally.errors)}")
    for problem in tally.errors[:10]:
        print(f"  {problem}")
    print(
        f"server memory (VmRSS): {rss_ready:.0f} MB ready, {rss_warm:.0f} MB after the warm-up; under load "
        f"{rss_half:.0f} MB half-way, {rss_end:.0f} MB at the end (peak {rss_peak:.0f} MB; second half "
        f"{rss_end - rss_half:+.0f} MB)"
    )
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
