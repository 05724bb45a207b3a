"""The resolution as plain data: the shape of ``whereas parse --format json``."""

from __future__ import annotations

from typing import Any

from whereas.model import Clause, Resolution


def _clause(r: Resolution, c: Clause) -> dict[str, Any]:
    pos = r.position(c.span.start)
    out: dict[str, Any] = {"text": c.text, "line": pos.line, "column": pos.column, "notes": list(c.notes)}
    if c.items:
        out["items"] = [{"label": i.label, "text": i.text, "line": r.position(i.span.start).line} for i in c.items]
    return out


def resolution_to_dict(r: Resolution) -> dict[str, Any]:
    return {
        "source": {"path": r.source.path, "format": r.source.format, "line": r.position(r.span.start).line},
        "reproduced": r.reproduced,
        "title": r.title.text if r.title else None,
        "sponsors": r.sponsors.as_dict(),
        "preamble": [_clause(r, c) for c in r.preamble],
        "formula": r.formula.text if r.formula else None,
        "resolved": [_clause(r, c) for c in r.resolved],
        "notes": [
            {
                "id": n.id,
                "text": n.text,
                "url": n.url,
                "urls": list(n.urls),
                "line": r.position(n.span.start).line,
                "inline": n.inline,
                "citation": {
                    "author": n.citation.author,
                    "title": n.citation.title,
                    "url": n.citation.url,
                    "date": n.citation.date,
                },
            }
            for n in r.notes
        ],
        "quotations": [
            {
                "text": q.text,
                "note": q.note,
                "speaker": q.speaker,
                "clause": q.clause,
                "line": r.position(q.span.start).line,
                "column": r.position(q.span.start).column,
            }
            for q in r.quotations
        ],
    }
