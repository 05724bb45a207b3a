"""A paragraph that announces "the following preamble and resolutions" makes every paragraph between it and the
first resolving clause a recital, whatever its opening words ("It must be admitted that …"); and an old book's
single quotation mark set off by a space after the stop ("… utterly wasted. '") closes its quotation."""

from __future__ import annotations

import whereas

#: a magazine article quoting a convention's preamble (two paragraphs without "Whereas") and resolutions
ARTICLE = """\
---
title: "The Convention at Dayton"
author: "A. Writer"
publication: "The Weekly Observer"
---

# The Convention at Dayton.

The convention met for two days, and its work is expressed in the following preamble and resolutions, which were unanimously adopted:—

> It must be granted that the river is the life of the valley and that every town along it depends on its water, as the old saying has it, 'The town that fouls the river shall go thirsty. ' A truth the first settlers knew well.

> This convention is convinced that the mills upstream have fouled the water for ten years and that the towns below cannot wait longer; therefore,
> *Resolved,* That the mills be asked to stop their discharges before the spring.
> *Resolved,* That a committee carry this resolution to the county board.

The rest of the meeting was given to speeches on the history of the valley.
"""

#: a council's minutes: a member offers a preamble of two plain paragraphs and a resolution
MINUTES = """\
Minutes of the regular meeting, March 4, 1901.

Mr. Hale offered the following preamble and resolution, which was adopted:

The bridge on Mill Street has been closed since the flood of last autumn, and the farmers north of the
creek must drive four miles around to reach the market.

The county engineer has reported that the bridge can be repaired for less than two thousand dollars.

Resolved, That the clerk advertise for bids to repair the Mill Street bridge.
"""


def _recitals(text: str) -> list[str]:
    [r] = whereas.parse(text)
    return [" ".join(c.text.split()) for c in r.preamble]


def test_every_paragraph_of_an_announced_preamble_is_a_recital() -> None:
    article = _recitals(ARTICLE)
    assert len(article) == 2
    assert article[0].startswith("It must be granted that the river")
    assert article[1].startswith("This convention is convinced")
    minutes = _recitals(MINUTES)
    assert [m.split()[:3] for m in minutes] == [["The", "bridge", "on"], ["The", "county", "engineer"]]


def test_the_resolutions_and_the_article_stay_as_they_were() -> None:
    [r] = whereas.parse(ARTICLE)
    assert [c.text.split()[1] for c in r.resolved] == ["That", "That"]
    assert not any("speeches" in c.text for c in (*r.preamble, *r.resolved))
    [m] = whereas.parse(MINUTES)
    assert [" ".join(c.text.split()) for c in m.resolved] == [
        "Resolved, That the clerk advertise for bids to repair the Mill Street bridge."
    ]


def test_without_the_announcement_a_plain_paragraph_is_no_recital() -> None:
    """Minutes that only say "offered the following resolution": the narrative above it is not a preamble."""
    plain = MINUTES.replace("following preamble and resolution", "following resolution")
    assert not any(r.startswith("The bridge") for r in _recitals(plain))


def test_a_single_mark_spaced_off_after_the_stop_closes_the_quotation() -> None:
    [r] = whereas.parse(ARTICLE)
    quoted = [" ".join(q.text.split()) for q in r.quotations]
    assert quoted == ["The town that fouls the river shall go thirsty."]
