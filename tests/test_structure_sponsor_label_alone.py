"""A legislature's web page that prints its sponsor's label alone on a line, without a colon ("Sponsored By" over
"Jane Q. Member (D) 12th Senate District"): the label and its value are the sponsor, never part of the title below
them.  The texts are invented."""

from __future__ import annotations

import pytest

import whereas

TITLE = "LEGISLATIVE RESOLUTION honoring the Maple Grove Library upon the occasion of its 100th Anniversary"
BODY = (
    "WHEREAS, The Maple Grove Library has served its village for a century; and\n\n"
    "WHEREAS, Its readers will mark the anniversary with a fair; now, therefore, be it\n\n"
    "RESOLVED, That this Legislative Body honor the Maple Grove Library.\n"
)


@pytest.mark.parametrize("label", ["Sponsored By", "Introduced by", "**Sponsored by**", "SUBMITTED BY"])
def test_a_label_alone_without_a_colon_names_the_sponsor(label: str) -> None:
    text = f"# Senate Resolution No. 512\n\n{label}\n\nJane Q. Member (D) 12th Senate District\n\n{TITLE}\n\n{BODY}"
    [r] = whereas.parse(text)
    assert r.title is not None
    assert r.title.text == TITLE
    names = [r.sponsors.submitted_by, *r.sponsors.others]
    assert [n for n in names if n] == ["Jane Q. Member (D) 12th Senate District"]


def test_prose_that_ends_with_by_is_no_label() -> None:
    text = f"# Senate Resolution No. 512\n\nThe resolution below was written by\n\nthe library's friends.\n\n{TITLE}\n\n{BODY}"
    [r] = whereas.parse(text)
    assert not r.sponsors.others and r.sponsors.submitted_by is None
