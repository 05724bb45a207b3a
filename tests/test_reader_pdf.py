"""PDF reader: text layer in layout mode, de-hyphenation, scans, encrypted and broken files."""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from conftest import CORPUS, FIXTURES
from whereas.errors import InputError
from whereas.readers.pdf import SCANNED, read_pdf, sniff_pdf, tidy_page


def _load_builder() -> Callable[[list[list[str] | None]], bytes]:
    spec = importlib.util.spec_from_file_location("pdf_builder", FIXTURES / "pdf_builder.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_pdf  # type: ignore[no-any-return]


build_pdf = _load_builder()

RESOLUTION_PAGES: list[list[str] | None] = [
    [
        "A Resolution on the River",
        "",
        "Whereas the river banks are clean-",
        "ly kept by volunteers; and",
        "",
        "Whereas the Self-",
        "Help Fund paid for (1) gloves; now, therefore, be it",
    ],
    [
        "Resolved, that the town thanks the volunteers.",
    ],
]

RESOLUTION_VIEW = """\
A Resolution on the River

Whereas the river banks are cleanly kept by volunteers; and

Whereas the Self-
Help Fund paid for (1) gloves; now, therefore, be it
\f
Resolved, that the town thanks the volunteers.
"""  # pages end at a form feed on a line of its own


def test_generated_pdf_view() -> None:
    view = read_pdf(build_pdf(RESOLUTION_PAGES), "res.pdf")
    assert view.text == RESOLUTION_VIEW
    assert (view.format, view.path) == ("pdf", "res.pdf")


def test_layout_mode_is_what_keeps_paragraph_gaps() -> None:
    page = pypdf.PdfReader(io.BytesIO(build_pdf(RESOLUTION_PAGES))).pages[0]
    assert "\n\n" not in page.extract_text()
    assert "\n\n" in page.extract_text(extraction_mode="layout")


@pytest.mark.parametrize(
    "raw, tidy",
    [
        ("   A   B  \n\n\n\n  C", " A B\n\nC"),  # indentation beyond the margin (2) stays
        ("    - item\n        - sub-item", "- item\n    - sub-item"),
        ("\ufb01ne sta\ufb00 \u200bhere", "fine staff here"),
        ("clean-\nly", "cleanly"),
        ("Self-\nHelp", "Self-\nHelp"),
        ("page 12-\n13", "page 12-\n13"),
        ("état-\nique", "étatique"),
        ("\n\nx\n\n", "x"),
        ("at its seventy-\nfourth session", "at its seventy-fourth session"),  # a number's hyphen stays
        ("capacity-\nbuilding and capacity-building", "capacity-building and capacity-building"),  # as elsewhere
    ],
)
def test_tidy_page(raw: str, tidy: str) -> None:
    assert tidy_page(raw) == tidy


def test_empty_page_only_is_a_scan() -> None:
    with pytest.raises(InputError) as info:
        read_pdf(build_pdf([None]), "scan.pdf")
    assert str(info.value) == f"scan.pdf: {SCANNED}"


def test_encrypted_with_password_is_refused() -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(build_pdf(RESOLUTION_PAGES))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(InputError, match="encrypted PDF that needs a password"):
        read_pdf(out.getvalue(), "locked.pdf")


def test_encrypted_with_empty_user_password_is_read() -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(build_pdf(RESOLUTION_PAGES))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert read_pdf(out.getvalue()).text == RESOLUTION_VIEW


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_encrypted_with_empty_user_password_is_read(algorithm: str, tmp_path: Path) -> None:
    """AES (signed board resolutions often come so): pypdf decrypts it with ``cryptography``, a dependency."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(build_pdf(RESOLUTION_PAGES))))
    writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    assert read_pdf(out.getvalue()).text == RESOLUTION_VIEW
    locked = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(build_pdf(RESOLUTION_PAGES))))
    locked.encrypt(user_password="secret", owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    locked.write(out)
    with pytest.raises(InputError, match="encrypted PDF that needs a password"):
        read_pdf(out.getvalue(), "locked.pdf")


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty file"),
        (bytes(range(256)) * 16, "not a PDF"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 16, "corrupt or unreadable PDF"),
        (b"%PDF-", "corrupt or unreadable PDF"),
    ],
)
def test_bad_input(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        read_pdf(data, "bad.pdf")


@pytest.mark.parametrize("keep", [0.3, 0.5])
def test_truncated_pdf_is_an_input_error(keep: float) -> None:
    data = build_pdf(RESOLUTION_PAGES)
    with pytest.raises(InputError):
        read_pdf(data[: int(len(data) * keep)], "cut.pdf")


def test_sniff_pdf() -> None:
    assert sniff_pdf(build_pdf([["x"]]))
    assert not sniff_pdf(b"<html>")


@pytest.mark.skipif(not (CORPUS / "city-council").is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize(
    "path", sorted((CORPUS / "city-council").glob("*.pdf")) if CORPUS.is_dir() else [], ids=lambda p: p.name
)
def test_corpus_pdf_reads_or_is_a_scan(path: Path) -> None:
    try:
        view = read_pdf(path.read_bytes(), str(path))
    except InputError as e:
        assert e.problem == SCANNED
        return
    assert "WHEREAS" in view.text.upper()
