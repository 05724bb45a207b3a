"""The quotation matcher: verdicts, honoured alterations, differences, offsets, properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import whereas
from conftest import SEED
from whereas.verify.match import QuoteMatch, SourceIndex, check_quote, find_quote
from whereas.verify.normalize import normalize

# Source paragraphs written for these tests (the seed resolution's quotations, in sources of our own).
ALA = (
    "The American Library Association opposes any use of governmental prerogative that leads to the "
    "intimidation of individuals that prevents them from exercising their rights to hold opinions without "
    "interference, and to seek, receive, and impart information and ideas. Libraries keep no record of it."
)
ACLU = (
    "NEW YORK — Today's ruling is a setback.\n\n“The prosecution of Julian Assange poses a grave threat to "
    "press freedom,” said a lawyer for the ACLU. “Bringing criminal charges against a publisher for the "
    "publication of truthful information establishes a dangerous precedent that can be used to target all "
    "news organizations that hold the government accountable by publishing its secrets.”"
)
AMNESTY = (
    "US/UK: ‘Travesty of justice’ as extradition appeal fails. Publishing information that is in the public "
    "interest is a cornerstone of media freedom and the public’s right to information about government "
    "wrongdoing. It is protected under international human rights law and should not be criminalized."
)
PEN = (
    "Julian Assange’s prosecution raises profound concerns about freedom of the press under the First "
    "Amendment of the US Constitution and sends a dangerous signal to journalists and publishers worldwide, "
    "the centres said on 17 June 2022."
)
SOURCE = (
    "Congress shall make no law respecting an establishment of religion. The Senate shall consist of two "
    "Senators from each State, chosen for six Years; and each Senator shall have one Vote. No Person shall be "
    "a Senator who shall not have attained to the Age of thirty Years. It cost 100,000 dollars in 1787."
)


def passage(m: QuoteMatch, source: str) -> str:
    assert m.start is not None and m.end is not None
    return source[m.start : m.end]


def kinds(m: QuoteMatch) -> set[str]:
    return {d.kind for d in m.differences}


# --------------------------------------------------------------------------- exact


def test_identical_quote_is_exact_and_offsets_point_at_it() -> None:
    m = check_quote("each Senator shall have one Vote", SOURCE)
    assert m.verdict == "exact" and m.score == 100.0 and m.differences == ()
    assert passage(m, SOURCE) == "each Senator shall have one Vote"


def test_short_quote_is_found_by_exact_search() -> None:
    m = check_quote("Travesty of justice", AMNESTY)
    assert m.verdict == "exact"
    assert passage(m, AMNESTY) == "Travesty of justice"


def test_one_word_quote_matches_whole_words_only() -> None:
    assert check_quote("Senate", SOURCE).verdict == "exact"
    assert check_quote("enat", SOURCE).verdict == "not_found"


def test_first_letter_case_may_change_silently() -> None:
    assert check_quote("The senate shall consist", "and the senate shall consist").verdict == "exact"
    assert check_quote("senators from each State", "Senators from each State").verdict == "exact"


def test_glyphs_whitespace_and_hyphenation_are_normalised() -> None:
    source = "the people\u2019s “right” to infor-\nmation \u2014 self-\n   evident  and ﬁnal"
    m = check_quote('the people\'s "right" to information -- self-evident and final', source)
    assert m.verdict == "exact"
    assert passage(m, source) == source


def test_offsets_are_in_the_original_source() -> None:
    source = "Preface\u00a0\u00a0with   wide\n\nspacing. “Quoted   words”\nhere ﬁnally."
    m = check_quote('Quoted words" here finally', source)
    assert m.verdict == "exact"
    assert passage(m, source) == "Quoted   words”\nhere ﬁnally"
    # The quotation's own leading and closing marks are left out of the passage.
    assert passage(check_quote('"Quoted words" here finally.', source), source) == "Quoted   words”\nhere ﬁnally"


def test_nested_quotation_marks_may_become_single() -> None:
    source = 'He wrote that "the law is clear" and left.'
    assert check_quote("He wrote that 'the law is clear' and left", source).verdict == "exact"


def test_trailing_period_or_comma_of_the_quote_is_free() -> None:
    assert check_quote("chosen for six Years.", SOURCE).verdict == "exact"
    assert check_quote("make no law respecting an establishment of religion,", SOURCE).verdict == "exact"


def test_normalize_keeps_one_offset_pair_per_character() -> None:
    n = normalize("a\u2014b  c ﬁ")
    assert n.text == "a-b c fi"
    assert len(n.starts) == len(n.ends) == len(n.text)
    assert n.span(4, 8) == (5, 8)


# --------------------------------------------------------------------------- faithful


@pytest.mark.parametrize(
    ("quote", "alteration"),
    [
        ("[t]he Senate shall consist of two Senators", "[t]"),
        ("[N]o law respecting an establishment of religion", "[N]"),
        ("[it] shall consist of two Senators from each State", "[it]"),
        ("[The upper house] shall consist of two Senators", "[The upper house]"),
        ("The Senate shall [also] consist of two Senators", "[also]"),
        ("each Senator shall hav[e] one Vote", "[e]"),
        ("The Senate shall consist of two Senators . . . chosen for six Years", ". . ."),
        ("The Senate shall consist … for six Years", "..."),
        ("The Senate shall consist [...] for six Years", "[...]"),
        ("... The Senate shall consist of two Senators", "..."),
        ("Congress shall make no law . . . . No Person shall be a Senator", ". . . ."),
        ("shall have one Vote [sic]", "[sic]"),
        ("shall have one Vote (emphasis added)", "(emphasis added)"),
        ("shall have one Vote (emphasis omitted)", "(emphasis omitted)"),
        ("shall have one Vote (citation omitted)", "(citation omitted)"),
    ],
)
def test_marked_alterations_are_faithful(quote: str, alteration: str) -> None:
    m = check_quote(quote, SOURCE)
    assert m.verdict == "faithful", m
    assert alteration in [a.text for a in m.alterations]


def test_internal_quotation_marks_omitted() -> None:
    source = 'The court held that "speech is free" in all cases.'
    quote = "The court held that speech is free in all cases"
    assert check_quote(quote, source).verdict == "misquoted"
    assert check_quote(quote + " (internal quotation marks omitted)", source).verdict == "faithful"


def test_bracketed_word_replaces_a_run_of_source_words() -> None:
    m = check_quote("[Assange's] prosecution raises profound concerns about freedom of the press", PEN)
    assert m.verdict == "faithful"
    assert passage(m, PEN).endswith("prosecution raises profound concerns about freedom of the press")


def test_ellipsis_parts_must_be_in_order() -> None:
    m = check_quote("chosen for six Years . . . Congress shall make no law", SOURCE)
    assert m.verdict == "misquoted" and "order" in kinds(m)


def test_ellipsis_parts_must_be_reasonably_near() -> None:
    source = "Alpha beta gamma delta. " + "filler words here. " * 400 + "Epsilon zeta eta theta."
    m = check_quote("Alpha beta gamma . . . zeta eta theta", source)
    assert m.verdict == "misquoted" and "omission" in kinds(m)
    near = "Alpha beta gamma delta. " + "filler words here. " * 40 + "Epsilon zeta eta theta."
    assert check_quote("Alpha beta gamma . . . zeta eta theta", near).verdict == "faithful"


def test_bracketed_case_change_of_a_different_word_is_not_honoured() -> None:
    assert check_quote("[t]he Senate shall consist", "A Senate shall consist of many").verdict == "misquoted"


# --------------------------------------------------------------------------- misquoted, by difference kind


@pytest.mark.parametrize(
    ("quote", "kind", "quoted", "source"),
    [
        ("each Senator shall have one Voice", "word", "Voice", "Vote"),
        ("It cost 10,000 dollars in 1787", "number", "10,000", "100,000"),
        ("It cost 100,000 dollars in 1788", "number", "1788", "1787"),
        ("consist of three Senators from each State", "number", "three", "two"),
        # a passage with an ordinal in a name replaced by other words: words changed, not a number
        (
            "The Senate shall consist of the First Amendment from each State",
            "word",
            "the First Amendment",
            "two Senators",
        ),
        ("The Senate shall consist of two senators from each State", "case", "senators", "Senators"),
        ("chosen for six Years, and each Senator shall have", "punctuation", ",", ";"),
        (
            "Congress shall make no law respecting an establishmant of religion",
            "spelling",
            "establishmant",
            "establishment",
        ),
        ("The Senate shall consist of two Senators from State", "omission", "", "each"),
        ("The Senate shall consist of two Senators from every each State", "insertion", "every", ""),
        ("The Senate shall consist of Senators two from each State", "order", "Senators two", "two Senators"),
    ],
)
def test_unmarked_differences_are_misquoted(quote: str, kind: str, quoted: str, source: str) -> None:
    m = check_quote(quote, SOURCE)
    assert m.verdict == "misquoted", m
    assert any(d.kind == kind and d.quoted == quoted and d.source == source for d in m.differences), m.differences
    assert m.start is not None and m.end is not None


def test_inserted_not_is_misquoted_despite_a_high_score() -> None:
    m = check_quote("Congress shall not make no law respecting an establishment of religion", SOURCE)
    assert m.verdict == "misquoted" and m.score > 90
    assert m.differences[0].kind == "insertion" and m.differences[0].quoted == "not"


def test_stitched_sentences_without_ellipsis_are_misquoted() -> None:
    m = check_quote(
        "Congress shall make no law respecting an establishment of religion. It cost 100,000 dollars in 1787", SOURCE
    )
    assert m.verdict == "misquoted"
    assert "stitched" in kinds(m)  # the two sentences stand far apart in SOURCE


def test_changed_capital_mid_quote_is_misquoted() -> None:
    assert check_quote("Congress shall make No law", SOURCE).verdict == "misquoted"


def test_seed_ala_quote_omits_the() -> None:
    quote = (
        "[t]he American Library Association opposes any use of governmental prerogative that leads to "
        "intimidation of individuals that prevents them from exercising their rights to hold opinions without "
        "interference, and to seek, receive, and impart information and ideas"
    )
    m = check_quote(quote, ALA)
    assert m.verdict == "misquoted"
    assert [(d.kind, d.quoted, d.source) for d in m.differences] == [("omission", "", "the")]
    assert passage(m, ALA).startswith("The American Library Association")
    assert passage(m, ALA).endswith("information and ideas")


def test_seed_aclu_quotes_are_faithful() -> None:
    first = check_quote("[t]he prosecution of Julian Assange poses a grave threat to press freedom", ACLU)
    second = check_quote(
        "[b]ringing criminal charges against a publisher for the publication of truthful information "
        "establishes a dangerous precedent that can be used to target all news organizations that hold the "
        "government accountable by publishing its secrets",
        ACLU,
    )
    assert first.verdict == second.verdict == "faithful"
    assert passage(first, ACLU) == "The prosecution of Julian Assange poses a grave threat to press freedom"


def test_seed_amnesty_quotes() -> None:
    first = check_quote(
        "[p]ublishing information that is in the public interest is a cornerstone of media freedom and the "
        "public’s right to information about government wrongdoing",
        AMNESTY,
    )
    assert first.verdict == "faithful"
    second = check_quote("protected under international human rights law and should not be criminalized", AMNESTY)
    assert second.verdict == "exact"
    assert (
        check_quote("protected under international law and should not be criminalized", AMNESTY).verdict == "misquoted"
    )


def test_seed_pen_quote_is_faithful() -> None:
    quote = (
        "[Assange's] prosecution raises profound concerns about freedom of the press under the First Amendment "
        "of the US Constitution and sends a dangerous signal to journalists and publishers worldwide"
    )
    assert check_quote(quote, PEN).verdict == "faithful"


def test_seed_resolution_quotes_against_their_own_text() -> None:
    if not SEED.is_file():
        pytest.skip("../shared/seed is absent")
    text = SEED.read_text(encoding="utf-8")
    for quote in re.findall(r'"([^"]{20,})"', text):
        assert check_quote(quote, text).verdict in ("exact", "faithful"), quote


# --------------------------------------------------------------------------- not found


def test_unrelated_quote_is_not_found() -> None:
    m = check_quote("the quick brown fox jumps over the lazy dog", SOURCE)
    assert m.verdict == "not_found" and m.start is None and m.end is None


def test_paraphrase_below_threshold_is_not_found() -> None:
    assert (
        check_quote("Each state elects two people to the upper chamber for a long term", SOURCE).verdict == "not_found"
    )


def test_empty_quote_or_source() -> None:
    assert check_quote("", SOURCE).verdict == "not_found"
    assert check_quote("...", SOURCE).verdict == "not_found"
    assert check_quote("anything", "").verdict == "not_found"


# --------------------------------------------------------------------------- index reuse and API


def test_index_is_reusable_across_quotations() -> None:
    index = SourceIndex.build(SOURCE * 50)
    assert find_quote("each Senator shall have one Vote", index).verdict == "exact"
    assert find_quote("each Senator shall have two Votes", index).verdict == "misquoted"


def test_picks_the_faithful_copy_among_near_repeats() -> None:
    source = "the tax shall be ten dollars. Later: the tax shall be nine dollars."
    m = check_quote("the tax shall be nine dollars", source)
    assert m.verdict == "exact" and passage(m, source) == "the tax shall be nine dollars"


def test_package_reexports_check_quote() -> None:
    assert whereas.check_quote is check_quote


# --------------------------------------------------------------------------- properties

WORDS = st.lists(
    st.sampled_from(["law", "shall", "Congress", "the", "of", "1787", "two", "State", "rights", "free", "people"]),
    min_size=8,
    max_size=60,
)
PUNCT = st.sampled_from([" ", " ", " ", ", ", "; ", ". ", " — ", "\n"])


@st.composite
def source_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    words = draw(WORDS)
    seps = [draw(PUNCT) for _ in words]
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    i = draw(st.integers(0, len(words) - 1))
    j = draw(st.integers(i + 1, len(words)))
    start = sum(len(w) + len(s) for w, s in zip(words[:i], seps[:i], strict=False))
    end = start + sum(len(w) + len(s) for w, s in zip(words[i:j], seps[i:j], strict=False)) - len(seps[j - 1])
    return text, start, end


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(source_and_span())
def test_any_whole_word_substring_is_exact(case: tuple[str, int, int]) -> None:
    text, start, end = case
    m = check_quote(text[start:end], text)
    assert m.verdict == "exact", (text[start:end], m)
    assert normalize(text[m.start : m.end]).text.casefold() == normalize(text[start:end]).text.casefold()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(source_and_span(), st.integers(0, 10_000), st.booleans())
def test_inserted_not_or_changed_digit_never_passes(case: tuple[str, int, int], at: int, digit: bool) -> None:
    text, start, end = case
    quote = text[start:end]
    if digit:
        digits = [k for k, c in enumerate(quote) if c.isdigit()]
        if not digits:
            return
        k = digits[at % len(digits)]
        quote = quote[:k] + str((int(quote[k]) + 1) % 10) + quote[k + 1 :]
    else:
        words = quote.split(" ")
        k = at % (len(words) + 1)
        quote = " ".join(words[:k] + ["not"] + words[k:])
    assert not check_quote(quote, text).passed, quote


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80), st.text(max_size=300))
def test_never_crashes_on_arbitrary_text(quote: str, source: str) -> None:
    m = check_quote(quote, source)
    assert m.verdict in ("exact", "faithful", "misquoted", "not_found")
    if m.start is not None and m.end is not None:
        assert 0 <= m.start <= m.end <= len(source)
    assert 0.0 <= m.score <= 100.0


@pytest.mark.parametrize("apart", [40, 400, 4000])
def test_two_far_apart_passages_joined_without_an_ellipsis_are_stitched(apart: int) -> None:
    """Neither half is most of the quotation: each is found verbatim, and the seam is told as what it is."""
    filler = " ".join(f"Filler{i} words fill this space." for i in range(apart // 5))
    source = (
        "The committee met on Tuesday to review the annual budget of the library system. "
        + filler
        + " Members agreed that public funding must be restored before the end of the year."
    )
    quote = (
        "the committee met on Tuesday to review the annual budget Members agreed that public funding must be restored"
    )
    m = check_quote(quote, source)
    assert m.verdict == "misquoted"
    [stitch] = [d for d in m.differences if d.kind == "stitched"]
    assert stitch.apart >= apart


def test_a_short_unmarked_gap_is_an_omission_not_a_stitch() -> None:
    m = check_quote("The Senate shall consist of two Senators from State", SOURCE)
    assert [d.kind for d in m.differences] == ["omission"]


def test_differences_in_plain_words() -> None:
    from whereas.verify.result import DifferenceReport

    assert (
        DifferenceReport("word", "Voice", "Vote").plain()
        == 'words: the source says "Vote" where the draft says "Voice"'
    )
    assert DifferenceReport("stitched", "", "…", 412).plain() == (
        "stitched: two passages 412 words apart in the source, joined without an ellipsis"
    )
    assert DifferenceReport("omission", "", "each").plain() == 'left out without an ellipsis: "each"'
