"""N004: notes not numbered 1..n in the order they are first referenced."""

from __future__ import annotations

from functools import lru_cache

from whereas.lint.diagnostic import Severity
from whereas.lint.rule import Context, Rule
from whereas.readers.formats import PRINT_LAYOUT
from whereas.structure.notes import RawMarker, scan_notes


class NoteNumbering(Rule):
    code = "N004"
    name = "note-numbering"
    severity = Severity.warning
    summary = "Notes are not numbered 1, 2, 3 … in the order they are first referenced."
    why = (
        "Notes are numbered consecutively in order of first citation (CT-03, after AMA and Chicago note style); "
        "numbers out of order or with gaps suggest a moved clause or a lost note."
    )
    bad = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024;[^2] and\n\n"
        "Whereas library use rose in the same year;[^1] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "[^1]: Public Library Use Report, 2024. https://example.org/public-library-use-report-2024\n"
        "[^2]: State Library Funding Survey, 2024. https://example.org/state-library-funding-survey-2024\n"
    )
    good = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024;[^1] and\n\n"
        "Whereas library use rose in the same year;[^2] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "[^1]: State Library Funding Survey, 2024. https://example.org/state-library-funding-survey-2024\n"
        "[^2]: Public Library Use Report, 2024. https://example.org/public-library-use-report-2024\n"
    )
    known_problems = (
        "Silent in a PDF's text, where call-outs are read from digits glued to the words and some are missed."
    )
    fix_note = "No automatic fix yet (renumbering notes and their references is planned)."

    def check(self, ctx: Context):
        r = ctx.resolution
        if r.source.format in PRINT_LAYOUT:
            return  # a PDF's call-outs are read from digits glued to the words ("Development,2"): some are missed
        # Order of first reference over the whole file, so that a second resolution sharing one notes
        # section, or restarting at 1, is judged as the reader sees it.
        found = _first_out_of_order(ctx.text)
        if found is not None:
            order, position, ident, marker = found
            if r.span.start <= marker.span.start < r.span.end:  # else reported with its own resolution
                clause = next((c for c in r.clauses if c.span.start <= marker.span.start <= c.span.end), None)
                shown = ", ".join(order[:12]) + (", …" if len(order) > 12 else "")
                yield self.diagnostic(
                    ctx,
                    marker.span,
                    f"Note {ident} is the {_ordinal(position)} note referenced; number notes 1..n in order of "
                    f"first reference (order here: {shown})",
                    clause=clause,
                )


@lru_cache(maxsize=4)  # asked for every resolution of the text: found once per text
def _first_out_of_order(text: str) -> tuple[list[str], int, str, RawMarker] | None:
    """The order of first reference of the notes of ``text``, and the first note out of that order: its
    position, its id and its first call-out (None: numbered 1..n in order, or not numbered)."""
    first: dict[str, RawMarker] = {}
    for m in scan_notes(text).markers:
        first.setdefault(m.id, m)
    order = list(first)
    if not order or not all(i.isdecimal() for i in order):
        return None  # named Markdown notes ("[^ala-policy]") or roman numerals: no numbering to check
    for position, ident in enumerate(order, start=1):
        if int(ident) != position:
            return order, position, ident, first[ident]
    return None


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")


RULE = NoteNumbering()
