"""Checking many files on every core: worker processes plus the calling process itself.

The jobs are read from the caller's iterable as they are needed (a directory walked as its files are
checked) and cut into small chunks (:func:`chunks`).  The calling process sends each forked worker a
few chunks at a time over its pipe, and a worker sends each chunk's results back as soon as it has
checked it; between two of its own chunks the caller reads what came back and sends more.  Results are
handed on in the jobs' order as they come (:func:`check_each`), so that a report is written while the
files are checked; only the chunks sent and not yet handed on are held, however many jobs there are.
A worker that dies leaves its chunks to be checked again by the caller.  (Where processes cannot be
forked, a process pool, with as few chunks in flight.)

A worker sends its results back in a compact form (:func:`pack`): one copy of each source text,
and every finding as a record of plain values (:class:`PackedFinding`).  Pickling thousands of small objects (findings,
spans, fixes, edits, an enum per finding) costs far more, in the parent, than the work itself.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import Any, Literal, NamedTuple

from whereas.lint.diagnostic import Diagnostic, Edit, Fix, Severity
from whereas.model import Source, Span

#: Chunks per core near the end of the jobs: enough to balance the load, few enough to keep the messages cheap.
CHUNKS_PER_CORE = 64
MIN_CHUNK = 4
#: At most this many files in a chunk: a chunk's results are held until it is its turn to be handed
#: on, so a large run stays within a few chunks' worth of memory however many files it checks.
MAX_CHUNK = 32
#: Chunks checked ahead of the one whose turn it is (per core), at most, before this process waits.
AHEAD_PER_CORE = 4
#: Chunks sent to a worker and not yet sent back, at most: one being checked, the others queued so that
#: the worker is not idle while this process checks a chunk of its own.
SENT_PER_WORKER = 3

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
    jobs: Iterable[Any], check: Callable[[Any], Any], *, min_parallel: int, max_workers: int = 8
) -> list[Any]:
    """``[check(job) for job in jobs]``: :func:`check_each`, kept."""
    return list(check_each(jobs, check, min_parallel=min_parallel, max_workers=max_workers))


def check_each(
    jobs: Iterable[Any], check: Callable[[Any], Any], *, min_parallel: int, max_workers: int = 8
) -> Iterator[Any]:
    """``check(job)`` for each job, in the jobs' order, handed on as soon as it and those before it
    are done: on every core (``max_workers`` at most) when there are at least ``min_parallel`` jobs,
    with the cyclic garbage collector held back.  ``jobs`` is read as the work needs it (a bounded
    number of jobs ahead of the results handed on), and only the results not yet handed on are held,
    so a caller that gives a lazy iterable and writes each result out and drops it runs in flat memory.

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
        source = iter(jobs)
        first = list(islice(source, min_parallel))  # whether there are enough to go parallel
        if len(first) < min_parallel or workers < 2 or not _may_start_processes():
            for job in chain(first, source):
                yield check(job)
        else:
            yield from each_job(chain(first, source), check, workers)
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


def run_jobs(jobs: Iterable[Any], check: Callable[[Any], Any], workers: int) -> list[Any]:
    """``[check(job) for job in jobs]`` on ``workers`` cores (this process being one of them)."""
    return list(each_job(jobs, check, workers))


def each_job(jobs: Iterable[Any], check: Callable[[Any], Any], workers: int) -> Iterator[Any]:
    """``check(job)`` for each job in order, on ``workers`` cores (this process being one of them)."""
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods():
        return _each_forked(chunks(jobs, workers), check, workers)
    return _each_pooled(chunks(jobs, workers), check, workers)


def chunks(jobs: Iterable[Any], workers: int) -> Iterator[list[Any]]:
    """``jobs`` in chunks, read as the chunks are asked for.  Far from the end, chunks of
    :data:`MAX_CHUNK`; within ``workers`` × :data:`CHUNKS_PER_CORE` × :data:`MIN_CHUNK` jobs of it, the
    jobs left are spread over that many chunks (at least :data:`MIN_CHUNK` jobs each), so that the cores
    finish together.  To know where the end is, that many jobs are read ahead, never more."""
    source = iter(jobs)
    spread = workers * CHUNKS_PER_CORE
    lookahead = spread * MIN_CHUNK
    buffer: deque[Any] = deque()
    while True:
        buffer.extend(islice(source, lookahead + MAX_CHUNK - len(buffer)))
        if not buffer:
            return
        n = len(buffer)
        size = MAX_CHUNK if n > lookahead else min(MAX_CHUNK, max(MIN_CHUNK, -(-n // spread)))
        yield [buffer.popleft() for _ in range(min(size, n))]


def _each_forked(chunks: Iterator[list[Any]], check: Callable[[Any], Any], workers: int) -> Iterator[Any]:
    """Forked workers, fed chunks over their pipes, and this process, which checks chunks too.

    Each worker has up to :data:`SENT_PER_WORKER` chunks sent to it; as it sends one back, it is sent
    the next.  This process checks a chunk of its own whenever the one whose turn it is is still at a
    worker, and between two of its own reads what the workers sent.  Chunks are handed on in order:
    those done early wait (this process stops taking new ones while :data:`AHEAD_PER_CORE` per core
    are made and not handed on, and waits for the workers instead).  A worker that dies leaves the
    chunks it was sent to be checked again here.
    """
    import multiprocessing  # (these two and pickle: only when the files are checked on several cores)
    import pickle
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")
    started: list[Any] = []
    try:
        pipes = [context.Pipe() for _ in range(workers - 1)]
        ends = [end for pair in pipes for end in pair]
        procs = [
            context.Process(target=_worker, args=(check, mine, [e for e in ends if e is not mine]), daemon=True)
            for _, mine in pipes
        ]
        for proc in procs:
            proc.start()
            started.append(proc)
    except (OSError, PermissionError, ValueError):  # no processes here (a sandbox): one process then
        for proc in started:  # (those that did start would wait for work that never comes)
            proc.kill()
            proc.join()
        for chunk in chunks:
            yield from [check(job) for job in chunk]
        return
    live: list[Any] = [conn for conn, _ in pipes]
    sent: dict[Any, deque[int]] = {conn: deque() for conn in live}  # the chunks at each worker, in order
    held: dict[int, list[Any]] = {}  # the jobs of the chunks at a worker (checked here if it dies)
    waiting: dict[int, list[Any]] = {}  # chunks done, not yet handed on
    made = 0  # chunks taken from ``chunks`` so far
    ahead = AHEAD_PER_CORE * workers

    def take() -> tuple[int, list[Any]] | None:
        nonlocal made
        if len(waiting) + len(held) >= ahead:
            return None
        chunk = next(chunks, None)
        if chunk is None:
            return None
        made += 1
        return made - 1, chunk

    def feed(conn: Any) -> None:
        while len(sent[conn]) < SENT_PER_WORKER and (taken := take()) is not None:
            i, jobs = taken
            held[i] = jobs
            sent[conn].append(i)
            try:
                conn.send((i, jobs))
            except OSError:  # dead: read() finds it so, and checks here the chunks it was sent
                return

    def read(timeout: float | None) -> None:
        """Take in what the workers sent (waiting up to ``timeout`` seconds for something), and feed them."""
        ready: list[Any] = wait(live, timeout)
        for conn in ready:
            try:
                message = conn.recv()
            except (EOFError, OSError):  # dead: the chunks it was sent are checked here
                live.remove(conn)
                for i in sent.pop(conn):
                    waiting[i] = [check(job) for job in held.pop(i)]
                continue
            if isinstance(message, BaseException):
                raise message
            i, data = message
            sent[conn].popleft()
            del held[i]
            waiting[i] = unpack(pickle.loads(data))
            feed(conn)

    try:
        for _, mine in pipes:
            mine.close()  # the workers' ends: a worker that dies then reads as EOF here
        for conn in live:
            feed(conn)
        turn = 0
        while True:
            if turn in waiting:
                yield from waiting.pop(turn)
                turn += 1
                for conn in live:
                    feed(conn)  # one fewer waiting: a worker kept idle by the bound gets work again
                continue
            if turn in held:  # at a worker: check another chunk here meanwhile, or wait for it
                read(0)
                if turn not in waiting and turn in held:
                    taken = take()
                    if taken is None:
                        read(None)
                    else:
                        waiting[taken[0]] = [check(job) for job in taken[1]]
                continue
            taken = take()  # nothing is made past ``turn``: it is this process's to check
            if taken is None:
                return
            waiting[taken[0]] = [check(job) for job in taken[1]]
    finally:
        for conn, _ in pipes:
            conn.close()  # a worker waiting for work reads EOF and ends
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()


def _worker(check: Callable[[Any], Any], conn: Any, others: list[Any]) -> None:
    # Chunks come in as (number, jobs); each is checked, packed, pickled and sent back at once; the end is
    # the pipe closed by the parent.
    import pickle  # (imported already by the parent that forked this worker)

    for other in others:
        other.close()  # the parent's ends and the other workers': a worker that dies is then seen to
    try:
        while True:
            try:
                i, jobs = conn.recv()
            except EOFError:
                return
            data = pickle.dumps(pack([check(job) for job in jobs]), pickle.HIGHEST_PROTOCOL)
            conn.send((i, data))
    except KeyboardInterrupt:  # the parent, interrupted too, stops reading
        pass
    except OSError:  # the parent stopped reading (it was interrupted, or failed): nothing to tell it
        pass
    except BaseException as exc:  # handed to the parent, which raises it
        try:
            conn.send(exc)
        except OSError:
            pass
        except Exception:  # an unpicklable exception, say
            try:
                conn.send(RuntimeError(f"worker failed: {exc!r}"))
            except OSError:
                pass
    finally:
        conn.close()


def _each_pooled(chunks: Iterator[list[Any]], check: Callable[[Any], Any], workers: int) -> Iterator[Any]:
    """Without fork: a process pool (each chunk and ``check`` pickled to a worker), with at most
    :data:`AHEAD_PER_CORE` chunks per core submitted and not yet handed on."""
    from concurrent.futures import ProcessPoolExecutor

    try:
        pool = ProcessPoolExecutor(max_workers=workers)
    except (OSError, PermissionError, ValueError):  # no process pool here (a sandbox): one process then
        for chunk in chunks:
            yield from [check(job) for job in chunk]
        return
    with pool:
        futures: deque[Any] = deque()
        for chunk in chunks:
            futures.append(pool.submit(_work, check, chunk))
            if len(futures) >= AHEAD_PER_CORE * workers:
                yield from unpack(futures.popleft().result())
        while futures:
            yield from unpack(futures.popleft().result())


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
