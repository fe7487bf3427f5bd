"""The composition root: Qt application → translations → database → services → scheduler → window.

Everything long-lived is built here and handed down; nothing below reaches for a global. The
event loop is qasync's (Qt and asyncio share the main thread) and APScheduler runs on it, so
``async def`` jobs touch widgets safely (STACK-NOTES: a plain ``def`` job runs in a worker thread).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import qasync
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import OperationalError

from console.app_seat import SeatParts, build_seat
from console.config import Settings, describe
from console.domain.orders import Actor, Platform
from console.logs import install_excepthook, setup_logging
from console.scheduling.alarms import AlarmScheduler
from console.scheduling.clock import SystemClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.settings import APP_NAME
from console.store.alarms import RaisedAlarm
from console.store.changes import watch_for
from console.store.engine import Database
from console.store.migrate import SchemaTooNew
from console.store.orders import count
from console.store.queues import read_page
from console.store.seed import catalogue
from console.store.setup import init_db
from console.ui.alarms.banner import AlarmBanner
from console.ui.alarms.notifier import AlarmNotifier
from console.ui.alarms.panel import AlarmPanel
from console.ui.crash_dialog import CrashDialog as _CrashDialog
from console.ui.main_window import MainWindow
from console.ui.qt_app import FirstPaint, install_translators, make_app, tray_icon
from console.ui.seat.order_detail import OrderDetail
from console.ui.seat.queues_view import QueuesView
from console.ui.seat.state_board import StateBoard
from console.ui.status_bar import StatusBar, safe_url
from console.ui.worker import Worker

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_S = 30.0
QUEUE_REFRESH_MS = 10_000
CHANGE_POLL_MS = 200  # PRAGMA data_version: microseconds a look
EXIT_CANNOT_START = 2


Script = Callable[["MainWindow", "SeatParts"], Awaitable[int]]
"""A coroutine run once the window has painted; its result is the exit code (screenshot tests)."""


def run_gui(
    settings: Settings,
    *,
    smoke: bool = False,
    started_at: float | None = None,
    script: Script | None = None,
) -> int:
    """Run the seat console until its window closes; returns the process exit code.

    With ``smoke`` the console opens, waits for the window's first paint and one clock tick,
    prints ``first_paint_ms=… orders=… db=…`` and exits 0 (1 if either never comes).
    """
    started = time.perf_counter() if started_at is None else started_at
    log_path = _start_logging()
    app = make_app()
    restore_hook = install_excepthook(_CrashDialog(app).show, log_path) if log_path else None
    try:
        return _run_with(app, settings, smoke, started, script)
    finally:
        if restore_hook is not None:
            restore_hook()


def _start_logging() -> Path | None:
    try:
        return setup_logging()
    except OSError as exc:  # a read-only profile must not keep a seat from working
        _fail(f"cannot write the log: {exc}")
        return None


def _run_with(
    app: QApplication, settings: Settings, smoke: bool, started: float, script: Script | None
) -> int:
    log.info("starting: %s", "; ".join(describe_safely(settings)))
    db_url, lang, platform = settings.db_url, settings.lang, settings.platform
    seat, agent = settings.seat, settings.agent
    QLocale.setDefault(QLocale(lang))
    install_translators(app, lang)  # parented to the app, so they live as long as it does
    try:
        seat_platform = Platform(platform)
    except ValueError:
        _fail(
            QCoreApplication.translate(
                "App", "Unknown platform {platform}: use 12345 or 110."
            ).format(platform=platform)
        )
        return EXIT_CANNOT_START
    db = _open_database(db_url)
    if db is None:
        return EXIT_CANNOT_START
    try:
        policy = load_site_policy(db)
    except (OSError, ValueError) as exc:  # a site-edited policy file with a mistake
        _fail(QCoreApplication.translate("App", "Deadline policy: {error}").format(error=exc))
        db.dispose()
        return EXIT_CANNOT_START
    worker = Worker("ui-worker", app)
    executor = ThreadPoolExecutor(1, thread_name_prefix="alarm-sweep")
    loop = qasync.QEventLoop(app)  # made before the widgets: the simulated switch runs on it
    asyncio.set_event_loop(loop)
    try:
        clock = SystemClock()
        service = OrderService(db, clock.now, policy)
        alarm_service = AlarmService(db, clock.now, seat)
        with db.read() as session:  # before show(): the first paint shows real numbers
            kinds, fields, districts = catalogue(session)
            orders = count(session)
        chinese = lang.startswith("zh")
        kind_names = {k.code: k.name_zh if chinese else k.name_en for k in kinds}
        status = StatusBar(seat=seat, platform=seat_platform, agent=agent, db_url=db_url)
        status.set_order_count(orders)
        panel = AlarmPanel(
            alarm_service, kind_names=kind_names, user=agent, run=worker.run, seat=seat
        )
        notifier = AlarmNotifier(settings, tray=tray_icon(app), parent=app)
        banner = AlarmBanner()
        seat_parts = build_seat(
            db=db,
            orders=service,
            clock=clock.now,
            actor=Actor(agent, seat, seat_platform),
            catalogue=(kinds, fields, districts),
            kind_names=kind_names,
            worker=worker,
            loop=loop,
        )
        queues = QueuesView(
            fetch=partial(read_page, db),
            run=worker.run,
            platform=seat_platform,
            seat=seat,
            kind_names=kind_names,
        )
        detail = OrderDetail(
            run=worker.run,
            get=service.get,
            related=service.caller_history,
            kind_names=kind_names,
            field_names={f.code: f.name_zh if chinese else f.name_en for f in fields},
            district_names={d.code: d.name_zh if chinese else d.name_en for d in districts},
        )
        board = StateBoard(seat_parts.controller.board, worker.run)
        window = MainWindow(
            service,
            kind_names=kind_names,
            status=status,
            alarm_panel=panel,
            banner=banner,
            seat_panel=seat_parts.panel,
            queues=queues,
            detail=detail,
            board=board,
        )
        seat_parts.panel.intake.saved.connect(lambda _number: queues.refresh())
        # Other seats (and the peer platform) change orders too: re-read the queue in front as
        # soon as another connection commits (SQLite), else every 10 s (PostgreSQL for now).
        changes = watch_for(db.engine)
        queue_timer = QTimer(window, interval=CHANGE_POLL_MS if changes else QUEUE_REFRESH_MS)
        queue_timer.setObjectName("queue-refresh")
        if changes is not None:
            queue_timer.timeout.connect(lambda: changes.changed() and queues.refresh())
        else:
            queue_timer.timeout.connect(queues.refresh)
        queue_timer.start()
        notifier.message.connect(banner.show_message)
        panel.counts_changed.connect(window.show_alarm_counts)
        panel.refresh()
        board.refresh()
        seat_parts.controller.state_changed.connect(lambda *_: board.refresh())

        def on_raised(raised: list[RaisedAlarm]) -> None:
            notifier.notify(raised, clock.now())
            panel.refresh()

        def start(scheduler: AsyncIOScheduler) -> None:
            AlarmScheduler(
                scheduler, alarm_service, clock, executor, on_raised,
                on_health=status.set_connected,
            ).start()  # fmt: skip
            seat_parts.switch.start()
            seat_parts.controller.log_in()

        def tick(now: datetime) -> None:
            panel.set_now(now)
            seat_parts.panel.set_now(now)
            queues.set_now(now)
            detail.set_now(now)
            board.set_now(now)

        async def stop() -> None:
            seat_parts.controller.close()
            await seat_parts.switch.stop()

        return _run(
            app, loop, window, status, start, tick, stop,
            smoke=smoke, started=started, orders=orders, url=db_url,
            script=(lambda w: script(w, seat_parts)) if script else None,
        )  # fmt: skip
    finally:
        worker.shutdown()
        executor.shutdown(wait=True)
        db.dispose()
        if not loop.is_closed():  # an early return before the loop ran
            loop.close()
            asyncio.set_event_loop(None)


def describe_safely(settings: Settings) -> list[str]:
    try:
        return describe(settings)
    except ValueError as exc:
        return [f"(settings not describable: {exc})"]


def _open_database(url: str) -> Database | None:
    """Migrate and seed; a database this console cannot use is a message, not a traceback."""
    try:
        db, _added = init_db(url)
    except SchemaTooNew as exc:
        _fail(
            QCoreApplication.translate(
                "App", "The database was upgraded by a newer console; install it on this seat."
            )
        )
        _fail(str(exc))
        return None
    except OperationalError as exc:
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        _fail(
            QCoreApplication.translate("App", "Cannot open the database {url}: {reason}").format(
                url=safe_url(url), reason=reason
            )
        )
        return None
    return db


def _fail(message: str) -> None:
    print(f"{APP_NAME}: {message}", file=sys.stderr, flush=True)


def _run(
    app: QApplication,
    loop: qasync.QEventLoop,
    window: MainWindow,
    status: StatusBar,
    start: Callable[[AsyncIOScheduler], None],
    on_tick: Callable[[datetime], None],
    stop: Callable[[], Awaitable[None]],
    *,
    smoke: bool,
    started: float,
    orders: int,
    url: str,
    script: Callable[[MainWindow], Awaitable[int]] | None = None,
) -> int:
    ticked = asyncio.Event()

    async def tick() -> None:
        now = datetime.now(UTC)
        status.tick(now)
        on_tick(now)
        ticked.set()

    # The clock shows the time it runs at, not the time it was due, so a late tick is still
    # right: never drop it (misfire_grace_time=None), but after a stall (suspend, a long
    # blocking call) run it once, not once per missed second (coalesce=True).
    scheduler = AsyncIOScheduler(event_loop=loop, timezone=UTC)
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
    start(scheduler)
    scheduler.start()

    painted: asyncio.Future[float] = loop.create_future()
    first_paint = FirstPaint(painted, window)
    window.installEventFilter(first_paint)
    window.show()
    smoke_task = None
    if smoke:

        async def smoke_run() -> None:
            try:
                painted_at = await asyncio.wait_for(painted, SMOKE_TIMEOUT_S)
                ticked.clear()
                scheduler.modify_job("clock", next_run_time=datetime.now(UTC))
                await asyncio.wait_for(ticked.wait(), SMOKE_TIMEOUT_S)
            except Exception as exc:  # a smoke test reports, it does not hang
                _fail(f"smoke failed: {exc!r}")
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
                _fail(f"script failed: {exc!r}")
                code = 1
            app.exit(code)

        smoke_task = loop.create_task(scripted())

    code = loop.run_forever()  # returns when the app quits (last window closed, app.exit())
    window.close()
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
