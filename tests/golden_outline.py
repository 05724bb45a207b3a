"""Golden structure files: what a person who read each shared document says its structure is.

One file per document under ``tests/golden/<corpus>/<path>.golden`` (``corpus``, ``corpus-2``,
``seed``); the format is described in ``tests/golden/README.md``.  :func:`outline` writes what the
parser makes of a document in that format; the test (``tests/test_golden.py``) and the review
command (``python3 make.py golden``) compare it with the golden file.

Run as a script::

    python tests/golden_outline.py [PATTERN…]            # list the documents whose parse differs, with a diff
    python tests/golden_outline.py --draft PATH          # the parser's outline of one document (to read and correct)
    python tests/golden_outline.py --text PATH           # the reader's text view of a document (what the parser reads)
"""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conftest import SHARED  # noqa: E402 - tests/ is on the path only from the line above

GOLDEN = Path(os.environ.get("WHEREAS_GOLDEN", HERE / "golden"))
CORPORA = ("seed", "corpus", "corpus-2")
#: words kept at each end of a long text
ENDS = 6


def documents() -> list[Path]:
    """Every document of the shared corpora (and the seed), in a stable order."""
    found: list[Path] = []
    for name in CORPORA:
        root = SHARED / name
        if root.is_dir():
            found += sorted(
                p for p in root.rglob("*") if p.is_file() and p.suffix not in (".tsv", ".md5") and p.name != "README.md"
            )
    return found


def golden_path(document: Path) -> Path:
    rel = document.resolve().relative_to(SHARED.resolve())
    return GOLDEN / rel.parent / (rel.name + ".golden")


def words(text: str, ends: int = ENDS) -> str:
    """``text`` with white space folded; a long text as its first and last ``ends`` words."""
    parts = text.split()
    if len(parts) <= 2 * ends + 2:
        return " ".join(parts)
    return " ".join(parts[:ends]) + " … " + " ".join(parts[-ends:])


def outline(document: Path) -> str:
    """The parser's reading of ``document`` in the golden format (without the header comments)."""
    import whereas

    try:
        resolutions = whereas.parse(document)
    except whereas.InputError as e:
        return f"error: {_error_kind(str(e))}\n"
    return _outline(resolutions)


def outline_of(text: str, fmt: str, path: str) -> str:
    """The outline of a text view given as text (to compare readers of one document)."""
    from whereas.api import parse_view
    from whereas.readers import View

    return _outline(parse_view(View(text=text, format=fmt, path=path)))


def _outline(resolutions: list) -> str:  # type: ignore[type-arg]
    lines = [f"resolutions: {len(resolutions)}"]
    for n, r in enumerate(resolutions, 1):
        lines.append(f"resolution {n}")
        if r.title:
            lines.append(f"  title: {words(r.title.text, 12)}")
        s = r.sponsors
        for label, value in (("mover", s.mover), ("seconder", s.seconder), ("submitted_by", s.submitted_by)):
            if value:
                lines.append(f"  {label}: {' '.join(value.split())}")
        for other in s.others:
            lines.append(f"  sponsor: {' '.join(other.split())}")
        for c in r.preamble:
            lines.extend(_clause("recital", c))
        if r.formula:
            lines.append(f"  formula: {' '.join(r.formula.text.split())}")
        for c in r.resolved:
            lines.extend(_clause("resolved", c))
        for note in r.notes:
            lines.append(f"  note {note.id}: {words(note.text)}")
        for q in r.quotations:
            attrs = [q.clause]
            if q.note:
                attrs.append(f"note={q.note}")
            if q.speaker:
                attrs.append(f"speaker={' '.join(q.speaker.split())}")
            if q.block:
                attrs.append("block")
            lines.append(f"  quotation {' '.join(attrs)}: {words(q.text)}")
    return "\n".join(lines) + "\n"


def _clause(kind: str, clause: object) -> list[str]:
    out = [f"  {kind}: {words(clause.text)}"]  # type: ignore[attr-defined]
    for item in clause.items:  # type: ignore[attr-defined]
        out.append(f"    item {item.marker or item.label}: {words(item.text, 4)}")
    return out


def _error_kind(message: str) -> str:
    """The problem part of an ``error: FILE: problem`` message (the path differs between machines)."""
    return message.rsplit(": ", 1)[-1].strip()


def expected(golden: Path) -> str:
    """The golden file without its comment lines."""
    kept = [ln.rstrip() for ln in golden.read_text(encoding="utf-8").splitlines() if not ln.lstrip().startswith("#")]
    return "\n".join(ln for ln in kept if ln) + "\n"


def difference(document: Path) -> str | None:
    """A unified diff between the golden file and the parse (None when they agree)."""
    golden = golden_path(document)
    want = expected(golden) if golden.exists() else "(no golden file)\n"
    got = outline(document)
    if want == got:
        return None
    rel = str(golden)
    return "".join(
        difflib.unified_diff(
            want.splitlines(keepends=True), got.splitlines(keepends=True), fromfile=rel, tofile="parse", n=1
        )
    )


def main(argv: list[str]) -> int:
    if argv[:1] == ["--draft"]:
        for arg in argv[1:]:
            doc = Path(arg).resolve()
            print(f"# {doc.relative_to(SHARED.resolve())}")
            print("# read: ")
            sys.stdout.write(outline(doc))
        return 0
    if argv[:1] == ["--text"]:
        from whereas.readers import read_path

        for arg in argv[1:]:
            sys.stdout.write(read_path(arg).text + "\n")
        return 0
    patterns = argv
    differing = 0
    checked = 0
    for doc in documents():
        rel = doc.relative_to(SHARED).as_posix()
        if patterns and not any(p in rel for p in patterns):
            continue
        checked += 1
        diff = difference(doc)
        if diff:
            differing += 1
            print(diff)
    print(f"{differing} of {checked} documents differ from their golden structure", file=sys.stderr)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
