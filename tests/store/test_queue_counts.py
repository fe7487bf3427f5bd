"""The queues' counts on SQLite and PostgreSQL: every queue's real total, not capped at a page,
read from the totals the database keeps (migration 0026), never counted over the orders."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from console.store.engine import Database
from console.store.queues import QueueKind, QueueQuery, count_queue, count_queues
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


def test_counting_reads_the_kept_totals_not_the_orders(db: Database) -> None:
    orders = load(db, 200)
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        counts = count_queues(db, queries(orders))
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert counts == [len(expected(orders, q)) for q in queries(orders)]
    read = [s for s in statements if "SELECT" in s]
    assert read and all("queue_count" in s and "work_order" not in s for s in read), read
