"""Verification in the background: jobs are rows in the database, run one at a time by a thread of the
server, their progress written as they go.  A job left running by a server that stopped is queued
again when the server starts, and run from the beginning (what it had fetched is in the evidence
archive already, and answered from it when the job is run offline)."""

from __future__ import annotations

import logging
import threading
import time

from whereas.errors import InputError, UsageError
from whereas.web.config import ServeConfig
from whereas.web.db import Job, Store
from whereas.web.documents import failure, verify

log = logging.getLogger("whereas.serve")

#: seconds between looks at the queue when nobody has said a job was added
POLL = 2.0
#: at most one progress write per this many seconds (and the last one always)
PROGRESS_EVERY = 0.25


def run_job(store: Store, config: ServeConfig, job: Job) -> None:
    """Run a claimed job to its end: ``done`` with the verification stored, or ``failed`` with why."""
    doc = store.document(job.document_id)
    if doc is None:
        store.finish(job.id, "the document is gone")
        return
    last = 0.0

    def progress(done: int, total: int, url: str) -> None:
        nonlocal last
        now = time.monotonic()
        if done == total or now - last >= PROGRESS_EVERY:
            last = now
            store.progress(job.id, done, total)

    try:
        verification = verify(config, doc, progress)
    except (InputError, UsageError) as exc:
        store.finish(job.id, _sentence(str(exc).replace(str(config.data / doc.stored), doc.filename)))
        return
    except Exception as exc:  # a bug fails this job, not the server
        log.exception("verification job %s failed", job.id)
        store.finish(job.id, f"whereas met an internal error ({type(exc).__name__}); the server's log has the details.")
        return
    reason = failure(verification)
    if reason is not None:  # the document could not be read: nothing was checked
        store.finish(job.id, reason)
        return
    store.set_verification(doc.id, verification)
    store.finish(job.id)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


class JobRunner:
    """A thread taking queued jobs one at a time (one evidence archive is never written by two)."""

    def __init__(self, store: Store, config: ServeConfig) -> None:
        self.store = store
        self.config = config
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> int:
        """Start the thread; how many interrupted jobs were queued again to be resumed."""
        resumed = self.store.requeue_interrupted()
        self._thread = threading.Thread(target=self._loop, name="whereas-jobs", daemon=True)
        self._thread.start()
        return resumed

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            job = self.store.claim_next()
            if job is None:
                self._wake.wait(POLL)
                self._wake.clear()
                continue
            run_job(self.store, self.config, job)
