"""The keyword grammar: how recitals, resolving clauses and the connector between them open.

One place for every form whereas recognises.  The line patterns decide where clauses start (used
by ``lines`` and ``grouping``); :func:`read_keyword` reads a finished clause's opening into a
:class:`~whereas.model.Keyword` that the lint rules use instead of matching the text again.
"""

from __future__ import annotations

import re

from whereas.model import ClauseKind, Keyword, KeywordForm
from whereas.patterns import lazy_compile

# What may stand before a keyword: indentation, a block-quote ">", a stray Markdown heading
# mark (scraped pages), a transcription placeholder ("{signature}, BE IT RESOLVED"), emphasis and
# the quotation mark of a text that quotes the resolution (`*"Resolved,* That …`).
LEAD = (
    r"^[ \t]*(?:>[ \t]*)?(?:#{1,6}[ \t]+)?(?:\{\{?[^{}\n]{0,60}\}\}?,?[ \t]*)?"
    r"(?:\*\*|\*|__|_)?(?:[\"“]\s*)?(?:\*\*|\*|__|_)?[ \t]*"
)
EMPH = r"(?:\*\*|\*|__|_)?"

# "WHEREAS" as an OCR misreads its letters: "IVHEREAS", "VVHEREAS", "WIIEREAS", "WHEREA5", "Wliereas"
# (never an English word: "Whereby", "Whereat" keep their letters)
OCR_WHEREAS = (
    r"(?!WHEREAS\b|Whereas\b)"
    r"(?:(?:W|VV|IV|Vv|\\/\\/)(?:H|II|I-I|Il|lI)(?:E|F|B)(?:R|K)(?:E|F|B)(?:A|4)(?:S|5|\$)"
    r"|W(?:h|li|b)(?:e|c)r(?:e|c)(?:a|o)(?:s|a|5))(?=[\s,:;.])"
    # a council journal's OCR that put a space inside the capitals: "WHERE AS,", "WHEREA S," (its comma or colon
    # right after: "WHERE AS A RESULT" in a heading is no recital)
    r"|(?:WHERE[ ]AS|WHEREA[ ]S|WH[ ]EREAS|WHE[ ]REAS|WHER[ ]EAS)(?=[ \t]*[,:])"
)
# "WHEREAS", "And whereas", and an OCR-misread joiner before it ("ASN WHEREAS")
RECITAL = lazy_compile(
    LEAD
    # ("And whereas …" after "Whereas …;", as Canadian municipal associations write it)
    + r"(?:(?:And|AND)[ \t]+whereas\b|(?:(?:And|AND|[A-Z]{2,4})[ \t]+(?=WHEREAS|Whereas))?(?:Whereas|WHEREAS|"
    + OCR_WHEREAS
    + r")\b)(?:\*\*|\*|__|_)?[ \t]*[,:]?"
)
_OCR_WHEREAS = lazy_compile(OCR_WHEREAS)
# A recital or resolving clause set as a list's entry: "1. WHEREAS, …", "- Whereas …", "2. RESOLVED, that …" (Word's
# automatic numbering, a Markdown list).  After a label, "Resolved" must be followed by its comma, colon or "that"
# ("- Resolved 26 Jira tickets" in a report is a verb, "* Resolved: 177" a count).
LABELLED_KEYWORD = lazy_compile(
    r"^[ \t]*(?:(?:\d{1,3}|[a-z])[.)]|\((?:\d{1,3}|[a-z])\)|[*•▪‣●+-])[ \t]+(?:\*\*|\*|__|_)?"
    # the quotation mark of an extract that quotes the resolutions whole: '1.     “RESOLVED THAT …'
    r"(?:[\"“][ \t]*(?:\*\*|\*|__|_)?)?"
    r"(?:(?P<recital>(?:(?:And|AND)[ \t]+)?(?:WHEREAS|Whereas)\b)"
    r"|(?P<resolved>(?:(?:NOW|Now)[, \t]+(?:THEREFORE|therefore)[, \t]+)?(?:(?:BE|Be)[ \t]+(?:IT|it)[ \t]+"
    r"(?:(?:FURTHER|further|FINALLY|finally)[ \t]+)?|(?:FURTHER|Further)[ \t]+)?(?:RESOLVED|Resolved)"
    # "2. RESOLVED FURTHER THAT …" (an Indian company's or trust's form), "3. FURTHER RESOLVED, that …"
    r"(?:[ \t]+(?:FURTHER|further|Further))?(?:\*\*|\*|__|_)?"
    # (or its enacting phrase: "1. Resolved by the General Assembly of the State of Ohio, That …"; an English parish
    # council's minuted item, "a) RESOLVED to approve payments …": in capitals only)
    r"(?=[ \t]*,|[ \t]*:(?![ \t]*\d)|[ \t]+(?:that|That|THAT)\b|[ \t]+(?:by|BY)[ \t]+(?:the|this|THE|THIS)[ \t]+[A-Z]"
    r"|(?<=RESOLVED)[ \t]+(?:to|TO)[ \t]+[a-zA-Z])))"
)
# a student government's "LET IT BE RESOLVED", "Let it be further resolved", "Let it further be resolved"
LET_IT_BE = r"let\s+it\s+(?:(?:further|finally|also)\s+)?be"
# an English parish or town council's minutes: "It was proposed by Cllr Osei, seconded by Cllr Bello and RESOLVED
# that …" / "… and unanimously RESOLVED to accept …" (any case)
MINUTED = (
    r"it\s+was\s+(?:proposed|moved)\s+by\s+[^,;:\n]{1,80}?,?\s+(?:and\s+)?seconded\s+by\s+[^,;:\n]{1,80}?,?\s+and"
    r"(?:\s+(?:unanimously|duly))?"
)
# an adverb that opens a further resolving clause: "FURTHERMORE, BE IT RESOLVED", "Finally, be it resolved",
# "LASTLY, BE IT RESOLVED" (any case)
_LEAD_ADVERB = r"(?:(?:further(?:more)?|finally|lastly|also|additionally)[,\s]+)?"
# between "be it" and "resolved": "FURTHER", "FURTHERMORE", "FURTHER AND FINALLY" (any case)
_MID_ADVERB = r"(?:(?:further(?:more)?|finally|also)\s+(?:and\s+(?:finally|further)\s+)?)?"
# "Be it (therefore) (further) resolved", "Therefore, be it resolved", "It is (hereby) further resolved",
# "Let it be resolved": any case.
RESOLVED_BE_IT = lazy_compile(
    LEAD + r"(?:[a-z]\s+(?=BE\b))?"  # a stray letter an OCR put before the keyword ("r BE IT FURTHER RESOLVED")
    r"(?:now[,\s]+)?(?:and[,\s]+)?"
    + _LEAD_ADVERB
    + r"(?:therefor?e?[,\s]+)?(?:be,?\s+it|"
    + LET_IT_BE
    + r"|"
    + MINUTED
    + r"|it\s+is|it\s+was)[,\s]+(?:hereby\s+)?(?:therefor?e?[,\s]+)?"
    + _MID_ADVERB
    + r"(?:hereby\s+)?"
    + EMPH
    # (an OCR's space inside the capitals: "BE IT RE SOLVED, That …")
    + r"(?:resolved|ordained|enacted|ordered|(?-i:RE[ ]SOLVED|RESOLV[ ]ED))\b",
    re.I,
)
# "Resolved," / "RESOLVED" / "Further resolved" / "Now, therefore, RESOLVED": a capital R.
RESOLVED_PLAIN = lazy_compile(
    LEAD + r"(?:(?:NOW|Now)[,\s]+)?(?:(?:THEREFORE|Therefore|therefore)[,\s]+)?(?:(?:AND|And)[,\s]+)?"
    r"(?:(?:(?:FURTHER|Further|FINALLY|Finally|ALSO|Also)\s+)?" + EMPH + r"(?:RESOLVED|Resolved)"
    r"|(?:FURTHER|Further|FINALLY|Finally)\s+" + EMPH + r"resolved"
    # "We further resolve that", "WE ALSO RESOLVE, that": the body speaks for itself
    r"|(?:WE|We)\s+(?:(?:hereby|HEREBY|further|FURTHER|also|ALSO|therefore|THEREFORE)\s+)*(?:RESOLVE|resolve)"
    r"(?=,?\s+(?:THAT|That|that)\b)"
    # a commission's, a court's or a city council's order: "ORDERED, That …", "Further ordered that …"
    # (not the order's dated close, "ORDERED, ADJUDGED AND DECREED this 24th day of February, 2026")
    r"|(?:(?:FURTHER|Further|FINALLY|Finally)\s+)?(?:ORDERED|Ordered)(?=[ \t]*[,:]|\s+(?:THAT|That|that)\b)"
    r"(?![^\n]{0,60}?\b(?:this|THIS)\s+\d{1,2}(?:st|nd|rd|th|ST|ND|RD|TH)?\s+(?:day|DAY)\b)"
    # a New England town meeting's or a board's minuted vote: "VOTED: That the Town raise …", "Voted, to accept …"
    # (not a tally, "Voted: 5-2", nor minutes' narrative, "Voted unanimously to adjourn")
    r"|(?:(?:FURTHER|Further)\s+)?(?:VOTED|Voted)(?=[ \t]*[,:][ \t]*(?:THAT|That|that|TO|To|to)\b)"
    r"|(?:FURTHER|Further)\s+voted(?=[ \t]*[,:][ \t]*(?:THAT|That|that|TO|To|to)\b)"
    r"|(?:RESOLVES?|Resolves?)(?=\s+(?:THAT|That|that)\b))\b"
    # "Resolved: 177" in a list of issue counts is no resolving clause
    r"(?![ \t]*:[ \t]*\d)"
)
# a paragraph that introduces the text below it rather than arguing for it or deciding (a proxy statement's "… have
# notified the Company that they intend to present the following proposal", "The text reads as follows.", an executive
# board's "RECOMMENDS … the adoption of the following resolution:")
INTRODUCES_TEXT = lazy_compile(
    r"\bthe\s+following\s+(?:draft\s+)?(?:resolutions?|decisions?|proposals?|motions?|text|amendments?)\b"
    r"|\bas\s+follows\b|\bincluded\s+exactly\s+as\s+submitted\b",
    re.I,
)


# A resolving paragraph without "resolved": "Therefore, We, the undersigned, … do solemnly promise",
# "THEREFORE, DSA will start a process …", a state memorial's prayer, "Wherefore your memorialist, the Senate of the
# State of Arizona, the House of Representatives concurring, prays:" (taken only right after the recitals).
THEREFORE_CLAUSE = lazy_compile(
    LEAD + r"(?:(?:NOW|Now),?\s+(?:THEREFORE|therefore)|THEREFORE|Therefore|WHEREFORE|Wherefore)\s*[,:]?\s+"
    r"(?![Bb][Ee]\s+[Ii][Tt]\b)(?!$)\S"
)
# A new resolving clause inside a paragraph: "…; and Be it further resolved, the CRCWG shall …".
# And its connector with it, written into the last recital's paragraph: "…by 2035"; NOW, THEREFORE, BE IT RESOLVED
# that …" (a city's and a Google Docs draft's form).
MIDLINE_RESOLVED = lazy_compile(
    r"(?<=[;.])[ \t]*(?:and[ \t]+)?(?P<start>(?:(?:NOW|Now),?[ \t]+)?(?:(?:THEREFORE|Therefore),?[ \t]+)?"
    r"(?:Be|BE)[ \t]+(?:it|IT)[ \t]+(?:(?:further|FURTHER|finally|FINALLY)[ \t]+)?(?:resolved|RESOLVED|Resolved)\b)"
)
_CONNECTOR = r"(?:(?:NOW|Now)[,\s]+(?:THEREFORE|therefore|Therefore)|THEREFORE|Therefore|WHEREFORE|Wherefore)"
FORMULA_LINE = lazy_compile(
    LEAD + _CONNECTOR + r"[,\s]*(?:(?:BE|be|Be)\s+(?:IT|it|It))?[,:\s]*$"
    # a Philippine council's "WHEREFORE, on motion of Hon. A, duly seconded by Hon. B, be it" and "NOW,
    # THEREFORE, premises considered, be it": the connector says who moved it and still ends in "be it"
    # (or "it is": a housing co-operative's "NOW, THEREFORE, upon motion duly made by Director A and seconded by
    # Director B, it is" over "RESOLVED, that …")
    r"|" + LEAD + _CONNECTOR + r",[ \t]+(?i:(?:up)?on\s+motion\b|premises\s+considered\b)[^;:\n]{0,240}?,[ \t]*"
    r"(?:(?:BE|be|Be)\s+(?:IT|it|It)|(?:IT|it|It)\s+(?:IS|is))[,:\s]*$"
)


def is_formula_line(raw: str) -> bool:
    """Whether FORMULA_LINE matches ``raw``: asked only when its connector's word is there ("therefore" or
    "wherefore", in the cases the pattern writes them), which most resolving clauses lack: the pattern, among the
    longest, is then not even compiled (tests/test_fast_paths.py holds the test to it)."""
    return ("herefore" in raw or "HEREFORE" in raw) and bool(FORMULA_LINE.match(raw))


# "BE IT FURTHER" alone on a line, its "RESOLVED, That …" on the next (a PDF's line break)
BE_IT_FURTHER_LINE = lazy_compile(
    LEAD
    + r"(?:AND|And|and)?[,\s]*(?:(?:BE|Be|be),?\s+(?:IT|it|It)|(?:LET|Let|let)\s+(?:IT|it|It)\s+(?:BE|Be|be))\s+(?:FURTHER|further|Further|FINALLY|finally|Finally)[,\s]*$"
)
# a resolving paragraph that a connector paragraph ("Therefore be it") opened: "resolved, the chapter …"
LOWER_RESOLVED = lazy_compile(LEAD + r"resolved\b")
# the connector at the end of the last recital: "; now, therefore, be it", ": Now, therefore, be it", "; therefore,"
FORMULA_END = lazy_compile(
    r"(?P<formula>[;:,.]?\s*(?:(?:and\s+)?now,?\s*)?therefore,?\s*(?:(?:be\s+it|it\s+is)\s*)?[,:.]?\s*[—–]*(?:--|\.\.\.|…)?)\s*$",
    re.I,
)
# the connector at the start of a resolving paragraph: "NOW, THEREFORE, BE IT RESOLVED"
FORMULA_START = lazy_compile(
    r"^(?P<formula>(?:now,?\s+)?(?:(?:therefor?e?|wherefore),?\s+)?"
    # a Philippine council's "NOW, THEREFORE, on motion of Hon. A, duly seconded by Hon. B, be it RESOLVED, …"
    r"(?:(?:up)?on\s+motion\s+of\b[^;:\n]{0,240}?,\s*|premises\s+considered,\s*)?"
    r"(?:be,?\s+it,?\s+|" + LET_IT_BE + r",?\s+)?(?:therefor?e?,?\s+)?)"
    r"(?=(?:it\s+is\s+)?(?:hereby\s+)?(?:further\s+)?[*_]*resolved\b)",
    re.I,
)


# a text that lost its spaces: "BEITFURTHERRESOLVEDthatthecitizens…"
RESOLVED_GLUED = lazy_compile(LEAD + r"(?:NOW)?(?:THEREFORE)?BEIT(?:FURTHER|FINALLY)?RESOLVED")


# "The Board of Trustees hereby resolves that …", "The City Council does resolve as follows:": the body names
# itself, then resolves (present tense: "The Board resolved in 2019 to …" is a narrative)
SUBJECT_RESOLVES = lazy_compile(
    # (after "THEREFORE," too: "THEREFORE, the Union for Reform Judaism resolves to:" over its list)
    LEAD + r"(?:(?:NOW,?\s+|Now,?\s+)?(?:THEREFORE|Therefore),?\s+)?(?:The|THE|the)\s+"
    r"(?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|on|the|de|OF|FOR|AND|ON|THE|DE)\s+)*){1,8}"
    # (its common noun in lower case: "The Debian project resolves that:", "The OSM Foundation board resolves:")
    r"(?:(?:project|community|membership|members|board|council|committee|assembly|association|society|foundation|"
    r"union|chapter|caucus|senate|conference|convention)\s+)?"
    r"(?:(?:does|DOES)\s+)?(?:(?:hereby|HEREBY)\s+)?"
    # "… resolves that", "… resolves as follows", "… hereby resolves:", "… resolves to:" (a list follows)
    r"(?:RESOLVES?|[Rr]esolves?)(?:\s+(?:that|THAT|as\s+follows|AS\s+FOLLOWS)\b|(?:\s+(?:to|TO))?[ \t]*:)"
)


#: the clerk's record of what became of a motion, no resolving clause: the votes and proceedings' "Resolved
#: accordingly.", "It was resolved accordingly.", a journal's "Resolved in the affirmative." (the line alone)
CLERK_RECORD = lazy_compile(
    LEAD
    + r"(?:(?:and[ \t]+)?it[ \t]+was[ \t]+)?resolved[ \t]+(?:accordingly|in[ \t]+the[ \t]+(?:affirmative|negative))"
    r"[ \t]*[.!]?(?:\*\*|\*|__|_)?[ \t]*$",
    re.I,
)


def is_resolved_line(raw: str) -> bool:
    if len(raw) < 60 and CLERK_RECORD.match(raw):
        return False  # "Resolved accordingly.": the clerk's record that the motion above carried
    return bool(
        RESOLVED_BE_IT.match(raw)
        or RESOLVED_PLAIN.match(raw)
        or ("BEIT" in raw and RESOLVED_GLUED.match(raw))
        or ("esolve" in raw or "ESOLVE" in raw)
        and SUBJECT_RESOLVES.match(raw)
    )


# Every keyword pattern (RECITAL, RESOLVED_*, FORMULA_LINE) needs "whereas", "resolve", "therefore", "wherefore",
# "ordained", "enacted", "ordered" or "voted" (or an OCR's "WHEREAS") in some case: a line without them skips those patterns.  Looked for in
# the casefolded line, which is faster than a re.I search and misses nothing: every character re.I matches to
# one of these letters casefolds to exactly that letter ("S", "ſ" → "s"), except the Turkish "İ" and "ı", read
# as "i" below (tests/test_fast_paths.py checks it over all of Unicode, and each pattern against this test).
def keywordish(raw: str) -> bool:
    low = raw.casefold()
    if "\u0130" in raw or "\u0131" in raw:  # "İ" and "ı", which re.I matches to "i", casefold to other letters
        low = low.replace("i\u0307", "i").replace("\u0131", "i")
    return (
        "whereas" in low
        or "resolve" in low
        or "re solved" in low  # an OCR's "BE IT RE SOLVED"
        or "resolv ed" in low
        or "therefore" in low
        or "wherefore" in low
        or "ordained" in low
        or "enacted" in low
        or "ordered" in low
        or "voted" in low
        or bool(_OCR_WHEREAS_ANYWHERE.search(raw))
    )


# OCR_WHEREAS without its look-arounds: a pattern that starts with a character, which the regex engine scans
# for (the look-ahead first made it try every position); it finds every OCR_WHEREAS and more
_OCR_WHEREAS_ANYWHERE = lazy_compile(
    r"(?:W|VV|IV|Vv|\\/\\/)(?:H|II|I-I|Il|lI)(?:E|F|B)(?:R|K)(?:E|F|B)(?:A|4)(?:S|5|\$)"
    r"|W(?:h|li|b)(?:e|c)r(?:e|c)(?:a|o)(?:s|a|5)"
    r"|WHERE[ ]AS|WHEREA[ ]S|WH[ ]EREAS|WHE[ ]REAS|WHER[ ]EAS"
)


# -- reading a clause's opening --------------------------------------------------------------------

_RECITAL_HEAD = lazy_compile(
    r"^(?P<lead>[\"“]?\s*(?:and\s+|(?P<junk>[A-Z]{2,4})\s+(?=WHEREAS))?)(?P<word>whereas|(?-i:" + OCR_WHEREAS + r"))\b"
    r"(?P<sp>[ \t]*)(?P<punct>[,:]?)",
    re.I,
)
_RESOLVED_HEAD = lazy_compile(
    r"^(?P<lead>[\"“]?\s*(?:\{\{?[^{}]{0,60}\}\}?,?\s*)?(?:now\s*,?\s*)?(?:and\s*,?\s*)?"
    + _LEAD_ADVERB
    + r"(?:therefor?e?,?\s+)?(?:(?P<phrase>be\s+it|"
    + LET_IT_BE
    + r"|"
    + MINUTED
    + r"|it\s+is|it\s+was|we(?:\s+(?:hereby|further|also|"
    r"therefore))*),?\s+)?(?:hereby\s+)?(?:therefor?e?,?\s+)?" + _MID_ADVERB + r"(?:hereby\s+)?)"
    r"(?P<word>resolved|(?-i:RE[ ]SOLVED|RESOLV[ ]ED)|resolves?(?=,?\s+that\b)|ordained|enacted|ordered|voted)\b"
    r"(?P<by>\s+by\s+[^,:]{1,160}?(?=,|:|\s+that\b))?(?P<sp>[ \t]*)(?P<punct>[,:]?)\s*(?P<that>that\b)?",
    re.I,
)
_SUBJECT_HEAD = lazy_compile(
    r"^[\"“]?\s*(?:(?:now,?\s+)?therefore,?\s+)?The\s+(?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|on|the|de)\s+)*){1,8}(?:does\s+)?(?:hereby\s+)?"
    r"(?P<word>resolves?)(?:\s+(?:that|as\s+follows)\b|(?:\s+to)?[ \t]*:)",
    re.I,
)
_PLAIN_LEAD = lazy_compile(r"^[\"“]?\s*(?:(?:and|further|finally|also)[,\s]+)*$", re.I)
_SECTION_HEAD = lazy_compile(r"^(?P<word>(?:section|sec\.)\s+\d{1,3}[a-z]?)(?P<punct>[.:]?)", re.I)
# "1. Decides …", "2. Also welcomes …"; a parish council's lettered minute, "a) RESOLVED to approve …" (its label)
_OPERATIVE_HEAD = lazy_compile(r"^(?P<word>\d{1,3}\.(?=\s+\S)|\(?[a-z]\)(?=[ \t]+RESOLVED\b))")
#: a council's "AND THAT …", "AND FURTHER THAT …", "And finally that …" (the Canadian municipal form)
AND_THAT = r"(?:AND|And)\s+(?:(?:FURTHER|[Ff]urther|FINALLY|[Ff]inally|ALSO|[Aa]lso)\s+)?(?:THAT|That|that)"
_THAT_HEAD = lazy_compile(r"^[\"“]?\s*(?P<word>" + AND_THAT + r"|That|THAT)\b")
_THEREFORE_HEAD = lazy_compile(r"^[\"“]?\s*(?:now,?\s+)?(?P<word>therefore|wherefore)\b\s*(?P<punct>[,:]?)", re.I)


#: the form of a resolving clause by its word ("resolve"/"resolves" is "resolve")
_FORMS: dict[str, KeywordForm] = {
    "resolved": "resolved",
    "ordained": "enacted",
    "enacted": "enacted",
    "ordered": "ordered",
    "voted": "voted",
}


def read_keyword(kind: ClauseKind, text: str, motion: str = "") -> Keyword:
    """How the clean clause ``text`` opens; ``motion``: the clause is a motion's (see ``lines.read_motions``),
    under that heading or opening with it."""
    if motion:
        return _motion_keyword(text, motion)
    if kind == "recital":
        m = _RECITAL_HEAD.match(text)
        if m is None:
            return Keyword(form="preamble")  # "Recalling …", "Realizing that …", a paragraph under "Background"
        damaged = bool(m.group("junk")) and m.group("junk").upper() != "AND" or m.group("word").lower() != "whereas"
        return Keyword(
            text=m.group(0).strip(),
            form="whereas",
            word=m.span("word"),
            punct=m.span("punct"),
            plain=not damaged,
            damaged=damaged,
        )
    m = _RESOLVED_HEAD.match(text)
    if m is not None:
        that = m.span("that") if m.group("that") else None
        end = m.end("that") if that else m.end("punct")
        word = m.group("word").lower()
        damaged = " " in word  # an OCR's "RE SOLVED"
        return Keyword(
            text=text[:end].strip(),
            form=_FORMS.get(word.replace(" ", ""), "resolve"),
            word=m.span("word"),
            punct=m.span("punct") if not m.group("by") else None,
            that=that,
            plain=bool(_PLAIN_LEAD.match(m.group("lead"))) and not m.group("phrase") and not damaged,
            damaged=damaged,
        )
    m = _SUBJECT_HEAD.match(text)
    if m is not None:
        return Keyword(text=m.group(0).strip(), form="resolve", word=m.span("word"), plain=False)
    m = _SECTION_HEAD.match(text)
    if m is not None:
        return Keyword(text=m.group(0).strip(), form="section", word=m.span("word"), punct=m.span("punct"))
    m = _THAT_HEAD.match(text)
    if m is not None:
        return Keyword(text=m.group(0).strip(), form="that", word=m.span("word"))
    m = _THEREFORE_HEAD.match(text)
    if m is not None:
        return Keyword(text=m.group(0).strip(), form="therefore", word=m.span("word"), punct=m.span("punct"))
    m = _OPERATIVE_HEAD.match(text)
    if m is not None:
        return Keyword(text=m.group(0).strip(), form="operative", word=m.span("word"))
    return Keyword()


def _motion_keyword(text: str, motion: str) -> Keyword:
    """A motion's clause: it opens with the body and its verb ("Conference notes that", "That Council approve"),
    or it stands under the heading that says them ("Conference resolves:"), which is then its keyword's text
    and no part of the clause (``word`` is None)."""
    m = MOTION_OPENING.match(text)
    if m is not None:
        verb = "notes" if m.group("notes") else "resolves"
        end = m.end("that") if m.group("that") else m.end(verb)
        return Keyword(text=text[:end].strip(), form="motion", word=m.span(verb), punct=m.span("punct"), plain=True)
    m = THAT_BODY_OPENING.match(text)
    if m is not None:
        return Keyword(text=m.group("body"), form="motion", word=m.span("body"), plain=True)
    m = MOTION_PREAMBLE.match(text)
    if m is not None:
        return Keyword(text=text[: m.end("word")].strip(" *_"), form="motion", word=m.span("word"), plain=True)
    return Keyword(text=motion, form="motion")


#: a New England town meeting's warrant article, the heading its vote ("VOTED: That …") answers: "ARTICLE 12. To see
#: if the Town will vote to raise and appropriate …", "Article 3: To see whether the Town will …"
WARRANT_ARTICLE = lazy_compile(r"^(?i:article)\s+\d{1,3}[A-Z]?\s*[.:-]?\s+To\s+see\s+(?:if|whether)\s")
#: a resolution's number line: "RESOLUTION NO. 22-10", "House Resolution No. 36", "Resolution # 2986"
RESOLUTION_NUMBER = lazy_compile(
    # "RESOLUTION NO. 22-10", "Resolution No. (2013) ____" (a form's blank for the number still to come)
    # and a Philippine council's "RESOLUTION NO. 45, Series of 2026" / "Resolution No. 12, s. 2025"
    r"^(?:[\w.]+\s+){0,3}resolution\s*(?:no\.?|number|#|№)\s*\S+(?:\s+_{3,}|,?\s+(?:series\s+of|s\.)\s*\d{4})?$"
    # and the number alone after the word, as council minutes print it: "Resolution CO/2026/047", "COUNCIL
    # RESOLUTION 2026/29"
    r"|^(?:[\w.]+\s+){0,3}resolution\s+(?-i:[A-Z]{0,4})[/-]?\d[\w/.-]*$",
    re.I,
)


#: the marks that open a bullet list's entry: Markdown's, the typographic ones, and the Symbol font's
#: private-use bullets a Word or PDF conversion leaves ("\uf0b7", "\uf0a7", "\uf0d8")
PRIVATE_BULLETS = "\uf0b7\uf0a7\uf0d8"
BULLETS = "*•+-▪◦‣⁃●" + PRIVATE_BULLETS
#: BULLETS as the inside of a regular expression's character class
BULLET_CLASS = re.escape(BULLETS)


#: a note's call-out after a paragraph's last comma or semicolon, which does not end the paragraph: "UNISPACE+50,4",
#: "Bodies, 5", "Bodies,⁵", Markdown's and the Word reader's "Cultural Rights,[^5]", a Word export's
#: "Rights,[footnoteRef:5]", a plain text's "Rights,[5]" (one call-out or several)
CALLOUT_AFTER_MARK = lazy_compile(
    r"(?<=[,;:.])[ \t]?(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|[ⁱᵛˣˡ]{1,6}"
    r"|(?:(?:\[\^[^\]\s]{1,20}\]|\[(?:foot|end)noteRef:[ \t]*\w{1,10}\]|\[\d{1,3}\])[ \t]?)+)$"
)


_SAYING_VERBS = "provides|provided|reads|read|states|stated|says|said|declares|declared"
#: what introduces a text quoted without quotation marks: "ORS 221.760 provides:", "… reads as follows:"; the verb
#: in small letters or in capitals ("SECTION 2 PROVIDES:"), never a capitalised noun: the UN's "2. Calls upon
#: States:" introduces its sub-paragraphs "(a) To ensure …", no quotation
BLOCK_INTRO = lazy_compile(
    r"(?:\b(?-i:" + _SAYING_VERBS + "|" + _SAYING_VERBS.upper() + ")"
    r"(?:\s+(?:as\s+follows|the\s+following|in\s+part|in\s+full))?"
    # "… be amended to include the following language, inserted in the indicated sections:"
    r"|\bthe\s+following\s+(?:language|text|wording|words|provisions?)\b[^:]{0,80})\s*:\s*$",
    re.I,
)


# -- motions in the British / Commonwealth form --------------------------------------------------------
# "Conference notes:" / "Conference believes that …" / "Conference resolves:" (a union's or a party's conference,
# "Congress" at the TUC), "This House believes …" (a student union, a debating society), "Council notes …" /
# "Council resolves …" (a local council), "This branch notes …", "Union notes …" (NUS); and a council's
# "That Council:" over "1. Notes …", "2. Endorses …".  Read only in a text without any Whereas or Resolved clause
# (``lines.read_motions``), and only where the text resolves in that form: a report's "The council notes that …"
# is prose.

#: the bodies that speak without an article: "Conference notes", "Congress resolves", "Council believes"
_BARE_BODIES = ("Conference", "Congress", "Council", "Union", "Branch", "Convention", "AGM")
#: the bodies after "This": "This House", "This Conference", "This branch", "This Annual General Meeting", "This CLP"
_THIS_BODIES = (
    "conference|congress|house|council|branch|union|assembly|meeting|agm|committee|executive|association|"
    "convention|senate|guild|society|party|group|board|chapter|clp|ward|chapel|forum|caucus|network"
)
MOTION_BODY = (
    # ("this House urges …" in lower case where a parliament's one-paragraph motion goes on after a ";")
    r"(?:(?:This|THIS|this)[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,2}(?i:" + _THIS_BODIES + r")"
    r"|(?:" + "|".join(f"{b}|{b.upper()}" for b in _BARE_BODIES) + r"))"
)
# what the body does in the preamble: it notes, believes, recognises …
_MOTION_NOTES = (
    r"(?i:(?:(?:further|also|furthermore)[ \t]+)?(?:notes|believes|recogni[sz]es|acknowledges|welcomes|regrets|"
    r"considers|understands|deplores|expresses|is[ \t]+(?:concerned|alarmed|appalled|aware|pleased|proud|deeply[ \t]+concerned)))"
)
# what it does in the resolving part: it resolves, instructs, calls on …
_MOTION_RESOLVES = (
    r"(?i:(?:(?:further|also|therefore|hereby)[ \t]+){0,2}(?:resolves|instructs|calls[ \t]+(?:on|upon|for)|agrees|"
    r"mandates|requests|urges|demands|commits|directs|asks|pledges|supports|endorses|condemns|opposes|"
    r"reaffirms|affirms|declares))"
)
_MOTION_LEAD = r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__|\*|_)?[ \t]*"
#: a motion's heading line: "**Conference notes:**", "### This House believes", "Conference instructs the NEC to:",
#: "Council resolves to:" (the body, its verb, at most a short object, and a colon or nothing after it)
MOTION_HEAD = lazy_compile(
    _MOTION_LEAD + r"(?P<body>" + MOTION_BODY + r")[ \t]+(?:(?P<notes>" + _MOTION_NOTES + r")|(?P<resolves>"
    r""
    + _MOTION_RESOLVES
    + r"))\b(?P<rest>[^:.;\n]{0,80}?)(?:\*\*|__|\*|_)?[ \t]*(?P<colon>:?)[ \t]*(?:\*\*|__|\*|_)?[ \t]*$"
)


def _cases(*words: str) -> str:
    """Each word as printed and in capitals, as alternatives: "Board|BOARD|Council|COUNCIL"."""
    return "|".join(f"{w}|{w.upper()}" for w in words)


#: a legislature or an assembly, by the last word of its name: "the Parliament", "the Senedd", "Dáil Éireann",
#: "the Legislative Assembly", "the States Assembly", "Tynwald", "the Storting", "the Oireachtas", "this House"; a
#: one-paragraph motion that opens "That" and such a name is a motion wherever it stands (``lines.read_motions``)
LEGISLATURE = _cases(
    "Parliament", "Senate", "House", "Assembly", "Synod", "Legislature", "Senedd", "Dáil", "Dail", "Seanad",
    "Oireachtas", "Storting", "Stortinget", "Tynwald", "Congress", "Knesset", "Riksdag", "Folketing", "Althing", "Sabha",
)  # fmt: skip
#: how a motion opens before the body it speaks for: "That", a Welsh or a Manx order paper's "To propose that", "To
#: move that"
MOVES_THAT = r"(?:That|THAT|(?:To|TO)[ \t]+(?:propose|PROPOSE|move|MOVE)[ \t]+(?:that|THAT))"
#: the body after it: "the Senedd", "this Council", "the Legislative Assembly", "the Finance Committee", "Dáil Éireann"
#: (``noun`` the last word of its name, ``named`` the words before it)
THAT_BODY = (
    r"(?:(?:the|The|THE|this|This|THIS)[ \t]+)?(?P<named>(?:[A-Z][\w'’-]*[ \t]+){1,3})?(?P<noun>"
    + _cases("Council", "Committee", "Board", "Cabinet", "Conference", "Executive")
    + "|"
    + LEGISLATURE
    + r")(?:[ \t]+(?:Éireann|ÉIREANN|Eireann|EIREANN))?"
)
#: a council's "That Council:", "That the Council:", "That this Council:", "THAT Council, having considered the report:"
#: over its items; a legislature's "That the Senedd:", "To propose that the Senedd:", "I move that the Assembly:",
#: "That Dáil Éireann:" over what it notes and calls for
THAT_BODY_HEAD = lazy_compile(
    # (a synod's motion is quoted whole: "'That this Synod, mindful of …:" over "(a) recognise …;")
    _MOTION_LEAD
    + r"[\"“'‘]?(?P<body>(?:"
    + MOVES_THAT
    + r"|I[ \t]+(?:beg[ \t]+to[ \t]+)?(?:move|propose)[ \t]+that)[ \t]+"
    + THAT_BODY
    + r")\b[^.:;\n]{0,160}:(?:\*\*|__|\*|_)?[ \t]*$"
)
#: the bodies that state a position or decide as a list: a board's, a senate's, a society's, an association's ("The
#: Society:", "The House of Delegates:", "The Board of Governors:")
_LIST_BODIES = _cases(
    "Board", "Council", "Senate", "Committee", "Assembly", "Commission", "Trustees", "Governors", "Regents", "Executive",
    "Society", "Association", "Federation", "Union", "Institute", "College", "Academy", "Chapter", "Conference",
    "Convention", "Congress", "Synod", "Foundation", "Guild", "League", "Coalition", "Alliance", "Network",
    "Corporation", "Company", "Membership", "House", "Caucus", "Forum", "Church", "Cabinet", "Parliament", "Senedd",
    # an intergovernmental organisation's governing organ: the ILO's "The Governing Body:" (its "Executive Board",
    # "Council" are above)
    "Body",
)  # fmt: skip
#: a board's, a senate's or a society's motion or position as a list of what it does: "The Board of Governors:" (after
#: "**Motion.**" at most), "The Society therefore:", "The House of Delegates hereby:", "Therefore, the Association:"
#: over "1. approves …", "2. Supports …" (``lines.read_motions`` reads it only over such a list)
BODY_COLON_HEAD = lazy_compile(
    _MOTION_LEAD + r"(?:(?:Motion|MOTION|Resolution|RESOLUTION)[.:]?(?:\*\*|__)?[ \t]+)?"
    r"(?P<therefore>(?:(?:NOW|Now),?[ \t]+)?(?:THEREFORE|Therefore),?[ \t]+)?"
    # (the article in lower case only after "Therefore,")
    r"(?P<body>(?(therefore)(?:The|THE|This|THIS|the|this)|(?:The|THE|This|THIS))[ \t]+(?:[A-Z][\w'’&.-]*[ \t]+){0,3}(?:"
    + _LIST_BODIES
    + r")(?:[ \t]+(?:of|OF)[ \t]+(?:the[ \t]+)?[A-Z][\w'’&.-]*(?:[ \t]+[A-Z&][\w'’&.-]*){0,5})?)"
    r"(?:,?[ \t]+(?:hereby|HEREBY|therefore|THEREFORE|accordingly|ACCORDINGLY)){0,2}[ \t]*,?[ \t]*:"
    r"(?:\*\*|__|\*|_)?[ \t]*$"
)
#: a synod's or a conference's resolving line after its Whereas recitals, over what the body does: "THEREFORE this
#: Synod:", "Therefore, the Conference:", "NOW THEREFORE this Council:" (``lines.read_therefore_body``)
THEREFORE_BODY_HEAD = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?:(?:NOW|Now),?[ \t]+)?(?:THEREFORE|Therefore),?[ \t]+(?:this|the|THIS|THE)[ \t]+"
    r"(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:Synod|SYNOD|Conference|CONFERENCE|Council|COUNCIL|Assembly|ASSEMBLY|Convention|"
    r"Board|BOARD|Committee|Meeting|MEETING|Chapter|Branch|Union|House|Senate)[ \t]*:(?:\*\*|__)?[ \t]*$"
)
#: what such an item opens with: the body's verb in the third person ("approves the budget", "Directs the Provost")
BODY_VERB_ITEM = lazy_compile(
    r"(?i:approves|adopts|directs|authori[sz]es|requests|endorses|resolves|confirms|appoints|agrees|accepts|receives|"
    r"ratifies|affirms|reaffirms|supports|urges|calls|instructs|establishes|amends|rescinds|delegates|commends|"
    r"recogni[sz]es|thanks|welcomes|notes|acknowledges|declares|designates|allocates|grants|awards|elects|"
    # (a society's or an association's position: "1. **Supports** …", "2. **Opposes** …", "3. **Encourages** …")
    r"opposes|encourages|advocates|recommends|condemns|commits|asks|believes|considers|reiterates|promotes)\b"
    # an intergovernmental governing body's decision, in the past tense as its record prints it, under a letter (the
    # ILO Governing Body's "(a) took note of …;", "(b) requested the Director-General to …", "(c) decided to …")
    r"|(?P<past>(?i:took[ \t]+note|noted|requested|decided|approved|adopted|endorsed|authori[sz]ed|invited|urged|welcomed|"
    r"elected|appointed|deferred|reaffirmed|recommended|agreed|expressed|called[ \t]+(?:on|upon)))\b"
)

#: a paragraph that opens with the body and its verb: "Conference notes that …", "This House resolves to …"
MOTION_OPENING = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?[\"“]?(?P<body>" + MOTION_BODY + r")(?:\*\*|__)?[ \t]+(?:(?P<notes>" + _MOTION_NOTES + r")|"
    r"(?P<resolves>" + _MOTION_RESOLVES + r"))\b(?:\*\*|__)?(?P<punct>[ \t]*[,:]?)[ \t]*(?P<that>that\b)?(?=[ \t]*\S)"
)
#: a preamble paragraph of a parliament's or an assembly's motion (Kenya, Uganda, India, Nigeria …): the motion
#: opens "THAT, aware that …;" and goes on "FURTHER AWARE that …;", "CONCERNED that …;", "NOTING that …;" before
#: "This House urges …" (``lines.read_motions`` reads it only after a paragraph opening with "THAT,")
MOTION_PREAMBLE = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?P<that>(?:That|THAT)[ \t]*,[ \t]*)?(?:\*\*|__)?(?P<word>(?i:(?:(?:further|also|deeply|gravely|"
    r"seriously|greatly)[ \t]+)?(?:aware|concerned|noting|recogni[sz]ing|acknowledging|cognizant|cognisant|appreciating|"
    r"considering|mindful|alarmed|conscious|convinced|emphasi[sz]ing|observing)))(?:\*\*|__)?"
    r"(?P<punct>[ \t]*,?)(?=[ \t]+(?:(?i:with[ \t]+\w+[ \t]+)?that|of)\b)"
)
#: a council's one-paragraph resolution after its "Moved:" and "Seconded:" lines: "That Council approve the …"; a
#: legislature's anywhere: "That the Parliament recognises …", "That the Senate—", "To propose that the Senedd calls on …"
THAT_BODY_OPENING = lazy_compile(
    # (an Irish or British council's notice of motion quotes it: "\"That this Council calls on the Minister …\"")
    # (also as the first of a list's items: "(a) That Council approves …;" under "COUNCIL RESOLUTION")
    r"^[ \t]*(?:(?:\([a-z]\)|[a-z]\)|\(\d{1,2}\)|\d{1,2}[.)])[ \t]+)?(?:\*\*|__)?[\"“]?"
    r"(?P<body>"
    + MOVES_THAT
    + r"[ \t]+"
    + THAT_BODY
    # a Canadian legislature's "That, in the opinion of the House, the government should …"
    + r"|(?:That|THAT),?[ \t]+in[ \t]+the[ \t]+opinion[ \t]+of[ \t]+(?:the|this)[ \t]+(?P<opinion>"
    + LEGISLATURE
    + r"),)"
    # (the Australian Senate's "That the Senate—" over its lettered paragraphs "(a) notes that: …")
    r"(?:\*\*|__)?(?:[ \t]+(?P<verb>[a-z]+)\b|[ \t]*[—–](?=[ \t]*(?:$|\([a-z]\))))"
)
#: who gives a notice of motion, on a parliament's notice paper or a synod's order paper: "112  Senator Pocock: To
#: move—", "The Revd Canon A (Hereford) to move:", "… to move on behalf of the … Synod:" (the notice's number first);
#: and in the votes and proceedings of a house of assembly, "Hon. A (Yewa South) moved:" over the motion
TO_MOVE = lazy_compile(
    r"^[ \t]*(?:\d{1,4}[ \t]+)?(?P<name>[A-Z][^:;—–]{2,120}?)[ \t]*:?[ \t]+(?:[Tt]o[ \t]+move|moved)"
    r"(?:[ \t]+on[ \t]+behalf[ \t]+of[ \t]+[^:;]{1,120})?[ \t]*(?::|[—–]+|-{1,2})"
)
#: a Canadian order paper's or journals' numbered notice: "M-143 -- February 26, 2026 -- Mr. Brad Vis (Mission—
#: Matsqui—Abbotsford) -- That …" (its parts between spaced dashes, the member last; a riding's own dashes unspaced)
_NUMBERED_NOTICE = lazy_compile(
    r"^[ \t]*[A-Z]{1,2}-\d{1,4}[ \t]+(?:--|—|–)[ \t]+(?P<parts>.{3,300}?)[ \t]+(?:--|—|–)(?=[ \t]*(?:$|That\b|THAT\b))"
)


#: the journals' sentence a motion runs into after a dash: "… the motion of Ms. Lisa Marie Barron (Nanaimo—Ladysmith),
#: seconded by Mr. Gord Johns (Courtenay—Alberni), —" (its mover and seconder)
MOTION_OF = lazy_compile(
    r"\bmotion[ \t]+of[ \t]+(?P<mover>(?:the[ \t]+)?[A-Z][^,;()]{2,120}?(?:[ \t]*\([^()]{1,80}\))?),[ \t]+seconded[ \t]+by[ \t]+"
    r"(?P<seconder>(?:the[ \t]+)?[A-Z][^,;()]{2,120}?(?:[ \t]*\([^()]{1,80}\))?)[ \t]*,?[ \t]*$"
)

#: a parliament's motion headed by its number and its member, as the Scottish Parliament prints it: "Motion S6M-12784:
#: Mairi Campbell, Argyll and Bute, Scottish National Party" (the member, their seat, their party last)
_MEMBER_MOTION = lazy_compile(
    # (its number letters and digits, "S6M-12784", "S6M-12784.1"; a title's list, "…, and the Green Party", is none)
    r"^[ \t]*(?:\*\*|__)?(?:Motion|MOTION)[ \t]+(?:[Rr]ef\.?[ \t]+)?(?=[\w./-]*[A-Z])[A-Z0-9][\w./-]*\d[\w./-]*"
    r"(?:\*\*|__)?[ \t]*:[ \t]*(?:(?:\*\*|__)[ \t]*)?"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|da|di|du|le|la)){1,4}),[ \t]*"
    r"[A-Z][^:;]{1,100}?,[ \t]*(?=\S)(?!and\b)[^,:;]{0,60}?\b(?i:party|labour|conservatives?|unionists?|liberal[ \t]+democrats?|"
    r"greens?|independent|plaid[ \t]+cymru|sinn[ \t]+f[eé]in|alba|reform[ \t]+uk|snp|no[ \t]+party[ \t]+affiliation)"
    r"\b[^,:;]{0,40}?(?:\*\*|__)?(?=[ \t]*$)"
)

#: a resolution that opens "That …" with any subject ("That Rule 8.2 be amended …", "That, subject to …")
THAT_ANY = lazy_compile(r"^[ \t]*(?:\*\*|__)?[\"“]?(?P<body>That|THAT),?[ \t]+(?=\S)")


def notice_head(text: str) -> tuple[str, int] | None:
    """The mover a notice of motion opens ``text`` with ("112  Senator Pocock: To move—", "M-143 -- February 26,
    2026 -- Mr. Brad Vis (Mission—Matsqui—Abbotsford) --") and where that opening ends, or None."""
    if "move" in text and (m := TO_MOVE.match(text)) is not None:
        return m.group("name").strip(), m.end()
    if "-" in text[:8] and (m := _NUMBERED_NOTICE.match(text)) is not None:
        return re.split(r"[ \t]+(?:--|—|–)[ \t]+", m.group("parts"))[-1].strip(), m.end()
    if "otion" in text[:12] and (m := _MEMBER_MOTION.match(text)) is not None:
        return m.group("name"), m.end()
    return None


def motion_head(raw: str) -> re.Match[str] | None:
    """The heading of a motion's section ("Conference notes:", "That Council:"), or None."""
    m = MOTION_HEAD.match(raw)
    if m is not None:
        # a short object after the verb needs the colon that opens the list: "Conference instructs the NEC to:"
        return m if m.group("colon") or not m.group("rest").strip(" *_") else None
    return THAT_BODY_HEAD.match(raw)


# -- sponsor lines ----------------------------------------------------------------------------------------
#: an office of a place, held by the member named before it: "The Honorable Teresa M. Alcott, Mayor of Fairhaven"
PLACE_OFFICE = r"(?:Mayor|Governor|County\s+Executive|County\s+Judge|Supervisor|Commissioner|Alderman|Alderwoman)"
#: a labelled sponsor line: "Mover: …", "Submitted by: …", "INTRODUCED BY REPRESENTATIVE BARNES.", "Moved by Cllr …"
SPONSOR = lazy_compile(
    # (the label bold or in italics: "**Mover:**", "*Submitted by:*")
    r"^[ \t]*(?:[*-][ \t]+)?(?:\*\*|__|\*)?(?P<label>mover|moved(?:\s+by)?|motion\s+by|seconder|seconded(?:\s+by)?|second|"
    r"proposer|proposed(?:\s+by)?|submitted\s+by|presenter|"
    # a county board's "Offered by: Commissioner …", "Offered and moved by:", "Introduced and moved by:" (the mover)
    r"(?:offered|introduced)\s+and\s+moved\s+by|offered\s+by|"
    r"sponsor(?:\(s\)|s|ed\s+by)?|co-?sponsors?|co-?sponsor\(s\)|introduced\s+by|initiated\s+by|presented\s+by|"
    r"endorsed\s+by|endorsers?|supported\s+by|co-?sponsored\s+by|"
    # a Senedd motion's "Co-submitters: A (Ynys Môn), B (South Wales Central)"
    r"co-?submitters?|co-?submitter\(s\)|co-?submitted\s+by|"
    r"author(?:s|\(s\)|ed\s+by)?|initiating\s+unit|by(?=(?:\*\*|__)?[ \t]*:)|signed)"
    # a bilingual label's French half, after the English that decides: "Moved by / Proposée par :"
    r"(?:[ \t]+/[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3})?"
    # (a label that ends in "by" alone on its line needs no colon: a web page's "Sponsored By" over its senator)
    r"(?:\*\*|__|\*)?[ \t]*(?::|[-–—](?=[ \t]|$)|(?<=[Bb][Yy])(?=[ \t*_]*$))[ \t]*"
    r"(?:\*\*|__|\*)?[ \t]*(?P<value>\S.*?)?[ \t]*$"
    # a bill's "INTRODUCED BY REPRESENTATIVE BARNES.", a line of its own without a colon
    # and a legislature's "BY REPRESENTATIVES GARCIA AND BAPTISTE", "By Senator Smith" (a byline, "By Jane
    # Reporter", names no office)
    # an intergovernmental draft's "Draft resolution proposed by Australia, Brazil and Ghana" (its sponsors)
    r"|^[ \t]*(?:\*\*|__|\*|_)?(?P<label2>introduced\s+by|(?:co-?)?sponsored\s+by|submitted\s+by|presented\s+by|offered\s+by|"
    r"(?:offered|introduced)\s+and\s+moved\s+by|"
    r"draft\s+resolution\s+(?:proposed|submitted)\s+by|"
    # "Submitted to the 2026 State Convention by the League of …" (a convention's resolution)
    r"submitted\s+to\s+(?:the\s+)?[^:]{1,80}?\s+by(?=[ \t]+(?:the[ \t]+)?(?-i:[A-Z]))|"
    r"by(?=[ \t]+(?:senators?|representatives?|delegates?|assembly\s*(?:wo)?m[ae]n|assembly\s*members?|council\s*members?|"
    r"councilmembers?|council\s*(?:wo)?m[ae]n|commissioners?|supervisors?|aldermen|alderman|alderpersons?|legislators?)\b))[ \t]+"
    r"(?P<value2>(?:senators?|representatives?|assembly\s*(?:wo)?m[ae]n|council\s*(?:wo)?m[ae]n(?:ber)?|aldermen|alderman|"
    # a co-op's or a club's members, then their names: "Submitted by member-owners Dana Kowalski (#4471), …"
    r"(?:member-owners?|owner-members?|members?|shareholders?)[ \t]+(?-i:[A-Z])[\w.'’-]*|"
    r"(?:the[ \t]+)?(?-i:[A-Z])[\w.'’-]*)\b(?:[^:(]|\([^()]{0,80}\)){0,150}?)[ \t.*_]*$"
    # a council's minutes: "Moved by Councillor Singh", "Moved by Alderman Pecoraro, seconded by Alderman
    # Zadzilka." (the verb capitalised at the line's start and a capitalised name after it: a wrapped line of
    # prose, "… the motion was / moved by the chair", is no such line)
    r"|^[ \t]*(?:\*\*|__|\*|_)?(?P<label3>(?-i:Moved|MOVED|Seconded|SECONDED|Proposed|PROPOSED)[ \t]+(?-i:by|By|BY))[ \t]+"
    # (the name in bold: "Moved by **Jenna Ostrowski** (Transportation Committee); seconded by **Dev Ramaswamy**.")
    r"(?P<value3>(?:\*\*|__)?(?:the[ \t]+)?(?-i:[A-Z])[^:]{0,150}?)[ \t.*_]*$",
    re.I,
)
# A member named alone on a line, by office (a stamp's "ALDERMAN RODERICK T SAWYER"): the presenter
PRESENTER = lazy_compile(
    r"^[ \t]*(?P<value>(?:ALDERMAN|Alderman|ALDERWOMAN|Alderwoman|COUNCILMEMBER|Councilmember|COUNCIL MEMBER|Council Member|"
    r"SENATOR|Senator|REPRESENTATIVE|Representative|ASSEMBLYMEMBER|Assemblymember|SUPERVISOR|Supervisor)"
    r"(?:[ \t]+[A-Z][\w.'’-]*){2,4})[ \t.]*$"
)
