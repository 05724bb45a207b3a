"""C005: a period or comma outside the closing quotation mark of a note's cited title."""

from __future__ import annotations

from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, Rule
from whereas.model import Span
from whereas.patterns import lazy_compile

# "…Title". https://…  /  "…Title", 2021  — the mark closes a title of a few words and the period or
# comma follows it; "…Title." and "…Title," are US style.
# a closing quotation mark after a character that is not white space or another mark, then "." or ",": the
# look-behind after the mark it guards, so that the regex engine scans for the marks (6× faster on a note;
# tests/test_fast_paths.py holds it to the look-behind written first)
_OUTSIDE = lazy_compile(r"([\"”])(?<=[^\s\"“”][\"”])([.,])(?=\s|$)")
_INSIDE = lazy_compile(r"[^\s\"“”][.,][\"”](?=\s|$)")


class NoteTitlePunctuation(Rule):
    code = "C005"
    name = "note-title-punctuation"
    severity = Severity.info
    summary = "A period or comma after the closing quotation mark of a note's title (US style puts it inside)."
    why = (
        "In US style, periods and commas go inside closing quotation marks, and a cited title is followed "
        "by a comma, then the URL (CT-10; Chicago Manual of Style 6.9)."
    )
    bad = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024;[^1] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\n"
        "Mover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        '[^1]: Library Research Service. "State Library Funding Survey". https://example.org/funding-survey\n'
    )
    good = bad.replace('Survey". https', 'Survey," https')
    fix_note = (
        "Under an inferred profile, notes that never put the period or comma inside the closing mark follow "
        "their own (logical, British, UN) style and are left alone. "
        "No automatic fix: note texts are compared word for word when fixes are verified, so a change to a "
        "note is left to the drafter (whereas format keeps notes as written)."
    )

    def check(self, ctx: Context):
        text = ctx.text
        bodies = [text[note.span.start : note.span.end] for note in ctx.resolution.notes]
        if ctx.profile.adapted and not any(_INSIDE.search(body) for body in bodies):
            return  # an inferred profile: notes that put the mark inside nowhere follow their own (logical) style
        for note in ctx.resolution.notes:
            body = text[note.span.start : note.span.end]
            for m in _OUTSIDE.finditer(body):
                opening = body.rfind("“" if m.group(1) == "”" else '"', 0, m.start())
                if opening == -1 or m.start() - opening < 4:
                    continue
                at = note.span.start + m.start(2)
                before_url = body[m.end() :].lstrip().startswith(("http", "www."))
                word = body[: m.start()].split()[-1][-20:]
                close = m.group(1)
                want = f"…{word},{close} https://…" if before_url else f"…{word}{m.group(2)}{close}"
                yield self.diagnostic(
                    ctx,
                    Span(at, at + 1),
                    f"Note {note.id}: {m.group(2)!r} after the title's closing quotation mark; US style puts it "
                    f"inside{', with a comma before the URL' if before_url else ''}: {want}",
                )


RULE = NoteTitlePunctuation()
