"""The kept queue totals (``queue_count``, :mod:`console.store.queue_count_tables`): read them,
recount them from the orders (the proof), and fold PostgreSQL's per-backend rows together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import Any

from sqlalchemy import func, select, text, tuple_
from sqlalchemy.orm import Session

from console.store.queue_count_tables import COUNTED, QueueCountRow

Totals = Counter[tuple[str, str]]  # (queue, scope) → orders

COMPACT_AT = 10_000  # PostgreSQL: rows (~10 a backend that wrote) past which readers fold
_COMPACTOR = 180026  # the advisory lock that keeps compaction to one transaction at a time

_READ = text("SELECT queue, scope, sum(n), count(*) FROM queue_count GROUP BY queue, scope")
_ROWS = QueueCountRow.__table__  # type: ignore[attr-defined]
_RECOUNT = text(
    " UNION ALL ".join(
        f"SELECT '{c.queue}', {c.scope.format(r='r')}, count(*) FROM work_order r"
        + (f" WHERE {c.where.format(r='r')} GROUP BY 1, 2" if c.where else "")
        for c in COUNTED
    )
)
# The rows of backends that have gone, summed into part 0. SKIP LOCKED: a backend whose pid came
# back and is writing its row keeps it; the compactor never waits, so it never deadlocks.
_COMPACT = text(
    "WITH gone AS (DELETE FROM queue_count WHERE ctid IN ("
    " SELECT ctid FROM queue_count WHERE part <> 0"
    " AND part NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL)"
    " FOR UPDATE SKIP LOCKED) RETURNING queue, scope, n) "
    "INSERT INTO queue_count (queue, scope, part, n) "
    "SELECT queue, scope, 0, sum(n) FROM gone GROUP BY queue, scope "
    "ON CONFLICT (queue, scope, part) DO UPDATE SET n = queue_count.n + excluded.n"
)


def read(session: Session, keys: Collection[tuple[str, str]] | None = None) -> tuple[Totals, int]:
    """The totals of the counters ``keys`` (None: all of them; absent: 0), and how many rows
    hold them (PostgreSQL: one a backend that wrote)."""
    totals: Totals = Counter()
    rows = 0
    query: Any = _READ
    if keys is not None:
        picked = tuple_(_ROWS.c.queue, _ROWS.c.scope).in_(sorted(keys))
        query = (
            select(_ROWS.c.queue, _ROWS.c.scope, func.sum(_ROWS.c.n), func.count())
            .where(picked)
            .group_by(_ROWS.c.queue, _ROWS.c.scope)
        )
    for queue, scope, n, parts in session.execute(query):
        totals[(queue, scope)] = int(n)
        rows += int(parts)
    return totals, rows


def recount(session: Session) -> Totals:
    """The counters worked out from the orders themselves (a scan: for tests and checks)."""
    return Counter({(q, s): int(n) for q, s, n in session.execute(_RECOUNT) if n})


def compact(session: Session) -> None:
    """PostgreSQL: fold the rows of backends that have gone into part 0 (one compactor at a
    time; another one skips). SQLite keeps one row a counter and has nothing to fold."""
    if session.get_bind().dialect.name != "postgresql":
        return
    if session.execute(text(f"SELECT pg_try_advisory_xact_lock({_COMPACTOR})")).scalar():
        session.execute(_COMPACT)
