"""The paragraph that closes a resolving clause's list: one sentence printed under the list the clause introduced
with ":", the last words of the resolution ("It is resolved that the tests live in one of four locations:" / four
"*" items / "The choice is up to the individual projects, in consultation with the QA Team.").  Only a keyword
starts a new resolving clause, so that sentence is the clause's end; ``grouping`` asks here after a blank line.

Commentary under the list stays out: a paragraph that speaks of the resolution itself or of what it will do ("This
adoption of the DCO will lower the barrier …", "It is a key step …"), of the motion or the vote ("The motion
carried."), a paragraph of more than one sentence, and one followed by more prose (an article's narrative)."""

from __future__ import annotations

import re

from whereas.patterns import lazy_compile
from whereas.structure.lines import Line

__all__ = ["closes_its_list"]

#: the most words of a closing sentence (a longer paragraph is an explanation)
MAX_WORDS = 40

# a paragraph about the resolution, not in it: a demonstrative or a pronoun for the act ("This adoption …", "These
# steps …", "It is …", "We …"), or the resolution, the motion and the vote named
_ABOUT_IT = lazy_compile(
    r"^[*_\s]*(?:this|these|that|those|such|it|its|it['’]s|we|our|i)\b"
    r"|\b(?:resolutions?|motions?|votes?|voted|carried|seconded|unanimous(?:ly)?)\b",
    re.I,
)
# a sentence's end inside the paragraph: ". The …" (one sentence only; "e.g. the" and "U.S. Code" go on)
_INNER_SENTENCE_END = lazy_compile(r"[a-z)\]\"”][.!?][\"”’)]?\s+[A-Z]")
_SENTENCE_END = lazy_compile(r"[.!?][\"”’)]?$")
# what may stand under the resolution's last sentence: a reStructuredText directive, comment or link target
# (".. note::", ".. _gabbi: https://…"), a rule of marks
_NO_PROSE = lazy_compile(r"^[ \t]*(?:\.\.[ \t]|\.\.$|[-=*_~]{3,}[ \t]*$)")


def closes_its_list(clause: list[Line], lines: list[Line], at: int, closing: re.Pattern[str]) -> bool:
    """Whether the paragraph at ``lines[at]`` (after a blank line) is the one sentence that closes the list
    the resolving clause ``clause`` introduced with ":", and nothing but the resolution's end follows it.
    ``closing``: the lines that close a resolution (an adoption line may follow the sentence)."""
    first_item = next((i for i, ln in enumerate(clause) if ln.kind == "item"), None)
    if first_item is None:
        return False
    lead = [ln for ln in clause[:first_item] if ln.kind != "blank"]
    if not lead or not lead[-1].text.rstrip(" *_").endswith(":"):
        return False
    last = next((ln for ln in reversed(clause) if ln.kind != "blank"), None)
    if last is None or not _SENTENCE_END.search(last.text.rstrip(" *_")):
        return False  # (the list's last entry ends its sentence)
    paragraph: list[Line] = []
    end = at
    while end < len(lines) and lines[end].kind == "text":
        paragraph.append(lines[end])
        end += 1
    if not paragraph or paragraph[0].text[:1] in " \t" or not paragraph[0].text[:1].isupper():
        return False
    if any(_NO_PROSE.match(ln.text) or closing.match(ln.text.lstrip()) for ln in paragraph):
        return False
    text = " ".join(ln.text.strip() for ln in paragraph)
    if len(text.split()) > MAX_WORDS or not _SENTENCE_END.search(text.rstrip(" *_")):
        return False
    if _INNER_SENTENCE_END.search(text) or _ABOUT_IT.search(text):
        return False
    return _resolution_ends(lines, end, closing)


def _resolution_ends(lines: list[Line], at: int, closing: re.Pattern[str]) -> bool:
    """Nothing of the resolution but its end from ``lines[at]`` on: the end of the text, a heading, a tag, the
    next keyword, a closing line or a directive."""
    for line in lines[at:]:
        if line.kind == "blank":
            continue
        if line.kind in ("heading", "tag", "resolved", "recital", "sponsor", "meta"):
            return True
        return bool(_NO_PROSE.match(line.text) or closing.match(line.text.lstrip()))
    return True
