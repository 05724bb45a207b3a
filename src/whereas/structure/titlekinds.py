"""What a heading or a short line says it is when it is not a title: a document's number alone ("RESOLUTION NO.
22"), its type alone ("A RESOLUTION"), a body's letterhead ("SACRAMENTO COUNTY BOARD OF EDUCATION"), a page over
several documents ("Adopted Resolutions", "Main Agenda"); and what a title's own words open with ("Relating to …",
"AN ORDINANCE OF THE CITY OF …", "Resolution on …")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whereas.patterns import lazy_compile
from whereas.structure.keywords import RESOLUTION_NUMBER
from whereas.structure.lines import heading_text
from whereas.structure.remember import remembered

if TYPE_CHECKING:
    from whereas.structure.lines import Line

__all__ = [
    "BARE_TYPE",
    "COLLECTION",
    "DATED_RESOLUTION",
    "LONG_CAPS_TITLE",
    "NAMES_DOCUMENT",
    "NAMES_RESOLUTION",
    "NAMED_RESOLUTION",
    "NUMBER_THEN_TITLE",
    "TITLE_PHRASE",
    "TITLE_WORDS_OPENING",
    "UN_SYMBOL",
    "caps_heading",
    "is_bare_type",
    "is_event",
    "is_letterhead",
    "is_number_heading",
    "section_heading",
    "type_heading",
]

# a letterhead: the name of the body alone ("SACRAMENTO COUNTY BOARD OF EDUCATION", "Board of Trustees of …")
_LETTERHEAD = lazy_compile(
    r"^(?:the\s+)?(?:[\w.&'’-]+\s+){0,6}(?:board|council|district|committee|commission|university|college|association|"
    r"union|foundation|office|department|assembly|senate|house\s+of\s+\w+|trustees|education|inc\.?|co-?operative|"
    r"municipality|shire|"
    # a league's, a federation's: "League of Women Voters of Michigan", "Michigan State AFL-CIO Federation" (a league
    # named by its place alone, "HARBOURSIDE LEAGUE", may be a title's first words: "… LEAGUE MOTION FOR …")
    r"league(?=\s+of\s)|federation|alliance|coalition|caucus|guild|"
    r"corporation|society|church|conference|organization|club|presbytery|synod|diocese|parish|local\s+\d+|"
    # a legislature: "Scottish Parliament", "Dáil Éireann", "Senedd Cymru", "Tynwald"
    r"parliament|legislature|senedd(?:\s+cymru)?|d[áa]il(?:\s+[ée]ireann)?|seanad(?:\s+[ée]ireann)?|oireachtas|tynwald|"
    r"storting(?:et)?|congress|knesset|riksdag|folketing|althing|sabha)\b(?:\s+(?:of|for|on)\s+.*)?$",
    re.I,
)


# a place's name as a letterhead: "CITY OF LAWRENCE, KANSAS", "County of Albany", "Town of Oyster Bay, New York",
# "DOUGLAS COUNTY, NEBRASKA" (the place's own words capitalised: "County of origin labeling" is no place)
_PLACE_LETTERHEAD = lazy_compile(
    r"^(?:the\s+)?(?:(?i:city|county|town|township|village|borough|parish|city\s+and\s+county)\s+(?i:of)\s+"
    r"(?:(?i:the)\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s+(?:County|COUNTY|Parish|PARISH))"
    # its state or country after a comma: ", KANSAS", ", New York", ", N.Y."
    r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?$"
)


@remembered
def is_letterhead(words: str) -> bool:
    """The name of a body alone, or of the place it governs ("CITY OF LAWRENCE, KANSAS"): a few words, no dash,
    colon or year, nothing that names a resolution or another document ("Overture 12 from the Presbytery of …")."""
    if _PLACE_LETTERHEAD.match(words) and not NAMES_DOCUMENT.search(words) and not re.search(r"[–—:]", words):
        return True
    parts = re.split(r"\s+[–—|]\s+", words)
    if len(parts) == 2 and all(is_letterhead(part) for part in parts):
        return True  # a body and its own ("UNIVERSITY OF OREGON — UNIVERSITY SENATE")
    return (
        len(words.split()) <= 10
        and not re.search(r"[–—:]|\b\d{4}\b", words)
        and bool(_LETTERHEAD.match(words))
        # (a title that opens with its participle names no body: "urging the department of transportation to …")
        and not TITLE_PHRASE.match(words)
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


NAMES_RESOLUTION = lazy_compile(r"\b(?:resolutions?|ordinance|motion|position\s+statement)\b", re.I)
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


def is_event(words: str) -> bool:
    """A meeting named with its date alone, over the resolutions it considers ("9th NATIONAL CONGRESS, 24-27 SEPTEMBER
    2024, EKURHULENI", "14th General Assembly — Nairobi, 9–11 October 2024"): a short line that names no document."""
    return len(words.split()) <= 15 and bool(EVENT.search(words)) and not NAMES_DOCUMENT.search(words)


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


#: a word that reports a vote or what was done, which a heading in capitals does not say ("MOTION CARRIED.")
_DONE = lazy_compile(
    r"\b(?:CARRIED|ADOPTED|AGREED|PASSED|LOST|DEFEATED|APPROVED|FAILED|WITHDRAWN|TABLED|REFERRED|FILED|UNANIMOUS(?:LY)?|"
    r"IS|ARE|WAS|WERE|HAS|HAVE|HAD|WILL|SHALL)\b"
)


@remembered
def caps_heading(words: str) -> bool:
    """A heading in capitals that ends with a period, as a city council's journal heads each item ("CONGRATULATIONS
    EXTENDED TO REVEREND DR. CALVIN T. MORRIS ON FORTIETH ANNIVERSARY …  CHURCH."): a name, no sentence; never a
    vote's outcome ("MOTION CARRIED.") or a line that says something ("THE MOTION WAS ADOPTED.")."""
    words = words.strip(" *_")
    letters = [ch for ch in words if ch.isalpha()]
    return (
        3 <= len(words.split()) <= 40
        and words.endswith(".")
        and not words.endswith("..")
        and len(letters) >= 12
        and all(ch.isupper() for ch in letters)
        and not _DONE.search(words)
    )


#: a UN resolution's symbol before its name: "73/7. Report of …", "80/2. Scale of assessments …"
UN_SYMBOL = lazy_compile(r"^\d{2,3}/\d{1,4}(?:\s?[A-Z])?\.\s+[A-Z]")
#: what a resolution's own name opens with: "A Resolution …", "Joint Resolution …", "Ordinance …", "Motion …"
TITLE_WORDS_OPENING = lazy_compile(r"^(?:an?\s+)?(?:joint\s+|concurrent\s+)?(?:resolutions?|ordinance|motion)\b", re.I)

# A bill's or memorial's title phrase ("Relating to …", "Memorializing …"), which may end with a period
TITLE_PHRASE = lazy_compile(
    r"^(?:relating\s+to|relative\s+to|in\s+relation\s+to|concerning|memorializing|urging|commending|honoring|honouring|"
    r"congratulating|mourning|designating|proclaiming|"
    # a Congress or state resolution's title: "Observing the 10th anniversary of …", "Expressing the sense of …"
    r"expressing|recogni[sz]ing|supporting|observing|condemning|calling\s+(?:on|for|upon)|(?:re)?affirming|"
    r"encouraging|celebrating|commemorating|acknowledging|authori[sz]ing|requesting|establishing|amending|"
    r"providing\s+for|electing|remembering|welcoming|opposing|declaring|directing|disapproving|requiring|"
    r"thanking|raising\s+a\s+question|"
    # a state resolution's purpose under "A RESOLUTION": "To commend the Riverside High School robotics team …"
    # (not an address: "To the Honorable the Senate …")
    r"to\s+(?:commend|congratulate|honou?r|recogni[sz]e|urge|request|memoriali[sz]e|express|designate|create|"
    r"establish|support|declare|amend|provide|direct|encourage|authori[sz]e|adopt|approve|celebrate|mourn|proclaim|"
    r"commemorate|continue|study|oppose|condemn|affirm|reaffirm|acknowledge|observe|thank|welcome))\b",
    re.I,
)

# a resolution named by its body and date, as the European Parliament names its own: "European Parliament
# resolution of 9 April 2026 on the safety of cyclists on rural roads (2026/2555(RSP))"
DATED_RESOLUTION = lazy_compile(
    r"^(?:[A-Z][\w'’-]*\s+){1,5}resolution\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+(?:on|concerning|about|with)\s"
)

# "AN ORDINANCE OF THE CITY OF …", "A RESOLUTION OF THE BOARD OF SUPERVISORS OF …", "RESOLUTION DIRECTING THE
# CITY MANAGER TO …", "A RESOLUTION INDICATING THE INTENT …", a state's "A CONCURRENT MEMORIAL URGING CONGRESS TO …":
# what a long title in capitals opens with
LONG_CAPS_TITLE = lazy_compile(
    r"^(?:AN?\s+)?(?:(?:CONCURRENT|JOINT|HOUSE|SENATE)\s+)?(?:RESOLUTION|ORDINANCE|MEMORIAL)\s+(?:OF\s+THE\s|[A-Z]{3,}ING\s)"
)

#: a measure's number, a dash and its title: "Assembly Joint Resolution No. 12—Relative to wildfire smoke …"
NUMBER_THEN_TITLE = lazy_compile(
    r"^(?:[\w.]+\s+){0,3}(?:resolution|bill|measure)\s*(?:no\.?|number|#|№)\s*[\w./-]+\s*(?:[—–]|\s-{1,2}\s)\s*(?P<rest>\S.*)$",
    re.I,
)

# "Resolution on …", "Joint Resolution in relation to …": a resolution's name, even as a sentence
NAMED_RESOLUTION = lazy_compile(
    r"^(?:an?\s+)?(?:joint\s+|concurrent\s+)?resolutions?\s+(?:on|to|for|in\s+relation\s+to|relating\s+to|regarding|"
    r"concerning|in\s+support\s+of|opposing|supporting|authorizing|approving|declaring|directing|urging|recognizing|"
    r"honoring|commending)\b",
    re.I,
)


def section_heading(before: list[Line], headings: list[Line]) -> list[Line] | None:
    """The heading of the page's section that holds the resolution, when the page's own heading names an issue or the
    page ("# June Neighborhood Update" / "Dear neighbors, …" / "## Board Resolution on the 44th Street Bike Lane" right
    above the clauses): a heading one level down or more that names the resolution and stands right above the
    clauses (its date or tally at most between them), with the page's prose between it and the page's heading, which
    names no document. Else None."""
    if len(headings) < 2:
        return None
    nearest = headings[-1]
    words = heading_text(nearest)
    if (
        any(_sentence(ln) or ln.kind not in ("blank", "text") for ln in before if ln.start > nearest.start)
        or not NAMES_DOCUMENT.search(words)
        or is_number_heading(words)
        or is_bare_type(words)
    ):
        return None
    above = [h for h in headings[:-1] if h.level < nearest.level]
    if not above or any(NAMES_DOCUMENT.search(heading_text(h)) for h in above):
        return None
    prose = any(_sentence(ln) for ln in before if above[-1].start < ln.start < nearest.start)
    return [nearest] if prose else None


def _sentence(line: Line) -> bool:
    """A line of prose: a letter's greeting ("Dear neighbors,") or a sentence, not a heading's date or tally line
    ("Adopted June 4, 2025 — 9 in favor, 1 opposed")."""
    return (
        line.kind == "text"
        and len(line.text.split()) >= 2
        and line.text.rstrip(" *_").endswith((".", "!", "?", ",", ":"))
    )
