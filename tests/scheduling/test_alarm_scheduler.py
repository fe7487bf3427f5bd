"""The scheduler on the qasync loop: sub-second alarms, sweeps after clock jumps and sleep.

Every test drives a :class:`FakeClock`: the alarms' instants are fake time, which stands still
unless a test moves it, while APScheduler's timers run on real time. So a timer's delay can be
checked exactly, and a busy machine can make a test slower but never wrong. Nothing sleeps: the
tests wait for what the scheduler does (sweeps counted, clock-watch ticks seen, jobs armed).
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import qasync
from apscheduler.events import EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from console.domain.alarm_levels import AlarmLevel, AlarmSettings, thresholds
from console.domain.calendar import load_calendar
from console.domain.deadlines import DeadlineSpec
from console.domain.intake import Draft
from console.domain.orders import Deadlines, Platform
from console.scheduling.alarms import AlarmScheduler
from console.scheduling.clock import Clock, FakeClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.store import alarms as alarm_rows
from console.store.alarms import RaisedAlarm
from console.store.engine import Database
from tests.principals import at_seat
from tests.waiting import until

CHINA = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 11, 23, 10, tzinfo=CHINA)
HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
DRAFT = Draft(
    caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
    description="噪音扰民", consent=True,
)  # fmt: skip


class Harness:
    """One console's alarm scheduler, with what it did in view: ``raised`` (every alarm handed
    on), ``runs`` (jobs run, by id) and ``timer_runs`` (the exact timer's runs, with what each
    raised)."""

    def __init__(self, loop: qasync.QEventLoop, db: Database, clock: Clock, watch_s: float) -> None:
        self.raised: list[RaisedAlarm] = []
        self.runs: Counter[str] = Counter()
        self.timer_runs: list[JobExecutionEvent] = []
        self.scheduler = AsyncIOScheduler(event_loop=loop, timezone=UTC)
        self.scheduler.add_listener(self._ran, EVENT_JOB_EXECUTED)
        self.executor = ThreadPoolExecutor(1)
        self.alarms = AlarmScheduler(
            self.scheduler,
            AlarmService(db, clock.now, "A-01"),
            clock,
            self.executor,
            self.raised.extend,
            sweep_interval_s=3600,  # prove the exact timer and the clock watch do the work
            watch_interval_s=watch_s,
        )

    def _ran(self, event: JobExecutionEvent) -> None:
        self.runs[event.job_id] += 1
        if event.job_id == "alarm-next":
            self.timer_runs.append(event)

    def start(self) -> None:
        self.scheduler.start()
        self.alarms.start()

    async def swept(self, more: int = 1, since: int | None = None) -> None:
        """Wait for ``more`` sweeps after the ``since``-th (default: from now)."""
        done = self.alarms.sweeps if since is None else since
        await until(lambda: self.alarms.sweeps >= done + more, what=f"{more} more sweep(s)")

    async def quiet(self) -> None:
        """Nothing more fires: two more clock-watch ticks, then a sweep of our own, add nothing."""
        before, ticks = len(self.raised), self.runs["clock-watch"]
        await until(lambda: self.runs["clock-watch"] >= ticks + 2, what="two clock-watch ticks")
        assert await self.alarms.sweep_now() == []
        assert len(self.raised) == before

    async def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
            await asyncio.sleep(0)
        self.executor.shutdown(wait=True)


@pytest.fixture
def harness(qloop: qasync.QEventLoop) -> Iterator[Callable[..., Harness]]:
    """Make harnesses; each one's scheduler and thread are stopped even if the test fails."""
    made: list[Harness] = []

    def make(db: Database, clock: Clock, watch_s: float = 0.1) -> Harness:
        made.append(Harness(qloop, db, clock, watch_s))
        return made[-1]

    yield make
    for h in made:
        qloop.run_until_complete(h.stop())


def test_the_exact_timer_raises_each_level_at_its_threshold(
    qloop: qasync.QEventLoop, sqlite_db: Database, harness: Callable[..., Harness]
) -> None:
    """Sub-second alarms: after each sweep a timer is armed at the very instant of the next
    level, and that timer, not the hourly safety sweep, raises it."""
    clock = FakeClock(T0)
    made = OrderService(sqlite_db, clock.now).create(DRAFT, HOTLINE)
    start = clock.now()
    # A feedback deadline 0.4 s after start: warning at +0.3 s, due +0.4 s, overdue +1.4 s.
    spec = {"feedback": DeadlineSpec(hours=0.4 / 3600)}
    due = start + timedelta(seconds=0.4)
    with sqlite_db.write() as s:
        alarm_rows.plan(
            s,
            made.id,
            made.order.number,
            Deadlines(feedback=due),
            spec,
            start,
            AlarmSettings(),
            load_calendar(),
        )
    levels = thresholds(start, due, spec["feedback"], AlarmSettings(), load_calendar())
    assert [level for level, _ in levels] == list(AlarmLevel)
    # The clock watch at its usual second: stepping the fake clock by up to 1 s is no stall.
    h = harness(sqlite_db, clock, watch_s=1.0)

    async def scenario() -> None:
        before = datetime.now(UTC)
        h.start()
        await h.swept(since=0)  # the catch-up sweep on start: nothing is due yet
        assert h.raised == []
        for n, (level, at) in enumerate(levels, 1):
            job = await until(
                lambda: h.scheduler.get_job("alarm-next"), what=f"the timer armed for {level}"
            )
            after = datetime.now(UTC)
            delay = at - clock.now()  # the fake clock stands still: the delay is exact
            assert before + delay <= job.next_run_time <= after + delay, (level, job)
            before = datetime.now(UTC)
            timer_ran, swept = len(h.timer_runs), h.runs["alarm-sweep"]
            clock.advance((at - clock.now()).total_seconds())
            await until(lambda: len(h.raised) >= n, what=f"the {level} alarm")  # noqa: B023
            assert [(a.level, a.fires_at) for a in h.raised[n - 1 :]] == [(level, at)]
            # Raised because the exact timer ran, not by the hourly safety sweep.
            assert len(h.timer_runs) > timer_ran and h.runs["alarm-sweep"] == swept, level

    qloop.run_until_complete(scenario())
    assert h.scheduler.get_job("alarm-next") is None  # nothing left to arm


def test_back_from_sleep_across_five_deadlines_each_alarm_once(
    qloop: qasync.QEventLoop, sqlite_db: Database, harness: Callable[..., Harness]
) -> None:
    clock = FakeClock(T0)
    policy = load_site_policy(sqlite_db)
    orders = OrderService(sqlite_db, clock.now, policy, load_calendar())
    for _ in range(5):
        orders.create(DRAFT, HOTLINE)
    h = harness(sqlite_db, clock)

    async def scenario() -> None:
        h.start()
        await h.swept(since=0)
        assert h.raised == []
        # 30 minutes of sleep that carry 5 feedback deadlines past every level.
        clock.set(datetime(2026, 11, 26, 23, 45, tzinfo=CHINA))
        clock.suspend(30 * 60)
        await until(lambda: len(h.raised) >= 15, timeout=5, what="15 alarms after the resume")
        await h.quiet()  # more watch ticks and sweeps: nothing more may fire

    qloop.run_until_complete(scenario())
    assert len(h.raised) == len({a.id for a in h.raised}) == 15
    assert {a.deadline for a in h.raised} == {"feedback"}


def test_clock_set_back_then_forward_raises_nothing_twice(
    qloop: qasync.QEventLoop, sqlite_db: Database, harness: Callable[..., Harness]
) -> None:
    clock = FakeClock(T0)
    orders = OrderService(sqlite_db, clock.now, load_site_policy(sqlite_db), load_calendar())
    orders.create(DRAFT, HOTLINE)
    h = harness(sqlite_db, clock)

    async def scenario() -> None:
        h.start()
        await h.swept(since=0)
        clock.jump(86_400 * 40)  # forward a long way: everything fires once
        await until(lambda: len(h.raised) >= 6, timeout=4, what="the order's 6 alarms")
        for seconds in (-2 * 3600, 86_400):  # set back 2 h, then forward a day
            done = h.alarms.sweeps
            clock.jump(seconds)
            await h.swept(since=done)  # the clock watch saw the jump and swept
        await h.quiet()

    qloop.run_until_complete(scenario())
    assert len(h.raised) == len({a.id for a in h.raised}) == 6


def test_two_schedulers_on_one_database_raise_each_alarm_once(
    qloop: qasync.QEventLoop, db: Database, harness: Callable[..., Harness]
) -> None:
    """Two consoles (each its own engine, service and scheduler) watch one database."""
    clock = FakeClock(T0)
    orders = OrderService(db, clock.now, load_site_policy(db), load_calendar())
    for _ in range(10):
        orders.create(DRAFT, HOTLINE)
    second_db = Database(db.engine.execution_options())
    seats = [harness(db, clock), harness(second_db, clock)]

    async def scenario() -> None:
        for h in seats:
            h.start()
        clock.jump(40 * 86_400)
        await until(
            lambda: sum(len(h.raised) for h in seats) >= 60, timeout=6, what="60 alarms raised"
        )
        for h in seats:  # both keep sweeping: nothing more may come
            await h.quiet()

    qloop.run_until_complete(scenario())
    ids = [a.id for h in seats for a in h.raised]
    assert len(ids) == len(set(ids)) == 60  # 10 orders × 2 deadlines × 3 levels


@pytest.fixture
def executor() -> Iterator[ThreadPoolExecutor]:
    pool = ThreadPoolExecutor(1)
    yield pool
    pool.shutdown(wait=True)


@pytest.fixture
def broken_db(tmp_path: Path) -> Iterator[Database]:
    broken = Database.open(f"sqlite:///{tmp_path / 'empty.sqlite3'}")  # no schema
    yield broken
    broken.dispose()


def test_a_failed_sweep_reports_the_connection_lost_and_recovers(
    qloop: qasync.QEventLoop,
    sqlite_db: Database,
    broken_db: Database,
    executor: ThreadPoolExecutor,
) -> None:
    health: list[bool] = []
    scheduler = AsyncIOScheduler(event_loop=qloop, timezone=UTC)
    clock = FakeClock(T0)
    for db in (broken_db, sqlite_db):
        alarms = AlarmScheduler(
            scheduler, AlarmService(db, clock.now, "A-01"), clock, executor, lambda _b: None,
            on_health=health.append,
        )  # fmt: skip
        assert qloop.run_until_complete(alarms.sweep_now()) == []
    assert health == [False, True]
