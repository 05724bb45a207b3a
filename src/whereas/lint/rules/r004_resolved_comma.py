import re

from whereas.lint.rule import Context, Rule, replace_fix

_AFTER = re.compile(r"\b(?P<kw>resolved)(?P<punct>[ \t]*[,:;]?)(?P<rest>[ \t]*\S)", re.I)


class ResolvedComma(Rule):
    code = "R004"
    name = "resolved-comma"
    profiles = ("ala", "ronr", "congress", "labor")
    summary = "No comma after \"Resolved\" (\"Resolved that …\", \"Resolved: that …\")."
    why = "A comma follows \"Resolved\" (Robert's Rules, GPO, ALA; RS-02)."
    bad = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved that ALA acts.\n"
    good = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n"
    fix_note = "Safe fix: write the comma."

    def check(self, ctx: Context):
        for c in ctx.resolution.resolved:
            m = _AFTER.search(c.text, 0, 80)
            if not m or m.group("punct").strip() == ",":
                continue
            if re.match(r"\s*by\b", c.text[m.end("punct"):]):
                continue  # "Resolved by the Senate (…), That": the comma comes after the phrase
            span = c.mapped.source_span(m.start("punct"), m.end("punct")) if m.group("punct") else c.mapped.source_span(m.start("kw"), m.end("kw"))
            start = c.mapped.source_offset(m.end("kw") - 1) + 1
            end = c.mapped.source_offset(m.end("punct") - 1) + 1 if m.group("punct") else start
            yield self.diagnostic(ctx, span, "A comma follows \"Resolved\"", replace_fix("Write \",\"", start, end, ","), c)


RULE = ResolvedComma()
