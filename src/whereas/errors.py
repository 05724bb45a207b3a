"""The one exception a user's mistake turns into: it names the file, the line and the problem."""

from __future__ import annotations


class InputError(Exception):
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

    def __reduce__(self):  # noqa: ANN204 - pickled between worker processes
        return (InputError, (self.path, self.problem, self.line))


class UsageError(Exception):
    """A wrong option or argument given to whereas (exit code 2)."""
