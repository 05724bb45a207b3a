from whereas.lint.rule import Context, Rule, replace_fix
from whereas.lint.rules._keywords import RESOLVED_WORD


class ResolvedCapitals(Rule):
    code = "R001"
    name = "resolved-capitals"
    summary = "\"RESOLVED\" where the profile wants \"Resolved\" (or the reverse)."
    why = "ALA's Resolutions Committee changes \"RESOLVED\" to \"Resolved\" (RS-01); labor and student bodies write \"RESOLVED\"."
    bad = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nRESOLVED, that ALA acts.\n"
    good = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n"
    fix_note = "Safe fix: rewrite the keyword."

    def check(self, ctx: Context):
        want = ctx.profile.resolved_keyword
        for c in ctx.resolution.resolved:
            m = RESOLVED_WORD.search(c.text, 0, len(c.keyword.text) + 1 if c.keyword.text else 60)
            if not m or m.group(0) == want:
                continue
            if want == "Resolved" and m.group(0) == "resolved" and m.start() > 0:
                continue  # "Be it resolved" / "be it further resolved": lowercase inside the phrase is right
            span = c.mapped.source_span(m.start(), m.end())
            yield self.diagnostic(ctx, span, f"\"{m.group(0)}\": {ctx.profile.voice} writes \"{want}\"",
                                  replace_fix(f"Write \"{want}\"", span.start, span.end, want), c)


RULE = ResolvedCapitals()
