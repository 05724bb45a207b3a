"""Notes printed at the foot of a page that a clause runs across (trial 11): the notes leave the running text, the
clause's text is joined across the page break, and the call-outs get their notes, in every PDF producer's form: the
note's number and a space ("1 Tamarack County Auditor …", Word and LibreOffice from a .docx), glued to its first word
("1Helen Keller …", LibreOffice's own notes), right under the page's last line or after a blank line."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import build_docx as build
import pytest

import whereas
from conftest import FIXTURES
from whereas.model import Resolution
from whereas.readers.pdf import read_pdf

NOTE_1 = "Tamarack County Auditor, Canvass Report, Table 6 (Dec. 3, 2024)."
NOTE_2 = "Helen Keller, address, June 30, 1925, https://www.lionsclubs.org/en/our-history."


def one(text: str) -> Resolution:
    [r] = whereas.parse(text)
    return r


def _page_break_text(number: str, gap: str) -> str:
    return (
        "Resolution on Vision Screening\n\n"
        "WHEREAS, the canvass turned away 3,400 residents¹; and\n\n"
        "WHEREAS, Helen Keller challenged Lions to become “knights of the blind”²; now, therefore, be it\n\n"
        "RESOLVED, that the Committee:\n\n"
        "1. endorses the bill;\n"
        "2. directs the Task Force to consult every club in the District\n"
        "before it reports, and to follow up with the\n"
        f"{gap}{number('1')}Tamarack County Auditor, Canvass Report, Table 6 (Dec.\n"
        "3, 2024).\n"
        f"{number('2')}Helen Keller, address, June 30, 1925,\n"
        "https://www.lionsclubs.org/en/our-history.\n"
        "\f\n"
        "families of every child referred; and\n"
        "3. reports at the next convention.\n"
        "Respectfully submitted,\n"
        "Lion Gerald Hutchins, President\n"
    )


@pytest.mark.parametrize("gap", ["", "\n"], ids=["right under the text", "after a blank line"])
@pytest.mark.parametrize(
    "number", [lambda n: f"{n} ", lambda n: n, lambda n: "¹²"[int(n) - 1]], ids=["spaced", "glued", "superscript"]
)
def test_notes_at_the_foot_of_a_page_leave_the_clause_that_runs_across_it(number, gap: str) -> None:
    r = one(_page_break_text(number, gap))
    assert [(n.id, n.text) for n in r.notes] == [("1", NOTE_1), ("2", NOTE_2)]
    assert [[m.note for m in c.markers] for c in r.preamble] == [["1"], ["2"]]
    [clause] = r.resolved
    assert [item.text for item in clause.items] == [
        "endorses the bill;",
        "directs the Task Force to consult every club in the District before it reports, and to follow up with the"
        " families of every child referred; and",
        "reports at the next convention.",
    ]
    assert "Respectfully" not in clause.text


def test_a_numbered_paragraph_above_the_last_body_paragraph_of_a_page_is_no_note() -> None:
    """Only from a page's last paragraph of text on may a note start inside a paragraph: under it, every
    paragraph to the page's end is a note."""
    r = one(
        "WHEREAS, the survey¹ found that of every ten tenants\n1 in 5 pays more than half of their income; and\n\n"
        "WHEREAS, rents rose; now, therefore, be it\n\nRESOLVED, that the Council acts.\n"
    )
    assert r.notes == ()
    assert "1 in 5 pays" in r.preamble[0].text


def _builder():
    spec = importlib.util.spec_from_file_location("pdf_builder", FIXTURES / "pdf_builder.py")
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    return builder


@pytest.mark.parametrize("glued", [False, True], ids=["number and a space", "number glued to the note"])
def test_a_pdf_s_page_foot_notes_in_a_clause_across_the_page_break(glued: bool) -> None:
    """A PDF drawn line by line (no producer's quirks): the notes in a smaller size right under the page's last
    line, the clause going on on the next page, the closing lines right under the last clause."""
    space = "" if glued else " "
    data = _builder().build_pdf(
        [
            [
                "Resolution on Vision Screening",
                "",
                [
                    ("WHEREAS, Helen Keller challenged Lions to become knights of the blind", 12),
                    ("1", 7),
                    ("; now,", 12),
                ],
                "therefore, be it",
                "",
                "RESOLVED, that the District Governor appoint a Task Force that shall",
                "consult every club in the District before it reports and follow up with the",
                [("1", 10), (space + "Helen Keller, address, June 30, 1925, https://www.lionsclubs.org/history.", 10)],
            ],
            [
                "families of every child referred.",
                "Respectfully submitted,",
                "Lion Gerald Hutchins, President",
            ],
        ]
    )
    r = one(read_pdf(data, "lions.pdf").text)
    assert [(n.id, n.text) for n in r.notes] == [
        ("1", "Helen Keller, address, June 30, 1925, https://www.lionsclubs.org/history.")
    ]
    assert [[m.note for m in c.markers] for c in r.preamble] == [["1"]]
    assert r.resolved[0].text == (
        "RESOLVED, that the District Governor appoint a Task Force that shall consult every club in the District"
        " before it reports and follow up with the families of every child referred."
    )


# --- real producers: LibreOffice printing a Word file and its own document ---------------------------------------------


def _office() -> str:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    return office


def _to_pdf(tmp_path: Path, source: Path) -> bytes:
    subprocess.run(
        [_office(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / f"{source.stem}.pdf"
    if not pdf.exists():
        pytest.fail(f"LibreOffice did not convert {source}")
    return pdf.read_bytes()


# (sentences that differ: a line repeated at the pages' edges would be taken for a running head)
_CLUBS = [f"{a} {b}" for a in ("Red", "Blue", "Gray", "Green", "Gold", "White", "Black", "Brown") for b in
          ("Oak", "Elm", "Ash", "Pine", "Birch", "Maple", "Cedar", "Willow")]  # fmt: skip
_LONG = " ".join(f"The Task Force shall consult the {club} club before it reports." for club in _CLUBS)


def _check_printed(view: str) -> None:
    assert "\f" in view  # the clause does run across a page break
    r = one(view)
    assert [n.text for n in r.notes] == [NOTE_2]
    assert [[m.note for m in c.markers] for c in r.preamble] == [["1"]]
    last = r.resolved[-1].text
    assert last.startswith("FURTHER RESOLVED, that " + _LONG)
    assert last.endswith("Each club shall follow up with the families of every child referred.")
    assert "Respectfully" not in last


def test_a_word_file_s_footnotes_printed_by_libreoffice(tmp_path: Path) -> None:
    source = tmp_path / "lions.docx"
    source.write_bytes(
        build.build_docx(
            [
                build.p("Resolution on Vision Screening", style="Heading 1"),
                build.p(
                    "WHEREAS, Helen Keller challenged Lions to become “knights of the blind”",
                    build.fn(1, NOTE_2),
                    "; NOW, THEREFORE, BE IT",
                ),
                build.p("RESOLVED, that the District Governor appoint a Task Force; and be it"),
                build.p(
                    f"FURTHER RESOLVED, that {_LONG} Each club shall follow up with the families of every child referred."
                ),
                build.p("Respectfully submitted,"),
                build.p("Lion Gerald Hutchins, President"),
            ]
        )
    )
    _check_printed(read_pdf(_to_pdf(tmp_path, source), "lions.pdf").text)


_ODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ns} office:version="1.3"><office:body><office:text>
<text:p>Resolution on Vision Screening</text:p>
<text:p>WHEREAS, Helen Keller challenged Lions to become “knights of the blind”<text:note text:id="ftn1"
 text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>{note}</text:p>
 </text:note-body></text:note>; NOW, THEREFORE, BE IT</text:p>
<text:p>RESOLVED, that the District Governor appoint a Task Force; and be it</text:p>
<text:p>FURTHER RESOLVED, that {long} Each club shall follow up with the families of every child referred.</text:p>
<text:p>Respectfully submitted,</text:p>
<text:p>Lion Gerald Hutchins, President</text:p>
</office:text></office:body></office:document-content>
"""


def test_libreoffice_s_own_footnotes_their_number_glued_to_the_note(tmp_path: Path) -> None:
    source = tmp_path / "lions.odt"
    source.write_bytes(build.odt_bytes(_ODT.format(ns=build._ODT_NS, note=NOTE_2, long=_LONG)))
    view = read_pdf(_to_pdf(tmp_path, source), "lions.pdf").text
    _check_printed(view)


# --- notes under a rule that run on to the next page, and a notes section numbered "1-" -----------------------------

_RULED = (
    "The General Assembly,\n\n"
    "Recalling its resolution 72/77,¹\n\n"
    "Noting the work related to UNISPACE+50,² which provides a perspective for the\n\n"
    "__________________\n"
    "1 See A/72/20.\n"
    "2 Related documents include A/AC.105/1129, A/AC.105/1131,\n"
    "A/AC.105/1160, A/AC.105/1161,\n"
    "\f\n"
    "preparation of a Space2030 agenda,\n\n"
    "1. Endorses the report of the Committee;\n\n"
    "2. Requests the Secretary-General to report on the agenda.\n\n"
    "__________________\n"
    "A/AC.105/1168 and A/AC.105/1181.\n"
)


def test_a_note_under_a_rule_that_runs_on_under_the_next_page_s_rule() -> None:
    r = one(_RULED)
    assert [(n.id, n.text) for n in r.notes] == [
        ("1", "See A/72/20."),
        ("2", "Related documents include A/AC.105/1129, A/AC.105/1131, A/AC.105/1160, A/AC.105/1161, A/AC.105/1168"
         " and A/AC.105/1181."),
    ]  # fmt: skip
    assert r.resolved[-1].text == "2. Requests the Secretary-General to report on the agenda."


def test_lines_under_a_rule_that_do_not_go_on_a_note_are_not_taken_for_it() -> None:
    """A note that ends its sentence does not go on under the next page's rule, and a note goes on under one rule
    only: a signature's rule further down the page is no more of it."""
    finished = one(_RULED.replace("A/AC.105/1161,\n", "A/AC.105/1161.\n"))
    assert finished.notes[-1].text.endswith("A/AC.105/1161.")
    signed = one(_RULED + "\nDone at New York.\n\n__________\nSigned, the Secretary-General\n")
    assert signed.notes[-1].text.endswith("A/AC.105/1168 and A/AC.105/1181.")
