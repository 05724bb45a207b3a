"""T003: straight and curly double quotation marks both used by the drafter."""

from __future__ import annotations

from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, Rule
from whereas.model import Clause, Span
from whereas.patterns import lazy_compile

STRAIGHT = '"'
CURLY = "“”„"
_MARKS = lazy_compile(f"[{STRAIGHT}{CURLY}]")
_CURLY = lazy_compile(f"[{CURLY}]")


class MixedQuoteGlyphs(Rule):
    code = "T003"
    name = "mixed-quote-glyphs"
    severity = Severity.info
    summary = "Straight (\") and curly (“ ”) double quotation marks are both used in the drafter's text."
    why = (
        "Use quotation marks consistently, curly or straight, within a document (TY-04). The marks are the "
        "drafter's; the words inside them are not, so marks nested inside a quotation are not counted."
    )
    bad = (
        "Resolution on Free Expression\n\n"
        'Whereas the Library Bill of Rights affirms that "libraries should challenge censorship"; and\n\n'
        "Whereas the Freedom to Read Statement declares that “the freedom to read is essential to our "
        "democracy”; now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    good = (
        "Resolution on Free Expression\n\n"
        "Whereas the Library Bill of Rights affirms that “libraries should challenge censorship”; and\n\n"
        "Whereas the Freedom to Read Statement declares that “the freedom to read is essential to our "
        "democracy”; now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    fix_note = "No automatic fix: retype the marks in the style the rest of the document uses."

    def check(self, ctx: Context):
        r = ctx.resolution
        text = ctx.text
        # both styles must be somewhere in the clauses' text, or there is nothing to report
        if not any(STRAIGHT in c.text for c in r.clauses) or not any(_CURLY.search(c.text) for c in r.clauses):
            return
        inner = [q.span for q in r.quotations]
        marks: list[tuple[int, str, Clause]] = []  # (source offset, style, clause)
        for clause in r.clauses:
            for m in _MARKS.finditer(clause.text):
                i, ch = m.start(), m.group()
                at = clause.mapped.source_offset(i)
                if any(s.start <= at < s.end for s in inner):
                    continue  # a mark inside quoted words belongs to the source
                marks.append((at, "straight" if ch == STRAIGHT else "curly", clause))
        styles = {style for _, style, _ in marks}
        if len(styles) < 2:
            return
        counts = {s: sum(1 for _, style, _ in marks if style == s) for s in styles}
        first_style = marks[0][1]
        # The minority style is the odd one out; on a tie, the style that appears second.
        minority = min(styles, key=lambda s: (counts[s], s == first_style))
        majority = "curly" if minority == "straight" else "straight"
        # (as many of each: the style the document starts with is the one it keeps to, and the message says so)
        uses = "mostly uses" if counts[majority] > counts[minority] else "starts with, and as often uses,"
        for at, style, clause in marks:
            if style == minority:
                yield self.diagnostic(
                    ctx,
                    Span(at, at + 1),
                    f"{style.capitalize()} quotation mark {text[at]!r}; the document {uses} {majority} "
                    f"marks ({counts[majority]} {majority}, {counts[minority]} {minority})",
                    clause=clause,
                )


RULE = MixedQuoteGlyphs()
