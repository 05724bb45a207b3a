"""``whereas users``: who may sign in to a shared ``whereas serve`` (docs/serve.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from whereas.cli import root
from whereas.errors import UsageError

if TYPE_CHECKING:
    from whereas.web.db import Store

users_app = typer.Typer(
    name="users",
    help="Who may sign in to whereas serve: once there is a user, every page and API call needs one.",
    no_args_is_help=True,
)
root.add_typer(users_app, name="users")  # named here too: `whereas.cli.command_app` finds it by name

DATA = typer.Option(Path("whereas-data"), "--data", help="The server's data folder (as given to whereas serve).")
DATABASE = typer.Option(
    None, "--database", help="The server's database URL (as given to whereas serve) [default: SQLite in --data]."
)


def _store(data: Path, database: str | None) -> Store:
    try:
        from whereas.web.app import prepare
        from whereas.web.config import ServeConfig
    except ImportError as exc:
        raise UsageError(
            f"whereas users needs the serve extra: pip install 'whereas[serve]' ({exc.name} is missing)"
        ) from None
    if database is not None and not database.startswith(("sqlite", "postgres")):
        raise UsageError(f"--database: {database!r} is neither a sqlite:// nor a postgresql:// URL")
    return prepare(ServeConfig(data=data, database=database))


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    from whereas.web.auth import check_password

    problem = check_password(password)
    if problem:
        raise UsageError(problem)
    return password


@users_app.command("add")
def add(
    name: str = typer.Argument(..., help="The name they sign in with."),
    role: str = typer.Option(
        ..., "--role", help="drafter (sees their own documents), committee (sees all), or admin (sees all)."
    ),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of standard input (for scripts)."
    ),
    data: Path = DATA,
    database: str | None = DATABASE,
) -> None:
    """Add a user; the password is asked for (or read from standard input)."""
    from whereas.web.auth import ROLES, check_name, hash_password

    problem = check_name(name)
    if problem:
        raise UsageError(problem)
    if role not in ROLES:
        raise UsageError(f"--role: {role!r} is not a role; use one of {', '.join(ROLES)}")
    store = _store(data, database)
    if store.user_named(name) is not None:
        raise UsageError(f"there is a user {name} already (remove it first to add it anew)")
    password = _password(password_stdin)
    first = not store.has_users()
    store.add_user(name, role, hash_password(password))
    typer.echo(f"added {name} ({role})", err=True)
    if first:
        typer.echo(
            "whereas serve now asks everyone to sign in (restart a running server to let it answer other computers)",
            err=True,
        )


@users_app.command("list")
def list_users(data: Path = DATA, database: str | None = DATABASE) -> None:
    """The users: name, role, whether they have an API token, when they were added."""
    users = _store(data, database).users()
    if not users:
        typer.echo("no users: whereas serve answers this computer only", err=True)
        return
    width = max(len(u.name) for u in users)
    for u in users:
        token = "token" if u.has_token else "no token"
        typer.echo(f"{u.name:<{width}}  {u.role:<9}  {token:<8}  added {u.created_at:%Y-%m-%d %H:%M} UTC")


@users_app.command("remove")
def remove(
    name: str = typer.Argument(..., help="The user to remove."), data: Path = DATA, database: str | None = DATABASE
) -> None:
    """Remove a user: their sessions and API token stop working at once; their documents stay."""
    store = _store(data, database)
    if not store.remove_user(name):
        raise UsageError(f"there is no user {name}")
    typer.echo(f"removed {name}", err=True)
    if not store.has_users():
        typer.echo("no users left: a restarted whereas serve answers this computer only", err=True)


@users_app.command("token")
def token(
    name: str = typer.Argument(..., help="The user the token acts as."),
    data: Path = DATA,
    database: str | None = DATABASE,
) -> None:
    """Make a new API token for the user and print it (once: only its hash is kept); the old one stops working."""
    from whereas.web.auth import new_token, token_hash

    store = _store(data, database)
    made = new_token()
    if not store.set_token(name, token_hash(made)):
        raise UsageError(f"there is no user {name}")
    typer.echo(made)
    typer.echo(f"the API token of {name}: send it as 'Authorization: Bearer TOKEN'; it is not shown again", err=True)
