"""The text of a fetched source: HTML main text (and whole-page text), PDF text, plain text.

* HTML: ``trafilatura.extract(favor_recall=True, include_tables=True)`` for the main text, and
  ``trafilatura.html2txt`` for the whole visible page — the checker tries the latter before it
  calls a quotation not found (an extractor that drops a paragraph must not make a misquote).
  Title: ``<title>``, with ``og:title``, trafilatura's title and the first ``<h1>`` as further
  candidates for the title comparison.
* PDF: pypdf's text of every page; title from the document information, else the first lines.
* Plain text: as is (charset from the header, else UTF-8, else Windows-1252); title: first line.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from typing import Literal

from whereas.verify.fetch import content_kind

Kind = Literal["html", "pdf", "text"]


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
    kind = content_kind(content_type, body)
    if kind == "pdf":
        return _pdf(body)
    if kind == "html":
        return _html(decode(body, content_type, html=True))
    text = decode(body, content_type)
    first = _first_lines(text)
    return Extracted("text", text, text, first[0] if first else None, first)


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


def _html(html: str) -> Extracted:
    import trafilatura
    from lxml import html as lxml_html

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    main = None
    try:
        main = trafilatura.extract(html, favor_recall=True, include_tables=True, include_comments=False, deduplicate=False)
    except Exception:  # noqa: BLE001 - an extractor failure leaves the whole-page text
        main = None
    page = ""
    titles: list[str] = []
    try:
        tree = lxml_html.fromstring(html.encode("utf-8") if html.lstrip().startswith("<?xml") else html)
        for expr in ("//title/text()", "//meta[@property='og:title']/@content", "//h1//text()"):
            values = tree.xpath(expr)
            value = _clean(" ".join(str(v) for v in values)) if expr.startswith("//h1") else _clean(str(values[0])) if values else None
            if value and value not in titles:
                titles.append(value)
        page = _visible_text(tree)
    except Exception:  # noqa: BLE001 - unparseable HTML: whatever trafilatura found
        pass
    if not page:
        try:
            page = trafilatura.html2txt(html) or ""
        except Exception:  # noqa: BLE001
            page = ""
    try:
        meta = trafilatura.extract_metadata(html)
        if meta is not None and _clean(meta.title) and _clean(meta.title) not in titles:
            titles.append(_clean(meta.title))  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001
        pass
    main = main or page
    error = None if (main or page).strip() else "no text found in the page"
    return Extracted("html", main, page or main, titles[0] if titles else None, tuple(titles), error)


_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr "
    "li main nav ol p pre section table td th tr ul".split()
)


def _visible_text(tree: object) -> str:
    """Every visible word of the page (scripts, styles and the head left out), blocks on their own lines."""
    out: list[str] = []

    def walk(el: object) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
        if tag in ("script", "style", "noscript", "template", "head", "title"):
            if el.tail:  # type: ignore[attr-defined]
                out.append(el.tail)  # type: ignore[attr-defined]
            return
        block = tag in _BLOCKS
        if block:
            out.append("\n")
        if el.text and tag:  # type: ignore[attr-defined]
            out.append(el.text)  # type: ignore[attr-defined]
        for child in el:  # type: ignore[attr-defined]
            walk(child)
        if block:
            out.append("\n")
        if el.tail:  # type: ignore[attr-defined]
            out.append(el.tail)  # type: ignore[attr-defined]

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
            except Exception:  # noqa: BLE001
                return Extracted("pdf", "", "", None, (), "the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta_title = None
        try:
            meta_title = _clean(reader.metadata.title) if reader.metadata else None
        except Exception:  # noqa: BLE001
            meta_title = None
    except Exception as exc:  # noqa: BLE001 - a corrupt PDF is a source without text
        return Extracted("pdf", "", "", None, (), f"unreadable PDF ({exc})")
    text = "\n\n".join(pages)
    first = _first_lines(text)
    titles = tuple(dict.fromkeys([t for t in (meta_title, *first) if t]))
    error = None if text.strip() else "the PDF has no text layer (a scan?)"
    return Extracted("pdf", text, text, titles[0] if titles else None, titles, error)
