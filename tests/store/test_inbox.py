"""The inbox's queries on SQLite: each served by its index, never a scan of a whole table."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, text

from console.demo.load import load_demo_data
from console.domain.calendar import load_calendar
from console.domain.orders import Platform
from console.store import inbox
from console.store.engine import Database


def test_sqlite_serves_the_inbox_from_its_indexes(sqlite_db: Database) -> None:
    load_demo_data(sqlite_db, 2000, seed=3, until=date(2026, 11, 26), calendar=load_calendar())
    with sqlite_db.write() as s:
        s.execute(text("ANALYZE"))
    ran: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        ran.append((statement, params))

    since = datetime(2026, 11, 25, tzinfo=UTC)
    event.listen(sqlite_db.engine, "before_cursor_execute", capture)
    try:
        with sqlite_db.read() as s:
            inbox.peer_news(s, "A-01", Platform.HOTLINE, since, 50)
            inbox.awaiting_completion(s, Platform.HOTLINE, 50)
            inbox.near_deadlines(s, "A-01", 50)
            raw = s.connection().connection.driver_connection
            assert raw is not None
            plans = [
                " | ".join(r[3] for r in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params))
                for sql, params in ran
                if sql.lstrip().upper().startswith("SELECT")
            ]
    finally:
        event.remove(sqlite_db.engine, "before_cursor_execute", capture)
    assert len(plans) == 5  # news; 办结 with a deadline, without, their count; deadlines
    for plan in plans:
        for step in plan.split(" | "):
            assert not step.startswith(("SCAN work_order", "SCAN order_event")), plan
    assert "ix_order_event_news" in plans[0]
    assert all("ix_work_order_fed_back" in p for p in plans[1:4])
