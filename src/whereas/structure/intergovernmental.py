"""The style of the United Nations and other intergovernmental bodies, and of those who write like them (the
European Parliament, international NGOs and youth forums, Model UN): the body alone on a line ("The General
Assembly,"), then preambular paragraphs ("Recalling …,") and numbered operative paragraphs ("1. Decides …;")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whereas.patterns import lazy_compile
from whereas.structure.keywords import BULLET_CLASS, CALLOUT_AFTER_MARK, INTRODUCES_TEXT

if TYPE_CHECKING:
    from whereas.structure.lines import Line

__all__ = ["BODY_LINE", "EMPHASIS", "read_intergovernmental"]


# The style of the United Nations and other intergovernmental bodies: "The General Assembly," alone on a line,
# preambular paragraphs opening with a participle or an adjective ("Recalling …,", "Deeply concerned …,"),
# numbered operative paragraphs opening with a verb ("1. Decides …;").
BODY_LINE = lazy_compile(
    # (in capitals as the OAS and the Council of the EU print it: "THE GENERAL ASSEMBLY,", "THE COUNCIL OF THE EUROPEAN UNION,")
    r"^[ \t]*(?:The|THE) (?:[A-Z][\w’'-]*(?: of| on| and| for| the| OF| ON| AND| FOR| THE)*[ \t]+){0,6}[A-Z][\w’'-]*"
    # an NGO's or a youth forum's "The National Youth Forum, meeting at Kinloch Camp on 14–16 February 2026,"
    r"(?:,[ \t]+(?:meeting|assembled|gathered|convened|sitting|in[ \t]+session)\b[^.;:\n]{0,160})?,[ \t]*$",
    re.M,
)
# Markdown's emphasis markers around words ("*Recalling*", "**The General Assembly,**"), not a bullet ("* item")
EMPHASIS = lazy_compile(r"(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])")
# the line over an NGO's numbered decisions, after its preamble: "Resolves to:", "Decides:", "Therefore resolves that:"
_RESOLVES_LINE = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?:(?:therefore|hereby|further)[ \t]+)?(?:resolves|decides|agrees|calls)"
    r"(?:[ \t]+(?:to|that|on|upon))?[ \t]*:(?:\*\*|__)?[ \t]*$",
    re.I,
)
# a bullet before a preambular paragraph: "- Noting that …;"
_BULLET_LEAD = lazy_compile(r"^[ \t]*[" + BULLET_CLASS + r"–—][ \t]+")
_PREAMBULAR = lazy_compile(
    r"^[ \t]*(?:(?:Further|Also|Deeply|Gravely|Seriously|Strongly|Fully|Firmly|Keenly|Profoundly|Greatly|Noting|Having)\s+"
    r"(?:[a-z]+(?:ing|ed)|mindful|aware|conscious|convinced)"
    r"|(?!United\b)[A-Z][a-z]+(?:ing|ed)|Mindful|Aware|Conscious|Cognizant|Desirous|Confident|Bearing|Guided|Taking|Having"
    # in capitals: "HAVING SEEN …", "RECALLING …", "DEEPLY CONCERNED …"
    r"|(?:(?:FURTHER|ALSO|DEEPLY|GRAVELY|SERIOUSLY|STRONGLY|FULLY)\s+)?(?!UNITED\b)[A-Z]{2,}(?:ING|ED)|MINDFUL|AWARE|CONSCIOUS)\b"
)
# the European Parliament's citations and recitals: "– having regard to Article 45 …,", "A. whereas …;"
_CITATION = lazy_compile(r"^[ \t]*[–—-][ \t]+(?:having[ \t]+regard|(?:taking|bearing)[ \t]+into[ \t]+account)\b", re.I)
_LETTERED_WHEREAS = lazy_compile(r"^[ \t]*[A-Z]{1,2}\.[ \t]+(?:whereas|WHEREAS|Whereas)\b")
# "1. Welcomes …", "2. Also welcomes …", "5. Strongly condemns …": a number, then a verb in the third person (in
# capitals as the World Health Assembly writes it: "1. URGES Member States", "2. ALSO REQUESTS")
_OPERATIVE = lazy_compile(
    r"^[ \t]*\d{1,3}\.[ \t]+(?:(?:Also|Further|Again|Once\s+again|Strongly|Firmly|Further\s+also)\s+[a-z]+s|[A-Z][a-z]+s"
    r"|(?:(?:ALSO|FURTHER|STRONGLY)\s+)?[A-Z]{3,}S)\b"
)
# an operative paragraph without a number (a resolution with one, or WHO's "REQUESTS the Director-General:" alone):
# only the verbs operative paragraphs open with, in title case or capitals ("Conscious …", "DESIROUS …" are preambular)
_OPERATIVE_VERBS = (
    "decides requests urges calls invites encourages recommends welcomes notes takes stresses emphasizes emphasises "
    "reaffirms expresses condemns demands authorizes authorises endorses adopts approves appeals affirms acknowledges "
    "supports commends declares designates proclaims resolves agrees instructs directs underlines reiterates requires "
    "accepts"
).split()
_UNNUMBERED_OPERATIVE = lazy_compile(
    r"^[ \t]*(?:(?:Also|Further|Strongly)\s+(?:" + "|".join(_OPERATIVE_VERBS) + r")"
    r"|(?:(?:ALSO|FURTHER|STRONGLY)\s+)?(?:" + "|".join(v.upper() for v in _OPERATIVE_VERBS) + r")"
    r"|(?:" + "|".join(v.capitalize() for v in _OPERATIVE_VERBS) + r"))\b"
)


def _paragraph(lines: list[Line], i: int) -> str:
    """The words of the paragraph that opens at line ``i`` (its wrapped lines with it)."""
    j = i + 1
    while j < len(lines) and lines[j].kind == "text":
        j += 1
    return " ".join(line.text for line in lines[i:j])


# a draft's paragraph labels: "(PP1)" before a preambular paragraph, "(OP2)" before an operative one (WHO, UNEP)
_DRAFT_LABEL = lazy_compile(r"^[ \t]*\((?P<kind>PP|OP)(?P<n>\d{1,3})\)[ \t]+")


def _unlabelled(text: str) -> str:
    """``text`` without its draft label: a preambular paragraph's dropped, an operative one's as its number."""
    m = _DRAFT_LABEL.match(text)
    if m is None:
        return text
    return (f"{m.group('n')}. " if m.group("kind") == "OP" else "") + text[m.end() :]


def read_intergovernmental(lines: list[Line]) -> None:
    """Mark the preambular and operative paragraphs after each "The General Assembly," line as clauses."""
    active = False
    previous = ""
    open_quotes = 0  # “ not yet closed in the paragraph so far (a quoted title running over a line end)
    last_number: int | None = None  # the number of the last operative paragraph
    last_kind = ""  # the kind of the last paragraph read as a clause
    deciding = False  # under a "Resolves to:" line: each item is a decision
    for i, line in enumerate(lines):
        if line.kind == "blank":
            continue
        # (read without Markdown's emphasis: a Model UN's "*The General Assembly,*", "*Recalling* …", "1. *Calls upon* …")
        text = EMPHASIS.sub("", line.text) if "*" in line.text or "_" in line.text else line.text
        text = _unlabelled(text) if "(" in text else text
        bare = text.strip()
        if BODY_LINE.match(text):
            lines[i] = line._replace(kind="tag")
            active, previous, open_quotes, deciding = True, ",", 0, False
            continue
        if active and last_kind == "recital" and line.kind == "text" and _RESOLVES_LINE.match(text):
            lines[i] = line._replace(kind="tag")
            deciding, previous = True, ":"
            continue
        if deciding:
            if line.kind == "item":
                lines[i] = line._replace(kind="resolved")
                previous = bare
                continue
            if line.kind != "text" or not previous.endswith((",", ";", ":")) or not any(c.isalnum() for c in bare):
                # (a rule, "__________", over the delegations' notes ends it too)
                deciding = active = False  # the list of decisions ends: what follows is no clause
            previous = bare
            continue
        if active and line.kind in ("text", "item"):
            opens = not open_quotes and (
                previous.endswith((",", ";", ":")) or previous.endswith(".") and line.kind == "item"
            )
            unbulleted = _BULLET_LEAD.sub("", text, count=1) if line.kind == "item" else text
            number = re.match(r"\s*(\d{1,3})\.", text)
            # the operative paragraph numbered next goes on after a page's footnotes and running header
            follows = number is not None and last_number is not None and int(number.group(1)) == last_number + 1
            if (opens or follows) and _OPERATIVE.match(text):
                lines[i] = line._replace(kind="resolved")
                last_number = int(number.group(1)) if number else None
            elif (
                opens
                and (previous.endswith(",") or previous.endswith(";") and last_kind == "recital")
                and (_PREAMBULAR.match(unbulleted) or _CITATION.match(text))
            ):
                lines[i] = line._replace(kind="recital")
            elif (
                last_kind == "recital"
                and not open_quotes
                and previous.endswith(".")
                and lines[i - 1].kind == "blank"
                and _PREAMBULAR.match(unbulleted)
            ):
                # a preambular paragraph that ends with a full stop by mistake ("Noting b." / "Recognising c,"):
                # the next paragraph that opens with a participle is the next one, not text between them
                lines[i] = line._replace(kind="recital")
            elif opens and _LETTERED_WHEREAS.match(text):
                lines[i] = line._replace(kind="recital")
            elif (
                opens
                and number is None
                and line.kind == "text"
                and (last_kind == "recital" or last_kind == "resolved" and last_number is None)
                and _UNNUMBERED_OPERATIVE.match(text)
                # (not what introduces a text: an executive board's "RECOMMENDS to the Health Assembly the adoption of
                # the following resolution:" over the resolution it recommends)
                and not INTRODUCES_TEXT.search(_paragraph(lines, i))
            ):
                lines[i] = line._replace(kind="resolved")
            if lines[i].kind in ("recital", "resolved"):
                open_quotes = 0
                last_kind = lines[i].kind
            open_quotes = max(0, open_quotes + bare.count("“") - bare.count("”"))
        previous = CALLOUT_AFTER_MARK.sub("", bare)
