import re

from whereas.lint.diagnostic import Fix
from whereas.lint.rule import Context, FixAvailability, Rule, replace_fix
from whereas.lint.rules._keywords import after_connector, is_motion, paired_keyword
from whereas.model import Clause
from whereas.patterns import lazy_compile

# "Resolved that", "RESOLVED FURTHER, that" (the comma after FURTHER), "RESOLVED (if the Senate concur), That"
# (the comma after the parenthesis)
_AFTER = lazy_compile(
    r"\b(?P<kw>resolved)(?:\s+(?:further|finally)\b|\s*\([^()]{1,80}\))?(?P<punct>[ \t]*[,:;.]?)(?P<rest>[ \t]*\S)",
    re.I,
)


#: a Markdown heading's marks opening the line ("## Resolved")
_HEADING_MARK = lazy_compile(r"[ \t]*#{1,6}[ \t]")
#: a sentence of its own after "RESOLVED:" ("RESOLVED: The Executive Committee approves …"): a capitalised word
#: that is not "That"
_SENTENCE_AFTER = lazy_compile(r"[ \t]*(?!that\b)[A-Z]", re.I)
#: the enacting phrase after the keyword: "Resolved by the Senate …"
_BY = lazy_compile(r"\s*by\b", re.I)


class ResolvedComma(Rule):
    code = "R004"
    name = "resolved-comma"
    fix_forms = ("resolved",)
    fix_plain = True
    profiles = ("ala", "ronr", "congress", "labor")
    summary = 'No comma after "Resolved" ("Resolved that …", "Resolved: that …", "Resolved. That …").'
    why = 'A comma follows "Resolved" (Robert\'s Rules, GPO, ALA; RS-02).'
    bad = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved that ALA acts.\n"
    good = "Resolution on X\n\nWhereas a; now, therefore, be it\n\nResolved, that ALA acts.\n"
    fix = FixAvailability.sometimes("safe")
    fix_note = (
        'Under an inferred profile, a resolution that writes "BE IT RESOLVED that" (a form the guides do not set) '
        'without a comma in most of its clauses is left alone, and so is one that writes "Resolved that" (or "RESOLVED THAT", '
        '"RESOLVED FURTHER THAT") in every one of two or more clauses; a lone "Resolved that", or one among clauses that write '
        '"Resolved, that", is still reported, and so is a "Resolved:" in a resolution whose other '
        'clauses write "Resolved,"; one that writes "RESOLVED:" in every clause (the form of a shareholder '
        "proposal) is left alone. "
        'Safe fix: write the comma right after the word ("**Resolved** that" → "**Resolved,** that") or after the '
        'words it takes with it ("RESOLVED FURTHER that" → "RESOLVED FURTHER, that"), or in place '
        'of a colon, a semicolon or a full stop typed for it ("Resolved. That" → "Resolved, That"); the space after it stays. Only where "Resolved" opens the clause ("Resolved '
        'that", not "BE IT RESOLVED THAT" or "IT WAS RESOLVED THAT") and a word follows; not in place of the colon '
        'before a sentence of its own ("RESOLVED: The Committee approves …" would become "Resolved, The …"). A keyword '
        "paired with another language's (\"PENDERFYNWYD / RESOLVED: That\") is the document's label and is left alone."
    )

    def check(self, ctx: Context):
        own = _own_way(ctx) if ctx.profile.adapted else None
        colon = ctx.profile.adapted and _colon_throughout(ctx)
        if ctx.profile.adapted and _bare_throughout(ctx):
            return  # "RESOLVED THAT …" / "RESOLVED FURTHER THAT …" in every clause: the resolution's own way
        for c in ctx.resolution.resolved:
            if is_motion(c):
                continue  # "1. To see the dispute resolved through …" under "Conference resolves:": not the keyword
            m = _AFTER.search(c.text, 0, 80)
            if not m or m.group("punct").strip() == ",":
                continue
            line_start = ctx.text.rfind("\n", 0, c.span.start) + 1
            if _HEADING_MARK.match(ctx.text, line_start, c.span.start + 1):
                continue  # "## Resolved": a Markdown heading that labels the resolving part, not a keyword to punctuate
            if colon and m.group("punct").strip() == ":":
                continue  # "RESOLVED:" in every clause (a shareholder proposal's form): the resolution's own way
            if own is False and not _plain(ctx, c):
                continue  # "BE IT RESOLVED that" all through: the resolution's own way with a form the guides do not set
            if paired_keyword(ctx.text, c, c.mapped.source_span(m.start("kw"), m.end("kw"))):
                continue  # "PENDERFYNWYD / RESOLVED: That": a bilingual label, punctuated as the document writes it
            if _BY.match(c.text, m.end("punct")):
                # "Resolved by the Senate (…), That", "RESOLVED BY THE SENATE OF THE STATE OF …, THE HOUSE OF
                # REPRESENTATIVES CONCURRING, that": the enacting phrase; the comma comes after it
                continue
            span = (
                c.mapped.source_span(m.start("punct"), m.end("punct"))
                if m.group("punct")
                else c.mapped.source_span(m.start("kw"), m.end("kw"))
            )
            fix = None if after_connector(ctx.resolution, c) else _fix(ctx.text, c, m)
            typed = m.group("punct").strip()
            message = f'"Resolved" takes a comma, not "{typed}"' if typed else 'A comma follows "Resolved"'
            yield self.diagnostic(ctx, span, message, fix, c)


def _plain(ctx: Context, c: Clause) -> bool:
    """Whether "Resolved" opens the paragraph ("Resolved that"), not "BE IT RESOLVED" (connector cut off or not)."""
    return c.keyword.plain and not after_connector(ctx.resolution, c)


def _colon_throughout(ctx: Context) -> bool:
    """Whether every "Resolved" of the resolution is followed by a colon ("WHEREAS: …" / "RESOLVED: Shareholders
    request …"), a recognised form the resolution keeps to."""
    marks = [
        m.group("punct").strip()
        for c in ctx.resolution.resolved
        if c.keyword.form == "resolved" and not is_motion(c) and (m := _AFTER.search(c.text, 0, 80))
    ]
    return bool(marks) and all(mark == ":" for mark in marks)


def _bare_throughout(ctx: Context) -> bool:
    """Whether two or more "Resolved"s open the resolution's clauses and not one takes a mark ("RESOLVED THAT …",
    "RESOLVED FURTHER THAT …": an Indian company's or trust's form, a union's "Resolved that" all through)."""
    marks = [
        m.group("punct").strip()
        for c in ctx.resolution.resolved
        # (the keyword opening the clause, or after its number: "2. RESOLVED FURTHER THAT")
        if not is_motion(c) and (m := _AFTER.search(c.text, 0, 80)) and m.start("kw") <= 8
    ]
    return len(marks) >= 2 and len(marks) == len(ctx.resolution.resolved) and not any(marks)


def _own_way(ctx: Context) -> bool | None:
    """Whether the resolution's "BE IT RESOLVED"-style keywords mostly take a comma (None: it has none)."""
    marks = [
        m.group("punct").strip() == ","
        for c in ctx.resolution.resolved
        if not _plain(ctx, c) and c.keyword.form == "resolved" and (m := _AFTER.search(c.text, 0, 80))
    ]
    if not marks:
        return None
    return sum(marks) * 2 > len(marks)


def _fix(text: str, c: Clause, m: re.Match[str]) -> Fix | None:
    """The comma, written where it belongs; None when the keyword is not the one the grammar read or
    no word follows it ("Resolved)" in a damaged transcription)."""
    kw = c.keyword
    if kw.word != (m.start("kw"), m.end("kw")) or not c.text[m.end() - 1 : m.end()].isalpha():
        return None
    # the comma goes after the words the keyword takes with it: "RESOLVED FURTHER, that", "RESOLVED (if the
    # Senate concur), That"
    head_end = c.mapped.source_offset(m.start("punct") - 1) + 1
    mark = m.group("punct").strip()
    if mark in ":." and mark and _SENTENCE_AFTER.match(c.text, m.end("punct")) and c.text[m.end() - 1].isupper():
        return None  # "RESOLVED: The Committee approves …": the colon opens a sentence of its own
    if not mark:
        return replace_fix('Write ","', head_end, head_end, ",")
    at = c.mapped.source_offset(m.end("punct") - 1)
    if text[head_end:at].strip(" \t"):
        return None  # markup between the word and its mark: "**Resolved**:"
    return replace_fix('Write ","', head_end, at + 1, ",")


RULE = ResolvedComma()
