"""``whereas serve``: the review desk in the browser (docs/serve.md)."""

from __future__ import annotations

from pathlib import Path

import typer

from whereas.cli import root


@root.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="The address to listen on."),
    port: int = typer.Option(8000, "--port", help="The port to listen on."),
    data: Path = typer.Option(
        Path("whereas-data"), "--data", help="Where uploads, evidence and the SQLite database are kept."
    ),
    database: str | None = typer.Option(
        None, "--database", help="A database URL, e.g. postgresql://user@host/db [default: SQLite in --data]."
    ),
    archive: Path | None = typer.Option(
        None, "--archive", help="One WARC evidence archive for every document [default: one per document in --data]."
    ),
    offline: bool = typer.Option(False, "--offline", help="Verify from the archive only; never touch the network."),
    allow_host: list[str] = typer.Option(
        [], "--allow-host", metavar="HOST[:PORT]", help="Fetch from this private or loopback host too. Repeatable."
    ),
    max_upload_mb: float = typer.Option(20.0, "--max-upload-mb", help="The largest upload accepted, in MB."),
) -> None:
    """Serve the review desk: upload a draft, see its findings and verdicts, download the reviewed copy."""
    from whereas.errors import UsageError

    try:
        import uvicorn

        from whereas.web import ServeConfig, create_app
    except ImportError as exc:
        raise UsageError(
            f"whereas serve needs the serve extra: pip install 'whereas[serve]' ({exc.name} is missing)"
        ) from None
    from whereas.verify.addresses import parse_allowed

    try:
        parse_allowed(tuple(allow_host))
    except ValueError as exc:
        raise UsageError(f"--allow-host: {exc}") from None
    if max_upload_mb <= 0:
        raise UsageError("--max-upload-mb must be positive")
    if database is not None and not database.startswith(("sqlite", "postgres")):
        raise UsageError(f"--database: {database!r} is neither a sqlite:// nor a postgresql:// URL")
    config = ServeConfig(
        data=data,
        database=database,
        archive=archive,
        offline=offline,
        allow_hosts=tuple(allow_host),
        max_upload=int(max_upload_mb * 1024 * 1024),
    )
    application = create_app(config)
    where = "PostgreSQL" if database and database.startswith("postgres") else f"SQLite in {data / 'whereas.db'}"
    typer.echo(f"whereas serve: documents and evidence in {data}, database: {where}", err=True)
    users = len(application.state.services.store.users())
    if users:
        typer.echo(
            f"whereas serve: {users} user{'s' if users != 1 else ''}: every page and API call needs a "
            "signed-in user or an API token (whereas users --help)",
            err=True,
        )
    else:
        typer.echo(
            "whereas serve: no users are set up: answering requests from this computer only (loopback), "
            "from pages of this site only (add one with: whereas users add NAME --role admin)",
            err=True,
        )
    if offline:
        typer.echo("whereas serve: offline: sources are answered from the evidence archive only", err=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"whereas serve: open http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/", err=True)
    # Behind a reverse proxy on this computer (docs/serve.md), the client and scheme are the proxy's
    # X-Forwarded-For and X-Forwarded-Proto: a remote client is never taken for this computer.
    uvicorn.run(
        application, host=host, port=port, log_level="warning", proxy_headers=True, forwarded_allow_ips="127.0.0.1"
    )
