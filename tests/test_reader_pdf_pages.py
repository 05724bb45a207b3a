"""Pages laid out in ways that a line-by-line reading mixes up (trial 15): two columns, a watermark drawn
across the text, and a web page printed from a browser with its header and footer on every page."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

import whereas
from conftest import FIXTURES
from whereas.model import Resolution
from whereas.readers.pdf import read_pdf
from whereas.readers.pdf_layout import read_columns


def _load(name: str) -> Callable[..., bytes]:
    spec = importlib.util.spec_from_file_location("pdf_builder", FIXTURES / "pdf_builder.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name)  # type: ignore[no-any-return]


build_pdf = _load("build_pdf")
build_placed_pdf = _load("build_placed_pdf")


def parse_pdf(data: bytes) -> Resolution:
    [r] = whereas.parse(read_pdf(data, "x.pdf").text)
    return r


def texts(items: list[Any]) -> list[str]:
    return [item.text for item in items]


HEADER = "11/30/26, 9:05 PM  Resolution 2026-07: Library Hours | Marsh County Association of Library Trustees"
FOOTER = "https://www.marshlibraries.example.org/policy/resolutions/2026-07-library-hours.html   {}/2"


def test_a_browser_s_print_header_is_page_furniture_on_every_page() -> None:
    """Chrome prints the date and time and the page's title atop every page: longer than a running header's shape,
    and on the first page above the resolution's own title; it is neither the title nor part of a clause."""
    pdf = build_pdf(
        [
            [
                HEADER,
                "",
                "Resolution 2026-07: Extending Library Hours",
                "",
                "WHEREAS, the branch libraries close at 6 p.m. on weekdays; and",
                "",
                "WHEREAS, working families cannot visit them before then; now, therefore, be it",
                "",
                "RESOLVED, that the Association urges every county to keep its branches open",
                FOOTER.format(1),
            ],
            [
                HEADER,
                "until 9 p.m. at least two weekdays a week.",
                "",
                "",
                FOOTER.format(2),
            ],
        ]
    )
    r = parse_pdf(pdf)
    assert r.title is not None and r.title.text == "Resolution 2026-07: Extending Library Hours"
    assert texts(r.resolved) == [
        "RESOLVED, that the Association urges every county to keep its branches open until 9 p.m. at least two"
        " weekdays a week."
    ]


STAMPED = [
    "Resolution 2026-03: Shade Trees on Campus",
    "",
    "Whereas, a survey of 1,406 students found that 38 percent had",
    "missed class at least once because the walk had no shade; and",
    "",
    "Whereas, the trees cost little; therefore, be it",
    "",
    "Resolved, that the Senate allocates $12,000 to the program.",
]


def _stamped(stamp: list[tuple[float, float, str, float, float]]) -> bytes:
    lines = [(72.0, 720.0 - 14 * i, line) for i, line in enumerate(STAMPED) if line]
    return build_placed_pdf([lines + stamp])


def test_a_watermark_drawn_across_the_page_is_left_out() -> None:
    """A "DRAFT" stamp turned across the page is read into the lines it crosses ("hadDRAFT", "DR AFT" after the
    last clause) unless turned text is left out."""
    for stamp in (
        [(150.0, 560.0, "DRAFT", 120, 40)],
        [(150.0, 560.0, "DR", 120, 40), (250.0, 640.0, "AFT", 120, 40)],
        [(100.0, 500.0, "CONFIDENTIAL", 60, -30)],
        [(120.0, 650.0, "DRAFT", 100, 0)],  # set level, in letters many times the text's
    ):
        text = read_pdf(_stamped(stamp), "stamped.pdf").text
        assert "DR" not in text and "AFT" not in text and "CONFIDENTIAL" not in text
        assert "38 percent had\nmissed class" in text
        r = parse_pdf(_stamped(stamp))
        assert texts(r.resolved) == ["Resolved, that the Senate allocates $12,000 to the program."]


def test_turned_text_that_is_more_than_a_stamp_stays() -> None:
    """Turned text of many words in the body's size is the page's own (a label along a chart), and so is a stamp's
    word on a page with nothing else to read: only a few turned words over a page of text are a watermark."""
    label = [(40.0, 300.0, "Shade cover measured on each campus walkway in 2025", 11, 30)]
    assert "Shade cover measured" in read_pdf(_stamped(label), "label.pdf").text
    assert "DRAFT" in read_pdf(build_placed_pdf([[(150.0, 560.0, "DRAFT", 120, 40)]]), "stamp.pdf").text
    # a title set large is no stamp: level letters are left out only when they say what a stamp says
    title = [(72.0, 760.0, "Resolution 12", 40, 0)]
    assert read_pdf(_stamped(title), "title.pdf").text.startswith("Resolution 12\n")


LEFT = [
    "Resolution on Safe Staffing in",
    "State Correctional Facilities",
    "",
    "Submitted by: Local 2073 (Pontiac",
    "Correctional Center)",
    "",
    "WHEREAS, staffing levels in the",
    "Department of Corrections have",
    "fallen by more than 1,100 posts",
    "since 2019, while mandatory",
    "overtime has more than doubled;",
    "and",
    "",
    "WHEREAS, officers regularly work",
    "16-hour shifts; therefore be it",
    "",
    "RESOLVED, that the Council will",
    "seek legislation establishing",
    "minimum staffing ratios and a cap",
    "on mandatory overtime of no more",
]
RIGHT = [
    "than two double shifts per pay",
    "period; and be it further",
    "",
    "RESOLVED, that the Council will",
    "call on the Governor to fund a",
    "second training academy class in",
    "fiscal year 2027.",
]


def _two_columns(headline: str | None = None) -> bytes:
    top = 720.0
    items: list[tuple[float, float, str]] = []
    if headline:
        items.append((72.0, top, headline))
        top -= 28
    items += [(72.0, top - 14 * i, line) for i, line in enumerate(LEFT) if line]
    items += [(320.0, top - 14 * i, line) for i, line in enumerate(RIGHT) if line]
    return build_placed_pdf([items])


def test_a_page_in_two_columns_is_read_column_by_column() -> None:
    """Each line of the right column used to be read after the left column's line at its height: the title, a
    sponsor and the clauses were cut, the last clause lost."""
    # (a headline across both columns stays above them; the builder reads it with the title)
    for headline in (None, "AFSCME Council 31 Monthly Bulletin, Safe Staffing Special Edition, December 2026"):
        r = parse_pdf(_two_columns(headline))
        assert r.title is not None and r.title.text.endswith(
            "Resolution on Safe Staffing in State Correctional Facilities"
        )
        assert r.sponsors.submitted_by == "Local 2073 (Pontiac Correctional Center)"
        assert texts(r.preamble) == [
            "WHEREAS, staffing levels in the Department of Corrections have fallen by more than 1,100 posts since"
            " 2019, while mandatory overtime has more than doubled; and",
            "WHEREAS, officers regularly work 16-hour shifts",
        ]
        assert texts(r.resolved) == [
            "RESOLVED, that the Council will seek legislation establishing minimum staffing ratios and a cap on"
            " mandatory overtime of no more than two double shifts per pay period; and be it further",
            "RESOLVED, that the Council will call on the Governor to fund a second training academy class in fiscal"
            " year 2027.",
        ]


def test_a_table_of_labels_side_by_side_is_no_second_column() -> None:
    """Signature lines and labels set side by side are read across, as before: their lines are no wrapped prose."""
    labels = ["Adopted December 4, 2026", "", "Jane Q. Public", "Mayor", "", "Attest:"]
    names = ["Approved as to form", "", "John R. Doe", "City Clerk", "", "Seal"]
    items = [(72.0, 720.0 - 14 * i, line) for i, line in enumerate(labels) if line]
    items += [(320.0, 720.0 - 14 * i, line) for i, line in enumerate(names) if line]
    text = read_pdf(build_placed_pdf([items]), "signed.pdf").text
    assert text.startswith(
        "Adopted December 4, 2026 Approved as to form\n\nJane Q. Public John R. Doe\nMayor City Clerk"
    )


FORM = """\
Date:                                       March 18, 2025

Committee of Origin:                        Transportation

Re:                                         NYC DOT proposal for a protected
                                            bike lane on 164th Street between
                                            Northern Boulevard and Jamaica
                                            Avenue

Full Board Vote:                            31 In Favor   4 Against   2
                                            Abstentions   0 Present/Not Voting

Committee Vote:                             8 In Favor   1 Against   0
                                            Abstentions   0 Present/Not Voting
"""


def test_a_form_s_labels_beside_their_values_are_no_second_column() -> None:
    """A form's table as layout mode writes it, its labels ("Date:", "Re:") left of values that wrap, stays as it is:
    a column of one- and two-word labels is no column of prose."""
    assert read_columns(FORM) == FORM


def test_a_sponsor_s_value_cut_inside_its_parenthesis_goes_on() -> None:
    """A column's narrow lines cut a sponsor's value inside a parenthesis: the next line goes on with it."""
    [r] = whereas.parse(
        "Resolution on Safe Staffing\n\nSubmitted by: Local 2073 (Pontiac\n        Correctional Center)\n\n"
        "WHEREAS, the staff is short; therefore be it\n\nRESOLVED, that the Council acts.\n"
    )
    assert r.sponsors.submitted_by == "Local 2073 (Pontiac Correctional Center)"
    assert r.title is not None and r.title.text == "Resolution on Safe Staffing"
