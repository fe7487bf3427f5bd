"""Part of the composition root (see app.py): the simulated switch, one agent's seat, and the
bridge from the order detail's steps to the services.

Kept apart only so app.py stays readable; nothing else imports it.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.agent_state import Seat
from console.domain.catalogue import District, Field, Kind
from console.domain.orders import Action, Actor, Platform, ThreeWayOutcome
from console.services.orders import OrderService
from console.services.screen_pop import ScreenPopService
from console.services.seat import SeatStateService
from console.settings import data_dir
from console.store.engine import Database
from console.store.orders import sample_callers
from console.telephony.port import Line, Telephony
from console.telephony.simulated import SimulatedSwitch
from console.ui.seat.call_bar import CallBar
from console.ui.seat.drafts import DraftStore
from console.ui.seat.intake_form import IntakeForm
from console.ui.seat.order_actions import Step
from console.ui.seat.screen_pop import ScreenPopView
from console.ui.seat.seat_controller import SeatController
from console.ui.seat.seat_panel import SeatPanel
from console.ui.seat.transfer_flow import OrderTransfers, TransferFlow
from console.ui.worker import Worker

PEER_SEAT = "SIM-PEER"  # a simulated seat of the other platform that takes transfers


@dataclass
class SeatParts:
    panel: SeatPanel
    controller: SeatController
    flow: TransferFlow
    switch: Telephony


def build_switch(
    db: Database,
    loop: asyncio.AbstractEventLoop,
    platforms: Sequence[Platform],
    *,
    calls_per_min: float,
    transfer_window_s: float,
) -> SimulatedSwitch:
    """The demo switch: calls arrive on the open seats' lines (the 110 line at half the 12345
    rate); a line with no console seat gets a simulated agent (SIM-PEER) that takes transfers
    and hangs up after two minutes. A transfer waits ``transfer_window_s`` for the peer."""
    with db.read() as session:  # repeat callers, so the screen pop shows real history
        known = sample_callers(session, 500)
    rng = random.Random()
    rates = {Line.HOTLINE: calls_per_min, Line.POLICE: calls_per_min / 2}
    open_lines = {Line(p.value) for p in platforms}
    both = len(open_lines) == 2
    switch = SimulatedSwitch(
        rate_per_min={line: rates[line] for line in open_lines},
        callers=(lambda: rng.choice(known)) if known else None,
        repeat_share=0.6 if known else 0.0,
        # Two console seats: the peer is a person who hangs up with F6, not a timer.
        transferred_talk_s=None if both else 120.0,
        answer_window_s=transfer_window_s,
        loop=loop,
    )
    for line in set(Line) - open_lines:
        switch.register_seat(PEER_SEAT, line, True)
    return switch


def build_seat(
    *,
    db: Database,
    orders: OrderService,
    clock: Callable[[], datetime],
    actor: Actor,
    catalogue: tuple[Sequence[Kind], Sequence[Field], Sequence[District]],
    kind_names: dict[str, str],
    worker: Worker,
    switch: Telephony,
    wrap_up: timedelta,
) -> SeatParts:
    kinds, fields, districts = catalogue
    line = Line(actor.platform.value)
    call_bar = CallBar()
    pop_view = ScreenPopView(kind_names)
    intake = IntakeForm(
        platform=actor.platform,
        kinds=[k for k in kinds if k.platform is actor.platform],
        fields=[f for f in fields if f.platform is Platform.HOTLINE],
        districts=districts,
        save=lambda draft: orders.create(draft, actor).order.number,
        run=worker.run,
        # One folder per seat: two seats in one process (make run) keep their own drafts.
        drafts=DraftStore(data_dir() / "drafts" / actor.seat),
    )
    intake.restore_latest()

    controller = SeatController(
        telephony=switch,
        line=line,
        states=SeatStateService(db, clock, Seat(actor.seat, actor.name), actor.platform),
        pops=ScreenPopService(db, clock),
        run=worker.run,
        call_bar=call_bar,
        pop_view=pop_view,
        intake=intake,
        clock=clock,
        wrap_up=wrap_up,
    )
    flow = TransferFlow(
        seat=controller, telephony=switch, line=line, run=worker.run,
        transfers=order_transfers(orders, actor),
    )  # fmt: skip
    panel = SeatPanel(controller, flow, call_bar, pop_view, intake)
    return SeatParts(panel, controller, flow, switch)


def order_transfers(orders: OrderService, actor: Actor) -> OrderTransfers:
    """The transfer services as the seat's flow calls them, acting as ``actor``."""
    transfers = orders.transfers

    def is_clue(number: str) -> bool:
        order = orders.get(number).order
        return order.social_stability and order.owner is Platform.HOTLINE and order.status.is_open

    return OrderTransfers(
        begin=lambda number, key, consent: transfers.begin(number, actor, key, consent),
        complete=lambda key: transfers.complete(key, actor, "一键转接"),
        abandon=transfers.abandon,
        send=lambda number, key, note, consent: transfers.transfer(
            number, actor, note, key, consent
        ),
        is_clue=is_clue,
    )


def perform_step(orders: OrderService, actor: Actor) -> Callable[[Step], object]:
    """The order detail's steps, carried out by the services as ``actor`` (worker thread)."""
    linkage = orders.linkage

    def perform(step: Step) -> object:
        # The request key of a transfer or escalation: the order as the agent saw it, so a
        # double-click (same timeline length) is carried out once.
        key = f"{actor.seat}:{step.number}:{step.version}:{step.action.value}"
        if step.action is Action.TRANSFER:
            consent = step.detail == "consent"
            return orders.transfer(step.number, actor, step.note or "互派", key, consent)
        if step.action is Action.ESCALATE:
            return linkage.escalate(
                step.number, actor, kind=step.detail, report=step.note, key=key, seen=step.version
            )
        if step.action is Action.THREE_WAY:
            outcome = ThreeWayOutcome(step.detail)
            return linkage.settle_three_way(
                step.number, outcome, actor, step.note, step.mode, seen=step.version
            )
        return orders.act(
            step.number, step.action, actor, step.note, step.mode, step.detail, seen=step.version
        )

    return perform
