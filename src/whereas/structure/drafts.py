"""Clauses being gathered (``ClauseDraft``) and the resolution they make up (``Group``): what the
grouping asks of a clause so far, answered without joining its whole body at every line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from whereas.patterns import lazy_compile
from whereas.structure.lines import Line


@dataclass
class ClauseDraft:
    """A clause being gathered from its lines, before it is read."""

    kind: Literal["recital", "resolved"]
    lines: list[Line] = field(default_factory=list)
    #: only_keyword's reading so far: how many lines, and what only_keyword keeps of them (at most a few
    #: characters more than the longest keyword)
    _keyword_read: tuple[int, str] = field(default=(0, ""), init=False, repr=False, compare=False)

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    def body(self) -> str:
        return " ".join(line.text.strip() for line in self.lines)

    def body_end(self) -> str:
        """The end of :meth:`body` that the grouping reads at each line: a suffix of it holding at least
        ``BODY_END`` characters that are not white space, emphasis marks or quotation marks (or all of
        it).  Every pattern the grouping matches at the end of a clause so far (``…$``) holds fewer of
        them, so it finds in this suffix what it finds in the whole body; joining the whole clause at
        every line made a long clause quadratic."""
        parts: list[str] = []
        needed = BODY_END
        for line in reversed(self.lines):
            part = line.text.strip()
            if len(part) > 4 * BODY_END:  # a long line: its end may be enough
                end = part[-4 * BODY_END :]
                if len(_FILLER.sub("", end)) >= needed:
                    parts.append(end)
                    break
            parts.append(part)
            needed -= len(_FILLER.sub("", part))
            if needed <= 0:
                break
        return " ".join(reversed(parts))

    def only_keyword(self) -> bool:
        """``only_keyword(self.body())``, read line by line and only as far as more than a keyword is left.

        What only_keyword keeps of the body is what it keeps of each line, one after the other (the spaces
        that join them are dropped), so the lines read so far are remembered: the grouping asks at every
        line, and a clause that starts with a row of punctuation marks ("WHEREAS -,;:.-,;:.…") followed by
        thousands of paragraphs was joined and stripped whole each time (quadratic)."""
        read, kept = self._keyword_read
        if read > len(self.lines):
            read, kept = 0, ""  # (lines were taken away: read again)
        while read < len(self.lines) and len(kept) <= _KEYWORD_ONLY_MAX:
            kept += _kept_of(self.lines[read].text)
            read += 1
        self._keyword_read = (read, kept)
        return len(kept) <= _KEYWORD_ONLY_MAX and bool(_KEYWORD_ONLY.match(kept.lower()))

    def at_most_words(self, n: int) -> bool:
        """``len(self.body().split()) <= n``, counted from the first lines only as far as needed."""
        count = 0
        for line in self.lines:
            count += len(line.text.split())
            if count > n:
                return False
        return True


#: characters of words the end of a clause read at each line holds (see ClauseDraft.body_end)
BODY_END = 200
_FILLER = lazy_compile(r"[\s*_\"”]+")


@dataclass
class Group:
    """The lines of one resolution: clauses and what surrounds them."""

    clauses: list[ClauseDraft] = field(default_factory=list)  # changed only through add() and pop()
    before: list[Line] = field(default_factory=list)  # lines between the previous resolution and this one
    after: list[Line] = field(default_factory=list)  # lines after its last clause
    #: how many of ``clauses`` are resolving clauses: kept as they are added, since the grouping asks
    #: at every line whether there is one (counting them each time made it quadratic)
    resolving: int = 0

    def add(self, clause: ClauseDraft) -> None:
        self.clauses.append(clause)
        self.resolving += clause.kind == "resolved"

    def pop(self) -> ClauseDraft:
        clause = self.clauses.pop()
        self.resolving -= clause.kind == "resolved"
        return clause

    @property
    def has_resolved(self) -> bool:
        return self.resolving > 0

    @property
    def has_recital(self) -> bool:
        return len(self.clauses) > self.resolving


_KEYWORD_ONLY = lazy_compile(
    r"^(?:whereas|(?:now)?(?:therefore)?(?:beit|itis|itwas)?(?:further|finally)?resolved(?:that)?|"
    r"nowthereforebeit|therefore|(?:and)?beit(?:further|finally))$"
)


_NOT_KEYWORD = lazy_compile(r"[\s*_,:;.…>\"“#-]")  # "BE, IT" reads as "beit"
#: the longest text _KEYWORD_ONLY matches ("nowthereforebeitfurtherresolvedthat" and the like)
_KEYWORD_ONLY_MAX = 36


def only_keyword(text: str) -> bool:
    """Whether ``text`` is a keyword alone: "RESOLVED:", "NOW, THEREFORE, BE IT", "Whereas"."""
    # _NOT_KEYWORD drops characters one by one, so what it leaves of a prefix is a prefix of what it
    # leaves of the text: more than the longest keyword there, and the text is not one.
    if len(text) > 80 and len(_NOT_KEYWORD.sub("", text[:80])) > _KEYWORD_ONLY_MAX:
        return False
    stripped = _NOT_KEYWORD.sub("", text)
    return bool(_KEYWORD_ONLY.match(stripped.lower()))


def _kept_of(text: str) -> str:
    """What only_keyword keeps of ``text``, up to a character more than the longest keyword.

    What _NOT_KEYWORD drops of a prefix is what it drops of the text there, so the first 80 characters are
    enough when they keep more than a keyword (almost always).  (Character by character, as it was, 47 µs a line of a clause; this, 4 µs: 0.25 s of each build of the 1.8 MB ``format`` file of
    benchmarks/hostile.py.  tests/test_fast_paths.py holds the two to each other.)"""
    kept = _NOT_KEYWORD.sub("", text[:80])
    if len(kept) <= _KEYWORD_ONLY_MAX and len(text) > 80:
        kept = _NOT_KEYWORD.sub("", text)
    return kept[: _KEYWORD_ONLY_MAX + 1]
