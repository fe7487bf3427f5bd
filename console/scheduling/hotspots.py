"""When to scan for hot spots: on the China clock's window boundaries, and on demand.

One APScheduler cron job (``hotspot-scan``) at every ``every_hours`` boundary of the China day
(00, 04, 08 … for 4 hours; ``[hotspots] every_hours``), a few seconds after it so the
window's last orders are committed, and once at start (the last complete window: a console
started at 09:00 scans 04:00–08:00, which the stored rows make harmless if another console
already did). The scan runs in the executor's worker thread, never on the loop (the Qt thread);
``on_scanned`` gets its :class:`~console.services.hotspots.Scan` back on the loop.

A scan is idempotent (hot spots are stored once per window), so a second console on the same
database, a restart, or the shift lead's "scan now" while the timer fires do no harm: the ones
already stored come back with ``new`` empty. ``misfire_grace_time=None`` and ``coalesce=True``
as for the alarm jobs: after a suspend, one late scan rather than none or one per missed window.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Executor
from datetime import datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from console.domain.hotspots import CHINA
from console.services.hotspots import HotspotService, Scan

log = logging.getLogger(__name__)

JOB_ID = "hotspot-scan"
SETTLE_S = 5  # seconds after the boundary: orders saved at 15:59:59 are committed by then
JOB_DEFAULTS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


class HotspotScheduler:
    """Build it on the loop's thread. ``on_scanned(scan)`` is called on the loop after every
    scan (``scan.new``: the hot spots this scan found first, the ones to tell the lead about);
    ``on_failure(exc)`` when a scan raised (the database away): the next boundary tries again."""

    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        service: HotspotService,
        executor: Executor,
        on_scanned: Callable[[Scan], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._scheduler = scheduler
        self._service = service
        self._executor = executor
        self._on_scanned = on_scanned
        self._on_failure = on_failure
        self._lock = asyncio.Lock()
        self.scans = 0

    def start(self) -> None:
        every = self._service.method.every_hours
        self._scheduler.add_job(
            self._job,
            CronTrigger(hour=f"*/{every}", minute=0, second=SETTLE_S, timezone=CHINA),
            id=JOB_ID,
            name="hot-spot scan",
            next_run_time=datetime.now(CHINA),  # at once: the last complete window
            **JOB_DEFAULTS,
        )

    def next_run(self) -> datetime | None:
        job = self._scheduler.get_job(JOB_ID)
        return None if job is None else job.next_run_time

    async def scan_now(self) -> Scan | None:
        """Scan the last complete window now (the lead's button); None if it failed."""
        return await self._scan()

    async def _job(self) -> None:
        await self._scan()

    async def _scan(self) -> Scan | None:
        async with self._lock:  # one scan at a time; a second ask waits and finds it stored
            loop = asyncio.get_running_loop()
            try:
                scan = await loop.run_in_executor(self._executor, self._service.scan)
            except Exception as exc:  # the next boundary tries again
                log.warning("hot-spot scan failed: %s", exc)
                if self._on_failure is not None:
                    self._on_failure(exc)
                return None
            self.scans += 1
        self._on_scanned(scan)
        return scan
