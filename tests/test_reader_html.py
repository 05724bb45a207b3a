"""HTML reader: block text view, footnotes, dropped page furniture, hostile input."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from whereas.errors import InputError
from whereas.readers.html import read_html, sniff_html

BLOG_VIEW = """\
# Our resolution on library hours

Posted by Ann Lee on 1 May 2024.

At the annual meeting the members adopted the following resolution, moved by Ann Lee:

## Resolution 2024-3

Whereas the library is open 40 hours a week[^1]; and

Whereas the city council said the hours are “adequate”[^2]: now, therefore, be it

Resolved, that the Friends
(1) ask for Sunday hours; and
(2) meet again in June.

“Libraries are the heart of the town.”

Moved by Ann Lee; seconded by Bo Park.

### What happens next

- We write to the council.

- We wait.

3. third step

4. fourth step

[^1]: See the hours report <https://example.org/hours.pdf>, p. 2.
[^2]: Council minutes, <https://example.org/minutes>.
"""


def test_blog_page_view() -> None:
    view = read_html((FIXTURES / "html_blog_resolution.html").read_bytes(), "blog.html")
    assert view.text == BLOG_VIEW
    assert (view.format, view.path) == ("html", "blog.html")


def test_markdown_it_footnotes_and_aside_notes_without_main() -> None:
    page = """<html><body><nav>Menu</nav>
    <p>Whereas x<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> and y<sup><a href="#note-b">*</a></sup>.</p>
    <div class="sidebar" role="complementary"><p>Whereas sidebar</p></div>
    <hr class="footnotes-sep">
    <section class="footnotes"><ol class="footnotes-list">
    <li id="fn1" class="footnote-item"><p>First note. <a href="#fnref1" class="footnote-backref">↩︎</a></p></li>
    </ol></section>
    <aside><p id="note-b">Star note <a href="http://a.example/c">here</a> ↩</p></aside>
    </body></html>"""
    assert read_html(page.encode()).text == (
        "Whereas x[^1] and y[^2].\n\n[^1]: First note.\n[^2]: Star note here <http://a.example/c>\n"
    )


def test_div_with_direct_text_and_nested_blocks() -> None:
    page = b"<body><div>Resolved, that <em>we</em>\n act<div>Inner block</div>tail text</div></body>"
    assert read_html(page).text == "Resolved, that we act\n\nInner block\n\ntail text\n"


def test_fragment_and_legacy_charset() -> None:
    page = '<meta charset="iso-8859-1"><p>Whereas caf\xe9s close;</p>'.encode("latin-1")
    assert read_html(page).text == "Whereas caf\xe9s close;\n"


def test_unreferenced_ids_are_not_notes() -> None:
    page = b'<p>See <a href="#sec2">section 2</a>.</p><h2 id="sec2">Section 2</h2>'
    assert read_html(page).text == "See section 2.\n\n## Section 2\n"


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty file"),
        (b" \n\t ", "empty file"),
        (bytes(range(256)) * 8, "binary data"),
        (b"<html><head><script>x()</script></head><body><nav>Home</nav></body></html>", "no text"),
    ],
)
def test_bad_input(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        read_html(data, "page.html")


def test_entities_in_doctype_are_not_expanded() -> None:
    page = b"""<!DOCTYPE html [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
    <html><body><p>Whereas &lol2; here</p></body></html>"""
    view = read_html(page)
    assert "lollollollol" not in view.text
    assert "Whereas" in view.text


def test_sniff_html() -> None:
    assert sniff_html(b"<!DOCTYPE html><html>")
    assert sniff_html(b"\n<HTML lang=en>")
    assert sniff_html(b"<body>")
    assert sniff_html(b"<p>Whereas")
    assert not sniff_html(b"%PDF-1.7")
    assert not sniff_html(b'<?xml version="1.0"?><resolution><main><level role="whereas">')


def test_unclosed_inline_tags_deeper_than_the_parser_goes_are_read_whole() -> None:
    """Word's HTML export leaves ``<font>`` and ``<b>`` open paragraph after paragraph: 600 levels,
    past libxml2's 255.  The text beyond used to vanish without a word; it is all read."""
    page = "<html><body>" + "".join(f"<p><font face=Arial><b>Whereas reason {i};" for i in range(300))
    page += "<p>Resolved, that all of it is read.</body></html>"
    text = read_html(page.encode(), "word-export.html").text
    assert "Whereas reason 0;\n\nWhereas reason 1;\n\n" in text
    assert text.endswith("Whereas reason 299;\n\nResolved, that all of it is read.\n")


def test_blocks_nested_deeper_than_the_parser_goes_are_a_clear_error() -> None:
    page = "<html><body>" + "<div>" * 300 + "<p>Whereas deep.</p>" + "</div>" * 300 + "</body></html>"
    with pytest.raises(InputError, match="nested more than 255 elements deep") as info:
        read_html(page.encode(), "deep.html")
    assert str(info.value).startswith("deep.html: ")


def test_a_giant_text_is_a_clear_error() -> None:
    page = "<html><body><p>" + "word " * 2_100_000 + "</p></body></html>"
    with pytest.raises(InputError, match=r"cannot be read whole: a text or attribute over 10,000,000 bytes"):
        read_html(page.encode(), "giant.html")
