"""A Markdown table of a resolution's labelled metadata (a pipe table or a pandoc grid table), read as the labelled
lines a Word or an OpenDocument table of them is read as ("Title: …", "Sponsor: …"): which tables are such tables
and which of their cells are labels and which values is :mod:`whereas.readers.tables`'s answer, for every format.

A Markdown file's view is the file itself, so the table is not rewritten.  For the title and the sponsors, its lines
give way to one labelled line a pair ("Sponsor: Jane Doe, Treasurer", placed so that the value keeps its offsets in
the file; a value a grid table wraps goes on, a line a piece), and those readers read the values' words from a copy
of the text in which the table's other characters (rules, labels, the cells of no pair) are blanked.

Only the lines before a resolution's first clause and after its last one are looked at: a table among its clauses
is the clauses' data, never its metadata, and stays as it is.
"""

from __future__ import annotations

import re

from whereas.model import Span
from whereas.readers.tables import label_text, metadata_pairs
from whereas.structure.drafts import Group
from whereas.structure.lines import Line, classify

__all__ = ["MetadataTables"]

#: a pipe table's rule row under its header: "|---|:---:|", "--- | ---"
_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
#: a grid table's border: "+-----+------+", "+=====+======+" under its header
_BORDER = re.compile(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*$")
#: a cell's separator in a pipe table's row (not an escaped "\|")
_PIPE = re.compile(r"(?<!\\)\|")

#: a table's cells, row by row: each cell's pieces (one a line of the row), trimmed, empty ones left out
Cells = list[list[list[Span]]]


class MetadataTables:
    """The Markdown tables of labelled metadata around the resolutions of a text (``groups``: the builder's)."""

    def __init__(self, text: str, groups: list[Group]) -> None:
        self.text = text  # the text the title and sponsor readers read: the tables blanked but for their values
        self._lines: dict[int, list[Line]] = {}  # a table's first line → its labelled lines
        self._covered: set[int] = set()  # where each line of those tables starts
        if "|" not in text:
            return
        kept: list[tuple[int, int, list[Span]]] = []  # each table's [start, end) and the value pieces it keeps
        for group in groups:
            last = group.clauses[-1].end if group.clauses else -1
            for lines in (group.before, [ln for ln in group.after if ln.start >= last]):
                for table, cells in _tables(text, lines):
                    labelled = self._read(text, table, cells)
                    if labelled is not None:
                        kept.append((table[0].start, table[-1].end, labelled))
        if kept:
            self.text = _blanked(text, sorted(kept, key=lambda k: k[0]))

    def lines(self, lines: list[Line]) -> list[Line]:
        """``lines`` with each metadata table among them given as its labelled lines."""
        if not self._covered:
            return lines
        out: list[Line] = []
        for ln in lines:
            out.extend(self._lines.get(ln.start, ()))
            if ln.start not in self._covered:
                out.append(ln)
        return out

    def _read(self, text: str, table: list[Line], cells: Cells) -> list[Span] | None:
        """Record the labelled lines of ``table`` if it is one of metadata; the value pieces it keeps, or None."""
        texts = [[" ".join(text[p.start : p.end] for p in cell) for cell in row] for row in cells]
        pairs = metadata_pairs(texts)
        if not pairs:
            return None
        rows = {vi for _, (vi, _) in pairs}
        if len(rows) == 1 and len(pairs) > 1 and any(len(cells[vi][vj]) > 1 for _, (vi, vj) in pairs):
            return None  # values wrapped side by side under their labels: no value reads as one run of the text
        labelled: list[Line] = []
        kept: list[Span] = []
        for (li, lj), (vi, vj) in pairs:
            first, *rest = cells[vi][vj]
            head = f"{label_text(texts[li][lj])}: "
            labelled.append(classify(first.start - len(head), first.end, head + text[first.start : first.end]))
            labelled += [Line(p.start, p.end, "text", text[p.start : p.end]) for p in rest]
            kept += cells[vi][vj]
        self._lines[table[0].start] = labelled
        self._covered.update(ln.start for ln in table)
        return kept


def _blanked(text: str, kept: list[tuple[int, int, list[Span]]]) -> str:
    """``text`` with each table's characters blanked (its line breaks kept) but for the value pieces it keeps."""
    out: list[str] = []
    at = 0
    for start, end, values in kept:
        out.append(text[at:start])
        at = start
        for piece in sorted(values, key=lambda s: s.start):
            out.append(re.sub(r"[^\n]", " ", text[at : piece.start]))
            out.append(text[piece.start : piece.end])
            at = piece.end
        out.append(re.sub(r"[^\n]", " ", text[at:end]))
        at = end
    out.append(text[at:])
    return "".join(out)


def _tables(text: str, lines: list[Line]) -> list[tuple[list[Line], Cells]]:
    """The pipe and grid tables among ``lines``: each one's lines and its cells."""
    found: list[tuple[list[Line], Cells]] = []
    run: list[Line] = []
    for ln in [*lines, Line(-2, -2, "blank", "")]:
        if ln.kind != "blank" and ln.kind in ("text", "tag") and (not run or ln.start == run[-1].end + 1):
            run.append(ln)
            continue
        if len(run) >= 2:
            cells = _grid_cells(run) if _BORDER.match(run[0].text) else _pipe_cells(run)
            if cells is not None:
                found.append((run, cells))
        run = [ln] if ln.kind in ("text", "tag") else []
    return found


def _pipe_cells(run: list[Line]) -> Cells | None:
    """A pipe table's cells (its header row, then its rows; the rule row left out), or None: no such table."""
    if len(run) < 3 or not _RULE.match(run[1].text) or not all("|" in ln.text for ln in run):
        return None
    rows: Cells = []
    for ln in [run[0], *run[2:]]:
        bounds = [-1, *(m.start() for m in _PIPE.finditer(ln.text)), len(ln.text)]
        cells = [(a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False)]
        if ln.text.lstrip().startswith("|"):
            cells = cells[1:]
        if ln.text.rstrip().endswith("|") and len(ln.text.strip()) > 1:
            cells = cells[:-1]
        rows.append([_piece(ln, a, b) for a, b in cells])
    return rows


def _grid_cells(run: list[Line]) -> Cells | None:
    """A grid table's cells, row by row (a row: the lines between two borders), or None: no such table, or one
    with merged cells."""
    if not _BORDER.match(run[-1].text):
        return None
    columns = [m.start() for m in re.finditer(r"\+", run[0].text)]
    rows: Cells = []
    row: list[list[Span]] | None = None
    for ln in run[1:]:
        if _BORDER.match(ln.text):
            if [m.start() for m in re.finditer(r"\+", ln.text)] != columns or row is None:
                return None
            rows.append(row)
            row = None
            continue
        if any(ln.text[c : c + 1] != "|" for c in columns) or ln.text.count("|") != len(columns):
            return None
        row = row or [[] for _ in columns[1:]]
        for j, (a, b) in enumerate(zip(columns, columns[1:], strict=False)):
            row[j] += _piece(ln, a + 1, b)
    return rows if row is None and rows else None


def _piece(ln: Line, a: int, b: int) -> list[Span]:
    """The part ``[a, b)`` of a line's text, trimmed, as a span of the text (none if it is empty)."""
    part = ln.text[a:b]
    lead = len(part) - len(part.lstrip())
    words = part.strip()
    return [Span(ln.start + a + lead, ln.start + a + lead + len(words))] if words else []
