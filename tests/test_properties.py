"""Properties of the structure builder on arbitrary and resolution-like text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import whereas
from whereas.model import Resolution, Source, Span
from whereas.structure import build

FRAGMENTS = [
    "Whereas ",
    "WHEREAS, ",
    "**WHEREAS**, ",
    "Resolved, that ",
    "RESOLVED, That ",
    "Be it further resolved, ",
    "NOW, THEREFORE, BE IT",
    "; now, therefore, be it",
    "; and be it further",
    "Therefore, ",
    "Finally resolved, ",
    "[endnoteRef:1]",
    "[footnoteRef:2]",
    '[1: Org. "Title". https://example.org/a]',
    "[2: ",
    "[^1]",
    "[^1]: note",
    "[1]",
    "¹",
    "²",
    "Notes\n",
    "1. ",
    "(a) ",
    "* ",
    "- ",
    "> ",
    "# Title\n",
    "## 2. Next\n",
    "Mover: A B\n",
    "BY: Senator X\n",
    '"',
    "“",
    "”",
    "'",
    "«",
    "»",
    "[",
    "]",
    "(",
    ")",
    "{signature}, ",
    "<details>",
    "</details>",
    "<!-- c -->",
    "___",
    "**",
    "*",
    "_",
    "\n",
    "\n\n",
    " \n",
    "  ",
    "\t",
    "the ACLU (ACLU) has stated that ",
    "word ",
    "Word. ",
    "as follows:\n\n",
    "and\n",
    "—",
    "\u00ad",
    "\r\n",
]

resolution_like = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


def _spans(r: Resolution) -> list[Span]:
    spans = [r.span]
    if r.title:
        spans.append(r.title.span)
    if r.formula:
        spans.append(r.formula.span)
    if r.sponsors.span:
        spans.append(r.sponsors.span)
    for c in r.clauses:
        spans.append(c.span)
        spans.extend(i.span for i in c.items)
        spans.extend(m.span for m in c.markers)
        spans.extend(c.inline_notes)
    spans.extend(n.span for n in r.notes)
    spans.extend(q.span for q in r.quotations)
    return spans


def check(text: str) -> None:
    for fmt in ("text", "markdown"):
        for r in build(Source(text, fmt)):
            n = len(text)
            for span in _spans(r):
                assert 0 <= span.start <= span.end <= n, span
            for c in r.clauses:
                assert len(c.mapped.text) == len(c.mapped.offsets)
                for i, ch in enumerate(c.mapped.text):
                    if not ch.isspace():
                        assert text[c.mapped.offsets[i]] == ch, (c.ref, i)
                assert list(c.mapped.offsets) == sorted(c.mapped.offsets)
            refs = {c.ref for c in r.clauses}
            for q in r.quotations:
                assert q.clause in refs


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str):
    check(text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolution_like)
def test_resolution_like_text_keeps_every_span_in_the_source(text: str):
    check(text)


@settings(max_examples=100, deadline=None)
@given(resolution_like)
def test_public_parse_on_text(text: str):
    if "\n" not in text:
        text += "\n"  # a one-line string could name a file
    for r in whereas.parse(text):
        assert r.source.text == text
