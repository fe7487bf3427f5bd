"""exchange_visible_p95_ms: a transfer at a 12345 seat → the order in 110's 待签收 queue on the
OTHER database (target ≤ 300 ms). Two SQLite databases, each platform's endpoint its own
``python -m console exchange serve`` process, loopback HTTPS with mutual TLS. The 12345 seat
runs in the benchmark's process as a seat does where the endpoint is a service: its
``OrderService.transfers.transfer`` writes the order and its message in one transaction, and
12345's sender (another process) finds it at its next poll (every 100 ms). Measured: commit
start → the number in the first page of 110's awaiting-sign-for queue (``read_page``, read
continuously). 40 transfers, a pause of 50–300 ms before each (the agent talks).

Floor: the same two inserts with a bare HTTP post between them — a row inserted into
database A, its bytes (the transfer message) posted at once by a bare client over plain HTTP to
a bare server process that inserts them into database B (exchange_bare), read back from B
continuously.
"""

from __future__ import annotations

import random
import time
import urllib.request
from datetime import UTC, datetime

from common import Context, Figure, p95, time_figure
from exchange_bare import Bare, BareServer
from exchange_pair import Pair
from sqlalchemy import text

from console.app_exchange import Endpoint
from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.services.alarms import load_site_policy
from console.services.orders import OrderService
from console.store.queues import QueueKind, QueueQuery, read_page
from tests.principals import at_seat

SAMPLES = 40
A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
DRAFT = Draft(
    caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
    description="小区门口有人持械斗殴", consent=True,
)  # fmt: skip
QUERY = QueueQuery(kind=QueueKind.AWAITING_SIGN_FOR, platform=Platform.POLICE)


def _seat(pair: Pair) -> OrderService:
    db = pair.db(Platform.HOTLINE)
    clock = lambda: datetime.now(UTC)  # noqa: E731
    policy, calendar = load_site_policy(db), load_calendar()
    endpoint = Endpoint.build(
        pair.systems["12345"].settings, db, clock, None, policy, calendar, runs_here=False
    )
    assert endpoint is not None
    return OrderService(db, clock, policy, calendar, outbox=endpoint.outbox)


def _ours(pair: Pair) -> tuple[list[float], list[bytes]]:
    pair.start(Platform.POLICE)
    pair.start(Platform.HOTLINE)
    orders, police = _seat(pair), pair.db(Platform.POLICE)
    rng = random.Random(9)
    samples = []
    for i in range(SAMPLES):
        number = orders.create(DRAFT, A01).order.number
        time.sleep(rng.uniform(0.05, 0.3))
        start = time.perf_counter()
        orders.transfers.transfer(number, A01, "涉嫌违法，转110", key=f"bench-{i}")
        while not any(r.number == number for r in read_page(police, QUERY, None, 200)[0]):
            if time.perf_counter() - start > 30:
                raise RuntimeError(f"{number} never showed in 110's 待签收 queue")
        samples.append((time.perf_counter() - start) * 1000)
    with pair.db(Platform.HOTLINE).read() as session:
        bodies = [
            bytes(b)
            for (b,) in session.execute(text("SELECT body FROM exchange_outbox ORDER BY id"))
        ]
    pair.close()
    return samples, bodies


def _floor(pair: Pair, bodies: list[bytes]) -> list[float]:
    a, b = Bare(pair.systems["12345"].url), Bare(pair.systems["110"].url)
    server = BareServer(pair.systems["110"].url)
    samples = []
    try:
        for body in bodies:
            start = time.perf_counter()
            before = b.one("SELECT count(*) FROM bare_in")
            with a.tx() as cur:
                cur.execute("INSERT INTO bare_out (body) VALUES (?)", (body,))
            request = urllib.request.Request(server.url, data=body, method="POST")
            with urllib.request.urlopen(request, timeout=10) as answer:
                assert answer.read() == b"ok\n"
            while b.one("SELECT count(*) FROM bare_in") == before:
                pass
            samples.append((time.perf_counter() - start) * 1000)
    finally:
        server.stop()
        a.close()
        b.close()
    return samples


def run(ctx: Context) -> list[Figure]:
    pair = Pair(ctx.workdir / "exchange-visible")
    ours, bodies = _ours(pair)
    floor = _floor(pair, bodies)
    print(f"# exchange_visible median {sorted(ours)[len(ours) // 2]:.1f} ms, "
          f"floor median {sorted(floor)[len(floor) // 2]:.1f} ms", flush=True)  # fmt: skip
    return [time_figure("exchange_visible_p95_ms", "ms", p95(ours), p95(floor))]
