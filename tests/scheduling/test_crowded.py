"""A crowded few seconds, two consoles on one database: every alarm raised once, none late.

The CI-sized twin of ``bench/alarms_crowded.py`` (issue 11: with 1,000 orders due within two
minutes, alarms came 7–15 s late: the exact timer was skipped while a sweep ran, and only the
safety sweep raised them). Two consoles as the composition root builds them
(``console.app_compose.alarm_services``: order service, alarm service, one alarm scheduler with the real
15 s safety sweep), each on its own engine, with a change watcher that re-arms on another
connection's commit as the window's 200 ms poll does. Then a third connection plans 150
deadlines 2–8 s ahead (450 thresholds), and each console saves 15 urgent orders while they come
(warning, due and overdue 3–5 s after the save: 90 more). The clock is pinned to a working
Monday and runs at real speed. A late alarm here is one that waited for the safety sweep: 1 s is
far above what a sweep costs, even on a busy machine.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import qasync
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from console.app_compose import alarm_services
from console.domain.alarm_levels import AlarmSettings
from console.domain.calendar import BusinessCalendar, load_calendar
from console.domain.deadlines import DeadlineSpec, Policy
from console.domain.order_types import Deadlines, Priority
from console.services.alarms import load_site_policy
from console.store import alarms as alarm_rows
from console.store.alarms import RaisedAlarm
from console.store.changes import ChangeWatch, watch_for
from console.store.engine import Database
from tests.scheduling.test_rearm import CHINA, DRAFT, HOTLINE, POLICY, RunningClock
from tests.waiting import until

CROWD = 150  # deadlines planned by a third connection, due 2–8 s ahead
URGENT = 15  # orders each console saves while the crowd comes (feedback due in 4 s)
LATE_MOST = timedelta(seconds=1)


class Seat:
    """One console's alarm half on its own engine, with its change watcher."""

    def __init__(
        self,
        loop: qasync.QEventLoop,
        url: str,
        clock: RunningClock,
        rules: tuple[Policy, BusinessCalendar],
        seat: str,
    ) -> None:
        self.db, self.clock = Database.open(url), clock
        self.raised: list[tuple[datetime, RaisedAlarm]] = []
        self.scheduler = AsyncIOScheduler(event_loop=loop, timezone=UTC)
        self.sweeper, self.ui_worker = ThreadPoolExecutor(1), ThreadPoolExecutor(1)
        self.orders, _, self.timer = alarm_services(
            self.db, self.scheduler, clock, rules, seat, self.sweeper, self._on_raised,
            lambda _ok: None,
        )  # fmt: skip
        self.changes: ChangeWatch | None = watch_for(self.db.engine)

    def _on_raised(self, batch: list[RaisedAlarm]) -> None:
        seen = self.clock.now()
        self.raised.extend((seen, alarm) for alarm in batch)

    async def watch(self) -> None:
        """The window's change poll (``app_window.watch_changes``): a commit elsewhere → re-arm."""
        assert self.changes is not None
        while True:
            if self.changes.changed():
                self.timer.rearm()
            await asyncio.sleep(0.2)

    async def save_urgent(self, rng: random.Random) -> None:
        """Save orders on the UI worker, as the intake form does (``on_change`` re-arms)."""
        loop = asyncio.get_running_loop()
        urgent = replace(DRAFT, priority=Priority.URGENT)
        for _ in range(URGENT):
            await asyncio.sleep(rng.uniform(0.02, 0.15))
            await loop.run_in_executor(self.ui_worker, self.orders.create, urgent, HOTLINE)

    async def stop(self) -> None:
        await self.timer.stop()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        await asyncio.sleep(0)

    def close(self) -> None:
        self.sweeper.shutdown(wait=True)
        self.ui_worker.shutdown(wait=True)
        if self.changes is not None:
            self.changes.close()
        self.db.dispose()


def plan_crowd(db: Database, clock: RunningClock, order_id: int, rng: random.Random) -> int:
    """CROWD feedback deadlines 2–8 s from now in one transaction; the thresholds written."""
    start, calendar = clock.now(), load_calendar()
    written = 0
    with db.write() as session:
        for n in range(CROWD):
            due = start + timedelta(seconds=rng.uniform(2, 8))
            spec = {"feedback": DeadlineSpec(hours=(due - start).total_seconds() / 3600)}
            written += alarm_rows.plan(
                session, order_id, f"crowd-{n}", Deadlines(feedback=due), spec, start,
                AlarmSettings(), calendar,
            )  # fmt: skip
    return written


@pytest.fixture
def seats(qloop: qasync.QEventLoop, db: Database, tmp_path: Path) -> Iterator[tuple[Seat, Seat]]:
    path = tmp_path / "deadlines.toml"
    path.write_text(POLICY, encoding="utf-8")
    rules = (load_site_policy(db, path), load_calendar())
    clock = RunningClock(datetime(2026, 11, 23, 10, tzinfo=CHINA))  # a Monday
    url = db.engine.url.render_as_string(hide_password=False)
    made = (Seat(qloop, url, clock, rules, "A-01"), Seat(qloop, url, clock, rules, "J-01"))
    yield made
    for seat in made:
        if seat.scheduler.running:  # the test failed half-way: stop what it started
            qloop.run_until_complete(seat.stop())
        seat.close()


def test_two_consoles_raise_a_crowd_each_alarm_once_within_a_second(
    qloop: qasync.QEventLoop,
    db: Database,
    seats: tuple[Seat, Seat],
    caplog: pytest.LogCaptureFixture,
) -> None:
    first, _ = seats
    order_id = first.orders.create(DRAFT, HOTLINE).id  # its own alarms are an hour off and more
    rng = random.Random(11)

    def raised() -> list[tuple[datetime, RaisedAlarm]]:
        return [got for seat in seats for got in seat.raised]

    async def scenario() -> int:
        loop = asyncio.get_running_loop()
        for seat in seats:
            seat.scheduler.start()
            seat.timer.start()
        await until(lambda: all(s.timer.sweeps >= 1 for s in seats), what="start-up sweeps")
        watchers = [loop.create_task(seat.watch()) for seat in seats]
        expected = plan_crowd(db, first.clock, order_id, rng) + len(seats) * URGENT * 3
        await asyncio.gather(*(s.save_urgent(random.Random(n)) for n, s in enumerate(seats)))
        # Past the safety sweep (15 s): a lost timer shows as lateness, not as a timeout.
        await until(lambda: len(raised()) >= expected, 30, lambda: f"{len(raised())}/{expected}")
        for task in watchers:
            task.cancel()
        await asyncio.wait(watchers)
        for seat in seats:
            await seat.stop()
        return expected

    with caplog.at_level(logging.WARNING, logger="apscheduler"):
        expected = qloop.run_until_complete(scenario())
    got = raised()
    ids = [alarm.id for _, alarm in got]
    assert len(ids) == len(set(ids)) == expected == CROWD * 3 + len(seats) * URGENT * 3
    late = sorted(((seen - a.fires_at, a.id) for seen, a in got), reverse=True)
    assert late[-1][0] >= timedelta(0), "raised before its instant"
    assert late[0][0] < LATE_MOST, f"{sum(1 for d, _ in late if d >= LATE_MOST)} late: {late[:5]}"
    skipped = [r.getMessage() for r in caplog.records if "running instances" in r.getMessage()]
    assert skipped == []
