"""Alembic migrations of the server's database (run by ``whereas.web.db.migrate`` on start)."""
