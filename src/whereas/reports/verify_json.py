"""``whereas verify --format json``: one object with ``quotations`` and ``sources``.

See ``docs/verify/README.md`` for every field.
"""

from __future__ import annotations

import json

from whereas.verify.result import VerifyResult

QUOTATION_FIELDS = (
    "path",
    "line",
    "column",
    "clause",
    "speaker",
    "text",
    "note",
    "url",
    "verdict",
    "differences",
    "alterations",
    "start",
    "end",
    "passage",
    "found_in",
    "reason",
    "evidence",
)
SOURCE_FIELDS = (
    "path",
    "line",
    "note",
    "url",
    "status",
    "http_status",
    "final_url",
    "redirects",
    "content_type",
    "title",
    "cited_title",
    "title_matches",
    "archived_copy",
    "fetched_at",
    "sha256",
    "error",
    "from_archive",
)


def to_json(result: VerifyResult) -> dict[str, object]:
    full = result.to_dict()
    quotations = [{k: q[k] for k in QUOTATION_FIELDS} for q in (report.to_dict() for report in result.quotations)]
    sources = [{k: s[k] for k in SOURCE_FIELDS} for s in (report.to_dict() for report in result.sources)]
    return {
        "quotations": quotations,
        "sources": sources,
        "errors": full["errors"],
        "archives": full["archives"],
        "summary": full["summary"],
    }


def render(result: VerifyResult) -> str:
    return json.dumps(to_json(result), ensure_ascii=False, indent=2) + "\n"
