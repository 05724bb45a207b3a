from whereas.lint.rule import Context, Rule
from whereas.model import Span


class MissingResolvedClause(Rule):
    code = "S003"
    name = "missing-resolved-clause"
    summary = "The resolution has no resolving clause."
    why = 'Without a "Resolved" clause a resolution asks for nothing: the preamble only gives reasons (STR-07).'
    bad = "Resolution on X\n\nWhereas libraries serve everyone;\n"
    good = "Resolution on X\n\nWhereas libraries serve everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"

    def check(self, ctx: Context):
        r = ctx.resolution
        if not r.resolved:
            end = r.clauses[-1].span.end if r.clauses else r.span.end
            yield self.diagnostic(ctx, Span(end, end), 'No resolving clause ("Resolved, that …")')


RULE = MissingResolvedClause()
