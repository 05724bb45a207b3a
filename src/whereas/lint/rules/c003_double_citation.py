"""C003: one source cited twice, in a parenthetical and in a note."""

from __future__ import annotations

from dataclasses import dataclass

from whereas.lint.diagnostic import Severity
from whereas.lint.options import option
from whereas.lint.rule import Context, Rule
from whereas.lint.rules.c002_citation_url_title_mismatch import same_word, words
from whereas.patterns import lazy_compile

_PAREN = lazy_compile(r"\(([^()]{3,300})\)")


class DoubleCitation(Rule):
    code = "C003"
    name = "double-citation"
    severity = Severity.warning
    summary = "A source is cited both in a parenthetical in the clause and in a note."
    why = (
        "Avoid double citation: an inline parenthetical and an endnote for the same source (CT-09, an ALA "
        "house decision; advisory). Where ALA requires the policy parenthetical (WH-10), let the note add only "
        "the URL."
    )
    bad = (
        "Resolution on Free Expression\n\n"
        "Whereas the American Library Association (ALA) opposes the intimidation of individuals for their "
        "opinions (The Universal Right to Free Expression: An Interpretation of the Library Bill of "
        "Rights);[^1] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        '[^1]: American Library Association. "The Universal Right to Free Expression: An Interpretation of the '
        'Library Bill of Rights," https://www.ala.org/advocacy/intfreedom/librarybill/interpretations/'
        "universalright\n"
    )
    good = (
        "Resolution on Free Expression\n\n"
        "Whereas the American Library Association (ALA) opposes the intimidation of individuals for their "
        "opinions;[^1] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        '[^1]: American Library Association. "The Universal Right to Free Expression: An Interpretation of the '
        'Library Bill of Rights," https://www.ala.org/advocacy/intfreedom/librarybill/interpretations/'
        "universalright\n"
    )
    fix_note = "No automatic fix: decide which citation to keep (advisory, CT-09)."

    @dataclass(frozen=True)
    class Options:
        """C003's options (``[rules.C003]`` in a configuration file)."""

        min_overlap: int = option(
            3, "how many significant words the parenthetical must share with the note's title", minimum=1
        )

    def check(self, ctx: Context):
        r = ctx.resolution
        need = ctx.options.min_overlap
        for clause in r.clauses:
            notes = [n for n in (r.note(i) for i in clause.notes) if n is not None and n.citation.title]
            if not notes:
                continue
            for m in _PAREN.finditer(clause.text):
                span = clause.mapped.source_span(m.start(), m.end())
                if ctx.in_quotation(span.start, span.end):
                    continue
                paren = words(m.group(1))
                if len(paren) < need:
                    continue
                for note in notes:
                    title = words(note.citation.title or "")
                    shared = [p for p in dict.fromkeys(paren) if any(same_word(p, t) for t in title)]
                    if len(shared) >= need and len(shared) * 2 >= len(set(paren)):
                        yield self.diagnostic(
                            ctx,
                            span,
                            f'"{_short(m.group(1).strip())}" is cited here and again in note {note.id}; cite it once',
                            clause=clause,
                        )
                        break


def _short(s: str) -> str:
    return s if len(s) <= 50 else s[:47].rstrip() + "…"


RULE = DoubleCitation()
