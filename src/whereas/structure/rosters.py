"""Lists of names under a resolving clause: the members a resolution appoints ("* Ana Folau  <afolau@apache.org>"),
the officers it elects ("1. Jane Roe, Chair"). Such a list is read as the clause's items, but its items are no actions
continuing the Resolved sentence: they take no list punctuation ("…;", "…; and") and no lowercase verb."""

from __future__ import annotations

import re
from collections.abc import Sequence

from whereas.model import Item
from whereas.patterns import lazy_compile
from whereas.structure.keywords import BODY_VERB_ITEM

__all__ = ["is_roster"]

#: an e-mail address, bare or in brackets ("<afolau@apache.org>", "(jroe@example.org)", "jroe at apache.org")
_EMAIL = lazy_compile(r"[<(\[]?[\w.+-]+(?:@|[ \t]+at[ \t]+)[\w-]+(?:\.[\w-]+)+[>)\]]?")
#: a word of a person's name: capitalised ("Folau", "O'Neil", "Jean-Luc"), an initial ("J."), a suffix ("Jr.")
_NAME_WORD = lazy_compile(r"(?:[A-Z\u00c0-\u00de][\w'’.-]*|[A-Z]\.)")
#: the small words inside a name ("Bram de Vries", "Ludwig van Beethoven", "Ibn al Haytham")
_PARTICLES = frozenset("de da das do dos del della der den di du la le van von bin ibn al el y ter ten zu".split())
#: the small words a role may hold after the name ("Jane Roe, Chair of the Finance Committee")
_ROLE_SMALL = frozenset("of the and for on to in at".split())
#: where a name ends and its role or affiliation begins: a comma, a dash, a parenthesis
_ROLE_CUT = lazy_compile(r"[ \t]*(?:,|[ \t][–—-][ \t]|\()")


def _name(words: Sequence[str]) -> bool:
    """Whether ``words`` are a person's name: one to six words, each capitalised, an initial or a particle, the
    first of them capitalised."""
    return (
        0 < len(words) <= 6
        and bool(_NAME_WORD.fullmatch(words[0]))
        and all(_NAME_WORD.fullmatch(w) or w in _PARTICLES for w in words)
    )


def _role(text: str) -> bool:
    """Whether what follows a name is a short role or affiliation ("Chair", "Apache Software Foundation",
    "Treasurer of the Board"): at most six words, none in lower case but the small words of a title."""
    words = re.sub(r"[()\[\],;.–—-]", " ", text).split()
    return len(words) <= 6 and all(w[:1].isupper() or w[:1].isdigit() or w in _ROLE_SMALL for w in words)


def _entry(text: str) -> bool:
    """Whether an item is a roster's entry: a name with its e-mail address ("Ana Folau <afolau@apache.org>"), or
    a name of two words or more, with a short role after a comma, a dash or in parentheses ("Jane Roe, Chair")."""
    body = re.sub(r"(?:[;,.]\s*(?:and|or)?|\s+and)$", "", " ".join(text.split())).strip()
    if BODY_VERB_ITEM.match(body):
        return False  # "Approves the budget", "Elects Jane Roe": an action, whatever its capitals
    emailed = bool(_EMAIL.search(body))
    body = _EMAIL.sub(" ", body).strip(" \t–—-:,")
    cut = _ROLE_CUT.search(body)
    name, role = (body[: cut.start()], body[cut.start() :]) if cut else (body, "")
    words = name.split()
    if not _name(words) or not _role(role):
        return False
    return emailed or len(words) >= 2


def is_roster(items: Sequence[Item]) -> bool:
    """Whether the items of a list are all names (a resolution's roster of the members it appoints): two or
    more entries, each a name with its e-mail address or a name of two words or more, with at most a short role."""
    return len(items) >= 2 and all(_entry(item.text) for item in items)
