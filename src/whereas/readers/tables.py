"""A table of a resolution's labelled metadata, as a form prints it: which of its cells are labels and which
their values.

Two shapes are read (every reader that meets a table asks the same question here, so that a Word table, an
OpenDocument table and a Markdown pipe or grid table read alike):

* labels in a header row over one row of values (``Title | Sponsor | Date`` over ``Resolution on … | Jane Doe |
  March 11, 2025``);
* a label and its value on each row (``Title | Resolution on …``, ``Sponsor(s) | Jane Doe``), or pairs of them
  (``File #: | R-26-0193 | Version: | 1``).

Only a small table whose labels are all short and one of which the title and sponsor grammar knows ("Title",
"Subject", "Sponsor(s)", "Submitted by", "Author", "Mover", "Seconder" …) is such a table; a table of data (a
recital's figures, a budget) is none, and is read as before.  Each pair then reads as the labelled line a text
file writes, "Label: value".
"""

from __future__ import annotations

import re

__all__ = ["Cell", "label_text", "metadata_pairs"]

#: a cell, by its row and column
Cell = tuple[int, int]

#: the labels of a title or of who brings the resolution, as the structure reads them on a labelled line
_KNOWN = re.compile(
    r"(?:resolution\s+|motion\s+)?(?:title|subject|re|topic|name)|"
    r"(?:co-?)?sponsors?|(?:co-?)?sponsor\(s\)|(?:co-?)?sponsored\s+by|co-?submitters?|submitted\s+by|introduced\s+by|presented\s+by|"
    r"proposed\s+by|moved\s+by|seconded\s+by|authors?|author\(s\)|authored\s+by|mover|seconder|proposer|presenter",
    re.I,
)
#: a label: a few words, no sentence in it ("Date Introduced", "Resolution No.", "File #")
_LABEL = re.compile(r"[A-Za-z][A-Za-z .()/#&'’-]{0,39}")
#: a value that is a clause of the resolution itself (a layout table holding the text), not metadata
_CLAUSE = re.compile(r"(?:whereas|resolved|be\s+it|now,?\s+therefore)\b", re.I)
#: the most rows a metadata table has
MAX_ROWS = 12


#: a bilingual label, English then French: "Moved by / Proposée par", "Resolution No. / Résolution no"
_BILINGUAL = re.compile(r"(?P<english>[A-Za-z][A-Za-z .()#&'’-]{0,39}?)[ \t]+/[ \t]+[^\W\d_][\w .()#&'’-]{0,39}")


def label_text(cell: str) -> str:
    """A label cell's words, without the emphasis and the colon a form may print after them; of a bilingual
    label ("Moved by / Proposée par :", a Canadian council's) the English one before the "/"."""
    words = " ".join(re.sub(r"[*_]{1,2}", "", cell).split()).rstrip(" :")
    bilingual = _BILINGUAL.fullmatch(words)
    return bilingual.group("english") if bilingual else words


def _label(cell: str) -> bool:
    words = label_text(cell)
    return bool(words) and len(words.split()) <= 5 and _LABEL.fullmatch(words) is not None


def _known(cell: str) -> bool:
    return _KNOWN.fullmatch(label_text(cell)) is not None


def _value(cell: str) -> bool:
    return not _CLAUSE.match(" ".join(re.sub(r"[*_]{1,2}", "", cell).split())) and not _known(cell)


def metadata_pairs(rows: list[list[str]]) -> list[tuple[Cell, Cell]] | None:
    """The (label, value) cells of a metadata table given as its rows of cell texts, in reading order (a value
    left empty is left out); None for any other table."""
    kept = [i for i, row in enumerate(rows) if any(cell.strip() for cell in row)]  # (a Markdown table's empty header)
    if not kept or len(kept) > MAX_ROWS:
        return None
    if len(kept) == 2 and len(rows[kept[0]]) == len(rows[kept[1]]) >= 2:
        header, values = rows[kept[0]], rows[kept[1]]
        if all(_label(c) for c in header) and any(_known(c) for c in header) and all(_value(c) for c in values):
            return [((kept[0], j), (kept[1], j)) for j, cell in enumerate(values) if cell.strip()]
    if any(len(rows[i]) < 2 or len(rows[i]) % 2 for i in kept):
        return None
    labels = [cell for i in kept for cell in rows[i][::2]]
    values = [cell for i in kept for cell in rows[i][1::2]]
    if all(_label(c) for c in labels) and any(_known(c) for c in labels) and all(_value(c) for c in values):
        return [((i, j), (i, j + 1)) for i in kept for j in range(0, len(rows[i]), 2) if rows[i][j + 1].strip()]
    return None
