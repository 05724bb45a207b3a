"""Inputs that would hang a quadratic pass: each is read in well under a few seconds now, and took
minutes before (the time is measured by benchmarks/hostile.py, never here: what is asserted is what
the structure holds, on an input large enough that scanning from each position would not finish).
"""

from __future__ import annotations

from whereas.model import Source
from whereas.structure import build
from whereas.structure.quotes import find_quotes

N = 20_000


def test_thousands_of_unclosed_quotation_marks_quote_nothing() -> None:
    """Every mark opens a quotation that never closes: each close was looked for to the end of the
    clause (20,000 marks: some 200 million steps)."""
    for mark in ('"', "“", "„", "«"):
        assert find_quotes(f"that {mark}the council " * N) == []


def test_unclosed_marks_before_a_closed_quotation_leave_it_found() -> None:
    text = "“the board " * N + 'and "the council meets" today'
    [quote] = find_quotes(text)
    assert text[quote.start : quote.end] == "the council meets"


def test_a_clause_of_thousands_of_quotations_with_notes() -> None:
    """Each quotation's note and speaker were read by slicing the clause and reading every call-out."""
    n = 5_000
    quotes = "".join(f'that "the council meets on day {k}"[^{k}] and ' for k in range(1, n + 1))
    notes = "".join(f"[^{k}]: Minutes of day {k}.\n" for k in range(1, n + 1))
    text = f"WHEREAS, the report says {quotes}more; now, therefore, be it\n\nRESOLVED, that we act.\n\n{notes}"
    [resolution] = build(Source(text, "markdown", "quotes.md"))
    found = resolution.quotations
    assert len(found) == n
    assert [q.note for q in found[:3]] == ["1", "2", "3"] and found[-1].note == str(n)


def test_a_clause_starting_with_punctuation_marks_then_thousands_of_paragraphs() -> None:
    """The grouping asked at every line whether the clause so far is only a keyword, joining and stripping
    all of it each time when its first 80 characters were punctuation marks."""
    paragraphs = "the council met again and heard the public;\n\n" * (N // 2)
    text = f"WHEREAS {'-,;:.' * 16}\n\n{paragraphs}RESOLVED, that the council adopts it.\n"
    [resolution] = build(Source(text, "markdown", "punctuation.md"))
    assert [c.kind for c in resolution.clauses][-1] == "resolved"
