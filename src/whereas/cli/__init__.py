"""The command line: thin wrappers over the public verbs; all logic lives elsewhere."""

# ruff: noqa: E402 - the collector's threshold is set before the imports
from __future__ import annotations

import atexit
import gc

# Starting creates some 35,000 objects the cyclic collector tracks (modules, classes, functions, patterns) that
# live until the process ends: at the default threshold (700 allocations) it passes over them some 40 times before
# a one-file check is done (≈ 15 ms of its 0.25 s) and frees nothing.  The command line collects less often, as
# `whereas.structure.build` and `whereas.parallel.check_each` do while they work (docs/performance.md).
gc.set_threshold(100_000, *gc.get_threshold()[1:])
# And at exit, after the exit handlers, Python passes over them all four more times while it tears the modules
# down (≈ 5 % of a one-file check): what is alive then is left to the ending process (`gc.freeze`: never collected;
# reference counting still frees what it can).
atexit.register(gc.freeze)

import copy
import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import typer
from typer.core import TyperCommand
from typer.main import get_command_name

from whereas import __version__
from whereas.errors import InputError, UsageError

#: The command line.  Each command (or group of commands) registers itself on it when its module, named as the
#: command is, is imported: `main` imports the one that runs, alone (see `COMMANDS`); ``from whereas.cli import app``
#: gives it with every command registered.
root = typer.Typer(
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


@root.callback()
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


#: The commands and groups of commands, each registered on `root` by the module of its name, in the order of the help.
COMMANDS = ("batch", "check", "format", "parse", "render", "review", "rule", "serve", "users", "verify")


def registered(*names: str) -> typer.Typer:
    """`root`, with the commands ``names`` (all of them when none is named) registered: their modules imported.  A
    command's module imports typer's option types and its own enumerations; the engine comes when it runs."""
    for name in names or COMMANDS:
        importlib.import_module(f"whereas.cli.{name}")
    return root


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole command line, for a program or a test that runs it (click's CliRunner)
        return registered()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@contextmanager
def _exit_on_sigterm() -> Iterator[None]:
    """While the command runs, make SIGTERM raise ``SystemExit(143)`` rather than end the process on the
    spot, so that cleanup runs (a temporary file being written is removed, the old file left whole).  The
    handler before it is put back after: a program that calls ``main()`` keeps its own (a process pool it
    forks later stops its workers with SIGTERM, which must end them)."""
    import signal

    def terminated(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: the embedding program handles its signals
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def command_app(name: str) -> typer.Typer:
    """The command line holding the command (or group of commands) ``name`` alone, only its module imported; the
    whole of it when none is called so (``--help``, ``--version``, a typo).  typer turns every command it holds
    into a click command before it reads the arguments (≈ 15 ms for all of them, 3 ms for one), though one runs;
    the one that runs reads and reports its arguments as it would in the whole."""
    if name not in COMMANDS:
        return registered()
    registered(name)
    commands = [
        c for c in root.registered_commands if c.callback and (c.name or get_command_name(c.callback.__name__)) == name
    ]
    groups = [g for g in root.registered_groups if g.name == name]
    one = copy.copy(root)
    one.registered_commands, one.registered_groups = commands, groups
    return one


def main() -> None:
    with _exit_on_sigterm():
        _main()


def _main() -> None:
    try:
        # Without standalone mode, typer hands back what it would have exited with (130 after Ctrl-C,
        # the code of a typer.Exit) instead of exiting: exit with it.
        code = command_app(sys.argv[1] if len(sys.argv) > 1 else "")(standalone_mode=False)
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
