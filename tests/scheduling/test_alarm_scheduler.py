"""The scheduler on the qasync loop: sub-second alarms, sweeps after clock jumps and sleep."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import qasync
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from console.domain.alarm_levels import AlarmSettings
from console.domain.calendar import load_calendar
from console.domain.deadlines import DeadlineSpec
from console.domain.intake import Draft
from console.domain.orders import Actor, Deadlines, Platform
from console.scheduling.alarms import AlarmScheduler
from console.scheduling.clock import Clock, FakeClock, SystemClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.store import alarms as alarm_rows
from console.store.alarms import RaisedAlarm
from console.store.engine import Database

CHINA = ZoneInfo("Asia/Shanghai")
HOTLINE = Actor("王丽", "A-01", Platform.HOTLINE)
DRAFT = Draft(
    caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
    description="噪音扰民", consent=True,
)  # fmt: skip


class Harness:
    def __init__(self, loop: qasync.QEventLoop, db: Database, clock: Clock) -> None:
        self.raised: list[tuple[float, RaisedAlarm]] = []
        self.scheduler = AsyncIOScheduler(event_loop=loop, timezone=UTC)
        self.executor = ThreadPoolExecutor(1)
        self.alarms = AlarmScheduler(
            self.scheduler,
            AlarmService(db, clock.now, "A-01"),
            clock,
            self.executor,
            lambda batch: self.raised.extend((time.perf_counter(), a) for a in batch),
            sweep_interval_s=3600,  # prove the exact timer and the clock watch do the work
        )

    async def until(self, count: int, timeout: float) -> None:
        deadline = time.perf_counter() + timeout
        while len(self.raised) < count and time.perf_counter() < deadline:
            await asyncio.sleep(0.02)

    async def stop(self) -> None:
        self.scheduler.shutdown(wait=False)
        await asyncio.sleep(0)
        self.executor.shutdown(wait=True)


def test_alarms_fire_within_a_second_of_their_threshold(
    qloop: qasync.QEventLoop, sqlite_db: Database
) -> None:
    clock = SystemClock()
    made = OrderService(sqlite_db, clock.now).create(DRAFT, HOTLINE)
    start = clock.now()
    due = start + timedelta(seconds=1.2)
    with sqlite_db.write() as s:
        alarm_rows.plan(
            s, made.id, made.order.number, Deadlines(feedback=due),
            {"feedback": DeadlineSpec(hours=1.2 / 3600)}, start, AlarmSettings(), load_calendar(),
        )  # fmt: skip
    h = Harness(qloop, sqlite_db, clock)

    async def scenario() -> None:
        h.scheduler.start()
        h.alarms.start()
        await h.until(3, timeout=6)
        await h.stop()

    qloop.run_until_complete(scenario())
    assert [a.level.value for _, a in h.raised] == ["warning", "due", "overdue"]
    for seen, alarm in h.raised:
        late = time.time() - (time.perf_counter() - seen) - alarm.fires_at.timestamp()
        assert 0 <= late < 1.0, (alarm.level, late)


def test_back_from_sleep_across_five_deadlines_each_alarm_once(
    qloop: qasync.QEventLoop, sqlite_db: Database
) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=CHINA))
    policy = load_site_policy(sqlite_db)
    orders = OrderService(sqlite_db, clock.now, policy, load_calendar())
    for _ in range(5):
        orders.create(DRAFT, HOTLINE)
    h = Harness(qloop, sqlite_db, clock)

    async def scenario() -> None:
        h.scheduler.start()
        h.alarms.start()
        await asyncio.sleep(0.3)
        assert h.raised == []
        # 30 minutes of sleep that carry 5 feedback deadlines past every level.
        clock.set(datetime(2026, 11, 26, 23, 45, tzinfo=CHINA))
        clock.suspend(30 * 60)
        started = time.perf_counter()
        await h.until(15, timeout=5)
        assert time.perf_counter() - started < 5
        await asyncio.sleep(1.5)  # more watch ticks and timers: nothing more may fire
        await h.stop()

    qloop.run_until_complete(scenario())
    fired = [a for _, a in h.raised]
    assert len(fired) == len({a.id for a in fired}) == 15
    assert {a.deadline for a in fired} == {"feedback"}


def test_clock_set_back_then_forward_raises_nothing_twice(
    qloop: qasync.QEventLoop, sqlite_db: Database
) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=CHINA))
    orders = OrderService(sqlite_db, clock.now, load_site_policy(sqlite_db), load_calendar())
    orders.create(DRAFT, HOTLINE)
    h = Harness(qloop, sqlite_db, clock)

    async def scenario() -> None:
        h.scheduler.start()
        h.alarms.start()
        clock.jump(86_400 * 40)  # forward a long way: everything fires once
        await h.until(6, timeout=4)
        clock.jump(-2 * 3600)  # set back 2 h
        await asyncio.sleep(1.5)
        clock.jump(86_400)  # and forward a day
        await asyncio.sleep(1.5)
        await h.stop()

    qloop.run_until_complete(scenario())
    fired = [a.id for _, a in h.raised]
    assert len(fired) == len(set(fired)) == 6


def test_two_schedulers_on_one_database_raise_each_alarm_once(
    qloop: qasync.QEventLoop, db: Database
) -> None:
    """Two consoles (each its own engine, service and scheduler) watch one database."""
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=CHINA))
    orders = OrderService(db, clock.now, load_site_policy(db), load_calendar())
    for _ in range(10):
        orders.create(DRAFT, HOTLINE)
    second_db = Database(db.engine.execution_options())
    seats = [Harness(qloop, db, clock), Harness(qloop, second_db, clock)]

    async def scenario() -> None:
        for h in seats:
            h.scheduler.start()
            h.alarms.start()
        clock.jump(40 * 86_400)
        deadline = time.perf_counter() + 6
        while sum(len(h.raised) for h in seats) < 60 and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.5)  # let both keep sweeping: nothing more may come
        for h in seats:
            await h.stop()

    qloop.run_until_complete(scenario())
    ids = [a.id for h in seats for _, a in h.raised]
    assert len(ids) == len(set(ids)) == 60  # 10 orders × 2 deadlines × 3 levels


def test_a_failed_sweep_reports_the_connection_lost_and_recovers(
    qloop: qasync.QEventLoop, sqlite_db: Database, tmp_path: object
) -> None:
    from pathlib import Path

    health: list[bool] = []
    broken = Database.open(f"sqlite:///{Path(str(tmp_path)) / 'empty.sqlite3'}")  # no schema
    scheduler = AsyncIOScheduler(event_loop=qloop, timezone=UTC)
    executor = ThreadPoolExecutor(1)
    clock = SystemClock()
    for db in (broken, sqlite_db):
        alarms = AlarmScheduler(
            scheduler, AlarmService(db, clock.now, "A-01"), clock, executor, lambda _b: None,
            on_health=health.append,
        )  # fmt: skip
        assert qloop.run_until_complete(alarms.sweep_now()) == []
    executor.shutdown()
    broken.dispose()
    assert health == [False, True]
