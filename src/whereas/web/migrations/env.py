"""Alembic's environment: migrations run on the connection ``whereas.web.db.migrate`` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from whereas.web.db import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # `alembic` run by hand with sqlalchemy.url set
        url = config.get_main_option("sqlalchemy.url")
        if url is None:
            raise SystemExit("alembic: set sqlalchemy.url (or run the migrations through `whereas serve`)")
        engine = create_engine(url)
        with engine.begin() as connection:
            context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
            context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
