"""Alarm rows for the demo's open orders, as if a console had been watching all along.

Levels whose instant has passed are written already raised (at that instant, by ``demo``), the
rest pending; so the first start of a demo console shows a realistic alarm panel instead of
raising thousands of "new" alarms at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlmodel import col

from console.domain.alarm_levels import alarm_key, thresholds
from console.domain.calendar import BusinessCalendar
from console.domain.deadline_kinds import running
from console.domain.deadlines import Policy
from console.domain.orders import DeadlineKind, Platform, Priority, Status
from console.store.engine import Database
from console.store.tables import AlarmRow, OrderRow

CLOSED = ("completed", "cancelled")
BATCH = 20_000


def _rows(
    db: Database, policy: Policy, calendar: BusinessCalendar, first_id: int, now: datetime
) -> Iterator[dict[str, Any]]:
    columns: list[Any] = [
        OrderRow.id, OrderRow.number, OrderRow.kind, OrderRow.field, OrderRow.priority,
        OrderRow.owner, OrderRow.status, OrderRow.created_at,
        *(getattr(OrderRow, f"{kind.value}_due") for kind in DeadlineKind),
    ]  # fmt: skip
    with db.read() as session:
        open_orders = session.execute(
            select(*columns).where(
                col(OrderRow.id) >= first_id, col(OrderRow.status).not_in(CLOSED)
            )
        ).all()
    for oid, number, kind, field, priority, owner, status, created, *dues in open_orders:
        specs = policy.specs_for(kind, Priority(priority), Platform(owner), field)
        due_by_kind = dict(zip(DeadlineKind, dues, strict=True))
        for deadline in running(Status(status)):
            name = deadline.value
            due = due_by_kind[deadline]
            if due is None:
                continue
            due = due.replace(tzinfo=UTC) if due.tzinfo is None else due
            start = created.replace(tzinfo=UTC) if created.tzinfo is None else created
            if due <= start:
                continue
            for level, fires_at in thresholds(start, due, specs.get(name), policy.alarms, calendar):
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


def plan_demo_alarms(
    db: Database, policy: Policy, calendar: BusinessCalendar, first_id: int, now: datetime
) -> int:
    """Write alarm rows for open orders with ``id >= first_id``; returns how many."""
    written = 0
    batch: list[dict[str, Any]] = []
    with db.write() as session:
        for row in _rows(db, policy, calendar, first_id, now):
            batch.append(row)
            if len(batch) >= BATCH:
                session.execute(insert(AlarmRow), batch)
                written += len(batch)
                batch = []
        if batch:
            session.execute(insert(AlarmRow), batch)
            written += len(batch)
    return written
