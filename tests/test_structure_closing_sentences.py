"""The sentence printed under a resolving clause's list, the last words of the resolution ("The choice is up to
the individual projects."), is the clause's end: only a keyword starts a new clause.  Commentary under the list
(a paragraph about the resolution or what it will do, the vote, several sentences, an article going on) is not."""

from __future__ import annotations

import whereas


def _last_clause(text: str) -> str:
    [r] = whereas.parse(text)
    return " ".join(r.resolved[-1].text.split())


#: a project's resolution in reStructuredText: bullets under "…:", one sentence after them, a note directive
OPTIONS_RST = """\
Build Hosts
===========

Whereas the build farm runs out of disk every week.

It is resolved that release builds run on one, and only one, of three hosts,
each with its own owner:

* The shared build farm, owned by the infrastructure team.
* A dedicated host, owned by the release team.
* A sponsor's host, owned by the sponsor.

The choice is up to each project, in consultation with the release team.

.. note:: Nothing is said here about the tooling the builds use.

.. _farm: https://example.org/farm
"""

#: a club's minutes in plain text: a numbered list under "…:", one sentence after it, then the adoption line
NUMBERED_TXT = """\
WHEREAS the hall is booked twice on most Fridays;

RESOLVED, that bookings of the hall follow these rules:

1. A booking is made at least a week ahead.
2. A member may hold two Fridays a month.

Disputes between members are settled by the secretary.

Adopted this 3rd day of May, 2024.
"""


def test_a_sentence_under_the_list_ends_the_clause() -> None:
    assert _last_clause(OPTIONS_RST).endswith(
        "owned by the sponsor. The choice is up to each project, in consultation with the release team."
    )
    assert _last_clause(NUMBERED_TXT).endswith(
        "two Fridays a month. Disputes between members are settled by the secretary."
    )


def test_the_items_stay_the_lists_entries() -> None:
    [r] = whereas.parse(NUMBERED_TXT)
    assert [i.label for i in r.resolved[-1].items] == ["1", "2"]
    assert r.resolved[-1].items[-1].text.rstrip().endswith("two Fridays a month.")


def test_commentary_under_the_list_stays_out() -> None:
    commentary = OPTIONS_RST.replace(
        "The choice is up to each project, in consultation with the release team.",
        "This change will lower the load on the farm.",
    )
    assert _last_clause(commentary).endswith("owned by the sponsor.")
    two_sentences = NUMBERED_TXT.replace(
        "Disputes between members are settled by the secretary.",
        "Disputes are rare. The secretary has settled three since 2019.",
    )
    assert _last_clause(two_sentences).endswith("two Fridays a month.")
    the_vote = NUMBERED_TXT.replace(
        "Disputes between members are settled by the secretary.", "The motion carried by a show of hands."
    )
    assert _last_clause(the_vote).endswith("two Fridays a month.")


def test_a_sentence_followed_by_more_prose_stays_out() -> None:
    """An article that goes on after the quoted resolution: its next sentence is the article's, and so is the
    paragraph after it."""
    article = NUMBERED_TXT.replace(
        "Adopted this 3rd day of May, 2024.", "Members at the meeting said the old rules had worked for years."
    )
    assert _last_clause(article).endswith("two Fridays a month.")


def test_a_list_the_clause_did_not_introduce_keeps_no_sentence() -> None:
    """Items under a clause that ends its own sentence (no ":") are no list it introduced."""
    text = NUMBERED_TXT.replace("follow these rules:", "follow the rules below.")
    assert _last_clause(text).endswith("two Fridays a month.")
