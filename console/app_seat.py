"""Part of the composition root (see app.py): one agent's seat on the telephony port, and the
bridge from the order detail's steps to the services.

Kept apart only so app.py stays readable; nothing else imports it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QTimer

from console.domain.agent_state import AgentState
from console.domain.catalogue import District, Field, Kind
from console.domain.dispositions import DEFAULT_DISPOSITIONS, Disposition
from console.domain.orders import Platform
from console.domain.roles import Capability, Seated
from console.services.dispositions import DispositionService
from console.services.duplicates import DEFAULT_WINDOW, DuplicateService
from console.services.incidents import IncidentService
from console.services.journal import JournalService
from console.services.journal_records import (
    CITE,
    SUGGESTION,
    HeldLinks,
    cite_body,
    suggestion_body,
)
from console.services.journal_records import records as held_records
from console.services.journal_shown import Replayed
from console.services.knowledge import KnowledgeService
from console.services.orders import OrderService
from console.services.report_calls import CallRecorder
from console.services.screen_pop import ScreenPopService
from console.services.seat import SeatStateService
from console.services.suggestions import SuggestionService
from console.settings import data_dir
from console.store.departments import departments
from console.store.engine import Database
from console.store.journal_file import JournalFile
from console.telephony.port import Line, Telephony
from console.ui.operations import Operations
from console.ui.seat.call_bar import CallBar
from console.ui.seat.drafts import DraftStore
from console.ui.seat.incident_offer import IncidentOffer
from console.ui.seat.intake_assist import AssistCalls, IntakeAssist
from console.ui.seat.intake_fields import IntakeFields
from console.ui.seat.intake_form import IntakeForm
from console.ui.seat.knowledge_pane import KnowledgePane, OrderCiter
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
    duplicates: DuplicateService  # 并单; its repeated-request warnings go to the lead's panel
    journal: JournalService  # what the seat saved while the database was away (docs/outage.md)
    follow_policy: Callable[[bool, bool], None]  # (rules, articles) changed: see follow_policy

    def close(self) -> None:
        """Its agent signed out: the seat logged out of the switch, the journal's file closed
        (what it holds stays on disk for the next sign-in here)."""
        self.controller.close()
        self.journal.close()


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
    duplicate_window: timedelta = DEFAULT_WINDOW,
) -> SeatParts:
    """``by``: the principal signed in at the seat; every service here acts as it (and refuses
    what its roles do not allow). ``duplicate_window``: the site's ``[duplicates] window_h``."""
    kinds, fields, districts = catalogue
    actor = by.actor
    line = Line(actor.platform.value)
    call_bar = CallBar(hold_reminder)
    knowledge = KnowledgeService(db, clock)
    journal = JournalService(
        orders,
        by,
        JournalFile(data_dir() / "journal" / f"{actor.seat}.sqlite3"),
        clock,
        # A citation, a suggestion's outcome, an incident link on a held order: written after it.
        records=held_records(db, knowledge, by, incidents),
    )
    # With the database away, the pop lists the caller's orders held on the seat (Enter opens).
    pops = ScreenPopService(db, clock, by, forms=orders.caller_forms, held=journal.held_orders)
    pop_view = ScreenPopView(kind_names, reload=pops.pop, ops=ops)  # re-read on the change feed
    duplicates = DuplicateService(db, clock, orders.writer, by, duplicate_window)
    suggestions = SuggestionService(db, by.actor.platform, clock)
    assist = intake_assist(db, by, suggestions, duplicates, ops, kind_names, chinese, journal)
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
        incidents=IncidentOffer(HeldLinks(incidents, journal), by=by, ops=ops, clock=clock)
        if incidents is not None and by.may(Capability.LINK_INCIDENT)
        else None,
        # The routing suggestion and the likely duplicates, as the agent types (issue 16).
        assist=assist if by.may(Capability.SEE_ORDERS) else None,
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
    pane = knowledge_pane(knowledge, journal, by, ops, intake, controller)
    panel = SeatPanel(controller, flow, call_bar, pop_view, intake, chinese=chinese,
                      beside_pop=pane)  # fmt: skip
    follow = follow_policy(ops, suggestions, intake, knowledge, pane)
    return SeatParts(panel, controller, flow, switch, pop_view, states, duplicates, journal,
                     follow)  # fmt: skip


def follow_policy(
    ops: Operations,
    suggestions: SuggestionService,
    intake: IntakeForm,
    articles: KnowledgeService,
    pane: KnowledgePane | None,
) -> Callable[[bool, bool], None]:
    """What a seat does when the 会商 rules (``rules``) or the knowledge articles (``articles``)
    may have changed — the change feed's ``rules``/``knowledge`` topics (SQLite: any change),
    or this process's own edit: off the UI thread, compare the stored stamp, and only when it
    moved read them again and ask again about what the form holds, so the suggestion and the
    articles on screen follow the newest versions without a restart."""

    def not_read(error: Exception) -> None:
        log.warning("rules or articles not read again: %s", error)  # the next change tries

    def follow(rules: bool, changed_articles: bool) -> None:
        if rules:
            ops.read(intake, "rules-changed", suggestions.refresh, failure=not_read,
                     success=lambda moved: intake.assist.again()
                     if moved and intake.assist is not None else None)  # fmt: skip
        if changed_articles and pane is not None:
            ops.read(pane, "articles-changed", articles.refresh, failure=not_read,
                     success=lambda moved: pane.again() if moved else None)  # fmt: skip

    return follow


def knowledge_pane(
    service: KnowledgeService,
    journal: JournalService,
    by: Seated,
    ops: Operations,
    intake: IntakeForm,
    controller: SeatController,
) -> KnowledgePane | None:
    """The knowledge articles (知识库) for the kind and text being typed, under the screen pop;
    an article cited is recorded on the order of the call (before its save: once it is saved;
    on an order held while the database is away: once that order is written, by ``journal``).
    None for a principal who takes no calls."""
    if not by.may(Capability.TAKE_CALLS):
        return None

    def cite(number: str, article_id: str) -> object:
        return journal.follow(number, CITE, cite_body(article_id),
                              lambda written: service.cite(by, written, article_id))  # fmt: skip

    citer = OrderCiter(ops, cite)
    pane = KnowledgePane(service.search, ops, citer)
    citer.pane = pane
    citer.setParent(pane)

    def typed() -> None:
        draft = intake.draft()
        pane.show_for(draft.kind or None, draft.description)

    def between_calls(state: str, _reason: str) -> None:
        if state in (AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT):
            citer.clear_order()  # the next call's articles go on the next call's order

    intake.draft_changed.connect(typed)
    intake.draft_shown.connect(typed)  # a restored draft too
    intake.saved.connect(citer.set_order)
    controller.state_changed.connect(between_calls)
    # The first search builds the index (about a second at 2,000 articles): before the first
    # call, but after the window's first reads (its queues, its alarm counts), which its
    # construction asks: at the event loop's next turn.
    QTimer.singleShot(0, pane, lambda: ops.read(pane, "warm", lambda: service.search(None, ""),
                                                success=lambda _hits: None))  # fmt: skip
    return pane


def intake_assist(
    db: Database,
    by: Seated,
    suggestions: SuggestionService,
    duplicates: DuplicateService,
    ops: Operations,
    kind_names: dict[str, str],
    chinese: bool,
    journal: JournalService,
) -> Callable[[IntakeFields], IntakeAssist]:
    """The intake form's assist (routing suggestion, likely duplicates) acting as ``by``; the
    suggestions read the rules start-up stored (``import_site_rules``), read again as they
    change (:func:`follow_policy`). A suggestion's outcome on an order held while the database
    is away is written with that order (``journal``)."""
    with db.read() as session:  # the directory's names, for the suggested department
        names = {d.code: d.name_zh if chinese else d.name_en
                 for d in departments(session, include_retired=True)}  # fmt: skip
    calls = AssistCalls(
        suggest=suggestions.suggest,
        candidates=lambda d: duplicates.candidates(
            phone=d.caller_phone,
            district=d.district,
            kind=d.kind,
            address=d.address,
            text=d.description,
        ),
        join=lambda number, d: duplicates.join(
            number, d.caller_phone, d.caller_name, d.description.strip()
        ),
        record=lambda number, advice, accepted: journal.follow(
            number,
            SUGGESTION,
            suggestion_body(advice, accepted, by.login),
            lambda written: suggestions.record(written, advice, accepted, by.login),
        ),
    )

    def assist(fields: IntakeFields) -> IntakeAssist:
        return IntakeAssist(calls=calls, ops=ops, fields=fields, kind_names=kind_names,
                            department_names=names)  # fmt: skip

    return assist


def follow_journal(
    journal: JournalService,
    status: StatusBar,
    ops: Operations,
    ok: bool | None,
    written: Callable[[], None] = lambda: None,
) -> None:
    """The status bar's banner says what the seat's journal holds. ``ok``: what the health
    check (the alarm sweep) just found; with the database answering, the journal is written
    on the write thread, then the banner says what became of it and ``written`` is called (the
    order detail's 暂存 lines). None: just show it."""
    if ok is None or not journal.health(ok):
        status.show_journal(journal.view())
        return

    def done(replayed: Replayed) -> None:
        status.show_journal(journal.view(), replayed)
        written()

    ops.write(status, journal.replay, success=done,
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
