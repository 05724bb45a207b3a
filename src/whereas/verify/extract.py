"""The text of a fetched source: HTML main text (and whole-page text), PDF text, plain text.

* HTML: ``trafilatura.extract(favor_recall=True, include_tables=True)`` for the main text, and
  ``trafilatura.html2txt`` for the whole visible page — the checker tries the latter before it
  calls a quotation not found (an extractor that drops a paragraph must not make a misquote).
  Title: ``<title>``, with ``og:title``, trafilatura's title and the first ``<h1>`` as further
  candidates for the title comparison.
* PDF: pypdf's text of every page; title from the document information, else the first lines.
* Plain text: as is (charset from the header, else UTF-8, else Windows-1252); title: first line.

Budgets (docs/limits.md, "Extracting a page's text"): a page with more than ``MAX_PAGE_ELEMENTS``
elements, an element with more than ``MAX_ATTRIBUTES`` attributes, or one that libxml2 cannot parse
within its own limits (nested deeper than 255 levels, a text node over 10,000,000 characters) is
refused before any parser or trafilatura sees it; a page with more than ``MAX_EXTRACT_ELEMENTS``
elements is read for its whole visible text only, without trafilatura; any source whose text
is longer than ``MAX_SOURCE_CHARS`` is refused.  A refused source carries the reason in
``Extracted.error`` ("page too complex: …"), which makes it ``unsupported`` and its quotations
``unavailable``.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from whereas.verify.fetch import content_kind

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # imported when a page is parsed: lxml.html is slow to import

Kind = Literal["html", "pdf", "text"]

#: the most elements a page may have at all (lxml alone takes about 1 s and 100 MB for these)
MAX_PAGE_ELEMENTS = 250_000
#: the most elements a page may have for trafilatura to look for its main text (about 10 s)
MAX_EXTRACT_ELEMENTS = 50_000
#: the most attributes one element may have (libxml2 checks them against each other: quadratic time)
MAX_ATTRIBUTES = 1_000
#: the most characters of text a source may have
MAX_SOURCE_CHARS = 5_000_000


@dataclass(frozen=True)
class Extracted:
    kind: Kind
    text: str  # the main text
    page_text: str  # the whole page (HTML); the same as ``text`` otherwise
    title: str | None
    titles: tuple[str, ...] = ()  # every title candidate, ``title`` first
    error: str | None = None  # why no text could be had


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    return m.group(1) if m else None


def decode(body: bytes, content_type: str | None, *, html: bool = False) -> str:
    candidates = [_charset(content_type)]
    if html:
        m = _CHARSET.search(body[:4096])
        candidates.append(m.group(1).decode("ascii", "replace") if m else None)
    for enc in [*candidates, "utf-8"]:
        if not enc:
            continue
        try:
            return body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace")


def extract(body: bytes, content_type: str | None) -> Extracted:
    """The text of a fetched body; a body over a budget gives no text and says why in ``error``."""
    kind = content_kind(content_type, body)
    if kind == "pdf":
        return _within_budget(_pdf(body))
    if kind == "html":
        return _within_budget(_html(decode(body, content_type, html=True)))
    text = decode(body, content_type)
    first = _first_lines(text)
    return _within_budget(Extracted("text", text, text, first[0] if first else None, first))


def _within_budget(ex: Extracted) -> Extracted:
    """``ex``, or no text and the reason when its text is longer than ``MAX_SOURCE_CHARS``."""
    longest = max(len(ex.text), len(ex.page_text))
    if longest <= MAX_SOURCE_CHARS:
        return ex
    return _refused(ex.kind, f"text too long: {longest:,} characters, limit {MAX_SOURCE_CHARS:,}")


def _refused(kind: Kind, reason: str) -> Extracted:
    """A source read for no text at all, for ``reason``."""
    return Extracted(kind, "", "", None, (), reason)


def _first_lines(text: str, n: int = 3) -> tuple[str, ...]:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line][:n]
    out = []
    for i in range(len(lines)):
        joined = " ".join(lines[: i + 1])
        if len(joined) <= 300:
            out.append(joined)
    return tuple(out)


def _clean(s: str | None) -> str | None:
    if s is None:
        return None
    s = " ".join(s.split())
    return s or None


_START_TAG = re.compile(r"<[A-Za-z]")
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4096,}")  # a start tag long enough to hold many attributes
_ATTRIBUTE = re.compile(r"""[\s"'][^\s"'<>=/]+\s*=""")


def too_complex(html: str) -> str | None:
    """Why ``html`` is too costly to parse (too many elements, an element with too many attributes),
    found by scanning its characters; ``None`` when it is not."""
    if html.count("<") > MAX_PAGE_ELEMENTS:  # only then are the start tags worth counting
        elements = sum(1 for _ in _START_TAG.finditer(html))
        if elements > MAX_PAGE_ELEMENTS:
            return f"page too complex: {elements:,} elements, limit {MAX_PAGE_ELEMENTS:,}"
    for tag in _LONG_TAG.finditer(html):
        attributes = len(_ATTRIBUTE.findall(tag.group()))
        if attributes > MAX_ATTRIBUTES:
            return f"page too complex: an element with {attributes:,} attributes, limit {MAX_ATTRIBUTES:,}"
    return None


def _parse(html: str) -> tuple[HtmlElement | None, str | None]:
    """(the lxml tree of ``html``, None), or (None, why it is refused): too costly to parse, or cut
    short by one of libxml2's own limits (depth, the size of a text), which would lose text silently."""
    from lxml import etree
    from lxml import html as lxml_html

    problem = too_complex(html)
    if problem:
        return None, problem
    parser = lxml_html.HTMLParser()
    try:
        tree = lxml_html.fromstring(html.encode("utf-8") if html.lstrip().startswith("<?xml") else html, parser=parser)
    except (etree.ParserError, ValueError):  # an empty or unparseable document: whatever trafilatura finds
        return None, None
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            message = entry.message.strip()
            if "depth" in message:
                message = "nested deeper than 255 levels, limit 255"
            elif "Buffer size" in message:
                message = "a text or attribute over libxml2's limit of 10,000,000 bytes"
            return None, f"page too complex: {message}"
    return tree, None


def _html(html: str) -> Extracted:
    import trafilatura

    tree, problem = _parse(html)
    if problem:
        return _refused("html", problem)
    elements = sum(1 for _ in tree.iter()) if tree is not None else 0
    whole_page_only = elements > MAX_EXTRACT_ELEMENTS  # trafilatura would take too long: no main text
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    main = None
    try:
        if not whole_page_only:
            main = trafilatura.extract(
                html, favor_recall=True, include_tables=True, include_comments=False, deduplicate=False
            )
    except Exception:  # an extractor failure leaves the whole-page text
        main = None
    page = ""
    titles: list[str] = []
    try:
        if tree is None:
            raise ValueError("no tree")
        for expr in ("//title/text()", "//meta[@property='og:title']/@content", "//h1//text()"):
            values = tree.xpath(expr)
            value = (
                _clean(" ".join(str(v) for v in values))
                if expr.startswith("//h1")
                else _clean(str(values[0]))
                if values
                else None
            )
            if value and value not in titles:
                titles.append(value)
        page = _visible_text(tree)
    except Exception:  # unparseable HTML: whatever trafilatura found
        pass
    if not page and not whole_page_only:
        try:
            page = trafilatura.html2txt(html) or ""
        except Exception:
            page = ""
    try:
        meta = None if whole_page_only else trafilatura.extract_metadata(html)
        title = _clean(meta.title) if meta is not None else None
        if title and title not in titles:
            titles.append(title)
    except Exception:
        pass
    main = main or page
    error = None if (main or page).strip() else "no text found in the page"
    return Extracted("html", main, page or main, titles[0] if titles else None, tuple(titles), error)


_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr "
    "li main nav ol p pre section table td th tr ul".split()
)


def _visible_text(tree: HtmlElement) -> str:
    """Every visible word of the page (scripts, styles and the head left out), blocks on their own lines."""
    out: list[str] = []

    def walk(el: HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "noscript", "template", "head", "title"):
            if el.tail:
                out.append(el.tail)
            return
        block = tag in _BLOCKS
        if block:
            out.append("\n")
        if el.text and tag:
            out.append(el.text)
        for child in el:
            walk(child)
        if block:
            out.append("\n")
        if el.tail:
            out.append(el.tail)

    walk(tree)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def _pdf(body: bytes) -> Extracted:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                return Extracted("pdf", "", "", None, (), "the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta_title = None
        try:
            meta_title = _clean(reader.metadata.title) if reader.metadata else None
        except Exception:
            meta_title = None
    except Exception as exc:  # a corrupt PDF is a source without text
        return Extracted("pdf", "", "", None, (), f"unreadable PDF ({exc})")
    text = "\n\n".join(pages)
    first = _first_lines(text)
    titles = tuple(dict.fromkeys([t for t in (meta_title, *first) if t]))
    error = None if text.strip() else "the PDF has no text layer (a scan?)"
    return Extracted("pdf", text, text, titles[0] if titles else None, titles, error)
