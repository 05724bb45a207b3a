"""``whereas format``: safe fixes, then the profile's canonical layout.

The canonical layout: one paragraph per clause (its numbered items on lines of their own), the
profile's connector, note call-outs as ``[^N]`` placed as the profile wants, and note texts in an
Endnotes section (``[^N]: text``) — the last three by the safe fixes (W006, N001, N005), the first
by reflowing each clause.  Titles, sponsor lines and any text around the resolutions stay as written.

Every rewrite is verified: the formatted text must parse to the same resolutions — the same
title, clause texts, notes and quotations — as the fixed text, or nothing is written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from whereas.errors import InputError, about_file
from whereas.lint.diagnostic import Edit
from whereas.lint.fix import apply_edits, fix_source
from whereas.lint.markup import line_blocks
from whereas.lint.settings import Settings
from whereas.model import Resolution, Source, Span
from whereas.readers.formats import FORMATS, listed
from whereas.structure import build, collecting_less
from whereas.structure.furniture import find_furniture
from whereas.structure.hyphens import find_hyphen_breaks

#: formats whose files ``format`` rewrites in place
IN_PLACE = tuple(f.name for f in FORMATS if f.fix_in_place)
#: formats for which ``format`` writes a new file beside the original
NEW_FILE = tuple(f.name for f in FORMATS if f.formatted_copy)
#: what the refusal of another format names: ".txt, .md, .docx and .doc"
#: why a text still in quoted-printable is neither formatted nor fixed in place (its view is decoded)
QUOTED_PRINTABLE_REFUSAL = (
    'its text is quoted-printable (an e-mail body still encoded: "=" soft line breaks, "=E2=80=99" escapes), '
    "which whereas reads decoded but never rewrites; save the e-mail's text decoded, "
    "or `whereas render --to md` writes a decoded copy to edit"
)
_REWRITTEN = listed(f.extensions[0] for f in FORMATS if f.name in IN_PLACE + NEW_FILE)
#: the name a formatted Word file gets beside its original (skipped when a directory is walked)
FORMATTED_SUFFIX = ".formatted.docx"


@dataclass(frozen=True)
class FormatResult:
    original: str  # the text view before formatting
    text: str  # the formatted text (Markdown dialect)
    fixes_applied: int
    resolutions: int

    @property
    def changed(self) -> bool:
        return self.text != self.original


def _shape(resolutions: list[Resolution]) -> list[tuple]:
    def notes_in_order(r: Resolution) -> tuple:
        by_id = {n.id: n.text for n in r.notes}
        order: list[str] = []
        for c in r.clauses:
            for note in c.notes:
                if note not in order:
                    order.append(note)
        cited = tuple(by_id.get(n) for n in order)
        uncited = tuple(sorted(t for i, t in by_id.items() if i not in order))
        return cited + uncited

    return [
        (
            r.title.text if r.title else None,
            tuple(c.text for c in r.preamble),
            tuple(c.text for c in r.resolved),
            notes_in_order(r),
            tuple(q.text for q in r.quotations),
        )
        for r in resolutions
    ]


def _layout(source: Source, resolutions: list[Resolution]) -> str:
    """Each clause on one line (its numbered items on lines of their own), clauses a blank line apart.

    Only the clauses (with the connector that ends or opens them) are rewritten; titles, sponsor
    lines, notes and any text around them stay as they are.  A clause holding a block quotation,
    indented text, markup lines or a blank line (it runs over paragraphs: joining them would make one
    of several) is left as written, and so is one with a word a line's end broke ("Legis-" / "lation"): its
    hyphen is read, never rewritten, one whose lines carry a legislature's line numbers, and one a page's furniture
    stands inside (a footer and a header where the page broke).
    """
    text = source.text
    edits: list[Edit] = []
    furniture = find_furniture(text)
    hyphens = find_hyphen_breaks(text, furniture.prefixes)
    broken = [s.start for s in hyphens.spans]
    # a resolution printed in a code fence keeps its lines as printed (a fence is preformatted text)
    fences = [
        (a, b) for a, b in line_blocks(text, source.format) if text[a : a + 12].lstrip(" ").startswith(("```", "~~~"))
    ]
    fence_starts = [a for a, _ in fences]
    # a legislature's line-numbered text ("4    RESOLVED, That …" / "5  Sloop upon …"): a clause whose lines carry
    # their numbers keeps its lines (joined, the numbers would become words of the clause)
    numbered = sorted(furniture.prefixes)
    # a page's furniture inside a clause (a footer where the page broke: "VerDate …", "•HRES 77 IH"): joined, it would
    # become words of the clause, so the clause keeps its lines
    pages = sorted(furniture.hidden)
    for r in resolutions:
        previous_end: int | None = None
        for c in r.clauses:
            start, end = c.span.start, c.span.end
            f = r.formula
            if f is not None and f.placement == "preamble" and c is r.preamble[-1] and f.span.start >= end:
                end = f.span.end
            elif (
                f is not None
                and f.placement == "resolved"
                and r.resolved
                and c is r.resolved[0]
                and f.span.end <= start
            ):
                start = f.span.start
            for m in sorted(c.markers, key=lambda m: m.span.start):  # call-outs right after the clause's last word
                if m.span.start >= end and not text[end : m.span.start].strip():
                    end = m.span.end
            blocks = any(q.block and q.clause == c.ref for q in r.quotations)
            k = bisect.bisect_right(fence_starts, start) - 1
            keeps_lines = (
                (k >= 0 and fences[k][1] >= end)
                or blocks
                or not _plain(text[start:end])
                or bool(_BLANK_LINE.search(text, start, end))
                # a clause that runs over paragraphs is one paragraph only as the structure reads it
                or bisect.bisect_left(broken, start) < bisect.bisect_left(broken, end)
                # a line of the clause after its first starts with a line number
                or bisect.bisect_right(numbered, start) < bisect.bisect_left(numbered, end)
                or bisect.bisect_right(pages, start) < bisect.bisect_left(pages, end)
            )
            gap_is_blank = False
            if previous_end is not None:
                gap = text[previous_end:start]
                gap_is_blank = not gap.strip()
                # clauses one blank line apart, but the items of a tight list stay one under the other (a blank
                # line between them would make it a loose list, each item a paragraph of its own); a clause keeps
                # its first line's indentation (a text set seven spaces in stays so, whether a clause is joined into
                # one line or keeps its lines)
                indent = gap[gap.rfind("\n") + 1 :]
                if (
                    gap_is_blank
                    and gap != "\n\n" + indent
                    and not (gap.count("\n") == 1 and _LIST_ITEM.match(text, start))
                ):
                    edits.append(Edit(previous_end, start, "\n\n" + indent))
            previous_end = end
            if keeps_lines:
                continue
            lead = "\n" if not gap_is_blank and _needs_blank_line(text, start) else ""
            edits.append(Edit(start, end, lead + _reflow(text, start, end, [i.span for i in c.items])))
    laid_out = apply_edits(text, _without_overlaps(edits))
    if hyphens and find_hyphen_breaks(laid_out, find_furniture(laid_out).prefixes).words != hyphens.words:
        # a word a line's end broke reads whole because the text came with hard line breaks ("Assis-" / "tant"):
        # with the other clauses each on one line, too few would be left to say so, and the word would read
        # "Assis-tant".  The text keeps its lines.
        return text
    return laid_out


_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]")
_NOT_PLAIN = re.compile(r"^[ \t]*(?:>|\||<|```|#)|^(?: {4,}|\t)\S", re.M)


def _plain(block: str) -> bool:
    return not _NOT_PLAIN.search(block)


def _reflow(text: str, start: int, end: int, items: list[Span]) -> str:
    cuts = [start] + [max(start, min(end, i.start)) for i in items] + [end]
    lines = [" ".join(text[a:b].split()) for a, b in zip(cuts, cuts[1:], strict=False)]
    return "\n".join(line for line in lines if line)


def _needs_blank_line(text: str, start: int) -> bool:
    """A clause that starts a line right after a line of other text gets a blank line before it."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start:start].strip():
        return False
    before = text.rfind("\n", 0, line_start - 1) + 1
    return bool(text[before : line_start - 1].strip())


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if kept and e.start < kept[-1].end:
            continue
        kept.append(e)
    return kept


#: fix-and-layout rounds before formatting gives up converging (a layout can enable a fix and back)
MAX_ROUNDS = 4


def format_source(source: Source, settings: Settings | None = None, *, unsafe: bool = False) -> FormatResult:
    """Fix and lay out ``source`` to a fixed point, so formatting twice changes nothing more.

    Raises :class:`InputError` when a layout cannot be verified (nothing is then written).
    """
    with collecting_less(paused=True):  # (formatting keeps three builds of the text and their findings alive)
        return _format_source(source, settings, unsafe=unsafe)


def _format_source(source: Source, settings: Settings | None, *, unsafe: bool) -> FormatResult:
    text = source.text
    fixes = 0
    count = 0
    # Each round re-reads the text the last one wrote, and fixing re-reads what it fixed: every text is built
    # once (a 1.7 MB file was built seven times, four of them a text already built).
    built: dict[str, list[Resolution]] = {}

    def parse(s: Source) -> list[Resolution]:
        if s.text not in built:
            built[s.text] = build(s)
        return list(built[s.text])

    settings = _inferred(parse(source), source.format, settings or Settings())
    for _ in range(MAX_ROUNDS):
        current = Source(text, source.format, source.path)
        fixed = fix_source(current, settings, unsafe=unsafe, parse=parse)
        fixes += len(fixed.applied)
        fixed_source = Source(fixed.text, source.format, source.path)
        resolutions = parse(fixed_source)
        count = len(resolutions)
        if not resolutions:
            break
        laid_out = _layout(fixed_source, resolutions)
        laid_out_source = Source(laid_out, source.format, source.path)
        # the laid-out text must read as the fixed one (a layout that moved nothing is the fixed text itself)
        if laid_out != fixed.text and _shape(parse(laid_out_source)) != _shape(resolutions):
            raise InputError(
                source.path,
                "formatting would change what the document says (a clause, note or quotation would read "
                "differently); nothing was written — please report this with the file",
            )
        if laid_out == text:
            break
        text = laid_out
    return FormatResult(source.text, text, fixes, count)


def _inferred(resolutions: list[Resolution], fmt: str, settings: Settings) -> Settings:
    """The settings ``check`` lints the document with: with no profile given or configured, the one inferred
    from the document and adapted to its own consistent choices (format applied the default house style to
    every document, rewriting a city council's "Whereas, The …" and "Resolved, That" to ALA's)."""
    if settings.profile_source != "default" or not resolutions:
        return settings
    from whereas.lint.infer import settings_for

    return settings_for(resolutions, fmt, settings)[0]


def docx_bytes(result: FormatResult, source: Source) -> bytes:
    """The formatted resolution(s) as a new Word file (real endnotes)."""
    from whereas.render import RenderOptions, render

    resolutions = build(Source(result.text, "markdown", source.path))
    data = render(resolutions, to="docx", options=RenderOptions())
    assert isinstance(data, bytes)
    return data


@dataclass
class FileFormat:
    path: str
    written: str | None = None  # where the formatted document was written (None: nothing written)
    result: FormatResult | None = None
    error: InputError | None = None


@dataclass(frozen=True)
class FormatOptions:
    profile: str | None = None
    config: str | None = None
    unsafe_fixes: bool = False
    write: bool = True  # False for --check and --diff
    output: str | None = None  # for a single .docx: where the new file goes


def format_paths(paths: list[str], options: FormatOptions) -> list[FileFormat]:
    """Format every file in ``paths`` (directories walked): text and Markdown in place, Word to a new file."""
    from whereas.errors import UsageError
    from whereas.files import collect
    from whereas.lint.settings import Configs, Overrides
    from whereas.readers import read_path

    configs = Configs(Overrides(profile=options.profile), options.config)
    collected = collect(paths)
    out = [FileFormat(str(e.path), error=e) for e in collected.errors]
    if options.output is not None and len(collected.files) != 1:
        raise UsageError("-o/--output needs exactly one input file")
    for path in collected.files:
        if path in collected.walked and path.name.endswith(FORMATTED_SUFFIX):
            continue  # format's own output from an earlier run
        item = FileFormat(str(path))
        out.append(item)
        try:
            with about_file(str(path)):
                view = read_path(path)
                if view.format == "quoted-printable":
                    raise InputError(str(path), QUOTED_PRINTABLE_REFUSAL)
                if view.format not in IN_PLACE + NEW_FILE:
                    raise InputError(
                        str(path),
                        f"format rewrites {_REWRITTEN} files, not {view.format}; "
                        "use `whereas render --to md` (or --to docx) to get an editable copy",
                    )
                _, settings, _ = configs.for_file(path)
                source = view.source()
                item.result = format_source(source, settings, unsafe=options.unsafe_fixes)
                docx = docx_bytes(item.result, source) if options.write and view.format in NEW_FILE else b""
        except InputError as exc:
            item.error = exc
            continue
        if not options.write:
            continue
        try:
            _write(path, item, item.result, view.format, options, docx, named=path not in collected.walked)
        except InputError as exc:  # a link whereas was not given (the file is left as it was)
            item.error = exc
    return out


def _write(
    path: Path, item: FileFormat, result: FormatResult, fmt: str, options: FormatOptions, docx: bytes, *, named: bool
) -> None:
    """Write ``item``'s formatted text: in place (or to -o), or, for a Word file, to a new file; a symbolic
    link only if the user ``named`` it."""
    from whereas.errors import UsageError
    from whereas.files import write_atomically, write_back

    if fmt in NEW_FILE:
        again = path.name.endswith(FORMATTED_SUFFIX)  # format's own output: formatted again, in place
        default = path if again else path.with_name(path.stem + FORMATTED_SUFFIX)
        target = Path(options.output) if options.output else default
        if target.resolve() == path.resolve() and not again:
            raise UsageError(f"{path}: format never overwrites a Word file; choose another -o")
        if again and target.resolve() == path.resolve() and not result.changed:
            return  # already formatted: left as it is, and reported unchanged
        write_atomically(target, docx, named=options.output is not None or (again and named))
        item.written = str(target)
    elif result.changed:
        target = Path(options.output) if options.output else path
        if target.resolve() == path.resolve():
            write_back(path, result.text, named=named)
        else:
            write_atomically(target, result.text.encode("utf-8"))
        item.written = str(target)
