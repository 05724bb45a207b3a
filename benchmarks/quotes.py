"""Benchmark the quotation matcher on labelled alterations of real passages.

    .venv/bin/python benchmarks/quotes.py [--per-kind N] [--seed S] [--big-mb MB]

Passages (3–60 words) are drawn, seeded, from the public-domain texts in
``../shared/sources`` and altered generically in each way a quotation can differ
from its source: unchanged or re-typed (exact), with marked alterations (faithful),
with unmarked changes (misquoted), or not from this source at all (not_found).  Each
quotation is checked against its source as published and against a re-typeset copy
(curly quotes, em dashes, ligatures, no-break spaces, lines wrapped with end-of-line
hyphenation).  A misquotation that happens to read like another place in the source
is dropped from the set rather than mislabelled.

Printed: accuracy per kind, false passes (misquoted/not_found judged exact/faithful),
false fails (exact/faithful judged misquoted/not_found), and the time per quotation
against a ~600 KB source, next to a baseline measured in the same run ("rapidfuzz
threshold": ``fuzz.partial_ratio >= 90`` passes).

Then, against a ~10 MB source (``--big-mb``; 0 skips it) made of numbered copies of the
same texts: the index's build time and memory (RSS growth, and Python allocations as
traced by ``tracemalloc`` in a second build), the time per quotation once warm (p50, p99,
max over every labelled quotation: of the first pass, then each quotation's least wall-clock and CPU
time over ``--warm-passes`` passes, which a shared machine's pauses disturb far less), and a digest of every verdict, passage and difference,
so that a change to the matcher can be held to the same answers, big source included.
The slowest kind there, words shuffled (the rare-word voting), is timed on its own too.

``--baseline FILE`` (a copy of ``whereas/verify/match_search.py`` from another revision, e.g.
``git show REV:src/whereas/verify/match_search.py > /tmp/old.py``) times that copy's searches
and this one's in the same process, quotation by quotation, alternately, ``--rounds`` times
(each quotation's time: the median of its rounds), and prints the ratios and both digests:
on a shared, noisy machine, only such same-run ratios compare.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib.util
import random
import re
import statistics
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from rapidfuzz import fuzz

from whereas.verify import match
from whereas.verify.match import QuoteMatch, SourceIndex, find_quote
from whereas.verify.normalize import normalize, tokenize

SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"
PASSING = ("exact", "faithful")
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred "
    "thousand first second third fourth fifth sixth seventh eighth ninth tenth fifths thirds"
).split()
NEGATABLE = re.compile(r"\b(is|are|shall|may|be|was|were|have|has|will|can|should|must|do|does)\b")
WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Case:
    kind: str
    expected: str  # exact | faithful | misquoted | not_found
    quote: str
    source: str  # name of the source it is checked against


# --------------------------------------------------------------------------- sources


def load_sources() -> dict[str, str]:
    declaration = (SOURCES / "declaration_of_independence.txt").read_text(encoding="utf-8")
    udhr_tree = etree.parse(str(SOURCES / "udhr_eng.xml"))
    udhr = "\n\n".join(
        " ".join(e.itertext()).strip()
        for e in udhr_tree.iter()
        if isinstance(e.tag, str) and etree.QName(e).localname in ("title", "para")
    )
    constitution_tree = etree.parse(str(SOURCES / "us-constitution_LII.xml"))
    constitution = "\n\n".join(" ".join(e.itertext()).strip() for e in constitution_tree.iter("content"))
    return {"declaration": declaration, "udhr": udhr, "constitution": constitution}


def retypeset(text: str, rng: random.Random) -> str:
    """The same text as a typesetter might publish it: glyphs, ligatures, wrapped and hyphenated."""
    out = re.sub(r'"(\S)', "“\\1", text)
    out = out.replace('"', "”").replace("'", "’").replace("--", "—")
    out = re.sub(r"fi", lambda m: "ﬁ" if rng.random() < 0.3 else m.group(), out)
    lines, line = [], ""
    for word in out.split(" "):
        if "\n" in word:
            lines.append(line + word)
            line = ""
            continue
        if len(line) + len(word) > 70:
            if len(word) >= 8 and word.isalpha() and rng.random() < 0.6:
                cut = len(word) // 2
                lines.append(line + word[:cut] + "-")
                word = word[cut:]
            else:
                lines.append(line.rstrip())
            line = ""
        line += word + (" " if rng.random() < 0.9 else "\u00a0")
    lines.append(line)
    return "\n".join(lines)


def big_source(texts: dict[str, str], rng: random.Random, size: int = 600_000) -> str:
    parts = []
    while sum(map(len, parts)) < size:
        for text in texts.values():
            parts.append(retypeset(text, rng) if len(parts) % 2 else text)
    return "\n\n".join(parts)


def numbered_source(texts: dict[str, str], rng: random.Random, size: int) -> str:
    """``size`` characters of copies of ``texts``, every paragraph numbered by copy (``§ 12.3``),
    every other copy re-typeset: no two paragraphs alike, while every passage recurs."""
    parts: list[str] = []
    length, copy = 0, 0
    while length < size:
        copy += 1
        for text in texts.values():
            paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
            body = "\n\n".join(f"§ {copy}.{k} {p}" for k, p in enumerate(paragraphs, 1))
            body = retypeset(body, rng) if copy % 2 else body
            parts.append(body)
            length += len(body) + 2
    return "\n\n".join(parts)


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


def digest(matches: list[QuoteMatch]) -> str:
    """A short fingerprint of every verdict, passage, score and difference."""
    h = hashlib.sha256()
    for m in matches:
        h.update(repr((m.verdict, m.start, m.end, m.score, m.differences, m.alterations)).encode())
    return h.hexdigest()[:16]


# --------------------------------------------------------------------------- passages


def words_of(text: str) -> list[re.Match[str]]:
    return list(WORD.finditer(text))


def passage(
    text: str, rng: random.Random, low: int = 3, high: int = 60, want: Callable[[str], bool] | None = None
) -> str:
    spans = words_of(text)
    for _ in range(500):
        n = rng.randint(low, high)
        i = rng.randrange(0, max(1, len(spans) - n))
        piece = text[spans[i].start() : spans[min(i + n, len(spans)) - 1].end()]
        if "\n\n" in piece:
            continue
        piece = " ".join(piece.split())
        if want is None or want(piece):
            return piece
    raise LookupError("no passage found")


def plain_words(text: str) -> str:
    """The text's words and marks, one space apart, for "does this read like the source" tests."""
    return " " + " ".join(t.text for t in tokenize(normalize(text).text)) + " "


def interior(words: list[str], rng: random.Random, test: Callable[[str], bool] = lambda w: True) -> int | None:
    choices = [i for i in range(1, len(words) - 1) if test(words[i])]
    return rng.choice(choices) if choices else None


def alpha(word: str) -> bool:
    return word.isalpha()


# --------------------------------------------------------------------------- alterations


def glyphs(p: str, rng: random.Random) -> str:
    out = re.sub(r'"(\S)', "“\\1", p).replace('"', "”").replace("'", rng.choice("’'"))
    out = out.replace("--", rng.choice(["—", "–", "--"]))
    words = out.split(" ")
    i = interior(words, rng, lambda w: len(w) >= 6 and w.isalpha())
    if i is not None:
        words[i] = words[i][:3] + "-\n" + words[i][3:]
    glue = [rng.choice([" ", " ", "\n", "  ", "\u00a0"]) for _ in words]
    out = "".join(w + g for w, g in zip(words, glue, strict=False)).strip()
    return out[0].swapcase() + out[1:] if out[0].isalpha() and rng.random() < 0.5 else out


def bracket_case(p: str, rng: random.Random) -> str | None:
    return f"[{p[0].swapcase()}]{p[1:]}" if p[0].isalpha() else None


def bracket_substitute(p: str, rng: random.Random, vocab: list[str]) -> str | None:
    words = p.split(" ")
    if len(words) < 5:
        return None
    i = rng.randrange(1, len(words) - 3)
    n = rng.randint(1, 3)
    stand_in = " ".join(rng.sample(vocab, rng.randint(1, 2)))
    return " ".join(words[:i] + [f"[{stand_in}]"] + words[i + n :])


def bracket_insert(p: str, rng: random.Random, vocab: list[str]) -> str | None:
    words = p.split(" ")
    i = rng.randrange(1, len(words))
    return " ".join(words[:i] + [f"[{rng.choice(vocab)}]"] + words[i:])


def ellipsis(p: str, rng: random.Random) -> str | None:
    words = p.split(" ")
    if len(words) < 6:
        return None
    i = rng.randrange(1, len(words) - 3)
    n = rng.randint(1, min(10, len(words) - i - 2))
    mark = rng.choice(["...", "…", ". . .", "[...]", "[…]"])
    return " ".join(words[:i] + [mark] + words[i + n :])


def ellipsis_across(text: str, rng: random.Random) -> str:
    """Two passages up to ~1,500 characters apart, joined by an ellipsis."""
    spans = words_of(text)
    i = rng.randrange(0, len(spans) - 300)
    a = rng.randint(3, 20)
    skip = rng.randint(5, 200)
    b = rng.randint(3, 20)
    first = " ".join(text[spans[i].start() : spans[i + a - 1].end()].split())
    second = " ".join(text[spans[i + a + skip].start() : spans[i + a + skip + b - 1].end()].split())
    return f"{first} {rng.choice(['...', '. . . .', '[...]'])} {second}"


def edge_ellipsis(p: str, rng: random.Random) -> str:
    return rng.choice([f"... {p}", f"{p} ...", f"… {p} …"])


def sic(p: str, rng: random.Random) -> str:
    words = p.split(" ")
    i = rng.randrange(0, len(words))
    return " ".join(words[: i + 1] + ["[sic]"] + words[i + 1 :])


def parenthetical(p: str, rng: random.Random) -> str:
    note = rng.choice(
        ["(emphasis added)", "(emphasis omitted)", "(citation omitted)", "(internal quotation marks omitted)"]
    )
    return f"{p} {note}"


def word_changed(p: str, rng: random.Random, vocab: list[str]) -> str | None:
    words = p.split(" ")
    i = interior(words, rng, alpha)
    if i is None:
        return None
    new = rng.choice([v for v in vocab[:400] if v.casefold() != words[i].casefold()])
    return " ".join(words[:i] + [new] + words[i + 1 :])


def number_changed(p: str, rng: random.Random) -> str | None:
    digits = [m.start() for m in re.finditer(r"\d", p)]
    if digits and rng.random() < 0.5:
        at = rng.choice(digits)
        return p[:at] + rng.choice([d for d in "0123456789" if d != p[at]]) + p[at + 1 :]
    found = [m for m in re.finditer(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", p) if m.start() > 0]
    if not found:
        return None
    m = rng.choice(found)
    return p[: m.start()] + rng.choice([w for w in NUMBER_WORDS if w != m.group()]) + p[m.end() :]


def has_number(p: str) -> bool:
    return bool(re.search(r"\d|\b(" + "|".join(NUMBER_WORDS) + r")\b", p[1:]))


def word_added(p: str, rng: random.Random, vocab: list[str]) -> str | None:
    words = p.split(" ")
    i = rng.randrange(1, len(words))
    return " ".join(words[:i] + [rng.choice(vocab[:400])] + words[i:])


def word_dropped(p: str, rng: random.Random) -> str | None:
    words = p.split(" ")
    i = interior(words, rng, lambda w: any(c.isalnum() for c in w))
    return None if i is None else " ".join(words[:i] + words[i + 1 :])


def swapped(p: str, rng: random.Random) -> str | None:
    words = p.split(" ")
    pairs = [
        i for i in range(len(words) - 1) if words[i].casefold() != words[i + 1].casefold() and i + 1 < len(words) - 1
    ]
    if not pairs:
        return None
    i = rng.choice(pairs)
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def stitched(text: str, rng: random.Random) -> str:
    """Two non-adjacent sentences joined without an ellipsis."""
    sentences = [" ".join(s.split()) for s in re.split(r"(?<=[.;:])\s+", text) if 3 <= len(s.split()) <= 30]
    i = rng.randrange(0, len(sentences) - 3)
    j = rng.choice([k for k in range(len(sentences)) if abs(k - i) > 1])
    return f"{sentences[i]} {sentences[j]}"


def negated(p: str, rng: random.Random) -> str | None:
    words = p.split(" ")
    slots = [i for i, w in enumerate(words[:-1]) if NEGATABLE.fullmatch(w.strip(",;:.").casefold())]
    i = rng.choice(slots) if slots else rng.randrange(0, len(words) - 1)
    return " ".join(words[: i + 1] + ["not"] + words[i + 1 :])


def capital_changed(p: str, rng: random.Random) -> str | None:
    words = p.split(" ")
    i = interior(words, rng, lambda w: w.isalpha() and w != "I")
    if i is None:
        return None
    words[i] = words[i][0].swapcase() + words[i][1:]
    return " ".join(words)


def punctuation_changed(p: str, rng: random.Random) -> str | None:
    words = p.split(" ")
    marked = [i for i in range(len(words) - 1) if words[i][-1] in ",;:"]
    if marked and rng.random() < 0.5:
        i = rng.choice(marked)
        words[i] = words[i][:-1] + rng.choice([c for c in ",;:" if c != words[i][-1]] + [""])
    else:
        i = interior(words, rng, alpha)
        if i is None:
            return None
        words[i] += ","
    return " ".join(words)


def shuffled(p: str, rng: random.Random) -> str | None:
    words = p.split(" ")
    if len(words) < 6:
        return None
    out = words[:]
    rng.shuffle(out)
    # A shuffle that keeps most words beside their neighbours is a misquotation (a word moved),
    # not a passage found nowhere: keep only shuffles that break most adjacent pairs.
    pairs = set(zip(words, words[1:], strict=False))
    kept = sum(pair in pairs for pair in zip(out, out[1:], strict=False))
    return None if kept >= len(pairs) / 3 else " ".join(out)


# --------------------------------------------------------------------------- building the set


def build_cases(texts: dict[str, str], rng: random.Random, per_kind: int) -> list[Case]:
    vocab = {name: sorted({w for w in re.findall(r"[a-z]{3,}", t)}) for name, t in texts.items()}
    for name in vocab:
        rng.shuffle(vocab[name])
    flat = {name: plain_words(t) for name, t in texts.items()}
    names = list(texts)
    makers: dict[str, tuple[str, Callable[[str, str], str | None]]] = {
        "unchanged": ("exact", lambda n, p: p),
        "glyphs+whitespace+hyphenation": ("exact", lambda n, p: glyphs(p, rng)),
        "bracket [t]he": ("faithful", lambda n, p: bracket_case(p, rng)),
        "bracket [words] for words": ("faithful", lambda n, p: bracket_substitute(p, rng, vocab[n])),
        "bracket [word] inserted": ("faithful", lambda n, p: bracket_insert(p, rng, vocab[n])),
        "ellipsis": ("faithful", lambda n, p: ellipsis(p, rng)),
        "ellipsis across sentences": ("faithful", lambda n, p: ellipsis_across(texts[n], rng)),
        "ellipsis at start/end": ("faithful", lambda n, p: edge_ellipsis(p, rng)),
        "[sic]": ("faithful", lambda n, p: sic(p, rng)),
        "(parenthetical)": ("faithful", lambda n, p: parenthetical(p, rng)),
        "word changed": ("misquoted", lambda n, p: word_changed(p, rng, vocab[n])),
        "number changed": ("misquoted", lambda n, p: number_changed(p, rng)),
        "word added": ("misquoted", lambda n, p: word_added(p, rng, vocab[n])),
        "word dropped": ("misquoted", lambda n, p: word_dropped(p, rng)),
        "words swapped": ("misquoted", lambda n, p: swapped(p, rng)),
        "sentences stitched": ("misquoted", lambda n, p: stitched(texts[n], rng)),
        "'not' inserted": ("misquoted", lambda n, p: negated(p, rng)),
        "mid-quote capital changed": ("misquoted", lambda n, p: capital_changed(p, rng)),
        "punctuation changed": ("misquoted", lambda n, p: punctuation_changed(p, rng)),
        "other source": ("not_found", None),  # type: ignore[dict-item]
        "words shuffled": ("not_found", lambda n, p: shuffled(p, rng)),
    }
    cases: list[Case] = []
    for kind, (expected, make) in makers.items():
        made = 0
        while made < per_kind:
            name = rng.choice(names)
            if make is None:  # a passage of another source
                other = rng.choice([n for n in names if n != name])
                quote: str | None = passage(texts[other], rng, 5, 60)
            else:
                low = 6 if expected == "misquoted" or kind.startswith("ellipsis") else 3
                want = has_number if kind == "number changed" else None
                try:
                    quote = make(name, passage(texts[name], rng, low, 60, want))
                except LookupError:  # e.g. a source without numbers
                    continue
            if not quote:
                continue
            # A "misquotation" or foreign passage that reads like some place in the source is no
            # misquotation: drop it rather than mislabel it.
            if expected in ("misquoted", "not_found") and plain_words(quote)[2:] in flat[name]:
                continue
            cases.append(Case(kind, expected, quote, name))
            made += 1
    return cases


# --------------------------------------------------------------------------- running


def baseline_passes(quote: str, source_norm: str) -> bool:
    return fuzz.partial_ratio(normalize(quote).text.casefold(), source_norm) >= 90


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1787)
    parser.add_argument("--show", type=int, default=5, help="wrong verdicts to print per kind")
    parser.add_argument("--big-mb", type=float, default=10.0, help="size of the large source (0: skip it)")
    parser.add_argument("--baseline", type=Path, help="a copy of verify/match_search.py to time beside this one")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the same-run comparison (--baseline)")
    parser.add_argument(
        "--warm-passes",
        type=int,
        default=3,
        help="passes over the quotations against the large source; each quotation's least time is also printed "
        "(a busy machine's pauses fall in one pass, seldom in all)",
    )
    args = parser.parse_args()
    if not SOURCES.is_dir():
        print(f"benchmark skipped: {SOURCES} is absent (it holds the public-domain source texts)")
        return 0
    rng = random.Random(args.seed)
    texts = load_sources()
    variants = {
        "published": {n: t for n, t in texts.items()},
        "retypeset": {n: retypeset(t, random.Random(args.seed + i)) for i, (n, t) in enumerate(texts.items())},
    }
    indexes = {(v, n): SourceIndex.build(t) for v, ts in variants.items() for n, t in ts.items()}
    norms = {n: normalize(t).text.casefold() for n, t in texts.items()}
    cases = build_cases(texts, rng, args.per_kind)

    right: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    false_pass = false_fail = base_false_pass = base_false_fail = base_right = 0
    wrong: dict[str, list[str]] = defaultdict(list)
    answers: list[QuoteMatch] = []
    for case in cases:
        base = baseline_passes(case.quote, norms[case.source])
        base_right += base == (case.expected in PASSING)
        base_false_pass += base and case.expected not in PASSING
        base_false_fail += not base and case.expected in PASSING
        for variant in variants:
            got = find_quote(case.quote, indexes[(variant, case.source)])
            answers.append(got)
            total[(case.expected, case.kind)] += 1
            right[(case.expected, case.kind)] += got.verdict == case.expected
            if got.passed and case.expected not in PASSING:
                false_pass += 1
            if not got.passed and case.expected in PASSING:
                false_fail += 1
            if got.verdict != case.expected and len(wrong[case.kind]) < args.show:
                wrong[case.kind].append(f"{variant}/{case.source}: {got.verdict} {case.quote!r} {got.differences[:3]}")

    checks = sum(total.values())
    print(f"{len(cases)} quotations x {len(variants)} versions of their source = {checks} checks (seed {args.seed})\n")
    print(f"{'expected':<10} {'kind':<32} {'correct':>9}")
    for (expected, kind), n in total.items():
        print(
            f"{expected:<10} {kind:<32} {right[(expected, kind)]:>4}/{n:<4} {100 * right[(expected, kind)] / n:6.1f}%"
        )
    correct = sum(right.values())
    print(
        f"\nwhereas:             {100 * correct / checks:6.2f}% correct verdicts; "
        f"false passes {false_pass}, false fails {false_fail}; answers digest {digest(answers)}"
    )
    print(
        f"rapidfuzz threshold: {100 * base_right / len(cases):6.2f}% correct pass/fail; "
        f"false passes {base_false_pass}, false fails {base_false_fail}  (partial_ratio >= 90, published source)"
    )
    for kind, lines in wrong.items():
        print(f"\n  wrong ({kind}):")
        for line in lines:
            print("    " + line[:300])

    big = big_source(texts, random.Random(args.seed))
    t0 = time.perf_counter()
    big_index = SourceIndex.build(big)
    build_ms = 1000 * (time.perf_counter() - t0)
    timings = []
    for case in cases:
        t0 = time.perf_counter()
        find_quote(case.quote, big_index)
        timings.append(1000 * (time.perf_counter() - t0))
    big_norm = normalize(big).text.casefold()
    sample = cases[:: max(1, len(cases) // 100)]
    base_timings = []
    for case in sample:
        t0 = time.perf_counter()
        baseline_passes(case.quote, big_norm)
        base_timings.append(1000 * (time.perf_counter() - t0))
    print(f"\nTime per quotation against a {len(big) // 1000} KB source (index built once in {build_ms:.0f} ms):")
    print(
        f"  whereas:             median {statistics.median(timings):.2f} ms, p95 {percentile(timings, 95):.2f} ms, "
        f"max {max(timings):.1f} ms"
    )
    print(
        f"  rapidfuzz threshold: median {statistics.median(base_timings):.2f} ms, p95 {percentile(base_timings, 95):.2f} ms "
        f"({len(sample)} quotations)"
    )
    if args.big_mb > 0:
        big_benchmark(texts, cases, args)
    return 0


def big_benchmark(texts: dict[str, str], cases: list[Case], args: argparse.Namespace) -> None:
    """Build the index of a large source, then time every labelled quotation against it, warm."""
    source = numbered_source(texts, random.Random(args.seed), int(args.big_mb * 1_000_000))
    gc.collect()
    before = rss_bytes()
    t0 = time.perf_counter()
    index = SourceIndex.build(source)
    build_s = time.perf_counter() - t0
    gc.collect()
    rss_mb = (rss_bytes() - before) / 1e6
    answers = [find_quote(case.quote, index) for case in cases]  # warms up (and is the digest)
    walls: list[list[float]] = [[] for _ in cases]  # each quotation's wall-clock ms, one per pass
    cpus: list[list[float]] = [[] for _ in cases]  # … and the CPU ms of this thread
    for _ in range(max(1, args.warm_passes)):
        for i, case in enumerate(cases):
            c0, t0 = time.thread_time(), time.perf_counter()
            find_quote(case.quote, index)
            walls[i].append(1000 * (time.perf_counter() - t0))
            cpus[i].append(1000 * (time.thread_time() - c0))
    timings = [w[0] for w in walls]  # the first pass, as printed before --warm-passes
    least = [min(w) for w in walls]
    least_cpu = [min(c) for c in cpus]
    slowest = sorted(zip(timings, cases, strict=True), key=lambda tc: -tc[0])[:3]
    del index
    gc.collect()
    tracemalloc.start()
    index = SourceIndex.build(source)
    traced_mb = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    verdicts = Counter(m.verdict for m in answers)
    print(f"\nAgainst a {len(source) / 1e6:.1f} MB source ({len(index):,} tokens, numbered copies of the sources):")
    print(f"  index: built in {build_s:.2f} s; RSS +{rss_mb:.0f} MB; traced allocations {traced_mb:.0f} MB")
    print(
        f"  per quotation, warm ({len(cases)} quotations): p50 {percentile(timings, 50):.2f} ms, "
        f"p99 {percentile(timings, 99):.2f} ms, max {max(timings):.1f} ms"
    )
    if args.warm_passes > 1:
        verdict = "met" if max(least) <= 20 else "NOT met"
        print(
            f"  least of {args.warm_passes} passes, each quotation: wall p50 {percentile(least, 50):.2f} ms, "
            f"p99 {percentile(least, 99):.2f} ms, max {max(least):.1f} ms (max <= 20 ms: {verdict}); "
            f"CPU p99 {percentile(least_cpu, 99):.2f} ms, max {max(least_cpu):.1f} ms"
        )
    print(f"  verdicts: {dict(sorted(verdicts.items()))}; answers digest {digest(answers)}")
    for ms, case in slowest:
        print(f"  slowest: {ms:.1f} ms  {case.kind}: {case.quote[:100]!r}")
    shuffled = [ms for ms, case in zip(timings, cases, strict=True) if case.kind == "words shuffled"]
    print(
        f"  words shuffled ({len(shuffled)}): p50 {percentile(shuffled, 50):.2f} ms, "
        f"p99 {percentile(shuffled, 99):.2f} ms, max {max(shuffled):.1f} ms"
    )
    if args.baseline:
        compare(cases, index, args.baseline, args.rounds)


def searches_of(path: Path) -> dict[str, object]:
    """The matcher's searches (the functions ``match`` takes from ``match_search``) from ``path``."""
    spec = importlib.util.spec_from_file_location("baseline_match_search", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (dataclasses look their module up)
    spec.loader.exec_module(module)
    return {name: getattr(module, name) for name in SEARCHES}


SEARCHES = ("exact_starts", "fuzzy_placements", "rarest", "surface", "word_count")


def compare(cases: list[Case], index: SourceIndex, baseline: Path, rounds: int) -> None:
    """Time the baseline's searches and this one's, alternately, quotation by quotation."""
    versions = {"baseline": searches_of(baseline), "this": {name: getattr(match, name) for name in SEARCHES}}
    digests, times = {}, {}
    for name, searches in versions.items():
        vars(match).update(searches)
        digests[name] = digest([find_quote(case.quote, index) for case in cases])
        times[name] = [[] for _ in cases]
    gc.collect()
    for r in range(rounds):
        for i, case in enumerate(cases):
            for name in list(versions)[:: 1 if r % 2 else -1]:
                vars(match).update(versions[name])
                t0 = time.perf_counter()
                find_quote(case.quote, index)
                times[name][i].append(1000 * (time.perf_counter() - t0))
    vars(match).update(versions["this"])
    print(f"\n  same-run comparison with {baseline} ({rounds} rounds, each quotation's median):")
    for kind in ("words shuffled", None):
        rows = {
            name: [statistics.median(t) for t, case in zip(ts, cases, strict=True) if kind in (None, case.kind)]
            for name, ts in times.items()
        }
        old, new = rows["baseline"], rows["this"]
        print(
            f"    {kind or 'all kinds'}: p99 {percentile(old, 99):.2f} -> {percentile(new, 99):.2f} ms, "
            f"max {max(old):.1f} -> {max(new):.1f} ms, total {sum(old):.0f} -> {sum(new):.0f} ms "
            f"(ratio {sum(new) / sum(old):.2f})"
        )
    print(f"    digests: baseline {digests['baseline']}, this {digests['this']}")


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


if __name__ == "__main__":
    sys.exit(main())
