"""A caller's history (the screen pop's reads) on both databases: what it returns, and that it
is read off the caller indexes of migration 0025 (covering on SQLite: the table is not read)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event

from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.services.orders import OrderService
from console.store import orders as repo
from console.store.engine import Database
from tests.principals import at_seat

HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
CALLER, OTHER_FORM = "13812345678", "13900000000"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def make(service: OrderService, phone: str) -> str:
    draft = Draft(
        caller_phone=phone,
        caller_name="张三",
        kind="C-TS",
        field="F-SH",
        district="210102",
        address="中山路1号",
        description="楼下烧烤店夜间噪音扰民",
        consent=True,
    )
    return service.create(draft, HOTLINE).order.number


def history(db: Database, phones: list[str], limit: int = 50, open_only: bool = False) -> list[str]:
    with db.read() as s:
        return [h.number for h in repo.caller_history(s, phones, limit, open_only)]


def test_several_forms_are_merged_newest_first_up_to_the_limit(db: Database) -> None:
    service = OrderService(db, Clock())
    made = [make(service, CALLER if i % 2 else OTHER_FORM) for i in range(5)]
    make(service, "13700000000")  # someone else
    assert history(db, [CALLER, OTHER_FORM]) == made[::-1]
    assert history(db, [CALLER, OTHER_FORM], limit=3) == made[:1:-1]
    assert history(db, [CALLER]) == [made[3], made[1]]
    assert history(db, []) == []


def test_open_only_leaves_out_the_cancelled(db: Database) -> None:
    service = OrderService(db, Clock())
    kept, cancelled, newest = (make(service, CALLER) for _ in range(3))
    service.act(cancelled, Action.CANCEL, HOTLINE, "来电人撤回", seen=1)
    assert history(db, [CALLER], open_only=True) == [newest, kept]
    assert history(db, [CALLER]) == [newest, cancelled, kept]


@contextmanager
def statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn: object, _cursor: object, sql: str, params: Any, *_: object) -> None:
        seen.append((sql, params))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def plan(db: Database, sql: str, params: Any) -> str:
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params).all()
            return "\n".join(str(r[-1]) for r in rows)
        conn.exec_driver_sql("SET enable_seqscan = off")  # a test table is small enough to scan
        return "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {sql}", params).all())


def test_history_reads_the_caller_indexes(db: Database) -> None:
    service = OrderService(db, Clock())
    for phone in (CALLER, OTHER_FORM, CALLER):
        make(service, phone)
    sqlite = db.engine.dialect.name == "sqlite"
    for open_only, index in ((False, "ix_work_order_caller"), (True, "ix_work_order_caller_open")):
        with statements(db) as seen:
            history(db, [CALLER, OTHER_FORM], open_only=open_only)
        sql, params = next((s, p) for s, p in seen if "FROM work_order" in s)
        explained = plan(db, sql, params)
        # One indexed range per form, never the table (SQLite: the index covers the row).
        named = re.compile(rf"{'COVERING INDEX ' if sqlite else ''}{index}(?!\w)")
        assert len(named.findall(explained)) == 2, explained
        assert "SCAN work_order" not in explained and "Seq Scan" not in explained, explained
