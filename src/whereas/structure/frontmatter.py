"""YAML front matter (``---`` … ``---`` at the top of a Markdown file) and a JBake header (``key=value``
lines, then ``~~~~~~``: the Apache sites' pages): metadata, not the resolution.

Only the simple ``key: value`` lines are read (no YAML library: nothing else is needed).  Front
matter that describes a publication (``publication:``, ``newspaper:``, ``journal:``,
``magazine:``, ``attribution:``) belongs to an article that reproduces a resolution: its title is
the article's headline and its author the article's, never the resolution's title or sponsor.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from whereas.model import Span
from whereas.patterns import lazy_compile

__all__ = ["FrontMatter", "read_front_matter"]

_OPEN = lazy_compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSE = lazy_compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_FIELD = lazy_compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*\r?$", re.M)
_PUBLICATION_KEYS = ("publication", "newspaper", "journal", "magazine", "attribution", "periodical")
#: the longest front matter read (a document whose "---" never closes has none)
MAX_FRONT_MATTER = 20_000


# (a NamedTuple: a frozen dataclass costs five times as much to create at start-up; docs/performance.md)
class FrontMatter(NamedTuple):
    """A document's front matter: where it is, and its ``key: value`` fields."""

    span: Span
    fields: dict[str, tuple[str, Span]]  # key → (value, its span)

    @property
    def publication(self) -> bool:
        """Front matter of a newspaper or magazine piece (an article that reproduces resolutions)."""
        return any(key in self.fields for key in _PUBLICATION_KEYS)

    def value(self, key: str) -> tuple[str, Span] | None:
        return self.fields.get(key)


def read_front_matter(text: str) -> FrontMatter | None:
    opening = _OPEN.match(text)
    if opening is None:
        return _jbake_header(text)
    closing = _CLOSE.search(text, opening.end(), min(len(text), MAX_FRONT_MATTER))
    if closing is None:
        return None
    fields: dict[str, tuple[str, Span]] = {}
    for m in _FIELD.finditer(text, opening.end(), closing.start()):
        raw = m.group("value")
        start, end = m.start("value"), m.end("value")
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
            raw, start, end = raw[1:-1], start + 1, end - 1
        fields.setdefault(m.group("key").lower(), (raw.replace('\\"', '"'), Span(start, end)))
    return FrontMatter(Span(0, closing.end()), fields)


#: a JBake page's header: "title=Charter" / "status=published" / "~~~~~~"
_JBAKE = lazy_compile(r"\A(?:\ufeff)?(?:[A-Za-z_][\w-]*=[^\n]*\n){1,40}~{3,}[ \t]*\r?$", re.M)
_JBAKE_FIELD = lazy_compile(r"^(?P<key>[A-Za-z_][\w-]*)=(?P<value>.*?)[ \t]*\r?$", re.M)


def _jbake_header(text: str) -> FrontMatter | None:
    header = _JBAKE.match(text)
    if header is None:
        return None
    fields: dict[str, tuple[str, Span]] = {}
    for m in _JBAKE_FIELD.finditer(text, 0, header.end()):
        fields.setdefault(m.group("key").lower(), (m.group("value"), Span(m.start("value"), m.end("value"))))
    return FrontMatter(Span(0, header.end()), fields)
