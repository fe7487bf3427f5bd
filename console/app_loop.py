"""Part of the composition root (see app.py): the event loop's run, from the first paint to the
last window closed — the status-bar clock on the scheduler, ``--smoke`` and test scripts, and the
orderly stop. Nothing else imports it.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import qasync
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from PySide6.QtWidgets import QApplication, QWidget

from console.settings import APP_NAME, safe_url
from console.ui.qt_app import FirstPaint

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_S = 30.0


def fail(message: str) -> None:
    """One line on stderr, named for the console: what a user or installer reads."""
    print(f"{APP_NAME}: {message}", file=sys.stderr, flush=True)


def run_loop(
    app: QApplication,
    loop: qasync.QEventLoop,
    scheduler: AsyncIOScheduler,
    windows: list[QWidget],  # shown at start: the seats' windows or sign-in screens
    start: Callable[[], None],
    on_tick: Callable[[datetime], None],
    stop: Callable[[], Awaitable[None]],
    *,
    smoke: bool,
    started: float,
    orders: int,
    url: str,
    script: Callable[[QWidget], Awaitable[int]] | None = None,
) -> int:
    ticked = asyncio.Event()

    async def tick() -> None:
        now = datetime.now(UTC)
        on_tick(now)
        ticked.set()

    # The clock shows the time it runs at, not the time it was due, so a late tick is still
    # right: never drop it (misfire_grace_time=None), but after a stall (suspend, a long
    # blocking call) run it once, not once per missed second (coalesce=True).
    now = datetime.now(UTC)
    scheduler.add_job(
        tick,
        "interval",
        seconds=1,
        start_date=now.replace(microsecond=0) + timedelta(seconds=1),  # on whole seconds
        next_run_time=now,  # and once at start, so the clock is never blank
        id="clock",
        name="status-bar clock",
        misfire_grace_time=None,
        coalesce=True,
        max_instances=1,
    )
    # APScheduler logs every run at INFO: one line a second drowns the real log.
    logging.getLogger("apscheduler.executors.default").setLevel(logging.WARNING)
    start()
    scheduler.start()

    painted: asyncio.Future[float] = loop.create_future()
    window = windows[0]
    first_paint = FirstPaint(painted, window)
    window.installEventFilter(first_paint)
    for shown in windows:
        shown.show()
    smoke_task = None
    if smoke:

        async def smoke_run() -> None:
            try:
                painted_at = await asyncio.wait_for(painted, SMOKE_TIMEOUT_S)
                ticked.clear()
                scheduler.modify_job("clock", next_run_time=datetime.now(UTC))
                await asyncio.wait_for(ticked.wait(), SMOKE_TIMEOUT_S)
            except Exception as exc:  # a smoke test reports, it does not hang
                fail(f"smoke failed: {exc!r}")
                app.exit(1)
                return
            ms = (painted_at - started) * 1000
            print(f"first_paint_ms={ms:.1f} orders={orders} db={safe_url(url)}", flush=True)
            app.exit(0)

        smoke_task = loop.create_task(smoke_run())
    elif script is not None:
        run_script = script

        async def scripted() -> None:
            try:
                await asyncio.wait_for(painted, SMOKE_TIMEOUT_S)
                code = await run_script(window)
            except Exception as exc:  # report, never hang
                log.exception("script failed")
                fail(f"script failed: {exc!r}")
                code = 1
            app.exit(code)

        smoke_task = loop.create_task(scripted())

    code = loop.run_forever()  # returns when the app quits (last window closed, app.exit())
    for shown in windows:
        shown.close()
    loop.run_until_complete(stop())
    loop.run_until_complete(_stop(scheduler, smoke_task))
    loop.close()
    asyncio.set_event_loop(None)
    return int(code)


async def _stop(scheduler: AsyncIOScheduler, task: asyncio.Task[None] | None) -> None:
    """Runs on the loop: APScheduler's shutdown does nothing once the loop has closed."""
    if task is not None and not task.done():
        task.cancel()
    scheduler.shutdown(wait=False)
    await asyncio.sleep(0)
