from whereas.lint.diagnostic import Edit, Fix
from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import (
    CONNECTOR_LIKE,
    and_evidence,
    and_wanted,
    past_callouts,
    terminal,
)
from whereas.patterns import lazy_compile


class RecitalTerminator(Rule):
    code = "W004"
    name = "recital-terminator"
    fix_forms = ("whereas",)
    summary = "A recital does not end with a semicolon."
    why = 'Each whereas clause ends with ";" — the preamble is one sentence (ALA sample rule 6, GPO; WH-06).'
    bad = "Resolution on X\n\nWhereas libraries serve everyone.\n\nWhereas they need funds; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    good = "Resolution on X\n\nWhereas libraries serve everyone; and\n\nWhereas they need funds; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    fix = FixAvailability.sometimes("safe", "unsafe")
    fix_note = (
        'Under an inferred profile the recitals\' own consistent ending is the rule ("," in a UN-style preamble, '
        '"." where each recital is a sentence, two thirds of them or more); a recital that ends otherwise is '
        "reported without a fix. "
        'Safe fix when the clause ends with no punctuation (add ";", or "; and" where the profile wants '
        '"and" after this recital, as W005 reads it); unsafe when it ends with "," or "." (replace it), or with a quotation\'s own "." (add it after the '
        "closing mark: '… value.\"; and', the quoted words untouched). "
        'No fix for a recital that ends with (a piece of) a connector or resolving phrase ("…; now, therefore, '
        'be it" with another recital after it, "…; and be it further"): the structure is unsure there. A recital '
        "that ends with a block it sets off after its colon or comma (an indented list, a block quotation, a table) is not "
        "reported: the last mark is the quotation's or a cell's."
    )

    def check(self, ctx: Context):
        r = ctx.resolution
        recitals = r.preamble
        if not any(c.keyword.form == "whereas" for c in recitals):
            return  # a preamble of prose paragraphs (no Whereas): its sentences are no recitals to punctuate
        wanted = (
            and_wanted([and_evidence(c.text) for c in recitals[:-1]], ctx.profile.and_policy)
            if len(recitals) > 1
            else None
        )
        for i, c in enumerate(recitals):
            last = i == len(recitals) - 1
            if last:
                continue  # how the last recital meets the resolving part is the connector's business (W006)
            if c.keyword.form != "whereas" or _garbled(c.text):
                continue  # a paragraph without Whereas ("And the QA Team …."); an OCR's noise at the end
            if _ends_with_set_off_block(ctx.text[c.span.start : c.span.end]):
                # it ends with a block it introduced: an indented list ("… terms of office:" / "    Trustee Area IV
                # …"), a block quotation ("… states:" / "> Upton Avenue should be …."), a table ("… summarised
                # below:" / "| A | £35 |"): the block's last mark is not the recital's, and a terminator put there
                # would edit the quoted words or a table's cell
                continue
            body = terminal(c.text)
            end = ctx.profile.recital_end
            if body.endswith(end) or not body:
                continue
            if ctx.profile.adapted and all(terminal(o.text)[-1:] == body[-1] for o in recitals):
                # every paragraph of the preamble ends so ("Whereas … tempest." / "And the QA Team … attention."):
                # the document's own way, though it has too few "Whereas" recitals to adapt the profile to
                continue
            if end != ";":
                if last or c.keyword.form != "whereas":
                    continue  # the last recital ends before the resolving part as it must (";" before "Therefore")
                # an inferred profile that took the resolution's own ending ("," in a UN-style preamble): the odd
                # one out is reported, and left to the drafter
                at = c.mapped.source_offset(len(body) - 1)
                yield self.diagnostic(
                    ctx,
                    type(c.span)(at, at + 1),
                    f'Recital does not end with "{end}" as {ctx.profile.voice} does',
                    None,
                    c,
                )
                continue
            end_index = len(body) - 1
            at = c.mapped.source_offset(end_index)
            # what W005 will want here once the recital has its ";" (so fixing W004 leaves W005 nothing new)
            # "… and" without the ";": the "and" stays (what follows the body may be only a closing quotation mark)
            has_and = _AND.search(c.text.rstrip()[len(body) :]) is not None
            terminator = "; and" if not has_and and wanted is not None and not last and wanted[i] else ";"
            if CONNECTOR_LIKE.search(body):
                fix = None  # "…; now, therefore, be it" before another recital, "…; and be it further"
                span_start = at
            elif body[-1] in ".!?" and ctx.text[at + 1 : at + 2] in _CLOSING_MARKS:
                # '… historical value."': the mark is the quotation's, its words are not edited; the terminator goes
                # after the closing quotation mark
                place = past_callouts(c, at + 2)
                fix = replace_fix(f'Add "{terminator}" after the quotation', place, place, terminator, safe=False)
                span_start = at
            elif body[-1] in ",.:":
                stop = at + 1
                if has_and and wanted is not None and not last and not wanted[i]:
                    stop = c.mapped.source_offset(len(c.text.rstrip()) - 1) + 1  # ", and" where no "and" belongs
                    terminator = ";"
                fix = replace_fix(
                    f'Replace "{ctx.text[at:stop]}" with "{terminator}"', at, stop, terminator, safe=False
                )
                after = past_callouts(c, stop)
                if terminator == "; and" and after > stop:
                    # "staffing.[^2]": the ";" takes the mark's place, the "and" goes after the call-out
                    fix = Fix(fix.message, (Edit(at, stop, ";"), Edit(after, after, " and")), "unsafe")
                span_start = at
            else:
                place = past_callouts(c, at + 1)  # "staffing[^2]": after its call-out, as the document places it
                fix = replace_fix(f'Add "{terminator}"', place, place, terminator)
                span_start = at
            yield self.diagnostic(ctx, type(c.span)(span_start, at + 1), 'Recital does not end with ";"', fix, c)


def _ends_with_set_off_block(source: str) -> bool:
    """Whether the clause's source ends with a block it set off: a colon, a blank line, then only indented
    lines ("… terms of office:" / "" / "      Trustee Area IV" / "      Said Term: 4 years"), only Markdown
    block-quotation lines ("> …") or only table rows ("| A | £35 |")."""
    colons = list(_COLON_THEN_BLANK.finditer(source))
    if not colons:
        return False
    rest = [ln for ln in source[colons[-1].end() :].splitlines() if ln.strip()]
    if not rest:
        return False
    return (
        all(ln[:1] in " \t" for ln in rest)
        or all(ln.lstrip()[:1] == ">" for ln in rest)
        or all(ln.strip()[:1] == "|" and ln.strip()[-1:] == "|" for ln in rest)
    )


_COLON_THEN_BLANK = lazy_compile(r"[:,][ \t]*\n[ \t]*\n")  # (or a comma: "… which provides," over "> …")
#: the closing quotation marks a recital's last sentence may stand inside
_CLOSING_MARKS = ('"', "”", "’", "'")
_AND = lazy_compile(r"(?i)\band\b")


def _garbled(text: str) -> bool:
    """The recital's last characters are an OCR's noise (". , I..'-.", "GHipagd;:dnd;: .•"), not its ending."""
    tail = text.rstrip()[-12:]
    marks = sum(not ch.isalnum() and not ch.isspace() for ch in tail)
    return marks >= 5


RULE = RecitalTerminator()
