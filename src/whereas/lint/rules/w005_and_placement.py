from whereas.lint.rule import Context, Rule, replace_fix
from whereas.lint.rules._keywords import ends_with_and
from whereas.model import Span


class AndPlacement(Rule):
    code = "W005"
    name = "and-placement"
    summary = "\"; and\" on a recital other than the next-to-last, or missing there (or, for every-clause profiles, missing anywhere)."
    why = (
        "ALA sample rule 7 and GPO: only the next-to-last whereas clause has \"; and\" (WH-07). Labor and many "
        "cities put \"; and\" on every clause but the last; Robert's Rules accepts either."
    )
    bad = "Resolution on X\n\nWhereas a; and\n\nWhereas b; and\n\nWhereas c; now, therefore, be it\n\nResolved, that ALA acts.\n"
    good = "Resolution on X\n\nWhereas a;\n\nWhereas b; and\n\nWhereas c; now, therefore, be it\n\nResolved, that ALA acts.\n"
    fix_note = "Safe fix: add or remove \" and\" after the semicolon."

    def check(self, ctx: Context):
        recitals = ctx.resolution.preamble
        if len(recitals) < 2:
            return
        policy = ctx.profile.and_policy
        flags = [ends_with_and(c.text) for c in recitals[:-1]]
        if policy == "either":
            if all(flags) or (flags[-1] and not any(flags[:-1])):
                return
            policy = "penultimate"
        for i, c in enumerate(recitals[:-1]):
            want = policy == "every" or i == len(recitals) - 2
            has = flags[i]
            text = c.text.rstrip()
            if has and not want:
                at = text.rfind("and")
                start = c.mapped.source_offset(text.rfind(";") + 1)
                end = c.mapped.source_offset(at + 2) + 1
                yield self.diagnostic(ctx, Span(c.mapped.source_offset(at), end),
                                      "\"and\" belongs only after the next-to-last recital",
                                      replace_fix("Remove \"and\"", start, end, ""), c)
            elif want and not has and text.endswith(";"):
                at = c.mapped.source_offset(len(text) - 1)
                yield self.diagnostic(ctx, Span(at, at + 1),
                                      "The next-to-last recital ends with \"; and\"" if policy != "every"
                                      else "Every recital but the last ends with \"; and\" in this profile",
                                      replace_fix("Add \" and\"", at + 1, at + 1, " and"), c)


RULE = AndPlacement()
