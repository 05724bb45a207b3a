"""T006: Word comment anchors ("[RA1]", "[DA2]") left in the text."""

from __future__ import annotations

from whereas.lint.diagnostic import Edit, Fix, Severity
from whereas.lint.rule import Context, FixAvailability, Rule
from whereas.model import Span
from whereas.patterns import lazy_compile

ANCHOR = lazy_compile(r"\[[A-Z]{1,3}\d{1,2}\]")


class CommentAnchorResidue(Rule):
    code = "T006"
    name = "comment-anchor-residue"
    fix_scope = "element"  # an anchor can sit in a title or a sponsor line too
    severity = Severity.warning
    summary = 'A Word comment anchor ("[RA1]", "[DA2]") is left in the text.'
    why = (
        "Remove Word comment anchors and tracked-change residue before posting (TY-03): ALA once posted a draft "
        'with "…the publication[RA1] (Policy B.2.1 …)" in it.'
    )
    bad = (
        "Resolution on Free Expression\n\n"
        "Whereas the American Library Association (ALA) opposes the censorship of publications[RA1]; "
        "now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    good = (
        "Resolution on Free Expression\n\n"
        "Whereas the American Library Association (ALA) opposes the censorship of publications; "
        "now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    fix = FixAvailability.sometimes("safe")
    fix_note = "Safe fix: delete the anchor. Reported without a fix when it sits inside quotation marks."

    def check(self, ctx: Context):
        r = ctx.resolution
        for m in ANCHOR.finditer(ctx.text, r.span.start, r.span.end):
            if ctx.text[m.end() : m.end() + 1] in ("(", "[", ":"):
                continue  # a Markdown link or link definition, not an anchor
            span = Span(m.start(), m.end())
            quoted = ctx.in_quotation(span.start, span.end)
            clause = next((c for c in r.clauses if c.span.start <= span.start < c.span.end), None)
            yield self.diagnostic(
                ctx,
                span,
                f"Word comment anchor {m.group(0)} left in the text",
                fix=None if quoted else Fix("Delete the comment anchor", (Edit(span.start, span.end, ""),), "safe"),
                clause=clause,
            )


RULE = CommentAnchorResidue()
