"""Safe XML parsing and text flattening shared by the XML readers (USLM, Chicago).

The parser never expands entities, never touches the network, never loads a DTD
and keeps libxml2's size limits, so a hostile file (billion laughs, external
entities) cannot make whereas explode.  Every parse problem becomes an
:class:`~whereas.errors.InputError` naming the line lxml reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from whereas.errors import InputError


def _parser(recover: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        recover=recover,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


#: Most well-formedness errors a hand-made file may have and still be read in recovery mode.
MAX_RECOVERED_ERRORS = 10


def parse_xml(data: bytes, path: str | None, *, recover_tags: tuple[str, ...] = ()) -> etree._Element:
    """Parse ``data`` safely and return its root element, or raise :class:`InputError`.

    With ``recover_tags``, a file that is not well-formed is read again in libxml2's recovery
    mode, and accepted when it has at most ``MAX_RECOVERED_ERRORS`` errors and the recovered tree
    still holds one of those elements (hand-made OCR transcriptions such as Chicago's often
    have an unclosed inline tag).  Entities are never expanded either way.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        limit = _over_the_limit(e.code, e.msg)
        if limit:
            raise InputError(path, limit, line=e.lineno or None) from None
        root = _recovered(data, recover_tags, path) if recover_tags else None
        if root is None:
            raise InputError(path, f"not well-formed XML: {e.msg}", line=e.lineno or None) from None
    if root is None:
        raise InputError(path, "no XML document element")
    _refuse_entity_declarations(root, path)
    return root


#: libxml2's error for a document past its limits (nesting deeper than 256 elements, a text or an
#: attribute over 10,000,000 bytes); in recovery mode the parser stops there and keeps what came before
_RESOURCE_LIMIT = etree.ErrorTypes.ERR_RESOURCE_LIMIT


def _over_the_limit(code: int, message: str) -> str | None:
    """The problem to report when libxml2 stopped at its nesting or size limit (not its "use
    XML_PARSE_HUGE", which the user cannot); None for any other error (an entity bomb's included)."""
    if code != _RESOURCE_LIMIT:
        return None
    if "Excessive depth" in message:
        return "nested more than 256 elements deep (the XML parser's limit: what lies deeper would be lost)"
    if "Text node too long" in message or "Buffer size limit" in message:
        return "a text or attribute over 10,000,000 bytes (the XML parser's limit: the rest would be lost)"
    return None


def _recovered(data: bytes, tags: tuple[str, ...], path: str | None) -> etree._Element | None:
    parser = _parser(recover=True)
    try:
        root = etree.fromstring(_CHAR_REF.sub(_no_surrogate, data), parser)
    except etree.XMLSyntaxError:
        return None
    for error in parser.error_log:
        limit = _over_the_limit(error.type, error.message)
        if limit:  # recovery stopped there: what follows would be dropped without a word
            raise InputError(path, limit, line=error.line or None)
    if root is None or len(parser.error_log) > MAX_RECOVERED_ERRORS:
        return None
    if next(root.iter(*tags), None) is None:
        return None
    return root


#: a character reference (a longer number is no character anyway)
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _no_surrogate(ref: re.Match[bytes]) -> bytes:
    """A reference to a surrogate (``&#xD800;``), which recovery mode would store as bytes that no
    Python string can hold (lxml then fails on reading the text), as U+FFFD instead."""
    value = int(ref[1], 16) if ref[1] else int(ref[2])
    return b"&#xFFFD;" if 0xD800 <= value <= 0xDFFF else ref[0]


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
    return tag.rpartition("}")[2]  # not etree.QName, which refuses the broken names recovery mode keeps ("a:b:c")


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
