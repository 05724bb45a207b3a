"""A bulleted list in a Word or OpenDocument file is read as a list: each item written "•" (the glyph the list
shows is a symbol font's character, "o" or "–"), so a clause's bulleted items are its items, as in plain text.
Before, bullets got no label and the items ran into the clause as plain paragraphs (R003 and R006 never saw them)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import whereas
from whereas.readers import read_path

ITEMS = ["extend evening hours at every branch;", "restore Sunday service at the central library", "report by June 1."]


def _bulleted_docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Resolution on Library Services", style="Title")
    d.add_paragraph("WHEREAS, the library serves the whole county; now, therefore, be it")
    d.add_paragraph("RESOLVED, that the Board directs the Director to:")
    for text in ITEMS:
        d.add_paragraph(text, style="List Bullet")
    d.add_paragraph("Moved by: Jane Doe")
    d.save(str(path))
    return path


def _assert_items_read(path: Path) -> None:
    assert "\n• extend evening hours at every branch;\n" in read_path(path).text
    (r,) = whereas.parse(path)
    (clause,) = r.resolved
    assert [i.label for i in clause.items] == ["•", "•", "•"]
    assert [i.text for i in clause.items] == ITEMS
    assert r.sponsors.mover == "Jane Doe"
    # the list's punctuation is checked as in plain text: the second item lacks its "; and"
    found = [(d.code, d.message) for d in whereas.check([path]).diagnostics if d.code == "R003"]
    assert len(found) == 1 and "; and" in found[0][1]


def _bulleted_odt(tmp_path: Path) -> Path:
    """The bulleted Word file saved as .odt by LibreOffice (a real OpenDocument writer)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    source = _bulleted_docx(tmp_path / "bullets.docx")
    subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "odt",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180,
    )  # fmt: skip
    converted = tmp_path / "bullets.odt"
    if not converted.exists():
        pytest.fail(f"LibreOffice did not convert {source} to odt")
    return converted


def test_word_bullets_are_list_items(tmp_path: Path) -> None:
    _assert_items_read(_bulleted_docx(tmp_path / "bullets.docx"))


def test_opendocument_bullets_are_list_items(tmp_path: Path) -> None:
    _assert_items_read(_bulleted_odt(tmp_path))


def test_fix_on_an_opendocument_file_points_to_render_not_to_format_or_review(tmp_path: Path) -> None:
    """`check --fix` on an .odt said "Word and OpenDocument files are never rewritten in place" and pointed to
    `whereas review` and `whereas format`, which both refuse an .odt (trial 18): it points to `render --to md`."""
    odt = _bulleted_odt(tmp_path)
    before = odt.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "whereas", "check", str(odt), "--fix"], capture_output=True, text=True, timeout=120
    )
    assert (
        f"{odt}: --fix cannot write into a PDF, OpenDocument, HTML or XML file; `whereas render --to md" in proc.stderr
    )
    assert "whereas review" not in proc.stderr and "whereas format" not in proc.stderr
    assert odt.read_bytes() == before
    summary = subprocess.run(
        [sys.executable, "-m", "whereas", "check", str(odt)], capture_output=True, text=True, timeout=120
    ).stdout
    assert "with a fix in PDF, OpenDocument, HTML or XML files" in summary
