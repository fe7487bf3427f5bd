"""caller_history_p95_ms: a caller's history (screen pop data) through the order service.

Floor: the same indexed query through plain ``sqlite3``, no ORM, same phones, same run.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime

from common import SEED, Context, Figure, p95, time_figure, timed_ms

from console.demo.generate import FREQUENT_CALLERS, phone_for
from console.services.orders import OrderService
from console.store.engine import Database

SAMPLES = 500
FLOOR_SQL = (
    "SELECT id, number, created_at, kind, status, owner, description FROM work_order "
    "WHERE caller_phone = ? ORDER BY created_at DESC LIMIT 50"
)


def phones(orders: int) -> list[str]:
    """Callers as the switch will bring them: a share of frequent callers, most from the pool."""
    rng = random.Random(42)
    pool = max(1_000, orders // 2)
    picks = []
    for _ in range(SAMPLES):
        if rng.random() < 0.2:
            picks.append(phone_for(rng.randrange(FREQUENT_CALLERS), SEED))
        else:
            picks.append(phone_for(FREQUENT_CALLERS + rng.randrange(pool), SEED))
    return picks


def run(ctx: Context) -> list[Figure]:
    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    numbers = phones(ctx.orders)
    db = Database.open(f"sqlite:///{path}")
    service = OrderService(db, lambda: datetime.now(UTC))
    for phone in numbers[:20]:  # warm the pool and the page cache alike for both
        service.caller_history(phone)
    ours = [timed_ms(lambda p=p: service.caller_history(p)) for p in numbers]  # type: ignore[misc]
    db.dispose()
    conn = sqlite3.connect(path)
    for phone in numbers[:20]:
        conn.execute(FLOOR_SQL, (phone,)).fetchall()
    floor = [timed_ms(lambda p=p: conn.execute(FLOOR_SQL, (p,)).fetchall()) for p in numbers]  # type: ignore[misc]
    conn.close()
    return [time_figure("caller_history_p95_ms", "ms", p95(ours), p95(floor))]
