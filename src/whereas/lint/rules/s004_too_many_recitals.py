from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, Rule
from whereas.model import Span


class TooManyRecitals(Rule):
    code = "S004"
    name = "too-many-recitals"
    severity = Severity.info
    summary = "More recitals than the profile's limit."
    why = '"SHORTER IS BETTER": too many whereas clauses weaken a resolution (ALA sample, STR-05).'
    bad = (
        "Resolution on X\n\n"
        + "".join(f"Whereas reason {i};\n\n" for i in range(8))
        + "Whereas last; now, therefore, be it\n\nResolved, that ALA acts.\n"
    )
    good = "Resolution on X\n\nWhereas reason; and\n\nWhereas last; now, therefore, be it\n\nResolved, that ALA acts.\n"
    options = {"max": "the largest number of recitals allowed (default: the profile's)"}

    def check(self, ctx: Context):
        r = ctx.resolution
        limit = int(ctx.options.get("max", ctx.profile.max_recitals))
        if len(r.preamble) > limit:
            first = r.preamble[limit]
            yield self.diagnostic(
                ctx,
                Span(first.span.start, r.preamble[-1].span.end),
                f"{len(r.preamble)} recitals; the {ctx.profile.name} profile advises at most {limit}",
            )


RULE = TooManyRecitals()
