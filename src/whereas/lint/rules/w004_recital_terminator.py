from whereas.lint.rule import Context, Rule, replace_fix
from whereas.lint.rules._keywords import terminal


class RecitalTerminator(Rule):
    code = "W004"
    name = "recital-terminator"
    summary = "A recital does not end with a semicolon."
    why = "Each whereas clause ends with \";\" — the preamble is one sentence (ALA sample rule 6, GPO; WH-06)."
    bad = "Resolution on X\n\nWhereas libraries serve everyone.\n\nWhereas they need funds; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    good = "Resolution on X\n\nWhereas libraries serve everyone; and\n\nWhereas they need funds; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    fix_note = "Safe fix when the clause ends with no punctuation (add \";\"); unsafe when it ends with \",\" or \".\" (replace it)."

    def check(self, ctx: Context):
        r = ctx.resolution
        recitals = r.preamble
        for i, c in enumerate(recitals):
            last = i == len(recitals) - 1
            if last and (r.formula is not None or not r.resolved):
                continue  # the connector's business (W006)
            body = terminal(c.text)
            if body.endswith(";") or not body:
                continue
            end_index = len(body) - 1
            at = c.mapped.source_offset(end_index)
            if body[-1] in ",.:":
                fix = replace_fix(f"Replace \"{body[-1]}\" with \";\"", at, at + 1, ";", safe=False)
                span_start = at
            else:
                fix = replace_fix("Add \";\"", at + 1, at + 1, ";")
                span_start = at
            yield self.diagnostic(ctx, type(c.span)(span_start, at + 1), "Recital does not end with \";\"", fix, c)


RULE = RecitalTerminator()
