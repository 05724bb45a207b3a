"""The errors whereas raises on purpose, all under :class:`WhereasError`.

::

    WhereasError
    ├── InputError        bad input: names the file, the line and the problem (exit 2)
    │   └── InternalError a bug met while handling one file, reported like bad input
    ├── UsageError        a wrong option, argument or configuration (exit 2)
    └── FetchError        a cited source that could not be fetched (whereas verify)
        └── BlockedAddress   its host resolves only to addresses whereas refuses
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal


class WhereasError(Exception):
    """Every error whereas raises on purpose (a bug raises whatever it raises)."""


class InputError(WhereasError):
    """Bad input: a missing, empty, corrupt, binary or hostile file.

    The CLI prints ``str(error)`` and exits with code 2; no traceback.
    """

    def __init__(self, path: str | None, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[InputError], tuple[object, ...]]:  # pickled between worker processes
        return (InputError, (self.path, self.problem, self.line))


class UsageError(WhereasError):
    """A wrong option or argument given to whereas (exit code 2)."""


class InternalError(InputError):
    """A bug met while reading or checking one file: reported like bad input, for that file alone.

    The run goes on with the other files and exits with code 2.  ``detail`` keeps the traceback
    (as text, so that it crosses from a worker process) for ``--verbose``.
    """

    def __init__(self, path: str | None, problem: str, detail: str = "") -> None:
        super().__init__(path, problem)
        self.detail = detail

    @classmethod
    def of(cls, path: str | None, exc: BaseException) -> InternalError:
        """The error to report for ``exc``, raised unexpectedly while handling ``path``."""
        import traceback

        message = " ".join(str(exc).split())
        if len(message) > 200:
            message = message[:199] + "…"
        what = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
        problem = f"internal error: {what} (please report this, with the file)"
        return cls(path, problem, "".join(traceback.format_exception(exc)))

    def __reduce__(self) -> tuple[type[InputError], tuple[object, ...]]:  # pickled between worker processes
        return (InternalError, (self.path, self.problem, self.detail))


#: how fetching a URL failed (a source's status in ``whereas.verify.fetch``, less "ok" and "redirected")
FetchFailure = Literal["dead", "unreachable", "blocked", "unsupported", "not_archived"]


class FetchError(WhereasError):
    """A URL that could not be fetched: ``status`` says how, ``message`` why, after ``attempts`` tries."""

    def __init__(self, status: FetchFailure, message: str, attempts: int = 0) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.attempts = attempts

    def __reduce__(self) -> tuple[type[FetchError], tuple[object, ...]]:  # its arguments are not its message
        return (type(self), (self.status, self.message, self.attempts))


class BlockedAddress(FetchError):
    """The host resolves only to addresses whereas refuses (the message says which and why)."""

    def __init__(self, message: str, attempts: int = 0) -> None:
        super().__init__("blocked", message, attempts)

    def __reduce__(self) -> tuple[type[FetchError], tuple[object, ...]]:
        return (type(self), (self.message, self.attempts))


@contextmanager
def about_file(path: str | None) -> Iterator[None]:
    """Whatever goes wrong inside, raised as an :class:`InputError` about ``path``.

    An unreadable file (``OSError``) is bad input; a :class:`UsageError` goes through as it is; any
    other unexpected exception is a bug, raised
    as an :class:`InternalError`, so that the caller reports it for this file and goes on.
    """
    try:
        yield
    except (InputError, UsageError):
        raise
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from exc
    except Exception as exc:  # see InternalError
        raise InternalError.of(path, exc) from exc
