"""The one description of the input formats (``whereas.readers.formats``) and what reads it."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from whereas.errors import InputError
from whereas.files import EXTENSIONS as WALKED
from whereas.lint.fix import FIXABLE_FORMATS
from whereas.readers import detect, read_bytes, read_path
from whereas.readers.formats import (
    BY_NAME,
    FIX_IN_PLACE,
    FORMATS,
    GENERATED,
    PRINT_LAYOUT,
    SOURCE_TEXT,
    Layout,
    formats_help,
    load,
    walked_help,
)


def test_every_format_names_functions_that_exist() -> None:
    for fmt in FORMATS:
        assert callable(load(fmt.reader)), fmt.name
        if fmt.sniff:
            assert callable(load(fmt.sniff)), fmt.name
        assert fmt.extensions and all(e.startswith(".") and e == e.lower() for e in fmt.extensions)
        assert fmt.profile is None or fmt.profile in {"ala", "ronr", "congress", "labor", "city"}
    assert len(BY_NAME) == len(FORMATS)


def test_the_sets_the_rules_read_follow_the_layouts() -> None:
    """What T001, T002, N003, N004, the fixer and the walker decided by format before the table."""
    assert SOURCE_TEXT == {"text", "markdown"}
    assert GENERATED == {"docx", "odt", "uslm", "bill-xml", "chicago-xml", "akn", "html", "pdf"}
    assert PRINT_LAYOUT == {"pdf"}
    assert FIX_IN_PLACE == set(FIXABLE_FORMATS) == {"text", "markdown"}
    assert BY_NAME["doc"].layout is Layout.PARAGRAPHS  # its paragraphs' leading white space is the drafter's
    assert WALKED == {".txt", ".md", ".markdown", ".docx", ".doc", ".odt", ".html", ".htm", ".pdf", ".xml"}


def test_help_texts_name_every_format() -> None:
    for fmt in FORMATS:
        assert fmt.extensions[0] in walked_help().split()
        assert fmt.named in formats_help()


def test_cli_help_reads_the_table() -> None:
    from typer.testing import CliRunner

    from whereas.cli import app

    out = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "300"}).output
    assert walked_help() in out
    out = CliRunner().invoke(app, ["format", "--help"], env={"COLUMNS": "300"}).output
    assert ".txt and .md rewritten in place; .docx and .doc to a new file" in out


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def test_detection_by_content() -> None:
    assert detect(_zip({"word/document.xml": b"<w/>"}), "x.odt") == "docx"
    assert detect(_zip({"content.xml": b"<o/>"}), "x.docx") == "odt"
    assert detect(b"%PDF-1.7\n", "x.txt") == "pdf"
    assert detect(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), None) == "doc"
    assert detect(b"<html><body><p>Whereas</p></body></html>", None) == "html"
    assert detect(b"Resolution\n\n<p>Whereas</p>\n", "page.html") == "html"  # named: sniffed anyway
    assert detect(b"Resolution\n\n<p>Whereas</p>\n", "page.txt") == "text"
    assert detect(b"Whereas it rains; now, therefore, be it\n\nResolved, that\n", "r.md") == "text"


def test_a_zip_named_for_its_format_is_left_to_its_reader() -> None:
    """The reader says what is missing; a zip named for no format is refused here."""
    with pytest.raises(InputError, match="word/document.xml"):
        read_bytes(_zip({"other.txt": b"x"}), "r.docx")
    with pytest.raises(InputError, match="content.xml is missing"):
        read_bytes(_zip({"other.txt": b"x"}), "r.odt")
    with pytest.raises(InputError, match="a zip archive that is neither a Word .docx nor an OpenDocument .odt"):
        detect(_zip({"other.txt": b"x"}), "r.zip")
    with pytest.raises(InputError, match=r"corrupt zip container \(a damaged .docx/.odt\?\)"):
        detect(b"PK\x03\x04" + bytes(40), "r.docx")


@pytest.mark.parametrize("name", ["r.pdf", "r.PDF", "r.doc", "r.odt", "r.docx"])
def test_a_binary_format_s_name_on_text_is_an_error(name: str) -> None:
    kind = name.rsplit(".", 1)[-1]
    with pytest.raises(InputError, match=f"not a valid .{kind} file"):
        detect(b"Whereas it rains\n", name)


@pytest.mark.parametrize("name", ["r.rtf", "r.txt", None])
def test_an_rtf_document_is_refused_in_one_line_whatever_its_name(name: str | None) -> None:
    """Word, WordPad and LibreOffice save RTF: its words sit among control words, and read as text its braces
    would end the clauses and a fix would be written into the markup."""
    rtf = b"{\\rtf1\\ansi\\deff3{\\fonttbl{\\f0 Times;}}\n\\pard{\\loch WHEREAS, the club gives books;}\\par\n}"
    with pytest.raises(
        InputError, match=r"an RTF document, a format whereas does not read: save it as \.docx or \.odt"
    ):
        read_bytes(rtf, name)


def test_xml_of_another_kind_is_refused_not_linted_as_text(tmp_path: Path) -> None:
    """An XML document no reader claims (a feed, Akoma Ntoso without HTML paragraphs, a bill vocabulary
    not read yet) was read as plain text: its tags became the words of its clauses and fixes were
    written into the markup.  One clear error, naming its root element, exit 2."""
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?>\n<!-- exported -->\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<entry><title>WHEREAS the feed is no resolution</title></entry></feed>\n"
    )
    with pytest.raises(InputError, match=r"XML of a kind whereas does not read \(root element <feed>\): it reads US"):
        read_path(feed)
    done = subprocess.run([sys.executable, "-m", "whereas", "check", str(feed)], capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"error: {feed}: XML of a kind whereas does not read")
