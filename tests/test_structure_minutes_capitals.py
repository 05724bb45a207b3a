"""Council minutes that record the mover and the seconder in capitals right under the resolution ("MOVED Cr
Harrington" / "SECONDED Cr Nguyen", "PROPOSED Cllr Day, SECONDED Cllr Whitlock. CARRIED."), with no item, motion or
minute number elsewhere in the text: the lines are sponsor lines, not the last clause's words.  The texts are
invented."""

from __future__ import annotations

import pytest

import whereas

TEXT = (
    "DOG LEASH RULE FOR THE FORESHORE\n\n"
    "WHEREAS, dogs run loose on the foreshore; and\n\n"
    "WHEREAS, residents have asked for a leash rule;\n\n"
    "RESOLVED, that Council adopts the dog leash rule for the foreshore.\n"
    "{vote}\n\nNext business.\n"
)


@pytest.mark.parametrize(
    ("vote", "mover", "seconder"),
    [
        ("MOVED Cr Harrington\nSECONDED Cr Nguyen", "Cr Harrington", "Cr Nguyen"),
        ("MOVED Cr Walker, SECONDED Cr Ngata. CARRIED", "Cr Walker", "Cr Ngata"),
        ("PROPOSED Cllr Day, SECONDED Cllr Whitlock. CARRIED.", "Cllr Day", "Cllr Whitlock"),
    ],
)
def test_the_mover_and_seconder_in_capitals(vote: str, mover: str, seconder: str) -> None:
    [r] = whereas.parse(TEXT.format(vote=vote))
    assert (r.sponsors.mover, r.sponsors.seconder) == (mover, seconder)
    assert r.resolved[-1].text.endswith("for the foreshore.")
