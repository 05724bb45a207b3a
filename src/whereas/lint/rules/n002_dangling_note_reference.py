"""N002: a note call-out whose note does not exist."""

from __future__ import annotations

from whereas.lint.rule import Context, Rule
from whereas.structure.places import as_seen, has_places


class DanglingNoteReference(Rule):
    code = "N002"
    name = "dangling-note-reference"
    summary = 'A note reference ("[endnoteRef:3]", "[^3]", "[3]") points to a note that does not exist.'
    why = (
        "Every note reference has exactly one note (CT-03, after AMA and Chicago note style): a call-out with "
        "no note leaves the reader without the source the clause relies on."
    )
    bad = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024;[^1] and\n\n"
        "Whereas library use rose in the same year;[^2] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "[^1]: State Library Funding Survey, 2024. https://example.org/state-library-funding-survey-2024\n"
    )
    good = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024;[^1] and\n\n"
        "Whereas library use rose in the same year;[^2] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "[^1]: State Library Funding Survey, 2024. https://example.org/state-library-funding-survey-2024\n"
        "[^2]: Public Library Use Report, 2024. https://example.org/public-library-use-report-2024\n"
    )
    fix_note = "No automatic fix: whereas cannot write the missing note."

    def check(self, ctx: Context):
        r = ctx.resolution
        ids = {n.id for n in r.notes}
        for clause in r.clauses:
            for m in clause.markers:
                if m.note not in ids:
                    yield self.diagnostic(
                        ctx,
                        m.span,
                        f"Note reference {m.raw if not has_places(ctx.resolution.source) else as_seen(m.raw)} has no note {m.note}",
                        clause=clause,
                    )


RULE = DanglingNoteReference()
