"""Shared reading of a clause's opening keyword (not a rule: no RULE here)."""

from __future__ import annotations

import re

from whereas.model import Clause, Span

RECITAL_HEAD = re.compile(
    r"^(?P<lead>[\"“]?)(?P<kw>whereas)(?P<comma>[ \t]*[,:])?(?P<space>\s*)(?P<next>[^\s]+)?", re.I
)
RESOLVED_WORD = re.compile(r"\bresolved\b", re.I)
THAT_AFTER = re.compile(r"\bresolved\b(?P<by>\s+by\s[^,:]*?)?(?P<punct>\s*[,:]?)\s*(?P<that>that)\b", re.I)


def recital_head(clause: Clause) -> re.Match[str] | None:
    return RECITAL_HEAD.match(clause.text)


def source_span(clause: Clause, m: re.Match[str], group: str) -> Span:
    return clause.mapped.source_span(m.start(group), m.end(group))


def ends_with_and(text: str) -> bool:
    return bool(re.search(r";\s*and$", text))


def terminal(text: str) -> str:
    """The clause's text without a trailing "and" connector."""
    return re.sub(r"\s+and$", "", text.rstrip())
