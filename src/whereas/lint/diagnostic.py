"""Findings and the fixes that come with them: typed, immutable values."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Literal

from whereas.model import Source, Span


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


@dataclass(frozen=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    applicability: Literal["safe", "unsafe"] = "safe"

    def __init__(
        self, message: str, edits: tuple[Edit, ...], applicability: Literal["safe", "unsafe"] = "safe"
    ) -> None:
        # as Diagnostic's: the generated frozen __init__ sets each field through object.__setattr__
        d = self.__dict__
        d["message"] = message
        d["edits"] = edits
        d["applicability"] = applicability


@dataclass(frozen=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    source: Source = field(repr=False, compare=False)
    span: Span
    fix: Fix | None = None
    clause: str | None = None

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        message: str,
        source: Source,
        span: Span,
        fix: Fix | None = None,
        clause: str | None = None,
    ) -> None:
        # the generated frozen __init__ sets each field through object.__setattr__; rules make thousands
        d = self.__dict__
        d["code"] = code
        d["name"] = name
        d["severity"] = severity
        d["message"] = message
        d["source"] = source
        d["span"] = span
        d["fix"] = fix
        d["clause"] = clause

    @property
    def path(self) -> str:
        return self.source.path or "<text>"

    @property
    def start(self):  # noqa: ANN201 - Position
        return self.source.position(self.span.start)

    @property
    def end(self):  # noqa: ANN201 - Position
        return self.source.position(self.span.end)

    def with_severity(self, severity: Severity) -> Diagnostic:
        return replace(self, severity=severity)

    def as_dict(self, profile: dict[str, str] | None = None) -> dict[str, object]:
        """The finding as the JSON report writes it; ``profile``: the file's ``{"name", "reason"}``."""
        source = self.source
        line, column = source.line_column(self.span.start)
        end_line, end_column = source.line_column(self.span.end)
        fix = self.fix
        return {
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
        } | self._location()

    def _location(self) -> dict[str, str]:
        """``{"location": "Whereas clause 5, “…”"}`` for a Word, OpenDocument or PDF file, else ``{}``."""
        from whereas.structure.places import has_places, location

        return {"location": location(self.source, self.span, self.clause)} if has_places(self.source) else {}


def _pos(source: Source, offset: int) -> dict[str, int]:
    line, column = source.line_column(offset)
    return {"line": line, "column": column, "offset": offset}
