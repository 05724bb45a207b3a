import re

from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import (
    CONNECTOR_LIKE,
    and_evidence,
    and_wanted,
    ends_with_and,
    is_motion,
    past_callouts,
)
from whereas.model import Clause, Span
from whereas.patterns import lazy_compile


class AndPlacement(Rule):
    code = "W005"
    name = "and-placement"
    fix_forms = ("whereas",)
    summary = '"; and" on a recital other than the next-to-last, or missing there (or, for every-clause profiles, missing anywhere).'
    why = (
        'ALA sample rule 7 and GPO: only the next-to-last whereas clause has "; and" (WH-07). Labor and many '
        'cities put "; and" on every clause but the last; Robert\'s Rules accepts either.'
    )
    bad = "Resolution on X\n\nWhereas a; and\n\nWhereas b; and\n\nWhereas c; now, therefore, be it\n\nResolved, that ALA acts.\n"
    good = "Resolution on X\n\nWhereas a;\n\nWhereas b; and\n\nWhereas c; now, therefore, be it\n\nResolved, that ALA acts.\n"
    fix = FixAvailability.sometimes("safe")
    fix_note = (
        'Safe fix: add or remove " and" after the semicolon. Only where the "; and" ends the recital: never '
        'when more text follows it on its line ("…; and Be it further resolved"), and never after a connector '
        'or resolving phrase ("…; now, therefore, be it"). Silent where the recitals open with "AND WHEREAS" (a '
        'council\'s form): the "and" is there, at the start of the next one.'
    )

    def check(self, ctx: Context):
        recitals = ctx.resolution.preamble
        if len(recitals) < 2 or any(is_motion(c) for c in recitals):
            return  # (a motion's "Conference notes:" items are a list, not recitals joined into one sentence)
        if any(re.search(r";\s*and\s*;$", c.text.rstrip()) for c in recitals):
            return  # "; and;": the "and" is there, a stray ";" after it (W004's to see, not a missing "and")
        if any(_AND_WHEREAS.match(c.text) for c in recitals[1:]):
            # "WHEREAS …;" / "AND WHEREAS …;": the "and" opens the next recital (a council's form); one at the end
            # of the recital before would say it twice
            return
        comma_and = ctx.profile.recital_end == ","  # a resolution whose recitals end ", and" (an inferred profile)
        flags = [
            ends_with_and(c.text) or comma_and and bool(re.search(r",\s*and$", c.text.rstrip())) for c in recitals[:-1]
        ]
        evidence = [True if flag else and_evidence(c.text) for flag, c in zip(flags, recitals, strict=False)]
        wanted = and_wanted(evidence, ctx.profile.and_policy)
        if wanted is None:
            return
        every = all(wanted)  # "every" (or a resolution whose recitals mostly have it): "and" on each
        source = ctx.text
        for i, c in enumerate(recitals[:-1]):
            want = wanted[i]
            has = flags[i]
            text = c.text.rstrip()
            if has and not want:
                at = text.rfind("and")
                semicolon = text.rfind(";")
                start = c.mapped.source_offset(semicolon + 1)
                end = c.mapped.source_offset(at + 2) + 1
                # only "; and" as it stands at the end of the recital: nothing but white space between the
                # ";" and the "and" in the source, and nothing after it on its line
                removable = not source[start:end].strip(" \t\r\n").replace("and", "", 1) and not _continues(
                    source, c, end
                )
                yield self.diagnostic(
                    ctx,
                    Span(c.mapped.source_offset(at), end),
                    '"and" belongs only after the next-to-last recital',
                    replace_fix('Remove "and"', start, end, "") if removable else None,
                    c,
                )
            elif want and not has and text.endswith(";") and not comma_and:
                # (in a resolution whose recitals end ", and", a recital ending ";" is W004's odd one out)
                at = c.mapped.source_offset(len(text) - 1)
                addable = not CONNECTOR_LIKE.search(text[:-1]) and not _continues(source, c, at + 1)
                yield self.diagnostic(
                    ctx,
                    Span(at, at + 1),
                    'The next-to-last recital should end with "; and"'
                    if not every
                    else 'Every recital but the last should end with "; and" in this profile',
                    replace_fix('Add " and"', past_callouts(c, at + 1), past_callouts(c, at + 1), " and")
                    if addable
                    else None,
                    c,
                )


_AND_WHEREAS = lazy_compile(r"^[\s\"“*_]*and\s+whereas\b", re.I)


def _continues(source: str, clause: Clause, end: int) -> bool:
    """Whether more words follow ``end`` on its line (past the clause's note call-outs, inline notes and
    emphasis): the next clause starts there, or the clause goes on."""
    stop = source.find("\n", end)
    stop = len(source) if stop == -1 else stop
    rest = list(source[end:stop])
    for s in [m.span for m in clause.markers] + list(clause.inline_notes):
        for k in range(max(s.start, end), min(s.end, stop)):
            rest[k - end] = " "
    return bool("".join(rest).strip(" \t\r*_"))


RULE = AndPlacement()
