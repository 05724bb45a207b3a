"""A co-op's or a club's member resolution: the organisation and the meeting above a "Resolution: …" line that names
it, and the members who submit it named after what they are ("Submitted by member-owners Dana Kowalski (#4471), …,
and 61 additional member-owners").  The labelled value is the title; the members named are the sponsors, without
their member numbers or the others counted after them.  The texts are invented."""

from __future__ import annotations

import pytest

import whereas

BODY = (
    "Whereas, the Co-op sells coffee from one roaster only; and\n\n"
    "Whereas, members have asked for fair-trade coffee;\n\n"
    "Therefore, be it resolved, that the members ask the Board to stock fair-trade coffee.\n"
)


@pytest.mark.parametrize(
    "header",
    [
        "HILLTOP FOOD CO-OP\nMember Resolution for the Annual Meeting of Members, May 3, 2026\n\n",
        "Riverbend Credit Union\n2026 Annual Meeting of Members\n\n",
    ],
)
def test_the_labelled_name_is_the_title(header: str) -> None:
    text = f"{header}Resolution: Stocking Fair-Trade Coffee in Both Stores\n\nSubmitted by members Ana Ruiz and Li Wei\n\n{BODY}"
    [r] = whereas.parse(text)
    assert r.title is not None
    assert r.title.text == "Stocking Fair-Trade Coffee in Both Stores"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "Submitted by member-owners Ana Ruiz (#4471), Li Wei (#10982),\nand 48 additional member-owners (petition on file)",
            ["Ana Ruiz", "Li Wei"],
        ),
        ("Submitted by members Ana Ruiz (No. 12) and Li Wei (No. 40)", ["Ana Ruiz", "Li Wei"]),
        (
            "Submitted by shareholders Ana Ruiz, Li Wei and Tom Park, and 12 other shareholders",
            ["Ana Ruiz", "Li Wei", "Tom Park"],
        ),
    ],
)
def test_the_members_named_are_the_sponsors(line: str, names: list[str]) -> None:
    text = f"HILLTOP FOOD CO-OP\n\nResolution: Stocking Fair-Trade Coffee in Both Stores\n\n{line}\n\n{BODY}"
    [r] = whereas.parse(text)
    assert [r.sponsors.submitted_by, *r.sponsors.others] == names


@pytest.mark.parametrize("value", ["Resolution: R-2026-14", "Resolution: Carried", "Resolution: No. 14 of 2026"])
def test_a_number_or_an_outcome_after_the_label_is_no_title(value: str) -> None:
    [r] = whereas.parse(f"Stocking Fair-Trade Coffee\n\n{value}\n\n{BODY}")
    assert r.title is None or not r.title.text.startswith(value.split(": ")[1])
