"""When to sweep for alarms: an exact timer for the next threshold, a safety sweep, a clock watch.

Runs on the qasync loop (the Qt thread) through APScheduler's ``AsyncIOScheduler``; the sweep's
database work runs in a worker thread (``run_in_executor``) so the window never waits for it,
and results come back on the loop. Three jobs:

- ``alarm-next``: a date job at the earliest pending alarm's instant, re-armed after every sweep
  and after local writes (:meth:`rearm`). This gives sub-second latency.
- ``alarm-sweep``: every ``sweep_interval_s`` — catches alarms another console planned.
- ``clock-watch``: every second compares wall and monotonic time; after a jump or a resume from
  sleep it sweeps at once, because a date timer armed before the jump is wrong now.

``misfire_grace_time=None`` on all three: APScheduler's default of 1 s silently drops a run that
starts late (after a suspend, a blocked loop); a late sweep is still right, a skipped one is not.
``coalesce=True``: after a stall, one catch-up run, not one per missed interval.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Executor
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from console.scheduling.clock import Clock, JumpDetector, Shift
from console.services.alarms import AlarmService
from console.store.alarms import RaisedAlarm

log = logging.getLogger(__name__)

JOB_DEFAULTS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


class AlarmScheduler:
    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        service: AlarmService,
        clock: Clock,
        executor: Executor,
        on_raised: Callable[[list[RaisedAlarm]], None],
        sweep_interval_s: float = 15.0,
        watch_interval_s: float = 1.0,
        on_health: Callable[[bool], None] | None = None,
    ) -> None:
        self._scheduler = scheduler
        self._service = service
        self._clock = clock
        self._executor = executor
        self._on_raised = on_raised
        self._on_health = on_health
        self._sweep_interval = sweep_interval_s
        self._watch_interval = watch_interval_s
        self._detector = JumpDetector(clock, interval_s=watch_interval_s)
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()
        self.sweeps = 0

    def start(self) -> None:
        self._scheduler.add_job(
            self.sweep_now,
            "interval",
            seconds=self._sweep_interval,
            id="alarm-sweep",
            name="alarm safety sweep",
            next_run_time=datetime.now(self._scheduler.timezone),  # at once: catch up on start
            **JOB_DEFAULTS,
        )
        self._scheduler.add_job(
            self.check_clock,
            "interval",
            seconds=self._watch_interval,
            id="clock-watch",
            name="wall-clock jump watch",
            **JOB_DEFAULTS,
        )

    async def sweep_now(self) -> list[RaisedAlarm]:
        """Raise what is due, hand it to ``on_raised``, re-arm the exact timer."""
        loop = asyncio.get_running_loop()
        async with self._lock:
            try:
                raised = await loop.run_in_executor(self._executor, self._service.sweep)
                upcoming = await loop.run_in_executor(self._executor, self._service.next_pending)
            except Exception:  # the database is unreachable: say so, try again next sweep
                log.exception("alarm sweep failed")
                self._health(False)
                return []
            self.sweeps += 1
        self._health(True)
        if raised:
            self._on_raised(raised)
        self._arm(upcoming)
        return raised

    def _health(self, ok: bool) -> None:
        if self._on_health is not None:
            self._on_health(ok)

    async def check_clock(self) -> None:
        seen = self._detector.check()
        if seen.shift is not Shift.NONE:
            log.warning(
                "clock %s (drift %.1f s, gap %.1f s): sweeping now",
                seen.shift.value,
                seen.drift_s,
                seen.gap_s,
            )
            await self.sweep_now()

    def rearm(self) -> None:
        """After a local write planned new alarms: look up the next instant again (off-thread)."""
        loop = asyncio.get_event_loop()

        async def again() -> None:
            upcoming = await loop.run_in_executor(self._executor, self._service.next_pending)
            self._arm(upcoming)

        task = loop.create_task(again())
        self._tasks.add(task)  # keep a reference until it is done (asyncio holds only weak ones)
        task.add_done_callback(self._tasks.discard)

    def _arm(self, upcoming: datetime | None) -> None:
        if upcoming is None:
            job = self._scheduler.get_job("alarm-next")
            if job is not None:
                job.remove()
            return
        # The timer runs on real time; translate the alarm's instant (which our clock, possibly
        # a test clock, measures) into a delay from now.
        delay = max(0.0, (upcoming - self._clock.now()).total_seconds())
        run_at = datetime.now(self._scheduler.timezone) + timedelta(seconds=delay)
        self._scheduler.add_job(
            self.sweep_now,
            "date",
            run_date=run_at,
            id="alarm-next",
            name="next alarm threshold",
            replace_existing=True,
            **JOB_DEFAULTS,
        )
