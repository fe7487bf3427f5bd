"""Part of the composition root (see app.py): builds the agent's seat and its simulated switch.

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
from console.domain.orders import Actor, Platform
from console.services.orders import OrderService
from console.services.screen_pop import ScreenPopService
from console.services.seat import SeatStateService
from console.store.engine import Database
from console.store.orders import sample_callers
from console.telephony.port import Line
from console.telephony.simulated import SimulatedSwitch
from console.ui.seat.call_bar import CallBar
from console.ui.seat.drafts import DraftStore
from console.ui.seat.intake_form import IntakeForm
from console.ui.seat.screen_pop import ScreenPopView
from console.ui.seat.seat_controller import SeatController
from console.ui.seat.seat_panel import SeatPanel
from console.ui.worker import Worker

SIM_CALLS_PER_MIN = 2.0  # the demo switch's arrival rate on this seat's line
WRAP_UP = timedelta(seconds=30)  # 话后整理
PEER_SEAT = "SIM-PEER"  # a simulated seat of the other platform that takes transfers


@dataclass
class SeatParts:
    panel: SeatPanel
    controller: SeatController
    switch: SimulatedSwitch


def build_seat(
    *,
    db: Database,
    orders: OrderService,
    clock: Callable[[], datetime],
    actor: Actor,
    catalogue: tuple[Sequence[Kind], Sequence[Field], Sequence[District]],
    kind_names: dict[str, str],
    worker: Worker,
    loop: asyncio.AbstractEventLoop,
) -> SeatParts:
    kinds, fields, districts = catalogue
    line = Line(actor.platform.value)
    with db.read() as session:  # repeat callers, so the screen pop shows real history
        known = sample_callers(session, 500)
    rng = random.Random()
    switch = SimulatedSwitch(
        rate_per_min={line: SIM_CALLS_PER_MIN},
        callers=(lambda: rng.choice(known)) if known else None,
        repeat_share=0.6 if known else 0.0,
        loop=loop,
    )
    peer = Line.POLICE if line is Line.HOTLINE else Line.HOTLINE
    switch.register_seat(PEER_SEAT, peer, True)
    call_bar = CallBar()
    pop_view = ScreenPopView(kind_names)
    intake = IntakeForm(
        platform=actor.platform,
        kinds=[k for k in kinds if k.platform is actor.platform],
        fields=[f for f in fields if f.platform is Platform.HOTLINE],
        districts=districts,
        save=lambda draft: orders.create(draft, actor).order.number,
        run=worker.run,
        drafts=DraftStore(),
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
        wrap_up=WRAP_UP,
        transfer_order=lambda number, key: orders.transfer(number, actor, "一键转接", key),
    )
    panel = SeatPanel(controller, call_bar, pop_view, intake)
    return SeatParts(panel, controller, switch)
