from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import paired_keyword, recital_head, set_in_capitals, source_span


class WhereasCapitals(Rule):
    code = "W001"
    name = "whereas-capitals"
    fix_forms = ("whereas",)
    summary = 'The Whereas keyword is not written the way the profile wants ("WHEREAS" where "Whereas" is wanted, or the reverse).'
    why = 'ALA\'s sample rule 1: "Whereas", not in capitals (WH-01). Labor and many cities write "WHEREAS"; the profile says which.'
    bad = "Resolution on X\n\nWHEREAS libraries serve everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    good = "Resolution on X\n\nWhereas libraries serve everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    fix = FixAvailability.always("safe")
    fix_note = (
        'Safe fix: rewrite the keyword. A recital or resolution set in capitals ("WHEREAS, THE CITY HAS …") and a '
        "keyword paired with another language's (\"WHEREAS / GAN FOD\") are left alone: the casing is the document's."
    )

    def check(self, ctx: Context):
        want = ctx.profile.whereas_keyword
        for c in ctx.resolution.preamble:
            m = recital_head(c)
            if m and m.group("kw") != want:
                span = source_span(c, m, "kw")
                if set_in_capitals(ctx.resolution, c) or paired_keyword(ctx.text, c, span):
                    continue  # "WHEREAS, THE CITY HAS …": set in capitals, the keyword with the rest
                yield self.diagnostic(
                    ctx,
                    span,
                    f'"{m.group("kw")}": {ctx.profile.voice} writes "{want}"',
                    replace_fix(f'Write "{want}"', span.start, span.end, want),
                    c,
                )


RULE = WhereasCapitals()
