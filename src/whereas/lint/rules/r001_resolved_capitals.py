import re

from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import RESOLVED_WORD, after_connector, is_motion

#: the keyword runs on, without a comma, into more words in capitals: "RESOLVED BY THE SENATE OF THE STATE OF …", an
#: enacting phrase set in capitals, where rewriting the one word would leave "Resolved BY THE SENATE"
_CAPITALS_PHRASE = re.compile(r"[ \t]+[A-Z]{2,}\b(?![a-z])")


class ResolvedCapitals(Rule):
    code = "R001"
    name = "resolved-capitals"
    fix_forms = ("resolved",)
    fix_plain = True
    summary = '"RESOLVED" where the profile wants "Resolved" (or the reverse).'
    why = 'ALA\'s Resolutions Committee changes "RESOLVED" to "Resolved" (RS-01); labor and student bodies write "RESOLVED".'
    bad = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nRESOLVED, that ALA acts.\n"
    good = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n"
    fix = FixAvailability.sometimes("safe")
    fix_note = (
        'Safe fix: rewrite the keyword, where it opens the clause ("RESOLVED, that"); a keyword inside a phrase '
        '("BE IT RESOLVED", "IT WAS RESOLVED THAT", "NOW, THEREFORE, BE IT RESOLVED" even when the structure reads '
        'the connector apart, "RESOLVED BY THE SENATE OF …" set in capitals) is reported without a fix.'
    )

    def check(self, ctx: Context):
        want = ctx.profile.resolved_keyword
        for c in ctx.resolution.resolved:
            if is_motion(c):
                continue  # "1. That the dispute be resolved …" under "Conference resolves:": no keyword of its own
            m = RESOLVED_WORD.search(c.text, 0, len(c.keyword.text) + 1 if c.keyword.text else 60)
            if not m or m.group(0) == want:
                continue
            if (
                want == "Resolved"
                and m.group(0) == "resolved"
                and (m.start() > 0 or after_connector(ctx.resolution, c))
            ):
                # "Be it resolved" / "be it further resolved", "Therefore be it resolved" read as a connector and a
                # clause: lowercase inside the phrase is right
                continue
            span = c.mapped.source_span(m.start(), m.end())
            # only the keyword word the grammar read (not a "resolved" further on in the text)
            fix = (
                replace_fix(f'Write "{want}"', span.start, span.end, want)
                if c.keyword.word == m.span()
                and not after_connector(ctx.resolution, c)
                and not _CAPITALS_PHRASE.match(c.text, m.end())
                else None
            )
            yield self.diagnostic(ctx, span, f'"{m.group(0)}": {ctx.profile.voice} writes "{want}"', fix, c)


RULE = ResolvedCapitals()
