"""What a heading or a short line says it is when it is not a title: a document's number alone ("RESOLUTION NO.
22"), its type alone ("A RESOLUTION"), a body's letterhead ("SACRAMENTO COUNTY BOARD OF EDUCATION"), a page over
several documents ("Adopted Resolutions", "Main Agenda")."""

from __future__ import annotations

import re

from whereas.patterns import lazy_compile
from whereas.structure.keywords import RESOLUTION_NUMBER
from whereas.structure.remember import remembered

__all__ = [
    "BARE_TYPE",
    "COLLECTION",
    "NAMES_DOCUMENT",
    "NAMES_RESOLUTION",
    "is_bare_type",
    "is_letterhead",
    "is_number_heading",
    "type_heading",
]

# a letterhead: the name of the body alone ("SACRAMENTO COUNTY BOARD OF EDUCATION", "Board of Trustees of …")
_LETTERHEAD = lazy_compile(
    r"^(?:the\s+)?(?:[\w.&'’-]+\s+){0,6}(?:board|council|district|committee|commission|university|college|association|"
    r"union|foundation|office|department|assembly|senate|house\s+of\s+\w+|trustees|education|inc\.?|co-?operative|"
    r"municipality|shire|"
    r"corporation|society|church|conference|organization|club|presbytery|synod|diocese|parish|local\s+\d+)\b(?:\s+(?:of|for|on)\s+.*)?$",
    re.I,
)


@remembered
def is_letterhead(words: str) -> bool:
    """The name of a body alone: a few words, no dash, colon or year, nothing that names a resolution or another
    document ("Overture 12 from the Presbytery of …")."""
    return (
        len(words.split()) <= 10
        and not re.search(r"[–—:]|\b\d{4}\b", words)
        and bool(_LETTERHEAD.match(words))
        # (a committee named for what it handles, "Resolutions Committee", "Committee on Resolutions", is a body)
        and not NAMES_DOCUMENT.search(_COMMITTEE_NAME.sub("", words))
    )


_COMMITTEE_NAME = lazy_compile(
    r"\b(?:resolutions?|motions?|bills?|petitions?)\s+committee\b|\bcommittee\s+on\s+(?:resolutions?|motions?|bills?|petitions?)\b",
    re.I,
)


#: what the document is, alone: "A resolution", "Concurrent Resolution", "NOTICE OF MOTION", "Ordinance."
BARE_TYPE = lazy_compile(
    r"^(?:an?\s+)?(?:joint\s+|concurrent\s+|house\s+|senate\s+|council\s+|board\s+|committee\s+)?(?:resolutions?|"
    r"(?:notice\s+of\s+|substantive\s+|emergency\s+|urgent\s+|composite\s+)?motion|ordinance)\.?"
    # how it was voted: "COUNCIL RESOLUTION (Majority vote with abstentions)"
    r"(?:\s*\([^()]{0,60}\bvote\b[^()]{0,60}\))?$",
    re.I,
)


NAMES_RESOLUTION = lazy_compile(r"\b(?:resolutions?|ordinance|motion)\b", re.I)
# what names a document of its own under a body's name: "Resolution 2025-07: …", "Senate Bill 25-F-07", "Overture 12"
NAMES_DOCUMENT = lazy_compile(
    r"\b(?:resolutions?|ordinances?|motions?|memorials?|petitions?|overtures?|bills?|proclamations?)\b", re.I
)


#: a heading that only numbers a document: "Senate Bill 25-F-07", "Motion 14", "Ordinance No. 2025-3", "HB 1021"
_NUMBERS_DOCUMENT = lazy_compile(
    r"^(?:[\w.]+\s+){0,3}(?:bill|motion|ordinance|overture|memorial|proclamation|petition)\s*(?:no\.?|number|#|№)?"
    r"\s*[A-Z]{0,3}[ .-]?\d[\w./-]*$",
    re.I,
)


@remembered
def is_number_heading(raw: str) -> bool:
    """Whether a heading only gives a resolution's or another document's number ("RESOLUTION NO. 22",
    "Senate Bill 25-F-07"): the heading beside it names it."""
    words = " ".join(re.sub(r"[*_`{}]", "", raw).split())
    return bool(
        RESOLUTION_NUMBER.match(words)
        or _NUMBERS_DOCUMENT.match(words)
        or _CONGRESS_GOV.match(words)
        or _IDENTIFIER.match(words)
    )


# a document's number alone: "26-R-19", "2026/047", "R-2026-14" (one word of at most 20 characters, digits in it)
_IDENTIFIER = lazy_compile(r"^(?=[^\s]{2,20}$)[\w./#-]*\d[\w./#-]*$")


# congress.gov's page heading: the measure's number and the Congress ("S.Res.598 — 119th Congress (2025-2026)",
# "Text: H.Con.Res.14 — 118th Congress (2023-2024)")
_CONGRESS_GOV = lazy_compile(
    r"^(?:text:\s*)?(?:S|H)\.\s?(?:(?:Con\.|J\.)\s?)?Res\.\s?\d{1,5}\s+[—–-]\s+\d{2,3}(?:st|nd|rd|th)\s+Congress\b",
    re.I,
)


#: a heading over several documents: "Resolutions adopted at …", "Minutes of …", "Agenda", "Proceedings"
COLLECTION = lazy_compile(r"\b(?:resolutions|motions|minutes|agenda|proceedings)\b", re.I)
#: a post's or an article's headline that reports what was done with a resolution: "Board adopts resolution supporting
#: the Riverside Greenway", "Council Passes Resolution Opposing …", "Senate approved a resolution on …"
HEADLINE = lazy_compile(
    r"\b(?:adopts?|adopted|pass(?:es|ed)?|approv(?:es|ed)|endors(?:es|ed)|backs|backed|votes?|voted|unveils|issues)\s+"
    r"(?:(?:a|an|the|its|new|\d+)\s+)?(?:resolutions?|motions?)\b",
    re.I,
)
#: a meeting named with its year, over the resolutions it considers: "Southeastern Pennsylvania Synod Assembly 2026",
#: "2026 Annual Convention", "103rd Annual Meeting, 2025"
EVENT = lazy_compile(
    r"\b(?:assembly|convention|conference|congress|meeting|synod|session|summit|caucus|plenary|agm)\b.*\b(?:19|20)\d{2}\b"
    r"|\b(?:19|20)\d{2}\b.*\b(?:assembly|convention|conference|congress|meeting|synod|session|summit|caucus|plenary|agm)\b",
    re.I,
)


@remembered
def type_heading(raw: str) -> bool:
    """A heading that only says what the document is, over the heading that names it: "Motion", "NOTICE OF
    MOTION", "Proclamation" (over "## Arbor Day, April 24, 2026"), "Memorial", "Petition"."""
    words = " ".join(re.sub(r"[*_#]", "", raw).split())
    return is_bare_type(words) or bool(
        re.fullmatch(r"(?:an?\s+)?(?:proclamation|memorial|petition|overture)", words, re.I)
    )


@remembered
def is_bare_type(words: str) -> bool:
    """Whether a line only says what the document is ("Motion", "A RESOLUTION"), not what it is about."""
    return bool(BARE_TYPE.match(" ".join(re.sub(r"[*_#]", "", words).split())))
