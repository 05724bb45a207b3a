"""The lines between two clauses, or two resolutions: whether they hold prose, and where the tail of one resolution
(its sponsors, signatures) ends and the head of the next (its number, its name, its notice's mover) begins."""

from __future__ import annotations

import re

from whereas.structure.keywords import RESOLUTION_NUMBER, WARRANT_ARTICLE, notice_head
from whereas.structure.lines import Line
from whereas.structure.titlekinds import caps_heading

__all__ = ["notice_at", "narrative", "split_pending"]


def narrative(pending: list[Line]) -> bool:
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


def split_pending(pending: list[Line]) -> tuple[list[Line], list[Line]]:
    """Lines between two resolutions: the tail of the first (sponsors, signatures) and the head of the next.

    The next resolution's head starts at the first of the top-level headings among those lines.
    """
    breaks = [i for i, line in enumerate(pending) if _THEMATIC_BREAK.match(line.text)]
    if breaks:
        return pending[: breaks[-1] + 1], pending[
            breaks[-1] + 1 :
        ]  # "* * *" between two resolutions: the next below it
    headings = [line for line in pending if line.kind == "heading"]
    notice = notice_at(pending)
    if notice is not None and not any(line.kind == "heading" for line in pending[:notice]):
        return pending[:notice], pending[notice:]  # the notice's mover ("113  Senator A: To move—") heads it
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
        elif sponsors and (head := _head_above(pending, sponsors)) is not None:
            # "ARTICLE 13. To see if the Town will vote …" / "Submitted by …", "Resolution 2: Authorizing a Lease" /
            # "Sponsor: …": the next resolution's head, its sponsor under its name
            cut = head
        return pending[:cut], pending[cut:]
    top = min(h.level for h in headings)
    first = next(i for i, line in enumerate(pending) if line.kind == "heading" and line.level == top)
    return pending[:first], pending[first:]


def notice_at(lines: list[Line]) -> int | None:
    """Where among ``lines`` a notice of motion's mover stands ("113  Senator A: To move—"), or None."""
    return next(
        (i for i, line in enumerate(lines) if line.kind == "sponsor" and notice_head(line.text) is not None),
        None,
    )


def _head_above(pending: list[Line], sponsors: list[int]) -> int | None:
    """Where the next resolution's name starts when it stands right above the last sponsor lines (a town
    meeting's warrant article over "Submitted by the Board of Selectmen", "Resolution 2: Authorizing a Lease" over
    "Sponsor: Councilmember Paul Whitaker"), or None."""
    first = sponsors[-1]
    while first > 0 and pending[first - 1].kind in ("sponsor", "blank"):
        first -= 1
    start = _last_paragraph(pending[:first])
    words = " ".join(" ".join(line.text.split()) for line in pending[start:first])
    named = _numbers_a_resolution(pending[start:first]) or _names_a_resolution(pending[start:first])
    if start < first and (WARRANT_ARTICLE.match(words) or named):
        return start
    return _book_head(pending, first, sponsors[-1])


def _book_head(pending: list[Line], first: int, last: int) -> int | None:
    """Where the next resolution's head block starts in a resolutions book, where each resolution opens with its
    number, its title and labelled lines ("Resolution No. 13" / "SUPPORTING A PUBLIC OPTION" / "Submitted by: …" /
    "Referred to: …"), and the one above ends with its committee's recommendation and the vote on it: at the number
    line above the sponsors, with only title lines between; or, without one, at the title right above them when
    only labelled lines follow them.  None when the lines above the sponsors are no such head."""
    titled = 0  # title lines passed on the way up
    for i in range(first - 1, -1, -1):
        line = pending[i]
        if line.kind == "blank":
            continue
        words = " ".join(line.text.split())
        if RESOLUTION_NUMBER.match(words):
            return i
        if line.kind != "text" or titled == 3 or not _title_shaped(words):
            break
        titled += 1
    top = _last_paragraph(pending[:first])
    title = [line for line in pending[top:first] if line.kind != "blank"]
    words = " ".join(" ".join(line.text.split()) for line in title)
    if (
        not title
        or len(title) > 3
        or not all(line.kind == "text" for line in title)
        # (a journal's heading in capitals wraps, its last line a number's: "… FOR SERVICE TO" / "10TH POLICE DISTRICT.")
        or not (all(_title_shaped(line.text.strip()) for line in title) or caps_heading(words))
    ):
        return None
    follows = pending[last + 1 :]  # after the sponsors: the head's other labelled lines, nothing else
    return top if all(line.kind == "blank" or _LABELLED.match(line.text) for line in follows) else None


#: a labelled line of a resolution's head or tail: "Referred to: Resolutions Committee", "Committee Recommendation: …"
_LABELLED = re.compile(r"^[ \t]*(?:\*\*|__)?[A-Z][\w'’ ().-]{0,40}:(?:\*\*|__)?[ \t]+\S")
#: the first word of a line that ends a resolution (its recommendation, the vote on it), no title
_TAIL_WORD = re.compile(
    r"^[ \t*_]*(?:adopted|approved|passed|carried|lost|defeated|failed|concur\w*|referred|committee|convention|vote[ds]?|"
    r"yeas?|ayes?|nays?|noes|action|recommend\w*|amended|withdrawn|tabled|filed|unanimous\w*)\b",
    re.I,
)


def _title_shaped(words: str) -> bool:
    """A line that can be (part of) a resolution's title: short, no sentence, no label, no vote."""
    return (
        0 < len(words.split()) <= 20
        and words[:1].isupper()
        # (a journal's heading in capitals ends with a period: "GRATITUDE EXTENDED TO OFFICER … DISTRICT.")
        and (not words.rstrip(" *_").endswith((".", ";", ",", ":")) or caps_heading(words))
        and not _LABELLED.match(words)
        and not _TAIL_WORD.match(words)
    )


#: a thematic break set between two resolutions: "* * *", "***", "---", "___"
_THEMATIC_BREAK = re.compile(r"^[ \t]*(?:([*_=~-])[ \t]*)(?:\1[ \t]*){2,}$")


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
