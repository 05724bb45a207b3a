"""Every fix on every real document: the invariants of a safe fix, checked from the outside.

Every .md, .txt and .rst document of ../shared/corpus and ../shared/corpus-2 is fixed under every
profile, with safe fixes only and with unsafe ones too, and the result is compared with the
original the way a reviewer would, without asking the fixer what it did:

* the fixer's edits, given as edits of the original, must turn it into the fixed text exactly: they are
  where the text changed;
* the Markdown token streams (markdown-it-py; types, tags, markup, nesting, info, attrs, code and
  fence contents, HTML tags) are the same outside the changed text;
* no changed text lies inside quoted material (the structure's quotations, text between
  quotation marks in a clause, a quoted clause, a Markdown block quotation);
* every clause that no applied fix names reads exactly as before;
* linting the fixed text finds nothing (same rule, same clause) that was not found before;
* fixing the fixed text changes nothing more.

All documents and profiles are fixed once, on every core, for the whole module (about a minute on two
cores); each test then looks at its share of the results.  Skipped when ../shared is absent.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import CORPUS, CORPUS_2, needs_corpora

CORPORA = (CORPUS, CORPUS_2)
SUFFIXES = (".md", ".txt", ".rst")

pytestmark = needs_corpora


def _documents() -> list[str]:
    return sorted(str(p) for c in CORPORA if c.is_dir() for p in c.rglob("*") if p.is_file() and p.suffix in SUFFIXES)


# -- where the text changed ----------------------------------------------------------------------------------


def changed_ranges(original: str, edits) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The stretches of the original the edits replace, and where their replacements stand in the result."""
    before, after = [], []
    delta = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        before.append((e.start, e.end))
        after.append((e.start + delta, e.start + delta + len(e.replacement)))
        delta += len(e.replacement) - (e.end - e.start)
    return before, after


# -- Markdown --------------------------------------------------------------------------------------------------

_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_VERBATIM = re.compile(r"<(?:pre|code|script|style|textarea)\b", re.I)


def _parser(fmt: str):  # MarkdownIt
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    if fmt != "markdown":
        md.disable("code")  # indentation in a text file is layout
    return md


def _tokens(text: str, fmt: str) -> tuple[list[tuple], list[tuple[int, int] | None]]:
    sigs: list[tuple] = []
    lines: list[tuple[int, int] | None] = []
    opened: list[tuple[int, int] | None] = []

    def sig(t) -> tuple:
        content = None
        if t.type in ("code_inline", "code_block", "fence"):
            content = t.content
        elif t.type in ("html_block", "html_inline"):
            content = t.content if _VERBATIM.search(t.content) else tuple(_TAG.findall(t.content))
        return (t.type, t.tag, t.markup, t.nesting, t.info, tuple(sorted((t.attrs or {}).items())), content)

    for t in _parser(fmt).parse(text):
        span = tuple(t.map) if t.map else None
        if t.nesting == 1:
            opened.append(span)
        elif t.nesting == -1:
            span = opened.pop() if opened else None
        if t.type != "inline":
            sigs.append(sig(t))
            lines.append(span)
            continue
        was_text = False
        for c in t.children or ():
            is_text = c.type in ("text", "text_special", "softbreak")
            if not (is_text and was_text):
                sigs.append(("text",) if is_text else sig(c))
                lines.append(span)
            was_text = is_text
    return sigs, lines


def _line_span(text: str, lines: tuple[int, int]) -> tuple[int, int]:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    a, b = lines
    return (starts[a] if a < len(starts) else len(text)), (starts[b] if b < len(starts) else len(text))


def _accounted(text: str, sig: tuple, lines: tuple[int, int] | None, ranges: list[tuple[int, int]]) -> bool:
    """A token one side has and the other lacks is accounted for by the changed text when its block is
    all changed text (a block written or deleted whole), or when it is text in a block that changed."""
    if lines is None:
        return False
    start, end = _line_span(text, lines)
    if sig == ("text",) and any(a < end and start <= b for a, b in ranges):
        return True
    rest = list(text[start:end])
    for a, b in ranges:
        for k in range(max(a, start), min(b, end)):
            rest[k - start] = " "
    return not "".join(rest).strip()


def markup_outside_changes(before: str, after: str, fmt: str, ranges_b, ranges_a) -> list[str]:
    sb, lb = _tokens_of(before, fmt)
    sa, la = _tokens(after, fmt)
    if sb == sa:
        return []
    head = 0
    while head < min(len(sb), len(sa)) and sb[head] == sa[head]:
        head += 1
    tail = 0
    while tail < min(len(sb), len(sa)) - head and sb[-1 - tail] == sa[-1 - tail]:
        tail += 1
    out = []
    middle = SequenceMatcher(None, sb[head : len(sb) - tail], sa[head : len(sa) - tail], autojunk=False)
    for tag, i1, i2, j1, j2 in middle.get_opcodes():
        if tag == "equal":
            continue
        for k in range(head + i1, head + i2):
            if not _accounted(before, sb[k], lb[k], ranges_b):
                out.append(f"Markdown token lost or changed: {sb[k][:3]} at lines {lb[k]}")
        for k in range(head + j1, head + j2):
            if not _accounted(after, sa[k], la[k], ranges_a):
                out.append(f"Markdown token appeared or changed: {sa[k][:3]} at lines {la[k]}")
    return out


@lru_cache(maxsize=8)
def _tokens_of(text: str, fmt: str) -> tuple[list[tuple], list[tuple[int, int] | None]]:
    """The original's tokens (each document is checked under every profile, one after the other)."""
    return _tokens(text, fmt)


# -- quoted material ---------------------------------------------------------------------------------------------

_PAIRS = re.compile(r"“[^”]*”|\"[^\"]*\"")
_QUOTED_CLAUSE_LEAD = re.compile(r"(?:^[ \t]*>|[\"“‘'][ \t*_]*$)")
_BLOCKQUOTE_LINE = re.compile(r"^ {0,3}>.*$", re.M)


def quoted_spans(text: str, resolutions) -> list[tuple[int, int, str]]:
    out = [(m.start(), m.end(), "a Markdown block quotation") for m in _BLOCKQUOTE_LINE.finditer(text)]
    for r in resolutions:
        out += [(q.span.start - 1, q.span.end + 1, "a quotation") for q in r.quotations]
        for c in r.clauses:
            line_start = text.rfind("\n", 0, c.span.start) + 1
            if _QUOTED_CLAUSE_LEAD.search(text[line_start : c.span.start]):
                out.append((c.span.start, c.span.end, f"quoted clause {c.ref}"))
            body = text[c.span.start : c.span.end]
            out += [
                (c.span.start + m.start(), c.span.start + m.end(), f"quotation marks in {c.ref}")
                for m in _PAIRS.finditer(body)
            ]
    return out


def changes_in_quotes(text: str, resolutions, ranges: list[tuple[int, int]]) -> list[str]:
    out = []
    for s, e, what in quoted_spans(text, resolutions):
        for a, b in ranges:
            inside = (a < e and s < b) if a < b else (s < a < e)
            if inside:
                out.append(f"changed {text[a:b]!r} at {a} inside {what}: {text[s:e][:80]!r}")
    return out


# -- the run -------------------------------------------------------------------------------------------------------


def _check(job: tuple[str, str, bool]) -> tuple[str, str, bool, int, int, list[str]]:
    from whereas.lint import lint
    from whereas.lint.fix import FIXABLE_FORMATS, fix_source
    from whereas.lint.profiles import PROFILES
    from whereas.lint.settings import Settings
    from whereas.model import Source
    from whereas.readers import read_path
    from whereas.structure import build

    path, profile, unsafe = job
    view = read_path(path)
    if view.format not in FIXABLE_FORMATS:
        return path, profile, unsafe, 0, 0, []
    settings = Settings(profile=PROFILES[profile])
    source = Source(view.text, view.format, path)
    result = fix_source(source, settings, unsafe=unsafe)
    problems: list[str] = []
    if result.changed:
        before, after = result.original, result.text
        fixed = Source(after, view.format, path)
        from whereas.lint.fix import apply_edits

        if apply_edits(before, list(result.edits)) != after:
            problems.append("the reported edits do not turn the original into the fixed text")
        ranges_b, ranges_a = changed_ranges(before, result.edits)
        problems += markup_outside_changes(before, after, view.format, ranges_b, ranges_a)
        old, new = build(source), build(fixed)
        problems += changes_in_quotes(before, old, ranges_b)
        own = {d.clause for d in result.applied}
        if len(old) != len(new):
            problems.append(f"{len(old)} resolutions became {len(new)}")
        for i, (r0, r1) in enumerate(zip(old, new, strict=False)):
            texts = {c.ref: c.text for c in r1.clauses}
            for c in r0.clauses:
                if c.ref not in own and texts.get(c.ref) != c.text:
                    problems.append(
                        f"resolution {i} {c.ref} changed, though no applied fix names it: {c.text[:60]!r} → {str(texts.get(c.ref))[:60]!r}"
                    )
        found_before = Counter((i, d.code, d.clause) for i, r in enumerate(old) for d in lint([r], settings))
        found_after = Counter((i, d.code, d.clause) for i, r in enumerate(new) for d in lint([r], settings))
        for key in found_after - found_before:
            problems.append(f"new finding after fixing: {key}")
        again = fix_source(fixed, settings, unsafe=unsafe)
        if again.text != after:
            problems.append(f"fixing twice changed more: {[d.code for d in again.applied]}")
    return path, profile, unsafe, len(result.applied), len(result.dropped), problems


@pytest.fixture(scope="module")
def results() -> dict[tuple[str, bool], list[tuple[str, int, int, list[str]]]]:
    import multiprocessing

    from whereas.lint.profiles import PROFILES
    from whereas.parallel import cores

    # a document's runs one after the other: what is parsed of the original is parsed once (mostly)
    jobs = [(path, profile, unsafe) for path in _documents() for profile in PROFILES for unsafe in (False, True)]
    try:
        with multiprocessing.get_context("fork").Pool(cores()) as pool:
            done = pool.map(_check, jobs, chunksize=2)
    except (OSError, ValueError):  # no processes here: one process then
        done = [_check(job) for job in jobs]
    out: dict[tuple[str, bool], list[tuple[str, int, int, list[str]]]] = {}
    for path, profile, unsafe, applied, dropped, problems in done:
        out.setdefault((profile, unsafe), []).append((path, applied, dropped, problems))
    return out


PROFILE_NAMES = ("ala", "ronr", "congress", "labor", "city")


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("profile", PROFILE_NAMES)
def test_fixes_on_every_document_keep_the_invariants(results, profile: str, unsafe: bool) -> None:
    rows = results[(profile, unsafe)]
    assert len(rows) > 100
    # the fixer still fixes (fewer than once: rules unsure of a document stay silent and offer no fix)
    assert sum(applied for _, applied, _, _ in rows) > 400
    problems = [f"{Path(path).name}: {p}" for path, _, _, found in rows for p in found]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_the_profiles_are_the_ones_checked() -> None:
    from whereas.lint.profiles import PROFILES

    assert tuple(PROFILES) == PROFILE_NAMES
