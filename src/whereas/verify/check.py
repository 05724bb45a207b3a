"""Verify resolutions: fetch every cited URL, then check each quotation and each note's title.

``verify_documents(docs, options)`` is the engine behind ``whereas.verify`` and
``whereas verify``.  Documents are grouped by archive (by default each checked file's
``.whereas/evidence.warc.gz``); each group's URLs are fetched once, concurrently, within the
limits of :class:`~whereas.verify.fetch.FetchOptions`.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import httpx

from whereas.errors import InputError, UsageError, about_file
from whereas.model import Note, Quotation, Resolution
from whereas.verify.archive import Archive
from whereas.verify.extract import Extracted, extract
from whereas.verify.fetch import Fetcher, FetchOptions, FetchResult, tls_context
from whereas.verify.result import (
    DifferenceReport,
    DocumentReport,
    Evidence,
    QuotationReport,
    SourceReport,
    VerifyResult,
)
from whereas.verify.titles import titles_match

if TYPE_CHECKING:
    from whereas.verify.match import QuoteMatch

DEFAULT_WAYBACK_URL = "https://archive.org/wayback/available"
ARCHIVE_DIR = ".whereas"
ARCHIVE_NAME = "evidence.warc.gz"
WAYBACK_TIMEOUT = 15.0

Progress = Callable[[int, int, str], None]  # (done, total, url)


@dataclass(frozen=True)
class VerifyOptions:
    """``archive``: a path, ``None`` for the default next to each file, ``False`` for none.

    ``offline`` answers from the archive alone, ``refresh`` fetches again what it holds: both at once
    raise :class:`UsageError`.
    """

    archive: str | Path | None | bool = None
    offline: bool = False
    refresh: bool = False
    wayback_url: str | None = DEFAULT_WAYBACK_URL  # None: never ask the Wayback Machine
    fetch: FetchOptions = field(default_factory=FetchOptions)

    def __post_init__(self) -> None:
        if self.offline and self.refresh:
            raise UsageError("--offline and --refresh cannot be used together")


@dataclass
class Document:
    path: str | None
    resolutions: list[Resolution]


def default_archive(path: str | Path) -> Path:
    """``.whereas/evidence.warc.gz`` in the directory of the checked file."""
    return Path(path).resolve().parent / ARCHIVE_DIR / ARCHIVE_NAME


def _archive_for(doc: Document, options: VerifyOptions) -> Path | None:
    if options.archive is False:
        return None
    if options.archive is None or options.archive is True:
        return default_archive(doc.path) if doc.path else None
    return Path(options.archive)


def _rank(m: QuoteMatch) -> tuple[int, float]:
    order = {"exact": 0, "faithful": 1, "misquoted": 2, "not_found": 3}
    return order[m.verdict], -m.score


def _note_urls(note: Note) -> tuple[str, ...]:
    urls = list(note.urls)
    if note.citation.url and note.citation.url not in urls:
        urls.insert(0, note.citation.url)
    return tuple(dict.fromkeys(u.strip() for u in urls if u and u.strip()))


def verify_paths(
    items: Sequence[str | Path | Resolution],
    options: VerifyOptions,
    *,
    use_config: bool = True,
    progress: Progress | None = None,
) -> VerifyResult:
    """Verify the files (directories walked) and the resolutions in ``items``: the work of
    :func:`whereas.verify`, whose arguments ``options`` holds (checked).  With ``use_config``, the
    hosts in the ``[verify] allow-hosts`` of the configuration closest to each file are allowed too.
    Files that cannot be read are the result's ``errors``."""
    from whereas.files import collect
    from whereas.lint.settings import configured_allow_hosts
    from whereas.readers import read_path
    from whereas.structure import build

    if not options.offline:
        tls_context()  # the certificate authorities load in a thread while the files are read
    documents: list[Document] = []
    errors: list[InputError] = []
    paths = [p for p in items if not isinstance(p, Resolution)]
    if paths:
        collected = collect(paths)
        if use_config:
            options = replace(options, fetch=options.fetch.allowing(configured_allow_hosts(collected.files)))
        errors.extend(collected.errors)
        for path in collected.files:
            try:
                with about_file(str(path)):
                    documents.append(Document(str(path), build(read_path(path).source())))
            except InputError as exc:
                errors.append(exc)
    loose: dict[str | None, list[Resolution]] = {}
    for r in items:
        if isinstance(r, Resolution):
            loose.setdefault(r.source.path, []).append(r)
    documents.extend(Document(p, rs) for p, rs in loose.items())
    reports, archives, requests = asyncio.run(verify_documents(documents, options, progress=progress))
    return VerifyResult(reports, errors, archives[-1] if archives else None, archives, requests)


async def verify_documents(
    docs: Sequence[Document],
    options: VerifyOptions | None = None,
    *,
    progress: Progress | None = None,
) -> tuple[list[DocumentReport], list[str], int]:
    """Reports for ``docs`` (in order), the archives used, and the network requests made."""
    options = options or VerifyOptions()
    groups: dict[Path | None, list[int]] = {}
    for i, doc in enumerate(docs):
        groups.setdefault(_archive_for(doc, options), []).append(i)
    reports: list[DocumentReport | None] = [None] * len(docs)
    archives: list[str] = []
    requests = 0
    total = len({u for d in docs for r in d.resolutions for n in r.notes for u in _note_urls(n)})
    done = [0]
    for archive_path, members in groups.items():
        archive = None
        if archive_path is not None:
            if options.offline and not archive_path.exists():
                if options.archive not in (None, True):  # the user named it: a typo, not an empty archive
                    raise InputError(str(archive_path), "no such evidence archive (--offline answers only from it)")
                archive = None  # nothing archived: every URL is not_archived
            else:
                named = options.archive not in (None, True)  # the user named it: it may be a link
                archive = Archive(archive_path, writable=not options.offline, follow_symlinks=named)
                if archive.repaired:
                    print(f"warning: {archive.repaired}", file=sys.stderr)
            archives.append(str(archive_path))
        try:
            group_docs = [docs[i] for i in members]
            fetched, wayback, n = await _fetch_all(group_docs, options, archive, progress, done, total)
            requests += n
        finally:
            if archive is not None:
                archive.close()
        texts = {
            url: extract(r.body, r.content_type)
            for url, r in fetched.items()
            if r.status in ("ok", "redirected") and r.body is not None
        }
        for i in members:
            reports[i] = _report(docs[i], fetched, texts, wayback)
    return [r for r in reports if r is not None], archives, requests


async def _fetch_all(
    docs: Sequence[Document],
    options: VerifyOptions,
    archive: Archive | None,
    progress: Progress | None,
    done: list[int],
    total: int,
) -> tuple[dict[str, FetchResult], dict[str, str | None], int]:
    urls = list(dict.fromkeys(u for d in docs for r in d.resolutions for n in r.notes for u in _note_urls(n)))
    async with Fetcher(options.fetch, archive=archive, offline=options.offline, refresh=options.refresh) as fetcher:

        async def one(url: str) -> FetchResult:
            result = await fetcher.fetch(url)
            done[0] += 1
            if progress is not None:
                progress(done[0], total, url)
            return result

        results = await asyncio.gather(*(one(u) for u in urls))
        fetched = dict(zip(urls, results, strict=False))
        wayback: dict[str, str | None] = {}
        if not options.offline and options.wayback_url and fetcher.client is not None:
            lost = [u for u, r in fetched.items() if r.status in ("dead", "unreachable")]
            copies = await asyncio.gather(*(closest_copy(fetcher.client, options.wayback_url, u) for u in lost))
            wayback = dict(zip(lost, copies, strict=False))
        return fetched, wayback, fetcher.network_requests


async def closest_copy(client: httpx.AsyncClient, api: str, url: str, timestamp: str | None = None) -> str | None:
    """The Wayback Machine's closest archived copy of ``url`` (availability API), or None."""
    params = {"url": url}
    if timestamp:
        params["timestamp"] = timestamp
    sep = "&" if "?" in api else "?"
    try:
        response = await client.get(f"{api}{sep}{urlencode(params)}", timeout=WAYBACK_TIMEOUT)
        if response.status_code != 200:
            return None
        closest = response.json().get("archived_snapshots", {}).get("closest") or {}
    except (httpx.HTTPError, json.JSONDecodeError, ValueError, AttributeError):
        return None
    if closest.get("available") is False or not closest.get("url"):
        return None
    status = str(closest.get("status", "200"))
    return closest["url"] if status.startswith(("2", "3")) or status == "-" else None


def _evidence(result: FetchResult) -> Evidence:
    return Evidence(result.final_url or result.url, result.status, result.sha256, result.fetched_at)


def _report(
    doc: Document, fetched: dict[str, FetchResult], texts: dict[str, Extracted], wayback: dict[str, str | None]
) -> DocumentReport:
    report = DocumentReport(doc.path, len(doc.resolutions))
    for res in doc.resolutions:
        for note in res.notes:
            pos = res.position(note.span.start)
            for url in _note_urls(note):
                report.sources.append(
                    _source(note, url, fetched[url], texts.get(url), wayback.get(url), doc.path, pos.line, pos.column)
                )
        for q in res.quotations:
            report.quotations.append(_quotation(q, res, fetched, texts, doc.path))
    return report


def _source(
    note: Note,
    url: str,
    r: FetchResult,
    ex: Extracted | None,
    copy: str | None,
    path: str | None,
    line: int,
    column: int,
) -> SourceReport:
    status, error = r.status, r.error
    if ex is not None and ex.error:
        status, error = "unsupported", ex.error
    cited = note.citation.title
    return SourceReport(
        note=note.id,
        url=url,
        status=status,
        http_status=r.http_status,
        final_url=r.final_url,
        content_type=r.content_type,
        title=ex.title if ex else None,
        cited_title=cited,
        title_matches=titles_match(cited, ex.titles) if ex is not None and not ex.error else None,
        archived_copy=copy,
        fetched_at=r.fetched_at,
        sha256=r.sha256,
        error=error,
        redirects=r.redirects,
        from_archive=r.from_archive,
        path=path,
        line=line,
        column=column,
    )


def _best(quote: str, ex: Extracted) -> tuple[QuoteMatch, str]:
    from whereas.verify.match import check_quote  # here: the first request goes out before it is imported

    m, where = check_quote(quote, ex.text), ex.text
    if not m.passed and ex.page_text and ex.page_text != ex.text:
        m2 = check_quote(quote, ex.page_text)
        if _rank(m2) < _rank(m):
            m, where = m2, ex.page_text
    return m, where


def _quotation(
    q: Quotation, res: Resolution, fetched: dict[str, FetchResult], texts: dict[str, Extracted], path: str | None
) -> QuotationReport:
    start, end = res.position(q.span.start), res.position(q.span.end)
    report = partial(
        QuotationReport,
        clause=q.clause,
        speaker=q.speaker,
        path=path,
        line=start.line,
        column=start.column,
        end_line=end.line,
        end_column=end.column,
    )
    note = res.note(q.note) if q.note else None
    if note is None:
        reason = "the quotation cites no note" if not q.note else f"note {q.note} does not exist"
        return report(q.text, q.note, None, "no_source", reason=reason)
    urls = _note_urls(note)
    if not urls:
        return report(q.text, note.id, None, "no_source", reason=f"note {note.id} has no URL")
    usable = [u for u in urls if u in texts and not texts[u].error]
    if not usable:
        r = fetched[urls[0]]
        ex = texts.get(urls[0])
        reason = (ex.error if ex is not None and ex.error else None) or f"source {r.status}" + (
            f": {r.error}" if r.error else ""
        )
        return report(q.text, note.id, urls[0], "unavailable", evidence=_evidence(r), reason=reason)
    best: tuple[QuoteMatch, str, str] | None = None
    for url in usable:
        m, where = _best(q.text, texts[url])
        if best is None or _rank(m) < _rank(best[0]):
            best = (m, where, url)
    assert best is not None
    m, where, url = best
    found_in = None
    if not m.passed:
        found_in = _elsewhere(q.text, note, res, texts)
    passage = where[m.start : m.end] if m.start is not None and m.end is not None else None
    return report(
        q.text,
        note.id,
        url,
        m.verdict,
        differences=tuple(DifferenceReport(d.kind, d.quoted, d.source, d.apart) for d in m.differences),
        start=m.start,
        end=m.end,
        passage=passage,
        found_in=found_in,
        evidence=_evidence(fetched[url]),
        alterations=tuple(_alteration_text(a) for a in m.alterations),
    )


def _alteration_text(a: object) -> str:
    for attr in ("text", "raw", "marked"):
        value = getattr(a, attr, None)
        if isinstance(value, str):
            return value
    return re.sub(r"\s+", " ", str(a))


def _elsewhere(quote: str, own: Note, res: Resolution, texts: dict[str, Extracted]) -> str | None:
    """Another note of the resolution whose source holds the quotation (exactly or faithfully)."""
    for other in res.notes:
        if other.id == own.id:
            continue
        for url in _note_urls(other):
            ex = texts.get(url)
            if ex is None or ex.error or url in _note_urls(own):
                continue
            if _best(quote, ex)[0].passed:
                return other.id
    return None
