"""Checking many files on every core: worker processes plus the calling process itself.

The files are cut into small chunks, which forked workers and the calling process claim one at a
time from a counter in shared memory, so all cores stay busy until the end and nothing waits on a
straggler for long.  A worker sends each chunk as soon as it has checked it, and the caller hands the
results on in the files' order as they come (:func:`check_each`), so that a report is written while
the files are checked and only the chunks not yet written are held; a worker that dies leaves its
chunks to be checked again by the caller.  (Where processes cannot be forked, a process pool.)

A worker sends its results back in a compact form (:func:`pack`): one copy of each source text,
and every finding as a record of plain values (:class:`PackedFinding`).  Pickling thousands of small objects (findings,
spans, fixes, edits, an enum per finding) costs far more, in the parent, than the work itself.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal, NamedTuple

from whereas.lint.diagnostic import Diagnostic, Edit, Fix, Severity
from whereas.model import Source, Span

#: Chunks per core: enough to balance the load, few enough to keep the messages cheap.
CHUNKS_PER_CORE = 64
MIN_CHUNK = 4
#: At most this many files in a chunk: a chunk's results are held until it is its turn to be handed
#: on, so a large run stays within a few chunks' worth of memory however many files it checks.
MAX_CHUNK = 32
#: Chunks checked ahead of the one whose turn it is (per core), at most, before this process waits.
AHEAD_PER_CORE = 4

_SEVERITY = {s.value: s for s in Severity}


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


#: The cyclic garbage collector's first threshold while checking (allocations between collections).
GC_THRESHOLD = 50_000


def check_all(
    jobs: Sequence[Any], check: Callable[[Any], Any], *, min_parallel: int, max_workers: int = 8
) -> list[Any]:
    """``[check(job) for job in jobs]``: :func:`check_each`, kept."""
    return list(check_each(jobs, check, min_parallel=min_parallel, max_workers=max_workers))


def check_each(
    jobs: Sequence[Any], check: Callable[[Any], Any], *, min_parallel: int, max_workers: int = 8
) -> Iterator[Any]:
    """``check(job)`` for each job, in the jobs' order, handed on as soon as it and those before it
    are done: on every core (``max_workers`` at most) when there are at least ``min_parallel`` jobs,
    with the cyclic garbage collector held back.  Only the results not yet handed on are held, so a
    caller that writes each one out and drops it runs in flat memory.

    Checking allocates millions of small objects that reference counting frees; the cyclic collector
    would scan the live ones (modules, settings, results so far) again and again.  While checking, it
    runs less often (:data:`GC_THRESHOLD`) and leaves alone what existed before (``gc.freeze``: also
    fewer pages copied in forked workers).  Both are restored afterwards.
    """
    import gc

    workers = min(cores(), max_workers)
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], GC_THRESHOLD), *threshold[1:])
    try:
        if len(jobs) < min_parallel or workers < 2 or not _may_start_processes():
            for job in jobs:
                yield check(job)
        else:
            yield from each_job(jobs, check, workers)
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _may_start_processes() -> bool:
    """False in a daemonic process (a Dask or multiprocessing worker: it may not have children) and
    off the main thread (a thread of a Dask worker: forking a threaded process from another thread
    can deadlock the child).  There the files are checked in the calling process."""
    import multiprocessing
    import threading

    return not multiprocessing.current_process().daemon and threading.current_thread() is threading.main_thread()


def run_jobs(jobs: Sequence[Any], check: Callable[[Any], Any], workers: int) -> list[Any]:
    """``[check(job) for job in jobs]`` on ``workers`` cores (this process being one of them)."""
    return list(each_job(jobs, check, workers))


def each_job(jobs: Sequence[Any], check: Callable[[Any], Any], workers: int) -> Iterator[Any]:
    """``check(job)`` for each job in order, on ``workers`` cores (this process being one of them)."""
    import multiprocessing

    n = len(jobs)
    size = min(MAX_CHUNK, max(MIN_CHUNK, -(-n // (workers * CHUNKS_PER_CORE))))
    bounds = [(lo, min(lo + size, n)) for lo in range(0, n, size)]
    if "fork" in multiprocessing.get_all_start_methods():
        return _each_forked(jobs, check, workers, bounds)
    return _each_pooled(jobs, check, workers, bounds)


def _each_forked(
    jobs: Sequence[Any], check: Callable[[Any], Any], workers: int, bounds: list[tuple[int, int]]
) -> Iterator[Any]:
    """Forked workers and this process take chunks in turn from a counter in shared memory.

    A worker sends each chunk as soon as it has checked it; this process checks chunks too, and
    between two of its own reads what the workers have sent.  Chunks are handed on in order: those
    done early wait (this process stops taking new ones while :data:`AHEAD_PER_CORE` per core
    wait, and reads instead).  A worker that dies leaves the chunks it took to be checked again here.
    """
    import multiprocessing
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")
    started: list[Any] = []
    try:
        counter = context.Value("i", 0)
        pipes = [context.Pipe(duplex=False) for _ in range(workers - 1)]
        procs = [
            context.Process(target=_worker, args=(jobs, check, bounds, counter, send), daemon=True) for _, send in pipes
        ]
        for proc in procs:
            proc.start()
            started.append(proc)
    except (OSError, PermissionError, ValueError):  # no processes here (a sandbox): one process then
        for proc in started:  # (those that did start would compute what nobody reads)
            proc.kill()
            proc.join()
        for job in jobs:
            yield check(job)
        return
    waiting: dict[int, list[Any]] = {}  # chunks done, not yet handed on
    live: list[Any] = [receive for receive, _ in pipes]
    ahead = AHEAD_PER_CORE * workers

    def read(timeout: float | None) -> None:
        """Take in what the workers sent (waiting up to ``timeout`` seconds for something)."""
        ready: list[Any] = wait(live, timeout)
        for receive in ready:
            try:
                message = receive.recv()
            except (EOFError, OSError):  # done, or dead: its unsent chunks are checked here
                live.remove(receive)
                continue
            if isinstance(message, BaseException):
                raise message
            i, data = message
            waiting[i] = unpack(pickle.loads(data))

    try:
        for _, send in pipes:
            send.close()  # this process only reads; a worker that dies then reads as EOF
        mine = _claims(counter, len(bounds))
        for turn in range(len(bounds)):
            while turn not in waiting:
                if live:
                    read(0)
                    if turn in waiting:
                        break
                i = next(mine, None) if len(waiting) < ahead or not live else None
                if i is not None:
                    lo, hi = bounds[i]
                    waiting[i] = [check(job) for job in jobs[lo:hi]]
                elif live:
                    read(None)
                else:  # every chunk was taken, and this one's worker died before sending it
                    lo, hi = bounds[turn]
                    waiting[turn] = [check(job) for job in jobs[lo:hi]]
            yield from waiting.pop(turn)
    finally:
        for receive, _ in pipes:
            receive.close()
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()


def _claims(counter: Any, n: int) -> Iterator[int]:
    """The chunk numbers this process claims, one at a time, until none is left."""
    while True:
        with counter.get_lock():
            i = counter.value
            if i >= n:
                return
            counter.value = i + 1
        yield i


def _worker(
    jobs: Sequence[Any], check: Callable[[Any], Any], bounds: list[tuple[int, int]], counter: Any, send: Any
) -> None:
    # Each chunk is packed, pickled and sent as soon as it is checked; the end is the pipe closed.
    try:
        for i in _claims(counter, len(bounds)):
            lo, hi = bounds[i]
            data = pickle.dumps(pack([check(job) for job in jobs[lo:hi]]), pickle.HIGHEST_PROTOCOL)
            send.send((i, data))
    except KeyboardInterrupt:  # the parent, interrupted too, stops reading
        pass
    except OSError:  # the parent stopped reading (it was interrupted, or failed): nothing to tell it
        pass
    except BaseException as exc:  # handed to the parent, which raises it
        try:
            send.send(exc)
        except OSError:
            pass
        except Exception:  # an unpicklable exception, say
            try:
                send.send(RuntimeError(f"worker failed: {exc!r}"))
            except OSError:
                pass
    finally:
        send.close()


def _each_pooled(
    jobs: Sequence[Any], check: Callable[[Any], Any], workers: int, bounds: list[tuple[int, int]]
) -> Iterator[Any]:
    """Without fork: a process pool (the jobs and ``check`` are pickled to each worker)."""
    from concurrent.futures import ProcessPoolExecutor

    try:
        pool = ProcessPoolExecutor(max_workers=workers - 1)
    except (OSError, PermissionError, ValueError):  # no process pool here (a sandbox): one process then
        for job in jobs:
            yield check(job)
        return
    with pool:
        futures: list[Any] = [pool.submit(_work, check, list(jobs[lo:hi])) for lo, hi in bounds]
        done: list[list[Any] | None] = [None] * len(bounds)
        for i in range(len(bounds) - 1, -1, -1):  # from the back, while no worker has taken the chunk
            if not futures[i].cancel():
                break
            lo, hi = bounds[i]
            done[i] = [check(job) for job in jobs[lo:hi]]
        for i, future in enumerate(futures):
            part = done[i]
            done[i] = futures[i] = None  # handed on: not held any longer
            yield from part if part is not None else unpack(future.result())


def _work(check: Callable[[Any], Any], jobs: list[Any]) -> Packed:
    return pack([check(job) for job in jobs])


# ---------------------------------------------------------------------------------------------
# the compact form of a list of FileResults


class PackedFix(NamedTuple):
    """A :class:`Fix` in plain values."""

    message: str
    applicability: Literal["safe", "unsafe"]
    edits: tuple[tuple[int, int, str], ...]  # each edit's (start, end, replacement)


class PackedFinding(NamedTuple):
    """A :class:`Diagnostic` in plain values: its source as an index into the sources sent with it."""

    code: str
    name: str
    severity: str  # the Severity's value
    message: str
    source: int
    start: int
    end: int
    fix: PackedFix | None
    clause: str | None


Packed = tuple[list[Any], list[tuple[str, str, str | None]]]


def pack(results: list[Any]) -> Packed:
    """FileResults as (their attributes with findings as PackedFindings, the distinct sources as
    (text, format, path)).  A finding of another type than Diagnostic's own stays as it is."""
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

    def diagnostic(d: Diagnostic) -> PackedFinding | Diagnostic:
        if type(d) is not Diagnostic or type(d.source) is not Source or type(d.span) is not Span:
            return d
        fix = d.fix
        packed_fix = None
        if fix is not None:
            if type(fix) is not Fix or any(type(e) is not Edit for e in fix.edits):
                return d
            packed_fix = PackedFix(
                fix.message, fix.applicability, tuple((e.start, e.end, e.replacement) for e in fix.edits)
            )
        return PackedFinding(
            d.code,
            d.name,
            d.severity.value,
            d.message,
            source(d.source),
            d.span.start,
            d.span.end,
            packed_fix,
            d.clause,
        )

    packed = []
    for r in results:
        state = dict(vars(r))
        state["_diagnostics"] = [diagnostic(d) for d in r.diagnostics]
        state["applied"] = [diagnostic(d) for d in state.get("applied", ())]
        state["dropped"] = [(diagnostic(d), why) for d, why in state.get("dropped", ())]
        packed.append((type(r), state))
    return packed, sources


def unpack(data: Packed) -> list[Any]:
    """The FileResults again.  Their findings are rebuilt when first read (``unpack_diagnostics``):
    a caller that only needs each file's rendered report and exit status never pays for them."""
    packed, source_rows = data
    sources = [Source(text, fmt, path) for text, fmt, path in source_rows]
    out = []
    for cls, state in packed:
        rows = state.pop("_diagnostics")
        state["_diagnostics"] = []
        state["_packed"] = (rows, sources)
        state["applied"] = unpack_diagnostics((state["applied"], sources))
        state["dropped"] = [(_diagnostic(t, sources), why) for t, why in state["dropped"]]
        r = cls.__new__(cls)  # as pickle restores an object: its attributes, without __init__
        r.__dict__.update(state)
        out.append(r)
    return out


def packed_kinds(packed: tuple[list[Any], list[Source]]) -> list[tuple[str, str | None]]:
    """(severity, fix applicability or None) of each packed finding, without rebuilding them."""
    out: list[tuple[str, str | None]] = []
    for t in packed[0]:
        if isinstance(t, PackedFinding):
            out.append((t.severity, t.fix.applicability if t.fix is not None else None))
        else:
            out.append((t.severity.value, t.fix.applicability if t.fix else None))
    return out


def unpack_diagnostics(packed: tuple[list[Any], list[Source]]) -> list[Diagnostic]:
    rows, sources = packed
    return [_diagnostic(t, sources) for t in rows]


def _diagnostic(t: PackedFinding | Diagnostic, sources: list[Source]) -> Diagnostic:
    if not isinstance(t, PackedFinding):
        return t
    fix = None
    if t.fix is not None:
        fix = Fix(t.fix.message, tuple([Edit(*e) for e in t.fix.edits]), t.fix.applicability)
    return Diagnostic(
        t.code, t.name, _SEVERITY[t.severity], t.message, sources[t.source], Span(t.start, t.end), fix, t.clause
    )
