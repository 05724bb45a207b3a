"""GPO bill XML: Congress's bills and resolutions in the ``bill.dtd``/``res.dtd`` vocabulary.

This is the XML congress.gov and govinfo (the BILLS collection) publish for every version of a bill
or resolution since the 1990s; only some versions also come in USLM (:mod:`whereas.readers.uslm`).
Unlike USLM it leaves out what the printer adds: the resolving clause ("Resolved, That …" is only
``That …`` in the XML), the quotation marks around ``<quote>`` and ``<quoted-block>``, and the
words "SEC." before a section's number.  The view puts them back as the printed page has them
(GPO's stylesheet ``billres-details.xsl`` chooses the clause by ``resolution-type``), so the
rules read what the reader of the printed resolution reads.

The view holds: ``# <official-title>``, a ``Sponsors: …`` line (the sponsor and cosponsors named in
the form's actions), one paragraph per ``<whereas>``, the resolving clause joined with the first
section's text, every further section as its own paragraph.  Numbered levels (paragraph,
subparagraph, clause, …) and quoted blocks sit on their own lines under the text that introduces
them.  Struck text of a reported version (``<deleted-phrase>``, ``changed="deleted"``), footnotes,
tables of contents, attestations and endorsements are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from whereas.errors import InputError
from whereas.readers.base import View
from whereas.readers.xmlsafe import fold_space, local_name, parse_xml

DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"

_SNIFF_DOCTYPE = re.compile(rb"<!DOCTYPE\s+(?:resolution|bill)\s+PUBLIC\s+\"-//US Congress//DTDs/(?:res|bill)\.dtd")
_SNIFF_ROOT = re.compile(rb"<(?:resolution|bill)\s[^>]*\b(?:resolution|bill)-(?:stage|type)\s*=")

#: the clause GPO prints before the first section, by ``resolution-type`` (billres-details.xsl)
_CONCURRENT = {
    "house-concurrent": "Resolved by the House of Representatives (the Senate concurring),",
    "senate-concurrent": "Resolved by the Senate (the House of Representatives concurring),",
}
_JOINT = "Resolved by the Senate and House of Representatives of the United States of America in Congress assembled,"
_AMENDMENT = (
    "Resolved by the Senate and House of Representatives of the United States of America in Congress assembled "
    "(two-thirds of each House concurring therein),"
)
_SIMPLE = {
    "house-resolution": "Resolved,",
    "senate-resolution": "Resolved,",
    "house-order": "Ordered,",
    "senate-order": "Ordered,",
}
_ENACTING = (
    "Be it enacted by the Senate and House of Representatives of the United States of America in Congress assembled,"
)

#: numbered levels inside a section, each printed as its own line under its parent's text
_LEVELS = frozenset({"subsection", "paragraph", "subparagraph", "clause", "subclause", "item", "subitem"})
#: containers of sections (a long resolution's divisions and titles)
_CONTAINERS = frozenset({"division", "subdivision", "title", "subtitle", "part", "subpart", "chapter", "subchapter"})
#: elements whose words are not the resolution's text
_NOT_TEXT = frozenset({"footnote", "footnote-ref", "deleted-phrase", "toc", "legis-comment", "inline-comment"})
#: elements read as lines of their own, not as words of the text around them
_OWN_LINES = _LEVELS | {"quoted-block", "continuation-text", "quoted-block-continuation-text", "table", "list"}
#: inline elements after which the printed page has a space
_SPACED = frozenset({"enum", "header", "text", "linebreak", "entry", "list-item", "para"})


def sniff_billxml(head: bytes) -> bool:
    """True if the first bytes look like a ``<resolution>`` or ``<bill>`` of GPO's bill DTDs."""
    head = head[:4096]
    return _SNIFF_DOCTYPE.search(head) is not None or _SNIFF_ROOT.search(head) is not None


def read_billxml(data: bytes, path: str | None = None) -> View:
    """Read a GPO bill XML resolution or bill into a text view."""
    root = parse_xml(data, path)
    kind = local_name(root)
    if kind not in {"resolution", "bill"}:
        raise InputError(path, f"not a bill or resolution of GPO's bill XML (root element <{kind}>)", line=1)
    bodies = [el for el in root if local_name(el) in {"resolution-body", "legis-body"} and not _deleted(el)]
    if not bodies:
        raise InputError(path, f"a <{kind}> without <resolution-body> or <legis-body>", line=root.sourceline)
    paragraphs: list[str] = []
    title = _title(root)
    if title:
        paragraphs.append(f"# {title}")
    sponsors = _sponsors(root)
    if sponsors:
        paragraphs.append("Sponsors: " + "; ".join(sponsors))
    for preamble in root.iterchildren("preamble"):
        paragraphs.extend(_lines_paragraph(whereas) for whereas in preamble if local_name(whereas) == "whereas")
    paragraphs.extend(_body(bodies[0], _clause(root, bodies[0])))
    for body in bodies[1:]:
        paragraphs.extend(_body(body, None))
    return View(text="\n\n".join(p for p in paragraphs if p) + "\n", format="bill-xml", path=path)


def _title(root: etree._Element) -> str:
    official = root.find("form/official-title")
    if official is not None and _text(official):
        return _text(official)
    meta = root.find(f"metadata/dublinCore/{DC_TITLE}")
    if meta is not None and meta.text:
        return re.sub(r"^\d+\s+[A-Z]+\s+\d+\s+[A-Z]*:\s*", "", fold_space(meta.text))
    return ""


def _sponsors(root: etree._Element) -> list[str]:
    """Who introduced it and who joined them, as the form's actions name them (not the member who
    reported it for a committee: "Reported by Ms. X, with an amendment")."""
    names: dict[str, None] = {}
    for desc in root.iterfind("form/action/action-desc"):
        if _text(desc).startswith("Reported"):
            continue
        for el in desc:
            if local_name(el) in {"sponsor", "cosponsor"} and _text(el):
                names.setdefault(_text(el), None)
    return list(names)


def _clause(root: etree._Element, body: etree._Element) -> str | None:
    """The resolving (or enacting) clause the printed page has before the first section."""
    if local_name(root) == "bill":
        return None if body.get("display-enacting-clause") == "no-display-enacting-clause" else _ENACTING
    kind = root.get("resolution-type", "")
    if kind in _CONCURRENT:
        return _CONCURRENT[kind]
    if body.get("style") == "constitutional-amendment" or kind == "constitutional-amendment":
        return _AMENDMENT
    if kind in {"house-joint", "senate-joint"}:
        return _JOINT
    if body.get("display-resolving-clause") == "no-display-resolving-clause":
        return None
    return _SIMPLE.get(kind, "Resolved,")  # "standard" and the other forms print "Resolved,"


def _body(body: etree._Element, clause: str | None) -> list[str]:
    """One paragraph per section, the clause joined with the first one's text (or its own paragraph
    before a numbered section, which it enacts with the sections after it)."""
    paragraphs: list[str] = []
    for section in _sections(body):
        lines = _level_lines(section)
        if clause is not None:
            if _enum(section):
                paragraphs.append(clause)
            else:
                lines[0] = fold_space(f"{clause} {lines[0]}")
            clause = None
        paragraphs.append("\n".join(line for line in lines if line))
    if clause is not None:
        paragraphs.append(clause)
    return paragraphs


def _sections(el: etree._Element) -> list[etree._Element]:
    """The sections of a body in document order, divisions and titles unwrapped (their headings kept
    as lines of their own)."""
    found: list[etree._Element] = []
    for child in el:
        name = local_name(child)
        if _deleted(child):
            continue
        if name == "section":
            found.append(child)
        elif name in _CONTAINERS:
            found.append(child.makeelement("heading-only", {}))
            found[-1].text = _text(child, skip=lambda e: local_name(e) not in {"enum", "header"})
            found.extend(_sections(child))
    return found


def _enum(el: etree._Element) -> str:
    enum = el.find("enum")
    return _text(enum) if enum is not None else ""


def _level_lines(el: etree._Element) -> list[str]:
    """``el``'s own words as its first line (its number and heading as printed), each nested level,
    quoted block or continuation after it on lines of its own."""
    if local_name(el) == "heading-only":
        return [el.text or ""]
    own = _text(el, skip=lambda e: e.getparent() is el and local_name(e) in _OWN_LINES | {"enum", "header"})
    lines = [_labelled(el, own)]
    for child in el:
        name = local_name(child)
        if _deleted(child):
            continue
        if name in _LEVELS:
            lines.extend(_level_lines(child))
        elif name == "quoted-block":
            lines.extend(_quoted_block(child))
        elif name in {"continuation-text", "quoted-block-continuation-text"}:
            lines.append(_text(child))
        elif name in {"table", "list"}:
            lines.extend(_text(row) for row in child.iter("row", "list-item"))
    return lines


def _labelled(el: etree._Element, own: str) -> str:
    """A level's words after its number and heading: ``SEC. 2. Findings. …`` for a section (the first
    one ``SECTION 1.``), ``(1) In general.—…`` below it."""
    enum = _enum(el)
    header_el = el.find("header")
    header = _text(header_el) if header_el is not None else ""
    if local_name(el) == "section" and enum:
        word = "SECTION" if el.get("section-type") == "section-one" or enum.rstrip(".") == "1" else "SEC."
        head = f"{word} {enum if enum.endswith('.') else enum + '.'}"
        return fold_space(f"{head} {header.rstrip('.') + '.' if header else ''} {own}")
    if header:
        return fold_space(f"{enum} {header.rstrip('.')}.—{own}")
    return fold_space(f"{enum} {own}")


def _quoted_block(block: etree._Element) -> list[str]:
    """A quoted block's lines as printed: an opening mark before its first line, the closing one and
    the words after the block (``<after-quoted-block>``) at the end of its last."""
    lines: list[str] = []
    own = _text(block, skip=lambda e: e.getparent() is block and local_name(e) != "text")
    if own:
        lines.append(own)
    for child in block:
        name = local_name(child)
        if name in _LEVELS or name in {"section", "paragraph"}:
            lines.extend(_level_lines(child))
        elif name == "quoted-block-continuation-text":
            lines.append(_text(child))
    lines = [line for line in lines if line] or [""]
    after = block.find("after-quoted-block")
    lines[0] = "“" + lines[0]
    lines[-1] = lines[-1] + "”" + (_text(after) if after is not None else "")
    return lines


def _lines_paragraph(el: etree._Element) -> str:
    return "\n".join(line for line in _level_lines(el) if line)


def _deleted(el: etree._Element) -> bool:
    return el.get("changed") == "deleted" or local_name(el) in _NOT_TEXT


def _text(el: etree._Element, skip: Callable[[etree._Element], bool] = lambda _e: False) -> str:
    """The words of ``el`` as printed, white space folded: ``<quote>`` in quotation marks, struck and
    editorial text left out, children for which ``skip`` is true contributing only their tail."""
    parts: list[str] = []
    _collect(el, skip, parts)
    return fold_space("".join(parts))


def _collect(el: etree._Element, skip: Callable[[etree._Element], bool], parts: list[str]) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        name = local_name(child)
        if name and not skip(child) and not _deleted(child):
            if name in _SPACED:
                parts.append(" ")
            if name == "quote":
                parts.append("“")
            _collect(child, skip, parts)
            if name == "quote":
                parts.append("”")
        if child.tail:
            parts.append(child.tail)
