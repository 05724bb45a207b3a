"""``whereas parse`` through a real subprocess: output shapes, several files, and bad input."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli
from whereas.readers.base import MAX_INPUT_BYTES

TEXT_FIXTURES = FIXTURES / "text"

RESOLUTION_KEYS = {
    "source",
    "reproduced",
    "title",
    "sponsors",
    "preamble",
    "formula",
    "resolved",
    "notes",
    "quotations",
}


def test_version():
    from whereas import __version__

    p = run_cli("--version")
    assert p.returncode == 0
    assert p.stdout.strip() == f"whereas {__version__}"


def test_parse_json_shape():
    path = TEXT_FIXTURES / "inline_notes.txt"
    p = run_cli("parse", str(path))
    assert p.returncode == 0, p.stderr
    [r] = json.loads(p.stdout)
    assert set(r) == RESOLUTION_KEYS
    assert r["source"] == {"path": str(path), "format": "text", "line": 1}
    assert r["title"] == "Resolution on Open Access to Public Research"
    assert set(r["sponsors"]) == {"mover", "seconder", "submitted_by", "others"}
    assert r["sponsors"]["mover"] == "Dana Whitfield"
    assert len(r["preamble"]) == 3 and len(r["resolved"]) == 1
    assert set(r["preamble"][0]) == {"text", "line", "column", "notes"}
    assert r["preamble"][0]["line"] == 3 and r["preamble"][0]["column"] == 1
    assert r["preamble"][0]["notes"] == ["1"]
    assert r["formula"] == ", now, therefore, be it"
    note = r["notes"][0]
    assert set(note) == {"id", "text", "url", "urls", "line", "inline", "citation"}
    assert set(note["citation"]) == {"author", "title", "url", "date"}
    assert note["url"] == "https://example.org/nlc/open-research" and note["inline"] is True
    q = r["quotations"][1]
    assert set(q) == {"text", "note", "speaker", "clause", "line", "column"}
    assert (q["note"], q["speaker"], q["clause"]) == ("2", "Eastbrook Scholars Union", "preamble[1]")


def test_items_in_json():
    p = run_cli("parse", str(TEXT_FIXTURES / "several.md"))
    assert p.returncode == 0, p.stderr
    first, second = json.loads(p.stdout)
    assert first["title"] == "Bike Lanes on Main Street"
    assert [i["label"] for i in second["resolved"][0]["items"]] == ["1", "2"]


def test_text_outline():
    p = run_cli("parse", "--format", "text", str(TEXT_FIXTURES / "bracket_notes.txt"))
    assert p.returncode == 0, p.stderr
    out = p.stdout
    assert "A RESOLUTION IN SUPPORT OF RURAL BRANCH LIBRARIES" in out
    assert "rural branches serve as the only public computer access" in out
    assert "https://example.org/rural-survey" in out
    assert not out.lstrip().startswith("[")


def test_several_files_in_order():
    a, b = TEXT_FIXTURES / "markdown_footnotes.md", TEXT_FIXTURES / "superscript_notes.txt"
    p = run_cli("parse", str(a), str(b))
    assert p.returncode == 0, p.stderr
    found = json.loads(p.stdout)
    assert [r["source"]["path"] for r in found] == [str(a), str(b)]
    assert [r["source"]["format"] for r in found] == ["markdown", "text"]


def test_file_without_a_resolution(tmp_path: Path):
    f = tmp_path / "minutes.txt"
    f.write_text("Minutes of the meeting.\n\nThe chair opened the meeting.\n", encoding="utf-8")
    p = run_cli("parse", str(f))
    assert p.returncode == 0
    assert json.loads(p.stdout) == []
    assert "warning" in p.stderr and str(f) in p.stderr and "no resolution" in p.stderr


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp / "random.bin"
    binary.write_bytes(random.Random(7).randbytes(4096) + b"\x00")
    fake_docx = tmp / "resolution.docx"
    fake_docx.write_text("Whereas this is text;\n\nResolved, that it is not Word.\n", encoding="utf-8")
    legacy = tmp / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    big = tmp / "huge.txt"
    with big.open("wb") as f:
        f.truncate(MAX_INPUT_BYTES + 1)  # sparse: costs nothing on disk
    directory = tmp / "a-directory"
    directory.mkdir()
    return {
        "missing": tmp / "no-such-file.txt",
        "directory": directory,
        "empty": empty,
        "binary": binary,
        "docx-named text": fake_docx,
        "legacy doc": legacy,
        "gigantic": big,
    }


@pytest.mark.parametrize(
    "kind", ["missing", "directory", "empty", "binary", "docx-named text", "legacy doc", "gigantic"]
)
def test_bad_input_is_one_error_line_and_exit_2(tmp_path: Path, kind: str):
    path = _bad_inputs(tmp_path)[kind]
    started = time.monotonic()
    p = run_cli("parse", str(path))
    elapsed = time.monotonic() - started
    assert p.returncode == 2, (p.stdout, p.stderr)
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert lines[0].startswith("error: ") and str(path) in lines[0]
    assert "Traceback" not in p.stderr
    assert p.stdout == ""
    assert elapsed < 20, elapsed


def test_messages_say_what_is_wrong(tmp_path: Path):
    bad = _bad_inputs(tmp_path)
    expect = {
        "missing": "no such file",
        "directory": "directory",
        "empty": "empty",
        "binary": "binary",
        "docx-named text": ".docx",
        "legacy doc": ".doc",
        "gigantic": "too large",
    }
    for kind, words in expect.items():
        p = run_cli("parse", str(bad[kind]))
        assert words in p.stderr, (kind, p.stderr)


def test_a_bad_file_among_good_ones_fails_the_run(tmp_path: Path):
    p = run_cli("parse", str(TEXT_FIXTURES / "inline_notes.txt"), str(tmp_path / "missing.md"))
    assert p.returncode == 2
    assert "missing.md" in p.stderr and "Traceback" not in p.stderr


@pytest.mark.parametrize("filler", ["a", "é", "’", "😀"])
def test_control_characters_make_a_file_binary_whatever_its_other_characters(filler: str) -> None:
    from whereas.errors import InputError
    from whereas.readers.text import decode

    body = filler * 90
    assert decode((body + "\x07" * 4).encode("utf-8"), "ok.txt") == body + "\x07" * 4  # 4 in 94: text
    with pytest.raises(InputError, match="binary file"):
        decode((body + "\x07\x1b" * 5).encode("utf-8"), "bad.txt")  # 10 in 100: binary
