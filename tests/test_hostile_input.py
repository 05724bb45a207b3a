"""Hostile input found by an audit: each file gives findings or one clear error, never a traceback.

Every fixture is written here, in a temporary folder."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run_cli
from whereas.api import CheckOptions, check_paths
from whereas.cli import app
from whereas.errors import InternalError
from whereas.readers import read_bytes

BODY = "Whereas libraries serve everyone; now, therefore, be it\n\nResolved, that we fund them.\n"


def checked(path: Path) -> list[str]:
    """The codes found in ``path``; fails on any error, internal or not."""
    result = check_paths([path], CheckOptions(profile="ala"))
    assert result.errors == [], result.errors
    return [d.code for d in result.diagnostics]


def refused(path: Path) -> str:
    """The one error ``path`` gives (not an internal one)."""
    result = check_paths([path], CheckOptions(profile="ala"))
    [error] = result.errors
    assert not isinstance(error, InternalError), error
    assert result.exit_code == 2
    return str(error)


# --- a title holding an inline note ---------------------------------------------------------------


CHICAGO = """<?xml version="1.0"?>
<resolution>
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dublinCore><dc:title>TITLE</dc:title></dublinCore></metadata>
  <main>
    <level role="whereas"><heading>WHEREAS</heading>, The lake is cold; now, therefore,</level>
    EXTRA
    <level role="resolved"><heading>BE IT RESOLVED</heading>, That we swim.</level>
  </main>
</resolution>
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("title.md", "# M[2: ]k\n\n" + BODY),
        ("title.html", "<html><body><h1>M[2: ]k</h1><p>Whereas a;</p><p>Resolved, that b.</p></body></html>"),
        ("title.xml", CHICAGO.replace("TITLE", "M[2: ]k").replace("EXTRA", "")),
    ],
)
def test_a_title_holding_an_inline_note(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    checked(path)


# --- Chicago XML read in recovery mode ---------------------------------------------------------------


@pytest.mark.parametrize(
    "extra",
    [
        '<level role="x">a <a:b:c>t</a:b:c> <b>x</level>',
        '<level role="x">a <:x>t <b>x</level>',
        '<level role="x">a <x:>t <b>x</level>',
        '<level role="x">a &#xD800; <b>x</level>',  # a lone surrogate
        '<level role="&#xDFFF;">a &#55296;<b>x</level>',
    ],
)
def test_chicago_xml_with_broken_tag_names_or_lone_surrogates(tmp_path: Path, extra: str):
    path = tmp_path / "broken.xml"
    path.write_text(CHICAGO.replace("TITLE", "T").replace("EXTRA", extra), encoding="utf-8")
    checked(path)


# --- a zip member's name ---------------------------------------------------------------------------------


def test_a_docx_with_a_member_name_that_is_not_utf8(tmp_path: Path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/\u00e9.xml", "x")  # a non-ASCII name: stored as UTF-8, flagged so
    path = tmp_path / "names.docx"
    path.write_bytes(buf.getvalue().replace("é".encode(), b"\xff\xfe"))
    assert "member's name is not valid UTF-8" in refused(path)


# --- UTF-16 and UTF-32 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (BODY.encode("utf-16") + b"\x00", "not valid UTF-16 text"),  # an odd length
        (BODY.encode("utf-16") + b"\x00\xd8A\x00", "not valid UTF-16 text"),  # a lone surrogate
        (b"\xff\xfe" + bytes(range(256)) * 4, "not valid UTF-16 text"),
        (b"\xff\xfe" + b"\x12\xe3" * 600, "binary file"),  # private-use characters only
        (BODY.encode("utf-32") + b"\x00\x00", "binary file"),  # UTF-32 cut short, read as UTF-16
    ],
)
def test_utf16_that_is_no_text(tmp_path: Path, data: bytes, problem: str):
    path = tmp_path / "wide.txt"
    path.write_bytes(data)
    assert problem in refused(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(encoding: str):
    data = ("\ufeff" if encoding.endswith("-be") else "") + BODY
    view = read_bytes(data.encode(encoding), "wide.txt")
    assert view.text == BODY


def test_fixing_a_utf32_file_keeps_its_encoding(tmp_path: Path):
    path = tmp_path / "wide.txt"
    path.write_bytes(
        "WHEREAS, libraries serve everyone; now, therefore, be it\n\nResolved, that we fund them.\n".encode("utf-32")
    )
    check_paths([path], CheckOptions(profile="ala", fix=True))
    assert path.read_bytes().decode("utf-32").startswith("Whereas")


# --- note markers that are digits but not decimal ------------------------------------------------------------


def test_a_superscript_note_marker(tmp_path: Path):
    path = tmp_path / "sup.md"
    path.write_text(
        "# Resolution on X\n\nWhereas a;[^¹] and\n\nWhereas c;[^²]\n\nResolved, that b.\n\n[^¹]: one\n[^²]: two\n",
        encoding="utf-8",
    )
    checked(path)
    for to in ("akn", "html", "md", "json"):
        p = CliRunner().invoke(app, ["render", "--to", to, str(path)])
        assert p.exit_code == 0, (to, p.output)


# --- control characters XML 1.0 cannot hold -----------------------------------------------------------------


CONTROLS = (
    "# Resolution on Control\x01 Characters\n\n"
    + "Whereas the members of this association have long supported public libraries and their staff;\n\n" * 3
    + "Whereas a\x01b\x0bc\x1fd;[^1] now, therefore, be it\n\nResolved, that we fund them\x0c.\n\n"
    "[^1]: See https://example.org/a\x01b \x02 note\n"
)


@pytest.mark.parametrize("to", ["akn", "docx"])
def test_rendering_text_with_control_characters_as_xml(tmp_path: Path, to: str):
    source = tmp_path / "controls.md"
    source.write_text(CONTROLS, encoding="utf-8")
    out = tmp_path / f"out.{to}"
    p = CliRunner().invoke(app, ["render", "--to", to, "-o", str(out), str(source)])
    assert p.exit_code == 0, p.output
    if to == "akn":
        from lxml import etree

        text = "".join(etree.fromstring(out.read_bytes()).itertext())
        assert "a b c d" in text and "\x01" not in text
    else:
        with zipfile.ZipFile(out) as z:
            assert b"a b c d" in z.read("word/document.xml")


# --- list numbers the document sets ---------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(fmt: str, start: str) -> bytes:
    """A Word file whose one list, in ``fmt``, starts at ``start``."""
    numbered = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    paragraphs = [
        "Whereas libraries serve everyone; now, therefore, be it",
        "Resolved, that we fund them:",
    ]
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in paragraphs)
    body += "".join(f"<w:p>{numbered}<w:r><w:t>{t}</w:t></w:r></w:p>" for t in ("books;", "staff."))
    numbering = (
        f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
        )
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        z.writestr("word/numbering.xml", numbering)
    return buf.getvalue()


def _odt(fmt: str, start: str) -> bytes:
    """An OpenDocument text whose one list, in ``fmt``, starts at ``start``."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    )
    content = (
        f'<office:document-content {ns}><office:automatic-styles><text:list-style style:name="L1">'
        f'<text:list-level-style-number text:level="1" style:num-format="{fmt}" style:num-suffix="." text:start-value="{start}"/>'
        "</text:list-style></office:automatic-styles><office:body><office:text>"
        "<text:p>Whereas libraries serve everyone; now, therefore, be it</text:p>"
        "<text:p>Resolved, that we fund them:</text:p>"
        '<text:list text:style-name="L1"><text:list-item><text:p>books;</text:p></text:list-item>'
        "<text:list-item><text:p>staff.</text:p></text:list-item></text:list>"
        "</office:text></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("make", "fmt"),
    [(_docx, "lowerLetter"), (_docx, "upperRoman"), (_odt, "a"), (_odt, "I")],
)
@pytest.mark.parametrize(
    ("start", "label"), [("3000000000000", "3000000000000."), ("1" + "0" * 30, "1" + "0" * 30 + ".")]
)
def test_a_giant_list_start_is_written_in_decimal(make, fmt: str, start: str, label: str):
    ext = "docx" if make is _docx else "odt"
    view = read_bytes(make(fmt, start), f"list.{ext}")
    assert label in view.text
    assert len(view.text) < 500


@pytest.mark.parametrize(("make", "fmt", "label"), [(_docx, "lowerLetter", "bb."), (_odt, "I", "XXVIII.")])
def test_an_ordinary_list_start_keeps_its_format(make, fmt: str, label: str):
    ext = "docx" if make is _docx else "odt"
    assert label in read_bytes(make(fmt, "28"), f"list.{ext}").text


def test_list_numbers_beyond_the_bound_are_decimal():
    from whereas.readers.textview import MAX_LIST_NUMBER, letter, roman

    assert roman(MAX_LIST_NUMBER) == "m" * 10
    assert roman(MAX_LIST_NUMBER + 1) == str(MAX_LIST_NUMBER + 1)
    assert letter(27) == "aa" and letter(MAX_LIST_NUMBER + 1) == str(MAX_LIST_NUMBER + 1)
    assert roman(0) == "0" and letter(-3) == "-3"


# --- what pypdf logs --------------------------------------------------------------------------------------------


def test_pypdf_logs_nothing_to_stderr(tmp_path: Path):
    """pypdf logs what it guesses or repairs (up to ERROR level): none of it reaches the user, who sees
    whereas's findings and its own one-line errors only."""
    from pdf_builder import build_pdf

    data = build_pdf([["Whereas libraries serve everyone; now, therefore, be it", "", "Resolved, that we fund them."]])
    assert b"/WinAnsiEncoding" in data
    odd = tmp_path / "encoding.pdf"  # an encoding pypdf does not know: it logs an error and reads on
    odd.write_bytes(data.replace(b"/WinAnsiEncoding", b"/BogusXEncoding1"))
    broken = tmp_path / "broken.pdf"  # cut short: pypdf warns, then fails
    broken.write_bytes(data[: len(data) // 2])
    p = run_cli("check", "--format", "json", odd, broken)
    assert p.returncode == 2
    assert p.stderr.splitlines() == [f"error: {broken}: " + p.stderr.split(f"{broken}: ", 1)[1].strip()], p.stderr
    assert "Resolved" in p.stdout or "S001" in p.stdout


def test_a_document_of_more_clauses_than_the_budget_is_refused_in_one_line(tmp_path: Path):
    """Each clause costs the builder about 2 KB: 50 MiB of short "WHEREAS a;" lines would take gigabytes. Past
    MAX_PARTS clauses and list items the file gets one clear error and exit 2; the other files are still checked."""
    from whereas.structure import MAX_PARTS

    dense = tmp_path / "dense.txt"
    dense.write_text("Resolution on X\n\n" + "WHEREAS a;\n" * (MAX_PARTS + 1) + "RESOLVED, that it acts.\n")
    good = tmp_path / "good.txt"
    good.write_text("Resolution on Y\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n")
    proc = run_cli("check", str(dense), str(good))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"{MAX_PARTS + 2:,} clauses and list items" in proc.stderr  # (and the Resolved clause)
    assert "Traceback" not in proc.stderr
    assert "good.txt" in proc.stdout or "All checks passed" in proc.stdout
