from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.domain.orders import Platform, Status
from console.services.screen_pop import ScreenPop
from console.store.orders import OrderSummary
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
