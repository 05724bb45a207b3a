"""Who brings the resolution: mover, seconder, submitter, sponsors."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from whereas.model import Formula, Span, Sponsors
from whereas.patterns import lazy_compile
from whereas.structure.clean import read_links
from whereas.structure.issueforms import form_sponsors, is_issue_form
from whereas.structure.keywords import BULLET_CLASS, MOTION_OF, PLACE_OFFICE, PRESENTER, SPONSOR, notice_head
from whereas.structure.lines import Line, heading_text, is_generic_heading
from whereas.structure.motionlines import MINUTED_VOTE
from whereas.structure.movers import members_named, moved_and_seconded, movers_in_sentence, movers_line
from whereas.structure.titlekinds import is_bare_type

__all__ = ["find_sponsors", "goes_on", "label_alone", "sponsors_in_formula", "value_below"]


def find_sponsors(text: str, before: list[Line], after: list[Line], *, motion: bool = False) -> Sponsors:
    """The sponsors named around a resolution: labelled lines before or after it, an authors list, and a
    member named alone on a line by office before it (the presenter; after it, such a line is a signature); under
    a ``motion`` (a union conference's), the union named alone under it, and nothing from its amendments."""
    # an issue form's "### Sponsor(s)" field: its value names them
    field = form_sponsors(before) if is_issue_form(before + after) else None
    before = _own_section(before)
    after, union = _before_amendment(after) if motion else (after, None)
    lines = before + after
    heads = {id(ln) for ln in before}
    named: dict[str, str] = {}  # the mover, the seconder and the submitter, by role
    others: list[str] = []
    spans: list[Span] = []
    in_authors = False
    listing = False  # the lines under a "Sponsor(s):" label name more sponsors
    labelled_at: int | None = None  # where the first labelled sponsor line is
    awaiting: str | None = None  # a label alone on its line ("Submitted by:"): its value is the line below
    cut = False  # the last name a labelled line gave is cut at its end
    stacked = False  # the line under a label alone gave its value: the lines right under it name more
    wrapped: set[int] = set()  # the lines that go on with a labelled sponsor line above them
    if field is not None:
        others.extend(_split_names(field[0]))
        spans.append(field[1])
    if union is not None:
        named["mover"] = " ".join(union.text.split())
        spans.append(Span(union.start, union.end))
    for at, ln in enumerate(lines):
        if at in wrapped:
            continue
        if cut and ln.kind == "text" and _REST_OF_NAME.match(ln.text):
            others[-1] = f"{others[-1]} {' '.join(ln.text.split())}"
            spans.append(Span(ln.start, ln.end))
            cut = False
            continue
        cut = False
        if awaiting is not None and ln.kind == "blank":
            continue
        below, awaiting = awaiting, None
        value = _BULLET.sub("", ln.text) if ln.kind == "item" else ln.text  # "**Sponsors:**" / "- The Honorable …"
        if below is not None and ln.kind in ("text", "item") and value_below(value):
            # a form's table cell under its label, or a label and its value in two paragraphs
            spans.append(Span(ln.start, ln.end))
            listing = _add(below, " ".join(read_links(value).split()), named, others)
            stacked = not listing
            continue
        if stacked and ln.kind == "text" and value_below(ln.text) and not _LABELLED.match(ln.text):
            # one name a line under "Submitted by:" ("The Honorable Jacob Frey, Mayor of Minneapolis" / "The
            # Honorable Michelle Wu, Mayor of Boston"): the first is the submitter, the others sponsors with them
            # (a line that gives the office of the name above it, "Woman Representative, Tororo District", is none)
            if not _OFFICE_LINE.match(ln.text):
                others.append(" ".join(ln.text.split()))
            spans.append(Span(ln.start, ln.end))
            continue
        stacked = False
        if (
            listing
            and ln.kind in ("text", "item")
            and (_NAME_LINE.match(value) or _NAME_AND_OFFICE.match(value))
            and not re.search(r"\d{4}|\b(?:adopted|passed)\b", value, re.I)
        ):
            # the names under "Sponsors:", one a line ("The Honorable Marcus J. Bell, Mayor of Eastport")
            others.append(" ".join(value.split()))
            spans.append(Span(ln.start, ln.end))
            continue
        listing = False
        if ln.kind == "heading":
            in_authors = bool(_AUTHORS_HEADING.match(heading_text(ln)))
            role_heading = _ROLE_HEADING.match(" ".join(_EMPHASIS_MARKS.sub("", heading_text(ln)).split()))
            if role_heading is not None:
                # a UK early day motion's "## Primary sponsor" over its member's linked name: the mover
                awaiting = "mover" if role_heading.group("lead") else role_heading.group(0).rstrip(" :").lower()
                spans.append(Span(ln.start, ln.end))
            continue
        if in_authors and ln.kind == "item":
            others.append(read_links(re.sub(r"^[\s*•+-]+", "", ln.text)).strip())
            spans.append(Span(ln.start, ln.end))
            continue
        if ln.kind == "text" and id(ln) in heads and (co := _COAUTHORS.match(ln.text)):
            # a bill's "(Coauthors: Assembly Members Bonta and Ward)" under its "Introduced by" line
            others.extend(_split_names(" ".join(co.group("names").split())))
            spans.append(Span(ln.start, ln.end))
            continue
        if ln.kind == "text" and _LIST_HEAD.match(ln.text):
            # a Senedd motion's "Co-submitters" alone on its line over its members' names, one a line
            awaiting = "co-submitters"
            spans.append(Span(ln.start, ln.end))
            continue
        if ln.kind in ("text", "sponsor") and (moves := moved_and_seconded(ln.text)):
            # a council's minutes' "Moved Cr Harrington" / "Seconded Cr Nguyen", without a colon
            spans.append(Span(ln.start, ln.end))
            for role, name in moves:
                named[role] = named.get(role) or name
            continue
        if ln.kind == "text" and (moves := movers_line(ln.text)):
            # minutes' "Hon. Tunde Oyeleye (Akure South I) seconded." under the motion
            spans.append(Span(ln.start, ln.end))
            for role, name in moves:
                named[role] = named.get(role) or name
            continue
        if ln.kind != "sponsor":
            continue
        presenter = PRESENTER.match(ln.text) if id(ln) in heads else None
        if presenter is not None:
            others.append(" ".join(presenter.group("value").split()))
            spans.append(Span(ln.start, ln.end))
            continue
        if (notice := notice_head(ln.text)) and notice[1] == len(ln.text.rstrip()):
            # a notice paper's "112  Senator Pocock: To move—" (``lines`` cut it from the motion after it)
            spans.append(Span(ln.start, ln.end))
            named["mover"] = named.get("mover") or notice[0]
            continue
        if "motion" in ln.text and (moved := MOTION_OF.search(ln.text)):  # "… the motion of A, seconded by B, —"
            spans.append(Span(ln.start, ln.end))
            named["mover"] = named.get("mover") or moved.group("mover")
            named["seconder"] = named.get("seconder") or moved.group("seconder")
            continue
        if seconded(ln.text) and (vote := MINUTED_VOTE.match(ln.text)):
            # minutes' "Proposed Cllr R. Lewis, seconded Cllr S. Price. Carried." under the resolution
            spans.append(Span(ln.start, ln.end))
            named["mover"] = named.get("mover") or vote.group("mover").strip()
            named["seconder"] = named.get("seconder") or vote.group("seconder").strip()
            continue
        m = SPONSOR.match(ln.text.replace("_", " "))
        if label_alone(ln.text):
            awaiting = " ".join(m.group("label").lower().split()) if m else None
            labelled_at = ln.start if labelled_at is None else labelled_at
            spans.append(Span(ln.start, ln.end))
            continue
        if not m or not (m.group("value") or m.group("value2") or m.group("value3")):
            continue
        labelled_at = ln.start if labelled_at is None else labelled_at
        label = (m.group("label") or m.group("label2") or m.group("label3")).lower()
        value = re.sub(r"[*_]{2}", "", m.group("value") or m.group("value2") or m.group("value3")).strip(" \t*_")
        # a link reads as its text: "[[Hana Okafor]]" (a note-taking app's), "[@mgarcia](https://github.com/mgarcia)"
        value = _NUMBER_COLUMN.sub("", read_links(value))
        if not _BLANK_VALUE.sub("", value):
            continue  # a form's empty blank ("By: ________")
        if label == "signed" or label == "by" and re.search(r":[ \t*]*_{3,}", ln.text):
            # who signs the adopted text (a clerk, the mayor; "By: ________  Mary C. Alford, Chair" on its signature
            # line) attests it; they do not bring it
            continue
        spans.append(Span(ln.start, ln.end))
        going_on = _goes_on(lines, at, value)
        if going_on:
            # a value a line end cut ("Submitted by: … on behalf of Hawthorne" / "Elementary PTA, … and Riverside High"
            # / "School PTSA"): read whole, its lines no title
            wrapped.update(going_on)
            spans.extend(Span(lines[k].start, lines[k].end) for k in going_on)
            rest = " ".join(" ".join(lines[k].text.split()) for k in going_on)
            value = value + " " + _NUMBER_COLUMN.sub("", rest).strip(" \t*_")
        # two labels on one line: "Author: James Schwab Introduced by: Avni Patel"
        second = _SECOND_LABEL.search(value)
        pairs = (
            [
                (label, value[: second.start()]),
                ((second.group("label") or second.group("label_by")).lower(), value[second.end() :]),
            ]
            if second
            else [(label, value)]
        )
        for label, value in pairs:
            listing = _add(label, value, named, others)
        # a name cut at the line's end ("Introduced by: …; Andrea Koval, MD; Marcus" / "Bell, DO"): its given name
        # alone is left; the next line, a surname and its letters, goes on with it
        cut = bool(others) and not listing and _CUT_NAME.search(value.rstrip(" ,.;")) is not None
    for role, name, where in _narrated(before):
        spans.append(where)
        if role in ("mover", "seconder"):
            named[role] = named.get(role) or name
        elif labelled_at is None or where.start < labelled_at:
            others.insert(0, name)  # named before the labelled list: first
        else:
            others.append(name)
    span = Span(min(s.start for s in spans), max(s.end for s in spans)) if spans else None
    return Sponsors(named.get("mover"), named.get("seconder"), named.get("submitted"), _distinct_people(others), span)


# -- a union conference's motion: its mover named under it, and the amendments after it -------------------------
#: the line over an amendment to a conference motion ("Amendment", "Amendment 2", "AMENDMENTS")
_AMENDMENT_HEAD = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?:Amendments?|AMENDMENTS?)(?:[ \t]+\d{1,3})?(?:\*\*|__)?[ \t]*:?[ \t]*$"
)
#: the union that moves it, alone on the line under it ("UNISON", "GMB", "Unite", "Musicians' Union")
_UNION_LINE = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?[A-Z][\w&'’-]{1,20}(?:[ \t]+[A-Z][\w&'’-]{0,20}){0,3}(?:\*\*|__)?[ \t]*$"
)
#: a word in capitals at a text's end that is no union: the outcome, the end
_NO_UNION = lazy_compile(
    r"^[ \t]*(?:CARRIED|ADOPTED|AGREED|PASSED|APPROVED|LOST|DEFEATED|REMITTED|WITHDRAWN|END|ENDS|SIGNED|NOTES?)[ \t]*$"
)


def _before_amendment(after: list[Line]) -> tuple[list[Line], Line | None]:
    """The lines after a resolution up to the amendments to it ("Amendment" / "Insert after paragraph 3: …" /
    "GMB": the amendment's mover is not the motion's), and the union named alone on the line under the motion
    ("UNISON"): right over the first "Amendment" line, or a word in capitals alone on the text's last line."""
    head = next((k for k, ln in enumerate(after) if ln.kind == "text" and _AMENDMENT_HEAD.match(ln.text)), None)
    own = after if head is None else after[:head]
    filled = [ln for ln in own if ln.kind != "blank"]
    if len(filled) != 1 or filled[0].kind != "text":
        return own, None  # (only the union's line between the motion and its amendments, or the text's end)
    last = filled[0]
    # (a single word in capitals at the end of the text: "UNISON"; over the amendments, the union's name as it is
    # printed, "Unite", "Musicians' Union")
    if head is None and not re.fullmatch(r"[ \t]*[A-Z]{2,10}[ \t]*", last.text):
        return own, None
    if not _UNION_LINE.match(last.text) or _NO_UNION.match(last.text):
        return own, None
    return own, last


def _own_section(before: list[Line]) -> list[Line]:
    """The lines above a resolution from the heading of its own section down: a section above under a heading of
    the same or a lower level is another item's, its "*Submitted by:*" line that item's ("## New Business Item 17"
    … "*Submitted by:* …" / "## New Business Item 23" / "RESOLVED, …")."""
    # (a section's own "### Authors" and "### Synopsis" are parts of one item, not items of their own)
    headings = [i for i, ln in enumerate(before) if ln.kind == "heading" and not is_generic_heading(heading_text(ln))]
    if len(headings) < 2:
        return before
    own = before[headings[-1]].level
    for i in reversed(headings[:-1]):
        if before[i].level >= own:
            # the heading of a sibling section above: its lines are cut, the headings above it kept
            return [ln for ln in before[:i] if ln.kind == "heading"] + before[headings[-1] :]
        own = min(own, before[i].level)
    return before


def _add(label: str, value: str, named: dict[str, str], others: list[str]) -> bool:
    """Record the sponsor a labelled ``value`` names, by its (lower-case) ``label``: the first mover, seconder or
    submitter, or more sponsors; whether the label lists sponsors ("Sponsor(s):"), whose names may go on below."""
    value = _LEAD_IN_DASH.sub("", _AFTER_NAME.sub("", value))
    value = _REPEATED_LAST.sub(r"\1", value.strip(" ,.;·•|"))
    value = _BILINGUAL_OFFICE.sub(r"\g<english> ", value)
    role = (
        "mover"
        if label.startswith(("mover", "moved", "motion", "propos", "offered")) or "moved by" in label
        else "seconder"
        if label.startswith("second")
        else "submitted"
        if label.startswith(("submitted", "initiat"))
        else None
    )
    if (members := members_named(value)) is not None:
        # (the first one named submits it, the others with them, as under a "Submitted by:" label alone)
        first = [] if role is None or named.get(role) else members[:1]
        named.update({role: first[0]} if first and role else {})
        others.extend(members[len(first) :])
    elif role is None:
        others.extend(_split_names(value))
    elif not named.get(role):  # the first one named (an empty value leaves the place open)
        named[role] = value
    return label.startswith(("sponsor", "co-sponsor", "cosponsor", "co-submitter", "cosubmitter"))


# the connector that says who moved the resolution: "NOW, THEREFORE, on motion of Hon. Maria C. Santos, duly
# seconded by Hon. Pedro L. Reyes, be it" (a Philippine council's resolutions, and minutes that write so)
_MOVED_IN_FORMULA = lazy_compile(
    r"\b(?:up)?on\s+(?:the\s+)?motion\s+(?:of|(?:duly\s+)?(?:made|moved)\s+by)\s+(?P<mover>[^,;:]{3,120}?),?\s*"
    r"(?:(?:duly|and)\s+)*seconded\s+by\s+"
    r"(?P<seconder>[^,;:]{3,120}?),\s*(?:be\s+it|it\s+is|it\s+was)\b",
    re.I,
)


# minutes that say who proposed and who seconded before "RESOLVED": "It was proposed by Cllr Osei, seconded by Cllr
# Bello and RESOLVED …"
_MOVED_IN_MINUTES = lazy_compile(
    r"^it\s+was\s+(?:proposed|moved)\s+by\s+(?P<mover>[^,;:\n]{1,80}?),?\s+(?:and\s+)?seconded\s+by\s+"
    r"(?P<seconder>[^,;:\n]{1,80}?),?\s+and\b",
    re.I,
)


def seconded(text: str) -> bool:
    """Whether "seconded" is in ``text`` in any case: in the casefolded text, as ``keywords.keywordish`` looks for
    its words (every character re.I matches to one of these letters casefolds to it: "ſ" to "s")."""
    return "seconded" in text.casefold()


def sponsors_in_formula(
    sponsors: Sponsors, formula: Formula | None, keyword: str = "", at: Span | None = None
) -> Sponsors:
    """The mover and seconder the connector names ("on motion of Hon. A, duly seconded by Hon. B, be it"), or the
    first resolving clause's ``keyword`` (at ``at``: "It was proposed by Cllr A, seconded by Cllr B and RESOLVED"),
    where no labelled line names them."""
    # (both patterns need "seconded": a formula or a keyword without it is not searched, nor are they compiled)
    m = _MOVED_IN_FORMULA.search(formula.text) if formula is not None and seconded(formula.text) else None
    where = formula.span if formula is not None else None
    if m is None and keyword and seconded(keyword):
        m, where = _MOVED_IN_MINUTES.match(keyword), at
    if m is None or where is None or sponsors.mover or sponsors.seconder:
        return sponsors
    span = where if sponsors.span is None else sponsors.span
    return dataclasses.replace(
        sponsors, mover=" ".join(m.group("mover").split()), seconder=" ".join(m.group("seconder").split()), span=span
    )


_SECOND_LABEL = lazy_compile(
    r"[;,]?\s+(?P<label>introduced\s+by|co-?sponsors?|sponsors?|authors?|seconded(?:\s+by)?|seconder|second|moved(?:\s+by)?|"
    r"proposed\s+by|proposer)\s*:\s*"
    # minutes without colons: "Moved by Alderman Pecoraro, seconded by Alderman Zadzilka."
    r"|[,.;]\s+(?P<label_by>seconded\s+by)\s+(?-i:(?=[A-Z]))",
    re.I,
)
# a form that printed a name and then its surname again: "James Schwab Schwab"
# a bilingual council's office before the name, English then French: "Councillor / conseillère Monique Thériault"
_BILINGUAL_OFFICE = lazy_compile(r"^(?P<english>[A-Z][\w.'’-]*)[ \t]+/[ \t]+(?-i:[^\W\dA-Z_])[\w.'’-]*[ \t]+(?=[A-Z])")
_REPEATED_LAST = lazy_compile(r"\b([A-Z][\w'’-]+)(?:\s+\1)+\b")


# members named after their office in the plural: "REPRESENTATIVES GARCIA, O'NEIL AND BAPTISTE", "Senators
# Smith and Jones"
_PLURAL_OFFICE = lazy_compile(
    r"^(?P<office>senator|representative|delegate|council\s*member|councilmember|commissioner|supervisor|"
    r"assembly\s*member|legislator)s\s+(?P<names>\S.*)$|^(?P<aldermen>aldermen)\s+(?P<names2>\S.*)$",
    re.I,
)


# a member's role after their name
_ROLE = lazy_compile(
    r"(?:vice[- ]?)?(?:chair(?:man|woman|person)?|president|secretary|treasurer|director|member|councill?or|delegate|"
    r"trustee|regent|dean|provost|clerk|convener|coordinator|officer|co-?chair)\b"
    # an office of a place after the name: "The Honorable Teresa M. Alcott, Mayor of Fairhaven"
    r"|" + PLACE_OFFICE + r"\s+of\b",
    re.I,
)
# a name and the office it holds, one a line under "Sponsors:": "The Honorable Marcus J. Bell, Mayor of Eastport"
_NAME_AND_OFFICE = lazy_compile(
    r"^[ \t]*(?:(?:The[ \t]+)?Honou?rable[ \t]+|Hon\.[ \t]+)?[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,4},[ \t]+"
    r"(?:(?:Vice|Deputy|Acting)[ \t-]+)?(?:" + PLACE_OFFICE + r"|Chair|President|"
    r"Councill?or|Councilmember|Council[ \t]+Member|Senator|Representative)\b[^:;]{0,60}$"
)
_BULLET = lazy_compile(rf"^[ \t]*[{BULLET_CLASS}][ \t]+")


# a member as congress.gov writes one: office, "Surname, Given", party and state ("Rep. Nadler, Jerrold [D-NY-12]")
_CONGRESS_MEMBER = lazy_compile(
    r"^(?:Sen|Rep|Del|Resident\s+Commissioner)\.?\s+[\w.'’ -]{1,60},\s+[\w.'’ -]{1,60}?\s*"
    r"\[[A-Z]{1,2}-[A-Z]{2}(?:-(?:\d{1,2}|At\s+Large))?\]"
)


def _split_names(value: str) -> list[str]:
    """A sponsors' value as names: at ";", or, without one, at "," and "and" ("Cathedral Chapter, Episcopal
    Peace Fellowship and Diocesan Deacon's Council") unless a part is one word (a "Surname, Given" name).
    Members named after their office in the plural are each named with it in the singular
    ("REPRESENTATIVES GARCIA AND BAPTISTE" → "REPRESENTATIVE GARCIA", "REPRESENTATIVE BAPTISTE")."""
    member = _CONGRESS_MEMBER.match(value)
    if member is not None:  # congress.gov's "Sen. Hirono, Mazie K. [D-HI] (Introduced 03/05/2026)": one member
        return [member.group(0)]
    plural = _PLURAL_OFFICE.match(value)
    if plural is not None:
        aldermen = plural.group("aldermen")
        office = plural.group("office") or aldermen[:-2] + ("AN" if aldermen.isupper() else "an")
        names = plural.group("names") or plural.group("names2")
        return [
            f"{office} {n.strip()}"
            for n in re.split(r",\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+", names, flags=re.I)
            if n.strip()
        ]
    # (what a name's parentheses hold is the name's: "Senator Jalen Brooks (Chair, Academic Affairs Committee)")
    if ";" in value and (semi := _split_outside(value, _SEMICOLON)) and len(semi) > 1:
        return [v.strip() for v in semi if v.strip()]
    commas = _split_outside(value, _COMMA)
    if any(_ROLE.match(part) for part in commas[1:]):
        return [value]  # one member and their role: "Regent Maria Castellanos, Chair, Finance and Facilities Committee"
    parts = [p.strip() for p in _split_outside(value, _COMMA_OR_AND) if p.strip()]
    # (a part of one word but "the" is no name: "the Privacy and Technology Committee" is one)
    # (a handle is a whole name: "@mgarcia, @dkim-lhe", a GitHub README's or a forum's authors)
    if len(parts) > 1 and all(
        len([w for w in p.split() if w.lower() not in ("the", "a", "an")]) >= 2 or _HANDLE.match(p) for p in parts
    ):
        return [_REPEATED_LAST.sub(r"\1", p) for p in parts]
    return (
        [_REPEATED_LAST.sub(r"\1", p) for p in commas if p.strip()]
        if len(commas) > 2 and all(len(p.split()) >= 1 for p in commas)
        else [value]
    )


_SEMICOLON = lazy_compile(r";")
#: a user's handle, alone or before the parentheses about them: "@dkim-lhe", "@mgarcia (Technology Committee chair)"
_HANDLE = lazy_compile(r"^@[\w][\w.-]{0,38}(?:[ \t]+\([^()]*\))?$")
_COMMA = lazy_compile(r", ")
_COMMA_OR_AND = lazy_compile(r",\s*|\s+and\s+")
# a name's parentheses after it: "(Chair, Academic Affairs Committee)", "(College of Education)"
_AFTER_NAME_PARENTHESES = lazy_compile(r"(?<=\S)([ \t]*)\(([^()]*)\)")


def _split_outside(value: str, separator: re.Pattern[str]) -> list[str]:
    """``value`` cut at each ``separator`` that is not inside the parentheses after a name."""
    masked = _AFTER_NAME_PARENTHESES.sub(lambda m: m.group(1) + "(" + "x" * len(m.group(2)) + ")", value)
    parts, at = [], 0
    for m in separator.finditer(masked):
        parts.append(value[at : m.start()])
        at = m.end()
    parts.append(value[at:])
    return parts


# who an article or a notice says brought the resolution: "the following resolution, offered by Bishop
# Vincent,", "introduced in the Legislature at Albany by Senator Hunter", "Notice is hereby given by the
# Senator from the Twenty-third District"
_NARRATED = lazy_compile(
    # (not the seconder: "Senator A moved the following resolution, seconded by Senator B")
    r"\b(?P<verb>offered|introduced|presented|moved|proposed|sponsored|given)\b(?:(?!seconded)[^.:;—]){0,80}?\bby\s+(?:the\s+)?"
    r"(?P<name>(?:(?:Rev\.|Bishop|Senator|Representative|Dr\.|Mr\.|Mrs\.|Ms\.|Hon\.|Judge|Alderman|Councilmember|"
    r"Assemblymember)\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of\s+the|from\s+the|from|of|[A-Z][a-z]+-[a-z]+|\d{1,3}(?:st|nd|rd|th)))*)",
)
_NARRATED_SUBJECT = lazy_compile(
    r"(?P<name>(?:Rev\.|Bishop|Senator|Representative|Dr\.|Mr\.|Mrs\.|Ms\.|Hon\.|Judge|Alderman|Councilmember|"
    # (a township's or a county's minutes: "Trustee Mellinger moved the adoption of the following Resolution:")
    r"Assemblymember|Trustee|Commissioner|Supervisor|Councilman|Councilwoman|Councillor|Cllr\.?|Director|Juror|"
    r"Legislator)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})(?:,\s+of\s+[A-Z][\w ]{1,40},)?"
    # a bill's "Mr. Joyce of Ohio (for himself, Ms. Kaptur, and Mrs. Dingell) submitted the following …"
    r"(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?(?:\s+\((?:for\s+(?:him|her|them)sel(?:f|ves)|by\s+request)[^()]{0,400}\))?\s+"
    r"(?P<verb>offered|introduced|presented|moved|proposed|submitted)\b"
)
#: a line that gives the office of the name above it: "Woman Representative, Tororo District", "Member for Kisumu
#: East", "Mayor of Boston", "Chair, Finance Committee"
_OFFICE_LINE = lazy_compile(
    r"^[ \t]*(?:(?:Woman|Deputy|Vice|Assistant|Acting)[ \t-]+)?(?:Representative|Member|Councillor|Councilmember|"
    r"Senator|Mayor|Chair(?:man|woman|person)?|President|Secretary|Treasurer|Director|Clerk|Delegate|MP|MLA|MPP)\b"
)
_ON_MOTION = lazy_compile(
    r"\b[Oo]n\s+(?:the\s+)?motion\s+of\s+(?P<mover>[A-Z][^,;:]{2,80}?),\s+(?:duly\s+)?seconded\s+by\s+"
    r"(?P<seconder>[A-Z][^,;:]{2,80}?)(?:,|\s+and\b)"
)
_INTRODUCES = lazy_compile(r"\b(?:the\s+following|this\s+resolution|these\s+resolutions)\b", re.I)


def _narrated(before: list[Line]) -> list[tuple[str, str, Span]]:
    """Sponsors named by the narrative right before a resolution (the last two paragraphs)."""
    found = []
    for para in _narrative(_paragraphs_of(before, ("text",)))[-3:]:
        # the paragraph that introduces the resolution ("the following resolution, offered by …:"), its words
        # broken at a line end put together ("Twenty-\nthird")
        sentence = re.sub(r"-\s+(?=[a-z])", "-", " ".join(ln.text.strip() for ln in para))
        # a synod's order paper: "The Revd Canon A (Hereford) to move:"; a notice paper's "112 Senator Pocock: To move—"
        if (moves := notice_head(sentence)) and moves[1] == len(sentence.rstrip()):
            found.append(("mover", moves[0], Span(para[0].start, para[-1].end)))
            continue
        if (moved := _ON_MOTION.search(sentence)) and _INTRODUCES.search(sentence):
            # minutes' "On motion of Mr. A, seconded by Mrs. B, the following resolution was offered:"
            found.append(("mover", moved.group("mover"), Span(para[0].start, para[-1].end)))
            found.append(("seconder", moved.group("seconder"), Span(para[0].start, para[-1].end)))
            continue
        for m in [*_NARRATED.finditer(sentence), *_NARRATED_SUBJECT.finditer(sentence)]:
            if not _INTRODUCES.search(sentence):
                continue
            name = re.sub(r"\s+(?:of|from|of\s+the|from\s+the)$", "", m.group("name")).strip(" ,.")
            role = "mover" if m.group("verb") in ("offered", "moved", "proposed", "given") else "sponsor"
            found.append((role, name, Span(para[0].start, para[-1].end)))
    # minutes that record the mover and the seconder in a sentence, an agenda item's too ("4. Resolution FS 25-06 …
    # Senator Okonkwo (Chemistry) moved, …, the following resolution; Senator Patel (History) seconded.")
    for para in _paragraphs_of(before, ("text", "item"))[-3:]:
        sentence = " ".join(ln.text.strip() for ln in para)
        for role, name in movers_in_sentence(sentence, introduces=_INTRODUCES.search(sentence) is not None):
            found.append((role, name, Span(para[0].start, para[-1].end)))
    return found


def _narrative(paragraphs: list[list[Line]]) -> list[list[Line]]:
    """The paragraphs above a resolution without a print's heading furniture between the narrative and the clauses:
    a rule ("______"), a line that only says what the document is ("RESOLUTION", "CONCURRENT RESOLUTION") and the
    title printed again under it (a bill's print: the sponsor line, a rule, "RESOLUTION", the title, the clauses)."""
    seen: set[str] = set()
    kept = []
    for para in paragraphs:
        words = " ".join(" ".join(ln.text.split()) for ln in para)
        if not (_RULE.match(words) or (len(para) == 1 and is_bare_type(words)) or words in seen):
            kept.append(para)
        seen.add(words)
    return kept


_RULE = lazy_compile(r"^[_=\-–—*\s]+$")


def _paragraphs_of(lines: list[Line], kinds: tuple[str, ...]) -> list[list[Line]]:
    """The runs of ``lines`` of these ``kinds`` between blank lines."""
    paragraphs: list[list[Line]] = [[]]
    for ln in lines:
        if ln.kind == "blank":
            if paragraphs[-1]:
                paragraphs.append([])
        elif ln.kind in kinds:
            paragraphs[-1].append(ln)
    return [p for p in paragraphs if p]


# what follows a presenter's name on a form: "… on December 12, 2012", "… City Clerk Susana A. Mendoza"
_AFTER_NAME = lazy_compile(
    r"\s+(?:on\s+(?:the\s+)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|(?:city\s+)?clerk\b|date[ds]?\b).*$"
    # minutes that go on with the vote: "Seconded: Dev Patel. Carried unanimously."
    r"|\.\s+(?:carried|agreed|lost|adopted|approved|passed|defeated)\b.*$"
    # another labelled field after the name's sentence: "Academic Affairs Committee. First reading: February 3, 2025."
    r"|\.\s+(?:[A-Z][a-z]+\s+){0,2}(?:reading|vote|date|meeting|action|status|committee\s+vote|fiscal\s+impact)\s*:.*$"
    # a web page's fields on one line, after a middle dot, a bar or a dash: "Board Member Dana Whitfield · Adopted
    # September 9, 2025 (9–0–1)", "… | Vote: 7-0", "… — Passed 5/12/2025" (the next field is no name)
    # the date it was endorsed or submitted, after a comma: "Endorsed by: Executive Board, October 1, 2025", "…, 1 Oct 2025"
    r"|[,;]\s*(?:(?:dated|on)\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{4}-\d{2}-\d{2})\b.*$"
    r"|\s+[·•|—–]\s+(?:carried|agreed|lost|adopted|approved|passed|defeated|failed|vote[ds]?|date[ds]?|introduced|filed|"
    r"effective|status|meeting|agenda|item|action|result|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d).*$",
    re.I,
)
# the dash that leads into the text after a name: a city council journal's "By Alderman Mitchell (7th Ward) --"
_LEAD_IN_DASH = lazy_compile(r"(?:(?<=\s)|(?<=\)))(?:-{1,2}|[—–])[ \t]*$")
# a value whose last name is one word after a separator ("…; Andrea Koval, MD; Marcus"), and the line that goes
# on with it: a surname and, after a comma, its letters ("Bell, DO", "Okafor")
_CUT_NAME = lazy_compile(r"[;]\s*[A-Z][\w'’.-]*$")
_REST_OF_NAME = lazy_compile(r"^[ \t]*[A-Z][\w'’-]+(?:,[ \t]*[A-Z][A-Za-z.]{1,8})?[ \t]*$")
# the line that goes on with a sponsor's value a line end cut (a PDF's, a pandoc's 72-column wrap), with no blank line
# between: one that starts in lower case ("and the Tenants' Union"), or the name of a body going on ("Elementary PTA,
# Maplewood Middle School PTSA and Riverside High", "Committee"); never a clause, a label or a sentence of its own
_LOWER_GOES_ON = lazy_compile(r"^[ \t]*(?!(?:whereas|resolved|be[ \t]+it|now|therefore)\b)[a-z&(]")
_BODY_GOES_ON = lazy_compile(
    r"^[ \t]*(?:Elementary|Middle|High|Junior|Senior|Primary|Secondary|School|Schools|PTA|PTSA|PTO|Committee|"
    r"Subcommittee|Council|Caucus|Board|Association|Club|Society|Union|Local|Chapter|Department|Commission|Federation|"
    r"League|Foundation|Party|Church|Parish|College|University|Center|Centre|Institute|Network|Coalition|Alliance|"
    r"Guild|Lodge|Auxiliary|Delegation|Division|Region|Office|Task[ \t]+Force|Working[ \t]+Group)\b"
    # (not a member named by the body's office: "Council Member Ana Ruiz", "Board President Lee", one a line)
    r"(?![ \t]+(?:Members?|Chair(?:man|woman|person)?|President|Vice|Director|Secretary|Treasurer)\b)"
    r"(?!.*\b(?:resolution|ordinance|motion)\b)"
)
# a value that stops where a name cannot end: a comma, "and", "of", "on behalf of", "the"
_OPEN_VALUE = lazy_compile(r"(?:[,&]|\b(?:and|of|the|for|on[ \t]+behalf[ \t]+of)\b)[ \t*_]*$", re.I)
_GOES_ON_LINE = lazy_compile(r"^[ \t]*[\w(&][^:;]{0,150}$")
#: the most lines a sponsor's value goes on to
MAX_WRAPPED = 4


def _goes_on(lines: list[Line], at: int, value: str) -> list[int]:
    """The lines under the labelled sponsor line ``lines[at]`` (its ``value``) that go on with its value."""
    found: list[int] = []
    last = value
    for k in range(at + 1, min(len(lines), at + 1 + MAX_WRAPPED)):
        if not goes_on(last, lines[k]):
            break
        found.append(k)
        last = lines[k].text
    return found


def goes_on(above: str, line: Line) -> bool:
    """Whether ``line``, right under a sponsor's line (or a line that goes on with one) that reads ``above``, goes on
    with its value: a line a line end cut from it, not a clause, a label, a title or a sentence of its own."""
    text = line.text
    return (
        line.kind == "text"
        and _GOES_ON_LINE.match(text) is not None
        and not _SENTENCE_END.search(text.rstrip(" \t.*_"))
        and len(text.split()) <= 20
        and bool(
            _LOWER_GOES_ON.match(text)
            or _BODY_GOES_ON.match(text)
            or (_OPEN_VALUE.search(above) or _unclosed(above))
            and text.lstrip()[:1].isupper()
        )
    )


def _unclosed(above: str) -> bool:
    """Whether a parenthesis ``above`` opens is left open at its end ("Local 2073 (Pontiac" / "Correctional
    Center)"): the next line goes on with it."""
    return above.rfind("(") > above.rfind(")")


# the value of a label alone on its line, printed on the next line or in the next paragraph (a form's table
# cell): a short line, not a sentence, not another label
_VALUE_BELOW = lazy_compile(r"^[ \t]*(?:\*\*|__)?[\w“\"'‘(](?:(?!:[ \t]*$).){0,150}$")
_SENTENCE_END = lazy_compile(r"(?<![A-Z])(?<!\b(?:Jr|Sr|Dr|St|Co|No))\.[ \t*_]*$|[;!?][ \t*_]*$")


def label_alone(text: str) -> bool:
    """Whether ``text`` is a sponsor's label with nothing after it ("Submitted by:", "**Sponsor(s):**"), whose
    value is then on the line below (not "By:" or "Signed:", which sign)."""
    m = SPONSOR.match(text.replace("_", " "))
    return bool(
        m and m.group("label") and not (m.group("value") or m.group("value2") or m.group("value3"))
        and m.group("label").lower() not in ("by", "signed")
    )  # fmt: skip


def value_below(text: str) -> bool:
    """Whether ``text`` (the line under a label alone on its line) reads as that label's value: short, not a
    sentence and not a label of its own."""
    words = text.split()
    return (
        0 < len(words) <= 20 and _VALUE_BELOW.match(text) is not None and not _SENTENCE_END.search(text)
        and not re.match(r"^[ \t]*(?:whereas|resolved|be\s+it|now,?\s+therefore)\b", text, re.I)
    )  # fmt: skip


# a heading over the one member who brings the motion: "Primary sponsor", "Lead sponsor", "Proposer", "Submitted by"
_AUTHORS_HEADING = lazy_compile(r"^(?:authors?|sponsors?|movers?)\b", re.I)
_EMPHASIS_MARKS = lazy_compile(r"[*_]")
_ROLE_HEADING = lazy_compile(
    r"^(?:(?P<lead>(?:primary|lead|chief|principal)\s+sponsor)|movers?|proposers?|seconders?|(?:moved|proposed|seconded|"
    r"submitted)\s+by|co-?submitters?)\s*:?$",
    re.I,
)
# the label of a list of members printed alone on its line, without its colon: "Co-submitters", "Co-Submitter"
_LIST_HEAD = lazy_compile(r"^[ \t]*(?:\*\*|__)?co-?submitters?(?:\*\*|__)?[ \t]*$", re.I)
# a field of its own ("Committee: Energy"), never one more name
_LABELLED = lazy_compile(r"^[ \t]*[\w ()/-]{1,30}:")
# a California or New York bill's coauthors under its author: "(Coauthors: Assembly Members Bonta and Ward)",
# "(Principal coauthor: Senator Laird)"
_COAUTHORS = lazy_compile(
    r"^[ \t]*\((?:principal[ \t]+)?co-?(?:authors?|sponsors?)(?:\(s\))?[ \t]*:[ \t]*(?P<names>[^()]{2,300})\)[ \t]*$",
    re.I,
)
# the bill's number printed in a column of its own on the sponsor's line: "By: Ramos      H.R. No. 1147" (a Texas
# resolution's), "By: Smith, Jones        SCR 12"; a measure's number in initials with their stops is one after a
# single space too, as a text copy of the column prints it ("By: Ramos H.R. No. 412", "By: Hall S.C.R. No. 9")
_NUMBER_COLUMN = lazy_compile(
    r"(?:(?:\t|[ \t]{3,})(?:(?:[A-Z][A-Za-z]{0,3}\.[ \t]?){1,4}|[A-Z]{2,5}[ \t]?)(?:No\.?[ \t]*)?"
    r"|[ \t]+(?:[A-Z]\.[ \t]?){2,4}(?:No\.?[ \t]*)?)\d[\w.-]*[ \t]*$"
)
# what is left of a filled-in blank once placeholders and rules are taken away
_BLANK_VALUE = lazy_compile(r"\{\{[^{}]*\}\}|[_\W]+")
# a line that is one more name under "Sponsor(s):" ("Pawar, Ameya (47)"): short, no sentence
_NAME_LINE = lazy_compile(r"^[ \t]*[A-Z][\w.'’-]*(?:[ ,]+[\w.'’()-]+){0,5}[ \t]*$")

_HONORIFIC = lazy_compile(
    r"^(?:alderman|alderwoman|senator|sen\.|assemblymember|assemblyman|assemblywoman|representative|rep\.|alderman|alderwoman|"
    r"councilmember|council\s+member|m\.\s*of\s*a\.|mr\.|ms\.|mrs\.|dr\.|hon\.)\s+",
    re.I,
)


def _fold(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch))


def _distinct_people(names: list[str]) -> tuple[str, ...]:
    """Sponsors without repeats: "Iwen Chu" (a page's metadata) and "Senator CHU" (the bill's BY: line) are one."""
    out: list[str] = []
    surnames: set[str] = set()
    for name in names:
        bare = _HONORIFIC.sub("", name).strip()
        words = re.findall(r"[^\W\d_][\w'’-]*", bare)
        inverted = re.match(r"^([^\W\d_][\w'’-]*),\s+[^\W\d_]", bare)  # "Smith, Michele (43)"
        if bare.startswith("@"):
            surname: str | None = _fold(bare.split()[0])  # a handle ("@okwu (Finance Team)") is the person
        elif inverted:
            surname = _fold(inverted.group(1))
        else:
            surname = _fold(words[-1]) if words and len(bare) < 60 and "," not in bare else None
        if surname and surname in surnames:
            continue
        if name in out:
            continue
        out.append(name)
        if surname:
            surnames.add(surname)
    return tuple(out)
