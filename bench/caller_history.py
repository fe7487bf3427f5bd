"""caller_history_p95_ms / caller_history_cold_p95_ms: a caller's history (the screen pop's
data) through the order service, with the database in the page cache and without.

Floor: the same indexed query through plain ``sqlite3``, no ORM, under the same conditions.

- Warm: 500 callers (20 % frequent), each side reads them all once untimed, then timed: both
  read pages already cached (before issue 18 the floor ran second on the pages ours warmed).
- Cold: the database file is evicted from the page cache (``drop_cached``) and a fresh
  connection reads ``COLD`` distinct callers never read in that batch; each side gets its own
  set, and the two swap sets in a second round, so neither reads what the other warmed. The
  first reads of a batch also fetch the index's upper pages, as after a restart; the later
  ones find those cached and the caller's own pages not, as on a seat that has run a while.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from common import Context, Figure, callers, drop_cached, fresh_callers, p95, time_figure, timed_ms

from console.services.orders import OrderService
from console.store.engine import Database

SAMPLES = 500
COLD = 100  # per batch; two batches a side
FLOOR_SQL = (
    "SELECT id, number, created_at, kind, status, owner, description, address FROM work_order "
    "WHERE caller_phone = ? ORDER BY created_at DESC LIMIT 50"
)

Reader = Callable[[Path, list[str], bool], list[float]]


def phones(orders: int) -> list[str]:
    """The warm set: callers as the switch will bring them (repeats and all)."""
    return callers(orders, SAMPLES, 42)


def ours(path: Path, numbers: list[str], warm_first: bool) -> list[float]:
    db = Database.open(f"sqlite:///{path}")
    service = OrderService(db, lambda: datetime.now(UTC))
    if warm_first:
        for phone in numbers:
            service.caller_history(phone)
    samples = [timed_ms(lambda p=p: service.caller_history(p)) for p in numbers]  # type: ignore[misc]
    db.dispose()
    return samples


def floor(path: Path, numbers: list[str], warm_first: bool) -> list[float]:
    conn = sqlite3.connect(path)
    if warm_first:
        for phone in numbers:
            conn.execute(FLOOR_SQL, (phone,)).fetchall()
    samples = [timed_ms(lambda p=p: conn.execute(FLOOR_SQL, (p,)).fetchall()) for p in numbers]  # type: ignore[misc]
    conn.close()
    return samples


def cold_rounds(
    path: Path, orders: int, a: Reader, b: Reader, per_batch: int
) -> tuple[list[float], list[float]]:
    """Cold samples of ``a`` and ``b``: a fresh caller set each, swapped in the second round,
    the file evicted from the page cache before every batch."""
    seen: set[str] = set()
    one, two = fresh_callers(orders, per_batch, 7, seen), fresh_callers(orders, per_batch, 8, seen)
    a_samples: list[float] = []
    b_samples: list[float] = []
    for a_set, b_set in ((one, two), (two, one)):
        drop_cached(path)
        a_samples += a(path, a_set, False)
        drop_cached(path)
        b_samples += b(path, b_set, False)
    return a_samples, b_samples


def run(ctx: Context) -> list[Figure]:
    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    cold_ours, cold_floor = cold_rounds(path, ctx.orders, ours, floor, COLD)
    numbers = phones(ctx.orders)
    warm_ours, warm_floor = ours(path, numbers, True), floor(path, numbers, True)
    return [
        time_figure("caller_history_p95_ms", "ms", p95(warm_ours), p95(warm_floor)),
        time_figure("caller_history_cold_p95_ms", "ms", p95(cold_ours), p95(cold_floor)),
    ]
