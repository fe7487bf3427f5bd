"""Alarm rows for the demo's open orders, as if a console had been watching all along.

Levels whose instant has passed are written already raised (at that instant, by ``demo``), the
rest pending; so the first start of a demo console shows a realistic alarm panel instead of
raising thousands of "new" alarms at once. The loader writes them in the same transaction as
the orders (:class:`DemoAlarms`): a load killed at any point leaves all of it or none, never
open orders without their alarms (which ``demo-data --if-empty`` would then leave as they are).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlmodel import col

from console.domain.alarm_levels import alarm_key, thresholds
from console.domain.calendar import BusinessCalendar
from console.domain.deadline_kinds import running
from console.domain.deadlines import Policy
from console.domain.orders import DeadlineKind, Platform, Priority, Status
from console.store.tables import AlarmRow, OrderRow

CLOSED = ("completed", "cancelled")
BATCH = 20_000
_FIELDS = ("key", "order_id", "deadline", "level", "due_at", "fires_at", "raised_at", "raised_by")
_OPEN_SQL = (
    "SELECT id, number, kind, field, priority, owner, status, created_at, "
    + ", ".join(f"{kind.value}_due" for kind in DeadlineKind)
    + " FROM work_order WHERE id >= ? AND status NOT IN ('completed', 'cancelled')"
)
_INSERT_SQL = f"INSERT INTO alarm ({', '.join(_FIELDS)}) VALUES ({', '.join('?' for _ in _FIELDS)})"


def _instant(value: datetime | str) -> datetime:
    """An aware UTC instant from a timestamp column (SQLite's raw driver gives UTC text)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _sqlite_text(value: datetime | None) -> str | None:
    # The text SQLAlchemy stores for a timestamp on SQLite: UTC, microseconds.
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


@dataclass(frozen=True)
class DemoAlarms:
    """The alarm rows of the open orders with ``id >= first_id``, planned at ``now``; written
    by the loader inside its own transaction, before it commits the orders."""

    policy: Policy
    calendar: BusinessCalendar
    first_id: int
    now: datetime

    def write_sqlite(self, conn: sqlite3.Connection) -> int:
        """On SQLite's raw connection, in its open transaction; returns how many."""
        written = 0
        for batch in _batches(self.rows(conn.execute(_OPEN_SQL, (self.first_id,)))):
            conn.executemany(
                _INSERT_SQL,
                [
                    tuple(_sqlite_text(v) if isinstance(v, datetime) else v for v in row.values())
                    for row in batch
                ],
            )
            written += len(batch)
        return written

    def write(self, conn: Connection) -> int:
        """On a SQLAlchemy connection (PostgreSQL), in its open transaction; returns how many."""
        columns: list[Any] = [
            OrderRow.id, OrderRow.number, OrderRow.kind, OrderRow.field, OrderRow.priority,
            OrderRow.owner, OrderRow.status, OrderRow.created_at,
            *(getattr(OrderRow, f"{kind.value}_due") for kind in DeadlineKind),
        ]  # fmt: skip
        open_orders = conn.execute(
            select(*columns).where(
                col(OrderRow.id) >= self.first_id, col(OrderRow.status).not_in(CLOSED)
            )
        ).all()
        written = 0
        for batch in _batches(self.rows(open_orders)):
            conn.execute(insert(AlarmRow), batch)
            written += len(batch)
        return written

    def rows(self, open_orders: Iterable[Sequence[Any]]) -> Iterator[dict[str, Any]]:
        policy, calendar, now = self.policy, self.calendar, self.now
        for oid, number, kind, field, priority, owner, status, created, *dues in open_orders:
            specs = policy.specs_for(kind, Priority(priority), Platform(owner), field)
            due_by_kind = dict(zip(DeadlineKind, dues, strict=True))
            start = _instant(created)
            for deadline in running(Status(status)):
                name = deadline.value
                if due_by_kind[deadline] is None:
                    continue
                due = _instant(due_by_kind[deadline])
                if due <= start:
                    continue
                for level, fires_at in thresholds(
                    start, due, specs.get(name), policy.alarms, calendar
                ):
                    past = fires_at <= now
                    yield {
                        "key": alarm_key(number, name, level, due),
                        "order_id": oid,
                        "deadline": name,
                        "level": level.value,
                        "due_at": due,
                        "fires_at": fires_at,
                        "raised_at": fires_at if past else None,
                        "raised_by": "demo" if past else None,
                    }


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
