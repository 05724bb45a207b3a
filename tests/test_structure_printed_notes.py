"""Notes a word processor prints at a page's foot or at the document's end, with no rule in the text layer
(its separator is a drawn line), and their call-outs set as superscripts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import build_docx as build
import pytest

import whereas
from whereas.model import Resolution
from whereas.readers.pdf import join_broken_addresses, join_broken_words, read_pdf


def one(text: str) -> Resolution:
    [r] = whereas.parse(text)
    return r


FOOTNOTES_ON_TWO_PAGES = (
    "Resolution on Public Library Funding\n\n"
    "Whereas circulation rose by 12 percent in 2025¹; and\n\n"
    "Whereas the budget cuts library aid by 20 percent², although the Association has said that\n"
    '"libraries return four dollars for every dollar invested"³; now, therefore, be it\n\n'
    "1 State Library, Annual Report 2025, p. 4.\n\n"
    "2 Office of the Governor, Executive Budget Proposal for Fiscal Year 2027,\n"
    "   https://budget.example.gov/fy2027/proposal.pdf.\n"
    "3 Library Association, Return on Investment, https://libraries.example.org/roi.\n"
    "\f\n"
    "Resolved, that the Association urges the Legislature to restore library aid in full⁴.\n\n"
    "⁴ Library Association, Policy Manual, B.2.\n"
)


def test_footnotes_at_page_feet_are_the_notes_of_their_superscript_call_outs() -> None:
    r = one(FOOTNOTES_ON_TWO_PAGES)
    assert [(n.id, n.text) for n in r.notes] == [
        ("1", "State Library, Annual Report 2025, p. 4."),
        ("2", "Office of the Governor, Executive Budget Proposal for Fiscal Year 2027, https://budget.example.gov/fy2027/proposal.pdf."),
        ("3", "Library Association, Return on Investment, https://libraries.example.org/roi."),
        ("4", "Library Association, Policy Manual, B.2."),
    ]  # fmt: skip
    assert [[m.note for m in c.markers] for c in r.clauses] == [["1"], ["2", "3"], ["4"]]
    assert r.preamble[0].text == "Whereas circulation rose by 12 percent in 2025; and"
    assert r.resolved[0].text.endswith("restore library aid in full.")  # the note's text is not the clause's
    assert [q.note for q in r.quotations] == ["3"]


def test_endnotes_after_the_last_clause_with_digits_glued_to_the_words() -> None:
    r = one(
        "Whereas the report found a rise of a third,1 and the survey a rise of a half;2 now, therefore, be it\n\n"
        "Resolved, that the Council adopts the plan.\n\n"
        "1 City Report on Housing, 2024.\n"
        "2 Tenant Survey, 2025,\nsecond edition.\n"
    )
    assert [(n.id, n.text) for n in r.notes] == [
        ("1", "City Report on Housing, 2024."),
        ("2", "Tenant Survey, 2025, second edition."),
    ]
    assert r.resolved[0].text == "Resolved, that the Council adopts the plan."


@pytest.mark.parametrize(
    "text",
    [
        # numbered paragraphs with no call-out anywhere: the resolution's own text
        "Whereas the Board met twice; now, therefore, be it\n\nResolved, that the Board:\n\n"
        "1 approves the budget;\n\n2 adopts the plan.\n",
        # one digit glued to a word is too little to go on (a model number, a unit)
        "Whereas the District bought a Model X1 bus; now, therefore, be it\n\n"
        "Resolved, that the District thanks the drivers.\n\n1 more bus is to follow.\n",
        # the number a note line would need is not the next one
        "Whereas the report found a rise,1 and the survey a fall;2 now, therefore, be it\n\n"
        "Resolved, that the Council adopts the plan.\n\n2 members voted against.\n",
    ],
)
def test_numbered_lines_without_their_call_outs_are_no_notes(text: str) -> None:
    r = one(text)
    assert r.notes == ()


def test_a_line_that_goes_on_a_sentence_is_no_note() -> None:
    """A note starts a paragraph (or follows another note): a wrapped line that starts with the number is the
    clause's."""
    r = one(
        "Whereas the survey¹ found that of every ten tenants\n1 in 5 pays more than half of their income; now, "
        "therefore, be it\n\nResolved, that the Council acts.\n"
    )
    assert r.notes == ()
    assert "1 in 5 pays" in r.preamble[0].text


@pytest.mark.parametrize(
    ("text", "view"),
    [
        (
            "see https://example.org/extradition-\nappeal-fails and clean-\nly",
            "see https://example.org/extradition-appeal-fails and cleanly",
        ),
        (
            "https://example.org/policies/ALA-\ncode-of-ethics.pdf",
            "https://example.org/policies/ALA-code-of-ethics.pdf",
        ),
        ("https://example.org/extradition-\nappeal", "https://example.org/extradition-appeal"),
        (
            "https://example.org/trustees/\nmeetings/2020-June.pdf.",
            "https://example.org/trustees/meetings/2020-June.pdf.",
        ),
        ("www.example.org/report\ns/2024/file.pdf", "www.example.org/reports/2024/file.pdf"),
        # a sentence goes on after the address
        ("https://example.org/roi/\nAccessed May 3, 2026.", "https://example.org/roi/\nAccessed May 3, 2026."),
        ("https://example.org/roi.\n3 Library Association", "https://example.org/roi.\n3 Library Association"),
        ("https://example.org/roi\np. 4.", "https://example.org/roi\np. 4."),
    ],
)
def test_a_web_address_a_line_end_cut_is_joined(text: str, view: str) -> None:
    assert join_broken_words(join_broken_addresses(text)) == view


def _office() -> str:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    return office


def _to_pdf(tmp_path: Path, name: str, docx: bytes) -> bytes:
    source = tmp_path / f"{name}.docx"
    source.write_bytes(docx)
    subprocess.run(
        [_office(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / f"{name}.pdf"
    if not pdf.exists():
        pytest.fail(f"LibreOffice did not convert {source}")
    return pdf.read_bytes()


@pytest.mark.parametrize(
    ("note", "ids", "callout"),
    [(build.fn, ["1", "2"], "¹"), (build.en, ["i", "ii"], "ⁱ")],  # Word numbers endnotes i, ii, iii, … by default
    ids=["footnotes", "endnotes"],
)
def test_a_word_file_printed_to_pdf_keeps_its_notes(tmp_path: Path, note, ids: list[str], callout: str) -> None:
    data = _to_pdf(
        tmp_path,
        "funding",
        build.build_docx(
            [
                build.p("Resolution on Library Funding", style="Heading 1"),
                build.p("Whereas state aid fell by a third in 2024", note(1, "State aid report, 2024."), "; and"),
                build.p(
                    'Whereas the Library Association has said that "libraries return four dollars for every dollar'
                    ' invested"',
                    note(2, "Library Association, Return on Investment, https://libraries.example.org/roi-2024."),
                    "; now, therefore, be it",
                ),
                build.p("Resolved, that the Association calls for full aid."),
            ]
        ),
    )
    view = read_pdf(data, "funding.pdf").text
    assert f"in 2024{callout}; and" in view  # not "20241"
    [r] = whereas.parse(view)
    assert [(n.id, n.text) for n in r.notes] == [
        (ids[0], "State aid report, 2024."),
        (ids[1], "Library Association, Return on Investment, https://libraries.example.org/roi-2024."),
    ]
    assert [[m.note for m in c.markers] for c in r.preamble] == [[ids[0]], [ids[1]]]
    assert [q.note for q in r.quotations] == [ids[1]]
    assert r.resolved[0].text == "Resolved, that the Association calls for full aid."


def test_a_small_number_after_the_text_is_a_call_out_and_a_line_number_before_it_is_not() -> None:
    """A call-out set much smaller and glued to the word before it (a raise pypdf does not read) is written as a
    superscript; a bill's line number, set small before its line, stays a number."""
    import importlib.util

    from conftest import FIXTURES

    spec = importlib.util.spec_from_file_location("pdf_builder", FIXTURES / "pdf_builder.py")
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    data = builder.build_pdf(
        [
            [
                [("Whereas circulation rose in 2025", 12), ("1", 7), ("; and", 12)],
                [("12", 7), ("Whereas the budget fell;", 12)],
            ]
        ]
    )
    view = read_pdf(data, "small.pdf").text
    assert "in 2025¹; and" in view
    assert "12Whereas" in view or "12 Whereas" in view


@pytest.mark.parametrize(
    "notes",
    ["References\n\n1. District Facilities Plan, 2024.\n2. Garden Study, 2023.\n",
     "1 District Facilities Plan, 2024.\n2 Garden Study, 2023.\n"],
    ids=["notes section", "printed without a rule"],
)  # fmt: skip
def test_a_unit_s_power_is_no_call_out_of_a_printed_note(notes: str) -> None:
    """A square metre ("400 m²") before a list with a note 2 is no call-out of it (a PDF's text layer, a Word
    file's typed superscripts)."""
    [r] = whereas.parse(
        "Whereas the garden covers 400 m² of the school grounds¹; and\n\n"
        "Whereas gardens improve diets²; now, therefore, be it\n\n"
        "Resolved, that the PTA supports the garden.\n\n" + notes
    )
    assert [[m.note for m in c.markers] for c in r.preamble] == [["1"], ["2"]]
    assert r.preamble[0].text == "Whereas the garden covers 400 m² of the school grounds; and"


WHO_STYLE = (
    "Strengthening harbour safety\n\n"
    "The World Maritime Assembly,\n\n"
    "(PP1) Recalling resolution WMA58.29 (2005) on harbour safety;\n"
    "(PP2) Noting the fourth edition of the Harbour safety manual,¹\n\n"
    "1. URGES Member States,² to develop national harbour safety plans;\n\n"
    "2. REQUESTS the Secretary-General to report to the Eighty-first Assembly.\n\n"
    "1 Geneva: World Maritime Organization; 2020.\n\n"
    "2 And, where applicable, regional economic integration organizations.\n"
)


@pytest.mark.parametrize("fmt", ["pdf", "text"])
def test_the_digits_of_a_paragraph_label_call_no_note(fmt: str) -> None:
    """WHO's and the UN's "(PP1)", "(PP2)" labels: the digit after the label's letters was read as a glued call-out,
    the labels became "(PP)" and each note moved to the wrong paragraph (trial 13)."""
    from whereas.model import Source
    from whereas.structure import build

    [r] = build(Source(WHO_STYLE, fmt, None))
    assert [c.text.split(" ", 1)[0] for c in r.preamble] == ["(PP1)", "(PP2)"]
    assert [c.notes for c in r.clauses] == [(), ("1",), ("2",), ()]
