"""exchange_backlog_drain_s: 100,000 transfers queued at 12345 while its endpoint is down (the
outage), then the endpoint returns: seconds from its ``exchange serve`` listening again until
110's endpoint has applied every one (an inbox row each, an order each in 110's database).
Target ≤ 120 s. Two PostgreSQL databases in a throwaway cluster (tests/pg.py);
``CONSOLE_BENCH_EXCHANGE_DB=sqlite`` runs it on two SQLite files instead.
``CONSOLE_BENCH_BACKLOG=N`` queues N instead of 100,000.

The backlog: 12345 orders created and transferred to 110 in memory by the domain with the site
policy's deadlines, their rows and their transfer messages (the codec's canonical, schema-valid
bytes, ~2.2 kB each) written 2,000 to a transaction (exchange_pair.BulkSeat); not timed.

Floor: the same bodies queued in a bare table of database A, relayed 200 a request by a bare
aiohttp client over plain HTTP to a bare server process that inserts them into database B
(exchange_bare): the bytes moved between the two databases and nothing else.
"""

from __future__ import annotations

import asyncio
import os
import time

from common import Context, Figure, time_figure
from exchange_bare import Bare, BareServer, relay
from exchange_pair import BulkSeat, Pair, inbox_count, now, postgres, queued_count
from sqlalchemy import text

from console.domain.orders import Platform

CHUNK = 2_000
TIMEOUT_S = 1_800.0


def _queue(pair: Pair, n: int) -> list[bytes]:
    seat = BulkSeat(pair.db(Platform.HOTLINE), Platform.HOTLINE)
    bodies: list[bytes] = []
    for start in range(0, n, CHUNK):
        at = now()
        orders = [seat.new_transferred(at) for _ in range(min(CHUNK, n - start))]
        rows = [seat.message_row(o, 1, at) for o in orders]
        with seat.db.write() as session:
            seat.add_orders(session, orders, at)
            seat.queue(session, rows)
        bodies += [r["body"] for r in rows]  # type: ignore[misc]
    return bodies


def _ours(pair: Pair, n: int) -> float:
    pair.start(Platform.POLICE)
    began = time.perf_counter()
    bodies = _queue(pair, n)
    print(f"# backlog of {n:,} queued in {time.perf_counter() - began:.1f} s", flush=True)
    police = pair.db(Platform.POLICE)
    start = pair.start(Platform.HOTLINE)  # the link returns
    while (done := inbox_count(police)) < n:
        if time.perf_counter() - start > TIMEOUT_S:
            raise RuntimeError(f"only {done:,} of {n:,} applied after {TIMEOUT_S:.0f} s")
        time.sleep(0.2)
    elapsed = time.perf_counter() - start
    with police.read() as session:
        applied = session.execute(
            text("SELECT count(*) FROM exchange_inbox WHERE status = 200")
        ).scalar_one()
        orders = session.execute(text("SELECT count(*) FROM work_order")).scalar_one()
    assert applied == n and orders >= n, (applied, orders)
    assert queued_count(pair.db(Platform.HOTLINE)) == 0
    pair.close()
    _floor_bodies.extend(bodies)
    return elapsed


_floor_bodies: list[bytes] = []


def _floor(pair: Pair) -> float:
    a, b = (pair.systems[p].url for p in ("12345", "110"))
    src = Bare(a)
    with src.tx() as cur:
        cur.executemany("INSERT INTO bare_out (body) VALUES (?)", [(x,) for x in _floor_bodies])
    server = BareServer(b)
    try:
        start = time.perf_counter()
        sent = asyncio.run(relay(src, server.url))
        elapsed = time.perf_counter() - start
    finally:
        server.stop()
        src.close()
    assert sent == len(_floor_bodies)
    return elapsed


def run(ctx: Context) -> list[Figure]:
    n = int(os.environ.get("CONSOLE_BENCH_BACKLOG", "100000"))
    _floor_bodies.clear()
    if os.environ.get("CONSOLE_BENCH_EXCHANGE_DB") == "sqlite":
        pair = Pair(ctx.workdir / "exchange-backlog")
        return [time_figure("exchange_backlog_drain_s", "s", _ours(pair, n), _floor(pair))]
    with postgres() as cluster:
        if cluster is None:
            return []
        pair = Pair(ctx.workdir / "exchange-backlog", cluster)
        return [time_figure("exchange_backlog_drain_s", "s", _ours(pair, n), _floor(pair))]
