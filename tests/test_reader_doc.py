"""Legacy binary Word (.doc): a file LibreOffice writes from a resolution of ours, the corpus's
Chicago example, and damaged containers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from shared_paths import CORPUS

import whereas
from whereas.readers import detect
from whereas.readers.doc import read_doc

LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

RESOLUTION = (
    "Resolution on Evening Hours\n\n"
    "Whereas working families can visit the library only after six o'clock;\n\n"
    "Whereas the \"Library Hours Survey\" found that \u201cevening visits doubled\u201d; now, therefore, be it\n\n"
    "Resolved, that the Board extends opening hours to nine o'clock.\n"
)


@pytest.fixture(scope="module")
def doc_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if LIBREOFFICE is None:
        pytest.skip("LibreOffice is not installed (it writes the .doc fixture)")
    folder = tmp_path_factory.mktemp("doc")
    source = folder / "evening.txt"
    source.write_text(RESOLUTION, encoding="utf-8")
    done = subprocess.run(
        [LIBREOFFICE, "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to", "doc",
         "--outdir", str(folder), str(source)],
        capture_output=True, text=True, timeout=180,
    )
    out = folder / "evening.doc"
    if not out.exists():
        pytest.skip(f"LibreOffice could not write a .doc: {done.stderr[-300:]}")
    return out


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
