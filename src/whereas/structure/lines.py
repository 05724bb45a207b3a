"""Split a text view into lines and classify each: blank, heading, recital, resolved clause, item,
sponsor line, quotation, text…  (``structure.grouping`` then gathers the lines into clauses and
resolutions.)"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from whereas.model import Span
from whereas.patterns import lazy_compile
from whereas.structure.assemblies import (
    read_assembly_motions,
    read_numbered_assembly,
    read_participle_recitals,
)
from whereas.structure.intergovernmental import BODY_LINE, EMPHASIS, read_intergovernmental
from whereas.structure.keywords import (
    BE_IT_FURTHER_LINE,
    BODY_COLON_HEAD,
    BODY_VERB_ITEM,
    BULLET_CLASS,
    BULLETS,
    LABELLED_KEYWORD,
    LOWER_RESOLVED,
    MIDLINE_RESOLVED,
    MOTION_OPENING,
    MOTION_PREAMBLE,
    PRESENTER,
    RECITAL,
    SPONSOR,
    THEREFORE_BODY_HEAD,
    is_formula_line,
    is_resolved_line,
    keywordish,
    motion_head,
)
from whereas.structure.motionlines import (
    MINUTES_WORDS,
    RESOLUTION_LINE,
    leads_its_items,
    read_minutes,
    split_motion_lines,
    split_one_paragraph_motion,
    that_opening,
)
from whereas.structure.notices import PUTS_TO, read_notice_resolutions
from whereas.structure.remember import remembered
from whereas.structure.sections import RUN_IN_SECTION, SECTION_LINE
from whereas.structure.wrapped import NOTION_CALLOUT, callouts, fenced_resolutions, pasted_in_reply

LineKind = Literal[
    "blank", "heading", "tag", "recital", "resolved", "section", "sponsor", "meta", "item", "quote", "text"
]


COMMENT_LINE = lazy_compile(r"^\s*<!--.*-->\s*$")
HEADING = lazy_compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
TAG_LINE = lazy_compile(
    r"^\s*(?:<[^>]+>\s*)+$|^\s*&lt;all&gt;\s*$|^\s*<summary>[^<]*</summary>\s*$|^\s*<!--.*-->\s*$|^\s*-{3,}\s*$|^\s*\*{3,}\s*$|^\s*={3,}\s*$"
)
# an item's label; a text that lost its spaces (a PDF's "(2)Consult …") may glue the label to a capital
ITEM = lazy_compile(
    # a Markdown bullet in front of the document's own label ("- A. The sum of …") is the label's
    rf"^[ \t]*(?:[{BULLET_CLASS}][ \t]+(?=[0-9A-Za-z(]{{1,4}}[.)][ \t]))?"
    # (a bill's number, "S. RES. 598", "H. CON. RES. 14", is no list's "S." item; a paragraph's "5.1." is)
    # (a label glued to its word: "(2)Consults", and "(a)prepare" as LibreOffice's list tab comes out of a PDF; not
    # "(s)he")
    # (a decimal paragraph number's whole part, "1.0 Section 21080 …", "2.0. Scope", before a capital: not "3.0 percent")
    r"(?:\(([0-9]{1,3}|[a-zA-Z]|[ivxlc]{1,5})\)(?:[ \t]+(?=\S)|(?=[A-Z]|[a-z]{3}))|([0-9]{1,3}|[1-9][0-9]?\.[1-9][0-9]?(?=\.)"
    r"|[a-zA-Z]|[IVX]{2,3}|[ivx]{2,3}|[1-9][0-9]?\.0(?=\.?[ \t]+[A-Z(]))(?:[.)]|(?<=\.0))[ \t]+"
    r"(?!(?:(?:CON|J)\.[ \t]*)?RES\.[ \t]*\d)(?=\S)"
    rf"|([{BULLET_CLASS}])[ \t]+(?=\S))"
)
# The line that enacts what the sections say: "… hereby finds, determines, declares, orders and resolves as
# follows:", "NOW, THEREFORE, THE PEOPLE OF THE CITY OF DAVIS DO HEREBY ORDAIN AS FOLLOWS:"
ENACTING = lazy_compile(
    r"\b(?:resolves?|resolved|ordains?|ordained|enacts?|enacted|orders|determines|declares)\b[^.;]*:\s*$", re.I
)
# A labelled line that names the resolution: "Title: …", "Subject: …", "Re: …" (a form, a tracking sheet, a memo),
# "Motion: …" (a student union's motion)
TITLE_LABEL = lazy_compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?P<label>title|subject|re|resolution\s+title|motion(?:\s+title)?|topic)(?:\*\*|__)?[ \t]*:[ \t]*"
    r"(?:\*\*|__)?[ \t]*(?P<value>\S.*?)?[ \t]*$",
    re.I,
)
GENERIC_HEADINGS = lazy_compile(
    # (a part of the document under its number: "Section II: Resolution", "Part 2 — Rationale")
    r"^(?:(?:section|part)\s+(?:[IVXLC]+|\d{1,2}|[A-H]|one|two|three|four)\s*[:.—–-]?\s*)?"
    r"(?:full\s+text|text|synopsis|summary|authors?|sponsors?|background|considerations|justification|action|commentary|"
    r"notes|endnotes|footnotes|references|resolutions?|recitals?|whereas|resolved|preamble|body|details|title|rationale)\s*:?$",
    re.I,
)


class Line(NamedTuple):
    """One line of the text view, classified: offsets ``[start, end)`` into the text, and its kind."""

    start: int
    end: int
    kind: LineKind
    text: str  # the line with excluded (note) spans blanked out
    level: int = 0  # heading level
    #: a clause of a motion (``read_motions``): the heading it stands under ("Conference notes"), or for a
    #: paragraph that opens with the body and its verb ("Conference notes that …"), that opening
    motion: str = ""


def split_lines(
    text: str,
    excluded: tuple[Span, ...],
    hidden: frozenset[int] = frozenset(),
    prefixes: dict[int, int] | None = None,
    marks: frozenset[int] = frozenset(),
) -> list[Line]:
    """The lines of ``text``, classified; ``excluded`` spans are blanked first, lines starting at a
    ``hidden`` offset (page furniture) are left out, and a line in ``prefixes`` starts after its
    line number; a line starting at one of ``marks`` (a chat message's header) is a mark that ends a clause."""
    view = _blank(text, excluded)
    if ">" in view:
        # a resolution pasted into an e-mail reply: its lines are read without their "> "
        quoted = pasted_in_reply(view)
        if quoted:
            prefixes = {**quoted, **(prefixes or {})}
        if "[!" in view or NOTION_CALLOUT.search(view):
            # an Obsidian or Notion callout: its lines read without their "> ", its first line a mark
            boxed, heads = callouts(view)
            prefixes = {**boxed, **(prefixes or {})}
            marks = marks | heads
    # the lines of a resolution printed whole in a code fence (as the Apache Software Foundation's board minutes
    # print each one): read as the resolution, not as a quotation
    printed = fenced_resolutions(view) if "```" in view or "~~~" in view else frozenset()
    lines: list[Line] = []
    pos = 0
    fence: str | None = None  # the opening mark of the fenced block the line is in
    for raw in view.split("\n"):
        end = pos + len(raw)
        if hidden and pos in hidden:
            pos = end + 1
            continue
        if marks and pos in marks:
            lines.append(Line(pos, end, "tag", raw))
            pos = end + 1
            continue
        if fence is not None or (raw.lstrip()[:3] in ("```", "~~~") and _FENCE.match(raw)):
            # a fenced block (quoted text, as a bylaw's "From:" / "To:"): its lines, blank ones too, are quoted
            lines.append(_classify(pos, end, raw) if pos in printed else Line(pos, end, "quote", raw))
            if fence is None:
                fence = raw.lstrip()[:3]
            elif raw.strip().startswith(fence) and not raw.strip().strip(fence[0]):
                fence = None
            pos = end + 1
            continue
        if not raw.strip() and "\f" in text[pos:end]:
            lines.append(Line(pos, end, "blank", "\f"))  # where a page ended: a blank line that says so
            pos = end + 1
            continue
        if (
            "<" in raw
            and _HTML_BREAK.search(raw, 1)
            and not (prefixes and pos in prefixes)
            and not COMMENT_LINE.match(raw)
        ):
            # a page's paragraphs on one line ("<p>WHEREAS, …; and</p> <p>WHEREAS, …</p>"): one line each
            cuts = [0, *(m.start() for m in _HTML_BREAK.finditer(raw, 1)), len(raw)]
            for lo, hi in zip(cuts, cuts[1:], strict=False):
                if lo and not raw.startswith(("<br", "<BR", "<Br"), lo):
                    lines.append(Line(pos + lo, pos + lo, "blank", ""))  # a new paragraph, as after a blank line
                if raw[lo:hi].strip():
                    lines.append(_classify(pos + lo, pos + hi, raw[lo:hi]))
            pos = end + 1
            continue
        if prefixes and pos in prefixes:
            skip = prefixes[pos]
            line = _classify(pos + skip, end, raw[skip:])
        else:
            line = _classify(pos, end, raw)
        if line.kind == "text" and "resolved" in raw and LOWER_RESOLVED.match(raw) and _after_connector(lines):
            line = Line(line.start, line.end, "resolved", line.text, line.level)
        if line.kind in ("recital", "resolved", "text", "item") and ("Be" in raw or "BE" in raw):
            lines.extend(_split_midline(line))  # (MIDLINE_RESOLVED needs one of them)
        else:
            lines.append(line)
        pos = end + 1
    _read_underlined_headings(lines)
    if "." in view or ")" in view:
        lines = _join_lone_labels(view, lines)
    if any(line.kind == "recital" for line in lines):
        if "that" in view:
            read_participle_recitals(lines)  # "WHEREAS …;" / "AWARE that …;" (Uganda, Kenya …)
        if "HEREFORE" in view or "herefore" in view:
            read_therefore_body(lines)  # "THEREFORE this Synod:" over "a) Receives …"
    if not any(line.kind in ("recital", "resolved") for line in lines):
        read_motions(lines)
    if not any(line.kind in ("recital", "resolved") for line in lines):
        read_assembly_motions(lines)  # "The House:" over "Notes that …"; "THAT, aware that …;" … "this Assembly urges"
    if not any(line.kind in ("recital", "resolved") for line in lines) and any(w in view for w in PUTS_TO):
        read_notice_resolutions(lines)  # a notice's "… pass the following resolutions"; an overture
    if not any(line.kind in ("recital", "resolved") for line in lines) and "The" in view:
        read_numbered_assembly(lines)
    if not any(line.kind in ("recital", "resolved") for line in lines):
        _read_prose_resolutions(lines)
    if "\n" in view and any(w in view for w in MINUTES_WORDS):
        read_minutes(lines)  # minutes' "7.2 Motion: Library hours", "25/044 CAR PARK" over their resolutions
    if "," in text and (
        BODY_LINE.search(view) or ("*" in view or "_" in view) and BODY_LINE.search(EMPHASIS.sub("", view))
    ):
        read_intergovernmental(lines)
    if "ection" in view or "ECTION" in view:
        lines = _split_run_in_sections(lines)
    return lines


def _split_run_in_sections(lines: list[Line]) -> list[Line]:
    """Cut a line where a section that has no line of its own starts inside it: a text that lost its line
    breaks runs "… measure. Section 4. Effective Date …" on.  Only the section after one that opens a
    line counts (the numbers go on), never a reference inside a sentence ("pursuant to Section 4.")."""
    starts = {int(m.group("n")) for line in lines if line.kind == "section" and (m := SECTION_LINE.match(line.text))}
    if not starts:
        return lines
    out: list[Line] = []
    for line in lines:
        if line.kind not in ("text", "item", "section", "resolved", "quote"):
            out.append(line)
            continue
        pieces = [line]
        for m in RUN_IN_SECTION.finditer(line.text):
            n = int(m.group("n"))
            if n - 1 in starts and n not in starts:
                starts.add(n)
                head = pieces.pop()
                cut = m.start("start") - (head.start - line.start)
                pieces.append(Line(head.start, head.start + cut, head.kind, head.text[:cut]))
                pieces.append(Line(head.start + cut, head.end, "section", head.text[cut:]))
        out.extend(pieces)
    return out


# A heading underlined (and maybe overlined) with one repeated mark: reStructuredText titles, Markdown's
# setext headings ("Relinquish the quantum project" / "=====")
_UNDERLINE = lazy_compile(r"^[ \t]*([=\-~^\"'`#*+])\1{2,}[ \t]*$")
_UNDERLINE_LEVELS = "=-~^\"'`#*+"


def _read_underlined_headings(lines: list[Line]) -> None:
    for i in range(1, len(lines)):
        under = _UNDERLINE.match(lines[i].text) if lines[i].kind not in ("quote", "blank") else None
        title = lines[i - 1]
        if under is None or title.kind not in ("text", "tag", "meta") or not title.text.strip():
            continue
        if title.kind == "tag" or len(title.text.strip()) > len(lines[i].text.strip()) + 3:
            continue
        level = _UNDERLINE_LEVELS.index(under.group(1)) + 1
        overlined = i >= 2 and _UNDERLINE.match(lines[i - 2].text) is not None
        # an overlined title ranks above the underlined ones (reStructuredText's document title)
        lines[i - 1] = Line(title.start, title.end, "heading", title.text, 0 if overlined else level)
        lines[i] = Line(lines[i].start, lines[i].end, "tag", lines[i].text)
        if overlined:
            lines[i - 2] = Line(lines[i - 2].start, lines[i - 2].end, "tag", lines[i - 2].text)


# A resolution in prose, with no Whereas or Resolved anywhere: "This TC resolution approves …", "The OpenStack
# Technical Committee therefore resolves to:", "The Board of Directors hereby adopts …"
PROSE_RESOLUTION = lazy_compile(
    r"^[ \t]*(?:This\s+(?:[\w-]+\s+){0,2}resolution\s+(?:hereby\s+)?(?:approves|instructs|directs|adopts|establishes|"
    r"affirms|requests|resolves|recommends|endorses|authorizes|calls)\b"
    r"|(?:The\s+)?(?:[A-Z][\w-]*\s+){0,5}(?:Committee|Board|Council|Senate|Assembly|Commission|Conference|Membership)"
    r"(?:\s+\([A-Z]{2,6}\))?\s+(?:therefore\s+|hereby\s+)*(?:resolves|approves|adopts|directs|instructs|endorses)\b)"
)


# How a motion's vote is recorded under it: "CARRIED", "LOST", "Carried unanimously", "Motion carried."
OUTCOME = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?:(?:the[ \t]+)?motion[ \t]+(?:was[ \t]+)?)?(?:carried|lost|defeated|fell|not[ \t]+carried)"
    r"(?:[ \t]+(?:unanimously|nem\.?[ \t]*con\.?|as[ \t]+amended))?[ \t]*[.!]?(?:\*\*|__)?[ \t]*$",
    re.I,
)
# a line that names what follows and is no clause: "Supporting statement:", "**Background**", "Notes:"
_MOTION_LABEL = lazy_compile(
    r"^[ \t]*(?:\*\*|__)[^*_]{1,80}(?:\*\*|__)[ \t]*:?[ \t]*$|^[ \t]*(?:[\w'’()-]+[ \t]+){0,3}[\w'’()-]+[ \t]*:[ \t]*$"
)
# a line that names a motion: "Motion 14: …", "EMERGENCY MOTION", "Motion on Pavement Parking"
_NAMES_MOTION = lazy_compile(
    r"\b(?:motion|MOTION)\b|^[ \t#*_]*Motion\b|\b(?:RESOLUTION|[Rr]esolution)\s+(?:MOVED|moved)\b"  # "RESOLUTION MOVED BY …"
)


def read_motions(lines: list[Line]) -> None:
    """In a text without any Whereas or Resolved clause, the clauses of motions in the British and
    Commonwealth form: the items or paragraphs under "Conference notes:" / "Conference believes:" are
    recitals, those under "Conference resolves:" / "Conference instructs the NEC to:" / "That Council:"
    resolving clauses (the heading line itself becomes a tag); a paragraph that opens "Conference notes that
    …" is a recital, one that opens "Conference resolves to …" a resolving clause; a council's "That
    Council approve …" right under its "Moved:" / "Seconded:" lines resolves.

    Only a text that resolves in that form is read so: it has a heading that resolves ("Conference
    resolves:", "That Council:"), or a paragraph that resolves after one that notes or after a sponsor line.
    A report's "The council notes that …" (an article before the body) or "Council noted the report" (the
    past tense) is never a clause."""
    if any(line.kind == "text" and MOTION_PREAMBLE.match(line.text) for line in lines):
        lines[:] = [piece for line in lines for piece in split_one_paragraph_motion(line)]
    split_motion_lines(lines)  # a notice's "Senator A: To move—That …", minutes' "Motion: That …"
    found: dict[int, tuple[LineKind, str, bool]] = {}  # line → (clause kind, motion, a heading?)
    previous: Line | None = None  # the last line that is not blank
    paragraph_start = True
    noted = sponsored = named = resolves = parliament = False
    named_at: int | None = None  # the line that names the resolution below it ("Ordinary Resolution 3"), if any
    for i, line in enumerate(lines):
        if line.kind == "blank":
            paragraph_start = True
            continue
        starts = paragraph_start or (previous is not None and previous.kind in ("heading", "tag", "sponsor", "meta"))
        paragraph_start = False
        if line.kind in ("text", "heading") and (head := motion_head(line.text)) is not None:
            kind: LineKind = "recital" if head.groupdict().get("notes") else "resolved"
            phrase = " ".join(head.group(0).strip(" \t#*_:").split())
            found[i] = (kind, phrase, True)
            noted = noted or kind == "recital"
            resolves = resolves or kind == "resolved"
        elif line.kind == "text" and (body := BODY_COLON_HEAD.match(line.text)) and _verb_list_follows(lines, i):
            found[i] = ("resolved", body.group("body"), True)
            resolves = True
        elif line.kind == "text" and starts and (m := MOTION_OPENING.match(line.text)) is not None:
            kind = "recital" if m.group("notes") else "resolved"
            found[i] = (kind, m.group(0).strip(" \t*_"), False)
            noted = noted or kind == "recital"
            # (a paragraph that resolves after one that notes, in a text that names a motion or its mover: a
            # newsletter's "Council notes that …" / "Council calls on residents to …" is prose)
            resolves = resolves or kind == "resolved" and noted and (sponsored or named)
        elif (
            line.kind == "text"
            and starts
            and (p := MOTION_PREAMBLE.match(line.text)) is not None
            and (p.group("that") or parliament)
        ):
            # a parliament's motion: "THAT, aware that …;" opens it (and names it a motion), "FURTHER AWARE
            # that …;" goes on; its "This House urges …" then resolves
            found[i] = ("recital", p.group(0).strip(" \t*_"), False)
            parliament = noted = named = True
        elif line.kind in ("text", "item") and starts and (t := that_opening(lines, i, previous)) is not None:
            found[i] = ("resolved", t.group(0).strip(" \t*_"), False)
            resolves = True
            if named_at is not None:  # "Special Resolution 2 – Rule 14" over it (and its sponsor): its heading
                lines[named_at] = lines[named_at]._replace(kind="heading", level=3)
        if line.kind == "text" and RESOLUTION_LINE.match(line.text) and not found.get(i):
            # (one that numbers it or names its subject; "COUNCIL RESOLUTION (Majority vote)" says what follows)
            named_at = i if re.search(r"\d|[–—:-][ \t]*\w", line.text) else None
        elif line.kind != "sponsor":
            named_at = None
        sponsored = sponsored or line.kind == "sponsor"
        named = (
            named
            or ("otion" in line.text or "oved" in line.text or "OVED" in line.text)
            and bool(_NAMES_MOTION.search(line.text))
        )
        previous = line
    if not resolves:
        return
    mode: tuple[LineKind, str] | None = None  # the clause kind and heading of the section being read
    list_style: tuple[str, int] | None = None  # the first item's label class and indentation under the heading
    sub: str | None = None  # the label of the last item of a list inside an item that ends with ":"
    opened = False  # the last item read as a clause ends with ":" (a list of its own may follow)
    paragraph_start = True
    for i, line in enumerate(lines):
        if line.kind == "blank":
            paragraph_start = True
            continue
        starts, paragraph_start = paragraph_start, False
        if i in found:
            kind, phrase, heading = found[i]
            opened, sub = False, None
            if heading and kind == "resolved" and leads_its_items(lines, i):
                # "Congress calls on the General Council to:" over "a) campaign …", "b) press …": one clause, the
                # line with its items (each item goes on the line's sentence)
                lines[i] = line._replace(kind="resolved", motion=phrase)
                mode = None
            elif heading:
                lines[i] = line._replace(kind="tag")
                mode, list_style = (kind, phrase), None
            else:
                lines[i] = line._replace(kind=kind, motion=phrase)
                mode = None
            continue
        if mode is None:
            continue
        if line.kind in ("heading", "sponsor", "meta", "tag") or OUTCOME.match(line.text):
            mode = None  # the motion's section ends: another heading, its sponsors, the vote
            continue
        label = label_of(line) if line.kind == "item" else None
        if label is not None:
            # "(b) requested … to:" over "(i) …", "(ii) …" set flush with it: its own items (a list of the same labels
            # is the list going on, unless a roman one opens: "(i)")
            own = sub is not None or list_style is None or _label_class(label[0]) != list_style[0] or label[0] == "i"
            if (opened or sub is not None) and follows_label(sub, label[0]) and label[0] != "a" and own:
                sub, opened = label[0], False
                continue
            sub = None
            style = (_label_class(label[0]), label[1])
            if list_style is None:
                list_style = style
            if style == list_style:
                lines[i] = line._replace(kind=mode[0], motion=mode[1])
                opened = line.text.rstrip(" \t*_").endswith(":")
            continue
        if line.kind == "text" and starts:
            if list_style is not None or _MOTION_LABEL.match(line.text):
                mode = None  # a paragraph after the section's list, or a label ("Supporting statement:")
                continue
            lines[i] = line._replace(kind=mode[0], motion=mode[1])


def read_therefore_body(lines: list[Line]) -> None:
    """A synod's or a conference's "THEREFORE this Synod:" after Whereas recitals, over a list that opens with what
    the body does ("a) Receives the report …"): a resolving clause, its motion the body ("this Synod")."""
    for i, line in enumerate(lines):
        if line.kind != "text" or ":" not in line.text or not (m := THEREFORE_BODY_HEAD.match(line.text)):
            continue
        if any(ln.kind == "recital" for ln in lines[:i]) and _verb_list_follows(lines, i):
            body = " ".join(m.group(0).strip(" \t*_:").split()[1:]).lstrip(", ")
            lines[i] = line._replace(kind="resolved", motion=body)


def _verb_list_follows(lines: list[Line], i: int) -> bool:
    """Whether the list under line ``i`` opens with what a body does ("1. approves …"): a board's "The Board of
    Governors:" over its decisions, not "The Committee:" over its members' names."""
    for line in lines[i + 1 : i + 3]:
        if line.kind == "blank":
            continue
        label = label_of(line) if line.kind == "item" else None
        if label is None:
            return False
        rest = ITEM.sub("", line.text, count=1).lstrip(" \t*_")
        verb = BODY_VERB_ITEM.match(rest)  # (in the past tense only under a letter, "(a) took note of …")
        return verb is not None and (not verb.group("past") or label[0] in ("a", "A"))
    return False


def _label_class(label: str) -> str:
    """What kind of label an item has: a number, a bullet, a lower-case or a capital letter."""
    if label.isdecimal():
        return "1"
    if label in BULLETS:
        return "-"
    return "a" if label.islower() else "A"


def _read_prose_resolutions(lines: list[Line]) -> None:
    """In a text without any keyword clause, the paragraphs that resolve in prose are its resolving clauses."""
    previous = "blank"
    for i, line in enumerate(lines):
        if line.kind == "text" and previous in ("blank", "heading", "tag") and PROSE_RESOLUTION.match(line.text):
            lines[i] = Line(line.start, line.end, "resolved", line.text)
        previous = line.kind


def _after_connector(lines: list[Line]) -> bool:
    """Whether the last non-blank line is a connector paragraph of its own ("NOW, THEREFORE, BE IT") or ends
    a clause with its connector ("Whereas …; now, therefore, be it", "…; and be it further")."""
    for line in reversed(lines):
        if line.kind != "blank":
            if line.kind == "resolved" and is_formula_line(line.text):
                return True
            return line.kind in ("recital", "resolved", "text") and bool(_ENDS_BE_IT.search(line.text))
    return False


# a clause's last line that hands over to the next resolving clause: "…; now, therefore, be it", "…; and be it
# further", "…, be it finally"
_ENDS_BE_IT = lazy_compile(
    r"[;,:]\s*(?:and\s+|now,?\s+)?(?:therefore,?\s+)?be\s+it(?:\s+(?:further|finally))?[,:]?[ \t*_]*$", re.I
)


def _blank(text: str, spans: tuple[Span, ...]) -> str:
    """``text`` with every character of ``spans`` but line breaks turned into a space."""
    if not spans:
        return text
    pieces = []
    pos = 0
    for start, end in sorted((s.start, s.end) for s in spans):
        start = max(start, pos)
        if end <= start:
            continue
        pieces.append(text[pos:start])
        blanked = text[start:end]
        pieces.append(_NOT_NEWLINE.sub(" ", blanked) if "\n" in blanked else " " * len(blanked))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


_NOT_NEWLINE = lazy_compile(r"[^\n]")


def _split_midline(line: Line) -> list[Line]:
    """Cut a line where a new resolving clause starts inside it ("…; and Be it further resolved, …")."""
    if "Be" not in line.text and "BE" not in line.text:  # MIDLINE_RESOLVED needs one of them
        return [line]
    cuts = [m.start("start") for m in MIDLINE_RESOLVED.finditer(line.text) if m.start("start") > 0]
    if not cuts:
        return [line]
    out = []
    bounds = [0, *cuts, len(line.text)]
    for n in range(len(bounds) - 1):
        lo, hi = bounds[n], bounds[n + 1]
        piece = line.text[lo:hi]
        kind = line.kind if n == 0 else "resolved"
        # the pieces after the first are not at a line start: keep their offsets exact
        out.append(Line(line.start + lo, line.start + hi, kind, piece))
    return out


def classify(start: int, end: int, raw: str) -> Line:
    """The line ``raw`` at ``[start, end)``, classified as :func:`split_lines` classifies each line."""
    return _classify(start, end, raw)


def _classify(start: int, end: int, raw: str) -> Line:
    stripped = raw.lstrip()
    if not stripped:
        return Line(start, end, "blank", raw)
    if stripped[0] == "<" and not TAG_LINE.match(raw):
        # a Markdown file whose paragraphs are HTML blocks ("<p><span class="caps">WHEREAS, </span>the Board …"):
        # the line reads as its words, each tag blanked with spaces so that offsets stay those of the source
        masked = _HTML_TAG.sub(_blank_tag, raw)
        if masked != raw and masked.strip():
            h = _HTML_HEADING.match(raw)
            if h:
                return Line(start, end, "heading", masked, int(h.group(1)))
            return _classify(start, end, masked)
    keyword = keywordish(raw)
    if "#" in raw:
        h = HEADING.match(raw)
        if h:
            # a scraped page may turn a keyword into a heading ("## WHEREAS", "### RESOLVED, That …")
            if keyword and RECITAL.match(raw):
                return Line(start, end, "recital", raw)
            if keyword and is_resolved_line(raw):
                return Line(start, end, "resolved", raw)
            if ":" in raw and TITLE_LABEL.match(raw):
                return Line(start, end, "meta", raw)
            return Line(start, end, "heading", raw, len(h.group(1)))
    if stripped[0] in "<-*=&" and TAG_LINE.match(raw):  # every TAG_LINE starts with one of these
        return Line(start, end, "tag", raw)
    if not stripped[0].isalnum() and _DECORATION.match(stripped):
        if "|" in stripped and _TABLE_RULE.match(stripped):
            return Line(start, end, "text", raw)  # a Markdown table's rule row ("|---|---:|"): part of its table
        return Line(start, end, "tag", raw)  # "✔", "* * *", "§": a mark, not words
    if keyword:
        if RECITAL.match(raw):
            return Line(start, end, "recital", raw)
        if is_resolved_line(raw) or is_formula_line(raw):
            return Line(start, end, "resolved", raw)
        labelled = LABELLED_KEYWORD.match(raw)
        if labelled:
            return Line(start, end, "recital" if labelled.group("recital") else "resolved", raw)
    if ("BE" in raw or "Be" in raw or "be" in raw) and BE_IT_FURTHER_LINE.match(raw):
        return Line(start, end, "resolved", raw)
    # SPONSOR needs one of its separators in the line, ITEM a bullet or "(" first or a "." or ")" right
    # after a label of up to three characters: lines without them skip the patterns
    # (tests/test_fast_paths.py holds each such test to its pattern)
    if (":" in raw or "-" in raw or "–" in raw or "—" in raw or "by" in raw.lower()) and SPONSOR.match(
        raw.replace("_", " ")  # a form's blanks: "Presented by_Alderman Emma Mitts_on_July 29, 2015"
    ):
        return Line(start, end, "sponsor", raw)
    if ":" in raw and TITLE_LABEL.match(raw):
        return Line(start, end, "meta", raw)
    if stripped[0] in "ACRSacrs" and PRESENTER.match(raw):
        return Line(start, end, "sponsor", raw)
    if (stripped[0] in "(" + BULLETS or "." in stripped[1:4] or ")" in stripped[1:4]) and (item := ITEM.match(raw)):
        rest = raw[item.end() :]
        if item.group(2) and rest[:7].lower() == "whereas" and RECITAL.match(rest):
            # lettered or numbered recitals: "A. WHEREAS, the members approved …;" (a board's RECITALS), "1. Whereas …"
            return Line(start, end, "recital", raw)
        return Line(start, end, "item", raw)
    if stripped[0] in "SsＳ*_" and SECTION_LINE.match(raw):
        return Line(start, end, "section", raw)
    if stripped[0] == ">":
        return Line(start, end, "quote", raw)
    return Line(start, end, "text", raw)


_TABLE_RULE = lazy_compile(r"^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_HTML_TAG = lazy_compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def _blank_tag(m: re.Match[str]) -> str:
    """A tag's characters as spaces; a list item's "<li>" as the bullet it is ("*   ")."""
    tag = m.group()
    return "*" + " " * (len(tag) - 1) if re.match(r"<li\b", tag, re.I) else " " * len(tag)


#: where an HTML paragraph or line break starts a new line of the page: "<p>", "<p class=…>", "<br>", "<br/>"
_HTML_BREAK = lazy_compile(r"<(?:p|br|li|h[1-6])\b[^<>]*>", re.I)
WRAPPER_TAGS = lazy_compile(r"^\s*(?:</?(?:ul|ol|div|blockquote|p|span|section|article)\b[^<>]*>\s*)+$", re.I)
_HTML_HEADING = lazy_compile(r"^\s*<h([1-6])\b", re.I)


def _join_lone_labels(view: str, lines: list[Line]) -> list[Line]:
    """Join a label printed on a line of its own to the paragraph under it: a PDF's text puts a numbered
    paragraph's number alone on its line ("1." / "Takes note with appreciation of the report …").  The
    joined line keeps its offsets: the line break between them reads as a space."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (
            nxt is not None
            and line.kind in ("text", "item")
            and nxt.kind == "text"
            and nxt.start == line.end + 1
            and _LONE_LABEL.match(line.text)
            and nxt.text.lstrip()[:1].isalpha()
        ):
            joined = view[line.start : nxt.end].replace("\r", " ").replace("\n", " ")
            out.append(_classify(line.start, nxt.end, joined))
            i += 2
            continue
        out.append(line)
        i += 1
    return out


#: a paragraph's label alone on its line: "1.", "2)", "(a)", "iv."
_LONE_LABEL = lazy_compile(
    r"^[ \t]*(?:(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]|\((?:\d{1,3}|[a-z]|[ivxlc]{1,5})\))[ \t]*\r?$"
)
# (indented up to 8 spaces: a fence inside a list item, as "2. … amendment of the bylaws:" / "    ```txt")
_FENCE = lazy_compile(r"^[ \t]{0,8}(?:```|~~~)")
# a line of marks only (no letter, digit or quotation mark): an end-of-text mark, a separator
_DECORATION = lazy_compile(r"^[^\w\"“”'’(\[]+$")


ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


def label_of(line: Line) -> tuple[str, int] | None:
    m = ITEM.match(line.text)
    if not m:
        return None
    indent = len(line.text) - len(line.text.lstrip(" \t"))
    return (m.group(1) or m.group(2) or m.group(3)), indent


def follows_label(previous: str | None, label: str) -> bool:
    """Whether ``label`` can be the item after ``previous`` (None: the first item of a list)."""
    if label in BULLETS:
        return previous is None or previous in BULLETS
    if previous is None:
        return label in ("1", "a", "A", "i", "I", "1.0") or label.endswith(".1")
    if previous.isdecimal() and label.isdecimal():
        return int(label) == int(previous) + 1
    if label.endswith(".0") and previous.endswith(".0"):  # decimal paragraphs: "1.0", then "2.0"
        return int(label[:-2]) == int(previous[:-2]) + 1
    if "." in label:  # a paragraph's sub-paragraphs: "5.1." first, then "5.2."
        major, _, minor = label.partition(".")
        pmajor, _, pminor = previous.partition(".")
        return major == pmajor and pminor.isdecimal() and int(minor) == int(pminor) + 1
    low, plow = label.lower(), previous.lower()
    if plow in ROMAN and low in ROMAN and ROMAN.index(low) == ROMAN.index(plow) + 1:
        return True
    return len(low) == 1 and len(plow) == 1 and low.isalpha() and ord(low) == ord(plow) + 1


def misnumbered(previous: str | None, label: str) -> bool:
    """Whether ``label`` is a numbered or lettered list's next item numbered wrong: the number before it again ("2."
    after "2."), one skipped ("4." after "2.", "d)" after "b)", roman "iv" after "ii" but not "i" after "h") or two
    swapped ("7." after "5.", then "6."). R006 reports it."""
    if previous is None:
        return False
    if previous.isdecimal() and label.isdecimal():
        return int(label) in (int(previous) - 1, int(previous), int(previous) + 2)
    low, plow = label.lower(), previous.lower()
    if max(len(low), len(plow)) > 1 and low in ROMAN and plow in ROMAN and label.islower() == previous.islower():
        return ROMAN.index(low) - ROMAN.index(plow) in (-1, 0, 2)
    # (single letters of one case; "i", "v", "x" may be roman numerals and are left out)
    return (
        len(previous) == len(label) == 1
        and previous.isalpha()
        and label.isalpha()
        and previous.islower() == label.islower()
        and label.lower() not in "ivx"
        and ord(label) in (ord(previous) - 1, ord(previous), ord(previous) + 2)
    )


def heading_text(line: Line) -> str:
    return _heading_words(line.text)


@remembered  # (the title and sponsors of a resolution ask it of its headings a dozen times, each build of them)
def _heading_words(text: str) -> str:
    m = HEADING.match(text)
    return m.group(2).strip() if m else text.strip()


@remembered
def is_generic_heading(text: str) -> bool:
    return bool(GENERIC_HEADINGS.match(re.sub(r"[*_`]", "", text).strip()))
