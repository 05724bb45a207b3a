"""Chicago City Council resolution XML (the OpenGov Foundation's AkomaNtoso-like markup).

The view holds ``# <dc:title>``, a ``Sponsors: A; B`` line from ``<form><sponsor>``,
one paragraph per ``<level>`` (heading and text: ``WHEREAS, The …``; nested
levels on their own lines), any other block of ``<main>`` as a paragraph of its
text, and the ``<signature>`` lines at the end as ``Signed: …`` paragraphs.
"""

from __future__ import annotations

import re

from lxml import etree

from whereas.errors import InputError
from whereas.readers.base import View
from whereas.readers.uslm import USLM_NS
from whereas.readers.xmlsafe import flat_text, local_name, parse_xml

DC_NS = "http://purl.org/dc/elements/1.1/"
_SNIFF_ROOT = re.compile(rb"<resolution[\s>]")
_SNIFF_LEVEL = re.compile(rb"<level\s+role\s*=")


def sniff_chicago(head: bytes) -> bool:
    """True if the first bytes look like a Chicago ``<resolution>`` with ``<level role=…>``."""
    head = head[:4096]
    if USLM_NS.encode() in head:
        return False
    return _SNIFF_ROOT.search(head) is not None and _SNIFF_LEVEL.search(head) is not None


def read_chicago(data: bytes, path: str | None = None) -> View:
    """Read a Chicago City Council resolution XML file into a text view."""
    root = parse_xml(data, path, recover_tags=("level",))
    if root.tag != "resolution":
        raise InputError(
            path, f"not a Chicago City Council resolution (root element <{root.tag}>)", line=root.sourceline
        )
    main = root.find("main")
    if main is None:
        raise InputError(path, "Chicago resolution without <main>", line=root.sourceline)
    paragraphs: list[str] = []
    title = root.find(f"metadata//{{{DC_NS}}}title")
    if title is not None and flat_text(title):
        paragraphs.append(f"# {flat_text(title)}")
    sponsors = [flat_text(s) for s in main.iterfind("form/sponsor") if flat_text(s)]
    if sponsors:
        paragraphs.append("Sponsors: " + "; ".join(sponsors))
    paragraphs.extend(_body(main))
    paragraphs.extend(f"Signed: {flat_text(s)}" for s in main.iter("signature") if flat_text(s))
    return View(text="\n\n".join(p for p in paragraphs if p) + "\n", format="chicago-xml", path=path)


def _body(main: etree._Element) -> list[str]:
    paragraphs: list[str] = []
    for el in main:
        name = local_name(el)
        if name in {"", "form", "signature"}:
            continue
        if name == "level":
            paragraphs.append("\n".join(line for line in _level_lines(el) if line))
        elif next(el.iter("level"), None) is not None:
            paragraphs.extend(_body(el))  # a recovered file can nest levels inside an unclosed element
        else:
            paragraphs.append(flat_text(el, skip=lambda e: local_name(e) == "signature"))
    return paragraphs


def _level_lines(level: etree._Element, depth: int = 0) -> list[str]:
    """The level's own text (heading included) as one line, each nested level after it: a nested level
    without a number of its own is a list entry, written with a bullet ("• "), as the printed page shows it."""
    own = flat_text(level, skip=lambda e: e.getparent() is level and local_name(e) == "level")
    if depth and own and not _LABELLED.match(own):
        own = "• " + own
    lines = [own]
    for child in level:
        if local_name(child) == "level":
            lines.extend(_level_lines(child, depth + 1))
    return lines


_LABELLED = re.compile(r"^\s*(?:\(?[0-9a-zA-Z]{1,4}[.)]|[•*-])\s")
