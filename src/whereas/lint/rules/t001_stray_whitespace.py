"""T001: leading or trailing white space on a line of the body, doubled spaces, a tab after Whereas."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property, lru_cache

from whereas.lint.diagnostic import Edit, Fix, Severity
from whereas.lint.markup import in_blocks, line_blocks
from whereas.lint.rule import Context, FixAvailability, Rule
from whereas.lint.safety import Guard
from whereas.model import Note, Source, Span
from whereas.patterns import lazy_compile
from whereas.readers.formats import GENERATED, PRINT_LAYOUT, SOURCE_TEXT
from whereas.structure.captionbox import CAPTION_ROW
from whereas.structure.lines import ITEM

_KEYWORD_TAB = lazy_compile(r"(?:Whereas|WHEREAS|Resolved|RESOLVED)[,:]?(?P<ws>[ \t]*\t[ \t]*)(?=\S)")
_RUN = lazy_compile(r"(?<=\S)[ \t]{2,}(?=\S)")
#: a line's label before the spaces that align its text: a bullet, "(A)", "1.", "Section 2."
_LABEL = lazy_compile(r"(?:[*•◦▪\uf0b7-]|\(?[0-9A-Za-z]{1,4}[.)]|(?:SECTION|Section|SEC\.|Sec\.)\s+\d+[A-Za-z]?[.:]?)")
#: a field's label before the spaces that align its value: "Introduced by:", "Referred to:", "Subject:"
_FIELD_LABEL = lazy_compile(r"[A-Z][\w .,'’()/&-]{0,40}:")
#: a motion's or a minute's number or code before the spaces that set off its heading: "C31", "25/043", "M-12."
_CODE_LABEL = lazy_compile(r"[A-Za-z]{0,4}[-.]?\d{1,5}(?:[./-]\d{1,5}){0,3}[A-Za-z]?[.:]?")
_HOLE = "\x00"  # stands for note text while a line is examined: never white space, never touched


class StrayWhitespace(Rule):
    code = "T001"
    name = "stray-whitespace"
    fix_scope = "element"
    severity = Severity.warning
    summary = "Doubled spaces or a tab after the keyword; in the ala profile also white space at a line's start or end."
    why = (
        "No leading or trailing white space and no double spaces: indentation comes from paragraph formatting, "
        "not from spaces (TY-01, from the ALA sample's rule 3; compare WH-03 and WH-05)."
    )
    bad = (
        "Resolution on Library Funding\n\n"
        " Whereas public libraries  lost a fifth of their state funding in 2024; now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    good = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024; now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    fix = FixAvailability.always("safe")
    fix_note = (
        "Leading and trailing white space (and white space on an empty line) is reported only in profiles whose "
        "house style forbids it (ala: its sample's rule 3); elsewhere it is the editor's or the export's and "
        "invisible on the page. Two spaces after a sentence's end are a typist's convention and reported only "
        "there too. "
        "Safe fix: delete the leading or trailing white space, fold the run to one space. Never inside "
        "quotation marks or note text. Markdown hard breaks (two or more trailing spaces before another line of "
        "the same paragraph) are deliberate and not reported in Markdown sources. In formats whose text view is "
        "generated (docx, odt, USLM, Chicago XML, HTML, PDF) only interior runs are checked, and in a printed "
        "page's layout (PDF, or a text export of one with form feeds between pages) not even those; the spaces "
        'that align a line\'s text after its label ("•    January", "(A)   meeting", "Section 2.   That"), '
        'those around a caption box\'s column of ")" ("IN THE MATTER OF …      )    RESOLUTION NO. 12"), and, '
        'outside the clauses, a field\'s aligned value ("Introduced by:      Oregon Delegation") and the columns '
        'of a heading or sponsor line (three or more spaces: "Resolution No. 12          Date: April 14") are '
        "layout everywhere; so are the spaces after a motion's or a minute's number before its heading (\"C31  "
        'Fair pay …", "25/043  MINUTES"), spaces that line up a column over consecutive lines (a roster\'s names '
        "and addresses), and the indentation of a list's items and of the lines they wrap onto (no part of a "
        "list's indentation is removed). Only white space that is the resolution's is reported: on the lines of its "
        "clauses, connector, title, sponsor lines and notes, and on blank lines between them; never in tables, "
        "code fences, block quotations or other text around them (the fix verifier also refuses any edit in code)."
    )

    def check(self, ctx: Context):
        r = ctx.resolution
        text = ctx.text
        fmt = r.source.format
        line_start = text.rfind("\n", 0, r.span.start) + 1
        stop = r.span.end
        # A line is looked at only if it has a tab, a run of spaces, or white space at either end (below);
        # blanking notes only turns characters into _HOLE.  So without any of these in the lines'
        # text there is nothing to find.
        last_end = text.find("\n", max(stop - 1, line_start))
        if last_end == -1:
            last_end = len(text)
        region = text[line_start:last_end]
        if not (
            "\t" in region
            or "  " in region
            or " \n" in region
            or " \r" in region
            or "\n " in region
            or region[:1] == " "
            or region[-1:] == " "
        ):
            return
        # the lines from the one the resolution starts on to the one it ends on (each without its break)
        raw_lines = (_blank_notes(text, r.notes, line_start, last_end) if r.notes else region).split("\n")
        if "\r" in region:
            raw_lines = [line[:-1] if line.endswith("\r") else line for line in raw_lines]
        if _laid_out(raw_lines):
            return  # justified or column-aligned text (a typeset export): the spacing is layout, not typing
        starts = None  # where the clauses' first lines start
        ok = _Where(ctx)
        pos = line_start
        for index, (raw, line) in enumerate(zip(region.split("\n"), raw_lines, strict=False)):
            end = pos + len(raw)
            # empty, or no white space at either end, no tab, no run: nothing to find
            if line and (line[0] in " \t" or line[-1] in " \t" or "\t" in line or "  " in line):
                if starts is None:
                    starts = {text.rfind("\n", 0, c.span.start) + 1 for c in r.clauses}
                if ok.line(pos, end):
                    yield from self._line(ctx, pos, (raw_lines, index), fmt, text, end, pos in starts, ok)
            pos = end + 1

    def _line(
        self,
        ctx: Context,
        pos: int,
        where: tuple[list[str], int],
        fmt: str,
        text: str,
        line_end: int,
        opens_clause: bool,
        ok: _Where,
    ):
        lines, index = where
        line = lines[index]
        if not line.strip(" \t"):
            if line and fmt not in GENERATED and ctx.profile.line_edge_whitespace:
                span = Span(pos, pos + len(line))
                if ok(span) and not ctx.in_quotation(span.start, span.end):
                    yield self._found(ctx, span, "White space on an empty line", "")
            return
        body_start = len(line) - len(line.lstrip(" \t"))
        body_end = len(line.rstrip(" \t"))
        if fmt not in GENERATED and ctx.profile.line_edge_whitespace:
            # In Markdown, indentation is structure (nested lists, continuations): only a clause's first
            # line is held to the rule.
            # A list item's indentation is the list's layout (a nested list indented with tabs): never part of it.
            # (its first line and the lines it wraps onto)
            in_item = ITEM.match(line) or ok.in_item(pos + body_start)
            if body_start and (fmt != "markdown" or opens_clause) and not in_item:
                span = Span(pos, pos + body_start)
                if ok(span) and not ctx.in_quotation(span.start, span.end):
                    yield self._found(ctx, span, "Leading white space", "")
            if body_end < len(line):
                span = Span(pos + body_end, pos + len(line))
                hard_break = fmt == "markdown" and len(line) - body_end >= 2 and _next_line_has_text(text, line_end)
                if not hard_break and ok(span) and not ctx.in_quotation(span.start, span.end):
                    yield self._found(ctx, span, "Trailing white space", "")
        if print_layout(ctx.resolution.source):
            return
        keyword_tabs = set()
        for m in _KEYWORD_TAB.finditer(line, body_start, body_end):
            span = Span(pos + m.start("ws"), pos + m.end("ws"))
            keyword_tabs.add(m.start("ws"))
            if ok(span) and not ctx.in_quotation(span.start, span.end):
                yield self._found(ctx, span, f"A tab after {m.group(0).split()[0].rstrip(',:')!r}", " ")
        runs = []
        for m in _RUN.finditer(line, body_start, body_end):
            if m.start() in keyword_tabs or "\t" in m.group(0):
                continue  # tabs inside a line align columns (a list of names and addresses)
            if _LABEL.fullmatch(line, body_start, m.start()):
                continue  # "•    January 20", "(A)     meeting", "Section 2.   That": a label's alignment
            if line[m.end()].isupper() and _CODE_LABEL.fullmatch(line, body_start, m.start()):
                continue  # "C31  Fair pay …", "25/043  MINUTES": a motion's or a minute's number before its heading
            if _in_column(lines, index, m.start(), m.end()):
                continue  # "Ana Ribeiro      <ana@…>" over "Chidi Okonkwo    <chidi@…>": an aligned column
            if ")" in line and CAPTION_ROW.match(line) and ")" in (line[m.start() - 1], line[m.end()]):
                continue  # the spaces around a caption box's column of ")": layout
            if not ok.in_clause(pos + m.start()) and (
                len(m.group(0)) >= 3 or _FIELD_LABEL.fullmatch(line, body_start, m.start())
            ):
                # a heading's or a sponsor line's columns ("Resolution No. CR-2026-112          Date: April 14,
                # 2026"), a label's aligned value ("Introduced by:      Oregon Delegation"): layout, not typing
                continue
            if not ctx.profile.line_edge_whitespace and not (
                (line[m.start() - 1].isalpha() or line[m.start() - 1] in ",;") and line[m.end()].islower()
            ):
                # outside ala: a slip between two words of a sentence ("held  hearings", "WHEREAS,  the",
                # "Council,  and"); two spaces after a sentence are a typist's convention, and between a date
                # and the next word a lost dash
                continue
            span = Span(pos + m.start(), pos + m.end())
            if ok(span) and not ctx.in_quotation(span.start, span.end):
                runs.append(span)
        if len(runs) >= 3:  # one finding for a line full of them
            yield self._found(
                ctx,
                Span(runs[0].start, runs[-1].end),
                f"{len(runs)} runs of spaces where one space belongs",
                " ",
                runs,
            )
        else:
            for span in runs:
                yield self._found(ctx, span, f"{len(span)} spaces where one space belongs", " ")

    def _found(self, ctx: Context, span: Span, message: str, replacement: str, parts: list[Span] | None = None):
        clause = next((c for c in ctx.resolution.clauses if c.span.start <= span.start <= c.span.end), None)
        fix = Fix(
            "Delete the white space" if not replacement else "Use one space",
            tuple(Edit(p.start, p.end, replacement) for p in (parts or [span])),
            "safe",
        )
        return self.diagnostic(ctx, span, message, fix=fix, clause=clause)


class _Where:
    """Where white space is the resolution's: in one of its elements (a clause with its call-outs,
    inline notes and connector, the connector, the title, the sponsor lines, a note) or between two of
    them, and not in a Markdown code fence, table or block quotation."""

    def __init__(self, ctx: Context) -> None:
        self.resolution = ctx.resolution

    @cached_property
    def elements(self) -> list[tuple[int, int]]:
        r = self.resolution
        return sorted(Guard(r.source, [r]).elements)

    @cached_property
    def blocks(self) -> list[tuple[int, int]]:
        source = self.resolution.source
        return line_blocks(source.text, source.format) if source.format in SOURCE_TEXT else []

    def in_clause(self, at: int) -> bool:
        """Whether ``at`` is in one of the resolution's clauses (not its title, sponsor lines or notes)."""
        return any(c.span.start <= at < c.span.end for c in self.resolution.clauses)

    def in_item(self, at: int) -> bool:
        """Whether ``at`` is in one of the items of the resolution's lists."""
        return any(i.span.start <= at < i.span.end for c in self.resolution.clauses for i in c.items)

    def line(self, start: int, end: int) -> bool:
        """Whether the line ``[start, end)`` touches an element at all."""
        return any(a <= end and start <= b for a, b in self.elements)

    def __call__(self, span: Span) -> bool:
        inside = any(a <= span.start and span.end <= b for a, b in self.elements)
        return (
            inside
            and not in_blocks(self.blocks, span.start)
            and not in_blocks(self.blocks, max(span.end - 1, span.start))
        )


def _blank_notes(text: str, notes: Iterable[Note], lo: int = 0, hi: int | None = None) -> str:
    """``text[lo:hi]`` with every character of note text but line breaks replaced by ``_HOLE`` (only the
    lines looked at: blanking the whole text for each resolution made a long file quadratic)."""
    hi = len(text) if hi is None else min(hi, len(text))
    if not notes:
        return text[lo:hi]
    pieces = []
    pos = lo
    for start, end in sorted((max(n.span.start, lo), min(n.span.end, hi)) for n in notes):
        start = max(start, pos)
        if end <= start:
            continue
        pieces.append(text[pos:start])
        pieces.append(_NOT_NEWLINE.sub(_HOLE, text[start:end]))
        pos = end
    pieces.append(text[pos:hi])
    return "".join(pieces)


_NOT_NEWLINE = lazy_compile(r"[^\n]")


def print_layout(source: Source) -> bool:
    """Whether the text is a printed page's layout: a PDF's, or a text export of one (pages end at form feeds),
    where spacing inside a line aligns, justifies or stands for lost characters, and nobody typed it."""
    return source.format in PRINT_LAYOUT or _has_form_feed(source.text)


@lru_cache(maxsize=4)  # asked for every resolution: reading the whole text each time was quadratic
def _has_form_feed(text: str) -> bool:
    return "\f" in text


def _laid_out(lines: list[str]) -> bool:
    """Most lines carry runs of spaces between words: text justified or aligned with spaces."""
    # counted cheaply first: a run needs two spaces or a tab, and most documents have few such lines
    spaced = sum(1 for ln in lines if ("  " in ln or "\t" in ln) and len(ln.split()) >= 4 and _RUN.search(ln.strip()))
    if spaced < 5:
        return False
    full = sum(1 for ln in lines if len(ln.split()) >= 4)
    return spaced >= 0.3 * full


def _in_column(lines: list[str], index: int, start: int, end: int) -> bool:
    """Whether the run of spaces ``[start, end)`` of ``lines[index]`` lines up a column: the text after it starts
    where, on a line above or below it (through lines whose text starts there too, after a space), another
    run of two or more spaces inside a line ends."""
    line = lines[index]
    col = len(line[:end].expandtabs())
    if not line[:start].strip():
        return False
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(lines):
            other = lines[j].expandtabs()
            if len(other) <= col or other[col] == " " or other[col - 1] != " ":
                break  # a blank or short line, or no word starting at the column after a space: no column
            if other[col - 2] == " " and other[: col - 2].strip():
                return True
            j += step
    return False


def _next_line_has_text(text: str, line_end: int) -> bool:
    if line_end >= len(text):
        return False
    nxt = text.find("\n", line_end + 1)
    nxt = len(text) if nxt == -1 else nxt
    return bool(text[line_end + 1 : nxt].strip())


RULE = StrayWhitespace()
