"""Apply fixes, verified: a fix is written only if the document still parses to the same resolution.

"The same" means: as many resolutions, recitals, resolving clauses and notes; the same note ids and
note texts; the same quotations, word for word. A batch of fixes that fails this is retried one fix at
a time, and a fix that fails alone is dropped and reported. Fixing runs to a fixed point (at most
``MAX_ROUNDS`` rounds), so fixing twice changes nothing more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from whereas.lint import lint
from whereas.lint.diagnostic import Diagnostic, Edit, Fix
from whereas.lint.settings import Settings
from whereas.model import Resolution, Source
from whereas.structure import build

MAX_ROUNDS = 10
FIXABLE_FORMATS = ("text", "markdown")


@dataclass(frozen=True)
class FixResult:
    original: str
    text: str
    applied: tuple[Diagnostic, ...]
    dropped: tuple[tuple[Diagnostic, str], ...]
    remaining: tuple[Diagnostic, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (any order given)."""
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _shape(resolutions: list[Resolution]) -> tuple:
    return tuple(
        (
            len(r.preamble),
            len(r.resolved),
            tuple((n.id, n.text) for n in r.notes),
            tuple(q.text for q in r.quotations),
        )
        for r in resolutions
    )


def _overlaps(a: Fix, b: Fix) -> bool:
    return any(x.start < y.end and y.start < x.end or x.start == y.start for x in a.edits for y in b.edits)


def _touches_quotation(fix: Fix, resolutions: list[Resolution]) -> bool:
    spans = [q.span for r in resolutions for q in r.quotations]
    return any(e.start < s.end and s.start < e.end for e in fix.edits for s in spans)


def fix_source(
    source: Source,
    settings: Settings | None = None,
    *,
    unsafe: bool = False,
    parse: Callable[[Source], list[Resolution]] = build,
) -> FixResult:
    settings = settings or Settings()
    text = source.text
    applied: list[Diagnostic] = []
    dropped: list[tuple[Diagnostic, str]] = []
    rejected: set[tuple[str, tuple[Edit, ...]]] = set()
    for _ in range(MAX_ROUNDS):
        current = Source(text, source.format, source.path)
        resolutions = parse(current)
        shape = _shape(resolutions)
        diagnostics = lint(resolutions, settings)
        chosen: list[Diagnostic] = []
        seen: set[tuple[Edit, ...]] = set()
        for d in diagnostics:
            if d.fix is None or (d.fix.applicability == "unsafe" and not unsafe):
                continue
            key = (d.code, d.fix.edits)
            if d.fix.edits in seen or key in rejected:
                continue
            if _touches_quotation(d.fix, resolutions):
                rejected.add(key)
                dropped.append((d, "it would change quoted words"))
                continue
            if any(_overlaps(d.fix, c.fix) for c in chosen if c.fix):
                continue  # next round
            seen.add(d.fix.edits)
            chosen.append(d)
        if not chosen:
            break
        candidate = apply_edits(text, [e for d in chosen for e in d.fix.edits])  # type: ignore[union-attr]
        if _shape(parse(Source(candidate, source.format, source.path))) == shape:
            text = candidate
            applied.extend(chosen)
            continue
        progressed = False
        for d in chosen:  # one at a time, to find the culprit
            one = apply_edits(text, list(d.fix.edits))  # type: ignore[union-attr]
            if _shape(parse(Source(one, source.format, source.path))) == shape:
                text = one
                applied.append(d)
                progressed = True
                break
            rejected.add((d.code, d.fix.edits))  # type: ignore[union-attr]
            dropped.append((d, "the fixed document would no longer parse to the same resolution"))
        if not progressed and all((d.code, d.fix.edits) in rejected for d in chosen):  # type: ignore[union-attr]
            continue
    final = Source(text, source.format, source.path)
    remaining = tuple(lint(parse(final), settings))
    return FixResult(source.text, text, tuple(applied), tuple(dropped), remaining)
