"""Words a PDF's typesetter broke at a line's end: "Legis-" / "lation", and "Legis- lation" once a paste joined
the lines.  Text copied out of a PDF keeps the printed lines, and with them the hyphens that split a word over
two of them; none of that is the drafter's.

A break is read only where it is safe: a word, "-", a line break (with the next line's indentation) or a single
space, then a word in the same case (lower case, or both in capitals: "LEGIS-" / "LATION").  What it becomes:

* **one word** ("Legislation"), when the word without the hyphen is written elsewhere in the document or is a word of
  a keyword phrase ("con-" / "curring" of "(the Senate concurring)", "there-" / "fore"), or when the
  document came with hard line breaks (several lines that run on mid-sentence: a PDF's copied text) and nothing
  says the hyphen is the word's own;
* **a hyphenated word** ("state-wide"), read without the line break, when the hyphen is the word's own: the
  hyphenated form is written elsewhere in the document, the part before the hyphen is itself hyphenated
  ("up-to-" / "date"), a single letter ("e-" / "mail"), or one of the words that make compounds ("self-",
  "twenty-", "-wide", "-based"), or both parts are words the document uses on their own ("high-" / "speed");
* **nothing**: a suspended hyphen ("pre- and post-war", "full-" / "or part-time") stays as written, and so does a
  "- " within a line (a paste that joined the lines; or a writer's dash, "-to be clear- has") unless the joined
  word is written elsewhere.

Nothing is inserted: a break is a span the clause's cleaning drops ("-" and the break, or the break alone), so
every character of the clause text keeps its offset in the source, and a fix never edits the hyphenated text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from whereas.model import Span
from whereas.patterns import lazy_compile

__all__ = ["HyphenBreaks", "find_hyphen_breaks"]

#: a word, its hyphen, a line break or one space, the word's rest: both in lower case after the first letter, or
#: both in capitals; never inside an address or a path ("/some-", "example.com-")
_BREAK = lazy_compile(
    r"(?<![\w/.@\\-])(?P<left>(?:[A-Za-z]+-)*(?:[A-Za-z]?[a-z]+|[A-Z]{2,}))-(?P<gap>[ \t]*\r?\n[ \t]*|[ ])"
    r"(?P<right>[a-z]+|[A-Z]{2,})(?![\w@/])"
)
#: a line that runs on into the next mid-sentence (a hard line break): it ends in a letter or a comma, the next
#: line opens with a lower-case letter
_RUN_ON = lazy_compile(r"[A-Za-z,]\r?\n[ \t]*[a-z]")
#: the fewest lines that run on (hyphenated breaks included) that make a text with hard line breaks
MIN_RUN_ONS = 3
#: after a suspended hyphen ("pre- and post-war", "full-" / "or part-time"): never the word's rest
_SUSPENDED = frozenset({"and", "or", "nor", "to", "through", "versus", "vs", "but", "whereas"})
#: words that make hyphenated compounds, before the hyphen or after it ("self-governing", "state-wide")
_COMPOUND_HEADS = frozenset(
    "self well ill all half full high low long short cross non ex anti pre post mid multi inter semi co "
    "state city county world year first second third one two three four five six ten twenty thirty forty fifty "
    "sixty seventy eighty ninety".split()
)
_COMPOUND_TAILS = frozenset(
    "wide based term time year years old related owned led run funded level scale income making free friendly "
    "specific sized like known minded being up down in out off over first second third fourth fifth sixth seventh "
    "eighth ninth one two three four five six seven eight nine".split()
)

#: the words of a resolution's keyword phrases and enacting words ("Resolved by the House of Representatives (the
#: Senate concurring), That", "Now, therefore, be it", "in Congress assembled"): broken at a line's end or within a
#: line, always one word.  Read so by their own shape, never by the rest of the document (whose other lines
#: ``format`` may lay out anew: "con-" / "curring" read "con-curring" once the recitals were each on one line)
_PHRASE_WORDS = frozenset(
    "resolved whereas therefore further concurring concurrence representatives assembled congress senate "
    "assembly legislature commonwealth ordained enacted hereby".split()
)


@dataclass(frozen=True)
class HyphenBreaks:
    """The broken words of one document: the spans cleaning drops, and how each broken pair reads."""

    #: "-" and the break after it (a word joined), or the break alone (a hyphenated word kept whole)
    spans: tuple[Span, ...] = ()
    #: (part before, part after) → the word as read ("Legislation", "state-wide")
    words: dict[tuple[str, str], str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def rejoin(self, words: str) -> str:
        """``words`` (a title's, read line by line and joined with spaces) with each broken word read whole."""
        if not self.words or "-" not in words:
            return words

        def whole(m: re.Match[str]) -> str:
            return self.words.get((m.group(1), m.group(2)), m.group(0))

        return _IN_WORDS.sub(whole, words)


_IN_WORDS = lazy_compile(r"(?<![\w/.@\\-])((?:[A-Za-z]+-)*[A-Za-z]+)- ([A-Za-z]+)(?![\w@/])")


def find_hyphen_breaks(text: str, numbers: dict[int, int] | None = None) -> HyphenBreaks:
    """The words of ``text`` broken by a line's end (see the module's docstring); ``numbers`` are a legislature's
    line numbers (line start → the length of its number and the space after it, structure/furniture.py), read as
    spaces: "identi-" / "6      fied" is broken as "identi-" / "fied" is."""
    if numbers:
        text = _without_numbers(text, numbers)
    if "-\n" not in text and "- " not in text and "-\r\n" not in text:
        return HyphenBreaks()
    found = [m for m in _breaks(text) if m.group("right").casefold() not in _SUSPENDED]
    if not found:
        return HyphenBreaks()
    line_ends = [m for m in found if "\n" in m.group("gap")]
    run_ons = len(line_ends)
    for _ in _RUN_ON.finditer(text):
        run_ons += 1
        if run_ons >= MIN_RUN_ONS:
            break
    hard_breaks = run_ons >= MIN_RUN_ONS
    # the words written elsewhere: the broken words' own parts do not count
    own = Counter(m.group("left").rsplit("-", 1)[-1].casefold() for m in found)
    own.update(m.group("right").casefold() for m in found)
    seen = _Written(text.casefold(), own)
    spans: list[Span] = []
    words: dict[tuple[str, str], str] = {}
    for m in found:
        left, right = m.group("left"), m.group("right")
        if left[-1].isupper() != right.isupper():
            continue  # "LEGIS-" / "lation": no word broken in two cases
        read = _reading(left, right, seen, hard_breaks=hard_breaks, line_end="\n" in m.group("gap"))
        if read is None:
            continue
        hyphen = m.end("left")
        spans.append(Span(hyphen if read == "join" else hyphen + 1, m.start("right")))
        words[(left, right)] = left + right if read == "join" else f"{left}-{right}"
    return HyphenBreaks(tuple(spans), words)


def _without_numbers(text: str, numbers: dict[int, int]) -> str:
    """``text`` with each line's number turned into spaces (every offset kept)."""
    pieces, pos = [], 0
    for start in sorted(numbers):
        end = start + numbers[start]
        pieces += [text[pos:start], " " * (end - start)]
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _breaks(text: str) -> list[re.Match[str]]:
    """The matches of _BREAK, found from each hyphen before a break (a scan from every position of a long text
    costs 0.9 s a megabyte; from the hyphens, a few milliseconds)."""
    found = []
    for hyphen in _HYPHEN.finditer(text):
        at = start = hyphen.start()
        while (
            start > 0
            and at - start < _LONGEST_LEFT
            and (text[start - 1].isascii() and text[start - 1].isalpha() or text[start - 1] == "-")
        ):
            start -= 1
        m = _BREAK.match(text, start)
        if m is not None and m.end("left") == at:
            found.append(m)
    return found


#: a hyphen right after a letter, before a break or a space and a letter: where _BREAK may match
_HYPHEN = lazy_compile(r"(?<=[A-Za-z])-(?=[ \t]*\r?\n[ \t]*[A-Za-z]|[ ][A-Za-z])")
#: the longest stretch of letters and hyphens looked back over for a broken word's first part
_LONGEST_LEFT = 80


class _Written:
    """Whether a word is written in a text as a whole word (no letter, and for a hyphenated word no hyphen, on
    either side; no part of an address: "opensource.org", "/opensource") more often than as a broken word's
    part (``own``).  Looked up word by word, up to the first occurrence that counts: counting every word of a long
    text costs more than the few a document's broken words ask about."""

    def __init__(self, folded: str, own: Counter[str]) -> None:
        self.folded = folded
        self.own = own
        self.known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        if word not in self.known:
            self.known[word] = self._written(word)
        return self.known[word]

    def _written(self, word: str) -> bool:
        folded, edge, needed = self.folded, "-" if "-" in word else "", self.own[word] + 1
        at = folded.find(word)
        while at != -1:
            before = folded[at - 1] if at else " "
            after = folded[at + len(word) : at + len(word) + 2] or " "
            if not (before.isalpha() or before in edge or before in "/@." or after[0].isalpha() or after[0] in edge):
                if not (after[0] in "/@" or after[0] == "." and after[1:].isalpha()):
                    needed -= 1
                    if needed == 0:
                        return True
            at = folded.find(word, at + 1)
        return False


def _reading(left: str, right: str, seen: _Written, *, hard_breaks: bool, line_end: bool) -> str | None:
    """How a broken word reads: "join" (one word), "hyphen" (a hyphenated word), or None (as written)."""
    if (left + right).casefold() in seen or (left + right).casefold() in _PHRASE_WORDS:
        return "join"
    if not line_end:
        return None  # "to be clear- has": within a line, only the word written whole elsewhere says it is one
    last, rest = left.rsplit("-", 1)[-1].casefold(), right.casefold()
    own = (
        "-" in left
        or len(last) == 1
        or last in _COMPOUND_HEADS
        or rest in _COMPOUND_TAILS
        or f"{left}-{right}".casefold() in seen
        or (last in seen and rest in seen)
    )
    return "join" if hard_breaks and not own else "hyphen"
