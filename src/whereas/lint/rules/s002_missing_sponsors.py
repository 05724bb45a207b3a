from whereas.lint.rule import Context, Rule
from whereas.model import Span


class MissingSponsors(Rule):
    code = "S002"
    name = "missing-sponsors"
    summary = "No mover and seconder (ALA), or no sponsor block where the profile requires one."
    why = (
        "ALA Council will not take up a resolution without a mover and a seconder (MD-01); unions want the "
        "submitting local, cities the sponsoring member. The profile decides which block is required."
    )
    bad = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n"
    good = (
        "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n\n"
        "Mover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    fix_note = (
        "No automatic fix: whereas does not invent sponsors. Reported only under a profile that was chosen (given "
        "or configured): an inferred profile does not know whether the body names sponsors in its text (a board "
        "adopts its own resolutions). Not reported for a resolution another text reproduces."
    )

    def check(self, ctx: Context):
        r, s = ctx.resolution, ctx.resolution.sponsors
        need = ctx.profile.sponsor_block
        if ctx.profile.adapted or r.reproduced:
            # an inferred profile does not know whether this body names sponsors in the text (a board adopts its
            # own resolutions); an article that reproduces a resolution may leave its sponsors out
            return
        end = r.clauses[-1].span.end if r.clauses else r.span.end
        where = Span(end, end)
        if need == "mover-seconder":
            missing = [label for label, value in (("Mover", s.mover), ("Seconder", s.seconder)) if not value]
            if missing and not s.submitted_by:
                yield self.diagnostic(
                    ctx,
                    where,
                    f'No {" or ".join(missing)} line: add "Mover: …" and "Seconder: …" after the resolving clauses',
                )
        elif need == "submitted-by" and not (s.submitted_by or s.mover or s.others):
            yield self.diagnostic(ctx, where, 'No "Submitted by:" line naming the local or delegates')
        elif need == "sponsor" and not s:
            yield self.diagnostic(ctx, where, 'No sponsor named ("Sponsor: …" or "Introduced by …")')


RULE = MissingSponsors()
