"""demo_data_orders_per_s: ``load_demo_data`` into a fresh database.

Floor: the same number of order and event rows, already built in memory, written by plain
``sqlite3.executemany`` with the indexes built afterwards — the cheapest way to get the same rows
on disk, without generating them.
"""

from __future__ import annotations

import sqlite3
import time

from common import (
    SEED,
    UNTIL,
    Context,
    Figure,
    drop_order_indexes,
    insert_sql,
    rate_figure,
    time_figure,
)

from console.demo.generate import EVENT_COLUMNS, ORDER_COLUMNS
from console.demo.load import load_demo_data
from console.domain.calendar import load_calendar
from console.store.setup import init_db

FLOOR_CHUNK = 200_000  # orders built in memory at a time for the floor


def _floor_seconds(ctx: Context, orders: int, events: int) -> float:
    path = ctx.workdir / "floor-demo.sqlite3"
    for p in ctx.workdir.glob("floor-demo.sqlite3*"):
        p.unlink()
    db, _ = init_db(f"sqlite:///{path}")
    db.dispose()
    ts = "2026-11-26 01:30:00.000000"
    order = [None, "", "12345", "12345", "13812345678", "张三", "C-TS", "F-SH", "210102",
             "中山路1号", "楼下烧烤店夜间施工噪音扰民，持续到23点，请相关部门处理。", 0, 0, 1,
             "completed", None, None, ts, ts, ts, ts, 1, "A-001", None, None]  # fmt: skip
    per_order = max(1, round(events / orders))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN IMMEDIATE")
    indexes = drop_order_indexes(conn)
    order_sql = insert_sql("work_order", ORDER_COLUMNS)
    event_sql = insert_sql("order_event", EVENT_COLUMNS)
    # Built a chunk at a time outside the clock (the rows are the floor's given, not its work):
    # all 10 M orders and their events at once took ~10 GB of memory.
    elapsed = 0.0
    for first in range(1, orders + 1, FLOOR_CHUNK):
        ids = range(first, min(orders, first + FLOOR_CHUNK - 1) + 1)
        orders_rows = []
        for i in ids:
            row = list(order)
            row[0], row[1] = i, f"12345-20261126-{i:07d}"
            orders_rows.append(tuple(row))
        event_rows = [
            (i, ts, "话务员001", "A-001", "12345", "create", None, "received", "", "")
            for i in ids
            for _ in range(per_order)
        ]
        start = time.perf_counter()
        conn.executemany(order_sql, orders_rows)
        conn.executemany(event_sql, event_rows)
        elapsed += time.perf_counter() - start
    start = time.perf_counter()
    for sql in indexes:
        conn.execute(sql)
    conn.execute("COMMIT")
    elapsed += time.perf_counter() - start
    conn.close()
    for p in ctx.workdir.glob("floor-demo.sqlite3*"):
        p.unlink()
    return elapsed


def run(ctx: Context) -> list[Figure]:
    path = ctx.bench_db_path()
    for p in ctx.workdir.glob(path.name + "*"):
        p.unlink()
    db, _ = init_db(f"sqlite:///{path}")
    result = load_demo_data(db, ctx.orders, seed=SEED, until=UNTIL, calendar=load_calendar())
    db.dispose()
    floor_s = _floor_seconds(ctx, result.orders, result.events)  # its own file, then deleted
    return [
        rate_figure(
            "demo_data_orders_per_s", "orders/s", result.orders_per_s, result.orders / floor_s
        ),
        time_figure("demo_data_seconds", "s", result.seconds, floor_s),
    ]
