"""What ``whereas verify`` finds: one report per quotation and per cited source."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from whereas.errors import InputError
from whereas.verify.fetch import SourceStatus

QuotationVerdict = Literal["exact", "faithful", "misquoted", "not_found", "unavailable", "no_source"]
FAILING_VERDICTS = frozenset({"misquoted", "not_found"})
FAILING_STATUSES = frozenset({"dead"})


@dataclass(frozen=True)
class Evidence:
    url: str
    status: SourceStatus
    sha256: str | None
    fetched_at: str | None


@dataclass(frozen=True)
class DifferenceReport:
    kind: str
    quoted: str
    source: str
    apart: int = 0  # "stitched": source words between the two passages joined

    def plain(self) -> str:
        """The difference in plain words: 'the source says "Vote" where the draft says "Voice"'."""
        if self.kind == "stitched":
            return f"stitched: two passages {self.apart} words apart in the source, joined without an ellipsis"
        if self.kind == "omission":
            return f'left out without an ellipsis: "{self.source}"'
        if self.kind == "insertion":
            return f'not in the source: "{self.quoted}"'
        if self.kind == "order":
            return f'in another order in the source: "{self.source}" (the draft: "{self.quoted}")'
        what = {"word": "words", "number": "a number", "case": "capitals", "spelling": "spelling"}.get(
            self.kind, self.kind
        )
        return f'{what}: the source says "{self.source}" where the draft says "{self.quoted}"'


@dataclass(frozen=True)
class SourceReport:
    note: str
    url: str
    status: SourceStatus
    http_status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    title: str | None = None
    cited_title: str | None = None
    title_matches: bool | None = None
    archived_copy: str | None = None  # the Wayback Machine's closest copy, for a dead or unreachable URL
    fetched_at: str | None = None
    sha256: str | None = None
    error: str | None = None
    redirects: tuple[str, ...] = ()
    from_archive: bool = False
    path: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def failing(self) -> bool:
        return self.status in FAILING_STATUSES

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["redirects"] = list(self.redirects)
        return d


@dataclass(frozen=True)
class QuotationReport:
    text: str
    note: str | None
    url: str | None
    verdict: QuotationVerdict
    differences: tuple[DifferenceReport, ...] = ()
    start: int | None = None  # offsets in the source's extracted text
    end: int | None = None
    passage: str | None = None  # the source's words there
    found_in: str | None = None  # another note whose source holds the quotation
    evidence: Evidence | None = None
    reason: str | None = None  # why unavailable / no_source
    alterations: tuple[str, ...] = ()
    clause: str | None = None
    speaker: str | None = None
    path: str | None = None
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None

    @property
    def failing(self) -> bool:
        return self.verdict in FAILING_VERDICTS

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["differences"] = [asdict(x) for x in self.differences]
        d["alterations"] = list(self.alterations)
        return d


@dataclass
class DocumentReport:
    path: str | None
    resolutions: int = 0
    quotations: list[QuotationReport] = field(default_factory=list)
    sources: list[SourceReport] = field(default_factory=list)


@dataclass
class VerifyResult:
    documents: list[DocumentReport]
    errors: list[InputError] = field(default_factory=list)
    archive: str | None = None  # the archive of the last group (see ``archives``)
    archives: list[str] = field(default_factory=list)
    network_requests: int = 0

    @property
    def quotations(self) -> list[QuotationReport]:
        return [q for d in self.documents for q in d.quotations]

    @property
    def sources(self) -> list[SourceReport]:
        return [s for d in self.documents for s in d.sources]

    @property
    def failing(self) -> bool:
        return any(q.failing for q in self.quotations) or any(s.failing for s in self.sources)

    @property
    def nothing_verified(self) -> str | None:
        """Why nothing could be checked, when no cited source could be had at all: none answered (no
        network: every connection or DNS lookup failed), or, offline, the archive held none of them."""
        sources = self.sources
        if not sources:
            return None
        if all(s.status == "unreachable" and s.http_status is None and not s.from_archive for s in sources):
            return (
                "could not reach any source — nothing was verified; "
                "use --archive/--offline to check against saved evidence"
            )
        if all(s.status == "not_archived" for s in sources):
            return "the evidence archive holds none of the cited sources — nothing was verified"
        return None

    @property
    def exit_code(self) -> int:
        """2 when an input could not be read or nothing could be verified, else 1 on a misquotation, a
        quotation not found or a dead source."""
        if self.errors or self.nothing_verified:
            return 2
        return 1 if self.failing else 0

    def to_dict(self) -> dict[str, object]:
        counts: dict[str, int] = {}
        for q in self.quotations:
            counts[q.verdict] = counts.get(q.verdict, 0) + 1
        statuses: dict[str, int] = {}
        for s in self.sources:
            statuses[s.status] = statuses.get(s.status, 0) + 1
        return {
            "quotations": [q.to_dict() for q in self.quotations],
            "sources": [s.to_dict() for s in self.sources],
            "errors": [{"path": e.path, "problem": e.problem, "line": e.line} for e in self.errors],
            "summary": {"verdicts": counts, "statuses": statuses, "exit_code": self.exit_code},
            "archives": list(self.archives),
        }
