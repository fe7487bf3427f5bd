"""Has another seat committed to this database since we last looked?

Both watchers answer :meth:`changed` without blocking, cheap enough to poll a few times a second,
so the peer seat's queues show a transferred order well within a second instead of at the next
10 s refresh. Neither can tell this console's own commits from another seat's (they arrive on
other connections than the watcher's); the console refreshes after its own saves anyway.

- SQLite (:class:`DataVersion`): ``PRAGMA data_version`` on one dedicated connection changes
  whenever any other connection (any process) commits: a microsecond read. Only then does it
  read the one row of ``change_counter`` (a few microseconds more), which only writes that
  announce themselves bump (:meth:`~console.store.engine.Database.write`; not ``notify=False``
  ones such as an agent-state record), so a seat changing state wakes no other seat.
- PostgreSQL (:class:`~console.store.pg_changes.PgNotifications`): every :meth:`Database.write` that changed something
  sends ``NOTIFY`` on :data:`~console.store.engine.CHANGES_CHANNEL`, delivered at commit (never
  on rollback). One dedicated autocommit psycopg connection LISTENs, and :meth:`changed` drains
  what has arrived (a non-blocking read of the socket: a few microseconds). If that connection
  is lost, :meth:`changed` answers True (re-read, since notifications may have been missed) and
  reconnects in a background thread, answering True again after each attempt; it never raises.

Both also answer :meth:`~ChangeWatch.topics`: what changed (:mod:`console.store.change_topics`),
so a seat re-reads only what it shows. On PostgreSQL each NOTIFY's payload names the platforms
and orders a commit changed; SQLite, a lost or reconnected listener, a payload too long or an
older console's empty one answer :data:`~console.store.change_topics.EVERYTHING`.
"""

from __future__ import annotations

import sqlite3
from typing import Protocol

from sqlalchemy import Engine

from console.store.change_topics import ALL, NOTHING, Topics


class ChangeWatch(Protocol):
    def changed(self) -> bool: ...

    def topics(self) -> Topics:
        """Empty when nothing changed since the last look, else what did (or EVERYTHING)."""
        ...

    def close(self) -> None: ...


class DataVersion:
    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._version = self._data_version()
        self._seq = self._counter()

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _counter(self) -> int | None:
        try:
            row = self._conn.execute("SELECT seq FROM change_counter WHERE id = 1").fetchone()
        except sqlite3.OperationalError:  # a schema before 0008: every commit counts
            return None
        return int(row[0]) if row is not None else None

    def changed(self) -> bool:
        """True once after one or more announced commits by other connections."""
        version = self._data_version()
        if version == self._version:
            return False
        self._version = version
        seq = self._counter()
        changed = seq is None or seq != self._seq
        self._seq = seq
        return changed

    def topics(self) -> Topics:
        """SQLite cannot say what changed: everything, when something did."""
        return ALL if self.changed() else NOTHING

    def close(self) -> None:
        self._conn.close()


def watch_for(engine: Engine, listen_url: str | None = None) -> ChangeWatch | None:
    """The change watcher for this engine's database, or None (an in-memory SQLite database).
    On PostgreSQL it connects to ``listen_url`` when given (the server itself, where the
    engine goes through PgBouncer in transaction mode), else where the engine does."""
    if engine.dialect.name == "postgresql":
        from console.store.pg_changes import PgNotifications
        from console.store.pg_conninfo import parse_url

        return PgNotifications(parse_url(listen_url) if listen_url else engine.url)
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    return DataVersion(engine.url.database)
