import re

from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import paired_keyword, recital_head, source_span
from whereas.patterns import lazy_compile

_PARENTHETICAL = lazy_compile(
    r"\s*(?:as|in|on|at|by|for|from|since|during|after|before|according|over|under|while|although|despite|"
    r"following|between|through|with|without|when|unlike|like|among|throughout|until|upon|within|once|against|amid|beyond|regarding|notwithstanding|except|to|of|due|because|if|unless|although|though|even|having|given|whether)\b[^,;]{0,140},",
    re.I,
)


class WhereasComma(Rule):
    code = "W002"
    name = "whereas-comma"
    fix_forms = ("whereas",)
    summary = "A comma after Whereas where the profile forbids it, or none where it wants one."
    why = 'ALA and GPO write "Whereas the …" with no comma (WH-02); Robert\'s Rules, labor and city councils write "Whereas, the …".'
    bad = "Resolution on X\n\nWhereas, libraries serve everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    good = "Resolution on X\n\nWhereas libraries serve everyone; now, therefore, be it\n\nResolved, that ALA supports libraries.\n"
    fix = FixAvailability.sometimes("safe")
    fix_note = (
        "Safe fix: add or remove the comma (not one with no space after it: the words would run together). An added "
        'comma goes right after the word ("**Whereas,** the"), or after the emphasis marker that closes it where the '
        'document\'s other recitals put it there ("**WHEREAS**, the"); a period or a semicolon typed in its place '
        '("WHEREAS. the") becomes the comma, and after any other mark there is no fix. A keyword paired with another '
        "language's (\"WHEREAS / GAN FOD\") is the document's label and is left alone."
    )

    def check(self, ctx: Context):
        want = ctx.profile.whereas_comma
        for c in ctx.resolution.preamble:
            m = recital_head(c)
            if not m or not m.group("next"):
                continue
            if paired_keyword(ctx.text, c, source_span(c, m, "kw")):
                continue  # "WHEREAS / GAN FOD": a bilingual label, punctuated as the document writes it
            has = m.group("comma") is not None
            if has and not want and _PARENTHETICAL.match(c.text[m.end("comma") :]):
                continue  # "Whereas, in 2012, the …": the comma opens a parenthetical, not the keyword's
            if has and not want:
                span = source_span(c, m, "comma")
                glued = not m.group("space")  # "WHEREAS,the…": without the comma the words would run together
                message = (
                    f'No comma after "Whereas" in {ctx.profile.voice}'
                    if ctx.profile.adapted
                    else 'No comma after "Whereas" in this profile'
                )
                yield self.diagnostic(
                    ctx, span, message, None if glued else replace_fix("Remove the comma", span.start, span.end, ""), c
                )
            elif want and not has:
                kw = source_span(c, m, "kw")
                at = kw.end + _closer_before_comma(ctx, kw.end)
                mark = m.group("next")[:1] if not m.group("space") else ""
                if mark in (".", ";") and re.match(r"[.;]\s", c.text[m.start("next") : m.start("next") + 2]):
                    # "WHEREAS. students …": the comma was typed as another mark; it takes that mark's place
                    dot = source_span(c, m, "next")
                    fix = replace_fix("Write a comma", dot.start, dot.start + 1, ",")
                elif mark and not mark.isalnum() and mark not in "\"“‘'*_([":
                    fix = None  # another mark right after the word: what the drafter meant is not clear
                else:
                    fix = replace_fix("Add a comma", at, at, ",")
                yield self.diagnostic(
                    ctx,
                    kw,
                    f'A comma follows "Whereas" in {ctx.profile.voice}'
                    if ctx.profile.adapted
                    else 'A comma follows "Whereas" in this profile',
                    fix,
                    c,
                )


_CLOSER = lazy_compile(r"\*\*|__|\*|_")


def _closer_before_comma(ctx: Context, kw_end: int) -> int:
    """The length of the emphasis marker right after the keyword ("**WHEREAS** the") when the other recitals
    put their comma after that marker ("**WHEREAS**, pool hire"): the added comma goes where the document
    writes it; otherwise 0 (the comma goes right after the word, "**WHEREAS,** the")."""
    m = _CLOSER.match(ctx.text, kw_end)
    if not m:
        return 0
    after = before = 0
    for o in ctx.resolution.preamble:
        om = recital_head(o)
        if not om or om.group("comma") is None:
            continue
        end = source_span(o, om, "kw").end
        if ctx.text.startswith(m.group(0) + ",", end):
            after += 1
        elif ctx.text.startswith("," + m.group(0), end):
            before += 1
    return len(m.group(0)) if after > before else 0


RULE = WhereasComma()
