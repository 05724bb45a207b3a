"""Note call-outs typed as superscript numbers in a word processor (the Superscript button on a "1" after a
word, a "References" list "1. …" at the end, no real footnotes): every reader of a formatted document writes
them as superscript digits, as the PDF reader writes the same file's printed call-outs, so the notes are
called out and the clause texts are clean ("sleep; and", not "sleep1; and")."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import build_docx as build
import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

import whereas
from whereas.api import check
from whereas.model import Resolution
from whereas.readers import read_path
from whereas.readers.html import read_html
from whereas.readers.odt import read_odt

NOTES = ["American Academy of Pediatrics. School Start Times for Adolescents. 2014.", "Sleep Survey, 2023."]


def _typed_notes_docx(path: Path) -> Path:
    """A resolution whose call-outs are typed: "1" set superscript by hand, "2" in a character style based on
    a superscript one; "1st" and "400 m²" are superscripts too, and no call-outs."""
    document = docx.Document()
    raised = document.styles.add_style("Note Mark", WD_STYLE_TYPE.CHARACTER)
    raised.font.superscript = True
    callout = document.styles.add_style("Typed Callout", WD_STYLE_TYPE.CHARACTER)
    callout.base_style = raised
    document.add_paragraph("Resolution on School Start Times")
    p = document.add_paragraph("Whereas, pediatricians recommend later start times for adolescent sleep")
    p.add_run("1").font.superscript = True
    p.add_run("; and")
    p = document.add_paragraph("Whereas, the 1")
    p.add_run("st").font.superscript = True
    p.add_run(" bell rings before sunrise in a hall of 400 m")
    p.add_run("2").font.superscript = True
    p.add_run(" and students sleep too little")
    p.add_run("2", style="Typed Callout")
    p.add_run("; now, therefore, be it")
    document.add_paragraph("Resolved, That the PTA support a start time of 8:30 a.m. or later.")
    document.add_paragraph("References")
    for n, note in enumerate(NOTES, 1):
        document.add_paragraph(f"{n}. {note}")
    document.save(str(path))
    return path


def _assert_notes_read(r: Resolution) -> None:
    assert [(n.id, n.text) for n in r.notes] == [("1", NOTES[0]), ("2", NOTES[1])]
    assert [[m.note for m in c.markers] for c in r.preamble] == [["1"], ["2"]]
    assert [c.text for c in r.preamble] == [
        "Whereas, pediatricians recommend later start times for adolescent sleep; and",
        "Whereas, the 1st bell rings before sunrise in a hall of 400 m² and students sleep too little",
    ]


def test_a_typed_superscript_call_out_in_a_word_file_calls_out_its_printed_note(tmp_path: Path) -> None:
    path = _typed_notes_docx(tmp_path / "typed.docx")
    view = read_path(path).text
    assert "adolescent sleep¹; and" in view
    assert "the 1st bell" in view and "400 m² and" in view and "too little²; now" in view
    [r] = whereas.parse(path)
    _assert_notes_read(r)
    codes = [d.code for d in check([path]).diagnostics]
    assert "N003" not in codes and "N004" not in codes


def _office() -> str:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    return office


@pytest.mark.parametrize("to", ["odt", "html"])
def test_the_same_file_saved_by_libreoffice_reads_alike(tmp_path: Path, to: str) -> None:
    """LibreOffice keeps the superscripts: as ``style:text-position="super 58%"`` in an .odt, as ``<sup>`` in
    HTML; both read as the Word file does."""
    source = _typed_notes_docx(tmp_path / "typed.docx")
    subprocess.run(
        [_office(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", to,
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180,
    )  # fmt: skip
    converted = tmp_path / f"typed.{to}"
    if not converted.exists():
        pytest.fail(f"LibreOffice did not convert {source} to {to}")
    assert "adolescent sleep¹; and" in read_path(converted).text
    [r] = whereas.parse(converted)
    _assert_notes_read(r)


ODT_TYPED = (
    build.ODT_CONTENT.replace(
        " </office:automatic-styles>",
        '  <style:style style:name="T1" style:family="text"><style:text-properties style:text-position="33% 58%"/>'
        "</style:style>\n"
        '  <style:style style:name="T2" style:family="text" style:parent-style-name="T1"/>\n'
        '  <style:style style:name="T3" style:family="text"><style:text-properties style:text-position="-33% 58%"/>'
        "</style:style>\n </office:automatic-styles>",
    )
    .replace("is open<text:s", 'is open<text:span text:style-name="T1">1</text:span><text:s')
    .replace("<text:p>adds seats;", '<text:p>adds seats<text:span text:style-name="T2">2</text:span>;')
    .replace("reports<text:tab/>back.", 'reports<text:tab/>back<text:span text:style-name="T3">3</text:span>.')
)


def test_an_odt_superscript_by_percentage_and_by_inherited_style() -> None:
    """``33% 58%`` (raised) and a style based on such a style are superscripts; ``-33%`` (lowered) is not."""
    text = read_odt(build.odt_bytes(ODT_TYPED)).text
    assert "is open¹  daily[^1];" in text
    assert "1. adds seats²;" in text
    assert "3. reports back3." in text


def test_an_html_sup_number_is_a_typed_call_out_and_a_sup_word_is_not() -> None:
    page = (
        b"<html><body><h1>Resolution on School Start Times</h1>"
        b"<p>Whereas, pediatricians recommend later start times for adolescent sleep<sup>1</sup>; and</p>"
        b"<p>Whereas, the 1<sup>st</sup> bell rings before sunrise in a hall of 400 m<sup>2</sup> and students "
        b"sleep too little<sup><b>2</b></sup>; now, therefore, be it</p>"
        b"<p>Resolved, That the PTA support a start time of 8:30 a.m. or later.</p>"
        b"<h2>References</h2><ol><li>" + NOTES[0].encode() + b"</li><li>" + NOTES[1].encode() + b"</li></ol>"
        b"</body></html>"
    )
    view = read_html(page, "typed.html")
    assert "the 1st bell" in view.text and "400 m² and" in view.text
    [r] = whereas.parse(view.text)
    _assert_notes_read(r)
