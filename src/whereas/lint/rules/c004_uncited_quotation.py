"""C004: a quotation with neither a note nor a named speaker."""

from __future__ import annotations

from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, Rule


class UncitedQuotation(Rule):
    code = "C004"
    name = "uncited-quotation"
    severity = Severity.warning
    summary = "A quotation with no note and no named speaker."
    why = (
        "Attribute every quotation to its real author and version (CT-02) and supply the supporting source "
        "(CT-01): an unattributed quotation cannot be checked. Short quoted titles and slogans are left alone."
    )
    bad = (
        "Resolution on Free Expression\n\n"
        "Whereas \"the freedom to read is essential to our democracy and is continuously under attack\"; "
        "now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    good = (
        "Resolution on Free Expression\n\n"
        "Whereas the Freedom to Read Statement declares that \"the freedom to read is essential to our democracy "
        "and is continuously under attack\"; now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    fix_note = "No automatic fix: name the speaker or add a note citing the source."
    options = {"short": "quotations of at most this many words are not checked (default 3: titles, slogans)"}

    def check(self, ctx: Context):
        r = ctx.resolution
        short = int(ctx.options.get("short", 3))
        for q in r.quotations:
            if q.note is not None or q.speaker is not None:
                continue
            if len(q.text.split()) <= short:
                continue
            preview = " ".join(q.text.split()[:6])
            yield self.diagnostic(
                ctx, q.span,
                f"Quotation \"{preview}…\" has no note and no named speaker; cite its source",
                clause=r.clause(q.clause),
            )


RULE = UncitedQuotation()
