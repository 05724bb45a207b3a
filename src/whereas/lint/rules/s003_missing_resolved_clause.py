from whereas.lint.rule import Context, Rule
from whereas.model import Span
from whereas.patterns import lazy_compile

# A line after the recitals (or inside the last of them, when a PDF's lines run on without a blank line) opens a
# resolving part the structure did not read: "NOW, THEREFORE, BE IT ORDERED BY THE COMMISSIONERS COURT …, THAT:"
# (a county's order), "BE IT ENACTED …", "IT IS HEREBY DECREED", "NOW, THEREFORE, …" in any words but the bare
# connector ("now, therefore, be it" ending a wrapped recital's line).  The resolution is not without one: the
# rule is unsure and stays silent.
_UNREAD_ENACTING = lazy_compile(
    r"(?im)^[ \t>*_#]*(?:now\W+therefore\b(?!\W*be\s+it\W*$)"
    r"|(?:(?:be\s+it|it\s+is)\s+(?:(?:hereby|further|therefore)\s+)*)?(?:ordered|enacted|decreed|adjudged)\b)"
)


def _unread_resolving_part(ctx: Context) -> bool:
    """Whether a line from the last clause's second line to the end of the paragraph after the resolution
    opens with an enacting phrase the structure did not read."""
    r, text = ctx.resolution, ctx.text
    start = r.span.end
    if r.clauses:
        first_line_end = text.find("\n", r.clauses[-1].span.start)
        start = first_line_end + 1 if 0 <= first_line_end < r.span.end else r.span.end
    rest = text[r.span.end :]
    after = r.span.end + len(rest) - len(rest.lstrip())  # where the paragraph after the resolution starts
    end = text.find("\n\n", after)
    return _UNREAD_ENACTING.search(text, start, len(text) if end < 0 else end) is not None


class MissingResolvedClause(Rule):
    code = "S003"
    name = "missing-resolved-clause"
    summary = "The resolution has no resolving clause."
    why = 'Without a "Resolved" clause a resolution asks for nothing: the preamble only gives reasons (STR-07).'
    bad = "Resolution on X\n\nWhereas libraries serve everyone;\n"
    good = "Resolution on X\n\nWhereas libraries serve everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    fix_note = (
        "No automatic fix. Silent when the paragraph after the recitals (or a line of the last recital, where a "
        "PDF's lines run on without a blank line) opens a resolving part the structure "
        'does not read ("NOW, THEREFORE, BE IT ORDERED BY THE COMMISSIONERS COURT … THAT:", "BE IT ENACTED …", '
        '"IT IS HEREBY DECREED …"): the resolution has one, and the rule is unsure of it.'
    )

    def check(self, ctx: Context):
        r = ctx.resolution
        if not r.resolved:
            end = r.clauses[-1].span.end if r.clauses else r.span.end
            if _unread_resolving_part(ctx):
                return
            yield self.diagnostic(ctx, Span(end, end), 'No resolving clause ("Resolved, that …")')


RULE = MissingResolvedClause()
