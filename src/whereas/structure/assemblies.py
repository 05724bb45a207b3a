"""The motion of a Commonwealth house of assembly (Nigeria's National Assembly and state Houses of Assembly, Ghana's
Parliament, and those who write like them): the body alone on a line with a colon ("The House:", "The Senate:"),
then what it notes, each paragraph opening with its verb, the body left out ("Notes that …;", "Aware that …;",
"Concerned that …;"), then what it resolves ("Resolves to:" over "(i) urge …;", "(ii) mandate …").

Read only where the body's line, at least one such paragraph and the line that resolves follow one another: a
committee's "The House:" over a list of names, or a report's "Notes that" after a heading, are no motion."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whereas.patterns import lazy_compile
from whereas.structure.keywords import MOTION_OPENING, MOTION_PREAMBLE

if TYPE_CHECKING:
    from whereas.structure.lines import Line

__all__ = ["read_assembly_motions", "read_numbered_assembly", "read_participial_motions", "read_participle_recitals"]

#: the body alone on its line: "The House:", "The Senate:", "That the House:", "THE HOUSE:"
_BODY = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?:(?:That|THAT)[ \t]+)?(?:The|THE|This|THIS)[ \t]+(?P<body>House|HOUSE|Senate|SENATE|"
    r"Assembly|ASSEMBLY|Parliament|PARLIAMENT)[ \t]*:(?:\*\*|__)?[ \t]*$"
)
#: what the body notes, the body left out: "Notes that …", "Further notes that …", "Aware that …", "Concerned that …",
#: "Worried that …", "Recognises the …" (a verb in the third person or an adjective, then what it is about)
_NOTING_WORDS = (
    "notes recognises recognizes acknowledges observes recalls believes welcomes commends appreciates regrets deplores "
    "considers aware concerned worried alarmed disturbed saddened mindful cognizant cognisant convinced conscious"
).split()
_NOTES = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?P<verb>(?:Further|Also|Deeply|Gravely|Seriously|Greatly|FURTHER|ALSO|DEEPLY)[ \t]+"
    r"(?i:" + "|".join(_NOTING_WORDS) + r")"
    # (capitalised: "Notes", "NOTES"; a wrapped line's "concerned that" goes on with the paragraph above)
    r"|(?:" + "|".join(f"{w[0].upper()}(?i:{w[1:]})" for w in _NOTING_WORDS) + r"))"
    r"(?:\*\*|__)?[ \t]+(?:that|of|the|with)\b"
)
#: what it resolves: "Resolves to:", "Resolves as follows:", "Hereby resolves:", "Accordingly resolves to —", and
#: the same with what it resolves on the line ("Resolves to urge the State Government to …")
_RESOLVES = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?P<verb>(?:(?:Accordingly|Therefore|Hereby|Further)[ \t]+)?R(?i:esolves?))\b"
    r"(?:\*\*|__)?(?P<rest>[ \t]*(?:to|as[ \t]+follows|that)?[ \t]*(?::|[—–]|-{1,2})?(?:\*\*|__)?[ \t]*$|[ \t]+to[ \t]+\w)"
)


def read_assembly_motions(lines: list[Line]) -> None:
    """Mark each motion of the assembly form: the body's line a tag, each paragraph that notes a recital, the
    line that resolves a resolving clause (over its items); the clauses carry the motion's words ("The House
    notes") so that the rules for Whereas and Resolved leave them alone. Where there is none, the motions in
    participles ("THAT, aware that …;" … "NOW THEREFORE this Assembly urges …", ``read_participial_motions``)."""
    for i, line in enumerate(lines):
        if line.kind != "text" or ":" not in line.text or not (body := _BODY.match(line.text)):
            continue
        found = _motion_under(lines, i + 1)
        if found is None:
            continue
        recitals, resolves = found
        name = body.group("body").capitalize()
        lines[i] = line._replace(kind="tag")
        for at in recitals:
            verb = _NOTES.match(lines[at].text)
            phrase = f"The {name} {verb.group('verb').strip(' *_').lower()}" if verb else f"The {name}"
            lines[at] = lines[at]._replace(kind="recital", motion=phrase)
        lines[resolves] = lines[resolves]._replace(kind="resolved", motion=f"The {name} resolves")
    if not any(line.kind in ("recital", "resolved") for line in lines):
        read_participial_motions(lines)


def _motion_under(lines: list[Line], start: int) -> tuple[list[int], int] | None:
    """The paragraphs that note and the line that resolves of the motion that starts at ``start``, or None
    where what follows the body's line is not such a motion."""
    recitals: list[int] = []
    for j in range(start, len(lines)):
        line = lines[j]
        if line.kind == "blank":
            continue
        if line.kind != "text":
            return None
        if _RESOLVES.match(line.text):
            return (recitals, j) if recitals else None
        if _NOTES.match(line.text):
            recitals.append(j)
        elif not recitals or not _goes_on(lines, j):
            return None  # neither a paragraph that notes nor the wrapped line of one
    return None


def _goes_on(lines: list[Line], j: int) -> bool:
    """Whether line ``j`` is the wrapped line of the paragraph above it (no blank line between them)."""
    return j > 0 and lines[j - 1].kind == "text" and not re.search(r"[;.:][ \t*_]*$", lines[j - 1].text)


# -- the numbered paragraphs of a European parliamentary assembly's resolution -----------------------------------
# The Parliamentary Assembly of the Council of Europe (and the OSCE's, the Congress of Local and Regional
# Authorities) numbers every paragraph and opens each with the body and its verb: "1. The Parliamentary Assembly is
# alarmed by …", "2. The Assembly recalls …", "5. The Assembly therefore calls on member States to:" over "5.1. …".

#: a numbered paragraph that opens with the assembly: its number, the body, and what follows
_NUMBERED_BODY = lazy_compile(
    r"^[ \t]*(?P<n>\d{1,2})\.[ \t]+(?:\*\*|__)?The[ \t]+(?P<body>(?:Parliamentary[ \t]+)?Assembly|Congress|"
    r"Committee[ \t]+of[ \t]+Ministers)(?:\*\*|__)?[ \t]+(?P<rest>\S.*)"
)
#: what the body does when it notes (a recital): "is alarmed by", "recalls", "welcomes", "notes with concern"
_NOTES_VERB = lazy_compile(
    r"(?:(?:also|further|again|once[ \t]+again|therefore)[ \t]+)?(?:is[ \t]+(?:\w+[ \t]+)?(?:alarmed|concerned|"
    r"worried|aware|convinced|pleased|deeply[ \t]+\w+)|(?:recalls|welcomes|notes|recogni[sz]es|acknowledges|considers|"
    r"believes|regrets|deplores|reiterates|underlines|stresses|emphasi[sz]es|observes|reaffirms|condemns|"
    r"appreciates|commends|takes[ \t]+note))\b"
)
#: the fewest such paragraphs, numbered from 1 one after another, that make a resolution of them
_FEWEST = 3


def read_numbered_assembly(lines: list[Line]) -> None:
    """Mark the numbered paragraphs of an assembly's resolution: those that note, before the first that does
    anything else (calls on, invites, resolves, recommends), recitals; that one and all after it resolving
    clauses; each carrying the body and its verb as its motion ("The Assembly recalls"). Read only where at least
    three such paragraphs, numbered from 1 one after another, follow one another."""
    run: list[tuple[int, re.Match[str]]] = []
    for i, line in enumerate(lines):
        if line.kind != "item" or "The" not in line.text:
            continue
        m = _NUMBERED_BODY.match(line.text)
        if m is None:
            continue
        if int(m.group("n")) == len(run) + 1:
            run.append((i, m))
        elif int(m.group("n")) == 1:
            run = [(i, m)]
    if len(run) < _FEWEST:
        return
    resolving = False
    for i, m in run:
        notes = _NOTES_VERB.match(m.group("rest"))
        resolving = resolving or notes is None
        verb = " ".join(m.group("rest").split()[:2] if notes is None else notes.group(0).split())
        lines[i] = lines[i]._replace(
            kind="resolved" if resolving else "recital", motion=f"The {m.group('body')} {verb}".strip()
        )


# -- a parliament's participles after its Whereas recitals ------------------------------------------------------
# Uganda's, Kenya's, Tanzania's and Zambia's motions go on from "WHEREAS …;" / "AND WHEREAS …;" to "AWARE that …;",
# "FURTHER AWARE that …;", "CONCERNED that …;", "COGNISANT that …;" before "NOW THEREFORE, be it resolved …".


def read_participle_recitals(lines: list[Line]) -> None:
    """Mark as recitals the paragraphs that open with a parliament's participle ("AWARE that …", "CONCERNED that
    …") right after a Whereas recital (or another such paragraph) that ends with ";" — each carrying its participle
    as its motion, so that the rules for the wording of "Whereas" leave it alone."""
    after_recital = False  # the paragraph before ended a recital with ";"
    paragraph_start = True
    last = ""  # the last line that is not blank
    for i, line in enumerate(lines):
        if line.kind == "blank":
            paragraph_start = True
            continue
        if line.kind == "recital":
            after_recital = True
        elif line.kind in ("resolved", "heading", "sponsor", "item", "section"):
            after_recital = False
        elif (
            line.kind == "text"
            and paragraph_start
            and after_recital
            and last.rstrip(" *_").endswith((";", "; and"))
            and (m := MOTION_PREAMBLE.match(line.text)) is not None
            and not m.group("that")
        ):
            lines[i] = line._replace(kind="recital", motion=m.group("word"))
        elif line.kind == "text" and paragraph_start:
            after_recital = False  # a paragraph of prose between them
        paragraph_start = False
        last = line.text


# -- a county assembly's or a parliament's motion in participles ------------------------------------------------
# Kenya's county assemblies and National Assembly, Uganda's and Zambia's Parliaments, Nigeria's state Houses: "THAT,
# aware that …;" / "FURTHER AWARE that …;" / "CONCERNED that …;" / "NOTING that …;", then "NOW THEREFORE this
# Assembly urges the County Executive to—" over "(a) …; (b) …". Each paragraph may be a line of its own with no blank
# line between them (a clerk's text, a PDF's): a ";" at a line's end closes it.

#: the connector before the body that resolves: "NOW THEREFORE", "NOW, THEREFORE,", "THEREFORE,"
_THEREFORE_LEAD = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?:(?:NOW|Now),?[ \t]+)?(?:THEREFORE|Therefore),?[ \t]+(?=[Tt]his\b|THIS\b)"
)
_CLOSES = (";", "; and", ";and", "; AND")


def read_participial_motions(lines: list[Line]) -> None:
    """Mark each motion that opens "THAT, aware that …" and resolves "(NOW THEREFORE) this Assembly urges …": its
    participial paragraphs recitals, the paragraph that resolves a resolving clause (its items follow it), each carrying
    its opening as its motion. Read only where every paragraph between them opens with such a participle (or is
    the wrapped line of one) and the one that resolves follows right after them."""
    for i, line in enumerate(lines):
        if line.kind != "text" or "hat" not in line.text and "HAT" not in line.text:
            continue
        opening = MOTION_PREAMBLE.match(line.text)
        if opening is None or not opening.group("that") or i and lines[i - 1].kind == "text":
            continue
        found = _participles_from(lines, i)
        if found is None:
            continue
        recitals, (at, phrase) = found
        for j in recitals:
            p = MOTION_PREAMBLE.match(lines[j].text)
            lines[j] = lines[j]._replace(kind="recital", motion=p.group(0).strip(" \t*_,") if p else "")
        lines[at] = lines[at]._replace(kind="resolved", motion=phrase)


def _participles_from(lines: list[Line], start: int) -> tuple[list[int], tuple[int, str]] | None:
    """The participial paragraphs from ``start`` on and the line that resolves after them (with its opening), or None."""
    recitals = [start]
    for j in range(start + 1, len(lines)):
        line = lines[j]
        if line.kind == "blank":
            continue
        if line.kind != "text":
            return None
        above = lines[j - 1]
        opens = above.kind == "blank" or above.text.rstrip(" \t*_").endswith(_CLOSES)
        if not opens:
            if above.kind == "text" and not re.search(r"[.:]$", above.text.rstrip(" \t*_")):
                continue  # the wrapped line of the paragraph above
            return None
        lead = _THEREFORE_LEAD.match(line.text)
        skip = lead.end() if lead else 0
        resolves = MOTION_OPENING.match(line.text[skip:])
        if resolves is not None and resolves.group("resolves"):
            return recitals, (j, line.text[skip : skip + resolves.end("resolves")].strip(" \t*_"))
        p = MOTION_PREAMBLE.match(line.text)
        if p is None or p.group("that"):
            return None
        recitals.append(j)
    return None
