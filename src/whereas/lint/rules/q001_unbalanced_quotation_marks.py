"""Q001: an opening quotation mark without its closing one, or the reverse."""

from __future__ import annotations

from whereas.lint.rule import Context, Rule
from whereas.model import Clause
from whereas.patterns import lazy_compile

OPEN, CLOSE = "“", "”"


class UnbalancedQuotationMarks(Rule):
    code = "Q001"
    name = "unbalanced-quotation-marks"
    summary = "A quotation mark opens and never closes, or closes without opening, within a clause."
    why = (
        "Quotations must be verbatim and their extent exact (CT-02): with a mark missing, the reader cannot "
        "tell where the quoted words end and the drafter's begin, and neither can the quotation checker."
    )
    bad = (
        "Resolution on Free Expression\n\n"
        'Whereas the Freedom to Read Statement declares that "the freedom to read is essential to our democracy; '
        "now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    good = (
        "Resolution on Free Expression\n\n"
        'Whereas the Freedom to Read Statement declares that "the freedom to read is essential to our '
        'democracy"; now, therefore, be it\n\n'
        "Resolved, that the American Library Association (ALA) reaffirms the Library Bill of Rights.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    fix_note = (
        "No automatic fix: only the drafter knows where the quotation ends. A straight double mark right after "
        "a digit when no quotation is open is an inch mark (6' 2\"), not a quotation mark. In a resolution quoted "
        'whole (a certified copy\'s "“RESOLVED THAT … by the Bank.”"), the first closing mark of its last clause '
        "ends the quotation, whatever text the structure joined after it."
    )

    def check(self, ctx: Context):
        clauses = ctx.resolution.clauses
        for clause in clauses:
            found = unbalanced(clause)
            if clause is clauses[-1] and _quoted_whole(ctx):
                # a resolution quoted whole ("“RESOLVED THAT … by the Bank.”" in a certified copy): its first
                # closing mark with no opening one in the last clause ends the quotation, whatever the structure
                # joined after it (a signature block where a PDF's paragraphs have no blank line between them)
                closing = [i for i, m in found if "closing" in m]
                found = [(i, m) for i, m in found if not closing or i != closing[0]]
            for index, message in found:
                span = clause.mapped.source_span(index, index + 1)
                yield self.diagnostic(ctx, span, message, clause=clause)


def _quoted_whole(ctx: Context) -> bool:
    """Whether the resolution is reproduced and its first clause opens with a quotation mark (in its text, or
    just before it on its line, where the structure starts the clause at its keyword)."""
    r = ctx.resolution
    if not r.reproduced or not r.clauses:
        return False
    start = r.clauses[0].span.start
    first = r.clauses[0].text
    head = ctx.text[ctx.text.rfind("\n", 0, start) + 1 : start] + first[: _lead(first) + 1]
    return _LEAD.sub("", head.lstrip(" \t*_>"), count=1).lstrip(" \t*_>")[:1] in ("“", '"', "„")


def _role(text: str, i: int) -> str:
    """Whether a straight double quote at ``i`` opens or closes, from the characters around it."""
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    opens = prev.isspace() or prev in "([{—–-/:;,"
    closes = nxt.isspace() or nxt in ".,;:!?)]}—–-/" or i + 1 == len(text)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


_MARKS = lazy_compile('[“”„"]')
_LEAD = lazy_compile(r"\s*(?:(?:\d{1,3}|[a-z])[.)]\s+|\(\d{1,3}\)\s+)?")


def _lead(text: str) -> int:
    """Where a clause's text starts after its indentation and its number ("1.     “RESOLVED THAT …")."""
    m = _LEAD.match(text)
    return m.end() if m else 0


def unbalanced(clause: Clause) -> list[tuple[int, str]]:
    """Clean-text indices of unmatched double quotation marks, with a message for each."""
    text = clause.text
    if not _MARKS.search(text):
        return []
    stack: list[int] = []
    stray: list[tuple[int, str]] = []
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == OPEN or ch == "„":
            stack.append(i)
        elif ch == CLOSE:
            if stack:
                stack.pop()
            else:
                stray.append((i, "close"))
        elif ch == '"':
            if not stack and i and text[i - 1].isdecimal():
                continue  # an inch mark ("6' 2\" tall", "a 5\" screen"): no quotation is open for it to close
            role = _role(text, i)
            if role == "either":
                role = "close" if stack else "open"
            if role == "open":
                stack.append(i)
            elif stack:
                stack.pop()
            else:
                stray.append((i, "close"))
    out = [(i, "A closing quotation mark with no opening one") for i, _ in stray]
    out += [(i, "A quotation mark opens here and is never closed in this clause") for i in stack]
    # A resolution quoted whole opens each clause with a mark ("“Whereas …", after its number in a certified
    # extract: '1.  “RESOLVED THAT …') and closes only the last.
    lead = _lead(text)
    out = [(i, m) for i, m in out if not (i == lead and "opens" in m)]
    tail = text.rstrip(" .;,:")
    out = [(i, m) for i, m in out if not (i == len(tail) - 1 and "closing" in m)]
    return sorted(out)


RULE = UnbalancedQuotationMarks()
