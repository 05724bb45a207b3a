"""The quotations of a clause: passages in quotation marks and block quotations, with note and speaker."""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from whereas.model import Clause, MappedText, Quotation
from whereas.patterns import lazy_compile
from whereas.structure.drafts import ClauseDraft
from whereas.structure.keywords import BLOCK_INTRO
from whereas.structure.lines import Line
from whereas.structure.quotes import find_quotes
from whereas.structure.speakers import SPEAKER_WINDOW, quoted_term, speaker_after, speaker_before

__all__ = ["find_quotations"]

# A statute or text quoted without marks is introduced by what it says ("ORS 221.760 provides as
# follows:", "… to read as follows:"); "as follows:" / "the following:" alone introduce a list of
# actions ("do the following:"), not a quotation.
_CONNECTOR_ONLY = lazy_compile(r"^[\s;,]*(?:and|or|and\s+further)?[\s;,]*$", re.I)


# a sentence ends between two quotations: the later one's source is no longer the earlier one's
_SENTENCE_BREAK = lazy_compile(r"[.!?][\"”’)]*\s+[A-Z]")


def find_quotations(
    text: str, clause: Clause, known: dict[str, str], draft: ClauseDraft, *, quoted: bool = False
) -> list[Quotation]:
    """The quotations of ``clause``; ``quoted``: the clause is itself quoted (an article reproducing it),
    so its single quotation marks quote too."""
    out: list[Quotation] = []
    previous_speaker: str | None = None
    previous_end = 0
    body = clause.text
    markers: _Markers | None = None  # (indexed at the first quotation: most clauses have none)
    for q in find_quotes(body, single=quoted):
        if is_name(body, q.start, q.end):
            continue
        if markers is None:
            markers = _Markers(clause)
        span = clause.mapped.source_span(q.start, q.end)
        note = markers.note_of(span.start, clause.mapped.source_offset(q.end))
        # (only the end of the text before it is read: slicing all of it made a clause of many quotations quadratic)
        before_end = max(q.start - 1, 0)
        if quoted_term(body, q.start, q.end):
            speaker = None  # a term in quotation marks ("prohibiting “step therapy” protocols"): nobody's words
        else:
            speaker = speaker_before(body[max(0, before_end - SPEAKER_WINDOW) : before_end], known) or speaker_after(
                body, known, start=q.end + 1
            )
            if speaker is None and not _SENTENCE_BREAK.search(body, previous_end, q.start):
                speaker = previous_speaker  # the same source goes on, in the same sentence
            previous_speaker, previous_end = speaker, max(q.end - 1, 0)  # (from its last character: "… none.” It")
        out.append(
            Quotation(
                text=body[q.start : q.end],
                span=span,
                clause=clause.ref,
                note=note,
                speaker=speaker,
                open_mark=q.open_mark,
                close_mark=q.close_mark,
            )
        )
    blocks = _block_quotations(clause, known, draft)
    for block in blocks:
        if not any(block.span.start <= q.span.start < block.span.end for q in out):
            out.append(block)
    if blocks:
        out.sort(key=lambda q: q.span.start)
    return out


class _Markers:
    """A clause's note call-outs (in the order they start), by where they start and end: the note of a quotation is that of the first
    call-out at or after its closing mark, or else of the last one that ends before it opens.  (Looking at
    every call-out for each quotation made a clause of many quotations and call-outs quadratic.)"""

    def __init__(self, clause: Clause) -> None:
        self.markers = clause.markers
        self._starts = [m.span.start for m in self.markers]
        # the call-outs by where they end, each with the last place (in the clause's order) among those ending
        # there or before
        by_end = sorted(range(len(self.markers)), key=lambda k: self.markers[k].span.end)
        self._ends = [self.markers[k].span.end for k in by_end]
        self._last = list(accumulate(by_end, max))

    def note_of(self, open_at: int, close_at: int) -> str | None:
        markers = self.markers
        if not markers:
            return None
        first_after = bisect.bisect_left(self._starts, close_at)
        if first_after < len(markers):
            return markers[first_after].note
        ending = bisect.bisect_right(self._ends, open_at)
        return markers[self._last[ending - 1]].note if ending else None


# What is set in quotation marks but is nobody's words: a defined term ("(the “University”)"), a label
# ("Exhibit “1”"), a name or title (“Women Veterans Appreciation Day”, "Freedom to Read", “INTERPOL”).
_DEFINES = lazy_compile(
    r"\(\s*(?:(?:the|a|an|hereinafter(?:\s+the)?|or|also|collectively|each|together)\s+)*[\"“”]?$", re.I
)
_LABEL_BEFORE = lazy_compile(
    r"\b(?:exhibits?|attachments?|appendix|appendices|schedules?|annex(?:es)?|items?|figures?|tables?|forms?|"
    r"options?|alternatives?|parts?|areas?|zones?)\s*[\"“”]?$",
    re.I,
)
_NAMED_BEFORE = lazy_compile(
    r"\b(?:known\s+as|entitled|titled|named|designated(?:\s+as)?|so-called|dubbed|nicknamed|the\s+term|the\s+words?|"
    r"(?:resolution|report|act|policy|bill|program|programme|campaign|initiative|motion)\s+(?:for|on|entitled|titled|called))"
    r"\s*[\"“”]?$",
    re.I,
)
_NAMED_AFTER = lazy_compile(
    r"^[\"”’'»]?\s+(?:name|names|project|package|namespace|brand|trademark|mark|label|term|word|title|tag|handle|"
    r"moniker|agenda|initiative|campaign|program|programme|slogan|motto|hashtag|meaning|means|refers\s+to|as\s+defined)\b",
    re.I,
)
_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "nor",
    "but",
    "of",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "as",
    "into",
    "upon",
    "per",
    "vs",
    "via",
    "de",
    "la",
    "del",
    "du",
    "von",
    "van",
    "is",
    "its",
    "our",
    "their",
}


def is_name(body: str, start: int, end: int) -> bool:
    """Whether the quoted ``body[start:end]`` is a name, title, label or defined term, not someone's words."""
    inner = body[start:end].strip()
    before = body[max(0, start - 40) : start]
    after = body[end : end + 3]
    if not inner:
        return True
    if (
        _DEFINES.search(before)
        and after[1:2] == ")"
        or _DEFINES.search(before)
        and after[1:2] in (",", ";")
        and ")" in body[end : end + 60]
    ):
        return True
    if len(inner.split()) <= 3 and (_LABEL_BEFORE.search(before) or len(inner) <= 2):
        return True
    if _NAMED_BEFORE.search(before) and len(inner.split()) <= 15:
        return True
    if len(inner.split()) <= 3 and _NAMED_AFTER.match(body[end : end + 30]):
        return True  # the "quantum" name, the “Space2030” agenda, elected “at-large,” meaning …
    if _compound_modifier(inner, body[end : end + 30]):
        return True
    if _WORDS_BEFORE.search(before):
        return False  # the slogan “Liberty or Death”, the world said "Never Again": words, though in title case
    return _title_case(inner) or _another_name(body, start, inner)


# What introduces words someone says, shouts or swears, even in title case: a slogan, a motto, an oath, or a
# verb of saying right before the marks (not "called", "named": those introduce names).
_WORDS_BEFORE = lazy_compile(
    r"\b(?:(?:the|a|an|their|its|his|her|our)\s+(?:slogan|motto|chant|cry|rallying\s+cry|watchword|refrain)"
    r"|oath\s+of|said|says|say|shouted|chanted|cried|exclaimed|swore|vowed)\s*,?\s*[\"“]?$",
    re.I,
)
# a second name for what the quotation before names: “the Continental Colors” or “the Great Union flag,”
_OR_BEFORE = lazy_compile(r"[\"”]\s*,?\s+(?:or|also|also\s+called|also\s+known\s+as)\s+[\"“]?$")
_QUOTED_BEFORE = lazy_compile(r"[\"“]([^\"“”]{1,80})[\"”]\s*,?\s+(?:or|also|also\s+called|also\s+known\s+as)\s+[\"“]?$")


def _another_name(body: str, start: int, inner: str) -> bool:
    """A short text in quotation marks right after another name and "or" ("“X” or “the Y flag”"): a name too,
    when its first word (after "the") is capitalised."""
    before = body[max(0, start - 100) : start]
    words = inner.strip(" ,").split()
    if not _OR_BEFORE.search(before) or not 1 <= len(words) <= 5:
        return False
    first = words[1] if words[0].lower() == "the" and len(words) > 1 else words[0]
    m = _QUOTED_BEFORE.search(before)
    return first[:1].isupper() and m is not None and _title_case(m.group(1))


# "an “at-large” election", "to “by-trustee area” elections": a hyphenated term in quotes before the noun it
# qualifies is the drafter's term, not anyone's words
_NOUN_AFTER = lazy_compile(r"^[\"”’'»]?\s+(?!(?:and|or|but|nor|to|that|is|was|are|were|be|has|have|had)\b)[a-z]{3,}\b")


def _compound_modifier(inner: str, after: str) -> bool:
    words = inner.split()
    return (
        len(words) <= 3
        and "-" in inner
        and inner == inner.lower()
        and inner[:1].isalpha()
        and bool(_NOUN_AFTER.match(after))
    )


def _title_case(inner: str) -> bool:
    """Every word of a short text capitalised (small joining words aside), no sentence inside: a name."""
    words = inner.split()
    if not words or len(words) > 30 or inner[-1] in ".!?;:" and not inner.endswith(("Inc.", "Co.", "Jr.", "Sr.")):
        return False
    significant = [w.strip("“”\"'‘’()[],-–—&") for w in words]
    significant = [w for w in significant if w and w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    first = words[1] if words[0].lower() == "the" and len(words) > 1 else words[0]  # "the Continental Colors"
    return all(w[0].isupper() or w[0].isdigit() for w in significant) and first.strip("“”\"'‘’(")[:1].isupper()


def _clean_index(mapped: MappedText, offset: int) -> int:
    """First clean index whose source offset is at or after ``offset``."""
    return bisect.bisect_left(mapped.offsets, offset)


def _block_quotations(clause: Clause, known: dict[str, str], draft: ClauseDraft) -> list[Quotation]:
    """Quotations set off as blocks: each run of quoted lines inside a clause (``> `` lines, a fenced
    block: "From:" / "```" … "```"), or the paragraphs after "… provides as follows:" (a statute quoted
    without quotation marks)."""
    lines = draft.lines
    runs: list[tuple[int, int]] = []
    # a clause that is itself quoted (a resolution pasted into an email reply, every line "> "): its own
    # "> " lines are its text; only lines quoted deeper than its first (">> ") are a quotation inside it
    depth = _quote_depth(lines[0].text)
    if lines[0].kind != "quote":
        i = 1
        while i < len(lines):
            if lines[i].kind == "quote" and _deeper(lines[i].text, depth):
                first = i
                while i + 1 < len(lines) and lines[i + 1].kind == "quote" and _deeper(lines[i + 1].text, depth):
                    i += 1
                runs.append((first, i))
            i += 1
    if not runs:
        for i, ln in enumerate(lines[:-1]):
            head = ln.text.rstrip(" *_")
            if head.rstrip().endswith(":") and BLOCK_INTRO.search(head) and lines[i + 1].start > ln.end + 1:
                first, last = i + 1, len(lines) - 1
                while last > first and _CONNECTOR_ONLY.match(lines[last].text):
                    last -= 1
                runs.append((first, last))
                break
    out = []
    for first, last in runs:
        quotation = _block(clause, known, lines, first, last)
        if quotation is not None:
            out.append(quotation)
    return out


_QUOTE_MARKS_OPENING = lazy_compile(r"[ \t]*((?:>[ \t]*)*)")


def _quote_depth(line: str) -> int:
    """How many block-quote marks open the line ("> > text", ">> text": 2)."""
    m = _QUOTE_MARKS_OPENING.match(line)
    return m.group(1).count(">") if m else 0


def _deeper(line: str, depth: int) -> bool:
    """Whether a quoted line (a "> " line, a fenced block's) is quoted inside a clause ``depth`` marks deep."""
    return depth == 0 or _quote_depth(line) > depth


def _block(clause: Clause, known: dict[str, str], lines: list[Line], first: int, last: int) -> Quotation | None:
    mapped = clause.mapped
    lo = _clean_index(mapped, lines[first].start)
    hi = _clean_index(mapped, lines[last].end)
    words = mapped.text[lo:hi].strip()
    if len(words) < 3 or words[:1] in ('"', "“"):
        return None  # already a quotation in marks
    lo = mapped.text.index(words, lo)
    hi = lo + len(words)
    speaker = speaker_before(mapped.text[:lo].rstrip(" :"), known)
    return Quotation(
        text=words,
        span=mapped.source_span(lo, hi),
        clause=clause.ref,
        note=next((m.note for m in clause.markers if m.span.start >= mapped.source_offset(hi - 1)), None),
        speaker=speaker,
        block=True,
        open_mark="",
        close_mark="",
    )
