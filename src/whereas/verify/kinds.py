"""What kind of difference a quotation's words and its source's words make: a changed word, a number,
capitals, spelling, an omission, an insertion, an order, punctuation — or two passages stitched together."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rapidfuzz.distance import Levenshtein

from whereas.verify.alterations import QuoteToken

DifferenceKind = Literal[
    "word", "number", "case", "punctuation", "spelling", "omission", "insertion", "order", "stitched"
]

SPELLING_SIMILARITY = 0.8  # normalised Levenshtein similarity of a one-word "spelling" change

_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million billion trillion first second third fourth fifth sixth seventh eighth ninth tenth "
    "eleventh twelfth twentieth hundredth thousandth half halves twice thrice once".split()
)


def edit_kind(quoted: Sequence[QuoteToken], source: Sequence[str]) -> DifferenceKind:
    """How the quotation's tokens ``quoted`` differ from the source's ``source`` where they do not align."""
    q_words = [t.text for t in quoted if t.is_word]
    s_words = [s for s in source if s[0].isalnum() or s[0] == "_"]
    if not q_words and not s_words:
        return "punctuation"
    if q_words and not s_words:
        return "insertion" if len(q_words) == len(quoted) or not source else "word"
    if s_words and not q_words:
        return "omission" if len(s_words) == len(source) or not quoted else "word"
    if any(is_number(w) for w in q_words + s_words) and without_numbers(q_words) == without_numbers(s_words):
        return "number"  # only numbers changed ("three" for "four", "2019" for "2020"), not a passage with one
    if len(q_words) > 1 and sorted(w.casefold() for w in q_words) == sorted(w.casefold() for w in s_words):
        return "order"
    if q_words == s_words:
        return "punctuation"
    if len(q_words) == len(s_words) == 1:
        a, b = q_words[0].casefold(), s_words[0].casefold()
        if min(len(a), len(b)) >= 4 and Levenshtein.normalized_similarity(a, b) >= SPELLING_SIMILARITY:
            return "spelling"
    return "word"


def without_numbers(words: list[str]) -> list[str]:
    return [w.casefold() for w in words if not is_number(w)]


def is_number(word: str) -> bool:
    w = word.casefold()
    return w[0].isdigit() or w in _NUMBER_WORDS or w.rstrip("s") in _NUMBER_WORDS
