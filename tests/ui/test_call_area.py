"""The call area over every tab (issue 12): the call stays in view and the seat's keys work
whatever tab is in front; the call is timed from its answer and its hold on its own; a call
without an order asks for a wrap-up code inline, and the screen pop clears after wrap-up."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.domain.agent_state import AgentState
from console.domain.call_stats import CallStats
from console.store.engine import Database
from console.store.reports import linkage_report
from console.telephony.port import Call, CallState, Line
from console.ui.seat.call_bar import CallBar
from console.ui.seat.screen_pop import ScreenPopView
from tests.ui.linkage_harness import CALLER, Seats
from tests.waiting import until

T0 = datetime(2026, 11, 26, 1, tzinfo=UTC)


def test_the_call_is_timed_from_its_answer_and_a_long_hold_reminds(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    bar = CallBar(timedelta(seconds=60), holder)
    holder.show()
    call = Call("c1", CALLER, Line.HOTLINE, T0, CallState.ANSWERED, seat="A-01")
    answered = T0 + timedelta(seconds=40)  # it waited 40 s in the queue
    bar.set_calls([], call, answered_at=answered)
    bar.set_now(answered + timedelta(seconds=5), CallStats())
    assert bar.current.text().endswith("00:05") and not bar.hold.isVisible()
    held = Call("c1", CALLER, Line.HOTLINE, T0, CallState.HELD, seat="A-01")
    on_hold = answered + timedelta(seconds=10)
    bar.set_calls([], held, answered_at=answered, held_since=on_hold)
    bar.set_now(on_hold + timedelta(seconds=30), CallStats())
    assert bar.hold.isVisible() and "00:30" in bar.hold.text() and not bar.hold_overdue
    assert bar.current.text().endswith("00:40")  # the call's own timer runs on
    bar.set_now(on_hold + timedelta(seconds=65), CallStats())
    assert bar.hold_overdue and "01:05" in bar.hold.text()
    assert "go back to the caller" in bar.hold.text()
    bar.set_calls([], call, answered_at=answered)  # resumed
    assert not bar.hold.isVisible() and not bar.hold_overdue


def test_keys_work_and_the_call_stays_in_view_on_every_tab(
    seats: Seats, qloop: qasync.QEventLoop, qtbot: QtBot, db: Database
) -> None:
    part = seats.hot
    window, seat = part.window, part.seat
    controller, panel = seat.controller, seat.panel
    pop = panel.findChild(ScreenPopView)
    assert pop is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())

    def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        qtbot.keyClick(window.focusWidget() or window, key, modifier)

    async def scenario() -> None:
        seats.switch.start()
        assert window.queues is not None and window.alarm_panel is not None
        window.tabs.setCurrentWidget(window.queues)
        assert panel.call_bar.isVisible() and panel.state_box.isVisible()
        press(Qt.Key.Key_F3)  # break, from the queues tab
        await until(lambda: controller.state is AgentState.NOT_READY)
        press(Qt.Key.Key_F2)
        await until(lambda: controller.state is AgentState.READY)
        seats.switch.place_call(Line.HOTLINE, CALLER)
        await until(lambda: panel.call_bar.ringing.count() == 1)
        window.tabs.setCurrentWidget(window.alarm_panel)
        press(Qt.Key.Key_F5)  # answered from the alarms tab
        await until(lambda: controller.current is not None)
        assert window.tabs.currentWidget() is window.alarm_panel  # nothing switched by itself
        assert panel.call_bar.current.isVisible() and CALLER in panel.call_bar.current.text()
        assert panel.state_box.currentText() == panel.tr("On a call")  # not 示闲 greyed
        await until(lambda: pop.model.rowCount() > 0 or "0" in pop.header.text())
        press(Qt.Key.Key_F7)  # hold, from the alarms tab
        await until(lambda: controller.held_since is not None)
        assert panel.call_bar.hold.isVisible()
        press(Qt.Key.Key_F7)
        await until(lambda: controller.held_since is None)
        press(Qt.Key.Key_F6)  # hang up with no order saved: a wrap-up code is wanted
        await until(lambda: controller.state is AgentState.WRAP_UP)
        assert panel.state_box.currentText() == panel.tr("Wrap-up")
        wrap = panel.wrap_up
        assert wrap.isVisible() and wrap.asking and wrap.codes[0].isVisible()
        left = controller.wrap_up_left(datetime.now(UTC))
        press(Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # more time
        assert controller.wrap_up_left(datetime.now(UTC)) > left + timedelta(seconds=25)
        press(Qt.Key.Key_F2)  # refused: the code comes first
        assert controller.state is AgentState.WRAP_UP
        assert controller.code_wanted is not None
        wrap.setFocus()
        qtbot.keyClick(wrap, Qt.Key.Key_2)
        assert wrap.selected is not None and wrap.selected.code == "nuisance"
        qtbot.keyClick(wrap, Qt.Key.Key_Return)
        await until(lambda: controller.state is AgentState.READY)
        assert not wrap.isVisible()
        assert pop.model.rowCount() == 0 and pop.header.text() == pop.tr("No caller yet.")

        def counted() -> dict[str, int]:
            with db.read() as session:
                today = datetime.now(UTC).date()
                return linkage_report(session, date(2000, 1, 1), today + timedelta(days=1)) \
                    .dispositions  # fmt: skip

        await until(lambda: counted() == {"nuisance": 1})

    qloop.run_until_complete(scenario())


def test_the_state_box_says_a_missed_call_set_the_seat_not_ready(seats: Seats) -> None:
    """After ring-no-answer the switch, not the agent, made the seat not ready: the box says so
    (it used to read 就绪 beside a 示忙 label)."""
    panel = seats.hot.seat.panel
    panel.controller.state_changed.emit(AgentState.NOT_READY.value, "no_answer")
    assert panel.state_box.currentText() == panel.tr("Not ready: missed call")
    panel.controller.state_changed.emit(AgentState.NOT_READY.value, "break")
    assert panel.state_box.currentText() == panel.tr("Not ready: break (F3)")
