"""The incident work job on the loop: a start is handed to the partners as soon as it wakes the
job, and a deadline passed is raised once by the next tick, on a worker thread."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC

import qasync
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from console.domain.orders import Platform
from console.scheduling.incidents import IncidentWork, Worked
from console.services.incident_pump import IncidentPump
from console.services.incidents import IncidentService
from console.store.engine import Database
from tests.emergency.scene import Clock, Desk, plan_book, seed_partners
from tests.emergency.test_incidents import DRAFT
from tests.principals import lead
from tests.waiting import until


def test_a_start_is_handed_over_at_once_and_a_missed_deadline_raised_once(
    qloop: qasync.QEventLoop, sqlite_db: Database
) -> None:
    seed_partners(sqlite_db)
    clock, desk = Clock(), Desk()
    service = IncidentService(sqlite_db, clock, plan_book())
    pump = IncidentPump(sqlite_db, clock, desk, service, "L-01")
    scheduler = AsyncIOScheduler(event_loop=qloop, timezone=UTC)
    executor = ThreadPoolExecutor(1)
    worked: list[Worked] = []
    work = IncidentWork(scheduler, pump, executor, worked.append, interval_s=0.05)

    async def scenario() -> None:
        scheduler.start()
        work.start()
        service.start(lead("王班长", "L-01", Platform.HOTLINE), DRAFT)
        work.wake()
        await until(lambda: len(desk.handed) == 8, what="eight partners notified")
        clock.advance(minutes=31)
        await until(lambda: any(w.raised for w in worked), what="the alarms raised")
        runs = work.runs
        await until(lambda: work.runs >= runs + 3, what="three more runs")
        assert sum(len(w.raised) for w in worked) == 8  # each once
        assert len(desk.handed) == 16  # each asked again, once
        await work.stop()
        scheduler.shutdown(wait=False)
        await asyncio.sleep(0)

    try:
        qloop.run_until_complete(scenario())
    finally:
        executor.shutdown(wait=True)
