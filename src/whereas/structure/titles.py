"""The resolution's title."""

from __future__ import annotations

import re

from whereas.model import Span, Title
from whereas.structure.segment import Line, heading_text, is_generic_heading

__all__ = ["find_title"]

_RESOLUTION_NUMBER = re.compile(
    r"^(?:[\w.]+\s+){0,3}resolution\s*(?:no\.?|number|#)\s*\S+$", re.I
)
_LIST_LABEL = re.compile(r"^(?:\d+|[IVXLC]+|[A-Z])\.\s+")
_FRONT_TITLE = re.compile(r"^title:\s*[\"']?(.*?)[\"']?\s*$", re.M)
_TITLE_WORDS = re.compile(r"^(?:a\s+)?(?:joint\s+|concurrent\s+)?resolution\b", re.I)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def find_title(text: str, before: list[Line], *, allow_front_matter: bool) -> Title | None:
    """The resolution's title: a heading, a "A RESOLUTION …" line, a short title block, or front matter."""
    headings = [ln for ln in before if ln.kind == "heading" and not is_generic_heading(heading_text(ln))]
    # "RESOLUTION NO. 22" names the resolution but a heading beside it is its title
    named = [h for h in headings if not _RESOLUTION_NUMBER.match(re.sub(r"[*_`{}]", "", heading_text(h)).strip())]
    headings = named or headings
    if headings:
        top = min(h.level for h in headings)
        line = [h for h in headings if h.level == top][-1]  # the nearest of the top-level headings
        raw = heading_text(line)
        at = text.index(raw, line.start) if raw else line.start
        cleaned = re.sub(r"^(?:\d+|[IVXLC]+)\.\s+", "", re.sub(r"[*_`]", "", raw)).strip()
        if cleaned:
            return Title(cleaned, Span(at, at + len(raw)))
    last_heading = max((i for i, ln in enumerate(before) if ln.kind == "heading"), default=-1)
    tail = before[last_heading + 1 :]
    paragraphs = _paragraphs([ln for ln in tail if ln.kind in ("text", "blank")])
    for para in reversed(paragraphs):
        words = " ".join(ln.text.strip() for ln in para)
        if _TITLE_WORDS.match(words) and len(words.split()) <= 40 and not words.rstrip().endswith((";", ",")):
            span = _trim(text, para[0].start, para[-1].end)
            return Title(" ".join(re.sub(r"[*_]", "", words).split()), span)
    paragraphs = _paragraphs([ln for ln in tail if ln.kind in ("text", "blank", "item")])
    if paragraphs:
        # a short block right before the first clause, not a sentence: "MEMORIALIZING Governor … New York",
        # "X. Establish the Apache VCL Project"
        para = paragraphs[-1]
        words = " ".join(" ".join(ln.text.split()) for ln in para)
        last_line_before = max((i for i, ln in enumerate(before) if ln.kind != "blank"), default=-1)
        adjacent = last_line_before >= 0 and before[last_line_before] is para[-1]
        if (
            adjacent
            and len(para) <= 4
            and 2 <= len(words.split()) <= 40
            and words[:1].isupper()
            and not re.search(r"[.;:,!?—–-]$", words.rstrip(" *_"))
            and not _RESOLUTION_NUMBER.match(words)
        ):
            span = _trim(text, para[0].start, para[-1].end)
            return Title(_LIST_LABEL.sub("", re.sub(r"[*_]", "", words)).strip(), span)
    if allow_front_matter:
        m = _FRONT_TITLE.search(text[:2000])
        if m and text.startswith("---"):
            return Title(m.group(1), Span(m.start(1), m.end(1)))
    return None


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    paras: list[list[Line]] = [[]]
    for ln in lines:
        if ln.kind == "blank":
            if paras[-1]:
                paras.append([])
        else:
            paras[-1].append(ln)
    return [p for p in paras if p]


