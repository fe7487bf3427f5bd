"""Part of the composition root (see app.py): one seat's window and everything in it.

``make run`` opens two of these in one process (a 12345 seat and a 110 seat sharing one
simulated switch and one database) so a newcomer can watch an order travel and come back; an
installed console opens one. Nothing else imports this module.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from console.app_changes import watch_changes
from console.app_consultation import add_consultation, follow_rules
from console.app_floor import floor_views
from console.app_placement import FRAME, least_size, place_windows, window_slots
from console.app_seat import SeatParts, build_seat, follow_journal
from console.domain.catalogue import District, Field, Kind
from console.domain.dispositions import DEFAULT_DISPOSITIONS, Disposition
from console.domain.orders import Action, Platform
from console.domain.roles import Capability, Seated
from console.services.alarms import AlarmService
from console.services.audit import AuditTrail
from console.services.callers_told import CallersToldService
from console.services.exchange_alarms import ExchangeAlarms
from console.services.exchange_reads import ExchangeReads
from console.services.hotspots import HotspotService
from console.services.inbox import InboxService
from console.services.incidents import IncidentService
from console.services.order_reads import OrderReads
from console.services.orders import OrderService
from console.services.privacy import PrivacyService
from console.services.queues import QueueKind, QueueService
from console.services.steps import StepService
from console.store.change_topics import ALL, Topics, concerns
from console.store.departments import departments
from console.store.engine import Database
from console.store.orders import count
from console.telephony.port import Telephony
from console.ui.alarms.banner import AlarmBanner
from console.ui.alarms.panel import AlarmPanel
from console.ui.emergency.from_order import StartFromOrder
from console.ui.emergency.tab import emergency_tab
from console.ui.main_window import MainWindow
from console.ui.operations import Operations
from console.ui.seat.callers_told import CallersTold
from console.ui.seat.held_orders import HeldOrders
from console.ui.seat.inbox_view import InboxView
from console.ui.seat.order_actions import OrderActions
from console.ui.seat.order_detail import OrderDetail
from console.ui.seat.order_merge import OrderMerge
from console.ui.seat.queues_view import QueuesView
from console.ui.seat.reveal_row import Reveal
from console.ui.seat.ringer import Ringer, tab_badge
from console.ui.seat.state_board import StateBoard
from console.ui.status_bar import StatusBar

log = logging.getLogger(__name__)

__all__ = [  # and where the windows go (app_placement) and the change poll (app_changes),
    # imported from here as before
    "FRAME", "Shared", "WindowParts", "build_window", "least_size", "place_windows",
    "watch_changes", "window_slots",
]  # fmt: skip

HEARTBEAT_MS = 30_000  # the seat board shows a seat offline after the site's offline_after_s
ALARM_LIST_LATEST_MS = 2_000  # the alarm list's first read, if the queues' pages never come

if TYPE_CHECKING:  # the exchange's modules load where an endpoint is built (app_exchange)
    from console.services.exchange_outbox import Outbox


@dataclass
class Shared:
    """What every window of the process shares."""

    db: Database
    orders: OrderService
    alarms: AlarmService
    clock: Callable[[], datetime]
    catalogue: tuple[Sequence[Kind], Sequence[Field], Sequence[District]]
    chinese: bool
    ops: Operations
    loop: asyncio.AbstractEventLoop
    db_url: str
    wrap_up: timedelta
    hold_reminder: timedelta = timedelta(seconds=60)
    dispositions: tuple[Disposition, ...] = DEFAULT_DISPOSITIONS  # the site's wrap-up codes
    ring_volume: int = 80  # telephony.ring_volume
    auto_answer: bool = False  # seat.auto_answer
    transfer_window: timedelta = timedelta(seconds=30)  # telephony.transfer_window_s
    offline_after: timedelta = timedelta(seconds=90)
    privacy: PrivacyService | None = None  # the order detail's audited "show full number"
    link_alarms: ExchangeAlarms | None = None  # the exchange's unacknowledged-message alarm
    incidents: IncidentService | None = None  # emergency linkage (应急联动)
    hotspots: HotspotService | None = None  # hot spots (热点分析): 12345's system only
    trail: AuditTrail | None = None  # the audit trail the 会商 tab's changes are recorded in
    duplicate_window: timedelta = timedelta(hours=72)  # [duplicates] window_h (并单)
    outbox: Outbox | None = None  # the exchange's, where a seat's step for the peer is queued


def _revealer(privacy: PrivacyService | None, login: str) -> Reveal | None:
    """The order detail's "show full number", audited under the signed-in ``login``."""
    if privacy is None:
        return None
    return lambda number, reason: privacy.reveal(number, reason, by=login)


@dataclass
class WindowParts:
    window: MainWindow
    seat: SeatParts
    status: StatusBar
    panel: AlarmPanel
    banner: AlarmBanner
    tick: Callable[[datetime], None]
    on_change: Callable[[], None]  # another seat committed: re-read what is on screen
    on_topics: Callable[[Topics], None] = lambda _topics: None  # … only what the topics concern
    ringer: Ringer | None = None
    on_incidents: Callable[[], None] = lambda: None  # an incident changed: board, panel, offer
    on_journal: Callable[[], None] = lambda: None  # the seat's journal changed: 暂存 lines


def build_window(shared: Shared, by: Seated, switch: Telephony) -> WindowParts:
    """``by``: the principal signed in at this window's seat; every service acts as it."""
    actor = by.actor
    kinds, fields, districts = shared.catalogue
    zh = shared.chinese
    kind_names = {k.code: k.name_zh if zh else k.name_en for k in kinds}
    field_names = {f.code: f.name_zh if zh else f.name_en for f in fields}
    district_names = {d.code: d.name_zh if zh else d.name_en for d in districts}
    status = StatusBar(
        seat=actor.seat, platform=actor.platform, agent=actor.name, db_url=shared.db_url
    )
    ops = shared.ops
    incidents = shared.incidents if by.may(Capability.SEE_INCIDENTS) else None
    panel = AlarmPanel(shared.alarms, kind_names=kind_names, by=by, ops=ops, seat=actor.seat,
                       link=shared.link_alarms, incidents=incidents)  # fmt: skip
    panel.ask_counts()  # the first read: half of a start's first data (one read thread)
    banner = AlarmBanner()
    seat = build_seat(
        db=shared.db, orders=shared.orders, clock=shared.clock, by=by,
        catalogue=shared.catalogue, kind_names=kind_names, ops=ops, switch=switch,
        wrap_up=shared.wrap_up, hold_reminder=shared.hold_reminder,
        dispositions=shared.dispositions, chinese=zh,
        transfer_window=shared.transfer_window,
        offline_after=shared.offline_after, incidents=incidents,
        duplicate_window=shared.duplicate_window,
    )  # fmt: skip
    if by.may(Capability.SEE_FLOOR):  # the shift lead: repeated-request warnings (重复诉求预警)
        panel.follow_repeats(seat.duplicates)
    queue_service = QueueService(shared.db, by)
    queues = QueuesView(
        fetch=queue_service.read_page, ops=ops, platform=actor.platform, seat=actor.seat,
        kind_names=kind_names, count=queue_service.count,
        held=HeldOrders(seat.journal.held_orders, kind_names),  # saved while the database is away
    )  # fmt: skip
    steps = OrderActions(
        by=by,
        # A step the seat may hold goes to its journal while the database is away; any other
        # is refused then, the form kept (docs/outage.md).
        perform=partial(seat.journal.step, perform=StepService(shared.orders, by).perform),
        ops=ops,
        departments=shared.orders.linkage.departments,
        police_kinds=[k for k in kinds if k.platform is Platform.POLICE and k.police],
        chinese=zh,
    )
    with shared.db.read() as session:  # the directory's names, for the detail's labels
        department_names = {d.code: d.name_zh if zh else d.name_en
                            for d in departments(session, include_retired=True)}  # fmt: skip
    reads = OrderReads(shared.orders, by)  # what this seat reads of orders, as its principal
    exchange = ExchangeReads(shared.db, shared.clock)  # and of the exchange with the peer
    told = CallersToldService(  # 告知来电人 at feedback; a tick on a shared order goes to the peer
        shared.db, shared.clock, by,
        outbox=shared.outbox,
    )  # fmt: skip
    detail = OrderDetail(
        ops=ops, get=reads.get,
        related=reads.caller_history,
        kind_names=kind_names,
        field_names=field_names,
        district_names=district_names,
        department_names=department_names, actions=steps,
        reveal=_revealer(shared.privacy, by.login),
        link=lambda number: exchange.order_link(number, by),
        journal=seat.journal,  # the 暂存 lines: steps held while the database is away
        told=CallersTold(ops, told.to_tell, told.mark_told),
        merge=OrderMerge(by=by, ops=ops, duplicates=seat.duplicates, kind_names=kind_names),
    )  # fmt: skip
    board = StateBoard(seat.controller.board, ops) if by.may(Capability.SEE_FLOOR) else None
    emergency = (  # a tab built when first shown; its title's counts read from the start
        emergency_tab(incidents, by=by, ops=ops, clock=shared.clock, districts=districts,
                      chinese=zh, kind_names=kind_names)
        if incidents is not None else None
    )  # fmt: skip
    floor = floor_views(
        by=by, ops=ops, clock=shared.clock, seats=seat.states, stats=seat.controller.stats,
        alarms=shared.alarms, orders=shared.orders, incidents=incidents,
        link=shared.link_alarms, hotspots=shared.hotspots, district_names=district_names,
        subject_names={**kind_names, **field_names}, chinese=zh, db=shared.db,
        districts=districts,
    )  # fmt: skip
    inbox_service = InboxService(shared.db, shared.clock, actor.seat, actor.platform)
    inbox = InboxView(inbox_service.read, inbox_service.mark_seen, ops)
    window = MainWindow(
        reads, ops=ops, kind_names=kind_names, status=status, alarm_panel=panel,
        banner=banner, seat_panel=seat.panel, queues=queues, detail=detail, board=board,
        call_area=seat.panel.take_call_area(),
        inbox=inbox, emergency=emergency, hotspots=floor.hotspots, wallboard=floor.wall,
        reports=floor.reports,
    )  # fmt: skip
    window.show_seat(actor.platform.value, actor.seat)
    consult = add_consultation(
        window, by=by, db=shared.db, clock=shared.clock, trail=shared.trail, ops=ops,
        kind_names=kind_names, district_names=district_names,
        changed=lambda: seat.follow_policy(True, False),
    )  # fmt: skip
    # An offered call rings from any tab: sound, the window alerted, a badge on the Seat tab.
    ringer = Ringer(volume=shared.ring_volume, window=lambda: window,
                    badge=tab_badge(window.tabs, seat.panel), parent=window)  # fmt: skip
    seat.controller.offer_ringing.connect(ringer.ring)
    seat.controller.offer_stopped.connect(ringer.stop)
    seat.controller.auto_answer = shared.auto_answer
    seat.panel.intake.saved.connect(lambda _number: queues.refresh())
    seat.panel.wants_front.connect(lambda: window.tabs.setCurrentWidget(seat.panel))
    panel.counted.connect(window.show_alarm_counts)  # the counts alone come first at start
    inbox.count_changed.connect(window.show_inbox_count)
    inbox.order_activated.connect(window.open_order)
    detail.shown.connect(inbox.seen_order)  # an order opened from anywhere: its items go quiet
    if board is not None:  # the shift lead's board (SEE_FLOOR)
        seat.controller.state_recorded.connect(board.refresh)
    if emergency is not None:  # 应急联动
        emergency.counts_changed.connect(window.show_emergency_counts)
        emergency.order_activated.connect(window.open_order)
        if emergency.may_run:  # Ctrl+Shift+E in the order detail: a plan from the order
            StartFromOrder(detail, emergency.board, lambda: window.tabs.setCurrentWidget(emergency))
    linkage_bar = seat.panel.linkage
    linkage_bar.open_order.connect(window.open_order)
    linkage_bar.follow_sent(ops, lambda number: reads.get(number).order)
    seat.pop.order_activated.connect(window.open_order)  # a row of the caller's history
    # The peer seat's screen pop: the order that came with the caller, transferred or in a
    # three-way call (both seats then see the same order while the call lasts).
    seat.controller.order_arrived.connect(detail.expect)  # it may not have landed yet
    seat.controller.order_arrived.connect(window.open_order)
    seat.controller.conference_joined.connect(lambda n: window.open_order(n) if n else None)

    def record_outcome(number: str) -> None:
        window.open_order(number)
        detail.shown.connect(
            lambda _n: steps.open_step(Action.THREE_WAY), Qt.ConnectionType.SingleShotConnection
        )

    linkage_bar.record_outcome.connect(record_outcome)
    steps.done.connect(lambda *_: queues.refresh())
    # The order shown as it will be once the journal is written: its queue rows say so too,
    # and so do the held new orders above the queues.
    detail.shown.connect(lambda number: queues.mark_held(number, detail.held_status()))
    steps.held.connect(lambda *_: queues.held.refresh() if queues.held is not None else None)

    def journal_written() -> None:  # the seat's journal was written back (or set aside)
        detail.journal_written()
        queues.refresh()

    if detail.merge is not None:  # 并单 / 拆单 change two orders' statuses in the queues
        detail.merge.done.connect(lambda _n: queues.refresh())
        detail.merge.refused.connect(lambda text: status.showMessage(text, 15_000))
    steps.done.connect(linkage_bar.step_done)  # a recorded three-way outcome leaves the strip
    # The detail names departments from the directory as last read (an import while consoles
    # run shows up with the next dispatch form opened).
    steps.directory_loaded.connect(
        lambda found: department_names.update(
            {d.code: d.name_zh if zh else d.name_en for d in found}
        )
    )
    # A step that finished after the agent moved on is reported where it is seen.
    steps.refused.connect(lambda text: status.showMessage(text, 15_000))
    # Held steps not written, dismissed on their order: the banner's count follows.
    detail.held.dismissed.connect(lambda: follow_journal(seat.journal, status, ops, None))
    # The alarm list (and the order count) once the queues' first pages are in (its counts were asked first): those
    # pages and counts are the start's first data, and the list's read (~20–30 ms of CPU at
    # 1 M orders) shared the one GIL with them. A page that cannot be read: after a while.
    listed: list[bool] = []

    def list_alarms() -> None:
        if not listed:
            listed.append(True)
            panel.refresh()
            # The status bar's order count too: a count of every order (~10 ms at 1 M, over a
            # second at 10 M from a cold disk) is not the start's business.
            ops.read(status, "order-count", partial(order_count, shared.db),
                     success=status.set_order_count)  # fmt: skip

    queues.ready.connect(list_alarms)
    QTimer.singleShot(ALARM_LIST_LATEST_MS, panel, list_alarms)
    if by.may(Capability.SEE_ORDERS):  # the link to the peer's system, where there is one
        status.follow_link(ops, lambda: exchange.link(by))
    if board is not None:
        board.refresh()
    inbox.refresh()
    heartbeat = QTimer(window, interval=HEARTBEAT_MS)
    heartbeat.setObjectName("seat-heartbeat")
    heartbeat.timeout.connect(
        lambda: ops.write(window, seat.states.heartbeat,
                          failure=lambda e: log.warning("heartbeat not recorded: %s", e))
    )  # fmt: skip
    heartbeat.start()
    seat.flow.resume_pending()

    def tick(now: datetime) -> None:
        status.tick(now)
        panel.set_now(now)
        seat.panel.set_now(now)
        queues.set_now(now)
        detail.set_now(now)
        if board is not None:
            board.set_now(now)
        if emergency is not None:
            emergency.set_now(now)

    def on_incidents() -> None:  # an incident or a hot spot changed, here or elsewhere
        panel.refresh_incidents()
        floor.refresh_soon()
        if emergency is not None:
            emergency.refresh_soon()
        if seat.panel.intake.incidents is not None:
            seat.panel.intake.incidents.refresh()

    all_stale = False  # another platform's orders changed while 全部 was not in front

    def on_topics(topics: Topics) -> None:
        """Re-read what ``topics`` concern (console.store.change_topics; ALL: everything)."""
        nonlocal all_stale
        shown = detail.awaiting or (detail.order.number if detail.order is not None else None)
        what = concerns(topics, actor.platform.value, shown, seat.pop.phone)
        everywhere = queues.current_kind() is QueueKind.ALL  # 全部 lists both platforms' orders
        if what.platform or (what.orders and everywhere):
            queues.refresh()
            all_stale = False
        elif what.orders:
            all_stale = True
        if what.platform:
            inbox.refresh()
            panel.refresh_repeats()  # a caller joined: a repeated-request warning?
        if what.caller:
            seat.pop.refresh()  # the caller's orders as they are now (the peer may have acted)
        if what.orders:
            linkage_bar.refresh()  # an order sent to the peer: signed for, fed back?
        if what.alarms:
            panel.refresh_soon()  # an alarm another console raised shows within a second
        if what.order and (detail.isVisible() or detail.awaiting):  # lands on screen or off
            detail.refresh()
        if what.incidents:
            on_incidents()
        seat.follow_policy(what.rules, what.knowledge)  # the suggestion, the articles
        if what.rules:
            follow_rules(consult)  # an open 会商 tab: another seat's edit

    def all_in_front(_index: int) -> None:
        nonlocal all_stale
        if all_stale and queues.current_kind() is QueueKind.ALL:
            all_stale = False
            queues.refresh()

    queues.tabs.currentChanged.connect(all_in_front)

    return WindowParts(
        window, seat, status, panel, banner, tick, lambda: on_topics(ALL), ringer=ringer,
        on_incidents=on_incidents, on_topics=on_topics, on_journal=journal_written,
    )  # fmt: skip


def order_count(db: Database) -> int:
    """How many orders the database holds (the status bar's figure)."""
    with db.read() as session:
        return count(session)
