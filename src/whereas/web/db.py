"""The server's database: documents and verification jobs (SQLAlchemy 2; SQLite or PostgreSQL).

The schema is Alembic's (``whereas/web/migrations``), brought up to date when the server starts.
A :class:`Store` is the only way the rest of the server reads or writes rows.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, create_engine, event, select, update
from sqlalchemy.engine import CursorResult, Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class Base(DeclarativeBase):
    pass


def _now() -> datetime:
    return datetime.now(UTC)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    #: where the upload is kept, relative to the data folder
    stored: Mapped[str] = mapped_column(String(512))
    format: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    #: the profile asked for (None: inferred)
    profile_asked: Mapped[str | None] = mapped_column(String(32), nullable=True)
    #: the profile checked with, and why
    profile: Mapped[str] = mapped_column(String(32), default="")
    profile_reason: Mapped[str] = mapped_column(Text, default="")
    #: ``whereas parse`` JSON (a list), ``whereas check --format json`` rows (a list)
    resolutions_json: Mapped[str] = mapped_column(Text)
    findings_json: Mapped[str] = mapped_column(Text)
    #: ``whereas verify --format json`` (an object), once verified
    verification_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    #: who uploaded it (None: uploaded while the server had no users); the name as it was then
    owner_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    owner_name: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: the document this one is a new version of (kept: both stay), and which version this is (1, 2, …)
    replaces: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    #: drafter, committee or admin
    role: Mapped[str] = mapped_column(String(16))
    #: argon2id (the PHC string argon2-cffi writes)
    password_hash: Mapped[str] = mapped_column(String(255))
    #: SHA-256 of the user's API token (None: no token); the token itself is shown once and never kept
    token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class JobRow(Base):
    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="verify")
    #: queued, running, done or failed
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


@dataclass(frozen=True)
class Document:
    id: str
    filename: str
    stored: str
    format: str
    size: int
    sha256: str
    profile_asked: str | None
    profile: str
    profile_reason: str
    resolutions: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    verification: dict[str, Any] | None
    created_at: datetime
    owner_id: str | None = None
    owner_name: str | None = None
    replaces: str | None = None
    version: int = 1

    @classmethod
    def of(cls, row: DocumentRow) -> Document:
        return cls(
            row.id,
            row.filename,
            row.stored,
            row.format,
            row.size,
            row.sha256,
            row.profile_asked,
            row.profile,
            row.profile_reason,
            json.loads(row.resolutions_json),
            json.loads(row.findings_json),
            json.loads(row.verification_json) if row.verification_json else None,
            _aware(row.created_at),
            row.owner_id,
            row.owner_name,
            row.replaces,
            row.version or 1,
        )


@dataclass(frozen=True)
class User:
    id: str
    name: str
    role: str
    password_hash: str
    has_token: bool
    created_at: datetime

    @classmethod
    def of(cls, row: UserRow) -> User:
        return cls(row.id, row.name, row.role, row.password_hash, row.token_hash is not None, _aware(row.created_at))

    @property
    def sees_all(self) -> bool:
        """Committee members and admins see every document; a drafter, only their own."""
        return self.role in ("committee", "admin")


@dataclass(frozen=True)
class Job:
    id: str
    document_id: str
    kind: str
    status: str
    done: int
    total: int
    error: str | None
    created_at: datetime
    finished_at: datetime | None

    @classmethod
    def of(cls, row: JobRow) -> Job:
        return cls(
            row.id,
            row.document_id,
            row.kind,
            row.status,
            row.done,
            row.total,
            row.error,
            _aware(row.created_at),
            _aware(row.finished_at) if row.finished_at else None,
        )


def _aware(when: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were written in UTC."""
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def database_url(url: str | None, data: Path) -> str:
    """The SQLAlchemy URL: SQLite in the data folder by default; ``postgresql://`` means psycopg 3."""
    if not url:
        return f"sqlite:///{(data / 'whereas.db').resolve()}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(connection: Any, record: Any) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")  # readers do not wait for the job writing progress
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema up to date (Alembic's ``upgrade head``), on this engine."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def new_id() -> str:
    return uuid.uuid4().hex


class Store:
    """Documents and jobs, each call in its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._session = sessionmaker(engine, expire_on_commit=False)

    def session(self) -> Session:
        return self._session()

    # -- documents

    def add_document(self, row: DocumentRow) -> Document:
        with self.session() as s, s.begin():
            s.add(row)
        return Document.of(row)

    def document(self, doc_id: str) -> Document | None:
        with self.session() as s:
            row = s.get(DocumentRow, doc_id)
            return Document.of(row) if row is not None else None

    def documents(self, limit: int = 500, *, owner_id: str | None = None) -> list[Document]:
        """Newest first; with ``owner_id``, only the documents that user uploaded."""
        query = select(DocumentRow).order_by(DocumentRow.created_at.desc()).limit(limit)
        if owner_id is not None:
            query = query.where(DocumentRow.owner_id == owner_id)
        with self.session() as s:
            return [Document.of(r) for r in s.scalars(query)]

    def latest_named(self, filename: str, owner_id: str | None) -> Document | None:
        """The newest document of that name uploaded by that user (None: by nobody, on a server without users)."""
        owner = DocumentRow.owner_id.is_(None) if owner_id is None else DocumentRow.owner_id == owner_id
        with self.session() as s:
            row = s.scalars(
                select(DocumentRow)
                .where(DocumentRow.filename == filename, owner)
                .order_by(DocumentRow.created_at.desc())
                .limit(1)
            ).first()
            return Document.of(row) if row is not None else None

    def newer_versions(self, doc_id: str) -> list[Document]:
        """The documents uploaded as new versions of this one, oldest first."""
        with self.session() as s:
            rows = s.scalars(select(DocumentRow).where(DocumentRow.replaces == doc_id).order_by(DocumentRow.created_at))
            return [Document.of(r) for r in rows]

    def set_verification(self, doc_id: str, verification: dict[str, Any]) -> None:
        with self.session() as s, s.begin():
            s.execute(
                update(DocumentRow)
                .where(DocumentRow.id == doc_id)
                .values(verification_json=json.dumps(verification, ensure_ascii=False))
            )

    # -- users

    def users(self) -> list[User]:
        with self.session() as s:
            return [User.of(r) for r in s.scalars(select(UserRow).order_by(UserRow.name))]

    def has_users(self) -> bool:
        with self.session() as s:
            return s.scalars(select(UserRow.id).limit(1)).first() is not None

    def user(self, user_id: str) -> User | None:
        with self.session() as s:
            row = s.get(UserRow, user_id)
            return User.of(row) if row is not None else None

    def user_named(self, name: str) -> User | None:
        with self.session() as s:
            row = s.scalars(select(UserRow).where(UserRow.name == name)).first()
            return User.of(row) if row is not None else None

    def user_with_token(self, token_hash: str) -> User | None:
        with self.session() as s:
            row = s.scalars(select(UserRow).where(UserRow.token_hash == token_hash)).first()
            return User.of(row) if row is not None else None

    def add_user(self, name: str, role: str, password_hash: str) -> User:
        row = UserRow(id=new_id(), name=name, role=role, password_hash=password_hash, created_at=_now())
        with self.session() as s, s.begin():
            s.add(row)
        return User.of(row)

    def remove_user(self, name: str) -> bool:
        """Whether there was such a user.  Their documents stay (and keep their name)."""
        with self.session() as s, s.begin():
            row = s.scalars(select(UserRow).where(UserRow.name == name)).first()
            if row is None:
                return False
            s.delete(row)
            return True

    def set_token(self, name: str, token_hash: str) -> bool:
        """Replace the user's API token (the old one stops working). Whether there was such a user."""
        with self.session() as s, s.begin():
            result = s.execute(update(UserRow).where(UserRow.name == name).values(token_hash=token_hash))
            assert isinstance(result, CursorResult)  # an UPDATE's result counts its rows
            return result.rowcount == 1

    # -- jobs

    def add_job(self, doc_id: str, kind: str = "verify") -> Job:
        row = JobRow(id=new_id(), document_id=doc_id, kind=kind, status="queued", done=0, total=0)
        with self.session() as s, s.begin():
            s.add(row)
        return Job.of(row)

    def job(self, job_id: str) -> Job | None:
        with self.session() as s:
            row = s.get(JobRow, job_id)
            return Job.of(row) if row is not None else None

    def latest_job(self, doc_id: str) -> Job | None:
        with self.session() as s:
            row = s.scalars(
                select(JobRow).where(JobRow.document_id == doc_id).order_by(JobRow.created_at.desc()).limit(1)
            ).first()
            return Job.of(row) if row is not None else None

    def requeue_interrupted(self) -> int:
        """Jobs left running by a server that stopped: queued again (they are resumed). How many."""
        with self.session() as s, s.begin():
            result = s.execute(update(JobRow).where(JobRow.status == "running").values(status="queued"))
            assert isinstance(result, CursorResult)  # an UPDATE's result counts its rows
            return result.rowcount or 0

    def claim_next(self) -> Job | None:
        """The oldest queued job, marked running (by this process only: the update says so)."""
        with self.session() as s:
            ids = s.scalars(
                select(JobRow.id).where(JobRow.status == "queued").order_by(JobRow.created_at).limit(5)
            ).all()
        for job_id in ids:
            with self.session() as s, s.begin():
                claimed = s.execute(
                    update(JobRow)
                    .where(JobRow.id == job_id, JobRow.status == "queued")
                    .values(status="running", started_at=_now(), done=0, total=0, error=None)
                )
                assert isinstance(claimed, CursorResult)  # an UPDATE's result counts its rows
                if claimed.rowcount == 1:
                    row = s.get(JobRow, job_id)
                    assert row is not None
                    return Job.of(row)
        return None

    def progress(self, job_id: str, done: int, total: int) -> None:
        with self.session() as s, s.begin():
            s.execute(update(JobRow).where(JobRow.id == job_id).values(done=done, total=total))

    def finish(self, job_id: str, error: str | None = None) -> None:
        with self.session() as s, s.begin():
            s.execute(
                update(JobRow)
                .where(JobRow.id == job_id)
                .values(status="failed" if error else "done", error=error, finished_at=_now())
            )
