"""Items of a printed, often double-spaced resolution: a decimal paragraph number ("1.0 Section 21080 …") is an item's
label, and the lettered sub-list its sentence introduces ("… for the purpose of:" / "(A) …" / "(B) …") is that
item's (one level); a double-spaced item's sentence runs on over its blank lines; a joiner set in under an item's
words ("•   Schedule 6 (…);" / "      and") is the item's last word, one at the margin joins two clauses."""

from __future__ import annotations

import whereas
from whereas.model import Clause, Item

#: a utility board's resolution as a PDF's text gives it: double-spaced, the section's paragraph numbered "1.0" with
#: a first-line indent, its sub-list "(A)"/"(B)" on a ragged margin, then the section's next sentence
DOUBLE_SPACED = """\
RESOLUTION NO. 7

WHEREAS, the district sets its rates each year; and

NOW, THEREFORE, BE IT RESOLVED BY THE BOARD OF DIRECTORS OF THE DISTRICT:

          Section 1.     Environmental Review

          1.0 Section 210 of the Utility Code and

Section 15 of the Review Guidelines provide that the review

does not apply to the approval of rates which the district finds

are for the purpose of:

          (A)     meeting operating expenses, including wages and

                  benefits;

           (B)      obtaining funds for capital projects.

           This Board finds that the new rates are for these purposes.

          Section 2.     The General Manager shall publish the rates.
"""

#: a policy adopted in one resolving clause, its paragraphs numbered "1.0", "2.0", single-spaced
POLICY = """\
WHEREAS, the district owns forty vehicles;

RESOLVED, that the Board adopts the following vehicle policy:

1.0 Scope. This policy covers every vehicle the district owns.

2.0 Use. A vehicle is used for district business only.

3.0. Records. Each trip is logged.
"""


def _items(clause: Clause) -> list[tuple[str, str]]:
    return [(i.label, " ".join(i.text.split())) for i in clause.items]


def _last(items: list[Item]) -> str:
    return " ".join(items[-1].text.split())


def test_a_decimal_paragraph_number_is_an_items_label() -> None:
    [r] = whereas.parse(POLICY)
    assert [label for label, _ in _items(r.resolved[0])] == ["1.0", "2.0", "3.0"]
    assert _items(r.resolved[0])[1] == ("2.0", "Use. A vehicle is used for district business only.")


def test_its_lettered_sub_list_is_the_items_and_the_section_goes_on_after_it() -> None:
    [r] = whereas.parse(DOUBLE_SPACED)
    section = r.resolved[0]
    assert [label for label, _ in _items(section)] == ["1.0"]
    text = _items(section)[0][1]
    assert "does not apply to the approval of rates" in text
    assert text.endswith("(B) obtaining funds for capital projects.")
    assert " ".join(section.text.split()).endswith("This Board finds that the new rates are for these purposes.")


def test_a_number_at_a_wrapped_lines_start_is_no_label() -> None:
    [r] = whereas.parse("WHEREAS, rates rose;\n\nRESOLVED, that the rate rise by\n3.0 percent next year.\n")
    assert r.resolved[0].items == ()


#: a recital's bullet list, double-spaced: one entry's "and" wrapped onto a line of its own, set in under its words
TARIFF = """\
WHEREAS, the tariff includes:

              •   Schedule 1 (Scheduling Service); and

              •   Schedule 2 (Reactive Supply Service);

                  and

              •   Schedule 3 (Regulation Service); and

RESOLVED, that the tariff is approved.
"""

#: the same wrap in a numbered list of a resolving clause
NUMBERED = """\
WHEREAS, the park needs care;

RESOLVED, that the Board directs staff to:

    1.   mow the lawns each week;

    2.   repair the fences before the fair;

         or

    3.   close the park.
"""


def test_a_joiner_set_in_under_the_items_words_is_the_items_last_word() -> None:
    [t] = whereas.parse(TARIFF)
    assert _last(list(t.preamble[0].items[:2])) == "Schedule 2 (Reactive Supply Service); and"
    [n] = whereas.parse(NUMBERED)
    assert _last(list(n.resolved[0].items[:2])) == "repair the fences before the fair; or"


def test_a_joiner_at_the_margin_stays_out_of_the_item() -> None:
    """Between a list and the next clause, "and" alone at the list's margin joins the two clauses."""
    text = """\
WHEREAS, the city must serve its people;

RESOLVED, that the city provides the following services:

1. Police protection
2. Fire protection
3. Street lighting

and

RESOLVED FURTHER, that the city reports on them each year.
"""
    [r] = whereas.parse(text)
    assert _last(list(r.resolved[0].items)) == "Street lighting"


# -- an item's wrapped line cut by the text view ---------------------------------------------------------------

#: a state senate's resolution as its text view prints it: a blank line wherever the page broke, here inside item b
#: (and between its paragraphs)
CUT_BY_A_PAGE = """\
  WHEREAS, the legislature declares that:
.
  a. Although the records kept by the State are incomplete and in some
places unclear, the Legislature has passed several such calls; and
.
  b. It is unclear as a matter of constitutional law whether these calls
ever expire, and current generations may now be bound by decisions  made
.
in  a  different  time  and  culture, which should not bind the future
generations; now, therefore, be it
.
  RESOLVED, That the Legislature rescinds every prior application.
""".replace("\n.\n", "\n \n")  # (its "blank" lines hold one space)

#: a numbered list whose first entry a page break cut after a full line (the page's header already gone)
CUT_IN_A_LIST = """\
WHEREAS, the agency will run two grant programs, open to every state and territory:

(1) Solar for All, a grant competition for sixty awards between the states,
tribal nations, and the territories of the nation, with a preference for

geographic and demographic diversity, to install solar panels in towns;

(2) The Clean Fund, used to give lenders capital for local projects; and

RESOLVED, that the Assembly supports the programs.
"""


def test_an_item_runs_on_over_the_cut_of_its_wrapped_line() -> None:
    [r] = whereas.parse(CUT_BY_A_PAGE)
    assert _last(list(r.preamble[0].items)).endswith(
        "bound by decisions made in a different time and culture, which should not bind the future generations"
    )
    [g] = whereas.parse(CUT_IN_A_LIST)
    items = _items(g.preamble[0])
    assert [label for label, _ in items] == ["1", "2"]
    assert items[0][1].endswith(
        "with a preference for geographic and demographic diversity, to install solar panels in towns;"
    )


def test_the_sentence_a_list_of_short_entries_interrupted_is_no_items() -> None:
    text = """\
WHEREAS, the plan supports tests that are located in any of

* the shared repository
* a project plugin

as long as they can be run by the tool; and

RESOLVED, that the plan is adopted.
"""
    [r] = whereas.parse(text)
    assert _last(list(r.preamble[0].items)) == "a project plugin"
