"""The composition root: Qt application → translations → database → services → scheduler → window.

Everything long-lived is built here and handed down; nothing below reaches for a global. The
event loop is qasync's (Qt and asyncio share the main thread) and APScheduler runs on it, so
``async def`` jobs touch widgets safely (STACK-NOTES: a plain ``def`` job runs in a worker thread).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import qasync
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QWidget

from console.app_loop import fail as _fail
from console.app_loop import run_loop as _run
from console.app_roles import SlotParts, seat_slots
from console.app_seat import SeatParts
from console.app_sign_in import SeatSlot
from console.app_window import Shared, WindowParts, build_window, place_windows, watch_changes
from console.config import Settings, audit_key_path, describe
from console.domain.calendar import BusinessCalendar, load_calendar
from console.domain.deadlines import Policy
from console.domain.dispositions import parse_catalogue
from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated
from console.logs import install_excepthook, setup_logging
from console.scheduling.alarms import AlarmScheduler
from console.scheduling.clock import Clock, SystemClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.audit import AuditKeyError, AuditTrail, open_key
from console.services.exchange_alarms import ExchangeAlarms, LinkAlarm
from console.services.orders import OrderService
from console.services.privacy import PrivacyService
from console.services.transfers import HOLD_MARGIN, PENDING_HOLDS
from console.settings import safe_url
from console.store.alarms import RaisedAlarm
from console.store.changes import ChangeWatch, watch_for
from console.store.engine import Database
from console.store.faults import classify
from console.store.migrate import SchemaTooNew
from console.store.orders import count, sample_callers
from console.store.seed import catalogue
from console.store.setup import init_db
from console.telephony.adapters import SwitchSite, build_telephony
from console.telephony.port import Line
from console.ui.alarms.notifier import AlarmNotifier
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
) -> int:
    """Run the seat console until its window closes; returns the process exit code.

    Each seat opens on its sign-in screen and its window is built for the account signed in
    (console/app_sign_in.py); ``demo_sign_in`` signs the demo accounts in by themselves. The
    smoke check and test scripts open the window at once, for ``settings.agent``.

    With ``pair`` a second window opens beside it: a seat of the other platform on the same
    database and the same switch (``make run``: watch an order travel and come back).

    With ``smoke`` the console opens, waits for the window's first paint and one clock tick,
    prints ``first_paint_ms=… orders=… db=…`` and exits 0 (1 if either never comes).
    """
    started = time.perf_counter() if started_at is None else started_at
    log_path = _start_logging()
    app = make_app()
    restore_hook = install_excepthook(_CrashDialog(app).show, log_path) if log_path else None
    try:
        return _run_with(app, settings, smoke, started, script, pair, demo_sign_in)
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
) -> int:
    log.info("starting: %s", "; ".join(describe_safely(settings)))
    db_url, lang, platform = settings.db_url, settings.lang, settings.platform
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
    try:
        calendar = load_calendar()
    except (OSError, ValueError) as exc:  # a site-edited calendar file with a mistake
        _fail(QCoreApplication.translate("App", "Business calendar: {error}").format(error=exc))
        db.dispose()
        return EXIT_CANNOT_START
    try:
        audit_key = open_key(db, audit_key_path(settings))
    except AuditKeyError as exc:  # no key beside a trail that has rows, or another seat's
        _fail(QCoreApplication.translate("App", "Audit trail: {error}").format(error=exc))
        db.dispose()
        return EXIT_CANNOT_START
    ops = Operations("ui", app)
    executor = ThreadPoolExecutor(1, thread_name_prefix="alarm-sweep")
    audit_pool = ThreadPoolExecutor(1, thread_name_prefix="audit")  # seat events off the GUI thread
    loop = qasync.QEventLoop(app)  # made before the widgets: the switch runs on it
    asyncio.set_event_loop(loop)
    watching: dict[int, ChangeWatch] = {}  # each open window's; closed in the finally
    try:
        clock = SystemClock()
        trail = AuditTrail(audit_key, clock.now)
        actors = [unsigned_seat(settings.agent, settings.seat, seat_platform)]
        if pair:
            actors.append(peer_seat(actors[0]))
        parts: list[WindowParts] = []  # the windows open now (built at sign-in)

        def on_raised(raised: list[RaisedAlarm]) -> None:
            notifier.notify(raised, clock.now())
            for part in parts:  # throttled: a crowded minute raises many times a second, and
                part.panel.refresh_soon()  # each full re-read held the sweeps back (bench)

        def on_link_alarm(alarm: LinkAlarm) -> None:  # once an outage, on every console's
            notifier.notify_link(alarm, clock.now())  # banner and speaker
            for part in parts:
                part.panel.refresh_soon()

        link_alarms = ExchangeAlarms(
            db, clock.now, settings.seat, timedelta(seconds=settings.unacked_alarm_s), trail
        )

        def set_connected(ok: bool) -> None:
            for part in parts:
                part.status.set_connected(ok)

        scheduler = AsyncIOScheduler(event_loop=loop, timezone=UTC)  # the clock's and alarms'
        orders, alarms, alarm_timer = alarm_services(
            db,
            scheduler,
            clock,
            (policy, calendar),
            settings.seat,
            executor,
            on_raised,
            set_connected,
            transfer_hold=timedelta(seconds=settings.transfer_window_s) + HOLD_MARGIN,
            audit=trail,
            link=(link_alarms, on_link_alarm),
        )
        with db.read() as session:  # before show(): the first paint shows real numbers
            shared = Shared(
                db=db,
                orders=orders,
                alarms=alarms,
                clock=clock.now,
                catalogue=catalogue(session),
                chinese=lang.startswith("zh"),
                ops=ops,
                loop=loop,
                db_url=db_url,
                order_count=count(session),
                wrap_up=timedelta(seconds=settings.wrap_up_s),
                hold_reminder=timedelta(seconds=settings.hold_reminder_s),
                dispositions=parse_catalogue(settings.dispositions),
                ring_volume=settings.ring_volume,
                auto_answer=settings.auto_answer,
                transfer_window=timedelta(seconds=settings.transfer_window_s),
                privacy=PrivacyService(db, trail, settings.seat),
                offline_after=timedelta(seconds=settings.offline_after_s),
                link_alarms=link_alarms,
            )

        def known_callers() -> list[str]:  # a simulator's repeat callers: real screen-pop history
            with db.read() as session:
                return sample_callers(session, 500)

        lines = {Line(a.platform.value) for a in actors}
        switch = build_telephony(SwitchSite(settings, loop, lines, known_callers))
        notifier = AlarmNotifier(settings, tray=tray_icon(app), parent=app)

        def open_window(by: Seated) -> WindowParts:
            part = build_window(shared, by, switch)
            notifier.message.connect(part.banner.show_message)
            changes = watch_for(db.engine)
            if changes is not None:
                watching[id(part)] = changes
            # Another seat's order may plan a threshold before the one armed here.
            watch_changes(part.window, changes, both(part.on_change, alarm_timer.rearm))
            parts.append(part)
            return part

        def close_window(part: WindowParts) -> None:  # signed out: the seat is logged out
            parts.remove(part)
            notifier.message.disconnect(part.banner.show_message)
            part.seat.controller.close()
            changes = watching.pop(id(part), None)
            if changes is not None:
                changes.close()

        if smoke or script is not None:  # a check of the window itself: no one signs in
            slots: list[SeatSlot] = []
            for actor in actors:
                open_window(actor)
            shown: list[QWidget] = [p.window for p in parts]
        else:
            slots = seat_slots(
                actors, SlotParts(db, clock.now, settings, trail, audit_key, audit_pool, ops),
                open_window, close_window,
            )  # fmt: skip
            if demo_sign_in:
                for slot in slots:
                    slot.demo_sign_in()
            shown = [slot.front for slot in slots]
        # On the screen it has: one window fitted; a pair side by side, stacked, or tabbed
        # (the tab host, if any, is kept referenced while the loop runs).
        _host = place_windows(shown, app.primaryScreen()) if parts else None

        def start() -> None:
            alarm_timer.start()
            switch.start()
            for part in parts:
                part.seat.controller.log_in()
            for slot in slots:
                slot.running = True

        def tick(now: datetime) -> None:
            for part in parts:
                part.tick(now)

        async def stop() -> None:
            for part in parts:
                part.seat.controller.close()
            await switch.stop()
            await alarm_timer.stop()

        first = parts[0] if parts else None
        return _run(
            app, loop, scheduler, shown, start, tick, stop,
            smoke=smoke, started=started, orders=shared.order_count, url=db_url,
            script=(lambda _w: script(first.window, first.seat)) if script and first else None,
        )  # fmt: skip
    finally:
        ops.shutdown()
        executor.shutdown(wait=True)
        audit_pool.shutdown(wait=True)  # the last sign-out is on record before the process ends
        for changes in watching.values():
            changes.close()
        db.dispose()
        if not loop.is_closed():  # an early return before the loop ran
            loop.close()
            asyncio.set_event_loop(None)


def alarm_services(
    db: Database,
    scheduler: AsyncIOScheduler,
    clock: Clock,
    rules: tuple[Policy, BusinessCalendar],
    seat: str,
    executor: Executor,
    on_raised: Callable[[list[RaisedAlarm]], None],
    on_health: Callable[[bool], None],
    transfer_hold: timedelta = PENDING_HOLDS,
    audit: AuditTrail | None = None,
    link: tuple[ExchangeAlarms, Callable[[LinkAlarm], None]] | None = None,
) -> tuple[OrderService, AlarmService, AlarmScheduler]:
    """The order and alarm services and the one alarm scheduler that keeps their alarms on
    time: every committed order write (new order, step, transfer, escalation) re-arms the exact
    timer, so a threshold planned sooner than the one armed is raised on time, not by the
    safety sweep. The services call ``on_change`` on the UI worker; ``rearm`` hops to the loop.
    With ``audit``, every order step, acknowledgement and escalation is recorded there. With
    ``link``, the same sweeps check the exchange's unacknowledged-message alarm and hand one
    raised here to its callback."""
    alarms = AlarmService(db, clock.now, seat, audit)
    exchange, on_link_alarm = link if link is not None else (None, None)
    timer = AlarmScheduler(
        scheduler, alarms, clock, executor, on_raised, on_health=on_health,
        exchange=exchange, on_link_alarm=on_link_alarm,
    )  # fmt: skip
    policy, calendar = rules
    orders = OrderService(
        db, clock.now, policy, calendar, on_change=timer.rearm, transfer_hold=transfer_hold,
        audit=audit,
    )  # fmt: skip
    return orders, alarms, timer


def both(first: Callable[[], None], then: Callable[[], None]) -> Callable[[], None]:
    def call() -> None:
        first()
        then()

    return call


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
