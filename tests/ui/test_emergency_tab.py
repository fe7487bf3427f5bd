"""The Emergency tab of a seat's window is built when first shown (issue 18: an instant start):
until then its title still carries the live counts from a read of the incidents' lines, its
key builds it, the change feed and the clock reach it either way, and Ctrl+Shift+E in the order
detail builds it to start a plan from the order."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import cast

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.app_window import Shared, build_window
from console.domain.catalogue import District, parse_districts
from console.domain.orders import Platform
from console.services.alarms import AlarmService
from console.services.incidents import IncidentService
from console.services.order_reads import OrderReads
from console.services.orders import OrderService
from console.store.change_topics import ALL
from console.store.engine import Database
from console.store.seed import catalogue
from console.telephony.simulated import SimulatedSwitch
from console.ui.emergency.board import EmergencyBoard
from console.ui.emergency.from_order import StartFromOrder
from console.ui.emergency.start_dialog import StartDialog
from console.ui.emergency.tab import EmergencyTab, emergency_tab
from console.ui.main_window import MainWindow
from console.ui.operations import Operations
from console.ui.status_bar import StatusBar
from console.ui.wallboard.view import Wallboard
from tests.emergency.scene import T0, plan_book, seed_partners
from tests.emergency.test_incidents import DRAFT
from tests.principals import admin, lead
from tests.ui.incident_doubles import FakeIncidents, seeded
from tests.ui.ops_doubles import HeldOperations
from tests.ui.test_emergency_from_order import Detail, an_order

SEED = Path(__file__).resolve().parents[2] / "db" / "seed" / "districts.csv"
LEAD = lead("张班长", "A-09", Platform.HOTLINE)
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def districts() -> list[District]:
    return parse_districts(SEED.read_text(encoding="utf-8"))


def a_window(qtbot: QtBot, fake: FakeIncidents, ops: HeldOperations) -> MainWindow:
    """A shift lead's window with the Emergency tab, wired as console/app_window.py wires it
    (the tab's counts to the title); the seat's tab in front."""
    tab = emergency_tab(fake, by=LEAD, ops=ops, clock=lambda: fake.now, districts=districts(),
                        chinese=True, kind_names={})  # fmt: skip
    assert tab is not None
    status = StatusBar(seat="A-09", platform=Platform.HOTLINE, agent="张班长", db_url="sqlite://")
    window = MainWindow(cast(OrderReads, object()), ops=ops, kind_names={}, status=status,
                        emergency=tab)  # fmt: skip
    tab.counts_changed.connect(window.show_emergency_counts)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def title(window: MainWindow) -> str:
    assert window.emergency is not None
    return window.tabs.tabText(window.tabs.indexOf(window.emergency))


def test_the_title_counts_before_the_board_is_built_and_the_key_builds_it(
    qtbot: QtBot,
) -> None:
    fake = seeded(LEAD)  # one real incident active with 2 partners overdue, a drill, one done
    ops = HeldOperations()
    window = a_window(qtbot, fake, ops)
    tab = window.emergency
    assert isinstance(tab, EmergencyTab)
    ops.answer()  # the tab's count, asked when it was made
    assert not tab.is_built and "(1 · ⚠2)" in title(window)
    assert not ops.asks  # no board read: nothing but the count

    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)  # the tab's key
    qtbot.waitUntil(lambda: tab.is_built)
    board = tab.board()
    assert window.tabs.currentWidget() is tab and board.isVisible()
    ops.answer()  # the board's first read
    assert board.model.rowCount() == 3

    big = board.model.line_at(0)  # from here the board's reads carry the title's counts
    fake.stand_down(LEAD, big.number, "火已扑灭，疏散居民返家")
    tab.refresh_soon()  # the change feed
    qtbot.waitUntil(lambda: bool(ops.asks))  # within the board's throttle
    ops.answer()
    assert "(" not in title(window).replace("(&Z)", "")  # no active incident: no count


def test_the_change_feed_reads_the_counts_again_without_building_the_board(
    qtbot: QtBot,
) -> None:
    fake = seeded(LEAD)
    ops = HeldOperations()
    window = a_window(qtbot, fake, ops)
    tab = window.emergency
    assert isinstance(tab, EmergencyTab)
    ops.answer()
    assert "(1 · ⚠2)" in title(window)
    tab.set_now(fake.now)  # the clock tick: nothing to move yet
    fake.stand_down(LEAD, fake.board()[0].number, "火已扑灭")
    tab.refresh_soon()
    tab.refresh_soon()  # twice within the throttle: read once
    qtbot.waitUntil(lambda: bool(ops.asks))
    ops.answer()
    assert "(1 · ⚠2)" not in title(window)
    assert not tab.is_built and not ops.asks


def test_who_may_neither_see_nor_run_incidents_gets_no_tab() -> None:
    assert emergency_tab(FakeIncidents(), by=admin(), ops=HeldOperations(),
                         clock=lambda: FakeIncidents().now, districts=[], chinese=True,
                         kind_names={}) is None  # fmt: skip


def test_a_plan_from_the_order_builds_the_board(qtbot: QtBot, sqlite_db: Database) -> None:
    fake = FakeIncidents()
    ops = HeldOperations()
    window = a_window(qtbot, fake, ops)
    tab = window.emergency
    assert isinstance(tab, EmergencyTab) and tab.may_run
    ops.answer()
    order = an_order(sqlite_db)
    detail = Detail(order)
    qtbot.addWidget(detail)
    # Ctrl+Shift+E's slot (the key itself: tests/ui/test_emergency_from_order.py)
    StartFromOrder(detail, tab.board, lambda: window.tabs.setCurrentWidget(tab)).start()
    assert tab.is_built and window.tabs.currentWidget() is tab
    board = tab.board()
    qtbot.waitUntil(lambda: isinstance(board.form, StartDialog))
    form = board.form
    assert isinstance(form, StartDialog) and form.value().from_order == order.number
    form.reject()


def test_a_lead_s_seat_window_starts_without_the_board_or_the_wallboard(
    qtbot: QtBot, qloop: qasync.QEventLoop, sqlite_db: Database
) -> None:
    """Through the composition (console/app_window.py): neither is built at the start, nor by
    the clock or the change feed; the title counts from the start; their keys build them."""
    seed_partners(sqlite_db)
    incidents = IncidentService(sqlite_db, lambda: T0, plan_book())
    incidents.start(LEAD, DRAFT)
    ops = Operations("test-emergency-tab")
    with sqlite_db.read() as session:
        shared = Shared(
            db=sqlite_db, orders=OrderService(sqlite_db, lambda: T0),
            alarms=AlarmService(sqlite_db, lambda: T0, "A-09"), clock=lambda: T0,
            catalogue=catalogue(session), chinese=True, ops=ops, loop=qloop,
            db_url="sqlite://", wrap_up=timedelta(seconds=30),
            incidents=incidents,
        )  # fmt: skip
    switch = SimulatedSwitch(rate_per_min=0, seed=3, loop=qloop)
    part = build_window(shared, LEAD, switch)
    window = part.window
    qtbot.addWidget(window)
    try:
        tab, wall = window.emergency, window.wallboard
        assert isinstance(tab, EmergencyTab) and wall is not None
        qtbot.waitUntil(lambda: "(1)" in title(window), timeout=10_000)  # read at the start
        part.tick(T0)
        part.on_topics(ALL)  # the change feed: everything changed
        qtbot.waitUntil(lambda: not ops.in_flight(tab, "counts"), timeout=10_000)
        assert not tab.is_built and not wall.is_built
        assert window.findChild(EmergencyBoard) is None and window.findChild(Wallboard) is None
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: tab.is_built and tab.board().isVisible())
        qtbot.waitUntil(lambda: tab.board().model.rowCount() == 1, timeout=10_000)
        assert window.isActiveWindow()  # the board built in a shown window took no focus away
        QTest.keyClick(window, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)
        assert wall.is_built
        board = wall.content()
        qtbot.waitUntil(board.isVisible)
        board.leave()
    finally:
        qloop.run_until_complete(switch.stop())
        part.seat.close()
        ops.shutdown()
