import re

from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import CONNECTOR_LIKE, ends_with_and
from whereas.model import Span
from whereas.patterns import lazy_compile


def _norm(s: str) -> str:
    return " ".join(s.split())


# A connector at the end of the last recital in whatever form it was typed: "; now, therefore, he it",
# ", now therefore be it—", ": therefore,", "; and now, therfore be it:", "; now, therefore, be in".
# "therefore" (or a typo of it) is what makes it one; "now" may stand before it and "be it" (or a typo:
# "he it", "bo it", "be in", "beit") after.
_TYPED_CONNECTOR = lazy_compile(
    r"(?i)(?P<conn>[;:,.]?\s*(?:and\s+)?(?:now\b[\s,;:]*)?(?:therefore|therefor|therfore|threfore|therefroe)\b"
    r"[\s,;:]*(?:(?:[a-z]{1,3}\s+(?:it|if|lt|il)|be\s+[a-z]{1,2}|b[a-z]?\s+i[a-z]?|beit|be)\b)?"
    r"[\s,;:.]*(?:[—–]+|-{1,2})?)\s*$"
)


def _nearest(typed: str, connectors: tuple[str, ...]) -> str:
    """The profile's connector nearest to the one typed: with "now" when it has one and "be it" when it has a
    word after "therefore", so a typo is mended without rewording what the profile accepts ("; now, therefore,
    be in" → "; now, therefore, be it" where "; therefore, be it" is canonical); else the canonical one."""
    shape = (re.search(r"(?i)\bnow\b", typed) is not None, re.search(r"(?i)therefor\w*\W+[a-z]", typed) is not None)
    return next((c for c in connectors if ("now" in c.lower(), "be it" in c.lower()) == shape), connectors[0])


#: the connector alone, as a paragraph of its own writes it
_BARE_FORMULA = lazy_compile(r"now,?\s*therefore,?\s*be\s+it", re.I)


class PreambleFormula(Rule):
    code = "W006"
    name = "preamble-formula"
    fix_forms = ("whereas",)
    summary = 'The last recital does not end with the profile\'s connector ("; now, therefore, be it" for ALA).'
    why = (
        'ALA sample rule 8: the last whereas clause closes with "; now, therefore, be it"; GPO writes '
        '": Now, therefore, be it"; Robert\'s Rules "; therefore, be it" (WH-08, WH-09).'
    )
    bad = "Resolution on X\n\nWhereas a; and\n\nWhereas b, now, therefore be it\n\nResolved, that ALA acts.\n"
    good = "Resolution on X\n\nWhereas a; and\n\nWhereas b; now, therefore, be it\n\nResolved, that ALA acts.\n"
    fix = FixAvailability.sometimes("safe")
    fix_note = (
        "Safe fix: write the profile's connector in place of the one there, in whatever form it was typed "
        '(of the connectors the profile accepts, the one with "now" and "be it" as the typed one has them) '
        '("now, therefore, he it", "now, therefore, be in", "therefore be it—"), or in place of the recital\'s closing punctuation or '
        '"; and" when it has none. Never a second connector after one: when the recital ends with something '
        "like a connector that cannot be read as one, there is no fix. Silent when the resolving clause opens "
        'with "Be it resolved" and no connector, or one without "be it" ("; now, therefore," then "BE IT RESOLVED by '
        'the House …", a state legislature\'s form), stands between: the "be it" is there already. Under an inferred '
        'profile, silent too when it opens with "It is hereby resolved", a sentence of its own (a school board\'s '
        'or a committee\'s form; under a chosen profile it is reported without a fix, since no "be it" can stand '
        'before it), or when the document writes each recital as a sentence ending in "." (two thirds '
        'of them or more, the last one too: an ICANN or foundation board\'s "Whereas, … ." then "Resolved (2026.01.22.02), '
        '…"), and under every profile when the body resolves in its own words ("The Faculty Senate hereby '
        'resolves:"), which no "be it" can stand before.'
    )

    def check(self, ctx: Context):
        r, p = ctx.resolution, ctx.profile
        if not r.preamble or not r.resolved:
            return
        if (
            r.resolved[0].keyword.form not in ("resolved", "resolve", "enacted")
            or r.preamble[-1].keyword.form != "whereas"
        ):
            # no connector joins a prose background, a UN preamble ("1. Welcomes …"), a template's "That …" under a
            # "Resolved:" label, or "Section 1." after an enacting line
            return
        if r.resolved[0].keyword.form == "resolve" and r.formula is None:
            # "The Faculty Senate hereby resolves: …", "THE SENATE RESOLVES THAT …": the body speaks in a sentence of
            # its own; "; therefore, be it" before it would read "be it The Faculty Senate resolves"
            return
        want = p.connectors[0]
        last = r.preamble[-1]
        f = r.formula
        at_end = f is not None and f.placement == "preamble"
        opens_with_be_it = re.match(r"(?i)\W*be\s+it\b", r.resolved[0].keyword.text) is not None
        if f is not None and at_end:
            if any(_norm(f.text) == _norm(c) for c in p.connectors):
                return
            if opens_with_be_it and not re.search(r"(?i)\bbe\s+it\b", f.text):
                # "…; now, therefore," then "BE IT RESOLVED by the House …": the connector runs on into the
                # resolving clause, whose "be it" it is; writing the profile's "…, be it" would double it
                return
            yield self.diagnostic(
                ctx,
                f.span,
                f'The preamble\'s connector is "{f.text}"; {p.voice} writes "{want}"',
                replace_fix(f'Write "{want}"', f.span.start, f.span.end, want),
                last,
            )
            return
        if f is not None and p.connector_in_resolved:
            return
        text = last.text.rstrip()
        if f is None and _norm(text).endswith(tuple(_norm(c) for c in p.connectors)):
            return  # "WHEREAS, …;" then "RESOLVED, …" where the profile's connector is the semicolon
        if f is None and opens_with_be_it:
            return  # "Be it resolved, …" opens the resolving part with the connector's "be it": adding one doubles it
        if (
            f is None
            and p.adapted
            and re.match(r"(?i)\W*it\s+is\s+(?:hereby\s+)?resolved\b", r.resolved[0].keyword.text)
        ):
            # "IT IS HEREBY RESOLVED that: …" is a sentence of its own after recitals that end as sentences do (a
            # school board's, a technical committee's form): an inferred profile takes the document's form
            return
        if f is None and p.recital_end == "." and text.endswith("."):
            # "Whereas, … ." recital after recital, then "Resolved (2026.01.22.02), the Board …": the document writes
            # each recital as a sentence (an inferred profile), and a sentence is not joined to the next by "be it"
            # (an ICANN or foundation board's minutes, a company's board resolutions)
            return
        end = last.mapped.source_offset(len(text) - 1) + 1
        start = end - 1 if text and text[-1] in ";,.:" else end
        message = (
            f'The connector "{f.text}" opens the resolving clause; it ends the last recital as "{want}"'
            if f is not None
            else f'The last recital does not end with "{want}"'
        )
        fix = None
        sentence_of_its_own = re.match(r"(?i)\W*it\s+is\s+(?:hereby\s+)?resolved\b", r.resolved[0].keyword.text)
        if f is None and sentence_of_its_own:
            # "IT IS HEREBY RESOLVED that: …" is a sentence of its own: "…; therefore, be it" before it would read "be
            # it, it is hereby resolved"; told under a chosen profile, never rewritten
            pass
        elif f is None:
            typed = _TYPED_CONNECTOR.search(text)
            if typed is not None:  # the connector as typed: replaced, never followed by a second one
                start = last.mapped.source_offset(typed.start("conn"))
                near = _nearest(typed.group("conn"), p.connectors)
                message = f'The preamble\'s connector is "{typed.group("conn").strip()}"; the {p.name} profile writes "{near}"'
                fix = replace_fix(f'Write "{near}"', start, end, near)
            elif ends_with_and(text):  # "…; and" on the last recital: the connector takes its place
                start = last.mapped.source_offset(text.rfind(";"))
                fix = replace_fix(f'End the last recital with "{want}"', start, end, want)
            elif not CONNECTOR_LIKE.search(text):
                fix = replace_fix(f'End the last recital with "{want}"', start, end, want)
        if f is not None and _BARE_FORMULA.fullmatch(_norm(f.text)):
            fix = None  # moving it between paragraphs is a format job
        yield self.diagnostic(ctx, Span(start, end), message, fix, last)


RULE = PreambleFormula()
