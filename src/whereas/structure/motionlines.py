"""Cutting a motion's line where its parts begin: a parliament's motion written as one paragraph, a notice paper's
"112  Senator A: To move—That the Senate— …", and the journals' "… the motion of A, seconded by B, — That …"; and
where a one-paragraph motion that opens "That …" stands (``that_opening``).

Each piece is a line of its own (a blank line of no width before it makes it a paragraph), with its offsets into
the source, so that ``lines.read_motions`` reads the pieces as it reads a motion set out on several lines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whereas.patterns import lazy_compile
from whereas.structure.keywords import (
    LEGISLATURE,
    MOTION_OF,
    MOTION_OPENING,
    MOTION_PREAMBLE,
    THAT_ANY,
    THAT_BODY_OPENING,
    notice_head,
)
from whereas.structure.movers import moved_and_seconded

if TYPE_CHECKING:
    from whereas.structure.lines import Line, LineKind

__all__ = [
    "MINUTES_WORDS",
    "RESOLUTION_LINE",
    "dashed_motion",
    "gives_notice",
    "MINUTED_VOTE",
    "leads_its_items",
    "read_minutes",
    "read_motion_headings",
    "split_motion_label",
    "split_motion_lines",
    "split_notice",
    "split_one_paragraph_motion",
    "that_opening",
]


def _piece(line: Line, lo: int, hi: int, kind: LineKind, text: str | None = None) -> Line:
    """The part ``[lo, hi)`` of ``line``'s text as a line of its own, of ``kind`` (an empty blank line: ``lo == hi``)."""
    return line._replace(
        start=line.start + lo, end=line.start + hi, kind=kind, text=line.text[lo:hi] if text is None else text, level=0
    )


def dashed_motion(line: Line) -> re.Match[str] | None:
    """The dash before "That" where a journals' sentence runs into a motion ("…, seconded by Mr. B, — That …")."""
    return _DASH_THAT.search(line.text) if line.kind == "text" and "That" in line.text else None


_SEMICOLON = lazy_compile(r";[ \t]+(?:and[ \t]+)?")
_DASH_THAT = lazy_compile(r",?[ \t]+(?:--|—|–)[ \t]+(?=(?:That|THAT)\b)")


def split_one_paragraph_motion(line: Line) -> list[Line]:
    """A parliament's motion written as one paragraph, "THAT, aware that …; further aware that …; concerned
    that …; this House urges …", as the paragraphs it is written as elsewhere: a piece for each "aware that"
    and one for "this House urges …", each after an empty blank line (its own paragraph). Any other line is
    kept whole."""
    opening = MOTION_PREAMBLE.match(line.text) if line.kind == "text" else None
    if opening is None or not opening.group("that") or ";" not in line.text:
        return [line]
    cuts: list[int] = []
    resolves = False
    for m in _SEMICOLON.finditer(line.text):
        rest = line.text[m.end() :]
        if MOTION_PREAMBLE.match(rest) and not resolves:
            cuts.append(m.end())
        elif (o := MOTION_OPENING.match(rest)) is not None and o.group("resolves"):
            cuts.append(m.end())
            resolves = True
            break
    if not resolves:
        return [line]
    out = []
    bounds = [0, *cuts, len(line.text)]
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        if lo:
            out.append(_piece(line, lo, lo, "blank"))
        out.append(_piece(line, lo, hi, "text", line.text[lo:hi].rstrip()))
    return out


def gives_notice(line: Line) -> int | None:
    """Where the opening of a notice of motion that opens ``line`` ends ("112  Senator Pocock: To move—", "M-143 --
    February 26, 2026 -- Mr. Brad Vis (Mission—Matsqui—Abbotsford) --"), or None."""
    head = notice_head(line.text) if line.kind in ("text", "sponsor") else None
    return head[1] if head else None


def split_notice(line: Line) -> list[Line]:
    """A notice paper's "112  Senator Pocock: To move—That the Senate— …" as its mover's line (a sponsor line) and, in
    a paragraph of its own, the motion it gives notice of ("That the Senate— …"); a mover's line alone ("The Revd A
    (Hereford) to move:") as a sponsor line. Any other line is kept whole."""
    end = gives_notice(line)
    if end is not None and not line.text[end:].strip():
        return [line._replace(kind="sponsor")]  # the mover alone on the line, the motion below
    if end is None or not THAT_ANY.match(line.text[end:]):
        return _split_dashed_motion(line)
    cut = end + len(line.text[end:]) - len(line.text[end:].lstrip())
    return [
        _piece(line, 0, end, "sponsor"),
        _piece(line, cut, cut, "blank"),
        _piece(line, cut, len(line.text), "text"),
    ]


def _split_dashed_motion(line: Line) -> list[Line]:
    """A legislature's motion that the journals' sentence runs into after a dash ("The House resumed consideration of
    the motion of Ms. A, seconded by Mr. B, — That, in the opinion of the House, …") as that sentence and, in a
    paragraph of its own, the motion. Any other line is kept whole."""
    m = dashed_motion(line)
    if m is None or "motion" not in line.text[: m.start()] or not THAT_BODY_OPENING.match(line.text[m.end() :]):
        return [line]
    # (the sentence that names the mover and the seconder a sponsor line, neither title nor clause)
    kind: LineKind = "sponsor" if MOTION_OF.search(line.text, 0, m.start()) else "text"
    return [
        _piece(line, 0, m.start(), kind),
        _piece(line, m.end(), m.end(), "blank"),
        _piece(line, m.end(), len(line.text), "text"),
    ]


# -- minutes' "Motion: That …" ----------------------------------------------------------------------------------

#: the label minutes put before the motion they record, on its own line or before its "That …": "Motion:",
#: "**Motion:**", "MOTION –"
MOTION_LABEL = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?:Motion|MOTION)(?:\*\*|__)?[ \t]*(?::|[–—-](?=[ \t]))(?:\*\*|__)?[ \t]*"
)


def split_motion_lines(lines: list[Line]) -> None:
    """Each line that holds a motion's opening after the words that introduce it (:func:`split_notice`,
    :func:`split_motion_label`) as its pieces, in place."""
    if any(gives_notice(line) is not None or dashed_motion(line) for line in lines):
        lines[:] = [piece for line in lines for piece in split_notice(line)]
    if any(line.kind in ("meta", "text") and MOTION_LABEL.match(line.text) for line in lines):
        lines[:] = [piece for line in lines for piece in split_motion_label(line)]


def split_motion_label(line: Line) -> list[Line]:
    """Minutes' "Motion: That the Community Council objects …" as its label (a tag, which names what follows and is
    no clause) and the motion's "That …" on its own, so that it is read as a motion right under the line that names
    it.  Not a title field's "Motion: Library hours", nor a sentence of prose ("Motion: That said, …"). Any other
    line is kept whole."""
    m = MOTION_LABEL.match(line.text) if line.kind in ("meta", "text") else None
    rest = line.text[m.end() :] if m is not None else ""
    if m is None or not THAT_ANY.match(rest) or _THAT_PROSE.match(rest):
        return [line]
    label = line.text[: m.end()].rstrip()
    return [_piece(line, 0, len(label), "tag"), _piece(line, m.end(), len(line.text), "text")]


# -- a one-paragraph motion that opens "That …" ---------------------------------------------------------------

# the line a council's resolution stands under in minutes: "RESOLUTION 2024/112", "Council Resolution"
RESOLUTION_LINE = lazy_compile(
    # (a company's or an association's notice: "Special Resolution 1 – Rule 8 (Council)", "Ordinary Resolution 3")
    # (and an Irish or British council's "Notice of Motion" over the motion it gives)
    r"^[ \t]*(?:\*\*|__)?(?:(?:council|special|ordinary|extraordinary|written)[ \t]+|notice[ \t]+of[ \t]+)?"
    r"(?:resolution|motion)\b[^.;]{0,60}$",
    re.I,
)


def that_opening(lines: list[Line], i: int, previous: Line | None) -> re.Match[str] | None:
    """A one-paragraph resolution opening "That …" at line ``i`` (``previous``: the last line above it that is not
    blank): a legislature's anywhere ("That the Parliament recognises …", "To propose that the Senedd calls on …"); a
    council's ("That Council approve …") or a company's or an association's ("That Rule 8.2 be amended …") right
    under its sponsor line or the line that names it ("RESOLUTION 2024/112", "Special Resolution 1 – Rule 8",
    "Notice of Motion"), or right over its mover's and seconder's lines ("Proposed by Cllr. A" / "Seconded by Cllr.
    B"), as an Irish or British council's minutes record a notice of motion."""
    line = lines[i]
    t = THAT_BODY_OPENING.match(line.text)
    if t is not None and _speaks_for_legislature(t):
        return t
    if _THAT_PROSE.match(line.text):
        return None  # "That said, …", "That is why …": a sentence of prose
    if previous is not None and (
        previous.kind == "sponsor" or RESOLUTION_LINE.match(previous.text) or gives_notice(previous)
    ):
        return t or THAT_ANY.match(line.text)
    following = _after_paragraph(lines, i)
    if following is not None and following.kind == "sponsor" and _MOVES.match(following.text):
        return t or THAT_ANY.match(line.text)
    return None


def _speaks_for_legislature(t: re.Match[str]) -> bool:
    """Whether the "That …" opening ``t`` speaks for a legislature ("That the Senedd", "That Dáil Éireann", "That the
    Legislative Assembly", "That, in the opinion of the House,"); a House or a Congress named by other words ("the
    White House", "the Opera House", "the African National Congress") is none."""
    if t.group("opinion"):
        return True
    noun = t.group("noun")
    if noun is None or not re.fullmatch(LEGISLATURE, noun):
        return False
    return not (t.group("named") and noun.capitalize() in ("House", "Congress"))


#: a mover's or a seconder's line: "Proposed by Cllr. A", "Seconded: Cr B", "Moved by Councillor Singh"
_MOVES = lazy_compile(
    r"^[ \t]*(?:[*-][ \t]+)?(?:\*\*|__|\*|_)?(?:moved|mover|proposed|proposer|seconded|seconder|second\b|motion[ \t]+by)",
    re.I,
)
#: a sentence of prose that opens with "That": "That said, …", "That is why …", "That's …"
_THAT_PROSE = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?[\"“]?That(?:['’]s\b|[ \t]+(?:said|is|was|were|being|has|had|way|means|meant|seems|seemed|"
    r"would|will|same|one|day|year|time|too|also|aside|done|noted)\b)"
)


def _after_paragraph(lines: list[Line], i: int) -> Line | None:
    """The first line that is not blank after the paragraph that opens at line ``i``."""
    j = i + 1
    while j < len(lines) and lines[j].kind == "text":  # the paragraph's wrapped lines
        j += 1
    while j < len(lines) and lines[j].kind == "blank":
        j += 1
    return lines[j] if j < len(lines) else None


# -- the heading of each motion in minutes ----------------------------------------------------------------------

# the line a motion stands under in minutes: an agenda item's number and "Motion" ("7.1 Motion: Bike lanes", "7.2.
# Notice of Motion – Library hours"), or "Motion 2", "Item 7.2", "Agenda Item 7.2: Library hours" (not a vote's
# "Motion 2 carried"), or an amendment's "Amendment:" over its own mover, seconder and motion
MOTION_HEADING = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?:\d{1,3}(?:\.\d{1,3}){0,2}\.?[ \t]+(?:notice[ \t]+of[ \t]+)?motion\b"
    r"|(?:agenda[ \t]+)?item[ \t]+\d{1,3}(?:\.\d{1,3}){0,2}\b|motion[ \t]+(?:no\.?[ \t]*)?\d{1,3}(?:\.\d{1,3})?\b"
    # an amendment moved to the motion above, its own mover and seconder under it ("Amendment:", "Amending motion:")
    r"|(?:amendment|amending[ \t]+motion)(?:[ \t]+(?:no\.?[ \t]*)?\d{1,2})?[ \t]*:?[ \t]*$)"
    r"(?![ \t]*(?:was[ \t]+|is[ \t]+)?(?:carried|lost|defeated|withdrawn|fell|agreed|adopted|passed)\b)[^.;]{0,80}$",
    re.I,
)
# a motion's name on the line under its bare "Motion 2" / "Item 7.2": a few words, no sentence
_MOTION_NAME = lazy_compile(r"^[ \t]*(?:\*\*|__)?[\w“\"'‘(][^.;:!?]{0,80}$")


def read_motion_headings(lines: list[Line]) -> None:
    """In minutes of several motions, the heading of each ("7.1 Motion: Bike lanes", "Motion 2" over its name) is a
    heading (level 3, as a council resolution's "Special Resolution 2" over it is), so that each motion under its own
    is a resolution of its own.  Only a line that names a motion, with no more between it and the motion's own
    resolving paragraph than its name, its mover's and seconder's lines and blank lines; and only when one such line
    stands under another motion's resolving paragraph (a single motion's heading is left as it was read)."""
    heads: list[int] = []
    between = False  # a motion's heading under another motion's resolving paragraph
    resolved_above = False
    for i, line in enumerate(lines):
        if line.kind == "resolved":
            resolved_above = True
        elif line.kind in ("text", "item") and MOTION_HEADING.match(line.text) and _over_its_motion(lines, i):
            heads.append(i)
            between = between or resolved_above
    if between:
        for i in heads:
            lines[i] = lines[i]._replace(kind="heading", level=3)


def _over_its_motion(lines: list[Line], i: int) -> bool:
    """Whether the motion's own first clause follows line ``i`` with only its name, its mover's and seconder's lines
    and blank lines between."""
    named = False
    for below in lines[i + 1 : i + 12]:
        if below.kind in ("blank", "sponsor"):
            continue
        if below.kind in ("resolved", "recital"):
            return True
        if named or below.kind != "text" or not _MOTION_NAME.match(below.text) or len(below.text.split()) > 10:
            return False
        named = True  # "Motion 2" / "Library hours"
    return False


# -- a motion's resolving line over its items ------------------------------------------------------------------

#: a motion's resolving line that its items go on: the body, its verb, whom it calls on and "to:" ("Congress calls on
#: the General Council to:", "Conference instructs the NEC to:"; a council's or a congress's motion in the
#: subjunctive: "That the State Council request the Department of Veterans' Affairs to:", "That Council authorise the
#: Chief Executive Officer to:"), a sentence's start, not a heading
_LEAD_LINE = lazy_compile(
    r"^[ \t]*[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,3}[ \t]+(?:calls?[ \t]+(?:on|upon)|instructs?|asks?|urges?|requests?|"
    r"directs?|authori[sz]es?|encourages?|invites?)[ \t]+(?:the[ \t]+)?[A-Z][\w'’ \t-]*?[ \t]to[ \t]*:[ \t]*$"
)


def leads_its_items(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is a motion's resolving line whose sentence its items go on ("Congress calls on the General
    Council to:" over "a) campaign …", "b) press …"): one clause with them, not a heading over clauses."""
    if not _LEAD_LINE.match(lines[i].text):
        return False
    below = next((ln for ln in lines[i + 1 : i + 4] if ln.kind != "blank"), None)
    return below is not None and below.kind == "item"


# -- minutes: each minute's heading, and the line that records who proposed it ------------------------------------

#: minutes' line after a resolution that records who proposed and who seconded it, and the vote: "Proposed Cllr R.
#: Lewis, seconded Cllr S. Price. Carried.", "Moved by Cr A and seconded by Cr B." (a name no longer than a few words),
#: an English parish council's tally after it ("Proposed Cllr Day, seconded Cllr Whitlock; all in favour.", "…; 4 in
#: favour, 1 abstention. Cllr Khan did not vote.")
MINUTED_VOTE = lazy_compile(
    r"^[ \t]*(?i:proposed|moved)(?:[ \t]+by)?[ \t]+(?P<mover>[A-Z][^,;:()]{1,50}?)(?:,[ \t]*|[ \t]+and[ \t]+)(?i:seconded)"
    r"(?:[ \t]+by)?[ \t]+(?P<seconder>[A-Z][^,;:()]{1,50}?)[ \t]*(?:\.?[ \t]*$"
    r"|[.;,][ \t]+(?i:carried|agreed|approved|adopted|passed|lost|defeated|unanimously|unanimous|nem\.?[ \t]*con|"
    r"all[ \t]+(?:in[ \t]+favour|agreed)|\d{1,2}[ \t]+(?:in[ \t]+favour|for|votes?[ \t]+(?:in[ \t]+favour|for)))\b[^:;]{0,80}$)",
)
#: where a parish council's minute runs into the vote on it: "… signed by the Chairman. Proposed Cllr Day, …"
_VOTE_STARTS = lazy_compile(r"(?<=[.!])[ \t]+(?=(?:Proposed|PROPOSED|Moved|MOVED)[ \t])")
#: where a minute's paragraph runs into what the council resolved: "… Church Road. After discussion, it was RESOLVED
#: to object …", "… was discussed. RESOLVED that …" (the keyword in capitals)
_RESOLVES_MIDLINE = lazy_compile(
    r"(?:(?<=[.;:])|(?<=[.;:,][ \t]it[ \t]was)|(?<=^it[ \t]was)|(?<=[.;:][ \t]It[ \t]was))[ \t]+"
    r"(?:(?:unanimously|duly)[ \t]+)?RESOLVED[ \t]+(?:to|that|THAT|TO)[ \t]+\w"
)
#: a minute's heading: its number ("25/043", "112/24", "Minute 25/043") and its subject, no sentence ("25/044  MAES
#: PARCIO / CAR PARK", "112/24 Grants")
_MINUTE_HEADING = lazy_compile(
    r"^[ \t]*(?:(?:Minute|MINUTE|Min\.?)[ \t]+)?(?:\d{2,4}/\d{1,4}|\d{1,4}/\d{2,4})\.?[ \t]+[A-Z][^.;:!?]{0,100}$"
)


#: the words one of which a text holds if it may be minutes (:func:`read_minutes` is asked only then): an item's or a
#: motion's heading, a minute's number, who moved and seconded a motion, in capitals too ("MOVED Cr Harrington" /
#: "SECONDED Cr Nguyen")
MINUTES_WORDS = ("otion", "tem", "OTION", "TEM", "/", "econded", "ECONDED", "Moved", "MOVED", "Proposed", "PROPOSED")


def _seconded(text: str) -> bool:
    return "econded" in text or "ECONDED" in text


def read_minutes(lines: list[Line]) -> None:
    """Minutes' lines that say how the resolutions in them stand: each motion's heading
    (:func:`read_motion_headings`), each minute's own heading over its resolution, and the line that records a
    resolution's proposer and seconder (a sponsor line, which ends the resolution's last item)."""
    read_motion_headings(lines)
    if any("RESOLVED" in line.text or _seconded(line.text) for line in lines):
        lines[:] = [piece for line in lines for piece in _split_minute(line)]
    for i, line in enumerate(lines):
        if line.kind == "text" and (
            _seconded(line.text) and MINUTED_VOTE.match(line.text) or moved_and_seconded(line.text)  # "Moved Cr A"
        ):
            lines[i] = line._replace(kind="sponsor")
    _end_lettered_minutes(lines)
    heads = [i for i, line in enumerate(lines) if line.kind in ("text", "item") and _MINUTE_HEADING.match(line.text)]
    own = [i for i, nxt in zip(heads, [*heads[1:], len(lines)], strict=False) if _resolves_under(lines, i, nxt)]
    if len(own) >= 2:  # (a single minute's number is left as it was read)
        for i in own:
            lines[i] = lines[i]._replace(kind="heading", level=3)


def _resolves_under(lines: list[Line], i: int, end: int) -> bool:
    """Whether the minute whose heading is line ``i`` resolves: a resolving clause before the next minute's heading
    (``end``), with nothing that heads another part of the text between."""
    for line in lines[i + 1 : end]:
        if line.kind == "resolved":
            return True
        if line.kind in ("heading", "recital"):
            return False
    return False


def _split_minute(line: Line) -> list[Line]:
    """A minute's paragraph cut where what the council resolved starts inside it ("… After discussion, it was
    RESOLVED to object …": a resolving line from "it was RESOLVED" on) and where the vote on it starts ("… signed by
    the Chairman. Proposed Cllr Day, seconded Cllr Whitlock; all in favour.": a sponsor line; not in a paragraph that
    resolves nothing, "Approved. Proposed R. Baird, …"). Any other line is kept whole."""
    if line.kind not in ("text", "item", "resolved"):
        return [line]
    cuts: list[tuple[int, LineKind]] = []
    if line.kind != "resolved" and "RESOLVED" in line.text:
        m = _RESOLVES_MIDLINE.search(line.text)
        if m is not None and line.text[: m.start()].strip():
            at = m.start() + len(line.text[m.start() :]) - len(line.text[m.start() :].lstrip())
            lead = line.text.rfind("it was", 0, at) if line.text[:at].rstrip().endswith("was") else -1
            cuts.append((lead if lead >= 0 and at - lead <= 8 else at, "resolved"))
    if _seconded(line.text) and (line.kind == "resolved" or cuts):  # (only after what the minute resolved)
        vote = next((m for m in _VOTE_STARTS.finditer(line.text) if MINUTED_VOTE.match(line.text[m.end() :])), None)
        if vote is not None and (not cuts or vote.end() > cuts[0][0]):
            cuts.append((vote.end(), "sponsor"))
    if not cuts:
        return [line]
    out = []
    bounds = [(0, line.kind), *cuts, (len(line.text), line.kind)]
    for (lo, kind), (hi, _) in zip(bounds, bounds[1:], strict=False):
        out.append(_piece(line, lo, hi, kind, line.text[lo:hi].rstrip()))
    return out


def _end_lettered_minutes(lines: list[Line]) -> None:
    """A minute's lettered entry after one that resolved ("b) RESOLVED to accept …" / "c) The Clerk reported …"): the
    minute's next entry, no part of the resolution above (a tag, which ends its clause)."""
    from whereas.structure.lines import follows_label, label_of  # (lines reads the minutes: imported when asked)

    above: str | None = None  # the label of the entry above that resolved
    for i, line in enumerate(lines):
        if line.kind in ("blank", "heading"):
            above = None
        elif line.kind in ("resolved", "item"):
            found = label_of(line)
            if line.kind == "item" and found is not None and above is not None and follows_label(above, found[0]):
                lines[i] = line._replace(kind="tag")
                above = None
            elif found is not None:
                above = found[0] if line.kind == "resolved" else None
