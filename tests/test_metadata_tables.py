"""A table of labelled metadata (a form's "Title | Sponsor | Date" over its values, or its "Title | …" rows) reads
as the labelled lines a text file writes ("Title: …", "Sponsor: …"), in Word, OpenDocument and Markdown alike;
a table of data stays as it is."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest

import whereas
from whereas.model import Resolution
from whereas.readers import read_path

TITLE = "Resolution Supporting Same-Day Voter Registration"
SPONSOR = "PCO Dana Whitfield (Precinct 14)"
CLAUSES = [
    "WHEREAS, the registration deadline turned away 3,400 residents; and",
    "WHEREAS, twenty-two states allow same-day registration; now, therefore, be it",
    "RESOLVED, that the Committee endorses Senate Bill 5142.",
]
HEADER_ROW = [["Title", "Sponsor", "Date"], [TITLE, SPONSOR, "March 11, 2025"]]
LABEL_VALUE = [
    ["Resolution", "GSA-R-24-09"],
    ["Title", TITLE],
    ["Sponsor(s)", SPONSOR],
    ["Date Introduced", "March 11, 2025"],
    ["Committee", "Graduate Affairs"],
]


def _docx(path: Path, rows: list[list[str]], *, table_after: int = 0) -> Path:
    """A Word file: the table (python-docx), then the clauses; with ``table_after``, the table stands after
    that many clauses."""
    document = docx.Document()

    def table() -> None:
        grid = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, texts in zip(grid.rows, rows, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text

    for n, clause in enumerate(CLAUSES):
        if n == table_after:
            table()
        document.add_paragraph(clause)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def _odt(path: Path, rows: list[list[str]]) -> Path:
    """An OpenDocument text of the table and the clauses, as a word processor writes it."""
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p></table:table-cell>' for c in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office}" '
        f'xmlns:text="{text}" xmlns:table="{table}" office:version="1.2"><office:body><office:text>'
        f'<table:table table:name="T1"><table:table-column table:number-columns-repeated="{len(rows[0])}"/>{cells}'
        "</table:table>" + "".join(f"<text:p>{escape(c)}</text:p>" for c in CLAUSES) + "</office:text></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    return path


def _one(path: Path) -> Resolution:
    [r] = whereas.parse(path)
    return r


@pytest.mark.parametrize("write", [_docx, _odt], ids=["docx", "odt"])
@pytest.mark.parametrize("rows", [HEADER_ROW, LABEL_VALUE], ids=["header-row", "label-value"])
def test_a_metadata_table_gives_the_title_and_the_sponsors(
    tmp_path: Path, write: object, rows: list[list[str]]
) -> None:
    path = write(tmp_path / f"form.{write.__name__[1:]}", rows)  # type: ignore[operator]
    r = _one(path)
    assert r.title is not None and r.title.text == TITLE
    assert r.sponsors.others == (SPONSOR,)
    assert [c.text.split()[0] for c in r.clauses] == ["WHEREAS,", "WHEREAS,", "RESOLVED,"]
    assert "Title: " + TITLE in read_path(path).text


@pytest.mark.parametrize(
    "rows",
    [
        # a recital's figures: no label the title and sponsor grammar knows
        [["Year", "Households turned away"], ["2022", "2,900"], ["2024", "3,400"]],
        # a header row over several rows of values is a list of data, not one form
        [["Name", "Sponsor", "Date"], ["Ana Ruiz", "Yes", "May 1"], ["Ben Cho", "No", "May 2"]],
    ],
)
def test_a_table_of_data_stays_as_it_is(tmp_path: Path, rows: list[list[str]]) -> None:
    path = _docx(tmp_path / "data.docx", rows, table_after=1)
    view = read_path(path).text
    assert all(f"\n{cell}\n" in view for row in rows for cell in row)
    assert ": " not in view.split(CLAUSES[0])[1].split(CLAUSES[1])[0]
