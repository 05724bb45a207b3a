from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, Rule
from whereas.patterns import lazy_compile
from whereas.structure.abbreviations import WORDS

#: an abbreviation's period (a listed word, an initial, "U.S."), or a number's ("1.", "2.5.")
_ABBREV = lazy_compile(rf"(?:\b(?:[A-Z]|{WORDS})|\b(?:[A-Z]\.){{2,}}|\d)\.$")
_SENTENCE_END = lazy_compile(r"\.(?=\s+[\"“(\[]?[A-Z])")


class PeriodInPreamble(Rule):
    code = "W007"
    name = "period-in-preamble"
    fix_forms = ("whereas",)
    severity = Severity.warning
    profiles = ("ala", "ronr", "congress")
    summary = "A sentence-ending period inside the preamble (quotations and abbreviations excepted)."
    why = '"The preamble should never contain a period" (Robert\'s Rules 1915; ALA, GPO; STR-03): it is one sentence.'
    bad = "Resolution on X\n\nWhereas libraries serve everyone. They need funds; now, therefore, be it\n\nResolved, that ALA acts.\n"
    good = "Resolution on X\n\nWhereas libraries serve everyone and need funds; now, therefore, be it\n\nResolved, that ALA acts.\n"
    fix_note = (
        "No automatic fix: splitting or joining sentences needs a drafter. Abbreviations are no sentence's end "
        '(titles, "U.S.", "No.", a Commonwealth statute\'s "c. I-5", "s. 8", "para."). Under an inferred profile, '
        'a resolution that writes each recital as a sentence ending in "." (two thirds of them or more) is left alone.'
    )

    def check(self, ctx: Context):
        if ctx.profile.recital_end == ".":
            return  # the resolution writes each recital as a sentence, consistently (an inferred profile)
        for c in ctx.resolution.preamble:
            if c.keyword.form != "whereas":
                continue  # a paragraph of prose background is sentences; the rule is about Whereas recitals
            text = c.text
            for m in _SENTENCE_END.finditer(text):  # the period that ends a recital is W004's and W006's
                at = m.start()
                if _ABBREV.search(text[max(0, at - 12) : at + 1]):
                    continue
                src = c.mapped.source_offset(at)
                if ctx.in_quotation(src) or any(
                    it.span.start <= src < it.span.start + len(it.label) + 2 for it in c.items
                ):
                    continue
                yield self.diagnostic(
                    ctx,
                    type(c.span)(src, src + 1),
                    "A period inside the preamble: the preamble is one sentence",
                    None,
                    c,
                )


RULE = PeriodInPreamble()
