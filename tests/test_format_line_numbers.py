"""``whereas format`` on a legislature's line-numbered text: a clause whose lines carry their numbers keeps its
lines (reflowed, the numbers would become words of the clause and format refused the whole file)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from whereas.format import format_source
from whereas.model import Source

#: an invented line-numbered resolution, already in its house style
NUMBERED = """ 1    WHEREAS, It is the custom of this Body to honor the Millbrook Choir; and

 2    WHEREAS, The Choir has sung in every county;
 3  now, therefore, be it

 4    RESOLVED, That this Body commend the
 5  Millbrook Choir upon its Centennial.
"""

#: the same with a recital that lost its terminator: format adds it after the line's text, numbers kept
MISSING_AND = NUMBERED.replace("Choir; and", "Choir")


def test_a_clean_line_numbered_file_formats_to_itself() -> None:
    result = format_source(Source(NUMBERED, "text", None))
    assert result.text == NUMBERED


def test_a_line_numbered_file_is_fixed_and_keeps_its_numbered_lines(tmp_path: Path) -> None:
    path = tmp_path / "choir.txt"
    path.write_text(MISSING_AND, encoding="utf-8")
    done = run_cli("format", path)
    assert done.returncode == 0, done.stderr
    formatted = path.read_text(encoding="utf-8")
    assert "Millbrook Choir;" in formatted  # the safe fix's terminator
    # every other line as it was, its number first
    assert formatted.splitlines()[1:] == NUMBERED.splitlines()[1:]
