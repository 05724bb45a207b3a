"""Budgets on extracting a fetched page's text: hostile HTML within the 20 MiB body limit (millions
of elements, deep nesting, an element with half a million attributes, a giant text) is refused with
a reason before lxml or trafilatura spend minutes and gigabytes on it; the source is then
``unsupported`` and its quotations ``unavailable``, never ``not_found``."""

from __future__ import annotations

from pathlib import Path

import pytest

import whereas
from verify_server import Server, html_page
from whereas.verify import extract as ex
from whereas.verify.extract import extract


def page(body: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>Hostile</title></head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    "body, reason",
    [
        ("<i></i>" * 300_000, "page too complex: 300,004 elements, limit 250,000"),  # with html, head, title, body
        ("<div>x" * 300, "page too complex: nested deeper than 255 levels, limit 255"),
        (
            "<p " + " ".join(f"a{i}=x" for i in range(2_000)) + ">hi</p>",
            "page too complex: an element with 2,000 attributes",
        ),
        ("<p>" + "word " * 2_100_000 + "</p>", "page too complex: a text or attribute over libxml2's limit"),
    ],
    ids=["elements", "depth", "attributes", "giant-text"],
)
def test_hostile_pages_are_refused_with_a_reason(body: str, reason: str) -> None:
    got = extract(page(body), "text/html; charset=utf-8")
    assert got.error is not None and got.error.startswith(reason)
    assert got.text == "" and got.page_text == ""


def test_a_long_text_is_refused() -> None:
    got = extract(b"word " * (ex.MAX_SOURCE_CHARS // 5 + 1), "text/plain")
    assert got.error == f"text too long: {ex.MAX_SOURCE_CHARS + 5:,} characters, limit {ex.MAX_SOURCE_CHARS:,}"


def test_many_elements_give_the_whole_page_text_without_trafilatura() -> None:
    """Between the two limits the page is read for every visible word (trafilatura would take
    minutes), so a quotation anywhere in it is still found."""
    n = ex.MAX_EXTRACT_ELEMENTS + 1_000
    got = extract(page("<p>filler words</p>" * n + "<p>The council shall meet on Tuesdays.</p>"), "text/html")
    assert got.error is None and got.title == "Hostile"
    assert got.text.endswith("The council shall meet on Tuesdays.") and got.text.count("filler words") == n


def test_an_ordinary_page_is_read_as_before() -> None:
    got = extract(html_page("Parks", "The council shall meet on Tuesdays.").encode(), "text/html")
    assert got.error is None and "The council shall meet on Tuesdays." in got.text and got.title == "Parks"


@pytest.fixture()
def server():
    s = Server()
    yield s
    s.close()


def test_a_hostile_page_served_makes_the_source_unsupported(server: Server, tmp_path: Path) -> None:
    """End to end through the loopback server: the reason reaches the source and the quotation."""
    url = server.route("/hostile", body=page("<i></i>" * 300_000 + "<p>The council shall meet on Tuesdays.</p>"))
    doc = tmp_path / "res.txt"
    doc.write_text(
        'Whereas the page says "the council shall meet on Tuesdays"[endnoteRef:1]; '
        f'[1:  Someone. "Hostile". {url}] now, therefore, be it\n\nRESOLVED, that we act.\n',
        encoding="utf-8",
    )
    result = whereas.verify(doc, archive=False, wayback_url=None, allow_hosts=[server.allowed])
    [source] = result.sources
    assert source.status == "unsupported"
    assert source.error == "page too complex: 300,005 elements, limit 250,000"
    [quotation] = result.quotations
    assert quotation.verdict == "unavailable" and "page too complex" in (quotation.reason or "")
