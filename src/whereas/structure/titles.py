"""The resolution's title."""

from __future__ import annotations

import re

from whereas.model import Span, Title
from whereas.structure.frontmatter import FrontMatter
from whereas.structure.segment import TITLE_LABEL, Line, heading_text, is_generic_heading

__all__ = ["find_title"]

_RESOLUTION_NUMBER = re.compile(
    r"^(?:[\w.]+\s+){0,3}resolution\s*(?:no\.?|number|#)\s*\S+$", re.I
)
_LIST_LABEL = re.compile(r"^(?:\d+|[IVXLC]+|[A-Z])\.\s+")
#: a front-matter title is the resolution's when it names one ("Graduation Board Resolution"), not a web page's
_NAMES_ITSELF = re.compile(r"\b(?:resolutions?|motions?|ordinances?|memorials?|petitions?)\b", re.I)
_TITLE_WORDS = re.compile(r"^(?:a\s+)?(?:joint\s+|concurrent\s+)?resolution\b", re.I)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def find_title(text: str, before: list[Line], *, front: FrontMatter | None, article: bool) -> Title | None:
    """The resolution's title: a heading, a "A RESOLUTION …" line, a short title block, or front matter.

    In an ``article`` that reproduces resolutions the headings and the front matter's title are the
    article's: only a line that names the resolution ("Resolution on …") is its title.
    """
    labelled = _labelled_title(text, before)
    if labelled is not None:
        # a memo's "Subject:" names the item; the resolution's own "RESOLUTION OF THE BOARD … OPPOSING …"
        # line after it names the resolution
        named = _named_paragraph(text, [ln for ln in before if ln.start > labelled.span.end])
        return named if named is not None and len(named.text.split()) >= 4 else labelled
    headings = [ln for ln in before if ln.kind == "heading" and not is_generic_heading(heading_text(ln))]
    if article:
        headings = []
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
    named = _named_paragraph(text, tail)
    if named is not None:
        return named
    paragraphs = _paragraphs([ln for ln in tail if ln.kind in ("text", "blank", "item")])
    if paragraphs and not article:
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
    named = front.value("title") if front is not None and not article else None
    if named is not None and _NAMES_ITSELF.search(named[0]):
        return Title(" ".join(named[0].split()), named[1])
    return None


def _named_paragraph(text: str, lines: list[Line]) -> Title | None:
    """The last paragraph of ``lines`` that names a resolution: "A RESOLUTION …", "Resolution on …"."""
    paragraphs = _paragraphs([ln for ln in lines if ln.kind in ("text", "blank")])
    for para in reversed(paragraphs):
        words = " ".join(ln.text.strip() for ln in para)
        if _TITLE_WORDS.match(words) and len(words.split()) <= 40 and not words.rstrip().endswith((";", ",")):
            span = _trim(text, para[0].start, para[-1].end)
            return Title(" ".join(re.sub(r"[*_]", "", words).split()), span)
    return None


def _labelled_title(text: str, before: list[Line]) -> Title | None:
    """A "Title: …" / "Subject: …" line (its value may wrap onto the lines under it)."""
    for i, line in enumerate(before):
        if line.kind != "meta":
            continue
        m = TITLE_LABEL.match(line.text)
        if m is None or not m.group("value"):
            continue
        start, end = line.start + m.start("value"), line.start + m.end("value")
        for following in before[i + 1 :]:
            if following.kind != "text" or ":" in following.text.rstrip()[-1:]:
                break
            end = following.end
        words = " ".join(re.sub(r"[*_]", "", text[start:end]).split())
        if words:
            return Title(words, _trim(text, start, end))
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


