from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import recital_head, source_span


class WhereasCapitals(Rule):
    code = "W001"
    name = "whereas-capitals"
    fix_forms = ("whereas",)
    summary = 'The Whereas keyword is not written the way the profile wants ("WHEREAS" where "Whereas" is wanted, or the reverse).'
    why = 'ALA\'s sample rule 1: "Whereas", not in capitals (WH-01). Labor and many cities write "WHEREAS"; the profile says which.'
    bad = "Resolution on X\n\nWHEREAS libraries serve everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    good = "Resolution on X\n\nWhereas libraries serve everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    fix = FixAvailability.always("safe")
    fix_note = "Safe fix: rewrite the keyword."

    def check(self, ctx: Context):
        want = ctx.profile.whereas_keyword
        for c in ctx.resolution.preamble:
            m = recital_head(c)
            if m and m.group("kw") != want:
                span = source_span(c, m, "kw")
                yield self.diagnostic(
                    ctx,
                    span,
                    f'"{m.group("kw")}": {ctx.profile.voice} writes "{want}"',
                    replace_fix(f'Write "{want}"', span.start, span.end, want),
                    c,
                )


RULE = WhereasCapitals()
