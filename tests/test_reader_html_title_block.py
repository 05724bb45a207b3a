"""The title block pandoc, Quarto and R Markdown write over an HTML document: its title, authors and date
(trial 13: S001 "No title" on ``pandoc -s`` pages, Quarto's authors read as loose paragraphs)."""

from __future__ import annotations

import pytest

from whereas.api import parse_view
from whereas.readers.base import View
from whereas.readers.html import read_html

CLAUSES = (
    "<p>WHEREAS, the orchard lost nine of its forty pear trees to fire blight;</p>"
    "<p>NOW, THEREFORE, BE IT RESOLVED, that the Society replants them with resistant stock.</p>"
)


def _pandoc(title_block: str) -> bytes:
    return (
        '<!DOCTYPE html><html><head><meta name="generator" content="pandoc" /><title>Orchard</title></head><body>'
        f'<header id="title-block-header">{title_block}</header>{CLAUSES}</body></html>'
    ).encode()


def test_pandocs_title_block_gives_the_title_its_authors_and_its_date() -> None:
    """``pandoc -s``: h1.title (a LaTeX "\\\\" is a <br />, a space in the title), p.subtitle, one p.author per
    author (the sponsors) and p.date (no title)."""
    page = _pandoc(
        '<h1 class="title">Resolution of the Hillcrest Orchard Society<br />on Replanting the Pear Row</h1>'
        '<p class="subtitle">Spring Meeting</p>'
        '<p class="author">Tomasz Wierzbicki</p><p class="author">Adaeze <span class="smallcaps">Nwosu</span></p>'
        '<p class="date">Adopted 3 March 2025</p>'
    )
    view = read_html(page, "orchard.html")
    assert view.text.startswith(
        "# Resolution of the Hillcrest Orchard Society on Replanting the Pear Row\n\nSpring Meeting\n\n"
        "Authors: Tomasz Wierzbicki; Adaeze Nwosu\n\nDate: Adopted 3 March 2025\n\nWHEREAS"
    )
    (r,) = parse_view(view)
    assert (
        r.title is not None and r.title.text == "Resolution of the Hillcrest Orchard Society on Replanting the Pear Row"
    )
    assert r.sponsors.others == ("Tomasz Wierzbicki", "Adaeze Nwosu")


def test_a_title_without_a_line_break_and_an_author_line_that_names_its_role() -> None:
    page = _pandoc(
        '<h1 class="title">Resolution on Replanting\nthe Pear Row</h1>'
        '<p class="author">Submitted by Tomasz Wierzbicki and Adaeze Nwosu</p>'
    )
    (r,) = parse_view(read_html(page))
    assert r.title is not None and r.title.text == "Resolution on Replanting the Pear Row"
    assert r.sponsors.submitted_by == "Tomasz Wierzbicki and Adaeze Nwosu"


@pytest.mark.parametrize("affiliations", [False, True])
def test_quartos_title_block_and_its_authors(affiliations: bool) -> None:
    """Quarto: the title in div.quarto-title, the authors under the "Authors" label of its metadata (p.author beside
    p.affiliation when the authors have affiliations), the date under "Published"; categories are not read."""
    if affiliations:
        authors = (
            '<div class="quarto-title-meta-author"><div class="quarto-title-meta-heading">Authors</div>'
            '<div class="quarto-title-meta-heading">Affiliations</div>'
            '<div class="quarto-title-meta-contents"><p class="author">Lucía Ferreyra</p></div>'
            '<div class="quarto-title-meta-contents"><p class="affiliation">Seed Library</p></div>'
            '<div class="quarto-title-meta-contents"><p class="author">Oren Malka</p></div>'
            '<div class="quarto-title-meta-contents"><p class="affiliation">Seed Library</p></div></div>'
        )
    else:
        authors = (
            '<div><div class="quarto-title-meta-heading">Authors</div>'
            '<div class="quarto-title-meta-contents"><p>Lucía Ferreyra </p><p>Oren Malka </p></div></div>'
        )
    page = (
        '<html><head><meta name="generator" content="quarto-1.5.0"></head><body>'
        '<main class="content" id="quarto-document-content">'
        '<header id="title-block-header" class="quarto-title-block default"><div class="quarto-title">'
        '<h1 class="title">Resolution 7: Opening a Seed Exchange</h1>'
        '<div class="quarto-categories"><div class="quarto-category">gardens</div></div></div>'
        f'<div class="quarto-title-meta">{authors}'
        '<div><div class="quarto-title-meta-heading">Published</div>'
        '<div class="quarto-title-meta-contents"><p class="date">June 2, 2025</p></div></div></div></header>'
        f"{CLAUSES}</main></body></html>"
    ).encode()
    view = read_html(page)
    assert "gardens" not in view.text and "Seed Library" not in view.text and "Published" not in view.text
    assert "Date: June 2, 2025" in view.text
    (r,) = parse_view(view)
    assert r.title is not None and r.title.text == "Resolution 7: Opening a Seed Exchange"
    assert r.sponsors.others == ("Lucía Ferreyra", "Oren Malka")


def test_r_markdowns_and_pandoc_1s_header_div() -> None:
    page = (
        '<html><body><div class="container-fluid main-container"><div id="header">'
        '<h1 class="title toc-ignore">Resolution on the Shared Tool Shed</h1>'
        '<h4 class="author">Priya Raghunathan</h4><h4 class="date">2025-04-11</h4></div>'
        f"{CLAUSES}</div></body></html>"
    ).encode()
    view = read_html(page)
    assert "Authors: Priya Raghunathan" in view.text and "Date: 2025-04-11" in view.text
    (r,) = parse_view(view)
    assert r.title is not None and r.title.text == "Resolution on the Shared Tool Shed"
    assert r.sponsors.others == ("Priya Raghunathan",)


def test_a_news_articles_byline_is_still_no_sponsor() -> None:
    """Only pandoc's and Quarto's own title block names the document's authors: a post's byline does not."""
    page = (
        '<html><body><main><article><header><h1 class="title">Society Adopts Replanting Resolution</h1>'
        '<p class="author">By Staff Reporter</p></header>'
        f"{CLAUSES}</article></main></body></html>"
    ).encode()
    view = read_html(page)
    assert "Staff Reporter" not in view.text


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "**Authors:** [@tw-orchard](https://github.com/tw-orchard) (Grafting Committee chair), "
            "[@anwosu](https://github.com/anwosu)",
            ("@tw-orchard (Grafting Committee chair)", "@anwosu"),
        ),
        (
            "Sponsors: [@tw-orchard](https://example.org/u/1) and [@anwosu](https://example.org/u/2)",
            ("@tw-orchard", "@anwosu"),
        ),
        (
            'Authors: [Tomasz Wierzbicki](https://example.org/tw "profile"), [Adaeze Nwosu](https://example.org/an)',
            ("Tomasz Wierzbicki", "Adaeze Nwosu"),
        ),
    ],
)
def test_markdown_sponsor_lines_read_a_link_as_its_text_and_split_the_names(line: str, names: tuple[str, ...]) -> None:
    """A GitHub README's authors line: each linked name reads as its text, the names split at commas and "and"."""
    text = f"# Resolution on Replanting the Pear Row\n\n{line}\n\n**WHEREAS**, nine trees died;\n\n**RESOLVED**, that we replant.\n"
    (r,) = parse_view(View(text, "markdown"))
    assert r.sponsors.others == names
