"""The archived source of each verified quotation, read from the evidence archives (WARC) for the review
report's archived-copy pages (``whereas.render.evidence.copy_page`` renders them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from whereas.render.evidence import ArchivedCopy


def archived_copies(verification: Mapping[str, Any], archives: Iterable[str | Path]) -> dict[int, ArchivedCopy]:
    """The archived source of each quotation that has one, by index in ``verification["quotations"]``."""
    from whereas.verify.archive import Archive
    from whereas.verify.extract import extract

    opened = []
    for path in dict.fromkeys(str(a) for a in archives):
        if Path(path).is_file():
            opened.append(Archive(path, writable=False, follow_symlinks=True))
    texts: dict[str, tuple[str, str, str, str] | None] = {}  # url -> (text, page text, fetched_at, archive)
    out: dict[int, ArchivedCopy] = {}
    try:
        for i, q in enumerate(verification.get("quotations") or []):
            evidence = q.get("evidence") if isinstance(q, Mapping) else None
            if not isinstance(evidence, Mapping) or not evidence.get("url"):
                continue
            url = str(evidence["url"])
            if url not in texts:
                texts[url] = _read(url, opened, extract)
            found = texts[url]
            if found is None:
                continue
            text, page_text, fetched_at, archive = found
            start, end = q.get("start"), q.get("end")
            passage = str(q.get("passage") or "")
            where = text
            if isinstance(start, int) and isinstance(end, int) and passage:
                if text[start:end] != passage and page_text[start:end] == passage:
                    where = page_text
                elif text[start:end] != passage:
                    start = text.find(passage)
                    start, end = (start, start + len(passage)) if start >= 0 else (None, None)
            else:
                start = end = None
            out[i] = ArchivedCopy(url, fetched_at, archive, where, start, end)
    finally:
        for a in opened:
            a.close()
    return out


def _read(url: str, archives: list[Any], extract: Any) -> tuple[str, str, str, str] | None:
    for archive in archives:
        exchange = archive.get(url)
        if exchange is None or not 200 <= exchange.status < 300:
            continue
        ex = extract(exchange.body, exchange.header("Content-Type"))
        if ex.error:
            return None
        return ex.text, ex.page_text, exchange.fetched_at, str(archive.path)
    return None
