"""Lines around a resolution that name who brought it, or say something about it, in the forms counties, web
pages and note-taking apps give them: "Offered by: Commissioner …", "Moved by: X · Adopted <date> (<vote>)", a
callout after the last clause; and a Word file whose Title style holds the body's name over the real title."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import whereas
from whereas.model import Resolution

BODY = (
    "Whereas, the town has orchards; and\n\n"
    "Whereas, orchards need bees; now, therefore, be it\n\n"
    "Resolved, that the Board keeps bees; and be it further\n\n"
    "Resolved, that the Board reports in 2031.\n"
)


def one(text: str) -> Resolution:
    [r] = whereas.parse(text)
    return r


@pytest.mark.parametrize(
    "line",
    [
        "Offered by: Commissioner Lena Whitcombe",
        "Offered by Commissioner Lena Whitcombe",
        "OFFERED BY: COMMISSIONER LENA WHITCOMBE",
        "**Offered by:** Commissioner Lena Whitcombe",
        "Offered and moved by: Commissioner Lena Whitcombe",
        "Introduced and moved by Commissioner Lena Whitcombe",
    ],
)
def test_offered_by_names_the_mover_and_is_no_part_of_the_title(line: str) -> None:
    r = one(f"COUNTY BOARD OF ELMWOOD\nRESOLUTION NO. 2031-17\nRe: Keeping Bees on County Land\n{line}\n\n" + BODY)
    assert r.title is not None and r.title.text == "Keeping Bees on County Land"
    assert r.sponsors.mover is not None and r.sponsors.mover.lower() == "commissioner lena whitcombe"


def test_offered_by_with_its_seconder() -> None:
    r = one(
        "Keeping Bees on County Land\nOffered by Commissioner A. Marsh, seconded by Commissioner B. Tull\n\n" + BODY
    )
    assert (r.sponsors.mover, r.sponsors.seconder) == ("Commissioner A. Marsh", "Commissioner B. Tull")


@pytest.mark.parametrize(
    ("line", "mover", "seconder"),
    [
        ("Moved by: Trustee Omar Velde · Adopted March 3, 2031 (7–0–1)", "Trustee Omar Velde", None),
        ("Moved by: Trustee Omar Velde | Vote: 7-0", "Trustee Omar Velde", None),
        ("Moved by: Trustee Omar Velde — Passed 3/3/2031", "Trustee Omar Velde", None),
        ("Moved by: Omar Velde · Seconded by: Ida Brandt · Adopted 3/3/2031", "Omar Velde", "Ida Brandt"),
    ],
)
def test_a_sponsor_line_with_more_fields_after_a_separator(line: str, mover: str, seconder: str | None) -> None:
    r = one(f"Resolution 31-4: Keeping Bees\n{line}\n\n" + BODY)
    assert r.title is not None and r.title.text == "Resolution 31-4: Keeping Bees"
    assert (r.sponsors.mover, r.sponsors.seconder) == (mover, seconder)


def test_a_name_with_a_dash_in_it_is_kept() -> None:
    r = one("Resolution 31-4: Keeping Bees\nMoved by: Trustee Omar Velde-Brandt\n\n" + BODY)
    assert r.sponsors.mover == "Trustee Omar Velde-Brandt"


MARKDOWN = (
    "# Resolution on Bees\n\n"
    "**Whereas**, the town has orchards; and\n\n"
    "**Whereas**, orchards need bees;\n\n"
    "**Therefore, be it resolved**, that the Board keeps bees; and\n\n"
    "**Be it further resolved**, that the Board reports in 2031.\n\n"
)


@pytest.mark.parametrize(
    "callout",
    [
        "> ⚠️ **Warning:** Vote count: 11 in favor, 2 opposed.",
        "> ⚠️ Warning: Vote count: 11 in favor.",
        "> 📌 Vote count: 11 in favor.\n> Two members absent.",
        "> **Note:** Vote count: 11 in favor.",
        "> [!warning] Vote count: 11 in favor.",
    ],
)
def test_a_callout_after_the_last_clause_ends_it(callout: str) -> None:
    r = one(MARKDOWN + callout + "\n")
    assert r.resolved[-1].text == "Be it further resolved, that the Board reports in 2031."
    assert r.quotations == ()


def test_a_quotation_after_the_last_clause_is_still_read() -> None:
    r = one(MARKDOWN + '> "Bees are good for the orchards," said the Mayor.\n')
    assert [q.text for q in r.quotations] == ["Bees are good for the orchards,"]


WORD_BODY = [
    "Sponsored by: Commissioner Ada Korhonen",
    "WHEREAS, the City has orchards; and",
    "WHEREAS, orchards need bees;",
    "NOW, THEREFORE, BE IT RESOLVED, that the City keeps bees.",
]


@pytest.mark.parametrize(
    ("styled", "soft_break"),
    [(True, True), (True, False), (False, True)],
    ids=["title-style-soft-break", "title-style-paragraphs", "no-styles-soft-break"],
)
def test_a_word_files_letterhead_in_the_title_style_is_no_title(tmp_path: Path, styled: bool, soft_break: bool) -> None:
    # a Google Docs export: the place's name in the Title style, the number and the caption (a soft line break
    # between them, or two paragraphs) in the Subtitle style
    document = docx.Document()
    document.add_paragraph("CITY OF MAPLEFORD, OREGON", style="Title" if styled else None)
    subtitle = "Subtitle" if styled else None
    if soft_break:
        run = document.add_paragraph(style=subtitle).add_run("RESOLUTION NO. 4410")
        run.add_break()
        run.add_text("A RESOLUTION ESTABLISHING A MUNICIPAL APIARY")
    else:
        document.add_paragraph("RESOLUTION NO. 4410", style=subtitle)
        document.add_paragraph("A RESOLUTION ESTABLISHING A MUNICIPAL APIARY", style=subtitle)
    for paragraph in WORD_BODY:
        document.add_paragraph(paragraph)
    path = tmp_path / "letterhead.docx"
    document.save(str(path))
    [r] = whereas.parse(path)
    assert r.title is not None
    assert r.title.text == "RESOLUTION NO. 4410 A RESOLUTION ESTABLISHING A MUNICIPAL APIARY"


@pytest.mark.parametrize(
    "letterhead",
    ["# CITY OF MAPLEFORD, OREGON", "# County of Albany", "# DOUGLAS COUNTY, NEBRASKA", "TOWN OF ELM, N.Y."],
)
def test_a_places_name_over_the_resolutions_caption_is_no_title(letterhead: str) -> None:
    r = one(f"{letterhead}\n\nA RESOLUTION ESTABLISHING A MUNICIPAL APIARY\n\n" + BODY)
    assert r.title is not None and r.title.text == "A RESOLUTION ESTABLISHING A MUNICIPAL APIARY"
