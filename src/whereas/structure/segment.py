"""Split a text view into lines, clauses and resolutions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from whereas.model import Span
from whereas.structure.keywords import (
    BE_IT_FURTHER_LINE,
    BLOCK_INTRO,
    BULLET_CLASS,
    BULLETS,
    FORMULA_LINE,
    LOWER_RESOLVED,
    MIDLINE_RESOLVED,
    RECITAL,
    RESOLUTION_NUMBER,
    THEREFORE_CLAUSE,
    is_resolved_line,
    keywordish,
)

LineKind = Literal[
    "blank", "heading", "tag", "recital", "resolved", "section", "sponsor", "meta", "item", "quote", "text"
]

# Lines that close a resolution rather than continue its last clause.
CLOSING = re.compile(
    r"^\W*(?:adopted|approved|passed|dated|signed|attest|disclaimer|date:|presented\s+by|introduced\s+by|"
    r"(?:explanation|rationale|fiscal\s+impact|budget\s+impact|staff\s+report)\s*:)",
    re.I,
)


COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
TAG_LINE = re.compile(
    r"^\s*(?:<[^>]+>\s*)+$|^\s*&lt;all&gt;\s*$|^\s*<summary>[^<]*</summary>\s*$|^\s*<!--.*-->\s*$|^\s*-{3,}\s*$|^\s*\*{3,}\s*$|^\s*={3,}\s*$"
)
# an item's label; a text that lost its spaces (a PDF's "(2)Consult …") may glue the label to a capital
ITEM = re.compile(
    # a Markdown bullet in front of the document's own label ("- A. The sum of …") is the label's
    rf"^[ \t]*(?:[{BULLET_CLASS}][ \t]+(?=[0-9A-Za-z(]{{1,4}}[.)][ \t]))?"
    r"(?:\(([0-9]{1,3}|[a-zA-Z]|[ivxlc]{1,5})\)(?:[ \t]+(?=\S)|(?=[A-Z]))|([0-9]{1,3}|[a-zA-Z])[.)][ \t]+(?=\S)"
    rf"|([{BULLET_CLASS}])[ \t]+(?=\S))"
)
SPONSOR = re.compile(
    r"^[ \t]*(?:[*-][ \t]+)?(?:\*\*|__)?(?P<label>mover|moved\s+by|seconder|seconded\s+by|submitted\s+by|"
    r"sponsor(?:\(s\)|s|ed\s+by)?|co-?sponsors?|co-?sponsor\(s\)|introduced\s+by|initiated\s+by|presented\s+by|"
    r"author(?:s|\(s\)|ed\s+by)?|initiating\s+unit|by(?=(?:\*\*|__)?[ \t]*:)|signed)(?:\*\*|__)?[ \t]*(?::|[-–—](?=[ \t]|$))[ \t]*"
    r"(?:\*\*|__)?[ \t]*(?P<value>\S.*?)?[ \t]*$"
    # a bill's "INTRODUCED BY REPRESENTATIVE BARNES.", a line of its own without a colon
    r"|^[ \t]*(?P<label2>introduced\s+by|sponsored\s+by|submitted\s+by|presented\s+by|offered\s+by)[ \t]+"
    r"(?P<value2>(?:senators?|representatives?|assembly\s*(?:wo)?m[ae]n|council\s*(?:wo)?m[ae]n(?:ber)?|aldermen|alderman|"
    r"[A-Z][\w.'’-]*)\b[^:]{0,150}?)[ \t.]*$",
    re.I,
)
# A section of a resolving part: "Section 1.", "SECTION 2. TITLE.", "**Section 3:**", "Sec. 4."
SECTION_LINE = re.compile(
    r"^[ \t]*(?:\*\*|__)?(?:Section|SECTION|Sec\.|SEC\.)[ \t]+(?P<n>\d{1,3})[A-Za-z]?(?:\*\*|__)?[ \t]*[.:](?!\d)"
)
# The line that enacts what the sections say: "… hereby finds, determines, declares, orders and resolves as
# follows:", "NOW, THEREFORE, THE PEOPLE OF THE CITY OF DAVIS DO HEREBY ORDAIN AS FOLLOWS:"
ENACTING = re.compile(
    r"\b(?:resolves?|resolved|ordains?|ordained|enacts?|enacted|orders|determines|declares)\b[^.;]*:\s*$", re.I
)
# A member named alone on a line, by office (a stamp's "ALDERMAN RODERICK T SAWYER"): the presenter
PRESENTER = re.compile(
    r"^[ \t]*(?P<value>(?:ALDERMAN|Alderman|ALDERWOMAN|Alderwoman|COUNCILMEMBER|Councilmember|COUNCIL MEMBER|Council Member|"
    r"SENATOR|Senator|REPRESENTATIVE|Representative|ASSEMBLYMEMBER|Assemblymember|SUPERVISOR|Supervisor)"
    r"(?:[ \t]+[A-Z][\w.'’-]*){2,4})[ \t.]*$"
)
# A labelled line that names the resolution: "Title: …", "Subject: …", "Re: …" (a form, a tracking sheet, a memo).
TITLE_LABEL = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?P<label>title|subject|re|resolution\s+title)(?:\*\*|__)?[ \t]*:[ \t]*"
    r"(?:\*\*|__)?[ \t]*(?P<value>\S.*?)?[ \t]*$",
    re.I,
)
GENERIC_HEADINGS = re.compile(
    r"^(?:full\s+text|text|synopsis|summary|authors?|sponsors?|background|justification|action|commentary|"
    r"notes|endnotes|footnotes|references|resolutions?|whereas|resolved|preamble|body|details)\s*:?$",
    re.I,
)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    kind: LineKind
    text: str  # the line with excluded (note) spans blanked out
    level: int = 0  # heading level

    def __init__(self, start: int, end: int, kind: LineKind, text: str, level: int = 0) -> None:
        # the generated frozen __init__ sets each field through object.__setattr__: this is 2x faster
        d = self.__dict__
        d["start"] = start
        d["end"] = end
        d["kind"] = kind
        d["text"] = text
        d["level"] = level


def split_lines(
    text: str,
    excluded: tuple[Span, ...],
    hidden: frozenset[int] = frozenset(),
    prefixes: dict[int, int] | None = None,
) -> list[Line]:
    """The lines of ``text``, classified; ``excluded`` spans are blanked first, lines starting at a
    ``hidden`` offset (page furniture) are left out, and a line in ``prefixes`` starts after its
    line number."""
    view = _blank(text, excluded)
    lines: list[Line] = []
    pos = 0
    fence: str | None = None  # the opening mark of the fenced block the line is in
    for raw in view.split("\n"):
        end = pos + len(raw)
        if hidden and pos in hidden:
            pos = end + 1
            continue
        if fence is not None or (raw.lstrip()[:3] in ("```", "~~~") and _FENCE.match(raw)):
            # a fenced block (quoted text, as a bylaw's "From:" / "To:"): its lines, blank ones too, are quoted
            lines.append(Line(pos, end, "quote", raw))
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
    if not any(line.kind in ("recital", "resolved") for line in lines):
        _read_prose_resolutions(lines)
    if "," in text and _BODY_LINE.search(view):
        _read_intergovernmental(lines)
    if "ection" in view or "ECTION" in view:
        lines = _split_run_in_sections(lines)
    return lines


_RUN_IN_SECTION = re.compile(r"(?<=[.;:)])[ \t]+(?P<start>(?:Section|SECTION)[ \t]+(?P<n>\d{1,3})\.?[ \t]+[A-Z])")


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
        for m in _RUN_IN_SECTION.finditer(line.text):
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
_UNDERLINE = re.compile(r"^[ \t]*([=\-~^\"'`#*+])\1{2,}[ \t]*$")
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
PROSE_RESOLUTION = re.compile(
    r"^[ \t]*(?:This\s+(?:[\w-]+\s+){0,2}resolution\s+(?:hereby\s+)?(?:approves|instructs|directs|adopts|establishes|"
    r"affirms|requests|resolves|recommends|endorses|authorizes|calls)\b"
    r"|(?:The\s+)?(?:[A-Z][\w-]*\s+){0,5}(?:Committee|Board|Council|Senate|Assembly|Commission|Conference|Membership)"
    r"(?:\s+\([A-Z]{2,6}\))?\s+(?:therefore\s+|hereby\s+)*(?:resolves|approves|adopts|directs|instructs|endorses)\b)"
)


def _read_prose_resolutions(lines: list[Line]) -> None:
    """In a text without any keyword clause, the paragraphs that resolve in prose are its resolving clauses."""
    previous = "blank"
    for i, line in enumerate(lines):
        if line.kind == "text" and previous in ("blank", "heading", "tag") and PROSE_RESOLUTION.match(line.text):
            lines[i] = Line(line.start, line.end, "resolved", line.text)
        previous = line.kind


# The style of the United Nations and other intergovernmental bodies: "The General Assembly," alone on a line,
# preambular paragraphs opening with a participle or an adjective ("Recalling …,", "Deeply concerned …,"),
# numbered operative paragraphs opening with a verb ("1. Decides …;").
_BODY_LINE = re.compile(
    r"^[ \t]*The (?:[A-Z][\w’'-]*(?: of| on| and| for| the)*[ \t]+){0,6}[A-Z][\w’'-]*,[ \t]*$", re.M
)
_PREAMBULAR = re.compile(
    r"^[ \t]*(?:(?:Further|Also|Deeply|Gravely|Seriously|Strongly|Fully|Firmly|Keenly|Profoundly|Greatly|Noting|Having)\s+"
    r"(?:[a-z]+(?:ing|ed)|mindful|aware|conscious|convinced)"
    r"|(?!United\b)[A-Z][a-z]+(?:ing|ed)|Mindful|Aware|Conscious|Cognizant|Desirous|Confident|Bearing|Guided|Taking|Having)\b"
)
# "1. Welcomes …", "2. Also welcomes …", "5. Strongly condemns …": a number, then a verb in the third person
_OPERATIVE = re.compile(
    r"^[ \t]*\d{1,3}\.[ \t]+(?:(?:Also|Further|Again|Once\s+again|Strongly|Firmly|Further\s+also)\s+[a-z]+s|[A-Z][a-z]+s)\b"
)


def _read_intergovernmental(lines: list[Line]) -> None:
    """Mark the preambular and operative paragraphs after each "The General Assembly," line as clauses."""
    active = False
    previous = ""
    open_quotes = 0  # “ not yet closed in the paragraph so far (a quoted title running over a line end)
    last_number: int | None = None  # the number of the last operative paragraph
    for i, line in enumerate(lines):
        if line.kind == "blank":
            continue
        bare = line.text.strip()
        if _BODY_LINE.match(line.text):
            lines[i] = Line(line.start, line.end, "tag", line.text)
            active, previous, open_quotes = True, ",", 0
            continue
        if active and line.kind in ("text", "item"):
            opens = not open_quotes and (
                previous.endswith((",", ";", ":")) or previous.endswith(".") and line.kind == "item"
            )
            number = re.match(r"\s*(\d{1,3})\.", line.text)
            # the operative paragraph numbered next goes on after a page's footnotes and running header
            follows = number is not None and last_number is not None and int(number.group(1)) == last_number + 1
            if (opens or follows) and _OPERATIVE.match(line.text):
                lines[i] = Line(line.start, line.end, "resolved", line.text)
                last_number = int(number.group(1)) if number else None
            elif opens and previous.endswith(",") and _PREAMBULAR.match(line.text):
                lines[i] = Line(line.start, line.end, "recital", line.text)
            if lines[i].kind in ("recital", "resolved"):
                open_quotes = 0
            open_quotes = max(0, open_quotes + bare.count("“") - bare.count("”"))
        previous = re.sub(
            r"(?<=[,;:.])[ \t]?\d{1,3}$", "", bare
        )  # without a footnote's call-out ("UNISPACE+50,4", "Bodies, 5")


def _after_connector(lines: list[Line]) -> bool:
    """Whether the last non-blank line is a connector paragraph of its own ("NOW, THEREFORE, BE IT")."""
    for line in reversed(lines):
        if line.kind != "blank":
            return line.kind == "resolved" and bool(FORMULA_LINE.match(line.text))
    return False


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
        pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


_NOT_NEWLINE = re.compile(r"[^\n]")


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
        return Line(start, end, "tag", raw)  # "✔", "* * *", "§": a mark, not words
    if keyword:
        if RECITAL.match(raw):
            return Line(start, end, "recital", raw)
        if is_resolved_line(raw) or FORMULA_LINE.match(raw):
            return Line(start, end, "resolved", raw)
    if ("BE" in raw or "Be" in raw or "be" in raw) and BE_IT_FURTHER_LINE.match(raw):
        return Line(start, end, "resolved", raw)
    # SPONSOR needs one of its separators in the line, ITEM a bullet or "(" first or a "." or ")" right
    # after a label of up to three characters: lines without them skip the patterns
    if (":" in raw or "-" in raw or "–" in raw or "—" in raw or "by" in raw[:30].lower()) and SPONSOR.match(
        raw.replace("_", " ")  # a form's blanks: "Presented by_Alderman Emma Mitts_on_July 29, 2015"
    ):
        return Line(start, end, "sponsor", raw)
    if ":" in raw and TITLE_LABEL.match(raw):
        return Line(start, end, "meta", raw)
    if stripped[0] in "ACRSacrs" and PRESENTER.match(raw):
        return Line(start, end, "sponsor", raw)
    if (stripped[0] in "(" + BULLETS or "." in stripped[1:4] or ")" in stripped[1:4]) and ITEM.match(raw):
        return Line(start, end, "item", raw)
    if stripped[0] in "SsＳ*_" and SECTION_LINE.match(raw):
        return Line(start, end, "section", raw)
    if stripped[0] == ">":
        return Line(start, end, "quote", raw)
    return Line(start, end, "text", raw)


_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def _blank_tag(m: re.Match[str]) -> str:
    """A tag's characters as spaces; a list item's "<li>" as the bullet it is ("*   ")."""
    tag = m.group()
    return "*" + " " * (len(tag) - 1) if re.match(r"<li\b", tag, re.I) else " " * len(tag)


#: where an HTML paragraph or line break starts a new line of the page: "<p>", "<p class=…>", "<br>", "<br/>"
_HTML_BREAK = re.compile(r"<(?:p|br|li|h[1-6])\b[^<>]*>", re.I)
_WRAPPER_TAGS = re.compile(r"^\s*(?:</?(?:ul|ol|div|blockquote|p|span|section|article)\b[^<>]*>\s*)+$", re.I)
_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b", re.I)


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
_LONE_LABEL = re.compile(r"^[ \t]*(?:(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]|\((?:\d{1,3}|[a-z]|[ivxlc]{1,5})\))[ \t]*\r?$")
# (indented up to 8 spaces: a fence inside a list item, as "2. … amendment of the bylaws:" / "    ```txt")
_FENCE = re.compile(r"^[ \t]{0,8}(?:```|~~~)")
# a line of marks only (no letter, digit or quotation mark): an end-of-text mark, a separator
_DECORATION = re.compile(r"^[^\w\"“”'’(\[]+$")


_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


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
        return label in ("1", "a", "A", "i", "I")
    if previous.isdecimal() and label.isdecimal():
        return int(label) == int(previous) + 1
    low, plow = label.lower(), previous.lower()
    if plow in _ROMAN and low in _ROMAN and _ROMAN.index(low) == _ROMAN.index(plow) + 1:
        return True
    return len(low) == 1 and len(plow) == 1 and low.isalpha() and ord(low) == ord(plow) + 1


@dataclass
class ClauseDraft:
    kind: Literal["recital", "resolved"]
    lines: list[Line] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    def body(self) -> str:
        return " ".join(line.text.strip() for line in self.lines)

    def body_end(self) -> str:
        """The end of :meth:`body` that the grouping reads at each line: a suffix of it holding at least
        ``BODY_END`` characters that are not white space, emphasis marks or quotation marks (or all of
        it).  Every pattern the grouping matches at the end of a clause so far (``…$``) holds fewer of
        them, so it finds in this suffix what it finds in the whole body; joining the whole clause at
        every line made a long clause quadratic."""
        parts: list[str] = []
        needed = BODY_END
        for line in reversed(self.lines):
            part = line.text.strip()
            if len(part) > 4 * BODY_END:  # a long line: its end may be enough
                end = part[-4 * BODY_END :]
                if len(_FILLER.sub("", end)) >= needed:
                    parts.append(end)
                    break
            parts.append(part)
            needed -= len(_FILLER.sub("", part))
            if needed <= 0:
                break
        return " ".join(reversed(parts))

    def only_keyword(self) -> bool:
        """``_only_keyword(self.body())``, the whole body joined only when its first lines do not already
        hold more than a keyword."""
        return not _starts_with_words(self.lines) and _only_keyword(self.body())

    def at_most_words(self, n: int) -> bool:
        """``len(self.body().split()) <= n``, counted from the first lines only as far as needed."""
        count = 0
        for line in self.lines:
            count += len(line.text.split())
            if count > n:
                return False
        return True


#: characters of words the end of a clause read at each line holds (see ClauseDraft.body_end)
BODY_END = 200
_FILLER = re.compile(r"[\s*_\"”]+")


@dataclass
class Group:
    """The lines of one resolution: clauses and what surrounds them."""

    clauses: list[ClauseDraft] = field(default_factory=list)  # changed only through add() and pop()
    before: list[Line] = field(default_factory=list)  # lines between the previous resolution and this one
    after: list[Line] = field(default_factory=list)  # lines after its last clause
    #: how many of ``clauses`` are resolving clauses: kept as they are added, since the grouping asks
    #: at every line whether there is one (counting them each time made it quadratic)
    resolving: int = 0

    def add(self, clause: ClauseDraft) -> None:
        self.clauses.append(clause)
        self.resolving += clause.kind == "resolved"

    def pop(self) -> ClauseDraft:
        clause = self.clauses.pop()
        self.resolving -= clause.kind == "resolved"
        return clause

    @property
    def has_resolved(self) -> bool:
        return self.resolving > 0

    @property
    def has_recital(self) -> bool:
        return len(self.clauses) > self.resolving


def _ends_open(text: str) -> bool:
    t = text.rstrip(" *_")
    return t.endswith((":", "—", "–", "-", "--")) or bool(re.search(r"\b(?:including|follows)$", t, re.I))


# how a clause ends before the next: "; and", "be it", "further", a full stop.  A bare "and" after a word
# ("… General Manager's Report and") is the middle of a sentence that a (double-spaced) line break cut.
_CONNECTOR_END = re.compile(r"(?:(?:[;,:.]\s*|^)(?:and|or)|\b(?:it|further|finally|therefore)|[;.!?:”\"'’])$", re.I)


_ENACTING_HEAD = re.compile(
    r"^[*_\s]*(?:NOW,?\s+THEREFORE,?\s+)?BE\s+IT\s+RESOLVED,?\s+BY\s+THE\s[^.;:]{3,200}:[*_\s]*(?:RESOLUTION|ORDINANCE)?[*_\s]*$",
    re.I,
)
_LIST_ENTRY_END = re.compile(r"[;,](?:\s*(?:and|or))?$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


_ENACTS = re.compile(r"^(?:(?!resolved)[^:]){0,60}?\b(?:ordained|enacted)\b", re.I)


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
    if not t or _CONNECTOR_END.search(t):
        return False
    return t[-1].isalnum() or t[-1] in ",%$"


_KEYWORD_ONLY = re.compile(
    r"^(?:whereas|(?:now)?(?:therefore)?(?:beit|itis|itwas)?(?:further|finally)?resolved(?:that)?|"
    r"nowthereforebeit|therefore|(?:and)?beit(?:further|finally))$"
)


_NOT_KEYWORD = re.compile(r"[\s*_,:;.…>\"“#-]")  # "BE, IT" reads as "beit"
#: the longest text _KEYWORD_ONLY matches ("nowthereforebeitfurtherresolvedthat" and the like)
_KEYWORD_ONLY_MAX = 36


def _only_keyword(text: str) -> bool:
    # _NOT_KEYWORD drops characters one by one, so what it leaves of a prefix is a prefix of what it
    # leaves of the text: more than the longest keyword there, and the text is not one.
    if len(text) > 80 and len(_NOT_KEYWORD.sub("", text[:80])) > _KEYWORD_ONLY_MAX:
        return False
    stripped = _NOT_KEYWORD.sub("", text)
    return bool(_KEYWORD_ONLY.match(stripped.lower()))


def _starts_with_words(lines: list[Line]) -> bool:
    """What _only_keyword's first test finds in a clause's body (the first 80 characters hold more
    than a keyword), read from the first lines alone instead of the whole body joined."""
    parts = []
    n = -1
    for line in lines:
        part = line.text.strip()
        parts.append(part)
        n += len(part) + 1
        if n > 80:
            return len(_NOT_KEYWORD.sub("", " ".join(parts)[:80])) > _KEYWORD_ONLY_MAX
    return False


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
        line.kind == "resolved" and _only_keyword(line.text) and "resolved" in line.text.lower() for line in lines
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
            line = Line(line.start, line.end, "text", line.text)
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
            line = Line(line.start, line.end, "resolved", line.text)
        if (
            kind == "text"
            and clause is not None
            and clause.kind == "recital"
            and blank_before
            and not current.has_resolved
            and _WHEREAS_COLON.match(clause.lines[0].text)
            and stripped_upper(line.text)
        ):
            # "WHEREAS:" and the findings under it, a paragraph each: each finding is a recital
            kind = "recital"
            line = Line(line.start, line.end, "recital", line.text)
        if kind == "section":
            if _opens_sections(current, clause, pending):
                kind = "resolved"
                line = Line(line.start, line.end, "resolved", line.text)
            else:
                kind = "text"
                line = Line(line.start, line.end, "text", line.text)
        if (
            kind == "recital"
            and current.clauses
            and current.clauses[-1].kind == "resolved"
            and current.resolving == 1  # and the others are recitals
            and (
                _only_keyword(current.clauses[-1].body())
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
            line = Line(line.start, line.end, "resolved", line.text)
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
            line = Line(line.start, line.end, "recital", line.text)
        if (
            kind == "text"
            and clause is not None
            and clause.kind == "resolved"
            and blank_before
            and _THAT_CLAUSE.match(line.text)
            and _THAT_SERIES.match(clause.body())
            and _SERIES_END.search(clause.body().rstrip(" *_"))
        ):
            # "THEREFORE BE IT RESOLVED:" / "That A; and" / "That B; and" / "That C.": each "That" resolves
            kind = "resolved"
            line = Line(line.start, line.end, "resolved", line.text)
        if kind == "resolved" and clause is not None and not blank_before and BE_IT_FURTHER_LINE.match(line.text):
            kind = "text"  # "…; and be it further" wrapped onto a line of its own: the clause's connector
            line = Line(line.start, line.end, "text", line.text)
        if (
            kind in ("item", "quote", "text")
            and clause is not None
            and clause.kind == "resolved"
            and _NUMBERED_THAT.match(line.text)
            and not any(ln.kind == "item" for ln in clause.lines)
        ):
            # "Resolved, That …" / "2. That we give our votes …": numbered resolutions of one series
            kind = "resolved"
            line = Line(line.start, line.end, "resolved", line.text)
        if kind in ("recital", "resolved"):
            if (
                clause is not None
                and clause.kind == kind
                and not _starts_with_words(clause.lines)
                and _only_keyword(clause.body())
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
                and _narrative(pending)
                and (has_resolved or kind == "recital" and _words_in(pending) >= 40)
            ):
                # commentary between two quoted resolutions ("Their next resolution read:—"), or between a
                # quoted charter's preamble and a petition's recitals
                starts_new = True
            if not starts_new and pending and any(p.kind == "heading" for p in pending):
                if has_resolved:
                    starts_new = True
                else:
                    section = min((b.level for b in current.before if b.kind == "heading"), default=None)
                    starts_new = section is not None and any(
                        p.kind == "heading" and p.level <= section and not is_generic_heading(heading_text(p))
                        for p in pending
                    )
            if starts_new and kind == "resolved" and _next_section_of(current, line):
                # "Section 4." after "Section 3." of the same enactment, whatever stands between them (the text
                # Section 3 added to the code, an editor's note): one ordinance's sections
                starts_new = False
            if starts_new:
                split = _split_pending(pending)
                current.after.extend(split[0])
                close_group()
                current.before.extend(split[1])
            elif not current.clauses:
                current.before.extend(pending)
            else:
                current.after.extend(pending)  # stray lines between clauses: kept for sponsors
            if not current.clauses:
                for draft in _unkeyed_preamble(
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
            if kind == "tag" and (COMMENT_LINE.match(line.text) or _WRAPPER_TAGS.match(line.text)):
                # an HTML comment inside a clause (a template's hint), a list's or a block's own tag ("<ul>",
                # "</div>") neither ends nor joins it
                continue
            stripped = line.text.lstrip()
            # "Approved …" closes; "approved the American River …" wrapped under "… Board of Education (Board)" goes on
            closing = CLOSING.match(stripped) and not (stripped[:1].islower() and not blank_before)
            # the clause so far is only looked at after a blank line, at a heading or at a closing line
            text_so_far = clause.body_end() if blank_before or closing or kind == "heading" else ""
            # a scraped page turns a wrapped line into a heading ("## of Engineers; and be it further")
            stray_heading = kind == "heading" and (
                heading_text(line)[:1].islower() or (not blank_before and _mid_sentence(text_so_far))
            )
            if kind in ("heading", "tag", "sponsor", "meta") and not stray_heading:
                clause = None
                pending.append(line)
                quiet_pending = quiet_pending and kind in ("blank", "tag")
                continue
            if closing and not _mid_sentence(text_so_far) and not _ends_open(text_so_far):
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
                    # a resolving clause that goes on after its list with another list
                    # ("…; and tables." / "To avoid problems …, agencies should:" / "- Take into account …")
                    or (in_list and clause.kind == "resolved" and kind == "text" and _introduces_list(lines, at))
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


# The connector that ends a preamble paragraph: "…; therefore, be it", "…: therefore", "… therefore—".
_ENDS_WITH_CONNECTOR = re.compile(
    r"(?:[;:,.]|\s)\s*(?:and\s+)?(?:now,?\s*)?therefore[\s,.:;—–-]*(?:be\s+it[\s,.:;—–-]*)?$", re.I
)
# a paragraph whose keyword was lost: OCR noise or nothing before the comma (", The Village of …")
_LOST_KEYWORD = re.compile(r"^\S{0,12}\s*,\s+[A-Z]")
# a paragraph that argues for what follows: "As the conservation of the Christian Sabbath … is essential …"
_OPENS_AS_RECITAL = re.compile(r"^(?:As|Since|Because|Inasmuch\s+as)\s+(?:the|a|an|our|this|it|we|there)\b")
_ENDS_AS_RECITAL = re.compile(r"(?:[;,]|;\s*and|,\s*and)$")
_PREAMBLE_HEADING = re.compile(r"^(?:background|recitals?|preamble|whereas)\s*:?$", re.I)


def _paragraph_runs(lines: list[Line]) -> list[list[Line]]:
    """``lines`` cut into paragraphs at blank lines and headings (which are paragraphs of their own)."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.kind in ("blank", "heading", "tag", "sponsor", "meta"):
            if current:
                runs.append(current)
            current = []
            if line.kind == "heading":
                runs.append([line])
            continue
        current.append(line)
    if current:
        runs.append(current)
    return runs


def _unkeyed_preamble(
    before: list[Line], *, before_recital: bool = False, opens_document: bool = False, before_prose: bool = False
) -> list[ClauseDraft]:
    """Preamble paragraphs without "Whereas" right before the first clause, taken out of ``before``.

    The shapes: the paragraphs under a "Background" / "Recitals" / "Preamble" heading; a run of
    paragraphs that ends with the connector ("Realizing that …; therefore, be it", "Inasmuch as …;
    and" / "Inasmuch as …; therefore,"); "Believing that …; and" before the first "Whereas"; and, at
    the top of a document (``opens_document``), the prose that argues for the motion under its title
    ("The Department of Chemistry … has considered …" / "… we support their motion and" / "Resolve
    that …").
    """
    runs = _paragraph_runs(before)
    taken: list[list[Line]] = []
    if opens_document:
        prose = _prose_preamble(runs, before_recital=before_recital or before_prose)
        if prose:
            return _take(before, prose)
    if before_recital:
        # "Believing that …; and" before the first "WHEREAS": a recital without the keyword; ", The Village of
        # Lakewood Club is celebrating …; and": a recital whose scripted "Whereas" the OCR could not read
        for run in reversed(runs[-3:]):
            body = _joined(run)
            damaged = _LOST_KEYWORD.match(" ".join(line.text.strip() for line in run))
            if run[0].kind == "heading" or not re.search(r";(?:\s*and)?$", body) or not (body[:1].isupper() or damaged):
                break
            taken.insert(0, run)
        return _take(before, taken)
    heading_at = max((i for i, run in enumerate(runs) if run[0].kind == "heading" or _lone_heading(run)), default=-1)
    if heading_at >= 0 and _PREAMBLE_HEADING.match(re.sub(r"[*_`]", "", heading_text(runs[heading_at][0])).strip()):
        taken = [run for run in runs[heading_at + 1 :] if run[0].kind in ("text", "quote", "item")]
    elif (
        runs
        and runs[-1][0].kind != "heading"
        and (_ENDS_WITH_CONNECTOR.search(_joined(runs[-1])) or _OPENS_AS_RECITAL.match(_joined(runs[-1])))
    ):
        taken = [runs[-1]]
        for run in reversed(runs[:-1]):
            body = _joined(run)
            if run[0].kind == "heading" or not _ENDS_AS_RECITAL.search(body) or not body[:1].isupper():
                break
            taken.insert(0, run)
        if not _joined(taken[0])[:1].isupper() and _joined(taken[0])[:1] not in '"“':
            return []
    return _take(before, taken)


#: the most paragraphs of argument a motion opens with before its first clause
MAX_PROSE_PREAMBLE = 4


def _prose_preamble(runs: list[list[Line]], *, before_recital: bool) -> list[list[Line]]:
    """At the top of a document: its title, then at most a few paragraphs of argument (sentences of twelve
    words or more) right before the first clause, the last ending with "and" / a connector or followed
    by the first "Whereas".  Anything else above them (a heading, a label, a list, a short line) and it is
    not a motion's preamble."""
    body = [run for run in runs if run[0].kind != "heading"]
    if len(runs) - len(body) > 1 or not body:
        return []
    if len(body) > 1 and len(_joined(body[0]).split()) <= 12 and not _joined(body[0]).endswith("."):
        body = body[1:]  # the title line ("Motion")
    if not 1 <= len(body) <= MAX_PROSE_PREAMBLE:
        return []
    for run in body:
        words = _joined(run)
        if run[0].kind != "text" or len(words.split()) < 8 or not words[:1].isupper() or not _prose(words):
            return []
        if RESOLUTION_NUMBER.match(" ".join(run[0].text.split())):
            return []  # "SENATE CONCURRENT RESOLUTION NO. 22" / "Relating to …": a title block with no blank line under it
    last = _joined(body[-1])
    if not re.search(r"(?:[.;!?]|\band|\btherefore[,—–-]*|be\s+it)$", last):
        return []
    if not before_recital and not re.search(r"(?:\band|\btherefore[,—–-]*|be\s+it)$", last):
        return []
    return body


def _prose(words: str) -> bool:
    """Sentences rather than a title: most of the words are lower case."""
    tokens = [t for t in re.findall(r"[^\W\d_][\w'’-]*", words) if len(t) > 3]
    return bool(tokens) and sum(t[0].islower() for t in tokens) >= 0.5 * len(tokens)


def _take(before: list[Line], taken: list[list[Line]]) -> list[ClauseDraft]:
    """Recital drafts of the paragraphs ``taken`` out of ``before`` (which loses them and what follows)."""
    if not taken:
        return []
    first = taken[0][0]
    cut = before.index(first)
    drafts = []
    for run in taken:
        lines = [ln for ln in before[cut:] if run[0].start <= ln.start <= run[-1].start]
        drafts.append(
            ClauseDraft(
                "recital",
                [Line(ln.start, ln.end, "recital" if k == 0 else ln.kind, ln.text) for k, ln in enumerate(lines)],
            )
        )
    del before[cut:]
    return drafts


_WRAPPING = re.compile(r"^[\s>*_#]*[\"“]?[\s*_]*")


def _lone_heading(run: list[Line]) -> bool:
    """A paragraph of one short line in capitals: a heading in a text without heading marks (a PDF's "BACKGROUND")."""
    if len(run) != 1 or run[0].kind != "text":
        return False
    words = run[0].text.split()
    return 0 < len(words) <= 6 and run[0].text.isupper()


def _joined(run: list[Line]) -> str:
    """A paragraph's words: its lines joined, without block-quote marks, emphasis or an article's opening quote."""
    return _WRAPPING.sub("", " ".join(_WRAPPING.sub("", line.text).strip() for line in run)).rstrip(' *_"”')


_NUMBERED_THAT = re.compile(r"^[\s*_\"“>]*(?:[2-9]|[1-9]\d)\.\s+That\s+[a-z]")
_THAT_CLAUSE = re.compile(r"^[\s*_]*That\s+\S")
# a resolving clause that is one of a series of "That …" clauses: "RESOLVED: That …", "That …"
_THAT_SERIES = re.compile(r"^[\s*_>\"“]*(?:[\w,]+\s+){0,6}?resolved[\s,:*_]*that\b|^[\s*_]*that\b", re.I)
# how a resolving clause of a series ends before the next "That …": "; and", ";", "."
_SERIES_END = re.compile(r"(?:;|;\s*(?:and|or)|\.)$")
# How a recital opens without "Whereas": "Since …", "Inasmuch as …", "Considering that …"
_RECITAL_OPENER = re.compile(
    r"^[\"“*_]*(?:Since|Because|Inasmuch\s+as|Insomuch\s+as|Considering(?:\s+that)?|Given\s+that|Noting\s+that|Finding,?\s+that|"
    r"Recognizing\s+that|Recognising\s+that|Believing\s+that|Realizing\s+that|Realising\s+that|And(?=\s+[a-z]))\s+[a-z]"
)


_WHEREAS_COLON = re.compile(r"^[\s*_>#]*(?:WHEREAS|Whereas)[*_]*\s*:")


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


def _opens_sections(current: Group, clause: ClauseDraft | None, pending: list[Line]) -> bool:
    """Whether a "Section N." line starts a resolving clause: the resolution has an enacting line right
    before it ("… resolves as follows:", "BE IT RESOLVED by the City Council of Rivergrove:"), or the
    section before it.  An enacting line without a keyword ("… DO HEREBY ORDAIN AS FOLLOWS:") is made
    the resolving clause it is.  Anywhere else (a statute quoted in a recital) it is text."""
    if not current.clauses:
        return False
    last = current.clauses[-1]
    if last.kind == "resolved" and SECTION_LINE.match(last.lines[0].text):
        return True
    if clause is last and last.kind == "resolved":
        body = last.body().rstrip(" *_")
        if body.endswith((":", ",")) or _only_keyword(body):
            return True
    runs = _paragraph_runs(pending)
    if runs and runs[-1][0].kind == "text" and ENACTING.search(_joined(runs[-1])):
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
    return last is None or not follows_label(last, found[0])


def _narrative(pending: list[Line]) -> bool:
    """Whether the lines between two clauses hold a paragraph of prose: a sentence of six words or more."""
    paragraph: list[str] = []
    for line in [*pending, Line(0, 0, "blank", "")]:
        if line.kind == "text":
            paragraph.append(line.text.strip())
            continue
        if paragraph:
            words = " ".join(paragraph)
            end = words.rstrip(" *_\"”’'")[-1:]
            if len(words.split()) >= 6 and end and end in ".!?:—-" and words.lstrip("\"“‘'*_")[:1].isupper():
                return True
        paragraph = []
    return False


def _split_pending(pending: list[Line]) -> tuple[list[Line], list[Line]]:
    """Lines between two resolutions: the tail of the first (sponsors, signatures) and the head of the next.

    The next resolution's head starts at the first of the top-level headings among those lines.
    """
    headings = [line for line in pending if line.kind == "heading"]
    if not headings:
        sponsors = [i for i, line in enumerate(pending) if line.kind == "sponsor"]
        cut = sponsors[-1] + 1 if sponsors else _last_paragraph(pending)
        above = _last_paragraph(pending[:cut])
        if (
            not sponsors
            and above < cut
            and (_numbers_a_resolution(pending[above:cut]) or _names_a_resolution(pending[above:cut]))
        ):
            # "RESOLUTION NO. 2987" above the next resolution's name heads it; so does an agenda's
            # "C. Resolution to Change the Apache Directory Chair" above the paragraph that introduces it
            cut = above
        return pending[:cut], pending[cut:]
    top = min(h.level for h in headings)
    first = next(i for i, line in enumerate(pending) if line.kind == "heading" and line.level == top)
    return pending[:first], pending[first:]


def _numbers_a_resolution(lines: list[Line]) -> bool:
    """A paragraph that is a resolution's number line alone ("RESOLUTION NO. 2987")."""
    text = [line for line in lines if line.kind != "blank"]
    return len(text) == 1 and RESOLUTION_NUMBER.match(" ".join(text[0].text.split())) is not None


def _names_a_resolution(lines: list[Line]) -> bool:
    """A short paragraph (one or two lines) that names a resolution and is no sentence."""
    text = [line for line in lines if line.kind != "blank"]
    words = " ".join(" ".join(line.text.split()) for line in text)
    return (
        0 < len(text) <= 2
        and len(words.split()) <= 20
        and re.search(r"\bresolution\b", words, re.I) is not None
        and not words.rstrip(" *_").endswith((".", ";", ","))
    )


def _last_paragraph(lines: list[Line]) -> int:
    """Index where the last paragraph (run of non-blank lines) of ``lines`` starts."""
    i = len(lines)
    while i > 0 and lines[i - 1].kind == "blank":
        i -= 1
    while i > 0 and lines[i - 1].kind != "blank":
        i -= 1
    return i


def heading_text(line: Line) -> str:
    m = HEADING.match(line.text)
    return m.group(2).strip() if m else line.text.strip()


def is_generic_heading(text: str) -> bool:
    return bool(GENERIC_HEADINGS.match(re.sub(r"[*_`]", "", text).strip()))
