"""Write generated demo orders into a database fast: 1 M orders within a minute on 2 cores.

Blocks are generated in worker processes while this process writes the previous ones. SQLite
gets plain ``executemany`` inside one ``BEGIN IMMEDIATE`` with its secondary indexes dropped and
rebuilt afterwards (far faster than maintaining them row by row); PostgreSQL gets ``COPY``.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select, text

from console.demo.alarms import DemoAlarms
from console.demo.generate import (
    EVENT_COLUMNS,
    ORDER_COLUMNS,
    Block,
    BlockRows,
    Plan,
    generate_block,
)
from console.demo.material import Material, load_material
from console.domain.calendar import BusinessCalendar
from console.domain.deadlines import Policy
from console.store import report_rollup
from console.store.departments import departments
from console.store.engine import Database
from console.store.seed import catalogue
from console.store.tables import OrderRow, SequenceRow

Progress = Callable[[int, int], None]  # (orders written so far, orders planned)


@dataclass(frozen=True)
class Result:
    orders: int
    events: int
    seconds: float

    @property
    def orders_per_s(self) -> float:
        return self.orders / self.seconds if self.seconds else 0.0


def china_today() -> date:
    return (datetime.now(UTC) + timedelta(hours=8)).date()


def make_plan(db: Database, orders: int, seed: int, until: date, days: int = 365) -> Plan:
    with db.read() as session:
        last_id = session.execute(select(func.max(OrderRow.id))).scalar() or 0
        used = {
            (row.platform, row.day): row.last
            for row in session.execute(select(SequenceRow)).scalars().all()
        }
    return Plan(
        seed=seed,
        orders=orders,
        until=until,
        days=days,
        first_id=int(last_id) + 1,
        caller_pool=max(1_000, orders // 2),
        used_sequences=used,
    )


def _worker(args: tuple[Plan, Block, Material, int, BusinessCalendar]) -> BlockRows:
    return generate_block(*args)


def _blocks(
    plan: Plan, material: Material, now_epoch: int, calendar: BusinessCalendar, workers: int
) -> Iterator[BlockRows]:
    jobs = [(plan, b, material, now_epoch, calendar) for b in plan.blocks()]
    if workers <= 1 or len(jobs) == 1:
        yield from map(_worker, jobs)
        return
    ctx = multiprocessing.get_context("spawn")  # fork under a running Qt or a thread pool is unsafe
    with ctx.Pool(workers) as pool:
        yield from pool.imap(_worker, jobs)


def load_demo_data(
    db: Database,
    orders: int,
    seed: int = 1,
    until: date | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    policy: Policy | None = None,
    *,
    calendar: BusinessCalendar,
) -> Result:
    """Add ``orders`` demo orders spread over the 365 China days before ``until``, their
    working-day deadlines counted in ``calendar``; with a ``policy``, also the alarm rows of the
    open ones (past levels already raised). One transaction: a load that is killed leaves
    nothing behind, so ``demo-data --if-empty`` on the next start loads it again."""
    if orders < 1:
        raise ValueError("orders must be at least 1")
    started = time.perf_counter()
    until = until or china_today()
    with db.read() as session:
        material = load_material(*catalogue(session), departments=departments(session))
    plan = make_plan(db, orders, seed, until)
    now_epoch = int(datetime(until.year, until.month, until.day, tzinfo=UTC).timestamp()) - 8 * 3600
    if workers is None:
        workers = min(2, multiprocessing.cpu_count()) if orders >= 100_000 else 1
    rows = _blocks(plan, material, now_epoch, calendar, workers)
    alarms = None
    if policy is not None:
        now = datetime.fromtimestamp(now_epoch, UTC)
        alarms = DemoAlarms(policy, calendar, plan.first_id, now)
    writer = _write_sqlite if db.is_sqlite else _write_postgres
    written, events = writer(db.engine, rows, orders, progress, alarms)
    with db.write(notify=False) as session:  # the reports' daily roll-up of what was loaded
        report_rollup.rebuild(session)
    return Result(written, events, time.perf_counter() - started)


def _merge_sequences(into: dict[tuple[str, str], int], new: dict[tuple[str, str], int]) -> None:
    for key, last in new.items():
        into[key] = max(into.get(key, 0), last)


_ORDER_SQL = (
    f"INSERT INTO work_order ({', '.join(ORDER_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in ORDER_COLUMNS)})"
)
_EVENT_SQL = (
    f"INSERT INTO order_event ({', '.join(EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in EVENT_COLUMNS)})"
)
_SEQUENCE_SQL = (
    "INSERT INTO order_sequence (platform, day, last) VALUES (?, ?, ?) "
    "ON CONFLICT (platform, day) DO UPDATE SET last = max(last, excluded.last)"
)


def _write_sqlite(
    engine: Engine,
    blocks: Iterator[BlockRows],
    planned: int,
    progress: Progress | None,
    alarms: DemoAlarms | None,
) -> tuple[int, int]:
    path = engine.url.database
    if not path:
        raise ValueError("demo data needs a file database, not an in-memory one")
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("BEGIN IMMEDIATE")
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('work_order', 'order_event')"
        ).fetchall()
        bulk = planned >= 50_000
        if bulk:
            for name, _sql in indexes:
                conn.execute(f'DROP INDEX "{name}"')
        written = events = 0
        sequences: dict[tuple[str, str], int] = {}
        for rows in blocks:
            conn.executemany(_ORDER_SQL, rows.orders)
            conn.executemany(_EVENT_SQL, rows.events)
            _merge_sequences(sequences, rows.sequences)
            written += len(rows.orders)
            events += len(rows.events)
            if progress:
                progress(written, planned)
        if bulk:
            for _name, sql in indexes:
                conn.execute(sql)
        conn.executemany(_SEQUENCE_SQL, [(p, d, n) for (p, d), n in sequences.items()])
        if alarms is not None:  # in the same transaction: orders and their alarms, or nothing
            alarms.write_sqlite(conn)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return written, events


def _write_postgres(
    engine: Engine,
    blocks: Iterator[BlockRows],
    planned: int,
    progress: Progress | None,
    alarms: DemoAlarms | None,
) -> tuple[int, int]:
    written = events = 0
    sequences: dict[tuple[str, str], int] = {}
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL TIME ZONE 'UTC'"))
        raw: Any = conn.connection.driver_connection
        with raw.cursor() as cur:
            for rows in blocks:
                with cur.copy(f"COPY work_order ({', '.join(ORDER_COLUMNS)}) FROM STDIN") as copy:
                    for row in rows.orders:
                        copy.write_row(row)
                with cur.copy(f"COPY order_event ({', '.join(EVENT_COLUMNS)}) FROM STDIN") as copy:
                    for row in rows.events:
                        copy.write_row(row)
                _merge_sequences(sequences, rows.sequences)
                written += len(rows.orders)
                events += len(rows.events)
                if progress:
                    progress(written, planned)
        for (platform, day), last in sequences.items():
            conn.execute(
                text(
                    "INSERT INTO order_sequence (platform, day, last) VALUES (:p, :d, :n) "
                    "ON CONFLICT (platform, day) DO UPDATE "
                    "SET last = GREATEST(order_sequence.last, excluded.last)"
                ),
                {"p": platform, "d": day, "n": last},
            )
        # Ids were given explicitly: move the serial past them.
        conn.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('work_order', 'id'), "
                "(SELECT max(id) FROM work_order))"
            )
        )
        if alarms is not None:  # in the same transaction: orders and their alarms, or nothing
            alarms.write(conn)
        conn.execute(text("ANALYZE work_order"))
    return written, events
