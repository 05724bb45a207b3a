"""Does a note's cited title name the document that was fetched?

Tolerant of case, punctuation, quotation-mark and dash glyphs, a site name before or after the
title (``"Title | ALA"``, ``"Title - Amnesty International"``, ``"ALA :: Title"``) and truncation
on either side (``"A very long title…"``).  Not tolerant of different words.
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


def _same(cited: str, cited_truncated: bool, found: str, found_truncated: bool) -> bool:
    if cited == found:
        return True
    if cited_truncated and len(cited) >= 12 and found.startswith(cited):
        return True
    if found_truncated and len(found) >= 12 and cited.startswith(found):
        return True
    return False


def titles_match(cited: str | None, found: str | tuple[str, ...] | list[str] | None) -> bool | None:
    """True or False, or None when either title is unknown."""
    if not cited or not found:
        return None
    found_titles = [found] if isinstance(found, str) else [f for f in found if f]
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
