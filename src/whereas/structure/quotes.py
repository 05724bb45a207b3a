"""Find quoted passages in a clause (who is speaking them: `speakers.py`), and the acronyms a text defines."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from whereas.patterns import lazy_compile

# "American Library Association (ALA)": found from the "(ALA)" back to the capitalised name before it.
_ACRONYM_PAREN = lazy_compile(r"\(([A-Z][A-Za-z&/.]{1,12})\)")
_NAME_BEFORE = lazy_compile(r"((?:[A-Z][\w.&'’-]*\s+){1,8}?(?:[A-Z][\w.&'’-]*))\s+$")


# (a NamedTuple: a frozen dataclass costs five times as much to create at start-up; docs/performance.md)
class FoundQuote(NamedTuple):
    start: int  # clean-text index of the first quoted character
    end: int  # clean-text index past the last quoted character
    open_mark: str
    close_mark: str


_OPENER = lazy_compile('[“„«"]')
_OPENER_OR_SINGLE = lazy_compile("[“„«\"‘']")
# a single closing mark: not an apostrophe inside a word ("Lord's"), after a word's last character
# (an old book's spaced punctuation sets the closing mark off after the sentence's stop: "… utterly wasted. '")
_SINGLE_CLOSE = lazy_compile(r"(?<=\S)['’](?![\w])|(?<=[.!?;,] )['’](?!\S)")


def find_quotes(text: str, *, single: bool = False) -> list[FoundQuote]:
    """Outermost quoted passages in ``text``; unbalanced marks yield nothing.

    With ``single``, single quotation marks ('…', ‘…’) quote too: inside a text that is itself
    quoted (an article reproducing a resolution in double quotation marks), they are the quotation
    marks of what it quotes.  An apostrophe is never taken for one: an opening mark follows a space
    or an opening bracket or dash, and a closing one is not followed by a letter ("Lord's", "workers'").
    """
    found: list[FoundQuote] = []
    i = 0
    opener = _OPENER_OR_SINGLE if single else _OPENER
    indexes: dict[str, _Closes] = {}  # built when first asked: most clauses quote nothing
    while (m := opener.search(text, i)) is not None:
        i = m.start()
        ch = m.group()
        if ch in "‘'":
            j = find_single_close(text, i) if can_open_single(text, i) else None
            if j is None:
                i += 1
                continue
            if j > i + 1:
                found.append(FoundQuote(i + 1, j, ch, text[j]))
            i = j + 1
            continue
        if not _can_open(text, i):
            i += 1
            continue
        kind = _KIND[ch]
        closes = indexes.get(kind)
        if closes is None:
            closes = indexes[kind] = _Closes(text, kind)
        j = closes.after(i)
        if j is None:
            i += 1
            continue
        if j > i + 1:
            found.append(FoundQuote(i + 1, j, ch, text[j]))
        i = j + 1
    return found


def _can_open(text: str, i: int) -> bool:
    return text[i] in "“„«" or can_open_straight(text, i)


def can_open_straight(text: str, i: int, *, after: str = "") -> bool:
    """Whether the straight mark at ``i`` can open a quotation: after a space, a bracket, a dash or a
    punctuation mark (or one of ``after``: "*_" where Markdown emphasis is still in the text), before a
    character that is not a space."""
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-/:;," or prev in after) and not nxt.isspace()


def can_open_single(text: str, i: int, *, after: str = "") -> bool:
    """Whether the single mark at ``i`` can open a quotation (never an apostrophe): as a straight mark,
    also after a double mark, and before a letter or digit."""
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in '([{—–-/:;,"“' or prev in after) and nxt.isalnum()


def find_single_close(text: str, i: int) -> int | None:
    """The mark closing a single-quoted passage opened at ``i``, within 600 characters."""
    m = _SINGLE_CLOSE.search(text, i + 2, i + 600)
    return m.start() if m else None


class _Closes:
    """Where the quotation opened by each mark of one kind closes, for one text, found in one pass.

    A quotation opened with a straight mark (or “) closes at the first ”, or " that opens nothing, with
    no quotation inside it still open: a quotation inside it opens with “ or with a " after a space and
    before a word (`recommended "do pass" by`, `called it “a disaster” for`), and a stray closing ”
    closes the outer one.  A quotation opened with „ closes at its “, one opened with « at its ».  Each
    mark of the kind is thus a step up (it opens) or down (it closes), whatever the quotation being
    closed: the close of a quotation opened before mark ``k`` is where the steps from ``k`` on first go
    below where they started.  Scanning forward from each opening mark instead made a clause of
    thousands of unclosed marks quadratic."""

    def __init__(self, text: str, kind: str) -> None:
        self.starts: list[int] = []
        ups: list[bool] = []
        for m in _MARK_SETS[kind].finditer(text):
            at, ch = m.start(), m.group()
            self.starts.append(at)
            if kind == "“":
                ups.append(ch == "“" or (ch == '"' and _opens_inner(text, at)))
            else:
                ups.append(ch == kind)
        # close[k]: the index of the mark that closes a quotation opened right before mark k (None: none),
        # from the end: a step down closes it; a step up opens one inside it, to be closed first
        n = len(ups)
        close: list[int | None] = [None] * (n + 1)
        for k in range(n - 1, -1, -1):
            if not ups[k]:
                close[k] = k
            else:
                inner = close[k + 1]
                close[k] = None if inner is None else close[inner + 1]
        self._close = close

    def after(self, i: int) -> int | None:
        """The index of the mark closing the quotation the mark at ``i`` opens."""
        k = self._close[bisect_right(self.starts, i)]
        return None if k is None else self.starts[k]


def _opens_inner(text: str, i: int) -> bool:
    """Whether the straight mark at ``i`` opens a quotation: after a space or opening bracket, before a word."""
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–") and nxt.isalnum()


#: the marks a quotation's close is looked for among, by kind (a straight mark and “ alike)
_MARK_SETS = {"“": lazy_compile('[“”"]'), "„": lazy_compile("[„“]"), "«": lazy_compile("[«»]")}
_KIND = {'"': "“", "“": "“", "„": "„", "«": "«"}


def acronyms(text: str) -> dict[str, str]:
    """Acronyms the document defines: "American Library Association (ALA)" → {"ALA": …}."""
    out: dict[str, str] = {}
    taken = 0
    for paren in _ACRONYM_PAREN.finditer(text):
        window_start = max(taken, paren.start() - 240)
        m = _NAME_BEFORE.search(text, window_start, paren.start())
        if m is None:
            continue
        taken = paren.end()
        name, acro = m.group(1).strip(), paren.group(1)
        words = name.split()
        initials = "".join(w[0] for w in words if w[0].isupper())
        # Keep the shortest run of words whose initials cover the acronym.
        letters = [c for c in acro if c.isupper()]
        if len(words) > len(letters) and initials.endswith("".join(letters)):
            words = words[-len([w for w in words if w[0].isupper()][-len(letters) :]) :]
            name = " ".join(words)
        name = re.sub(r"^(?:The|the)\s+", "", name)
        out.setdefault(acro, name)
    return out
