"""Lines that are never a resolution's title, or part of one: dates, memo and form fields, a bill's session
and clerk lines, report headings, signers' roles, an order paper's "… to move:" (``titles`` cuts title blocks
at them)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whereas.patterns import lazy_compile
from whereas.structure.keywords import PLACE_OFFICE
from whereas.structure.movers import MOVED_LINE

if TYPE_CHECKING:
    from whereas.structure.lines import Line

__all__ = ["BYLINE", "DATE_LINE", "FIELD_LINE", "form_fields", "MEMBER_LINE", "NEVER_TITLE", "NOT_TITLE"]

# A date line ("June 18, 2020", "August 9–10, 1999", "2020-06-18"): printed with the title, not part of it
DATE_LINE = lazy_compile(
    r"^(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+"
    r"\d{1,2}(?:\s*[-–]\s*\d{1,2})?,?\s+\d[\d ]{3,5}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\.?$",
    re.I,
)
# A line that is never part of a title: a date, a memo line, a bill's session, assembly and clerk lines,
# a document type alone ("AN ACT"), a labelled or introducing line ("… as follows:"), a signer's role line
NEVER_TITLE = lazy_compile(
    r"(?:" + DATE_LINE.pattern + r")|"
    r"^(?:to|from|date|cc|re|attachments?|agenda\s+item|meeting\s+date|item|page|type|status|motion|background|"
    # a staff report's fields around the resolution it presents
    r"recommendation|recommended\s+(?:by|action)|prepared\s+by|reviewed\s+by|(?:financial|fiscal)\s+impact|"
    r"staff\s+contact|purpose|action\s+requested|"
    # a Model UN's or a conference's form fields
    r"signator(?:y|ies)|committee|council|country|delegations?|submitted\s+to|vote|votes)\b\s*[:#]"
    r"|^(?:agenda\s+)?item\s+[\w.-]+$|^page\s+\d+(?:\s+of\s+\d+)?$"
    # an assembly's session heading with its agenda item ("SEVENTY-NINTH WORLD HEALTH ASSEMBLY Agenda item 13.2")
    r"|.*\bagenda\s+item\s+[\w.-]+$"
    # a report's section headings: "3. RECOMMENDATION BY THE EXECUTIVE MAYOR", "1. PURPOSE OF REPORT"
    r"|^(?:\d{1,2}\.?\s+)?(?:(?:officer'?s?|staff|committee)\s+)?(?:recommendations?|purpose\s+of\s+(?:the\s+)?report|"
    r"background|discussion|financial\s+implications|legal\s+implications)(?:\s+(?:by|of|from)\s+.*)?$"
    r"|^(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+(?:regular|special|extraordinary)\s+session\b"
    r"|^\d(?:st|d|nd)\s+session$"  # a bill's "1st Session", "2d Session" (the Government Publishing Office's)
    r"|^\d+(?:st|nd|rd|th)\s+(?:general\s+assembly|legislature|congress)\b"
    r"|^(?:an\s+act|a\s+bill)$"
    # a company's circular: "THIS DOCUMENT IS IMPORTANT AND REQUIRES YOUR IMMEDIATE ATTENTION", "(incorporated in
    # England and Wales with registered number 08812345)", "(Registered in Ireland No. 123456)"
    # the summary a bill prints under its title: California's "LEGISLATIVE COUNSEL'S DIGEST"
    r"|^legislative\s+counsel['’]?s\s+digest$"
    r"|^this\s+document\s+is\s+important\b.*|^\((?:incorporated|registered)\s+in\b.*\)$"
    # a memorial's or a petition's address, "To the Congress of the United States of America:", "To the Honorable
    # …, President of the United States, and to …:", and a bill's "(TEXT OF BILL BEGINS ON NEXT PAGE)"
    r"|^to\s+(?:the\s+)?(?:honorable|congress|president|senate|house|legislature|governor|secretary)\b.*:$"
    r"|^\(text\s+of\s+(?:the\s+)?(?:bill|resolution|memorial)\s+begins\s+on\s+(?:the\s+)?next\s+page\)$"
    # a year alone on its line (a session block's "Second Regular Session / 2026")
    r"|^(?:1[6-9]|20)\d\d$"
    # an order paper's mover under the motion's title: "(Moved by Hon. A, Woman Representative, Tororo District)"
    r"|^\((?:moved|proposed|seconded|sponsored|introduced|submitted|presented)\s+by\b.*\)$"
    # (a clerk's line, not a title that names the clerk: "A RESOLUTION AUTHORIZING THE TOWN CLERK TO APPLY …",
    # "Ordinance directing the City Clerk to …")
    r"|(?!(?:an?\s+)?(?:(?:joint|concurrent|house|senate)\s+)?(?:resolution|ordinance|memorial)\s+(?!no\b)[a-z]{2,})"
    r".*\bclerk\b|.*(?:follows|following|\bresolves?|\bresolved|\bordain(?:s|ed)?|\benact(?:s|ed)?)\b.*:$|^\[.*\]$|^resolution\s+adopted\s+by\b|^distr\.:|^agenda\s+item\s+\d+$"
    r"|^(?:duly\s+)?(?:adopted|passed|approved|presented|introduced)\s+(?:by|on)\b|^submitted\s+(?:for|to|by)\b"
    r"|^(?:private\s*(?:&|and)\s*)?confidential$|^(?:the\s+)?(?:proposed\s+)?text\s+of\s+(?:the\s+)?(?:initiative|ordinance|resolution|measure)\b"
    r"|^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3},\s+(?:board\s+|city\s+|district\s+)?"
    r"(?:secretary|clerk|president|chair(?:man|woman|person)?|treasurer|director)$"
    # a bill's committee history: "Reported by Mr. Menendez, without amendment", "Reported without amendment"
    r"|^reported\s+(?:by|with|without)\b"
    # a synod's order paper: "The Revd Canon A (Hereford) to move:", "… to move on behalf of the … Synod:", and its
    # session ("FEBRUARY GROUP OF SESSIONS 2026")
    r"|.*\bto\s+move(?:\s+on\s+behalf\s+of\b.*)?:?$|^(?:\w+\s+)?group\s+of\s+sessions\b"
    # a form's numbered field: "Collaborator No: 845221", "IDP KPA Ref No: Good Governance", "File Number: 26-0142"
    r"|^[\w ./()-]{0,30}\b(?:no|number|ref(?:erence)?|code|id)\.?\s*:\s*\S"
    # a company's letterhead fields: "CIN: U15400MH2014PTC254871", "Regd. Office: Plot No. 14, …", "Tel: …"
    r"|^(?:cin|gstin|pan|tel|phone|fax|e-?mail|website|web|regd\.?\s+office|registered\s+office)\s*:"
    # a convention resolution's header fields: "ORIGIN: Department of Ohio" (the American Legion's, the VFW's),
    # "Floor Manager: …", "Cost implication: $25,000", "Disposition: Adopted"
    r"|^(?:origin|originat(?:or|ed\s+by|ing\s+(?:body|unit|committee))|source|category|jurisdiction|referred\s+to|"
    r"floor\s+manager|cost(?:\s+implications?|\s+estimate)?|disposition|rationale|deadline|referral)\s*:"
    # a record line printed under the sponsors, without a colon: where the resolution went and who endorsed it ("Referred
    # to the Committee on Resolutions", a union convention's; "Endorsed by District 5020 District Conference, 10 May
    # 2025", a Rotary or Lions proposal's; "Considered by the Policy Committee")
    r"|^(?:referred|remitted|assigned)\s+to\s+(?:the\s+)?(?:[\w&'’-]+\s+){0,5}(?:committees?|sub-?committee|commission|"
    r"panel|caucus|conference|convention|board|council)\b"
    r"|^(?:endorsed|considered|supported|concurred\s+(?:in|with))\s+(?:by|at)\s+(?:the\s+)?(?-i:[A-Z0-9])"
    # a council's minutes' mover and seconder without a colon: "Moved Cr Harrington", "Seconded Cr Nguyen"
    + r"|"
    + MOVED_LINE
    # a form's vote and committee fields: "Full Board Vote: 31 In Favor 0 Against 1 Abstaining", "Committee Vote: …",
    # "Roll Call Vote:", "Committee of Origin: Transportation" (a community board's), and a tally in a cell of its
    # own under its label ("31 In Favor 0 Against 1 Abstaining", "7 Yes, 2 No")
    + r"|^(?:full\s+board|board|committee|council|roll[\s-]+call|final|recorded|general\s+membership|membership)\s+"
    r"votes?\s*:|^committee\s+of\s+origin\s*:"
    r"|^\d+\s+(?:in\s+favou?r|for|yes|yeas?|ayes?)\b[^:]{0,40}?\b\d+\s+(?:against|opposed|no|noes|nays?)\b.*"
    # (and a tally's line the cell wrapped: "Abstentions 0 Present/Not Voting"): tally words and counts only
    r"|^(?=.*\d)(?=.*\b(?:abstain|abstaining|abstentions?|favou?r|against|opposed|voting|absent|recused|ayes|nays)\b)"
    r"(?:(?:\d+|in\s+favou?r|for|against|opposed|abstentions?|abstaining|abstain|present|not\s+voting|absent|recused|"
    r"yes|no|ayes?|nays?|yeas?)[\s/,;-]*)+$"
    # a legislature's court and its years between the rules of its heading: "In the One Hundred and Ninety-Fourth
    # General Court" / "(2025-2026)" (Massachusetts')
    r"|^in\s+the\s+(?:[\w-]+\s+){1,8}general\s+court\b.*|^\((?:1[6-9]|20)\d\d\s*[-–]\s*(?:(?:1[6-9]|20)\d\d|\d\d)\)$"
    # a voting system's dates and quorum: "Discussion: 03/02/2026 - 03/15/2026", "Presens Quorum: 0.6666"
    r"|^(?:discussion|voting|ballot(?:ing)?|comment)(?:\s+period)?\s*:\s*[\d/.-]{6,10}\b|^(?:[\w-]+\s+)?quorum\s*:"
    # a form's field of when: "Date of First Reading: February 6, 2025", "Date Lodged: 14/04/2024", "Date of duly
    # convened meeting: 2024-08-19", "First Reading: …", "Committee Referral: …"
    # (not a number line with its date: "Resolution No. 2026-031     Date: March 9, 2026")
    r"|^(?![^:]*\b(?:resolutions?|motions?|ordinances?|bills?)\b)(?:[\w'’.-]+ ){0,5}?(?:dates?|dated|lodged|tabled|(?:first|second|third|final) reading|referral)\b"
    r"(?: [\w'’.-]+){0,5}[ \t]*:[ \t]*\S"
    # a form's field of where: "Province: Saskatchewan", "Constituency: Argyll and Bute", "Venue: …"
    r"|^(?:province|state|county|territory|region|district|ward|constituency|riding|electorate|municipality|"
    r"location|venue)\s*:\s*\S"
    # a form's label that is a phrase cut before its blank: "The Council of the: Wapiti Lake Cree Nation"
    r"|^(?![^:]*\b(?:resolutions?|motions?|ordinances?|bills?)\b)(?:[\w'’.-]+ ){1,6}(?:of|the|for|by|at)[ \t]*:[ \t]*\S"
    # a journal's running heads: its name and the sitting's date, the date, the section and the page's number
    # ("JOURNAL--CITY COUNCIL--CHICAGO 7/16/2025", "7/16/2025 AGREED CALENDAR 24581"), in capitals
    r"|^(?:\d{1,6}\s+)?\d{1,2}/\d{1,2}/\d{4}(?:[\s-]+(?-i:[A-Z][A-Z.'’&]*)){1,6}(?:\s+\d{1,6})?$"
    r"|^(?:\d{1,6}\s+)?(?-i:[A-Z][A-Z.'’&]*)(?:[\s-]+(?-i:[A-Z][A-Z.'’&]*)){0,7}[\s-]+\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,6})?$"
    # an officer of the body printed in the letterhead's sidebar: "PRESIDENT Mark Macarro Pechanga Band of Indians",
    # "FIRST VICE-PRESIDENT Brian Weeden …", "RECORDING SECRETARY …" (the office in capitals, then the name)
    r"|^(?-i:(?:(?:FIRST|SECOND|THIRD|FOURTH|RECORDING|CORRESPONDING|EXECUTIVE|FINANCIAL)\s+)?(?:VICE[- ])?"
    r"(?:PRESIDENT|SECRETARY|TREASURER|CHAIR(?:MAN|WOMAN|PERSON)?|DIRECTOR|PARLIAMENTARIAN)\s+[A-Z][a-z]).*",
    re.I,
)

# a form's field: a short label, not one that names the document ("Resolution 12: Support for …" may be its title),
# and its value: "Sub-Branch:          Wauchope RSL Sub-Branch" (set off in a column: a tab or three spaces or more,
# read on the line as written, as NEVER_TITLE cannot), "District Council: Mid North Coast" (among other fields)
_FIELD = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?![^:\n]*\b(?i:resolutions?|motions?|ordinances?|bills?|memorials?|petitions?)\b)"
    r"[A-Za-z][\w'’.()/&-]*(?: [\w'’.()/&-]+){0,4}:(?:\*\*|__)?(?P<gap>[ \t]+)\S"
)

#: a form's labelled line, read as written: "Committee: 11 – Stewardship", "House of Initial Action: Deputies"
FIELD_LINE = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?[A-Z][\w'’.()/&-]*(?:[ \t]+[\w'’.()/&-]+){0,4}(?:\*\*|__)?[ \t]*:[ \t]+\S"
)


def form_fields(lines: list[Line]) -> set[int]:
    """Where the lines of a form's fields start: a label with its value set off in a column, or two such lines or more
    one under the other ("Sub-Branch: Wauchope RSL Sub-Branch" / "District Council: Mid North Coast"), a label in bold
    ("**Total Number of Pages:** 1"), a labelled line under a sponsor's, a title's or another field's line, blank lines
    between them or not ("Submitted by: …" / "Policy Area: Health"), and any labelled line of a form that has its own
    "Title:" field (a petition's
    "Discipline/Resolution: Book of Resolutions", "Financial Implications: None"). A form's fields are never part of a
    title."""
    fields: set[int] = set()
    run: list[int] = []  # the starts of the fields one under the other so far
    titled = any(ln.kind == "meta" and _TITLE_FIELD.match(ln.text) for ln in lines)
    among = False  # whether the lines above, blank ones aside, are labelled: a sponsor's, a title's or a field's
    for line in lines:
        if line.kind == "text" and ":" in line.text and (titled or "**" in line.text or "__" in line.text):
            labelled = _LABEL_VALUE.match(line.text)
            if labelled and (titled or labelled.group("bold")) and not _DOCUMENT_LABEL.match(labelled.group("label")):
                fields.add(line.start)
        m = _FIELD.match(line.text) if line.kind == "text" else None
        if m is not None and ("\t" in m.group("gap") or len(m.group("gap")) >= 3):
            fields.add(line.start)  # (a column)
        if m is not None and among:
            # under a sponsor's or another field's line, a paragraph of its own or not ("Submitted by: …" / blank /
            # "Committee recommendation: Adopt", "Topic: …" / "Committee: 11 – Stewardship"): the form's next field
            fields.add(line.start)
        if line.kind != "blank":
            among = m is not None or line.kind in ("sponsor", "meta")
        if m is not None:
            run.append(line.start)
            continue
        if len(run) >= 2:
            fields.update(run)
        run = []
    if len(run) >= 2:
        fields.update(run)
    return fields


#: a form's own title field, with its value: "Title: Ending Cash Bail", "**Resolution Title:** …"
_TITLE_FIELD = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?:resolution\s+|petition\s+|motion\s+)?title(?:\*\*|__)?[ \t]*:[ \t]*\S", re.I
)
#: a labelled line, its label in bold or not: "**Total Number of Pages:** 1", "Financial Implications: None"
_LABEL_VALUE = lazy_compile(
    r"^[ \t]*(?P<bold>\*\*|__)?(?P<label>[A-Za-z][\w'’.()/&-]*(?:[ \t]+[\w'’.()/&-]+){0,5})"
    r"(?:(?(bold)(?::(?:\*\*|__)|(?:\*\*|__):)|:))[ \t]+\S"
)
#: a label that is the document's own type or number ("Resolution:", "Resolution 12:", "Motion No. 4:"): its value
#: may be the title
_DOCUMENT_LABEL = lazy_compile(
    r"^(?:[\w'’-]+[ \t]+)?(?:resolutions?|motions?|ordinances?|bills?|memorials?|petitions?|overtures?)"
    r"(?:[ \t]*(?:no\.?|number|#)?[ \t]*[\w.-]*\d[\w./-]*)?$",
    re.I,
)


#: a byline: "By Jane Reporter", with the reporters after it, their role and the dateline after a bar or a dot ("By
#: Megan Torres, Staff Writer | Published October 9, 2025", "By Ana Ruiz and Li Wei · Oct. 9, 2025")
_REPORTER = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+"
BYLINE = lazy_compile(
    rf"^By\s+{_REPORTER}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_REPORTER}){{0,3}}"
    r"(?:\s*[|·•—–]\s*(?i:published|updated|posted|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d).*)?$"
)
# what heads a memo or a page and never names a resolution
NOT_TITLE = lazy_compile(
    r"^(?:to|from|date|sent|cc|bcc|referred\s+to|prepared\s+by|reviewed\s+by|contact|department|fiscal\s+(?:impact|note)|"
    r"status|location|adopted|effective|passed|approved|dated|attachments?|agenda\s+item|meeting\s+date|item|page)\b\s*[:#]|^(?:staff\s+report|agenda|minutes|draft|"
    r"page\s+\d+(?:\s+of\s+\d+)?|for\s+immediate\s+release|template|(?:attachment|exhibit|appendix|annex)\s+[\w.-]{1,6})\s*$"
    # the minutes a resolution is recorded in: "Minutes of the Monthly Meeting held on Tuesday 3rd February 2026"
    r"|^minutes\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}(?:meeting|session|sitting)\b"
    # when it was adopted, without a colon: "Adopted March 12, 2026", "Approved on 3 May 2025"
    r"|^(?:adopted|approved|passed|dated|effective)(?:\s+(?:on|as\s+of))?\s+[\w ,.]{0,30}\b(?:1[6-9]|20)\d{2}\.?$",
    re.I,
)
# the member who gives notice of a motion, alone on a line: "Sen. Peter Otieno Kamau", "Hon. Alice Wanjala, MCA
# (Shinoyi Ward)", "Cllr Jane Doe": a sponsor, never part of the title
MEMBER_LINE = lazy_compile(
    r"^\(?(?:[Tt]he\s+)?(?:[Hh]on(?:ourable|orable)?\.?|Sen\.|Senator|Cllr\.?|Councillor|Rep\.)\s+(?:[A-Z][\w.'’-]*\s*){1,5}"
    r"(?:,\s*(?:MCA|MP|MLA|MPP|MHA|MSP|MS|TD)\b[^;:]*"
    # and their office of a place: "The Honorable Marcus J. Bell, Mayor of Eastport"
    r"|,\s*(?:(?:Vice|Deputy|Acting)[ -])?" + PLACE_OFFICE + r"\s+of\b[^;:]*)?\)?$"
)
