"""A chat's messages pasted as plain text (Slack, Microsoft Teams, Discord): who wrote each message and when, the
reactions under it and its "(edited)" mark are the chat's, not words of a title or a clause.

* **a message's header**: a line that is only a name (one to four capitalised words) and a time, as each chat
  prints it: Slack's "Jane Doe  10:42 AM" and "Jane Doe [10:42 AM]", Teams' "[10:42 AM] Jane Doe", Discord's
  "Jane Doe — Today at 10:42 AM" or "Jane Doe — 03/14/2025 10:42 AM".  It is read as a mark between paragraphs: a
  new message ends the clause before it, so a clause never runs on into the next message.  Only a text with two such lines or
  more is a chat (one line like it may be the document's own);
* in a chat only, **reactions** on a line of their own (":+1: 3", ":tada: 2 :heart: 1"), a thread's "3 replies",
  and the **"(edited)"** mark at the start or end of a line.
"""

from __future__ import annotations

import re

from whereas.model import Span
from whereas.patterns import lazy_compile

__all__ = ["chat_furniture"]

_NAME = r"[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
_DAY = r"(?:Today|Yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[ \t]+at"
_DATE = r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}"
_HEADER = lazy_compile(
    rf"^[ \t]*(?:(?P<slack>{_NAME})[ \t]+(?:\[{_TIME}\]|{_TIME})"
    rf"|(?P<discord>{_NAME})[ \t]+[—–-][ \t]+(?:{_DAY}[ \t]+{_TIME}|{_DATE},?[ \t]+{_TIME})"
    rf"|\[{_TIME}\][ \t]+(?P<teams>{_NAME}))[ \t]*\r?$",
    re.M,
)
#: words that make a line a meeting's time or a record of it, never a chat's name ("Regular Meeting 7:00 PM")
_NOT_NAMES = frozenset(
    "adopted passed approved meeting session hearing time date called adjourned dated signed start end begins "
    "ends whereas resolved recess reconvened closed opened vote".split()
)
_REACTIONS = lazy_compile(
    r"^[ \t]*(?::[\w+-]{1,40}:[ \t]*\d{0,4}[ \t]*)+\r?$|^[ \t]*\d{1,4}[ \t]+repl(?:y|ies)[ \t]*\r?$", re.M
)
_EDITED = lazy_compile(r"^[ \t]*\(edited\)[ \t]*|[ \t]*\(edited\)[ \t]*(?=\r?$)", re.M)
#: the fewest message headers that make a text a chat
MIN_HEADERS = 2


def chat_furniture(text: str) -> tuple[tuple[Span, ...], tuple[int, ...]]:
    """The spans of ``text`` that are a pasted chat's (see the module's docstring), and the starts of its message
    headers' lines; none when it is no chat."""
    if ":" not in text:
        return (), ()
    headers = [m for m in _HEADER.finditer(text) if not _NOT_NAMES.intersection(_name(m).casefold().split())]
    if len(headers) < MIN_HEADERS:
        return (), ()
    spans = [Span(m.start(), _line_end(m)) for m in headers]
    spans += [Span(m.start(), _line_end(m)) for m in _REACTIONS.finditer(text) if m.end() > m.start()]
    if "(edited)" in text:
        spans += [Span(m.start(), m.end()) for m in _EDITED.finditer(text) if m.end() > m.start()]
    starts = tuple(text.rfind("\n", 0, m.start()) + 1 for m in headers)
    return tuple(sorted(spans, key=lambda s: (s.start, s.end))), starts


def _name(m: re.Match[str]) -> str:
    return m.group("slack") or m.group("discord") or m.group("teams") or ""


def _line_end(m: re.Match[str]) -> int:
    """The match's end without a carriage return (the line break is not the header's)."""
    end = m.end()
    return end - 1 if m.group().endswith("\r") else end
