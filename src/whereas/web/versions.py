"""What changed between two versions of a document, word by word: ``difflib`` over the words of their
texts, deletions in ``<del>``, insertions in ``<ins>``, every word escaped; long unchanged stretches
are cut to a few words either side of a change."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

#: unchanged words kept on each side of a change
CONTEXT = 12
#: beyond this many words in either version, the texts are not compared word by word (difflib is
#: quadratic in the worst case; a resolution has a few thousand words)
MAX_WORDS = 40_000
#: a word with the white space after it
WORD = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class WordDiff:
    html: Markup  # the new text's changes, marked up and escaped
    inserted: int  # words
    deleted: int
    too_long: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.deleted)


def _words(text: str) -> list[str]:
    return WORD.findall(text)


def word_diff(old: str, new: str) -> WordDiff:
    a, b = _words(old), _words(new)
    if len(a) > MAX_WORDS or len(b) > MAX_WORDS:
        return WordDiff(Markup(""), 0, 0, too_long=True)
    keys_a, keys_b = [w.strip() for w in a], [w.strip() for w in b]
    out: list[str] = []
    inserted = deleted = 0
    opcodes = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes()
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            out.append(_unchanged(b[j1:j2], first=n == 0, last=n == len(opcodes) - 1))
            continue
        if i2 > i1:
            deleted += sum(1 for w in keys_a[i1:i2] if w)
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            inserted += sum(1 for w in keys_b[j1:j2] if w)
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return WordDiff(Markup("".join(out)), inserted, deleted)


def _unchanged(words: list[str], *, first: bool, last: bool) -> str:
    """Unchanged words: all of them when few, else those next to a change and an ellipsis between."""
    before = 0 if first else CONTEXT  # words kept after the change before this stretch
    after = 0 if last else CONTEXT  # words kept before the change after it
    if len(words) <= before + after + 1:
        return str(escape("".join(words)))
    head = "".join(words[:before])
    tail = "".join(words[len(words) - after :]) if after else ""
    return f'{escape(head)}<span class="skipped">… </span>{escape(tail)}'
