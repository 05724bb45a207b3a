import re

from whereas.lint.diagnostic import Fix
from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import RESOLVED_WORD, after_connector, is_motion, paired_keyword, set_in_capitals
from whereas.model import Clause

#: the keyword runs on into more words in capitals: "RESOLVED BY THE SENATE OF THE STATE OF …", an enacting phrase
#: set in capitals, where rewriting the one word would leave "Resolved BY THE SENATE"; a company's "RESOLVED, THAT"
#: (its comma written by R004), where it would leave "Resolved, THAT" beside "RESOLVED FURTHER, THAT"
_CAPITALS_PHRASE = re.compile(r"[ \t]*,?[ \t]+[A-Z]{2,}\b(?![a-z])")
#: the words a plain keyword may take before it ("FURTHER RESOLVED", "AND FURTHER RESOLVED", "Finally resolved"),
#: after the item's number, if any ("2. FURTHER RESOLVED")
_LEAD = re.compile(r"(?P<num>\(?\w{1,3}[.)][ \t]+)?(?P<words>(?:(?:and|further|finally|also)[ \t]+)*)$", re.I)


class ResolvedCapitals(Rule):
    code = "R001"
    name = "resolved-capitals"
    fix_forms = ("resolved",)
    fix_plain = True
    summary = '"RESOLVED" where the profile wants "Resolved" (or the reverse).'
    why = 'ALA\'s Resolutions Committee changes "RESOLVED" to "Resolved" (RS-01); labor and student bodies write "RESOLVED".'
    bad = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nRESOLVED, that ALA acts.\n"
    good = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n"
    fix = FixAvailability.sometimes("safe")
    fix_note = (
        'Safe fix: rewrite the keyword, where it opens the clause ("RESOLVED, that"), together with the words it takes '
        'before it ("FURTHER RESOLVED" → "Further resolved", "Further resolved" → "FURTHER RESOLVED"); a keyword inside a phrase '
        '("BE IT RESOLVED", "IT WAS RESOLVED THAT", "NOW, THEREFORE, BE IT RESOLVED" even when the structure reads '
        'the connector apart, "RESOLVED BY THE SENATE OF …" set in capitals) is reported without a fix. A keyword '
        'paired with another language\'s ("PENDERFYNWYD / RESOLVED") and a clause or resolution set in capitals '
        '("RESOLVED, THAT THE POST PLEDGES …") are left alone: the casing is the document\'s.'
    )

    def check(self, ctx: Context):
        want = ctx.profile.resolved_keyword
        for c in ctx.resolution.resolved:
            if is_motion(c):
                continue  # "1. That the dispute be resolved …" under "Conference resolves:": no keyword of its own
            if set_in_capitals(ctx.resolution, c):
                continue  # "RESOLVED, THAT THE POST PLEDGES …": set in capitals, the keyword with the rest
            m = RESOLVED_WORD.search(c.text, 0, len(c.keyword.text) + 1 if c.keyword.text else 60)
            if not m or m.group(0) == want:
                continue
            if (
                want == "Resolved"
                and m.group(0) == "resolved"
                and (m.start() > 0 or after_connector(ctx.resolution, c))
            ):
                # "Be it resolved" / "be it further resolved", "Therefore be it resolved" read as a connector and a
                # clause: lowercase inside the phrase is right
                continue
            span = c.mapped.source_span(m.start(), m.end())
            if paired_keyword(ctx.text, c, span):
                continue  # "PENDERFYNWYD / RESOLVED: That": a bilingual label, written as the document writes it
            # only the keyword word the grammar read (not a "resolved" further on in the text)
            fix = (
                _fix(ctx.text, c, m, want)
                if c.keyword.word == m.span()
                and not after_connector(ctx.resolution, c)
                and not _CAPITALS_PHRASE.match(c.text, m.end())
                else None
            )
            yield self.diagnostic(ctx, span, f'"{m.group(0)}": {ctx.profile.voice} writes "{want}"', fix, c)


def _fix(text: str, c: Clause, m: re.Match[str], want: str) -> Fix | None:
    """The keyword rewritten with the words it takes before it ("FURTHER RESOLVED" → "Further resolved"): the
    whole phrase or nothing (None: other words before it, or markup inside the phrase)."""
    lead = _LEAD.match(c.text[: m.start()])
    if lead is None:
        return None  # "BE IT FURTHER RESOLVED": a phrase of its own, reported without a fix
    start = lead.start("words")
    phrase = c.text[start : m.end()]
    span = c.mapped.source_span(start, m.end())
    if text[span.start : span.end] != phrase:
        return None  # "**FURTHER** RESOLVED": markup between the words
    new = phrase.upper() if want.isupper() else phrase[:1].upper() + phrase[1:].lower()
    return replace_fix(f'Write "{new}"', span.start, span.end, new)


RULE = ResolvedCapitals()
