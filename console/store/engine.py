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

On PostgreSQL a console holds at most :data:`POOL_SIZE` (one) pooled connection, plus the change
listener's: two server connections per console (docs/postgresql.md), so 300 seats fit the
server's default ``max_connections``. The UI's write and read threads, the alarm sweep and the
audit writer take turns on it; each transaction holds it for milliseconds. A thread that waits
:data:`POOL_TIMEOUT_S` for it gets :class:`PoolTimeout`, naming itself and the thread holding
it. A dead connection (a server restarted, a primary failed over) is found by the ping at
checkout and replaced: with a URL naming a primary and a standby, by whichever now takes writes.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.pool import QueuePool
from sqlmodel import Session

from console.store import change_topics
from console.store.dialects import declare_postgresql
from console.store.faults import check_sqlite_path
from console.store.pg_conninfo import libpq_options, parse_url

BUSY_TIMEOUT_S = 30.0
POOL_SIZE = 1  # PostgreSQL connections a console's engine holds; the listener holds one more
POOL_TIMEOUT_S = 30.0  # how long a thread waits for the pooled connection before PoolTimeout
APPLICATION_NAME = "console"  # how the pooled connection shows in pg_stat_activity
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
    in a folder that does not exist.

    A PostgreSQL URL may carry ``prepare_threshold=none``: psycopg then prepares no statement on
    the server, which PgBouncer in transaction mode before 1.21 needs (a prepared statement
    lives on one server connection; the next transaction may run on another)."""
    kwargs.setdefault("hide_parameters", True)
    parsed = parse_url(url)  # also a primary and a standby: h1:5432,h2:5433
    if parsed.get_backend_name() == "sqlite":
        refused = check_sqlite_path(url)
        if refused is not None:
            raise refused
        _create_private(parsed.database or "")
        return _sqlite_engine(url, **kwargs)
    if parsed.get_backend_name() != "postgresql":
        return create_engine(parsed, pool_pre_ping=True, **kwargs)
    ours: dict[str, Any] = {
        k: v for k, v in libpq_options(APPLICATION_NAME).items() if k not in parsed.query
    }
    if "prepare_threshold" in parsed.query:  # psycopg's, not libpq's: none behind PgBouncer
        given = str(parsed.query["prepare_threshold"]).lower()
        ours["prepare_threshold"] = None if given in ("", "none") else int(given)
        parsed = parsed.difference_update_query(["prepare_threshold"])
    kwargs.setdefault("pool_size", POOL_SIZE)
    kwargs.setdefault("max_overflow", 0)
    kwargs.setdefault("pool_timeout", POOL_TIMEOUT_S)
    kwargs["connect_args"] = {**ours, **kwargs.get("connect_args", {})}
    engine = create_engine(parsed, pool_pre_ping=True, **kwargs)
    declare_postgresql()  # the partial indexes' WHERE, as PostgreSQL's (console/store/dialects.py)
    change_topics.collect_topics(engine)  # what a write changed, for its NOTIFY's payload
    return engine


class PoolTimeout(sa_exc.TimeoutError):
    """A thread waited :data:`POOL_TIMEOUT_S` for the console's pooled PostgreSQL connection."""


class _Holders:
    """Which thread holds each of an engine's pooled connections, for :class:`PoolTimeout`."""

    def __init__(self, engine: Engine) -> None:
        self._held: dict[int, str] = {}
        self._pool = engine.pool
        event.listen(engine, "checkout", self._out)
        event.listen(engine, "checkin", self._in)

    def _out(self, _dbapi: object, record: object, _proxy: object) -> None:
        self._held[id(record)] = threading.current_thread().name

    def _in(self, _dbapi: object, record: object) -> None:
        self._held.pop(id(record), None)

    def timeout(self, exc: sa_exc.TimeoutError) -> PoolTimeout:
        held = ", ".join(sorted(set(self._held.values()))) or "no thread known"
        waited, size = POOL_TIMEOUT_S, POOL_SIZE
        if isinstance(self._pool, QueuePool):
            waited, size = self._pool.timeout(), self._pool.size()
        return PoolTimeout(
            f"{threading.current_thread().name} waited {waited:.0f} s for this console's "
            f"database connection (a pool of {size}), held all that time by "
            f"{held}: a transaction left open, or a query that long ({exc})"
        )


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
        self._holders = _Holders(engine) if self._notifies else None

    @classmethod
    def open(cls, url: str) -> Database:
        return cls(make_engine(url))

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._named_waits(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def _named_waits(self) -> Iterator[None]:
        try:
            yield
        except sa_exc.TimeoutError as exc:
            if self._holders is None or isinstance(exc, PoolTimeout):
                raise
            raise self._holders.timeout(exc) from exc

    @contextmanager
    def write(self, notify: bool = True) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on any exception.

        A transaction that wrote also tells the other seats (delivered on commit only), so
        they re-read their queues: NOTIFY on PostgreSQL, the change counter on SQLite.
        ``notify=False`` for writes no queue shows (a seat's agent-state record), which on a
        busy floor are most commits.
        """
        with (
            self._named_waits(),
            Session(self._writer, expire_on_commit=False) as session,
            session.begin(),
        ):
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
