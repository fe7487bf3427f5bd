"""Has another seat committed to this database since we last looked?

For SQLite, ``PRAGMA data_version`` on one dedicated connection changes whenever any other
connection (any process) commits: a microsecond read, cheap enough to poll a few times a
second, so the peer seat's queues show a transferred order well within a second instead of at
the next 10 s refresh. PostgreSQL has no such pragma: :func:`watch_for` returns None there and
the console falls back to its periodic refresh (LISTEN/NOTIFY is the follow-up).
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import Engine


class DataVersion:
    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._last = self._read()

    def _read(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """True once after each commit by another connection."""
        now = self._read()
        changed, self._last = now != self._last, now
        return changed

    def close(self) -> None:
        self._conn.close()


def watch_for(engine: Engine) -> DataVersion | None:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    return DataVersion(engine.url.database)
