"""Preamble paragraphs written without "Whereas": under a "Background" heading, a run that ends with
the connector ("…; therefore, be it"), a recital whose keyword was lost, a motion's argument under
its title.  ``structure.grouping`` asks for them when it opens a resolution."""

from __future__ import annotations

import re

from whereas.patterns import lazy_compile
from whereas.structure.drafts import ClauseDraft
from whereas.structure.keywords import INTRODUCES_TEXT, RESOLUTION_NUMBER
from whereas.structure.lines import Line, heading_text
from whereas.structure.titlekinds import TITLE_PHRASE, is_bare_type

# The connector that ends a preamble paragraph: "…; therefore, be it", "…: therefore", "… therefore—".
_ENDS_WITH_CONNECTOR = lazy_compile(
    r"(?:[;:,.]|\s)\s*(?:and\s+)?(?:now,?\s*)?therefore[\s,.:;—–-]*(?:be\s+it[\s,.:;—–-]*)?$", re.I
)
# a paragraph whose keyword was lost: OCR noise or nothing before the comma (", The Village of …")
_LOST_KEYWORD = lazy_compile(r"^\S{0,12}\s*,\s+[A-Z]")
# a paragraph that argues for what follows: "As the conservation of the Christian Sabbath … is essential …"
_OPENS_AS_RECITAL = lazy_compile(r"^(?:As|Since|Because|Inasmuch\s+as)\s+(?:the|a|an|our|this|it|we|there)\b")
_ENDS_AS_RECITAL = lazy_compile(r"(?:[;,]|;\s*and|,\s*and)$")
_PREAMBLE_HEADING = lazy_compile(r"^(?:background|recitals?|preamble|whereas)\s*:?$", re.I)
# the paragraph that introduces a preamble and its resolutions ("… is expressed in the following preamble and
# resolutions which were unanimously adopted …:—", "Mr. Hale offered the following preamble and resolution:")
_INTRODUCES_PREAMBLE = lazy_compile(r"\bthe\s+following\s+preambles?\s+and\s+resolutions?\b.*[:—–]-?$", re.I)
#: the most paragraphs an introduced preamble holds before its first resolving clause
MAX_INTRODUCED_PREAMBLE = 6


def paragraph_runs(lines: list[Line]) -> list[list[Line]]:
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


def unkeyed_preamble(
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
    runs = paragraph_runs(before)
    taken: list[list[Line]] = []
    introduced = _introduced_preamble(runs)
    if introduced:
        return _take(before, introduced)
    if opens_document:
        prose = _prose_preamble(runs, before_recital=before_recital or before_prose)
        if prose:
            return _take(before, prose)
    if before_recital:
        # "Believing that …; and" before the first "WHEREAS": a recital without the keyword; ", The Village of
        # Lakewood Club is celebrating …; and": a recital whose scripted "Whereas" the OCR could not read
        for run in reversed(runs[-3:]):
            body = joined(run)
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
        and (_ENDS_WITH_CONNECTOR.search(joined(runs[-1])) or _OPENS_AS_RECITAL.match(joined(runs[-1])))
    ):
        taken = [runs[-1]]
        for run in reversed(runs[:-1]):
            body = joined(run)
            if run[0].kind == "heading" or not _ENDS_AS_RECITAL.search(body) or not body[:1].isupper():
                break
            taken.insert(0, run)
        if not joined(taken[0])[:1].isupper() and joined(taken[0])[:1] not in '"“':
            return []
    return _take(before, taken)


def _introduced_preamble(runs: list[list[Line]]) -> list[list[Line]]:
    """The paragraphs between "… the following preamble and resolutions:—" and the first clause: the preamble
    that paragraph announces, each paragraph a recital whatever its opening words ("It must be admitted that God
    …", "This convention is fully convinced that …; therefore.")."""
    at = max((i for i, run in enumerate(runs) if _INTRODUCES_PREAMBLE.search(joined(run))), default=None)
    if at is None:
        return []
    after = runs[at + 1 :]
    if not 1 <= len(after) <= MAX_INTRODUCED_PREAMBLE:
        return []
    for run in after:
        words = joined(run)
        if run[0].kind not in ("text", "quote") or not (words[:1].isupper() or words[:1] in '"“') or not _prose(words):
            return []
    return after


# a line that records what became of the resolution: "Adopted at the regular meeting of …", "Passed by the Board on …"
_RECORD = lazy_compile(
    r"^(?:(?:duly|unanimously)\s+)?(?:adopted|approved|passed|dated|signed|introduced|presented|considered|carried|"
    r"ratified|endorsed)\s+(?:at|on|by|in|this|during|unanimously)\b",
    re.I,
)

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
    if any(
        is_bare_type(run[0].text) and (len(run) > 1 or (i + 1 < len(runs) and TITLE_PHRASE.match(joined(runs[i + 1]))))
        for i, run in enumerate(runs)
    ):
        # a bill's print: "CONCURRENT RESOLUTION" over its title, a sentence ending with a period ("Expressing the
        # sense of Congress that the Great Lakes should be protected …."): a title block, no argument
        return []
    if len(body) > 1 and len(joined(body[0]).split()) <= 12 and not joined(body[0]).endswith("."):
        body = body[1:]  # the title line ("Motion")
    if not 1 <= len(body) <= MAX_PROSE_PREAMBLE:
        return []
    for run in body:
        words = joined(run)
        if run[0].kind != "text" or len(words.split()) < 8 or not words[:1].isupper() or not _prose(words):
            return []
        if INTRODUCES_TEXT.search(words):
            return []  # "… intend to present the following proposal at the Annual Meeting.": it introduces the text
        if _RECORD.match(words):
            return []  # "Adopted at the regular meeting of February 19, 2026.": the record of it, no argument
        if RESOLUTION_NUMBER.match(" ".join(run[0].text.split())):
            return []  # "SENATE CONCURRENT RESOLUTION NO. 22" / "Relating to …": a title block with no blank line under it
    last = joined(body[-1])
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


_WRAPPING = lazy_compile(r"^[\s>*_#]*[\"“]?[\s*_]*")


def _lone_heading(run: list[Line]) -> bool:
    """A paragraph of one short line in capitals: a heading in a text without heading marks (a PDF's "BACKGROUND")."""
    if len(run) != 1 or run[0].kind != "text":
        return False
    words = run[0].text.split()
    return 0 < len(words) <= 6 and run[0].text.isupper()


def joined(run: list[Line]) -> str:
    """A paragraph's words: its lines joined, without block-quote marks, emphasis or an article's opening quote."""
    return _WRAPPING.sub("", " ".join(_WRAPPING.sub("", line.text).strip() for line in run)).rstrip(' *_"”')
