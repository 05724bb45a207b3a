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


def test_twenty_thousand_recitals() -> None:
    """The audit's 20,000 "WHEREAS" lines (15 s when each line re-counted the resolving clauses)."""
    lines = "\n".join(f"WHEREAS, finding {k}; and" for k in range(N))
    text = f"# Many recitals\n\n{lines}\n\nNOW, THEREFORE, BE IT RESOLVED, that the committee adopts its findings.\n"
    [resolution] = build(Source(text, "markdown", "recitals.md"))
    assert sum(c.kind == "recital" for c in resolution.clauses) == N


def test_the_most_inline_notes_a_text_numbers() -> None:
    """A Word export's inline notes: 999 of them (ids have at most three digits), each a long text, 500 KB
    in all (each note was compared with every other, and a scan from each note to the end would read the
    text 999 times)."""
    n = 999
    report = "the county's annual report on its libraries, " * 10
    body = "\n\n".join(
        f"WHEREAS, report {k} shows growth[endnoteRef:{k}]; and [{k}: Report {k}, {report}page {k}.]"
        for k in range(1, n + 1)
    )
    text = f"Resolution on notes\n\n{body}\n\nNOW, THEREFORE, BE IT RESOLVED, that the libraries be funded.\n"
    assert len(text) > 500_000
    [resolution] = build(Source(text, "text", "notes.txt"))
    assert [note.id for note in resolution.notes] == [str(k) for k in range(1, n + 1)]
    assert all(note.inline for note in resolution.notes)


def test_a_forty_page_pdf() -> None:
    """The audit's 40-page PDF of 6.9 KB of text took 212 s; every page's recital is read."""
    from pdf_builder import build_pdf

    from whereas.api import parse_view
    from whereas.readers import read_bytes

    pages = [
        ["RESOLUTION NO. 2024-17", "", f"WHEREAS, the {k}th page holds a recital; and", "", f"Page {k} of 40"]
        for k in range(1, 41)
    ]
    pages[-1][-1:-1] = ["NOW, THEREFORE, BE IT RESOLVED, that the council adopts it.", ""]
    [resolution] = parse_view(read_bytes(build_pdf(pages), "pages.pdf"))
    assert sum(c.kind == "recital" for c in resolution.clauses) == 40


def test_the_benchmark_writes_a_shape_out_to_be_run_by_hand(tmp_path) -> None:
    """``benchmarks/hostile.py --write DIR`` writes the 100× document it would time, and times nothing."""
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("hostile", ROOT / "benchmarks" / "hostile.py")
    assert spec is not None and spec.loader is not None
    hostile = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hostile)
    assert hostile.main(["--shape", "format", "--scale", "0.2", "--write", str(tmp_path)]) == 0
    (written,) = tmp_path.iterdir()
    assert written.name == "format-100-0.md"
    assert written.read_text(encoding="utf-8") == hostile._format_markdown(200, "(run 0)")
