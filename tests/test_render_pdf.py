"""whereas render --to pdf: WeasyPrint (the ``pdf`` extra), read back with pypdf and with whereas's PDF reader.

Skipped when WeasyPrint cannot be imported (not installed, or Pango missing); the usage error for that
case is tested in test_render_formats.py.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

import whereas
from conftest import FIXTURES, SEED, needs_seed
from whereas.api import parse_view
from whereas.readers import read_bytes
from whereas.render import render

try:
    import weasyprint  # noqa: F401
except (ImportError, OSError) as exc:  # OSError: installed, but its system libraries (Pango) are missing
    pytest.skip(f"WeasyPrint not importable: {exc}", allow_module_level=True)

TEXT_FIXTURES = FIXTURES / "text"


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def squash(text: str) -> str:
    """Text without white space: a PDF's text layer breaks lines (and URLs) where the page did."""
    return re.sub(r"\s+", "", text)


def opening(text: str, words: int = 6) -> str:
    return " ".join(text.split()[:words])


@needs_seed
def test_seed_pdf(tmp_path: Path) -> None:
    assert SEED is not None
    rs = whereas.parse(SEED)
    data = render(rs, "pdf")
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata is not None and reader.metadata.title == "Resolution"
    text = pdf_text(data)
    assert "Resolution" in text
    r = rs[0]
    assert len(r.preamble) == 7
    for clause in r.preamble + r.resolved:
        assert opening(clause.text) in text, opening(clause.text)
    assert "Notes" in text
    for note in r.notes:  # every endnote, its URL whole once the line breaks are taken out
        assert squash(note.text.split("http")[0]) in squash(text)
        assert squash(note.url or "") in squash(text)
    # call-outs are superscript characters, not digits on the baseline
    assert "¹" in text and "⁵" in text
    # each URL is printed once (the print stylesheet adds "<url>" only after links that do not show it)
    assert squash(text).count(squash(r.notes[1].url or "")) == 1

    back = parse_view(read_bytes(data, "seed.pdf"))
    assert len(back) == 1
    assert len(back[0].preamble) == 7 and len(back[0].resolved) == len(r.resolved) == 1
    assert [opening(c.text) for c in back[0].preamble] == [opening(c.text) for c in r.preamble]
    # notes: the first is found with its call-out (see docs/render.md, Limits, for the rest)
    assert back[0].notes and back[0].notes[0].id == "1"
    assert [m.note for c in back[0].clauses for m in c.markers][:1] == ["1"]


TWO = """# Resolution on Bike Lanes

Whereas cyclists were injured on Main Street 14 times last year[^1]; and

Whereas the city has the funds; now, therefore, be it

Resolved, that the chapter campaigns for protected bike lanes; and be it further

Resolved, that the chapter publishes the injury data.

# Resolution on Childcare

Whereas parents miss meetings for lack of childcare; therefore be it

Resolved, that the chapter provides childcare at every general meeting.

[^1]: City of Example. "Road injuries 2023". https://example.org/injuries
"""


@pytest.mark.parametrize(
    "name",
    ["markdown_footnotes.md", "statute_block.md", "superscript_notes.txt", "wrapped_ny.txt", "several.md", "two"],
)
def test_fixture_pdf_reads_back(name: str) -> None:
    rs = whereas.parse(TWO) if name == "two" else whereas.parse(TEXT_FIXTURES / name)
    assert len(rs) == (2 if name in ("two", "several.md") else 1)
    data = render(rs, "pdf")
    text = pdf_text(data)
    for r in rs:
        if r.title:
            assert " ".join(r.title.text.split()) in text
        for clause in r.preamble + r.resolved:
            assert opening(clause.text, 4) in text
    back = parse_view(read_bytes(data, "out.pdf"))
    assert [(len(r.preamble), len(r.resolved)) for r in back] == [(len(r.preamble), len(r.resolved)) for r in rs]


def test_pdf_renders_offline() -> None:
    from whereas.render.pdf import _no_fetch

    with pytest.raises(ValueError, match="offline"):
        _no_fetch("https://example.org/x.png")


def test_cli_pdf(tmp_path: Path) -> None:
    from whereas.cli import app

    runner = CliRunner()
    src = TEXT_FIXTURES / "markdown_footnotes.md"
    out = runner.invoke(app, ["render", str(src), "--to", "pdf"])
    assert out.exit_code != 0  # binary: needs -o
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    out = runner.invoke(app, ["render", str(src), "--to", "pdf", "-o", str(target)])
    assert out.exit_code == 0, out.output
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]  # no temporary file left
