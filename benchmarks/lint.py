#!/usr/bin/env python3
"""Lint throughput: whereas against proselint on the same files, in the same run.

    .venv/bin/python benchmarks/lint.py [--min-docs 900] [--rounds 3]

Builds a corpus of at least ``--min-docs`` documents from ``../shared/corpus`` (every resolution
found there, written out as text; repeated with a numbered title until there are enough), then times
``whereas check`` and ``proselint check`` over that folder as whole commands (each best of
``--rounds``) and prints documents per second and the ratio.  Target: whereas ≥ 10× proselint.
proselint comes with the ``bench`` extra: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BIN = Path(sys.executable).parent


def build_corpus(folder: Path, min_docs: int) -> int:
    import whereas
    from whereas.errors import InputError

    texts: list[str] = []
    for path in sorted((SHARED / "corpus").rglob("*")):
        if not path.is_file() or path.suffix.lower() in {".tsv", ".doc"}:
            continue
        try:
            resolutions = whereas.parse(path)
        except InputError:
            continue
        for r in resolutions:
            texts.append(r.source.text[r.span.start : r.span.end] + "\n")
    if not texts:
        return 0
    n = 0
    copy = 0
    while n < min_docs:
        for text in texts:
            name = folder / f"r{n:05d}.md"
            name.write_text(text if copy == 0 else f"# Copy {copy}\n\n{text}", encoding="utf-8")
            n += 1
        copy += 1
    return n


def compile_bytecode() -> None:
    """Byte-compile whereas as pip does when it installs a wheel.

    An editable install (``pip install -e``) leaves the sources uncompiled, and with
    ``PYTHONDONTWRITEBYTECODE`` set nothing is cached either: every run would compile every module
    again, which no installed copy does (proselint, installed from its wheel, is compiled).
    """
    import compileall

    import whereas

    compileall.compile_dir(Path(whereas.__file__).parent, quiet=1)


def timed(cmd: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):
            raise SystemExit(f"{cmd[0]} failed ({done.returncode}): {done.stderr[-500:]}")
        best = min(best, elapsed)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-docs", type=int, default=900)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not (SHARED / "corpus").is_dir():
        print(f"benchmarks/lint.py: {SHARED / 'corpus'} is absent; nothing to measure")
        return 0
    proselint = shutil.which("proselint", path=str(BIN)) or shutil.which("proselint")
    whereas_bin = shutil.which("whereas", path=str(BIN)) or shutil.which("whereas")
    if not proselint or not whereas_bin:
        print("benchmarks/lint.py: needs whereas and proselint on PATH (pip install -e '.[bench]')")
        return 2
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs = build_corpus(folder, args.min_docs)
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"corpus: {docs} documents, {size / 1e6:.1f} MB, built from {SHARED / 'corpus'}")
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        print(f"cores: {cores} (whereas checks on up to {min(cores, 8)} of them; proselint runs in one process)")
        t_whereas = timed([whereas_bin, "check", str(folder), "--format", "json", "--fail-on", "error"], args.rounds)
        t_proselint = timed([proselint, "check", str(folder)], args.rounds)
    print(f"{'tool':<12}{'seconds':>10}{'docs/s':>12}")
    print(f"{'whereas':<12}{t_whereas:>10.2f}{docs / t_whereas:>12.0f}")
    print(f"{'proselint':<12}{t_proselint:>10.2f}{docs / t_proselint:>12.0f}")
    ratio = t_proselint / t_whereas
    print(f"whereas throughput = {ratio:.1f}x proselint's (target >= 10x): {'met' if ratio >= 10 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
