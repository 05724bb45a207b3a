"""N003: a note no call-out points to."""

from __future__ import annotations

from functools import lru_cache

from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, Rule
from whereas.model import Note
from whereas.patterns import lazy_compile
from whereas.readers.formats import PRINT_LAYOUT
from whereas.structure.notes import FOOTNOTE_RULE, scan_notes


class UnreferencedNote(Rule):
    code = "N003"
    name = "unreferenced-note"
    severity = Severity.warning
    summary = "A note that no note reference in the text points to."
    why = (
        "Every note is referenced (CT-03, after AMA and Chicago note style): an orphan note usually means a "
        "call-out was lost when the text was edited, so a clause has lost its source."
    )
    bad = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024; now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "[^1]: State Library Funding Survey, 2024. https://example.org/state-library-funding-survey-2024\n"
    )
    good = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024;[^1] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "[^1]: State Library Funding Survey, 2024. https://example.org/state-library-funding-survey-2024\n"
    )
    known_problems = (
        "Silent in a PDF and in a text export of one whose footnotes stand under a rule: their call-outs are "
        "flattened into the line (`”; 3 item 15`) and cannot be told from numbers, so an unreferenced note there "
        "goes unreported. Silent too when nothing in the file calls a note out and no note cites anything (an "
        "address, a year, a page): a notice's explanatory notes, not sources."
    )
    fix_note = "No automatic fix: whereas cannot tell where the lost reference stood."

    def check(self, ctx: Context):
        r = ctx.resolution
        if not r.notes or r.source.format in PRINT_LAYOUT or _page_footnotes(ctx.text, r.notes):
            # a PDF's superscript call-outs lose their place in its text ("Agreement, 3 which", "Governors”;
            # 3 item 15"), in a PDF and in a text export of one with its footnotes under a rule: unsure
            return
        # References anywhere in the file count (the title, another resolution sharing the notes section).
        referenced = {m.note for c in r.clauses for m in c.markers}
        called_out = _called_out(ctx.text)
        if not referenced and not called_out and not any(_CITES.search(n.text) for n in r.notes):
            # no call-out anywhere and nothing cited: a notice's explanatory notes ("1. A Special Resolution
            # requires a majority of three-quarters …"), not a source lost from the text: unsure, silent
            return
        for note in r.notes:
            if note.id not in referenced and note.id not in called_out:
                yield self.diagnostic(ctx, note.span, f"Note {note.id} is never referenced in the text")


# what a note that cites a source has: an address, a year, a page
_CITES = lazy_compile(r"https?://|www\.|\b(?:1[5-9]|20)\d\d\b|\bpp?\.\s*\d")


def _page_footnotes(text: str, notes: tuple[Note, ...]) -> bool:
    """Whether the notes are a printed page's footnotes: numbered lines ("3 See …") under a rule ("_____")."""
    return _has_footnote_rule(text) and all(_FOOTNOTE_START.match(text, n.span.start, n.span.end) for n in notes)


@lru_cache(maxsize=4)  # asked for every resolution with notes: reading the whole text each time was quadratic
def _has_footnote_rule(text: str) -> bool:
    return "_____" in text and FOOTNOTE_RULE.search(text) is not None


_FOOTNOTE_START = lazy_compile(r"[ \t]*\d{1,3}[ \t]")


@lru_cache(maxsize=4)  # asked for every resolution of the text: once per text, not once per resolution
def _called_out(text: str) -> frozenset[str]:
    """The ids of every note called out anywhere in ``text``."""
    return frozenset(m.id for m in scan_notes(text).markers)


RULE = UnreferencedNote()
