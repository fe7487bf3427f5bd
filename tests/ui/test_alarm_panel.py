"""The shift lead's alarm panel and its table model, on alarms raised by the real services.

The scene, Friday 2026-11-27 23:45 China time (a FakeClock; nothing sleeps):
- two orders from Monday (one 12345, one 110): feedback overdue (due Thu), completion warned
  (due Mon 11-30: "later");
- a critical order from 21:45: feedback due at 23:45 exactly (DUE);
- a critical order from 22:00: feedback due Saturday 00:00, warned at 23:30 ("tomorrow").

The ``seated`` scene moves on to 23:59 with the handling seats (经办坐席) apart: A-02 has taken
the "tomorrow" order on, A-01 transferred the "due" order to 110 at 23:45 (sign-for warned).
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.domain.orders import Action, Platform
from console.ui.alarms.model import AlarmTableModel
from console.ui.alarms.panel import AlarmPanel
from console.ui.operations import Operations
from tests.principals import at_seat, lead
from tests.ui.alarm_panel_harness import (
    HOTLINE_2,
    Scene,
    all_shown,
    china,
    items,
    numbers_shown,
    open_panel,
    rows,
    tab_texts,
)
from tests.ui.ops_doubles import HeldOperations, InlineOperations


def test_counts_per_level_and_tabs_by_due_day(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    panel, counts = open_panel(qtbot, scene, worker)
    # One row per running deadline: the overdue feedbacks' WARNING and DUE rows fold into them.
    assert counts == [3, 1, 2]
    assert [chip.text() for chip in panel.chips.values()] == [
        "○ Warning 3",
        "◐ Due 1",
        "● Overdue 2",
    ]
    assert tab_texts(panel) == ["Today (3)", "Tomorrow (1)", "Later (2)"]
    n = scene.numbers
    assert numbers_shown(panel) == [n["hotline"], n["police"], n["due"]]  # soonest due first
    levels = [panel.model.index(r, AlarmTableModel.LEVEL).data() for r in range(3)]
    assert levels == ["● Overdue", "● Overdue", "◐ Due"]
    panel.tabs.setCurrentIndex(1)
    assert numbers_shown(panel) == [n["tomorrow"]]
    panel.tabs.setCurrentIndex(2)
    assert sorted(numbers_shown(panel)) == sorted([n["hotline"], n["police"]])
    assert {panel.model.alarm_at(r).deadline for r in range(2)} == {"completion"}


def test_filters_narrow_the_rows_not_the_chips(panel: AlarmPanel, scene: Scene) -> None:
    n = scene.numbers
    panel.platform_box.setCurrentIndex(panel.platform_box.findData("110"))
    assert tab_texts(panel) == ["Today (1)", "Tomorrow (0)", "Later (1)"]
    assert numbers_shown(panel) == [n["police"]]
    assert panel.chips[next(iter(panel.chips))].text() == "○ Warning 3"  # chips count everything
    panel.platform_box.setCurrentIndex(0)
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("C-QZ"))
    assert tab_texts(panel) == ["Today (1)", "Tomorrow (1)", "Later (0)"]
    assert panel.kind_box.currentText() == "求助"
    panel.kind_box.setCurrentIndex(0)
    panel.level_box.setCurrentIndex(panel.level_box.findData("overdue"))
    assert tab_texts(panel) == ["Today (2)", "Tomorrow (0)", "Later (0)"]
    assert numbers_shown(panel) == [n["hotline"], n["police"]]


def test_the_queue_filter_is_the_deadline(qtbot: QtBot, seated: Scene, worker: Operations) -> None:
    panel = open_panel(qtbot, seated, worker)[0]
    n = seated.numbers
    assert items(panel.queue_box) == [
        "All", "Awaiting sign-for", "Awaiting feedback", "Awaiting completion"
    ]  # fmt: skip
    panel.queue_box.setCurrentIndex(panel.queue_box.findData("sign_for"))
    assert tab_texts(panel) == ["Today (0)", "Tomorrow (1)", "Later (0)"]
    assert all_shown(panel) == {(n["due"], "sign_for")}  # transferred, not signed for
    panel.queue_box.setCurrentIndex(panel.queue_box.findData("feedback"))
    assert tab_texts(panel) == ["Today (3)", "Tomorrow (1)", "Later (0)"]
    assert all_shown(panel) == {
        (n[k], "feedback") for k in ("hotline", "police", "due", "tomorrow")
    }
    panel.queue_box.setCurrentIndex(panel.queue_box.findData("completion"))
    assert all_shown(panel) == {(n["hotline"], "completion"), (n["police"], "completion")}
    panel.platform_box.setCurrentIndex(panel.platform_box.findData("110"))  # filters combine
    assert all_shown(panel) == {(n["police"], "completion")}
    assert [chip.text() for chip in panel.chips.values()] == [
        "○ Warning 4",
        "◐ Due 0",
        "● Overdue 3",
    ]


def test_the_seat_filter_offers_mine_and_every_seat(
    qtbot: QtBot, seated: Scene, worker: Operations
) -> None:
    panel = open_panel(qtbot, seated, worker, seat="A-02")[0]
    n = seated.numbers
    assert items(panel.seat_box) == ["All", "Mine", "A-01", "A-02", "J-07"]
    column = [panel.model.index(r, AlarmTableModel.SEAT).data() for r in range(rows(panel))]
    assert column == ["A-01", "J-07", "A-01"]  # today: hotline, police, due (transferred)
    panel.seat_box.setCurrentIndex(panel.seat_box.findText("J-07"))
    assert tab_texts(panel) == ["Today (1)", "Tomorrow (0)", "Later (1)"]
    assert {number for number, _ in all_shown(panel)} == {n["police"]}
    panel.seat_box.setCurrentIndex(panel.seat_box.findText("A-01"))
    panel.queue_box.setCurrentIndex(panel.queue_box.findData("sign_for"))
    assert all_shown(panel) == {(n["due"], "sign_for")}
    panel.queue_box.setCurrentIndex(0)
    panel.show_mine()
    assert panel.seat_box.currentText() == "Mine"
    assert tab_texts(panel) == ["Today (0)", "Tomorrow (1)", "Later (0)"]
    assert all_shown(panel) == {(n["tomorrow"], "feedback")}  # A-02 took it on
    panel.seat_box.setCurrentIndex(0)
    assert tab_texts(panel) == ["Today (3)", "Tomorrow (2)", "Later (2)"]


def test_a_chosen_seat_survives_refreshes_and_mine_needs_a_seat(
    qtbot: QtBot, seated: Scene, worker: Operations
) -> None:
    panel = open_panel(qtbot, seated, worker)[0]  # a console that was given no seat
    assert items(panel.seat_box) == ["All", "A-01", "A-02", "J-07"]
    panel.show_mine()
    assert panel.seat_box.currentIndex() == 0 and tab_texts(panel)[0] == "Today (3)"
    panel.seat_box.setCurrentIndex(panel.seat_box.findText("A-02"))
    n = seated.numbers
    # A-02's only alarm:
    seated.orders.act(n["tomorrow"], Action.FEED_BACK, HOTLINE_2, "已答复", seen=2)
    seated.orders.act(
        n["police"], Action.START_HANDLING, at_seat("周涛", "J-09", Platform.POLICE), seen=1
    )
    with qtbot.waitSignal(panel.counts_changed):
        panel.refresh()
    assert items(panel.seat_box) == ["All", "A-01", "A-02", "J-09"]  # J-07 has no alarm left
    assert panel.seat_box.currentText() == "A-02" and rows(panel) == 0
    assert tab_texts(panel) == ["Today (0)", "Tomorrow (0)", "Later (0)"]
    panel.seat_box.setCurrentIndex(panel.seat_box.findText("J-09"))
    assert {number for number, _ in all_shown(panel)} == {n["police"]}


def test_tab_order_and_refresh_timer(qtbot: QtBot, panel: AlarmPanel) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    chain = [panel.level_box, panel.queue_box, panel.seat_box, panel.tabs, panel.table, panel.note]
    chain += [panel.ack_button, panel.person]
    chain.append(panel.escalate_button)
    chain[0].setFocus()
    qtbot.waitUntil(chain[0].hasFocus)
    for here, there in pairwise(chain):
        QTest.keyClick(here, Qt.Key.Key_Tab)
        qtbot.waitUntil(there.hasFocus)
    timer = panel.findChild(QTimer, "alarm-panel-refresh")
    assert timer is not None and timer.isActive() and timer.interval() == 30_000


def test_a_failed_load_says_so_until_loading_works_again(qtbot: QtBot, scene: Scene) -> None:
    ops = InlineOperations()
    ops.error = sqlite3.OperationalError("database is locked")
    by = lead("值班长", "A-01", Platform.HOTLINE)
    panel = AlarmPanel(scene.alarms, kind_names=scene.kind_names, by=by, ops=ops)
    qtbot.addWidget(panel)
    panel.set_now(scene.clock.now())
    panel.refresh()
    assert panel.message.text() == (
        "Could not load alarms: The database is busy with another seat's change: try again."
    )
    ops.error = None
    with qtbot.waitSignal(panel.counts_changed):
        panel.refresh()
    assert panel.message.text() == "" and panel.model.rowCount() == 3


def test_model_passes_the_model_tester(qtmodeltester: object, scene: Scene) -> None:
    model = AlarmTableModel(scene.kind_names)
    model.set_now(scene.clock.now())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_alarms(scene.alarms.open_alarms())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 11  # raw service rows: the panel folds levels, the model doesn't
    assert model.headerData(AlarmTableModel.SEAT, Qt.Orientation.Horizontal) == "Handling seat"
    seats = {model.index(r, AlarmTableModel.SEAT).data() for r in range(model.rowCount())}
    assert seats == {"A-01", "J-07"}


def test_time_left_text(qapp: QApplication) -> None:
    model, now = AlarmTableModel({}), china(2026, 11, 27, 12, 0)
    model.set_now(now)
    left = {
        timedelta(hours=2, minutes=15, seconds=30): "2h 15m left",
        -timedelta(minutes=35, seconds=10): "35m over",
        timedelta(days=3, hours=2): "3d 2h left",
        timedelta(seconds=45): "45s left",
    }
    assert {delta: model.time_left(now + delta) for delta in left} == left


@pytest.mark.usefixtures("chinese")
def test_the_panel_speaks_chinese(qtbot: QtBot, scene: Scene, worker: Operations) -> None:
    panel = open_panel(qtbot, scene, worker)[0]
    assert [chip.text() for chip in panel.chips.values()] == ["○ 预警 3", "◐ 到期 1", "● 超期 2"]
    assert tab_texts(panel) == ["今天（3）", "明天（1）", "以后（2）"]
    assert panel.model.index(0, AlarmTableModel.DEADLINE).data() == "反馈"
    assert panel.model.index(0, AlarmTableModel.DUE).data() == "11-26 23:59"
    assert panel.model.index(0, AlarmTableModel.LEFT).data() == "超 23小时45分"
    assert panel.model.time_left(scene.clock.now() + timedelta(days=2, hours=1)) == "剩 2天1小时"
    assert (panel.ack_button.text(), panel.escalate_button.text()) == ("确认", "督办")
    seat_header = panel.model.headerData(AlarmTableModel.SEAT, Qt.Orientation.Horizontal)
    assert seat_header == "经办坐席"
    assert items(panel.queue_box) == ["全部", "待签收", "待反馈", "待办结"]
    assert items(panel.seat_box) == ["全部", "A-01", "J-07"]


def test_the_first_refresh_shows_the_counts_before_the_list(qtbot: QtBot, scene: Scene) -> None:
    """A start's first data: the chips (and the Alarms tab's count) from one cheap count read,
    before the list of open alarms is read; later refreshes read the list (and counts) alone."""
    ops = HeldOperations()
    panel = AlarmPanel(scene.alarms, kind_names=scene.kind_names,
                       by=lead("值班长", "A-01", Platform.HOTLINE), ops=ops)  # fmt: skip
    qtbot.addWidget(panel)
    panel.set_now(scene.clock.now())
    panel.refresh()
    assert len(ops.asks) == 2  # the counts, then the list
    with qtbot.waitSignal(panel.counted) as counted:
        ops.answer()
    assert list(counted.args[0].values()) == [3, 1, 2] and panel.model.rowCount() == 0
    assert [chip.text() for chip in panel.chips.values()][2] == "● Overdue 2"
    with qtbot.waitSignal(panel.counts_changed):
        ops.answer()
    assert panel.model.rowCount() == 3
    panel.refresh()
    assert len(ops.asks) == 1  # the list and its counts, in one read
