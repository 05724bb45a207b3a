"""Normalised text with a map back to the original, and its word/punctuation tokens.

Normalising folds what a faithful quotation may change without saying so:

* Unicode compatibility forms (NFKC: ligatures, full-width letters, ``…`` → ``...``);
* quotation-mark and apostrophe glyphs (``“ ” „ ″`` → ``"``, ``‘ ’ ‚ ′ ` `` → ``'``);
* dash glyphs (``‐ ‑ ‒ – — ― −`` → ``-``; a run of dashes is one token);
* white space and line breaks (any run → one space); soft hyphens are dropped;
* end-of-line hyphenation: ``infor-\\nmation`` → ``information`` (the join is remembered,
  so that a quotation reading ``self-evident`` still matches ``self-\\nevident``).

Like eyecite's cleaners, every character of the normalised text keeps the original
offsets it came from (``starts[i]``, ``ends[i]``), so positions found in the normalised
text are reported in the original string.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

_DOUBLE_QUOTES = '"“”„‟″‶〝〞〟＂«»'
_SINGLE_QUOTES = "'‘’‚‛′‵`´‹›"
_DASHES = "‐‑‒–—―−⁃﹘﹣－"
_GLYPHS = {c: '"' for c in _DOUBLE_QUOTES} | {c: "'" for c in _SINGLE_QUOTES} | {c: "-" for c in _DASHES}

# The pieces that are not copied verbatim: a line-break hyphen between letters, a run of white
# space, a soft hyphen, and runs of non-ASCII characters.  A lone white-space character other
# than a plain space is not among them: it becomes one space in place (``_LONE_SPACE``), its
# offsets unchanged.  Every branch starts with a character class (the join's look-behind is
# checked after its hyphen), so the regex engine rejects an ordinary character at once: named
# "first-class branches"; measured on a 10 MB source, 1.7 s → 0.9 s of CPU for the scan.
# A join's hyphen is "-" or a soft hyphen: a letter before "‐" or "‑" (U+2010, U+2011) is always
# part of a run of "other" characters that takes the hyphen too (as the pattern was first
# written, with the run's ASCII letter inside it), so those never joined; kept as it was.
_SPECIAL = re.compile(
    r"(?P<join>[-\u00ad](?<=[^\W\d_].)[ \t]*\r?\n\s*(?=[^\W\d_]))"
    r"|(?P<space>\s\s+)"
    r"|(?P<soft>\u00ad)"
    r"|(?P<other>[^\x00-\x7f\s\u00ad]+)"
)
_LONE_SPACE = re.compile(r"[^\S ]")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

# Numbers keep their thousands separators and decimal points; words keep inner hyphens
# and apostrophes; a run of dashes or of periods is one token; any other mark is one token.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:['\-]\w+)*|-+|\.{2,}|[^\w\s]")


@dataclass(frozen=True)
class NormalizedText:
    """``text`` and, per character, the ``[starts[i], ends[i])`` span it came from."""

    original: str
    text: str
    starts: array
    ends: array
    joins: frozenset[int]  # normalised offsets where a line-break hyphen was removed

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of normalised characters ``[start, end)``."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark of normalised text, with its normalised span."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"


def _fold_cluster(cluster: str) -> str:
    if cluster in _GLYPHS:
        return _GLYPHS[cluster]
    folded = unicodedata.normalize("NFKC", cluster)
    return "".join(_GLYPHS.get(c, c) for c in folded)


def _clusters(run: str) -> list[tuple[int, int]]:
    """Split ``run`` into base characters with their combining marks: ``[(start, end)]``."""
    bounds: list[tuple[int, int]] = []
    for i, char in enumerate(run):
        if bounds and unicodedata.combining(char):
            bounds[-1] = (bounds[-1][0], i + 1)
        else:
            bounds.append((i, i + 1))
    return bounds


@functools.lru_cache(maxsize=4096)
def _fold_run(run: str) -> str | tuple[tuple[str, int, int], ...]:
    """A run of non-ASCII characters folded: one string when each character folds to one
    character by itself (its offsets stay those of the run), else ``(folded, start, end)``
    per cluster.  Cached: a text repeats its few glyphs (quotes, dashes, ligatures, §)."""
    clusters = tuple((_fold_cluster(run[a:b]), a, b) for a, b in _clusters(run))
    if all(b - a == 1 and len(folded) == 1 for folded, a, b in clusters):
        return "".join(folded for folded, _, _ in clusters)
    return clusters


@dataclass(frozen=True)
class FoldedText:
    """Normalised text with its offset map kept stretch by stretch, not character by character.

    Stretch ``k`` starts at normalised offset ``at[k]``.  When ``width[k]`` is 0 it was copied
    verbatim (normalised character ``at[k] + i`` came from original character ``origin[k] + i``);
    otherwise every one of its characters came from original ``[origin[k], origin[k] + width[k])``
    (a folded glyph, a run of white space).  A long source keeps a few numbers per stretch, not
    two per character (:meth:`expanded` gives the per-character form of :class:`NormalizedText`).
    """

    original: str
    text: str
    at: array
    origin: array
    width: array
    joins: frozenset[int]  # normalised offsets where a line-break hyphen was removed

    def stretches(self) -> Iterator[tuple[int, int, int, int]]:
        """``(start, end, origin, width)`` of each stretch, ``[start, end)`` in the normalised text."""
        ends = itertools.chain(itertools.islice(self.at, 1, None), (len(self.text),))
        return zip(self.at, ends, self.origin, self.width, strict=False)  # no stretch: one end, none used

    def expanded(self) -> NormalizedText:
        starts, ends = array("q"), array("q")
        for start, end, origin, width in self.stretches():
            if width:
                starts.extend([origin] * (end - start))
                ends.extend([origin + width] * (end - start))
            else:
                starts.extend(range(origin, origin + end - start))
                ends.extend(range(origin + 1, origin + end - start + 1))
        return NormalizedText(self.original, self.text, starts, ends, self.joins)

    def original_spans(self, firsts: Sequence[int], bounds: Sequence[int], typecode: str = "q") -> tuple[array, array]:
        """``starts[f]`` and ``ends[b - 1]`` of :class:`NormalizedText` for each ``f`` of ``firsts`` and ``b``
        of ``bounds``: the original span of each normalised span ``[f, b)`` (not empty; both ascending)."""
        starts, ends = array(typecode), array(typecode)
        i = k = 0
        for at, bound, origin, width in self.stretches():
            j = bisect.bisect_left(firsts, bound, i)
            m = bisect.bisect_right(bounds, bound, k)  # the spans whose last character is in this stretch
            if width:  # every character of a folded stretch comes from its whole original span
                starts.extend(itertools.repeat(origin, j - i))
                ends.extend(itertools.repeat(origin + width, m - k))
            else:  # a verbatim stretch is the original, shifted
                starts.extend(map((origin - at).__add__, firsts[i:j]))
                ends.extend(map((origin - at).__add__, bounds[k:m]))
            i, k = j, m
        return starts, ends


def fold(original: str) -> FoldedText:
    """Normalise ``original`` (see the module docstring), keeping the offset map by stretches."""
    # One character for one, offsets unchanged.  (A lone white space is dropped after a piece
    # ending in a space, as a run is: that piece can only be a soft hyphen's, see below, for no
    # folded character ends in a space and a verbatim piece before one ends in anything else.)
    spaced = _LONE_SPACE.sub(" ", original)
    pieces: list[str] = []
    at, origins, widths = array("q"), array("q"), array("q")
    joins: set[int] = set()
    length = 0
    pos = 0

    def emit(text: str, start: int, width: int) -> None:
        nonlocal length
        pieces.append(text)
        # a verbatim stretch right after another, at the same shift, goes on with it
        if width or not at or widths[-1] or origins[-1] - at[-1] != start - length:
            at.append(length)
            origins.append(start)
            widths.append(width)
        length += len(text)

    for match in _SPECIAL.finditer(original):
        start, kind = match.start(), match.lastgroup
        if kind == "other" and start > pos and original[start - 1] in _ASCII_LETTERS:
            start -= 1  # an ASCII letter goes with the run (a combining accent composes with it)
        if start > pos:
            emit(spaced[pos:start], pos, 0)
        pos = match.end()
        if kind == "join":
            joins.add(length)
        elif kind == "space":
            if not (pieces and pieces[-1].endswith(" ")):
                emit(" ", start, pos - start)
        elif kind == "other":
            run = original[start:pos]
            folded = _fold_run(run)
            if isinstance(folded, str):
                emit(folded, start, 0)
            else:
                for text, a, b in folded:
                    emit(text, start + a, b - a)
        elif pieces and pieces[-1].endswith(" ") and _LONE_SPACE.match(original, pos):
            # After a soft hyphen (dropped), a lone white space is dropped too when the text so far
            # ends in a space, as a run of white space is (the only piece before a lone one that can)
            if not original[pos + 1 : pos + 2].isspace():
                pos += 1
    if pos < len(original):
        emit(spaced[pos:], pos, 0)
    return FoldedText(original, "".join(pieces), at, origins, widths, frozenset(joins))


def normalize(original: str) -> NormalizedText:
    """Normalise ``original`` (see the module docstring), keeping the offset map."""
    return fold(original).expanded()


def tokenize(text: str) -> list[Token]:
    """Words, numbers and punctuation marks of normalised ``text``."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# The tokens with the white space before each: one scan gives both their texts and offsets,
# as every character that is not white space belongs to a token.
_SPACED_TOKEN = re.compile(rf"(\s*)({_TOKEN.pattern})")
_BLOCK = 1 << 22  # characters scanned at a time (cut at a space): fewer (space, token) pairs held at once


def token_spans(text: str, shared: dict[str, str], typecode: str = "q") -> tuple[list[str], array, array]:
    """The tokens of :func:`tokenize`, their texts, starts and ends only (for indexing a long source).

    Each spelling is one string, the one in ``shared`` (filled in as new spellings are met).
    """
    texts: list[str] = []
    starts, ends = array(typecode), array(typecode)
    at = 0
    while at < len(text):
        cut = text.find(" ", at + _BLOCK)
        cut = len(text) if cut < 0 else cut
        pairs = _SPACED_TOKEN.findall(text, at, cut)
        found = list(map(operator.itemgetter(1), pairs))
        lengths = list(map(len, found))
        # each token ends where the one before it ended, plus the white space before it and its length
        steps = map(operator.add, map(len, map(operator.itemgetter(0), pairs)), lengths)
        block_ends = array(typecode, itertools.accumulate(steps, initial=at))
        del block_ends[0]
        starts.extend(map(operator.sub, block_ends, lengths))
        ends.extend(block_ends)
        texts.extend(map(shared.setdefault, found, found))
        at = cut
    return texts, starts, ends


def token_key(text: str) -> str:
    """What the aligner compares: case-folded, inner hyphens dropped, one quotation mark.

    A single and a double quotation mark share a key because nesting swaps them: the
    source's ``"`` becomes ``'`` inside a quotation.
    """
    if text == "'":
        return '"'
    if text[0] == "-":
        return "-"
    return text.casefold().replace("-", "") if len(text) > 1 else text.casefold()
