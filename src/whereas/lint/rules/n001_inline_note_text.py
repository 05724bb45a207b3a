"""N001: note text sitting inside the body (a Word export's inline ``[N: …]`` block)."""

from __future__ import annotations

from whereas.lint.diagnostic import Edit, Fix
from whereas.lint.rule import Context, FixAvailability, Rule
from whereas.model import Resolution
from whereas.structure.notes import MD_DEFINITION, WORD_MARKER


class InlineNoteText(Rule):
    code = "N001"
    name = "inline-note-text"
    fix_scope = "notes"
    summary = "A note's text sits inside the body (a Word export's inline \"[1: …]\" block)."
    why = (
        "Note text belongs in an Endnotes section after the resolution, not inside a Whereas clause; "
        '"[endnoteRef:N]" call-outs and "[N: …]" blocks are Word-export artifacts that must be converted '
        "before the resolution is posted (CT-05; drafting-rules §6, Word-export endnotes)."
    )
    bad = (
        "Resolution on Press Freedom\n\n"
        'Whereas the American Civil Liberties Union (ACLU) has stated that "the prosecution of Julian Assange '
        'poses a grave threat to press freedom";[endnoteRef:1] [1: American Civil Liberties Union. "ACLU Comment '
        'on Julian Assange Extradition Ruling," https://www.aclu.org/press-releases/aclu-comment-julian-assange-'
        "extradition-ruling] now, therefore, be it\n\n"
        "Resolved, that the American Library Association (ALA) calls for the charges to be dropped.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n"
    )
    good = (
        "Resolution on Press Freedom\n\n"
        'Whereas the American Civil Liberties Union (ACLU) has stated that "the prosecution of Julian Assange '
        'poses a grave threat to press freedom";[^1] now, therefore, be it\n\n'
        "Resolved, that the American Library Association (ALA) calls for the charges to be dropped.\n\nMover: Jane Doe, Councilor-at-Large\nSeconder: John Roe, Chapter Councilor\n\n"
        "Endnotes\n\n"
        '[^1]: American Civil Liberties Union. "ACLU Comment on Julian Assange Extradition Ruling," '
        "https://www.aclu.org/press-releases/aclu-comment-julian-assange-extradition-ruling\n"
    )
    fix = FixAvailability.sometimes("safe")
    fix_note = (
        'Safe fix, one for the whole document (the same fix on every finding, applied once): every "[endnoteRef:N]" / '
        '"[footnoteRef:N]" call-out becomes a Markdown footnote reference "[^N]", every inline note block is '
        'deleted together with the spaces before it (and after it, when it ends the line), and an "Endnotes" '
        'section with "[^N]: text" definitions is appended to the file. The notes\' ids and texts are unchanged. '
        "No fix when the file holds other resolutions' Word notes or already defines a Markdown note with the same id."
    )

    def check(self, ctx: Context):
        r = ctx.resolution
        inline = [n for n in r.notes if n.inline]
        if not inline:
            return
        fix = _markdown_footnotes_fix(r)
        for note in inline:
            yield self.diagnostic(
                ctx,
                note.span,
                f"Note {note.id}'s text is inside the body; move it to an Endnotes section after the resolution",
                fix=fix,  # one fix for all: every note it moves shows [*]; it is applied once
                clause=next((c for c in r.clauses if any(s == note.span for s in c.inline_notes)), None),
            )


def _markdown_footnotes_fix(r: Resolution) -> Fix | None:
    text = r.source.text
    inline = [n for n in r.notes if n.inline]
    # Word call-outs or inline blocks of some other resolution in the same file: ids would collide.
    markers = [m for c in r.clauses for m in c.markers if WORD_MARKER.fullmatch(m.raw)]
    inside = {m.span.start for m in markers}
    note_spans = [n.span for n in r.notes]
    for found in WORD_MARKER.finditer(text):
        if found.start() not in inside and not any(s.start <= found.start() < s.end for s in note_spans):
            return None
    ids = [n.id for n in inline]
    if len(set(ids)) != len(ids):
        return None
    defined = {d.group(1) for d in MD_DEFINITION.finditer(text)}
    if defined & set(ids):
        return None

    edits: list[Edit] = []
    for m in markers:
        edits.append(Edit(m.span.start, m.span.end, f"[^{m.note}]"))
    for n in inline:
        start = n.span.start
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        end = n.span.end
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        if after == len(text) or text[after] in "\r\n":
            end = after  # the block ended the line: take the trailing spaces too
        edits.append(Edit(start, end, ""))
    definitions = "\n".join(f"[^{n.id}]: {n.text}" for n in inline)
    lead = "\n" if text.endswith("\n") else "\n\n"
    edits.append(Edit(len(text), len(text), f"{lead}Endnotes\n\n{definitions}\n"))
    edits.sort(key=lambda e: (e.start, e.end))
    return Fix("Move the inline notes to an Endnotes section as Markdown footnotes", tuple(edits), "safe")


RULE = InlineNoteText()
