"""A bilingual minute's keyword: Welsh councils' minutes give the Welsh word before the English one
("PENDERFYNWYD / RESOLVED: That …").  The Welsh word is a label, never text to read or lint: the line is read from
the English keyword after the "/", as an English council's "RESOLVED: That …" is.  Only where the English word is
itself a resolving keyword; a Welsh word alone ("PENDERFYNWYD: …") is left as it is."""

from __future__ import annotations

import re

from whereas.patterns import lazy_compile
from whereas.structure.keywords import is_resolved_line, keywordish

__all__ = ["bilingual_labels"]

#: the Welsh keyword and the "/" before the English one: "PENDERFYNWYD / " (resolved), "CYTUNWYD / " (agreed)
_WELSH_KEYWORD = lazy_compile(r"^[ \t]*(?:penderfynwyd|cytunwyd)[ \t]*/[ \t]*(?=\S)", re.I)


def bilingual_labels(text: str) -> dict[int, int]:
    """Where each line that opens with a Welsh keyword before its English one starts (an offset into ``text``), and
    how many characters of it the Welsh word and its "/" take (the line is read after them)."""
    low = text.casefold()
    if "penderfynwyd" not in low and "cytunwyd" not in low:
        return {}
    found: dict[int, int] = {}
    pos = 0
    for raw in text.split("\n"):
        m = _WELSH_KEYWORD.match(raw)
        if m is not None and keywordish(raw[m.end() :]) and is_resolved_line(raw[m.end() :]):
            found[pos] = m.end()
        pos += len(raw) + 1
    return found
