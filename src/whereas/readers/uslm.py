"""USLM 2.x (United States Legislative Markup) resolutions and bills.

The view holds, in order: ``# <official title>``, a ``Sponsors: …`` line, one
paragraph per ``<recital>``, the resolving clause joined with the chapeau or
content of the section that follows it, and every further section as its own
paragraph.  Numbered levels (paragraph, subparagraph, clause, …) sit on their
own lines directly under the text that introduces them.  Only ``<main>`` is
read for the body; ``<preface>`` duplicates and attestations are left out.
"""

from __future__ import annotations

import re

from lxml import etree

from whereas.errors import InputError
from whereas.readers.base import View
from whereas.readers.xmlsafe import flat_text, fold_space, local_name, parse_xml

USLM_NS = "http://schemas.gpo.gov/xml/uslm"
DC_NS = "http://purl.org/dc/elements/1.1/"
_NS = {"u": USLM_NS, "dc": DC_NS}
_ROOTS = ("resolution", "bill")

#: Hierarchical levels: each is rendered as its own line under its parent's text.
_LEVELS = frozenset(
    {"subsection", "paragraph", "subparagraph", "clause", "subclause", "item", "subitem", "subsubitem", "level"}
)
#: Elements whose text is never part of the body text.
_NOT_TEXT = frozenset({"continuation", "footnote", "sidenote", "notes"})
_SNIFF = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?(resolution|bill)\b[^>]*xmlns(?::\w+)?=[\"']" + re.escape(USLM_NS.encode())
)
_CITATION_PREFIX = re.compile(r"^\d+\s+[A-Z]+\s+\d+\s+[A-Z]*:\s*")


def sniff_uslm(head: bytes) -> bool:
    """True if the first bytes look like a USLM ``<resolution>`` or ``<bill>``."""
    return _SNIFF.search(head[:4096]) is not None


def read_uslm(data: bytes, path: str | None = None) -> View:
    """Read a USLM resolution or bill into a text view."""
    root = parse_xml(data, path)
    if root.tag not in {f"{{{USLM_NS}}}{name}" for name in _ROOTS}:
        raise InputError(path, f"not a USLM resolution or bill (root element <{root.tag}>)", line=root.sourceline)
    main = root.find("u:main", _NS)
    if main is None:
        raise InputError(path, "USLM document without <main>", line=root.sourceline)
    paragraphs: list[str] = []
    title = _title(root, main)
    if title:
        paragraphs.append(f"# {title}")
    sponsors = _sponsors(root)
    if sponsors:
        paragraphs.append("Sponsors: " + "; ".join(sponsors))
    paragraphs.extend(_body(main))
    return View(text="\n\n".join(p for p in paragraphs if p) + "\n", format="uslm", path=path)


def _title(root: etree._Element, main: etree._Element) -> str:
    candidates = (
        main.find("u:longTitle/u:officialTitle", _NS),
        root.find("u:preface/dc:title", _NS),
        root.find("u:endorsement/u:longTitle/u:officialTitle", _NS),
    )
    for found in candidates:
        if found is not None and flat_text(found):
            return flat_text(found)
    meta_title = root.find("u:meta/dc:title", _NS)
    if meta_title is not None and flat_text(meta_title):
        return _CITATION_PREFIX.sub("", flat_text(meta_title))
    doc_title = main.find("u:longTitle/u:docTitle", _NS)
    return flat_text(doc_title) if doc_title is not None else ""


def _sponsors(root: etree._Element) -> list[str]:
    names: dict[str, None] = {}
    for el in root.iterfind("u:preface//*", _NS):
        if local_name(el) in {"sponsor", "cosponsor"}:
            name = flat_text(el)
            if name:
                names.setdefault(name, None)
    return list(names)


_NUMBERED_SECTION = re.compile(r"^\s*(?:SECTION|SEC\.|Section|Sec\.)\s+\d")


def _body(main: etree._Element) -> list[str]:
    """Paragraphs of ``<main>``: recitals, resolving clause + first section, further sections."""
    paragraphs: list[str] = []
    pending_clause: str | None = None
    for el in _body_elements(main):
        name = local_name(el)
        if name in {"resolvingClause", "enactingFormula"}:
            text = flat_text(el)
            if pending_clause is not None and pending_clause != text:
                paragraphs.append(pending_clause)
            pending_clause = text
        elif name == "section":
            lines = _level_lines(el)
            if pending_clause is not None:
                if _NUMBERED_SECTION.match(lines[0]):
                    paragraphs.append(pending_clause)  # it enacts the numbered sections after it
                else:
                    lines[0] = fold_space(f"{pending_clause} {lines[0]}")
                pending_clause = None
            paragraphs.append("\n".join(line for line in lines if line))
        else:
            paragraphs.append("\n".join(line for line in _level_lines(el) if line))
    if pending_clause is not None:
        paragraphs.append(pending_clause)
    return paragraphs


def _body_elements(main: etree._Element) -> list[etree._Element]:
    """The top-level blocks of ``<main>`` in document order, preamble unwrapped."""
    blocks: list[etree._Element] = []
    for el in main:
        name = local_name(el)
        if name in {"longTitle", ""} or name in _NOT_TEXT:
            continue
        if name in {"preamble", "legisBody", "resolutionBody"}:
            blocks.extend(child for child in el if local_name(child) and local_name(child) not in _NOT_TEXT)
        else:
            blocks.append(el)
    return blocks


def _level_lines(el: etree._Element) -> list[str]:
    """``el``'s own text as the first line, each nested level's lines after it."""
    lines = [flat_text(el, skip=lambda child: child.getparent() is el and _is_level_or_note(child))]
    for child in el:
        name = local_name(child)
        if name in _LEVELS:
            lines.extend(_level_lines(child))
        elif name == "continuation":
            lines.append(flat_text(child))
    return lines


def _is_level_or_note(el: etree._Element) -> bool:
    name = local_name(el)
    return name in _LEVELS or name in _NOT_TEXT
