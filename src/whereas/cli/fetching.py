"""The fetching options ``whereas verify`` and ``whereas batch verify`` share (options only: no command)."""

from __future__ import annotations

import typer

#: the Wayback Machine availability API (``whereas.verify.check.DEFAULT_WAYBACK_URL``; that module
#: is not imported at start-up, the verification machinery being heavy)
DEFAULT_WAYBACK_URL = "https://archive.org/wayback/available"

WAYBACK_URL = typer.Option(
    DEFAULT_WAYBACK_URL, "--wayback-url", help="Wayback Machine availability API for dead links."
)
NO_WAYBACK = typer.Option(False, "--no-wayback", help="Do not look for archived copies of dead links.")
TIMEOUT = typer.Option(60.0, "--timeout", help="Wall-clock seconds allowed per URL (redirects and retries included).")
ALLOW_HOST = typer.Option(
    None,
    "--allow-host",
    metavar="HOST[:PORT]",
    help="Fetch from HOST (at PORT only, if given) even at a private or loopback address. Repeatable.",
)
