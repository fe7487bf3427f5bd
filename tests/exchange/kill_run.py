"""One kill -9 run (issue 14), used by ``tests/exchange/test_kill.py`` and ``bench/exchange_kill.py``:
both platforms serving, the seats' stream running, ``kills_each`` SIGKILLs of each side's
``exchange serve`` at random moments, then both restarted, the backlog drained, and
:func:`~tests.exchange.kill_checks.check` run on both databases."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from console.domain.orders import Platform
from tests.exchange.kill_checks import Tally, check, queued
from tests.exchange.kill_stream import Killer, Serving, Stream, WarmServer, seat_orders
from tests.exchange.serving import System
from tests.waiting import wait_until


@dataclass(frozen=True)
class Outcome:
    kills: dict[str, int]
    idle_kills: int  # kills after waiting in vain for the side to be at work
    busy_wait_s: float  # waiting for the side to be at work before a kill
    restart_s: float  # starting the killed processes again
    tally: Tally
    stream: Stream
    seconds: float
    drain_seconds: float


def kill_run(
    systems: Mapping[str, System],
    logs: Path,
    kills_each: int,
    seed: int,
    warm: WarmServer | None,
    drain_s: float = 180.0,
) -> Outcome:
    """``systems``: both platforms, configured, their ``db`` open, not started."""
    started = time.perf_counter()
    rng = random.Random(seed)
    serving = {p: Serving(s, logs, warm) for p, s in systems.items()}
    stream = Stream({}, random.Random(seed + 1))
    stop = threading.Event()
    seats = threading.Thread(target=stream.run, args=(stop,), name="seats")
    killer = Killer(serving, rng)
    try:
        for s in serving.values():
            s.start()  # the first start makes the audit key the seats use
        stream.seats = {Platform(p): seat_orders(s) for p, s in systems.items()}
        seats.start()
        try:
            killer.run(kills_each)
        finally:
            stop.set()
            seats.join(timeout=60)
        if stream.error is not None:
            raise stream.error
        assert not seats.is_alive(), "the seats' stream did not stop within 60 s"
        drained = time.perf_counter()
        wait_until(lambda: not any(map(queued, systems.values())), drain_s,
                   lambda: f"both outboxes empty: {[queued(s) for s in systems.values()]} queued")  # fmt: skip
        drain_seconds = time.perf_counter() - drained
    finally:
        for s in serving.values():
            if s.running:
                s.stop()
    tally = check(systems, stream)
    return Outcome(
        {p: s.kills for p, s in serving.items()}, killer.idle_kills, killer.busy_wait_s,
        killer.restart_s, tally, stream,
        time.perf_counter() - started, drain_seconds,
    )  # fmt: skip
