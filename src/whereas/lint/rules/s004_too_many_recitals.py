from dataclasses import dataclass

from whereas.lint.diagnostic import Severity
from whereas.lint.options import option
from whereas.lint.rule import Context, Rule
from whereas.lint.rules._keywords import is_motion
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

    @dataclass(frozen=True)
    class Options:
        """S004's options (``[rules.S004]`` in a configuration file)."""

        max: int | None = option(
            None, "the largest number of recitals allowed; unset: the profile's `max_recitals`", minimum=0
        )

    def check(self, ctx: Context):
        r = ctx.resolution
        if any(is_motion(c) for c in r.preamble):
            return  # a motion's "Conference notes:" list: its length is the motion's, no preamble of Whereas clauses
        limit = ctx.profile.max_recitals if ctx.options.max is None else ctx.options.max
        if len(r.preamble) > limit:
            first = r.preamble[limit]
            yield self.diagnostic(
                ctx,
                Span(first.span.start, r.preamble[-1].span.end),
                f"{len(r.preamble)} recitals; the {ctx.profile.name} profile advises at most {limit}",
            )


RULE = TooManyRecitals()
