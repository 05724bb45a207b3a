#!/usr/bin/env python3
"""Corpus scale: time per document and peak memory of ``whereas check`` over many files, and time per
resolution in one file of many resolutions.

    .venv/bin/python benchmarks/scale.py [--full] [--sizes 1000,10000] [--formats jsonl,json,sarif]
                                         [--resolutions 1,100,200,400] [--src OTHER/src]

Part 1 writes N distinct documents (1,000 and 10,000; 50,000 too with ``--full``) into a temporary
folder: the resolutions found in the text files of ``../shared/corpus`` in turn, each numbered in its
first line so that no two are alike; runs ``whereas check --format F`` over the folder as a subprocess (output to /dev/null) and
prints seconds per document and the peak resident memory of the largest process (the checking
process or one of its workers: ``ru_maxrss`` from ``os.wait4``), then the ratio of the peak at the
largest size to the peak at the smallest (target ≤ 1.5: the checking process keeps counts, not
results).

Part 2 writes one file of 1, 100, 200 and 400 resolutions (the corpus's resolutions one after the
other), checks it, and prints seconds per resolution and the ratio of the time at 400 to the time at
200 (target ≤ 2.5: time per resolution flat).

The default run takes a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the whereas sources checked with (``--src``: another version's, to compare)
SRC = [ROOT / "src"]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def whereas_command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "whereas", *map(str, args)]


def environment() -> dict[str, str]:
    """This checkout's ``src`` first on the path; no CI variables (the output format is the one asked for)."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI")}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC[0]), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def run(command: list[str]) -> tuple[float, int, int]:
    """(seconds, peak resident memory in MB of the largest process, exit status) of ``command``."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment())
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss // 1024, proc.returncode


def corpus_resolutions() -> list[str]:
    """Every resolution in the text files of ``../shared/corpus``, as text."""
    import whereas
    from whereas.errors import InputError

    found: list[str] = []
    for path in sorted(CORPUS.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".md", ".txt"):
            continue
        try:
            found += [r.source.text[r.span.start : r.span.end].strip() + "\n" for r in whereas.parse(path)]
        except InputError:
            continue
    if not found:
        sys.exit(f"no resolutions in the text files of {CORPUS}")
    return found


def write_documents(folder: Path, n: int, texts: list[str]) -> None:
    """``n`` distinct documents: the corpus's resolutions in turn, each with its number in its first line."""
    folder.mkdir()
    for i in range(n):
        text = texts[i % len(texts)]
        first, _, rest = text.partition("\n")
        (folder / f"d{i:06d}.md").write_text(f"{first} {i}\n{rest}", encoding="utf-8")


def documents(sizes: list[int], formats: list[str], tmp: Path) -> None:
    texts = corpus_resolutions()
    size = sum(len(t) for t in texts) // len(texts)
    print(f"Documents: the {len(texts)} resolutions of {CORPUS}'s text files in turn (≈ {size:,} characters each)")
    print(f"{os.cpu_count()} cores; peak MB: the largest process's resident memory")
    print(f"{'documents':>10} {'format':>6} {'seconds':>8} {'ms/doc':>7} {'peak MB':>8} {'exit':>4}")
    peaks: dict[str, dict[int, int]] = {f: {} for f in formats}
    for n in sizes:
        folder = tmp / f"docs-{n}"
        write_documents(folder, n, texts)
        for fmt in formats:
            seconds, peak, status = run(whereas_command("check", folder, "--format", fmt))
            peaks[fmt][n] = peak
            print(f"{n:>10} {fmt:>6} {seconds:>8.1f} {1000 * seconds / n:>7.2f} {peak:>8} {status:>4}", flush=True)
    small, large = min(sizes), max(sizes)
    if small != large:
        for fmt in formats:
            ratio = peaks[fmt][large] / peaks[fmt][small]
            verdict = "ok" if ratio <= 1.5 else "OVER the 1.5 target"
            print(f"peak memory {fmt}: {large} documents / {small} = {ratio:.2f}x ({verdict})")


def resolutions(counts: list[int], tmp: Path) -> None:
    found = corpus_resolutions()
    print(f"\nResolutions in one file: the {len(found)} of {CORPUS}'s text files, in turn")
    print(f"{'resolutions':>11} {'seconds':>8} {'ms/resolution':>13}")
    times: dict[int, float] = {}
    for n in counts:
        path = tmp / f"res-{n}.md"
        path.write_text("\n".join(found[i % len(found)] for i in range(n)), encoding="utf-8")
        seconds, _, _ = run(whereas_command("check", path, "--format", "jsonl"))
        times[n] = seconds
        print(f"{n:>11} {seconds:>8.2f} {1000 * seconds / n:>13.2f}", flush=True)
    if 200 in times and 400 in times:
        ratio = times[400] / times[200]
        verdict = "ok" if ratio <= 2.5 else "OVER the 2.5 target"
        print(f"time: 400 resolutions / 200 = {ratio:.2f}x ({verdict})")


def compile_bytecode() -> None:
    """Byte-compile the whereas checked, as pip does when it installs a wheel (an editable install with
    ``PYTHONDONTWRITEBYTECODE`` set would compile every module on every run; see benchmarks/lint.py)."""
    import compileall

    compileall.compile_dir(SRC[0] / "whereas", quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="also 50,000 documents")
    parser.add_argument("--sizes", help="document counts, comma-separated (default 1000,10000)")
    parser.add_argument("--formats", default="jsonl,json,sarif", help="output formats, comma-separated")
    parser.add_argument("--resolutions", default="1,100,200,400", help="resolutions in one file ('' to skip)")
    parser.add_argument("--no-documents", action="store_true", help="skip part 1")
    parser.add_argument("--src", type=Path, help="check with the whereas sources in this folder (another version's)")
    args = parser.parse_args()
    if args.src:
        SRC[0] = args.src.resolve()
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} is absent: the benchmark builds its documents from it")
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [1000, 10000, *([50000] if args.full else [])]
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="whereas-scale-") as tmp:
        if not args.no_documents:
            documents(sizes, args.formats.split(","), Path(tmp))
        if args.resolutions:
            resolutions([int(n) for n in args.resolutions.split(",")], Path(tmp))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
