"""The review page's content, worked out from a document's stored JSON and its text: the summary in
plain words, each clause with its findings and quotations at their words, each note with its link's
status.  Presentation only: the findings and verdicts are whereas's, as the API gives them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from whereas.web.db import Document

VERDICT_WORDS = {
    "exact": "matches its source exactly",
    "faithful": "matches its source (with marked alterations)",
    "misquoted": "does not match its source",
    "not_found": "was not found in its source",
    "unavailable": "could not be checked: the source could not be read",
    "no_source": "could not be checked: no source is cited",
}
STATUS_WORDS = {
    "ok": "reached",
    "redirected": "reached after a redirect",
    "dead": "dead link",
    "unreachable": "could not be reached",
    "blocked": "blocked address: not fetched",
    "unsupported": "not a page whereas reads",
    "not_archived": "not in the evidence archive (offline)",
}


@dataclass
class Piece:
    text: str
    marks: list[int] = field(default_factory=list)  # numbers of the findings/quotations on these words
    kind: str = ""  # "finding", "quotation" or "" (plain)
    ends: list[int] = field(default_factory=list)  # the marks whose words end here (their numbers follow)
    note: str | None = None  # a note's call-out ("[^5]", "[endnoteRef:5]" in the text view): shown as "note 5"


@dataclass
class Block:
    """A clause (or the title, the notes…) with what was found in it."""

    label: str
    pieces: list[Piece]
    findings: list[dict[str, Any]] = field(default_factory=list)
    quotations: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Note:
    id: str
    text: str
    url: str | None
    source: dict[str, Any] | None
    findings: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ReviewPage:
    summary: list[str]
    blocks: list[Block]
    notes: list[Note]
    other: list[dict[str, Any]]  # findings placed nowhere else


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def summary(doc: Document) -> list[str]:
    findings = doc.findings
    problems = sum(1 for f in findings if f["severity"] in ("error", "warning"))
    hints = len(findings) - problems
    lines = [
        (_plural(problems, "problem") + " to fix" if problems else "Nothing to fix")
        + (f", {_plural(hints, 'suggestion')}" if hints else "")
        + "."
    ]
    v = doc.verification
    if v is None:
        lines.append("The quotations and sources have not been checked yet.")
        return lines
    verdicts: dict[str, int] = {}
    for q in v.get("quotations", []):
        verdicts[q["verdict"]] = verdicts.get(q["verdict"], 0) + 1
    words = []
    for verdict in ("misquoted", "not_found", "unavailable", "no_source"):
        n = verdicts.get(verdict, 0)
        if n:
            words.append(f"{_plural(n, 'quotation')} {VERDICT_WORDS[verdict]}" if n == 1 else
                         f"{n} quotations {VERDICT_WORDS[verdict].replace('does not', 'do not').replace('was not', 'were not')}")  # fmt: skip
    good = verdicts.get("exact", 0) + verdicts.get("faithful", 0)
    if good:
        words.append(f"{_plural(good, 'quotation')} {'matches' if good == 1 else 'match'} its source")
    sources = v.get("sources", [])
    unreached = sum(1 for s in sources if s["status"] not in ("ok", "redirected"))
    if unreached:
        words.append(f"{_plural(unreached, 'source')} could not be reached")
    titles = sum(1 for s in sources if s.get("title_matches") is False)
    if titles:
        words.append(f"{_plural(titles, 'cited title')} {'does' if titles == 1 else 'do'} not match the page")
    if words:
        lines.append("; ".join(words) + ".")
    elif not v.get("quotations"):
        lines.append("No quotation to check.")
    return lines


def _starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _offset(starts: list[int], line: int, column: int) -> int:
    return starts[min(max(line, 1), len(starts)) - 1] + column - 1


def review_page(doc: Document, text: str) -> ReviewPage:
    starts = _starts(text)
    clauses: list[tuple[int, str]] = []  # (start offset, label)
    for r in doc.resolutions:
        for kind, word in (("preamble", "Whereas clause"), ("resolved", "Resolved clause")):
            for n, c in enumerate(r[kind], 1):
                clauses.append((_offset(starts, c["line"], c["column"]), f"{word} {n}"))
    clauses.sort()
    regions: list[tuple[int, int, str]] = []
    for i, (start, label) in enumerate(clauses):
        end = clauses[i + 1][0] if i + 1 < len(clauses) else len(text)
        for stop in ("\n\n", "\n[^"):
            at = text.find(stop, start, end)
            if at != -1:
                end = at
        regions.append((start, end, label))
    region_starts = [s for s, _, _ in regions]

    def region_of(offset: int) -> int | None:
        i = bisect.bisect_right(region_starts, offset) - 1
        if i >= 0 and offset <= regions[i][1]:
            return i
        return None

    spans: list[list[tuple[int, int, int, str]]] = [[] for _ in regions]
    blocks = [Block(label, []) for _, _, label in regions]
    notes = {
        str(n["id"]): Note(str(n["id"]), n["text"], n.get("url"), None) for r in doc.resolutions for n in r["notes"]
    }
    other: list[dict[str, Any]] = []
    number = 0
    for f in doc.findings:
        number += 1
        f = {**f, "number": number}
        location = f.get("location") or ""
        note = re.match(r"(?:end|foot)?note (\w+)", location)
        start = _offset(starts, f["line"], f["column"])
        end = _offset(starts, f["end_line"], f["end_column"])
        region = region_of(start)
        if note and note.group(1) in notes:
            notes[note.group(1)].findings.append(f)
        elif region is not None:
            blocks[region].findings.append(f)
            if end > start:
                spans[region].append((start, min(end, regions[region][1]), number, "finding"))
        else:
            other.append(f)
    if doc.verification is not None:
        for s in doc.verification.get("sources", []):
            if str(s.get("note")) in notes:
                notes[str(s["note"])].source = s
        for q in doc.verification.get("quotations", []):
            number += 1
            q = {**q, "number": number}
            start = _offset(starts, q["line"], q["column"]) if q.get("line") else -1
            region = region_of(start) if start >= 0 else None
            if region is None:
                other.append({"quotation": q, "number": number})
                continue
            blocks[region].quotations.append(q)
            region_start, region_end, _ = regions[region]
            at = text.find(q["text"], max(start, region_start), region_end)
            if at == -1:
                at = text.find(q["text"], region_start, region_end)
            if at != -1:
                spans[region].append((at, at + len(q["text"]), number, "quotation"))
    for i, (start, end, _) in enumerate(regions):
        blocks[i].pieces = _pieces(text, start, end, spans[i])
    return ReviewPage(summary(doc), blocks, list(notes.values()), other)


def _pieces(text: str, start: int, end: int, spans: list[tuple[int, int, int, str]]) -> list[Piece]:
    """The region's text cut at every marked span's ends, each piece with the marks covering it."""
    cuts = sorted({start, end, *(max(start, s) for s, _, _, _ in spans), *(min(end, e) for _, e, _, _ in spans)})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b <= a:
            continue
        over = [(n, kind) for s, e, n, kind in spans if s <= a and b <= e]
        kind = "quotation" if any(k == "quotation" for _, k in over) else ("finding" if over else "")
        ends = [n for s, e, n, _ in spans if s <= a and min(e, end) == b]
        marks = [n for n, _ in over]
        at = a
        for m in CALLOUT.finditer(text, a, b):  # a note's call-out, as the text view writes it
            if m.start() > at:
                pieces.append(Piece(text[at : m.start()], marks, kind))
            pieces.append(Piece(m.group(0), marks, kind, note=m.group(1) or m.group(2)))
            at = m.end()
        pieces.append(Piece(text[at:b], marks, kind, ends))
    return pieces


#: a note's call-out in a text view: Markdown's "[^5]", a Word export's "[endnoteRef:5]"
CALLOUT = re.compile(r"\[\^([^\]\s]+)\]|\[(?:endnote|footnote)Ref:\s*(\w+)\]")


def captured_link(doc_id: str, url: str) -> str:
    return f"/documents/{doc_id}/evidence?url={quote(url, safe='')}"
