"""Part of the composition root (see app.py): one agent's seat on the telephony port, and the
bridge from the order detail's steps to the services.

Kept apart only so app.py stays readable; nothing else imports it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.catalogue import District, Field, Kind
from console.domain.dispositions import DEFAULT_DISPOSITIONS, Disposition
from console.domain.orders import Platform
from console.domain.roles import Capability, Seated
from console.services.dispositions import DispositionService
from console.services.incidents import IncidentService
from console.services.journal import JournalService
from console.services.orders import OrderService
from console.services.report_calls import CallRecorder
from console.services.screen_pop import ScreenPopService
from console.services.seat import SeatStateService
from console.settings import data_dir
from console.store.engine import Database
from console.store.journal_file import JournalFile
from console.telephony.port import Line, Telephony
from console.ui.operations import Operations
from console.ui.seat.call_bar import CallBar
from console.ui.seat.drafts import DraftStore
from console.ui.seat.incident_offer import IncidentOffer
from console.ui.seat.intake_form import IntakeForm
from console.ui.seat.screen_pop import ScreenPopView
from console.ui.seat.seat_controller import SeatController
from console.ui.seat.seat_panel import SeatPanel
from console.ui.seat.transfer_flow import OrderTransfers, TransferFlow
from console.ui.status_bar import StatusBar

log = logging.getLogger(__name__)


@dataclass
class SeatParts:
    panel: SeatPanel
    controller: SeatController
    flow: TransferFlow
    switch: Telephony
    pop: ScreenPopView
    states: SeatStateService  # the heartbeat's
    journal: JournalService  # what the seat saved while the database was away (docs/outage.md)


def build_seat(
    *,
    db: Database,
    orders: OrderService,
    clock: Callable[[], datetime],
    by: Seated,
    catalogue: tuple[Sequence[Kind], Sequence[Field], Sequence[District]],
    kind_names: dict[str, str],
    ops: Operations,
    switch: Telephony,
    wrap_up: timedelta,
    hold_reminder: timedelta = timedelta(seconds=60),
    dispositions: Sequence[Disposition] = DEFAULT_DISPOSITIONS,
    chinese: bool = True,
    transfer_window: timedelta = timedelta(seconds=30),
    offline_after: timedelta = timedelta(seconds=90),
    incidents: IncidentService | None = None,
) -> SeatParts:
    """``by``: the principal signed in at the seat; every service here acts as it (and refuses
    what its roles do not allow)."""
    kinds, fields, districts = catalogue
    actor = by.actor
    line = Line(actor.platform.value)
    call_bar = CallBar(hold_reminder)
    pops = ScreenPopService(db, clock, by, forms=orders.caller_forms)
    pop_view = ScreenPopView(kind_names, reload=pops.pop, ops=ops)  # re-read on the change feed
    journal = JournalService(
        orders, by, JournalFile(data_dir() / "journal" / f"{actor.seat}.sqlite3"), clock
    )
    intake = IntakeForm(
        platform=actor.platform,
        kinds=[k for k in kinds if k.platform is actor.platform],
        fields=[f for f in fields if f.platform is Platform.HOTLINE],
        districts=districts,
        save=journal.save,  # a number, or a held label while the database is away
        ops=ops,
        # One folder per seat: two seats in one process (make run) keep their own drafts.
        drafts=DraftStore(data_dir() / "drafts" / actor.seat),
        # The active incidents of the caller's city, linked to the order in one key (Ctrl+L).
        incidents=IncidentOffer(incidents, by=by, ops=ops, clock=clock)
        if incidents is not None and by.may(Capability.LINK_INCIDENT)
        else None,
    )
    intake.restore_latest()

    states = SeatStateService(db, clock, by, offline_after)
    controller = SeatController(
        telephony=switch,
        line=line,
        states=states,
        pops=pops,
        ops=ops,
        call_bar=call_bar,
        pop_view=pop_view,
        intake=intake,
        clock=clock,
        wrap_up=wrap_up,
        dispositions=DispositionService(db, clock, by, dispositions),
        calls=CallRecorder(db, line.value),
    )
    flow = TransferFlow(
        seat=controller, telephony=switch, line=line, ops=ops,
        transfers=order_transfers(orders, by), window=transfer_window,
    )  # fmt: skip
    panel = SeatPanel(controller, flow, call_bar, pop_view, intake, chinese=chinese)
    return SeatParts(panel, controller, flow, switch, pop_view, states, journal)


def follow_journal(
    journal: JournalService, status: StatusBar, ops: Operations, ok: bool | None
) -> None:
    """The status bar's banner says what the seat's journal holds. ``ok``: what the health
    check (the alarm sweep) just found; with the database answering, the journal is written
    on the write thread, then the banner says what became of it. None: just show it."""
    if ok is None or not journal.health(ok):
        status.show_journal(journal.view())
        return
    ops.write(status, journal.replay,
              success=lambda done: status.show_journal(journal.view(), done),
              failure=lambda e: log.error("the journal's replay failed", exc_info=e))  # fmt: skip


def order_transfers(orders: OrderService, by: Seated) -> OrderTransfers:
    """The transfer services as the seat's flow calls them, acting as ``by``."""
    transfers = orders.transfers
    return OrderTransfers(
        begin=lambda number, key, consent: transfers.begin(number, by, key, consent),
        complete=lambda key: transfers.complete(key, by, "一键转接"),
        abandon=lambda key: transfers.abandon(key, by),
        cancel=lambda key: transfers.cancel(key, by),
        send=lambda number, key, note, consent: transfers.transfer(number, by, note, key, consent),
        is_clue=lambda number: transfers.owes_clue_transfer(number, by),
        resume=lambda: transfers.resume(by),
    )
