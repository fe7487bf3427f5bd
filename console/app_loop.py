"""Part of the composition root (see app.py): the event loop's run, from the seat's windows
shown to the last window closed — the status-bar clock on the scheduler, ``--smoke`` and test
scripts, and the orderly stop. Nothing else imports it.

Light on purpose (asyncio, qasync and APScheduler only named for types at import): app.py's ``fail`` comes from
here before the start screen's first paint.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from console.settings import APP_NAME, safe_url
from console.ui.qt_app import FirstPaint

if TYPE_CHECKING:
    import asyncio

    import qasync
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from console.ui.alarms.panel import AlarmPanel
    from console.ui.seat.queues_view import QueuesView

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_S = 30.0


def fail(message: str) -> None:
    """One line on stderr, named for the console: what a user or installer reads."""
    print(f"{APP_NAME}: {message}", file=sys.stderr, flush=True)


def data_on_screen(
    window: QWidget,
    queues: QueuesView,
    panel: AlarmPanel,
    future: asyncio.Future[tuple[float, float]],
) -> None:
    """Resolves ``future`` with ``time.perf_counter()`` and the process's CPU time once
    ``window`` shows its data: every queue's first page and the alarm counts read, and the
    window repainted with them (``start_data_ms``, the smoke run's ``data_ms`` and
    ``data_cpu_ms``: the CPU spent getting there, steadier than the wall time on a busy
    machine)."""
    waiting = {"queues", "alarms"}

    def seen(what: str) -> None:
        waiting.discard(what)
        if not waiting and not future.done():
            window.repaint()  # on screen now, not on Qt's next pass
            future.set_result((time.perf_counter(), time.process_time()))

    queues.ready.connect(lambda: seen("queues"))
    panel.counted.connect(lambda _counts: seen("alarms"))  # the chips; the list may follow


SETTLE_AFTER_S = 10.0  # the collector back on by then whatever happens to the first data


def settle_memory() -> None:
    """The cyclic garbage collector back on after the start, the start's objects out of its way.

    The root turns the collector off before the start's imports (console/__main__.py, run_gui):
    ~120,000 long-lived objects (modules, classes, the window's widgets) made in one go set off
    repeated full collections that found almost nothing (measured 2026-12-05: 721 unreachable
    objects; the start's CPU to its first data 14 % lower without them, ~1,110 → ~955 ms at load
    6). Those objects live as long as the process: ``gc.freeze`` moves them where the collector
    never walks again — each later full collection during a shift would otherwise go through
    them all on the GUI thread (~0.3 s measured under load) — then the collector is turned back
    on for what the shift makes. Idempotent."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()


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
    first_paint: float,
    orders: Callable[[], int],  # counted for the smoke line, after its figures
    url: str,
    data: asyncio.Future[tuple[float, float]] | None = None,
    start_screen: QWidget | None = None,
    script: Callable[[QWidget], Awaitable[int]] | None = None,
) -> int:
    """``first_paint``: ``time.perf_counter()`` at the start screen's first paint; ``data``
    resolved when the seat window shows its data (smoke runs); ``start_screen`` closed once
    ``windows`` show in its place."""
    import asyncio

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
    paint_watch = FirstPaint(painted, window)
    window.installEventFilter(paint_watch)
    for shown in windows:
        shown.show()
    if start_screen is not None:  # after: the last window closed would quit
        start_screen.close()
    if data is not None:  # the seat's first data on screen (smoke runs), or soon after
        data.add_done_callback(lambda _data: settle_memory())
        loop.call_later(SETTLE_AFTER_S, settle_memory)
    else:  # the windows (sign-in screens) asked to show: the start's work is done
        loop.call_soon(settle_memory)
    smoke_task = None
    if smoke:

        async def smoke_run() -> None:
            try:
                await asyncio.wait_for(painted, SMOKE_TIMEOUT_S)
                data_at, data_cpu = (
                    await asyncio.wait_for(data, SMOKE_TIMEOUT_S)
                    if data
                    else (first_paint, time.process_time())
                )
                ticked.clear()
                scheduler.modify_job("clock", next_run_time=datetime.now(UTC))
                await asyncio.wait_for(ticked.wait(), SMOKE_TIMEOUT_S)
            except Exception as exc:  # a smoke test reports, it does not hang
                fail(f"smoke failed: {exc!r}")
                app.exit(1)
                return
            ms, data_ms = (first_paint - started) * 1000, (data_at - started) * 1000
            print(
                f"first_paint_ms={ms:.1f} data_ms={data_ms:.1f} orders={orders()} db={safe_url(url)}"
                f" data_cpu_ms={data_cpu * 1000:.1f}",
                flush=True,
            )
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
    import asyncio

    if task is not None and not task.done():
        task.cancel()
    scheduler.shutdown(wait=False)
    await asyncio.sleep(0)
