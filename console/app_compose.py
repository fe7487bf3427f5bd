"""Part of the composition root (see app.py): everything after the start screen's first paint
and the databases opened — each platform's system (console/app_platform.py), the one switch,
the seats' sign-in screens or windows shown in the start screen's place, and the event loop's
run (console/app_loop.py). Nothing else imports it but app.py (and the tests, for
``alarm_services``).
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial

import qasync
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from console.app import EXIT_CANNOT_START, Script
from console.app_exchange import ExchangeSetupError
from console.app_loop import data_on_screen
from console.app_loop import fail as _fail
from console.app_loop import run_loop as _run
from console.app_open import Opened
from console.app_platform import Process, System, open_system
from console.app_platform import alarm_services as alarm_services  # the tests build it alone
from console.app_sign_in import SeatSlot
from console.app_window import order_count, place_windows
from console.config import Settings
from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated
from console.scheduling.clock import SystemClock
from console.settings import safe_url
from console.store.engine import Database
from console.store.faults import classify
from console.store.migrate import SchemaTooNew
from console.store.orders import sample_callers
from console.telephony.adapters import SwitchSite, build_telephony
from console.telephony.port import Line
from console.ui.operations import Operations
from console.ui.qt_app import tray_icon
from console.ui.refusals import refusal_text
from console.ui.start_screen import StartScreen

log = logging.getLogger(__name__)


def compose(
    app: QApplication,
    configs: list[Settings],
    opened: Opened,
    screen: StartScreen,
    *,
    smoke: bool,
    started: float,
    first_paint: float,
    script: Script | None,
    pair: bool,
    demo_sign_in: bool,
) -> int:
    """Build the systems of ``configs`` (this seat's, then its peer's) on the databases
    ``opened``, show their seats in ``screen``'s place and run until the last window closes."""
    settings = configs[0]
    peer = configs[1] if len(configs) > 1 else None
    lang = settings.lang
    ops = Operations("ui", app)
    audit_pool = ThreadPoolExecutor(1, thread_name_prefix="audit")  # seat events off the GUI thread
    loop = qasync.QEventLoop(app)  # made before the widgets: the switch runs on it
    asyncio.set_event_loop(loop)
    clock = SystemClock()
    proc = Process(app, loop, clock, ops, audit_pool, tray_icon(app), lang.startswith("zh"))
    systems: list[System] = []  # each platform's (one: the single-database layout)
    try:
        for index, config in enumerate(configs):
            system = open_system(config, proc, partial(_open_database, opened, index))
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

        # A simulator's repeat callers (real screen-pop history): read on the UI's read thread
        # once the windows' first reads are asked (start), not on the start's path (~0.5 s at
        # 1 M orders); calls before then come from fresh numbers.
        callers: list[str] = []

        def sample() -> list[str]:
            with first.db.read() as session:
                return sample_callers(session, 500)

        # One switch: the telephone network between the platforms (a transferred call moves
        # with its order number attached, whichever system holds the order).
        lines = {Line(by.platform.value) for _s, by in seating}
        switch = build_telephony(SwitchSite(settings, loop, lines, lambda: callers))
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
        signed_in = any(system.parts for system in systems)  # windows, not sign-ins
        host = place_windows(shown, app.primaryScreen()) if signed_in else None
        if host is not None:
            shown = [host]

        def start() -> None:
            for system in systems:
                system.start()
            switch.start()
            ops.read(ops, "repeat-callers", sample, success=callers.extend)
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
        data: asyncio.Future[tuple[float, float]] | None = None
        if smoke and front is not None and front.window.queues is not None:
            data = loop.create_future()
            data_on_screen(front.window, front.window.queues, front.panel, data)
        return _run(
            app, loop, ticking, shown, start, tick, stop,
            smoke=smoke, started=started, first_paint=first_paint,
            orders=partial(order_count, first.db), url=settings.db_url, data=data,
            start_screen=screen,
            script=(lambda _w: script(front.window, front.seat)) if script and front else None,
        )  # fmt: skip
    finally:
        ops.shutdown()
        audit_pool.shutdown(wait=True)  # the last sign-out is on record before the process ends
        if not loop.is_closed():  # an early return before the loop ran
            loop.run_until_complete(_stop_exchange(systems))
        for system in systems:
            system.close()
        opened.dispose()
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


def _open_database(opened: Opened, index: int, url: str) -> Database | None:
    """The ``index``-th database, migrated and seeded (console/app_open.py); a database this
    console cannot use is one line, not a traceback: the declared sentence of its fault
    (``console.store.faults``), the URL's password hidden."""
    try:
        db = opened.take(index)
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
