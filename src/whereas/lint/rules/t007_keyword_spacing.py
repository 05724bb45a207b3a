"""T007: no space between a keyword's punctuation and the next word ("RESOLVED,That", "WHEREAS,the")."""

from __future__ import annotations

from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules.t001_stray_whitespace import print_layout
from whereas.patterns import lazy_compile

#: a run of letters longer than any word: words run together where an extraction lost the spaces
_LOST_SPACES = lazy_compile(r"[^\W\d_]{25,}")


class KeywordSpacing(Rule):
    code = "T007"
    name = "keyword-spacing"
    severity = Severity.warning
    summary = 'No space after the comma or colon of "Whereas" or "Resolved" ("RESOLVED,That").'
    why = (
        "A space follows the punctuation after the keyword (general typography; every guide's samples): "
        '"RESOLVED,That" reads as one word and is easy to miss by eye.'
    )
    bad = (
        "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved,that ALA acts.\n\n"
        "Mover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    good = (
        "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n\n"
        "Mover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    fix = FixAvailability.always("safe")
    fix_note = (
        "Safe fix: insert a space after the mark. Only where the keyword grammar read the keyword and its mark, "
        "a letter follows the mark directly in the source, and the text is typed (not a PDF's text or a text "
        "export of a printed page, whose spacing is layout), and not in a text whose words run together where an "
        "extraction lost the spaces."
    )
    known_problems = "Only the keyword's own mark is looked at; a missing space elsewhere in a clause is not reported."

    def check(self, ctx: Context):
        r = ctx.resolution
        if print_layout(r.source):
            return  # a printed page's spacing
        lost: bool | None = None  # whether the text view lost its spaces: read at the first finding (most have none)
        for c in r.clauses:
            kw = c.keyword
            if kw.punct is None or kw.word is None or kw.damaged or kw.punct[1] <= kw.punct[0]:
                continue
            end = kw.punct[1]
            mark = c.text[kw.punct[0] : end].strip()
            if mark not in (",", ":") or not c.text[end : end + 1].isalpha():
                continue
            at = c.mapped.source_offset(end - 1)
            after = at + 1
            if ctx.text[at] != mark or not ctx.text[after : after + 1].isalpha():
                continue  # markup or a note between the mark and the word in the source: not a missing space
            line_start = ctx.text.rfind("\n", 0, at) + 1
            line_end = ctx.text.find("\n", at)
            if _lost_spaces(ctx.text[line_start : line_end if line_end != -1 else len(ctx.text)]):
                continue  # this line of the text view lost its spaces in an extraction
            if lost is None:
                lost = any(_lost_spaces(clause.text) for clause in r.clauses)
            if lost:
                return  # a text view that lost its spaces ("WHEREAS,theVeteransCommission…"): nothing is reported
            yield self.diagnostic(
                ctx,
                c.mapped.source_span(kw.word[0], end + 1),
                f'No space after "{c.text[kw.word[0] : end]}"',
                replace_fix("Insert a space", after, after, " "),
                c,
            )


def _lost_spaces(text: str) -> bool:
    """Whether words run together in ``text``: a run of letters longer than any word, or "words" three times
    as long as English ones on average ("WHEREAS,thisisatransportation,economicdevelopment,and…")."""
    tokens = text.split()
    return bool(_LOST_SPACES.search(text)) or (len(text) >= 40 and len(text) > 15 * len(tokens))


RULE = KeywordSpacing()
