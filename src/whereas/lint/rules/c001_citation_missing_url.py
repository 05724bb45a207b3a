"""C001: a note citing a web source with no URL, or with a malformed one."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, Rule
from whereas.model import Note, Span
from whereas.patterns import lazy_compile
from whereas.structure.remember import remembered

# Signs that a note cites something on the web.
_WEB_SIGNS = lazy_compile(
    # "available at/from" only where a web address stood ("Available at:", the note's end, "… the city's
    # website"), not "available from the Department Office" or "available at the Clerk's office"
    r"\b(?:retrieved\s+from|available\s+online|accessed\s+(?:on\s+)?\w+|last\s+visited|"
    r"web\s*site|web\s*page|online\s+at)\b"
    r"|\bavailable\s+(?:at|from)(?:\s*:|\s*\.?\s*$|\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}(?:web\s*site|web\s*page|internet|online)\b"
    r"|\s+(?:[\w-]+\.)+[a-z]{2,}\b)"  # "available at librarysurvey.org."
    r"|(?<![@\w.])(?:[a-z0-9-]+\.)+(?:org|com|net|gov|edu|int|info|io)(?:/\S*)?(?![\w.])",
    re.I,
)
# Broken schemes that the URL finder does not pick up: "http//", "https:/x", "htps://", "http: //".
_SCHEME_LIKE = lazy_compile(r"\bh+t+p+s*[ \t]*:?[ \t]*/+", re.I)
_URL = lazy_compile(r"""(?:https?://|www\.)[^\s<>"'\]\)]+""", re.I)
_WHITE_SPACE = lazy_compile(r"\s")
# What a URL broken by a space usually continues with.
_CONTINUATION = lazy_compile(r"^\s(?:[\w-]+\.(?:org|com|net|gov|edu|pdf|html?|php|aspx?)\b|[\w.-]*/[\w./-])", re.I)
_HOST = lazy_compile(
    r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$", re.I
)


class CitationMissingUrl(Rule):
    code = "C001"
    name = "citation-missing-url"
    severity = Severity.warning
    summary = "A note cites a web source without a URL, or with a malformed URL."
    why = (
        "A citation of a web page must let the reader reach it: give the URL, and make it a working one "
        "(CT-01 supporting documentation; CT-06 the URL must point to the document named; Chicago 14.7–14.12)."
    )
    bad = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024;[^1] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "[^1]: State Library Funding Survey, 2024. Retrieved from the Library Research Service website.\n"
    )
    good = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024;[^1] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "[^1]: State Library Funding Survey, 2024. https://example.org/state-library-funding-survey-2024\n"
    )
    fix_note = "No automatic fix: whereas does not guess URLs."

    def check(self, ctx: Context):
        text = ctx.text
        for note in ctx.resolution.notes:
            body = text[note.span.start : note.span.end]
            problems = list(_url_problems(note, body))
            for offset, length, message in problems:
                yield self.diagnostic(ctx, Span(note.span.start + offset, note.span.start + offset + length), message)
            if problems or note.urls:
                continue
            sign = _WEB_SIGNS.search(body)
            if sign:
                yield self.diagnostic(
                    ctx,
                    note.span,
                    f"Note {note.id} cites a web source ({sign.group(0)!r}) but gives no URL",
                )


def _url_problems(note: Note, body: str):
    for offset, length, problem in _problems(body):
        yield offset, length, f"Note {note.id}: {problem}"


@remembered  # (a note's text: ``format`` lints a file three times, and its notes are the same each time)
def _problems(body: str) -> tuple[tuple[int, int, str], ...]:
    """(offset, length, what is wrong) for each malformed URL or URL scheme in a note's text."""
    out = []
    for m in _SCHEME_LIKE.finditer(body):
        if m.group(0).lower() in ("http://", "https://"):
            continue
        out.append((m.start(), m.end() - m.start(), f"malformed URL scheme {m.group(0)!r}"))
    for m in _URL.finditer(body):
        raw = m.group(0).rstrip(".,;:!?’”'\"")
        problem = url_problem(raw)
        if problem is None and _CONTINUATION.match(body[m.end() :]):
            problem = "contains a space"
        if problem:
            out.append((m.start(), len(raw), f"malformed URL {raw!r} ({problem})"))
    return tuple(out)


@remembered  # (``format`` lints a file three times, and each time reads the same URLs)
def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a working web address, or None."""
    if url.lower().startswith("www."):
        url = "https://" + url
    if _WHITE_SPACE.search(url):  # (str.isspace's characters: tests/test_fast_paths.py)
        return "contains a space"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return str(exc)
    if parts.scheme.lower() not in ("http", "https"):
        return f"scheme {parts.scheme or 'missing'}"
    host = parts.hostname or ""
    if not host:
        return "no host"
    if port == 0:
        return "bad port"
    if may_be_ip_address(host):
        try:
            ipaddress.ip_address(host)
            return None
        except ValueError:
            pass
    if host == "localhost":
        return None
    if not _HOST.match(host):
        return f"bad host {host!r}"
    return None


def may_be_ip_address(host: str) -> bool:
    """Whether ``ipaddress.ip_address`` might accept ``host``: an IPv6 address has a ":", an IPv4 one only
    digits and dots.  A host name fails it (with a ValueError) before it is asked: that took half of this
    rule's time, 4 of 8.5 µs per URL (tests/test_fast_paths.py holds it to ip_address)."""
    return ":" in host or not host.strip("0123456789.")


RULE = CitationMissingUrl()
