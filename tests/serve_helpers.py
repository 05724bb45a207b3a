"""``whereas serve`` for tests: the application under a real uvicorn on 127.0.0.1 (in a thread), and a
throwaway PostgreSQL cluster (Debian's ``postgresql``: initdb and pg_ctl in a temporary folder, run as
the ``postgres`` user when the tests run as root), or ``$WHEREAS_TEST_POSTGRES_URL``.  Nothing here
listens on or talks to any address outside 127.0.0.0/8."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(config, *, loopback_only: bool | None = None) -> Iterator[str]:  # ServeConfig
    """The server at ``http://127.0.0.1:PORT`` while the block runs; stopped after it.  Loopback only as
    ``whereas serve`` decides it (while the database has no user), unless ``loopback_only`` says."""
    import uvicorn

    from whereas.web import create_app

    app = create_app(config, loopback_only=loopback_only)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the whereas server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)


def _postgres_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


class PostgresCluster:
    """A PostgreSQL server of its own on 127.0.0.1, in a temporary folder, removed when stopped."""

    def __init__(self) -> None:
        initdb, pg_ctl = _postgres_bin("initdb"), _postgres_bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("PostgreSQL (initdb, pg_ctl) is not installed")
        self.pg_ctl = pg_ctl
        self.user: str | None = None
        self.folder = Path(tempfile.mkdtemp(prefix="whereas-pg-"))
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            import pwd

            try:
                entry = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no postgres user") from None
            self.user = "postgres"
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self.folder.chmod(0o700)
        self.port = free_port()
        data = self.folder / "data"
        self._run(initdb, "-D", str(data), "-A", "trust", "-U", "whereas", "--no-sync", "-E", "UTF8")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
        self._run(pg_ctl, "-D", str(data), "-o", options, "-l", str(self.folder / "log"), "-w", "-t", "60", "start")
        self.data = data

    def _run(self, *cmd: str) -> None:
        proc = subprocess.run(
            cmd, user=self.user, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=self.folder
        )
        if proc.returncode != 0:
            raise RuntimeError(f"{Path(cmd[0]).name} failed: {proc.stderr.strip() or proc.stdout.strip()}")

    @property
    def url(self) -> str:
        return f"postgresql://whereas@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._run(self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """A new, empty database on the server at ``server_url``; its URL."""
    import psycopg

    name = "whereas_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name
