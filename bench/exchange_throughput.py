"""exchange_throughput_msgs_s: messages/s between two PostgreSQL-backed endpoints (target
≥ 1,000/s), both directions at once. Two databases in a throwaway cluster (tests/pg.py), each
platform's endpoint its own ``exchange serve`` process, loopback HTTPS with mutual TLS.

The mix, queued while both endpoints run: at 12345, 2,000 new orders transferred to 110 (each
message creates the order there); at 110, sign-for of 500 orders transferred earlier (not
timed: those exist on both sides), each a step on an existing 12345 order. Each side's steps
are written in one transaction (exchange_pair.BulkSeat: the order rows and the messages, as a
seat writes them, 110's copy stepped with ``repo.save``); measured from the first commit
until both inboxes hold every message: (2,000 + 500) / seconds.
``CONSOLE_BENCH_EXCHANGE_DB=sqlite`` runs it on two SQLite files instead.

Floor: the same bodies relayed both ways at once between the two databases by the bare
minimum (exchange_bare: a bare aiohttp client posting 200 a request over plain HTTP to a bare
server process inserting them).
"""

from __future__ import annotations

import asyncio
import os
import time

from common import Context, Figure, rate_figure
from exchange_bare import Bare, BareServer, relay
from exchange_pair import POLICE_SEAT, BulkSeat, Pair, inbox_count, now, postgres

from console.domain.orders import Action, Platform, apply
from console.store import orders as repo

NEW = 2_000
STEPS = 500
TIMEOUT_S = 900.0


def _wait(pair: Pair, want: dict[Platform, int], start: float) -> float:
    while any(inbox_count(pair.db(p)) < n for p, n in want.items()):
        if time.perf_counter() - start > TIMEOUT_S:
            raise RuntimeError(f"not all {want} applied after {TIMEOUT_S:.0f} s")
        time.sleep(0.05)
    return time.perf_counter() - start


def _ours(pair: Pair) -> tuple[float, dict[str, list[bytes]]]:
    pair.start(Platform.POLICE)
    pair.start(Platform.HOTLINE)
    hotline = BulkSeat(pair.db(Platform.HOTLINE), Platform.HOTLINE)
    police = BulkSeat(pair.db(Platform.POLICE), Platform.POLICE)
    at = now()
    earlier = [hotline.new_transferred(at) for _ in range(STEPS)]
    with hotline.db.write() as session:  # the orders 110 signs for later (not timed)
        hotline.add_orders(session, earlier, at)
        hotline.queue(session, [hotline.message_row(o, 1, at) for o in earlier])
    _wait(pair, {Platform.POLICE: STEPS}, time.perf_counter())
    at = now()
    fresh = [hotline.new_transferred(at) for _ in range(NEW)]
    new_rows = [hotline.message_row(o, 1, at) for o in fresh]
    with police.db.write() as session:
        step_rows = []
        for order in earlier:
            stored = repo.get(session, order.number)
            signed = apply(stored.order, Action.SIGN_FOR, POLICE_SEAT, at)
            repo.save(session, stored, signed, at)
            step_rows.append(police.message_row(signed, 1, at))
        with hotline.db.write() as hot:
            hotline.add_orders(hot, fresh, at)
            hotline.queue(hot, new_rows)
        start = time.perf_counter()  # 12345's batch commits here, 110's just after
        police.queue(session, step_rows)
    elapsed = _wait(pair, {Platform.POLICE: STEPS + NEW, Platform.HOTLINE: STEPS}, start)
    pair.close()
    bodies = {"12345": [r["body"] for r in new_rows], "110": [r["body"] for r in step_rows]}
    return (NEW + STEPS) / elapsed, bodies  # type: ignore[return-value]


def _floor(pair: Pair, bodies: dict[str, list[bytes]]) -> float:
    urls = {p: pair.systems[p].url for p in ("12345", "110")}
    sources = {p: Bare(u) for p, u in urls.items()}
    for p, src in sources.items():
        with src.tx() as cur:
            cur.executemany("INSERT INTO bare_out (body) VALUES (?)", [(b,) for b in bodies[p]])
    servers = {p: BareServer(u) for p, u in urls.items()}

    async def both() -> list[int]:
        return list(await asyncio.gather(
            relay(sources["12345"], servers["110"].url), relay(sources["110"], servers["12345"].url)
        ))  # fmt: skip

    try:
        start = time.perf_counter()
        sent = asyncio.run(both())
        elapsed = time.perf_counter() - start
    finally:
        for server in servers.values():
            server.stop()
        for src in sources.values():
            src.close()
    assert sum(sent) == NEW + STEPS
    return (NEW + STEPS) / elapsed


def run(ctx: Context) -> list[Figure]:
    if os.environ.get("CONSOLE_BENCH_EXCHANGE_DB") == "sqlite":
        pair = Pair(ctx.workdir / "exchange-throughput")
        rate, bodies = _ours(pair)
        return [rate_figure("exchange_throughput_msgs_s", "msg/s", rate, _floor(pair, bodies))]
    with postgres() as cluster:
        if cluster is None:
            return []
        pair = Pair(ctx.workdir / "exchange-throughput", cluster)
        rate, bodies = _ours(pair)
        return [rate_figure("exchange_throughput_msgs_s", "msg/s", rate, _floor(pair, bodies))]
