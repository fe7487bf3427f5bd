"""The queues' counts on SQLite and PostgreSQL: every queue's real total, not capped at a page,
and on SQLite from an index alone."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from console.store.engine import Database
from console.store.queues import QueueKind, QueueQuery, _plan, count_queue, count_queues
from console.store.tables import OrderRow
from tests.store.test_queues import expected, load, queries


def test_each_queue_counts_its_rows(db: Database) -> None:
    orders = load(db, 400)
    made = queries(orders)
    with db.read() as session:
        for query in made:
            assert count_queue(session, query) == len(expected(orders, query)), query
    assert count_queues(db, made) == [len(expected(orders, q)) for q in made]
    assert count_queues(db, [QueueQuery(QueueKind.ALL)]) == [len(orders)]
    with db.read() as session, pytest.raises(ValueError, match="search"):
        count_queue(session, QueueQuery(QueueKind.ALL, search="138"))


def test_sqlite_counts_every_queue_on_an_index(sqlite_db: Database) -> None:
    orders = load(sqlite_db, 300)
    with sqlite_db.write() as s:
        s.execute(text("ANALYZE"))
    seen: list[str] = []
    with sqlite_db.read() as session:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        for query in queries(orders):
            compiled = _sql(query)
            plan = " | ".join(r[3] for r in raw.execute(f"EXPLAIN QUERY PLAN {compiled}"))
            assert "INDEX" in plan and "TEMP" not in plan, (query, plan)
            seen.append(plan)
    assert seen


def _sql(query: QueueQuery) -> str:
    """The count statement of ``query`` with its values inlined (for EXPLAIN)."""
    statement = select(func.count()).select_from(OrderRow).where(*_plan(query).where)
    return str(statement.compile(compile_kwargs={"literal_binds": True}))
