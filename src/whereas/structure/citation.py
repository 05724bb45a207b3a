"""Read what a note cites: author or organisation, title, URL, date."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from whereas.model import Citation
from whereas.patterns import lazy_compile
from whereas.structure.abbreviations import ends_citation_abbreviation
from whereas.structure.remember import remembered

URL = lazy_compile(r"""(?:https?://|www\.)[^\s<>"'\]\)]+""", re.I)
_TRAILING = ".,;:!?’”'\""
_TITLE = lazy_compile(r"[\"“”]([^\"“”]{3,400}?)[\"“”]|[*_]([^*_]{3,400})[*_]")
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = lazy_compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|(?:{_MONTHS})\.?\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{4}}|(?<![\d/.-])(?:1[6-9]|20)\d{{2}}(?![\d/.-]))\b"
)


@remembered
def find_urls(text: str) -> tuple[str, ...]:
    urls = []
    for m in URL.finditer(text):
        url = m.group(0).rstrip(_TRAILING)
        if url.lower().startswith("www."):
            url = "https://" + url
        urls.append(unwrap_redirect(url))
    return tuple(dict.fromkeys(urls))


#: what a URL holds when its host may be a link wrapper's: the host's end (``urlsplit`` lowercases the host,
#: character by character, so its lowercase is in the URL's) or a character ``urlsplit`` deletes (tab, CR, LF)
_MAY_WRAP = lazy_compile(r"outlook\.com|google\.com|facebook\.com|[\t\r\n]", re.I)


def unwrap_redirect(url: str) -> str:
    """The address a link wrapper only redirects to (Outlook's safe links ``…safelinks.protection.outlook.com/
    ?url=…``, Google's and Google Docs' ``www.google.com/url?q=…``, Facebook's ``l.facebook.com/l.php?u=…``): a
    note pasted from an e-mail or exported from Google Docs cites what the wrapper names, not the wrapper."""
    if not _MAY_WRAP.search(url):
        return url  # no wrapper's host in it: splitting it would find none (tests/test_fast_paths.py)
    return _unwrapped(url)


def _unwrapped(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    host, path = (parts.hostname or "").lower(), parts.path
    if host.endswith(".safelinks.protection.outlook.com"):
        key = "url"
    elif host in ("www.google.com", "google.com") and path == "/url":
        key = "q" if "q=" in parts.query else "url"
    elif host in ("l.facebook.com", "lm.facebook.com") and path == "/l.php":
        key = "u"
    else:
        return url
    target = parse_qs(parts.query).get(key, [""])[0]
    return target if target.startswith(("http://", "https://")) else url


@remembered
def parse_citation(text: str) -> Citation:
    """Best-effort reading of a note such as ``Org. "Title". https://… (2021)``.

    A title in quotation marks or in emphasis is the title.  Otherwise the note is read as sentences
    (``Org. Title. Publisher, 2021.``), split at periods that end no abbreviation ("Dec. 3", "pp. 14–18",
    "Ky. Rev. Stat."), and the second is the title, unless it cannot be a title: a date, a page or a
    fragment left by a comma-separated note ("3, 2024),").  A note whose title cannot be told has none,
    and the checks that compare titles (C002, C003, V006) stay silent on it."""
    if "\\" in text or "]{" in text:
        text = _PANDOC_MARKUP.sub(r"\1\2", text)
    urls = find_urls(text)
    without_urls = _without_urls(text)
    title = None
    author = None
    m = _TITLE.search(without_urls)
    if m:
        title = (m.group(1) or m.group(2)).strip().rstrip(".,")
        before = without_urls[: m.start()].strip().rstrip(".,:;").strip()
        author = before or None
    else:
        parts = _sentences(without_urls)
        if len(parts) >= 2:
            author, title = parts[0], _plain_title(parts[1])
        elif parts and not urls:
            title = _plain_title(parts[0])
    if author and len(author) > 200:
        author = None
    date = _DATE.search(without_urls)
    return Citation(author=author, title=title, url=urls[0] if urls else None, date=date.group(0) if date else None)


#: pandoc's Markdown in a note, read as its text: a backslash escape ("\[internal memorandum\]", "\$2.4",
#: "https://x.org/a\_b") and a bracketed span with attributes ("[Budget Impact Summary]{.underline}")
_PANDOC_MARKUP = lazy_compile(r"\\([!-/:-@\[-`{-~])|\[([^\[\]\n]{1,300})\]\{(?:[.#]|[A-Za-z][\w-]*=)[^{}\n]{0,200}\}")

#: what is left of a link when its URL is taken out: "<>", "[]( )", pandoc's "[[ ]{.underline}]( )"
_EMPTY_LINK = lazy_compile(r"<\s*>|\[\s*\](?:\{[^{}\n]*\})?|\]?\(\s*\)")


def _without_urls(text: str) -> str:
    out = URL.sub(" ", text)
    while True:  # a link inside a link: "[[ ]{.underline}]( )" is "[ ]( )" once its inner link is gone
        shorter = _EMPTY_LINK.sub(" ", out)
        if shorter == out:
            return out
        out = shorter


_SENTENCE_END = lazy_compile(r"\.\s+")


#: an author written surname first, with initials ("Smith, J.", "Okafor, A. B.", "Lee, J.-P."): the last initial's
#: period ends the author too (MLA, APA, Chicago's bibliography)
_SURNAME_INITIALS = lazy_compile(r"\s*[^\W\d_][^.,;()\n]{0,60},\s+(?:[A-Z]\.(?:\s*-?\s*|\s+(?=[A-Z]\.))){1,3}")
#: a sentence that is only a date in parentheses, as APA puts it after the author: "(2019).", "(2019, March 4)."
_DATE_ONLY = lazy_compile(r"\(\s*(?:\d{4}[a-z]?(?:,[^()]{0,20})?|n\.\s?d\.?)\s*\)\.?")


def _sentences(text: str) -> list[str]:
    """``text`` split at each period and white space that ends no abbreviation, the parts stripped (an author's
    surname and initials are one part, an APA date in parentheses none)."""
    parts, start = [], 0
    initials = _SURNAME_INITIALS.match(text)
    if initials and text[initials.end() - 1].isspace():
        parts.append(text[: initials.end()].strip().rstrip("."))
        start = initials.end()
    for m in _SENTENCE_END.finditer(text, start):
        if not ends_citation_abbreviation(text, m.start()):
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip() and not _DATE_ONLY.fullmatch(p.strip())]


#: a locator, a date or a number after a title's comma: "…, pp. 14–18", "…, Table 6 (Dec. 3, 2024)", "…, 2021"
_LOCATOR_TAIL = lazy_compile(
    rf",\s+(?:(?:pp?|vols?|Vol|No|nos?|ch|Ch|art|Art|sec|Sec|§)\.?\s|(?:Table|Figure|Fig|Page|Chapter|Section)\s+\d"
    rf"|\(?(?:{_MONTHS})\.?\s+\d|\(?\d).*$",
    re.S,
)
#: a title's words: letters, three or more
_TITLE_WORD = lazy_compile(r"[^\W\d_]{3,}")


def _plain_title(part: str) -> str | None:
    """The title a sentence of a note gives, or None when it cannot be one (a date, a page reference, a
    fragment cut from a comma-separated note: "3, 2024),", "14–18,")."""
    title = _LOCATOR_TAIL.sub("", part).strip().rstrip(".,;:").strip()
    if not title or not (title[0].isupper() or title[0].isdigit() or title[0] in "\"“‘'"):
        return None
    if title.count("(") != title.count(")") or title.count("[") != title.count("]"):
        return None  # a piece of a parenthesis: the sentence was cut inside it
    if not _TITLE_WORD.search(_DATE.sub(" ", title)):
        return None  # a date, a number or a page: no title
    return title
