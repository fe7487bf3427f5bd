"""The hot-spot scan on the qasync loop: at start, on the China clock's boundaries, on demand,
in the worker thread; a failed scan is reported and the job stays armed."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import qasync
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from console.domain.calendar import load_calendar
from console.domain.hotspots import CHINA, Method
from console.scheduling.clock import FakeClock
from console.scheduling.hotspots import JOB_ID, SETTLE_S, HotspotScheduler
from console.services.alarms import load_site_policy
from console.services.hotspots import HotspotService, Scan
from console.services.order_writer import OrderWriter
from console.store.engine import Database
from tests.hotspot_data import china, order_rows, plant
from tests.waiting import until

END = china(2026, 11, 20, 18)  # a 6-hour boundary


def test_scans_at_start_off_the_loop_thread_and_arms_the_china_clock(
    qloop: qasync.QEventLoop, sqlite_db: Database
) -> None:
    plant(sqlite_db, order_rows(END - timedelta(hours=1), "210102", "C-QZ", "F-GF", 3, "同一楼"))
    clock = FakeClock(END + timedelta(seconds=10))
    service = HotspotService(
        sqlite_db, clock.now, OrderWriter(load_site_policy(sqlite_db), load_calendar()),
        Method(every_hours=6),
    )  # fmt: skip
    threads: list[str] = []
    scan_in = service.scan

    def scan(at: datetime | None = None) -> Scan:
        threads.append(threading.current_thread().name)
        return scan_in(at)

    service.scan = scan  # type: ignore[method-assign]
    scanned: list[Scan] = []
    failures: list[BaseException] = []
    scheduler = AsyncIOScheduler(event_loop=qloop, timezone=UTC)
    executor = ThreadPoolExecutor(1, thread_name_prefix="hotspot-worker")
    jobs = HotspotScheduler(scheduler, service, executor, scanned.append, failures.append)

    async def scenario() -> None:
        scheduler.start()
        jobs.start()
        await until(lambda: scanned, what="the scan at start")
        assert scanned[0].window.end == END and len(scanned[0].new) == 1
        assert threads == ["hotspot-worker_0"]
        upcoming = jobs.next_run()
        assert upcoming is not None
        local = upcoming.astimezone(CHINA)
        assert local.hour % 6 == 0 and (local.minute, local.second) == (0, SETTLE_S)
        again = await jobs.scan_now()  # on demand: the same window, nothing new
        assert again is not None and again.new == frozenset() and jobs.scans == 2

        def broken(at: datetime | None = None) -> Scan:
            raise OSError("database away")

        service.scan = broken  # type: ignore[method-assign]
        assert await jobs.scan_now() is None
        assert isinstance(failures[0], OSError) and scheduler.get_job(JOB_ID) is not None
        scheduler.shutdown(wait=False)
        await asyncio.sleep(0)

    try:
        qloop.run_until_complete(scenario())
    finally:
        executor.shutdown(wait=True)
