"""A town's or a city's resolution whose title names its clerk ("A RESOLUTION AUTHORIZING THE TOWN CLERK TO APPLY FOR
A GRANT …") under its number line: the number and the title together are the title, as for one that names no clerk;
a clerk's own line above the resolution stays no part of it.  The texts are invented."""

from __future__ import annotations

import pytest

import whereas

BODY = (
    "WHEREAS, the Town's oldest records are kept in a damp vault; and\n\n"
    "WHEREAS, the State offers grants to copy such records;\n\n"
    "NOW, THEREFORE, BE IT RESOLVED, that the Town Council approves the application.\n"
)


@pytest.mark.parametrize(
    "name",
    [
        "A RESOLUTION AUTHORIZING THE TOWN CLERK TO APPLY FOR A GRANT FOR THE COPYING OF PERMANENT RECORDS",
        "A Resolution Authorizing the City Clerk to Destroy Obsolete Records",
        "Resolution directing the Village Clerk to publish notice of a hearing",
        "AN ORDINANCE AMENDING CHAPTER 2 OF THE TOWN CODE CONCERNING THE TOWN CLERK",
    ],
)
def test_a_title_that_names_the_clerk_is_the_title(name: str) -> None:
    [r] = whereas.parse(f"RESOLUTION 31-R-044\n\n{name}\n\n{BODY}")
    assert r.title is not None
    assert r.title.text == f"RESOLUTION 31-R-044 {name}"


@pytest.mark.parametrize("clerk", ["Attest: Mary Doyle, Town Clerk", "Filed in the office of the Town Clerk"])
def test_a_clerks_line_is_no_part_of_the_title(clerk: str) -> None:
    [r] = whereas.parse(f"RESOLUTION 31-R-044\n\nA RESOLUTION APPROVING A GRANT APPLICATION\n\n{clerk}\n\n{BODY}")
    assert r.title is not None
    assert r.title.text == "RESOLUTION 31-R-044 A RESOLUTION APPROVING A GRANT APPLICATION"
