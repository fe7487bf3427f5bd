"""A call offered to the seat is heard and seen from any tab: ring (recorded, not played), the
window alerted, a badge on the Seat tab; all stopped when answered, taken elsewhere or rung out;
auto-answer takes the offer at once."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from console.domain.agent_state import AgentState, NotReadyReason
from console.store.engine import Database
from console.telephony.port import Line
from console.telephony.simulated import SimulatedSwitch
from console.ui.seat.ringer import Ringer, tab_badge
from console.ui.seat.seat_controller import SeatController
from tests.ui import test_seat
from tests.waiting import until

CALLER = test_seat.CALLER
SCALE = 0.01  # a simulated second is 10 ms: the 15 s ring-no-answer takes 150 ms


@dataclass
class Ringing:
    tabs: QTabWidget
    controller: SeatController
    switch: SimulatedSwitch
    ringer: Ringer
    played: list[tuple[str, int]]
    alerted: list[QWidget]


@pytest.fixture
def ringing(
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Ringing]:
    """The seat in a tab widget, as in the main window, with a switch that rings out after
    15 simulated seconds and a ringer that records instead of playing."""
    switch_type = functools.partial(SimulatedSwitch, ring_timeout_s=15, time_scale=SCALE)
    monkeypatch.setattr(test_seat, "SimulatedSwitch", switch_type)
    _holder, panel, controller, switch, _orders, worker = test_seat.build(
        sqlite_db, tmp_path, qloop
    )
    tabs = QTabWidget()
    tabs.addTab(panel, "坐席(&S)")
    tabs.addTab(QWidget(), "队列(&Q)")
    tabs.setCurrentIndex(1)  # the agent is looking at the queues
    qtbot.addWidget(tabs)
    tabs.resize(1200, 760)
    tabs.show()
    played: list[tuple[str, int]] = []
    alerted: list[QWidget] = []
    ringer = Ringer(
        volume=70, window=lambda: tabs, badge=tab_badge(tabs, panel),
        player=lambda path, volume: played.append((path.name, volume)),
        alert=lambda window, _ms: alerted.append(window), repeat_ms=50, parent=tabs,
    )  # fmt: skip
    controller.offer_ringing.connect(ringer.ring)
    controller.offer_stopped.connect(ringer.stop)
    yield Ringing(tabs, controller, switch, ringer, played, alerted)
    qloop.run_until_complete(switch.stop())
    controller.close()
    worker.shutdown()


def test_an_offer_rings_alerts_and_badges_until_answered(
    qtbot: QtBot, qloop: qasync.QEventLoop, ringing: Ringing
) -> None:
    tabs, controller, switch, ringer = (
        ringing.tabs,
        ringing.controller,
        ringing.switch,
        ringing.ringer,
    )

    async def scenario() -> None:
        controller.log_in()
        call = switch.place_call(Line.HOTLINE, CALLER)
        assert ringer.call_id == call.call_id  # at once, in the offer's own event
        assert ringing.played == [("ring.wav", 70)] and ringing.alerted == [tabs]
        assert tabs.tabText(0).endswith(" ● Call") and tabs.tabText(0).startswith("坐席")
        await until(lambda: len(ringing.played) >= 3, what="the ring repeats while it rings")
        assert tabs.currentIndex() == 1  # no tab switched by itself
        tabs.setCurrentIndex(0)
        qtbot.keyClick(tabs.widget(0), Qt.Key.Key_F5)  # F5 answers the call ringing here
        await until(lambda: controller.current is not None)
        assert controller.current.call_id == call.call_id
        assert ringer.call_id is None and not ringer.repeat.isActive()
        assert tabs.tabText(0) == "坐席(&S)"
        rung = len(ringing.played)
        await asyncio.sleep(0.2)  # four repeat periods: no ring once answered
        assert len(ringing.played) == rung

    qloop.run_until_complete(scenario())


def test_an_offer_taken_elsewhere_stops_ringing(qloop: qasync.QEventLoop, ringing: Ringing) -> None:
    controller, switch, ringer = ringing.controller, ringing.switch, ringing.ringer

    async def scenario() -> None:
        controller.log_in()
        switch.register_seat("A-02", Line.HOTLINE, False)
        call = switch.place_call(Line.HOTLINE, CALLER)
        assert ringer.call_id == call.call_id
        await switch.answer(call.call_id, "A-02")  # a colleague picked it up
        assert ringer.call_id is None and controller.ringing is None
        assert controller.current is None and controller.state is AgentState.READY

    qloop.run_until_complete(scenario())


def test_a_call_left_ringing_sets_the_seat_not_ready_and_says_why(
    qtbot: QtBot, qloop: qasync.QEventLoop, ringing: Ringing
) -> None:
    controller, switch, ringer = ringing.controller, ringing.switch, ringing.ringer
    notices: list[str] = []
    controller.notice.connect(notices.append)

    async def scenario() -> None:
        controller.log_in()
        call = switch.place_call(Line.HOTLINE, CALLER)
        assert ringer.call_id == call.call_id
        await until(lambda: controller.state is AgentState.NOT_READY, what="ring-no-answer")
        assert controller._states.seat.reason is NotReadyReason.NO_ANSWER
        assert ringer.call_id is None and ringing.tabs.tabText(0) == "坐席(&S)"
        assert notices and "Missed call" in notices[-1]
        assert [(c.call_id, c.seat) for c in switch.waiting()] == [(call.call_id, None)]
        ringing.tabs.setCurrentIndex(0)
        qtbot.keyClick(ringing.tabs.widget(0), Qt.Key.Key_F2)  # back: it rings here again
        await until(lambda: ringer.call_id == call.call_id)

    qloop.run_until_complete(scenario())


def test_auto_answer_takes_the_offer_without_ringing(
    qloop: qasync.QEventLoop, ringing: Ringing
) -> None:
    controller, switch = ringing.controller, ringing.switch
    controller.auto_answer = True

    async def scenario() -> None:
        controller.log_in()
        call = switch.place_call(Line.HOTLINE, CALLER)
        await until(lambda: controller.current is not None)
        assert controller.current.call_id == call.call_id
        assert controller.state is AgentState.ON_CALL
        assert ringing.played == [] and ringing.alerted == []

    qloop.run_until_complete(scenario())


def test_no_ring_volume_still_alerts_and_badges(qloop: qasync.QEventLoop, ringing: Ringing) -> None:
    silent = Ringer(volume=0, window=lambda: ringing.tabs, badge=tab_badge(ringing.tabs, ringing.tabs.widget(0)),
                    player=lambda *_: pytest.fail("played at volume 0"),
                    alert=lambda window, _ms: ringing.alerted.append(window))  # fmt: skip
    silent.ring("c1")
    assert ringing.alerted == [ringing.tabs] and " ● " in ringing.tabs.tabText(0)
    silent.stop()
    assert ringing.tabs.tabText(0) == "坐席(&S)"
