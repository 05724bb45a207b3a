"""Every pattern rewritten for speed, and every guard that skips a pattern, against a plain reference.

A regular expression whose look-behind was moved after its first character (so that the regex
engine scans for that character instead of trying the look-behind at every position) must find
exactly what the pattern as first written finds; a cheap test that skips a pattern ("SECTION_LINE
needs an S, * or _ first") must never skip a line the pattern would match.  Each reference here is
the plain statement of the rule: a character-by-character scan, or the pattern before the rewrite.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, CORPUS_2, needs_corpora
from whereas.lint import infer
from whereas.lint.rules import t004_inconsistent_us_abbreviation as t004
from whereas.lint.rules import t005_undefined_acronym as t005
from whereas.lint.rules import w003_whereas_next_word_case as w003
from whereas.structure import drafts, intergovernmental, keywords, lines, sections, speakers, sponsors
from whereas.structure.clean import _MARKUP, _MARKUP_CHARS, _ONE_SPACE_CHARS, _SPECIAL_SPACE
from whereas.structure.keywords import keywordish


def is_word(ch: str) -> bool:
    """``\\w`` of a str pattern: a letter, a digit or another character Unicode calls alphanumeric, or "_"."""
    return ch.isalnum() or ch == "_"


def from_regex(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Strings ``pattern`` matches (hypothesis takes a ``re.Pattern``: a lazy one, ``whereas.patterns``, is compiled here)."""
    return st.from_regex(re.compile(pattern.pattern, pattern.flags))


def texts(tokens: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens), max_size=max_size).map("".join)


# -- T004: "U.S." or "US" ----------------------------------------------------------------------------


def us_forms_reference(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "dotted" | "plain") of each "U.S." / "U. S." / "US" standing alone, scanned left to right."""
    out = []
    i, n = 0, len(text)
    while i < n:
        alone_before = i == 0 or not (is_word(text[i - 1]) or text[i - 1] == ".")
        if text[i] == "U" and alone_before:
            for dotted in ("U.S.", "U. S."):
                end = i + len(dotted)
                if text.startswith(dotted, i) and not (end < n and (is_word(text[end]) or text[end] == ".")):
                    out.append((i, end, "dotted"))
                    break
            else:
                end = i + 2
                if text.startswith("US", i) and not (end < n and is_word(text[end])):
                    out.append((i, end, "plain"))
            if out and out[-1][0] == i:
                i = out[-1][1]
                continue
        i += 1
    return out


@settings(max_examples=1000, deadline=None)
@given(texts(["U", "S", ".", " ", "US", "U.S.", "U. S.", "a", "é", "_", "1", "x.", "\n", "-"]))
def test_t004_forms_match_the_reference(text: str) -> None:
    got = [(m.start(), m.end(), "dotted" if m.group("dotted") else "plain") for m in t004._FORMS.finditer(text)]
    assert got == us_forms_reference(text)


# -- T005: acronyms --------------------------------------------------------------------------------

_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def acronyms_reference(text: str) -> list[tuple[int, int, int]]:
    """(start, end of the capitals, end with a plural "s") of each acronym, as the rule defines one: two or more
    capitals A–Z (with "&" inside), not after a word character or one of & . { : / -, then an optional "s",
    and not before a word character, "&", "}" or a full stop and a small letter.  The longest such word
    first, with its "s" before without it (a regular expression's greedy backtracking)."""
    out = []
    i, n = 0, len(text)

    def free_after(k: int) -> bool:
        if k >= n:
            return True
        if is_word(text[k]) or text[k] in "&}":
            return False
        return not (text[k] == "." and k + 1 < n and "a" <= text[k + 1] <= "z")

    while i < n:
        before = text[i - 1] if i else ""
        if text[i] in _CAPITALS and not (before and (is_word(before) or before in "&.{:/-")):
            run = i + 1
            while run < n and (text[run] in _CAPITALS or text[run] == "&"):
                run += 1
            found = None
            for end in range(run, i + 1, -1):  # the longest word first
                if text[end - 1] not in _CAPITALS:
                    continue
                if end < n and text[end] == "s" and free_after(end + 1):
                    found = (i, end, end + 1)
                elif free_after(end):
                    found = (i, end, end)
                if found:
                    break
            if found:
                out.append(found)
                i = found[2]
                continue
        i += 1
    return out


@settings(max_examples=1000, deadline=None)
@given(texts(["A", "B", "I", "V", "&", "s", " ", ".", "a", "1", "_", "-", "/", "{", "}", ":", "é", "É", "(", "\n"]))
def test_t005_acronym_pattern_matches_the_reference(text: str) -> None:
    got = [(m.start(1), m.end(1), m.end()) for m in t005._ACRONYM.finditer(text)]
    assert got == acronyms_reference(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from("IVXLCDMABZ&"), min_size=1, max_size=10))
def test_t005_roman_numeral_guard(acro: str) -> None:
    """T005 asks _ROMAN only of words made of roman digits alone: no other word matches it."""
    assert bool(not acro.strip("IVXLCDM") and t005._ROMAN.match(acro)) == bool(t005._ROMAN.match(acro))


def test_t005_code_number_test_is_the_pattern_it_replaced() -> None:
    r"""T005 reads "a space, then a digit" after an acronym with str.isspace / str.isdecimal instead of
    ``\s\d``: the same characters, over all of Unicode."""
    space, digit = re.compile(r"\s"), re.compile(r"\d")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert bool(space.match(ch)) == ch.isspace(), hex(code)
        assert bool(digit.match(ch)) == ch.isdecimal(), hex(code)


# -- W003: a word capitalised in mid-sentence ---------------------------------------------------------


def mid_sentence_reference(word: str, text: str) -> bool:
    """Whether ``word`` stands in ``text`` right after a small letter a–z or a comma and one white-space
    character, and ends there (a word boundary after it)."""
    n, size = len(text), len(word)
    for at in range(2, n - size + 1):
        if text[at : at + size] != word:
            continue
        if not (("a" <= text[at - 2] <= "z" or text[at - 2] == ",") and text[at - 1].isspace()):
            continue
        end = at + size
        if is_word(text[end - 1]) != (end < n and is_word(text[end])):
            return True
    return False


@settings(max_examples=1000, deadline=None)
@given(
    st.sampled_from(["The", "Board", "B", "Rock-", "O'", "Über"]),
    texts(["The", "Board", "B", "Rock-", "O'", "Über", " ", "\n", ",", ".", "a", "z", "A", "é", "s", "-", "x"]),
)
def test_w003_mid_sentence_pattern_matches_the_reference(word: str, text: str) -> None:
    assert w003._capitalised_mid_sentence(word, text) == mid_sentence_reference(word, text)


# -- clean(): the scan for white space that does not fold one to one -----------------------------------


@settings(max_examples=1000, deadline=None)
@given(texts([" ", "\n", "\t", "\u00ad", "\u00a0", "\u2003", ",", ";", ".", ":", "a", "1", "\x1c"]))
def test_clean_special_space_pattern_finds_the_starts_of_the_plain_one(text: str) -> None:
    """_SPECIAL_SPACE is written "a soft hyphen, or white space before white space, a soft hyphen or
    punctuation" to be fast; it must start where the plain statement's matches start."""
    plain = re.compile(r"[\s\u00ad]{2,}|\u00ad|\s(?=[,;.:])")
    pos, starts = 0, []
    while (m := plain.search(text, pos)) is not None:
        starts.append(m.start())
        pos = m.start() + 1  # clean() uses only where the next one starts, from any position
    fast = []
    pos = 0
    while (m := _SPECIAL_SPACE.search(text, pos)) is not None:
        fast.append(m.start())
        pos = m.start() + 1
    assert fast == starts


def test_clean_one_space_characters_are_the_white_space_of_unicode() -> None:
    """clean() maps these one to one to a space (by str.translate) and treats the rest as text."""
    white = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(_ONE_SPACE_CHARS) | {" "} == white


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from("ab .,\n\t1é-*_<>#\\{}`~[]()!:/"), max_size=24))
def test_clean_markup_guard(text: str) -> None:
    """A stretch without any of _MARKUP_CHARS holds no markup: clean() skips the markup pattern."""
    if not _MARKUP_CHARS.search(text):
        assert [m for m in _MARKUP.finditer(text) if m.end() > m.start()] == []


# -- line classification: the tests that skip a pattern -------------------------------------------------
# (strategies drawn from the patterns themselves, so that every line drawn matches)


def first(raw: str) -> str:
    return raw.lstrip()[:1]


def resolved_glued_guard(raw: str) -> bool:  # is_resolved_line's, after keywordish
    return "BEIT" in raw


def subject_resolves_guard(raw: str) -> bool:  # is_resolved_line's, after keywordish
    return "esolve" in raw or "ESOLVE" in raw


def item_guard(raw: str) -> bool:
    stripped = raw.lstrip()
    return stripped[:1] in "(" + keywords.BULLETS or "." in stripped[1:4] or ")" in stripped[1:4]


GUARDS = {
    # pattern: the tests _classify, split_lines and is_resolved_line make before asking it
    "HEADING": (lines.HEADING, [lambda raw: "#" in raw]),
    "TAG_LINE": (lines.TAG_LINE, [lambda raw: first(raw) in "<-*=&"]),
    "PRESENTER": (lines.PRESENTER, [lambda raw: first(raw) in "ACRSacrs"]),
    "SECTION_LINE": (lines.SECTION_LINE, [lambda raw: first(raw) in "SsＳ*_"]),
    "TITLE_LABEL": (lines.TITLE_LABEL, [lambda raw: ":" in raw]),
    "ITEM": (lines.ITEM, [item_guard]),
    "BE_IT_FURTHER_LINE": (keywords.BE_IT_FURTHER_LINE, [lambda raw: "BE" in raw or "Be" in raw or "be" in raw]),
    "LOWER_RESOLVED": (keywords.LOWER_RESOLVED, [lambda raw: "resolved" in raw]),
    "RECITAL": (keywords.RECITAL, [keywordish]),
    "FORMULA_LINE": (keywords.FORMULA_LINE, [keywordish, keywords.is_formula_line]),
    "RESOLVED_BE_IT": (keywords.RESOLVED_BE_IT, [keywordish]),
    "RESOLVED_PLAIN": (keywords.RESOLVED_PLAIN, [keywordish]),
    "RESOLVED_GLUED": (keywords.RESOLVED_GLUED, [keywordish, resolved_glued_guard]),
    "SUBJECT_RESOLVES": (keywords.SUBJECT_RESOLVES, [keywordish, subject_resolves_guard]),
    # (sponsors_in_formula's, before it searches a formula or reads a keyword)
    "MOVED_IN_FORMULA": (sponsors._MOVED_IN_FORMULA, [sponsors.seconded]),
    "MOVED_IN_MINUTES": (sponsors._MOVED_IN_MINUTES, [sponsors.seconded]),
    # (speaker_before's, before it asks whether the verb gives an order; infer_profile's, before the GPO heading)
    "ORDER_TO": (speakers._ORDER_TO, [lambda raw: raw.rstrip().endswith("to")]),
    "GPO_HEAD": (infer._GPO_HEAD, [lambda raw: "CONGRESS" in raw or "IN THE " in raw]),
}


def test_keywordish_finds_its_words_in_any_case() -> None:
    """keywordish looks for its words in the casefolded line instead of with re.I: each word, with any one
    of its letters replaced by any character that re.I matches to that letter, is still found."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for word in ("whereas", "resolve", "therefore", "wherefore", "ordained", "enacted", "ordered", "voted"):
        for k, letter in enumerate(word):
            for ch in set(re.findall(letter, everything, re.I)):
                assert keywordish(word[:k] + ch + word[k + 1 :]), (word, hex(ord(ch)))
    for k, letter in enumerate("seconded"):  # sponsors.seconded, the same way
        for ch in set(re.findall(letter, everything, re.I)):
            assert sponsors.seconded("seconded"[:k] + ch + "seconded"[k + 1 :]), hex(ord(ch))


@pytest.mark.parametrize("name", sorted(GUARDS))
def test_a_line_the_pattern_matches_passes_its_guard(name: str) -> None:
    pattern, guards = GUARDS[name]

    @settings(max_examples=60, deadline=None)
    @given(from_regex(pattern))
    def check(raw: str) -> None:
        assume(pattern.match(raw))
        for guard in guards:
            assert guard(raw), raw

    check()


@settings(max_examples=60, deadline=None)
@given(from_regex(lines.SPONSOR))
def test_a_sponsor_line_passes_its_guard(raw: str) -> None:
    """_classify asks SPONSOR (of the line with its "_" read as spaces) only of a line holding ":", a dash or "by"."""
    assume(lines.SPONSOR.match(raw.replace("_", " ")))
    assert ":" in raw or "-" in raw or "–" in raw or "—" in raw or "by" in raw.lower(), raw


@settings(max_examples=60, deadline=None)
@given(from_regex(keywords.MIDLINE_RESOLVED))
def test_a_midline_clause_start_passes_its_guard(raw: str) -> None:
    """split_lines looks for a clause starting inside a line only in lines holding "Be" or "BE"."""
    assert keywords.MIDLINE_RESOLVED.search(raw)
    assert "Be" in raw or "BE" in raw


@settings(max_examples=60, deadline=None)
@given(from_regex(sections.RUN_IN_SECTION))
def test_a_run_in_section_passes_its_guard(raw: str) -> None:
    """split_lines looks for run-in sections only in a text holding "ection" or "ECTION"."""
    assert "ection" in raw or "ECTION" in raw


@settings(max_examples=60, deadline=None)
@given(from_regex(intergovernmental.BODY_LINE))
def test_an_intergovernmental_body_line_passes_its_guard(raw: str) -> None:
    """split_lines reads the intergovernmental style only in a text holding a comma."""
    assert "," in raw


# -- what these tests found: lines and stretches a guard skipped although the pattern matched ----------


def test_a_sponsor_line_indented_past_thirty_characters() -> None:
    """A bill's "INTRODUCED BY …" line, indented: its "by" stood past the 30 characters the guard looked at."""
    raw = " " * 24 + "INTRODUCED BY REPRESENTATIVE BARNES."
    assert lines._classify(0, len(raw), raw).kind == "sponsor"


def test_an_ocr_whereas_indented_past_forty_characters() -> None:
    """keywordish looked for an OCR's "WHEREAS" in the first 40 characters only; the pattern has no such limit."""
    raw = " " * 36 + "VVHEREAS, the city needs parks; and"
    assert lines._classify(0, len(raw), raw).kind == "recital"


def test_turkish_capital_and_dotless_i_in_a_keyword() -> None:
    """re.I reads "İ" and "ı" as "i"; casefolding does not."""
    assert keywordish("BE IT ORDAİNED") and keywordish("be it ordaıned")


def test_the_end_of_a_placeholder_in_a_stretch_without_its_start() -> None:
    """The "}}" that closes a "{{filled:…}}" is markup even where the stretch holds no other markup character."""
    from whereas.structure.clean import clean

    assert clean("the fee is 72}} dollars", 0, 23).text == "the fee is 72 dollars"


# -- furniture, items, C001 -----------------------------------------------------------------------------


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from("a Z 0 9 ² ٣ ① ½ . \t é x"), max_size=20) | st.text(max_size=20))
def test_has_digit_is_any_isdigit(raw: str) -> None:
    from whereas.structure.furniture import _has_digit

    assert _has_digit(raw) == any(ch.isdigit() for ch in raw)


def _ip_address_accepts(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@settings(max_examples=2000, deadline=None)
@given(
    texts(["1", "0", "255", ".", ":", "::", "a", "f", "%", "eth0", "x", "-", "example", ".org", "١", "²"], 12)
    | st.text(max_size=20)
)
def test_c001_skips_ip_address_only_for_what_it_refuses(host: str) -> None:
    """C001 asks ipaddress.ip_address only of a host that may be an address: every host it accepts is one."""
    from whereas.lint.rules.c001_citation_missing_url import may_be_ip_address

    if _ip_address_accepts(host):
        assert may_be_ip_address(host)


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "fe80::1%eth0", "1.2.3", "::ffff:1.2.3.4", "example.org"])
def test_c001_ip_guard_on_known_hosts(host: str) -> None:
    from whereas.lint.rules.c001_citation_missing_url import may_be_ip_address

    assert may_be_ip_address(host) == (host != "example.org")


@settings(max_examples=1000, deadline=None)
@given(texts(["(a)", "a)", "1) ", " ", "\n", "**", "_x_", "[^1]", "{{filled:2)}}", "<b>", "word", ")", "\u00ad", "&"]))
def test_cleaning_writes_no_character_the_source_lacks(text: str) -> None:
    """find_items skips a clause without ")" before cleaning it: cleaning only drops characters and folds white
    space, so a ")" in the clean text was one in the source."""
    from whereas.structure.clean import clean

    assert set(clean(text, 0, len(text)).text) <= set(text) | {" "}


@settings(max_examples=1000, deadline=None)
@given(texts(["ACLU", "A&B", "AB", "Ab", "aB", " ", ".", "-", "_", "1", "é", "É", "&", "\n", "NEA"]))
def test_t005_capitals_runs_are_the_words_in_capitals(text: str) -> None:
    """_Before reads the words of capitals (and "&") with _CAPITALS_RUN: the same words, at the same places, as
    _WORD_RUN's words that are made of them."""
    every = [(m.group(), m.end()) for m in t005._WORD_RUN.finditer(text)]
    capitals = [(m.group(), m.end()) for m in t005._CAPITALS_RUN.finditer(text)]
    assert capitals == [(w, end) for w, end in every if re.fullmatch("[A-Z&]+", w)]


def kept_of_reference(text: str) -> str:
    """What only_keyword keeps of ``text``, character by character, to one more than the longest keyword."""
    kept = []
    for m in re.finditer(r"[^\s*_,:;.…>\"“#-]", text):
        kept.append(m.group())
        if len(kept) > drafts._KEYWORD_ONLY_MAX:
            break
    return "".join(kept)


@settings(max_examples=1000, deadline=None)
@given(
    texts(["WHEREAS", "be it", "resolved", ",", ":", ";", ".", "…", " ", "\n", "*", "_", '"', "“", "#", "-", "x" * 30])
)
def test_kept_of_matches_the_reference(text: str) -> None:
    assert drafts._kept_of(text) == kept_of_reference(text)


# -- the Markdown of a whole text: its block phase alone ----------------------------------------------------


def _blocks(tokens: list) -> list[tuple]:
    """What a block token is, but for the children of an inline token (the inline phase's)."""
    return [
        (t.type, t.tag, t.nesting, t.level, t.map, t.markup, t.info, t.content, t.block, t.hidden, t.attrs)
        for t in tokens
    ]


def _same_blocks(text: str, fmt: str) -> None:
    from whereas.lint.markup import _block_parser, _parser

    full_env: dict = {}
    block_env: dict = {}
    full = _parser(fmt).parse(text, full_env)
    blocks = _block_parser(fmt).parse(text, block_env)
    assert _blocks(blocks) == _blocks(full)
    assert block_env.get("references") == full_env.get("references")


_MARKDOWN_PIECES = [
    "# ", "Title", "\n", "\n\n", "- ", "1. ", "> ", "```", "~~~", "    ", "\t", "| a | b |\n|---|---|\n| 1 | 2 |",
    "[x]: /url", "[x]", "[^1]", "*", "_", "**", "<div>", "</div>", "<!-- c -->", "`", "===", "---", "Whereas", " ",
    "(a) ", "text",
]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(texts(_MARKDOWN_PIECES, 40), st.sampled_from(["markdown", "text"]))
def test_markup_reads_the_same_blocks_without_the_inline_phase(text: str, fmt: str) -> None:
    """Markup parses the whole text with the block phase alone: every block token (type, place, depth,
    content) and the link references are the full parse's."""
    _same_blocks(text, fmt)


@needs_corpora
def test_markup_blocks_without_the_inline_phase_on_the_corpus() -> None:
    for path in sorted([*CORPUS.rglob("*.md"), *CORPUS_2.rglob("*.md"), *CORPUS_2.rglob("*.txt")]):
        _same_blocks(path.read_text(encoding="utf-8", errors="replace"), "markdown" if path.suffix == ".md" else "text")


# -- C005: a period or comma after a title's closing mark ------------------------------------------------


@settings(max_examples=1000, deadline=None)
@given(texts(['"', "”", "“", ".", ",", " ", "\n", "\t", "a", "1", "é"]))
def test_c005_closing_mark_pattern_matches_the_look_behind_first(text: str) -> None:
    from whereas.lint.rules import c005_note_title_punctuation as c005

    first = re.compile(r"(?<=[^\s\"“”])([\"”])([.,])(?=\s|$)")
    assert [(m.span(), m.groups()) for m in c005._OUTSIDE.finditer(text)] == [
        (m.span(), m.groups()) for m in first.finditer(text)
    ]


# -- the blocks a fix's window starts from, read from the whole text's parse ---------------------------------


def _same_top_level_streams(text: str, fmt: str) -> int:
    """Every run of whole top-level blocks (with a line more on either side, blank or not) read from the whole
    text's parse (Markup.top_level_stream) is what parsing the run on its own gives (_parsed_stream); the
    number of runs compared."""
    from whereas.lint.markup import Markup, _line_range, _parsed_stream

    markup = Markup(text, fmt)
    kids = markup.root.children
    compared = 0
    for i in range(len(kids)):
        for width in (1, 2, 3):
            if i + width > len(kids):
                break
            for a, b in [
                (kids[i].start, kids[i + width - 1].end),
                (max(kids[i].start - 1, 0), kids[i + width - 1].end + 1),
            ]:
                read = markup.top_level_stream(a, b)
                if read is None:
                    continue
                start, end = _line_range(markup.starts, len(text), (a, b))
                assert read == _parsed_stream(text[start:end], fmt), (a, b)
                compared += 1
    return compared


@settings(max_examples=1000, deadline=None)
@given(
    texts([*_MARKDOWN_PIECES, "\r\n", "\r", "[a](/b)", "![i](/j)", "<b>x</b>", "\\"], 40),
    st.sampled_from(["markdown", "text"]),
)
def test_top_level_blocks_read_from_the_whole_parse(text: str, fmt: str) -> None:
    """The Markdown check of a fix parses the blocks around it before and after the edits; the blocks before
    are read from the whole text's parse when they are whole top-level blocks (each parses as the same block
    on its own) and the text defines no link references: the same tokens as parsing them on their own."""
    _same_top_level_streams(text, fmt)


def _parsed_in_two_steps(text: str, fmt: str) -> None:
    from whereas.lint.markup import _parsed_stream, _parser, _stream

    assert _parsed_stream.__wrapped__(text, fmt) == _stream(_parser(fmt).parse(text))


@settings(max_examples=1000, deadline=None)
@given(
    texts([*_MARKDOWN_PIECES, "\r\n", "[a](/b)", "![i](/j)", "![*a*](/j)", "<b>x</b>", "\\*", "&amp;"], 40),
    st.sampled_from(["markdown", "text"]),
)
@example("[x]: /url\n\nsee [x] and [y]", "markdown")  # a link to a definition in the window
def test_a_window_parsed_in_two_steps(text: str, fmt: str) -> None:
    """A window of blocks is parsed block phase first, then the inline phase of each block's text (remembered by
    the text, so that a block the edits left alone is read once): the token stream of markdown-it's parse."""
    _parsed_in_two_steps(text, fmt)


@settings(max_examples=1500, deadline=None)
@given(
    texts([*_MARKDOWN_PIECES, "[a](/b)", "![i](/j)", "<b>x</b>", "\\*", "&amp;"], 30),
    texts(["", "*", "_", "[", "]", "(", ")", "`", "<", ">", "#", "\n", "\n\n", " ", "a", "[^2]", "|", "-"], 3),
    st.integers(0, 200),
    st.integers(0, 3),
    st.sampled_from(["markdown", "text"]),
)
@example("# T\n\na b[^1]; c\n\n[^1]: Note 1, https://x.org/1\n", "", 7, 0, "markdown")  # a call-out moved
def test_same_outlines_are_the_same_token_streams(text: str, inserted: str, at: int, cut: int, fmt: str) -> None:
    """The Markdown check of a fix compares the outlines of a window before and after its edits first, the text
    of a block that both hold read as a placeholder: when the outlines are the same, so are the token streams."""
    from whereas.lint.markup import _blocks, _parser, _same_outline, _stream

    at = min(at, len(text))
    after = text[:at] + inserted + text[at + cut :]
    (before_tokens, before_references), (after_tokens, after_references) = _blocks(text, fmt), _blocks(after, fmt)
    if before_references or after_references:
        return
    if _same_outline(before_tokens, after_tokens, fmt):
        assert _stream(_parser(fmt).parse(text))[0] == _stream(_parser(fmt).parse(after))[0]


@needs_corpora
def test_top_level_blocks_read_from_the_whole_parse_on_the_corpus() -> None:
    compared = 0
    for path in sorted([*CORPUS.rglob("*.md"), *CORPUS_2.rglob("*.md"), *CORPUS_2.rglob("*.txt")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        compared += _same_top_level_streams(text, "markdown" if path.suffix == ".md" else "text")
        _parsed_in_two_steps(text, "markdown" if path.suffix == ".md" else "text")
    assert compared > 10_000


# -- link wrappers: a URL without a wrapper's host is not split ---------------------------------------

_WRAPPER_PARTS = [
    "https://", "http://", "www.", "nam12.safelinks.protection.outlook.com", "OUTLOOK.COM", "outloo\u212a.com",
    "google.com", "www.google.com", "GOOGLE.COM", "l.facebook.com", "lm.facebook.com", "/url", "/l.php", "?url=",
    "?q=", "&u=", "u=", "%3A%2F%2F", "example.org", "/", ".", ":", "@", "[", "]", "#", "\t", "\r", "\n", " ",
    "\u0130", "\u017f", "é", "ß", "goo", "gle.com", "face", "book.com", "out", "look.com",
]  # fmt: skip


@settings(max_examples=1500)
@given(st.one_of(texts(_WRAPPER_PARTS, 14), st.text(max_size=40)))
@example("https://www.goo\tgle.com/url?q=https://example.org/x")  # urlsplit deletes the tab
def test_unwrap_redirect_splits_only_what_may_be_a_wrapper(url: str) -> None:
    from whereas.structure import citation

    assert citation.unwrap_redirect(url) == citation._unwrapped(url)


def test_unwrap_redirect_still_unwraps() -> None:
    from whereas.structure.citation import unwrap_redirect

    wrapped = "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fa&data=1"
    assert unwrap_redirect(wrapped) == "https://example.org/a"
    assert unwrap_redirect("https://www.Google.com/url?q=https://example.org/b") == "https://example.org/b"
    assert unwrap_redirect("https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fc") == "https://example.org/c"


def test_remembered_keeps_only_short_texts_and_answers_the_same() -> None:
    from whereas.structure.citation import find_urls, parse_citation
    from whereas.structure.remember import LONGEST_REMEMBERED, remembered

    calls: list[str] = []

    @remembered
    def read(text: str) -> int:
        calls.append(text)
        return len(text)

    short, long = "a" * LONGEST_REMEMBERED, "b" * (LONGEST_REMEMBERED + 1)
    assert [read(short), read(short), read(long), read(long)] == [len(short), len(short), len(long), len(long)]
    assert calls == [short, long, long]  # the short text read once, the long one each time
    note = 'City Budget Office. "Funding Report". https://www.google.com/url?q=https://example.org/r (2024)'
    for text in (note, note + " " + "x" * LONGEST_REMEMBERED):
        assert find_urls(text) == find_urls.__wrapped__(text) == ("https://example.org/r",)  # type: ignore[attr-defined]
        assert parse_citation(text) == parse_citation.__wrapped__(text)  # type: ignore[attr-defined]


# -- speakers: _SPEAKER_BEFORE without the parts a text cannot match, and the searches skipped ---------

from whereas.readers import InputError, read_path  # noqa: E402 - with the tests that read the corpora

_SPEAKER_PIECES = [
    "the ", "The ", "American Library Association", " (ALA)", "ACLU", "Council", "Dr. Robitzek", "Section 5", "section 21060.3",
    " of ", "Public Resources Code", ", Section 6206", ", 7(a)", "article 28 of which", "the Law", " law", " act", " action",
    " constitution", " statutes", " rules", " code", " policy", ",", " ", "  ", "\n", "\t", ";", ".", ":", '"', "\u201c",
    "according to ", "According to ", "in the words of ", "as stated in ", "as set forth in ", " that", " that ", "who ",
    "which ", ", which ", " and ", "and, in a statement, ", " has", " have", " also", " repeatedly", " further", " stated",
    " states", " said", " says", " notes", " provides", " reads", " read", " called", " called for", " calling for",
    " issued a statement", " issued", " wrote", " warned", " held", " holds", " finding ", " noting ", "vacated the order",
    " strolled", " expressed concern that", " directed", " urged Congress to", " he said", "Whereas ", "RESOLVED, That ",
    "é", "_", "1", "(", ")", "[t]he",
]  # fmt: skip


def _speaker_chain(pattern: re.Pattern[str], tail: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    """The matches speakers._named reads: the first, then the next from one past each match's start."""
    found = []
    pos = 0
    while pos <= len(tail) and (m := pattern.search(tail, pos)) is not None:
        found.append((m.span(), m.groupdict()))
        pos = m.start() + 1
    return found


def _same_speaker_matches(tail: str) -> None:
    """What the fast paths of speakers.py choose for ``tail`` finds what the full patterns find."""
    full = speakers._SPEAKER_BEFORE
    chosen = speakers._speaker_pattern(tail)
    if chosen is None:
        assert full.search(tail) is None, tail
    else:
        assert _speaker_chain(chosen, tail) == _speaker_chain(full, tail), tail
    if speakers._AND_SAID_ENDING.search(tail) is None:
        assert speakers._AND_SAID.search(tail) is None, tail
    if not any(word in tail for word in speakers._PARTICIPLES):
        assert speakers._SUBJECT_FINDING.search(tail) is None, tail
    if "which" not in tail:
        assert speakers._DOCUMENT_WHICH.search(tail) is None, tail
    # speaker_after's name at the start of a parenthesis
    name = speakers._NAME if speakers._verb_follows(speakers._DOCUMENT_THEN_WORD, tail) else speakers._NAME_WORDS
    fast, full = re.match(name, tail), re.match(speakers._NAME, tail)
    assert (fast and fast.group()) == (full and full.group()), tail


def test_speaker_fast_path_premises() -> None:
    """The quick tests look for a verb's first word after its auxiliaries: no auxiliary is such a word, and
    every verb's first word is in the set (so a verb followed by \\b is never missed)."""
    auxiliaries = set(re.findall(r"[a-z]+", speakers._AUXILIARIES.replace(r"\s+", " ")))
    assert auxiliaries == {"has", "have", "had", "also", "further", "rightly", "recently", "repeatedly"}
    assert not auxiliaries & speakers._VERB_FIRST_WORDS
    for verb in ("stated", "said", "called", "calling", "issued", "expressing", "apologised", "reads", "held"):
        assert verb in speakers._VERB_FIRST_WORDS
    assert speakers._SPEAKER_BEFORE_VARIANTS[True, True, True] is speakers._SPEAKER_BEFORE
    # each variant leaves out what it says (so that the tests below compare different patterns)
    assert len({v.pattern for v in speakers._SPEAKER_BEFORE_VARIANTS.values()}) == 8


@pytest.mark.parametrize(
    "tail",
    [
        "Whereas the American Civil Liberties Union (ACLU) has stated that ",
        "Whereas, according to the Council, ",
        "Whereas Article V of the United States constitution provides, ",
        "Whereas the 2023 Worldwide Threat Assessment that describes ",
        "Whereas Ratko Mladic strolled through the town and, in a statement recorded on film, said ",
        "Whereas a federal district court in California vacated the conviction, finding ",
        "That the first section of the joint resolution for the relief of farmers, which reads as follows: ",
        "American Library Association Code of Ethics",
        "Whereas the Council has long supported libraries; and ",
    ],
)
def test_speaker_fast_paths_on_examples(tail: str) -> None:
    _same_speaker_matches(tail)


def test_speaker_fast_paths_choose_the_part_needed() -> None:
    """A fast path that always chose the full pattern could not fail the tests above: each part is left out."""
    plain = speakers._speaker_pattern("Whereas the ACLU has stated that ")
    assert plain is speakers._SPEAKER_BEFORE_VARIANTS[False, False, False]
    assert speakers._speaker_pattern("Whereas the Council supports libraries") is None
    assert speakers._speaker_pattern("the United States constitution provides") is not plain
    assert (
        speakers._speaker_pattern("an Assessment that describes")
        is speakers._SPEAKER_BEFORE_VARIANTS[False, False, True]
    )
    assert speakers._speaker_pattern("according to the ACLU") is speakers._SPEAKER_BEFORE_VARIANTS[True, False, False]


@settings(max_examples=1500, deadline=None)
@given(st.one_of(texts(_SPEAKER_PIECES, 24), st.text(max_size=60)))
def test_speaker_fast_paths_find_what_the_full_patterns_find(tail: str) -> None:
    _same_speaker_matches(tail)


def _speaker_tails(text: str) -> list[str]:
    """What speaker_before reads in ``text``: the window before each quotation mark, and each sentence's end."""
    tails = [text[max(0, i - speakers.SPEAKER_WINDOW) : i] for i, ch in enumerate(text) if ch in '"\u201c(']
    tails += [s[-speakers.SPEAKER_WINDOW :] for s in re.split(r"(?<=[.;:])\s+|\n", text) if s.strip()]
    return tails


@needs_corpora
def test_speaker_fast_paths_on_the_corpora() -> None:
    """Every sentence and every window before a quotation mark in corpus, corpus-2 and the seed."""
    paths = [p for root in (CORPUS, CORPUS_2, CORPUS.parent / "seed") for p in sorted(root.rglob("*")) if p.is_file()]
    tails: set[str] = set()
    read = 0
    for path in paths:
        try:
            tails.update(_speaker_tails(read_path(path).text))
        except InputError:
            continue  # (PROVENANCE.tsv and other files that are no resolution)
        read += 1
    assert read > 150 and len(tails) > 20_000
    for tail in sorted(tails):
        _same_speaker_matches(tail)
