"""Normalising and indexing a source, held to the plain, character-by-character implementation.

``fold`` (first-class branches of ``_SPECIAL``, lone white space turned into a space in place, the
offset map kept by stretches) and ``SourceIndex.build`` (tokens and their offsets in one scan,
appends by map) were rewritten for speed; the reference here is the code as first written, which
emitted two offsets per character.  Both must give the same text, offsets and joins, the same
tokens and positions, on generated texts full of the cases that matter (glyphs, combining marks,
line-break hyphens, runs and lone characters of white space, soft hyphens) and on real texts.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHARED
from whereas.verify import normalize as normalizing
from whereas.verify.index import SourceIndex
from whereas.verify.normalize import _GLYPHS, NormalizedText, normalize, token_key, tokenize

# ----------------------------------------------------------------------------- the reference

_REFERENCE_SPECIAL = re.compile(
    r"(?P<join>(?<=[^\W\d_])[-\u00ad\u2010\u2011][ \t]*\r?\n\s*(?=[^\W\d_]))"
    r"|(?P<space>\s{2,}|[^\S ])"
    r"|(?P<soft>\u00ad)"
    r"|(?P<other>[A-Za-z]?[^\x00-\x7f\s\u00ad]+)"
)


def reference_fold_cluster(cluster: str) -> str:
    if cluster in _GLYPHS:
        return _GLYPHS[cluster]
    return "".join(_GLYPHS.get(c, c) for c in unicodedata.normalize("NFKC", cluster))


def reference_clusters(run: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    for i, char in enumerate(run):
        if bounds and unicodedata.combining(char):
            bounds[-1] = (bounds[-1][0], i + 1)
        else:
            bounds.append((i, i + 1))
    return bounds


def reference_normalize(original: str) -> NormalizedText:
    """``normalize`` as first written: every match of one regex, two offsets per character."""
    pieces: list[str] = []
    starts, ends = array("q"), array("q")
    joins: set[int] = set()
    length = pos = 0

    def emit(text: str, start: int, end: int) -> None:
        nonlocal length
        pieces.append(text)
        starts.extend([start] * len(text))
        ends.extend([end] * len(text))
        length += len(text)

    for match in _REFERENCE_SPECIAL.finditer(original):
        if match.start() > pos:
            pieces.append(original[pos : match.start()])
            starts.extend(range(pos, match.start()))
            ends.extend(range(pos + 1, match.start() + 1))
            length += match.start() - pos
        pos = match.end()
        if match.lastgroup == "join":
            joins.add(length)
        elif match.lastgroup == "space":
            if not (pieces and pieces[-1].endswith(" ")):
                emit(" ", match.start(), match.end())
        elif match.lastgroup == "other":
            run = match.group()
            for a, b in reference_clusters(run):
                emit(reference_fold_cluster(run[a:b]), match.start() + a, match.start() + b)
    if pos < len(original):
        pieces.append(original[pos:])
        starts.extend(range(pos, len(original)))
        ends.extend(range(pos + 1, len(original) + 1))
    return NormalizedText(original, "".join(pieces), starts, ends, frozenset(joins))


def reference_index(source: str) -> dict[str, object]:
    norm = reference_normalize(source)
    tokens = tokenize(norm.text)
    positions: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        positions.setdefault(token_key(t.text), []).append(i)
    joined = {i for i, t in enumerate(tokens) if any(t.start <= j < t.end for j in norm.joins)}
    return {
        "texts": [t.text for t in tokens],
        "starts": [norm.starts[t.start] for t in tokens],
        "ends": [norm.ends[t.end - 1] for t in tokens],
        "joined": joined,
        "positions": positions,
    }


def assert_same(text: str) -> None:
    want, got = reference_normalize(text), normalize(text)
    assert got.text == want.text
    assert list(got.starts) == list(want.starts) and list(got.ends) == list(want.ends)
    assert got.joins == want.joins
    index, reference = SourceIndex.build(text), reference_index(text)
    assert list(index.texts) == reference["texts"]
    assert list(index.starts) == reference["starts"] and list(index.ends) == reference["ends"]
    assert set(index.joined) == reference["joined"]
    assert {k: list(v) for k, v in index.positions.items()} == reference["positions"]


# ----------------------------------------------------------------------------- generated texts

PIECES = [
    *"abcXYZ019_é",
    "e\u0301",  # a decomposed accent: composes with its letter
    "\u0301",  # a combining mark alone
    "\u0327\u0301",
    *"ﬁﬂ…½²",  # folded to several characters
    *"“”‘’—–‐‑",  # glyphs folded one for one
    "§",
    "¨",  # folds to a space and a combining mark
    "\u00ad",  # a soft hyphen
    "-",
    *" \n\t\r\u00a0\u2003\u3000\x0b",  # white space, alone or in runs
    "-\n",
    "\u2010\n  ",
    "\u00ad\r\n",
    ".",
    ",",
    "'",
    "日本",
    "ｆｕｌｌ",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_fold_and_index_equal_the_plain_implementation(text: str) -> None:
    assert_same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_fold_equals_the_plain_implementation_on_any_text(text: str) -> None:
    assert_same(text)


# ----------------------------------------------------------------------------- real texts


def real_texts() -> list[Path]:
    roots = [SHARED / "sources", SHARED / "seed", SHARED / "corpus", ROOT / "tests" / "fixtures"]
    return [p for root in roots if root.is_dir() for p in sorted(root.rglob("*")) if p.is_file()]


def test_fold_and_index_equal_the_plain_implementation_on_real_texts() -> None:
    checked = 0
    for path in real_texts():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, ValueError):
            continue
        assert_same(text)
        checked += 1
    assert checked >= 20 or not SHARED.is_dir()


def test_no_folded_character_ends_in_a_space() -> None:
    """``fold`` turns a lone white space into a space in place, unlike a run, which is dropped after a
    piece ending in a space: the same only because no character folds to something ending in one."""
    for code in range(0x80, 0x110000):
        char = chr(code)
        if not char.isspace() and not 0xD800 <= code < 0xE000:
            assert not reference_fold_cluster(char).endswith(" "), hex(code)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_token_spans_scanned_block_by_block_equal_the_tokenizer(text: str) -> None:
    """A long text is scanned for tokens a block at a time, cut at a space: the same tokens."""
    folded = normalize(text).text
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(normalizing, "_BLOCK", 3)
        texts, starts, ends = normalizing.token_spans(folded, {})
    assert [(t.text, t.start, t.end) for t in tokenize(folded)] == list(zip(texts, starts, ends, strict=True))
