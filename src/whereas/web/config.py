"""What ``whereas serve`` was started with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: 20 MB: a Word file of a resolution with pictures is well under it
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024


@dataclass(frozen=True)
class ServeConfig:
    data: Path = Path("whereas-data")
    database: str | None = None  # SQLAlchemy URL; None: SQLite in ``data``
    archive: Path | None = None  # one WARC evidence archive for every document (default: one per document)
    offline: bool = False
    allow_hosts: tuple[str, ...] = ()
    max_upload: int = DEFAULT_MAX_UPLOAD
    #: run verification jobs in a background thread of the server (tests may turn it off and run them by hand)
    run_jobs: bool = True

    @property
    def uploads(self) -> Path:
        return self.data / "uploads"

    @property
    def evidence(self) -> Path:
        return self.data / "evidence"

    def archive_for(self, doc_id: str) -> Path:
        """The WARC evidence archive a document's verification writes to (and is answered from)."""
        return self.archive if self.archive is not None else self.evidence / f"{doc_id}.warc.gz"
