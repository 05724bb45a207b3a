import re

from whereas.lint.rule import Context, Rule
from whereas.model import Span
from whereas.patterns import lazy_compile
from whereas.structure.keywords import notice_head
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
        "above the clauses, with nothing that marks it as a title, is missed. Silent when a paragraph of one short "
        "line stands among the three above the clauses (a title in sentence case the structure may not have taken: "
        '"Strengthening rehabilitation in health systems"): unsure, it stays silent.'
    )
    fix_note = (
        "No automatic fix: whereas does not invent titles. Not reported for a resolution another text reproduces "
        '(a news article, minutes: "adopted the following resolutions:", a block quotation), nor for a notice '
        'of motion on a parliament\'s notice paper ("112  Senator A: To move—That the Senate …"), which has none.'
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
            if notice_head(line) is not None:
                return  # a notice paper's motion ("112  Senator A: To move—That the Senate …") has no title
            if _untitled_line_above(above):
                return  # a short line right above that may be its title in sentence case: unsure, silent
            yield self.diagnostic(ctx, Span(first, first), 'No title: begin with a line such as "Resolution on …"')


# a line that may be a title the structure did not take, in sentence case ("Strengthening rehabilitation in health
# systems"): a few words, capitalised first, no sentence's end, no label ("Sponsors: …"), no keyword
_MAY_BE_TITLE = lazy_compile(r"^[#*_ \t]*[A-Z0-9“\"'][^:;\n]{2,120}[^.;:,!?\s*_]$")
_NOT_TITLE = lazy_compile(
    r"\b(?:resolved|whereas)\b|^\W*(?:the\s+)?(?:[\w-]+\s+){0,6}[\w-]+,$"
    r"|^\W*(?:adopted|passed|approved|presented|introduced|submitted|moved|seconded|sponsored)(?:\s+by)?\b",
    re.I,
)


def _untitled_line_above(above: str) -> bool:
    """Whether a paragraph of one short line stands in the last three paragraphs above the clauses."""
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", above[-2000:]) if p.strip()]
    for paragraph in reversed(paragraphs[-3:]):
        if "\n" not in paragraph and 2 <= len(paragraph.split()) <= 15:
            if _MAY_BE_TITLE.match(paragraph) and not _NOT_TITLE.search(paragraph) and not is_bare_type(paragraph):
                return True
        if re.search(r"\bresolved\b", paragraph, re.I):
            break  # the resolution before it
    return False


RULE = MissingTitle()
