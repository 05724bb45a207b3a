"""Legacy binary Word (.doc): a file LibreOffice writes from a resolution of ours, the corpus's
Chicago example, and damaged containers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import build_doc
import build_docx as build
import pytest

import whereas
from conftest import CORPUS
from whereas.readers import detect, read_path
from whereas.readers.doc import read_doc

LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

RESOLUTION = (
    "Resolution on Evening Hours\n\n"
    "Whereas working families can visit the library only after six o'clock;\n\n"
    'Whereas the "Library Hours Survey" found that \u201cevening visits doubled\u201d; now, therefore, be it\n\n'
    "Resolved, that the Board extends opening hours to nine o'clock.\n"
)


def convert(source: Path, to: str) -> Path:
    """``source`` saved by LibreOffice as ``to`` (doc, docx) beside it; skips without LibreOffice."""
    if LIBREOFFICE is None:
        pytest.skip("LibreOffice is not installed (it writes the .doc fixtures)")
    folder = source.parent
    done = subprocess.run(
        [
            LIBREOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            to,
            "--outdir",
            str(folder / to),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    out = folder / to / f"{source.stem}.{to}"
    if not out.exists():
        pytest.skip(f"LibreOffice could not write a .{to}: {done.stderr[-300:]}")
    return out


@pytest.fixture(scope="module")
def doc_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("doc") / "evening.txt"
    source.write_text(RESOLUTION, encoding="utf-8")
    return convert(source, "doc")


def _notes_docx() -> bytes:
    """Two footnotes (one with a hyperlink, one with a plain URL) and an endnote, in document order."""
    return build.build_docx(
        [
            build.p("Resolution on Library Funding", style="Heading 1"),
            build.p("Whereas state aid to libraries fell by a third",
                    build.fn(1, "See ", build.Link("the 2023 report", "https://example.org/report-2023"), "."), ";"),
            build.p("Whereas the Governor said \u201clibraries are the heart of our towns\u201d",
                    build.fn(2, "Governor's address, 4 January 2024. https://example.org/address"),
                    "; now, therefore, be it"),
            build.p("Resolved, that the Association calls for full restoration of state aid",
                    build.en(1, "State Library Funding Survey, 2024."), "."),
        ]
    )  # fmt: skip


@pytest.fixture(scope="module")
def notes_doc(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the .docx, the .doc LibreOffice saves it as)."""
    source = tmp_path_factory.mktemp("notes") / "funding.docx"
    source.write_bytes(_notes_docx())
    return source, convert(source, "doc")


def _body_and_notes(view: str) -> str:
    return view.replace("# Resolution", "Resolution")  # the .doc reader does not read styles (no "# " title)


def test_doc_notes_read_as_in_the_docx_it_was_saved_from(notes_doc: tuple[Path, Path]) -> None:
    docx, doc = notes_doc
    view = read_doc(doc.read_bytes(), str(doc)).text
    assert _body_and_notes(view) == _body_and_notes(read_path(docx).text)
    assert "[^1]: See the 2023 report <https://example.org/report-2023>." in view
    assert "\n[^i]: State Library Funding Survey, 2024.\n" in view  # footnotes and endnotes: endnotes i, ii …
    [r] = whereas.parse(doc)
    assert [n.id for n in r.notes] == ["1", "2", "i"]
    assert [m.note for c in r.clauses for m in c.markers] == ["1", "2", "i"]
    assert r.notes[0].url == "https://example.org/report-2023"
    assert [q.note for q in r.quotations] == ["2"]


def test_doc_notes_read_as_libreoffice_reads_them(notes_doc: tuple[Path, Path]) -> None:
    """LibreOffice opening the .doc again (saved back as .docx) finds the same notes at the same places."""
    _, doc = notes_doc
    again = convert(doc, "docx")
    assert _body_and_notes(read_doc(doc.read_bytes()).text) == _body_and_notes(read_path(again).text)


def test_a_doc_reads_like_its_text(doc_file: Path) -> None:
    data = doc_file.read_bytes()
    assert detect(data, str(doc_file)) == "doc"
    [r] = whereas.parse(doc_file)
    [expected] = whereas.parse(RESOLUTION)
    assert r.title and r.title.text == "Resolution on Evening Hours"
    assert [c.text for c in r.preamble] == [c.text for c in expected.preamble]
    assert [c.text for c in r.resolved] == [c.text for c in expected.resolved]
    assert [q.text for q in r.quotations] == [q.text for q in expected.quotations]
    assert r.source.format == "doc"


@pytest.mark.skipif(not (CORPUS / "city-council" / "example.doc").is_file(), reason="../shared is absent")
def test_the_chicago_example_doc() -> None:
    [r] = whereas.parse(CORPUS / "city-council" / "example.doc")
    assert len(r.preamble) == 8 and len(r.resolved) == 2
    assert r.preamble[0].text.startswith("Whereas, God in His infinite Wisdom")
    assert r.resolved[1].text.startswith("BE IT FURTHER RESOLVED that suitable copies")


@pytest.mark.parametrize(
    "data, words",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "not a readable Word .doc"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8, "not a readable Word .doc"),
    ],
)
def test_damaged_containers_are_clear_errors(data: bytes, words: str) -> None:
    with pytest.raises(whereas.InputError, match=words) as info:
        read_doc(data, "bad.doc")
    assert "bad.doc" in str(info.value)


_RECITALS = ("Whereas the sky is blue;\r" * 2500)[:60_000]


def test_a_crafted_doc_reads() -> None:
    """The byte-built .doc the hostile cases below start from is read like any other."""
    data = build_doc.build_doc("Whereas A;\rResolved, B.\r", pieces=[(0, 11, 0), (11, 25, 11)])
    assert read_doc(data, "two-pieces.doc").text == "Whereas A;\n\nResolved, B.\n"


def test_overlapping_pieces_are_refused() -> None:
    """Pieces that overlap would read the same bytes over and over: a 70 KB file once made 12 million
    characters (and a 4 MB one passed 3.4 GB of memory)."""
    big = 25_000_000
    data = build_doc.build_doc(_RECITALS, pieces=[(0, big, 0), (big, 0, 0)] * 200, ccp_text=big)
    with pytest.raises(whereas.InputError, match="pieces that overlap are refused") as info:
        read_doc(data, "overlap.doc")
    assert str(info.value).startswith("overlap.doc: damaged Word .doc: piece 2 ")


def test_pieces_sharing_bytes_stop_at_the_budget() -> None:
    """Pieces in order that all map onto the same bytes spend the budget: at most two characters
    for each byte of the WordDocument stream, then a clear error."""
    width, n = len(_RECITALS), 300
    data = build_doc.build_doc(
        _RECITALS, pieces=[(i * width, (i + 1) * width, 0) for i in range(n)], ccp_text=n * width
    )
    with pytest.raises(whereas.InputError, match=r"yields more text than its \d+-byte WordDocument stream can hold"):
        read_doc(data, "shared.doc")
    assert len(data) < 100_000


def test_a_few_pieces_sharing_bytes_stay_within_the_budget() -> None:
    """Within the budget, what the piece table says is read as it says (the text twice)."""
    text = "Whereas A;\r"
    data = build_doc.build_doc(text, pieces=[(0, 11, 0), (11, 22, 0)], ccp_text=22)
    assert read_doc(data, "twice.doc").text == "Whereas A;\n\nWhereas A;\n"
