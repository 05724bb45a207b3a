"""Akoma Ntoso (OASIS LegalDocML, 3.0 and the 2.0/CSD drafts): resolutions as parliaments, the UN, the EU
and whereas itself (``whereas render --to akn``) publish them.

The view holds, for each document (an ``<act>``, ``<bill>``, ``<statement>``, ``<doc>`` … or each
component of a ``<documentCollection>``): ``# <docTitle>``, the preface's sponsor lines (``<p
class="sponsor">Mover: …</p>`` as whereas writes them, a ``Sponsors: …`` line from ``<docProponent>``),
one paragraph per recital, citation or preamble paragraph, the formula, then one paragraph per
top-level unit of the body (article, section, paragraph …) led by its number and heading, with its
points on lines of their own.  An ``<authorialNote>`` becomes a call-out ``[^N]`` (its ``marker``)
and a note line at the end; quoted text gets the quotation marks its ``startQuote``/``endQuote``
attributes name.  ``<meta>``, the conclusions (signatures, dates) and attachments are left out.
"""

from __future__ import annotations

import re

from lxml import etree

from whereas.errors import InputError
from whereas.readers.base import View
from whereas.readers.xmlsafe import fold_space, local_name, parse_xml

_SNIFF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?akomaNtoso[\s>]")

#: AKN's hierarchical containers: each is a unit (a paragraph of the view at the top, a line below)
_HIER = frozenset(
    {
        "alinea", "article", "book", "chapter", "clause", "division", "indent", "level", "list", "paragraph",
        "part", "point", "proviso", "rule", "section", "subchapter", "subclause", "subdivision", "sublist",
        "subparagraph", "subpart", "subrule", "subsection", "subtitle", "title", "tome", "transitional", "item",
        "blockList", "hcontainer", "container", "tblock",
    }
)  # fmt: skip
#: a unit's own words: its number and heading, and the blocks that are not units
_LABEL = ("num", "heading", "subheading")
#: elements whose words are not the document's text
_NOT_TEXT = frozenset({"meta", "conclusions", "attachments", "components", "noteRef", "remark", "marker"})
#: block elements, each read as a line of its own
_BLOCKS = frozenset({"p", "intro", "content", "wrapUp", "listIntroduction", "listWrapUp", "tr", "blockContainer"})
#: the words of a document's preface that name who brings it
_SPONSOR_LINE = re.compile(r"^(?:Sponsors?|Mover|Seconder|Submitted by|Proposed by|Introduced by)\s*:", re.I)


def sniff_akn(head: bytes) -> bool:
    """True if the first bytes hold an ``<akomaNtoso>`` root."""
    return _SNIFF.search(head[:4096]) is not None


def read_akn(data: bytes, path: str | None = None) -> View:
    """Read an Akoma Ntoso document (or each document of a collection) into a text view."""
    root = parse_xml(data, path)
    if local_name(root) != "akomaNtoso":
        raise InputError(path, f"not an Akoma Ntoso document (root element <{local_name(root)}>)", line=1)
    documents = _documents(root)
    if not documents:
        raise InputError(path, "an <akomaNtoso> without a document in it", line=root.sourceline)
    reader = _Reader()
    blocks = [reader.document(doc) for doc in documents]
    text = "\n\n".join(block for block in blocks if block)
    if reader.notes:
        text += "\n\n" + "\n".join(reader.notes)
    return View(text=text + "\n", format="akn", path=path)


def _documents(root: etree._Element) -> list[etree._Element]:
    """The documents under the root in reading order: its one document, or a collection's own preface
    followed by each of its components (held inline, or referred to by a ``<documentRef>`` in a component
    whose ``eId`` names one of the root's ``<components>``)."""
    stored = {c.get("eId"): c for c in root.iterchildren("{*}components") for c in c.iterchildren("{*}component")}
    found: list[etree._Element] = []
    for doc in root:
        if local_name(doc) and local_name(doc) != "components":
            found.extend(_expanded(doc, stored, depth=0))
    return found


def _expanded(doc: etree._Element, stored: dict[str | None, etree._Element], depth: int) -> list[etree._Element]:
    body = next((el for el in doc if local_name(el) == "collectionBody"), None)
    if body is None or depth > 3:  # a collection of collections, not deeper (a hostile file could loop)
        return [doc]
    found = [doc]
    for component in body.iterchildren("{*}component"):
        inner = [el for el in component if local_name(el)]
        if any(local_name(el) == "documentRef" for el in inner):
            target = stored.get(component.get("eId"))
            inner = [el for el in target if local_name(el)] if target is not None else []
        for el in inner:
            found.extend(_expanded(el, stored, depth + 1))
    return found


class _Reader:
    """Turns documents into paragraphs of the view, collecting their notes (numbered across the file)."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def document(self, doc: etree._Element) -> str:
        paragraphs: list[str] = []
        for part in doc:
            name = local_name(part)
            if name == "preface":
                paragraphs.extend(self.preface(part))
            elif name == "preamble":
                paragraphs.extend(self.block(el) for el in _unwrapped(part, {"recitals", "citations"}))
            elif name in {"body", "mainBody", "mainContent", "judgmentBody", "debateBody", "amendmentBody"}:
                paragraphs.extend(self.block(el) for el in _unwrapped(part, {"chapter", "part", "title"}, keep=True))
        return "\n\n".join(p for p in paragraphs if p)

    def preface(self, preface: etree._Element) -> list[str]:
        title = next(preface.iter("{*}docTitle"), None)
        kind = next(preface.iter("{*}docType"), None)
        paragraphs: list[str] = []
        title_text = self.text(title) if title is not None else ""
        if title_text and not (
            kind is not None and self.text(kind) == title_text
        ):  # whereas's "Resolution: Resolution"
            paragraphs.append(f"# {title_text}")
        elif not title_text:
            long_title = next(preface.iter("{*}longTitle"), None)
            if long_title is not None and self.text(long_title):
                paragraphs.append(f"# {self.text(long_title)}")
        proponents = [self.text(el) for el in preface.iter("{*}docProponent") if self.text(el)]
        if proponents:
            paragraphs.append("Sponsors: " + "; ".join(proponents))
        for p in preface.iter("{*}p"):
            words = self.text(p)
            if _SPONSOR_LINE.match(words):
                paragraphs.append(words)
        return paragraphs

    def block(self, el: etree._Element) -> str:
        return "\n".join(line for line in self.lines(el) if line)

    def lines(self, el: etree._Element) -> list[str]:
        """A unit's number, heading and own words as its first line, every block and unit in it after."""
        own = [self.text(child) for child in el if local_name(child) in _LABEL]
        lines: list[str] = []
        for child in el:
            name = local_name(child)
            if name in _LABEL or name in _NOT_TEXT or not name:
                continue
            if name in _HIER:
                lines.extend(self.lines(child))
            elif name in _BLOCKS or name == "table":
                inner = [c for c in child if local_name(c) in _BLOCKS | _HIER | {"table"}]
                lines.extend(self.lines(child) if inner else [self.text(child)])
            else:
                lines.append(self.text(child))
        if el.text and el.text.strip():
            lines.insert(0, fold_space(el.text))
        if own:
            first = fold_space(" ".join(own + lines[:1]))
            lines = [first, *lines[1:]]
        return lines

    def text(self, el: etree._Element, urls: bool = False) -> str:
        """The words of ``el``, white space folded; with ``urls`` (a note's text), a link's web address
        written out after its words where they do not already show it."""
        parts: list[str] = []
        self._collect(el, parts, urls)
        return fold_space("".join(parts))

    def _collect(self, el: etree._Element, parts: list[str], urls: bool) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            name = local_name(child)
            if name == "authorialNote":
                parts.append(self.note(child))
            elif name in {"eol", "eop", "br"}:
                parts.append(" ")
            elif name and name not in _NOT_TEXT:
                if name in _BLOCKS:
                    parts.append(" ")
                parts.append(child.get("startQuote") or "")
                self._collect(child, parts, urls)
                parts.append(child.get("endQuote") or "")
                href = child.get("href") or ""
                if (
                    urls
                    and name in {"a", "ref"}
                    and href.startswith(("http://", "https://"))
                    and href not in self.text(child)
                ):
                    parts.append(f" <{href}>")
            if child.tail:
                parts.append(child.tail)

    def note(self, note: etree._Element) -> str:
        """The call-out of a note, its text kept for the end of the view."""
        marker = note.get("marker") or str(len(self.notes) + 1)
        label = marker if marker.isdigit() else str(len(self.notes) + 1)
        self.notes.append(f"[^{label}]: {self.text(note, urls=True)}")
        return f"[^{label}]"


def _unwrapped(parent: etree._Element, wrappers: set[str], keep: bool = False) -> list[etree._Element]:
    """``parent``'s blocks in order, the wrappers' children in their place (with ``keep``, a wrapper that
    holds nothing but its number and heading before its units stays a block of its own)."""
    found: list[etree._Element] = []
    for child in parent:
        name = local_name(child)
        if not name or name in _NOT_TEXT:
            continue
        if name in wrappers and (not keep or any(local_name(c) in _HIER for c in child)):
            if keep:
                heading = child.makeelement("heading", {})
                heading.text = " ".join("".join(c.itertext()) for c in child if local_name(c) in _LABEL)
                found.append(heading)
            found.extend(_unwrapped(child, wrappers, keep))
        else:
            found.append(child)
    return found
