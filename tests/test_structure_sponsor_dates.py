"""A sponsor's line that ends with the date it was endorsed or submitted ("Endorsed by: Executive Board, October 1,
2025"): the date is no sponsor, nor are its parts.  The texts are invented."""

from __future__ import annotations

import pytest

import whereas

BODY = (
    "WHEREAS, the laundry workers have been on strike since September; and\n\n"
    "WHEREAS, the council stands with workers who stand up for themselves;\n\n"
    "THEREFORE BE IT RESOLVED that the council endorses the strike.\n"
)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Endorsed by: Executive Board, October 1, 2031", ("Executive Board",)),
        ("Endorsed by: Executive Board, 1 October 2031", ("Executive Board",)),
        ("Sponsors: Jane Roe; John Poe, 10/01/2031", ("Jane Roe", "John Poe")),
        ("Co-sponsored by: Harbor Local 4, Sept. 30, 2031", ("Harbor Local 4",)),
    ],
)
def test_a_date_after_a_sponsor_is_no_sponsor(line: str, names: tuple[str, ...]) -> None:
    [r] = whereas.parse(f"Resolution 31-19: In Support of the Strikers\n\n{line}\n\n{BODY}")
    assert r.sponsors.others == names
