"""Page furniture: what a printed page adds around the text and no clause says.

Documents that went through a printer or a PDF come with page headers and footers ("HCR 36 2",
"Resolution No. 25-07        3", "DRAFT"), page numbers ("2", "Page 3 of 5", "- 4 -"), line
numbers at the start of every line (legislative bills), and form feeds where pages break.  A
clause that runs over a page break must not be cut by them, and none of it belongs in a clause's
text.  :func:`find_furniture` finds them by their shape, never by one document's wording:

* **form feeds** (``\\f``) are dropped, and mark page boundaries;
* **line numbers**: a run of at least five lines starting with consecutive numbers ("23 WHEREAS,
  …", "24 members of …"), and after one that starts at 1 any run that starts at 1 again (a page of a bill
  numbered page by page, however few its lines); the number is dropped, a line holding only its number becomes a blank
  line; a line without a number between two numbered ones is the numbered line's wrapped
  continuation, unless it is a page number or a running header or footer counting the pages
  ("HCR 36 2", "HCR 36 3");
* **headers and footers**: a short line (at most 80 characters, not a keyword or list line) that
  comes back at page boundaries, its numbers allowed to differ ("HCR 36 2", "HCR 36 3"); without
  page boundaries, a short line with a number that comes back three times or more;
* **a browser's print header and footer**: a page's first line that opens with the date and time it was printed
  ("12/1/26, 3:35 AM  Resolution 2025-04 – Site name"), and its last that is an address and "1/2";
* **print codes**: a line of digits without a word (a job number, a barcode) at a page's edge;
* **page numbers**: a line that is only a page number ("2", "Page 2", "Page 2 of 5", "- 2 -",
  "2 | Page") next to a page boundary, or anywhere in a text with page boundaries; a line that says
  it is one ("Page 2", "- 2 -") anywhere, and so does a header or footer laid out with one ("Town of Ashby
  Page 1 of 2", its words and the label set apart by a wide gap, a tab or a bar, as a PDF's text pasted
  into a plain file keeps it); bare numbers that count up through the text (1, 2, 3).

* **the US Government Publishing Office's** VerDate line at a page's foot and running mark ("•HCON 33 IH") atop
  it, wherever they stand (structure/gpo.py).

* **a pasted chat's** message headers ("Jane Doe  10:42 AM"), reactions and "(edited)" marks (structure/chat.py).

* **comments** of a Google Docs plain-text export: the lettered list at the end ("[a]Should this say …") and
  the anchors in the text that call it ("…;[b] and").

Removed lines are *hidden*: the structure builder skips them, so a clause runs on across them as if
the page had not broken.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from whereas.model import Span
from whereas.patterns import lazy_compile
from whereas.structure.chat import chat_furniture
from whereas.structure.gpo import GPO_HINT, gpo_furniture
from whereas.structure.keywords import RECITAL, RESOLUTION_NUMBER, is_resolved_line

__all__ = ["Furniture", "find_furniture"]

_LINE_NUMBER = lazy_compile(r"^[ \t\f]*(\d{1,3})(?:[ \t]+|$)")
_PAGE_NUMBER = lazy_compile(
    r"^[ \t\f]*(?:(?:page|p\.)[ \t]*\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?|[-–—][ \t]*\d{1,4}[ \t]*[-–—]|\d{1,4}"
    r"(?:[ \t]*\|[ \t]*page)?|\d{1,4}[ \t]*(?:of|/)[ \t]*\d{1,4})[ \t]*$",
    re.I,
)
_DIGITS = lazy_compile(r"\d+")
#: a print shop's code at a page's edge, once: a job number "18-18142 (E) 021118", a barcode "*1818142*";
#: digits, dashes, slashes, asterisks and a parenthesised letter, nothing else
_CODE_LINE = lazy_compile(r"^(?=.*\d)[ \t]*(?:[\d*#/-]|\([A-Z]\)|[ \t]){1,40}$")
_LIST_LIKE = lazy_compile(r"^[ \t]*(?:[-*•+>#|]|\(?[0-9a-zA-Z]{1,3}[.)])")
#: the fewest consecutive numbered lines that make line numbering
MIN_NUMBERED_RUN = 5
#: the longest line that can be a header or footer
MAX_FURNITURE = 80


@dataclass(frozen=True)
class Furniture:
    """What a printed page added to the text (see the module's docstring), found in one document."""

    #: stretches of text that are not the document's words (line-number prefixes, form feeds, whole lines)
    removed: tuple[Span, ...] = ()
    #: start offsets of lines that are furniture through and through (skipped by the builder)
    hidden: frozenset[int] = frozenset()
    #: line start → length of the line number (and the space after it) that opens the line
    prefixes: dict[int, int] = field(default_factory=dict)
    #: start offsets of lines read as a mark between paragraphs (a chat message's header): they end a clause
    marks: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.removed)


@lru_cache(maxsize=2)  # (``format`` lays out the text it has just built: its furniture is found once)
def find_furniture(text: str) -> Furniture:
    """The page furniture of ``text`` (an empty Furniture for most documents: checked cheaply first), and a pasted
    chat's (structure/chat.py): a message's header is a mark that ends a paragraph, never skipped, so that no clause
    runs on into the next message; its reactions and "(edited)" marks are removed."""
    page = _page_furniture(text)
    chat, headers = chat_furniture(text)
    if not chat:
        return page
    return Furniture(
        tuple(sorted(set(page.removed) | set(chat), key=lambda s: (s.start, s.end))),
        page.hidden - {s.start for s in chat},
        page.prefixes,
        frozenset(headers),
    )


def _page_furniture(text: str) -> Furniture:
    has_feed = "\f" in text
    comments = _comment_anchors(text) if "[a]" in text else None
    gpo = GPO_HINT.search(text) is not None
    if not has_feed and not _maybe_numbered(text) and comments is None and not gpo:
        return Furniture()
    lines = _lines(text)
    removed: list[Span] = list(comments[0]) if comments else []
    prefixes: dict[int, int] = {}
    numbered = _line_numbers(lines)
    for start, raw in lines if has_feed else ():
        feed = raw.find("\f")
        while feed != -1:
            removed.append(Span(start + feed, start + feed + 1))
            feed = raw.find("\f", feed + 1)
    for i in sorted(numbered):
        start, raw = lines[i]
        m = _LINE_NUMBER.match(raw)
        assert m is not None
        removed.append(Span(start + m.start(1), start + m.end()))
        prefixes[start] = m.end()
    # the lines with a digit, which every pattern of a page's number, a numbered footer or a header's shape needs
    # (the lines of a long text are read once for them, not by each pass)
    digits = [i for i, (_, raw) in enumerate(lines) if _has_digit(raw)]
    furniture = set(_between_numbers(lines, numbered))
    furniture.update(_headers_and_footers(lines, has_feed, digits))
    furniture.update(_browser_furniture(lines) if has_feed else ())
    furniture.update(_page_number_lines(lines, numbered, digits))
    furniture.update(_page_labels(lines, numbered, digits))
    furniture.update(gpo_furniture(lines) if gpo else ())
    hidden = {lines[i][0] for i in furniture} | (comments[1] if comments else set())
    removed += [Span(lines[i][0], lines[i][0] + len(lines[i][1])) for i in furniture]
    if not removed:
        return Furniture()
    return Furniture(tuple(sorted(set(removed), key=lambda s: (s.start, s.end))), frozenset(hidden), prefixes)


def _comment_anchors(text: str) -> tuple[list[Span], set[int]] | None:
    """A Google Docs plain-text export's comments: the list at the end ("[a]Should this say …", "[b]Source: …",
    lettered a, b, c … in order) and the anchors in the text that call them ("…examinations;[b] and"), or None.
    Neither is the document's words: the anchors' spans and the list's line starts."""
    lines = _lines(text)
    end = len(lines)
    while end > 0 and not lines[end - 1][1].strip():
        end -= 1
    start = end
    labels: list[str] = []
    while start > 0 and (not lines[start - 1][1].strip() or _COMMENT_LINE.match(lines[start - 1][1])):
        start -= 1
        if m := _COMMENT_LINE.match(lines[start][1]):
            labels.insert(0, m.group(1))
    if not labels or labels != [_comment_label(n) for n in range(len(labels))]:
        return None
    body_end = lines[start][0] if start < len(lines) else len(text)
    wanted = set(labels)
    anchors = [m for m in _ANCHOR.finditer(text, 0, body_end) if m.group(1) in wanted]
    if {m.group(1) for m in anchors} != wanted:
        return None  # a list that some comment's anchor in the text does not call is no comment list
    hidden = {lines[i][0] for i in range(start, end) if lines[i][1].strip()}
    return [Span(m.start(), m.end()) for m in anchors], hidden


def _comment_label(n: int) -> str:
    """The nth comment's label as Google Docs writes it: a … z, then aa, ab …"""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[n] if n < 26 else letters[n // 26 - 1] + letters[n % 26]


_COMMENT_LINE = lazy_compile(r"^\[([a-z]{1,2})\]\S")
_ANCHOR = lazy_compile(r"\[([a-z]{1,2})\]")


def _maybe_numbered(text: str) -> bool:
    """Whether ``text`` may have line numbers or repeated numbered footers (a cheap first look)."""
    return bool(re.search(r"^[ \t]*(?:\d{1,3}[ \t]|[-–—][ \t]*\d{1,4}[ \t]*[-–—][ \t]*$)", text, re.M)) or bool(
        re.search(r"\d[ \t]*$", text[: min(len(text), 200_000)], re.M)
    )


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        out.append((pos, raw))
        pos += len(raw) + 1
    return out


def _line_numbers(lines: list[tuple[int, str]]) -> set[int]:
    """Indices of lines whose leading number is a line number: runs of consecutive numbers.

    A run is line numbering when it is long enough (:data:`MIN_NUMBERED_RUN`), or when it starts again at 1 after
    such a run that started at 1: a bill numbered page by page ("1" to "22" on page 1), whose last page holds only
    a few lines ("1 RESOLVED, That suitable copies …", "2 …", "3 …")."""
    runs: list[list[int]] = []
    run: list[int] = []
    expected: int | None = None
    for i, (_, raw) in enumerate(lines):
        m = _LINE_NUMBER.match(raw)
        if m is not None:
            n = int(m.group(1))
            if expected is not None and n == expected:
                run.append(i)
                expected = n + 1
                continue
            runs.append(run)
            run, expected = [i], n + 1
            continue
        if run and i - run[-1] > 4:  # a numbered page goes on within a few unnumbered lines (headers)
            runs.append(run)
            run, expected = [], None
    runs.append(run)
    numbered: set[int] = set()
    by_page = False  # a long run that started at 1 came before: each page numbers its lines from 1
    for run in runs:
        first = _LINE_NUMBER.match(lines[run[0]][1]) if run else None
        starts_at_one = first is not None and int(first.group(1)) == 1
        if len(run) >= MIN_NUMBERED_RUN or (by_page and starts_at_one):
            numbered.update(run)
            by_page = by_page or starts_at_one
    return numbered


def _between_numbers(lines: list[tuple[int, str]], numbered: set[int]) -> list[int]:
    """Unnumbered, non-blank lines between two numbered lines of one run that are page furniture: a page's number
    ("2", "- 2 -"), a print code, or a running header or footer that counts the pages ("HCR 36 2", "HCR 36 3").

    Any other line there is the numbered line's own: a line number counts the printed lines, and a line too long
    for the page's column wraps onto a line without a number ("1 WHEREAS, the tools are now widely" /
    "available to" / "2 students and faculty …").  Such a line is kept, never dropped as a header."""
    if not numbered:
        return []
    ordered = sorted(numbered)
    between: list[int] = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b - a <= 1 or b - a > 5:
            continue
        between.extend(i for i in range(a + 1, b) if lines[i][1].strip(" \t\f"))
    out = [i for i in between if _PAGE_NUMBER.match(lines[i][1]) or _CODE_LINE.match(lines[i][1])]
    heads: dict[str, list[int]] = {}
    for i in between:
        if i not in out and _running_head_shaped(lines[i][1]):
            heads.setdefault(_norm(lines[i][1]), []).append(i)
    for at in heads.values():
        if _counts_pages([lines[i][1] for i in at]):
            out += at
    return sorted(out)


_LOWER_START = lazy_compile(r"^[ \t\f]*[(\"'“‘]?[a-z]")


def _running_head_shaped(raw: str) -> bool:
    """A short line with a number that can be a running header or footer: no list line, no keyword, and not
    opening with a lower-case word (a sentence's wrapped continuation does: "the curriculum; and")."""
    return _has_digit(raw) and _candidate(raw) and not _LOWER_START.match(raw)


def _counts_pages(raws: list[str]) -> bool:
    """Whether the lines of one shape, in order, carry a page counter: a number in the same place counting up one by
    one ("HCR 36 2", "HCR 36 3"; "… Page 2 of 9", "… Page 3 of 9").  A lone line counts only as page 2 of a
    bill printed in capitals and numbers ("HCR 56 2"): its number ends it, and no word of it is in lower case."""
    groups = [_DIGITS.findall(raw) for raw in raws]
    if len(raws) == 1:
        last = raws[0].split()[-1]
        return last == "2" and not any(ch.islower() for ch in raws[0])
    for column in zip(*groups, strict=False):
        numbers = [int(n) for n in column]
        if all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False)):
            return True
    return False


def _norm(raw: str) -> str:
    return " ".join(_DIGITS.sub("#", raw.replace("\f", " ")).split()).casefold()


def _candidate(raw: str) -> bool:
    bare = " ".join(raw.replace("\f", " ").split())
    return (
        0 < len(bare) <= MAX_FURNITURE
        and not _LIST_LIKE.match(bare)
        and not (RECITAL.match(bare) or is_resolved_line(bare))
    )


_ASCII_DIGIT = lazy_compile(r"[0-9]")


def _has_digit(raw: str) -> bool:
    """``any(ch.isdigit() for ch in raw)``, with a regular expression when ``raw`` is ASCII (where only 0-9 are digits)."""
    if raw.isascii():
        return _ASCII_DIGIT.search(raw) is not None
    return any(ch.isdigit() for ch in raw)


def _headers_and_footers(lines: list[tuple[int, str]], has_feed: bool, digits: list[int]) -> list[int]:
    """Indices of header, footer and page-number lines."""
    found: list[int] = []
    if has_feed:
        edges = _page_edges(lines)
        shapes = Counter(_norm(lines[i][1]) for i in edges if _candidate(lines[i][1]))
        varying = _numbers_vary(lines[i][1] for i in edges if _candidate(lines[i][1]))
        varying |= _own_numbers([lines[i][1] for i in edges if _candidate(lines[i][1])])
        for i in edges:
            raw = lines[i][1]
            if (
                _PAGE_NUMBER.match(raw)
                or _CODE_LINE.match(raw)
                or (_candidate(raw) and shapes[_norm(raw)] >= 2 and _norm(raw) not in varying)
            ):
                found.append(i)
        return sorted(set(found) | set(_paged_footers(lines, digits)))
    # the shape of each candidate line with a digit, worked out once per line (in line order)
    shape_of = {i: _norm(lines[i][1]) for i in digits if _candidate(lines[i][1])}
    shapes = Counter(shape_of.values())
    own = _own_numbers([lines[i][1] for i, shape in shape_of.items() if shapes[shape] >= 3])
    repeated = [
        i
        for i, shape in shape_of.items()
        if shapes[shape] >= 3 and shape not in own and not _PAGE_NUMBER.match(lines[i][1])
    ]
    first, last = _first_and_last_clause_lines(lines) if repeated else (None, None)
    inside = {shape_of[i] for i in repeated if first is not None and last is not None and first < i < last}
    # a running header comes back between the clauses, where the pages broke; a line that comes back only
    # around them is the document's own (a bill's title on its cover, above its clauses and on its back)
    found += [i for i in repeated if shape_of[i] in inside]
    return sorted(set(found) | set(_paged_footers(lines, digits)))


#: a browser's print header: the date and time it printed, then the page's title ("12/1/26, 3:35 AM  Resolution …")
_BROWSER_HEADER = lazy_compile(
    r"^[ \t\f]*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]+\S"
)
#: a browser's print footer: the page's address, then the page's number of all ("https://… 1/2")
_BROWSER_FOOTER = lazy_compile(r"^[ \t\f]*(?:https?|file)://\S+[ \t]+\d{1,4}/\d{1,4}[ \t]*$")


def _browser_furniture(lines: list[tuple[int, str]]) -> list[int]:
    """A web page printed from a browser: the header atop each page (the date and time it printed, then the page's
    title: too long for a running header's shape, and on the first page above the document's own title) and the footer
    under it (the page's address, then "1/2", often too long too), when two pages have them or one page has both."""
    pages = [page for page in _pages(lines) if page]
    heads = [page[0] for page in pages if _BROWSER_HEADER.match(lines[page[0]][1])]
    feet = [page[-1] for page in pages if _BROWSER_FOOTER.match(lines[page[-1]][1])]
    if len(heads) >= 2 or len(feet) >= 2 or (heads and feet):
        return heads + feet
    return []


def _first_and_last_clause_lines(lines: list[tuple[int, str]]) -> tuple[int | None, int | None]:
    """Indices of the first and the last line that opens a recital or a resolving clause (looked for from
    either end: the lines in between need not be read)."""

    def opens_clause(i: int) -> bool:
        raw = lines[i][1].strip()
        return bool(RECITAL.match(raw) or is_resolved_line(raw))

    first = next((i for i in range(len(lines)) if opens_clause(i)), None)
    if first is None:
        return None, None
    return first, next(i for i in range(len(lines) - 1, first - 1, -1) if opens_clause(i))


_TRAILING_NUMBER = lazy_compile(r"[ \t]+(\d{1,3})[ \t]*$")


def _paged_footers(lines: list[tuple[int, str]], digits: list[int]) -> list[int]:
    """A running footer too long for a header's shape, in a text without page breaks: a line that comes
    back ending in the page's number, counting up ("… Proposal Under Education Code Section 5019 to
    Change   1", "…   2"), and the line right under or above each that comes back with it word for word."""
    by_shape: dict[str, list[int]] = {}
    for i in digits:  # (the lines with a digit: the others end in no number)
        raw = lines[i][1]
        m = _TRAILING_NUMBER.search(raw)
        if m and len(raw.strip()) <= 2 * MAX_FURNITURE and not _LIST_LIKE.match(raw) and not RECITAL.match(raw):
            by_shape.setdefault(_norm(raw[: m.start()]), []).append(i)
    found: list[int] = []
    for shape, at in by_shape.items():
        # every line in ``at`` ends in a number (it was put there for it)
        pages = [int(m.group(1)) for i in at if (m := _TRAILING_NUMBER.search(lines[i][1]))]
        if len(at) < 2 or any(b != a + 1 for a, b in zip(pages, pages[1:], strict=False)) or len(shape.split()) < 3:
            continue
        found += at
        for step in (1, -1):
            companions = [i + step for i in at if 0 <= i + step < len(lines)]
            texts = {" ".join(lines[i][1].split()) for i in companions}
            if len(texts) == 1 and texts != {""}:
                found += companions
    return found


def _numbers_vary(raws: Iterable[str]) -> set[str]:
    """The shapes whose lines differ in a number that is no page's ("RESOLUTION NO. 2987" / "RESOLUTION NO.
    2986": two resolutions' headings); a header's numbers differ only in its page number ("HCR 36 2")."""
    seen: dict[str, list[str]] = {}
    for raw in raws:
        seen.setdefault(_norm(raw), []).append(raw)
    out: set[str] = set()
    for shape, found in seen.items():
        groups = [_DIGITS.findall(raw) for raw in found]
        for column in zip(*groups, strict=False):
            if len(set(column)) > 1 and any(len(n) > 3 for n in column):
                out.add(shape)
    return out


def _own_numbers(raws: list[str]) -> set[str]:
    """The shapes whose lines are each a resolution's own number line, every one a different number ("Resolution
    No. 12", "Resolution No. 13", … heading each resolution of a convention's resolutions book): no running header,
    which repeats one document's number."""
    seen: dict[str, list[str]] = {}
    for raw in raws:
        seen.setdefault(_norm(raw), []).append(" ".join(raw.split()))
    return {
        shape
        for shape, found in seen.items()
        if len(set(found)) == len(found) and all(RESOLUTION_NUMBER.match(text) for text in found)
    }


_LONE_NUMBER = lazy_compile(r"^[ \t\f]*(\d{1,3})[ \t]*$")


_PAGE_LABEL = lazy_compile(r"page|[-–—]", re.I)


def _page_labels(lines: list[tuple[int, str]], numbered: set[int], digits: list[int]) -> list[int]:
    """Lines that say they are a page's number ("Page 2", "Page 2 of 5", "- 2 -"), wherever they are, and a
    running header or footer laid out with one ("Town of Ashby          Page 1 of 2")."""
    found = []
    for i in digits:
        raw = lines[i][1]
        if i in numbered:
            continue
        if _PAGE_NUMBER.match(raw) and _PAGE_LABEL.search(raw):
            found.append(i)
        elif len(raw) <= MAX_FURNITURE and "age" in raw and _HEAD_WITH_PAGE.match(raw):
            found.append(i)
            # the header's second line, the document's number ("Resolution No. 2025-031") right under or above it
            found += [
                j
                for j in (i - 1, i + 1)
                if 0 <= j < len(lines) and RESOLUTION_NUMBER.match(" ".join(lines[j][1].split()))
            ]
    return found


#: a page's header or footer as a PDF's text lays it out: its words and its page label set apart by a wide gap or
#: a bar ("Town of Ashby          Page 1 of 2", "Page 2 of 5 | Resolution 2026-14"); never a sentence's "see page 3"
_HEAD_WITH_PAGE = lazy_compile(
    r"^[ \t\f]*(?:[^\s|][^|]{0,60}?(?:[ \t]{3,}|\t|[ \t]+\|[ \t]+))?(?:page|PAGE|Page)[ \t]*\d{1,4}(?:[ \t]*(?:of|OF|/)[ \t]*\d{1,4})?"
    r"(?:(?:[ \t]{3,}|\t|[ \t]+\|[ \t]+)[^|]{1,60}?)?[ \t]*$"
)


def _page_number_lines(lines: list[tuple[int, str]], numbered: set[int], digits: list[int]) -> list[int]:
    """Lines that hold only a number, when those numbers count up one by one through the text (1, 2, 3):
    the pages' numbers, wherever the page broke."""
    found = [(i, int(m.group(1))) for i in digits if i not in numbered and (m := _LONE_NUMBER.match(lines[i][1]))]
    if len(found) < 2 or any(b != a + 1 for (_, a), (_, b) in zip(found, found[1:], strict=False)):
        return []
    return [i for i, _ in found]


def _page_edges(lines: list[tuple[int, str]]) -> list[int]:
    """Indices of the first two and last two non-blank lines of every page (pages end at form feeds; the last
    page at the text's end, where a printed page's footer stands too: "EB156.R7" under the last clause)."""
    edges: list[int] = []
    for k, page in enumerate(_pages(lines)):
        if k > 0:
            edges.extend(page[:2])
        edges.extend(page[-2:])
    return sorted(set(edges))


def _pages(lines: list[tuple[int, str]]) -> list[list[int]]:
    """The indices of each page's non-blank lines (pages end at form feeds)."""
    pages: list[list[int]] = [[]]
    for i, (_, raw) in enumerate(lines):
        if "\f" in raw:
            before, _, after = raw.partition("\f")
            if before.strip():
                pages[-1].append(i)
            pages.append([])
            if after.strip():
                pages[-1].append(i)
            continue
        if raw.strip():
            pages[-1].append(i)
    return pages
