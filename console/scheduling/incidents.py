"""When emergency linkage's background work runs: every second, and at once when woken.

Each run, on a worker thread (never the window's): raise the alarms of asks whose deadline has
passed (and ask again), hand queued notifications to the channels, take in the partners'
answers (``IncidentPump``). A second's cadence keeps an alarm within a second of its deadline
— deadlines are minutes long — and costs two indexed look-ups when nothing is due. A start or a
level change wakes it (:meth:`IncidentWork.wake`) so the partners are told at once.

Runs never overlap (one at a time; a wake during a run asks for one more run after it), and a
failed run (the database away) is logged and retried at the next tick.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from console.scheduling.alarms import JOB_DEFAULTS
from console.services.incident_pump import IncidentPump, Pumped
from console.store.incidents import Raised

log = logging.getLogger(__name__)

STUCK_S = 120.0
"""A run still going after this long is taken as lost and started again (a run takes
milliseconds; a channel's timeout is at most a minute)."""


@dataclass(frozen=True, slots=True)
class Worked:
    raised: list[Raised]
    pumped: Pumped
    answers: int

    @property
    def changed(self) -> bool:
        """Whether the board or the alarm panel shows something new."""
        p = self.pumped
        return bool(self.raised or self.answers or p.handed or p.failed)


class IncidentWork:
    """Build it on the loop's thread. ``on_worked`` is called on the loop after a run that
    changed something (the board and the panel re-read)."""

    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        pump: IncidentPump,
        executor: Executor,
        on_worked: Callable[[Worked], None],
        interval_s: float = 1.0,
    ) -> None:
        self._scheduler, self._pump, self._executor = scheduler, pump, executor
        self._on_worked, self._interval = on_worked, interval_s
        self._loop = asyncio.get_event_loop()
        self._running: asyncio.Task[None] | None = None
        self._again = False
        self._since = 0.0
        self.runs = 0

    def start(self) -> None:
        self._scheduler.add_job(
            self._tick,
            "interval",
            seconds=self._interval,
            id="incident-work",
            name="emergency linkage: notify, collect answers, raise alarms",
            **{**JOB_DEFAULTS, "max_instances": 4},
        )

    def wake(self) -> None:
        """Run now (after the run under way). Callable from any thread; after the loop has
        closed it does nothing."""
        try:
            self._loop.call_soon_threadsafe(self._ask)
        except RuntimeError:
            log.debug("incident wake after the loop closed: ignored")

    async def stop(self) -> None:
        task = self._running
        if task is not None and not task.done():
            task.cancel()
            await asyncio.wait([task], timeout=1)

    async def run_now(self) -> Worked | None:
        """One run on the worker thread; None if it failed (logged)."""
        try:
            worked = await self._loop.run_in_executor(self._executor, self._work)
        except Exception:
            log.exception("emergency linkage work failed; trying again at the next tick")
            return None
        self.runs += 1
        if worked.changed:
            self._on_worked(worked)
        return worked

    async def _tick(self) -> None:
        self._ask()

    def _ask(self) -> None:
        running = self._running
        if running is not None and not running.done():
            if time.monotonic() - self._since < STUCK_S:
                self._again = True
                return
            # A run this long never resumed (a task stepped inside another: a misuse of the
            # loop elsewhere). Start afresh rather than wait on it for ever.
            log.error("emergency linkage work stuck for %.0f s: started again", STUCK_S)
            running.cancel()
        self._since = time.monotonic()
        self._running = self._loop.create_task(self._runs())

    async def _runs(self) -> None:
        while True:
            self._again = False
            await self.run_now()
            if not self._again:
                return

    def _work(self) -> Worked:
        raised = self._pump.sweep()
        pumped = self._pump.pump()
        return Worked(raised, pumped, self._pump.collect())


__all__ = ["IncidentWork", "Worked"]
