"""The numbered, lettered or bulleted items inside a clause."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whereas.model import Item, MappedText, Span
from whereas.patterns import lazy_compile
from whereas.structure.clean import clean
from whereas.structure.drafts import ClauseDraft
from whereas.structure.keywords import BLOCK_INTRO, BULLET_CLASS, BULLETS, PRIVATE_BULLETS
from whereas.structure.lines import ITEM, Line, follows_label, label_of, misnumbered

if TYPE_CHECKING:
    from whereas.structure import Removed

__all__ = ["find_items"]


def _goes_on(item_lines: list[Line], line: Line) -> bool:
    """Whether a bullet line goes on the sentence of the item above: it starts in lower case and the item
    ends without a full stop, on a joining word or a comma."""
    body = ITEM.sub("", line.text, count=1).lstrip()
    last = " ".join(item_lines[-1].text.split()) if item_lines else ""
    if re.search(r";\s*(?:and|or)$", last):
        return False  # "- the active voice; and" / "- tables.": the list's last item
    return body[:1].islower() and bool(re.search(r"(?:\b(?:and|or|the|of|to|in)|,)$", last))


def _bullet(line: Line) -> Span:
    """The bullet and the space after it at the start of a line."""
    m = re.match(rf"[ \t]*[{BULLET_CLASS}][ \t]+", line.text)
    end = m.end() if m else 0
    return Span(line.start, line.start + end)


def _list_goes_on(lines: list[Line], previous: str | None) -> bool:
    """Whether one of ``lines`` is the list's next item (a paragraph interrupted the list)."""
    return any(ln.kind == "item" and (found := label_of(ln)) and follows_label(previous, found[0]) for ln in lines)


def _joins_items(lines: list[Line], i: int, previous: str | None) -> bool:
    """Whether ``lines[i]`` is a lone "and" / "or" between the list's items, a paragraph of its own ("… its
    wetlands;" / blank / "and" / blank / "(3) encourages …"): the next line with text is the list's next item,
    numbered right or wrong."""
    if not _JOINER.match(lines[i].text):
        return False
    nxt = next((ln for ln in lines[i + 1 :] if ln.kind != "blank"), None)
    found = label_of(nxt) if nxt is not None and nxt.kind == "item" else None
    return found is not None and (follows_label(previous, found[0]) or misnumbered(previous, found[0]))


def _paragraph_break(text: str, above: Line, line: Line, cut: Removed) -> bool:
    """Whether a blank line stands between ``above`` and ``line``: not only a page's break and the notes printed at
    its foot, where the line above stops mid-sentence ("… and to follow up with the" / notes / "families of …")."""
    gap = text[above.end + 1 : line.start]
    if "\n" not in gap:
        return False
    if "\f" not in gap or not _MID_SENTENCE.search(above.text):
        return True
    pos, kept = above.end + 1, []
    for span in cut.within(above.end + 1, line.start):
        kept.append(text[pos : span.start])
        pos = max(pos, span.end)
    kept.append(text[pos : line.start])
    return bool("".join(kept).strip())


_MID_SENTENCE = lazy_compile(r"[\w,][ \t]*$")


def _stops_mid_sentence(lines: list[Line]) -> bool:
    """Whether the last line of ``lines`` with text stops in the middle of a sentence (on a word or a comma)."""
    last = next((ln.text for ln in reversed(lines) if ln.kind != "blank"), "")
    return bool(_MID_SENTENCE.search(last))


#: a line of a wrapped paragraph fills at least this share of the column (the clause's longest line)
FULL_LINE = 0.85


def _full_line(lines: list[Line], width: int) -> bool:
    """Whether the last line of ``lines`` with text fills the column (``width``, the clause's longest line): a
    paragraph's line that wrapped, not a short entry's end ("- Police protection")."""
    last = next((ln.text.rstrip() for ln in reversed(lines) if ln.kind != "blank"), "")
    return len(last) >= 40 and len(last) >= FULL_LINE * width


def _after_the_list(item_lines: list[Line], line: Line) -> bool:
    """A paragraph after a finished item ("…; and", "….") that starts a sentence and introduces no list."""
    last = " ".join(" ".join(ln.text.split()) for ln in item_lines if ln.kind != "blank")
    body = line.text.strip().rstrip(" *_")
    return (
        bool(re.search(r"(?:[.;]|;\s*(?:and|or))$", last))
        and body[:1].isupper()
        and not body.endswith(":")
        and not ITEM.match(line.text)
    )


def _ends_item(item_lines: list[Line]) -> bool:
    """Whether the item so far ends as a list's item does ("…;", "…; and", "…."), its "and" on a line of its own
    too ("… for their service;" / "and", as a PDF's text or a congress.gov print sets it)."""
    lines = [ln.text for ln in item_lines if ln.kind != "blank"]
    last = lines[-1] if lines else ""
    if len(lines) >= 2 and _JOINER.match(last):
        last = f"{lines[-2].rstrip()} {last.strip()}"
    return bool(re.search(r"(?:[.;]|;[ \t]*(?:and|or))[ \t*_]*$", last))


_JOINER = lazy_compile(r"^[\s*_]*(?:and|or|and/or)[\s,;*_]*$", re.I)


def _hangs_under(item: Line, line: Line) -> bool:
    """Whether ``line`` is set in past the label of ``item``: under the item's words, a line of the item."""
    found = label_of(item)
    indent = len(line.text) - len(line.text.lstrip(" \t"))
    return found is not None and indent > found[1] and line.text.lstrip()[:1].islower()


def _numbering_goes_on(rest: list[Line], label: str, so_far: str, first: str) -> bool:
    """Whether a list the clause introduces ("… subject to the following conditions:") starts at a number past 1
    because a word processor numbered it on from the list before ("4." after the findings' 1–3): the item after it
    is numbered next."""
    if not label.isdecimal() or label == "1" or not so_far[: -len(first.strip())].rstrip(" *_").endswith(":"):
        return False
    nxt = next((ln for ln in rest if ln.kind == "item"), None)
    found = label_of(nxt) if nxt is not None else None
    return found is not None and found[0].isdecimal() and int(found[0]) == int(label) + 1


def find_items(text: str, d: ClauseDraft, cut: Removed, *, limit: int) -> tuple[Item, ...]:
    """The clause's items: a list that starts at 1/a/i (or bullets) and counts on.

    A line that merely begins with "(2)" in a wrapped paragraph, or a deeper-indented line
    (a sub-list, a list inside a quotation), belongs to the item before it, and so does a bullet line
    that goes on the item's sentence ("… that facilitates clarity, and" / "- tables.").  A paragraph
    that introduces another list ("To avoid problems …, agencies should:") ends the item before it;
    the list after it is the clause's too, its items follow on.
    """
    starts: list[int] = []
    ends: dict[int, int] = {}  # item start → the line the item ends before (an introducing paragraph)
    goes_on: list[int] = []  # bullet lines that go on the item above: their bullet is not text
    previous: str | None = None
    base: int | None = None
    stop = len(d.lines)
    so_far = ""  # the clause's text up to the line (its last 300 characters)
    quoted = False
    spaced = False  # the item so far runs on over a blank line (a double-spaced text)
    width = max(len(ln.text.rstrip()) for ln in d.lines)  # the column's width
    for i, line in enumerate(d.lines):
        if line.kind != "blank" and so_far.rstrip(" *_").endswith(":") and BLOCK_INTRO.search(so_far.rstrip(" *_")):
            stop = i  # what follows "… provides:" is the quoted text's: its subsections are no items
            quoted = True
            break
        if line.kind != "blank":
            so_far = (so_far + " " + line.text.strip())[-300:]
        broken = starts and line.kind == "text" and i > 0 and _paragraph_break(text, d.lines[i - 1], line, cut)
        # a double-spaced item's line above stops mid-sentence ("… provide that CEQA" / "does not apply …")
        # … or a full line above it stops mid-sentence, a wrapped line a page's break cut ("… bound by decisions made" /
        # page break / "in a different time …")
        runs_on = (
            broken
            and line.text.lstrip()[:1].islower()
            and _stops_mid_sentence(d.lines[:i])
            and (spaced or _full_line(d.lines[:i], width))
        )
        if (
            broken
            and base is not None
            # (one column right of the labels too: a PDF's ragged margin, "(A)" at 14, "(B)" at 15)
            and len(line.text) - len(line.text.lstrip(" \t")) <= base + 1
            and (
                (line.text.lstrip()[:1].islower() and not runs_on and not _joins_items(d.lines, i, previous))
                or (_after_the_list(d.lines[starts[-1] : i], line) and not _list_goes_on(d.lines[i + 1 :], previous))
            )
        ):
            # the sentence the list interrupted goes on ("… in any of" / list / "as long as …"), or the
            # clause's next sentence follows the finished list ("… per month;" / "The yearly rates …"); not the
            # item's own sentence going on in a double-spaced text
            stop = i
            break
        if line.kind == "item":
            spaced = False
        elif broken:
            spaced = True  # the item already runs on over a blank line: a double-spaced text
        if (
            starts
            and line.kind == "text"
            and not runs_on  # (a sub-list inside the item: "… for the purpose of:" / "(A) …")
            and line.text.rstrip(" *_").endswith(":")
            and "\n" in text[d.lines[i - 1].end + 1 : line.start]  # a paragraph of its own, not an item's line
            and i + 1 < len(d.lines)
            and d.lines[i + 1].kind == "item"
            and d.lines[i + 1].start > line.end + 1  # a paragraph of its own, a blank line before the list
        ):
            ends[starts[-1]] = i
            previous = None  # the list after it starts again
            continue
        if line.kind != "item" or (i == 0 and d.kind in ("recital", "resolved") and not ITEM.match(line.text)):
            continue
        found = label_of(line)
        if found is None:
            continue
        label, indent = found
        if base is not None and indent > base + 1:
            continue
        if label in BULLETS and starts and _goes_on(d.lines[starts[-1] : i], line):
            goes_on.append(i)
            continue  # "- tables." after "… clarity, and": the item's sentence goes on
        if (
            not follows_label(previous, label)
            and not (base == indent and misnumbered(previous, label) and _ends_item(d.lines[starts[-1] : i]))
            and not (previous is None and _numbering_goes_on(d.lines[i + 1 :], label, so_far, line.text))
        ):
            continue
        if base is None:
            base = indent
        starts.append(i)
        previous = label
    if not starts:
        return () if quoted else _run_in_items(text, d, cut, limit)
    items = []
    for n, i in enumerate(starts):
        last = min(starts[n + 1] if n + 1 < len(starts) else stop, ends.get(i, stop)) - 1
        # a joiner paragraph after an item ("and", "AND", "And,") joins it to the next item or the clause to
        # the next, and is not the item's text; one set in under the item's words is the item's own last line
        # (a double-spaced text: "•   Schedule 6 (…);" / "      and")
        while last > i and (
            d.lines[last].kind == "blank"
            or (_JOINER.match(d.lines[last].text) and not _hangs_under(d.lines[i], d.lines[last]))
        ):
            last -= 1
        lo, hi = d.lines[i].start, min(d.lines[last].end, limit)  # the formula after the last item is not in it
        if hi <= lo:
            continue
        bullets = [_bullet(d.lines[k]) for k in goes_on if i < k <= last]
        mapped = clean(text, lo, hi, sorted(cut.within(lo, hi) + bullets, key=lambda s: s.start))
        m = ITEM.match(mapped.text)
        if not m:
            continue
        label = m.group(1) or m.group(2) or m.group(3)
        body_at = m.end()
        marker = (
            re.sub(rf"^[{BULLET_CLASS}]\s+(?=\S)", "", m.group(0)[:body_at].strip()) if not m.group(3) else m.group(3)
        )
        if label in PRIVATE_BULLETS:
            label = marker = "•"  # a Symbol font's bullet shows as "•" on the page, as nothing elsewhere
        items.append(Item(label, mapped.text[body_at:], mapped.source_span(0, len(mapped.text)), marker))
        for extra in _split_run_on(mapped, body_at, items[-1]):
            items[-1:] = extra
    return tuple(items)


def _split_run_on(mapped: MappedText, body_at: int, item: Item) -> list[list[Item]]:
    """An item whose text runs on into the next items of its list ("(a) is asserted in good faith, (b)
    supports …, (c) …"): cut at each next label that follows in order after a comma, semicolon or "and"."""
    body = mapped.text
    parts = [(0, item.label, item.marker, body_at)]
    paren = item.marker.startswith("(")
    for m in _RUN_IN_LABEL.finditer(body, body_at):
        label = m.group("a") or m.group("b")
        if bool(m.group("a")) != paren or not follows_label(parts[-1][1], label):
            continue
        if not re.search(r"(?:[,;:]|\band|\bor)$", body[: m.start()].rstrip()):
            continue
        parts.append((m.start(), label, m.group("marker"), m.end()))
    if len(parts) == 1:
        return []
    out = []
    for n, (start, label, marker, text_at) in enumerate(parts):
        end = parts[n + 1][0] if n + 1 < len(parts) else len(body)
        hi = len(body[:end].rstrip())
        out.append(Item(label, body[text_at:hi], mapped.source_span(start, hi), marker))
    return [out]


# A label inside a sentence: "… to: 1) halt …; 2) refrain …", "(a) conference travel, (b) internal …"
_RUN_IN_LABEL = lazy_compile(
    r"(?:(?<=[\s:;,—])|^)(?P<marker>\((?P<a>[ivx]{1,4}|[a-z]|\d{1,2})\)|(?P<b>[ivx]{1,4}|[a-z]|\d{1,2})\))[ \t]+(?=\S)"
)


def _run_in_items(text: str, d: ClauseDraft, cut: Removed, limit: int) -> tuple[Item, ...]:
    """A list run into the clause's sentence: labels in order from 1 / a, each after a comma, semicolon,
    colon or "and", the last item running to the clause's end."""
    if text.find(")", d.start, min(d.end, limit)) == -1:
        return ()  # every label ends with ")", and cleaning only drops characters and folds white space
    mapped = clean(text, d.start, min(d.end, limit), cut.within(d.start, d.end))
    body = mapped.text
    if ")" not in body:
        return ()
    found = [(m, m.group("a") or m.group("b")) for m in _RUN_IN_LABEL.finditer(body)]
    for k, (m, label) in enumerate(found):
        if label not in ("1", "a", "i"):
            continue
        run = [(m, label)]
        # after a colon, each item may be a sentence of its own ("… organized to: 1) Ensure …. 2) Create …")
        separator = r"(?:[,;:.]|\band|\bor)$" if body[: m.start()].rstrip().endswith(":") else r"(?:[,;:]|\band|\bor)$"
        for later, next_label in found[k + 1 :]:
            style = bool(later.group("a")) == bool(m.group("a"))
            before = body[: later.start()].rstrip()
            if style and follows_label(run[-1][1], next_label) and re.search(separator, before):
                run.append((later, next_label))
        if len(run) < 2:
            continue
        items = []
        for n, (label_match, label) in enumerate(run):
            end = run[n + 1][0].start() if n + 1 < len(run) else len(body)
            lo, hi = label_match.end(), len(body[:end].rstrip())
            items.append(
                Item(label, body[lo:hi], mapped.source_span(label_match.start(), hi), label_match.group("marker"))
            )
        return tuple(items)
    return ()
