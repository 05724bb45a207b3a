"""A section whose number lost its period before its heading ("Section 5 Amendment or Repeal.") opens a section
like "Section 5." does: on a line of its own, or cut out of a line that a text which lost its line breaks ran on
("… or repeal. Section 5 Amendment or Repeal."); its paragraphs up to the next section are its own."""

from __future__ import annotations

import whereas

#: an ordinance as a wiki page gives it: each section's heading run onto the end of the paragraph above
RUN_ON = """\
WHEREAS, the city wants its farmland kept;

NOW, THEREFORE, THE PEOPLE OF THE CITY OF ELMWOOD DO HEREBY ORDAIN AS FOLLOWS:

Section 1. The farmland map is adopted.

Section 2. Effective Date.

This Ordinance takes effect on its adoption by the voters. Section 3 Amendment or Repeal.

This Ordinance may be amended or repealed only by the voters. Section 4. Severability.

If any word of this Ordinance is held invalid, the rest remains valid.
"""

#: a board's resolution whose typist left out one section's period, the heading on a line of its own
OWN_LINE = """\
WHEREAS, the budget is ready;

NOW, THEREFORE, BE IT RESOLVED BY THE BOARD OF THE DISTRICT AS FOLLOWS:

Section 1. The budget is approved.

Section 2 Quarterly Reports.

The treasurer reports to the Board each quarter.

Section 3. This resolution takes effect at once.
"""


def _resolved(text: str) -> list[str]:
    [r] = whereas.parse(text)
    return [" ".join(c.text.split()) for c in r.resolved]


def test_a_run_on_section_heading_without_its_period_opens_the_section() -> None:
    assert _resolved(RUN_ON) == [
        "Section 1. The farmland map is adopted.",
        "Section 2. Effective Date. This Ordinance takes effect on its adoption by the voters.",
        "Section 3 Amendment or Repeal. This Ordinance may be amended or repealed only by the voters.",
        "Section 4. Severability. If any word of this Ordinance is held invalid, the rest remains valid.",
    ]


def test_a_section_heading_without_its_period_on_its_own_line() -> None:
    assert _resolved(OWN_LINE) == [
        "Section 1. The budget is approved.",
        "Section 2 Quarterly Reports. The treasurer reports to the Board each quarter.",
        "Section 3. This resolution takes effect at once.",
    ]


def test_a_reference_to_a_section_is_no_heading() -> None:
    """ "Section 2 of the Charter applies." is a sentence (words in lower case), not section 2's heading."""
    text = OWN_LINE.replace("Section 2 Quarterly Reports.", "Section 2 of the Charter applies.")
    clauses = [" ".join(c.text.split()) for r in whereas.parse(text) for c in r.resolved]
    assert "Section 1. The budget is approved. Section 2 of the Charter applies." in clauses
