from whereas.lint.rule import Context, Rule
from whereas.model import Span
from whereas.patterns import lazy_compile

# The paragraph after the recitals opens a resolving part the structure did not read: "NOW, THEREFORE, BE IT
# ORDERED BY THE COMMISSIONERS COURT …, THAT:" (a county's order), "BE IT ENACTED …", "IT IS HEREBY DECREED",
# "NOW, THEREFORE, …" in any words.  The resolution is not without one: the rule is unsure and stays silent.
_UNREAD_ENACTING = lazy_compile(
    r"(?i)\s*(?:now\W+therefore\b"
    r"|(?:(?:be\s+it|it\s+is)\s+(?:(?:hereby|further|therefore)\s+)*)?(?:ordered|enacted|decreed|adjudged)\b)"
)


class MissingResolvedClause(Rule):
    code = "S003"
    name = "missing-resolved-clause"
    summary = "The resolution has no resolving clause."
    why = 'Without a "Resolved" clause a resolution asks for nothing: the preamble only gives reasons (STR-07).'
    bad = "Resolution on X\n\nWhereas libraries serve everyone;\n"
    good = "Resolution on X\n\nWhereas libraries serve everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    fix_note = (
        "No automatic fix. Silent when the paragraph after the recitals opens a resolving part the structure "
        'does not read ("NOW, THEREFORE, BE IT ORDERED BY THE COMMISSIONERS COURT … THAT:", "BE IT ENACTED …", '
        '"IT IS HEREBY DECREED …"): the resolution has one, and the rule is unsure of it.'
    )

    def check(self, ctx: Context):
        r = ctx.resolution
        if not r.resolved:
            end = r.clauses[-1].span.end if r.clauses else r.span.end
            if _UNREAD_ENACTING.match(ctx.text, r.span.end):
                return
            yield self.diagnostic(ctx, Span(end, end), 'No resolving clause ("Resolved, that …")')


RULE = MissingResolvedClause()
