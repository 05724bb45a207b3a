"""Does a note's cited title name the document that was fetched?

Tolerant of case, punctuation, quotation-mark and dash glyphs, a site name before or after the
title (``"Title | ALA"``, ``"Title - Amnesty International"``, ``"ALA :: Title"``), truncation
on either side (``"A very long title…"``, or a site's title cut short without a mark), an acronym
for the words it stands for (``"UK/USA: …"`` for ``"United Kingdom / USA: …"``) and a cited title
printed inside a longer heading (a PDF's first lines, ``"RESOLUTION 41425 A RESOLUTION SUPPORTING …"``).
Not tolerant of different words.  A found "title" that says nothing about the document (a file name,
``"Table of Contents 1"``, ``"RESOLUTION 41425"``) is no title: the answer is then unknown.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+")
_TRUNCATED = re.compile(r"(?:\u2026|\.\.\.|\. \. \.)\s*$")


def normalize_title(title: str) -> str:
    t = unicodedata.normalize("NFKC", title).casefold()
    t = re.sub(r"[\u2018\u2019\u201a\u201b'`´]", "", t)  # apostrophes vanish: "court’s" = "courts"
    t = "".join(ch if ch.isalnum() else " " for ch in t)
    return " ".join(t.split())


def _candidates(title: str) -> set[str]:
    parts = _SEPARATORS.split(title)
    out = {title}
    out.update(parts)
    for i in range(len(parts)):  # the title itself may contain a separator: keep joined runs
        for j in range(i + 1, len(parts) + 1):
            out.add(" - ".join(parts[i:j]))
    return {normalize_title(c) for c in out if normalize_title(c)}


#: words that join a name and have no letter in its acronym ("United States of America": USA)
_JOINERS = frozenset({"of", "the", "and", "for", "on", "de"})
#: the fewest words of a title shortened without a mark, or of a title found inside a longer heading
MIN_PART_WORDS = 5


def _consumed(short: list[str], long: list[str]) -> int | None:
    """How many words of ``long`` the words of ``short`` spell, in order, from its start (an acronym in
    either standing for the initials of the words it abbreviates); None when they differ."""
    i = j = 0
    while i < len(short):
        if j < len(long) and short[i] == long[j]:
            i, j = i + 1, j + 1
            continue
        step = _acronym(short[i], long, j)
        if step:
            i, j = i + 1, j + step
            continue
        back = _acronym(long[j], short, i) if j < len(long) else 0
        if back:
            i, j = i + back, j + 1
            continue
        return None
    return j


def _acronym(word: str, words: list[str], at: int) -> int:
    """How many of ``words`` from ``at`` the acronym ``word`` ("uk", "usa") stands for; 0 if it does not."""
    if not (2 <= len(word) <= 6 and word.isalpha()):
        return 0
    k = at
    for letter in word:
        while k < len(words) and words[k] in _JOINERS and words[k][0] != letter:
            k += 1
        if k >= len(words) or words[k][0] != letter or len(words[k]) < 2:
            return 0
        k += 1
    return k - at if k - at > 1 else 0


def _same(cited: str, cited_truncated: bool, found: str, found_truncated: bool) -> bool:
    if cited == found:
        return True
    c, f = cited.split(), found.split()
    whole = _consumed(c, f)
    if whole == len(f):
        return True
    if whole is not None and (cited_truncated and len(cited) >= 12 or len(c) >= MIN_PART_WORDS):
        return True  # the cited title cut short ("… High Court’s decision…"), or printed as a longer one's start
    shortened = _consumed(f, c)
    if shortened is not None and (found_truncated and len(found) >= 12 or len(f) >= MIN_PART_WORDS):
        return True  # the site shortened its title, with or without a mark
    if len(c) >= MIN_PART_WORDS:
        # the cited title inside a longer heading: "RESOLUTION 41425 A RESOLUTION SUPPORTING OPEN DATA …"
        return any(_consumed(c, f[k:]) is not None for k in range(1, len(f) - len(c) + 1))
    return False


_FILE_NAME = re.compile(r"\.(?:pdf|docx?|odt|rtf|html?|txt)\s*$", re.I)
#: words a heading has that say what kind of page it is, not which document
_NO_NAME = frozenset(
    "resolution resolutions ordinance no number table of contents page untitled document microsoft word draft "
    "final copy scan scanned pdf file".split()
)


def _names_something(title: str) -> bool:
    """Whether a found title can name a document: not a file name, a number or "Table of Contents 1"."""
    if _FILE_NAME.search(title):
        return False
    words = normalize_title(title).split()
    return any(w not in _NO_NAME and not any(ch.isdigit() for ch in w) for w in words)


def titles_match(cited: str | None, found: str | tuple[str, ...] | list[str] | None) -> bool | None:
    """True or False, or None when either title is unknown."""
    if not cited or not found:
        return None
    found_titles = [found] if isinstance(found, str) else [f for f in found if f]
    found_titles = [f for f in found_titles if _names_something(f)]
    if not found_titles:
        return None
    cited_truncated = bool(_TRUNCATED.search(cited))
    cited_forms = _candidates(_TRUNCATED.sub("", cited).strip())
    for title in found_titles:
        found_truncated = bool(_TRUNCATED.search(title))
        for f in _candidates(_TRUNCATED.sub("", title).strip()):
            for c in cited_forms:
                if _same(c, cited_truncated, f, found_truncated):
                    return True
    return False
