"""Time the structure builder (and ``whereas format``) on inputs grown 1×, 10× and 100×: is it linear?

    .venv/bin/python benchmarks/hostile.py [--shape NAME …] [--scale K] [--profile NAME:FACTOR]

Each shape is a document generated here, in the shape a hostile or merely large input takes:

* ``whereas`` — one resolution of many "WHEREAS …" lines;
* ``inline-notes`` — a Word export's text with ``[endnoteRef:N]`` call-outs and ``[N: text]`` notes;
* ``pdf-pages`` — a PDF of many short pages (a header, a paragraph, a page number), read through its
  text layer;
* ``huge-text`` — one resolution followed by a long run of prose paragraphs;
* ``long-clause`` — one resolving clause with a long list, its items a blank line apart;
* ``resolutions`` — many resolutions in one file, each with a title, recitals and resolving clauses;
* ``format`` — ``whereas format`` (fixes and layout, every step verified) of a Markdown file of
  many resolutions with notes and fixable findings (``--shape format --scale 5.8`` makes the 100×
  file the audit's 1.76 MB one);
* ``unclosed-quotes`` — one recital holding thousands of opening quotation marks, straight and curly,
  that never close;
* ``many-quotes`` — one recital quoting thousands of passages, each with a note call-out;
* ``page-foot-notes`` — a PDF's text of many pages, a clause running across each page break with the notes at
  the page's foot (right under its last line), and rules with and without notes under them;
* ``ruled-notes`` — a PDF's text of many pages, a note under each page's rule running on under the next page's
  rule, and rules with no notes between;
* ``punctuation`` — a clause that starts with a row of punctuation marks ("WHEREAS -,;:.-,;:.…")
  followed by thousands of paragraphs.

The audit's inputs are among these sizes: 20,000 "Whereas" lines are the ``whereas`` shape at 40×, the
188/376/765 KB inline notes ``inline-notes`` at 25×, 50× and 100×, the 40-page PDF ``pdf-pages`` at 10×.

For every shape the same document is generated at 1×, 10× and 100× its base size; each is timed
(the best of a few runs for the small ones) and the time per KB printed.  The last column is the
ratio of the 100× time per KB to the 1× time per KB, measured in the same run: about 1 for a pass
linear in the document's size, about 100 for a quadratic one.  Under the ``format`` row, ``format /
parse`` at 1× and 10×: formatting against parsing the same documents in the same run (what the three
builds, three lints and the Markdown checks of ``format`` cost, whatever the machine's speed).  ``--profile whereas:100`` runs one
size of one shape under cProfile instead and prints the functions that take the time; ``--write DIR``
only writes the 100× documents (``--shape format --scale 5.8 --write /tmp/big`` gives the audit's file, to
time ``whereas format --check`` on it or profile it with py-spy).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve()
FACTORS = (1, 10, 100)


# ---------------------------------------------------------------------------------------------
# generated documents


def _whereas(n: int, tag: str = "") -> str:
    lines = [f"# A resolution of many recitals {tag}", ""]
    lines += [f"WHEREAS, finding {k}; and" for k in range(n)]  # short lines: the cost per line shows
    lines += ["", "NOW, THEREFORE, BE IT RESOLVED, that the committee adopts its findings."]
    return "\n".join(lines) + "\n"


def _inline_notes(n: int, tag: str = "") -> str:
    parts = [f"Resolution on notes {tag}", ""]
    for k in range(1, n + 1):
        parts.append(f"WHEREAS, report {k} shows growth[endnoteRef:{k}]; and [{k}: Report {k}.]")
        parts.append("")
    parts.append("NOW, THEREFORE, BE IT RESOLVED, that the libraries be funded.")
    return "\n".join(parts) + "\n"


def _huge_text(n: int, tag: str = "") -> str:
    head = _whereas(3, tag)
    para = (
        "The committee heard testimony from residents, staff and the public about the proposal, and "
        "it considered the written comments received before the meeting in some detail.\n\n"
    )
    return head + "\n" + para * n


def _long_clause(n: int, tag: str = "") -> str:
    parts = [
        f"# Measures {tag}",
        "",
        "WHEREAS, the council must act; now, therefore, be it",
        "",
        "RESOLVED, that the council adopts the following measures:",
        "",
    ]
    for k in range(1, n + 1):
        parts += [f"- the {k}th measure of the program, with its budget and its staff;", ""]
    return "\n".join(parts) + "\n"


def _resolutions(n: int, tag: str = "") -> str:
    out = [f"Resolutions of the board {tag}\n\n"]
    for k in range(1, n + 1):
        out.append(
            f"# Resolution {k}: on the {k}th matter\n\n"
            f"WHEREAS, the {k}th matter came before the board; and\n\n"
            f"WHEREAS, the board heard from the public on it; now, therefore, be it\n\n"
            f"RESOLVED, that the board approves the {k}th matter; and be it further\n\n"
            f"RESOLVED, that the clerk records it.\n\n"
            f"Adopted on the {k % 28 + 1}th day of March.\n\n"
        )
    return "".join(out)


def _format_markdown(n: int, tag: str = "", first: int = 1) -> str:
    """``n`` resolutions numbered from ``first`` (each run numbers its own: whereas remembers what it read of a
    heading or a note by its text, and an earlier run's would be remembered)."""
    out = [f"Resolutions of the council {tag}\n\n"]
    for k in range(first, first + n):
        out.append(
            f"# Resolution {k}\n\n"
            f"Whereas the {k}th program serves   the region well[^{k}a]; and\n"
            f"whereas its funding ends this year;\n\n"
            f"Now, therefore, be it resolved that the council continue the program[^{k}b].\n\n"
            f"[^{k}a]: Regional Report {k}, https://example.org/report/{k}\n"
            f"[^{k}b]: Budget Office, https://example.org/budget/{k}\n\n"
        )
    return "".join(out)


def _unclosed_quotes(n: int, tag: str = "") -> str:
    marks = 'that "the council ' * n + "and “the board " * n
    return f"# Quotations {tag}\n\nWHEREAS, the report says {marks}; now, therefore, be it\n\nRESOLVED, that we act.\n"


def _many_quotes(n: int, tag: str = "") -> str:
    quotes = "".join(f'that "the council meets on day {k}"[^{k}] and ' for k in range(1, n + 1))
    notes = "".join(f"[^{k}]: Minutes of day {k}.\n" for k in range(1, n + 1))
    return f"# Quotations {tag}\n\nWHEREAS, the report says {quotes}more; now, therefore, be it\n\nRESOLVED, that we act.\n\n{notes}"


def _punctuation(n: int, tag: str = "") -> str:
    paragraphs = "the council met again and heard the public;\n\n" * n
    return f"# Punctuation {tag}\n\nWHEREAS {'-,;:.' * 16}\n\n{paragraphs}RESOLVED, that the council adopts it.\n"


def _long_notes(n: int, tag: str = "") -> str:
    """Notes wrapped over many lines: under a page's rule, in a notes section, printed at the end."""
    wrapped = "and the report goes on over one more line\n" * n
    return (
        f"# Long notes {tag}\n\nWHEREAS, the report shows growth,1 and the survey a fall²; now, therefore, be it\n\n"
        f"RESOLVED, that we act.\n\n1 The report,\n{wrapped}\n² The survey,\n{wrapped}"
    )


def _page_foot_notes(n: int, tag: str = "") -> str:
    """A PDF's text of many pages, each clause running on to the next page across the notes at the page's foot
    (right under its last line), and a rule with no note under it on each page."""
    pages = []
    for k in range(1, n + 1):
        word = "".join(chr(ord("a") + int(d)) for d in str(k))  # (lines that differ: no running head)
        pages.append(
            f"WHEREAS, report {k} shows growth,{k} and the survey goes on over the\n"
            f"{k} Report {k}, p. 4, and the\n"
            f"\f\nnext page of {word}; and\n\n__________\nSigned, the clerk of {word}\n"
        )
    return f"Page-foot notes {tag}\n\n" + "\f\n".join(pages) + "\nRESOLVED, that we act.\n"


def _ruled_notes(n: int, tag: str = "") -> str:
    """A PDF's text of many pages with a note under each page's rule that runs on under the next page's rule, and
    rules with no note under them between."""
    pages = []
    for k in range(1, n + 1):
        word = "".join(chr(ord("a") + int(d)) for d in str(k))
        pages.append(
            f"__________\nthe rest of note {word}.\n\nWHEREAS, report {word} shows growth,{k} and the survey a fall;\n\n"
            f"__________\nSigned, the clerk of {word}\n\n__________\n{k} Report {word}, p. 4, and the\n"
        )
    return f"Ruled notes {tag}\n\n" + "\f\n".join(pages) + "\f\nRESOLVED, that we act.\n"


def _pdf_pages(n: int, tag: str = "") -> bytes:
    pages = []
    for k in range(1, n + 1):
        lines = ["RESOLUTION NO. 2024-17", ""]
        if k == 1:
            lines += [f"A RESOLUTION OF THE CITY COUNCIL ON PAGES {tag}", ""]
        lines += [f"WHEREAS, the {k}th page of this resolution holds a recital that", "runs over two lines; and", ""]
        if k == n:
            lines += ["NOW, THEREFORE, BE IT RESOLVED, that the council adopts it.", ""]
        lines += [f"Page {k} of {n}"]
        pages.append(lines)
    return _pdf(pages)


def _pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF: one page per list of lines, in Helvetica, one line under the other."""

    def escape(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, lines in enumerate(pages):
        body = "BT /F1 11 Tf 14 TL 72 740 Td " + " ".join(f"({escape(line)}) Tj T*" for line in lines) + " ET"
        stream = body.encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# what is timed


def _parse(path: Path) -> None:
    import whereas

    whereas.parse(path)


def _format(path: Path) -> None:
    from whereas.format import FormatOptions, format_paths

    (item,) = format_paths([str(path)], FormatOptions(write=False))
    if item.error is not None:
        raise item.error


#: name → (base count of units, generator (count, tag), file suffix, what is timed)
SHAPES: dict[str, tuple[int, Callable[[int, str], str | bytes], str, Callable[[Path], None]]] = {
    "whereas": (500, _whereas, ".md", _parse),
    "inline-notes": (100, _inline_notes, ".txt", _parse),
    "pdf-pages": (4, _pdf_pages, ".pdf", _parse),
    "huge-text": (500, _huge_text, ".txt", _parse),
    "long-clause": (100, _long_clause, ".md", _parse),
    "resolutions": (20, _resolutions, ".md", _parse),
    "format": (10, _format_markdown, ".md", _format),
    "unclosed-quotes": (50, _unclosed_quotes, ".md", _parse),
    "many-quotes": (50, _many_quotes, ".md", _parse),
    "punctuation": (100, _punctuation, ".md", _parse),
    "long-notes": (200, _long_notes, ".md", _parse),
    "page-foot-notes": (50, _page_foot_notes, ".txt", _parse),
    "ruled-notes": (50, _ruled_notes, ".txt", _parse),
}


#: shapes whose generator numbers its resolutions from a given first number (``first=``)
NUMBERED = {"format"}


def _write(folder: Path, name: str, factor: int, scale: float, run: int = 0) -> Path:
    """The shape's document at ``factor`` × its base size; each ``run`` a text of its own (a number in its
    title, and for the NUMBERED shapes resolutions numbered after the earlier runs'), so that no cache of an
    earlier run's text is hit."""
    base, make, suffix, _ = SHAPES[name]
    count = max(1, round(base * factor * scale))
    if name in NUMBERED:
        data = make(count, f"(run {run})", first=1 + run * count)
    else:
        data = make(count, f"(run {run})")
    path = folder / f"{name}-{factor}-{run}{suffix}"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


#: runs per size: the best (least CPU time) is kept
RUNS = 3


def _time(run: Callable[[Path], None], paths: list[Path]) -> float:
    """The least CPU time a KB of this process over one run on each of ``paths``, in ms (the machine may be
    shared: CPU time, not wall-clock time, is what the other processes do not add to)."""
    best = float("inf")
    for path in paths:
        t0 = time.process_time()
        run(path)
        best = min(best, (time.process_time() - t0) * 1000 / (path.stat().st_size / 1024))
    return best


def _format_against_parse(folder: Path, scale: float) -> float:
    """``whereas format`` against ``whereas.parse`` of the same documents (the ``format`` shape at 1× and 10×),
    least CPU time a KB of each, measured in this run: what formatting costs beyond reading the document once
    (it builds the document three times, lints it three times and checks the Markdown around every fix), on a
    machine whatever its speed.  Prints the row and returns the larger ratio."""
    ratios = []
    for factor in FACTORS[:2]:
        paths = [_write(folder, "format", factor, scale, 10 + k) for k in range(RUNS)]
        parse_ms = _time(_parse, paths)
        paths = [_write(folder, "format", factor, scale, 20 + k) for k in range(RUNS)]
        format_ms = _time(_format, paths)
        ratios.append(format_ms / parse_ms)
        print(
            f"  format at {factor}×: {format_ms:.2f} ms/KB, parse {parse_ms:.2f} ms/KB: format / parse {ratios[-1]:.2f}"
        )
    return max(ratios)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes (repeatable)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every base size (default 1)")
    ap.add_argument("--profile", metavar="NAME:FACTOR", help="profile one shape at one factor instead")
    ap.add_argument("--sort", default="cumulative", help="the profile's order (cumulative, tottime, …)")
    ap.add_argument("--write", metavar="DIR", help="only write each shape's 100× document into DIR (to run it by hand)")
    args = ap.parse_args(argv)
    if args.write:
        folder = Path(args.write)
        folder.mkdir(parents=True, exist_ok=True)
        for name in args.shape or list(SHAPES):
            print(_write(folder, name, FACTORS[-1], args.scale))
        return 0
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    import whereas

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.profile:
            name, _, factor = args.profile.partition(":")
            path = _write(folder, name, int(factor or 1), args.scale)
            profiler = cProfile.Profile()
            profiler.runcall(SHAPES[name][3], path)
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(30)
            return 0
        print(f"whereas {whereas.__version__}: time per KB at 1×, 10×, 100× the base size; ratio = 100× / 1×")
        print(
            f"{'shape':<14} {'KB 1×':>8} {'KB 100×':>9} {'ms/KB 1×':>9} {'ms/KB 10×':>10} {'ms/KB 100×':>11} {'ratio':>6}"
        )
        worst = 0.0
        for name in args.shape or list(SHAPES):
            run = SHAPES[name][3]
            per_kb = []
            sizes = []
            for factor in FACTORS:
                paths = [_write(folder, name, factor, args.scale, k) for k in range(RUNS + (factor == FACTORS[0]))]
                kb = paths[0].stat().st_size / 1024
                if factor == FACTORS[0]:
                    run(paths.pop())  # warm-up: imports
                per_kb.append(_time(run, paths))
                sizes.append(kb)
            ratio = per_kb[-1] / per_kb[0]
            worst = max(worst, ratio)
            print(
                f"{name:<14} {sizes[0]:>8.1f} {sizes[-1]:>9.1f} {per_kb[0]:>9.2f} {per_kb[1]:>10.2f} {per_kb[2]:>11.2f} {ratio:>6.2f}",
                flush=True,
            )
            if name == "format":
                _format_against_parse(folder, args.scale)
        print(f"worst ratio {worst:.2f} (about 1: linear; about 100: quadratic)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
