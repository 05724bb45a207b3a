"""The resolution's title."""

from __future__ import annotations

import re

from whereas.model import Span, Title
from whereas.patterns import lazy_compile
from whereas.structure.captionbox import caption_title
from whereas.structure.certified import certified_caption
from whereas.structure.clean import strip_placeholders
from whereas.structure.frontmatter import FrontMatter
from whereas.structure.intergovernmental import BODY_LINE
from whereas.structure.issueforms import form_title, is_issue_form
from whereas.structure.keywords import RESOLUTION_NUMBER, WARRANT_ARTICLE
from whereas.structure.lines import TITLE_LABEL, Line, heading_text, is_generic_heading
from whereas.structure.nontitles import BYLINE, FIELD_LINE, MEMBER_LINE, NEVER_TITLE, NOT_TITLE, form_fields
from whereas.structure.remember import remembered
from whereas.structure.sponsors import goes_on, label_alone, value_below
from whereas.structure.titlekinds import (
    BARE_TYPE,
    COLLECTION,
    DATED_RESOLUTION,
    EVENT,
    HEADLINE,
    LONG_CAPS_TITLE,
    NAMED_RESOLUTION,
    NAMES_DOCUMENT,
    NAMES_RESOLUTION,
    NUMBER_THEN_TITLE,
    TITLE_PHRASE,
    TITLE_WORDS_OPENING,
    UN_SYMBOL,
    caps_heading,
    is_bare_type,
    is_event,
    is_letterhead,
    is_number_heading,
    section_heading,
    type_heading,
)

__all__ = ["find_title", "is_bare_type"]

# a label before a title: "12. ", "IV. ", "A. ", a UN resolution's symbol "73/6. "
# and a date before it, as an RST file names its resolutions ("2025-05-14 Relinquish …")
# and an agenda's item number: "Item 14. ", "11.3 "
_LIST_LABEL = lazy_compile(
    r"^(?:(?:\d+|[IVXLC]+|[A-Z]|\d+/\d+)\.|(?:NO|No)\.\s*\d+\.|\d{4}-\d{2}-\d{2}|(?:Item|ITEM)\s+\d+(?:\.\d+)*[.:]"
    r"|\d+(?:\.\d+)+\.?)\s+(?!(?:(?:CON|J)\.\s*)?RES\.\s*\d)"  # (not a bill's "S. RES. 598")
)
#: a front-matter title is the resolution's when it names one ("Graduation Board Resolution"), not a web page's
_NAMES_ITSELF = lazy_compile(r"\b(?:resolutions?|motions?|ordinances?|memorials?|petitions?)\b", re.I)
#: emphasis and code marks, which a title's words are read without
_MARKS = lazy_compile(r"[*_`]")
_EMPHASIS_MARKS = lazy_compile(r"[*_]")
#: a heading's number or date before its name ("12. ", "IV. ", "2025-05-14 ")
_NUMBER_OR_DATE = lazy_compile(r"^(?:\d+|[IVXLC]+)\.\s+|^\d{4}-\d{2}-\d{2}\s+")


def find_title(
    text: str,
    before: list[Line],
    *,
    front: FrontMatter | None,
    article: bool,
    introduced: bool = False,
    inside: list[Line] | None = None,
) -> Title | None:
    """The resolution's title: a heading, a "A RESOLUTION …" line, a short title block, or front matter.

    In an ``article`` that reproduces resolutions the headings and the front matter's title are the
    article's: only a line that names the resolution ("Resolution on …") is its title.  Above a resolution
    a sentence ``introduced`` ("The Psychology Department endorsed this:"), the headings are the page's
    unless one names a resolution.  ``inside`` are the lines between the resolution's clauses.
    """
    if is_issue_form(before):
        # an issue form's title is the value under its title field; its fields' headings are never titles
        field = form_title(text, before)
        if field is not None:
            return Title(*field)
        last = max((i for i, ln in enumerate(before) if ln.kind == "heading"), default=-1)
        return _title_block(text, before[last + 1 :], article=article)
    labelled = _labelled_title(text, before)
    if labelled is not None and (topic := _topic_line(before, labelled)) is not None:
        # a form's "Topic: Church Property" names what the resolution is about, its title only where none is printed
        # above it ("Resolution A045" / "Establish a Task Force on Church Property Stewardship" / "Topic: …")
        over = _title_block(text, [ln for ln in before if ln.end <= topic.start], article=article)
        if over is not None:
            return over
    if labelled is not None:
        # a memo's "Subject:" or a tracking sheet's "Title:" names the item; the title printed on the
        # resolution itself ("RECOGNITION OF APRIL 30, 2012 AS …"), if more than "RESOLUTION", names it
        after = [ln for ln in before if ln.start > labelled.span.end]
        # (the "Title:" line with them: a form's other labelled lines are its fields, no title)
        own = [ln for ln in before if ln.kind == "meta" and ln.start <= labelled.span.start < ln.end]
        printed = _title_block(text, own + after, article=article)
        if printed is not None and len(printed.text.split()) >= 3:
            return printed
        # a staff report's "SUBJECT: Website Transparency Policy" over the ordinance it presents, headed
        # "AN ORDINANCE ADOPTING A CITY WEBSITE TRANSPARENCY POLICY": the heading is the ordinance's own name
        named = [
            ln
            for ln in after
            if ln.kind == "heading"
            and not article
            and NAMES_RESOLUTION.search(heading_text(ln))
            and not RESOLUTION_NUMBER.match(heading_text(ln).strip())
        ]
        if named:
            raw = heading_text(named[-1])
            at = _heading_start(raw, named[-1])
            words = " ".join(re.sub(r"[*_`]", "", strip_placeholders(raw)).split())
            if words and not BARE_TYPE.match(words):
                return Title(words, Span(at, at + len(raw)))
        return labelled
    caption = caption_title(text, before) or certified_caption(text, before)
    if caption is not None:
        return caption
    # a "## Background" / "## Recitals" heading between the title and the clauses heads the text, not the
    # title block: the title is looked for above it
    before = [ln for ln in before if not (ln.kind == "heading" and _TEXT_HEADING.match(_bare_heading(ln)))]
    headings = [ln for ln in before if ln.kind == "heading" and not is_generic_heading(heading_text(ln))]
    if article:
        headings = []
    elif introduced:
        # (the nearest such heading: a post's headline above the sentence that introduces the resolution, "# Board
        # adopts resolution supporting …", is the post's; "## Resolution 2026-02: …" below it the resolution's own)
        headings = [h for h in headings if NAMES_RESOLUTION.search(heading_text(h))][-1:]
    last_heading = max((i for i, ln in enumerate(before) if ln.kind == "heading"), default=-1)
    if last_heading >= 0:
        # the title printed right above the clauses, under the last heading (an agenda's "A. Establish the
        # Apache Samza Project" under "Special Orders"), names the resolution better than a heading above it
        block = _title_block(text, before[last_heading + 1 :], article=article)
        letterheads_only = bool(headings) and all(is_letterhead(_bare_heading(h)) for h in headings)
        if block is not None and (
            _named_item(before[last_heading + 1 :])
            # the title under a heading that only gives a number: a bill's own title in its text under congress.gov's
            # "S.Res.598 — 119th Congress (2025-2026)", a Rotary proposal's subject under its "26-R-19"
            or (headings and all(is_number_heading(heading_text(h)) for h in headings))
            # under the body's name alone ("# Lakeview Unified School District" / "Board of Education Resolution
            # No. 25-26/19" / "Resolution Adopting a Policy …"): the block names the resolution, its number too
            or (letterheads_only and NAMES_RESOLUTION.search(block.text))
            # the resolution's own name right above it ("[Sample] Local Union Resolution Against …"), not a
            # bill head that starts with its number ("Senate Resolution No. 810 / MEMORIALIZING …")
            or (
                NAMES_RESOLUTION.search(block.text)
                and not RESOLUTION_NUMBER.match(block.text.split("  ")[0])
                and not re.match(r"^(?:\w+\s+){0,3}resolution\s*(?:no\.?|number|#)", block.text, re.I)
            )
        ):
            return block
    # "RESOLUTION NO. 22" names the resolution but a heading beside it is its title
    named = [h for h in headings if not is_number_heading(heading_text(h))]
    headings = named or headings
    # a page headed by its body's name ("# Rotary Club of Maple Falls") over the resolution's own heading
    # ("## Resolution 2025-07: Support for …"): the heading that names the resolution is its title
    # a body's name and what the page is over the subject ("# County Assembly of …" / "## NOTICE OF MOTION" /
    # "### Establishment of a Bursary Fund"): the subject, below every such heading, is the title
    furniture = [h for h in headings if is_letterhead(_bare_heading(h)) or type_heading(heading_text(h))]
    subjects = [h for h in headings if h not in furniture]
    if (
        subjects
        and any(type_heading(heading_text(h)) for h in furniture)
        and max(h.level for h in furniture) < min(s.level for s in subjects)
    ):
        headings = subjects
    # (and a heading over several, "# Resolutions adopted at the 2026 Annual Meeting", over "## Resolution 1: …")
    own = [
        h
        for h in headings
        if not is_letterhead(_bare_heading(h))
        and not COLLECTION.search(heading_text(h))
        and not HEADLINE.search(heading_text(h))
        and NAMES_DOCUMENT.search(heading_text(h))
    ]
    # (… or a meeting with its year: "# Synod Assembly 2026" over "## Resolution 2026-R4: Welcoming …")
    if own and any(
        (
            is_letterhead(_bare_heading(h))
            or COLLECTION.search(heading_text(h))
            or EVENT.search(heading_text(h))
            or HEADLINE.search(heading_text(h))
        )
        and h.level < min(o.level for o in own)
        for h in headings
    ):
        headings = own
    headings = section_heading(before, headings) or headings  # a page's heading over its sections
    # a page of several resolutions or agenda items ("# Adopted Resolutions — Energy Committee" / "## SUPPORTING
    # FEDERAL FUNDING …"; "## 2. Main Agenda:" / "### a. Renewal of the .NET Registry Agreement"): the heading below
    # the collection's is the resolution's own
    collections = [h.level for h in headings if COLLECTION.search(heading_text(h)) and h.level < headings[-1].level]
    if collections:
        headings = [h for h in headings if h.level > max(collections)]
    # the body's name over what the page is ("# Harbour Town Council" over "## Resolution") is no title
    if any(ln.kind == "heading" and is_bare_type(heading_text(ln)) for ln in before):
        headings = [h for h in headings if not is_letterhead(_bare_heading(h))]
    if headings:
        top = min(h.level for h in headings)
        line = [h for h in headings if h.level == top][-1]  # the nearest of the top-level headings
        nearest = headings[-1]
        item = _MARKS.sub("", heading_text(nearest)).strip()
        if (
            (
                nearest.level > top
                and _LIST_LABEL.match(item)
                and len(item.split()) <= 20
                and not re.search(r"[.!?]\s*[A-Z]", _LIST_LABEL.sub("", item))  # a name, not a report's text
            )
            or (
                # one of several items under the page's heading ("## New Business Item 17" … "## New Business Item 23"
                # under "# 2026 NEA Representative Assembly: New Business Items"): the item's own heading
                nearest.level > top
                and len(item.split()) <= 20
                and "#" in _series(nearest)
                and any(h.level == nearest.level and _series(h) == _series(nearest) for h in headings[:-1])
            )
        ):
            # minutes and agendas: the item right above the resolution ("### 9.1 Adoption of the Freedom Camping
            # Bylaw 2026" under "## 9. Reports"; "### A. Establish the Apache Samza Project") names it
            line = nearest
        raw = heading_text(line)
        at = _heading_start(raw, line)
        cleaned = _NUMBER_OR_DATE.sub("", _MARKS.sub("", strip_placeholders(raw))).strip()
        cleaned = _LIST_LABEL.sub("", cleaned) if line is nearest and line.level > top else cleaned
        if cleaned and not BARE_TYPE.match(cleaned):
            # the resolution's number in the heading just above ("# RESOLUTION NO. 22" / "## CITIZEN …")
            above = [h for h in before if h.kind == "heading" and h.start < line.start]
            number = heading_text(above[-1]) if above else ""
            if number and is_number_heading(strip_placeholders(number)) and line is not above[-1]:
                start = _heading_start(number, above[-1])
                cleaned = " ".join(re.sub(r"[*_`]", "", strip_placeholders(number)).split()) + " " + cleaned
                return Title(cleaned, Span(start, at + len(raw)))
            return Title(cleaned, Span(at, at + len(raw)))
    last_heading = max((i for i, ln in enumerate(before) if ln.kind == "heading"), default=-1)
    block = _title_block(text, before[last_heading + 1 :], article=article)
    if block is not None:
        return _above_sections(text, before[last_heading + 1 :], block, inside, article=article) or block
    front_title = front.value("title") if front is not None and not article else None
    if front_title is not None and _NAMES_ITSELF.search(front_title[0]):
        return Title(" ".join(front_title[0].split()), front_title[1])
    return None


def _above_sections(
    text: str, before: list[Line], block: Title, inside: list[Line] | None, *, article: bool
) -> Title | None:
    """The title above a section's heading: a written consent's "Approval of 2024 Equity Incentive Plan" right above
    the first clause, when the clauses run on under a heading like it ("General Authority" between them), heads a
    section, not the resolution; the document's own title above it ("ACTION BY UNANIMOUS WRITTEN CONSENT OF THE
    BOARD OF DIRECTORS OF …", across the sentence that adopts "the following resolutions") names the whole."""
    own = [ln for ln in before if block.span.start <= ln.start < block.span.end]
    if len(own) != 1 or any(ln.kind != "blank" for ln in before if ln.start >= block.span.end):
        return None  # (the title a paragraph of its own right above the first clause)
    if not _section_like(block.text) or not any(
        _section_like(words) and _caps(words) == _caps(block.text) and words != block.text
        for para in _paragraphs(inside or [])
        if len(para) == 1 and para[0].kind == "text" and _reads_as_title(para, article=article)
        for words in [_words(para)]
    ):
        return None
    above = _title_block(text, [ln for ln in before if ln.end <= own[0].start], article=article)
    return above if above is not None and above.text != block.text else None


def _section_like(words: str) -> bool:
    """A line that may head a section of clauses: a few words, no label, no vote's outcome ("MOTION CARRIED")."""
    return 2 <= len(words.split()) <= 12 and ":" not in words and not _OUTCOME.search(words)


_OUTCOME = lazy_compile(
    r"\b(?:carried|adopted|agreed|passed|lost|defeated|approved|failed|withdrawn|unanimous(?:ly)?)\b", re.I
)


def _series(heading: Line) -> str:
    """A numbered heading without its number: "New Business Item 17" and "New Business Item 23" are one series."""
    return re.sub(r"\d+", "#", " ".join(_bare_heading(heading).lower().split()))


def _heading_start(raw: str, line: Line) -> int:
    """Where a heading's text starts in the source.  ``line.text`` is the line as the source has it,
    but for its inline notes masked with spaces ("# M[2: ]k" → "# M     k"): the same offsets."""
    return line.start + max(line.text.find(raw), 0)


_TEXT_HEADING = lazy_compile(
    r"^(?:full\s+text|text|background|recitals?|preamble|whereas|body|details|resolution\s+text)\s*:?$", re.I
)


def _bare_heading(line: Line) -> str:
    return _bare_heading_words(heading_text(line))


@remembered
def _bare_heading_words(words: str) -> str:
    return _MARKS.sub("", words).strip()


_RULE = lazy_compile(r"^[ \t]*_{3,}[ \t]*$")
_LABEL_LINE = lazy_compile(r"^[\w ()-]{1,25}:$")
_SMALL = frozenset(
    "a an the and or nor but of for to in on at by with from as into upon per its their our that this these those "
    "be is are was were has have had not no de la del du".split()
)
#: the longest paragraph that can be (part of) a title, in lines and in words
TITLE_LINES, TITLE_WORDS = 6, 60


def _named_item(lines: list[Line]) -> bool:
    """Whether the last paragraph before the clauses is an agenda's labelled item ("A. Establish …")."""
    last = [ln for ln in lines if ln.kind in ("text", "item")]
    return bool(last) and _LIST_LABEL.match(" ".join(last[-1].text.split())) is not None


def _title_block(text: str, lines: list[Line], *, article: bool) -> Title | None:
    """The title printed above the first clause: the paragraph nearest to it that reads as a title, with
    the title-like paragraphs right above it ("Resolution Authorizing …" / "Resolution No. 22-10"),
    without the letterhead above them, a date printed under them, or a bill's session and clerk lines.

    Paragraphs are cut at blank lines and at lines that never belong to a title (dates, memo lines,
    session lines, "AN ACT", labelled lines); the block grows upwards across blank lines only.
    """
    if any(ln.kind == "quote" for ln in lines[-4:]):
        # a resolution an article quotes in a block quotation: its title is quoted with it ("> Joint
        # Resolution in relation to …" / ">" / "> WHEREAS, …")
        lines = [_unquoted(ln) for ln in lines]
    segments = _segments(lines)
    over_body = _over_body_line(text, lines, segments)
    if over_body is not None:
        return over_body
    chosen: list[list[Line]] = []
    joiners: list[list[Line]] = []  # "To" between "RESOLUTION" and "MANDATE …"
    for segment, cut_above in reversed(segments[-8:]):
        words = _words(segment)
        if not chosen and len(segment) == 1 and _AGENDA_MOTION.match(segment[0].text):
            # a union conference agenda's motion, its number then its name ("C31  Fair pay for social care"), under
            # the agenda's section ("Section 3  Good services"): the motion's own name
            chosen = [segment]
            break
        if chosen and len(words.split()) <= 3 and _capitalised(words) == 0.0:
            joiners.insert(0, segment)
        elif (
            not chosen
            and len(segment) > 1
            and not _reads_as_title(segment, article=article)
            and _reads_as_title(segment[-1:], article=article)
        ):
            # the title on the last line of a paragraph of other text, right above the clauses
            chosen = [segment[-1:]]
            break
        elif _reads_as_title(segment, article=article):
            if chosen and (_is_header(words) or _NUMBERED_NAME.match(_words(chosen[0][:1]))):
                # the body's name, or the meeting's, above its title; anything above a title that opens with its own
                # number ("Resolution 2025-07: Rural Broadband Access" under the convention's "ADOPTED RESOLUTIONS")
                break
            below = bool(chosen)
            chosen[:0] = [segment, *joiners]
            joiners = []
            if below and _numbered(segment[:1]):
                break  # the resolution's number above its name heads the title block: what is above is not it
            if WARRANT_ARTICLE.match(words):
                break  # a town meeting's warrant article heads its vote, under the meeting's name
            if _LIST_LABEL.match(words):
                break  # an agenda's item ("A. Establish the Apache Samza Project"), not its section above
        elif chosen:
            if joiners and BARE_TYPE.match(words):
                chosen[:0] = joiners  # "RESOLUTION" / "To" / "MANDATE COVID-19 …": the title reads "To MANDATE …"
            break
        if chosen and cut_above:
            break
    if chosen and not any(
        RESOLUTION_NUMBER.match(_words([ln])) or NUMBER_THEN_TITLE.match(_words([ln])) for p in chosen for ln in p
    ):
        # the resolution's number printed further up, across a bill's session and sponsor lines
        above = [seg for seg, _ in segments if seg[-1].end <= chosen[0][0].start and _numbered(seg)]
        if above and _reads_as_title(above[-1], article=article):
            chosen.insert(0, above[-1])
    while chosen and len(chosen[0]) > 1 and _is_header(_words(chosen[0][:1])):
        chosen[0] = chosen[0][1:]  # "SACRAMENTO COUNTY BOARD OF EDUCATION" on the title's first line
    if len(chosen) > 1 and _is_header(_words(chosen[0])):
        chosen = chosen[1:]
    if not chosen:
        return None
    words = _LIST_LABEL.sub("", " ".join(_words(p) for p in chosen)).strip().rstrip(":").rstrip()
    words = _PASSED_ON.sub("", words)
    if not words or is_letterhead(words):
        return None
    return Title(words, Span(chosen[0][0].start, chosen[-1][-1].end).strip(text))


def _over_body_line(text: str, lines: list[Line], segments: list[tuple[list[Line], bool]]) -> Title | None:
    """The line right above an intergovernmental body's own line ("Strengthening laboratory biosafety" over "The
    Executive Board,"): the resolution's name as the UN, WHO and the bodies that write like them print it, in
    sentence case, which no capitalised-words test reads as a title."""
    printed = [ln for ln in lines if ln.kind != "blank"]
    if len(printed) < 2 or not segments or printed[-1].kind != "tag" or not BODY_LINE.match(printed[-1].text):
        return None
    segment = segments[-1][0]
    if segment[-1] is not printed[-2] or len(segment) > 2:
        return None
    words = _words(segment)
    if (
        not words[:1].isupper()
        or len(words.split()) > 20
        or words.endswith((",", ";", ":", "."))
        or NOT_TITLE.match(words)
        or _is_header(words)
        or is_generic_heading(words)
    ):
        return None
    return Title(words, Span(segment[0].start, segment[-1].end).strip(text))


def _unquoted(line: Line) -> Line:
    """A block quotation's line read as the text it quotes (an empty ">" line as a blank one)."""
    if line.kind not in ("quote", "tag") or not line.text.lstrip().startswith(">"):
        return line
    inner = line.text.lstrip()[1:]
    at = line.end - len(inner)
    return Line(at, line.end, "text" if inner.strip() else "blank", inner)


def _numbered(segment: list[Line]) -> bool:
    return bool(segment) and RESOLUTION_NUMBER.match(_words(segment[-1:])) is not None


def _segments(lines: list[Line]) -> list[tuple[list[Line], bool]]:
    """``lines`` cut into paragraphs at blank lines and at lines that are never part of a title; each with
    whether such a line (not just blank lines) stands right above it."""
    segments: list[tuple[list[Line], bool]] = []
    current: list[Line] = []
    cut = False
    cut_above = False
    previous: Line | None = None
    fields = form_fields(lines)  # "Sub-Branch:     Wauchope RSL Sub-Branch"
    for line in lines:
        if line.kind == "blank" and previous is not None and label_alone(previous.text):
            continue  # "Submitted by:" alone: its value may be the next paragraph (a form's table cell)
        bare = " ".join(_EMPHASIS_MARKS.sub("", line.text).split())
        label = not current and _LABEL_LINE.match(bare)  # "Committee(s) Assignment:" (not a wrapped "ADMISSION:")
        follows_sponsor = (
            previous is not None
            and previous.kind == "sponsor"
            and line.kind == "text"
            and (
                len(bare.split()) <= 6
                and not bare.endswith((".", ":"))
                and not NEVER_TITLE.match(bare)
                or label_alone(previous.text)
                and value_below(line.text)
                or goes_on(previous.text, line)  # "Submitted by: … on behalf of Hawthorne" / "Elementary PTA, …"
            )
        )
        previous = (
            line if line.kind != "text" or not follows_sponsor else Line(line.start, line.end, "sponsor", line.text)
        )
        if follows_sponsor or BYLINE.match(bare):
            # "Sponsor(s): Jane Roe" / "John Doe": the sponsors' next name; "By Jane Reporter": a byline
            if current:
                segments.append((current, cut_above))
                current = []
            cut = True
            continue
        if line.kind in ("text", "item") and RESOLUTION_NUMBER.match(bare):
            # "SENATE RESOLUTION NO. 557" ends its paragraph, whatever follows it on the next line, and starts
            # one unless the line above is the start of its name ("HOUSE CONCURRENT" / "RESOLUTION NO. 36")
            if current and not (_caps(current[-1].text) and not current[-1].text.rstrip().endswith((".", ":", ";"))):
                segments.append((current, cut_above))
                current = []
            if not current:
                cut_above, cut = cut, False
            current.append(line)
            segments.append((current, cut_above))
            current = []
            continue
        rule = line.kind == "text" and _RULE.match(line.text)  # "_______________" between a bill's heading lines
        if (
            line.kind not in ("text", "item", "blank")
            or (line.kind != "blank" and (NEVER_TITLE.match(bare) or label or line.start in fields))
            or rule
        ):
            if current:
                segments.append((current, cut_above))
                current = []
            cut = True
            continue
        if line.kind == "blank":
            if current:
                segments.append((current, cut_above))
                current = []
            continue
        if current and _caps(current[-1].text) and not _caps(line.text) and re.match(r"^\s*[A-Z][a-z]", line.text):
            # a heading in capitals, then the sentence under it in the same paragraph ("NOTICE OF PROPOSED
            # RULE CHANGE" / "Notice is hereby given …")
            segments.append((current, cut_above))
            current, cut_above = [], False
        if not current:
            cut_above, cut = cut, False
        current.append(line)
    if current:
        segments.append((current, cut_above))
    return segments


def _is_header(words: str) -> bool:
    """A line above a title that is not part of it: the body's letterhead, or the meeting's name and date ("9th
    NATIONAL CONGRESS, 24-27 SEPTEMBER 2024, EKURHULENI" above "RESOLUTION 3.4: LOAD-SHEDDING …")."""
    return is_letterhead(words) or is_event(words)


def _caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


# a field set off at a line's end ("Resolution No. CR-2026-112          Date: April 14, 2026"): no part of a title
_FIELD_TAIL = lazy_compile(
    r"(?:[ \t]{3,}|\t)(?:date|dated|adopted|passed|approved|effective|meeting\s+date)[ \t]*:.*$", re.I
)


def _words(para: list[Line]) -> str:
    """The paragraph's words without emphasis marks; a run of underscores is a form's blank and stays."""
    text = strip_placeholders(" ".join(_FIELD_TAIL.sub("", ln.text) for ln in para))
    if "``" in text:  # the Government Publishing Office's quotation marks: ``National Native Plant Month''
        text = _GPO_QUOTES.sub(r"“\1”", text)
    return " ".join(re.sub(r"_{3,}|[*_`]", lambda m: m.group(0) if len(m.group(0)) >= 3 else "", text).split())


#: a conference agenda's motion line: its number ("C31", "M12", "P4") set off by a tab, two spaces or a colon, then
#: its name
_AGENDA_MOTION = lazy_compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?[A-Z]{1,2}\d{1,3}(?:[ \t]{2,}|\t|[.:][ \t]+)[A-Z][\w'’-]*(?:[ \t]+\S+){0,14}(?<![.;:,])[ \t]*$"
)
_GPO_QUOTES = lazy_compile(r"``([^`'\n]{1,200})''")


def _reads_as_title(para: list[Line], *, article: bool) -> bool:
    """A short paragraph that names something rather than saying it: mostly capitalised words, or a
    "Resolution …" line; never a memo's "TO:" line, a sentence, a page label or a section heading."""
    words = _words(para).rstrip(":").rstrip()
    if WARRANT_ARTICLE.match(words) and len(words.split()) <= 4 * TITLE_WORDS:
        return True  # a town meeting's "ARTICLE 12. To see if the Town will vote to …": the vote's heading
    if (
        LONG_CAPS_TITLE.match(words)
        and _caps(words)
        and len(para) <= 4 * TITLE_LINES
        and len(words.split()) <= 4 * TITLE_WORDS
    ):
        # a city's long title in capitals: "AN ORDINANCE OF THE CITY OF DAVIS AMENDING … AND ENACTING …"
        return not words.endswith((";", ","))
    if len(para) > TITLE_LINES or not words or len(words.split()) > TITLE_WORDS or NOT_TITLE.match(words):
        return False
    if words.endswith((";", ",")) or is_generic_heading(words) or (article and not TITLE_WORDS_OPENING.match(words)):
        return False
    if MEMBER_LINE.match(words):
        return False
    if not (words[0].isalnum() or words[0] in "\"“'‘[(") or re.search(r"[;,]\s+(?:and|or)$", words) or _junk(words):
        return False
    if words.split()[-1].lower() in _SMALL and len(words.split()) > 2:
        return False  # a sentence cut off ("… reviewed and adopted the")
    if BARE_TYPE.match(words) or BARE_TYPE.match(_LETTER_SPACED.sub("", words)):
        # "A resolution", "Concurrent Resolution", a Texas bill's "R E S O L U T I O N": what it is, not its name
        return False
    if UN_SYMBOL.match(words) and not words.endswith(";"):
        return True  # "80/2. Scale of assessments for the apportionment of the expenses …": a UN resolution's name
    if _FINITE_VERB.search(words) and not (TITLE_PHRASE.match(words) or TITLE_WORDS_OPENING.match(words)):
        return False  # a sentence: "The Department … passed this resolution on Monday, March 8th"
    # (a journal's heading in capitals ends with a period too: "GRATITUDE EXTENDED TO OFFICER … DISTRICT.")
    sentence = words.endswith(".") and not _ABBREVIATION_END.search(words) and not caps_heading(words)
    if DATED_RESOLUTION.match(words) and len(words.split()) <= TITLE_WORDS:
        return True  # "European Parliament resolution of 9 April 2026 on the safety of cyclists …"
    if TITLE_PHRASE.match(words) and len(words.split()) <= 40:
        return True  # a bill's title: "Relating to veterans week of service."
    numbered = NUMBER_THEN_TITLE.match(words)
    if numbered and TITLE_PHRASE.match(numbered.group("rest")) and len(words.split()) <= 40:
        return True  # a California measure's "Assembly Joint Resolution No. 12—Relative to wildfire smoke …"
    if TITLE_WORDS_OPENING.match(words):
        if NAMED_RESOLUTION.match(words) and len(words.split()) <= 30:
            return True  # "Joint Resolution in relation to the management of the World's Columbian Exposition."
        return len(words.split()) <= 6 or (not sentence and _capitalised(words) >= 0.5)
    return not sentence and not re.search(r"[;:!?]$", words) and _capitalised(words) >= 0.6


# the date of adoption printed after a title: "…, Duly Passed On: August 30, 2018"
_PASSED_ON = lazy_compile(r",?\s*(?:duly\s+)?(?:passed|adopted|approved)\s+on:?\s+\S.*$", re.I)
#: the spaces of a word printed letter-spaced ("R E S O L U T I O N")
#: a title that opens with the resolution's own number and a colon: "Resolution 2025-07: Rural Broadband Access"
_NUMBERED_NAME = lazy_compile(r"^(?:resolution|motion|memorial|overture)\s+[\w./-]*\d[\w./-]*\s*:\s+\S", re.I)
_LETTER_SPACED = lazy_compile(r"(?<=\b[A-Za-z]) (?=[A-Za-z]\b)")
_FINITE_VERB = lazy_compile(r"\s(?:passed|adopted|approved|is|are|was|were|has|have|had|will|shall|would|can)\s")


#: a period that ends an abbreviation, not a sentence ("… Sections 22000, et seq.", "… Inc.")
_ABBREVIATION_END = lazy_compile(r"(?:\bet\s+seq|\b(?:Inc|INC|Co|CO|Corp|CORP|Ltd|LTD|Jr|Sr|No|NO|St)|\b[A-Z])\.$")
_ITEM_CODE = lazy_compile(r"[A-Z]{1,2}\d{1,3}[.:]?")


def _junk(words: str) -> bool:
    """Whether a text is mostly not words (OCR noise: "adt^d hy Tlie (9% Bowwctl")."""
    tokens = words.split()
    good = sum(
        1
        for t in tokens
        if re.fullmatch(r"[\"“(\[№#]?[\w’'&.,/-]+[\"”)\]:;,.]*|[№#]", t)
        # (a motion's or an agenda item's number is letters then digits: "F12", "C3:")
        and (not re.search(r"\d[^\W\d]|[^\W\d]\d", t) or _ITEM_CODE.fullmatch(t))
    )
    return good < 0.8 * len(tokens)


def _capitalised(words: str) -> float:
    """The share of a text's significant words (small joining words aside) that start with a capital or a digit."""
    significant = [w.strip("“”\"'‘’()[],.:;-–—&") for w in words.split()]
    significant = [w for w in significant if w and w.lower() not in _SMALL]
    if not significant:
        return 0.0
    return sum(1 for w in significant if w[0].isupper() or w[0].isdigit()) / len(significant)


def _labelled_title(text: str, before: list[Line]) -> Title | None:
    """A "Title: …" / "Subject: …" line (its value may wrap onto the lines under it)."""
    for i, line in enumerate(before):
        if line.kind == "text" and ":" in line.text and (field := _TITLE_FIELD.match(line.text)):
            # a voting system's "Proposal:   Resolution in Support of the Right to Repair", if it names something
            value = field.group("value")
            at = line.start + field.start("value")
            if _reads_as_title([Line(at, at + len(value), "text", value)], article=False):
                return Title(" ".join(re.sub(r"[*_]", "", value).split()), Span(at, at + len(value)).strip(text))
            continue
        if line.kind != "meta":
            continue
        m = TITLE_LABEL.match(line.text)
        if m is None:
            continue
        if not m.group("value"):
            # "Title:" alone, the title on the line below or in the next paragraph (a form's table cell)
            below = next((ln for ln in before[i + 1 :] if ln.kind != "blank"), None)
            if below is None or below.kind not in ("text", "heading") or not value_below(heading_text(below)):
                continue
            start, end = below.start + len(below.text) - len(below.text.lstrip()), below.end
            words = " ".join(re.sub(r"[*_#]", "", text[start:end]).split())
            return Title(words, Span(start, end).strip(text)) if words else None
        if m.group("label")[:1] in "Mm" and _MOTION_WORDS.match(m.group("value")):
            continue  # town meeting minutes' "MOTION: Moved by A and seconded, that the Town …": the motion, no title
        start, end = line.start + m.start("value"), line.start + m.end("value")
        for following in before[i + 1 :]:
            if following.kind != "text" or ":" in following.text.rstrip()[-1:] or FIELD_LINE.match(following.text):
                break  # (a form's next field: "Topic: Church Property" / "Committee: 11 – Stewardship")
            end = following.end
        words = " ".join(re.sub(r"[*_]", "", text[start:end]).split())
        if words:
            return Title(words, Span(start, end).strip(text))
    return None


def _topic_line(before: list[Line], labelled: Title) -> Line | None:
    """The "Topic:" line that gave the labelled title, if a "Topic:" line gave it."""
    for ln in before:
        if ln.start <= labelled.span.start < ln.end and (m := TITLE_LABEL.match(ln.text)) is not None:
            return ln if m.group("label").lower() == "topic" else None
    return None


#: a "Motion:" label's value that is the motion's own words, not its name
_MOTION_WORDS = lazy_compile(r"(?:moved|seconded|that|i[ \t]+move|it[ \t]+was)\b|to[ \t]+[a-z]", re.I)
#: a title's field under another label than "Title:": a voting system's "Proposal:", a form's "Name of resolution:"
_TITLE_FIELD = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?:proposal(?:\s+(?:title|name))?|resolution\s+name|name\s+of\s+(?:the\s+)?(?:resolution|motion|proposal)|"
    # a member resolution's "Resolution: Ending Sales of …" (a name of three words or more, no number or outcome)
    r"resolution(?=[ \t]*:[ \t]*(?:\*\*|__)?(?!No\b)[A-Z][a-z]+(?:[ \t]+\S+){2}))"
    r"(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*(?P<value>\S.*?)[ \t*_]*$",
    re.I,
)


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    paras: list[list[Line]] = [[]]
    for ln in lines:
        if ln.kind == "blank":
            if paras[-1]:
                paras.append([])
        else:
            paras[-1].append(ln)
    return [p for p in paras if p]
