"""Text that committees paste from elsewhere: a PDF's copied lines with their hyphenated words, a chat's messages
(Slack, Teams, Discord), an Obsidian or Notion page.  What the paste adds is no word of a title or a clause."""

from __future__ import annotations

import pytest

import whereas
from whereas.format import format_source
from whereas.model import Resolution, Source
from whereas.structure.hyphens import find_hyphen_breaks


def _clauses(r: Resolution) -> list[str]:
    return [c.text for c in (*r.preamble, *r.resolved)]


def _mapped_exactly(text: str, r: Resolution) -> None:
    """Every character of every clause is the source's character at its offset (nothing was inserted)."""
    for c in r.clauses:
        for i, ch in enumerate(c.mapped.text):
            if not ch.isspace():
                assert text[c.mapped.offsets[i]] == ch, (c.ref, i)


# -- a PDF's hyphenated line ends ------------------------------------------------------------------------------

PDF_COPY = (
    "A RESOLUTION ENDORSING THE REGIONAL TRANSIT COM-\n"
    "PACT FOR THE VALLEY\n"
    "Submitted by: Councillor Ida Brandt\n"
    "WHEREAS, the Valley Transit Authority carries commuters across the county's\n"
    "northern townships and its ridership has grown each year since 2019, with the\n"
    "state-wide survey ranking its service among the most reli-\n"
    "able in the region; and\n"
    "WHEREAS, the compact's draft text asks every member town for a state-\n"
    "wide fare policy and a shared main-\n"
    "tenance yard; and\n"
    "WHEREAS, the towns must ratify the compact before pre- and post-\n"
    "season schedules are set;\n"
    "RESOLVED, That the Council endorses the compact and asks the Clerk to send this resolution to each of the\n"
    "member towns' councils and to the maintenance yard's board.\n"
)


def test_a_pdfs_hyphenated_words_read_whole() -> None:
    """A word the PDF's line broke reads whole in the title and the clauses ("COM-" / "PACT" → "COMPACT",
    "reli-" / "able" → "reliable"); a compound broken at its own hyphen keeps it ("state-" / "wide" →
    "state-wide": the document writes "state-wide"), and so does a suspended hyphen ("pre- and post-")."""
    [r] = whereas.parse(PDF_COPY)
    assert r.title is not None
    assert r.title.text == "A RESOLUTION ENDORSING THE REGIONAL TRANSIT COMPACT FOR THE VALLEY"
    text = " ".join(_clauses(r))
    assert "most reliable in the region" in text
    assert "a state-wide fare policy" in text
    assert "a shared maintenance yard" in text  # "maintenance" is written whole in the last clause
    assert "before pre- and post-season schedules" in text  # ("post-" makes compounds)
    _mapped_exactly(PDF_COPY, r)


def test_a_broken_word_is_dropped_never_edited() -> None:
    """Only the break is read away: the hyphen and the line break stay in the source, each clause character maps to
    its own place, and ``format`` leaves a clause with a broken word as written."""
    [r] = whereas.parse(PDF_COPY)
    clause = r.preamble[0]
    at = clause.text.index("reliable")
    assert PDF_COPY[clause.mapped.offsets[at] : clause.mapped.offsets[at + 8]] == "reli-\nable"
    formatted = format_source(Source(PDF_COPY, "txt", "pasted.txt")).text
    assert "most reli-\nable in the region" in formatted
    assert "shared main-\ntenance yard" in formatted


def test_a_hyphen_within_a_line_stays_without_evidence() -> None:
    """ "Legis- lation" on one line (a paste that joined the lines) in a text without hard line breaks is left as
    written: nothing says it is one word.  When the document writes the word whole elsewhere, it reads whole."""
    plain = (
        "Resolution on the Fee Legis- lation\n\n"
        "WHEREAS, the fee schedule has not changed since 2009;\n\n"
        "RESOLVED, That the Board supports the fee legis- lation.\n"
    )
    [r] = whereas.parse(plain)
    assert r.title is not None and r.title.text == "Resolution on the Fee Legis- lation"
    assert r.resolved[0].text.endswith("fee legis- lation.")
    evidenced = plain.replace("has not changed", "under the 2009 legislation has not changed")
    [r] = whereas.parse(evidenced)
    assert r.title is not None and r.title.text == "Resolution on the Fee Legislation"
    assert r.resolved[0].text.endswith("fee legislation.")


@pytest.mark.parametrize(
    ("pasted", "read"),
    [
        ("the self-\ngoverning board", "self-governing"),  # a compound's first word
        ("an e-\nmail to members", "e-mail"),  # a single letter
        ("an up-to-\ndate list", "up-to-date"),  # a hyphenated word before the break
        ("full- or part-time staff", None),  # a suspended hyphen
        ("the Senator from the Twenty-\nthird District", "Twenty-third"),  # a number's
        ("the words -to be clear- have no place", None),  # a writer's dash within a line
        ("see https://example.org/trans-\nit for details", None),  # an address
    ],
)
def test_hyphens_that_are_the_words_own(pasted: str, read: str | None) -> None:
    text = "the run on\nof a line\nand another run\non and on " + pasted
    breaks = find_hyphen_breaks(text)
    if read is None:
        assert not breaks
    else:
        assert list(breaks.words.values()) == [read]


# -- a chat's messages ------------------------------------------------------------------------------------------

SLACK = (
    "Ana Ruiz  9:02 AM\n"
    "draft for tonight, copying it here\n"
    "Ana Ruiz  9:03 AM\n"
    "Resolution on Bicycle Parking at the Community Hall\n"
    "Moved by: Ana Ruiz\n"
    "Ana Ruiz  9:03 AM\n"
    "Whereas, the hall has racks for six bicycles; and\n"
    "Whereas, members who cycle to meetings often find them full;\n"
    "Ana Ruiz  9:04 AM\n"
    "Resolved, That the association installs racks for twenty bicycles before the autumn meeting.\n"
    ":raised_hands: 2\n"
    "Tom Becker [9:10 AM]\n"
    "should we add covered racks? (edited)\n"
    "Ana Ruiz — Today at 9:12 AM\n"
    'sure, "covered" works for me\n'
)


def test_a_chats_headers_and_reactions_are_not_words() -> None:
    """A Slack paste: the name-and-time lines are no title, and a clause ends where the next message starts (Tom's
    reply, "should we add covered racks?", and its quotation are no part of the resolving clause)."""
    [r] = whereas.parse(SLACK)
    assert r.title is not None and r.title.text == "Resolution on Bicycle Parking at the Community Hall"
    assert _clauses(r) == [
        "Whereas, the hall has racks for six bicycles; and",
        "Whereas, members who cycle to meetings often find them full;",
        "Resolved, That the association installs racks for twenty bicycles before the autumn meeting.",
    ]
    assert r.quotations == ()


def test_teams_headers_and_the_edited_mark() -> None:
    """Teams' "[10:42 AM] Name" header and a message's "(edited)" mark: the chat's, not the clause's."""
    text = (
        "[10:40 AM] Priya Nair\n"
        "Resolution on Quiet Hours\n"
        "[10:42 AM] Priya Nair\n"
        "Whereas, residents asked for quiet hours after 10 p.m.;\n"
        "Resolved, That the board adopts quiet hours from 10 p.m. to 7 a.m. (edited)\n"
        "[10:44 AM] Sam Okoye\n"
        "agreed, let's vote\n"
    )
    [r] = whereas.parse(text)
    assert r.title is not None and r.title.text == "Resolution on Quiet Hours"
    assert r.resolved[0].text == "Resolved, That the board adopts quiet hours from 10 p.m. to 7 a.m."
    assert "agreed" not in " ".join(_clauses(r))


def test_one_line_with_a_time_is_no_chat() -> None:
    """A single name-and-time line ("Regular Meeting 7:00 PM") is the document's; so are two such lines of a
    meeting's record."""
    text = (
        "Regular Meeting 7:00 PM\n"
        "Resolution on Quiet Hours\n\n"
        "Whereas, residents asked for quiet hours after 10 p.m.;\n\n"
        "Resolved, That the board adopts quiet hours. (edited)\n"
    )
    [r] = whereas.parse(text)
    assert r.resolved[0].text.endswith("(edited)")


# -- Obsidian and Notion -----------------------------------------------------------------------------------------

OBSIDIAN = (
    "# Resolution on Tool Library Hours\n\n"
    "> [!info] Where this comes from\n"
    "> Drafted after the [[2025-03 Members Meeting|March meeting]].\n\n"
    "**Sponsors:** [[Noor Haddad]], [[Pieter van Dijk|Pieter van Dijk]] (Tool Library)\n\n"
    "**WHEREAS**, the tool library opens only on Saturdays (see [[Opening Hours]]); and\n\n"
    "**WHEREAS**, members working weekends cannot borrow tools;\n\n"
    "**RESOLVED**, That the tool library also opens on Wednesday evenings:\n\n"
    "1. from 6 p.m. to 8 p.m.;\n"
    "2. starting in May.\n\n"
    "> [!warning]\n"
    "> Check the volunteer rota before the vote. ^rota-check\n"
)


def test_obsidian_links_callouts_and_block_ids() -> None:
    """Wiki links read as their shown text (in a sponsor's name and a clause), a callout is no block quotation and
    its lines go on no item, a block's id is no word."""
    [r] = whereas.parse(OBSIDIAN)
    assert r.title is not None and r.title.text == "Resolution on Tool Library Hours"
    assert r.sponsors.others == ("Noor Haddad", "Pieter van Dijk (Tool Library)")
    assert r.preamble[0].text == "WHEREAS, the tool library opens only on Saturdays (see Opening Hours); and"
    assert [i.text for i in r.resolved[0].items] == ["from 6 p.m. to 8 p.m.;", "starting in May."]
    assert r.quotations == ()
    _mapped_exactly(OBSIDIAN, r)


def test_a_resolution_inside_a_callout_is_read() -> None:
    """A callout that holds the resolution itself: its lines are the resolution's."""
    text = (
        "> [!abstract] Draft\n"
        "> Resolution on Tool Library Hours\n"
        ">\n"
        "> WHEREAS, members working weekends cannot borrow tools;\n"
        ">\n"
        "> RESOLVED, That the tool library opens on Wednesday evenings. ^draft\n"
    )
    [r] = whereas.parse(text)
    assert _clauses(r) == [
        "WHEREAS, members working weekends cannot borrow tools;",
        "RESOLVED, That the tool library opens on Wednesday evenings.",
    ]
    assert r.quotations == ()
    assert not r.reproduced


def test_notion_properties_are_no_title() -> None:
    """A Notion page's property lines at the top ("Status: Draft", "Tags: …") are metadata: no title."""
    text = (
        "Status: Draft\n"
        "Tags: tools, hours\n"
        "Created: March 3, 2025 9:14 AM\n\n"
        "WHEREAS, members working weekends cannot borrow tools;\n\n"
        "RESOLVED, That the tool library opens on Wednesday evenings.\n"
    )
    [r] = whereas.parse(text)
    assert r.title is None
    [r] = whereas.parse("# Resolution on Tool Library Hours\n\n" + text)
    assert r.title is not None and r.title.text == "Resolution on Tool Library Hours"
