"""The agent's seat end to end: a call rings, F5 answers, the pop shows the caller's history,
the order is typed and saved with the keyboard, hang-up goes to wrap-up and back to ready."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.app_seat import order_transfers
from console.domain.agent_state import AgentState
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.services.orders import OrderService
from console.services.screen_pop import ScreenPopService
from console.services.seat import SeatStateService
from console.store.engine import Database
from console.store.seed import catalogue
from console.telephony.port import Line
from console.telephony.simulated import SimulatedSwitch
from console.ui.operations import Operations
from console.ui.seat.call_bar import CallBar
from console.ui.seat.drafts import DraftStore
from console.ui.seat.intake_form import IntakeForm
from console.ui.seat.screen_pop import ScreenPopView
from console.ui.seat.seat_controller import SeatController
from console.ui.seat.seat_panel import SeatPanel
from console.ui.seat.transfer_flow import TransferFlow
from tests.principals import at_seat, lead
from tests.waiting import until

ACTOR = at_seat("王丽", "A-01", Platform.HOTLINE)
CALLER = "13812345678"


def build(db: Database, tmp_path: Path, loop: asyncio.AbstractEventLoop):  # type: ignore[no-untyped-def]
    clock = lambda: datetime.now(UTC)  # noqa: E731
    orders = OrderService(db, clock)
    orders.create(
        Draft(caller_phone=CALLER, kind="C-ZX", field="F-GF", district="210102",
              description="咨询供暖开始时间", consent=True),
        ACTOR,
    )  # fmt: skip
    with db.read() as s:
        kinds, fields, districts = catalogue(s)
    worker = Operations("test-seat")
    switch = SimulatedSwitch(rate_per_min=0, seed=1, loop=loop)
    holder = QWidget()
    bar, pop = CallBar(), ScreenPopView({k.code: k.name_zh for k in kinds})
    intake = IntakeForm(
        platform=Platform.HOTLINE, kinds=kinds, fields=fields, districts=districts,
        save=lambda d: orders.create(d, ACTOR).order.number, ops=worker,
        drafts=DraftStore(tmp_path / "drafts"),
    )  # fmt: skip
    states = SeatStateService(db, clock, lead("王丽", "A-01", Platform.HOTLINE))
    controller = SeatController(
        telephony=switch, line=Line.HOTLINE, states=states, pops=ScreenPopService(db, clock, ACTOR),
        ops=worker, call_bar=bar, pop_view=pop, intake=intake, clock=clock,
        wrap_up=timedelta(milliseconds=300),
    )  # fmt: skip
    flow = TransferFlow(
        seat=controller, telephony=switch, line=Line.HOTLINE, ops=worker,
        transfers=order_transfers(orders, ACTOR),
    )  # fmt: skip
    panel = SeatPanel(controller, flow, bar, pop, intake, holder)
    return holder, panel, controller, switch, orders, worker


@dataclass
class Parts:
    holder: QWidget
    panel: SeatPanel
    controller: SeatController
    switch: SimulatedSwitch
    orders: OrderService


@pytest.fixture
def parts(
    qtbot: QtBot, qloop: qasync.QEventLoop, sqlite_db: Database, tmp_path: Path
) -> Iterator[Parts]:
    """The seat, shown; its switch, controller and worker thread are stopped even on failure."""
    holder, panel, controller, switch, orders, worker = build(sqlite_db, tmp_path, qloop)
    qtbot.addWidget(holder)
    holder.resize(1200, 760)
    holder.show()
    yield Parts(holder, panel, controller, switch, orders)
    qloop.run_until_complete(switch.stop())
    controller.close()
    worker.shutdown()


def test_a_call_from_ring_to_saved_order(
    qtbot: QtBot, qloop: qasync.QEventLoop, parts: Parts
) -> None:
    holder, panel, controller, switch = parts.holder, parts.panel, parts.controller, parts.switch
    ringing = panel.controller._bar.ringing
    pop_model = panel.findChild(ScreenPopView).model  # type: ignore[union-attr]
    states: list[tuple[str, float]] = []
    controller.state_changed.connect(lambda state, _r: states.append((state, time.monotonic())))

    async def scenario() -> None:
        switch.start()
        controller.log_in()
        assert controller.state is AgentState.READY
        switch.place_call(Line.HOTLINE, CALLER)
        await until(lambda: ringing.count() == 1)
        assert controller.current is None
        assert "138****5678" in ringing.item(0).text()
        qtbot.keyClick(holder, Qt.Key.Key_F5)
        await until(lambda: pop_model.rowCount())
        assert controller.state is AgentState.ON_CALL
        assert controller.current is not None and controller.current.caller == CALLER
        assert pop_model.rowCount() == 1
        assert panel.intake.draft().caller_phone == CALLER
        form = panel.intake.draft()
        panel.intake.set_draft(
            Draft(caller_phone=form.caller_phone, kind="C-TS", field="F-SH", district="210102",
                  description="楼下烧烤店夜间噪音扰民", consent=True)
        )  # fmt: skip
        saved: list[str] = []
        panel.intake.saved.connect(saved.append)
        panel.intake.save()
        await until(lambda: saved)
        assert saved[0].startswith("12345-")
        await until(lambda: pop_model.rowCount() == 2)  # the pop lists the order just recorded
        states.clear()
        qtbot.keyClick(holder, Qt.Key.Key_F6)
        await until(lambda: len(states) >= 2, what="wrap-up, then ready by itself")
        (wrap_up, began), (ready, ended) = states
        assert (wrap_up, ready) == ("wrap_up", "ready") and controller.state is AgentState.READY
        assert ended - began >= 0.25  # the 300 ms wrap-up ran its course (Qt's coarse timers
        # may fire up to 5 % early)
        assert controller.stats.answered == 1 and controller.stats.service_level == 1.0

    qloop.run_until_complete(scenario())
    assert len(parts.orders.caller_history(CALLER)) == 2  # the earlier order and today's


def test_f8_sends_the_call_then_the_order_to_110(
    qtbot: QtBot, qloop: qasync.QEventLoop, parts: Parts
) -> None:
    holder, panel, controller, switch = parts.holder, parts.panel, parts.controller, parts.switch
    orders = parts.orders
    notices: list[str] = []
    controller.notice.connect(notices.append)
    panel.flow.notice.connect(notices.append)
    states: list[str] = []
    controller.state_changed.connect(lambda state, _reason: states.append(state))

    async def scenario() -> None:
        switch.start()
        switch.register_seat("J-SIM", Line.POLICE, True)
        controller.log_in()
        switch.place_call(Line.HOTLINE, CALLER)
        await until(lambda: panel.controller._bar.ringing.count() == 1)
        qtbot.keyClick(holder, Qt.Key.Key_F5)
        await until(lambda: controller.current is not None)
        qtbot.keyClick(holder, Qt.Key.Key_F8)  # nothing saved yet: refused, call stays
        await until(lambda: notices)
        assert "Save the order first" in notices[-1] and controller.current is not None
        saved: list[str] = []
        panel.intake.saved.connect(saved.append)
        panel.intake.set_draft(
            Draft(caller_phone=CALLER, kind="C-TS", field="F-SH", district="210102",
                  description="小区门口有人持械斗殴", consent=True)
        )  # fmt: skip
        panel.intake.save()
        await until(lambda: saved)
        states.clear()
        qtbot.keyClick(holder, Qt.Key.Key_F8)
        await until(lambda: controller.current is None, timeout=6)  # the call went to 110
        assert states[0] == "wrap_up"  # and the seat to wrap-up
        await until(lambda: orders.get(saved[0]).order.owner is Platform.POLICE)
        order = orders.get(saved[0]).order
        assert order.owner is Platform.POLICE and order.status.value == "transferred"

    qloop.run_until_complete(scenario())
