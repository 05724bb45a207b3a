"""Does a quotation say what its source says?  ``check_quote(quote, source) -> QuoteMatch``.

The matcher works in three steps (see ``docs/verify/matching.md``):

1. **Normalise** both texts (glyphs, white space, hyphenation, NFKC) keeping an offset map,
   cut both into word and punctuation tokens, and parse the quotation's own marked
   alterations (``[t]he``, ``. . .``, ``[Assange's]``, ``[sic]``, ``(emphasis added)``) into
   literal segments and gaps.
2. **Locate** each segment: an exact token run first (via the rarest word's positions in
   the :class:`SourceIndex`), otherwise candidate regions voted for by the segment's
   rarer words, aligned in a small window (both in :mod:`whereas.verify.match_search`).  Later segments are searched only within
   their gap's reach of the segment before (an ellipsis: a few thousand characters on;
   a bracket: a few words on).
3. **Decide** by an exact word-level alignment (``difflib.SequenceMatcher`` on tokens) of
   every segment against its passage, classifying each difference.  A fuzzy score never
   decides a verdict: one changed digit or one inserted "not" is a difference.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Literal, NamedTuple

from whereas.verify.alterations import Alteration, Gap, ParsedQuote, QuoteToken, parse_quote
from whereas.verify.index import SourceIndex, index_cache
from whereas.verify.kinds import DifferenceKind, edit_kind
from whereas.verify.match_search import (
    STITCH_MIN_WORDS,
    Placement,
    exact_starts,
    fuzzy_placements,
    rarest,
    surface,
    word_count,
)

Verdict = Literal["exact", "faithful", "misquoted", "not_found"]

FOUND_COVERAGE = 0.6  # share of the quotation's words that must align in sequence to be "found"
RUN_SHARE = 0.5  # share of the quotation's words that must align in runs of two tokens or more
ELLIPSIS_MAX_CHARS = 5000  # how far apart the parts around an ellipsis may stand in the source
STITCHED_APART = 25  # an unmarked seam over this many source words joins two passages: "stitched"
_MAX_ANCHORS = 8
_MAX_DIAGONALS = 3


@dataclass(frozen=True, slots=True)
class Difference:
    """One unmarked difference between the quotation and its passage."""

    kind: DifferenceKind
    quoted: str  # the quotation's words ("" when the quotation leaves source words out)
    source: str  # the source's words, as in the original ("" for an insertion)
    apart: int = 0  # "stitched": how many source words lie between the two passages joined


@dataclass(frozen=True)
class QuoteMatch:
    """The verdict on one quotation, and where it stands in the source (original offsets)."""

    verdict: Verdict
    start: int | None
    end: int | None
    score: float  # 0–100: share of tokens aligned between quotation and passage
    differences: tuple[Difference, ...] = ()
    alterations: tuple[Alteration, ...] = ()  # the quotation's marked alterations, honoured

    @property
    def passed(self) -> bool:
        return self.verdict in ("exact", "faithful")


@dataclass(frozen=True)
class _Part:
    """A run of the quotation's tokens that must stand contiguously in the source."""

    tokens: tuple[QuoteToken, ...]
    gap: Gap | None  # what stands between the previous part and this one


@dataclass(frozen=True)
class _Placed:
    part: _Part
    at: Placement | None


@dataclass(frozen=True)
class _Evaluation:
    differences: tuple[Difference, ...]
    aligned_words: int  # quotation words aligned with an equal source word
    in_runs: int  # … of which in runs of two tokens or more
    words: int
    matched: int
    compared: int
    start: int | None
    end: int | None

    @property
    def coverage(self) -> float:
        return self.aligned_words / self.words if self.words else 0.0

    @property
    def found(self) -> bool:
        """Enough of the quotation aligns, mostly in runs (a shuffle of source words does not)."""
        if self.start is None or self.coverage < FOUND_COVERAGE:
            return False
        return self.words <= 3 or self.in_runs >= RUN_SHARE * self.words

    @property
    def rank(self) -> tuple[int, int, float]:
        return (0 if self.found else 1, len(self.differences), -self.coverage)


# ---------------------------------------------------------------------------------------
# Public API


def check_quote(quote: str, source: str) -> QuoteMatch:
    """Check ``quote`` against ``source`` (builds, and caches, the source's index)."""
    return find_quote(quote, _index(source))


def _index(source: str) -> SourceIndex:
    return index_cache.get(source)


def find_quote(quote: str, index: SourceIndex) -> QuoteMatch:
    """Check ``quote`` against the source behind ``index``."""
    parsed = parse_quote(quote)
    parts = _parts(parsed)
    if not parts or not len(index):
        return QuoteMatch("not_found", None, None, 0.0, alterations=parsed.alterations)
    anchor = max(range(len(parts)), key=lambda i: (word_count(parts[i].tokens), len(parts[i].tokens)))
    best: _Evaluation | None = None
    search = _Search(index)
    for placement in _anchor_placements(parts, anchor, index):
        placed = _chain(parts, anchor, placement, search)
        evaluation = _evaluate(placed, index, parsed.quote_marks_omitted)
        if best is None or evaluation.rank < best.rank:
            best = evaluation
        if not evaluation.differences and evaluation.found:
            break
    return _verdict(best, parsed)


def _verdict(best: _Evaluation | None, parsed: ParsedQuote) -> QuoteMatch:
    if best is None or not best.found or best.start is None or best.end is None:
        score = 0.0 if best is None else _score(best)
        return QuoteMatch("not_found", None, None, score, alterations=parsed.alterations)
    if best.differences:
        verdict: Verdict = "misquoted"
    elif parsed.alterations:
        verdict = "faithful"
    else:
        verdict = "exact"
    return QuoteMatch(verdict, best.start, best.end, _score(best), best.differences, parsed.alterations)


def _score(evaluation: _Evaluation) -> float:
    if not evaluation.compared:
        return 0.0
    return round(100.0 * evaluation.matched / evaluation.compared, 1)


# ---------------------------------------------------------------------------------------
# Parts: the quotation's literal segments, edge punctuation trimmed


def _parts(parsed: ParsedQuote) -> list[_Part]:
    parts = [_Part(seg, parsed.gaps[i - 1] if i else None) for i, seg in enumerate(parsed.segments)]
    # A quotation's own leading and closing punctuation may differ from the source's:
    # the quoting sentence decides it (a trailing period or comma is conventionally free).
    while parts and parts[0].tokens and not parts[0].tokens[0].is_word:
        parts[0] = _Part(parts[0].tokens[1:], parts[0].gap)
    while parts and parts[-1].tokens and not parts[-1].tokens[-1].is_word:
        parts[-1] = _Part(parts[-1].tokens[:-1], parts[-1].gap)
    parts = [p for p in parts if p.tokens]
    if parts:
        first = replace(parts[0].tokens[0], free_case=True)  # "the" may quote "The", silently
        parts[0] = _Part((first,) + parts[0].tokens[1:], None)
    return parts


# ---------------------------------------------------------------------------------------
# Locating parts


def _anchor_placements(parts: list[_Part], anchor: int, index: SourceIndex) -> list[Placement]:
    part = parts[anchor]
    n = len(part.tokens)
    promising = _next_to_neighbours(parts, anchor, index)
    if len(promising) > _MAX_ANCHORS:
        # The anchor occurs more often still (these are among its occurrences), and every other
        # occurrence has no neighbour next to it: it would be sorted after these.
        neighbours = _exact_neighbours(parts, anchor, promising, index)
        promising.sort(key=lambda s: -neighbours[s])
        return [Placement(s, s + n, n, 0, 0) for s in promising[:_MAX_ANCHORS]]
    exact = exact_starts(part.tokens, index, 0, len(index))
    if exact:
        if len(exact) > _MAX_ANCHORS and len(parts) > 1:
            # A short, common anchor ("shall not be"): try first where its neighbours follow.
            neighbours = _exact_neighbours(parts, anchor, exact, index)
            exact.sort(key=lambda s: -neighbours[s])
        return [Placement(s, s + n, n, 0, 0) for s in exact[:_MAX_ANCHORS]]
    return fuzzy_placements(part.tokens, index, 0, len(index), _MAX_DIAGONALS)


def _next_to_neighbours(parts: list[_Part], anchor: int, index: SourceIndex) -> list[int]:
    """The anchor's exact starts with the part before or after it within reach, ascending,
    when those neighbours are much rarer than the anchor ("to the . . . thirty Years"), else none.

    Found from the neighbours' occurrences, each searched for the anchor within the stretch
    from which it is in reach, not from the anchor's thousands of occurrences.
    """
    tokens = parts[anchor].tokens
    n = len(tokens)
    sides = [i for i in (anchor - 1, anchor + 1) if 0 <= i < len(parts)]
    if not sides or 8 * sum(rarest(parts[i].tokens, index) for i in sides) > rarest(tokens, index):
        return []
    found: set[int] = set()
    if anchor + 1 < len(parts):  # the anchor ends at most at e, and e's part ends within its reach
        after = parts[anchor + 1]
        m = len(after.tokens)
        for e in exact_starts(after.tokens, index, 0, len(index)):
            end = _first_end_reaching(index, e + m, after.gap, m)
            found.update(exact_starts(tokens, index, max(0, end - n), e))
    if anchor > 0:  # the anchor starts at e's end or later, but not so late that e is out of reach
        before = parts[anchor - 1]
        m = len(before.tokens)
        for e in exact_starts(before.tokens, index, 0, len(index)):
            start = _last_start_reaching(index, e, parts[anchor].gap, m)
            found.update(exact_starts(tokens, index, e + m, min(len(index), start + n)))
    return sorted(found)


def _exact_neighbours(parts: list[_Part], anchor: int, starts: list[int], index: SourceIndex) -> dict[int, int]:
    """For each anchor start: how many parts next to it occur exactly, in order and within reach.

    A neighbour whose rarest word is rarer than the anchor's occurrences is looked for all
    over the source once; a commoner one ("to the") only within reach of each occurrence.
    """
    everywhere: dict[int, list[int]] = {}
    for i, part in enumerate(parts):
        if i != anchor and rarest(part.tokens, index) <= len(starts):
            everywhere[i] = exact_starts(part.tokens, index, 0, len(index))
    counts = {}
    for start in starts:
        count, lo, hi = 0, start, start + len(parts[anchor].tokens)
        for i in range(anchor + 1, len(parts)):
            n = len(parts[i].tokens)
            reach = min(len(index), _reach_right(index, hi, parts[i].gap, n))
            if i in everywhere:
                k = bisect.bisect_left(everywhere[i], hi)
                found = everywhere[i][k : k + 1] if k < len(everywhere[i]) and everywhere[i][k] + n <= reach else []
            else:
                found = exact_starts(parts[i].tokens, index, hi, reach, "first")
            if not found:
                break
            count, hi = count + 1, found[0] + n
        for i in range(anchor - 1, -1, -1):
            n = len(parts[i].tokens)
            reach = max(0, _reach_left(index, lo, parts[i + 1].gap, n))
            if i in everywhere:
                k = bisect.bisect_right(everywhere[i], lo - n) - 1
                found = everywhere[i][k : k + 1] if k >= 0 and everywhere[i][k] >= reach else []
            else:
                found = exact_starts(parts[i].tokens, index, reach, lo, "last")
            if not found:
                break
            count, lo = count + 1, found[0]
        counts[start] = count
    return counts


class _Search:
    """The searches made in the source for one quotation, each made once: every anchor tried
    looks again for the same parts (a part split off at a stitch, one not found near its
    neighbour is looked for all over the source)."""

    def __init__(self, index: SourceIndex) -> None:
        self.index = index
        self._fuzzy: dict[tuple[tuple[QuoteToken, ...], int, int, int], list[Placement]] = {}
        self._first: dict[tuple[QuoteToken, ...], int | None] = {}

    def fuzzy(self, tokens: tuple[QuoteToken, ...], lo: int, hi: int, limit: int) -> list[Placement]:
        """``_fuzzy_placements`` (the list is shared: not to be changed)."""
        key = (tokens, lo, hi, limit)
        if key not in self._fuzzy:
            self._fuzzy[key] = fuzzy_placements(tokens, self.index, lo, hi, limit)
        return self._fuzzy[key]

    def first(self, tokens: tuple[QuoteToken, ...]) -> int | None:
        """The first exact occurrence of ``tokens`` in the whole source."""
        if tokens not in self._first:
            found = exact_starts(tokens, self.index, 0, len(self.index), "first")
            self._first[tokens] = found[0] if found else None
        return self._first[tokens]


def _place(part: _Part, search: _Search, lo: int, hi: int, nearest_last: bool) -> Placement | None:
    """Place ``part`` within ``[lo, hi)`` (nearest occurrence to the neighbour), else anywhere."""
    index = search.index
    lo, hi = max(0, lo), min(len(index), hi)
    n = len(part.tokens)
    exact = exact_starts(part.tokens, index, lo, hi, "last" if nearest_last else "first")
    if exact:
        s = exact[0]
        return Placement(s, s + n, n, 0, 0)
    local = search.fuzzy(part.tokens, lo, hi, _MAX_DIAGONALS)
    best = local[0] if local else None
    if best is None or best.matched < n / 2:
        anywhere = search.first(part.tokens)
        if anywhere is not None:
            return Placement(anywhere, anywhere + n, n, 0, 0)
        wider = search.fuzzy(part.tokens, 0, len(index), 1)
        if wider and (best is None or wider[0].matched > best.matched):
            best = wider[0]
    return best


def _gap_words(gap: Gap | None) -> int:
    """The words a bounded gap may skip (none without a gap); an ellipsis is unbounded, handled apart."""
    if gap is None or gap.max_words is None:
        return 0
    return gap.max_words


def _reach_right(index: SourceIndex, end: int, gap: Gap | None, n: int) -> int:
    if gap is not None and gap.max_words is None:
        limit = index.ends[end - 1] + ELLIPSIS_MAX_CHARS
        return bisect.bisect_left(index.starts, limit) + n + 4
    words = _gap_words(gap)
    return end + 2 * words + n + 4 + n // 2


def _reach_left(index: SourceIndex, start: int, gap: Gap | None, n: int) -> int:
    if gap is not None and gap.max_words is None:
        limit = index.starts[start] - ELLIPSIS_MAX_CHARS
        return bisect.bisect_left(index.starts, limit) - n - 4
    words = _gap_words(gap)
    return start - 2 * words - n - 4 - n // 2


def _first_end_reaching(index: SourceIndex, target: int, gap: Gap | None, n: int) -> int:
    """The least ``end`` (at least 1) with ``_reach_right(index, end, gap, n) >= target``."""
    if gap is not None and gap.max_words is None:
        k = target - n - 4  # bisect_left(starts, ends[end - 1] + ELLIPSIS_MAX_CHARS) >= k
        if k <= 0:
            return 1
        if k > len(index):
            return len(index) + 1
        return bisect.bisect_right(index.ends, index.starts[k - 1] - ELLIPSIS_MAX_CHARS) + 1
    words = _gap_words(gap)
    return max(1, target - (2 * words + n + 4 + n // 2))


def _last_start_reaching(index: SourceIndex, target: int, gap: Gap | None, n: int) -> int:
    """The greatest ``start`` (below ``len(index)``) with ``_reach_left(index, start, gap, n) <= target``."""
    if gap is not None and gap.max_words is None:
        k = target + n + 4  # bisect_left(starts, starts[start] - ELLIPSIS_MAX_CHARS) <= k
        if k >= len(index):
            return len(index) - 1
        return bisect.bisect_right(index.starts, index.starts[k] + ELLIPSIS_MAX_CHARS) - 1
    words = _gap_words(gap)
    return min(len(index) - 1, target + 2 * words + n + 4 + n // 2)


def _chain(parts: list[_Part], anchor: int, placement: Placement, search: _Search) -> list[_Placed]:
    """Place every part: the anchor where given, the others outward from it within reach."""
    index = search.index
    middle = _split_stitches(_Placed(parts[anchor], placement), search, depth=0)
    right: list[_Placed] = []
    last = _last_placed(middle)
    for part in parts[anchor + 1 :]:
        if last is None:
            found = _place(part, search, 0, len(index), False)
        else:
            found = _place(part, search, last.end, _reach_right(index, last.end, part.gap, len(part.tokens)), False)
        pieces = _split_stitches(_Placed(part, found), search, depth=0)
        right.extend(pieces)
        last = _last_placed(pieces) or last
    left: list[_Placed] = []
    first = _first_placed(middle)
    for i in range(anchor - 1, -1, -1):
        part, gap = parts[i], parts[i + 1].gap
        if first is None:
            found = _place(part, search, 0, len(index), True)
        else:
            found = _place(part, search, _reach_left(index, first.start, gap, len(part.tokens)), first.start, True)
        pieces = _split_stitches(_Placed(part, found), search, depth=0)
        left[:0] = pieces
        first = _first_placed(pieces) or first
    return left + middle + right


def _last_placed(placed: list[_Placed]) -> Placement | None:
    return next((p.at for p in reversed(placed) if p.at is not None), None)


def _first_placed(placed: list[_Placed]) -> Placement | None:
    return next((p.at for p in placed if p.at is not None), None)


def _split_stitches(placed: _Placed, search: _Search, depth: int) -> list[_Placed]:
    """Split off a long unaligned run at a part's edge and look for it elsewhere.

    Two passages stitched together without an ellipsis align in two places; the seam is
    then reported as an unmarked omission (or a change of order).
    """
    at, tokens = placed.at, placed.part.tokens
    if at is None or depth >= 3 or at.matched < STITCH_MIN_WORDS:
        return [placed]
    lead = tokens[: at.lead] if word_count(tokens[: at.lead]) >= STITCH_MIN_WORDS else ()
    trail = (
        tokens[len(tokens) - at.trail :]
        if at.trail and word_count(tokens[len(tokens) - at.trail :]) >= STITCH_MIN_WORDS
        else ()
    )
    if not lead and not trail:
        return [placed]
    seam = Gap("none", "", 0)
    core = _Part(tokens[len(lead) : len(tokens) - len(trail)], seam if lead else placed.part.gap)
    out = [_Placed(core, Placement(at.start, at.end, at.matched, 0, 0))]
    if lead:
        part = _Part(lead, placed.part.gap)
        out[:0] = _split_stitches(_Placed(part, _stitched(part, search)), search, depth + 1)
    if trail:
        part = _Part(trail, seam)
        out.extend(_split_stitches(_Placed(part, _stitched(part, search)), search, depth + 1))
    return out


def _stitched(part: _Part, search: _Search) -> Placement | None:
    n = len(part.tokens)
    exact = search.first(part.tokens)
    if exact is not None:
        return Placement(exact, exact + n, n, 0, 0)
    found = search.fuzzy(part.tokens, 0, len(search.index), 1)
    return found[0] if found and found[0].matched >= max(STITCH_MIN_WORDS, 0.6 * n) else None


# ---------------------------------------------------------------------------------------
# Deciding: word-level alignment of each part against its passage


def _evaluate(placed: list[_Placed], index: SourceIndex, marks_omitted: bool) -> _Evaluation:
    differences: list[Difference] = []
    aligned = in_runs = words = matched = compared = 0
    previous: Placement | None = None
    starts, ends = [], []
    for item in placed:
        tokens = item.part.tokens
        words += word_count(tokens)
        compared += len(tokens)
        if item.at is None:
            differences.append(Difference("insertion", _show(tokens), ""))
            continue
        at = item.at
        starts.append(at.start)
        ends.append(at.end)
        compared += at.end - at.start
        if previous is not None:
            differences.extend(_gap_differences(item.part, previous, at, index))
        previous = at
        alignment = _compare(tokens, at, index, marks_omitted)
        differences.extend(alignment.differences)
        aligned += alignment.aligned_words
        in_runs += alignment.in_runs
        matched += 2 * alignment.matched
    if not starts:
        return _Evaluation(tuple(differences), 0, 0, words, 0, compared, None, None)
    start, end = min(starts), max(ends)
    if end <= start:
        return _Evaluation(tuple(differences), aligned, in_runs, words, matched, compared, None, None)
    return _Evaluation(
        tuple(differences), aligned, in_runs, words, matched, compared, index.starts[start], index.ends[end - 1]
    )


def _gap_differences(part: _Part, before: Placement, at: Placement, index: SourceIndex) -> list[Difference]:
    gap = part.gap
    quoted = _show(part.tokens)
    if at.start < before.end:
        return [Difference("order", quoted, index.excerpt(at.start, at.end))]
    if gap is None or gap.max_words is not None:
        allowed = _gap_words(gap)
        skipped = index.word_prefix[at.start] - index.word_prefix[before.end]
        if skipped > allowed and (gap is None or gap.kind == "none") and skipped >= STITCHED_APART:
            # two passages far apart joined as one, without an ellipsis
            return [Difference("stitched", "", _clip(index, before.end, at.start), apart=skipped)]
        if skipped > allowed:
            return [Difference("omission", gap.text if gap else "", _clip(index, before.end, at.start))]
        if gap is None or gap.kind == "none" and at.start > before.end:  # an unmarked seam
            return [Difference("punctuation", "", index.excerpt(before.end, at.start))] if at.start > before.end else []
        return []
    if index.starts[at.start] - index.ends[before.end - 1] > ELLIPSIS_MAX_CHARS:
        return [Difference("omission", gap.text, _clip(index, before.end, at.start))]
    return []


class _Alignment(NamedTuple):
    """How one part of a quotation aligns with its passage (see :func:`_compare`)."""

    differences: list[Difference]
    aligned_words: int  # quotation words aligned with an equal source word
    matched: int  # tokens aligned (the score)
    in_runs: int  # quotation words aligned in runs of two tokens or more


def _compare(tokens: tuple[QuoteToken, ...], at: Placement, index: SourceIndex, marks_omitted: bool) -> _Alignment:
    """Differences between ``tokens`` and source tokens ``[at.start, at.end)``, and how much aligns."""
    keys = [t.key for t in tokens]
    matcher = SequenceMatcher(None, keys, index.keys[at.start : at.end], autojunk=False)
    differences: list[Difference] = []
    aligned = matched = in_runs = 0
    for op, i1, i2, j1, j2 in _with_swaps(matcher.get_opcodes(), keys, index.keys[at.start : at.end]):
        j1, j2 = j1 + at.start, j2 + at.start
        if op == "swap":
            matched += i2 - i1
            aligned += word_count(tokens[i1:i2])
            differences.append(Difference("order", _show(tokens[i1:i2]), index.excerpt(j1, j2)))
            continue
        if op == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=False):
                matched += 1
                aligned += tokens[i].is_word
                in_runs += tokens[i].is_word and i2 - i1 >= 2
                kind = _token_difference(tokens[i], index, j)
                if kind is not None:
                    differences.append(Difference(kind, tokens[i].text, index.excerpt(j, j + 1)))
            continue
        quoted, source = tokens[i1:i2], range(j1, j2)
        if (
            op == "replace"
            and len(quoted) == len(source)
            and all(
                t.bracket is not None and t.bracket.allows(index.texts[j]) for t, j in zip(quoted, source, strict=False)
            )
        ):
            matched += len(quoted)
            aligned += len(quoted)
            in_runs += len(quoted)
            continue
        if op == "insert" and marks_omitted and all(index.keys[j] == '"' for j in source):
            continue
        kind = edit_kind(quoted, [index.texts[j] for j in source])
        differences.append(Difference(kind, _show(quoted), index.excerpt(j1, j2)))
    return _Alignment(differences, aligned, matched, in_runs)


def _with_swaps(
    opcodes: Sequence[tuple[str, int, int, int, int]], quoted: list[str], source: Sequence[str]
) -> list[tuple[str, int, int, int, int]]:
    """Fold "drop X … add X a few tokens on" into one ``swap`` opcode (words swapped)."""
    out: list[tuple[str, int, int, int, int]] = []
    k = 0
    while k < len(opcodes):
        if k + 2 < len(opcodes):
            (op1, a1, a2, b1, b2), (mid, _, _, m1, m2), (op3, c1, c2, d1, d2) = opcodes[k : k + 3]
            moved = {op1, op3} == {"insert", "delete"} and mid == "equal" and m2 - m1 <= 3
            if (
                moved
                and quoted[a1:a2] + quoted[c1:c2]
                and (quoted[a1:a2] or quoted[c1:c2]) == list(source[b1:b2] or source[d1:d2])
            ):
                out.append(("swap", a1, c2, b1, d2))
                k += 3
                continue
        out.append(opcodes[k])
        k += 1
    return out


def _token_difference(q: QuoteToken, index: SourceIndex, j: int) -> DifferenceKind | None:
    if q.bracket is not None:
        return None if q.bracket.allows(index.texts[j]) else "word"
    return surface(q, index, j)


def _show(tokens: Sequence[QuoteToken]) -> str:
    out = ""
    for t in tokens:
        glue = "" if not out or (not t.is_word and t.text not in '"-(') else " "
        out += glue + t.text
    return out


def _clip(index: SourceIndex, start: int, end: int, width: int = 80) -> str:
    """The original text of tokens ``[start, end)``, white space folded, clipped to ``width``
    characters around " … ": only as much of the text is read and folded as is shown."""
    if end <= start:
        return ""
    lo, hi = index.starts[start], index.ends[end - 1]
    half = width // 2 - 1
    reach = 4 * width
    while hi - lo > 2 * reach:
        # A prefix of the folded text, and a suffix of it (a word cut at the window's edge
        # is still the start, or the end, of what folding the whole would give).
        head = " ".join(index.original[lo : lo + reach].split())
        tail = " ".join(index.original[hi - reach : hi].split())
        if len(head) > width and len(tail) >= half:
            return head[:half] + " … " + tail[-half:]
        reach *= 4
    text = " ".join(index.original[lo:hi].split())
    return text if len(text) <= width else text[:half] + " … " + text[-half:]
