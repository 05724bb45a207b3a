"""Findings and the fixes that come with them: typed, immutable values."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Literal, NamedTuple

from whereas.model import Position, Source, Span


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``source.text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


class Fix(NamedTuple):
    """What a rule proposes for its finding: edits, and whether they are safe to apply unasked."""

    message: str
    edits: tuple[Edit, ...]
    applicability: Literal["safe", "unsafe"] = "safe"


# Slotted, not frozen: a frozen dataclass's __init__ sets each field through object.__setattr__,
# several times slower, and rules make thousands of findings.  A finding is a value all the same:
# nothing changes one once it is made (``with_severity`` makes a new one), and it hashes by its
# fields as a frozen one would.
@dataclass(slots=True, unsafe_hash=True)
class Diagnostic:
    """A finding: the rule's code and name, its severity and message, where it is, and its fix if it has one."""

    code: str
    name: str
    severity: Severity
    message: str
    source: Source = field(repr=False, compare=False)
    span: Span
    fix: Fix | None = None
    clause: str | None = None

    @property
    def path(self) -> str:
        return self.source.path or "<text>"

    @property
    def start(self) -> Position:
        return self.source.position(self.span.start)

    @property
    def end(self) -> Position:
        return self.source.position(self.span.end)

    def with_severity(self, severity: Severity) -> Diagnostic:
        return replace(self, severity=severity)

    def as_dict(self, profile: dict[str, str] | None = None) -> dict[str, object]:
        """The finding as the JSON report writes it; ``profile``: the file's ``{"name", "reason"}``."""
        source = self.source
        line, column = source.line_column(self.span.start)
        end_line, end_column = source.line_column(self.span.end)
        fix = self.fix
        finding: dict[str, object] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "path": source.path or "<text>",
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "clause": self.clause,
            "fix": None
            if fix is None
            else {
                "message": fix.message,
                "applicability": fix.applicability,
                "edits": [
                    {
                        "start": _pos(source, e.start),
                        "end": _pos(source, e.end),
                        "replacement": e.replacement,
                    }
                    for e in fix.edits
                ],
            },
            "profile": profile,
        }
        return finding | self._location()

    def _location(self) -> dict[str, str]:
        """``{"location": "Whereas clause 5, “…”"}`` for a Word, OpenDocument or PDF file, else ``{}``."""
        from whereas.structure.places import has_places, location

        return {"location": location(self.source, self.span, self.clause)} if has_places(self.source) else {}


def _pos(source: Source, offset: int) -> dict[str, int]:
    line, column = source.line_column(offset)
    return {"line": line, "column": column, "offset": offset}
