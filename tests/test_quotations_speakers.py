"""Who a clause says is speaking its quotations, and which quoted texts are names, on sentences of our own:
one test per family of sentences (a long legal name, a relative "that", a slogan …), each with the
near misses that must keep no speaker."""

from __future__ import annotations

import pytest

import whereas


def _quotations(recital: str) -> list[tuple[str, str | None]]:
    [r] = whereas.parse(
        f"Resolution on Records\n\n{recital}; now, therefore, be it\n\nResolved, that the Board acts.\n"
    )
    return [(q.text, q.speaker) for q in r.quotations]


@pytest.mark.parametrize(
    ("recital", "speaker"),
    [
        # a lower-case reference opens the name, and two codes joined by "and" are one source
        (
            "Whereas section 12.4 of the Water Code and the Harbor Rules, 9 Coastal Code of Regulations section 51(b) "
            "defines “flood” as rising water",
            "section 12.4 of the Water Code and the Harbor Rules, 9 Coastal Code of Regulations section 51(b)",
        ),
        # the next part of a citation after a comma
        (
            "Whereas the Library Law, Section 310, 4(c) provides in part that the trustees “may close a branch”",
            "Library Law, Section 310, 4(c)",
        ),
        # a part named by a lower-case noun and its number
        (
            "Whereas the Board accepts the Terms of Coverage with respect to LX-12 on page 3 of quote QX991 Version 2, "
            "stating “volunteers are covered while on duty”",
            "Terms of Coverage with respect to LX-12 on page 3 of quote QX991 Version 2",
        ),
        # a document's lower-case noun at the end, right before the verb
        (
            "Whereas Article IX of the Riverton charter provides for “a majority of two thirds”",
            "Article IX of the Riverton charter",
        ),
        # a relative "that" right before the verb
        (
            "Whereas the Harbor Authority issued a Coastal Risk Review that describes “a pattern of neglect”",
            "Coastal Risk Review",
        ),
        # a plural subject's verb (trial 18: a church's "our Social Principles affirm that …")
        ("Whereas our Social Principles affirm that “the church is called to justice”", "Social Principles"),
        ("Whereas the Harbor Rules require that “every vessel carry a light”", "Harbor Rules"),
        ("Whereas the Bylaws provide that “the Board meets monthly”", "Bylaws"),
    ],
)
def test_long_legal_names_and_relative_that(recital: str, speaker: str | None) -> None:
    [(_, found)] = _quotations(recital)
    assert found == speaker


@pytest.mark.parametrize(
    "recital",
    [
        # "article 28 of which" after a comma is the which-clause, not a part of the name
        "Whereas the Harbor Act of Ruritania, article 4 of which requires “all vessels”",
        # "that" before a verb that is also a plural noun is the conjunction
        "Whereas the Mayor told the Council that states require “a balanced budget”",
        # a date before a comma is no citation going on
        "Whereas the Mayor on March 4, 2020, declared “a state of emergency”",
        # a document's noun ends a name only right before the verb
        "Whereas the Sheriff and law enforcement officers said “the roads are closed”",
    ],
)
def test_near_misses_of_long_names(recital: str) -> None:
    [(_, found)] = _quotations(recital)
    assert found is None or not any(w in found for w in (", article", "Council", "March", "law")), found


@pytest.mark.parametrize(
    "recital",
    [
        'Whereas the marchers carried the slogan "Bread and Roses" through the town',
        'Whereas the miners swore an oath of "Union or Nothing" at the pithead',
        'Whereas, decades after the nation said "Never Again" to famine, the harvest failed',
    ],
)
def test_a_slogan_or_a_cry_in_title_case_is_words(recital: str) -> None:
    [(text, speaker)] = _quotations(recital)
    assert text in ("Bread and Roses", "Union or Nothing", "Never Again") and speaker is None


@pytest.mark.parametrize(
    "recital",
    [
        'Whereas the old banner, "the Harbor Ensign" or "the Blue Anchor flag," flew over the quay',
        'Whereas the town was "Millbrook" or "the Mill settlement" until 1850',
        'Whereas the program called "Safe Routes Home" began in 2010',
    ],
)
def test_a_second_name_after_or_is_a_name(recital: str) -> None:
    assert _quotations(recital) == []


def test_words_after_or_after_a_name_stay_words() -> None:
    found = _quotations('Whereas the banner read "Harbor Pride" or "we will not move from here"')
    assert [t for t, _ in found] == ["we will not move from here"]


@pytest.mark.parametrize(
    ("recital", "speaker"),
    [
        # a that-clause of reported speech longer than 80 characters
        (
            "Whereas, in 2021, the Chair of the Harbor Board expressed concern that small fishing firms may be "
            "pressed to sell their quotas to larger fleets to meet “the new landing rules”",
            "Chair of the Harbor Board",
        ),
        # a participle of saying after the subject's verb and object
        (
            "Whereas, in 1990, a state appeals court in Oregon reversed the ruling, holding “no lawful basis” existed",
            "state appeals court in Oregon",
        ),
        # a second verb of saying after "and" and an aside
        (
            "Whereas Mayor Anna Berg walked through the flooded ward and, in remarks filmed by a local station, said, "
            "“We will rebuild every street”",
            "Mayor Anna Berg",
        ),
        # a lower-case office of a named body, and "issued an apology"
        (
            "Whereas the government of the Northern Province issued an apology in 2001 for the “grave errors” of the war",
            "government of the Northern Province",
        ),
        # a document named in lower case, with its "which" clause
        (
            "Whereas the second article of the proposed compact for the sharing of the river waters, which reads as "
            "follows: “No party shall divert the river”",
            "second article of the proposed compact for the sharing of the river waters",
        ),
    ],
)
def test_subjects_far_from_the_quotation(recital: str, speaker: str) -> None:
    [(_, found)] = _quotations(recital)
    assert found == speaker


@pytest.mark.parametrize(
    "recital",
    [
        # an order's words: "directed his forces to"
        "Whereas General Voss, commander of the Eastern Army, directed his troops to “hold the bridge at all costs”",
        # another speaker's claim inside a far that-clause
        "Whereas the Harbor Board found that the company's claim that the new landing rules were unfair to small "
        "fishing firms and to their crews was “without any merit”",
        # a participle after a subject with no name in it
        "Whereas, in 1990, the court reversed the ruling, holding “no lawful basis” existed",
        # a plural noun before "and" is no subject of a past tense
        "Whereas the Harbor Board forces met the fleet and, after a long delay, said “the port is closed”",
    ],
)
def test_subjects_far_away_left_out_when_unsure(recital: str) -> None:
    [(_, found)] = _quotations(recital)
    assert found is None


def test_a_later_quotation_in_a_new_sentence_keeps_no_earlier_speaker() -> None:
    found = _quotations(
        "Whereas the bill conflicts with the words of Lincoln, “with malice toward none.” It is loosely worded, "
        "“work that disturbs others,” and it invites spies"
    )
    assert found == [("with malice toward none.", "Lincoln"), ("work that disturbs others,", None)]


def test_a_later_quotation_in_the_same_sentence_has_the_earlier_speaker() -> None:
    found = _quotations("Whereas the Harbor Board stated that “fleets must report” and “ports must record catches”")
    assert [s for _, s in found] == ["Harbor Board", "Harbor Board"]


def test_a_one_word_name_before_a_past_tense_and_said() -> None:
    found = _quotations("Whereas Lindqvist toured the harbor and, speaking to reporters, said “the port will reopen”")
    assert found == [("the port will reopen", "Lindqvist")]


@pytest.mark.parametrize(
    "recital",
    [
        # a term in quotation marks inside the sentence, a noun of it: nobody's words, though a word like a verb of
        # saying ("state") stands before it
        "Whereas our Society must support state legislation prohibiting “step therapy” protocols for insulin",
        "Whereas the Council will note that Acme Foods sells “ultra processed” snacks in every school",
        "Whereas the city reports “forever chemicals” in its wells each year",
    ],
)
def test_a_quoted_term_inside_the_sentence_has_no_speaker(recital: str) -> None:
    [(_, speaker)] = _quotations(recital)
    assert speaker is None


@pytest.mark.parametrize(
    ("recital", "speaker"),
    [
        # … but a short quotation a verb of saying, "as" or "it" introduces is the speaker's
        ("Whereas the Governor called it “a disgrace” in her address", "Governor"),
        ("Whereas the Court described the policy as “plainly unlawful” in its ruling", "Court"),
        ("Whereas the Auditor stated “no funds remain” after the review", "Auditor"),
    ],
)
def test_a_short_quotation_that_a_verb_of_saying_introduces_keeps_its_speaker(recital: str, speaker: str) -> None:
    [(_, found)] = _quotations(recital)
    assert found == speaker
