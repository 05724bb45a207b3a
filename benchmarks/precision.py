"""How many of whereas's findings on real resolutions are right: per rule, against findings people read.

    python benchmarks/precision.py                 # the table, and the findings nobody has read yet
    python benchmarks/precision.py --unlabelled F  # also write the unread findings, with context, to F (TSV)

Every document of ../shared/corpus and ../shared/corpus-2 is checked as a user would check it: with
the profile whereas infers for it (no --profile).  Each finding is looked up in the labels file
(benchmarks/precision-labels.tsv), where a person who read the finding against its document wrote

    TRUE        a real defect the drafters would want to know about
    DEBATABLE   a matter of style: the profile's convention, which the document may not follow on purpose
    FALSE       wrong: not a defect at all (a misread structure, a rule mistaken about the text)

with a one-line reason.  A FALSE finding that no fix removes yet has a reason starting "open:"; it counts
in the table like any other.  The table shows, per rule and overall, how many findings are TRUE, DEBATABLE
and FALSE, and the share of FALSE among the labelled ones (targets: at most 5% overall, at most 10% for
any rule).  Findings are matched to labels by document, rule and the words they point at (not by line,
which changes when the structure builder improves), so labels survive unrelated changes; a finding
with no label is listed for reading.  Every FALSE label but the open ones is also a
regression test (tests/test_precision.py): that finding must not come back.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SHARED = ROOT.parent / "shared"
CORPORA = ("corpus", "corpus-2")
LABELS = ROOT / "benchmarks" / "precision-labels.tsv"
VERDICTS = ("TRUE", "DEBATABLE", "FALSE")
#: the targets of the precision issue: FALSE among labelled findings, overall and for any one rule
TARGET_OVERALL, TARGET_RULE = 0.05, 0.10


@dataclass(frozen=True)
class Finding:
    key: str  # document, code, the words it points at, and which occurrence of those: stable across line moves
    path: str  # relative to ../shared
    code: str
    line: int
    message: str
    words: str
    context: str


def documents() -> list[Path]:
    return [
        p
        for corpus in CORPORA
        for p in sorted((SHARED / corpus).rglob("*"))
        if p.is_file() and p.suffix not in (".tsv", ".md5")
    ]


def findings() -> list[Finding]:
    """Every finding on both corpora, checked with the inferred profile (as `whereas check` does)."""
    from whereas.api import CheckOptions, check_paths

    result = check_paths(documents(), CheckOptions())
    out: list[Finding] = []
    seen: Counter[tuple[str, str, str]] = Counter()
    for d in result.diagnostics:
        rel = Path(d.path).resolve().relative_to(SHARED.resolve()).as_posix()
        text = d.source.text
        words = " ".join(text[d.span.start : d.span.end].split())[:80]
        around = " ".join(text[max(0, d.span.start - 60) : d.span.end + 60].split())
        if not words:  # an insertion point: the words around it
            words = "@" + " ".join(text[max(0, d.span.start - 30) : d.span.start + 30].split())
        seen[(rel, d.code, words)] += 1
        key = f"{rel}|{d.code}|{words}|{seen[(rel, d.code, words)]}"
        out.append(Finding(key, rel, d.code, d.start.line, d.message, words, around))
    return out


def labels(path: Path = LABELS) -> dict[str, tuple[str, str]]:
    """key → (verdict, reason) from the labels file (TSV: key, verdict, reason)."""
    if not path.exists():
        return {}
    out = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0].startswith("#") or row[0] == "key":
                continue
            key, verdict, reason = row[0], row[1].strip().upper(), row[2] if len(row) > 2 else ""
            if verdict not in VERDICTS:
                raise SystemExit(f"{path}: unknown verdict {verdict!r} for {key}")
            out[key] = (verdict, reason)
    return out


def table(found: list[Finding], labelled: dict[str, tuple[str, str]]) -> tuple[str, float, dict[str, float]]:
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for f in found:
        verdict = labelled.get(f.key, ("UNREAD", ""))[0]
        per[f.code][verdict] += 1
    rows = [f"{'rule':<6} {'findings':>8} {'TRUE':>6} {'DEBAT.':>6} {'FALSE':>6} {'unread':>6} {'FALSE %':>8}"]
    total: Counter[str] = Counter()
    rates: dict[str, float] = {}
    for code in sorted(per):
        c = per[code]
        total.update(c)
        read = c["TRUE"] + c["DEBATABLE"] + c["FALSE"]
        rate = c["FALSE"] / read if read else 0.0
        rates[code] = rate
        flag = "  over 10%" if rate > TARGET_RULE else ""
        rows.append(
            f"{code:<6} {sum(c.values()):>8} {c['TRUE']:>6} {c['DEBATABLE']:>6} {c['FALSE']:>6} {c['UNREAD']:>6} "
            f"{rate:>7.1%}{flag}"
        )
    read = total["TRUE"] + total["DEBATABLE"] + total["FALSE"]
    overall = total["FALSE"] / read if read else 0.0
    rows.append(
        f"{'all':<6} {sum(total.values()):>8} {total['TRUE']:>6} {total['DEBATABLE']:>6} {total['FALSE']:>6} "
        f"{total['UNREAD']:>6} {overall:>7.1%}"
    )
    return "\n".join(rows), overall, rates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unlabelled", type=Path, help="write the findings without a label to this TSV file")
    args = parser.parse_args(argv)
    if not (SHARED / "corpus").is_dir():
        print("../shared/corpus is not there: nothing to measure")
        return 1
    found = findings()
    labelled = labels()
    report, overall, rates = table(found, labelled)
    print(
        f"{len(found)} findings on {len(documents())} documents of ../shared/corpus and ../shared/corpus-2 "
        f"(inferred profiles); labels: {LABELS.relative_to(ROOT)}\n"
    )
    print(report)
    worst = [code for code, rate in rates.items() if rate > TARGET_RULE]
    print(
        f"\nFALSE among labelled findings: {overall:.1%} overall (target ≤ {TARGET_OVERALL:.0%}); "
        f"rules over {TARGET_RULE:.0%}: {', '.join(worst) or 'none'}"
    )
    unread = [f for f in found if f.key not in labelled]
    stale = sorted(set(labelled) - {f.key for f in found})
    print(
        f"{len(unread)} findings not labelled yet; {len(stale)} labels whose finding is gone "
        f"(fixed, or moved to other words)"
    )
    if args.unlabelled:
        with args.unlabelled.open("w", encoding="utf-8", newline="") as out:
            w = csv.writer(out, delimiter="\t")
            w.writerow(["key", "verdict", "reason", "line", "message", "context"])
            for f in unread:
                w.writerow([f.key, "", "", f.line, f.message, f.context])
        print(f"wrote them to {args.unlabelled}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
