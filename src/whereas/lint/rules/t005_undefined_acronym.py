"""T005: an acronym used before it is defined, or never defined."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from whereas.lint.diagnostic import Severity
from whereas.lint.options import option
from whereas.lint.rule import Context, Rule, capitals_share
from whereas.model import Clause, Span
from whereas.patterns import lazy_compile
from whereas.structure.places import has_places, place

# The look-behind ("not after a word character, &, ., {, :, / or -") comes after the first capital, so
# that the regex engine scans for capitals instead of trying the look-behind at every position.
_ACRONYM = lazy_compile(r"([A-Z](?<![\w&.{:/-][A-Z])[A-Z&]*[A-Z])(s)?(?![\w&}]|\.[a-z])")
_ROMAN = lazy_compile(r"^(?=[IVXLCDM]+$)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
#: Names that are written in capitals but are not acronyms to expand, and a few universally known ones.
KNOWN = frozenset(
    {"PEN", "OK", "COVID", "HIV", "AIDS", "LGBT", "LGBTQ", "LGBTQIA", "CEO", "NGO", "DNA", "GDP", "ZIP", "ISIS"}
    # names that no longer stand for anything, or that AP style allows in every reference
    | {"SAT", "ACT", "GPA", "GED", "IQ", "GOP", "NASA", "FBI", "CIA", "IRS", "NATO"}
    # currency codes ("$100k CAD")
    | {"USD", "CAD", "EUR", "GBP", "AUD", "CHF", "JPY", "CNY", "MXN", "INR"}
)
#: English words a drafter writes in capitals for emphasis ("ALL the people", "NOT substantially met")
EMPHASIS = frozenset(
    "ALL ANY NOT NO NOR ONLY EACH EVERY MUST SHALL WILL MAY NEVER NOW NEW OUR WE US YOU THEY THIS THESE FOR TO OF IN ON "
    "BY OR AN AT AS IS ARE BE DO FULL FREE STOP END YES".split()
)
#: US state and territory postal codes ("in OH, KY, MS, & GA").
STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI".split()
)
_KEYWORDS = frozenset({"WHEREAS", "RESOLVED", "THEREFORE", "NOW", "BE", "IT", "THAT", "AND", "FURTHER", "FINALLY"})


# the verb in capitals that opens an intergovernmental body's operative paragraph, after its label or number
_OPERATIVE_VERB = lazy_compile(
    r"^\W*(?:\((?:OP)?\d{1,3}\)|(?:OP)?\d{1,3}[.)])?\s*(?:(?:ALSO|FURTHER|STRONGLY)\s+)?[A-Z]{3,}S$"
)


class UndefinedAcronym(Rule):
    code = "T005"
    name = "undefined-acronym"
    severity = Severity.info
    summary = 'An acronym is used before it is defined ("American Civil Liberties Union (ACLU)"), or never defined.'
    why = (
        "Spell a name out at its first use and give the acronym after it, in parentheses; the reader of a "
        'resolution is not always a member (Chicago 10.3; the model draft uses "ALA" in its second recital '
        "and defines it only in the resolving clause). Common acronyms are allowed by the profile, and the names AP style allows in every reference (FBI, CIA, IRS, NATO, NASA, GOP)."
    )
    bad = (
        "Resolution on Press Freedom\n\n"
        "Whereas the ACLU has called the prosecution a grave threat to press freedom; and\n\n"
        "Whereas the American Civil Liberties Union (ACLU) defends the freedom of the press; "
        "now, therefore, be it\n\n"
        "Resolved, that the American Library Association calls for the charges to be dropped.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    good = (
        "Resolution on Press Freedom\n\n"
        "Whereas the American Civil Liberties Union (ACLU) has called the prosecution a grave threat to press "
        "freedom; and\n\n"
        "Whereas the ACLU defends the freedom of the press; now, therefore, be it\n\n"
        "Resolved, that the American Library Association calls for the charges to be dropped.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    known_problems = (
        "Whether a word in capitals is an acronym is guessed from the text around it: a name written in "
        "capitals that stands for nothing to spell out — a company's brand (\"FOSSA\"), a radio station's call "
        'sign ("KDVS") — is reported when the document gives no other clue. Add such names to the `allow` '
        "option."
    )
    fix_note = (
        "No automatic fix: whereas does not guess what an acronym stands for. Not taken for acronyms: a run of "
        'words in capitals ("TAKE BACK", a heading), a section\'s heading, a form\'s placeholder ("[SELECT ONE]", '
        '"YYYY"), a company\'s legal form after its name ("Marine Services, LLC", "Grant Ellis LLP"), a form\'s label opening its line ("ATTEST:", "AYES: 5"), a code ("MTK-239"), a word of a name in quotation marks, a link\'s text (the link says what it is); a definition in the title counts, and so does a name written out '
        "anywhere in the resolution's text, even in a paragraph not read as a clause (an acronym is then never "
        'reported as "never spelled out"). An acronym the title uses ("DSA '
        'Convention Resolution …", not in a title set all in capitals), or that names the body resolving ("Resolved, that the NAACP calls …"), is '
        "the name its readers know it by."
    )

    @dataclass(frozen=True)
    class Options:
        """T005's options (``[rules.T005]`` in a configuration file)."""

        allow: tuple[str, ...] = option((), "acronyms that need no definition, added to the profile's common ones")

    def check(self, ctx: Context):
        r = ctx.resolution
        allowed: set[str] | None = None  # made when an acronym is never defined (most resolutions have none)
        text = ctx.text
        # Earlier resolutions in the same file: a definition there counts, a use there was reported there
        # (read when an acronym first needs it: reading a long text takes a while, and most resolutions use none)
        before: _Before | None = None
        uses: dict[str, tuple[Span, Clause]] = {}
        defined: dict[str, int] = {}
        if r.title is not None:  # "OPEN ACCESS TRANSMISSION TARIFF (OATT)" in the title defines it
            for acro, _ in _definitions(r.title.text):
                defined.setdefault(acro, r.title.span.start)
        # The title names the body and its subject as its readers call them ("DSA Convention: …", "TODO Group
        # Resolution …", "Apache VCL graduation"): an acronym there is theirs.
        # (not a title set all in capitals, "… TO PARTICIPATE IN THE LGRMIF GRANT PROGRAM": every word of it looks
        # like an acronym, and one of them being used says nothing of its readers)
        headed = (
            {m.group(1) for m in _ACRONYM.finditer(r.title.text)}
            if r.title and capitals_share(r.title.text) <= 0.5
            else set()
        )
        # So does the body that resolves, named by its acronym in its own resolving clause ("RESOLVED, that the
        # NAACP calls upon …", "RESOLVED, That our AMA work …"): it is the speaker, known to its readers by that name
        headed |= {m.group(1) for c in r.resolved if (m := _SPEAKER.match(c.text, len(c.keyword.text)))}
        spelled: set[str] | None = None  # read only for an acronym never defined (most resolutions have none)
        for clause in r.clauses:
            clean = clause.text
            if capitals_share(clean) > 0.5:
                continue  # a clause written in capitals: every word looks like an acronym
            skip = len(clause.keyword.text)
            for acro, at in _definitions(clean):
                defined.setdefault(acro, clause.mapped.source_offset(at))
            for m in _ACRONYM.finditer(clean, skip):
                acro = m.group(1)
                if acro in uses:
                    continue  # its first use is found already
                if (
                    acro in _KEYWORDS
                    or len(acro) > 6
                    or "&" in acro
                    or (not acro.strip("IVXLCDM") and _ROMAN.match(acro))
                ):
                    continue  # keywords in capitals, words in capitals, names (H&R, AT&T), roman numerals
                after = m.end()
                if after + 1 < len(clean) and clean[after].isspace() and clean[after + 1].isdecimal():
                    continue  # a code cited by section: "ORS 221.760", "USC 1983"
                if acro in EMPHASIS or _not_an_acronym(clean, m.start(1), m.end(1)):
                    continue
                if _LABEL_AFTER.match(clean, m.end(1)) and _opens_line(text, clause.mapped.source_offset(m.start(1))):
                    continue  # a form's label opening its line: "ATTEST:", "AYES: 5", "NOES: 0" by the signatures
                if clause.kind == "resolved" and _OPERATIVE_VERB.match(clean[: m.end(1)]):
                    continue  # an operative paragraph's verb in capitals: "(OP1) URGES Member States", "2. REQUESTS"
                if before is None:
                    before = _Before.of(text)
                if before.defined(acro, r.span.start) or before.used(acro, r.span.start):
                    continue
                span = clause.mapped.source_span(m.start(1), m.end(1))
                if ctx.in_quotation(span.start, span.end):
                    continue
                if _LINK_AFTER.match(text, span.end):
                    continue  # a link's text ("`REUSE <https://reuse.software/>`_", "[REUSE](…)"): the link says what it is
                uses.setdefault(acro, (span, clause))
        for acro, (span, clause) in sorted(uses.items(), key=lambda kv: kv[1][0].start):
            where = defined.get(acro)
            if where is None:
                if allowed is None:
                    allowed = set(ctx.profile.common_acronyms) | KNOWN | STATES | set(ctx.options.allow)
                if acro in allowed or acro in headed:
                    continue
                if spelled is None:
                    # the text before the resolution and all of its own, not only the clauses the structure read:
                    # "never" is said of the document, and a recital the structure did not take for one ("A.
                    # whereas the European Labour Authority (ELA) …" under "The European Parliament,") is still
                    # read by the reader
                    own = text[max(0, r.span.start - 20000) : r.span.end]
                    spelled = _spelled_out(" ".join([own, *(c.text for c in r.clauses)]))
                if acro in spelled:
                    continue  # allowed, or the name is written out in full ("the Americans with Disabilities Act … the ADA")
                yield self.diagnostic(
                    ctx,
                    span,
                    f"{acro!r} is never spelled out: write the name in full at its first use, then ({acro})",
                    clause=clause,
                )
            elif where > span.start:
                # where the definition is, as the reader finds it: a line of a text file, a clause of a Word file
                there = (
                    place(r.source, Span(where, where + 1))
                    if has_places(r.source)
                    else f"line {r.source.position(where).line}"
                )
                yield self.diagnostic(
                    ctx,
                    span,
                    f"{acro!r} is used before it is defined ({there}): spell it out here, at its first use",
                    clause=clause,
                )


#: what follows a link's text in Markdown ("](") and reStructuredText (" <https://…>`_")
_LINK_AFTER = lazy_compile(r"\]\(|\s*<https?://[^>\s]+>`_")


#: the acronym a resolving clause opens with, after its keyword: "…, that the NAACP calls", "…, That our AMA work"
_SPEAKER = lazy_compile(
    r"[\s,:]*(?:(?:that|That|THAT)\s+)?(?:the|The|THE|our|Our|OUR|this|This)\s+([A-Z][A-Z&]*[A-Z])\b"
)


_DEF_PAREN = lazy_compile(
    r"[(\[]\s*(?:(?:[^()\[\]]{0,60}?\s)?(?:as|hereinafter|or|collectively)\s+|[^()\[\]]{0,80}?[;,]\s+)?(?:the\s+)?(?:``|[\"“])?"
    # "(ACLU)", "[“RP”]", "(the “TRA”)", "(BDS Campaign)", GPO's "(commonly known as ``STEM'')": the acronym,
    # perhaps with the word it names
    r"([A-Z][A-Z&]*[A-Z])s?(?:''|[\"”])?(?:\s+[A-Z][a-z]+){0,2}\s*[)\]]"
)


_NAME_RUN = lazy_compile(
    r"(?:[A-Z][a-z][\w’'-]*(?:\s+(?:of|for|and|with|on|the|to|de|in)){0,2}\s+){1,7}[A-Z][a-z][\w’'-]*"
)
_SMALL = frozenset({"of", "for", "and", "with", "on", "the", "to", "de", "in"})
#: the same run in capitals, as a letterhead or a heading writes the name: "AMALGAMATED TRANSIT UNION LOCAL 1309"
_CAPS_RUN = lazy_compile(r"(?:\b[A-Z][A-Z’'-]+(?:\s+(?:OF|FOR|AND|WITH|ON|THE|TO|DE|IN)){0,2}\s+){1,7}[A-Z][A-Z’'-]+\b")


def _spelled_out(text: str) -> set[str]:
    """The acronyms of the names written out in full in ``text``: the initials of each run of capitalised
    words, or of words in capitals ("AMALGAMATED TRANSIT UNION" → ATU) ("Americans with Disabilities Act" → ADA, "Chief Executive Officer and General Manager" → CEOGM,
    CEO, GM: every run of two or more of its capitalised words)."""
    out: set[str] = set()
    runs = [*_NAME_RUN.finditer(text), *_CAPS_RUN.finditer(text)]
    for m in runs:
        initials = [w[0] for w in m.group(0).split() if w.lower() not in _SMALL]
        for i in range(len(initials)):
            for j in range(i + 2, len(initials) + 1):
                out.add("".join(initials[i:j]))
    return out


def _not_an_acronym(clean: str, start: int, end: int) -> bool:
    """A word in capitals that is no acronym: one of a run of them ("TAKE BACK", "CITY OF DAVIS LIVING WAGE
    ORDINANCE", "FOR ALL"), a section's heading ("SECTION 4. MINIMUM WAGE."), a form's placeholder ("[SELECT
    ONE]", "YYYY-MM-DD"), a company's legal form after its name ("Marine Services, LLC"), a code ("MTK-239", "FCCC/CP/2015/10"), or a word inside a name in quotation marks
    (“New York State on PAUSE”)."""
    word = clean[start:end]
    if len(set(word)) == 1:
        return True  # "YYYY", "XXX": a placeholder
    if word in LEGAL_FORMS and _NAME_BEFORE.search(clean, max(0, start - 60), start):
        return True  # a company's legal form, part of its name: "Marine Services, LLC", "Grant Ellis LLP"
    if re.match(r"[-/][A-Za-z0-9]", clean[end : end + 2]):
        return True  # a code or a compound name: "FCCC/CP/2015/10", "MTK-239", "TK-6", "SARS-CoV-2"
    before, after = clean[max(0, start - 40) : start], clean[end : end + 40]
    if _CAPS_BEFORE.search(before) or _CAPS_AFTER.match(after):
        return True
    if _SECTION_HEADING.search(before):
        return True
    if before.rfind("[") > before.rfind("]") and "]" in after:
        return True
    head = clean[:start]
    return head.count('"') % 2 == 1 or head.count("“") > head.count("”")


#: a company's or a partnership's legal form, written after its name and part of it, never spelled out
LEGAL_FORMS = frozenset("LLC LLP PLLC LP PLC LTD INC PC CIC PTY SARL".split())
#: the capitalised word that ends the name a legal form follows ("Services, ", "Ellis ", "Co. ")
_NAME_BEFORE = lazy_compile(r"[A-Z][\w&.’'-]*,?[ \t]+$")

_LABEL_AFTER = lazy_compile(r"[ \t]*:")


def _opens_line(text: str, at: int) -> bool:
    """Whether only white space stands between the line's start and ``at`` in the source."""
    return not text[text.rfind("\n", 0, at) + 1 : at].strip()


_CAPS_BEFORE = lazy_compile(r"\b[A-Z]{2,}[ \t—–-]+$")
_CAPS_AFTER = lazy_compile(r"^[ \t—–-]+[A-Z]{2,}\b(?![a-z])")
_SECTION_HEADING = lazy_compile(r"\b(?:SECTION|Section|SEC\.|Sec\.)\s+\d+[A-Za-z]?\.\s+(?:[A-Z]+[ ,]+)*$")
_WORD_BEFORE = lazy_compile(r"[A-Za-z0-9][\w.’'-]*[\"”’]?\s+$")  # "… Voting Rights Act of 2001 (CVRA)"


def _definitions(clean: str):
    """(acronym, clean index) for each definition in a clause's text."""
    for acro, at, _ in _definitions_read(clean):
        yield acro, at


def _definitions_read(clean: str):
    """(acronym, clean index, how far the pattern read) for each definition in a clause's text."""
    if "(" in clean or "[" in clean:
        # "American Civil Liberties Union (ACLU)", "restorative practices [“RP”]", "the “Great Lakes Authority” (GLA)",
        # "(referred to in this resolution as the “TRA”)", "(hereinafter the GNDCC)":
        # found from the parenthesis, then the word before it.
        for m in _DEF_PAREN.finditer(clean):
            word = _WORD_BEFORE.search(clean, max(0, m.start() - 80), m.start())
            if word is not None:
                yield m.group(1), word.start(), m.end()
        # "ACLU (American Civil Liberties Union)": the capitalised words' initials cover the acronym
        for m in _DEF_NAME_AFTER.finditer(clean) if "(" in clean else ():
            initials = "".join(w[0] for w in m.group(2).split() if w[:1].isupper())
            if set(m.group(1).replace("&", "")) <= set(initials):
                yield m.group(1), m.start(), m.end()
    if "/" in clean:
        # "RSF/Reporters Without Borders", "Reporters Without Borders/RSF"
        for m in _DEF_SLASH_NAME.finditer(clean):
            yield m.group(1), m.start(), m.end() + 2  # (its look-ahead reads two more characters)
        for m in _DEF_NAME_SLASH.finditer(clean):
            yield m.group(1), m.start(), m.end() + 1  # (and this \b one)


_WORD_RUN = lazy_compile(r"[\w&]+")
# _CAPITALS_RUN: the words of _WORD_RUN made of capitals and "&" alone, the only words _Before.used is asked
# about (an acronym of _ACRONYM).  A whole word: not after nor before a word character or "&" (the look-behind
# after the first capital, so that the regex engine scans for capitals).  Reading only these, not every word of
# the text, made _Before 4× faster (0.3 → 0.07 s on the 1.8 MB ``format`` file of benchmarks/hostile.py, read
# once per text: three times by ``format``); tests/test_fast_paths.py holds it to _WORD_RUN.
_CAPITALS_RUN = lazy_compile(r"[A-Z&](?<![\w&][A-Z&])[A-Z&]*(?![\w&])")
_NOT_BEFORE_USE = lazy_compile(r"[\w&.-]")


class _Before:
    """What the text before a resolution holds, for every resolution of one text: the acronyms defined
    there and the ones used there.  Found once per text: reading the whole text before each resolution
    again made a file of many resolutions quadratic.

    A definition counts when all that its pattern read lies before the resolution (so a definition cut
    by the resolution's start, which reading the text before it alone could still find, does not);
    ``tests/test_linear.py`` checks that the two agree on the shared corpora.  A use is a word of
    capitals standing alone (not after ".", "-" or a letter, not before a letter or "&"): exactly as
    before, the word the resolution's start cuts included."""

    def __init__(self, text: str) -> None:
        self.text = text
        #: acronym → the least offset where a definition of it has been read
        self._defined: dict[str, int] = {}
        for acro, _, read in _definitions_read(text):
            if read < self._defined.get(acro, read + 1):
                self._defined[acro] = read
        #: word of capitals → the end of its first use standing alone (only such words are asked about)
        self._used: dict[str, int] = {}
        for m in _CAPITALS_RUN.finditer(text):
            start = m.start()
            if start == 0 or text[start - 1] not in ".-":
                self._used.setdefault(m.group(), m.end())

    @staticmethod
    @lru_cache(maxsize=4)  # asked for every resolution of the text being linted
    def of(text: str) -> _Before:
        return _Before(text)

    def defined(self, acro: str, end: int) -> bool:
        """Whether ``text[:end]`` defines ``acro``."""
        return self._defined.get(acro, end + 1) <= end

    def used(self, acro: str, end: int) -> bool:
        """Whether ``text[:end]`` uses ``acro`` standing alone (the last word as it ends there)."""
        if self._used.get(acro, end + 1) <= end:
            return True
        start = end - len(acro)
        return (
            self.text.startswith(acro, start)
            and start >= 0
            and (start == 0 or not _NOT_BEFORE_USE.match(self.text, start - 1))
        )


_DEF_NAME_AFTER = lazy_compile(r"\b([A-Z][A-Z&]*[A-Z])(?:-[A-Z]+)?\s+\(([^()]{3,120})\)")
_DEF_SLASH_NAME = lazy_compile(r"\b([A-Z][A-Z&]*[A-Z])/(?=[A-Z][a-z])")
_DEF_NAME_SLASH = lazy_compile(r"[a-z]/([A-Z][A-Z&]*[A-Z])\b")


RULE = UndefinedAcronym()
