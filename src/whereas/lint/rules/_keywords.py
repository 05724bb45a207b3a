"""Shared reading of a clause's opening keyword (not a rule: no RULE here)."""

from __future__ import annotations

import re

from whereas.model import Clause, Resolution, Span
from whereas.patterns import lazy_compile

RECITAL_HEAD = lazy_compile(
    r"^(?P<lead>[\"“]?)(?P<kw>whereas)(?P<comma>[ \t]*[,:])?(?P<space>\s*)(?P<next>[^\s]+)?", re.I
)
RESOLVED_WORD = lazy_compile(r"\bresolved\b", re.I)
#: "that" after Resolved, an enacting phrase ("Resolved by the Senate, That") or a house's concurrence ("Resolved, the
#: House of Bishops concurring, That", "Resolved (the Senate concurring), That") between them
THAT_AFTER = lazy_compile(
    r"\bresolved\b(?P<by>\s+by\s[^,:]*?)?(?P<concur>\s*,?\s*\(?the\s+[^,:()]{1,60}?\s+concurring\)?)?"
    r"(?P<punct>\s*[,:]?)\s*(?P<that>that)\b",
    re.I,
)


def recital_head(clause: Clause) -> re.Match[str] | None:
    if is_motion(clause):
        return None
    return RECITAL_HEAD.match(clause.text)


def is_motion(clause: Clause) -> bool:
    """Whether the clause is a motion's in the British form ("Conference notes: 1. That …", "Council resolves
    to …", "That Council: 1. Notes …"): the rules written for the wording of "Whereas" and "Resolved" (their
    capitals, commas, "; and" between them, the connector) leave it alone."""
    return clause.keyword.form == "motion"


def source_span(clause: Clause, m: re.Match[str], group: str) -> Span:
    return clause.mapped.source_span(m.start(group), m.end(group))


# "; and", ";” and" (the semicolon inside a closing quotation mark), "; and," (a comma after "and")
_SEMICOLON_AND = lazy_compile(r";[\"”’']?\s*and,?$")
_CLOSING_QUOTE = lazy_compile(r"(?P<mark>[;,.:])(?P<quote>[\"”’']+)$")


# a note's number glued after the semicolon or comma that ends a recital, as a PDF's text layer gives a
# superscript call-out ("… at school;1 and", "… OAR 690-086;1 and", "… curtailment;2" or ";²", a Word endnote's
# "… only;ii and"): the punctuation ends the recital, the number is the note's
_GLUED_CALLOUT = lazy_compile(
    r"(?<=[\w)\]”\"’'][;,])(?:\d{1,2}|[ivx]{1,4}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|[ⁱᵛˣˡ]{1,6})(?=\s+and,?\s*$|\s*$)"
)


def ends_with_and(text: str) -> bool:
    # the pattern needs "and" at the end (or before a final line break): only then is it searched for
    if not text.rstrip(",").endswith(("and", "and\n")):
        return False
    return _SEMICOLON_AND.search(_GLUED_CALLOUT.sub("", text.rstrip())) is not None


def terminal(text: str) -> str:
    """The clause's text without a trailing "and" connector (and the white space before it): "and"
    after white space or right after a semicolon (";and", as ``ends_with_and`` reads it), not the end
    of "band"; a comma after it ("; and,") goes with it.  Punctuation inside a closing quotation mark
    ends the clause as it would outside (";”" → ";")."""
    text = _GLUED_CALLOUT.sub("", text.rstrip())
    if text.lower().endswith("and,"):
        text = text[:-1]
    if text.lower().endswith("and"):  # "; and", ", And" (a capital after the comma), "; AND"
        head = text[:-3]
        bare = head.rstrip()
        text = bare if len(bare) < len(head) or bare.endswith(";") else text
    m = _CLOSING_QUOTE.search(text)
    return text[: m.start("quote")] if m else text


def and_wanted(ends_with: list[bool | None], policy: str) -> list[bool] | None:
    """Whether each recital but the last should end with "; and" (W005's reading of the profile's
    ``and_policy``), given which of them do (``ends_with``; None for a recital without a terminator at all, which
    says nothing of the resolution's way); None when the preamble is acceptable as it is ("either": every recital
    has it, or only the next-to-last; "consistent": also none)."""
    has = [bool(f) for f in ends_with]
    known = [f for f in ends_with if f is not None]
    unknown = len(known) < len(ends_with)
    if policy == "either":
        if all(has) or (has[-1] and not any(has[:-1])):
            return None
        policy = "penultimate"
    elif policy == "consistent":
        # all, none, or only the next-to-last: the resolution's own way; else the way most of its recitals go
        if known and all(known):
            if not unknown:
                return None
            policy = "every"  # "…; and" / "… (no terminator)" / "…; therefore": the one without wants its "and" too
        elif not any(known) or (has[-1] and not any(has[:-1])):
            if not unknown:
                return None
            policy = "penultimate" if has[-1] else "none"
        elif sum(known) * 2 == len(known):
            return None  # as many recitals with "and" as without: which way is the slip is unsure
        else:
            policy = "every" if sum(known) * 2 > len(known) else "penultimate"
    if policy == "none":
        return [False] * len(ends_with)
    return [policy == "every" or i == len(ends_with) - 1 for i in range(len(ends_with))]


def and_evidence(text: str) -> bool | None:
    """Whether a recital ends with "; and" (True), with a terminator and no "and" (False), or with no terminator at
    all (None: a slip of its own, W004's, which says nothing of the resolution's way with "and")."""
    if ends_with_and(text):
        return True
    return False if text.rstrip().endswith((";", ",")) else None


# A recital that ends with (a piece of) a connector or a resolving phrase: "…; now, therefore, be it"
# (a recital after it: the structure is confused), "…; and be it further", "…, therefore", or a
# connector with a typo no rule can read ("…; now, therefore, bee itt": "therefore" after the
# punctuation that ends the recital, and at most two short words).  Such an ending is no place to add a terminator, an "and" or a second connector.
CONNECTOR_LIKE = lazy_compile(
    r"(?i)\b(?:now|therefore|therefor|be\s+it|he\s+it|further|resolved|resolves?|it\s+is)\W*$"
    r"|[;,:]\s*(?:now\W+)?(?:therefore|therefor|therfore)\W+[a-z]{1,4}(?:\W+[a-z]{1,4})?\W*$"
)


def after_connector(r: Resolution, c: Clause) -> bool:
    """Whether the connector stands before the clause's keyword on its line ("Therefore be it resolved,
    the NPC …", read as the connector "Therefore be it" and a clause "resolved, the NPC …"): the keyword
    word does not open the paragraph, whatever the clause's text says."""
    f = r.formula
    if f is None or f.placement != "resolved" or not r.resolved or c is not r.resolved[0]:
        return False
    return "\n" not in r.source.text[f.span.end : c.span.start]


def past_callouts(clause: Clause, at: int) -> int:
    """The source offset past the note call-outs of ``clause`` that stand right at ``at`` ("[^2]" in ";[^2]"): a
    word a fix adds after a mark goes after the call-outs that follow the mark, never between them."""
    for m in sorted(clause.markers, key=lambda m: m.span.start):
        if m.span.start == at:
            at = m.span.end
    return at


#: a keyword paired with another language's on its line: "PENDERFYNWYD / RESOLVED", "RÉSOLU | RESOLVED",
#: "WHEREAS / GAN FOD"
_PAIRED_BEFORE = lazy_compile(r"[^\W\d_]{2,}[ \t]*[/|][ \t]*$")
_PAIRED_AFTER = lazy_compile(r"[ \t]*[,:]?[ \t]*[/|][ \t]*[^\W\d_]{2}")


def paired_keyword(text: str, clause: Clause, word: Span) -> bool:
    """Whether the keyword word at ``word`` (a source span) is paired with another language's on its line
    ("PENDERFYNWYD / RESOLVED: That", "WHEREAS / GAN FOD"): the pair is the document's label, whose casing and
    punctuation no fix touches (one half rewritten would leave the other as it was)."""
    line_start = text.rfind("\n", 0, word.start) + 1
    return bool(_PAIRED_BEFORE.search(text, line_start, word.start) or _PAIRED_AFTER.match(text, word.end))


def _mostly_capitals(text: str) -> bool | None:
    """Whether ``text``'s letters are (nearly) all capitals; None when it has too few letters to say."""
    upper = lower = 0
    for ch in text:
        if ch.isupper():
            upper += 1
        elif ch.islower():
            lower += 1
    if upper + lower < 8:
        return None
    return lower * 20 <= upper + lower  # at most one letter in twenty in lowercase ("McDONALD", "10th")


def set_in_capitals(r: Resolution, clause: Clause) -> bool:
    """Whether the clause is set in capitals ("WHEREAS, THE CITY HAS …", "RESOLVED, THAT THE POST …"), or
    the resolution is (every recital and resolving clause read together, for a clause too short to say): the
    case of its keyword and of the word after it carries no information, and a casing fix would mix cases."""
    own = _mostly_capitals(clause.text[len(clause.keyword.text) :])
    if own is not None:
        return own
    return bool(_mostly_capitals(" ".join(c.text for c in r.clauses)))
