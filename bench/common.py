"""Shared pieces of the benchmark harness: figures, timing, the benchmark database."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

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

    def bench_db_path(self) -> Path:
        return self.workdir / f"bench-{self.orders}-seed{SEED}.sqlite3"
