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

if TYPE_CHECKING:
    from whereas.structure.lines import Line

__all__ = ["read_assembly_motions"]

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
    notes") so that the rules for Whereas and Resolved leave them alone."""
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
