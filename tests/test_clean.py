"""clean() against a plain per-character reference implementation of the same rules."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, CORPUS_2, needs_shared
from whereas.model import MappedText, Span
from whereas.structure.clean import clean, markup_spans


def reference(text: str, start: int, end: int, removed: list[Span]) -> MappedText:
    mask = [False] * (end - start)
    for span in removed + markup_spans(text, start, end):
        for i in range(max(span.start, start), min(span.end, end)):
            mask[i - start] = True
    chars: list[str] = []
    offsets: list[int] = []
    pending: int | None = None
    dropped = False
    soft = False  # after a soft hyphen that ends a word: it and the white space after it are nothing
    for i in range(start, end):
        if mask[i - start]:
            if pending is not None:
                dropped = True
            continue
        ch = text[i]
        if soft and (ch.isspace() or ch == "\u00ad"):
            continue
        soft = False
        if ch == "\u00ad" and pending is None:
            soft = True
            continue
        if ch.isspace() or ch == "\u00ad":
            if pending is None:
                pending, dropped = i, False
            continue
        if pending is not None and chars:
            if not (ch in ",;.:" and (dropped or "\n" in text[pending:i])):
                chars.append(" ")
                offsets.append(pending)
        pending, dropped = None, False
        chars.append(ch)
        offsets.append(i)
    return MappedText("".join(chars), tuple(offsets))


ALPHABET = st.sampled_from(list("ab ,;.:\n\t*_#>[]1\u00ad\u00a0\u2003\x1c") + ["  ", "\n\n", "**", "<br>", "[^1]"])


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join), st.data())
def test_clean_matches_the_reference(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = data.draw(st.lists(st.tuples(st.integers(start, end), st.integers(0, 5)), max_size=3))
    removed = [Span(a, min(a + n, end)) for a, n in spans]
    assert clean(text, start, end, removed) == reference(text, start, end, removed)


def test_examples() -> None:
    assert clean("a  b\nc", 0, 6).text == "a b c"
    assert clean("WHEREAS\n\n, this", 0, 15).text == "WHEREAS, this"
    assert clean("Rights ) x [1]; and", 0, 19, [Span(11, 14)]).text == "Rights ) x; and"
    assert clean("  lead and trail  ", 0, 18).text == "lead and trail"
    assert clean("IN\u00adTER\u00adPOL and inter\u00ad\nnational", 0, 30).text == "INTERPOL and international"
    # a soft hyphen, then markup, then the line break: the break goes with the hyphen (found by hypothesis)
    assert clean("aa\u00ad<br><br>\na", 0, 13).text == "aaa"


@settings(max_examples=2000, deadline=None)
@given(st.text(st.sampled_from("*_\\ a1\n\t.é-"), max_size=16), st.data())
def test_emphasis_pattern_finds_what_the_markup_pattern_finds(text: str, data) -> None:
    """Without "<", ">" and "#", clean() scans with the faster _EMPHASIS: it must find the same spans."""
    from whereas.structure.clean import _EMPHASIS, _MARKUP

    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    for args in ((text,), (text, lo, hi)):
        assert [m.span() for m in _EMPHASIS.finditer(*args) if m.end() > m.start()] == [
            m.span() for m in _MARKUP.finditer(*args) if m.end() > m.start()
        ]


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from("*_\\ a1\n\t.é-[]()!^"), max_size=16), st.data())
@example("a [^1] *b*", None)  # a note's call-out and emphasis
@example("[x](y) *b*", None)  # a link: _MARKUP_SCAN
def test_emphasis_pattern_where_no_other_branch_can_match(text: str, data) -> None:
    """clean() scans with _EMPHASIS where _HTML_OR_BLOCK finds nothing: no character another branch of _MARKUP
    starts with, and no "](" (a bracket alone, as in a note's "[^1]", starts no link)."""
    from whereas.structure.clean import _EMPHASIS, _HTML_OR_BLOCK, _MARKUP

    lo = data.draw(st.integers(0, len(text))) if data is not None else 0
    hi = data.draw(st.integers(lo, len(text))) if data is not None else len(text)
    for args in ((text,), (text, lo, hi)):
        if not _HTML_OR_BLOCK.search(*args):
            assert _spans(_EMPHASIS, *args) == _spans(_MARKUP, *args)


PLAIN = st.sampled_from(list("ab ,;.:\n\t1\u00ad\u00a0\u2003\x1c\u2028") + ["  ", "\n\n", " \n ", "\n,"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(PLAIN, max_size=40).map("".join), st.data())
def test_clean_without_markup_or_markers_matches_the_reference(text: str, data: st.DataObject) -> None:
    """The str.split path (nothing removed, no markup) gives the reference's text and offsets, in maximal runs."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    got = clean(text, start, end)
    want = reference(text, start, end, [])
    assert got == want
    starts, sources = got.runs()
    assert all(sources[k] + starts[k + 1] - starts[k] != sources[k + 1] for k in range(len(starts) - 1))


_MARKUP_ALPHABET = list("{}<>[]()`~:*_#\\!/ \n\ta1.-é") + [
    "{{filled:",
    "{{br}}",
    "<!--",
    "-->",
    "```",
    "<b>",
    "</em>",
    "https://x",
    "mailto:",
]


def _spans(pattern, *args) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(*args) if m.end() > m.start()]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_MARKUP_ALPHABET), max_size=24).map("".join), st.data())
def test_markup_scan_finds_what_the_markup_pattern_finds(text: str, data) -> None:
    """clean() scans with _MARKUP_SCAN (_MARKUP behind a look-ahead for where a branch can start): same spans."""
    from whereas.structure.clean import _MARKUP, _MARKUP_SCAN

    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    for args in ((text,), (text, lo, hi)):
        assert _spans(_MARKUP_SCAN, *args) == _spans(_MARKUP, *args)


@needs_shared
def test_markup_scan_finds_what_the_markup_pattern_finds_in_the_corpora() -> None:
    from whereas.structure.clean import _MARKUP, _MARKUP_SCAN

    texts = 0
    for path in sorted([*CORPUS.rglob("*"), *CORPUS_2.rglob("*")]):
        if path.suffix.lower() not in {".md", ".txt", ".html", ".htm", ".xml"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert _spans(_MARKUP_SCAN, text) == _spans(_MARKUP, text), path
        texts += 1
    assert texts > 50
