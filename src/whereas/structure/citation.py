"""Read what a note cites: author or organisation, title, URL, date."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from whereas.model import Citation
from whereas.patterns import lazy_compile
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
    """Best-effort reading of a note such as ``Org. "Title". https://… (2021)``."""
    urls = find_urls(text)
    without_urls = URL.sub(" ", text)
    title = None
    author = None
    m = _TITLE.search(without_urls)
    if m:
        title = (m.group(1) or m.group(2)).strip().rstrip(".,")
        before = without_urls[: m.start()].strip().rstrip(".,:;").strip()
        author = before or None
    else:
        parts = [p.strip() for p in re.split(r"\.\s+", without_urls.strip()) if p.strip()]
        if len(parts) >= 2:
            author, title = parts[0], parts[1].rstrip(".")
        elif parts and not urls:
            title = parts[0].rstrip(".")
    if author and len(author) > 200:
        author = None
    date = _DATE.search(without_urls)
    return Citation(author=author, title=title, url=urls[0] if urls else None, date=date.group(0) if date else None)
