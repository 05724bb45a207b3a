"""GitHub issue forms: "### Label" headings, each with its value below ("_No response_" when left empty); the title is
the value under "Resolution title" (or "Title"), the sponsors the value under "Sponsor(s)". Every text is invented."""

from __future__ import annotations

import whereas
from whereas.model import Resolution

BODY = (
    "WHEREAS, the river path floods every spring; now, therefore,\n\n"
    "BE IT RESOLVED that the Board supports raising the river path.\n"
)


def one(text: str) -> Resolution:
    [r] = whereas.parse(text)
    return r


ISSUE = (
    "### Resolution title\n\nAdopting a Travel Fund Policy for Volunteers\n\n### Sponsor(s)\n\n"
    "@okwu (Finance Team), @l-marin (Events Team)\n\n### Target meeting\n\nBoard meeting, June 2026\n\n"
    "### Resolution text\n\n" + BODY + "\n### Anything else?\n\n_No response_\n"
)


def test_an_issue_forms_title_is_the_value_under_its_title_heading() -> None:
    r = one(ISSUE)
    assert r.title is not None and r.title.text == "Adopting a Travel Fund Policy for Volunteers"


def test_an_issue_forms_sponsors_are_the_value_under_its_sponsors_heading() -> None:
    r = one(ISSUE)
    assert r.sponsors.others == ("@okwu (Finance Team)", "@l-marin (Events Team)")


def test_an_issue_form_without_a_title_has_none() -> None:
    text = "### Title\n\n_No response_\n\n### Target meeting\n\nBoard meeting, June 2026\n\n### Resolution text\n\n"
    r = one(text + BODY)
    assert r.title is None
    assert not r.sponsors


def test_a_name_field_is_no_title_field() -> None:
    text = "### Name\n\nJane Okafor\n\n### Resolution title\n\nAdopting a Travel Fund Policy\n\n### Resolution text\n\n"
    r = one(text + BODY)
    assert r.title is not None and r.title.text == "Adopting a Travel Fund Policy"
