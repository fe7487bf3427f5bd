"""Engines for SQLite (embedded default) and PostgreSQL (many seats), and the session scopes.

SQLite runs in WAL mode with foreign keys on. Writes open with ``BEGIN IMMEDIATE`` so two seats
writing at once queue on the busy timeout instead of one failing later with "database is locked"
when its deferred read lock cannot be upgraded. Reads open a plain deferred transaction, which in
WAL mode never blocks and is never blocked by a writer.

On PostgreSQL every :meth:`Database.write` that changed something sends ``NOTIFY`` on
:data:`CHANGES_CHANNEL` inside its own transaction: PostgreSQL delivers it to listeners when the
transaction commits and drops it on rollback (see :mod:`console.store.changes`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

BUSY_TIMEOUT_S = 30.0
CHANGES_CHANNEL = "console_changes"  # PostgreSQL LISTEN/NOTIFY channel: "a seat committed"

# One round trip, sent last in the transaction. Only a transaction that wrote (has an xid: an
# INSERT/UPDATE/DELETE, or a row lock) notifies, so a write() that found nothing to do, such as
# the 15 s alarm sweep, does not make every other seat re-read its queues. PostgreSQL >= 13.
_NOTIFY_IF_WROTE = text(
    f"SELECT pg_notify('{CHANGES_CHANNEL}', '') WHERE pg_current_xact_id_if_assigned() IS NOT NULL"
)


def make_engine(url: str, **kwargs: Any) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, **kwargs)
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_engine(url: str, **kwargs: Any) -> Engine:
    engine = create_engine(
        url,
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
        **kwargs,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Hand transaction control to the "begin" hook below (pysqlite would BEGIN DEFERRED
        # lazily on the first write, too late to avoid an unupgradable lock).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """One engine and the two ways to use it: :meth:`read` and :meth:`write` session scopes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._notifies = engine.dialect.name == "postgresql"
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")

    @classmethod
    def open(cls, url: str) -> Database:
        return cls(make_engine(url))

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self, notify: bool = True) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on any exception.

        On PostgreSQL a transaction that wrote also notifies :data:`CHANGES_CHANNEL` (delivered
        on commit only), so other seats re-read their queues; ``notify=False`` for writes no
        queue shows (a seat's agent-state record), which on a busy floor are most commits.
        """
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session
            if self._notifies and notify:
                session.flush()  # pending ORM changes first, so the xid test below sees them
                session.execute(_NOTIFY_IF_WROTE)

    def dispose(self) -> None:
        self.engine.dispose()
