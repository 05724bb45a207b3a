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


def _pipe(path: Path, rows: list[list[str]]) -> Path:
    """A Markdown file: the table as a pipe table (a two-column form under an empty header, its labels in bold),
    a blank line, then the clauses."""
    if len(rows) == 2:
        table = [rows[0], ["---"] * len(rows[0]), rows[1]]
    else:
        table = [["", ""], ["---", "---"], *([f"**{label}**", value] for label, value in rows)]
    lines = ["| " + " | ".join(row) + " |" for row in table]
    path.write_text("\n".join(lines) + "\n\n" + "\n\n".join(CLAUSES) + "\n", encoding="utf-8")
    return path


def _grid(path: Path, rows: list[list[str]]) -> Path:
    """A Markdown file: the table as a pandoc grid table, its title wrapped over two lines in a label | value form."""
    widths = [max(len(row[j]) for row in rows) for j in range(len(rows[0]))]
    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    lines = [border]
    for row in rows:
        if len(rows) > 2 and row[1] == TITLE:  # "Resolution Supporting Same-Day" / "Voter Registration"
            cut = TITLE.index(" Voter")
            lines.append(f"| {row[0].ljust(widths[0])} | {TITLE[:cut].ljust(widths[1])} |")
            lines.append(f"| {''.ljust(widths[0])} | {TITLE[cut + 1 :].ljust(widths[1])} |")
        else:
            lines.append("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        lines.append(border.replace("-", "=") if row is rows[0] and len(rows) == 2 else border)
    path.write_text("\n".join(lines) + "\n\n" + "\n\n".join(CLAUSES) + "\n", encoding="utf-8")
    return path


def _html(path: Path, rows: list[list[str]]) -> Path:
    """An HTML page: the table (a header row of ``th`` cells in the header-row form), then the clauses."""
    cells = [
        "<tr>" + "".join(f"<{tag}>{escape(c)}</{tag}>" for c in row) + "</tr>"
        for n, row in enumerate(rows)
        for tag in ["th" if n == 0 and len(rows) == 2 else "td"]
    ]
    body = "<table>" + "".join(cells) + "</table>" + "".join(f"<p>{escape(c)}</p>" for c in CLAUSES)
    path.write_text(f"<html><body><main>{body}</main></body></html>", encoding="utf-8")
    return path


def _one(path: Path) -> Resolution:
    [r] = whereas.parse(path)
    return r


@pytest.mark.parametrize("write", [_docx, _odt, _html], ids=["docx", "odt", "html"])
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


@pytest.mark.parametrize("write", [_pipe, _grid], ids=["pipe", "grid"])
@pytest.mark.parametrize("rows", [HEADER_ROW, LABEL_VALUE], ids=["header-row", "label-value"])
def test_a_markdown_metadata_table_reads_as_a_word_one(tmp_path: Path, write: object, rows: list[list[str]]) -> None:
    """A Markdown pipe or grid table of the same metadata gives the same title and sponsors as the Word table; the
    file is its own view, so the title's span is the value's place in the file (its words, a grid's wrapped title
    over its two lines)."""
    path = write(tmp_path / "form.md", rows)  # type: ignore[operator]
    r = _one(path)
    word = _one(_docx(tmp_path / "form.docx", rows))
    assert r.title is not None and word.title is not None and r.title.text == word.title.text == TITLE
    assert r.sponsors.others == word.sponsors.others == (SPONSOR,)
    assert [c.text for c in r.clauses] == [c.text for c in word.clauses]
    text = path.read_text(encoding="utf-8")
    title = text[r.title.span.start : r.title.span.end]
    assert title.startswith("Resolution Supporting") and title.endswith("Registration")
    assert r.sponsors.span is not None and SPONSOR in text[r.sponsors.span.start : r.sponsors.span.end]


def test_a_markdown_table_among_the_clauses_stays_data() -> None:
    """A table of the same shape among the clauses (a recital's figures under it) is the clauses' data: no sponsor,
    and the title is the heading's."""
    (r,) = whereas.parse(
        "# Resolution on Bike Lanes\n\n"
        "WHEREAS the survey counted riders by their sponsor:\n\n"
        "| Name | Sponsor | Date |\n|---|---|---|\n| Main Street | Jane Doe | 2025 |\n\n"
        "WHEREAS cycling is healthy;\n\nRESOLVED, that the Council build more bike lanes.\n"
    )
    assert r.title is not None and r.title.text == "Resolution on Bike Lanes"
    assert not r.sponsors


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
