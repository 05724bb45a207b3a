"""Checking many files on every core: worker processes plus the calling process itself.

The files are cut into small chunks.  Worker processes take chunks from the front of the list
while the calling process takes them from the back (cancelling each chunk no worker has picked up
yet), so all cores stay busy until the end and nothing waits on a straggler for long.

A worker sends its results back in a compact form (:func:`pack`): one copy of each source text,
and every finding as a tuple of plain values.  Pickling thousands of small objects (findings,
spans, fixes, edits, an enum per finding) costs far more, in the parent, than the work itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from whereas.lint.diagnostic import Diagnostic, Edit, Fix, Severity
from whereas.model import Source, Span

#: Chunks per core: enough to balance the load, few enough to keep the messages cheap.
CHUNKS_PER_CORE = 24
MIN_CHUNK = 4

_SEVERITY = {s.value: s for s in Severity}

# What a forked worker inherits: the jobs and the function that checks one.
_JOBS: Sequence[Any] = ()
_CHECK: Callable[[Any], Any] | None = None


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run_jobs(jobs: Sequence[Any], check: Callable[[Any], Any], workers: int) -> list[Any]:
    """``[check(job) for job in jobs]`` on ``workers`` cores (this process being one of them)."""
    global _JOBS, _CHECK
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    n = len(jobs)
    size = max(MIN_CHUNK, -(-n // (workers * CHUNKS_PER_CORE)))
    bounds = [(lo, min(lo + size, n)) for lo in range(0, n, size)]
    forked = "fork" in multiprocessing.get_all_start_methods()
    if forked:
        _JOBS, _CHECK = jobs, check
    try:
        context = multiprocessing.get_context("fork" if forked else None)
        pool = ProcessPoolExecutor(max_workers=workers - 1, mp_context=context)
    except (OSError, PermissionError, ValueError):  # no process pool here (a sandbox): one process then
        return [check(job) for job in jobs]
    try:
        with pool:
            if forked:
                futures = [pool.submit(_work_forked, lo, hi) for lo, hi in bounds]
            else:
                futures = [pool.submit(_work, check, list(jobs[lo:hi])) for lo, hi in bounds]
            done: list[list[Any] | None] = [None] * len(bounds)
            for i in range(len(bounds) - 1, -1, -1):  # from the back, while no worker has taken the chunk
                if not futures[i].cancel():
                    break
                lo, hi = bounds[i]
                done[i] = [check(job) for job in jobs[lo:hi]]
            out: list[Any] = []
            for i, future in enumerate(futures):
                part = done[i]
                out.extend(part if part is not None else unpack(future.result()))
            return out
    finally:
        _JOBS, _CHECK = (), None


def _work_forked(lo: int, hi: int) -> tuple[list[Any], list[tuple[str, str, str | None]]]:
    assert _CHECK is not None
    return pack([_CHECK(job) for job in _JOBS[lo:hi]])


def _work(check: Callable[[Any], Any], jobs: list[Any]) -> tuple[list[Any], list[tuple[str, str, str | None]]]:
    return pack([check(job) for job in jobs])


# ---------------------------------------------------------------------------------------------
# the compact form of a list of FileResults

_PACKED_LISTS = ("diagnostics", "applied")


def pack(results: list[Any]) -> tuple[list[Any], list[tuple[str, str, str | None]]]:
    """FileResults as (their attributes with findings as tuples, the distinct sources)."""
    sources: list[tuple[str, str, str | None]] = []
    index: dict[int, int] = {}
    keep: list[Source] = []  # ids stay unique while the sources are alive

    def source(s: Source) -> int:
        i = index.get(id(s))
        if i is None:
            i = index[id(s)] = len(sources)
            sources.append((s.text, s.format, s.path))
            keep.append(s)
        return i

    def diagnostic(d: Diagnostic) -> Any:
        if type(d) is not Diagnostic or type(d.source) is not Source or type(d.span) is not Span:
            return d
        fix = d.fix
        if fix is not None:
            if type(fix) is not Fix or any(type(e) is not Edit for e in fix.edits):
                return d
            fix = (fix.message, fix.applicability, tuple((e.start, e.end, e.replacement) for e in fix.edits))
        return (d.code, d.name, d.severity.value, d.message, source(d.source), d.span.start, d.span.end, fix, d.clause)

    packed = []
    for r in results:
        state = dict(vars(r))
        for key in _PACKED_LISTS:
            if key in state:
                state[key] = [diagnostic(d) for d in state[key]]
        if "dropped" in state:
            state["dropped"] = [(diagnostic(d), why) for d, why in state["dropped"]]
        packed.append((type(r), state))
    return packed, sources


def unpack(data: tuple[list[Any], list[tuple[str, str, str | None]]]) -> list[Any]:
    packed, source_rows = data
    sources = [Source(text, fmt, path) for text, fmt, path in source_rows]
    new = object.__new__
    severity = _SEVERITY

    def diagnostic(t: Any) -> Diagnostic:
        if type(t) is not tuple:
            return t
        code, name, sev, message, si, start, end, fix, clause = t
        if fix is not None:
            fix = Fix(fix[0], tuple([Edit(*e) for e in fix[2]]), fix[1])
        d = new(Diagnostic)
        d.__dict__.update(
            code=code,
            name=name,
            severity=severity[sev],
            message=message,
            source=sources[si],
            span=Span(start, end),
            fix=fix,
            clause=clause,
        )
        return d

    out = []
    for cls, state in packed:
        for key in _PACKED_LISTS:
            if key in state:
                state[key] = [diagnostic(t) for t in state[key]]
        if "dropped" in state:
            state["dropped"] = [(diagnostic(t), why) for t, why in state["dropped"]]
        r = new(cls)
        r.__dict__.update(state)
        out.append(r)
    return out
