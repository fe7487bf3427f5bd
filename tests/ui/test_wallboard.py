"""The wallboard (大屏): the figures of its read and of the seat's queue, in words and symbols;
a change re-reads it within the throttle; the stale figures are said; Esc leaves; an agent has
none (nor the hot spots)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from console.domain.alarm_levels import AlarmLevel
from console.domain.call_stats import CallStats
from console.domain.orders import Platform
from console.services.order_reads import OrderReads
from console.services.wallboard import Agents, CallFigures, DayCalls, Floor
from console.ui.hotspots import hotspot_view
from console.ui.main_window import MainWindow
from console.ui.status_bar import StatusBar
from console.ui.wallboard import lazy_wallboard, wallboard
from console.ui.wallboard.view import Row, Wallboard
from tests.principals import at_seat, lead
from tests.ui.ops_doubles import InlineOperations
from tests.ui.test_keys import check
from tests.ui.wall_doubles import DEPARTMENTS, NOW, FakeFloor, FakeHotspots, busy_floor, queue

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
LEAD = lead("张班长", "A-09", Platform.HOTLINE)


def shown_text(board: Wallboard) -> str:
    rows = [x.text() for x in board.findChildren(Row) if x.isVisible()]
    return " ".join([x.text() for x in board.findChildren(QLabel) if x.isVisible()] + rows)


def open_board(qtbot: QtBot, fake: FakeFloor, stats: CallStats | None = None) -> Wallboard:
    board = wallboard(fake.read, stats or queue(), by=LEAD, ops=InlineOperations(),
                      clock=lambda: NOW)  # fmt: skip
    assert board is not None
    qtbot.addWidget(board)
    board.toggle()
    qtbot.waitUntil(board.isVisible)
    return board


def test_it_shows_the_read_and_the_queue_in_words(qtbot: QtBot) -> None:
    board = open_board(qtbot, FakeFloor(busy_floor()))
    text = shown_text(board)
    assert board.waiting.text() == "7"
    assert board.longest.text() == "01:42" and "⚠ over 15 s" in text  # past the target: said so
    assert board.level.text() == "81%"  # 109 of 135 offered within 15 s
    assert "✔ 126 answered" in text and "✖ 9 abandoned" in text
    for row in ("✔ Ready  12", "☎ On a call  9", "✎ Wrap-up  3", "■ Not ready  5", "✖ Offline  2"):
        assert row in text
    for row in ("● Overdue  3", "◐ Due  6", "○ Warning  14", "⚠ Partners late  2",
                "⇄ Link queue  17"):  # fmt: skip
        assert row in text
    assert board.hotspots.text() == "3" and "✔ 2 taken up" in text
    assert "◇ 1 by keyword group" in text and board.hotspots_words.isVisible()
    assert "Ⅱ serious  1" in text and "DRILL  1" in text
    assert not board.stale.isVisible()


def test_a_change_re_reads_it_within_the_throttle(qtbot: QtBot) -> None:
    fake = FakeFloor(busy_floor())
    board = open_board(qtbot, fake)
    before = fake.reads
    fake.floor = replace(fake.floor, alarms={**fake.floor.alarms, AlarmLevel.OVERDUE: 4},
                         agents=Agents(ready=11, on_call=10))  # fmt: skip
    with qtbot.waitSignal(board.loaded, timeout=1_000):
        board.refresh_soon()
    assert fake.reads == before + 1
    assert "● Overdue  4" in shown_text(board) and "☎ On a call  10" in shown_text(board)


def test_nothing_is_read_while_hidden_and_esc_leaves(qtbot: QtBot) -> None:
    fake = FakeFloor(busy_floor())
    board = wallboard(fake.read, CallStats(), by=LEAD, ops=InlineOperations(), clock=lambda: NOW)
    assert board is not None
    qtbot.addWidget(board)
    board.refresh_soon()
    board.refresh()
    assert fake.reads == 0
    board.toggle()
    qtbot.waitUntil(board.isVisible)
    assert fake.reads == 1 and board.tick_timer.isActive()
    with qtbot.waitSignal(board.left):
        QTest.keyClick(board, Qt.Key.Key_Escape)
    assert not board.isVisible() and not board.tick_timer.isActive()


def test_old_figures_are_said_to_be_old(qtbot: QtBot) -> None:
    now = [NOW]
    fake = FakeFloor(busy_floor())
    board = wallboard(fake.read, CallStats(), by=LEAD, ops=InlineOperations(), clock=lambda: now[0])
    assert board is not None
    qtbot.addWidget(board)
    board.toggle()
    now[0] = NOW + timedelta(seconds=12)  # the database went away: reads keep the old instant
    with qtbot.waitSignal(board.loaded, timeout=2_000):
        pass  # the next tick reads (and re-shows the old floor)
    assert board.stale.isVisible() and "Not updated for 00:12" in board.stale.text()


def test_the_service_level_is_todays() -> None:
    day = DayCalls()
    morning = CallFigures(answered=10, in_target=9, abandoned=0)
    assert day.today(morning, NOW) == morning  # started today: its counts are today's
    tomorrow = NOW + timedelta(days=1)
    assert day.today(morning, tomorrow).service_level is None  # midnight: a new day's zero
    later = CallFigures(answered=14, in_target=10, abandoned=1)
    assert day.today(later, tomorrow).service_level == 1 / 5


def test_a_quiet_floor_greys_its_zeros(qtbot: QtBot) -> None:
    quiet = Floor(at=NOW, agents=Agents(ready=3), alarms=dict.fromkeys(AlarmLevel, 0),
                  partners_overdue=0, incidents={}, hotspots_open=None)  # fmt: skip
    board = open_board(qtbot, FakeFloor(quiet), CallStats())
    text = shown_text(board)
    assert board.waiting.text() == "0" and board.level.text() == "—"
    assert not board.late.isVisible() and "○ None active" in text
    assert not board.hotspots_tile.isVisible()  # not the 12345 lead's list: no tile


def test_an_agent_has_neither_the_wallboard_nor_the_hot_spots() -> None:
    agent = at_seat("王小二", "A-01", Platform.HOTLINE)
    assert wallboard(FakeFloor(busy_floor()).read, CallStats(), by=agent, ops=InlineOperations(),
                     clock=lambda: NOW) is None  # fmt: skip
    assert hotspot_view(FakeHotspots(), by=agent, ops=InlineOperations(),
                        departments=lambda: DEPARTMENTS, district_names={}, subject_names={},
                        chinese=True) is None  # fmt: skip
    police_lead = lead("赵班长", "B-09", Platform.POLICE)  # hot spots are 12345's
    assert hotspot_view(FakeHotspots(), by=police_lead, ops=InlineOperations(),
                        departments=lambda: DEPARTMENTS, district_names={}, subject_names={},
                        chinese=True) is None  # fmt: skip


def test_the_lead_s_window_has_the_hot_spots_tab_and_the_wallboard_key(qtbot: QtBot) -> None:
    fake = FakeFloor(busy_floor())
    lazy = lazy_wallboard(fake.read, queue(), by=LEAD, ops=InlineOperations(), clock=lambda: NOW)
    spots = hotspot_view(FakeHotspots(), by=LEAD, ops=InlineOperations(),
                         departments=lambda: DEPARTMENTS, district_names={}, subject_names={},
                         chinese=False)  # fmt: skip
    status = StatusBar(seat="A-09", platform=Platform.HOTLINE, agent="张班长", db_url="sqlite://")
    window = MainWindow(cast(OrderReads, object()), ops=InlineOperations(), kind_names={},
                        status=status, hotspots=spots, wallboard=lazy)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    check(window, "a shift lead's window")
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is spots)
    assert lazy is not None and not lazy.is_built  # not on the seat's start
    QTest.keyClick(window, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)
    assert lazy.is_built  # the key built it
    board = lazy.content()
    assert board.parentWidget() is window
    qtbot.waitUntil(board.isVisible)
    qtbot.waitUntil(board.isActiveWindow)
    QTest.keyClick(board, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)  # again: leaves
    qtbot.waitUntil(lambda: not board.isVisible())
