"""Equivalence tests for the algorithms that made the builder and the fixer linear in the document's size.

Each index replaces a comparison with every note, span, edit or block; each test here checks that it
answers what that comparison answered, on generated cases and (where the shared corpus is present) on
every real document.  The golden structures (tests/test_golden.py) are the main equivalence test of
the builder; how fast the indexes are is measured by benchmarks/hostile.py, never here.
"""

from __future__ import annotations

import contextlib
import random
import re
from pathlib import Path

import pytest

from conftest import CORPUS, CORPUS_2, SEED, needs_corpus
from whereas.lint.diagnostic import Edit, Fix
from whereas.lint.fix import _overlaps, _Taken
from whereas.lint.markup import markup
from whereas.lint.profiles import Profile
from whereas.lint.rules import t005_undefined_acronym as t005
from whereas.lint.safety import _ByStart, _hits, _within
from whereas.model import Resolution, Source, Span
from whereas.structure import build
from whereas.structure.grouping import group_lines
from whereas.structure.lines import split_lines
from whereas.structure.notes import INLINE_NOTE_START, Covered, RawNote, _inline_notes, _matching_bracket, scan_notes


def _documents() -> list[Path]:
    roots = [SEED.parent, CORPUS, CORPUS_2]
    return sorted(p for root in roots if root.is_dir() for p in root.rglob("*") if p.suffix in (".txt", ".md"))


def _spans(rng: random.Random, n: int, size: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        a = rng.randrange(size)
        out.append((a, min(size, a + rng.choice([0, 0, 1, 2, 5, 30]))))
    return out


def test_covered_is_any_span_holding_the_offset() -> None:
    rng = random.Random(7)
    for _ in range(300):
        spans = [Span(a, b) for a, b in _spans(rng, rng.randrange(8), 60)]
        covered = Covered(spans)
        for offset in range(62):
            assert (offset in covered) == any(s.start <= offset < s.end for s in spans)


def _inline_notes_pairwise(text: str) -> list[RawNote]:
    """The nested-note filter as it was: every note compared with every note kept."""
    notes = []
    for m in INLINE_NOTE_START.finditer(text):
        close = _matching_bracket(text, m.start())
        if close is not None:
            notes.append(Span(m.start(), close + 1))
    outer: list[Span] = []
    for n in notes:
        if not any(o.start <= n.start and n.end <= o.end for o in outer):
            outer.append(n)
    return outer


def test_inline_notes_keep_the_outermost_blocks() -> None:
    rng = random.Random(11)
    pieces = ["[1: ", "[2: ", "[iv: ", "]", "]", " word ", "[", "\n\n", "[endnoteRef:1]"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 16)))
        assert [n.span for n in _inline_notes(text)] == _inline_notes_pairwise(text)


def test_taken_edits_overlap_as_overlaps_says() -> None:
    rng = random.Random(3)
    for _ in range(300):
        fixes = [
            Fix("f", tuple(Edit(a, b, "x") for a, b in _spans(rng, rng.randrange(1, 3), 40)), "safe") for _ in range(6)
        ]
        taken = _Taken(40)
        chosen: list[Fix] = []
        for fix in fixes:
            overlapping = any(_overlaps(fix, c) for c in chosen)
            assert taken.overlaps(fix) == overlapping
            if not overlapping:
                taken.add(fix)
                chosen.append(fix)


def test_spans_by_start_answer_within_and_hits() -> None:
    rng = random.Random(5)
    for _ in range(300):
        spans = _spans(rng, rng.randrange(6), 40)
        index = _ByStart(spans)
        for start, end in _spans(rng, 20, 42):
            assert index.holds(start, end) == _within(spans, start, end)
            for closed in (False, True):
                expected = any(_hits(a, b, start, end, closed_left=closed) for a, b in spans)
                assert index.touches(start, end, closed_left=closed) == expected


def test_markup_window_finds_the_block_holding_the_lines() -> None:
    text = "".join(
        f"# Heading {k}\n\nWhereas item {k};\n\n- a\n- b\n\n  continued\n\n> quoted {k}\n\n" for k in range(30)
    )
    root = markup(text, "markdown").root
    nodes = [root]
    while nodes:
        node = nodes.pop()
        nodes.extend(node.children)
        for first in range(node.start, node.end):
            for last in range(first, min(node.end, first + 6)):
                expected = next((c for c in node.children if c.start <= first and last < c.end), None)
                assert node.holding(first, last) is expected


def _defined_before_as_it_was(text: str, end: int) -> set[str]:
    return {acro for acro, _ in t005._definitions(text[:end])}


def _used_before_as_it_was(text: str, acro: str, end: int) -> bool:
    earlier = text[:end]
    return acro in earlier and bool(re.search(rf"{acro}(?<![\w&.-]{acro})(?![\w&])", earlier))


@needs_corpus
@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_acronyms_before_a_resolution_as_reading_the_text_before_it(path: Path) -> None:
    """T005's index of the text before each resolution agrees with reading that text (corpus documents,
    at every resolution's start and at every line start)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    before = t005._Before(text)
    ends = sorted(
        {r.span.start for r in build(Source(text, "markdown" if path.suffix == ".md" else "text", str(path)))}
    )
    ends += [m.end() for m in re.finditer(r"\n", text)][:: max(1, text.count("\n") // 40)]
    acronyms = sorted(set(re.findall(r"[A-Z][A-Z&]*[A-Z]", text)))[:60]
    for end in ends:
        defined = _defined_before_as_it_was(text, end)
        for acro in acronyms:
            assert before.defined(acro, end) == (acro in defined), (acro, end)
            assert before.used(acro, end) == _used_before_as_it_was(text, acro, end), (acro, end)


def test_acronyms_before_a_resolution_on_generated_text() -> None:
    rng = random.Random(13)
    pieces = [
        "ACLU",
        "the ",
        "American Civil Liberties Union (ACLU)",
        "RSF/Reporters Without Borders",
        ".ACLU",
        "-ACLU",
        "ACLUs",
        "ACLU&",
        " ",
        "\n",
        "(",
        "NEA (National Education Association)",
        "ab/NEA",
        "NEA",
    ]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        before = t005._Before(text)
        for end in range(len(text) + 1):
            for acro in ("ACLU", "NEA", "RSF"):
                assert before.used(acro, end) == _used_before_as_it_was(text, acro, end), (text, acro, end)


def _notes_as_they_were(scan, clauses, region: Span, *, is_last: bool) -> list:
    referenced = {m.note for c in clauses for m in c.markers}
    chosen = []
    for raw in scan.notes:
        inside = region.start <= raw.span.start < region.end
        trailing = not raw.inline and raw.span.start >= region.end
        if inside or (raw.id in referenced and trailing) or (is_last and trailing):
            chosen.append(raw)
    return chosen


@needs_corpus
def test_note_index_and_resolving_count_as_before() -> None:
    """Each resolution's notes, picked by the note index, are those the scan of every note picked; each
    group's count of resolving clauses is the count of its clauses that resolve."""
    from whereas.structure import NoteIndex

    for path in _documents():
        text = path.read_text(encoding="utf-8", errors="replace")
        scan = scan_notes(text)
        index = NoteIndex(scan)
        resolutions = build(Source(text, "markdown" if path.suffix == ".md" else "text", str(path)))
        for k, r in enumerate(resolutions):
            region = Span(r.clauses[0].span.start, r.clauses[-1].span.end)
            referenced = {m.note for c in r.clauses for m in c.markers}
            last = k == len(resolutions) - 1
            assert index.chosen(region, referenced, every_trailing=last) == _notes_as_they_were(
                scan, r.clauses, region, is_last=last
            )
        for group in group_lines(split_lines(text, scan.excluded)):
            assert group.resolving == sum(c.kind == "resolved" for c in group.clauses)


def test_blanked_notes_of_a_window_are_the_window_of_the_blanked_text() -> None:
    from types import SimpleNamespace

    from whereas.lint.rules.t001_stray_whitespace import _blank_notes

    rng = random.Random(17)
    for _ in range(200):
        text = "".join(rng.choice(["a", " ", "\n", "b"]) for _ in range(40))
        notes = [SimpleNamespace(span=Span(a, b)) for a, b in _spans(rng, rng.randrange(4), 45)]
        for lo, hi in _spans(rng, 10, 41):
            assert _blank_notes(text, notes, lo, hi) == _blank_notes(text, notes)[lo:hi]


def test_the_end_of_a_clause_reads_as_the_whole_clause() -> None:
    """Every test the grouping makes of the clause so far gives the same answer on ClauseDraft.body_end()
    as on the whole body."""
    from whereas.structure import grouping
    from whereas.structure.drafts import ClauseDraft, only_keyword
    from whereas.structure.keywords import BLOCK_INTRO
    from whereas.structure.lines import Line

    tests = [
        grouping._mid_sentence,
        grouping._ends_open,
        lambda t: grouping._new_sentence(t, "The next"),
        lambda t: bool(grouping._LIST_ENTRY_END.search(t)),
        lambda t: bool(grouping._SENTENCE_END.search(t.rstrip(" *_"))),
        lambda t: bool(BLOCK_INTRO.search(t)),
        lambda t: t.rstrip(' *_"”').endswith((".", "!", "?")),
        lambda t: bool(re.search(r"[.!?][\"”’)]?$", t.rstrip(" *_"))),
    ]
    rng = random.Random(19)
    words = [
        "the",
        "council",
        "provides",
        "as follows",
        ":",
        ";",
        "and",
        "or",
        "including",
        ",",
        ".",
        "**",
        "_",
        '"',
        "”",
        "  ",
        "\t",
        "therefore",
        "it",
        "the following language",
        "Whereas",
        "RESOLVED",
        "be it",
    ]
    for _ in range(400):
        lines = []
        for _ in range(rng.randrange(1, 12)):
            text = " ".join(rng.choice(words) for _ in range(rng.randrange(0, rng.choice([3, 30, 200]))))
            lines.append(Line(0, 0, "text", text))
        draft = ClauseDraft("resolved", lines)
        body, end = draft.body(), draft.body_end()
        assert body.endswith(end)
        for test in tests:
            assert test(end) == test(body)
        assert draft.only_keyword() == only_keyword(body)
        assert draft.at_most_words(8) == (len(body.split()) <= 8)


def test_broken_words_are_found_from_where_a_word_starts() -> None:
    from whereas.readers import pdf

    before = re.compile(r"([^\W\d_]+)-\n[ \t]*([^\W\d_]+)")  # tried at every position, inside words too
    rng = random.Random(23)
    for _ in range(2000):
        text = "".join(
            rng.choice(["a", "B", "é", "-", "\n", " ", "\t", "1", "_", "-\n"]) for _ in range(rng.randrange(30))
        )
        assert [m.span() for m in pdf._BROKEN_WORD.finditer(text)] == [m.span() for m in before.finditer(text)]


def _find_close_as_it_was(text: str, start: int, opener: str) -> int | None:
    """structure.quotes' scan forward from a quotation's opening mark, as it was (one scan per mark)."""
    from whereas.structure.quotes import _opens_inner

    close = {"“": "”", "„": "“", "«": "»", '"': '"'}[opener]
    depth = 0
    if opener == '"':
        for m in re.finditer('["“”]', text[start:]):
            at, ch = start + m.start(), m.group()
            if ch == "“" or (ch == '"' and _opens_inner(text, at)):
                depth += 1
            elif depth:
                depth -= 1
            else:
                return at
        return None
    marks = {"“": '[“”"]', "„": "[„“]", "«": "[«»]"}[opener]
    for m in re.finditer(marks, text[start:]):
        at, ch = start + m.start(), m.group()
        if (ch == opener and opener != close) or (opener == "“" and ch == '"' and _opens_inner(text, at)):
            depth += 1
        elif ch == close or (opener == "“" and ch == '"'):
            if depth:
                depth -= 1
            else:
                return at
    return None


def test_quotation_closes_found_in_one_pass_as_by_scanning_from_each_mark() -> None:
    from whereas.structure.quotes import _KIND, _Closes

    rng = random.Random(23)
    pieces = ['"', '"', " “", "”", "„", "“", "«", "»", " ", "a", "word ", " (", "\n"]
    for _ in range(2_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        for kind in ("“", "„", "«"):
            closes = _Closes(text, kind)
            for i, ch in enumerate(text):
                if ch in _KIND and _KIND[ch] == kind:
                    assert closes.after(i) == _find_close_as_it_was(text, i + 1, ch), (text, i)


def test_a_quotations_note_found_by_bisection_as_by_reading_every_call_out() -> None:
    """find_quotations' note: the first call-out at or after the closing mark, else the last one ending
    before the opening mark, as the lists of every call-out after and before it said."""
    from types import SimpleNamespace

    from whereas.structure.quotations import _Markers

    rng = random.Random(29)
    for _ in range(500):
        spans = sorted(_spans(rng, rng.randrange(6), 50))
        markers = tuple(SimpleNamespace(span=Span(a, b), note=str(k)) for k, (a, b) in enumerate(spans))
        index = _Markers(SimpleNamespace(markers=markers))  # type: ignore[arg-type]
        for open_at, close_at in _spans(rng, 12, 52):
            after = [m for m in markers if m.span.start >= close_at]
            before = [m for m in markers if m.span.end <= open_at]
            expected = after[0].note if after else (before[-1].note if before else None)
            assert index.note_of(open_at, close_at) == expected


def test_a_clause_read_line_by_line_is_only_a_keyword_as_its_whole_body() -> None:
    """ClauseDraft.only_keyword, which remembers the lines it has read, answers as only_keyword of the
    whole body at every line added, rows of punctuation marks included."""
    from whereas.structure.drafts import ClauseDraft, only_keyword
    from whereas.structure.lines import Line

    rng = random.Random(31)
    pieces = ["RESOLVED", "Whereas", "be it", "now", "therefore", ",", ":", "-", "…", "*", "_", '"', "“", "#", ">"]
    pieces += [" ", "\t", "-,;:." * 9, "that", "further", "the council", "İ"]
    for _ in range(600):
        draft = ClauseDraft(rng.choice(["recital", "resolved"]))
        for _ in range(rng.randrange(1, 10)):
            text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, rng.choice([3, 12, 40]))))
            draft.lines.append(Line(0, 0, "text", text))
            assert draft.only_keyword() == only_keyword(draft.body()), draft.body()


def _adapt_as_it_was(profile: Profile, resolutions: list[Resolution]) -> Profile:
    """infer.adapt before its answers were remembered: a new Profile made field by field for every call."""
    from collections import Counter
    from dataclasses import replace

    from whereas.lint import infer

    if profile.name in infer.EXACT:
        return profile
    span = infer._keyword_span
    recitals = [c for r in resolutions for c in r.preamble if c.keyword.form == "whereas" and c.keyword.word]
    openers = [c for c in recitals if not c.text[: span(c)[0]].strip(' "“*_')]
    resolved = [c for r in resolutions for c in r.resolved if c.keyword.form == "resolved" and c.keyword.word]
    adapted = replace(
        profile,
        next_word_case="any",
        and_policy="consistent",
        that_case="any",
        us_form="any",
        connector_in_resolved=True,
        sentence_items=True,
        adapted=True,
    )
    words = Counter(c.text[slice(*span(c))] for c in openers)
    if words:
        adapted = replace(adapted, whereas_keyword=infer._majority(words, profile.whereas_keyword))
    commas = Counter(bool(c.keyword.punct and c.keyword.punct[1] > c.keyword.punct[0]) for c in recitals)
    if commas:
        adapted = replace(adapted, whereas_comma=infer._majority(commas, profile.whereas_comma))
    resolved_words = Counter(c.text[slice(*span(c))] for c in resolved)
    if resolved_words:
        adapted = replace(adapted, resolved_keyword=infer._majority(resolved_words, profile.resolved_keyword))
    thats = Counter(
        word for c in resolved if c.keyword.that and (word := c.text[slice(*c.keyword.that)]) in infer._THATS
    )
    if len(thats) == 2:
        word, count = thats.most_common(1)[0]
        if count * 3 >= sum(thats.values()) * 2:
            adapted = replace(adapted, that_case="That" if word == "That" else "that")
    ends = Counter(
        infer._recital_end(c.text) for r in resolutions for c in r.preamble[:-1] if c.keyword.form == "whereas"
    )
    if sum(ends.values()) >= 2:
        end, count = ends.most_common(1)[0]
        if end in (",", ".", "") and count * 3 >= sum(ends.values()) * 2:
            adapted = replace(adapted, recital_end=end)
    placements = Counter(
        style
        for r in resolutions
        if (style := infer.own_placement(r.source.text, [m for c in r.clauses for m in c.markers])) is not None
    )
    if placements:
        adapted = replace(adapted, note_placement=infer._majority(placements, profile.note_placement))
    formulas = [
        " ".join(r.formula.text.split()) for r in resolutions if r.formula and r.formula.placement == "preamble"
    ]
    if formulas:
        own = Counter(formulas).most_common(1)[0][0]
        adapted = replace(adapted, connectors=(own, *[c for c in profile.connectors if c != own]))
    bare = [infer._ends_bare(r) for r in resolutions if infer._joins_bare(r)]
    if not formulas and len(bare) >= 2 and all(bare) and ";" not in adapted.connectors:
        adapted = replace(adapted, connectors=(*adapted.connectors, ";"))
    return adapted


_ADAPTING = (
    "# A\n\nWHEREAS, the board met[^1]; and\n\nWHEREAS, it heard the public;\n\nRESOLVED, That it acts.\n\n[^1]: Minutes.\n",
    "Whereas the board met, and\nwhereas it heard the public.\n\nResolved, that it acts; and\nResolved, That it rests.\n",
    "# B\n\nWhereas, a;\n\nWhereas, b;\n\nResolved, That c.\n\n# C\n\nWhereas, d;\n\nWhereas, e;\n\nResolved, That f.\n",
    "# D\n\nWhereas a;\n\nNow, therefore, be it resolved that b.\n",
)


@needs_corpus
def test_a_profile_adapted_to_each_resolution_as_made_field_by_field() -> None:
    """infer.adapt, which makes one Profile for each set of choices and remembers it (lint adapts the profile to every
    resolution of a file, most of them choosing alike), answers as the Profile made field by field did: for every
    resolution of the corpora and every whole document, under each profile that is adapted."""
    from whereas.lint.infer import adapt
    from whereas.lint.profiles import PROFILES
    from whereas.readers import read_path

    documents = [build(Source(text, "markdown", None)) for text in _ADAPTING]
    documents += [build(read_path(p).source()) for p in _documents()]
    compared = 0
    for resolutions in documents:
        for profile in PROFILES.values():
            for some in [resolutions] + [[r] for r in resolutions]:
                assert adapt(profile, some) == _adapt_as_it_was(profile, some)
                compared += 1
    assert compared > 1000


@needs_corpus
def test_a_texts_furniture_remembered_as_found_again() -> None:
    """find_furniture remembers its last answers (``format`` lays out the text it has just built): building and laying
    out a document leaves the remembered Furniture as a search of the text finds it afresh."""
    from whereas.errors import InputError
    from whereas.format import format_source
    from whereas.readers import read_path
    from whereas.structure.furniture import find_furniture

    for path in _documents()[::4]:
        source = read_path(path).source()
        with contextlib.suppress(InputError):  # (a file format refuses: its text was built all the same)
            format_source(source)
        text = source.text
        assert find_furniture(text) == find_furniture.__wrapped__(text), path


def test_a_texts_entities_are_found_once_for_all_its_fixes() -> None:
    """Where an HTML entity ends, read once for each text fixing lints, not once a fix: a file of many resolutions
    with an "&amp;" and fixes to make read its whole text again for every fix (3.1 s against 1.5 s for 1,000 of them)."""
    import whereas.lint.fix as fix
    import whereas.lint.safety as safety
    from whereas.lint.settings import Settings

    text = "".join(
        f"# Resolution {k} &amp; budget\n\nWhereas the {k}th program serves   the region; and\n\n"
        f"Now, therefore, be it resolved that the council continue it.\n\n"
        for k in range(40)
    )
    calls = []
    found = fix.entity_spans

    def counted(t: str) -> list[tuple[int, int]]:
        calls.append(len(t))
        return found(t)

    fix.entity_spans = safety.entity_spans = counted  # type: ignore[assignment]
    try:
        result = fix.fix_source(Source(text, "markdown", None), Settings())
    finally:
        fix.entity_spans = safety.entity_spans = found  # type: ignore[assignment]
    assert len(result.applied) >= 40
    assert text.count("&amp;") == result.text.count("&amp;")
    assert 1 <= len(calls) <= 8  # for each text linted (the text, each fixed text) and its guard
