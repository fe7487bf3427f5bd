"""Engines for SQLite (embedded default) and PostgreSQL (many seats), and the session scopes.

SQLite runs in WAL mode with foreign keys on. Writes open with ``BEGIN IMMEDIATE`` so two seats
writing at once queue on the busy timeout instead of one failing later with "database is locked"
when its deferred read lock cannot be upgraded. Reads open a plain deferred transaction, which in
WAL mode never blocks and is never blocked by a writer.

Every :meth:`Database.write` that changed something tells the other seats, inside its own
transaction, unless it says ``notify=False``: on PostgreSQL it sends ``NOTIFY`` on
:data:`CHANGES_CHANNEL`, which PostgreSQL delivers to listeners when the transaction commits and
drops on rollback; on SQLite it bumps the one row of ``change_counter``, which the watchers read
when ``PRAGMA data_version`` says something was committed (see :mod:`console.store.changes`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from console.store import change_topics
from console.store.faults import check_sqlite_path

BUSY_TIMEOUT_S = 30.0
CHANGES_CHANNEL = "console_changes"  # PostgreSQL LISTEN/NOTIFY channel: "a seat committed"

# One round trip, sent last in the transaction. Only a transaction that wrote (has an xid: an
# INSERT/UPDATE/DELETE, or a row lock) notifies, so a write() that found nothing to do, such as
# the 15 s alarm sweep, does not make every other seat re-read its queues. PostgreSQL >= 13.
# The payload names what changed (console.store.change_topics), so a seat re-reads only that.
_NOTIFY_IF_WROTE = text(
    f"SELECT pg_notify('{CHANGES_CHANNEL}', :topics)"
    " WHERE pg_current_xact_id_if_assigned() IS NOT NULL"
)


# SQLite: rows this connection has changed since it opened. Read when a write transaction
# begins and again before it commits: a difference means the transaction wrote something.
_TOTAL_CHANGES = "SELECT total_changes()"
_CHANGES_AT_BEGIN = "changes_at_begin"  # in the connection's info dict
_BUMP_COUNTER = "UPDATE change_counter SET seq = seq + 1 WHERE id = 1"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine that never puts SQL parameters (a caller's phone, name, address) into an
    exception's text, so no log line and no message on screen can carry them.

    Raises :class:`~console.domain.refusals.Refused` for a SQLite path that is a folder or lies
    in a folder that does not exist."""
    kwargs.setdefault("hide_parameters", True)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        refused = check_sqlite_path(url)
        if refused is not None:
            raise refused
        _create_private(parsed.database or "")
        return _sqlite_engine(url, **kwargs)
    engine = create_engine(url, pool_pre_ping=True, **kwargs)
    change_topics.collect_topics(engine)  # what a write changed, for its NOTIFY's payload
    return engine


def _create_private(database: str) -> None:
    """Create a new SQLite file readable by its owner only (0600) before SQLite opens it; its
    ``-wal`` and ``-shm`` files take the same mode from it. An existing file is left as it is;
    a folder that refuses the file is left for SQLite to report (``db_cannot_open``)."""
    if database in ("", ":memory:") or database.startswith("file:"):
        return
    with contextlib.suppress(OSError):
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


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
        if mode == "IMMEDIATE":  # a write: note where it starts (see Database.write)
            conn.info[_CHANGES_AT_BEGIN] = conn.exec_driver_sql(_TOTAL_CHANGES).scalar()

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

        A transaction that wrote also tells the other seats (delivered on commit only), so
        they re-read their queues: NOTIFY on PostgreSQL, the change counter on SQLite.
        ``notify=False`` for writes no queue shows (a seat's agent-state record), which on a
        busy floor are most commits.
        """
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            if not (notify and self._notifies):
                yield session
                if notify and self.is_sqlite:
                    session.flush()  # pending ORM changes first, so the test below sees them
                    _count_if_wrote(session)
                return
            info = session.connection().info
            topics = change_topics.start(info)
            try:
                yield session
                session.flush()  # pending ORM changes first, so their topics are noted
            finally:
                change_topics.stop(info)
            if topics:  # a write no other seat shows (the trail alone) wakes none
                session.execute(_NOTIFY_IF_WROTE, {"topics": change_topics.payload(topics)})

    def dispose(self) -> None:
        self.engine.dispose()


def _count_if_wrote(session: Session) -> None:
    conn = session.connection()
    if conn.exec_driver_sql(_TOTAL_CHANGES).scalar() != conn.info.get(_CHANGES_AT_BEGIN):
        conn.exec_driver_sql(_BUMP_COUNTER)
