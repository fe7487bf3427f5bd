"""The order detail's callers to tell (告知来电人): hidden until the order is fed back, then every
caller of it, told or not (said in words and marks, not colour), and Alt+K ticks one told."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.services.callers_told import CallersToldService
from console.services.duplicates import DuplicateService
from console.services.orders import OrderService
from console.store.engine import Database
from console.ui.operations import Operations
from console.ui.seat.callers_told import CallersTold
from console.ui.seat.order_detail import OrderDetail
from tests.principals import at_seat

AGENT = at_seat("王丽", "A-01", Platform.HOTLINE)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=3)
        return self.now


def draft(phone: str) -> Draft:
    return Draft(
        caller_phone=phone, caller_name="张三", kind="C-TS", field="F-SH", district="210102",
        address="中山路1号", description="小区门口垃圾堆放三天无人清理", consent=True,
    )  # fmt: skip


@pytest.fixture
def worker() -> Iterator[Operations]:
    made = Operations("test-told")
    yield made
    made.shutdown()


def test_every_caller_is_listed_at_feedback_and_alt_k_ticks_one_told(
    qtbot: QtBot, sqlite_db: Database, worker: Operations
) -> None:
    clock = Clock()
    orders = OrderService(sqlite_db, clock)
    number = orders.create(draft("13811110000"), AGENT).order.number
    DuplicateService(sqlite_db, clock, orders.writer, AGENT).join(number, "13922220000", "李四")
    told = CallersToldService(sqlite_db, clock, AGENT)
    widget = CallersTold(worker, told.to_tell, told.mark_told)
    detail = OrderDetail(ops=worker, get=orders.get, related=orders.caller_history,
                         kind_names={}, told=widget)  # fmt: skip
    host = QWidget()
    QVBoxLayout(host).addWidget(detail)
    host.setMinimumSize(1000, 720)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)

    with qtbot.waitSignal(detail.shown, timeout=10_000):
        detail.load(number)
    assert widget.isHidden()  # no feedback yet: nothing to tell

    orders.act(number, Action.START_HANDLING, AGENT, seen=2)
    orders.act(number, Action.FEED_BACK, AGENT, "垃圾已清运", seen=3)
    with qtbot.waitSignal(detail.shown, timeout=10_000):
        detail.load(number)
    qtbot.waitUntil(lambda: widget.isVisible() and widget.list.count() == 2)
    lines = [widget.list.item(i).text() for i in range(2)]
    assert all(line.startswith("○ Not told yet") for line in lines)
    assert "138****0000" in lines[0] and "13811110000" not in lines[0]  # masked
    assert "0 of 2 told" in widget.title.text()

    QTest.keyClick(host, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # the list
    qtbot.waitUntil(widget.list.hasFocus)
    QTest.keyClick(widget.list, Qt.Key.Key_Down)  # the caller who joined
    with qtbot.waitSignal(widget.changed, timeout=10_000):
        QTest.keyClick(host, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "1 of 2 told" in widget.title.text())
    assert widget.list.item(1).text().startswith("✓ Told")
    assert AGENT.login in widget.list.item(1).text()
    assert widget.list.item(0).text().startswith("○ Not told yet")
    assert [c.told for c in told.to_tell(number).callers] == [False, True]


def test_a_caller_told_at_the_peer_platform_is_listed_told_there_and_not_ticked_again(
    qtbot: QtBot, sqlite_db: Database, worker: Operations
) -> None:
    from console.store import caller_told
    from console.store import orders as repo

    clock = Clock()
    orders = OrderService(sqlite_db, clock)
    number = orders.create(draft("13811110000"), AGENT).order.number
    DuplicateService(sqlite_db, clock, orders.writer, AGENT).join(number, "13922220000", "李四")
    orders.act(number, Action.START_HANDLING, AGENT, seen=2)
    orders.act(number, Action.FEED_BACK, AGENT, "垃圾已清运", seen=3)
    with sqlite_db.write() as session:  # as the receiver keeps 110's caller_told
        stored = repo.get(session, number)
        caller_told.mark(session, stored.id, "13811110000", clock(), "李强", "J-07", "110")
    told = CallersToldService(sqlite_db, clock, AGENT)
    widget = CallersTold(worker, told.to_tell, told.mark_told)
    host = QWidget()
    QVBoxLayout(host).addWidget(widget)
    host.setMinimumSize(800, 400)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    widget.show_order(orders.get(number).order)
    qtbot.waitUntil(lambda: widget.list.count() == 2, timeout=10_000)
    line = widget.list.item(0).text()
    assert line.startswith("✓ Told at 110 ") and "by 李强" in line
    assert "1 of 2 told" in widget.title.text()
    with qtbot.waitSignal(widget.changed, timeout=10_000):
        widget.button.click()  # the first caller not told: the one who joined
    qtbot.waitUntil(lambda: "2 of 2 told" in widget.title.text())
    assert widget.list.item(0).text() == line  # the peer's record stays as it was
