"""The queues view: four queues over real pages, search, keyboard, first page before the paint."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from console.demo.load import load_demo_data
from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.services.alarms import load_site_policy
from console.services.orders import OrderService
from console.store.engine import Database
from console.store.queues import QueueKind, QueueSort, read_page
from console.ui.models.queue_model import QueueModel
from console.ui.operations import Operations
from console.ui.seat.queues_view import KINDS, QueuesView, search_term
from tests.principals import at_seat

HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
POLICE = at_seat("李强", "J-07", Platform.POLICE)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


class Scene:
    """Demo orders, three taken at seat A-01, two sent by 110 to the hotline."""

    def __init__(self, db: Database) -> None:
        load_demo_data(db, 500, seed=1, until=date(2026, 11, 26), calendar=load_calendar())
        service = OrderService(db, Clock(), load_site_policy(db), load_calendar())
        draft = Draft(caller_phone="13812345678", caller_name="张三", kind="C-TS",
                      field="F-SH", district="210102", address="中山路1号",
                      description="楼下烧烤店夜间噪音扰民", consent=True)  # fmt: skip
        self.mine = [service.create(draft, HOTLINE).order.number for _ in range(3)]
        self.sent: list[str] = []
        for _ in range(2):
            number = service.create(replace(draft, kind="P-JQ", field=""), POLICE).order.number
            service.act(number, Action.TRANSFER, POLICE, "非警务类求助", seen=1)
            self.sent.append(number)
        self.db = db
        with db.read() as session:  # the demo's busiest caller (four or five orders)
            phone, n = session.execute(
                text(
                    "SELECT caller_phone, count(*) FROM work_order GROUP BY caller_phone "
                    "ORDER BY count(*) DESC, caller_phone LIMIT 1"
                )
            ).one()
        self.frequent, self.frequent_orders = str(phone), int(n)


@pytest.fixture
def scene(sqlite_db: Database) -> Scene:
    return Scene(sqlite_db)


@pytest.fixture
def worker() -> Iterator[Operations]:
    made = Operations("test-queues")
    yield made
    made.shutdown()


class Host(QWidget):
    """The view in a window; records each table's row count when it first paints."""

    def __init__(self, view: QueuesView) -> None:
        super().__init__()
        self.setMinimumSize(1100, 500)
        self.view = view
        QVBoxLayout(self).addWidget(view)
        self.first_paint: dict[QueueKind, int] = {}
        self._viewports = {view.pages[k].table.viewport(): k for k in KINDS}
        for viewport in self._viewports:
            viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = self._viewports.get(watched)  # type: ignore[call-overload]
        if event.type() == QEvent.Type.Paint and kind is not None:
            self.first_paint.setdefault(kind, self.view.model(kind).rowCount())
        return False


def make_view(scene: Scene, worker: Operations) -> QueuesView:
    return QueuesView(fetch=partial(read_page, scene.db), ops=worker,
                      platform=Platform.HOTLINE, seat="A-01", kind_names={"C-TS": "投诉"})  # fmt: skip


def open_view(qtbot: QtBot, scene: Scene, worker: Operations) -> Host:
    host = Host(make_view(scene, worker))
    qtbot.addWidget(host)
    with qtbot.waitSignal(host.view.ready, timeout=10_000):
        pass
    host.show()
    qtbot.waitExposed(host)
    return host


def numbers(model: QueueModel) -> list[str]:
    return [model.row_at(n).number for n in range(model.rowCount())]


def test_four_queues_each_with_its_own_orders(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    assert [view.tabs.tabText(n).split(" (")[0] for n in range(4)] == [
        "My orders", "Platform open", "Awaiting sign-for", "All orders"
    ]  # fmt: skip
    assert sorted(numbers(view.model(QueueKind.MINE))) == scene.mine
    assert sorted(numbers(view.model(QueueKind.AWAITING_SIGN_FOR))) == scene.sent
    assert set(scene.mine + scene.sent) <= set(numbers(view.model(QueueKind.PLATFORM_OPEN)))
    assert view.model(QueueKind.ALL).rowCount() == 200  # one page of 505
    assert view.tabs.tabText(3) == "All orders (200+)"
    assert view.tabs.tabText(0) == "My orders (3)"
    assert view.current_kind() is QueueKind.MINE
    assert view.count.text() == "3 orders."


def test_no_table_paints_before_its_first_page(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    view = make_view(scene, worker)
    view.show_queue(QueueKind.ALL)
    host = Host(view)
    qtbot.addWidget(host)
    host.show()  # at once: the table stays hidden behind "Loading…" until its page is in
    qtbot.waitUntil(lambda: QueueKind.ALL in host.first_paint, timeout=10_000)
    assert host.first_paint[QueueKind.ALL] == 200
    qtbot.waitUntil(lambda: view.is_ready, timeout=10_000)


def test_the_first_pages_are_in_before_show(qtbot: QtBot, scene: Scene, worker: Operations) -> None:
    host = open_view(qtbot, scene, worker)
    qtbot.waitUntil(lambda: QueueKind.MINE in host.first_paint)
    assert host.first_paint == {QueueKind.MINE: 3}
    table = host.view.current_page().table
    assert table.currentIndex().row() == 0  # Enter works at once


def test_search_by_phone_switches_to_all_with_the_callers_orders(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    all_orders = view.model(QueueKind.ALL)
    phone, n = scene.frequent, scene.frequent_orders
    assert n >= 3
    view.search.setText(f"{phone[:3]} {phone[3:7]} {phone[7:]}")  # typed with spaces
    with qtbot.waitSignal(all_orders.modelReset, timeout=10_000):
        QTest.keyClick(view.search, Qt.Key.Key_Return)
    assert view.current_kind() is QueueKind.ALL
    assert all_orders.rowCount() == n
    assert {all_orders.row_at(k).caller_phone for k in range(n)} == {phone}
    assert view.count.text() == f"Search {phone}: {n} orders."
    assert not view.message.isVisible()


def test_search_by_number_prefix(qtbot: QtBot, scene: Scene, worker: Operations) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    view.search.setText(scene.sent[0][:-2])  # 110-20261126-0000
    with qtbot.waitSignal(view.model(QueueKind.ALL).modelReset, timeout=10_000):
        view.run_search()
    assert numbers(view.model(QueueKind.ALL)) == scene.sent


def test_invalid_search_says_so_inline_and_changes_nothing(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    before = view.model(QueueKind.ALL).query
    view.search.setText("噪音 abc")
    QTest.keyClick(view.search, Qt.Key.Key_Return)
    assert view.message.isVisible()
    assert "噪音 abc" in view.message.text()
    assert view.current_kind() is QueueKind.MINE
    assert view.model(QueueKind.ALL).query == before
    QTest.keyClick(view.search, Qt.Key.Key_Backspace)  # typing again clears the message
    assert not view.message.isVisible()


@pytest.mark.parametrize(
    ("raw", "term"),
    [("138 1234 5678", "13812345678"), ("+86 138-1234-5678", "13812345678"),
     ("12345-20261126-000042", "12345-20261126-000042"), ("110-2026", "110-2026"),
     ("  ", ""), ("abc", None), ("12345-2026x", None), ("1234", None)],
)  # fmt: skip
def test_search_terms(raw: str, term: str | None) -> None:
    assert search_term(raw) == term


def test_enter_and_double_click_on_a_row_emit_its_number(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    table = view.current_page().table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.selectRow(1)
    expected = view.model(QueueKind.MINE).row_at(1).number
    with qtbot.waitSignal(view.order_activated) as got:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert got.args == [expected]
    rect = table.visualRect(view.model(QueueKind.MINE).index(2, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.order_activated) as got:
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args == [view.model(QueueKind.MINE).row_at(2).number]


def test_next_queue_cycles_and_ctrl_f_focuses_the_search(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    seen = []
    for _ in range(5):
        view.next_queue()
        seen.append(view.current_kind())
        assert view.stack.currentWidget() is view.current_page()
    assert seen == [*KINDS[1:], KINDS[0], KINDS[1]]
    qtbot.waitUntil(view.current_page().table.hasFocus)
    QTest.keyClick(view.current_page().table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.search.hasFocus)
    QTest.keyClick(view.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(view.current_page().table.hasFocus)


def test_header_clicks_sort_by_created_or_deadline_only(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    view.show_queue(QueueKind.ALL)
    model, header = view.model(QueueKind.ALL), view.current_page().table.horizontalHeader()
    assert model.query.sort is QueueSort.CREATED  # all orders: newest first
    assert header.sortIndicatorSection() == QueueModel.CREATED

    def click(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))  # fmt: skip

    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        click(QueueModel.DEADLINE)
    assert model.query.sort is QueueSort.DEADLINE
    assert header.sortIndicatorSection() == QueueModel.DEADLINE
    due = [model.row_at(n).deadline for n in range(model.rowCount())]
    assert due == sorted(due)  # type: ignore[type-var]  # the demo orders all have one
    click(QueueModel.KIND)  # no index behind it: nothing changes, the arrow stays
    assert model.query.sort is QueueSort.DEADLINE
    assert header.sortIndicatorSection() == QueueModel.DEADLINE
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        click(QueueModel.CREATED)
    assert model.query.sort is QueueSort.CREATED
    assert header.sortIndicatorSection() == QueueModel.CREATED
    created = [model.row_at(n).created_at for n in range(model.rowCount())]
    assert created == sorted(created, reverse=True)


def test_refresh_keeps_the_current_order_and_set_now_reaches_every_model(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    table = view.current_page().table
    table.selectRow(2)
    kept = view.current_page().current_number()
    with qtbot.waitSignal(view.model(QueueKind.MINE).modelReset, timeout=10_000):
        view.refresh()
    assert view.current_page().current_number() == kept
    now = datetime(2026, 12, 26, 3, 0, tzinfo=UTC)
    view.set_now(now)
    left = view.model(QueueKind.AWAITING_SIGN_FOR).index(0, QueueModel.LEFT).data()
    assert left.endswith("over")  # the sign-for deadline has passed by then


@pytest.mark.usefixtures("chinese")
def test_the_queues_speak_chinese(qtbot: QtBot, scene: Scene, worker: Operations) -> None:
    host = open_view(qtbot, scene, worker)
    view = host.view
    assert [view.tabs.tabText(n) for n in range(4)] == [
        "我的工单（3）", "本平台待办（6）", "待签收（2）", "全部工单（200+）"
    ]  # fmt: skip
    assert view.count.text() == "共 3 件工单。"
