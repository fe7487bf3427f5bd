"""The queue table model: pages arrive off the GUI thread, one at a time, into a bounded window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from console.demo.load import load_demo_data
from console.domain.calendar import load_calendar
from console.domain.orders import Platform, Status
from console.store.engine import Database
from console.store.queues import Cursor, Page, QueueKind, QueueQuery, QueueRow, QueueSort, read_page
from console.ui.models.queue_model import QueueModel
from console.ui.models.time_left import TimeLeftBand
from console.ui.operations import Operations
from tests.ui.ops_doubles import HeldOperations, InlineOperations

ALL = QueueQuery(QueueKind.ALL)
NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)  # 10:00 China time


@pytest.fixture
def orders_db(sqlite_db: Database) -> Database:
    load_demo_data(sqlite_db, 1500, seed=2, until=date(2026, 11, 26), calendar=load_calendar())
    return sqlite_db


@pytest.fixture
def worker() -> Iterator[Operations]:
    made = Operations("test-queue")
    yield made
    made.shutdown()


class Counting:
    """A ``fetch`` that counts the reads running at once (the model allows one)."""

    def __init__(self, db: Database) -> None:
        self.db, self.calls, self.running, self.most = db, 0, 0, 0
        self._lock = threading.Lock()

    def __call__(self, query: QueueQuery, after: Cursor | None, limit: int) -> Page:
        with self._lock:
            self.calls += 1
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            return read_page(self.db, query, after, limit)
        finally:
            with self._lock:
                self.running -= 1


class Host(QWidget):
    """The view inside a window, as the console hosts it (no size-hint warnings offscreen);
    records how many rows the model had when the view first painted."""

    def __init__(self, model: QueueModel) -> None:
        super().__init__()
        self.setMinimumSize(900, 400)
        self.view = QTableView(self)
        self.view.setModel(model)
        QVBoxLayout(self).addWidget(self.view)
        self.rows_at_first_paint: int | None = None
        self.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.rows_at_first_paint is None:
            self.rows_at_first_paint = self.view.model().rowCount()
        return False


def row(n: int, due: datetime | None, status: Status = Status.HANDLING) -> QueueRow:
    return QueueRow(n, f"12345-20261126-{n:06d}", NOW - timedelta(hours=1), "C-TS", status,
                    Platform.HOTLINE, 0, "13812345678", due, "噪音扰民")  # fmt: skip


def test_passes_the_model_tester_while_pages_arrive_up_to_the_window(
    orders_db: Database, worker: Operations, qtbot: QtBot, qtmodeltester: Any
) -> None:
    model = QueueModel(partial(read_page, orders_db), worker, ALL, {"C-TS": "投诉"},
                       page_size=64, max_rows=500)  # fmt: skip
    qtmodeltester.check(model)  # it calls fetchMore after every change: pages keep coming
    model.load_first_page()
    qtbot.waitUntil(lambda: model.capped, timeout=10_000)
    assert model.rowCount() == 500 and not model.canFetchMore()
    model.set_now(NOW)
    with qtbot.waitSignal(model.modelReset):
        model.sort(QueueModel.CREATED, Qt.SortOrder.DescendingOrder)
    assert model.query.sort is QueueSort.CREATED
    created = [model.row_at(n).created_at for n in range(model.rowCount())]
    assert created == sorted(created, reverse=True)
    qtbot.waitUntil(lambda: model.capped and not model.busy, timeout=10_000)


def test_the_first_page_is_in_before_the_view_shows(
    orders_db: Database, worker: Operations, qtbot: QtBot
) -> None:
    model = QueueModel(partial(read_page, orders_db), worker, ALL, {}, page_size=40)
    host = Host(model)
    qtbot.addWidget(host)
    model.load_first_page(done=host.show)
    qtbot.waitExposed(host)
    qtbot.waitUntil(lambda: host.rows_at_first_paint is not None)
    assert host.rows_at_first_paint == 40


def test_scrolling_to_the_bottom_loads_page_after_page_one_at_a_time(
    orders_db: Database, worker: Operations, qtbot: QtBot
) -> None:
    fetch = Counting(orders_db)
    model = QueueModel(fetch, worker, ALL, {}, page_size=50, max_rows=600)
    host = Host(model)
    qtbot.addWidget(host)
    with qtbot.waitSignal(model.loaded):
        model.load_first_page(done=host.show)
    seen = [model.rowCount()]
    while not model.capped:
        host.view.scrollToBottom()
        qtbot.waitUntil(lambda: model.rowCount() > seen[-1], timeout=5_000)
        seen.append(model.rowCount())
    assert seen[0] == 50 and seen[-1] == 600 and len(seen) >= 6
    assert fetch.most == 1 and fetch.calls == 12
    numbers = [model.index(n, QueueModel.NUMBER).data() for n in range(600)]
    assert len(set(numbers)) == 600  # every row once


def test_one_fetch_at_a_time_and_a_reload_drops_the_older_answer(qtbot: QtBot) -> None:
    pages = {None: ([row(1, NOW), row(2, NOW)], Cursor(NOW, 2)), 2: ([row(3, NOW)], None)}
    run = HeldOperations()
    model = QueueModel(lambda q, after, n: pages[after and after.id], run, ALL, {}, page_size=2)
    model.load_first_page()
    model.fetchMore(model.index(0, 0).parent())
    assert len(run.asks) == 1
    run.answer()
    assert model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert len(run.asks) == 1 and model.busy
    model.refresh()  # while the second page is out: its answer must not be appended
    assert len(run.asks) == 1
    run.answer()
    assert model.rowCount() == 2 and len(run.asks) == 1  # dropped; the first page asked again
    run.answer(([row(7, NOW)], None))
    assert [model.row_at(n).id for n in range(model.rowCount())] == [7]
    assert not model.canFetchMore() and not run.asks


def test_a_failed_read_is_reported_and_the_view_still_shows(qtbot: QtBot) -> None:
    def broken(query: QueueQuery, after: Cursor | None, limit: int) -> Page:
        raise OSError("disk on fire")

    model = QueueModel(broken, InlineOperations(), ALL, {})
    shown: list[bool] = []
    with qtbot.waitSignal(model.failed) as failed:
        model.load_first_page(done=lambda: shown.append(True))
    assert (
        failed.args == ["Unexpected error: disk on fire"]
        and shown == [True]
        and model.rowCount() == 0
    )


def test_time_left_is_coloured_like_the_alarms_and_follows_now(qtbot: QtBot) -> None:
    rows = [row(1, NOW - timedelta(minutes=35)), row(2, NOW + timedelta(minutes=90)),
            row(3, NOW + timedelta(hours=5)), row(4, NOW + timedelta(days=3)),
            row(5, NOW - timedelta(days=2), Status.COMPLETED), row(6, None)]  # fmt: skip
    model = QueueModel(lambda *_: (rows, None), InlineOperations(), ALL, {"C-TS": "投诉"})
    model.set_now(NOW)
    model.load_first_page()

    def cell(n: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
        return model.index(n, QueueModel.LEFT).data(role)

    def background(n: int) -> str | None:
        brush = cell(n, Qt.ItemDataRole.BackgroundRole)
        return None if brush is None else brush.color().name()

    assert [background(n) for n in range(6)] == [
        TimeLeftBand.OVERDUE.background, TimeLeftBand.UNDER_2H.background,
        TimeLeftBand.UNDER_24H.background, None, None, None,
    ]  # fmt: skip
    assert [cell(n) for n in range(6)] == ["35m over", "1h 30m left", "5h 0m left",
                                           "3d 0h left", "", ""]  # fmt: skip
    assert cell(0, Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, QueueModel.KIND).data() == "投诉"
    assert model.index(0, QueueModel.DEADLINE).data() == "2026-11-26 09:25"  # China time
    assert model.index(0, QueueModel.CALLER).data() == "138****5678"  # masked: not the live call
    assert model.index(0, QueueModel.STATUS).data() == "Handling"  # no translator installed
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_now(NOW + timedelta(hours=4))
    top, bottom = changed.args[0], changed.args[1]
    assert (top.column(), bottom.column(), top.row(), bottom.row()) == (
        QueueModel.LEFT,
        QueueModel.LEFT,
        0,
        5,
    )
    assert background(2) == TimeLeftBand.UNDER_2H.background
    assert background(1) == TimeLeftBand.OVERDUE.background


def test_mine_queue_shows_the_seats_own_open_orders(
    orders_db: Database, worker: Operations, qtbot: QtBot
) -> None:
    with orders_db.write() as s:
        s.execute(text("UPDATE work_order SET seat = 'A-99' WHERE id % 10 = 0"))
    query = QueueQuery(QueueKind.MINE, seat="A-99")
    model = QueueModel(partial(read_page, orders_db), worker, query, {}, page_size=500)
    with qtbot.waitSignal(model.loaded):
        model.load_first_page()
    rows = [model.row_at(n) for n in range(model.rowCount())]
    assert rows and all(r.id % 10 == 0 and r.status.is_open for r in rows)
    dues = [r.deadline for r in rows if r.deadline is not None]
    assert dues == sorted(dues)


@pytest.mark.usefixtures("chinese")
def test_a_row_the_seat_holds_steps_on_says_its_status_to_be_held_in_words(qtbot: QtBot) -> None:
    rows = [row(1, None, Status.TRANSFERRED), row(2, None, Status.TRANSFERRED)]
    model = QueueModel(lambda *_: (rows, None), InlineOperations(), ALL, {})
    model.load_first_page()
    status = model.index(0, QueueModel.STATUS)
    with qtbot.waitSignal(model.dataChanged):  # a sign-for held on order 1 (the detail shows it)
        model.mark_held(rows[0].number, Status.SIGNED_FOR)
    assert status.data() == "已签收（暂存，未写入）"
    assert model.index(1, QueueModel.STATUS).data() == "已转派"  # the other row as read
    model.mark_held(rows[0].number, None)  # written: as read again
    assert status.data() == "已转派"
