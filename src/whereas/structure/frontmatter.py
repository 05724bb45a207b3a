"""YAML front matter (``---`` … ``---`` at the top of a Markdown file), a JBake header (``key=value``
lines, then ``~~~~~~``: the Apache sites' pages) and a Notion page's properties (``Status: Draft`` lines at the
top): metadata, not the resolution.

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

__all__ = ["FrontMatter", "property_lines", "read_front_matter"]

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


#: a page property as Notion exports it, one a line at the top: "Status: Draft", "Tags: garden, water"
_PROPERTY = lazy_compile(
    r"^[ \t]*(?:\*\*)?(?P<key>[A-Z][A-Za-z]*(?:[ \t][A-Za-z]+){0,2})(?:\*\*)?:(?:\*\*)?[ \t]+\S.*$"
)
_HEADING = lazy_compile(r"^[ \t]{0,3}#[ \t]+\S")
#: the properties a note-taking app gives a page (status, tags, dates, owners): never a title or a sponsor
_PROPERTY_KEYS = frozenset(
    {
        "status", "tags", "tag", "created", "created time", "created by", "created on", "last edited",
        "last edited time", "last edited by", "last modified", "modified", "updated", "date created", "type",
        "category", "categories", "priority", "assignee", "assigned to", "owner", "due", "due date", "stage",
        "area", "project", "projects", "archived", "published", "review date", "reviewed",
    }
)  # fmt: skip
#: the fewest such properties that make a page's property block
MIN_PROPERTIES = 2


def property_lines(text: str) -> frozenset[int]:
    """The starts of a Notion page's property lines: in the block of ``Key: value`` lines at the top (under the
    page's "# Title", if any), those whose key is one of a page's properties ("Status", "Tags", "Created"), when
    there are two or more.  A ``Sponsor:`` or ``Title:`` line among them stays the document's."""
    if ":" not in text[:2000]:
        return frozenset()
    lines = text[:4000].split("\n")
    pos = 1 if text.startswith("\ufeff") else 0
    i = 0
    while i < len(lines) and not lines[i].strip():
        pos += len(lines[i]) + 1
        i += 1
    if i < len(lines) and _HEADING.match(lines[i]):
        pos += len(lines[i]) + 1
        i += 1
        while i < len(lines) and not lines[i].strip():
            pos += len(lines[i]) + 1
            i += 1
    found: list[int] = []
    while i < len(lines) and (m := _PROPERTY.match(lines[i].rstrip("\r"))):
        if " ".join(m.group("key").lower().split()) in _PROPERTY_KEYS:
            found.append(pos)
        pos += len(lines[i]) + 1
        i += 1
    return frozenset(found) if len(found) >= MIN_PROPERTIES else frozenset()
