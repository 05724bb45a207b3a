"""The matcher against long sources: its fast paths held to plain references, the index cache."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whereas.verify import index as indexes
from whereas.verify import match
from whereas.verify.match import SourceIndex, _clip, check_quote, find_quote
from whereas.verify.normalize import normalize, tokenize


def reference_clip(text: str, width: int = 80) -> str:
    """The excerpt as it was shown before clipping moved before folding: fold all, then clip."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width // 2 - 1] + " … " + text[-(width // 2 - 1) :]


spaced_text = st.lists(
    st.one_of(
        st.text(alphabet="abcdefghij,.", min_size=1, max_size=12),
        st.text(alphabet=" \n\t\u00a0\u2003", min_size=1, max_size=400),
    ),
    min_size=1,
    max_size=300,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(spaced_text, st.data())
def test_clip_reads_only_the_edges_yet_shows_what_folding_all_would(text: str, data: st.DataObject) -> None:
    index = SourceIndex.build(text)
    if not len(index):
        return
    start = data.draw(st.integers(0, len(index) - 1))
    end = data.draw(st.integers(start, len(index)))
    assert _clip(index, start, end) == reference_clip(index.excerpt(start, end))


def test_index_matches_the_tokenizer() -> None:
    source = "The “quick” brown fox—jumps over the la-\nzy dog; it cost 1,000.50 dollars . . . ﬁne."
    index = SourceIndex.build(source)
    norm = normalize(source)
    tokens = tokenize(norm.text)
    assert list(index.texts) == [t.text for t in tokens]
    assert list(index.starts) == [norm.starts[t.start] for t in tokens]
    assert list(index.ends) == [norm.ends[t.end - 1] for t in tokens]
    assert index.joined == {index.texts.index("lazy")}
    assert list(index.positions["the"]) == [0, index.texts.index("the", 1)]
    assert index.texts[0] is index.texts[0] and index.keys[0] is index.keys[index.texts.index("the", 1)]


def long_source(copies: int) -> str:
    paragraph = (
        "Congress shall make no law respecting an establishment of religion. The Senate shall consist of two "
        "Senators from each State, chosen for six Years; and each Senator shall have one Vote."
    )
    return "\n\n".join(f"§ {k}. {paragraph}" for k in range(copies))


def test_a_short_part_is_looked_for_near_its_anchor_not_everywhere() -> None:
    index = SourceIndex.build(long_source(2000))
    m = find_quote("The . . . chosen for six Years", index)
    assert m.verdict == "faithful"
    assert index.original[m.start : m.end].startswith("The Senate")


def test_omission_across_a_long_stretch_shows_its_edges() -> None:
    source = "Alpha beta gamma delta. " + "filler words here " * 20_000 + "Zeta eta theta iota."
    m = check_quote("Alpha beta gamma delta. Zeta eta theta iota.", source)
    assert m.verdict == "misquoted"
    [d] = m.differences
    assert d.kind == "stitched" and d.source.startswith("filler words") and " … " in d.source
    assert len(d.source) == 81  # 39 characters either side of " … "


def test_index_cache_builds_each_source_once_within_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = indexes._IndexCache()
    monkeypatch.setattr(match, "index_cache", cache)
    sources = [long_source(1) + f" Number {k}." for k in range(20)]
    for _ in range(3):
        for s in sources:
            assert check_quote("each Senator shall have one Vote", s).verdict == "exact"
    assert cache.builds == 20  # the old cache of 8 indexes built 60
    size = SourceIndex.build(sources[0]).nbytes
    monkeypatch.setattr(indexes, "INDEX_CACHE_BYTES", 5 * size)
    cache.clear()
    for _ in range(2):
        for s in sources:
            check_quote("each Senator", s)
    assert cache.builds == 60 and cache.kept_bytes <= 5 * size


def test_index_size_estimate_is_close_to_what_it_holds() -> None:
    tracemalloc = pytest.importorskip("tracemalloc")
    source = long_source(3000)
    tracemalloc.start()
    index = SourceIndex.build(source)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    estimate = index.nbytes - sys.getsizeof(source)
    assert 0.7 * held < estimate < 1.5 * held
