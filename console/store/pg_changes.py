"""The PostgreSQL change watcher (see :mod:`console.store.changes`): LISTEN on one dedicated
connection. Its own module so that an SQLite console never imports psycopg (~90 ms at start)."""

from __future__ import annotations

import logging
import threading
import time

import psycopg
from sqlalchemy.engine import URL

from console.store import change_topics
from console.store.change_topics import Topics
from console.store.engine import CHANGES_CHANNEL
from console.store.pg_conninfo import url_conninfo

log = logging.getLogger(__name__)

APPLICATION_NAME = "console-changes"  # how the listening connection shows in pg_stat_activity
RETRY_FIRST_S = 0.5  # reconnect delays: doubled after each failed attempt, up to RETRY_MAX_S
RETRY_MAX_S = 10.0


class PgNotifications:
    """LISTEN on one dedicated connection; :meth:`changed` is True once after any notifications.

    Call :meth:`changed` and :meth:`close` from one thread (the Qt thread); only reconnecting
    runs elsewhere, so a dead server never freezes the caller on a connect timeout. Making one
    connects at once (the console has just reached the database) and never raises: if that
    fails, it starts out reconnecting.

    ``url`` may name a primary and a standby (``target_session_attrs=read-write``, see
    :func:`~console.store.pg_conninfo.parse_url`): every reconnect asks libpq afresh, so after a
    fail-over the listener follows the new primary, where the NOTIFYs are now sent. It must
    reach the server itself, not through PgBouncer in transaction mode (which drops LISTEN):
    ``[database] listen_url`` names that way when the pool's URL goes through PgBouncer.
    """

    def __init__(self, url: URL, *, retry_first_s: float = RETRY_FIRST_S) -> None:
        self._conninfo = url_conninfo(url, APPLICATION_NAME)
        self._retry_first = retry_first_s
        self._retry = retry_first_s
        self._next_try = 0.0
        self._lock = threading.Lock()
        self._fresh: psycopg.Connection | None = None  # handed over by the reconnect thread
        self._attempt_failed = False
        self._attempting = False  # a reconnect thread is out; it ends by setting one of those two
        self._closed = False
        self._conn: psycopg.Connection | None = None
        self._topics: set[str] = set()  # what the payloads drained by changed() named
        try:
            self._conn = self._connect()
        except psycopg.Error as exc:  # start disconnected; changed() keeps trying
            log.warning("Not listening for other seats' changes (%s); retrying", _first_line(exc))

    def _connect(self) -> psycopg.Connection:
        conn = psycopg.connect(self._conninfo, autocommit=True)
        try:
            conn.execute(f"LISTEN {CHANGES_CHANNEL}")
        except BaseException:
            conn.close()
            raise
        return conn

    def changed(self) -> bool:
        """True once after one or more commits since the last call (any connection's: this
        console's own writes too); also True when listening is lost and after each reconnect
        attempt, since notifications sent meanwhile were missed."""
        if self._closed:
            return False
        if self._conn is None:
            return self._reconnect()
        got = False
        try:
            for notify in self._conn.notifies(timeout=0):  # what has arrived; several count once
                got = True
                self._topics |= change_topics.parse(notify.payload)
        except psycopg.Error as exc:
            self._topics.add(change_topics.EVERYTHING)
            log.warning("Lost the listener for other seats' changes (%s); reconnecting",
                        _first_line(exc))  # fmt: skip
            self._conn.close()
            self._conn = None
            self._retry = self._retry_first
            self._next_try = time.monotonic()  # the first retry at once: usually a one-off drop
            return True
        return got

    def topics(self) -> Topics:
        """What changed since the last call, as :meth:`changed` answers it: empty for nothing,
        the payloads' topics, or EVERYTHING (listening lost, reconnected, an older console)."""
        got = self.changed()
        found, self._topics = self._topics, set()
        if not got:
            return change_topics.NOTHING
        return frozenset(found) or change_topics.ALL

    def _reconnect(self) -> bool:
        """Start an attempt when one is due; True when one has just ended (either way)."""
        with self._lock:
            fresh, self._fresh = self._fresh, None
            ended, self._attempt_failed = self._attempt_failed, False
        if fresh is not None or ended:
            self._attempting = False
        if fresh is not None:
            log.info("Listening for other seats' changes again")
            self._conn = fresh
            self._retry = self._retry_first
            return True
        if ended:  # failed: try again later, re-reading meanwhile as a 10 s refresh would
            self._next_try = time.monotonic() + self._retry
            self._retry = min(self._retry * 2, RETRY_MAX_S)
            return True
        if not self._attempting and time.monotonic() >= self._next_try:
            self._attempting = True
            threading.Thread(
                target=self._reconnect_in_background, name="console-changes", daemon=True
            ).start()
        return False

    def _reconnect_in_background(self) -> None:
        try:
            conn: psycopg.Connection | None = self._connect()
        except Exception as exc:  # any failure must end the attempt, or no other would start
            log.debug("Reconnecting the changes listener failed: %s", _first_line(exc))
            conn = None
        with self._lock:
            if self._closed:
                if conn is not None:
                    conn.close()
                return
            self._fresh = conn
            self._attempt_failed = conn is None

    def close(self) -> None:
        with self._lock:
            self._closed = True
            fresh, self._fresh = self._fresh, None
        for conn in (self._conn, fresh):
            if conn is not None:
                conn.close()
        self._conn = None


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
