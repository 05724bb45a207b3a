"""An issue form's output (GitHub's issue forms, GitLab's issue templates): each field a "### Label" heading with its
value in the paragraph below, "_No response_" when left empty.  The value under "Resolution title" (or "Title") is
the resolution's title and the value under "Sponsor(s)" its sponsors; a field's heading ("Target meeting") is never
a title."""

from __future__ import annotations

import re

from whereas.model import Span
from whereas.patterns import lazy_compile
from whereas.structure.lines import Line, heading_text

__all__ = ["form_sponsors", "form_title", "is_issue_form"]

#: what an issue form prints for a field left empty
_NO_RESPONSE = lazy_compile(r"^[ \t]*_no[ \t]+response_[ \t]*$", re.I)
#: the heading of the field that names the resolution: "Resolution title", "Title", "Name of the motion" (not "Name"
#: alone, a person's)
_TITLE_FIELD = lazy_compile(
    r"^(?:(?:(?:proposed\s+)?(?:resolution|motion|proposal)\s+)?title|(?:proposed\s+)?(?:resolution|motion|proposal)\s+name"
    r"|(?:title|name)\s+of\s+(?:the\s+)?(?:proposed\s+)?(?:resolution|motion|proposal))$",
    re.I,
)
#: the heading of the field that names who brings it: "Sponsor(s)", "Sponsors", "Co-sponsors", "Author(s)"
_SPONSORS_FIELD = lazy_compile(r"^(?:co-?)?(?:sponsors?|authors?|proposers?)(?:[ \t]*\(s\))?$", re.I)
#: the longest value read as a field's (in words)
_MAX_WORDS = 40


def _label(line: Line) -> str:
    return " ".join(re.sub(r"[*_`]", "", heading_text(line)).split()).rstrip(" :?")


def _value(lines: list[Line], at: int) -> list[Line]:
    """The paragraph under the heading ``lines[at]`` (nothing when another heading comes first)."""
    para: list[Line] = []
    for ln in lines[at + 1 :]:
        if ln.kind == "blank":
            if para:
                break
            continue
        if ln.kind != "text":
            break
        para.append(ln)
    return para


def _words(para: list[Line]) -> str:
    return " ".join(" ".join(ln.text for ln in para).split())


def is_issue_form(lines: list[Line]) -> bool:
    """Whether ``lines`` are an issue form's: a heading over "_No response_", or a title field's heading over its value."""
    for at, ln in enumerate(lines):
        if ln.kind != "heading":
            continue
        value = _value(lines, at)
        if value and _NO_RESPONSE.match(_words(value)):
            return True
        if _TITLE_FIELD.match(_label(ln)) and value:
            return True
    return False


def form_title(text: str, before: list[Line]) -> tuple[str, Span] | None:
    """The value under an issue form's title field, and where it is (None when the field is empty or absent)."""
    for at, ln in enumerate(before):
        if ln.kind != "heading" or not _TITLE_FIELD.match(_label(ln)):
            continue
        value = _value(before, at)
        words = re.sub(r"[*`]|(?<!\w)_|_(?!\w)", "", _words(value)).strip()
        if not value or _NO_RESPONSE.match(_words(value)) or not words or len(words.split()) > _MAX_WORDS:
            return None
        if words.endswith((";", ",", ":")):
            return None  # a clause or a sentence cut off, no name
        return words, Span(value[0].start + len(value[0].text) - len(value[0].text.lstrip()), value[-1].end)
    return None


def form_sponsors(lines: list[Line]) -> tuple[str, Span] | None:
    """The value under an issue form's sponsors field ("@jdoe (Finance Team), @asmith"), and where it is."""
    for at, ln in enumerate(lines):
        if ln.kind != "heading" or not _SPONSORS_FIELD.match(_label(ln)):
            continue
        value = _value(lines, at)
        words = _words(value)
        if not value or _NO_RESPONSE.match(words) or len(words.split()) > _MAX_WORDS or words.endswith((".", ";", ":")):
            return None
        return words, Span(value[0].start, value[-1].end)
    return None
