"""The title block pandoc and Quarto write over a document: its title, its authors and its date.

``pandoc -s`` (from Markdown, LaTeX, Word …) writes ``<header id="title-block-header">`` with ``h1.title``,
``p.subtitle``, one ``p.author`` per author and ``p.date``; pandoc 1 and R Markdown write ``<div id="header">``
with ``h1.title``, ``h2.author``/``h4.author`` and ``h3.date``/``h4.date``; Quarto writes the same header with the
title in ``div.quarto-title`` and its authors and date under ``div.quarto-title-meta-heading`` labels ("Author",
"Authors", "Published") in ``div.quarto-title-meta-contents``.  The block is the document's own (unlike a news
article's byline): its authors are the resolution's sponsors, written as an ``Authors: A; B`` line (or as the
author line itself when it names its role: "Submitted by A and B"), its date as a ``Date: …`` line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

__all__ = ["TitleBlock", "author_line", "title_block", "title_block_parts"]

#: a title block's part: ("title" | "subtitle" | "abstract", element), ("authors", names) or ("date", text)
TitleBlock = list[tuple[str, etree._Element | list[str] | str]]

#: the labels of Quarto's metadata whose values are the document's authors
_AUTHOR_HEADINGS = frozenset({"author", "authors", "author(s)"})
#: an author line that names its role already: "Submitted by A and B", "Sponsors: A; B"
_ROLE_LINE = re.compile(
    r"^(?:(?:submitted|sponsored|co-?sponsored|moved|proposed|introduced|presented|offered|authored)\s+by\b"
    r"|(?:sponsors?|co-?sponsors?|authors?|mover|seconder|proposer)\s*:)",
    re.IGNORECASE,
)


def _classes(el: etree._Element) -> set[str]:
    return set(el.get("class", "").split())


def _text(el: etree._Element) -> str:
    return " ".join(el.text_content().split())


def title_block(el: etree._Element) -> bool:
    """Whether ``el`` is pandoc's or Quarto's title block (``header#title-block-header``), or pandoc 1's and R
    Markdown's (``div#header`` over an ``h1.title``)."""
    if not isinstance(el.tag, str):
        return False
    ident = el.get("id", "")
    if ident == "title-block-header":
        return el.tag in ("header", "div")
    return (
        el.tag == "div"
        and ident == "header"
        and any(isinstance(c.tag, str) and c.tag == "h1" and "title" in _classes(c) for c in el)
    )


def title_block_parts(block: etree._Element) -> TitleBlock:
    """The parts of a title block, in order: its title and subtitle (elements, read as the reader reads
    them), its authors (names), its date, its abstract (an element)."""
    parts: TitleBlock = []
    title = next((h for h in block.iter("h1") if "title" in _classes(h)), None)
    if title is not None:
        parts.append(("title", title))
    parts.extend(("subtitle", e) for e in block.iter() if isinstance(e.tag, str) and "subtitle" in _classes(e))
    names = [_text(e) for e in _authors(block)]
    if names := [n for n in names if n]:
        parts.append(("authors", names))
    dates = [_text(e) for e in block.iter() if isinstance(e.tag, str) and "date" in _classes(e)]
    if dates := [d for d in dates if d]:
        parts.append(("date", dates[0]))
    parts.extend(("abstract", e) for e in block.iter("div") if "abstract" in _classes(e))
    return parts


def author_line(names: list[str]) -> str:
    """The sponsor line a title block's authors make: "Authors: A; B", or the one author line itself when it
    names its role ("Submitted by A and B")."""
    if len(names) == 1 and _ROLE_LINE.match(names[0]):
        return names[0]
    return "Authors: " + "; ".join(names)


def _authors(block: etree._Element) -> list[etree._Element]:
    """The elements that hold one author's name each: pandoc's ``.author``, or under Quarto's "Authors" label."""
    found = _outermost(e for e in block.iter() if isinstance(e.tag, str) and "author" in _classes(e))
    if found:
        return found
    for heading in block.iter("div"):
        if "quarto-title-meta-heading" not in _classes(heading) or _text(heading).lower() not in _AUTHOR_HEADINGS:
            continue
        contents = next(
            (s for s in heading.itersiblings() if "quarto-title-meta-contents" in _classes(s)),
            None,
        )
        if contents is not None:
            paragraphs = list(contents.iter("p"))
            found.extend(paragraphs or [contents])
    return found


def _outermost(elements: Iterable[etree._Element]) -> list[etree._Element]:
    """The elements not inside another of them (document order kept)."""
    found: list[etree._Element] = []
    for e in elements:
        if not any(a in found for a in e.iterancestors()):
            found.append(e)
    return found
