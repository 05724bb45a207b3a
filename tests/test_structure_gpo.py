"""US Congress resolutions as the Government Publishing Office prints them (trial 19), and their text pasted or
exported from the PDF: the page furniture (the VerDate stamp, the running mark "•HCON 33 IH", a page's number) is no
clause's words, wherever it stands; ``format`` never joins it into a clause."""

from __future__ import annotations

from pathlib import Path

import pytest

import whereas
from conftest import run_cli
from whereas.format import format_source
from whereas.model import Resolution, Source
from whereas.results import CheckOptions

HEAD = """CONCURRENT RESOLUTION
Expressing the sense of Congress that the Millbrook watershed should be protected.

Whereas the Millbrook watershed supplies water to 40,000 households; and
Whereas its wetlands shelter 12 species of migrating birds: Now, therefore, be it
"""

#: the stamp as a pasted page keeps it on one line, the page's number and running mark above it
FOOT_ONE_LINE = (
    "2\n•HCON 48 IH\nVerDate Sep 11 2014 21:04 Jun 03, 2025 Jkt 059200 PO 00000 Frm 00002 Fmt 6652 Sfmt 6300\n"
)
#: the stamp as a PDF's text breaks it, its codes run on to a line of their own, the source file's path last
FOOT_TWO_LINES = (
    "VerDate Sep 11 2014   18:22 May 16, 2025   Jkt 059200   PO 00000   Frm\n"
    "00001   Fmt 6652   Sfmt 6300   E:\\BILLS\\HC48.IH\n"
)

LAST_CLAUSE = (
    "Resolved by the House of Representatives (the Senate\n"
    "concurring), That the Secretary of the Interior should\n"
    "report to Congress on the state of the Millbrook watershed.\n"
)
LAST_ITEMS = (
    "Resolved, That the House of Representatives—\n"
    "(1) recognizes the value of the Millbrook watershed;\n"
    "(2) honors the volunteers who restored its wetlands; and\n"
    "(3) encourages the people of the United States to\n"
    "visit the watershed.\n"
)


def one(text: str) -> Resolution:
    [r] = whereas.parse(text)
    return r


@pytest.mark.parametrize("foot", [FOOT_ONE_LINE, FOOT_TWO_LINES], ids=["one-line", "pdf-two-lines"])
def test_the_stamp_after_the_last_clause_is_no_words_of_it(foot: str) -> None:
    r = one(HEAD + LAST_CLAUSE + foot)
    assert r.resolved[-1].text.endswith("state of the Millbrook watershed.")
    r = one(HEAD + LAST_ITEMS + foot)
    assert r.resolved[-1].items[-1].text == "encourages the people of the United States to visit the watershed."


@pytest.mark.parametrize("foot", [FOOT_ONE_LINE, FOOT_TWO_LINES], ids=["one-line", "pdf-two-lines"])
def test_the_stamp_gives_no_finding(tmp_path: Path, foot: str) -> None:
    path = tmp_path / "hconres.txt"
    path.write_text(HEAD + LAST_ITEMS + foot, encoding="utf-8")
    found = [(d.code, d.message) for d in whereas.check([path]).diagnostics]
    assert not [f for f in found if f[0] == "T005"], found  # 'BILLS', 'IH', 'HCON' are no acronyms of the text


def test_a_page_break_inside_a_clause_joins_it_across_the_furniture() -> None:
    """The stamp at page 1's foot, the page's number and the running mark atop page 2, inside an item."""
    text = HEAD + LAST_ITEMS.replace(
        "(3) encourages the people of the United States to\n",
        "(3) encourages the people of the United States to\n"
        "VerDate Sep 11 2014 18:22 May 16, 2025 Jkt 059200 PO 00000 Frm 00001 Fmt 6652 Sfmt 6300 E:\\BILLS\\HC48.IH\n"
        "2\n"
        "•HCON 48 IH\n",
    )
    r = one(text)
    assert r.resolved[-1].items[-1].text == "encourages the people of the United States to visit the watershed."
    # format keeps the clause's lines: joined, the furniture would become its words
    formatted = format_source(Source(text, "text", None)).text
    assert "•HCON 48 IH\nvisit the watershed." in formatted
    assert "VerDate" not in " ".join(line for line in formatted.splitlines() if "encourages" in line)


@pytest.mark.parametrize("foot", [FOOT_ONE_LINE, FOOT_TWO_LINES], ids=["one-line", "pdf-two-lines"])
def test_format_leaves_the_stamp_out_of_the_last_clause(foot: str) -> None:
    formatted = format_source(Source(HEAD + LAST_CLAUSE + foot, "text", None)).text
    clause = next(line for line in formatted.splitlines() if line.startswith("Resolved"))
    assert clause.endswith("state of the Millbrook watershed.")
    assert formatted.rstrip().endswith(foot.rstrip())


def test_a_sentence_about_a_stamp_or_a_bullet_list_is_kept() -> None:
    """Only the stamp's shape is furniture: a clause that names VerDate, a bulleted line of words, stay."""
    r = one(
        HEAD + "Resolved, That the House of Representatives—\n"
        "• HR 12 is an act of Congress\n"
        "(1) notes that VerDate Sep 11 2014 is the name of a system; and\n"
        "(2) asks for a report.\n"
    )
    words = " ".join(c.text for c in r.resolved)
    assert "HR 12 is an act" in words
    assert "VerDate Sep 11 2014 is the name" in words


# --- a word a line's end broke in the enacting words, and format ---------------------------------------------------

#: recitals with hard line breaks, then a resolving clause whose enacting words a line's end broke
BROKEN = """Whereas the Millbrook watershed supplies water to
households in three counties; and
Whereas its wetlands shelter 12 species of
migrating birds: Now, therefore, be it
Resolved by the House of Representatives (the Senate con-
curring), That the Assistant Secretary of the Interior should
report to Congress on the state of the watershed.
"""


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (BROKEN, "(the Senate concurring), That"),
        (
            BROKEN.replace("(the Senate con-\ncurring)", "(the House of Rep-\nresentatives concurring)").replace(
                "Resolved by the House of Representatives", "Resolved by the Senate"
            ),
            "(the House of Representatives concurring), That",
        ),
        (
            BROKEN.replace("Now, therefore, be it", "Now, there-\nfore, be it").replace(
                "(the Senate con-\ncurring)", "(the Senate concurring)"
            ),
            "(the Senate concurring), That",
        ),
    ],
    ids=["concurring", "representatives", "therefore"],
)
def test_a_broken_enacting_word_reads_whole_and_format_keeps_it_whole(text: str, word: str) -> None:
    assert word in one(text).resolved[0].text
    assert _formula(text) == ": Now, therefore, be it"
    # laid out, the recitals lose their hard line breaks: the broken word must read the same
    formatted = format_source(Source(text, "text", None)).text
    assert "Whereas the Millbrook watershed supplies water to households in three counties; and\n" in formatted
    assert word in one(formatted).resolved[0].text
    assert _formula(formatted) == ": Now, therefore, be it"


def _formula(text: str) -> str:
    formula = one(text).formula
    assert formula is not None
    return formula.text


def test_format_keeps_the_lines_of_a_text_whose_broken_word_reads_whole_by_its_hard_breaks() -> None:
    """ "Assis-" / "tant" is one word because the text came with hard line breaks (the recitals' lines run on); laid
    out, the recitals would take that away, and format refused the file: it keeps the lines instead."""
    text = BROKEN.replace(
        "(the Senate con-\ncurring), That the Assistant", "(the Senate concurring), That the Assis-\ntant"
    )
    text = text.replace("Interior should\nreport", "Interior should report")
    assert "That the Assistant Secretary" in one(text).resolved[0].text
    result = format_source(Source(text, "text", None))
    assert result.text == text


# --- a list whose number skips or repeats, its "and" on a line of its own ------------------------------------------

LIST_HEAD = """Whereas the Millbrook watershed supplies water to 40,000 households: Now, therefore, be it
    Resolved, That the House of Representatives--
"""


def _list(first: str, second: str, third: str, *, gap: str = "") -> str:
    return (
        LIST_HEAD + f"            {first} recognizes the value of the Millbrook watershed;\n{gap}"
        f"            {second} honors the volunteers who restored its wetlands;\n{gap}"
        f"        and\n{gap}"
        f"            {third} encourages the people of the United States to visit it.\n"
    )


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (_list("(1)", "(2)", "(4)"), ["1", "2", "4"]),
        (_list("(1)", "(2)", "(2)"), ["1", "2", "2"]),
        (_list("1.", "2.", "4.", gap="\n"), ["1", "2", "4"]),
    ],
    ids=["skipped", "repeated", "dotted-spaced"],
)
def test_an_item_numbered_wrong_after_a_lone_and_stays_an_item(tmp_path: Path, text: str, labels: list[str]) -> None:
    [clause] = one(text).resolved
    assert [i.label for i in clause.items] == labels
    assert clause.items[1].text == "honors the volunteers who restored its wetlands;"
    path = tmp_path / "hres.txt"
    path.write_text(text, encoding="utf-8")
    found = [(d.code, d.message) for d in whereas.check([path], CheckOptions(profile="congress")).diagnostics]
    assert [code for code, _ in found if code == "R006"] == ["R006"], found  # the number is reported
    assert not [f for f in found if f[0] == "R003"], found  # no "Item 1 should end with '; and'" for three items


def test_a_lone_and_between_spaced_items_joins_them() -> None:
    """Items a blank line apart, the "and" a paragraph of its own between the last two: the list goes on after it
    (the "and" read as the clause's sentence going on ended the list, and the last item was none)."""
    [clause] = one(_list("(1)", "(2)", "(3)", gap="\n")).resolved
    assert [i.label for i in clause.items] == ["1", "2", "3"]


# --- congress.gov's text: the sponsor line above the rule, "RESOLUTION" and the title printed again ----------------

SPONSOR_PRINT = """119th CONGRESS
  1st Session
H. RES. 512

  Recognizing the Millbrook watershed.


_______________________________________________________________________


                IN THE HOUSE OF REPRESENTATIVES

                           March 4, 2025

  Ms. Okafor (for herself and Mr. Reyes) submitted the following
  resolution; which was referred to the Committee on Natural Resources

_______________________________________________________________________

                           {kind}

  Recognizing the Millbrook watershed.

Whereas the Millbrook watershed supplies water to 40,000
        households: Now, therefore, be it
    Resolved, That the House of Representatives recognizes the
        Millbrook watershed.
"""


@pytest.mark.parametrize("kind", ["RESOLUTION", "CONCURRENT RESOLUTION"])
@pytest.mark.parametrize("rule", [True, False], ids=["rule", "no-rule"])
def test_the_sponsor_line_above_the_print_heading_is_read(kind: str, rule: bool) -> None:
    text = SPONSOR_PRINT.format(kind=kind)
    if not rule:
        text = text.replace("_" * 71 + "\n", "")
    r = one(text)
    assert r.title is not None and r.title.text == "Recognizing the Millbrook watershed."
    assert r.sponsors.others[:1] == ("Ms. Okafor",)


# --- a GPO PDF's heading tells Congress, as its text does ------------------------------------------------------------


def _gpo_pdf(numbered: bool) -> bytes:
    from pdf_builder import build_pdf

    lines = [
        "119TH CONGRESS 1ST SESSION",
        "H. RES. 512",
        "Recognizing the Millbrook watershed.",
        "IN THE HOUSE OF REPRESENTATIVES",
        "RESOLUTION",
        "Recognizing the Millbrook watershed.",
        "Whereas the Millbrook watershed supplies water to 40,000",
        "households: Now, therefore, be it",
        "Resolved, That the House of Representatives recognizes the",
        "Millbrook watershed.",
    ]
    if numbered:  # the margin's line numbers, read into each line as GPO's PDF gives them
        lines = [f"{n} {line}" for n, line in enumerate(lines, 1)]
    page: list[str] = []
    for line in lines:
        page += [line, ""]
    return build_pdf([page])


@pytest.mark.parametrize("numbered", [False, True], ids=["plain", "line-numbers"])
def test_a_gpo_pdf_is_inferred_congress(tmp_path: Path, numbered: bool) -> None:
    path = tmp_path / "hres512.pdf"
    path.write_bytes(_gpo_pdf(numbered))
    done = run_cli("check", path)
    assert 'Profile: congress (inferred: its heading reads "119TH CONGRESS 1ST SESSION")' in done.stdout, done.stdout


# --- a legislature's line-numbered print: a word a line's end broke, its rest after the next line's number --------

NUMBERED_PRINT = """{n1}WHEREAS, The Millbrook Watershed Council has restored the wet-
{n2}lands of the county for twenty years, and has been identi-
{n3}fied by the State as a model for conservation; and
{n4}WHEREAS, The Council's volunteers have planted 12,000 trees along
{n5}the river; now, therefore, be it
{n6}RESOLVED, That this Legislative Body commend the Millbrook Watershed
{n7}Council upon its twentieth anniversary.
"""


@pytest.mark.parametrize("width", [" {:d}      ", "{:<4d}"], ids=["right-set", "left-set"])
def test_a_word_broken_before_a_line_number_reads_whole(width: str) -> None:
    text = NUMBERED_PRINT.format(**{f"n{k}": width.format(k) for k in range(1, 8)})
    first = one(text).preamble[0].text
    assert "has been identified by the State" in first, first
    assert "restored the wetlands of the county" in first, first


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["one-paragraph", "apart"])
@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("CONCURRENT RESOLUTION", "Expressing the sense of Congress that the Great Lakes should be protected."),
        ("RESOLUTION", "Honoring the crew that saved the ship."),
    ],
)
def test_a_prints_type_line_over_its_title_sentence_is_a_title_not_a_recital(gap: str, kind: str, title: str) -> None:
    """congress.gov's text: "CONCURRENT RESOLUTION" over the title, a sentence ending with its period ("Expressing the
    sense of Congress that …."): read as an unkeyed preamble paragraph, the title became the first recital (trial 19)."""
    text = (
        f"{kind}{gap}{title}\n\nWhereas the lakes hold water; and\nWhereas carp are near: Now, therefore, be it\n"
        "Resolved by the House of Representatives (the Senate concurring), That a report be made.\n"
    )
    (r,) = whereas.parse(text)
    assert r.title is not None and " ".join(r.title.text.split()).endswith(title)
    assert [c.text[:7] for c in r.preamble] == ["Whereas", "Whereas"]
