"""The composition root: Qt application → translations → each platform's system (database →
services → scheduler → exchange endpoint, console/app_platform.py) → one switch → windows.

Everything long-lived is built here and handed down; nothing below reaches for a global. The
event loop is qasync's (Qt and asyncio share the main thread) and APScheduler runs on it, so
``async def`` jobs touch widgets safely (STACK-NOTES: a plain ``def`` job runs in a worker thread).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import qasync
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QWidget

from console.app_exchange import ExchangeSetupError
from console.app_loop import fail as _fail
from console.app_loop import run_loop as _run
from console.app_platform import Process, System, open_system
from console.app_platform import alarm_services as alarm_services  # the tests build it alone
from console.app_seat import SeatParts
from console.app_sign_in import SeatSlot
from console.app_window import place_windows
from console.config import Settings, describe
from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated
from console.logs import install_excepthook, setup_logging
from console.scheduling.clock import SystemClock
from console.settings import safe_url
from console.store.engine import Database
from console.store.faults import classify
from console.store.migrate import SchemaTooNew
from console.store.orders import sample_callers
from console.store.setup import init_db
from console.telephony.adapters import SwitchSite, build_telephony
from console.telephony.port import Line
from console.ui.crash_dialog import CrashDialog as _CrashDialog
from console.ui.main_window import MainWindow
from console.ui.operations import Operations
from console.ui.qt_app import install_translators, make_app, tray_icon
from console.ui.refusals import refusal_text

log = logging.getLogger(__name__)

EXIT_CANNOT_START = 2


Script = Callable[["MainWindow", "SeatParts"], Awaitable[int]]
"""A coroutine run once the window has painted; its result is the exit code (screenshot tests)."""


def run_gui(
    settings: Settings,
    *,
    smoke: bool = False,
    started_at: float | None = None,
    script: Script | None = None,
    pair: bool = False,
    demo_sign_in: bool = False,
    peer: Settings | None = None,
) -> int:
    """Run the seat console until its window closes; returns the process exit code.

    Each seat opens on its sign-in screen and its window is built for the account signed in
    (console/app_sign_in.py); ``demo_sign_in`` signs the demo accounts in by themselves. The
    smoke check and test scripts open the window at once, for ``settings.agent``.

    With ``peer`` (the other platform's settings) a second system runs in the process, on its
    own database, and its seat's window opens beside the first, on the same simulated switch:
    ``make run`` watches an order travel between the two systems as a message and come back.
    With ``pair`` alone the second window is a seat of the other platform on the same database
    (the single-database layout).

    With ``smoke`` the console opens, waits for the window's first paint and one clock tick,
    prints ``first_paint_ms=… orders=… db=…`` and exits 0 (1 if either never comes).
    """
    started = time.perf_counter() if started_at is None else started_at
    log_path = _start_logging()
    app = make_app()
    restore_hook = install_excepthook(_CrashDialog(app).show, log_path) if log_path else None
    try:
        return _run_with(app, settings, smoke, started, script, pair, demo_sign_in, peer)
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
    app: QApplication,
    settings: Settings,
    smoke: bool,
    started: float,
    script: Script | None,
    pair: bool = False,
    demo_sign_in: bool = False,
    peer: Settings | None = None,
) -> int:
    log.info("starting: %s", "; ".join(describe_safely(settings)))
    lang = settings.lang
    QLocale.setDefault(QLocale(lang))
    install_translators(app, lang)  # parented to the app, so they live as long as it does
    configs = [settings] if peer is None else [settings, peer]
    platforms = [_platform_of(s) for s in configs]
    if None in platforms:
        return EXIT_CANNOT_START
    if peer is not None:
        log.info("its peer: %s", "; ".join(describe_safely(peer)))
        if platforms[0] is platforms[1]:
            _fail(QCoreApplication.translate(
                "App", "The pair's second config is of the same platform ({platform}): "
                "give the other platform's."
            ).format(platform=peer.platform))  # fmt: skip
            return EXIT_CANNOT_START
    ops = Operations("ui", app)
    audit_pool = ThreadPoolExecutor(1, thread_name_prefix="audit")  # seat events off the GUI thread
    loop = qasync.QEventLoop(app)  # made before the widgets: the switch runs on it
    asyncio.set_event_loop(loop)
    clock = SystemClock()
    proc = Process(app, loop, clock, ops, audit_pool, tray_icon(app), lang.startswith("zh"))
    systems: list[System] = []  # each platform's (one: the single-database layout)
    try:
        for config in configs:
            system = open_system(config, proc, _open_database)
            if system is None:
                return EXIT_CANNOT_START
            systems.append(system)
        if not _exchange_started(loop, systems):
            return EXIT_CANNOT_START
        # Who sits where: each system's seat; --pair alone puts the other platform's seat on
        # the one system (the single-database layout).
        seating: list[tuple[System, Seated]] = [
            (system, unsigned_seat(s.agent, s.seat, Platform(s.platform)))
            for system, s in zip(systems, configs, strict=True)
        ]
        if pair and peer is None:
            seating.append((systems[0], peer_seat(seating[0][1])))
        first = systems[0]

        def known_callers() -> list[str]:  # a simulator's repeat callers: real screen-pop history
            with first.db.read() as session:
                return sample_callers(session, 500)

        # One switch: the telephone network between the platforms (a transferred call moves
        # with its order number attached, whichever system holds the order).
        lines = {Line(by.platform.value) for _s, by in seating}
        switch = build_telephony(SwitchSite(settings, loop, lines, known_callers))
        if smoke or script is not None:  # a check of the window itself: no one signs in
            slots: list[SeatSlot] = []
            parts = [system.open_window(by, switch) for system, by in seating]
            shown: list[QWidget] = [p.window for p in parts]
        else:
            slots = [slot for system, by in seating for slot in system.seat_slots([by], switch)]
            if demo_sign_in:
                for slot in slots:
                    slot.demo_sign_in()
            shown = [slot.front for slot in slots]
        # On the screen it has: one window fitted; a pair side by side, stacked, or tabbed
        # (then the tab host is what shows: a page shown by itself would cover the current one).
        opened = any(system.parts for system in systems)  # signed in: windows, not sign-ins
        host = place_windows(shown, app.primaryScreen()) if opened else None
        if host is not None:
            shown = [host]

        def start() -> None:
            for system in systems:
                system.start()
            switch.start()
            for slot in slots:
                slot.running = True

        def tick(now: datetime) -> None:
            for system in systems:
                for part in system.parts:
                    part.tick(now)

        async def stop() -> None:
            for system in systems:
                for part in system.parts:
                    part.seat.controller.close()
            await switch.stop()
            for system in systems:
                await system.stop()

        ticking = AsyncIOScheduler(event_loop=loop, timezone=UTC)  # the status bars' clock
        front = first.parts[0] if first.parts else None
        return _run(
            app, loop, ticking, shown, start, tick, stop,
            smoke=smoke, started=started, orders=first.shared.order_count, url=settings.db_url,
            script=(lambda _w: script(front.window, front.seat)) if script and front else None,
        )  # fmt: skip
    finally:
        ops.shutdown()
        audit_pool.shutdown(wait=True)  # the last sign-out is on record before the process ends
        if not loop.is_closed():  # an early return before the loop ran
            loop.run_until_complete(_stop_exchange(systems))
        for system in systems:
            system.close()
        if not loop.is_closed():
            loop.close()
            asyncio.set_event_loop(None)


def _exchange_started(loop: asyncio.AbstractEventLoop, systems: list[System]) -> bool:
    """Each system's exchange endpoint listening and sending, before any window shows: a port
    in use is one line and exit 2, not a seat whose orders silently never leave."""
    try:
        for system in systems:
            loop.run_until_complete(system.start_exchange())
    except ExchangeSetupError as exc:
        _fail(QCoreApplication.translate("App", "Exchange: {error}").format(error=exc))
        return False
    return True


async def _stop_exchange(systems: list[System]) -> None:
    for system in systems:
        await system.stop_exchange()


def _platform_of(settings: Settings) -> Platform | None:
    try:
        return Platform(settings.platform)
    except ValueError:
        _fail(
            QCoreApplication.translate(
                "App", "Unknown platform {platform}: use 12345 or 110."
            ).format(platform=settings.platform)
        )
        return None


def unsigned_seat(name: str, seat: str, platform: Platform) -> Seated:
    """Who acts at a seat while the console has no sign-in yet (the sign-in screen replaces
    this, the one place it is made): the typed ``--agent`` name stands for both the login and
    the display name, with the platform's floor role and its shift lead's (so ``make run``
    shows every step, acknowledgement and escalation)."""
    floor = Role.AGENT if platform is Platform.HOTLINE else Role.OPERATOR
    return Seated(Principal(name, name, platform, frozenset({floor, Role.SHIFT_LEAD})), seat)


def peer_seat(by: Seated) -> Seated:
    """The other platform's seat that ``make run`` opens beside the configured one."""
    if by.platform is Platform.HOTLINE:
        return unsigned_seat("接警员", "J-01", Platform.POLICE)
    return unsigned_seat("话务员", "A-01", Platform.HOTLINE)


def describe_safely(settings: Settings) -> list[str]:
    try:
        return describe(settings)
    except ValueError as exc:
        return [f"(settings not describable: {exc})"]


def _open_database(url: str) -> Database | None:
    """Migrate and seed; a database this console cannot use is one line, not a traceback: the
    declared sentence of its fault (``console.store.faults``), the URL's password hidden."""
    try:
        db, _added = init_db(url)
    except SchemaTooNew as exc:
        said = QCoreApplication.translate(
            "App", "The database was upgraded by a newer console; install it on this seat."
        )
        _fail(f"{said} ({exc})")
        return None
    except Exception as exc:
        refused = classify(exc)
        if refused is None:
            raise
        log.error("cannot open the database %s: %s", safe_url(url), refused.why)
        _fail(
            QCoreApplication.translate("App", "Cannot open the database {url}: {reason}").format(
                url=safe_url(url), reason=refusal_text(refused)
            )
        )
        return None
    return db
