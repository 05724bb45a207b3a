"""``whereas review FILE.docx``: the draft back in Word, with every finding as a comment and every fix
as a tracked change (docs/review.md).

The review copy is the original package with only the document, note and comments parts rewritten:

* each finding is a Word comment anchored on exactly the words it is about (a finding without words —
  "no title" — on the word where it points), in a note when it is about a note;
* the fixes ``whereas format`` would apply (with ``unsafe_fixes``, the unsafe ones too) are tracked
  changes by "whereas", so that Accept All gives the fixed document and Reject All the original;
* with ``verify``, each quotation's verdict is a comment on the quotation, with the evidence;
* a summary comment sits on the first paragraph.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from whereas.errors import InputError, UsageError, about_file
from whereas.lint.diagnostic import Diagnostic, Edit
from whereas.model import Source, Span
from whereas.review.changes import TrackedChanges, tracked_changes
from whereas.review.located import LocatedView
from whereas.review.markup import Anchor, Revision, Writer, placeable

if TYPE_CHECKING:  # (imported where they are used: the comments and verify code load on demand)
    from whereas.review.comments import CommentText
    from whereas.verify.result import QuotationReport, SourceReport

#: the name a review copy gets beside its original
REVIEWED_SUFFIX = ".reviewed.docx"
AUTHOR = "whereas"


@dataclass(frozen=True)
class ReviewOptions:
    profile: str | None = None
    config: Path | None = None
    unsafe_fixes: bool = False
    verify: bool = False
    archive: Path | None = None
    offline: bool = False
    allow_hosts: tuple[str, ...] = ()
    output: Path | None = None
    date: str | None = None  # ISO 8601; default: now
    #: where a comment about a note's words goes: "call-out" (on the note's call-out in the text, the default:
    #: the file opens in Word and in LibreOffice, which cannot open a comment inside a note) or "note" (in the
    #: note, on those words, as Word alone shows it)
    note_comments: str = "call-out"


@dataclass
class Comment:
    """One comment written: what it is about (a finding's code, ``quotation`` or ``summary``), the view
    range it is anchored on, its id and its text."""

    about: str
    start: int
    end: int
    comment_id: int
    text: str


@dataclass
class ReviewResult:
    path: str
    written: str
    view: str  # the original text view
    fixed: str  # the text view with every tracked change accepted
    findings: list[Diagnostic] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    changes: TrackedChanges = field(default_factory=TrackedChanges)
    untracked: list[Diagnostic] = field(default_factory=list)  # findings whose fix cannot be a tracked change
    profile: str = ""
    profile_reason: str = ""
    verdicts: dict[str, int] = field(default_factory=dict)
    #: package defects corrected so that the copy opens everywhere (a notes relationship of the wrong type)
    repairs: list[str] = field(default_factory=list)


def review_path(path: str | Path, options: ReviewOptions | None = None) -> ReviewResult:
    """Write the review copy of the Word file ``path`` (``FILE.reviewed.docx``, or ``options.output``).

    Raises :class:`InputError` for a file that is not a readable .docx, :class:`UsageError` for bad options.
    """
    from whereas.files import write_atomically
    from whereas.readers import read_path

    options = options or ReviewOptions()
    path = Path(path)
    target = Path(options.output) if options.output else path.with_name(_reviewed_name(path.name))
    with about_file(str(path)):
        view = read_path(path)
        if view.format != "docx":
            raise InputError(
                str(path),
                f"review writes Word review copies of .docx files, not {view.format} "
                "(use `whereas check` for a report, or `whereas render --to docx` for a Word copy first)",
            )
        if target.resolve() == path.resolve():
            raise UsageError(f"{path}: review never overwrites its input; choose another -o")
        data, result = _review(path, path.read_bytes(), view.source(), options)
    write_atomically(target, data, named=options.output is not None)
    result.written = str(target)
    return result


def _reviewed_name(name: str) -> str:
    stem = name[: -len(".docx")] if name.lower().endswith(".docx") else name
    stem = stem.removesuffix(".reviewed")
    return stem + REVIEWED_SUFFIX


def _review(path: Path, data: bytes, source: Source, options: ReviewOptions) -> tuple[bytes, ReviewResult]:
    from whereas.review.comments import add_comment, finding, summary
    from whereas.review.package import ReviewPackage

    pkg = ReviewPackage.open(data, str(path))
    result_repairs = pkg.repair_note_relationships()
    located = pkg.view
    assert located is not None
    text = source.text
    if located.text != text:
        raise InputError(str(path), "internal error: the review could not place the text view in the document")
    result = ReviewResult(str(path), "", text, text, repairs=result_repairs)
    findings, fix_edits, dropped = _lint_and_fix(path, source, options, result)
    changes = tracked_changes(located, fix_edits)
    result.changes = changes
    result.fixed = changes.accepted(text)
    quotations, sources, archive = _verify(path, options) if options.verify else (None, None, None)

    date = options.date or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    comments_root = pkg.comments()
    counter = itertools.count(pkg.ids_in_use() + 1)
    revision = Revision(AUTHOR, date, lambda: next(counter))
    anchors: list[Anchor] = []
    texts = []

    def comment(about: str, span: tuple[int, int], body: CommentText) -> None:
        start, end = anchor_range(located, span[0], span[1])
        if options.note_comments == "call-out":
            moved = _on_call_out(located, start, end)
            if moved is not None:
                (start, end), label = moved
                words = located.text[span[0] : span[1]] if span[1] > span[0] else located.text[start:end]
                body = replace(body, paragraphs=(f"In {label}, on “{words}”:", *body.paragraphs))
        cid = next(counter)
        anchors.append(Anchor(start, end, cid))
        texts.append((cid, body))
        result.comments.append(Comment(about, start, end, cid, "\n".join(body.paragraphs)))

    for d in findings:
        note = _fix_note(d, changes, dropped, options)
        if note is not None and "by hand" in note:
            result.untracked.append(d)
        comment(d.code, (d.span.start, d.span.end), finding(d, note))
    if quotations is not None:
        from whereas.review.comments import verdict

        by_note = {s.note: s for s in sources or []}
        for q in quotations:
            result.verdicts[q.verdict] = result.verdicts.get(q.verdict, 0) + 1
            span = _offsets(source, q.line, q.column, q.end_line, q.end_column)
            comment("quotation", span, verdict(q, by_note.get(q.note or ""), archive, dict(source.note_kinds)))
    tracked = sum(1 for d in findings if d.fix is not None and _applicable(d, options)) - len(result.untracked)
    first = _first_paragraph(located)
    comment(
        "summary",
        first,
        summary(findings, tracked, len(result.untracked), result.profile, result.profile_reason, quotations, sources),
    )
    Writer(located, revision).apply(changes.deletions, changes.insertions, anchors)
    links: dict[str, str] = {}

    def link_id(url: str) -> str:
        if url not in links:
            links[url] = pkg.link(pkg.comments_part or "", url)
        return links[url]

    for cid, body in sorted(texts, key=lambda t: t[0]):
        add_comment(comments_root, cid, body, AUTHOR, date, link_id)
    return pkg.write(), result


def _applicable(d: Diagnostic, options: ReviewOptions) -> bool:
    return d.fix is not None and (d.fix.applicability == "safe" or options.unsafe_fixes)


def _fix_note(
    d: Diagnostic, changes: TrackedChanges, dropped: list[tuple[Diagnostic, str]], options: ReviewOptions
) -> str | None:
    """What became of the finding's fix, in words (None: it has none)."""
    if d.fix is None:
        return None
    if not _applicable(d, options):
        return "not applied (an unsafe fix: review with --unsafe-fixes to see it as a tracked change)"
    for other, why in dropped:
        if other.code == d.code and other.span == d.span and other.message == d.message:
            return f"not applied, because {why}; make it by hand if it is right"
    for e in d.fix.edits:
        for u in changes.untracked:
            if e.start <= u.end and u.start <= e.end:
                return "make this change by hand: it cannot be shown as a tracked change"
    return "shown as a tracked change"


def _lint_and_fix(
    path: Path, source: Source, options: ReviewOptions, result: ReviewResult
) -> tuple[list[Diagnostic], tuple[Edit, ...], list[tuple[Diagnostic, str]]]:
    """The findings (with the settings ``whereas check`` uses for the file) and the fixes' edits."""
    from whereas.lint import lint
    from whereas.lint.fix import fix_source
    from whereas.lint.infer import settings_for
    from whereas.lint.settings import Configs, Overrides
    from whereas.structure import build

    configs = Configs(Overrides(profile=options.profile), options.config or None)
    config_path, settings, _ = configs.for_file(path)
    resolutions = build(source)
    if settings.profile_source == "default" and resolutions:
        settings, result.profile_reason = settings_for(resolutions, "docx", settings)
    else:
        result.profile_reason = {"option": "--profile", "config": f"configured in {config_path}"}.get(
            settings.profile_source, "the default"
        )
    result.profile = settings.profile.name
    findings = sorted(lint(resolutions, settings), key=lambda d: (d.span.start, d.code)) if resolutions else []
    result.findings = findings
    if not resolutions:
        return findings, (), []
    fixed = fix_source(source, settings, unsafe=options.unsafe_fixes)
    return findings, fixed.edits, list(fixed.dropped)


def _verify(path: Path, options: ReviewOptions) -> tuple[list[QuotationReport], list[SourceReport], str | None]:
    from whereas.verify.check import VerifyOptions, verify_paths
    from whereas.verify.fetch import FetchOptions

    fetch = FetchOptions.limits(allow_hosts=tuple(options.allow_hosts))
    archive = Path(options.archive) if options.archive else None
    outcome = verify_paths([path], VerifyOptions(archive=archive, offline=options.offline, fetch=fetch))
    if outcome.errors:
        raise outcome.errors[0]
    return outcome.quotations, outcome.sources, outcome.archive


def _offsets(
    source: Source, line: int | None, column: int | None, end_line: int | None, end_column: int | None
) -> tuple[int, int]:
    from whereas.verify.findings import _offset

    start = _offset(source, line, column)
    end = _offset(source, end_line, end_column) if end_line else start
    return start, max(start, end)


def _on_call_out(view: LocatedView, start: int, end: int) -> tuple[tuple[int, int], str] | None:
    """For a range in a note: the range of the note's (first) call-out in the text, and the note's name
    as Word shows it ("endnote 1", "footnote 2")."""
    from whereas.readers.docx import W_NS

    origin = view.origins[start]
    root = origin.element.getroottree().getroot().tag if origin is not None else None
    if root is None or root == f"{{{W_NS}}}document":
        return None
    kind = {f"{{{W_NS}}}endnotes": "endnote", f"{{{W_NS}}}footnotes": "footnote"}.get(root, "note")
    line_start = view.text.rfind("\n", 0, start) + 1
    label = view.text[line_start : view.text.index("]:", line_start) + 1]  # "[^1]"
    at = 0
    while (at := view.text.find(label, at)) >= 0:
        o = view.origins[at]
        if o is not None and o.is_note_reference:
            return (at, at + len(label)), f"{kind} {label[2:-1]}"
        at += 1
    return None


def _first_paragraph(view: LocatedView) -> tuple[int, int]:
    end = view.text.find("\n")
    return 0, end if end >= 0 else len(view.text)


def anchor_range(view: LocatedView, start: int, end: int) -> tuple[int, int]:
    """The view range a comment about ``[start, end)`` is anchored on: the range without the characters
    the reader wrote itself (list numbers, ``# ``, ``[^1]: ``, line breaks); for a range with none of
    the document's own characters (a finding about something missing), the word it points at — the
    word at or after ``start`` on its line, else the one before it, else the nearest."""
    text, origins = view.text, view.origins
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    inside = [k for k in range(start, end) if placeable(origins[k])]
    if inside:
        return inside[0], inside[-1] + 1
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end

    def word(k: int) -> bool:
        return placeable(origins[k]) and not text[k].isspace()

    k = next((k for k in range(start, line_end) if word(k)), None)
    if k is None:
        k = next((k for k in range(start - 1, line_start - 1, -1) if word(k)), None)
    if k is None:
        k = next((k for k in range(start, len(text)) if word(k)), None)
    if k is None:
        k = next((k for k in range(start - 1, -1, -1) if word(k)), None)
    if k is None:
        raise InputError(None, "the document has no text to anchor a comment on")
    a, b = k, k + 1
    while a > 0 and word(a - 1) and text[a - 1] != "\n":
        a -= 1
    while b < len(text) and word(b):
        b += 1
    return a, b


__all__ = ["REVIEWED_SUFFIX", "ReviewOptions", "ReviewResult", "Span", "anchor_range", "review_path"]
