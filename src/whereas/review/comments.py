"""What the review's comments say: a finding, a quotation's verdict, the summary; and the
``w:comment`` elements that hold them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from lxml import etree

from whereas.lint.diagnostic import Diagnostic
from whereas.review.markup import XML_SPACE, w
from whereas.verify.result import QuotationReport, QuotationVerdict, SourceReport


@dataclass(frozen=True)
class CommentText:
    """A comment's paragraphs; ``link``: a URL written as a link at the end of the last one."""

    paragraphs: tuple[str, ...]
    link: str | None = None


def rule_page(code: str) -> str:
    from whereas.reports.sarif import home

    if code.startswith("V"):
        return f"{home()}/blob/main/docs/verify/README.md"
    return f"{home()}/blob/main/docs/rules/{code}.md"


def finding(d: Diagnostic, fix_note: str | None) -> CommentText:
    """A lint finding: its message, the suggested fix and what became of it, its rule and the rule's page."""
    lines = [d.message]
    if d.fix is not None:
        unsafe = " (an unsafe fix)" if d.fix.applicability == "unsafe" else ""
        lines.append(f"Suggested fix{unsafe}: {d.fix.message}" + (f" — {fix_note}" if fix_note else ""))
    lines.append(f"{d.code} {d.name} ({d.severity.value}). Rule: ")
    return CommentText(tuple(lines), rule_page(d.code))


def _quote(text: str, limit: int = 120) -> str:
    return f"“{text[:limit]}{'…' if len(text) > limit else ''}”"


def _archived(source: SourceReport | None, archive: str | None) -> str | None:
    if source is None:
        return None
    parts = []
    if source.fetched_at:
        where = f" in {archive}" if archive else ""
        how = "read from the archive" if source.from_archive else "fetched and archived"
        parts.append(f"Source {source.url}, {how}{where}, captured {source.fetched_at}.")
    if source.archived_copy:
        parts.append(f"Archived copy: {source.archived_copy}.")
    return " ".join(parts) or None


def verdict(
    q: QuotationReport, source: SourceReport | None, archive: str | None, kinds: Mapping[str, str] | None = None
) -> CommentText:
    """A quotation's verdict in words, with the evidence; ``kinds`` names each note as the document has it
    ("endnote 1", "footnote 2"; by default "note 1")."""
    lines: list[str] = []
    named = dict(kinds or {})

    def note(label: str | None) -> str:
        return f"{named.get(label or '', 'note')} {label}"

    if q.verdict in ("exact", "faithful"):
        how = "word for word" if q.verdict == "exact" else "faithfully (alterations marked)"
        lines.append(f"Quotation verified: the source of {note(q.note)} says this {how}.")
    elif q.verdict == "misquoted":
        diffs = [f"“{d.source}” where the draft says “{d.quoted}”" for d in q.differences[:8]]
        said = "; ".join(diffs) if diffs else f"{_quote(q.passage or '')} where the draft says {_quote(q.text)}"
        lines.append(f"Misquoted: the source of {note(q.note)} says {said}.")
        if q.differences:
            how_differ = ", ".join(dict.fromkeys(d.kind for d in q.differences))
            lines.append(
                f"Differing words ({how_differ}): "
                + ", ".join(f"{d.quoted!r} → {d.source!r}" for d in q.differences[:8])
                + "."
            )
    elif q.verdict == "not_found":
        lines.append(f"Not found: the quotation is not in the source of {note(q.note)} ({q.url}).")
    elif q.verdict == "unavailable":
        lines.append(f"Unchecked — the source is unavailable: {q.reason or 'it could not be fetched or read'}.")
    else:  # no_source
        lines.append(f"Unchecked — no source: {q.reason or 'the quotation cites no note with a URL'}.")
    if q.passage and q.verdict in ("exact", "faithful", "misquoted"):
        lines.append(f"Source passage: {_quote(q.passage, 300)}")
    if q.found_in:
        lines.append(f"The quotation is in the source of {note(q.found_in)}.")
    evidence = _archived(source, archive)
    if evidence:
        lines.append(evidence)
    return CommentText(tuple(lines))


def summary(
    findings: Iterable[Diagnostic],
    tracked: int,
    untracked: int,
    profile: str,
    reason: str,
    quotations: list[QuotationReport] | None,
    sources: list[SourceReport] | None,
) -> CommentText:
    findings = list(findings)
    by_severity = Counter(d.severity.value for d in findings)
    counts = ", ".join(
        f"{by_severity[s]} {s}" + ("s" if by_severity[s] != 1 else "") for s in ("error", "warning", "info")
    )
    lines = [
        f"whereas review: {len(findings)} finding{'s' if len(findings) != 1 else ''} ({counts}), each a comment "
        f"on its words; profile {profile} ({reason})."
    ]
    fixes = f"{tracked} fix{'es' if tracked != 1 else ''} shown as tracked changes: Accept All applies them."
    if untracked:
        fixes += f" {untracked} more cannot be shown as tracked changes: their comments say so."
    lines.append(fixes)
    if quotations is not None:
        verdicts = Counter(q.verdict for q in quotations)
        said: dict[QuotationVerdict, str] = {"exact": "verified", "faithful": "verified (alterations marked)", "misquoted": "misquoted",
                "not_found": "not found", "unavailable": "unchecked (source unavailable)",
                "no_source": "unchecked (no source)"}  # fmt: skip
        parts = [f"{verdicts[v]} {said[v]}" for v in said if verdicts[v]]
        lines.append(f"Quotations: {', '.join(parts) if parts else 'none'}.")
        dead = [s for s in sources or [] if s.status == "dead"]
        lines.append(f"Dead links: {len(dead)}" + (f" ({', '.join(s.url for s in dead)})." if dead else "."))
    return CommentText(tuple(lines))


def add_comment(
    comments: etree._Element,
    comment_id: int,
    text: CommentText,
    author: str,
    date: str,
    link_id: Callable[[str], str],
) -> None:
    """Append a ``w:comment`` holding ``text`` (``link_id(url)``: the relationship id of a link)."""
    initials = "".join(p[0] for p in author.split() if p).upper()[:4] or "W"
    el = etree.SubElement(
        comments,
        w("comment"),
        attrib={w("id"): str(comment_id), w("author"): author, w("date"): date, w("initials"): initials},
    )
    for i, paragraph in enumerate(text.paragraphs):
        p = etree.SubElement(el, w("p"))
        if i == 0:
            r = etree.SubElement(p, w("r"))
            etree.SubElement(r, w("annotationRef"))
        _run(p, paragraph)
        if text.link and i == len(text.paragraphs) - 1:
            link = etree.SubElement(
                p,
                w("hyperlink"),
                attrib={"{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id": link_id(text.link)},
            )
            r = _run(link, text.link)
            rpr = etree.Element(w("rPr"))
            etree.SubElement(rpr, w("color"), attrib={w("val"): "0563C1"})
            etree.SubElement(rpr, w("u"), attrib={w("val"): "single"})
            r.insert(0, rpr)


def _run(parent: etree._Element, text: str) -> etree._Element:
    r = etree.SubElement(parent, w("r"))
    t = etree.SubElement(r, w("t"))
    t.text = _xml_safe(text)
    t.set(XML_SPACE, "preserve")
    return r


def _xml_safe(text: str) -> str:
    return "".join(c if c in "\t\n\r" or ord(c) >= 0x20 and c not in "\ufffe\uffff" else " " for c in text)
