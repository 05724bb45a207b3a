"""HTML reader: block text view, footnotes, dropped page furniture, hostile input."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import build_docx as build
import pytest

from conftest import FIXTURES
from whereas.api import parse_view
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


# -- notes whose number is an anchor at the head of the note's paragraph --------------------------------------
# (Google Docs, Word's "Save as HTML" and LibreOffice all write them so: the reference points at the number,
# and the number links back to the reference)

GOOGLE_DOCS = (
    '<html><body class="doc-content"><p class="c2"><span class="c1">Resolution 26-11: In Support of a Campus Food '
    'Pantry</span></p><p class="c3"><span class="c1">WHEREAS</span><span>, 41% of students skipped meals</span>'
    '<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span>; and</span></p><hr><div><p class="c4">'
    '<a href="#ftnt_ref1" id="ftnt1">[1]</a><span>&nbsp;Office of Institutional Research, &ldquo;2025 Basic Needs '
    'Survey,&rdquo; </span><span><a href="https://www.google.com/url?q=https://ir.lakeview.edu/basic-needs-2025&amp;'
    'sa=D&amp;source=editors">https://ir.lakeview.edu/basic-needs-2025</a></span></p></div></body></html>'
)

WORD_SAVED_AS_HTML = """<html><body lang=EN-US><div class=WordSection1>
<p class=MsoNormal>Whereas the state cut library aid<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"
title=""><span class=MsoFootnoteReference><span class=MsoFootnoteReference>[1]</span></span></a>; now, therefore, be it</p>
<p class=MsoNormal>Resolved, that the aid be restored.</p></div>
<div style='mso-element:footnote-list'><hr align=left size=1 width="33%">
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1"
name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> State Library Office, <i>Annual Report</i>.</p>
</div></div></body></html>"""


def test_google_docs_notes_and_its_redirected_links() -> None:
    view = read_html(GOOGLE_DOCS.encode(), "gdocs.html").text
    assert "WHEREAS, 41% of students skipped meals[^1]; and" in view
    # the note's own number is no part of its text, and the address it shows is its link
    assert view.endswith(
        "[^1]: Office of Institutional Research, \u201c2025 Basic Needs Survey,\u201d "
        "<https://ir.lakeview.edu/basic-needs-2025>\n"
    )


def test_word_saved_as_html_notes() -> None:
    view = read_html(WORD_SAVED_AS_HTML.encode(), "word.html").text
    assert "Whereas the state cut library aid[^1]; now, therefore, be it" in view
    assert view.endswith("[^1]: State Library Office, Annual Report.\n")


# Drupal's Footnotes module (a student government's page, fourth trial): the note opens with its label "1.", a
# link back to the reference's id in a class no other producer uses
DRUPAL_FOOTNOTES = """<html><body><main><div class="field--name-body">
<p>Whereas, 47% of students experienced food insecurity<sup><a href="#footnote1_k2r8" id="footnoteref1_k2r8"
class="see-footnote">1</a></sup>; therefore, be it</p>
<p>Resolved, that the College expands the pantry.</p>
<ul class="footnotes"><li class="footnote" id="footnote1_k2r8"><a class="footnote-label"
href="#footnoteref1_k2r8">1.</a> Office of Institutional Research, <em>Basic Needs Survey 2025</em>.</li></ul>
</div></main></body></html>"""


def test_a_link_back_to_the_reference_is_no_part_of_the_note() -> None:
    view = read_html(DRUPAL_FOOTNOTES.encode(), "drupal.html").text
    assert "food insecurity[^1]; therefore, be it" in view
    assert view.endswith("[^1]: Office of Institutional Research, Basic Needs Survey 2025.\n")


def test_notes_of_a_word_file_libreoffice_saved_as_html(tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "funding.docx"
    source.write_bytes(
        build.build_docx(
            [
                build.p("Resolution on Library Funding", style="Heading 1"),
                build.p("Whereas state aid fell by a third", build.fn(1, "State aid report, 2023."), ";"),
                build.p("Resolved, that the Association calls for full aid", build.en(1, "Funding survey, 2024."), "."),
            ]
        )
    )
    subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "html",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180,
    )  # fmt: skip
    page = tmp_path / "funding.html"
    if not page.exists():
        pytest.skip("LibreOffice could not write HTML")
    text = read_html(page.read_bytes(), str(page)).text
    notes = sorted(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("[^"))
    assert notes == ["Funding survey, 2024.", "State aid report, 2023."]
    assert "Whereas state aid fell by a third[^" in text


def test_a_form_s_rows_of_labels_and_values_read_as_labelled_lines() -> None:
    # (Legistar and Granicus print a file's metadata so: the title and sponsors are labelled lines to the parser)
    page = (
        "<html><body><table>"
        "<tr><td><span>File #:</span></td><td><b>R-26-0193</b></td><td>Version:</td><td>1</td></tr>"
        "<tr><td>Title:</td><td colspan='3'>A Resolution authorizing a grant application</td></tr>"
        "<tr><td>Sponsors:</td><td>Council Member Grace Liu, Council Member Tomas Herrera</td></tr>"
        "<tr><td>Attachments:</td><td></td></tr>"
        "<tr><td>Ward</td><td>Votes</td></tr>"
        "</table><p>WHEREAS, the corridor is dangerous;</p></body></html>"
    )
    assert read_html(page.encode()).text == (
        "File #: R-26-0193\n\nVersion: 1\n\nTitle: A Resolution authorizing a grant application\n\n"
        "Sponsors: Council Member Grace Liu, Council Member Tomas Herrera\n\nWard\n\nVotes\n\n"
        "WHEREAS, the corridor is dangerous;\n"
    )


def test_a_description_list_of_metadata_reads_as_labelled_lines() -> None:
    """A parliament's or a CMS's motion page prints its metadata as ``<dl>``: "Submitted by" / "Mark Ruskell, …"."""
    page = (
        "<html><body><h1>Motion S6M-21457: Fair Work in Buses</h1><dl><dt>Submitted by</dt><dd>Mark Ruskell, Mid "
        "Scotland and Fife</dd><dt>Date lodged:</dt><dd>14 January 2026</dd></dl><p>That the Parliament recognises "
        "the role of bus drivers.</p><dl><dt>Glossary</dt><dd><ul><li>one</li></ul></dd></dl></body></html>"
    )
    view = read_html(page.encode(), "motion.html").text
    assert "Submitted by: Mark Ruskell, Mid Scotland and Fife\n\nDate lodged: 14 January 2026\n" in view
    assert "Glossary\n\n- one" in view  # a description with a list in it is read as before


def test_a_drupal_field_reads_as_a_labelled_line() -> None:
    """Drupal prints a node's fields as a label and items: "Sponsored by" / "ASG Vice President Lily Tran"."""
    page = (
        "<html><body><h1>ASG Resolution S26-07</h1>"
        '<div class="field field--name-field-authors field--label-inline"><div class="field__label">Authored by</div>'
        '<div class="field__items"><div class="field__item">Senator Daniela Fuentes</div>'
        '<div class="field__item">Senator Kwame Asante</div></div></div>'
        '<div class="field field--name-body"><div class="field__label">Text</div><div class="field__item"><p>Whereas '
        "students go hungry; now, therefore, be it</p><p>Resolved, that the Senate acts.</p></div></div></body></html>"
    )
    view = read_html(page.encode(), "asg.html").text
    assert "Authored by: Senator Daniela Fuentes; Senator Kwame Asante\n" in view
    assert "Whereas students go hungry; now, therefore, be it\n\nResolved, that the Senate acts." in view


def test_a_header_inside_the_main_content_keeps_its_title() -> None:
    """MediaWiki puts the page's title in a <header> right inside <main>: that header is the page's own and read;
    the site's banner <header> is dropped, and of a blog post's header in its <article> only the headline is
    kept (the byline and date are dropped)."""
    page = (
        b"<html><body><header><p>Site banner and menu</p></header><main><header><h1>Resolution:Approval of the Plan"
        b"</h1></header><p>Whereas, the plan was published;</p><p>Resolved, that the Board approves it.</p></main>"
        b"</body></html>"
    )
    text = read_html(page).text
    assert "# Resolution:Approval of the Plan" in text
    assert "Site banner" not in text
    post = page.replace(b"<main><header>", b"<main><article><header>").replace(b"</main>", b"</article></main>")
    post = post.replace(b"</h1></header>", b'</h1><div class="entry-meta">Posted by Party Webmaster</div></header>')
    text = read_html(post).text
    assert "# Resolution:Approval of the Plan" in text
    assert "Posted by" not in text and "Site banner" not in text


def test_a_wordpress_posts_headline_is_the_resolutions_title() -> None:
    """A resolution published as a WordPress post: its title is the post's h1 in the article's "entry-header",
    beside a byline that is no sponsor (trial 8: S001 "No title" on a county party's resolution)."""
    page = (
        b'<html><body><header class="site-header"><a href="/">County Party</a></header><main><article>'
        b'<header class="entry-header"><h1 class="entry-title">Resolution in Support of Ranked Choice Voting</h1>'
        b'<div class="entry-meta"><span class="byline">Posted by <a href="/author/w/">Party Webmaster</a></span>'
        b'</div></header><div class="entry-content"><p>Introduced by: Resolutions Committee</p>'
        b"<p><strong>WHEREAS</strong>, plurality rule elects minority winners;</p>"
        b"<p><strong>NOW, THEREFORE, BE IT RESOLVED</strong>, that the Party supports ranked choice voting.</p>"
        b"</div></article></main></body></html>"
    )
    (r,) = parse_view(read_html(page, "post.html"))
    assert r.title is not None and r.title.text == "Resolution in Support of Ranked Choice Voting"
    assert "Webmaster" not in str(r.sponsors)


@pytest.mark.parametrize("headline", ["h1", "h2", "h4"])
def test_a_post_headers_headline_of_any_level_and_its_sponsor_line_are_read(headline: str) -> None:
    """A convention's resolution page in an <article>: the title in its header's heading, whatever the level, and
    the labelled sponsor line beside it are the resolution's (trial 10: the title in an <h2> and "Submitted by:"
    were dropped); the byline and date beside them are not, whether marked by the theme or typed."""
    page = (
        f'<html><body><main><article><header><div class="title-wrap"><{headline} class="entry-title">ENSURING '
        f"EQUITABLE ACCESS TO BROADBAND</{headline}></div>"
        "<p><strong>Submitted by:</strong> Georgia State Conference of Branches</p>"
        "<p>By Jane Reporter</p><p>Posted by: admin</p><p>May 1, 2024 at 10:30 am</p>"
        '<p class="byline">Author: Webmaster Smith</p>'
        '<div class="entry-meta">Posted by <a rel="author" href="/a">admin</a> on <time>1 May 2024</time></div>'
        "<address>Newsroom</address></header>"
        "<p>WHEREAS, broadband is a precondition for civic life; and</p><p>WHEREAS, many rural households lack it;</p>"
        "<p>THEREFORE BE IT RESOLVED that the NAACP calls on Congress to fund broadband access.</p>"
        "</article></main></body></html>"
    )
    view = read_html(page.encode(), "post.html")
    for byline in ("Jane Reporter", "admin", "10:30", "Webmaster", "1 May", "Newsroom"):
        assert byline not in view.text
    (r,) = parse_view(view)
    assert r.title is not None and r.title.text == "ENSURING EQUITABLE ACCESS TO BROADBAND"
    assert r.sponsors.submitted_by == "Georgia State Conference of Branches" and not r.sponsors.others
