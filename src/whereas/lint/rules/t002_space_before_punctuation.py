"""T002: a space before closing punctuation in the drafter's text."""

from __future__ import annotations

from whereas.lint.diagnostic import Edit, Fix, Severity
from whereas.lint.markup import in_blocks, line_blocks
from whereas.lint.rule import Context, FixAvailability, Rule
from whereas.lint.rules.t001_stray_whitespace import print_layout
from whereas.model import MappedText, Span
from whereas.patterns import lazy_compile
from whereas.readers.formats import SOURCE_TEXT

_SPACE_PUNCT = lazy_compile(r" (?P<p>[)\],;:.!?])")


class SpaceBeforePunctuation(Rule):
    code = "T002"
    name = "space-before-punctuation"
    severity = Severity.warning
    summary = "A space before a closing parenthesis or bracket, or before , ; : . ! ?"
    why = 'No space before a closing parenthesis or before punctuation (TY-02; general typography): "Library Bill of Rights )".'
    bad = (
        "Resolution on Free Expression\n\n"
        "Whereas the American Library Association (ALA) upholds the freedom to read (Library Bill of Rights ); "
        "now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    good = (
        "Resolution on Free Expression\n\n"
        "Whereas the American Library Association (ALA) upholds the freedom to read (Library Bill of Rights); "
        "now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    fix = FixAvailability.always("safe")
    fix_note = (
        'Safe fix: delete the space. Not reported inside quotation marks, before an ellipsis (" ..."), before '
        'a decimal or file name (" .5", " .pdf"), for a free-standing colon or semicolon ("Title : Subtitle"), '
        'for an empty pair ("( )", "[ ]"), in a Markdown table, code fence or block quotation, or in a printed '
        "page's layout (PDF text, or a text export of one with form feeds: extraction spacing)."
    )

    def check(self, ctx: Context):
        r = ctx.resolution
        text = ctx.text
        if print_layout(r.source):
            return  # a printed page's spacing: a superscript moved out of "30th" leaves "30 ,"
        blocks = None
        for clause in r.clauses:
            for span, mark in _found(clause.mapped, text):
                if ctx.in_quotation(span.start, span.end + 1):
                    continue
                if span.start and text[span.start - 1].isdigit() and r.source.format not in SOURCE_TEXT:
                    continue  # "April 30 ,": the superscript "th" of "30th" moved away in a conversion
                if blocks is None:
                    blocks = line_blocks(text, r.source.format) if r.source.format in SOURCE_TEXT else []
                if in_blocks(blocks, span.start):
                    continue  # a table, a code fence or a block quotation in the clause's text
                yield self.diagnostic(
                    ctx,
                    span,
                    f"Space before {mark!r}",
                    fix=Fix("Delete the space", (Edit(span.start, span.end, ""),), "safe"),
                    clause=clause,
                )


def _found(mapped: MappedText, text: str):
    clean = mapped.text
    for m in _SPACE_PUNCT.finditer(clean):
        i, p = m.start(), m.group("p")
        before = clean[i - 1] if i else ""
        after = clean[m.end()] if m.end() < len(clean) else ""
        if not before or before in "([":
            continue  # "( )", "[ ]" (a Markdown task box), or nothing before
        if p == "." and (
            clean.startswith("..", m.end()) or after.isalnum() or ". . ." in clean[max(i - 4, 0) : m.end() + 4]
        ):
            continue  # an ellipsis; ".5", ".pdf"
        if p in ",;:" and after.isalnum():
            continue  # ",000"? a list "a ,b" is rare; "12 :30" not ours to judge
        if p == ":" and after == " ":
            continue  # a free-standing colon in a title ("Rights : An Interpretation"), French spacing
        start = mapped.source_offset(i)
        stop = mapped.source_offset(i + 1)
        # Only white space between: a note marker or inline note in the gap means the space is not simply stray.
        gap = text[start:stop]
        if gap.strip():
            ws_end = start
            while ws_end < stop and text[ws_end].isspace():
                ws_end += 1
            if text[ws_end:stop].lstrip().startswith("[") and p in ".,;:":
                continue  # "word [1]." — note placement, N005's business
            yield Span(start, ws_end), p
            continue
        if "\n" in gap:
            continue  # a line break before the punctuation: a layout choice, not a typed space
        yield Span(start, stop), p


RULE = SpaceBeforePunctuation()
