"""whereas render: each format, round trips through the readers, AKN validity, the CLI."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

import whereas
from conftest import ROOT, SEED, SHARED, needs_seed
from whereas.api import parse_view
from whereas.errors import UsageError
from whereas.model import Resolution
from whereas.readers import read_bytes
from whereas.render import render

AKN_XSD = SHARED / "schemas" / "akn" / "akomantoso30.xsd"
SCHEMA = ROOT / "docs" / "schema" / "resolution.schema.json"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"

needs_xsd = pytest.mark.skipif(not AKN_XSD.is_file(), reason="shared AKN schema absent")

SMALL = """# Resolution on Testing Things

Mover: Jane Doe
Seconder: John Roe

Whereas the "quick brown fox" jumps[^1];

Whereas, the lazy dog sleeps; now, therefore, be it

Resolved, that the Association—
(1) urges "everyone" to test[^2];
(2) calls on people to sleep; and be it further

Resolved, that this is done.

[^1]: Fox Society. "Foxes". https://example.org/fox
[^2]: Dog club <https://example.org/dog>
"""

SMALL_NO_NOTES = """Whereas the committee met;

WHEREAS, it decided; therefore be it

RESOLVED, That the committee adjourns.
"""


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    if not AKN_XSD.is_file():
        pytest.skip("shared AKN schema absent")
    return etree.XMLSchema(etree.parse(str(AKN_XSD)))


def _seed() -> list[Resolution]:
    return whereas.parse(SEED)


def _norm_note(text: str) -> str:
    """Note text up to how a reader writes a link (``<url>`` autolink or the bare URL)."""
    return " ".join(re.sub(r"<(https?://[^>\s]+)>", r"\1", text).split())


def summary(r: Resolution) -> dict:
    return {
        "title": r.title.text if r.title else None,
        "sponsors": r.sponsors.as_dict(),
        "preamble": [c.text for c in r.preamble],
        "resolved": [c.text for c in r.resolved],
        "items": [[(i.label, i.text) for i in c.items] for c in r.clauses],
        "clause_notes": [len(c.notes) for c in r.clauses],
        "notes": [_norm_note(n.text) for n in r.notes],
        "urls": [n.urls for n in r.notes],
        "quotations": [(q.text, q.clause) for q in r.quotations],
        "formula": " ".join(r.formula.text.split()) if r.formula else None,
    }


def reparse(rendered: str | bytes, fmt: str) -> list[Resolution]:
    data = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
    name = {"md": "out.md", "html": "out.html", "docx": "out.docx"}[fmt]
    return parse_view(read_bytes(data, name))


def assert_round_trip(resolutions: list[Resolution], fmt: str, **options) -> list[Resolution]:
    back = reparse(render(resolutions, fmt, **options), fmt)
    assert [summary(r) for r in back] == [summary(r) for r in resolutions]
    return back


# --- round trips ----------------------------------------------------------------------------


@needs_seed
@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_seed_round_trip(fmt: str) -> None:
    rs = _seed()
    back = assert_round_trip(rs, fmt)
    r = back[0]
    assert (len(r.preamble), len(r.resolved), len(r.notes), len(r.quotations)) == (7, 1, 5, 6)


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize("text", [SMALL, SMALL_NO_NOTES], ids=["small", "no-notes"])
def test_small_round_trip(fmt: str, text: str) -> None:
    rs = whereas.parse(text)
    assert rs and rs[0].resolved
    assert_round_trip(rs, fmt)


def test_docx_footnotes_round_trip() -> None:
    rs = whereas.parse(SMALL)
    data = render(rs, "docx", notes="footnotes")
    names = zipfile.ZipFile(__import__("io").BytesIO(data)).namelist()
    assert "word/footnotes.xml" in names and "word/endnotes.xml" not in names
    assert [summary(r) for r in reparse(data, "docx")] == [summary(r) for r in rs]


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_several_resolutions_round_trip(fmt: str) -> None:
    rs = whereas.parse(SMALL) + whereas.parse(SMALL.replace("Testing Things", "Other Things"))
    assert len(rs) == 2
    back = reparse(render(rs, fmt), fmt)
    assert [r.title.text for r in back if r.title] == ["Resolution on Testing Things", "Resolution on Other Things"]
    assert [len(r.clauses) for r in back] == [4, 4]
    if fmt in ("html", "docx"):
        # the HTML and Word readers collect every note at the end of its text view, so the structure
        # builder gives the last resolution all of them (a reader limit, reported); each resolution still
        # finds the notes it calls out
        for r in back:
            assert all(r.note(m.note) is not None for c in r.clauses for m in c.markers)
        return
    assert [[_norm_note(n.text) for n in r.notes] for r in back] == [[_norm_note(n.text) for n in r.notes] for r in rs]


# --- Word ---------------------------------------------------------------------------------------


@needs_seed
def test_seed_docx_has_real_endnotes() -> None:
    data = render(_seed(), "docx")
    z = zipfile.ZipFile(__import__("io").BytesIO(data))
    endnotes = etree.fromstring(z.read("word/endnotes.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    real = [e for e in endnotes.iter(f"{w}endnote") if e.get(f"{w}type") is None]
    assert len(real) == 5
    document = etree.fromstring(z.read("word/document.xml"))
    assert len(list(document.iter(f"{w}endnoteReference"))) == 5
    assert b"endnotes+xml" in z.read("[Content_Types].xml")
    assert b"/endnotes" in z.read("word/_rels/document.xml.rels")
    styles = z.read("word/styles.xml")
    for style in (b"EndnoteText", b"EndnoteReference", b"Recital", b"ResolvedClause"):
        assert style in styles
    # the keyword run is italic
    runs = [r for r in document.iter(f"{w}r") if "".join(t.text or "" for t in r.iter(f"{w}t")) == "RESOLVED"]
    assert runs and runs[0].find(f"{w}rPr/{w}i") is not None


def test_docx_title_style() -> None:
    data = render(whereas.parse(SMALL), "docx", keyword_style="bold")
    z = zipfile.ZipFile(__import__("io").BytesIO(data))
    doc = z.read("word/document.xml").decode()
    assert 'w:val="Title"' in doc and "<w:b/>" in doc


@pytest.mark.skipif(
    shutil.which("libreoffice") is None and shutil.which("soffice") is None, reason="LibreOffice absent"
)
def test_docx_converts_to_pdf_with_libreoffice(tmp_path: Path) -> None:
    src = tmp_path / "seed.docx"
    rs = _seed() if SEED.is_file() else whereas.parse(SMALL)
    src.write_bytes(render(rs, "docx"))
    office = shutil.which("libreoffice") or shutil.which("soffice")
    profile = tmp_path / "profile"
    subprocess.run(
        [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
        check=True, timeout=180, capture_output=True,
    )  # fmt: skip
    pdf = tmp_path / "seed.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


# --- Akoma Ntoso --------------------------------------------------------------------------------


@needs_seed
def test_seed_akn_is_valid(schema: etree.XMLSchema) -> None:
    xml = render(_seed(), "akn", body="American Library Association", date="2024-01-28", number="2024-01")
    root = etree.fromstring(xml.encode())
    assert schema.validate(root), schema.error_log
    assert len(root.findall(f".//{AKN}recital")) == 7
    notes = root.findall(f".//{AKN}authorialNote")
    assert len(notes) == 5 and all(n.get("placement") == "bottom" for n in notes)
    assert [n.get("marker") for n in notes] == ["1", "2", "3", "4", "5"]
    assert all(n.find(f"{AKN}p/{AKN}a").get("href").startswith("https://") for n in notes)
    assert len(root.findall(f".//{AKN}embeddedText")) == 6
    statement = root.find(f"{AKN}statement")
    assert statement.get("name") == "resolution"
    assert root.find(f".//{AKN}FRBRWork/{AKN}FRBRdate").get("date") == "2024-01-28"
    assert root.find(f".//{AKN}FRBRWork/{AKN}FRBRuri").get("value") == (
        "/akn/us/statement/resolution/american-library-association/2024-01-28/2024-01"
    )
    assert root.find(f".//{AKN}preamble/{AKN}formula").get("name") == "enactingFormula"
    assert len(root.findall(f".//{AKN}mainBody/{AKN}paragraph")) == 1
    # speakers: declared, and every refersTo resolves
    declared = {e.get("eId") for e in root.iter(f"{AKN}TLCOrganization")}
    assert "american-civil-liberties-union" in declared
    for el in root.iter():
        if el.get("refersTo"):
            assert el.get("refersTo")[1:] in declared | {e.get("eId") for e in root.iter(f"{AKN}TLCPerson")}
    # the quotation's words are the model's
    texts = ["".join(e.itertext()) for e in root.iter(f"{AKN}embeddedText")]
    assert texts == [q.text for q in _seed()[0].quotations]


def test_small_akn_points_and_collection(schema: etree.XMLSchema) -> None:
    rs = whereas.parse(SMALL)
    root = etree.fromstring(render(rs, "akn").encode())
    assert schema.validate(root), schema.error_log
    points = root.findall(f".//{AKN}paragraph/{AKN}point")
    assert [p.findtext(f"{AKN}num") for p in points] == ["(1)", "(2)"]
    both = etree.fromstring(render(rs + whereas.parse(SMALL_NO_NOTES), "akn").encode())
    assert schema.validate(both), schema.error_log
    assert len(both.findall(f".//{AKN}component/{AKN}statement")) == 2


def _corpus_xml() -> list[Path]:
    found = []
    for d in ("us-congress", "city-council"):
        found += sorted((SHARED / "corpus" / d).glob("*.[xX][mM][lL]"))
    return found


@needs_xsd
@pytest.mark.parametrize("path", _corpus_xml(), ids=lambda p: p.name)
def test_corpus_xml_renders_valid_akn(path: Path, schema: etree.XMLSchema) -> None:
    rs = whereas.parse(path)
    if not rs:
        pytest.skip("no resolution found")
    root = etree.fromstring(render(rs, "akn").encode())
    assert schema.validate(root), schema.error_log
    assert len(root.findall(f".//{AKN}recital")) == sum(len(r.preamble) for r in rs)


# --- JSON ----------------------------------------------------------------------------------------


@needs_seed
def test_seed_json_matches_schema_and_parse_shape() -> None:
    import jsonschema

    from whereas.serialize import resolution_to_dict

    data = json.loads(render(_seed(), "json"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))
    assert data == [resolution_to_dict(r) for r in _seed()]
    jsonschema.validate(json.loads(render(whereas.parse(SMALL), "json")), json.loads(SCHEMA.read_text()))


# --- HTML ----------------------------------------------------------------------------------------


def test_html_structure_and_verification() -> None:
    rs = whereas.parse(SMALL)
    verification = {
        "quotations": [
            {
                "text": "quick brown fox",
                "note": "1",
                "url": "https://example.org/fox",
                "verdict": "mismatch",
                "differences": [{"kind": "changed", "quoted": "quick", "source": "swift"}],
                "evidence": {
                    "url": "https://archive.example/fox",
                    "status": 200,
                    "sha256": "ab" * 32,
                    "fetched_at": "2024-05-01T00:00:00Z",
                },
            }
        ],
        "sources": [],
    }
    page = render(rs, "html", verification=verification, lang="en-GB")
    root = etree.fromstring(page.encode(), etree.HTMLParser())
    assert root.get("lang") == "en-GB"
    assert root.find(".//article/h1").text == "Resolution on Testing Things"
    assert root.find('.//section[@aria-label="Preamble"]') is not None
    refs = root.findall('.//a[@role="doc-noteref"]')
    assert [a.get("href") for a in refs] == ["#fn1", "#fn2"]
    assert [li.get("id") for li in root.findall('.//section[@role="doc-endnotes"]/ol/li')] == ["fn1", "fn2"]
    assert [a.get("href") for a in root.findall('.//a[@role="doc-backlink"]')] == ["#fnref1", "#fnref2"]
    q = root.find(".//q")
    assert "verdict-mismatch" in q.get("class") and q.get("aria-describedby") == "verify1"
    entry = root.find('.//aside//li[@id="verify1"]')
    assert "mismatch" in "".join(entry.itertext()) and "swift" in "".join(entry.itertext())
    assert entry.find('.//a[@href="https://archive.example/fox"]') is not None
    assert "@media print" in page
    # the verification panel does not leak into the resolution when read back
    assert [summary(r) for r in reparse(page, "html")] == [summary(r) for r in rs]


# --- API and CLI -----------------------------------------------------------------------------------


def test_api_render_types() -> None:
    r = whereas.parse(SMALL)[0]
    assert isinstance(whereas.render(r, to="md"), str)
    assert isinstance(whereas.render(r, to="docx"), bytes)
    with pytest.raises(UsageError):
        whereas.render(r, to="rtf")
    with pytest.raises(UsageError):
        whereas.render(r, to="akn", date="yesterday")


def test_pdf_without_weasyprint_is_a_clear_usage_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from whereas.cli import main

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if not installed: import raises ImportError
    with pytest.raises(UsageError, match=r"pip install 'whereas\[pdf\]'"):
        render(whereas.parse(SMALL), "pdf")
    src = tmp_path / "r.md"
    src.write_text(SMALL, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["whereas", "render", str(src), "--to", "pdf", "-o", str(tmp_path / "r.pdf")])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    assert "pip install 'whereas[pdf]'" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def test_cli_render(tmp_path: Path) -> None:
    from whereas.cli import app

    src = tmp_path / "r.md"
    src.write_text(SMALL, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["render", str(src), "--to", "md"])
    assert out.exit_code == 0, out.output
    assert out.stdout.startswith("# Resolution on Testing Things")
    out = runner.invoke(app, ["render", str(src), "--to", "docx"])
    assert out.exit_code != 0
    target = tmp_path / "r.docx"
    out = runner.invoke(app, ["render", str(src), "--to", "docx", "-o", str(target)])
    assert out.exit_code == 0, out.output
    assert target.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    akn = tmp_path / "r.akn.xml"
    out = runner.invoke(
        app, ["render", str(src), "--to", "akn", "-o", str(akn), "--date", "2024-06-01", "--body", "Example Assoc"]
    )
    assert out.exit_code == 0, out.output
    assert "/akn/us/statement/resolution/example-assoc/2024-06-01/" in akn.read_text()
    vj = tmp_path / "v.json"
    vj.write_text(
        json.dumps({"quotations": [{"text": "everyone", "verdict": "verified", "differences": []}], "sources": []})
    )
    out = runner.invoke(app, ["render", str(src), "--to", "html", "--verify-json", str(vj)])
    assert out.exit_code == 0 and "verdict-verified" in out.stdout


@pytest.mark.parametrize("fmt,ext", [("md", ".md"), ("html", ".html"), ("docx", ".docx"), ("akn", ".akn.xml")])
def test_cli_output_directory_one_file_per_resolution(tmp_path: Path, fmt: str, ext: str) -> None:
    from whereas.cli import app

    src = tmp_path / "motions.md"
    src.write_text(SMALL + "\n" + SMALL.replace("Testing Things", "Other Things"), encoding="utf-8")
    runner = CliRunner()
    # a path ending in a slash: created
    out = runner.invoke(app, ["render", str(src), "--to", fmt, "-o", f"{tmp_path / 'new' / 'dir'}/"])
    assert out.exit_code == 0, out.output
    written = sorted(p.name for p in (tmp_path / "new" / "dir").iterdir())
    assert written == [f"motions-1{ext}", f"motions-2{ext}"]
    # an existing directory, no slash
    existing = tmp_path / "out"
    existing.mkdir()
    out = runner.invoke(app, ["render", str(src), "--to", fmt, "-o", str(existing)])
    assert out.exit_code == 0, out.output
    assert sorted(p.name for p in existing.iterdir()) == written
    if fmt != "akn":
        titles = [[r.title.text for r in reparse((existing / name).read_bytes(), fmt) if r.title] for name in written]
        assert titles == [["Resolution on Testing Things"], ["Resolution on Other Things"]]
    else:
        assert b"documentCollection" not in (existing / written[0]).read_bytes()
    # one resolution: no number
    single = tmp_path / "single.md"
    single.write_text(SMALL, encoding="utf-8")
    out = runner.invoke(app, ["render", str(single), "--to", fmt, "-o", str(existing)])
    assert out.exit_code == 0, out.output
    assert (existing / f"single{ext}").is_file()
    # a file where the directory should be
    out = runner.invoke(app, ["render", str(src), "--to", fmt, "-o", f"{single}/"])
    assert out.exit_code != 0


def test_atomic_write_keeps_old_file_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from whereas.files import write_atomically as write_atomic

    target = tmp_path / "out.html"
    target.write_text("old")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


ITEMS = """# Resolution on Branch Hours

Whereas the branches close at five; now, therefore, be it

Resolved, that the Council:

1. extends the hours of every branch;
2. funds two more librarians; and
3. reports back in a year.

Resolved, that the Board also:

(a) publishes the hours;
(b) posts them at each door.
"""


def test_item_labels_are_published_as_written() -> None:
    rs = whereas.parse(ITEMS)
    md = render(rs, "md")
    assert "\n1. extends the hours" in md and "\n3. reports back" in md and "\n(b) posts them" in md
    akn = etree.fromstring(render(rs, "akn").encode())
    assert [n.text for n in akn.iter(f"{AKN}num")] == ["1.", "2.", "3.", "(a)", "(b)"]
    html = render(rs, "html")
    assert '<span class="num">1.</span>' in html and '<span class="num">(a)</span>' in html
    again = whereas.parse(md)  # and they read back as the same items
    assert [[i.label for i in c.items] for c in again[0].resolved] == [["1", "2", "3"], ["a", "b"]]
    assert render(again, "md") == md


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>x()</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        'https://ok.example/"onmouseover="x()',
    ],
)
def test_verify_json_urls_other_than_http_are_text_not_links(tmp_path: Path, url: str) -> None:
    """A verify JSON is input like any other: its ``url`` and ``evidence.url`` become links only
    when they are http(s); anything else is written out as text, never an ``href``."""
    from whereas.cli import app

    src = tmp_path / "r.md"
    src.write_text(SMALL, encoding="utf-8")
    vj = tmp_path / "v.json"
    quotation = {"text": "quick brown fox", "note": "1", "verdict": "exact", "url": url, "evidence": {"url": url}}
    vj.write_text(json.dumps({"quotations": [quotation], "sources": []}), encoding="utf-8")
    out = CliRunner().invoke(app, ["render", str(src), "--to", "html", "--verify-json", str(vj)])
    assert out.exit_code == 0, out.output
    root = etree.fromstring(out.stdout.encode(), etree.HTMLParser())
    hrefs = [a.get("href") for a in root.iter("a")]
    assert all(h.startswith(("#", "https://example.org/")) for h in hrefs), hrefs
    entry = root.find('.//aside//li[@id="verify1"]')
    # the live page's address, written out; the archived copy is never the live URL (render --archive)
    assert [s.text for s in entry.iterfind('.//span[@class="unlinked-url"]')] == [url]
    assert "live page" in "".join(entry.itertext())


def test_verify_json_http_urls_are_links() -> None:
    verification = {
        "quotations": [
            {
                "text": "quick brown fox",
                "verdict": "exact",
                "url": "HTTPS://example.org/fox",
                "evidence": {"url": "http://example.org/fox?a=1&b=2"},
            }
        ]
    }
    root = etree.fromstring(
        render(whereas.parse(SMALL), "html", verification=verification).encode(), etree.HTMLParser()
    )
    entry = root.find('.//aside//li[@id="verify1"]')
    hrefs = [a.get("href") for a in entry.iter("a") if not a.get("href").startswith("#")]
    assert hrefs == ["HTTPS://example.org/fox", "http://example.org/fox?a=1&b=2"]
    assert entry.find('.//a[@href="#verify1-text"]') is not None  # back to the words
