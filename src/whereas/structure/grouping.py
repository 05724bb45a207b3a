"""Gather classified lines into clauses (with their continuation lines) and cut them into resolutions.

``group_lines`` walks the lines once, keeping the clause being gathered and the lines since the last
clause; the predicates below it answer, at each line, whether it opens a clause, continues the one
being gathered, or starts the next resolution.  The preamble paragraphs written without "Whereas"
are found by ``structure.preamble``."""

from __future__ import annotations

import re

from whereas.patterns import lazy_compile
from whereas.structure.afterlist import closes_its_list
from whereas.structure.between import narrative, notice_at, split_pending
from whereas.structure.drafts import ClauseDraft, Group, only_keyword
from whereas.structure.endings import CLERK_CODE, FRENCH_HALF
from whereas.structure.keywords import (
    AND_THAT,
    BE_IT_FURTHER_LINE,
    BLOCK_INTRO,
    BULLETS,
    CALLOUT_AFTER_MARK,
    RECITAL,
    THEREFORE_CLAUSE,
)
from whereas.structure.lines import (
    COMMENT_LINE,
    ENACTING,
    ITEM,
    OUTCOME,
    PROSE_RESOLUTION,
    SECTION_LINE,
    WRAPPER_TAGS,
    Line,
    follows_label,
    heading_text,
    is_generic_heading,
    label_of,
    misnumbered,
)
from whereas.structure.preamble import joined, paragraph_runs, unkeyed_preamble

# The labelled sections printed under a resolution, which end its last clause (also one that quotes the text it
# amends "to read as follows:" up to the next keyword): a label and its text ("EXPLANATION: …", "Fiscal Note:
# Modest", "Received: 04/02/26"), or a section's label alone on its line ("REFERENCES", "RELEVANT AMA POLICY",
# "REPORT", "Background"), and a signature block's "Respectfully submitted,"
_TRAILER = (
    r"(?:explanation|rationale|background|fiscal\s+(?:impact|note)|budget\s+impact|staff\s+report|received)\s*:"
    r"|(?:explanation|rationale|background|fiscal\s+note|references|report|relevant\s+(?:[\w-]+\s+){0,3}polic(?:y|ies))"
    r"[*_ \t]*:?[*_ \t]*$"
    r"|respectfully\s+submitted\b"
)
# Lines that close a resolution rather than continue its last clause (and lines.OUTCOME: "CARRIED", "Motion lost").
CLOSING = lazy_compile(
    r"^\W*(?:adopted|approved|passed|dated|signed|attest|disclaimer|date:|presented\s+by|introduced\s+by|"
    r"ordered,?\s+adjudged\b|" + _TRAILER +
    # what a committee or the meeting did with it: "Committee recommendation: CONCUR.", "Action taken: Adopted"
    r"|(?:committee\s+)?(?:recommendation|disposition|action\s+taken)\s*:"
    # the meeting an intergovernmental body adopted it at, printed under it: "Tenth meeting, 7 February 2025",
    # "62nd plenary meeting" (WHO, the UN General Assembly)
    r"|[\w-]*(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting(?:,?\s+\d{1,2}\s+[a-z]+\s+\d{4})?[.\s]*$"
    # an Indian company's certified copy signed under the last clause: "For Shriram Agro Foods Private Limited" /
    # "Sd/-" / "DIN: 06812345"
    r"|sd/-|din\s*:|for\s+(?:and\s+on\s+behalf\s+of\s+)?[\w&.,' -]{2,80}\b(?:limited|ltd\.?|llp|plc)\s*$)",
    re.I,
)


def _ends_open(text: str) -> bool:
    t = text.rstrip(" *_")
    return t.endswith((":", "—", "–", "-", "--")) or bool(re.search(r"\b(?:including|follows)$", t, re.I))


# how a clause ends before the next: "; and", "be it", "further", a full stop.  A bare "and" after a word
# ("… General Manager's Report and") is the middle of a sentence that a (double-spaced) line break cut.
_CONNECTOR_END = lazy_compile(r"(?:(?:[;,:.]\s*|^)(?:and|or)|\b(?:it|further|finally|therefore)|[;.!?:”\"'’])$", re.I)


_ENACTING_HEAD = lazy_compile(
    r"^[*_\s]*(?:NOW,?\s+THEREFORE,?\s+)?BE\s+IT\s+RESOLVED,?\s+BY\s+THE\s[^.;:]{3,200}:[*_\s]*(?:RESOLUTION|ORDINANCE)?[*_\s]*$",
    re.I,
)
_LIST_ENTRY_END = lazy_compile(r"[;,](?:\s*(?:and|or))?$")
# a resolving clause's next entry without its "That": who is to act, then "be" and what they are to do
# ("…approve $50,000;" / "Staff be directed to report …" / "The Mayor and Clerk be authorized to sign …")
_SUBJUNCTIVE_ENTRY = lazy_compile(
    r"^(?:The[ \t]+)?[A-Z][\w'’.-]*(?:[ \t]+(?:and|of|the|[A-Z][\w'’.-]*)){0,6}[ \t]+be[ \t]+"
    r"(?:and[ \t]+(?:is|are)[ \t]+)?(?:hereby[ \t]+)?[a-z]+(?:ed|en)\b"
)
_SENTENCE_END = lazy_compile(r"[.!?][\"”’)]?$")


_ENACTS = lazy_compile(r"^(?:(?!resolved)[^:]){0,60}?\b(?:ordained|enacted)\b", re.I)


def _new_sentence(text_so_far: str, stripped: str) -> bool:
    """The clause so far ends a sentence and the line starts another, in capitals, without a label."""
    return (
        bool(re.search(r"[.!?][\"”’)]?$", text_so_far.rstrip(" *_")))
        and stripped[:1].isupper()
        and not ITEM.match(stripped)
    )


def _words_in(lines: list[Line]) -> int:
    """How many words ``lines`` hold: one sentence between two recitals is a note, an article is another text."""
    return sum(len(line.text.split()) for line in lines if line.kind == "text")


def _resumes_list(clause: ClauseDraft, pending: list[Line], line: Line) -> bool:
    """Whether ``line`` is the next item of the list ``clause`` ended in, after a paragraph of plain text."""
    text = []
    for p in pending:  # (up to the seventh line of text: asked at every item line after a clause)
        if p.kind != "blank":
            text.append(p)
            if len(text) > 6:
                return False
    if not text or any(p.kind != "text" or CLOSING.match(p.text.lstrip()) for p in text):
        return False
    found = label_of(line)
    if found is None or found[0] in ("1", "a", "A", "i", "I"):
        return False
    # the clause's last item, looked for from its end
    last = next((label for ln in reversed(clause.lines) if ln.kind == "item" and (label := label_of(ln))), None)
    if last is None:
        return False
    return follows_label(last[0], found[0]) and found[0] not in BULLETS


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip(" \t"))


def _mid_sentence(text: str) -> bool:
    """The clause so far stops in the middle of a sentence ("… Governor of the State of New")."""
    t = text.rstrip(" *_")
    if t.endswith("]"):
        t = CALLOUT_AFTER_MARK.sub("", t)  # "… Cultural Rights,[^5]" stops where "… Cultural Rights," does
    if not t or _CONNECTOR_END.search(t):
        return False
    return t[-1].isalnum() or t[-1] in ",%$"


def _introduces_list(lines: list[Line], at: int) -> bool:
    """Line ``at`` is one paragraph ending with ":" and the next paragraph is a list item."""
    if not lines[at].text.rstrip(" *_").endswith(":"):
        return False
    for line in lines[at + 1 :]:
        if line.kind != "blank":
            return line.kind == "item"
    return False


def group_lines(lines: list[Line], *, article: bool = False) -> list[Group]:
    """Gather clauses (with their continuation lines) and cut them into resolutions.

    ``article``: the text is an article that reproduces resolutions (its prose is the article's)."""
    groups: list[Group] = []
    current = Group()
    pending: list[Line] = []  # non-clause lines since the last clause
    quiet_pending = True  # whether those are only blank lines and tags (kept as they come: asked at every line)
    clause: ClauseDraft | None = None
    blank_before = False
    in_list = False
    set_off: int | None = None
    quoting = False
    page_broke = page_broke_here = False  # a page ended since the last line with text / right above this one
    # a bare "Resolved:" label (a template's) above the recitals or below the "That …" paragraph: that
    # paragraph after the recitals resolves
    label_seen = any(
        line.kind == "resolved" and only_keyword(line.text) and "resolved" in line.text.lower() for line in lines
    )

    def close_group() -> None:
        nonlocal current
        if current.clauses:
            groups.append(current)
        current = Group()

    # the number of the next "Section N." line after each line (a section runs on over its paragraphs
    # until the section after it)
    next_section: list[int | None] = [None] * len(lines)
    upcoming: int | None = None
    for at in range(len(lines) - 1, -1, -1):
        next_section[at] = upcoming
        if lines[at].kind == "section":
            m = SECTION_LINE.match(lines[at].text)
            upcoming = int(m.group("n")) if m else upcoming

    blanks_seen = blank_run = 0  # blank lines right before this line
    for at, line in enumerate(lines):
        kind = line.kind
        if kind == "blank":
            blanks_seen += 1
        else:
            blank_run, blanks_seen = blanks_seen, 0
        if kind == "resolved" and _ENACTS.match(line.text) and not current.has_recital:
            # "BE IT ORDAINED BY THE CITY COUNCIL:" with no recitals above: an ordinance, not a resolution
            kind = "text"
            line = line._replace(kind="text")
        if (
            kind == "text"
            and current.clauses
            and (blank_before or clause is None)
            and quiet_pending
            and THEREFORE_CLAUSE.match(line.text)
            and (
                (current.clauses[-1].kind == "recital" and not current.has_resolved)
                # "Therefore, the DSLC will …" after "Therefore be it resolved that …": another resolving clause
                or (
                    current.clauses[-1].kind == "resolved"
                    and re.match(r"^[\s*_>\"“]*therefore\b", current.clauses[-1].lines[0].text, re.I)
                )
            )
        ):
            kind = "resolved"
            line = line._replace(kind="resolved")
        if (
            kind == "text"
            and clause is not None
            and clause.kind == "recital"
            and blank_before
            and not current.has_resolved
            and _under_whereas_colon(current)
            and stripped_upper(line.text)
        ):
            # "WHEREAS:" and the findings under it, a paragraph each: each finding is a recital
            kind = "recital"
            line = line._replace(kind="recital")
        if kind == "section":
            if _opens_sections(current, clause, pending, line):
                kind = "resolved"
                line = line._replace(kind="resolved")
            else:
                kind = "text"
                line = line._replace(kind="text")
        if (
            kind == "recital"
            and current.clauses
            and current.clauses[-1].kind == "resolved"
            and current.resolving == 1  # and the others are recitals
            and (
                current.clauses[-1].only_keyword()
                # "BE IT RESOLVED BY THE BOARD OF CITY COMMISSIONERS OF THE CITY OF FARGO:" printed above the
                # recitals: the resolution's enacting head, not a clause
                or (len(current.clauses) == 1 and _ENACTING_HEAD.match(" ".join(current.clauses[-1].body().split())))
            )
        ):
            # a template's bare "Resolved:" label above the recitals: the label, not a clause ("That …" resolves)
            label = current.pop()
            current.before.extend(label.lines)
            label_seen = True
            clause = None
        if (
            kind == "text"
            and label_seen
            and current.clauses
            and current.clauses[-1].kind == "recital"
            and not current.has_resolved
            and (blank_before or clause is None)
            and _THAT_CLAUSE.match(line.text)
        ):
            kind = "resolved"
            line = line._replace(kind="resolved")
        if kind == "text" and (blank_before or clause is None) and _LOWER_WHEREAS.match(line.text):
            # "whereas the library …" typed in lower case, a paragraph of its own: a recital (a wrapped line that
            # starts with "whereas" has no blank line before it and goes on with its clause)
            kind = "recital"
            line = line._replace(kind="recital")
        if (
            kind == "text"
            and current.clauses
            and current.clauses[-1].kind == "recital"
            and not current.has_resolved
            and (blank_before or clause is None)
            and _RECITAL_OPENER.match(line.text.lstrip())
            and not _introduces(lines, at)
        ):
            # "Since the President and Provost have proven …," / "Finding, that …" among the recitals: a
            # recital of its own without the keyword
            kind = "recital"
            line = line._replace(kind="recital")
        if (
            kind == "text"
            and clause is not None
            and clause.kind == "resolved"
            # (in capitals, on the line after the clause's end: a PDF whose paragraphs have no blank line between)
            and (blank_before or _CAPITAL_AND_THAT.match(line.text))
            and _THAT_CLAUSE.match(line.text)
            and _THAT_SERIES.match(clause.body())
            and _SERIES_END.search(clause.body().rstrip(" *_"))
        ):
            # "THEREFORE BE IT RESOLVED:" / "That A; and" / "That B; and" / "That C.": each "That" resolves
            kind = "resolved"
            line = line._replace(kind="resolved")
        if kind == "resolved" and clause is not None and not blank_before and BE_IT_FURTHER_LINE.match(line.text):
            kind = "text"  # "…; and be it further" wrapped onto a line of its own: the clause's connector
            line = line._replace(kind="text")
        if (
            kind in ("item", "quote", "text")
            and clause is not None
            and clause.kind == "resolved"
            and _NUMBERED_THAT.match(line.text)
            and not any(ln.kind == "item" for ln in clause.lines)
        ):
            # "Resolved, That …" / "2. That we give our votes …": numbered resolutions of one series
            kind = "resolved"
            line = line._replace(kind="resolved")
        if kind in ("recital", "resolved"):
            if (
                clause is not None
                and clause.kind == kind
                and clause.only_keyword()
                and not SECTION_LINE.match(line.text)  # "NOW, THEREFORE, BE IT RESOLVED:" enacts "Section 1: …"
            ):
                # "IT WAS RESOLVED THAT:" followed by "Therefore be it resolved that …": one clause
                clause.lines.append(line)
                blank_before = False
                continue
            # A recital after a resolving clause starts another resolution, and so does a heading among
            # the lines in between: after a resolving clause, or as high as the one that opened this
            # group (a second agreement's recitals in an exhibit).
            has_resolved = current.has_resolved
            starts_new = kind == "recital" and has_resolved
            if (
                not starts_new
                and current.clauses
                and narrative(pending)
                and (has_resolved or kind == "recital" and _words_in(pending) >= 40)
            ):
                # commentary between two quoted resolutions ("Their next resolution read:—"), or between a
                # quoted charter's preamble and a petition's recitals
                starts_new = True
            if not starts_new and pending and any(p.kind == "heading" for p in pending):
                if has_resolved:
                    starts_new = True
                else:
                    top_level = min((b.level for b in current.before if b.kind == "heading"), default=None)
                    starts_new = top_level is not None and any(
                        p.kind == "heading" and p.level <= top_level and not is_generic_heading(heading_text(p))
                        for p in pending
                    )
            if not starts_new and has_resolved and kind == "resolved" and notice_at(pending) is not None:
                starts_new = True  # the next notice of motion on a notice paper ("113  Senator A: To move—")
            if starts_new and kind == "resolved" and _next_section_of(current, line):
                # "Section 4." after "Section 3." of the same enactment, whatever stands between them (the text
                # Section 3 added to the code, an editor's note): one ordinance's sections
                starts_new = False
            if starts_new:
                split = split_pending(pending)
                current.after.extend(split[0])
                close_group()
                current.before.extend(split[1])
            elif not current.clauses:
                current.before.extend(pending)
            else:
                current.after.extend(pending)  # stray lines between clauses: kept for sponsors
            if not current.clauses:
                for draft in unkeyed_preamble(
                    current.before,
                    before_recital=kind == "recital",
                    opens_document=not groups and not article,
                    before_prose=kind == "resolved" and bool(PROSE_RESOLUTION.match(line.text)),
                ):
                    current.add(draft)
            pending, quiet_pending = [], True
            clause = ClauseDraft(kind, [line])
            current.add(clause)
            blank_before = False
            in_list = False
            set_off = None  # the indentation of an unlabelled list the clause introduced ("… including:")
            quoting = False  # the clause quotes a text without marks ("ORS 221.760 provides:"), to its end
            continue
        if clause is None and kind == "item" and current.clauses and _resumes_list(current.clauses[-1], pending, line):
            # "1. thanks …;" / "Note: the volunteers gave 500 hours." / "2. funds …": the list goes on, and
            # the paragraph that interrupted it stays in the clause
            clause = current.clauses[-1]
            clause.lines.extend(pending)
            clause.lines.append(line)
            pending, quiet_pending = [], True
            in_list, blank_before = True, False
            continue
        if kind == "blank" and line.text == "\f":
            page_broke = True
        elif kind != "blank":
            page_broke_here, page_broke = page_broke, False
        if clause is not None:
            if kind == "blank":
                blank_before = True
                continue
            if kind == "tag" and (COMMENT_LINE.match(line.text) or WRAPPER_TAGS.match(line.text)):
                # an HTML comment inside a clause (a template's hint), a list's or a block's own tag ("<ul>",
                # "</div>") neither ends nor joins it
                continue
            stripped = line.text.lstrip()
            if kind == "text" and FRENCH_HALF.match(stripped):
                clause = None  # a bilingual council's French resolution after the English one: unread, not glued on
                pending.append(line)
                quiet_pending = False
                continue
            # "Approved …" closes; "approved the American River …" wrapped under "… Board of Education (Board)" goes on
            closing = (CLOSING.match(stripped) or OUTCOME.match(stripped)) and not (
                stripped[:1].islower() and not blank_before
            )
            closing = closing or (kind == "text" and clause.kind == "resolved" and bool(CLERK_CODE.match(stripped)))
            # the clause so far is only looked at after a blank line, at a heading or at a closing line
            text_so_far = clause.body_end() if blank_before or closing or kind == "heading" else ""
            # a scraped page turns a wrapped line into a heading ("## of Engineers; and be it further")
            # (… but not a lettered item's heading: "### b. Appointment of …")
            stray_heading = kind == "heading" and (
                heading_text(line)[:1].islower()
                and not _LETTERED_HEADING.match(heading_text(line))
                or (not blank_before and _mid_sentence(text_so_far))
            )
            if kind in ("heading", "tag", "sponsor", "meta") and not stray_heading:
                clause = None
                pending.append(line)
                quiet_pending = quiet_pending and kind in ("blank", "tag")
                continue
            # (minutes' action item after a blank line ends a clause that stops without a period: "RESOLVED: Keep
            # the values" / "ACTION: florian to open an issue")
            action = blank_before and stripped[:1] in "Aa" and _ACTION_ITEM.match(stripped)
            if action or closing and not _mid_sentence(text_so_far) and not _ends_open(text_so_far):
                clause = None  # "Disclaimer: …", "Adopted this 9th day …" right under the last clause
                pending.append(line)
                quiet_pending = quiet_pending and kind in ("blank", "tag")
                continue
            # a block quotation ends where its ">" lines end, even without a blank line (an editor's
            # comment right under a quoted resolution)
            left_quote = clause.lines[-1].text.lstrip().startswith(">") and not stripped.startswith(">")
            section = SECTION_LINE.match(clause.lines[0].text)
            within_section = (
                section is not None
                and kind in ("text", "item", "quote")
                and next_section[at] == int(section.group("n")) + 1
            )
            section_heading_only = section is not None and blank_before and clause.at_most_words(8)
            introduces_quote = (
                kind == "text" and stripped.rstrip(" *_").endswith(":") and _next_kind(lines, at) == "quote"
            )
            # "Therefore, Donald John Trump … warrants impeachment …" closing an article of a resolving clause
            concludes = kind == "text" and clause.kind == "resolved" and bool(THEREFORE_CLAUSE.match(line.text))
            continuation = (
                within_section
                or section_heading_only
                or introduces_quote
                or concludes
                or not left_quote
                and (
                    not blank_before
                    or stray_heading
                    or (text_so_far and clause.only_keyword())
                    or kind == "quote"
                    or (kind == "item" and not _new_agenda_item(clause, line, text_so_far))
                    or (
                        in_list
                        and line.text.startswith((" ", "\t"))
                        and not (page_broke_here and _new_sentence(text_so_far, stripped))
                        # an indented text (a bill's back page) several blank lines under a list that ended its sentence
                        and not (blank_run >= 2 and _SENTENCE_END.search(text_so_far.rstrip(" *_")))
                    )
                    or _ends_open(text_so_far)
                    or stripped[:1].islower()
                    or (
                        not in_list
                        and stripped[:1] in '"“'
                        and not re.search(r"[.!?][\"”’)]?$", text_so_far.rstrip(" *_"))
                    )
                    or (_mid_sentence(text_so_far) and not closing)
                    # the next entry of a resolving clause whose entry ended with ";" (its "That" left out)
                    or (
                        clause.kind == "resolved"
                        and kind == "text"
                        and not closing
                        and _LIST_ENTRY_END.search(text_so_far)
                        and text_so_far.rstrip().endswith(("; and", "; or", ";"))
                        and _SUBJUNCTIVE_ENTRY.match(stripped) is not None
                    )
                    # a resolving clause that goes on after its list with another list
                    # ("…; and tables." / "To avoid problems …, agencies should:" / "- Take into account …")
                    or (in_list and clause.kind == "resolved" and kind == "text" and _introduces_list(lines, at))
                    # the one sentence under the list that ends the resolution ("The choice is up to the projects.")
                    or (
                        in_list
                        and clause.kind == "resolved"
                        and kind == "text"
                        and closes_its_list(clause.lines, lines, at, CLOSING)
                    )
                    # the next entry of an unlabelled, indented list: "Schedule 1 (…); and" / "Schedule 2 (…); and"
                    or (
                        set_off is not None
                        and kind == "text"
                        and _indent(line) >= set_off
                        and _LIST_ENTRY_END.search(text_so_far)
                    )
                    # … or an entry of several lines and no sentence in it, at the list's own indentation
                    # ("Trustee Area IV / Said Term: 4 years / (07/01/2024 – 06/30/2028)", then "Trustee Area V …")
                    or (
                        set_off is not None
                        and kind == "text"
                        and _indent(line) == set_off
                        and not _SENTENCE_END.search(text_so_far.rstrip(" *_"))
                    )
                    or (quoting and kind in ("text", "item") and not closing)
                )
            )
            if continuation:
                if blank_before and BLOCK_INTRO.search(text_so_far):
                    quoting = True
                if (
                    blank_before
                    and kind == "text"
                    and _indent(line) > _indent(clause.lines[0])
                    and _ends_open(text_so_far)
                ):
                    set_off = _indent(line)
                clause.lines.append(line)
                if kind == "item":
                    in_list = True
                blank_before = False
                continue
            clause = None
        if kind == "blank":
            blank_before = True
        if kind != "blank" or pending:
            pending.append(line)
            quiet_pending = quiet_pending and kind in ("blank", "tag")
    if clause is None and current.clauses:
        current.after.extend(pending)
    close_group()
    return groups


# "2. That …", and the 19th century's "2d. That …", "3rd. That …", "Second. That …", "Fourth, That …"
_NUMBERED_THAT = lazy_compile(
    r"^[\s*_\"“>]*(?:(?:[2-9]|[1-9]\d)(?:d|nd|rd|th)?\.|(?:Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)[.,])"
    r"\s+That\s+[a-z]"
)
# "That …", and a council's "AND THAT …", "AND FURTHER THAT …", "And finally that …" (the Canadian municipal form)
_THAT_CLAUSE = lazy_compile(r"^[\s*_]*(?:" + AND_THAT + r"|That|THAT)\s+\S")
_CAPITAL_AND_THAT = lazy_compile(r"^[\s*_]*AND\s+(?:(?:FURTHER|FINALLY|ALSO)\s+)?THAT\s+\S")
# a resolving clause that is one of a series of "That …" clauses: "RESOLVED: That …", "That …"
_THAT_SERIES = lazy_compile(
    r"^[\s*_>\"“]*(?:[\w,]+\s+){0,6}?resolved[\s,:*_]*that\b|^[\s*_]*(?:and\s+(?:(?:further|finally|also)\s+)?)?that\b",
    re.I,
)
# how a resolving clause of a series ends before the next "That …": "; and", ";", "."
_SERIES_END = lazy_compile(r"(?:;|;\s*(?:and|or)|\.)$")
# "whereas" in lower case at a paragraph's start (a draft typed without capitals; not whereas's own
# "whereas: ignore W007" directive)
_LOWER_WHEREAS = lazy_compile(r"^[ \t]*(?:and[ \t]+)?whereas\b(?![ \t]*:[ \t]*(?:ignore|noqa))[ \t]*[,:]?[ \t]+\S")


def _under_whereas_colon(group: Group) -> bool:
    """Whether the group's recitals are the findings under one "WHEREAS:" label (a shareholder proposal's form):
    its first recital opens with the label and every other one is unkeyed."""
    recitals = [c for c in group.clauses if c.kind == "recital"]
    return (
        bool(recitals)
        and _WHEREAS_COLON.match(recitals[0].lines[0].text) is not None
        and not any(RECITAL.match(c.lines[0].text) for c in recitals[1:])
    )


# How a recital opens without "Whereas": "Since …", "Inasmuch as …", "Considering that …"
_RECITAL_OPENER = lazy_compile(
    r"^[\"“*_]*(?:Since|Because|Inasmuch\s+as|Insomuch\s+as|Considering(?:\s+that)?|Given\s+that|Noting\s+that|Finding,?\s+that|"
    r"Recognizing\s+that|Recognising\s+that|Believing\s+that|Realizing\s+that|Realising\s+that|And(?=\s+[a-z]))\s+[a-z]"
)


_WHEREAS_COLON = lazy_compile(r"^[\s*_>#]*(?:WHEREAS|Whereas)[*_]*\s*:")


def _introduces(lines: list[Line], at: int) -> bool:
    """Whether the paragraph starting at ``at`` ends with ":" or a dash: it introduces what follows (an
    article's "And now along comes a petition …:—"), it is no recital."""
    end = at
    while end + 1 < len(lines) and lines[end + 1].kind not in ("blank", "heading", "recital", "resolved"):
        end += 1
    return lines[end].text.rstrip(" *_").endswith((":", ":—", "—", ":-", "--"))


def stripped_upper(text: str) -> bool:
    bare = text.lstrip(" \t*_>")
    return bool(bare) and bare[0].isupper()


def _next_section_of(current: Group, line: Line) -> bool:
    """Whether ``line`` is the section after the group's last resolving clause, a section too ("Section 3." →
    "Section 4.")."""
    m = SECTION_LINE.match(line.text)
    if m is None or not current.clauses or current.clauses[-1].kind != "resolved":
        return False
    last = SECTION_LINE.match(current.clauses[-1].lines[0].text)
    return last is not None and int(m.group("n")) == int(last.group("n")) + 1


def _opens_sections(current: Group, clause: ClauseDraft | None, pending: list[Line], line: Line) -> bool:
    """Whether a "Section N." line starts a resolving clause: the resolution has an enacting line right
    before it ("… resolves as follows:", "BE IT RESOLVED by the City Council of Rivergrove:"), the
    section before it, or a resolving clause that is its section 1 (``_section_two``).  An enacting line without a keyword ("… DO HEREBY ORDAIN AS FOLLOWS:") is made
    the resolving clause it is.  Anywhere else (a statute quoted in a recital) it is text."""
    if not current.clauses:
        return False
    last = current.clauses[-1]
    if last.kind == "resolved" and SECTION_LINE.match(last.lines[0].text):
        return True
    if clause is last and last.kind == "resolved":
        body = last.body().rstrip(" *_")
        if body.endswith((":", ",")) or only_keyword(body):
            return True
        if _section_two(current, line, body):
            return True
    runs = paragraph_runs(pending)
    if runs and runs[-1][0].kind == "text" and ENACTING.search(joined(runs[-1])):
        run = runs[-1]
        at = pending.index(run[0])
        current.add(
            ClauseDraft(
                "resolved",
                [Line(ln.start, ln.end, "resolved" if k == 0 else ln.kind, ln.text) for k, ln in enumerate(run)],
            )
        )
        del pending[at:]
        return True
    return False


# a sentence that ends the clause: "… Resolution of 2025".", "… the General Manager."
_SENTENCE_CLOSE = lazy_compile(r"[.!?][\"”’)]?$|[\"”’)][.!?]$")
# a clause that hands on to a text it quotes or lists: "… is amended as follows.", "… reads:"
_HANDS_ON = lazy_compile(r"\b(?:as\s+follows|to\s+read|reads?|provides?|following)\W*$", re.I)


def _section_two(current: Group, line: Line, body: str) -> bool:
    """Whether ``line`` is "Sec. 2." right under the resolution's one resolving clause, a sentence that is its
    section 1 unnumbered: "RESOLVED, BY THE COUNCIL OF THE DISTRICT OF COLUMBIA, That this resolution may be
    cited as …." / "Sec. 2. The Council …" (DC Council, any legislature's resolution whose first section is
    its short title).  Only section 2, only after a whole sentence that quotes nothing after it."""
    m = SECTION_LINE.match(line.text)
    return (
        m is not None
        and m.group("n") == "2"
        and current.resolving == 1
        and bool(_SENTENCE_CLOSE.search(body))
        and not _HANDS_ON.search(body)
    )


def _next_kind(lines: list[Line], at: int) -> str | None:
    """The kind of the first non-blank line after ``at``."""
    for line in lines[at + 1 : at + 6]:
        if line.kind != "blank":
            return line.kind
    return None


def _new_agenda_item(clause: ClauseDraft, line: Line, text_so_far: str) -> bool:
    """An item line after a clause that ended its sentence, which neither starts nor continues a list of the
    clause: the next item of an agenda ("B. Resolution to Change the Apache Tiles Chair")."""
    if not text_so_far.rstrip(' *_"”').endswith((".", "!", "?")) or clause.only_keyword():
        return False
    found = label_of(line)
    if found is None or found[0] in ("1", "a", "A", "i", "I") or found[0] in BULLETS:
        return False
    # the clause's last label, looked for from its end (not every line's, at every item line)
    last = next((x[0] for x in map(label_of, reversed(clause.lines)) if x is not None), None)
    if last is not None and misnumbered(last, found[0]) and len(line.text.split()) >= 8:
        return False  # the list's next item numbered wrong ("4. The applicant shall record …" after "2."): R006's
    return last is None or not follows_label(last, found[0])


_ACTION_ITEM = lazy_compile(r"^(?:ACTION(?:[ \t]+ITEM)?|Action(?:[ \t]+[Ii]tem)?)S?[ \t]*:[ \t]*\S")
_LETTERED_HEADING = lazy_compile(r"^(?:[a-z]{1,2}|[ivx]{1,5})[.)][ \t]+[A-Z0-9“\"]")
