"""A durable recording channel for the kill -9 test: a small SQLite file the channel commits each
accepted key to before :meth:`DurableDesk.send` returns, so what a killed process handed over
is still known; a key it already holds answers DUPLICATE (and is counted)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from console.services.partner_notifier import Answer, Handover, Notification

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS received (key TEXT PRIMARY KEY, incident TEXT NOT NULL, "
    "partner TEXT NOT NULL, kind TEXT NOT NULL, revision INTEGER NOT NULL, "
    "attempt INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS duplicate (key TEXT NOT NULL)",
)


@dataclass(frozen=True, slots=True)
class Received:
    key: str
    incident: str
    partner: str
    kind: str
    revision: int
    attempt: int


class DurableDesk:
    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        self._conn.execute("PRAGMA journal_mode=WAL")
        for statement in SCHEMA:
            self._conn.execute(statement)

    def send(self, notification: Notification) -> Handover:
        number, partner, kind, revision, attempt = notification.key.rsplit("/", 4)
        assert (number, partner, kind) == (
            notification.incident_number,
            notification.partner_code,
            notification.kind.value,
        ), f"key {notification.key} does not name its notification"
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            took = conn.execute(
                "INSERT OR IGNORE INTO received VALUES (?, ?, ?, ?, ?, ?)",
                (notification.key, number, partner, kind, int(revision), int(attempt)),
            ).rowcount
            if not took:
                conn.execute("INSERT INTO duplicate VALUES (?)", (notification.key,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return Handover.ACCEPTED if took else Handover.DUPLICATE

    def answers(self) -> list[Answer]:
        return []

    def received(self) -> list[Received]:
        return [Received(*r) for r in self._conn.execute("SELECT * FROM received")]

    def duplicates(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM duplicate").fetchone()[0])

    def close(self) -> None:
        self._conn.close()
