"""Where a run of a quotation's tokens stands in a source (see :mod:`whereas.verify.match`).

Exact occurrences are found from the rarest token's positions in the :class:`SourceIndex`,
sifted by the other tokens' keys; likely regions (for a run that does not occur exactly)
are voted for by its rarer words, then aligned in a small window.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import compress
from typing import Literal

from whereas.verify.alterations import QuoteToken
from whereas.verify.index import SourceIndex
from whereas.verify.kinds import DifferenceKind

STITCH_MIN_WORDS = 3  # an unaligned run this long at a segment's edge is searched for elsewhere
_COMMON = 1500  # words more frequent than this do not vote for candidate regions
_Voter = tuple[int, int, Sequence[int], int, int]  # occurrences, place in the quotation, positions, [a, b)


@dataclass(frozen=True)
class Placement:
    start: int  # source token range of the passage
    end: int
    matched: int  # tokens aligned
    lead: int  # quotation tokens unaligned before the first aligned one
    trail: int  # … and after the last


def word_count(tokens: Sequence[QuoteToken]) -> int:
    return sum(t.is_word for t in tokens)


def rarest(tokens: Sequence[QuoteToken], index: SourceIndex) -> int:
    """Occurrences of the rarest literal token of ``tokens`` (how long an exact search takes)."""
    return min((len(index.positions.get(t.key, ())) for t in tokens if t.bracket is None), default=0)


def exact_starts(
    tokens: Sequence[QuoteToken], index: SourceIndex, lo: int, hi: int, only: Literal["first", "last"] | None = None
) -> list[int]:
    """Starts of exact occurrences of ``tokens`` (as source tokens) within ``[lo, hi)``, ascending
    (or only the first, or the last: searched from that end, it stops at the first found)."""
    n = len(tokens)
    literal = [(j, t) for j, t in enumerate(tokens) if t.bracket is None]
    if not literal:
        return []
    literal.sort(key=lambda jt: len(index.positions.get(jt[1].key, ())))
    pivot, token = literal[0]
    found = index.positions.get(token.key, [])
    # Candidate starts: the rarest literal token's occurrences in reach, start = p - pivot.
    candidates = found[bisect.bisect_left(found, lo + pivot) : bisect.bisect_right(found, hi - n + pivot)]
    keys = index.keys
    # Every literal token's key must match (equal texts have equal keys): the candidates are
    # sifted by one key after another, rarest first, in C (map, compress), not a Python step each.
    for j, t in literal[1:]:
        if not candidates:
            return []
        at = map(keys.__getitem__, map((j - pivot).__add__, candidates))
        candidates = list(compress(candidates, map(t.key.__eq__, at)))
    # A candidate whose token texts equal the quotation's is an occurrence (tuples compared in C);
    # the others, and any quotation with a bracket, are checked token by token.
    texts = index.texts
    plain = None if len(literal) < n else tuple(t.text for t in tokens)
    out = []
    for p in reversed(candidates) if only == "last" else candidates:
        start = p - pivot
        if texts[start : start + n] == plain or all(_same(tokens[j], index, start + j) for j in range(n)):
            out.append(start)
            if only:
                break
    return out


def _same(q: QuoteToken, index: SourceIndex, i: int) -> bool:
    if q.bracket is not None:
        return q.bracket.allows(index.texts[i])
    return q.text == index.texts[i] or (q.key == index.keys[i] and surface(q, index, i) is None)


def fuzzy_placements(tokens: Sequence[QuoteToken], index: SourceIndex, lo: int, hi: int, limit: int) -> list[Placement]:
    placements = []
    for diagonal in _diagonals(tokens, index, lo, hi, limit):
        slack = 4 + len(tokens) // 2
        placement = _align(tokens, index, max(lo, diagonal - slack), min(hi, diagonal + len(tokens) + slack))
        if placement is not None:
            placements.append(placement)
    placements.sort(key=lambda p: -p.matched)
    return placements


def _diagonals(tokens: Sequence[QuoteToken], index: SourceIndex, lo: int, hi: int, limit: int) -> list[int]:
    """Likely source starts for ``tokens``: where their rarer words line up.

    Each of the (up to ten) rarest words votes, at each of its occurrences in ``[lo, hi)``, for
    the bucket of 8 diagonals (source start = occurrence - the word's place in the quotation)
    it falls in. Buckets are taken strongest first: most voters in or next to the bucket, then
    most in it, then the first voted for (the rarest voter's, in the source's order). Each gives
    its voters' median diagonal, unless one within 8 tokens was given already.
    """
    voters = _voters(tokens, index, lo, hi)
    if not voters:
        return []
    votes: dict[int, int] = {}  # bucket -> its voters, one bit each by rank (the rarest first)
    buckets_of = []  # for each voter, the buckets it voted for
    for rank, (_, j, found, a, b) in enumerate(voters):
        bit = 1 << rank
        buckets = [(p - j) // 8 for p in found[a:b]]
        buckets_of.append(buckets)
        for bucket in buckets:
            votes[bucket] = votes.get(bucket, 0) | bit
    out: list[int] = []

    def give(bucket: int) -> bool:  # (enough given?)
        diagonal = _median_diagonal(voters, votes[bucket], bucket)
        if all(abs(diagonal - o) > 8 for o in out):
            out.append(diagonal)
        return len(out) == limit

    # A bucket with k of the n voters in or next to it has one of any n - k + 1 of them there
    # (the others are too few): so the buckets next to the rarest n - k + 1 voters' hold every
    # bucket of strength k, and the strongest are found without weighing every bucket.
    strength: dict[int, int] = {}  # bucket -> voters in or next to it, for the buckets weighed
    of_strength: list[list[int]] = [[] for _ in range(len(voters) + 1)]
    for rank, buckets in enumerate(buckets_of[:-1]):
        for bucket in {b + d for b in buckets for d in (-1, 0, 1)}:
            if bucket in votes and bucket not in strength:
                near = votes[bucket] | votes.get(bucket - 1, 0) | votes.get(bucket + 1, 0)
                strength[bucket] = near.bit_count()
                of_strength[near.bit_count()].append(bucket)
        level = of_strength[len(voters) - rank]  # now complete
        level.sort(key=lambda bucket: (-votes[bucket].bit_count(), _lowest_bit(votes[bucket]), bucket))
        for bucket in level:
            if give(bucket):
                return out
    # The rest have one voter each (none next to them): first voted for, first taken.
    for bucket in votes:
        if strength.get(bucket, 1) == 1 and give(bucket):
            break
    return out


def _voters(tokens: Sequence[QuoteToken], index: SourceIndex, lo: int, hi: int) -> list[_Voter]:
    """The quotation's rarest words found in ``[lo, hi)``, the rarest first (at most ten, and
    none found more than ``_COMMON`` times unless all are)."""
    voters = []
    for j, t in enumerate(tokens):
        found = index.positions.get(t.key)
        if t.is_word and found:
            a, b = bisect.bisect_left(found, lo), bisect.bisect_left(found, hi)
            if b > a:  # (occurrences in [lo, hi), the token's place in the quotation, found[a:b]: where)
                voters.append((b - a, j, found, a, b))
    voters.sort()  # the rarest words first
    return ([voter for voter in voters if voter[0] <= _COMMON] or voters[:1])[:10]


def _median_diagonal(voters: list[_Voter], voted: int, bucket: int) -> int:
    """The median of the diagonals in ``bucket`` of the voters whose bits are set in ``voted``
    (of each voter's, the greatest)."""
    diagonals = []
    for rank, (_, j, found, a, b) in enumerate(voters):
        if voted >> rank & 1:
            diagonals.append(found[bisect.bisect_left(found, 8 * bucket + 8 + j, a, b) - 1] - j)
    diagonals.sort()
    return diagonals[len(diagonals) // 2]


def _lowest_bit(bits: int) -> int:
    return (bits & -bits).bit_length()


def _align(tokens: Sequence[QuoteToken], index: SourceIndex, lo: int, hi: int) -> Placement | None:
    """Best local alignment of ``tokens`` in source tokens ``[lo, hi)``."""
    if hi <= lo:
        return None
    matcher = SequenceMatcher(None, [t.key for t in tokens], index.keys[lo:hi], autojunk=False)
    blocks = [(a, lo + b, n) for a, b, n in matcher.get_matching_blocks() if n]
    blocks = _heaviest_cluster(blocks)
    if not blocks:
        return None
    (a0, b0, _), (a1, b1, n1) = blocks[0], blocks[-1]
    lead, trail = a0, len(tokens) - (a1 + n1)
    # Unaligned quotation tokens at the edges face as many source tokens (a changed last word
    # is a replacement, not an insertion) — unless the run is long enough to be a stitch.
    start = b0 if word_count(tokens[:lead]) >= STITCH_MIN_WORDS else max(lo, b0 - lead)
    end = b1 + n1 if word_count(tokens[a1 + n1 :]) >= STITCH_MIN_WORDS else min(hi, b1 + n1 + trail)
    return Placement(start, end, sum(n for _, _, n in blocks), lead, trail)


def _heaviest_cluster(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The run of matching blocks that lines up best: blocks are cut apart wherever the
    source skips more than a few tokens the quotation does not (or the reverse).

    Scattered matches of common words around a passage are no part of it, and two passages
    stitched together fall into two clusters, so the second is searched for on its own.
    """
    clusters: list[list[tuple[int, int, int]]] = []
    for block in blocks:
        a, b, _ = block  # quotation token, source token, length
        if clusters:
            last_a, last_b, last_n = clusters[-1][-1]
            if abs((b - last_b - last_n) - (a - last_a - last_n)) <= 3:
                clusters[-1].append(block)
                continue
        clusters.append([block])
    return max(clusters, key=lambda c: sum(n for _, _, n in c), default=[])


def surface(token: QuoteToken, index: SourceIndex, j: int) -> DifferenceKind | None:
    """How two tokens with the same key differ, if at all: case, hyphenation, quote glyph."""
    quoted, source = token.text, index.texts[j]
    if quoted == source or not quoted[0].isalnum():
        return None
    q, s = quoted.replace("-", ""), source.replace("-", "")
    if q == s:
        return None if j in index.joined else "spelling"
    if token.free_case and q[1:] == s[1:]:
        return None
    return "case"
