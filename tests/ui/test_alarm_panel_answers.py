"""The shift lead answers alarms on the panel: acknowledge, escalate, and what the clock and a\nresolved deadline do to the rows (split from test_alarm_panel.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.domain.orders import Action, Platform
from console.ui.alarms.model import AlarmTableModel
from console.ui.alarms.panel import AlarmPanel
from console.ui.operations import Operations
from tests.principals import lead
from tests.ui.alarm_panel_harness import (
    HOTLINE,
    Scene,
    china,
    numbers_shown,
    open_panel,
    tab_texts,
)


def test_empty_note_shows_the_service_message_and_keeps_the_draft(
    qtbot: QtBot, panel: AlarmPanel
) -> None:
    panel.ack_button.click()
    assert panel.message.text() == "Select an alarm in the table first."
    panel.table.selectRow(0)
    panel.note.setText("   ")
    panel.ack_button.click()
    qtbot.waitUntil(lambda: panel.message.text() == "Write the acknowledgement note first.")
    assert panel.note.text() == "   " and "b3261e" in panel.message.styleSheet()
    panel.escalate_button.click()
    qtbot.waitUntil(lambda: panel.message.text() == "Name the person the alarm is escalated to.")


def test_ctrl_enter_acknowledges_and_it_persists(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    police_lead = lead("值班长", "J-01", Platform.POLICE)  # the alarm is of a 110 order
    panel = open_panel(qtbot, scene, worker, by=police_lead)[0]
    panel.show()
    qtbot.waitExposed(panel)
    panel.table.selectRow(1)
    chosen = panel.selected()
    assert chosen is not None and chosen.number == scene.numbers["police"]
    panel.note.setFocus()
    qtbot.waitUntil(panel.note.hasFocus)
    panel.note.insert("已电话催办")  # QTest.keyClicks takes ASCII only
    with qtbot.waitSignal(panel.counts_changed):  # saved, then the panel re-queried
        QTest.keyClick(panel.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.note.text() == "" and panel.message.text() == f"Acknowledged {chosen.number}."
    stored = {a.id: a for a in scene.alarms.open_alarms()}[chosen.id]
    assert (stored.acknowledged_by, stored.ack_note) == ("值班长", "已电话催办")
    assert panel.selected() == stored  # the selection survived the refresh
    row = panel.model.rowCount() - 1  # acknowledged: listed after the open ones, greyed
    assert panel.model.alarm_at(row).id == chosen.id
    cell = panel.model.index(row, AlarmTableModel.ACKNOWLEDGED)
    assert cell.data() == "值班长: 已电话催办"
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#707070"
    assert panel.model.index(row, AlarmTableModel.LEVEL).data(Qt.ItemDataRole.FontRole).strikeOut()


def test_escalate_persists(qtbot: QtBot, panel: AlarmPanel, scene: Scene) -> None:
    panel.table.selectRow(0)
    chosen = panel.selected()
    assert chosen is not None
    panel.person.setText("张科长")
    with qtbot.waitSignal(panel.counts_changed):
        panel.escalate_button.click()
    assert {a.id: a for a in scene.alarms.open_alarms()}[chosen.id].escalated_to == "张科长"
    assert panel.model.index(0, AlarmTableModel.ESCALATED).data() == "张科长"
    assert panel.person.text() == ""


def test_a_resolved_alarm_disappears_on_refresh(
    qtbot: QtBot, panel: AlarmPanel, scene: Scene
) -> None:
    number = scene.numbers["due"]
    scene.orders.act(number, Action.START_HANDLING, HOTLINE, seen=1)
    scene.orders.act(number, Action.FEED_BACK, HOTLINE, "已答复", seen=2)  # the deadline is met
    with qtbot.waitSignal(panel.counts_changed) as counted:
        panel.refresh()
    assert list(counted.args[0].values()) == [3, 0, 2]
    assert number not in numbers_shown(panel)
    assert tab_texts(panel)[0] == "Today (2)"


def test_the_clock_moves_time_left_and_regroups_at_midnight(
    qtbot: QtBot, panel: AlarmPanel
) -> None:
    left = AlarmTableModel.LEFT
    assert panel.model.index(2, left).data() == "0s left"
    with qtbot.waitSignal(panel.model.dataChanged) as changed:
        panel.set_now(china(2026, 11, 27, 23, 50))
    top, bottom = changed.args[0], changed.args[1]
    assert (top.column(), bottom.column(), top.row(), bottom.row()) == (left, left, 0, 2)
    assert panel.model.index(2, left).data() == "5m over"
    assert tab_texts(panel) == ["Today (3)", "Tomorrow (1)", "Later (2)"]
    panel.set_now(china(2026, 11, 28, 0, 10))  # Saturday: tomorrow's alarm is today's now
    assert tab_texts(panel) == ["Today (4)", "Tomorrow (0)", "Later (2)"]


def test_acknowledge_and_escalate_are_enabled_only_where_the_roles_allow(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    panel = open_panel(qtbot, scene, worker)[0]  # a 12345 shift lead
    police = numbers_shown(panel).index(scene.numbers["police"])
    panel.table.selectRow(police)
    assert not panel.ack_button.isEnabled() and not panel.escalate_button.isEnabled()
    panel.note.insert("已电话催办")
    panel.acknowledge()  # the key works while the button is disabled: refused at once
    assert panel.message.text() == "Your roles do not allow this."
    assert panel.note.text() == "已电话催办"
    panel.table.selectRow(1 - police if police < 2 else 0)
    assert panel.ack_button.isEnabled() and panel.escalate_button.isEnabled()
    agent = open_panel(qtbot, scene, worker, by=HOTLINE)[0]  # a 12345 agent: no escalation
    agent.table.selectRow(1 - police if police < 2 else 0)
    assert agent.ack_button.isEnabled() and not agent.escalate_button.isEnabled()
