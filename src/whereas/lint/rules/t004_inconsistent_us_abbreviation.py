"""T004: both "US" and "U.S." in the drafter's text."""

from __future__ import annotations

from whereas.lint.diagnostic import Edit, Fix, Severity
from whereas.lint.rule import Context, FixAvailability, Rule, capitals_share
from whereas.model import Clause, Span
from whereas.patterns import lazy_compile

# "U.S." or "US", not after a word character or a period. The "U" comes before the look-behind so that
# the regex engine scans for it instead of trying the look-behind at every position.
_FORMS = lazy_compile(r"U(?<![\w.]U)(?:(?P<dotted>\.[ ]?S\.)(?![\w.])|(?P<plain>S)(?![\w]))")


class InconsistentUsAbbreviation(Rule):
    code = "T004"
    name = "inconsistent-us-abbreviation"
    severity = Severity.warning
    summary = 'Both "US" and "U.S." are used.'
    why = (
        'Use "US" or "U.S." consistently within the document (TY-05). GPO and Congress write "U.S."; '
        'Chicago 17 prefers "US". The profile\'s us_form decides; with "any", the form used more often wins.'
    )
    bad = (
        "Resolution on Press Freedom\n\n"
        "Whereas the US government seeks to extradite a publisher; and\n\n"
        "Whereas the U.S. Constitution protects the freedom of the press; now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) calls for the charges to be dropped.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    good = (
        "Resolution on Press Freedom\n\n"
        "Whereas the U.S. government seeks to extradite a publisher; and\n\n"
        "Whereas the U.S. Constitution protects the freedom of the press; now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) calls for the charges to be dropped.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    fix = FixAvailability.always("unsafe")
    fix_note = (
        "Unsafe fix: rewrite the other form as the profile's us_form (or the majority form). Unsafe because "
        '"U.S." at the end of a sentence also carries the period. Never inside quotation marks.'
    )

    def check(self, ctx: Context):
        r = ctx.resolution
        found: list[tuple[Span, str, Clause, bool]] = []  # span, form, clause, at end of clause
        for clause in r.clauses:
            clean = clause.text
            shouting = capitals_share(clean) > 0.6
            for m in _FORMS.finditer(clean):
                form = "U.S." if m.group("dotted") else "US"
                if form == "US" and shouting:
                    continue  # "LET US", "FOR US": all-caps text, the pronoun
                span = clause.mapped.source_span(m.start(), m.end())
                if ctx.in_quotation(span.start, span.end):
                    continue
                at_end = not clean[m.end() :].strip()
                found.append((span, form, clause, at_end))
        forms = [f for _, f, _, _ in found]
        if "US" not in forms or "U.S." not in forms:
            return
        want = ctx.profile.us_form
        if want == "any":
            want = "US" if forms.count("US") > forms.count("U.S.") else "U.S."
        text = ctx.text
        for span, form, clause, at_end in found:
            if form == want:
                continue
            replacement: str = want
            end = span.end
            if want == "U.S." and text[span.end : span.end + 1] == ".":
                end += 1  # "to the US." → "to the U.S."
            elif want == "US" and at_end:
                replacement = "US."  # the sentence's period
            yield self.diagnostic(
                ctx,
                span,
                f"{form!r} here, {want!r} elsewhere: use one form",
                fix=Fix(f"Write {want!r}", (Edit(span.start, end, replacement),), "unsafe"),
                clause=clause,
            )


RULE = InconsistentUsAbbreviation()
