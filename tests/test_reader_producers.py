"""What real producers write around a resolution (trial 3, issue 9): Word text boxes (DrawingML with its VML
copy), LibreOffice's text boxes in ODT, ASP.NET pages wrapped in one ``<form>`` (Legistar, Granicus), list
items whose text is a ``<p>`` of its own (LibreOffice's HTML export), blog comments, a note's own number."""

from __future__ import annotations

from pathlib import Path

import build_docx as build
import pytest

import whereas
from test_reader_doc import convert
from whereas.readers.docx import read_docx
from whereas.readers.html import read_html
from whereas.readers.odt import read_odt

RESOLVED = "Resolved, That each parish complete an energy audit by 2027."
RECITAL = "Whereas parishes spend a fifth of their budgets on heating; now, therefore, be it"

# --- Word text boxes ----------------------------------------------------------------------------

_SHAPE_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _box(*texts: str) -> str:
    return "<w:txbxContent>" + "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts) + "</w:txbxContent>"


def _drawing(inner: str) -> str:
    return (
        '<w:drawing><wp:anchor><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
        f"{inner}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


def word_box(*texts: str) -> build.Raw:
    """A text box as Word writes it: the DrawingML shape in mc:Choice, its VML copy in mc:Fallback."""
    inner = _box(*texts)
    return build.Raw(
        f'<w:r {_SHAPE_NS}><mc:AlternateContent><mc:Choice Requires="wps">{_drawing(inner)}</mc:Choice>'
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{inner}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def vml_box(*texts: str) -> build.Raw:
    """A text box as Word 2003 and older converters write it: VML only."""
    return build.Raw(
        f"<w:r {_SHAPE_NS}><w:pict><v:shape><v:textbox>{_box(*texts)}</v:textbox></v:shape></w:pict></w:r>"
    )


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def test_docx_text_box_is_read_once_before_its_anchor_paragraph() -> None:
    data = build.build_docx(
        [build.p("The resolution is printed in the box."), build.p(word_box(RECITAL, RESOLVED), "Submitted in 2026.")],
        title="Convention 2026",
    )
    paragraphs = _paragraphs(read_docx(data).text)
    assert paragraphs[2:] == [RECITAL, RESOLVED, "Submitted in 2026."]


def test_docx_vml_text_box_and_a_box_inside_a_box() -> None:
    nested = build.Raw(
        f"<w:r {_SHAPE_NS}><w:pict><v:shape><v:textbox><w:txbxContent><w:p>"
        f"<w:r><w:t>{RECITAL}</w:t></w:r>{vml_box(RESOLVED).xml}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    data = build.build_docx([build.p(nested)])
    assert _paragraphs(read_docx(data).text) == [RESOLVED, RECITAL]
    data = build.build_docx([build.p(vml_box(RECITAL, RESOLVED))])
    assert _paragraphs(read_docx(data).text) == [RECITAL, RESOLVED]


def test_a_resolution_in_a_word_text_box_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "box.docx"
    path.write_bytes(build.build_docx([build.p(word_box("Resolution on Heating", RECITAL, RESOLVED))]))
    (resolution,) = whereas.parse(path)
    assert [c.text for c in resolution.preamble] == [RECITAL.removesuffix("; now, therefore, be it")]
    assert [c.text for c in resolution.resolved] == [RESOLVED]


# --- OpenDocument text boxes --------------------------------------------------------------------

_DRAW_NS = (
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)


def _odt(body: str) -> bytes:
    return build.odt_bytes(
        build.ODT_CONTENT.split("<office:text>")[0].replace(
            "<office:document-content ", f"<office:document-content {_DRAW_NS} "
        )
        + f"<office:text>{body}</office:text></office:body></office:document-content>"
    )


def test_odt_text_frame_and_shape_text_are_read() -> None:
    frame = (
        '<text:p>Printed below.<draw:frame text:anchor-type="paragraph"><draw:text-box>'
        f"<text:p>{RECITAL}</text:p></draw:text-box></draw:frame></text:p>"
    )
    shape = (
        '<text:p><draw:custom-shape text:anchor-type="char">'
        f'<text:p>{RESOLVED}</text:p><draw:enhanced-geometry draw:type="ooxml-rect"/></draw:custom-shape></text:p>'
    )
    page = (
        '<draw:frame text:anchor-type="page"><draw:text-box><text:p>Adopted 2026.</text:p></draw:text-box></draw:frame>'
    )
    assert _paragraphs(read_odt(_odt(frame + shape + page)).text) == [
        RECITAL,
        "Printed below.",
        RESOLVED,
        "Adopted 2026.",
    ]


def test_libreoffice_keeps_a_word_text_box_in_its_odt(tmp_path: Path) -> None:
    source = tmp_path / "box.docx"
    source.write_bytes(build.build_docx([build.p(word_box("Resolution on Heating", RECITAL, RESOLVED))]))
    odt = convert(source, "odt")
    (resolution,) = whereas.parse(odt)
    assert [c.text for c in resolution.resolved] == [RESOLVED]


# --- HTML as sites and LibreOffice publish it ---------------------------------------------------

_BODY = "".join(
    f"<p>{t}</p>"
    for t in (
        "Whereas the Elm Avenue corridor recorded 41 injury crashes between 2020 and 2024, more than any other "
        "arterial street in the City, and two people died there; and",
        "Whereas the Vision Zero Action Plan, adopted by Resolution R-24-0087, names Elm Avenue a priority corridor "
        "for safety improvements; now, therefore, be it",
        "Resolved, That the City Manager apply for a Safe Streets and Roads for All grant of up to $6,400,000 for the "
        "Elm Avenue Complete Street Project.",
    )
)


def test_an_aspnet_page_wrapped_in_one_form_is_read() -> None:
    page = (
        '<html><body><form id="aspnetForm" method="post"><input type="hidden" name="__VIEWSTATE" value="x"/>'
        f'<div id="main">{_BODY}</div></form></body></html>'
    )
    paragraphs = _paragraphs(read_html(page.encode()).text)
    assert len(paragraphs) == 3 and paragraphs[2].startswith("Resolved, That the City Manager")
    without_viewstate = page.replace('name="__VIEWSTATE"', 'name="token"')
    assert _paragraphs(read_html(without_viewstate.encode()).text) == paragraphs


def test_search_and_comment_forms_are_still_dropped() -> None:
    page = (
        '<html><body><form role="search"><label>Search for:</label><input name="s"/></form>'
        '<form id="commentform"><p><label for="c">Comment</label><textarea id="c">Whereas</textarea></p>'
        "<select>" + "<option>Country name</option>" * 80 + "</select></form>"
        f"{_BODY}</body></html>"
    )
    text = read_html(page.encode()).text
    assert "Search for" not in text and "Comment" not in text and "Country" not in text


def test_blog_comments_are_not_read() -> None:
    page = (
        f"<html><body><main><article>{_BODY}</article>"
        '<div id="comments" class="comments-area"><ol class="comment-list"><li><p>Whereas I bike now. '
        "Resolved: I will be at the hearing!</p></li></ol></div></main></body></html>"
    )
    text = read_html(page.encode()).text
    assert "I bike now" not in text and "41 injury crashes" in text


def test_list_item_paragraphs_keep_their_number_and_the_list_type() -> None:
    page = (
        "<html><body><p>RESOLVES AS FOLLOWS:</p><ol><li><p>The plan is adopted.</p></li>"
        '<li><p>The City Manager shall:</p><ol type="a"><li><p>declare a stage;</p></li>'
        "<li><p>report it.</p></li></ol></li><li><p>This takes effect now.</p></li><li></li></ol>"
        '<ol type="I"><li>First</li></ol><p>After the list.</p></body></html>'
    )
    assert _paragraphs(read_html(page.encode()).text) == [
        "RESOLVES AS FOLLOWS:",
        "1. The plan is adopted.",
        "2. The City Manager shall:",
        "a. declare a stage;",
        "b. report it.",
        "3. This takes effect now.",
        "I. First",
        "After the list.",
    ]


def test_libreoffice_running_heads_are_dropped() -> None:
    page = (
        '<html><body><div title="header"><p>City of Brightwater - Resolution 2026-041</p></div>'
        f'{_BODY}<div title="footer"><p>Page 1 of 3</p></div></body></html>'
    )
    text = read_html(page.encode()).text
    assert "Page 1 of 3" not in text and "Brightwater" not in text and "41 injury" in text


def test_a_note_that_opens_with_its_own_number_loses_it() -> None:
    page = (
        '<html><body><p>Whereas the creek warms;<sup><a href="#fn1" id="ref1">1</a></sup> and</p>'
        '<p id="fn1"><sup>1</sup> NOAA Fisheries, Recovery Plan (2016).</p>'
        '<p>Whereas 2 trees<sup><a href="#fn2">2</a></sup> died;</p><p id="fn2">2024 survey, p. 3.</p></body></html>'
    )
    text = read_html(page.encode()).text
    assert "[^1]: NOAA Fisheries, Recovery Plan (2016)." in text
    assert "[^2]: 2024 survey, p. 3." in text


def test_libreoffice_html_of_a_numbered_word_list(tmp_path: Path) -> None:
    source = tmp_path / "sections.docx"
    items = ["The plan is adopted.", "This resolution takes effect upon adoption."]
    source.write_bytes(
        build.build_docx(
            [build.p("NOW, THEREFORE, THE COUNCIL RESOLVES AS FOLLOWS:")]
            + [build.p(t, ppr=build.num_pr(91)) for t in items],
            numbering=True,
        )
    )
    html = convert(source, "html")
    paragraphs = _paragraphs(read_html(html.read_bytes()).text)
    assert paragraphs[-2:] == [f"1. {items[0]}", f"2. {items[1]}"]


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_text_boxes_do_not_change_documents_without_them(kind: str) -> None:
    if kind == "docx":
        data = build.build_docx([build.p(RECITAL), build.p(RESOLVED)])
        assert _paragraphs(read_docx(data).text) == [RECITAL, RESOLVED]
    else:
        assert "Resolved, that the library:" in read_odt(build.odt_bytes()).text
