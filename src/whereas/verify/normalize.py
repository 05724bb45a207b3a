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

import re
import unicodedata
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

_DOUBLE_QUOTES = '"“”„‟″‶〝〞〟＂«»'
_SINGLE_QUOTES = "'‘’‚‛′‵`´‹›"
_DASHES = "‐‑‒–—―−⁃﹘﹣－"
_GLYPHS = {c: '"' for c in _DOUBLE_QUOTES} | {c: "'" for c in _SINGLE_QUOTES} | {c: "-" for c in _DASHES}

# The pieces that are not copied verbatim: a line-break hyphen between letters, white space
# other than one plain space, a soft hyphen, and runs of non-ASCII characters (with the ASCII
# letter before them, so that a combining accent composes with its base letter).
_SPECIAL = re.compile(
    r"(?P<join>(?<=[^\W\d_])[-\u00ad\u2010\u2011][ \t]*\r?\n\s*(?=[^\W\d_]))"
    r"|(?P<space>\s{2,}|[^\S ])"
    r"|(?P<soft>\u00ad)"
    r"|(?P<other>[A-Za-z]?[^\x00-\x7f\s\u00ad]+)"
)

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


def normalize(original: str) -> NormalizedText:
    """Normalise ``original`` (see the module docstring), keeping the offset map."""
    pieces: list[str] = []
    starts = array("q")
    ends = array("q")
    joins: set[int] = set()
    length = 0
    pos = 0

    def emit(text: str, start: int, end: int) -> None:
        nonlocal length
        pieces.append(text)
        starts.extend([start] * len(text))
        ends.extend([end] * len(text))
        length += len(text)

    for match in _SPECIAL.finditer(original):
        if match.start() > pos:
            chunk = original[pos : match.start()]
            pieces.append(chunk)
            starts.extend(range(pos, match.start()))
            ends.extend(range(pos + 1, match.start() + 1))
            length += len(chunk)
        pos = match.end()
        kind = match.lastgroup
        if kind == "join":
            joins.add(length)
        elif kind == "space":
            if not (pieces and pieces[-1].endswith(" ")):
                emit(" ", match.start(), match.end())
        elif kind == "other":
            run = match.group()
            for a, b in _clusters(run):
                emit(_fold_cluster(run[a:b]), match.start() + a, match.start() + b)
    if pos < len(original):
        pieces.append(original[pos:])
        starts.extend(range(pos, len(original)))
        ends.extend(range(pos + 1, len(original) + 1))
    return NormalizedText(original, "".join(pieces), starts, ends, frozenset(joins))


def tokenize(text: str) -> list[Token]:
    """Words, numbers and punctuation marks of normalised ``text``."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def token_texts(text: str) -> list[str]:
    """The tokens of :func:`tokenize`, their text only (for indexing a long source)."""
    return _TOKEN.findall(text)


def token_offsets(text: str) -> Iterator[int]:
    """The start of each token of :func:`tokenize`, in order."""
    return (m.start() for m in _TOKEN.finditer(text))


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
