"""Resolutions wrapped in another text: pasted whole into an e-mail reply ("> " on every line), printed whole in
a code fence (as board minutes print each one), or kept in a note-taking app's callout. Their lines are read as the
resolution's, not as a quotation."""

from __future__ import annotations

import re

from whereas.patterns import lazy_compile
from whereas.structure.keywords import RECITAL, is_resolved_line

__all__ = ["NOTION_CALLOUT", "callouts", "fenced_resolutions", "pasted_in_reply"]

_FENCE = lazy_compile(r"^[ \t]{0,8}(?:```|~~~)")


def fenced_resolutions(view: str) -> frozenset[int]:
    """The starts of the lines inside code fences that hold a whole resolution: a recital and a resolving
    clause among their lines (a bylaw's text or a sample quoted in a fence holds no such pair)."""
    found: set[int] = set()
    fence: str | None = None
    inside: list[tuple[int, str]] = []  # (line start, line) of the open fence's lines
    pos = 0
    for raw in view.split("\n"):
        if fence is None:
            if raw.lstrip()[:3] in ("```", "~~~") and _FENCE.match(raw):
                fence, inside = raw.lstrip()[:3], []
        elif raw.strip().startswith(fence) and not raw.strip().strip(fence[0]):
            if any(RECITAL.match(r) for _, r in inside) and any(is_resolved_line(r) for _, r in inside):
                found.update(start for start, _ in inside)
            fence = None
        else:
            inside.append((pos, raw))
        pos += len(raw) + 1
    return frozenset(found)


_REPLY_PREFIX = lazy_compile(r"^[ \t]*(?:>[ \t]?)+")


def pasted_in_reply(view: str) -> dict[int, int]:
    """The lines of a resolution quoted whole in an e-mail reply ("> WHEREAS, …" … "> RESOLVED, …" … "> Moved:
    …"): line start → the length of its "> " prefix, for every line of a run of quoted lines that holds both a
    recital and a resolving clause. A block quotation of a statute or a speech, which holds no such pair, stays
    a quotation."""
    found: dict[int, int] = {}
    run: list[tuple[int, int, str]] = []  # (line start, prefix length, the rest) of the quoted lines so far

    def close() -> None:
        rests = [rest for _, _, rest in run]
        if any(RECITAL.match(r) for r in rests) and any(is_resolved_line(r) for r in rests):
            found.update((start, n) for start, n, _ in run)
        run.clear()

    pos = 0
    for raw in view.split("\n"):
        m = _REPLY_PREFIX.match(raw) if ">" in raw else None
        if m is not None:
            run.append((pos, m.end(), raw[m.end() :]))
        elif run:
            close()
        pos += len(raw) + 1
    close()
    return found


#: an Obsidian callout's (or a GitHub alert's) first line: "> [!note] Status", "> [!warning]-", "> [!NOTE]"
_CALLOUT = lazy_compile(r"^[ \t]*>[ \t]?\[![A-Za-z][\w-]{0,30}\][+-]?(?:[ \t].*)?$")
#: a Notion or Confluence callout exported to Markdown: a block quote opened by its icon ("> ⚠️ **Warning:** Vote
#: count: 34 in favor …", "> 💡 Note: …"), or by a bold admonition label ("> **Note:** …"); no quoted text opens so
NOTION_CALLOUT = lazy_compile(
    r"^[ \t]*>[ \t]?(?:[\u2139\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]\ufe0f?[ \t]+\S"
    r"|(?:\*\*|__)(?:note|warning|tip|important|caution|info)(?::(?:\*\*|__)|(?:\*\*|__):))",
    re.I | re.M,
)


def callouts(view: str) -> tuple[dict[int, int], frozenset[int]]:
    """An Obsidian callout ("> [!note] Status" / "> Draft for the March meeting."): a note-taker's box around
    its text, no block quotation of the resolution.  Its lines are read without their "> " (line start → the
    prefix's length; the box may hold the resolution itself), and its first line, the callout's kind and title,
    is a mark that ends a clause (the starts of those lines).  A Notion callout ("> ⚠️ **Warning:** …") is one
    too: its first line, icon, label and text, a mark."""
    found: dict[int, int] = {}
    heads: set[int] = set()
    inside = False
    pos = 0
    for raw in view.split("\n"):
        if _CALLOUT.match(raw) or NOTION_CALLOUT.match(raw):
            heads.add(pos)
            inside = True
        elif inside and (m := _REPLY_PREFIX.match(raw)) is not None:
            found[pos] = m.end()
        else:
            inside = False
        pos += len(raw) + 1
    return found, frozenset(heads)
