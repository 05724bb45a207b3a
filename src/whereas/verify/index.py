"""A source text normalised and tokenised once, for checking many quotations against it,
and the indexes kept during a run (bounded by their size, see ``docs/limits.md``)."""

from __future__ import annotations

import bisect
import collections
import itertools
import operator
import sys
import threading
from array import array
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from whereas.verify.normalize import fold, token_key, token_spans


@dataclass(frozen=True, eq=False)
class SourceIndex:
    """A source text normalised and tokenised once, for checking many quotations against it.

    Per token it keeps two references (surface and key, each string shared by every token
    that spells it) and machine integers in arrays, about 40 bytes a token: the index of
    a 10 MB source takes ≈ 100 MB beside the source itself (see ``docs/performance.md``).
    """

    original: str
    texts: tuple[str, ...]  # token surfaces (normalised)
    keys: tuple[str, ...]  # token keys (see ``token_key``)
    is_word: bytes
    starts: Sequence[int]  # original offsets of each token
    ends: Sequence[int]
    word_prefix: Sequence[int]  # word_prefix[i]: words among tokens [0, i)
    joined: frozenset[int]  # tokens that contained an end-of-line hyphenation
    positions: dict[str, Sequence[int]]  # token key -> token indices, ascending

    @classmethod
    def build(cls, source: str) -> SourceIndex:
        folded = fold(source)
        typecode = "i" if len(source) < 2**31 else "q"
        # One string per distinct surface and per distinct key, shared by every token.
        shared: dict[str, str] = {}
        surfaces, token_starts, token_ends = token_spans(folded.text, shared, typecode)
        texts = tuple(surfaces)
        del surfaces
        keys_of: dict[str, str] = {}
        key_of = {t: keys_of.setdefault(k, k) for t in shared for k in (token_key(t),)}
        word_of = {t: t[0].isalnum() or t[0] == "_" for t in shared}
        keys = tuple(map(key_of.__getitem__, texts))
        is_word = bytes(map(word_of.__getitem__, texts))
        starts, ends = folded.original_spans(token_starts, token_ends, typecode)
        word_prefix = array(typecode, accumulate(is_word, initial=0))
        joined = frozenset(
            i - 1 for j in folded.joins if 0 < (i := bisect.bisect_right(token_starts, j)) and token_ends[i - 1] > j
        )
        arrays = {k: array(typecode) for k in keys_of}
        # "Appends by map": each token's number is appended to its key's positions by C calls, not
        # by a Python step per token (for i, key in enumerate(keys): positions[key].append(i)),
        # straight into the arrays: 1.9 s → 1.0 s of CPU for a 10 MB source (1.9 M tokens).
        appends = {k: found.append for k, found in arrays.items()}
        collections.deque(map(operator.call, map(appends.__getitem__, keys), itertools.count()), maxlen=0)
        positions: dict[str, Sequence[int]] = dict(arrays)
        return cls(source, texts, keys, is_word, starts, ends, word_prefix, joined, positions)

    @property
    def nbytes(self) -> int:
        """Approximately the memory the index holds, the source text included."""
        n, item = len(self.texts), self.starts.itemsize if isinstance(self.starts, array) else 8
        # per token: two references, a byte, four integers (offsets, word count, position);
        # per distinct key: its string, a surface or two, a dict entry and an array
        keys = sum(sys.getsizeof(k) for k in self.positions)
        return sys.getsizeof(self.original) + n * (2 * 8 + 1 + 4 * item) + 2 * keys + 200 * len(self.positions)

    def __len__(self) -> int:
        return len(self.texts)

    def excerpt(self, start: int, end: int) -> str:
        """The original text of tokens ``[start, end)``."""
        return self.original[self.starts[start] : self.ends[end - 1]] if end > start else ""


INDEX_CACHE_BYTES = 1 << 30  # the indexes kept for reuse, by their approximate size (docs/limits.md)


class _IndexCache:
    """Source indexes built during a run, kept for the next quotation from the same source.

    Bounded by the indexes' approximate size, not their number: a run that checks
    quotations from hundreds of sources, each several times, builds each index once.
    Past the budget, the least recently used indexes are dropped (an index larger than
    the whole budget is built, used and not kept).
    """

    def __init__(self) -> None:
        self._kept: OrderedDict[str, SourceIndex] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.builds = 0

    def get(self, source: str) -> SourceIndex:
        with self._lock:
            index = self._kept.get(source)
            if index is not None:
                self._kept.move_to_end(source)
                return index
        index = SourceIndex.build(source)
        with self._lock:
            self.builds += 1
            if source not in self._kept and index.nbytes <= INDEX_CACHE_BYTES:
                self._kept[source] = index
                self._bytes += index.nbytes
                while self._bytes > INDEX_CACHE_BYTES:
                    _, dropped = self._kept.popitem(last=False)
                    self._bytes -= dropped.nbytes
        return index

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._bytes = 0

    @property
    def kept_bytes(self) -> int:
        return self._bytes


index_cache = _IndexCache()  # the process's: see ``whereas.verify.match.check_quote``
