"""Find notes and note call-outs in a text view, in every form they come in.

* Word/Google Docs exports with inline notes: ``[endnoteRef:1]`` / ``[footnoteRef:1]``
  call-outs and ``[1: note text]`` blocks wherever the export left them;
* Markdown footnotes: ``[^1]`` call-outs, ``[^1]: text`` definitions;
* a notes section at the end ("Notes", "Endnotes", "References", …) with
  ``1. text`` / ``[1] text`` lines, referenced by ``[1]`` or superscript digits.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from whereas.model import Span
from whereas.patterns import lazy_compile

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
# a small roman numeral set as a superscript, as the PDF reader writes Word's endnote call-outs ("2024ⁱ")
ROMAN_SUPERSCRIPTS = "ⁱᵛˣˡ"
_SUP_TO_ROMAN = str.maketrans(ROMAN_SUPERSCRIPTS, "ivxl")

WORD_MARKER = lazy_compile(r"\[(?:endnote|footnote)Ref:\s*([0-9]+|[ivxlc]+)\]", re.I)
MD_MARKER = lazy_compile(r"\[\^([^\]\s]{1,20})\](?!:)")
MD_DEFINITION = lazy_compile(r"^[ ]{0,3}\[\^([^\]\s]{1,20})\]:[ \t]*", re.M)
INLINE_NOTE_START = lazy_compile(r"\[([0-9]{1,3}|[ivxlc]{1,6}):\s")
BRACKET_MARKER = lazy_compile(r"\[([0-9]{1,3})\]")
SUPERSCRIPT_MARKER = lazy_compile(f"[{SUPERSCRIPTS}]+")
# a page's footer printed under its notes: "Page 3 of 3", "3"
_PAGE_NUMBER = lazy_compile(r"^[ \t]*(?:page[ \t]+)?[0-9]{1,4}(?:[ \t]+of[ \t]+[0-9]{1,4})?[ \t]*$", re.I)
# a unit of length just before a superscript two or three: a power ("400 m²", "12 ft³"), no call-out
_UNIT_BEFORE = lazy_compile(r"(?<![^\W\d_])(?:[mcdkµμ]?m|in|ft|yd|mi)$")


def _power(text: str, call: re.Match[str]) -> bool:
    """Whether the superscript ``call`` is a unit's power (``m²``, ``ft³``), not a note's call-out."""
    return call.group(0) in ("²", "³") and _UNIT_BEFORE.search(text, max(0, call.start() - 3), call.start()) is not None


NOTES_HEADING = lazy_compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?(?:end ?notes|foot ?notes|notes|references|sources|citations)"
    r"(?:\*\*|__)?[ \t]*:?[ \t]*$",
    re.I | re.M,
)
SECTION_NOTE = lazy_compile(r"^[ \t]*(?:\[([0-9]{1,3})\]|([0-9]{1,3})[.):]|([" + SUPERSCRIPTS + r"]+))[ \t]+(\S.*)$")


# (a NamedTuple: a frozen dataclass costs five times as much to create at start-up; docs/performance.md)
class RawNote(NamedTuple):
    id: str
    text: str
    text_span: Span  # the note's own text
    span: Span  # the whole definition, marker syntax included
    inline: bool


class RawMarker(NamedTuple):
    id: str
    span: Span
    raw: str


class NoteScan(NamedTuple):
    notes: tuple[RawNote, ...]
    markers: tuple[RawMarker, ...]
    #: Spans that are note text, not body: inline note blocks, definitions, the notes section.
    excluded: tuple[Span, ...]


def _matching_bracket(text: str, open_at: int) -> int | None:
    """Index of the ``]`` closing the ``[`` at ``open_at`` (nesting honoured), or None."""
    depth = 0
    limit = min(len(text), open_at + 5000)
    for i in range(open_at, limit):
        ch = text[i]
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        elif ch == "\n" and text.startswith("\n\n", i) and depth > 0 and i > open_at + 2000:
            return None
    return None


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _inline_notes(text: str) -> list[RawNote]:
    notes = []
    for m in INLINE_NOTE_START.finditer(text):
        close = _matching_bracket(text, m.start())
        if close is None:
            continue
        inner = _strip_span(text, m.end(), close)
        notes.append(
            RawNote(
                m.group(1), " ".join(text[inner.start : inner.end].split()), inner, Span(m.start(), close + 1), True
            )
        )
    # A note block nested inside another is part of that one.  The notes come in the order they start,
    # so every block kept so far starts before this one: it lies inside one of them exactly when one
    # of them reaches as far as it does (the furthest end so far, not each block, is compared).
    outer: list[RawNote] = []
    reach = -1
    for n in notes:
        if n.span.end > reach:
            outer.append(n)
            reach = n.span.end
    return outer


def _markdown_definitions(text: str) -> list[RawNote]:
    if "[^" not in text:  # MD_DEFINITION needs it (and, anchored at line starts, is slow to scan for)
        return []
    notes = []
    for m in MD_DEFINITION.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end == -1 else end
        # Continuation lines are indented (Markdown's rule).
        while end < len(text):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt == -1 else nxt
            line = text[end + 1 : nxt]
            if line.startswith(("    ", "\t")) and line.strip():
                end = nxt
            else:
                break
        inner = _strip_span(text, m.end(), end)
        notes.append(
            RawNote(m.group(1), " ".join(text[inner.start : inner.end].split()), inner, Span(m.start(), end), False)
        )
    return notes


def _wrapped(note: RawNote, end: int) -> RawNote:
    """``note`` going on to ``end`` (a wrapped line); its text is written once it is whole (``_with_texts``):
    joining it again at every line made a long note quadratic."""
    return note._replace(text_span=Span(note.text_span.start, end), span=Span(note.span.start, end))


def _with_texts(text: str, notes: list[RawNote]) -> list[RawNote]:
    """The notes with their text read from where it is, white space folded."""
    out = []
    for note in notes:
        inner = _strip_span(text, note.text_span.start, note.text_span.end)
        out.append(note._replace(text=" ".join(text[inner.start : inner.end].split()), text_span=inner))
    return out


def _notes_section(text: str, taken: Covered) -> tuple[list[RawNote], Span | None]:
    """A trailing "Notes"/"Endnotes" section with numbered lines."""
    # NOTES_HEADING (re.I) needs one of these words.  Every character re.I matches to their letters
    # casefolds to that letter, but for "ı" and "İ" (matched to "i"): with those, the full scan.
    low = text.casefold()
    if not (
        "notes" in low or "references" in low or "sources" in low or "citations" in low or "ı" in text or "İ" in text
    ):
        return [], None
    headings = [m for m in NOTES_HEADING.finditer(text) if m.start() not in taken]
    for heading in reversed(headings):
        notes: list[RawNote] = []
        pos = heading.end() + 1
        last_end = heading.end()
        previous_blank = True
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end == -1 else end
            line = text[pos:end]
            m = SECTION_NOTE.match(line)
            if m:
                ident = m.group(1) or m.group(2) or m.group(3).translate(_SUP_TO_DIGIT)
                inner = _strip_span(text, pos + m.start(4), end)
                notes.append(RawNote(ident, " ".join(line[m.start(4) :].split()), inner, Span(pos, end), False))
                last_end = end
            elif notes and _PAGE_NUMBER.match(line):
                pass  # the page's footer ("Page 3 of 3") under its notes: neither theirs nor the end of them
            elif line.strip() and notes and (line.startswith((" ", "\t")) or not previous_blank):
                # an indented line, or one right below the note (a wrapped line of a PDF's text layer)
                notes[-1] = _wrapped(notes[-1], end)
                last_end = end
            elif line.strip():
                break
            previous_blank = not line.strip()
            pos = end + 1
        if notes:
            return _with_texts(text, notes), Span(heading.start(), last_end)
    return [], None


# A printed page's footnotes: a rule ("__________") and under it "1 See A/AC.105/1137." lines.
FOOTNOTE_RULE = lazy_compile(r"^[ \t]*_{5,}[ \t]*$", re.M)
_FOOTNOTE_LINE = lazy_compile(r"^[ \t]*(\d{1,3})[ \t]+(\S.*)$")
# a call-out printed as a digit glued to the word or punctuation before it ("activities,1", "2030 3")
# or set off by a space at a line's end, after a word ("Celestial Bodies, 5")
_GLUED_MARKER = lazy_compile(
    # (after a period only when it ends a word of two letters or more, or a bracket or quotation: "A.2" and
    # "RES/9 A.3" are numbers of a document, not call-outs)
    r"(?:(?<=[^\W\d_])|(?<=[,;:)”’\"])|(?<=[^\W\d_]{2}\.)|(?<=[)”’\"]\.))(\d{1,3})(?=[\s,.;:)]|$)"
    r"|(?<=[^\W\d_]) (\d{1,3})(?=\n[ \t]*[a-z])"
    r"|(?<=[^\W\d_][,;]) (\d{1,3})(?=[ \t]*$)",
    re.M,
)

# the letters of a paragraph's label before its digits ("(PP1)", "(OP2)", "PP3 Recalling" at a line's start: WHO's and
# the UN's preambular and operative paragraphs), which a digit glued to them numbers, not calls a note
_LABEL_LETTERS = lazy_compile(r"(?:^|[\n(])[ \t]*[A-Z]{1,4}$")


def _numbers_a_label(text: str, at: int) -> bool:
    """Whether the digits at ``at`` number a paragraph's label rather than call a note."""
    return _LABEL_LETTERS.search(text, max(0, at - 8), at) is not None


def _runs_on(tail: str) -> bool:
    """Whether a note that ends with ``tail`` stops mid-sentence (a word, a comma or a semicolon last)."""
    last = tail.rstrip()[-1:]
    return bool(last) and (last.isalnum() or last in ",;")


def _page_footnotes(text: str, taken: Covered) -> tuple[list[RawNote], list[Span]]:
    """The footnotes printed at the foot of each page of a PDF: numbered lines under a rule; and the rules
    that have footnotes under them (they are not the body's either)."""
    if "_____" not in text:
        return [], []
    notes: list[RawNote] = []
    rules: list[Span] = []
    carried: dict[int, list[Span]] = {}  # a note's lines that run on under the next page's rule
    at_feeds = [m.start() for m in re.finditer("\f", text)]

    def feeds(start: int, end: int) -> int:
        """How many pages end between ``start`` and ``end`` (by bisection: a scan of the text between each rule and
        the last note was quadratic in a text of many rules)."""
        return bisect_left(at_feeds, end) - bisect_left(at_feeds, start)

    for rule in FOOTNOTE_RULE.finditer(text):
        if rule.start() in taken:
            continue
        before = len(notes)
        pos = rule.end() + 1
        blank_run = 0
        # the last note of the page before goes on right under this rule, before any numbered note ("A/AC.105/1166,"
        # / page break / rule / "A/AC.105/1168, … and A/AC.105/1181."): when it stops mid-sentence, and this rule is the
        # first one on the next page
        carrying = (
            bool(notes)
            and _runs_on(text[max(notes[-1].text_span.start, notes[-1].span.end - 40) : notes[-1].span.end])
            and feeds(notes[-1].span.end, rule.start()) == 1
            and (not rules or feeds(rules[-1].end, rule.start()) > 0)
        )
        carried_here = False
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end == -1 else end
            line = text[pos:end]
            m = _FOOTNOTE_LINE.match(line)
            expected = str(int(notes[-1].id) + 1) if notes else None
            if m and (expected is None or m.group(1) == expected or not blank_run):
                inner = _strip_span(text, pos + m.start(2), end)
                notes.append(RawNote(m.group(1), " ".join(m.group(2).split()), inner, Span(pos, end), False))
                blank_run, carrying = 0, False
            elif notes and _PAGE_NUMBER.match(line):
                pass  # the page's footer under its notes
            elif line.strip() and carrying and not blank_run:
                carried.setdefault(len(notes) - 1, []).append(_strip_span(text, pos, end))
                carried_here = True
            elif line.strip() and notes and not blank_run and notes[-1].span.start >= rule.end():
                notes[-1] = _wrapped(notes[-1], end)  # a wrapped line of the note above
            elif not line.strip():
                blank_run += 1
                if blank_run > 1:
                    break
            else:
                break
            carrying = carrying and not blank_run
            pos = end + 1
        if len(notes) > before or carried_here:
            rules.append(Span(rule.start(), rule.end()))
    notes = _with_texts(text, notes)
    for k, spans in carried.items():
        rest = " ".join(" ".join(text[span.start : span.end].split()) for span in spans)
        notes[k] = notes[k]._replace(text=f"{notes[k].text} {rest}")
        rules.extend(spans)  # (not the body's either)
    return notes, rules


# A word processor's notes printed at a page's foot or the document's end with no rule in the text layer
# (the separator is a drawn line): "1 State Library, Annual Report …" lines, or "¹ …" where the number
# is set as a superscript.
# (or glued to the note's first word, as LibreOffice sets a note's number off by a position, not a space:
# "1Helen Keller, address …", a capital and a small letter after the digits)
_PRINTED_NOTE = lazy_compile(
    r"^[ \t]*(?:([0-9]{1,3}|[ivxl]{1,6})[ \t]+|([0-9]{1,3})(?=[A-Z“\"][a-z])|(["
    + SUPERSCRIPTS
    + r"]{1,3}|["
    + ROMAN_SUPERSCRIPTS
    + r"]{1,6})[ \t]*)(\S.*)$"
)
_ROMAN_SUPERSCRIPT_MARKER = lazy_compile(f"[{ROMAN_SUPERSCRIPTS}]{{1,6}}")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def _roman(n: int) -> str:
    """``n`` (1–399) as a small roman numeral."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    return "c" * hundreds + ("", *_ROMAN)[tens].translate(str.maketrans("ivx", "xlc")) + ("", *_ROMAN)[ones]


def _printed_notes(text: str, taken: Covered) -> list[RawNote]:
    """Notes printed without a rule, read only where the text shows them beyond doubt: numbered from 1 in
    order, each one starting a paragraph (or following the note before it), each number called out
    earlier in the text (a superscript digit, or a digit glued to the word before it); with no call-out
    set as a superscript, at least two of them."""
    if "\n" not in text:
        return []
    callouts: dict[str, list[int]] = {}
    superscript = False
    for pattern, translation in ((SUPERSCRIPT_MARKER, _SUP_TO_DIGIT), (_ROMAN_SUPERSCRIPT_MARKER, _SUP_TO_ROMAN)):
        for call in pattern.finditer(text):  # (one that starts a line is a note's own number)
            if (
                call.start() not in taken
                and (call.start() == 0 or text[call.start() - 1] != "\n")
                and not _power(text, call)
            ):
                callouts.setdefault(call.group(0).translate(translation), []).append(call.start())
                superscript = True
    for call in _GLUED_MARKER.finditer(text):
        group = next(g for g in (1, 2, 3) if call.group(g))
        if call.start(group) not in taken and not _numbers_a_label(text, call.start(group)):
            callouts.setdefault(call.group(group), []).append(call.start(group))
    for places in callouts.values():
        places.sort()
    roman = "1" not in callouts
    if roman and "i" not in callouts:
        return []
    foot = _page_foot_starts(text, taken)
    found: list[RawNote] = []
    called = -1  # where the call-out of the last note is
    in_note = False  # the line before is a note's
    paragraph_start = True
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end]
        if not line.strip() or line.strip() == "\f":
            in_note, paragraph_start = False, True
            pos = end + 1
            continue
        m = _PRINTED_NOTE.match(line) if pos not in taken else None
        ident = (
            (m.group(1) or m.group(2) or m.group(3).translate(_SUP_TO_DIGIT).translate(_SUP_TO_ROMAN)) if m else None
        )
        expected = _roman(len(found) + 1) if roman else str(len(found) + 1)
        at = _first_between(callouts.get(expected, []), called, pos) if ident == expected else None
        if m and at is not None and (paragraph_start or in_note or pos in foot):
            found.append(RawNote(expected, "", Span(pos + m.start(4), end), Span(pos, end), False))
            called, in_note = at, True
        elif in_note and _PAGE_NUMBER.match(line):
            pass  # the page's footer under its notes
        elif in_note:  # a wrapped line of the note above
            found[-1] = _wrapped(found[-1], end)
        paragraph_start = False
        pos = end + 1
    if len(found) < (1 if superscript else 2):
        return []
    return _with_texts(text, found)


def _page_foot_starts(text: str, taken: Covered) -> set[int]:
    """Where a page's foot notes may begin right under the page's last line of text, with no blank line
    between (a clause that runs on to the next page is cut there): the numbered lines from which on to the
    page's end (its form feed, or the text's end; a page number aside) every paragraph opens with a
    numbered line.  Read from each page's end upwards, once."""
    lines: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        lines.append((pos, text[pos:end]))
        pos = end + 1
    starts: set[int] = set()
    open_ = True  # every paragraph below opens with a numbered line
    at_foot = True  # no line with text yet between here and the page's end
    for i in range(len(lines) - 1, -1, -1):
        start, line = lines[i]
        if "\f" in line and not line.strip():
            open_, at_foot = True, True
            continue
        if not line.strip() or start in taken:
            continue
        if at_foot and _PAGE_NUMBER.match(line):
            continue  # a page's footer under its notes
        at_foot = False
        numbered = _PRINTED_NOTE.match(line) is not None
        if open_ and numbered:
            starts.add(start)
        paragraph_start = i == 0 or not lines[i - 1][1].strip()
        if paragraph_start and not numbered:
            open_ = False
    return starts


def _first_between(places: list[int], after: int, before: int) -> int | None:
    """The first of the sorted ``places`` after ``after`` and before ``before``, or None."""
    i = bisect_right(places, after)
    return places[i] if i < len(places) and places[i] < before else None


class Covered:
    """Whether an offset lies in one of some spans (which may overlap or nest), found by bisection:
    the spans that start at or before the offset, and of them the furthest end.  Asking each span in
    turn made a scan with many notes and many call-outs quadratic."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in ordered]
        self._reach = list(accumulate((s.end for s in ordered), max))  # the furthest end up to each span

    def __contains__(self, offset: int) -> bool:
        at = bisect_right(self._starts, offset) - 1
        return at >= 0 and self._reach[at] > offset


def _superscript_markers(text: str, ids: set[str], covered: Covered, end: int, *, roman: bool) -> list[RawMarker]:
    """The superscript call-outs (``¹²``, and with ``roman`` a PDF's ``ⁱⁱ``) before ``end`` of the notes ``ids``."""
    found = []
    patterns = ((SUPERSCRIPT_MARKER, _SUP_TO_DIGIT), (_ROMAN_SUPERSCRIPT_MARKER, _SUP_TO_ROMAN))
    for pattern, translation in patterns[: 2 if roman else 1]:
        for m in pattern.finditer(text, 0, end):
            ident = m.group(0).translate(translation)
            if ident in ids and m.start() not in covered and not _power(text, m):
                found.append(RawMarker(ident, Span(m.start(), m.end()), m.group(0)))
    return found


@lru_cache(maxsize=16)  # the builder and rules N003, N004 scan the same text; the scan is immutable
def scan_notes(text: str) -> NoteScan:
    inline = _inline_notes(text)
    excluded = [n.span for n in inline]
    inline_covered = Covered(excluded)
    definitions = [d for d in _markdown_definitions(text) if d.span.start not in inline_covered]
    excluded += [d.span for d in definitions]
    section_notes: list[RawNote] = []
    section_span: Span | None = None
    if not inline and not definitions:
        section_notes, section_span = _notes_section(text, Covered(excluded))
        if section_span:
            excluded.append(section_span)
    footnotes: list[RawNote] = []
    if not inline and not definitions and not section_notes:
        footnotes, rules = _page_footnotes(text, Covered(excluded))
        if not footnotes:
            footnotes = _printed_notes(text, Covered(excluded))
        excluded += [n.span for n in footnotes] + rules
    notes = inline + definitions + section_notes + footnotes

    covered = Covered(excluded)
    markers: list[RawMarker] = []
    for pattern in (WORD_MARKER, MD_MARKER):
        for m in pattern.finditer(text):
            if m.start() not in covered:
                markers.append(RawMarker(m.group(1), Span(m.start(), m.end()), m.group(0)))
    if section_notes:
        ids = {n.id for n in section_notes}
        body_end = section_span.start if section_span else len(text)
        for m in BRACKET_MARKER.finditer(text, 0, body_end):
            if m.group(1) in ids and m.start() not in covered:
                markers.append(RawMarker(m.group(1), Span(m.start(), m.end()), m.group(0)))
        markers += _superscript_markers(text, ids, covered, body_end, roman=False)
    if footnotes:
        ids = {n.id for n in footnotes}
        for m in _GLUED_MARKER.finditer(text):
            group = next(g for g in (1, 2, 3) if m.group(g))
            ident, at = m.group(group), m.start(group)
            if ident in ids and at not in covered and not _numbers_a_label(text, at):
                markers.append(RawMarker(ident, Span(at, at + len(ident)), ident))
        markers += _superscript_markers(text, ids, covered, len(text), roman=True)
    markers.sort(key=lambda mk: mk.span.start)
    return NoteScan(tuple(notes), tuple(markers), tuple(sorted(excluded, key=lambda s: s.start)))
