"""When to sweep for alarms: an exact timer for the next threshold, a safety sweep, a clock watch.

Runs on the qasync loop (the Qt thread) through APScheduler's ``AsyncIOScheduler``; the sweep's
database work runs in a worker thread (``run_in_executor``) so the window never waits for it,
and results come back on the loop. Three jobs:

- ``alarm-next``: a date job at the earliest pending alarm's instant, re-armed after every sweep
  and on :meth:`AlarmScheduler.rearm` (after a local write that planned alarms, and after
  another seat's commit is seen). This gives sub-second latency.
- ``alarm-sweep``: every ``sweep_interval_s`` — a safety net (a lost wake-up, a stuck timer).
- ``clock-watch``: every second compares wall and monotonic time; after a jump or a resume from
  sleep it sweeps at once, because a date timer armed before the jump is wrong now.

With ``exchange`` (the unacknowledged-message alarm), every sweep also checks the outbox, on
the same clock and the same worker trip, and the exact timer is armed for the sooner of the next
deadline threshold and the instant the oldest queued message reaches the site's limit.

The jobs never do the work themselves: each only asks for it and returns. One task at a time
sweeps or looks up the next instant, and asks made meanwhile are served once, right after it.
A job that ran the sweep itself would still be running when the sweep re-armed it for an
instant already come (a crowded minute: a threshold every few milliseconds), and APScheduler
skips a job whose previous run is still going (``max_instances``): the exact timer was lost
and the alarm waited for the safety sweep. A run that only asks still counts as running until
the loop's next turn or two, and a sweep ending just then can re-arm the timer for an instant
already come; so these two jobs allow a few overlapping runs (``ASK_ONLY``): a surplus run only
repeats an ask, where a skipped one logged "maximum number of running instances reached".

``misfire_grace_time=None`` on all three: APScheduler's default of 1 s silently drops a run that
starts late (after a suspend, a blocked loop); a late sweep is still right, a skipped one is not.
``coalesce=True``: after a stall, one catch-up run, not one per missed interval.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import Executor
from datetime import datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from console.scheduling.clock import Clock, JumpDetector, Shift
from console.services.alarms import AlarmService
from console.services.exchange_alarms import ExchangeAlarms, LinkAlarm
from console.store.alarms import RaisedAlarm

log = logging.getLogger(__name__)

JOB_DEFAULTS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}
ASK_ONLY = {**JOB_DEFAULTS, "max_instances": 4}  # the jobs that only ask for a sweep


class _Ask(enum.IntEnum):
    """What the worker task is asked to do next; a sweep also looks up the next instant."""

    NOTHING = 0
    LOOK = 1
    SWEEP = 2


class AlarmScheduler:
    """Build it on the loop's thread (it keeps that loop for :meth:`rearm` from other threads)."""

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
        exchange: ExchangeAlarms | None = None,
        on_link_alarm: Callable[[LinkAlarm], None] | None = None,
    ) -> None:
        self._scheduler = scheduler
        self._service = service
        self._exchange, self._on_link_alarm = exchange, on_link_alarm
        self._clock = clock
        self._executor = executor
        self._on_raised = on_raised
        self._on_health = on_health
        self._sweep_interval = sweep_interval_s
        self._watch_interval = watch_interval_s
        self._detector = JumpDetector(clock, interval_s=watch_interval_s)
        self._loop = asyncio.get_event_loop()
        self._lock = asyncio.Lock()
        self._asked = _Ask.NOTHING
        self._worker: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.sweeps = 0

    def start(self) -> None:
        self._scheduler.add_job(
            self._sweep_job,
            "interval",
            seconds=self._sweep_interval,
            id="alarm-sweep",
            name="alarm safety sweep",
            next_run_time=datetime.now(self._scheduler.timezone),  # at once: catch up on start
            **ASK_ONLY,
        )
        self._scheduler.add_job(
            self.check_clock,
            "interval",
            seconds=self._watch_interval,
            id="clock-watch",
            name="wall-clock jump watch",
            **JOB_DEFAULTS,
        )

    def request_sweep(self) -> None:
        """Sweep as soon as the work under way is done (on the loop's thread; never blocks)."""
        self._ask(_Ask.SWEEP)

    def rearm(self) -> None:
        """Look up the next threshold again and arm the exact timer for it: after a write
        planned alarms. Callable from any thread (a service's ``on_change`` runs on the UI
        worker); a call after the loop has closed does nothing."""
        try:
            self._loop.call_soon_threadsafe(self._ask, _Ask.LOOK)
        except RuntimeError:  # the loop has closed: the console is stopping
            log.debug("re-arm after the loop closed: ignored")

    async def stop(self) -> None:
        """Cancel the work under way; on the loop, before it closes (no task left pending)."""
        self._asked = _Ask.NOTHING
        pending = [task for task in self._tasks if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=1)

    async def sweep_now(self) -> list[RaisedAlarm]:
        """Raise what is due, hand it to ``on_raised``, re-arm the exact timer."""
        loop = asyncio.get_running_loop()
        async with self._lock:
            try:  # one trip to the worker: every hand-back is a signal from another thread
                swept = await loop.run_in_executor(self._executor, self._sweep_and_look)
                raised, link, upcoming = swept
            except Exception:  # the database is unreachable: say so, try again next sweep
                log.exception("alarm sweep failed")
                self._health(False)
                return []
            self.sweeps += 1
            self._arm(upcoming)  # under the lock: arms happen in the order of their look-ups
        self._health(True)
        if raised:
            self._on_raised(raised)
        if link is not None and self._on_link_alarm is not None:
            self._on_link_alarm(link)
        return raised

    def _sweep_and_look(
        self,
    ) -> tuple[list[RaisedAlarm], LinkAlarm | None, datetime | None]:
        """On the worker thread: raise what is due, then find the next instant."""
        raised = self._service.sweep()
        link = self._exchange.sweep() if self._exchange is not None else None
        return raised, link, self._next_instant()

    def _next_instant(self) -> datetime | None:
        """The sooner of the next deadline threshold and the exchange's next check."""
        instants = [self._service.next_pending()]
        if self._exchange is not None:
            instants.append(self._exchange.next_check())
        return min((i for i in instants if i is not None), default=None)

    async def check_clock(self) -> None:
        seen = self._detector.check()
        if seen.shift is not Shift.NONE:
            log.warning(
                "clock %s (drift %.1f s, gap %.1f s): sweeping now",
                seen.shift.value,
                seen.drift_s,
                seen.gap_s,
            )
            self.request_sweep()

    async def _sweep_job(self) -> None:
        """The ``alarm-sweep`` and ``alarm-next`` jobs: ask, return at once (see module doc)."""
        self.request_sweep()

    def _ask(self, what: _Ask) -> None:
        self._asked = max(self._asked, what)
        if self._worker is None or self._worker.done():
            self._worker = self._keep(self._work())

    async def _work(self) -> None:
        while self._asked is not _Ask.NOTHING:
            asked, self._asked = self._asked, _Ask.NOTHING
            if asked is _Ask.SWEEP:
                await self.sweep_now()
            else:
                await self._look()

    async def _look(self) -> None:
        loop = asyncio.get_running_loop()
        async with self._lock:
            try:
                upcoming = await loop.run_in_executor(self._executor, self._next_instant)
            except Exception:  # the next sweep says whether the database is back
                log.exception("looking up the next alarm failed")
                return
            self._arm(upcoming)

    def _keep(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = self._loop.create_task(work)
        self._tasks.add(task)  # keep a reference until it is done (asyncio holds only weak ones)
        task.add_done_callback(self._tasks.discard)
        return task

    def _health(self, ok: bool) -> None:
        if self._on_health is not None:
            self._on_health(ok)

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
            self._sweep_job,
            "date",
            run_date=run_at,
            id="alarm-next",
            name="next alarm threshold",
            replace_existing=True,
            **ASK_ONLY,
        )
