"""Find quoted passages in a clause and who the clause says is speaking."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from whereas.patterns import lazy_compile

_SPEECH_VERB = (
    r"(?:has\s+|have\s+|had\s+|also\s+|further\s+|rightly\s+|recently\s+|repeatedly\s+)*"
    r"(?:stated|states|state|noted|notes|note|said|says|say|declared|declares|written|writes|wrote|argued|argues|"
    r"warned|warns|observed|observes|affirmed|affirms|asserted|asserts|explained|explains|concluded|concludes|"
    r"found|finds|recognized|recognizes|recognised|maintained|maintains|called|calls|described|describes|"
    r"proclaimed|proclaims|emphasized|emphasizes|stressed|stresses|reported|reports|announced|announces|"
    r"urged|urges|insisted|insists|added|adds|commented|comments|remarked|remarks|testified|held|holds|ruled|"
    r"provides|provided|reads|read|called\s+for|requires|required|mandates|mandated|specifies|specified|defines|defined|"
    r"directs|directed|orders|ordered|prohibits|prohibited|bars|barred|stipulates|stipulated|commits|committed|"
    r"promises|promised|pledges|pledged|acknowledges|acknowledged|admits|admitted|apologized|apologised|"
    r"stating|saying|declaring|noting|providing|requiring|reading|warning|calling\s+for|expressed|expresses|"
    r"expressing)"
)
# A name: capitalised words, with small joining words and a parenthesised acronym allowed.
_NAME = (
    r"(?:[A-Z][\w.&'’/-]*|[A-Z]{2,})"
    r"(?:\s+(?:of|for|the|and|on|to|de|du|la|[A-Z][\w.&'’/-]*|\([A-Z][A-Za-z.&/-]+\)|\([a-z0-9]{1,4}\)|§?\d[\w.:§()-]*"
    r"|(?:sub)?(?:section|division|paragraph|article|clause)s?)){0,10}"
)
# What may stand between a name and its verb: a parenthesis ("(Public Law 115–135)"), an apposition
# with "who" or "which" ("Dr. Robitzek, who oversaw the trials said"), "article 28 of which".
_BETWEEN = (
    r"(?:\s*\([^()\"“]{1,80}\))?"
    r"(?:,?\s+(?:(?:article|section|paragraph)\s+\d+\s+of\s+)?(?:which|who)\b[^\"“;]{0,120}?(?:,?\s+and\s+(?:which|who))?)?"
    # an apposition with an article, a place in it ("Parker, a formerly enslaved iron founder in Ripley, Ohio, wrote")
    r"(?:,\s+(?:a|an|the)\s+[^\"“;,]{1,100}(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?(?=,))?"
)
# Words between a name and its verb ("has repeatedly stated"): not a conjunction or an article, after which
# the verb is another subject's or "said" is the drafting adjective ("Hong Kong, and said national security law").
_FILLER = r"(?!(?:and|or|but|nor|the|a|an|of|to|in|that|this|these)\s)[a-z]+"
_SPEAKER_BEFORE = lazy_compile(
    rf"(?:(?:[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of|the\s+words\s+of|as\s+(?:stated|set\s+forth|provided|described|noted)\s+in)\s+"
    rf"(?:the\s+)?(?P<acc>{_NAME})[^\"“]{{0,40}}$)"
    rf"|(?:(?:the\s+)?(?P<sp>{_NAME})(?P<between>{_BETWEEN}),?\s+(?:{_FILLER}\s+){{0,3}}?{_SPEECH_VERB}\b[^\"“]{{0,80}}$)"
)
_PAREN_AFTER = lazy_compile(r"\s*[,;]?\s*\(([^()]{2,200})\)")  # (matched where the quotation ends)
# "American Library Association (ALA)": found from the "(ALA)" back to the capitalised name before it.
_ACRONYM_PAREN = lazy_compile(r"\(([A-Z][A-Za-z&/.]{1,12})\)")
_NAME_BEFORE = lazy_compile(r"((?:[A-Z][\w.&'’-]*\s+){1,8}?(?:[A-Z][\w.&'’-]*))\s+$")
_LEADING_ACRONYM = lazy_compile(r"^([A-Z]{2,}[A-Za-z/&]*)\b")
_SMALL_LEAD = lazy_compile(r"^(?:the|as|that|and|while|with|where|when|since|because|which)\s+", re.I)


@dataclass(frozen=True)
class FoundQuote:
    start: int  # clean-text index of the first quoted character
    end: int  # clean-text index past the last quoted character
    open_mark: str
    close_mark: str


_OPENER = lazy_compile('[“„«"]')
_OPENER_OR_SINGLE = lazy_compile("[“„«\"‘']")
# a single closing mark: not an apostrophe inside a word ("Lord's"), after a word's last character
_SINGLE_CLOSE = lazy_compile(r"(?<=\S)['’](?![\w])")


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


def _tidy(name: str, known: dict[str, str]) -> str:
    name = re.sub(r"\s*\([A-Z][A-Za-z.&/-]+\)$", "", name.strip())
    name = _SMALL_LEAD.sub("", name).strip(" ,")
    return known.get(name, name)


# The verbs of _SPEECH_VERB without the auxiliaries before them, and the longest of them but "called for".
_VERBS = _SPEECH_VERB[_SPEECH_VERB.index("(?:stated") :]
_VERB = lazy_compile(_VERBS)
_VERB_LONGEST = max(len(v) for v in _VERBS[3:-1].split("|") if "\\" not in v)


_PRONOUN_SAYS = lazy_compile(
    r"\b(?:he|she|they|it|we)\s+(?:has\s+|had\s+|also\s+)?(?:said|says|stated|states|declared|wrote|added)\b"
)
_AMENDED_TO_READ = lazy_compile(r"\bto\s+(?:read|state|provide)\b[^\"“]{0,40}$", re.I)


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her"})


#: how much of the text before a quotation speaker_before reads
SPEAKER_WINDOW = 300


# the word that opens an intergovernmental body's preambular paragraph, before the name it recalls
_PREAMBULAR_WORD = lazy_compile(
    r"^(?:(?:Further|Also|Deeply|Gravely|Seriously)\s+)?(?:Recalling|Reaffirming|Reiterating|Noting|Recogni[sz]ing|"
    r"Acknowledging|Welcoming|Emphasi[sz]ing|Stressing|Underlining|Affirming|Considering|Expressing|Concerned|"
    r"Alarmed|Mindful\s+of|Aware\s+of|Bearing\s+in\s+mind|Taking\s+note\s+of|Guided\s+by)\s+(?:also\s+)?(?:that\s+)?"
)


def speaker_before(prefix: str, known: dict[str, str]) -> str | None:
    """The speaker named just before a quotation ("Amnesty International has stated that"), read from the
    last ``SPEAKER_WINDOW`` characters of ``prefix``."""
    tail = prefix[-SPEAKER_WINDOW:]
    # _SPEAKER_BEFORE needs "according to", or a verb followed by at most 80 characters: a verb starting
    # in the last 80 + _VERB_LONGEST characters ("called for" may start earlier: then the full search).
    if (
        "according" not in tail
        and "words of" not in tail
        and " in " not in tail
        and "called" not in tail
        and not _VERB.search(tail, max(0, len(tail) - 80 - _VERB_LONGEST))
    ):
        return None
    m = _SPEAKER_BEFORE.search(tail)
    if not m:
        return None
    if _AMENDED_TO_READ.search(tail):
        return None  # "… is amended to read as follows:": the new text, nobody's words
    if _PRONOUN_SAYS.search(tail, m.end("acc") if m.group("acc") else m.end("sp")):
        return None  # "X urged …; he said, '…'": whose words a pronoun points to is not read
    # the nearest speaker: "Grant said, '…,' and Garfield said, '" is Garfield's
    while (later := _SPEAKER_BEFORE.search(tail, m.start() + 1)) is not None and later.start() < len(tail):
        if (later.group("acc") or later.group("sp")) == (m.group("acc") or m.group("sp"))[
            -len(later.group("acc") or later.group("sp")) :
        ]:
            break  # the same name, shortened from the left: not a nearer speaker
        if m.group("sp") and m.group("between") and later.start() < m.end("between"):
            break  # a name inside the speaker's apposition ("…, an iron founder in Ripley, Ohio, wrote"): not the speaker
        m = later
    name = m.group("acc") or m.group("sp")
    # The match may begin at a sentence's first word ("Whereas", "With regard to…").
    name = re.sub(r"^(?:Whereas|WHEREAS|Resolved|RESOLVED|That|Further|And|As)\b[,]?\s*", "", name)
    name = _PREAMBULAR_WORD.sub("", name)  # "Reaffirming Sustainable Development Goal 4, which calls …"
    name = _tidy(name, known)
    significant = [w for w in name.split() if w.lower() not in _DETERMINERS]
    if not any(w[0].isupper() or w[0].isdigit() for w in significant) or re.search(r"['’]s?$", name):
        # what was left is no name ("the", "The stated shared vision"), or a possessive ("Wilson's statement said")
        return None
    return name or None


def speaker_after(suffix: str, known: dict[str, str], *, start: int = 0) -> str | None:
    """The speaker named in a parenthetical right after a quotation: ``"…" (ALA Universal Right…)``, read
    from ``suffix[start:]`` (without slicing a long clause at each quotation)."""
    m = _PAREN_AFTER.match(suffix, start)
    if not m:
        return None
    inner = m.group(1).strip()
    acro = _LEADING_ACRONYM.match(inner)
    if acro and acro.group(1) in known:
        return known[acro.group(1)]
    if acro:
        return acro.group(1)
    lead = re.match(_NAME, inner)
    return _tidy(lead.group(0), known) if lead else None
