"""Finding an order in the queues: partial searches, the × that restores the list, urgency at
a glance (priority column, no selection hiding the colours), English that fits its columns."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from console.domain.orders import Platform, Priority
from console.store.engine import Database
from console.store.queues import QueueKind, read_page
from console.ui.models.queue_model import QueueModel
from console.ui.operations import Operations
from console.ui.seat.queues_view import QueuesView
from tests.ui.test_queues_view import Scene, numbers, open_view


@pytest.fixture
def scene(sqlite_db: Database) -> Scene:
    return Scene(sqlite_db)


@pytest.fixture
def worker() -> Iterator[Operations]:
    made = Operations("test-queue-finding")
    yield made
    made.shutdown()


def search(qtbot: QtBot, view: object, typed: str) -> None:
    model = view.model(QueueKind.ALL)  # type: ignore[attr-defined]
    view.search.setText(typed)  # type: ignore[attr-defined]
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        QTest.keyClick(view.search, Qt.Key.Key_Return)  # type: ignore[attr-defined]


def test_an_order_numbers_end_and_a_phone_numbers_start_find_orders(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    all_orders = view.model(QueueKind.ALL)
    sequence = scene.sent[0][-6:]  # as printed on a slip: 000002
    search(qtbot, view, sequence)
    found = numbers(all_orders)
    assert scene.sent[0] in found and all(n.endswith("-" + sequence) for n in found)
    newest_first = sorted(found, key=lambda n: (n.split("-")[1], n.startswith("12345")))
    assert found == newest_first[::-1]  # newest day first, 12345 before 110 on a day
    phone = scene.frequent
    search(qtbot, view, f"{phone[:3]} {phone[3:7]}")  # the start, typed with a space
    callers = {all_orders.row_at(n).caller_phone for n in range(all_orders.rowCount())}
    assert phone in callers and all(c.startswith(phone[:7]) for c in callers)
    assert not view.message.isVisible()


def test_the_clear_button_brings_the_whole_list_back(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    all_orders = view.model(QueueKind.ALL)
    unsearched = numbers(all_orders)
    search(qtbot, view, scene.mine[0])
    assert numbers(all_orders) == [scene.mine[0]]
    clear = next(b for b in view.search.findChildren(QToolButton) if b.isVisible())
    view.search.setFocus()
    with qtbot.waitSignal(all_orders.modelReset, timeout=10_000):
        QTest.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert view.search.text() == "" and all_orders.query.search == ""
    assert numbers(all_orders) == unsearched
    assert "Search" not in view.count.text()
    assert view.search.hasFocus()  # ready for the next search


def test_priority_column_and_no_row_selected_by_default(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    for kind in QueueKind:
        table = view.pages[kind].table
        assert not table.selectionModel().hasSelection(), kind
        assert table.currentIndex().row() in (0, -1)  # current, for the arrow keys and Enter
    model = view.model(QueueKind.ALL)
    rows = [model.row_at(n) for n in range(model.rowCount())]
    critical = next(n for n, r in enumerate(rows) if r.priority == Priority.CRITICAL)
    normal = next(n for n, r in enumerate(rows) if r.priority == Priority.NORMAL)
    cell = model.index(critical, QueueModel.PRIORITY)
    assert model.headerData(QueueModel.PRIORITY, Qt.Orientation.Horizontal) == "Priority"
    assert cell.data() == "Critical"
    assert cell.data(Qt.ItemDataRole.FontRole).bold()
    back = cell.data(Qt.ItemDataRole.BackgroundRole).color()
    assert back.lightness() < 100 and back.red() > back.green()  # dark red, white text
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#ffffff")
    assert model.index(normal, QueueModel.PRIORITY).data() == ""
    assert model.index(normal, QueueModel.PRIORITY).data(Qt.ItemDataRole.BackgroundRole) is None


def test_english_names_fit_their_columns(qtbot: QtBot, scene: Scene, worker: Operations) -> None:
    """The app's English kind names (the longest ones) and every status, owner and priority."""
    host = open_view(qtbot, scene, worker)
    view = host.view
    model = view.model(QueueKind.ALL)
    table = view.pages[QueueKind.ALL].table
    for column, names in model.named_columns().items():
        width = table.columnWidth(column)
        for name in names:
            assert table.fontMetrics().horizontalAdvance(name) + 12 <= width, (column, name)
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert table.horizontalHeader().fontMetrics().horizontalAdvance(title) + 12 <= width


def test_long_english_kind_names_widen_the_kind_column(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    names = {"P-TS": "Complaint about police", "C-HJ": "Environmental protection"}
    view = QueuesView(fetch=partial(read_page, scene.db), ops=worker, platform=Platform.HOTLINE,
                      seat="A-01", kind_names=names)  # fmt: skip
    qtbot.addWidget(view)
    table = view.pages[QueueKind.ALL].table
    need = max(table.fontMetrics().horizontalAdvance(n) for n in names.values())
    assert table.columnWidth(QueueModel.KIND) >= need + 12
