"""Every input format whereas reads, described once.

A :class:`Format` says how a file in it is recognised (its extensions, the bytes it starts with, the
member a zip container holds, or a sniffer that judges its first bytes), which reader turns it into
a text view, and what that view is like (its :class:`Layout`: whose white space, whether Markdown),
whether fixes can be written back into the file, and what ``whereas format`` does with it.

Everything that depends on the format reads this table: the reader dispatch
(:func:`whereas.readers.detect`, :func:`whereas.readers.read_bytes`), the directory walk
(:mod:`whereas.files`), the commands' help texts, the rules that care about a view's layout (T001,
T002, N003, N004), profile inference, the fixer (``whereas.lint.fix.FIXABLE_FORMATS``) and
``whereas format``.  Adding a format is adding a row to :data:`FORMATS` (and writing its reader).

This module imports nothing but the standard library: the file walker and the command line read it
without loading a single reader.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from whereas.readers.base import View


class Layout(Enum):
    """What the characters of a format's text view are."""

    #: the file's own text, as typed: positions are positions in the file, and it may hold Markdown
    SOURCE = "source"
    #: the document's paragraphs as stored, converted by a reader: a paragraph's leading white space is
    #: the drafter's (the reader drops trailing white space)
    PARAGRAPHS = "paragraphs"
    #: written by a reader from the document's markup: white space at a line's edges is the reader's
    GENERATED = "generated"
    #: the text of printed pages, written by a reader: spacing inside a line is layout (columns,
    #: justification), and note call-outs are digits glued to the words
    PRINT = "print"


# (a NamedTuple: a frozen dataclass costs five times as much to create at start-up; docs/performance.md)
class Format(NamedTuple):
    """A format whereas reads: its name, what it is called, the extensions a walk picks up and its reader."""

    #: the name a text view carries (``View.format``, ``Source.format``)
    name: str
    #: what the format is called in messages ("Word .docx") and profile reasons ("inferred: US legislative XML")
    title: str
    #: the file-name extensions a directory walk picks up (lower case, with the dot)
    extensions: tuple[str, ...]
    #: ``"module:function"``, called with the file's bytes and path, returning a :class:`View`
    reader: str
    layout: Layout
    #: the content starts with these bytes
    magic: bytes = b""
    #: the content is a zip container holding this member
    zip_member: str = ""
    #: ``"module:function"`` that says, from the first 4 KiB of a text starting with ``<``, whether it is this format
    sniff: str = ""
    #: the sniffer also judges a text that does not start with ``<`` when the file's name has one of the extensions
    sniff_when_named: bool = False
    #: fixes (``check --fix``, ``format``) are written back into the file
    fix_in_place: bool = False
    #: ``whereas format`` writes a formatted Word copy beside the file (``FILE.formatted.docx``)
    formatted_copy: bool = False
    #: the drafting profile a document in this format is written in, known from the format alone
    profile: str | None = None
    #: how the commands' help texts name it (default: its first extension)
    label: str = ""

    @property
    def named(self) -> str:
        """How help texts name the format: ``.docx``, ``USLM XML``."""
        return self.label or self.extensions[0]

    def has_name(self, path: str | None) -> bool:
        """Whether ``path`` ends with one of the format's extensions (any case)."""
        return path is not None and path.lower().endswith(self.extensions)


_TEXT = "whereas.readers.text:read_text"  # tells Markdown from plain text by the name and the content

#: Every input format, in the order detection tries them: zip members, then magic bytes, then the
#: sniffers (the most specific first: an HTML sniffer would take XML with ``<p>`` elements too).  A
#: text that no format claims is read as plain text or Markdown.
FORMATS: tuple[Format, ...] = (
    Format("text", "plain text", (".txt",), _TEXT, Layout.SOURCE, fix_in_place=True),
    Format("markdown", "Markdown", (".md", ".markdown"), _TEXT, Layout.SOURCE, fix_in_place=True),
    # an e-mail body saved still encoded ("Co=\nlorado=E2=80=99s"): the text reader decodes it into a view of
    # its own, which fixes cannot be written back into (the file's characters are not the view's)
    Format(
        "quoted-printable", "quoted-printable text", (".txt",), _TEXT, Layout.PARAGRAPHS, label="quoted-printable .txt"
    ),
    Format(
        "docx",
        "Word .docx",
        (".docx",),
        "whereas.readers.docx:read_docx",
        Layout.GENERATED,
        zip_member="word/document.xml",
        formatted_copy=True,
    ),
    Format(
        "odt",
        "OpenDocument .odt",
        (".odt",),
        "whereas.readers.odt:read_odt",
        Layout.GENERATED,
        zip_member="content.xml",
    ),
    Format(
        "doc",
        "Word 97-2003 .doc",
        (".doc",),
        "whereas.readers.doc:read_doc",
        Layout.PARAGRAPHS,
        magic=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # an OLE2 compound file
        formatted_copy=True,
    ),
    Format("pdf", "PDF", (".pdf",), "whereas.readers.pdf:read_pdf", Layout.PRINT, magic=b"%PDF-"),
    Format(
        "uslm",
        "US legislative XML",
        (".xml",),
        "whereas.readers.uslm:read_uslm",
        Layout.GENERATED,
        sniff="whereas.readers.uslm:sniff_uslm",
        profile="congress",
        label="USLM XML",
    ),
    Format(
        "bill-xml",
        "GPO bill XML",
        (".xml",),
        "whereas.readers.billxml:read_billxml",
        Layout.GENERATED,
        sniff="whereas.readers.billxml:sniff_billxml",
        profile="congress",
        label="bill XML",
    ),
    Format(
        "chicago-xml",
        "Chicago City Council XML",
        (".xml",),
        "whereas.readers.chicago:read_chicago",
        Layout.GENERATED,
        sniff="whereas.readers.chicago:sniff_chicago",
        profile="city",
        label="Chicago XML",
    ),
    Format(
        "akn",
        "Akoma Ntoso XML",
        (".xml",),
        "whereas.readers.akn:read_akn",
        Layout.GENERATED,
        sniff="whereas.readers.akn:sniff_akn",
        label="Akoma Ntoso",
    ),
    Format(
        "html",
        "HTML",
        (".html", ".htm"),
        "whereas.readers.html:read_html",
        Layout.GENERATED,
        sniff="whereas.readers.html:sniff_html",
        sniff_when_named=True,
    ),
)

BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}
#: the format of a text that no format claims by its content (the text reader may make it Markdown)
FALLBACK = BY_NAME["text"]
#: what a zip container starts with
ZIP_MAGIC = b"PK\x03\x04"


def _names(keep: Callable[[Format], bool]) -> frozenset[str]:
    return frozenset(f.name for f in FORMATS if keep(f))


#: formats whose view is the file's own text: it may hold Markdown, and it was typed, not converted
SOURCE_TEXT = _names(lambda f: f.layout is Layout.SOURCE)
#: formats whose view a reader wrote: white space at a line's edges is the reader's, not the drafter's
GENERATED = _names(lambda f: f.layout in (Layout.GENERATED, Layout.PRINT))
#: formats whose view is printed pages' layout: spacing inside a line aligns, and nobody typed it
PRINT_LAYOUT = _names(lambda f: f.layout is Layout.PRINT)
#: formats whose fixes are written back into the file
FIX_IN_PLACE = _names(lambda f: f.fix_in_place)
#: every extension a directory walk picks up
EXTENSIONS = frozenset(e for f in FORMATS for e in f.extensions)


def load(target: str) -> Callable[..., object]:
    """The function a ``"module:function"`` reference names (its module imported now)."""
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)


def reader_of(fmt: Format) -> Callable[[bytes, str | None], View]:
    return load(fmt.reader)  # type: ignore[return-value]  # the reader a format names by "module:function"


def listed(words: Iterable[str], last: str = "and") -> str:
    """``a, b and c``."""
    words = list(dict.fromkeys(words))
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def walked_help() -> str:
    """The extensions a directory walk picks up, one per format, for help texts: ``.txt .md .docx …``."""
    return " ".join(dict.fromkeys(f.extensions[0] for f in FORMATS))


def formats_help() -> str:
    """Every format as help texts name it: ``.txt, .md, .docx, …, USLM XML, …``."""
    return ", ".join(f.named for f in FORMATS)
