"""N005: a note reference on the wrong side of punctuation for the profile's note style."""

from __future__ import annotations

from whereas.lint.diagnostic import Edit, Fix, Severity
from whereas.lint.profiles import NotePlacement
from whereas.lint.rule import Context, FixAvailability, Rule
from whereas.model import Marker, Span
from whereas.structure.places import as_seen, has_places

DASHES = "—–"
_SENTENCE = ".,!?"
_COLONS = ";:"
_CLOSE_QUOTES = "”\"’'"


class NoteReferencePlacement(Rule):
    code = "N005"
    name = "note-reference-placement"
    severity = Severity.warning
    summary = "A note reference stands on the wrong side of punctuation for the profile's note style."
    why = (
        "Where the note number goes is a house style (CT-04). Chicago/Turabian and MHRA: after any punctuation "
        'except a dash, so ");¹" not ")¹;". AMA: after periods and commas but before colons and semicolons. '
        'The profile\'s note_placement chooses ("chicago" by default).'
    )
    bad = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024 (State Library Funding Survey)[^1]; "
        "now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "[^1]: State Library Funding Survey, 2024. https://example.org/state-library-funding-survey-2024\n"
    )
    good = (
        "Resolution on Library Funding\n\n"
        "Whereas public libraries lost a fifth of their state funding in 2024 (State Library Funding Survey);[^1] "
        "now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) urges the states to restore library funding.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "[^1]: State Library Funding Survey, 2024. https://example.org/state-library-funding-survey-2024\n"
    )
    fix = FixAvailability.always("safe")
    fix_note = (
        "Under an inferred profile, a document that places its references consistently is held to its own way: "
        'before semicolons and colons only ("2023¹; and", AMA style), or before every mark ("2010¹, in which", as '
        "many intergovernmental texts do); only the references that break the document's majority are reported. "
        "Safe fix: move the reference (with any references right next to it) across the punctuation. Closing "
        "quotation marks are stepped over, never changed."
    )

    def check(self, ctx: Context):
        text = ctx.text
        style = ctx.profile.note_placement
        for clause in ctx.resolution.clauses:
            for group in _groups(clause.markers, text):
                found = _misplaced(text, group[0].span.start, group[-1].span.end, style)
                if found is None:
                    continue
                message, edits = found
                ids = ", ".join(m.raw if not has_places(ctx.resolution.source) else as_seen(m.raw) for m in group)
                yield self.diagnostic(
                    ctx,
                    group[0].span if len(group) == 1 else _join(group),
                    f"Note reference {ids} {message} ({style} style)",
                    fix=Fix("Move the note reference", edits, "safe"),
                    clause=clause,
                )


def _groups(markers: tuple[Marker, ...], text: str) -> list[list[Marker]]:
    """Runs of adjacent references: "[1][2]" moves as one."""
    out: list[list[Marker]] = []
    for m in sorted(markers, key=lambda m: m.span.start):
        if out and out[-1][-1].span.end == m.span.start:
            out[-1].append(m)
        else:
            out.append([m])
    return out


def _join(group: list[Marker]) -> Span:
    return Span(group[0].span.start, group[-1].span.end)


def _closing_quote_at(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in _CLOSE_QUOTES:
        return False
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev = text[i - 1] if i else " "
    if ch in "’'" and nxt.isalpha():
        return False  # an apostrophe: "Assange’s"
    return not nxt.isalnum() and not prev.isspace()


def _misplaced(text: str, start: int, end: int, style: str) -> tuple[str, tuple[Edit, ...]] | None:
    refs = text[start:end]
    # Punctuation (and closing quotation marks) right after the reference.
    j = end
    run_end = end
    while j < len(text):
        ch = text[j]
        if _closing_quote_at(text, j):
            j += 1
            run_end = j
            continue
        if style == "before":
            break  # any punctuation may follow the reference
        if ch in _SENTENCE or (style == "chicago" and ch in _COLONS):
            if ch == "." and text.startswith("..", j + 1):
                break  # an ellipsis
            if ch in ".," and j + 1 < len(text) and text[j + 1].isalnum():
                break  # "3.5", "1,000"
            j += 1
            run_end = j
            continue
        break
    if run_end > end:
        lead = start
        while lead > 0 and text[lead - 1] in " \t":
            lead -= 1  # "word [1]." → "word.[1]"
        moved = text[end:run_end]
        return (
            f"goes after {moved!r}",
            (Edit(lead, end, ""), Edit(run_end, run_end, refs)),
        )
    prev = text[start - 1] if start else ""
    if prev and prev in DASHES:
        return ("goes before the dash", (Edit(start - 1, start - 1, refs), Edit(start, end, "")))
    if style == "before" and prev and prev in ",;:":
        # (not after a period, which may end an abbreviation: "U.S.¹" is left alone)
        return (f"goes before {prev!r}", (Edit(start - 1, start - 1, refs), Edit(start, end, "")))
    if style == "ama" and prev and prev in _COLONS:
        return (f"goes before {prev!r}", (Edit(start - 1, start - 1, refs), Edit(start, end, "")))
    return None


RULE = NoteReferencePlacement()


def own_placement(text: str, markers: list[Marker]) -> NotePlacement | None:
    """The note style ``markers`` follow in ``text`` where they stand next to punctuation: "chicago" (after
    it), "ama" (before semicolons and colons, after the rest), "before" (before every mark); None when they
    show none or disagree evenly."""
    votes = {"sentence": [0, 0], "colon": [0, 0]}  # [before, after]
    for group in _groups(tuple(markers), text):
        start, end = group[0].span.start, group[-1].span.end
        nxt = text[end] if end < len(text) else ""
        prev = text[start - 1] if start else ""
        if nxt and nxt in ",.!?" and not text[end + 1 : end + 2].isalnum() and not text.startswith("..", end + 1):
            votes["sentence"][0] += 1
        elif nxt and nxt in _COLONS:
            votes["colon"][0] += 1
        if prev and prev in ",.!?":
            votes["sentence"][1] += 1
        elif prev and prev in _COLONS:
            votes["colon"][1] += 1

    def side(kind: str) -> str | None:
        before, after = votes[kind]
        return None if before == after else "before" if before > after else "after"

    sentence, colon = side("sentence"), side("colon")
    if sentence == "before" and colon != "after":
        return "before"
    if colon == "before" and sentence != "before":
        return "ama"
    if "after" in (sentence, colon) and "before" not in (sentence, colon):
        return "chicago"
    return None
