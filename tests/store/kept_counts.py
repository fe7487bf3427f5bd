"""The proof used wherever orders are written in bulk or by a path of its own: the queue totals
the database keeps (migration 0026) equal a recount of the orders."""

from __future__ import annotations

from console.store import queue_counts
from console.store.engine import Database


def assert_kept(db: Database) -> None:
    with db.read() as session:
        kept, _rows = queue_counts.read(session)
        counted = queue_counts.recount(session)
    assert +kept == counted, (+kept, counted)  # unary +: drop the counters at zero
    assert kept[("all", "")] > 0
