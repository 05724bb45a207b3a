"""Who brings the resolution: mover, seconder, submitter, sponsors."""

from __future__ import annotations

import re
import unicodedata

from whereas.model import Span, Sponsors
from whereas.structure.segment import SPONSOR, Line, heading_text

__all__ = ["find_sponsors"]


def find_sponsors(text: str, lines: list[Line]) -> Sponsors:
    mover = seconder = submitted = None
    others: list[str] = []
    spans: list[Span] = []
    in_authors = False
    listing = False  # the lines under a "Sponsor(s):" label name more sponsors
    for ln in lines:
        if listing and ln.kind == "text" and _NAME_LINE.match(ln.text):
            others.append(" ".join(ln.text.split()))
            spans.append(Span(ln.start, ln.end))
            continue
        listing = False
        if ln.kind == "heading":
            in_authors = bool(re.match(r"^(?:authors?|sponsors?|movers?)\b", heading_text(ln), re.I))
            continue
        if in_authors and ln.kind == "item":
            others.append(re.sub(r"^[\s*•+-]+", "", ln.text).strip())
            spans.append(Span(ln.start, ln.end))
            continue
        if ln.kind != "sponsor":
            continue
        m = SPONSOR.match(ln.text)
        if not m or not (m.group("value") or m.group("value2")):
            continue
        label = (m.group("label") or m.group("label2")).lower()
        value = re.sub(r"[*_]{2}", "", m.group("value") or m.group("value2")).strip()
        if not _BLANK_VALUE.sub("", value):
            continue  # a form's empty blank ("By: ________")
        listing = label.startswith(("sponsor", "co-sponsor", "cosponsor"))
        spans.append(Span(ln.start, ln.end))
        if label.startswith("mover") or label.startswith("moved"):
            mover = mover or value
        elif label.startswith("second"):
            seconder = seconder or value
        elif label.startswith(("submitted", "initiat", "presented")):
            submitted = submitted or value
        else:
            others.extend(v.strip() for v in re.split(r";", value) if v.strip())
    span = Span(min(s.start for s in spans), max(s.end for s in spans)) if spans else None
    return Sponsors(mover, seconder, submitted, _distinct_people(others), span)


# what is left of a filled-in blank once placeholders and rules are taken away
_BLANK_VALUE = re.compile(r"\{\{[^{}]*\}\}|[_\W]+")
# a line that is one more name under "Sponsor(s):" ("Pawar, Ameya (47)"): short, no sentence
_NAME_LINE = re.compile(r"^[ \t]*[A-Z][\w.'’-]*(?:[ ,]+[\w.'’()-]+){0,5}[ \t]*$")

_HONORIFIC = re.compile(
    r"^(?:senator|sen\.|assemblymember|assemblyman|assemblywoman|representative|rep\.|alderman|alderwoman|"
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
        surname = _fold(words[-1]) if words and len(bare) < 60 and "," not in bare else None
        if surname and surname in surnames:
            continue
        if name in out:
            continue
        out.append(name)
        if surname:
            surnames.add(surname)
    return tuple(out)
