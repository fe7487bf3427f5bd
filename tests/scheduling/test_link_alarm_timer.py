"""The unacknowledged-message alarm rides the console's alarm scheduler: the exact timer is
armed for the instant the oldest queued message reaches the limit, on the same (fake) clock as
the deadlines, and the alarm is handed on once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
import qasync
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from console.scheduling.alarms import AlarmScheduler
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmService
from console.services.exchange_alarms import ExchangeAlarms, LinkAlarm
from console.store.engine import Database
from tests.exchange.test_link_alarm import drain, stale
from tests.waiting import until

T0 = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
LIMIT = timedelta(seconds=120)


@pytest.fixture
def executor() -> Iterator[ThreadPoolExecutor]:
    pool = ThreadPoolExecutor(1)
    yield pool
    pool.shutdown(wait=True)


def test_the_timer_raises_the_link_alarm_at_the_limit_once(
    qloop: qasync.QEventLoop, sqlite_db: Database, executor: ThreadPoolExecutor
) -> None:
    clock = FakeClock(T0)
    stale(sqlite_db, T0, 3)
    raised: list[LinkAlarm] = []
    scheduler = AsyncIOScheduler(event_loop=qloop, timezone=UTC)
    exchange = ExchangeAlarms(sqlite_db, clock.now, "A-01", LIMIT)
    timer = AlarmScheduler(
        scheduler, AlarmService(sqlite_db, clock.now, "A-01"), clock, executor, lambda _: None,
        sweep_interval_s=3600, exchange=exchange, on_link_alarm=raised.append,
    )  # fmt: skip

    async def scenario() -> None:
        scheduler.start()
        timer.start()
        await until(lambda: timer.sweeps >= 1, what="the catch-up sweep")
        assert raised == []
        job = await until(lambda: scheduler.get_job("alarm-next"), what="the timer armed")
        assert job.next_run_time - datetime.now(UTC) <= LIMIT  # for T0 + limit, fake time
        clock.advance(LIMIT.total_seconds())
        timer.rearm()
        await until(lambda: raised, what="the link alarm")
        assert [(a.queued, a.age(clock.now())) for a in raised] == [(3, LIMIT)]
        sweeps = timer.sweeps
        await timer.sweep_now()
        assert len(raised) == 1 and timer.sweeps == sweeps + 1
        drain(sqlite_db, clock.now())
        timer.rearm()  # a commit seen: the open alarm's backlog is under the limit, sweep now
        await until(lambda: exchange.open_alarm() is None, what="the alarm resolved")
        await timer.stop()
        scheduler.shutdown(wait=False)
        await asyncio.sleep(0)

    qloop.run_until_complete(scenario())
    assert len(raised) == 1
