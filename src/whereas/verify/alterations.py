"""A quotation's own marked alterations, parsed into literal segments and gaps.

``"[t]he law . . . [also] protects [Assange's] work (emphasis added)"`` becomes three
literal segments — ``[t]he law`` / ``protects`` / ``work`` — joined by an ellipsis gap
(any omission, in source order) and two bracket gaps (bracketed words standing in for
a short run of source words, or for none).  A bracket attached to a word (``[t]he``,
``hold[s]``) stays inside its token as a :class:`Bracket`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from whereas.verify.normalize import normalize, token_key, tokenize

AlterationKind = Literal["case", "bracket", "insertion", "omission", "sic", "parenthetical"]
GapKind = Literal["ellipsis", "bracket", "none"]  # "none": an unmarked seam the matcher found

BRACKET_MAX_WORDS = 6  # a bracketed phrase stands in for at most this many source words

_PARENTHETICAL = re.compile(
    r"\(\s*(?:(?P<gap>(?:citations?|footnotes?|internal\s+citations?)(?:\s+and\s+[a-z ]+?)?\s+omitted)"
    r"|(?P<marks>internal\s+quotation\s+marks?(?:\s+and\s+[a-z ]+?)?\s+omitted)"
    r"|emphasis\s+(?:added|omitted|supplied|in\s+original)"
    r"|alterations?\s+(?:added|omitted|in\s+original))\s*\)",
    re.IGNORECASE,
)
_MARK = re.compile(
    r"(?P<ellipsis>\[\s*(?:\.\s*){3,}\]|\.(?:\s*\.){2,})"
    r"|(?P<sic>\s*\[\s*sic!?\s*\])"
    r"|(?P<bracket>\[(?P<inside>[^\[\]]*)\])"
)
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks around an attached bracket's letters
_WORDLIKE = re.compile(r"\w+(?:['\-]\w+)*")
_QUOTE_TOKEN = re.compile(
    rf"\d+(?:[.,]\d+)+|[\w{_OPEN}{_CLOSE}]+(?:['\-][\w{_OPEN}{_CLOSE}]+)*|-+|\.{{2,}}|[^\w\s{_OPEN}{_CLOSE}]"
)


@dataclass(frozen=True, slots=True)
class Alteration:
    """A marked alteration the quotation makes, as written (``[t]``, ``. . .``, ``[sic]``)."""

    kind: AlterationKind
    text: str


@dataclass(frozen=True, slots=True)
class Bracket:
    """A bracket inside a word: ``prefix[inside]suffix`` (``[t]he``, ``hold[s]``)."""

    prefix: str
    inside: str
    suffix: str

    def allows(self, source_word: str) -> bool:
        """Whether the bracket honestly stands for ``source_word``.

        ``[t]he`` ↔ ``The`` (change of case); ``hold[s]`` ↔ ``hold`` (added letters) or
        ``holding`` (changed ending); ``[Assange]'s`` ↔ any word ending in ``'s``… (a
        bracketed word of two letters or more stands for any one source word).
        """
        p, i, s = self.prefix, self.inside, self.suffix
        if source_word.casefold() == (p + i + s).casefold() and source_word.startswith(p) and source_word.endswith(s):
            return True
        if source_word == p + s and p + s:
            return True
        if p and source_word.startswith(p) and source_word.endswith(s):
            return True
        return not p and len(i) >= 2


@dataclass(frozen=True, slots=True)
class QuoteToken:
    text: str  # the words as quoted, bracket marks removed
    key: str
    is_word: bool
    bracket: Bracket | None = None
    free_case: bool = False  # the quotation's first word: its first letter's case may change


@dataclass(frozen=True, slots=True)
class Gap:
    """What stands between two literal segments."""

    kind: GapKind
    text: str
    max_words: int | None  # None: any omission (an ellipsis)


@dataclass(frozen=True)
class ParsedQuote:
    segments: tuple[tuple[QuoteToken, ...], ...]
    gaps: tuple[Gap, ...]  # gaps[i] stands between segments[i] and segments[i + 1]
    alterations: tuple[Alteration, ...]
    quote_marks_omitted: bool  # "(internal quotation marks omitted)"
    leading_gap: Gap | None = None

    @property
    def tokens(self) -> tuple[QuoteToken, ...]:
        return tuple(t for seg in self.segments for t in seg)


def _quote_token(text: str) -> QuoteToken:
    if _OPEN not in text:
        return QuoteToken(text, token_key(text), text[0].isalnum() or text[0] == "_")
    prefix, rest = text.split(_OPEN, 1)
    inside, suffix = rest.split(_CLOSE, 1)
    inside = inside.replace(_OPEN, "").replace(_CLOSE, "")
    suffix = suffix.replace(_OPEN, "").replace(_CLOSE, "")
    plain = prefix + inside + suffix
    return QuoteToken(plain, token_key(plain), True, Bracket(prefix, inside, suffix))


def _tokens(text: str) -> list[QuoteToken]:
    return [_quote_token(m.group()) for m in _QUOTE_TOKEN.finditer(text)]


def _strip_parentheticals(text: str, alterations: list[Alteration]) -> tuple[str, bool]:
    marks_omitted = False

    def replace(match: re.Match[str]) -> str:
        nonlocal marks_omitted
        alterations.append(Alteration("parenthetical", match.group()))
        if match.group("marks"):
            marks_omitted = True
        return " [...] " if match.group("gap") and match.end() < len(text.rstrip()) else " "

    return _PARENTHETICAL.sub(replace, text), marks_omitted


def parse_quote(quote: str) -> ParsedQuote:
    """Split ``quote`` into literal segments and the gaps its marked alterations leave."""
    alterations: list[Alteration] = []
    text = normalize(quote).text.replace(_OPEN, "").replace(_CLOSE, "")
    text, marks_omitted = _strip_parentheticals(text, alterations)
    pieces: list[str | Gap] = []
    pos = 0
    for match in _MARK.finditer(text):
        pieces.append(text[pos : match.start()])
        pos = match.end()
        if match.group("ellipsis"):
            alterations.append(Alteration("omission", match.group().strip()))
            pieces.append(Gap("ellipsis", match.group(), None))
        elif match.group("sic"):
            alterations.append(Alteration("sic", match.group().strip()))
        else:
            inside = match.group("inside").strip()
            before = text[match.start() - 1] if match.start() else " "
            after = text[match.end()] if match.end() < len(text) else " "
            attached = _WORDLIKE.fullmatch(inside) is not None and (before.isalnum() or after.isalnum() or after == "'")
            if attached:
                kind: AlterationKind = "case" if len(inside) == 1 and inside.isalpha() else "bracket"
                alterations.append(Alteration(kind, match.group()))
                pieces.append(f"{_OPEN}{inside}{_CLOSE}")
            else:
                words = len(tokenize(inside))
                alterations.append(Alteration("bracket" if words else "insertion", match.group()))
                pieces.append(Gap("bracket", match.group(), max(BRACKET_MAX_WORDS, 2 * words)))
    pieces.append(text[pos:])
    return _assemble(pieces, tuple(alterations), marks_omitted)


def _assemble(pieces: list[str | Gap], alterations: tuple[Alteration, ...], marks_omitted: bool) -> ParsedQuote:
    # Join adjacent text pieces (an attached bracket sits between two of them) before tokenising.
    joined: list[str | Gap] = []
    for piece in pieces:
        if isinstance(piece, str) and joined and isinstance(joined[-1], str):
            joined[-1] += piece
        else:
            joined.append(piece)
    segments: list[tuple[QuoteToken, ...]] = []
    gaps: list[Gap] = []
    leading: Gap | None = None
    pending: Gap | None = None
    for piece in joined:
        if isinstance(piece, Gap):
            pending = piece if pending is None else _merge(pending, piece)
            continue
        tokens = tuple(_tokens(piece))
        if not tokens:
            continue
        if segments and pending is not None:
            gaps.append(pending)
        elif segments:
            segments[-1] = segments[-1] + tokens
            continue
        else:
            leading = pending
        segments.append(tokens)
        pending = None
    return ParsedQuote(tuple(segments), tuple(gaps), alterations, marks_omitted, leading)


def _merge(a: Gap, b: Gap) -> Gap:
    if a.max_words is None or b.max_words is None:
        return Gap("ellipsis", a.text + " " + b.text, None)
    return Gap("bracket", a.text + " " + b.text, a.max_words + b.max_words)
