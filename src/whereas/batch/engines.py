"""Where the shards run: in this process (``local``) or as tasks on Dask distributed (``dask``: a
``LocalCluster`` here, or the cluster whose scheduler is at ``--scheduler ADDRESS``).

An engine is a context manager with ``slots`` (how many shards run at once) and ``map``, which yields
each shard's status, or the exception that stopped it, as each one finishes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from whereas.errors import UsageError

INSTALL = "pip install 'whereas[batch]'  (or: pip install 'dask[distributed]' pyarrow)"

Outcome = tuple[Any, dict[str, Any] | BaseException]  # (task, its status or what stopped it)


class Local:
    """Each shard in turn, in this process (whose own checking may use every core: ``whereas.parallel``)."""

    slots = 1

    def __enter__(self) -> Local:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def map(self, run: Callable[[Any], dict[str, Any]], tasks: Sequence[Any]) -> Iterator[Outcome]:
        for task in tasks:
            try:
                yield task, run(task)
            except Exception as exc:  # the shard's failure is recorded; the others go on
                yield task, exc


class Dask:
    """The shards as tasks on Dask distributed: on a ``LocalCluster`` of ``workers`` single-threaded
    worker processes (threads of this process when not ``processes``), or on the running cluster whose
    scheduler is at ``scheduler``."""

    def __init__(self, scheduler: str | None = None, *, workers: int | None = None, processes: bool = True) -> None:
        try:
            import distributed  # noqa: F401 - is it there?
        except ImportError:
            raise UsageError(f"--engine dask needs Dask distributed, which is not installed: {INSTALL}") from None
        self.scheduler = scheduler
        self.workers = workers
        self.processes = processes
        self.cluster: Any = None
        self.client: Any = None
        self.slots = 1

    def __enter__(self) -> Dask:
        from distributed import Client, LocalCluster

        if self.scheduler is None:
            from whereas.parallel import cores

            self.cluster = LocalCluster(
                n_workers=self.workers or min(cores(), 8),
                threads_per_worker=1,
                processes=self.processes,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(self.scheduler, timeout="10s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise UsageError(f"--scheduler {self.scheduler}: cannot reach a Dask scheduler there ({exc})") from None
        self.slots = max(1, sum(self.client.nthreads().values()))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def map(self, run: Callable[[Any], dict[str, Any]], tasks: Sequence[Any]) -> Iterator[Outcome]:
        from distributed import as_completed

        if not tasks:
            return
        futures = self.client.map(run, tasks, pure=False, retries=1)
        task_of = {future.key: task for future, task in zip(futures, tasks, strict=True)}
        for future in as_completed(futures):
            task = task_of[future.key]
            try:
                yield task, future.result()
            except Exception as exc:  # the shard's failure (after a retry) is recorded; the others go on
                yield task, exc
            future.release()


def engine(name: str, scheduler: str | None, **dask: Any) -> Local | Dask:
    if scheduler is not None and name != "dask":
        raise UsageError("--scheduler goes with --engine dask")
    if name == "local":
        return Local()
    if name == "dask":
        return Dask(scheduler, **dask)
    raise UsageError(f"--engine {name}: choose local or dask")
