"""The matcher's searches against long sources, held to plain references: exact occurrences
sifted in C equal a token-by-token scan, the reach of a gap and its inverse agree, and the
anchor's occurrences found from its rarer neighbours are those sorting every occurrence gives."""

from __future__ import annotations

import bisect
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whereas.verify import match, match_search
from whereas.verify.alterations import Gap, QuoteToken, parse_quote
from whereas.verify.match import SourceIndex, find_quote
from whereas.verify.match_search import exact_starts


def scanned_starts(tokens: tuple[QuoteToken, ...], index: SourceIndex, lo: int, hi: int) -> list[int]:
    """Every start in ``[lo, hi)`` where each token is the same as the source's, one by one."""
    if all(t.bracket is not None for t in tokens):
        return []
    n = len(tokens)
    return [s for s in range(lo, hi - n + 1) if all(match_search._same(tokens[j], index, s + j) for j in range(n))]


WORDS = ["the", "The", "THE", "to", "co-operate", "cooperate", "Senate", "senate", "vote", '"', "'", ",", "."]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=120),
    st.data(),
)
def test_exact_starts_are_those_a_token_by_token_scan_finds(words: list[str], data: st.DataObject) -> None:
    index = SourceIndex.build(" ".join(words))
    size = data.draw(st.integers(1, 4))
    quoted = data.draw(st.lists(st.sampled_from(WORDS + ["[t]he", "[S]enate", "vot[e]"]), min_size=size, max_size=size))
    if data.draw(st.booleans()):  # or a run of the source itself, its case changed here and there
        at = data.draw(st.integers(0, max(0, len(index) - size)))
        quoted = [t.upper() if data.draw(st.booleans()) else t for t in index.texts[at : at + size]]
    for segment in parse_quote(" ".join(quoted)).segments:
        lo = data.draw(st.integers(0, len(index)))
        hi = data.draw(st.integers(lo, len(index)))
        want = scanned_starts(segment, index, lo, hi)
        assert exact_starts(segment, index, lo, hi) == want
        assert exact_starts(segment, index, lo, hi, "first") == want[:1]
        assert exact_starts(segment, index, lo, hi, "last") == want[-1:]


def spread_source(seed: int, words: int) -> str:
    """Words of very different lengths (a token's reach by characters varies along the text)."""
    rng = random.Random(seed)
    vocab = ["a", "to", "the", "Senate", "constitution", "x" * 40, ",", "."]
    return " ".join(rng.choice(vocab) for _ in range(words))


GAPS = [None, Gap("none", "", 0), Gap("bracket", "[it]", 6), Gap("ellipsis", "…", None)]


@pytest.mark.parametrize("gap", GAPS, ids=["none", "seam", "bracket", "ellipsis"])
def test_the_inverse_reaches_agree_with_the_reaches(gap: Gap | None) -> None:
    index = SourceIndex.build(spread_source(7, 6000))
    rng = random.Random(3)
    count = len(index)
    for n in (1, 2, 5):
        for target in sorted(rng.sample(range(count), 25)) + [0, count - 1]:
            # the least end whose reach to the right gets to the target, then every end after it
            first = match._first_end_reaching(index, target, gap, n)
            right = [match._reach_right(index, end, gap, n) >= target for end in range(1, count + 1)]
            assert right == [end >= first for end in range(1, count + 1)]
            # the greatest start whose reach to the left gets back to the target, and every start before it
            last = match._last_start_reaching(index, target, gap, n)
            left = [match._reach_left(index, start, gap, n) <= target for start in range(count)]
            assert left == [start <= last for start in range(count)]


def skewed_source(seed: int, words: int) -> str:
    """Common words everywhere ("to the"), rarer ones now and then, sentences of every length."""
    rng = random.Random(seed)
    common = ["to", "the", "of", "and", "shall", "be"]
    rare = ["Thirty", "Years", "Senate", "Chosen", "Vote", "State", "Number"]
    out = []
    for _ in range(words):
        out.append(rng.choice(rare) if rng.random() < 0.04 else rng.choice(common))
        if rng.random() < 0.08:
            out[-1] += rng.choice([",", ".", ";"])
    return " ".join(out)


def quotations(index: SourceIndex, rng: random.Random, count: int) -> list[str]:
    """A common pair ("to the") and a rarer run a little before or after it, across a gap."""
    texts = index.texts
    pairs = [i for i in range(len(texts) - 1) if (texts[i], texts[i + 1]) == ("to", "the")]
    rare = [i for i, t in enumerate(texts) if t[0].isupper()]
    out = []
    for _ in range(count):
        i = rng.choice(pairs)
        distance = rng.choice([1, 3, 8, 40, 300, 900, 2000])
        j = rare[min(len(rare) - 1, bisect.bisect_left(rare, i + 2 + distance if rng.random() < 0.6 else i - distance))]
        near = " ".join(texts[j : j + rng.choice([1, 2])])
        if rng.random() < 0.2:
            near = "Constitution"  # not in the source: no occurrence has a neighbour
        gap = rng.choice([" . . . ", " … ", " [its] "])
        out.append(f"to the{gap}{near}" if j > i else f"{near}{gap}to the")
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_common_anchor_is_found_from_its_rarer_neighbours_as_by_sorting_all(seed: int) -> None:
    index = SourceIndex.build(skewed_source(seed, 30_000))
    rng = random.Random(seed)
    from_neighbours = 0
    for quote in quotations(index, rng, 40):
        parts = match._parts(parse_quote(quote))
        for anchor in range(len(parts)):
            exact = exact_starts(parts[anchor].tokens, index, 0, len(index))
            neighbours = match._exact_neighbours(parts, anchor, exact, index)
            promising = match._next_to_neighbours(parts, anchor, index)
            if promising:
                assert promising == [s for s in exact if neighbours[s] > 0], quote
                from_neighbours += len(promising) > match._MAX_ANCHORS
            # what the anchor's placements were before: every occurrence, sorted by its neighbours
            if len(exact) > match._MAX_ANCHORS:
                exact.sort(key=lambda s: -neighbours[s])
            placements = match._anchor_placements(parts, anchor, index)
            if exact:
                assert [p.start for p in placements] == exact[: match._MAX_ANCHORS], quote
    assert from_neighbours >= 10  # the neighbours' way was taken (else this test holds nothing)


def test_a_part_looked_for_again_for_each_anchor_tried_is_searched_for_once(monkeypatch: pytest.MonkeyPatch) -> None:
    passage = (
        "The Senate shall consist of two Senators from each State, chosen by the Legislature thereof, for six Years."
    )
    index = SourceIndex.build(" ".join(f"§ {k}. {passage}" for k in range(300)))
    # words shuffled: three places tried, and at each the same runs split off and looked for everywhere
    quote = "Senators two State, from each by chosen the thereof, Legislature Years; for six and shall each Senator"
    calls: list[tuple[tuple[QuoteToken, ...], int, int, int]] = []
    search = match_search.fuzzy_placements

    def counted(tokens, index, lo, hi, limit):  # type: ignore[no-untyped-def]
        calls.append((tokens, lo, hi, limit))
        return search(tokens, index, lo, hi, limit)

    monkeypatch.setattr(match, "fuzzy_placements", counted)
    got = find_quote(quote, index)
    assert got.verdict == "not_found"
    assert sum(hi == len(index) and limit == 1 for _, _, hi, limit in calls) >= 2  # runs split off, looked for anywhere
    assert len(calls) == len(set(calls))


def voted_diagonals(tokens: tuple[QuoteToken, ...], index: SourceIndex, lo: int, hi: int, limit: int) -> list[int]:
    """The voting as it was: every bucket weighed and all of them sorted, strongest first
    (ties in the order first voted for); each keeps every voter's diagonal."""
    voters = []
    for j, t in enumerate(tokens):
        found = index.positions.get(t.key)
        if t.is_word and found:
            a, b = bisect.bisect_left(found, lo), bisect.bisect_left(found, hi)
            if b > a:
                voters.append((b - a, j, found, a, b))
    voters.sort()
    if not voters:
        return []
    usable = [voter for voter in voters if voter[0] <= match_search._COMMON] or voters[:1]
    votes: dict[int, dict[int, int]] = {}
    voters_of: dict[int, int] = {}
    for _, j, found, a, b in usable[:10]:
        for p in found[a:b]:
            bucket = (p - j) // 8
            votes.setdefault(bucket, {})[j] = p - j
            voters_of[bucket] = voters_of.get(bucket, 0) | 1 << j

    def strength(bucket: int) -> tuple[int, int]:
        near = voters_of[bucket] | voters_of.get(bucket - 1, 0) | voters_of.get(bucket + 1, 0)
        return near.bit_count(), voters_of[bucket].bit_count()

    out: list[int] = []
    for bucket in sorted(votes, key=strength, reverse=True):
        diagonals = sorted(votes[bucket].values())
        diagonal = diagonals[len(diagonals) // 2]
        if all(abs(diagonal - o) > 8 for o in out):
            out.append(diagonal)
        if len(out) == limit:
            break
    return out


VOTERS = "Senate House State Years Number Vote chosen thirty each the of to and , .".split()


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(VOTERS), min_size=1, max_size=400),
    st.data(),
)
def test_the_strongest_buckets_found_from_the_rarest_voters_are_those_sorting_all_gives(
    words: list[str], data: st.DataObject
) -> None:
    index = SourceIndex.build(" ".join(words))
    size = data.draw(st.integers(1, 30))
    at = data.draw(st.integers(0, max(0, len(index) - size)))
    quoted = list(index.texts[at : at + size])  # a run of the source, its words moved and changed
    quoted = data.draw(st.permutations(quoted)) if data.draw(st.booleans()) else quoted
    quoted += data.draw(st.lists(st.sampled_from(VOTERS + ["Constitution"]), max_size=8))
    lo = data.draw(st.integers(0, len(index)))
    hi = data.draw(st.integers(lo, len(index)))
    limit = data.draw(st.integers(1, 4))
    common = data.draw(st.sampled_from([1500, 40, 8, 1]))  # the commonest words left out, or all but one
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(match_search, "_COMMON", common)
        for tokens in parse_quote(" ".join(quoted)).segments:  # (". . ." is an ellipsis)
            want = voted_diagonals(tokens, index, lo, hi, limit)
            assert match_search._diagonals(tokens, index, lo, hi, limit) == want


def test_the_strongest_buckets_among_many_copies_are_those_sorting_all_gives() -> None:
    """Shuffled quotations of a passage found in every one of 300 copies: ties everywhere."""
    passage = (
        "The Senate shall consist of two Senators from each State, chosen by the Legislature thereof, for six Years; "
        "and each Senator shall have one Vote. Immediately after they shall be assembled in Consequence of the "
        "first Election, they shall be divided as equally as may be into three Classes."
    )
    index = SourceIndex.build(" ".join(f"§ {k}. {passage}" for k in range(300)))
    rng = random.Random(5)
    words = passage.split()
    compared = 0
    for _ in range(60):
        n = rng.randint(3, 40)
        at = rng.randrange(len(words) - n)
        quoted = words[at : at + n]
        rng.shuffle(quoted)
        tokens = parse_quote(" ".join(quoted)).segments[0]
        lo = rng.choice([0, rng.randrange(len(index))])
        for limit in (1, 3):
            assert match_search._diagonals(tokens, index, lo, len(index), limit) == voted_diagonals(
                tokens, index, lo, len(index), limit
            )
            compared += 1
    assert compared == 120
