"""Places in a resolution as a person sees them: "title", "Whereas clause 5", "Resolved clause 1, item
2", "endnote 3" ("note 3" where the source does not say which kind), with the words quoted.

For a Word, OpenDocument or PDF source a line and column point into whereas's own text view of the
document, which the reader never sees; reports name the place instead (``location`` in JSON, first in
the text report, in SARIF's message).  Plain text and Markdown keep line:column: there the view is
the file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whereas.model import Resolution, Source, Span
from whereas.patterns import lazy_compile

#: formats whose line:column mean nothing to the reader of the document
VIEW_FORMATS = frozenset({"docx", "doc", "odt", "pdf"})
_NOTE_LINE = lazy_compile(r"\[\^([^\]\s]+)\]: ")
_WORDS = 40
#: a note's call-out as the text view writes it ("[^5]", "[endnoteRef:5]"), which the reader sees as a superscript
_CALLOUT = lazy_compile(r"\[\^([^\]\s]+)\]|\[(?:endnote|footnote)Ref:\s*(\w+)\]")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def as_seen(words: str) -> str:
    """``words`` with each note call-out as the document shows it: a superscript number ("Rights )¹;").
    For the reader of a Word, OpenDocument or PDF file, who never sees the text view's "[^1]"."""

    def shown(m: re.Match[str]) -> str:
        ident = m.group(1) or m.group(2)
        return ident.translate(_SUPERSCRIPT) if ident.isdigit() else f"[note {ident}]"

    return _CALLOUT.sub(shown, words)


@lru_cache(maxsize=8)
def _resolutions(source: Source) -> tuple[Resolution, ...]:
    from whereas.structure import build

    return tuple(build(source))


def has_places(source: Source) -> bool:
    return source.format in VIEW_FORMATS


def place(source: Source, span: Span, clause: str | None = None) -> str:
    """The place of ``span`` in words (without the quoted words)."""
    text = source.text
    offset = min(span.start, len(text))
    line_start = text.rfind("\n", 0, offset) + 1
    note = _NOTE_LINE.match(text, line_start)
    if note:  # "endnote 3" / "footnote 2" where the reader knows the kind, else "note 3"
        return f"{dict(source.note_kinds).get(note.group(1), 'note')} {note.group(1)}"
    for r in _resolutions(source):
        if not r.span.start <= offset <= r.span.end:
            continue
        if r.title is not None and r.title.span.start <= offset <= r.title.span.end:
            return "title"
        for kind, clauses in (("Whereas", r.preamble), ("Resolved", r.resolved)):
            for i, c in enumerate(clauses):
                if c.ref == clause or c.span.start <= offset <= c.span.end:
                    where = f"{kind} clause {i + 1}"
                    for j, item in enumerate(c.items):
                        if item.span.start <= offset < item.span.end:
                            return f"{where}, item {j + 1}"
                    return where
        if r.formula is not None and r.formula.span.start <= offset <= r.formula.span.end:
            return "the “now, therefore” connector"
    return f"paragraph {text.count(chr(10) + chr(10), 0, line_start) + 1}"


def location(source: Source, span: Span, clause: str | None = None) -> str:
    """The place and the words: ``Whereas clause 5, “…lacks a public interest defense,”``."""
    where = place(source, span, clause)
    text = source.text
    words = " ".join(text[span.start : span.end].split())
    if not words and span.end > span.start:  # white space: quoted with the words on either side of it
        before = text.rfind(" ", 0, max(0, span.start - 1)) + 1
        after = text.find(" ", span.end)
        words = text[max(before, text.rfind("\n", 0, span.start) + 1) : after if after >= 0 else len(text)]
        words = words.split("\n")[0]
    words = as_seen(words)
    if not words:
        return where
    if len(words) > _WORDS:
        words = words[: _WORDS - 1] + "…"
    return f"{where}, “{words}”"
