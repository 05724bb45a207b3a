"""The command line: thin wrappers over the public verbs; all logic lives elsewhere."""

from __future__ import annotations

import os
import sys
from typing import Any, TextIO

import typer
from typer.core import TyperCommand

from whereas import __version__
from whereas.errors import InputError, UsageError

app = typer.Typer(
    name="whereas",
    help="Lint, verify and publish resolutions (Whereas … Resolved …).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Command(TyperCommand):
    """A command whose usage line names its arguments plainly: ``FILE...``, not typer's ``{FILE...}``."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # typer bundles its own click
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in super().collect_usage_pieces(ctx)]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"whereas {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """whereas: the Resolutions Committee's review, automated."""


def terminal(stream: TextIO | None = None) -> bool:
    """Whether the text report goes to a terminal (then rich colours it, in this process), or what goes to
    ``stream`` (standard error, say).  Answered as rich's ``Console.is_terminal`` answers it, without
    importing rich when the stream is no TTY and neither FORCE_COLOR nor TTY_COMPATIBLE says otherwise."""
    stream = stream or sys.stdout
    isatty = getattr(stream, "isatty", None)
    try:
        tty = bool(isatty and isatty())
    except ValueError:  # closed
        tty = False
    if not tty and "FORCE_COLOR" not in os.environ and "TTY_COMPATIBLE" not in os.environ:
        return False
    from rich.console import Console

    return Console(file=stream, highlight=False, soft_wrap=True).is_terminal


def print_error(error: InputError, *, verbose: bool = False) -> None:
    """``error: FILE: problem`` on stderr; with ``verbose``, an internal error's traceback after it."""
    typer.secho(f"error: {error}", err=True, fg="red")
    detail = getattr(error, "detail", "")
    if verbose and detail:
        typer.echo(detail.rstrip("\n"), err=True)


# Commands register themselves on `app` when imported: after `app` (E402), for that alone (F401).
from whereas.cli import batch as _batch  # noqa: E402,F401 - registers its commands
from whereas.cli import check as _check  # noqa: E402,F401 - registers its commands
from whereas.cli import format as _format  # noqa: E402,F401 - registers its commands
from whereas.cli import parse as _parse  # noqa: E402,F401 - registers its commands
from whereas.cli import render as _render  # noqa: E402,F401 - registers its commands
from whereas.cli import review as _review  # noqa: E402,F401 - registers its commands
from whereas.cli import rule as _rule  # noqa: E402,F401 - registers its commands
from whereas.cli import serve as _serve  # noqa: E402,F401 - registers its commands
from whereas.cli import users as _users  # noqa: E402,F401 - registers its commands
from whereas.cli import verify as _verify  # noqa: E402,F401 - registers its commands


def _exit_on_sigterm() -> None:
    """Make SIGTERM raise ``SystemExit(143)`` rather than end the process on the spot, so that
    cleanup runs (a temporary file being written is removed, the old file left whole)."""
    import signal

    def terminated(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: the embedding program handles its signals
        pass


def main() -> None:
    _exit_on_sigterm()
    try:
        # Without standalone mode, typer hands back what it would have exited with (130 after Ctrl-C,
        # the code of a typer.Exit) instead of exiting: exit with it.
        code = app(standalone_mode=False)
        if code == 130:
            typer.echo("Interrupted.", err=True)
        if isinstance(code, int) and code:
            sys.exit(code)
    except (InputError, UsageError) as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # click's usage errors (typer bundles its own click) come here
        show = getattr(exc, "show", None)
        if callable(show) and hasattr(exc, "exit_code"):
            show()
            sys.exit(2)
        raise
