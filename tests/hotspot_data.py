"""Orders planted straight through the order store for the hot-spot tests and the benchmark's
checks: a quiet background with a known shape, and spikes where a test wants them."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from itertools import count

from console.domain.hotspots import CHINA
from console.domain.order_types import Actor, Caller, Platform
from console.domain.orders import new_order
from console.store import orders as repo
from console.store.engine import Database

ACTOR = Actor("测试", "A-01", Platform.HOTLINE)
_serial = count(1)


def china(*args: int) -> datetime:
    return datetime(*args, tzinfo=CHINA).astimezone(UTC)  # type: ignore[misc]


def order_rows(
    at: datetime, district: str, kind: str, field: str | None, n: int, address: str = "",
    description: str = "测试",
) -> list[tuple[object, datetime]]:  # fmt: skip
    rows = []
    for i in range(n):
        when = at + timedelta(seconds=i)
        number = f"12345-T{next(_serial):08d}"
        order = new_order(
            number=number, actor=ACTOR, at=when, caller=Caller(f"1381234{i % 10000:04d}"),
            kind=kind, field=field, district=district, address=address, description=description,
        )  # fmt: skip
        rows.append((order, when))
    return rows


def plant(db: Database, rows: Iterable[tuple[object, datetime]]) -> int:
    batch = list(rows)
    with db.write() as session:
        repo.add_many(session, batch)  # type: ignore[arg-type]
    return len(batch)


def background(
    first_day: datetime, days: int, cells: list[tuple[str, str, str | None]], mean: float,
    seed: int = 7, every_hours: int = 4, descriptions: tuple[str, ...] = ("测试",),
) -> list[tuple[object, datetime]]:  # fmt: skip
    """Poisson(``mean``) orders per window and cell, from the China midnight ``first_day``
    for ``days`` days, spread over each window."""
    rng = random.Random(seed)
    rows: list[tuple[object, datetime]] = []
    windows = days * 24 // every_hours
    for w in range(windows):
        start = first_day + timedelta(hours=w * every_hours)
        for district, kind, field in cells:
            n = _poisson(rng, mean)
            for _ in range(n):
                at = start + timedelta(seconds=rng.randrange(every_hours * 3600))
                text = (
                    descriptions[rng.randrange(len(descriptions))]
                    if descriptions[1:]
                    else descriptions[0]
                )
                rows += order_rows(at, district, kind, field, 1, description=text)
    return rows


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method: fine for the small means used here.
    import math

    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
