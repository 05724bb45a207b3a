#!/usr/bin/env python3
"""whereas batch check on Dask against whereas check, on the same distinct documents.

    .venv/bin/python benchmarks/batch.py [--docs 1000] [--rounds 1] [--shard-size 128]

Builds ``--docs`` distinct documents from ``../shared/corpus`` (``benchmarks/lint.py``'s corpus), then
times, as whole commands: ``whereas check DIR --format json``; ``whereas batch check DIR --out OUT
--engine dask`` (a LocalCluster of 2 worker processes, started and stopped within the command); the
same with ``--engine local``; and the batch run again on its finished OUT (everything skipped: the cost
of hashing and planning).  Prints seconds and milliseconds per document.  Needs the batch extra:
``pip install -e '.[batch]'``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from lint import build_corpus, compile_bytecode, timed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--shard-size", type=int, default=128)
    args = parser.parse_args(argv)
    compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="whereas-batch-bench-"))
    try:
        docs = work / "docs"
        docs.mkdir()
        n = build_corpus(docs, args.docs)
        if n == 0:
            print("benchmarks/batch.py: needs ../shared/corpus", file=sys.stderr)
            return 2
        whereas = [sys.executable, "-m", "whereas"]
        shard = ["--shard-size", str(args.shard_size)]

        def fresh(name: str) -> Path:
            out = work / name
            shutil.rmtree(out, ignore_errors=True)
            return out

        rows: list[tuple[str, float]] = []
        rows.append(
            ("whereas check --format json", timed([*whereas, "check", str(docs), "--format", "json"], args.rounds))
        )
        dask_out = work / "dask"
        best = float("inf")
        for _ in range(args.rounds):  # each round from an empty OUT
            fresh("dask")
            best = min(
                best,
                timed([*whereas, "batch", "check", str(docs), "--out", str(dask_out), "--engine", "dask", *shard], 1),
            )
        rows.append(("batch check --engine dask (LocalCluster, 2 workers)", best))
        best = float("inf")
        for _ in range(args.rounds):
            local_out = fresh("local")
            best = min(best, timed([*whereas, "batch", "check", str(docs), "--out", str(local_out), *shard], 1))
        rows.append(("batch check --engine local", best))
        rows.append(
            (
                "batch check again, all shards finished (resume)",
                timed([*whereas, "batch", "check", str(docs), "--out", str(dask_out), *shard], args.rounds),
            )
        )
        print(f"{n} documents, shards of {args.shard_size}, best of {args.rounds}")
        print(f"{'':<55} {'seconds':>8} {'ms/doc':>8}")
        for name, seconds in rows:
            print(f"{name:<55} {seconds:>8.2f} {1000 * seconds / n:>8.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
