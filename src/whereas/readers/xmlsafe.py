"""Safe XML parsing and text flattening shared by the XML readers (USLM, Chicago).

The parser never expands entities, never touches the network, never loads a DTD
and keeps libxml2's size limits, so a hostile file (billion laughs, external
entities) cannot make whereas explode.  Every parse problem becomes an
:class:`~whereas.errors.InputError` naming the line lxml reports.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from whereas.errors import InputError


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, path: str | None) -> etree._Element:
    """Parse ``data`` safely and return its root element, or raise :class:`InputError`."""
    if not data.strip():
        raise InputError(path, "empty file")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        raise InputError(path, f"not well-formed XML: {e.msg}", line=e.lineno or None) from None
    if root is None:
        raise InputError(path, "no XML document element")
    _refuse_entity_declarations(root, path)
    return root


def _refuse_entity_declarations(root: etree._Element, path: str | None) -> None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(path, "XML with entity declarations in its DOCTYPE is refused (possible entity bomb)", line=1)


#: Block-level elements (USLM and Chicago): a space separates one from the text before it.
_BLOCKS = frozenset({"p", "heading", "subheading", "chapeau", "content", "num", "continuation", "text", "recital"})


def local_name(el: etree._Element) -> str:
    """The tag without its namespace (``""`` for comments and other non-elements)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return etree.QName(tag).localname


def fold_space(text: str) -> str:
    """Collapse every run of white space to one space and strip the ends."""
    return " ".join(text.split())


def flat_text(el: etree._Element, skip: Callable[[etree._Element], bool] = lambda _e: False) -> str:
    """Text of ``el`` and its descendants in document order, white space folded.

    Children for which ``skip`` is true contribute only their tail text.  Entity
    references left unresolved contribute nothing.
    """
    parts: list[str] = []
    _collect(el, skip, parts)
    return fold_space("".join(parts))


def _collect(el: etree._Element, skip: Callable[[etree._Element], bool], parts: list[str]) -> None:
    if isinstance(el.tag, str) and el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and not skip(child):
            name = local_name(child)
            if name == "br" or name in _BLOCKS:
                parts.append(" ")
            if name != "br":
                _collect(child, skip, parts)
        if child.tail:
            parts.append(child.tail)
