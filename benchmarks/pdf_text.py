"""Which way of taking text out of a PDF reads resolutions best: measured against the golden structures.

    python benchmarks/pdf_text.py

For every PDF of ../shared/corpus and ../shared/corpus-2 that has a golden structure file
(tests/golden/), each extractor's text goes through the same structure builder, and the parse is
compared with what the person who read the document wrote down: the share of golden lines (title,
recitals, resolving clauses, items, notes, quotations, each with its first and last words) that the
parse reproduces exactly, the documents read entirely right, and the time per page.  The extractor
whereas uses (``whereas.readers.pdf``) was chosen from these figures (docs/formats.md).
"""

from __future__ import annotations

import collections
import io
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

import pypdf  # noqa: E402

from golden_outline import SHARED, expected, golden_path, outline_of  # noqa: E402
from whereas.readers.pdf import join_broken_words, tidy_page  # noqa: E402

logging.getLogger("pypdf").setLevel(logging.ERROR)  # what pypdf repairs in a damaged file is not the measure


def pypdf_layout(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    return [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]


def pypdf_plain(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    return [page.extract_text() or "" for page in reader.pages]


def pypdf_repaired(data: bytes) -> list[str]:
    """Layout mode with the words its spacing broke put back together from plain mode (what whereas does)."""
    from whereas.readers.pdf import repair_words

    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    return [
        repair_words(page.extract_text(extraction_mode="layout") or "", page.extract_text() or "")
        for page in reader.pages
    ]


def pdfminer_boxes(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data)).split("\f")


EXTRACTORS: dict[str, Callable[[bytes], list[str]]] = {
    "pypdf layout": pypdf_layout,
    "pypdf plain": pypdf_plain,
    "layout+plain": pypdf_repaired,
    "pdfminer.six": pdfminer_boxes,
}


def main() -> int:
    pdfs = [
        p
        for corpus in ("corpus", "corpus-2")
        for p in sorted((SHARED / corpus).rglob("*.pdf"))
        if golden_path(p).exists() and not expected(golden_path(p)).startswith("error:")
    ]
    if not pdfs:
        print("no PDF with a golden structure (is ../shared there?)")
        return 1
    print(f"{len(pdfs)} PDFs with golden structures\n")
    print(f"{'extractor':<14} {'golden lines matched':>22} {'documents right':>16} {'ms/page':>9}")
    for name, extract in EXTRACTORS.items():
        matched = total = right = pages = 0
        seconds = 0.0
        try:
            extract(pdfs[0].read_bytes())
        except ImportError as e:
            print(f"{name:<14} not installed ({e.name}): pip install '.[bench]'")
            continue
        for path in pdfs:
            data = path.read_bytes()
            start = time.perf_counter()
            texts = extract(data)
            seconds += time.perf_counter() - start
            pages += len(texts)
            # the reader's own page joining and word joining, for every extractor alike
            text = (
                join_broken_words("\n\f\n".join(t for t in (tidy_page(raw, join=False) for raw in texts) if t)) + "\n"
            )
            want = expected(golden_path(path)).splitlines()
            got = outline_of(text, "pdf", str(path)).splitlines()
            overlap = sum((collections.Counter(want) & collections.Counter(got)).values())
            matched += overlap
            total += len(want)
            right += want == got
        print(
            f"{name:<14} {matched:>10}/{total:<6} {matched / total:>5.1%} {right:>10}/{len(pdfs):<5} {1000 * seconds / pages:>9.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
