from whereas.lint.rule import Context, Rule
from whereas.model import Span
from whereas.structure.titles import is_bare_type


class MissingTitle(Rule):
    code = "S001"
    name = "missing-title"
    summary = "The resolution has no title."
    why = (
        'A resolution is known by its title ("Resolution on …"); committees, agendas and minutes refer to it. '
        "ALA's sample, Robert's Rules, Congress and city councils all put a title first (STR-01)."
    )
    bad = "Whereas libraries serve everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    good = "Resolution on Library Service\n\nWhereas libraries serve everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    known_problems = (
        "A title is found by its shape (a short line that names rather than says, a heading, a labelled line, "
        'a title phrase such as "Designating …" or "Resolution on …"): a title written as a full sentence '
        "above the clauses, with nothing that marks it as a title, is missed and the resolution reported as untitled."
    )
    fix_note = (
        "No automatic fix: whereas does not invent titles. Not reported for a resolution another text reproduces "
        '(a news article, minutes: "adopted the following resolutions:", a block quotation).'
    )

    def check(self, ctx: Context):
        r = ctx.resolution
        if r.title is None and not r.reproduced:  # an article that reproduces a resolution may leave its title out
            first = r.clauses[0].span.start if r.clauses else r.span.start
            above = ctx.text[:first].rstrip()
            line_start = above.rfind("\n") + 1
            line = above[line_start:].strip()
            if line and is_bare_type(line):
                # "Motion" over the clauses: a heading that says what the text is, not what it is about
                at = line_start + (len(above) - line_start - len(above[line_start:].lstrip()))
                yield self.diagnostic(
                    ctx,
                    Span(at, at + len(line)),
                    f'The title "{line}" says what this is, not what it is about: name its subject ("{line} on …")',
                )
                return
            yield self.diagnostic(ctx, Span(first, first), 'No title: begin with a line such as "Resolution on …"')


RULE = MissingTitle()
