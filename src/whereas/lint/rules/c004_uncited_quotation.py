"""C004: a quotation with neither a note nor a named speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from whereas.lint.diagnostic import Severity
from whereas.lint.options import option
from whereas.lint.rule import Context, Rule
from whereas.model import Clause
from whereas.patterns import lazy_compile

# The clause names where the words come from, though not as a speaker the parser recognises:
# "Article 23 further specifies that", "it was said that", "In the words of President Wilson,",
# "Article 15 is amended from:".
_ATTRIBUTED = lazy_compile(
    r"\b(?:says?|said|states?|stated|specifies|specified|provides?|provided|mandates?|mandated|requires?|required|"
    r"reads?|declares?|declared|wrote|writes|written|notes?|noted|observed|testified|proclaimed|amended|"
    r"follows|in\s+the\s+words\s+of|according\s+to|quoted?)\b",
    re.I,
)
# The quoted words name something: "to be known as “The Apache VCL Project”", "the theme “There's More to the Story”".
_NAMING = lazy_compile(
    r"(?:known\s+as|entitled|titled|called|named|designated\s+as|designating\s+[^,;]{0,40}\s+as|"
    r"designation\s+of|theme|slogan|motto|so-called)\s*[,:]?\s*$",
    re.I,
)


def _is_title(words: list[str]) -> bool:
    """Title case: most longer words capitalised ("Axis Rule in Occupied Europe")."""
    long = [w for w in words if len(w.strip("\"'“”‘’,.;:()[]")) > 3]
    caps = [w for w in long if w.strip("\"'“”‘’,.;:()[]")[:1].isupper()]
    return bool(long) and len(caps) >= 0.6 * len(long)


class UncitedQuotation(Rule):
    code = "C004"
    name = "uncited-quotation"
    severity = Severity.warning
    summary = "A quotation with no note and no named speaker."
    why = (
        "Attribute every quotation to its real author and version (CT-02) and supply the supporting source "
        '(CT-01): an unattributed quotation cannot be checked. Short quoted phrases, titles in title case, names ("known as …") and quotations whose '
        'clause says where they come from ("Article 23 specifies that …") are left alone.'
    )
    bad = (
        "Resolution on Free Expression\n\n"
        'Whereas "the freedom to read is essential to our democracy and is continuously under attack"; and\n\n'
        "Whereas book challenges doubled[1] in 2023; now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "Notes\n1. ALA Office for Intellectual Freedom, 2024. https://www.ala.org/bbooks\n"
    )
    good = (
        "Resolution on Free Expression\n\n"
        'Whereas the Freedom to Read Statement declares that "the freedom to read is essential to our democracy '
        'and is continuously under attack"; and\n\n'
        "Whereas book challenges doubled[1] in 2023; now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "Notes\n1. ALA Office for Intellectual Freedom, 2024. https://www.ala.org/bbooks\n"
    )
    known_problems = (
        "A quotation whose speaker is named only in an earlier clause (“Whereas the Governor spoke …; and”, "
        "then “Whereas ‘…’”) has no speaker, and is reported when no note cites it."
    )
    fix_note = (
        "No automatic fix: name the speaker or add a note citing the source. Only in a resolution that cites its "
        'sources in notes: where there are none, the prose names the sources in ways no pattern knows ("as The '
        'Guardian reported", "the Governor\'s Executive Order No. 204 that"). Block quotations (a bylaw being '
        "amended) are left alone."
    )

    @dataclass(frozen=True)
    class Options:
        """C004's options (``[rules.C004]`` in a configuration file)."""

        short: int = option(3, "quotations of at most this many words are not checked (titles, slogans)", minimum=0)

    def check(self, ctx: Context):
        r = ctx.resolution
        if not r.notes:
            return  # a resolution that cites nothing in notes names its sources in the prose, as it can
        short = ctx.options.short
        for q in r.quotations:
            if q.note is not None or q.speaker is not None or q.block:
                continue
            words = q.text.split()
            if len(words) <= short or _is_title(words) or not any(c.isalpha() for c in q.text):
                continue
            clause = r.clause(q.clause)
            before = clause.text[: _clean_index(clause, q.span.start)]
            if _ATTRIBUTED.search(before) or _NAMING.search(before.rstrip(" \"“„'‘")):
                continue
            preview = " ".join(q.text.split()[:6])
            yield self.diagnostic(
                ctx,
                q.span,
                f'Quotation "{preview}…" has no note and no named speaker; cite its source',
                clause=clause,
            )


def _clean_index(clause: Clause, offset: int) -> int:
    offsets = clause.mapped.offsets
    for i, o in enumerate(offsets):
        if o >= offset:
            return i
    return len(offsets)


RULE = UncitedQuotation()
