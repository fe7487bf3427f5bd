"""A shift lead starts a linkage plan from the order on screen (Ctrl+Shift+E in the order
detail): the start form opens filled in from the order, and the draft names the order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.domain.catalogue import District, parse_districts
from console.domain.intake import Draft
from console.domain.orders import Platform, WorkOrder
from console.services.orders import OrderService
from console.store.engine import Database
from console.ui.emergency import emergency_board
from console.ui.emergency.from_order import StartFromOrder
from console.ui.emergency.start_dialog import StartDialog
from tests.principals import at_seat, lead
from tests.ui.incident_doubles import FakeIncidents
from tests.ui.ops_doubles import InlineOperations

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
SEED = Path(__file__).resolve().parents[2] / "db" / "seed" / "districts.csv"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class Detail(QWidget):
    """The order detail as the key sees it: the order on screen, a field to hold the focus."""

    def __init__(self, order: WorkOrder | None) -> None:
        super().__init__()
        self.order = order
        self.field = QLineEdit()
        QVBoxLayout(self).addWidget(self.field)


def an_order(db: Database) -> WorkOrder:
    draft = Draft(caller_phone="13800000001", kind="C-QZ", field="F-SH", district="210103",
                  address="青年大街与十一纬路交叉口", description="燃气管道破裂起火，居民疏散",
                  consent=True)  # fmt: skip
    return (
        OrderService(db, lambda: FakeIncidents().now)
        .create(draft, at_seat("王丽", "A-01", Platform.HOTLINE))
        .order
    )


def test_the_key_opens_the_start_form_filled_in_from_the_order(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    districts: list[District] = parse_districts(SEED.read_text(encoding="utf-8"))
    fake = FakeIncidents()
    by = lead("张班长", "A-09", Platform.HOTLINE)
    board = emergency_board(fake, by=by, ops=InlineOperations(), clock=lambda: fake.now,
                            districts=districts, chinese=True, kind_names={})  # fmt: skip
    assert board is not None
    order = an_order(sqlite_db)
    detail = Detail(order)
    window = QWidget()  # the main window's tabs, side by side here
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    row.addWidget(detail)
    row.addWidget(board)
    shown: list[bool] = []
    StartFromOrder(detail, lambda: board, lambda: shown.append(True))
    window.resize(1366, 700)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    detail.field.setFocus()
    QTest.keyClick(detail.field, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(board.form, StartDialog))
    form = board.form
    assert isinstance(form, StartDialog)
    assert shown == [True]
    draft = form.value()
    assert (draft.district, draft.place, draft.summary, draft.from_order) == (
        "210103", order.address, order.description, order.number)  # fmt: skip
    assert order.number in form.windowTitle()
    form.reject()


def test_no_form_for_who_may_not_run_incidents_or_without_an_order(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    districts = parse_districts(SEED.read_text(encoding="utf-8"))
    fake = FakeIncidents()
    agent = at_seat("王丽", "A-01", Platform.HOTLINE)
    board = emergency_board(fake, by=agent, ops=InlineOperations(), clock=lambda: fake.now,
                            districts=districts, chinese=True, kind_names={})  # fmt: skip
    assert board is not None
    qtbot.addWidget(board)
    for detail in (Detail(an_order(sqlite_db)), Detail(None)):
        qtbot.addWidget(detail)
        StartFromOrder(detail, lambda: board, lambda: None).start()
        assert board.form is None
