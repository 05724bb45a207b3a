"""A news article that reproduces a resolution: its headline, its byline with the reporter's role and the dateline
("By Megan Torres, Staff Writer | Published October 9, 2025"), the story, then the resolution's text.  The byline is
never the resolution's title, nor part of one, nor a sponsor.  The texts are invented."""

from __future__ import annotations

import pytest

import whereas

STORY = (
    "HARLOW — The Harlow Town Council voted 5-2 on Monday to adopt a resolution asking for a crossing guard.\n\n"
    "The full text of the resolution, as adopted, reads:\n\n"
    "WHEREAS, forty children cross Mill Road each morning; and\n\n"
    "WHEREAS, two of them were struck by cars last winter;\n\n"
    "NOW, THEREFORE, BE IT RESOLVED that the Town Council asks the school district to post a crossing guard on Mill "
    "Road.\n"
)


@pytest.mark.parametrize(
    "byline",
    [
        "By Megan Torres, Staff Writer | Published October 9, 2031",
        "By Ana Ruiz and Li Wei · Oct. 9, 2031",
        "By Dev Patel, The Harlow Gazette — Updated 9 October 2031",
    ],
)
@pytest.mark.parametrize("markdown", [False, True])
def test_a_byline_is_no_title(byline: str, markdown: bool) -> None:
    headline = "Council backs crossing guard for Mill Road in 5-2 vote"
    text = f"{'# ' if markdown else ''}{headline}\n\n{byline}\n\n{STORY}"
    [r] = whereas.parse(text)
    assert r.title is None or r.title.text == headline
    assert not r.sponsors.others
