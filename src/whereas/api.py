"""The public verbs: parse (and, as they land, check, verify, render)."""

from __future__ import annotations

from pathlib import Path

from whereas.model import Resolution, Source
from whereas.readers import read_path
from whereas.readers.base import View
from whereas.structure import build


def parse_view(view: View) -> list[Resolution]:
    return build(Source(view.text, view.format, view.path))


def parse(path_or_text: str | Path) -> list[Resolution]:
    """Every resolution in a file (given its path) or in a text (given the text itself).

    A ``str`` is taken as a path when it names an existing file and holds no line break;
    otherwise it is the resolution's text.
    """
    if isinstance(path_or_text, Path) or ("\n" not in path_or_text and Path(path_or_text).is_file()):
        return parse_view(read_path(path_or_text))
    from whereas.readers.text import is_markdown

    text = path_or_text
    return build(Source(text, "markdown" if is_markdown(text, None) else "text", None))
