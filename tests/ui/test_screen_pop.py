from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.domain.orders import Platform, Status
from console.services.screen_pop import ScreenPop
from console.store.orders import OrderSummary
from console.ui.models.pop_model import PopModel
from console.ui.seat.screen_pop import ScreenPopView


def summary(n: int, status: Status) -> OrderSummary:
    at = datetime(2026, 11, n, 2, tzinfo=UTC)
    return OrderSummary(
        n, f"12345-202611{n:02d}-000001", at, "C-TS", status, Platform.HOTLINE, "噪音"
    )


def test_pop_view_shows_history_open_orders_and_frequent_badge(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    view = ScreenPopView({"C-TS": "投诉"}, holder)
    history = [summary(3, Status.HANDLING), summary(2, Status.COMPLETED)]
    view.show_pop(ScreenPop("13812345678", history, history[:1], 4, True))
    assert view.model.rowCount() == 2
    assert view.header.text() == "Caller 13812345678: 2 earlier orders"
    assert not view.frequent.isHidden()
    assert view.frequent.text() == "Frequent caller: 4 orders in 30 days"
    assert view.open_orders.text() == "Still open: 12345-20261103-000001"
    view.clear()
    assert view.model.rowCount() == 0 and view.frequent.isHidden()
    assert view.header.text() == "No caller yet." and view.open_orders.text() == ""


def test_open_matters_come_first_with_their_address_and_a_row_opens_its_order(
    qtbot: QtBot,
) -> None:
    view = ScreenPopView({"C-TS": "Complaint about police"})
    qtbot.addWidget(view)
    closed = summary(5, Status.COMPLETED)
    still_open = replace(summary(2, Status.HANDLING), address="中山路1号")
    view.show_pop(ScreenPop("13812345678", [closed, still_open], [still_open], 2, False))
    model = view.model
    assert [model.summary(n).number for n in range(2)] == [still_open.number, closed.number]
    assert model.index(0, PopModel.ADDRESS).data() == "中山路1号"
    assert model.index(0, PopModel.STATUS).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, PopModel.STATUS).data(Qt.ItemDataRole.FontRole) is None
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    table = view.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentIndex(model.index(1, 0))
    with qtbot.waitSignal(view.order_activated) as got:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert got.args == [closed.number]
    rect = table.visualRect(model.index(0, PopModel.DESCRIPTION))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.order_activated) as got:
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args == [still_open.number]


def test_the_description_shows_whole_at_the_seats_width_in_english(qtbot: QtBot) -> None:
    """The longest English kind name does not push the description out of a 600 px pop."""
    view = ScreenPopView({"P-TS": "Complaint about police", "C-HJ": "Environmental protection"})
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    table, header = view.table, view.table.horizontalHeader()
    end = header.sectionViewportPosition(PopModel.DESCRIPTION) + header.sectionSize(
        PopModel.DESCRIPTION
    )
    assert header.sectionSize(PopModel.DESCRIPTION) >= 160
    assert end <= table.viewport().width()
    metrics = table.fontMetrics()
    for column, names in view.model.named_columns().items():
        for name in names:
            assert metrics.horizontalAdvance(name) + 12 <= header.sectionSize(column), name
