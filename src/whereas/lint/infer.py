"""Which drafting profile fits a document nobody chose one for, and why.

A resolution is held to the conventions of the body that wrote it.  Without ``--profile`` or a
configured one, :func:`infer_profile` reads who the document says it is: the format (US
legislative XML is Congress's, Chicago's council XML a city's), the body its resolving clauses and
title name (the American Library Association, a city council or county board, a union), and falls
back to Robert's Rules.  The reason is kept for the reports.

A profile that was inferred is also *adapted* to the document where a body's style leaves a choice
open (:func:`adapt`): a city council that writes ``Whereas`` (not ``WHEREAS``) all through, or a
faculty senate that never puts a comma after ``WHEREAS``, is consistent in its own style, and only
the places that break the document's own majority are reported.  The ALA and Congress profiles are
exact house styles and are never adapted; a profile given on the command line or in configuration
is never adapted either.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from whereas.lint.profiles import PROFILES, Profile
from whereas.lint.rules._keywords import terminal
from whereas.lint.rules.n005_note_reference_placement import own_placement
from whereas.lint.settings import Settings
from whereas.model import Clause, Resolution
from whereas.patterns import lazy_compile
from whereas.readers.formats import BY_NAME

__all__ = ["ProfileChoice", "adapt", "infer_profile"]


# (a NamedTuple: a frozen dataclass costs five times as much to create at start-up; docs/performance.md)
class ProfileChoice(NamedTuple):
    profile: Profile
    #: "option" (--profile), "config" (a configuration file), "default" or "inferred"
    source: str
    reason: str

    @property
    def summary(self) -> str:
        """One line for the reports: "ronr (inferred: no body's own style recognised)"."""
        return f"{self.profile.name} ({self.reason})"


_ALA = lazy_compile(r"\bAmerican Library Association\b|\bALA\b(?! Annual| Midwinter)")
# Congress's own enacting words: "Resolved by the Senate (the House of Representatives concurring), That",
# "Resolved by the Senate and House of Representatives of the United States of America in Congress assembled".
# Not a state legislature's ("Be It Resolved by the Senate of the Seventy-fifth General Assembly of the State of
# Colorado, the House of Representatives concurring herein:"), nor Congress named as whom a state's memorial
# addresses ("urge the Congress of the United States", "To the Congress of the United States of America",
# "memorializing the 119th Congress"): those are other bodies' documents, with their own styles.
_CONGRESS = lazy_compile(
    r"(?i:\bResolved by the (?:Senate|House of Representatives)\s*\((?:the\s+)?(?:Senate|House of Representatives)\s+"
    r"concurring\))|\bin Congress assembled\b"
)
_CITY = lazy_compile(
    r"\b(?:City|Town|Village|Borough|County|Township) (?:Council|Commission|Board)\b|\bBoard of (?:Aldermen|Supervisors|"
    r"Education|Commissioners)\b|\b(?:City|County) of [A-Z]\w+"
    # (the place's whole name, for the reason: "City of New York", "County of Saint-Albéric")
    # (in capitals, words after it may be the clause's own: "CITY OF DAVIS DO ORDAIN")
    r"(?:(?-i:[ -][A-Z][a-z][\w'’]*)){0,3}|\bMayor\b|\bAlderm[ae]n\b|"
    r"\b(?:School|Water|Park|Recreation|Utility|Transit|Fire|Sanitation|Irrigation|Community College) District\b|"
    r"\bordinance\b",
    re.I,
)
#: the heading GPO prints above a bill or resolution of Congress; as a PDF's text gives it too, the session on the
#: Congress's line ("119TH CONGRESS 1ST SESSION") and the margin's line number before it ("2 119TH CONGRESS …")
_GPO_HEAD = lazy_compile(
    r"^[ \t]*(?:\d{1,3}[ \t]+)?(?P<head>\d{2,3}(?:st|nd|rd|th|ST|ND|RD|TH) CONGRESS(?:[ \t]+\d(?:st|nd|ST|ND) (?:Session|SESSION))?"
    r"|IN THE (?:SENATE OF THE UNITED STATES|HOUSE OF REPRESENTATIVES))[ \t]*$",
    re.M,
)
#: a local government's name or council anywhere in the text ("the City of Rivergrove", "the County Board"); not a
#: word any text may use in passing ("our mayor", "an ordinance", "the aldermen"), which tells no speaker
_LOCAL_GOVERNMENT = lazy_compile(
    r"\b(?:City|Town|Village|Borough|County|Township) (?:Council|Commission|Board)\b|\bBoard of (?:Aldermen|"
    r"Supervisors|Commissioners)\b|\b(?:City|County|Town|Village) of (?:[A-Z][\w.]+(?:-[A-Z][\w.]*)* ){0,2}"
    r"[A-Z][\w.]+(?:-[A-Z][\w.]*)*",
)
#: a full stop after a word, not an abbreviation's ("Saint-Ours.", not "St." or "D.C.")
_SENTENCE_STOP = lazy_compile(r"(?<=[a-z]{3})\.$")
_LABOR = lazy_compile(
    r"\bAFL-CIO\b|\bLabor Council\b|\bFederation of Labor\b|\bLocal (?:Union )?(?:No\. )?\d+\b|\bInternational Union\b|"
    r"\bTeamsters\b|\bSEIU\b|\bUAW\b|\bAFSCME\b|\bIBEW\b|\bBrotherhood of\b|\bunion (?:members|membership)\b|"
    r"\b(?:this|our) (?:union|local)\b|\bProfessional Staff Congress\b|\bKnights of Labor\b",
)


#: the words a body's name is made of, besides capitalised ones ("the members of the Missouri House")
_NAME_WORDS = frozenset(
    "of the and for on in de la this our its members member delegates people citizens board council assembly body "
    "committee union local chapter association city county town village trustees directors senate house".split()
)

_T = TypeVar("_T")


def _subject(rest: str) -> str:
    """The body a resolving clause opens with, up to its verb: "the American Library Association (ALA)" of
    "that the American Library Association (ALA) calls …", "this Legislative Body" of "That this Legislative
    Body proclaims …"."""
    words: list[str] = []
    for word in rest.split()[:20]:
        bare = word.strip(',;:()"“”')
        if not bare:
            continue
        if bare[:1].isupper() or bare.lower() in _NAME_WORDS or bare.lower() == "that" and not words:
            words.append(word)
            continue
        break
    return " ".join(words)


#: the profile of a document whose body is not recognised: Robert's Rules, less the rules that hold a
#: document to one body's preferences rather than to a defect in its text (a limit on the number of
#: recitals, S004; the one-sentence preamble, W007): nobody knows the body's own guide, and on real
#: documents of unrecognised bodies these findings were style every time they were read
FALLBACK = replace(PROFILES["ronr"], disabled=(*PROFILES["ronr"].disabled, "S004", "W007"))


def infer_profile(resolutions: list[Resolution], fmt: str) -> ProfileChoice:
    """The profile whose body wrote these resolutions, with the evidence; Robert's Rules when none shows."""
    known = BY_NAME.get(fmt)
    if known is not None and known.profile is not None:  # the format tells whose documents these are
        return ProfileChoice(PROFILES[known.profile], "inferred", f"inferred: {known.title}")
    # Who resolves: the body the resolving clauses open with ("Resolved, that the American Library Association
    # …", "BE IT RESOLVED by the City Council of …"), then the title.  A body the text merely mentions (a state
    # legislature's memorial to Congress, a proclamation of National Library Week "in conjunction with the
    # American Library Association") is not the one that speaks; only a city's or county's name in the text
    # still tells a local government's document.
    # A bill as GPO prints it opens with "117th CONGRESS / 1st Session / S. RES. 92 / … IN THE SENATE OF THE
    # UNITED STATES" above the title: only Congress's own resolutions are printed so.
    first = next((c for r in resolutions for c in r.clauses), None)
    if first is not None:
        head = resolutions[0].source.text[max(0, first.span.start - 4000) : first.span.start]
        # (the heading has "CONGRESS" or "IN THE ": the pattern is searched, and compiled, only then)
        m = _GPO_HEAD.search(head) if "CONGRESS" in head or "IN THE " in head else None
        if m is not None:
            return ProfileChoice(PROFILES["congress"], "inferred", f'inferred: its heading reads "{m.group("head")}"')
    # (the enacting formula too: "NOW, THEREFORE, BE IT RESOLVED BY THE CITY COUNCIL OF …:" above "Section 1. …")
    acting = " ".join(
        [
            *(r.formula.text for r in resolutions if r.formula is not None),
            *(c.keyword.text + " " + _subject(c.text[len(c.keyword.text) :]) for r in resolutions for c in r.resolved),
        ]
    )
    named = " ".join(r.title.text for r in resolutions if r.title)
    everything = " ".join([named, *(c.text for r in resolutions for c in r.clauses)])
    bodies = ((_CONGRESS, "congress"), (_ALA, "ala"), (_LABOR, "labor"), (_CITY, "city"))
    for text, where, patterns in (
        (acting, "its resolving clauses open with", bodies),
        (named, "its title names", bodies),
        (everything, "its text names", ((_LOCAL_GOVERNMENT, "city"),)),
    ):
        for pattern, name in patterns:
            m = pattern.search(text)
            if m is not None:
                # (without the full stop of the sentence the name ends: "… the Town of Saint-Ours.")
                found = _SENTENCE_STOP.sub("", m.group(0))
                return ProfileChoice(PROFILES[name], "inferred", f'inferred: {where} "{found}"')
    return ProfileChoice(FALLBACK, "inferred", "inferred: no body's own style recognised, Robert's Rules")


#: the profiles that are a body's exact house style, never adapted to a document
EXACT = frozenset({"ala", "congress"})


def adapt(profile: Profile, resolutions: list[Resolution]) -> Profile:
    """``profile`` with the choices it leaves to the document set to what the document does most."""
    if profile.name in EXACT:
        return profile
    recitals = [c for r in resolutions for c in r.preamble if c.keyword.form == "whereas" and c.keyword.word]
    # "And whereas" is lower case because "And" comes first: it says nothing of how the keyword is written
    openers = [c for c in recitals if not c.text[: _keyword_span(c)[0]].strip(' "“*_')]
    resolved = [c for r in resolutions for c in r.resolved if c.keyword.form == "resolved" and c.keyword.word]
    changes: dict[str, Any] = {}  # the fields set to the document's own choices, on top of ADAPTED
    words = Counter(c.text[slice(*_keyword_span(c))] for c in openers)
    if words:
        changes["whereas_keyword"] = _majority(words, profile.whereas_keyword)
    commas = Counter(bool(c.keyword.punct and c.keyword.punct[1] > c.keyword.punct[0]) for c in recitals)
    if commas:
        changes["whereas_comma"] = _majority(commas, profile.whereas_comma)
    resolved_words = Counter(c.text[slice(*_keyword_span(c))] for c in resolved)
    if resolved_words:
        changes["resolved_keyword"] = _majority(resolved_words, profile.resolved_keyword)
    thats = Counter(word for c in resolved if c.keyword.that and (word := c.text[slice(*c.keyword.that)]) in _THATS)
    if len(thats) == 2:
        # "Resolved, That …" twice and "Resolved, that …" once: the document's own way is the one it keeps to
        # in two clauses of three or more; an even split sets none
        word, count = thats.most_common(1)[0]
        if count * 3 >= sum(thats.values()) * 2:
            changes["that_case"] = "That" if word == "That" else "that"
    ends = Counter(_recital_end(c.text) for r in resolutions for c in r.preamble[:-1] if c.keyword.form == "whereas")
    if sum(ends.values()) >= 2:
        end, count = ends.most_common(1)[0]
        if end in (",", ".", "") and count * 3 >= sum(ends.values()) * 2:
            # "Recalling …," (UN style), "WHEREAS … ." (each recital a sentence), "Whereas …" with no mark at all
            # (recitals set as a list under "Whereas:" or one per line)
            changes["recital_end"] = end
    placements = Counter(
        style
        for r in resolutions
        if (style := own_placement(r.source.text, [m for c in r.clauses for m in c.markers])) is not None
    )
    if placements:  # where the document's own note references stand next to punctuation (N005)
        changes["note_placement"] = _majority(placements, profile.note_placement)
    connectors = profile.connectors
    formulas = [
        " ".join(r.formula.text.split()) for r in resolutions if r.formula and r.formula.placement == "preamble"
    ]
    if formulas:
        own = Counter(formulas).most_common(1)[0][0]
        connectors = (own, *[c for c in profile.connectors if c != own])
    bare = [_ends_bare(r) for r in resolutions if _joins_bare(r)]
    if not formulas and len(bare) >= 2 and all(bare) and ";" not in connectors:
        # "Whereas, …; and / Whereas, …;" then "Resolved, That …" in every resolution of a packet (an academic
        # senate's plenary resolutions, a board's minutes): the document's own form has no "therefore, be it"
        connectors = (*connectors, ";")
    if connectors != profile.connectors:
        changes["connectors"] = connectors
    return _adapted(profile, tuple(changes.items()))


#: what every adapted profile leaves to the document, whatever it does
ADAPTED: dict[str, Any] = {
    "next_word_case": "any",
    "and_policy": "consistent",
    "that_case": "any",
    "us_form": "any",
    "connector_in_resolved": True,
    "sentence_items": True,
    "adapted": True,
}


@lru_cache(maxsize=1024)
def _adapted(profile: Profile, changes: tuple[tuple[str, Any], ...]) -> Profile:
    """``profile`` adapted, with ``changes`` (field, value) on top of ADAPTED: remembered, because ``check`` and
    ``format`` adapt the profile to every resolution of a file (``lint._lint_one``), most of them making the same
    choices, and a Profile of twenty fields made again and again cost ``format`` 5 % of its time."""
    return replace(profile, **{**ADAPTED, **dict(changes)})


def _joins_bare(r: Resolution) -> bool:
    """Whether ``r``'s recitals run straight into "Resolved" with no connector written between them."""
    return (
        bool(r.preamble)
        and bool(r.resolved)
        and r.formula is None
        and r.preamble[-1].keyword.form == "whereas"
        and r.resolved[0].keyword.form == "resolved"
    )


def _ends_bare(r: Resolution) -> bool:
    """Whether ``r``'s last recital ends with a bare ";" (no "and", no connector)."""
    return r.preamble[-1].text.rstrip().rstrip(" *_").endswith(";")


def _keyword_span(c: Clause) -> tuple[int, int]:
    """Where the keyword's word is in the clause's text (the clauses here are those that have one)."""
    assert c.keyword.word is not None
    return c.keyword.word


def _recital_end(text: str) -> str:
    """The punctuation a recital ends with, before a final "and" ("…; and" → ";", "… and" → "", ";”" → ";")."""
    body = terminal(text).rstrip(" *_)")
    return body[-1:] if body[-1:] in ";,.:" else ""


_THATS = frozenset({"that", "That"})


def _majority(counts: Counter[_T], default: _T) -> _T:
    """The most frequent choice; the profile's own when the document is split evenly."""
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return default if default in counts else ranked[0][0]
    return ranked[0][0]


def settings_for(resolutions: list[Resolution], fmt: str, settings: Settings) -> tuple[Settings, str]:
    """``settings`` with the profile inferred from the document (and adapted to it), and the reason."""
    choice = infer_profile(resolutions, fmt)
    return replace(settings, profile=adapt(choice.profile, resolutions), profile_source="inferred"), choice.reason
