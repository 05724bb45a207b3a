import re

from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import THAT_AFTER, after_connector, is_motion, paired_keyword


class ResolvedThatCase(Rule):
    code = "R002"
    name = "resolved-that-case"
    fix_forms = ("resolved",)
    fix_plain = True
    summary = '"that" / "That" after Resolved against the profile.'
    why = 'ALA and AFL-CIO write "Resolved, that"; Robert\'s Rules and GPO write "Resolved, That" with a capital T (RS-03).'
    bad = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, That ALA acts.\n"
    good = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n"
    fix = FixAvailability.sometimes("safe")
    fix_note = (
        'Safe fix: change the case of "that", where "Resolved" opens the clause ("Resolved, That"); after '
        'a phrase ("BE IT RESOLVED, That") it is reported without a fix. A keyword paired with another '
        "language's (\"PENDERFYNWYD / RESOLVED: That\") is the document's label and is left alone."
    )

    def check(self, ctx: Context):
        want = ctx.profile.that_case
        if want == "any":
            return
        for c in ctx.resolution.resolved:
            if is_motion(c):
                continue  # a motion's clause: no "Resolved, that" of its own
            m = THAT_AFTER.search(c.text, 0, min(len(c.text), 200))
            if not m or m.start() > 60 or m.group("that") == want or m.group("that").isupper():
                continue
            span = c.mapped.source_span(m.start("that"), m.end("that"))
            if paired_keyword(ctx.text, c, c.mapped.source_span(m.start(), m.start() + len("resolved"))):
                continue  # "PENDERFYNWYD / RESOLVED: That": a bilingual label, written as the document writes it
            # only the "that" the keyword grammar read right after "Resolved"
            fix = (
                replace_fix(f'Write "{want}"', span.start, span.end, want)
                if c.keyword.that == m.span("that") and not after_connector(ctx.resolution, c)
                else None
            )
            yield self.diagnostic(ctx, span, f'"{_as_written(m)}": {ctx.profile.voice} writes "{want}"', fix, c)


def _as_written(m: re.Match[str]) -> str:
    """The keyword and its "that" as the clause writes them ("Resolved, that", "RESOLVED by Rotary International
    that"), a long enacting phrase shortened ("Resolved by the House of … that")."""
    words = " ".join(m.group(0).split())
    return words if len(words) <= 50 else f"{words[:30].rsplit(' ', 1)[0]} … {m.group('that')}"


RULE = ResolvedThatCase()
