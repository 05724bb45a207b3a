"""Pure functions of a short text that remember their last answers (``remembered``).

``format`` builds a file three times (the file, the fixed file, the laid-out file) and lints each: most of
what the three texts hold is the same (a file of 5,800 resolutions has 5,800 headings and 11,600 notes, and
a fix or the layout changes neither), so what is read from a note, a URL or a heading is read once.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

#: the answers each function remembers; only for texts of up to LONGEST_REMEMBERED characters, so that what
#: is kept stays small (a few tens of MB at most)
NOTES_REMEMBERED = 1 << 14
LONGEST_REMEMBERED = 1000

_R = TypeVar("_R")


def remembered(read: Callable[[str], _R]) -> Callable[[str], _R]:
    """``read`` (a pure function of a short text), remembering its last answers."""
    cached = lru_cache(maxsize=NOTES_REMEMBERED)(read)

    @wraps(read)
    def call(text: str) -> _R:
        return cached(text) if len(text) <= LONGEST_REMEMBERED else read(text)

    return call
