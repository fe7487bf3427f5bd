"""Shared pieces of the benchmark harness: figures, timing, the benchmark database."""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from console.demo.generate import FREQUENT_CALLERS, phone_for

UNTIL = date(2026, 11, 26)  # fixed, so a benchmark database means the same thing every run
SEED = 1


@dataclass(frozen=True)
class Figure:
    """One result line. ``ratio`` is our cost over the floor's cost: 1.0 = as cheap as the bare
    minimum doing the same work in the same run; for rates (higher is better) it is floor/value."""

    name: str
    value: float
    unit: str
    floor: float
    ratio: float

    def as_dict(self) -> dict[str, object]:
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(self).items()}


def time_figure(name: str, unit: str, value: float, floor: float) -> Figure:
    return Figure(name, value, unit, floor, value / floor if floor else float("inf"))


def rate_figure(name: str, unit: str, value: float, floor: float) -> Figure:
    return Figure(name, value, unit, floor, floor / value if value else float("inf"))


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def timed_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


@dataclass
class Context:
    """What every benchmark gets: the size asked for and a folder for its databases."""

    orders: int
    workdir: Path
    read_only: bool = False  # --read-only: the benchmarks that honour it never write the file

    def bench_db_path(self) -> Path:
        return self.workdir / f"bench-{self.orders}-seed{SEED}.sqlite3"

    def bench_db_url(self) -> str:
        """The benchmark database's SQLAlchemy URL; with ``read_only``, opened ``mode=ro``
        (SQLite refuses any write: a shared database, e.g. the 10 M one, stays as it is)."""
        path = self.bench_db_path()
        return f"sqlite:///file:{path}?mode=ro&uri=true" if self.read_only else f"sqlite:///{path}"

    def bench_db_connect(self) -> sqlite3.Connection:
        """A plain ``sqlite3`` connection to it (read-only as :meth:`bench_db_url`)."""
        path = self.bench_db_path()
        if self.read_only:
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        return sqlite3.connect(path)


def drop_cached(path: Path) -> None:
    """Evict the database file and its WAL from the OS page cache (``posix_fadvise``
    DONTNEED: clean pages of these files only, no root needed, nobody else's cache touched):
    the next reads come from the disk, as for a caller whose orders nobody read lately."""
    for name in (path, Path(f"{path}-wal")):
        if name.exists():
            fd = os.open(name, os.O_RDONLY)
            try:
                os.fdatasync(fd)  # dirty pages stay cached: write them out first
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def callers(orders: int, n: int, seed: int) -> list[str]:
    """``n`` callers as the switch brings them (a share of frequent callers, most from the
    demo pool), in a stable random order; repeats allowed (a frequent caller calls often)."""
    rng = random.Random(seed)
    pool = max(1_000, orders // 2)
    picks = []
    for _ in range(n):
        if rng.random() < 0.2:
            picks.append(phone_for(rng.randrange(FREQUENT_CALLERS), SEED))
        else:
            picks.append(phone_for(FREQUENT_CALLERS + rng.randrange(pool), SEED))
    return picks


def fresh_callers(orders: int, n: int, seed: int, avoid: set[str]) -> list[str]:
    """``n`` distinct callers, none in ``avoid`` (then added to it), with the same mix as
    :func:`callers`: each read for the first time, so a cold measurement stays cold."""
    picks: list[str] = []
    for phone in callers(orders, n * 4, seed):
        if phone not in avoid:
            avoid.add(phone)
            picks.append(phone)
            if len(picks) == n:
                return picks
    raise ValueError(f"not {n} fresh callers among {orders} orders")


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    """A plain ``sqlite3`` INSERT of every column of ``columns`` (the floors' rows)."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def drop_order_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the secondary indexes of ``work_order`` and ``order_event`` (inside the caller's
    transaction); returns their CREATE statements, to rebuild them once the rows are in — the
    bare minimum's way of bulk loading, which the floors take."""
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
        "AND tbl_name IN ('work_order', 'order_event')"
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in indexes]
