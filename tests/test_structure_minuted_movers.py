"""Minutes that record who moved a resolution and who seconded it in a sentence: a faculty senate's "Senator
Okonkwo (Chemistry) moved, on behalf of the Academic Affairs Committee, the following resolution; Senator Patel
(History) seconded.", a board's "moved by Trustee Lee and seconded by Trustee Park", a Commonwealth assembly's
votes and proceedings with "Hon. Tunde Oyeleye (Akure South I) seconded." under the motion.  The texts are
invented."""

from __future__ import annotations

import pytest

import whereas

BODY = (
    "Whereas, the faculty hold primary responsibility for the curriculum; and\n\n"
    "Whereas, program review does not include elected faculty; now, therefore, be it\n\n"
    "Resolved, that the Faculty Senate asks the Provost to seat two elected faculty on every review committee.\n"
)


@pytest.mark.parametrize(
    ("intro", "mover", "seconder"),
    [
        (
            "4. Resolution FS 31-06 on Program Review. Senator Okonkwo (Chemistry) moved, on behalf of the Academic "
            "Affairs Committee, the following resolution; Senator Patel (History) seconded.",
            "Senator Okonkwo (Chemistry)",
            "Senator Patel (History)",
        ),
        (
            "Senator Okonkwo moved, on behalf of the Academic Affairs Committee, the following resolution; Senator "
            "Patel seconded.",
            "Senator Okonkwo",
            "Senator Patel",
        ),
        (
            "The following resolution was moved by Trustee Lee and seconded by Trustee Park:",
            "Trustee Lee",
            "Trustee Park",
        ),
        (
            "Senator Okonkwo moved the following resolution, seconded by Senator Patel:",
            "Senator Okonkwo",
            "Senator Patel",
        ),
    ],
)
def test_the_mover_and_seconder_in_the_minutes_sentence(intro: str, mover: str, seconder: str) -> None:
    [r] = whereas.parse(f"{intro}\n\nResolution FS 31-06: On Program Review\n\n{BODY}")
    assert (r.sponsors.mover, r.sponsors.seconder) == (mover, seconder)


@pytest.mark.parametrize(
    ("line", "seconder"),
    [
        ("Hon. Tunde Oyeleye (Akure South I) seconded.", "Hon. Tunde Oyeleye (Akure South I)"),
        ("Hon. Grace Musa seconded the motion.", "Hon. Grace Musa"),
    ],
)
def test_a_seconders_line_under_the_motion(line: str, seconder: str) -> None:
    text = (
        "MOTION\n\nNeed to Repair the Ore Road\n\nHon. Kemi Bello (Ore Constituency) moved:\n\n"
        "WHEREAS, the Ore road is the only road to the market; and\n\nWHEREAS, it floods each year;\n\n"
        "RESOLVED, that the House urges the State Government to repair it.\n\n"
        f"{line}\n\nQuestion put and agreed to.\n"
    )
    [r] = whereas.parse(text)
    assert r.sponsors.mover == "Hon. Kemi Bello (Ore Constituency)"
    assert r.sponsors.seconder == seconder


def test_a_member_who_moved_elsewhere_is_no_mover() -> None:
    """A sentence that says a member moved, without introducing the resolution or naming a seconder, names no mover."""
    [r] = whereas.parse(f"Senator Okonkwo moved to the Chemistry department in 2019.\n\n{BODY}")
    assert r.sponsors.mover is None
