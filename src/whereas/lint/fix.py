"""Apply fixes, verified: a fix is written only if it cannot have damaged the document.

Every fix goes through one verifier (``whereas.lint.safety`` says what it guarantees):

* before it is applied: its edits stay inside its own span, outside quoted material, code, tables
  and block quotations, and its clause is one the structure is sure of;
* after it is applied, the document is parsed and linted again (as Ruff does): the Markdown token
  stream is unchanged outside the edits; the document holds the same resolutions, recitals,
  resolving clauses, notes and quotations; every other clause reads as before; and no finding
  appears that was not there (same rule, same clause).

A fix that fails is rolled back and reported as dropped, with the reason. The fixes of a round are
tried together; when the batch fails it is halved until the culprits are found, and they are dropped
while the rest are still applied. Fixing runs to a fixed point (at most
``MAX_ROUNDS`` rounds), so fixing twice changes nothing more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from whereas.lint import lint
from whereas.lint.diagnostic import Diagnostic, Edit, Fix
from whereas.lint.markup import markup_change, markup_changes
from whereas.lint.rule import fix_applies
from whereas.lint.safety import Guard, after_entities
from whereas.lint.settings import Settings
from whereas.model import Resolution, Source
from whereas.readers.formats import FIX_IN_PLACE
from whereas.structure import build
from whereas.structure.clean import entity_spans

MAX_ROUNDS = 10
#: the formats whose fixes can be written back into the file (the others' text views are a reader's)
FIXABLE_FORMATS = FIX_IN_PLACE


@dataclass(frozen=True)
class FixResult:
    original: str
    text: str
    applied: tuple[Diagnostic, ...]
    dropped: tuple[tuple[Diagnostic, str], ...]
    remaining: tuple[Diagnostic, ...]
    #: every change made, as edits of the original text (``apply_edits(original, edits) == text``)
    edits: tuple[Edit, ...] = ()

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


class _Changes:
    """The edits of every round, kept as edits of the original text: the text as pieces that are either
    a stretch of the original or written by a fix."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.pieces: list[tuple[int, int] | str] = [(0, len(original))] if original else []

    def apply(self, edits: list[Edit]) -> None:
        """Record ``edits`` (offsets into the current text, not overlapping)."""
        pieces = self.pieces
        out: list[tuple[int, int] | str] = []
        at = [0, 0]  # the piece being read, and how far into it

        def move(length: int, keep: bool) -> None:
            """Read ``length`` characters of the current text on, copying them when ``keep``."""
            while length > 0 and at[0] < len(pieces):
                piece, into = pieces[at[0]], at[1]
                size = (piece[1] - piece[0] if isinstance(piece, tuple) else len(piece)) - into
                n = min(size, length)
                if keep:
                    out.append(
                        (piece[0] + into, piece[0] + into + n) if isinstance(piece, tuple) else piece[into : into + n]
                    )
                length -= n
                if n == size:
                    at[0], at[1] = at[0] + 1, 0
                else:
                    at[1] = into + n

        pos = 0
        for e in sorted(edits, key=lambda e: (e.start, e.end)):
            move(e.start - pos, True)
            if e.replacement:
                out.append(e.replacement)
            move(e.end - e.start, False)
            pos = e.end
        move(1 << 62, True)
        self.pieces = out

    def edits(self) -> tuple[Edit, ...]:
        out = []
        pos = 0
        written = ""
        for piece in self.pieces:
            if isinstance(piece, str):
                written += piece
                continue
            if piece[0] > pos or written:
                out.append(Edit(pos, piece[0], written))
            pos, written = piece[1], ""
        if pos < len(self.original) or written:
            out.append(Edit(pos, len(self.original), written))
        return tuple(out)


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


def _key(d: Diagnostic, i: int, text: str) -> tuple:
    """A fix as the same fix in a later round, when other fixes have moved its offsets: a fix dropped
    once is not tried (nor reported) again."""
    edits = _edits(d)
    return (i, d.code, d.clause, d.message, tuple((text[e.start : e.end], e.replacement) for e in edits))


def _edits(d: Diagnostic) -> tuple[Edit, ...]:
    """The edits of a finding chosen to be fixed (only a finding with a fix is chosen)."""
    assert d.fix is not None
    return d.fix.edits


def _overlaps(a: Fix, b: Fix) -> bool:
    return any(
        x.start < y.end and y.start < x.end or x.start == y.start or _at_end(x, y) or _at_end(y, x)
        for x in a.edits
        for y in b.edits
    )


def _at_end(insertion: Edit, replacement: Edit) -> bool:
    """Whether ``insertion`` inserts right after what ``replacement`` replaces: it was placed after text the other
    fix rewrites ("[^2]" moved after a "." that becomes "; and" would follow the "and")."""
    return insertion.start == insertion.end == replacement.end > replacement.start


class _Taken:
    """The edits of the fixes chosen so far in a round, to tell whether another fix overlaps one of them
    (as :func:`_overlaps` says) without comparing it with each: the characters they replace and the
    places they insert at are marked.  An edit overlaps a chosen one when a character it replaces is
    replaced, or an insertion is made, in ``[start, end)``; an insertion at ``p`` when ``p`` is
    replaced or inserted at, or is the end of what an edit replaces (:func:`_at_end`); a replacement of ``[start,
    end)`` when an insertion is made at ``end``."""

    def __init__(self, size: int) -> None:
        self._replaced = bytearray(size + 1)
        self._inserted = bytearray(size + 1)
        self._ends = bytearray(size + 1)  # where what an edit replaces ends

    def overlaps(self, fix: Fix) -> bool:
        for e in fix.edits:
            if e.start == e.end:
                if self._replaced[e.start] or self._inserted[e.start] or self._ends[e.start]:
                    return True
            elif self._replaced.find(1, e.start, e.end) != -1 or self._inserted.find(1, e.start, e.end + 1) != -1:
                return True
        return False

    def add(self, fix: Fix) -> None:
        for e in fix.edits:
            if e.start == e.end:
                self._inserted[e.start] = 1
            else:
                self._replaced[e.start : e.end] = b"\x01" * (e.end - e.start)
                self._ends[e.end] = 1


class _State:
    """One text, parsed and linted: what a round of fixes starts from and is checked against."""

    def __init__(
        self, text: str, source: Source, settings: Settings, parse: Callable[[Source], list[Resolution]]
    ) -> None:
        self.text = text
        self.source = Source(text, source.format, source.path)
        self.resolutions = parse(self.source)
        self._settings = settings

    @cached_property
    def findings(self) -> list[tuple[Diagnostic, int]]:
        """Every finding with the index of the resolution it is about, in lint's order."""
        entities = entity_spans(self.text) if "&" in self.text else []  # (read once for every fix of the text)
        out = [
            (_past_entities(d, self.text, entities), i)
            for i, r in enumerate(self.resolutions)
            for d in lint([r], self._settings)
        ]
        out.sort(key=lambda pair: (pair[0].path, pair[0].span.start, pair[0].code))
        return out

    @cached_property
    def keys(self) -> Counter:
        return Counter((i, d.code, d.clause) for d, i in self.findings)

    @cached_property
    def shape(self) -> tuple:
        return _shape(self.resolutions)

    @cached_property
    def clause_texts(self) -> dict[tuple[int, str], str]:
        return {(i, c.ref): c.text for i, r in enumerate(self.resolutions) for c in r.clauses}

    @cached_property
    def guard(self) -> Guard:
        return Guard(self.source, self.resolutions)


def _past_entities(d: Diagnostic, text: str, entities: list[tuple[int, int]]) -> Diagnostic:
    """``d`` with its fix's edits that end right after an HTML entity's "&" ending after the entity (``entities``:
    the text's entity spans)."""
    if d.fix is None or not entities:
        return d
    edits = after_entities(text, d.fix.edits, entities)
    return d if edits is d.fix.edits else replace(d, fix=d.fix._replace(edits=edits))


def _why_not(
    before: _State, after: _State, chosen: list[tuple[Diagnostic, int]], markup_checked: frozenset[Edit] = frozenset()
) -> str | None:
    """Why the text of ``after`` (``before`` with ``chosen``'s fixes applied) may not be kept.
    (``markup_checked``: edits already known to leave the Markdown markup as it was, all together.)"""
    if after.shape != before.shape:
        return "the fixed document would no longer parse to the same resolution"
    edits = [e for d, _ in chosen for e in _edits(d)]
    changed = None if frozenset(edits) == markup_checked else markup_change(before.guard.markup, after.text, edits)
    if changed is not None:
        return f"it would change the Markdown markup ({changed})"
    own = {(i, d.clause) for d, i in chosen}
    for key, text in before.clause_texts.items():
        if key not in own and after.clause_texts.get(key) != text:
            return f"it would change the text of {key[1]}, another clause"
    new = after.keys - before.keys
    if new:
        (i, code, clause), _ = sorted(new.items(), key=str)[0]
        return f"it would create a new finding: {code}" + (f" in {clause}" if clause else "")
    return None


def _known(
    text: str, built: list[Resolution], parse: Callable[[Source], list[Resolution]]
) -> Callable[[Source], list[Resolution]]:
    """``parse``, which knows the resolutions of ``text`` already."""
    return lambda s: list(built) if s.text == text else parse(s)


def fix_source(
    source: Source,
    settings: Settings | None = None,
    *,
    unsafe: bool = False,
    parse: Callable[[Source], list[Resolution]] = build,
    built: list[Resolution] | None = None,
) -> FixResult:
    """Fix ``source`` (``built``: its resolutions, when checking built them already: a text is built once)."""
    settings = settings or Settings()
    if built is not None:
        parse = _known(source.text, built, parse)
    fixing = _Fixing(source, settings, parse)
    changes = _Changes(source.text)
    for _ in range(MAX_ROUNDS):
        state = fixing.state
        chosen: list[tuple[Diagnostic, int]] = []
        taken = _Taken(len(state.text))
        seen: set[tuple[Edit, ...]] = set()
        for d, i in state.findings:
            fix = d.fix
            if fix is None or not fix_applies(fix, unsafe_fixes=unsafe):
                continue
            if fix.edits in seen or (fixing.rejected and _key(d, i, state.text) in fixing.rejected):
                continue
            why = state.guard.refuse(d, state.resolutions[i])
            if why is not None:
                fixing.drop(d, i, why)
                continue
            if taken.overlaps(fix):  # (what _overlaps says of it and each fix chosen)
                continue  # next round
            seen.add(fix.edits)
            taken.add(fix)
            chosen.append((d, i))
        if not chosen:
            break
        chosen = fixing.markup_settle([], chosen)  # the Markdown first: a few blocks around the edits, parsed again
        if not chosen:
            continue
        kept, best = fixing.settle([], chosen)
        if best is None:
            continue
        changes.apply([e for d, _ in kept for e in _edits(d)])
        fixing.state = best
        fixing.applied.extend(d for d, _ in kept)
    state = fixing.state
    remaining = tuple(d for d, _ in state.findings)
    return FixResult(source.text, state.text, tuple(fixing.applied), tuple(fixing.dropped), remaining, changes.edits())


class _Fixing:
    """A fixing under way: the state it has reached, the fixes applied and dropped, and the halving that finds the
    fixes of a batch that may not be kept.  (Methods, not functions nested in fix_source: a nested function that
    calls itself holds itself through its closure, and with it every state of the fixing and the parse that built
    them, until the collector finds the cycle: ``format`` kept its three builds of the 1.8 MB file alive that way,
    and the collection after it took 0.5 s.)"""

    def __init__(self, source: Source, settings: Settings, parse: Callable[[Source], list[Resolution]]) -> None:
        self.source = source
        self.settings = settings
        self.parse = parse
        self.state = _State(source.text, source, settings, parse)
        self.applied: list[Diagnostic] = []
        self.dropped: list[tuple[Diagnostic, str]] = []
        self.rejected: set[tuple] = set()
        # the edits of the last batch whose markup passed as a whole (the Markdown check is the costly part
        # of verifying a large file; settle's first trial is that same batch, and is not parsed again)
        self.markup_passed: frozenset[Edit] = frozenset()

    def drop(self, d: Diagnostic, i: int, why: str) -> None:
        self.rejected.add(_key(d, i, self.state.text))
        self.dropped.append((d, why))

    def settle(
        self, kept: list[tuple[Diagnostic, int]], group: list[tuple[Diagnostic, int]]
    ) -> tuple[list, _State | None]:
        """``kept`` and those of ``group`` that pass on top of it (the culprits found by halving, and
        dropped), with the state they give (None: no more passed)."""
        state = self.state
        trial = kept + group
        text = apply_edits(state.text, [e for d, _ in trial for e in _edits(d)])
        candidate = _State(text, self.source, self.settings, self.parse)
        why = _why_not(state, candidate, trial, self.markup_passed)
        if why is None:
            return trial, candidate
        if len(group) == 1:
            self.drop(group[0][0], group[0][1], why)
            return kept, None
        mid = len(group) // 2
        kept, first = self.settle(kept, group[:mid])
        kept, second = self.settle(kept, group[mid:])
        return kept, second or first

    def markup_settle(
        self, kept: list[tuple[Diagnostic, int]], group: list[tuple[Diagnostic, int]]
    ) -> list[tuple[Diagnostic, int]]:
        """``kept`` and those of ``group`` whose edits, on top of it, leave the Markdown markup as it was.
        The fixes with an edit where the markup changed are the suspects, halved until the culprits are
        found and dropped; the others pass."""
        state = self.state
        trial = kept + group
        edits = [e for d, _ in trial for e in _edits(d)]
        failed = markup_changes(state.guard.markup, apply_edits(state.text, edits), edits)
        if not failed:
            self.markup_passed = frozenset(edits)
            return trial
        suspects = [
            pair
            for pair in group
            if any(region.start <= e.start and e.end <= region.end for e in _edits(pair[0]) for region in failed)
        ] or group
        kept = kept + [pair for pair in group if pair not in suspects]
        if len(suspects) == 1:
            why = next(
                (
                    region.what
                    for region in failed
                    if any(region.start <= e.start and e.end <= region.end for e in _edits(suspects[0][0]))
                ),
                failed[0].what,
            )
            self.drop(suspects[0][0], suspects[0][1], f"it would change the Markdown markup ({why})")
            return kept
        mid = len(suspects) // 2
        return self.markup_settle(self.markup_settle(kept, suspects[:mid]), suspects[mid:])
