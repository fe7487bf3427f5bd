"""Part of the composition root (see app.py): one platform's system in this process — its
database, rules, audit trail, order and alarm services, alarm scheduler, change watch and
exchange endpoint — and the windows of the seats it serves.

An installed console runs one. ``make run`` runs two, a 12345 system and a 110 system, each on
its own database, their endpoints joined by the exchange over loopback HTTPS, so a newcomer can
watch an order travel as a message and come back; ``--pair`` without a second config runs the
single-database layout: one system serving a seat of each platform. The simulated switch is not
here: it is the telephone network between the platforms, one per process (app.py). Nothing else
imports this module.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, timedelta
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from console.app_exchange import Endpoint, ExchangeSetupError
from console.app_incidents import Emergency
from console.app_loop import fail as _fail
from console.app_roles import SlotParts, seat_slots
from console.app_seat import follow_journal
from console.app_sign_in import SeatSlot
from console.app_window import Shared, WindowParts, build_window, watch_changes
from console.config import Settings, audit_key_path
from console.domain.calendar import BusinessCalendar, load_calendar
from console.domain.deadlines import Policy
from console.domain.dispositions import parse_catalogue
from console.domain.emergency import PlanBook
from console.domain.orders import Platform
from console.domain.roles import Seated
from console.scheduling.alarms import AlarmScheduler
from console.scheduling.clock import Clock
from console.scheduling.hotspots import HotspotScheduler
from console.scheduling.incidents import Worked
from console.services.alarms import AlarmService, load_site_policy
from console.services.audit import AuditKeyError, AuditTrail, open_key
from console.services.exchange_alarms import ExchangeAlarms, LinkAlarm
from console.services.hotspots import HotspotService, Scan
from console.services.incident_plans import load_site_plans
from console.services.orders import OrderService
from console.services.privacy import PrivacyService
from console.services.suggestions import import_site_rules
from console.services.transfers import HOLD_MARGIN, PENDING_HOLDS
from console.settings import data_dir
from console.store.alarms import RaisedAlarm
from console.store.changes import ChangeWatch, watch_for
from console.store.engine import Database
from console.store.seed import catalogue
from console.telephony.port import Telephony
from console.ui.alarms.notifier import AlarmNotifier
from console.ui.operations import Operations

if TYPE_CHECKING:  # the exchange's modules (jsonschema) load only where an exchange is on
    from console.services.exchange_outbox import Outbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Process:
    """What every system of the process shares: the event loop, the clock, the UI worker."""

    app: QApplication
    loop: asyncio.AbstractEventLoop
    clock: Clock
    ops: Operations
    audit_pool: Executor  # seat sessions' audit writes, off the GUI thread
    tray: QSystemTrayIcon | None
    chinese: bool


class System:
    """One platform's system (or, in the single-database layout, the one system both platforms'
    seats share) and the windows open on it. Build it with :func:`open_system`."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        rules: tuple[Policy, BusinessCalendar, PlanBook],
        audit: tuple[bytes, AuditTrail],
        endpoint: Endpoint | None,
        proc: Process,
    ) -> None:
        self.settings, self.db, self._proc = settings, db, proc
        self.audit_key, self.trail = audit
        self.endpoint = endpoint  # the exchange with the peer's system (none: one database)
        self.parts: list[WindowParts] = []  # its windows open now (built at sign-in)
        self._watching: dict[int, ChangeWatch] = {}  # each open window's
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="alarm-sweep")
        # Its own scheduler: the alarm scheduler's jobs have fixed names, one set per system.
        self.scheduler = AsyncIOScheduler(event_loop=proc.loop, timezone=UTC)
        self.notifier = AlarmNotifier(settings, tray=proc.tray, parent=proc.app)
        outbox = endpoint.outbox if endpoint is not None else None
        self.link_alarms = ExchangeAlarms(
            db, proc.clock.now, settings.seat, timedelta(seconds=settings.unacked_alarm_s),
            self.trail,
        )  # fmt: skip
        policy, calendar, plans = rules
        self.orders, self.alarms, self.alarm_timer = alarm_services(
            db, self.scheduler, proc.clock, (policy, calendar), settings.seat, self._executor,
            self._on_raised, self._set_connected,
            transfer_hold=timedelta(seconds=settings.transfer_window_s) + HOLD_MARGIN,
            audit=self.trail, outbox=outbox, link=(self.link_alarms, self._on_link_alarm),
        )  # fmt: skip
        self.emergency = Emergency(
            settings, db, proc.clock, plans, self.trail,
            endpoint.incidents if endpoint is not None else None, data_dir(),
        )  # fmt: skip
        self.incident_work = self.emergency.schedule(
            self.scheduler, self._executor, self._on_incident_work
        )
        # Hot spots (热点分析) are 12345's: its orders, its verification orders to departments.
        self.hotspots: HotspotService | None = None
        self.hotspot_jobs: HotspotScheduler | None = None
        if settings.platform == Platform.HOTLINE.value:
            self.hotspots = HotspotService(
                db, proc.clock.now, self.orders.writer, settings.hotspot_method(),
                Platform.HOTLINE, on_change=self.alarm_timer.rearm,
            )  # fmt: skip
            self.hotspot_jobs = HotspotScheduler(
                self.scheduler, self.hotspots, self._executor, self._on_hotspots
            )
        with db.read() as session:  # before show(): the first paint shows real numbers
            self.shared = Shared(
                db=db,
                orders=self.orders,
                alarms=self.alarms,
                clock=proc.clock.now,
                catalogue=catalogue(session),
                chinese=proc.chinese,
                ops=proc.ops,
                loop=proc.loop,
                db_url=settings.db_url,
                wrap_up=timedelta(seconds=settings.wrap_up_s),
                hold_reminder=timedelta(seconds=settings.hold_reminder_s),
                dispositions=parse_catalogue(settings.dispositions),
                ring_volume=settings.ring_volume,
                auto_answer=settings.auto_answer,
                transfer_window=timedelta(seconds=settings.transfer_window_s),
                privacy=PrivacyService(db, self.trail, settings.seat),
                offline_after=timedelta(seconds=settings.offline_after_s),
                link_alarms=self.link_alarms,
                incidents=self.emergency.service,
                hotspots=self.hotspots,
                trail=self.trail,
                duplicate_window=timedelta(hours=settings.duplicates_window_h),
                outbox=outbox,
            )

    def _on_link_alarm(self, alarm: LinkAlarm) -> None:  # once an outage, on every console's
        self.notifier.notify_link(alarm, self._proc.clock.now())  # banner and speaker
        for part in self.parts:
            part.panel.refresh_soon()

    def _on_raised(self, raised: list[RaisedAlarm]) -> None:
        self.notifier.notify(raised, self._proc.clock.now())
        for part in self.parts:  # throttled: a crowded minute raises many times a second, and
            part.panel.refresh_soon()  # each full re-read held the sweeps back (bench)

    def _on_incident_work(self, worked: Worked) -> None:  # answers came, a partner overdue
        for part in self.parts:
            part.on_incidents()

    def _on_hotspots(self, scan: Scan) -> None:  # a window scanned: new hot spots to show
        if scan.new:
            for part in self.parts:
                part.on_incidents()

    def _set_connected(self, ok: bool) -> None:
        for part in self.parts:
            part.status.set_connected(ok)
            # Back: the seat's outage journal is written (docs/outage.md).
            follow_journal(part.seat.journal, part.status, self._proc.ops, ok, part.on_journal)

    def open_window(self, by: Seated, switch: Telephony) -> WindowParts:
        part = build_window(self.shared, by, switch)
        journal, ops = part.seat.journal, self._proc.ops  # held before a restart: the banner
        follow_journal(journal, part.status, ops, None)
        part.seat.panel.intake.saved.connect(
            lambda _n: follow_journal(journal, part.status, ops, None)
        )
        self.notifier.message.connect(part.banner.show_message)
        changes = watch_for(self.db.engine, self.settings.db_listen_url or None)
        if changes is not None:
            self._watching[id(part)] = changes
        # Another seat's order may plan a threshold before the one armed here.
        watch_changes(part.window, changes, self.alarm_timer.rearm, on_topics=part.on_topics)
        self.parts.append(part)
        return part

    def close_window(self, part: WindowParts) -> None:  # signed out: the seat is logged out
        self.parts.remove(part)
        self.notifier.message.disconnect(part.banner.show_message)
        part.seat.close()
        changes = self._watching.pop(id(part), None)
        if changes is not None:
            changes.close()

    def seat_slots(self, seats: Sequence[Seated], switch: Telephony) -> list[SeatSlot]:
        """A sign-in slot for each of ``seats``: a window on this system once someone signs in."""
        proc = self._proc
        parts = SlotParts(
            self.db, proc.clock.now, self.settings, self.trail, self.audit_key,
            proc.audit_pool, proc.ops,
        )  # fmt: skip
        return seat_slots(seats, parts, lambda by: self.open_window(by, switch), self.close_window)

    async def start_exchange(self) -> None:
        """Its endpoint's far end and sender, on the loop (if this process runs them):
        :class:`ExchangeSetupError` if it cannot listen."""
        if self.endpoint is not None:
            await self.endpoint.start()

    async def stop_exchange(self) -> None:
        if self.endpoint is not None:
            await self.endpoint.stop()

    def start(self) -> None:
        """On the loop, before it runs: the alarm scheduler, and the seats log in."""
        self.alarm_timer.start()
        self.incident_work.start()
        self.scheduler.start()
        if self.hotspot_jobs is not None:
            self.hotspot_jobs.start()
        for part in self.parts:
            part.seat.controller.log_in()

    async def stop(self) -> None:
        """On the loop, before it closes (its seats' controllers closed first)."""
        await self.alarm_timer.stop()
        await self.incident_work.stop()
        await self.stop_exchange()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def close(self) -> None:
        """After the loop: the worker threads joined, the watches and the database closed."""
        self._executor.shutdown(wait=True)
        for part in self.parts:  # the seats still signed in: their journal files
            part.seat.journal.close()
        for changes in self._watching.values():
            changes.close()
        self._watching.clear()
        self.db.dispose()


def open_system(
    settings: Settings, proc: Process, open_database: Callable[[str], Database | None]
) -> System | None:
    """The system ``settings`` describe, or None when it cannot start (said on stderr, one line
    each: a database this console cannot use, a site-edited policy or calendar with a mistake,
    an audit key that is not the trail's, exchange settings that make no endpoint)."""
    db = open_database(settings.db_url)
    if db is None:
        return None
    try:
        policy = load_site_policy(db)
    except (OSError, ValueError) as exc:  # a site-edited policy file with a mistake
        _refuse(db, QCoreApplication.translate("App", "Deadline policy: {error}"), exc)
        return None
    try:
        calendar = load_calendar()
    except (OSError, ValueError) as exc:  # a site-edited calendar file with a mistake
        _refuse(db, QCoreApplication.translate("App", "Business calendar: {error}"), exc)
        return None
    try:
        plans = load_site_plans()
    except (OSError, ValueError) as exc:  # a site-edited plan file with a mistake: file, line
        _refuse(db, QCoreApplication.translate("App", "Linkage plans: {error}"), exc)
        return None
    try:
        audit_key = open_key(db, audit_key_path(settings))
    except AuditKeyError as exc:  # no key beside a trail that has rows, or another seat's
        _refuse(db, QCoreApplication.translate("App", "Audit trail: {error}"), exc)
        return None
    trail = AuditTrail(audit_key, proc.clock.now)
    try:  # the site's 会商 files (db/consultation): checked, what is new stored (suggestions)
        import_site_rules(db, proc.clock.now(), trail=trail, seat=settings.seat)
    except (OSError, ValueError) as exc:  # a mistake in a file: file and line
        _refuse(db, QCoreApplication.translate("App", "会商 rules: {error}"), exc)
        return None
    try:  # the exchange with the peer's system: one small call (console/app_exchange.py)
        endpoint = Endpoint.build(settings, db, proc.clock.now, trail, policy, calendar)
    except ExchangeSetupError as exc:  # a setting missing, a certificate file unusable
        _refuse(db, QCoreApplication.translate("App", "Exchange: {error}"), exc)
        return None
    return System(settings, db, (policy, calendar, plans), (audit_key, trail), endpoint, proc)


def _refuse(db: Database, said: str, exc: Exception) -> None:
    _fail(said.format(error=exc))
    db.dispose()


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
    outbox: Outbox | None = None,
    link: tuple[ExchangeAlarms, Callable[[LinkAlarm], None]] | None = None,
) -> tuple[OrderService, AlarmService, AlarmScheduler]:
    """The order and alarm services and the one alarm scheduler that keeps their alarms on
    time: every committed order write (new order, step, transfer, escalation) re-arms the exact
    timer, so a threshold planned sooner than the one armed is raised on time, not by the
    safety sweep. The services call ``on_change`` on the UI worker; ``rearm`` hops to the loop.
    With ``audit``, every order step, acknowledgement and escalation is recorded there; with
    ``outbox``, every step that crosses to the peer platform is queued there as a message; with
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
        audit=audit, outbox=outbox,
    )  # fmt: skip
    return orders, alarms, timer
