"""Parse the shared corpus repeatedly and report throughput.

    .venv/bin/python benchmarks/parse.py [--rounds N] [--corpus DIR]

For every file of ../shared/corpus this times, in the same run:

* baseline — reading the bytes and building the text view (decode / unzip / XML / PDF text layer);
* parse — the whole of ``whereas.parse`` (the same reading, then the structure builder).

It prints documents and resolutions per second overall and per format, and parse/baseline:
how much the structure building costs on top of merely getting the text.  Files that are
refused (scanned PDFs, legacy .doc) are timed too: refusing them quickly is part of the job.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve()
DEFAULT_CORPUS = HERE.parents[1].parent / "shared" / "corpus"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", "-n", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: nothing to benchmark (the shared corpus is absent)")
        return 0

    sys.path.insert(0, str(HERE.parents[1] / "src"))
    import whereas
    from whereas.api import parse_view
    from whereas.errors import InputError
    from whereas.readers import read_path

    files = sorted(p for p in args.corpus.rglob("*") if p.is_file() and p.name != "PROVENANCE.tsv")
    fmt: dict[Path, str] = {}
    count: dict[Path, int] = {}
    for p in files:  # warm-up round: imports, caches; learn each file's format and resolution count
        try:
            view = read_path(p)
            fmt[p] = view.format
            count[p] = len(parse_view(view))
        except InputError:
            fmt[p] = "refused"
            count[p] = 0

    base_t: dict[str, float] = defaultdict(float)
    parse_t: dict[str, float] = defaultdict(float)
    clock = time.perf_counter
    for _ in range(args.rounds):
        for p in files:
            t0 = clock()
            try:
                read_path(p)
            except InputError:
                pass
            t1 = clock()
            try:
                whereas.parse(p)
            except InputError:
                pass
            t2 = clock()
            base_t[fmt[p]] += t1 - t0
            parse_t[fmt[p]] += t2 - t1

    docs: dict[str, int] = defaultdict(int)
    res: dict[str, int] = defaultdict(int)
    for p in files:
        docs[fmt[p]] += args.rounds
        res[fmt[p]] += count[p] * args.rounds

    def row(name: str, d: int, r: int, b: float, t: float) -> str:
        ratio = t / b if b else float("nan")
        return f"{name:<12} {d // args.rounds:>5} {d / t:>10.1f} {r / t:>10.1f} {b * 1000 / d:>10.2f} {t * 1000 / d:>10.2f} {ratio:>8.2f}"

    print(f"whereas {whereas.__version__}: {len(files)} files from {args.corpus}, {args.rounds} rounds")
    print(f"{'format':<12} {'files':>5} {'docs/s':>10} {'res/s':>10} {'base ms':>10} {'parse ms':>10} {'ratio':>8}")
    for name in sorted(docs):
        print(row(name, docs[name], res[name], base_t[name], parse_t[name]))
    print(row("all", sum(docs.values()), sum(res.values()), sum(base_t.values()), sum(parse_t.values())))
    print("base ms / parse ms: mean time per document to read the text view / to parse it fully; ratio = parse / base.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
