"""The order detail's exchange lines on two platforms with two databases (the exchange harness,
a fake clock): 对方平台未确认 and its wait, ticking; 对方平台拒收 with the refusal in Chinese; and
工单传输中 for an order whose caller came before its message, filled in on the database's change
notification when the message lands."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.app_window import watch_changes
from console.domain.orders import Action
from console.domain.roles import Seated
from console.services.exchange_reads import NO_ORDER_LINK
from console.store.changes import watch_for
from console.store.engine import Database
from console.ui.seat.order_detail import OrderDetail
from tests.exchange.platforms import Side
from tests.services.test_exchange_reads import A01, DRAFT, J07, Pair
from tests.ui.ops_doubles import InlineOperations


@pytest.fixture
def pair(tmp_path: Path, _templates: dict[str, str]) -> Iterator[Pair]:
    dbs = []
    for name in ("12345", "110"):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copyfile(_templates["sqlite"], path)
        dbs.append(Database.open(f"sqlite:///{path}"))
    yield Pair((dbs[0], dbs[1]))
    for db in dbs:
        db.dispose()


def detail_of(qtbot: QtBot, pair: Pair, here: Side, by: Seated) -> OrderDetail:
    reads = pair.reads if here is pair.hotline else pair.police_reads
    detail = OrderDetail(
        ops=InlineOperations(), get=here.orders.get, related=here.orders.caller_history,
        kind_names={}, link=lambda number: reads.order_link(number, by),
    )  # fmt: skip
    host = QWidget()
    host.setMinimumSize(1000, 720)
    QVBoxLayout(host).addWidget(detail)
    qtbot.addWidget(host)
    detail.host = host  # type: ignore[attr-defined]  # keeps the window alive with the detail
    host.show()
    return detail


def test_not_yet_acknowledged_ticks_then_goes(qtbot: QtBot, pair: Pair, chinese: None) -> None:
    sent = pair.clock.now
    number = pair.transfer()  # the link is never pumped: 110 has not acknowledged
    detail = detail_of(qtbot, pair, pair.hotline, A01)
    detail.set_now(sent + timedelta(minutes=3, seconds=12))
    detail.load(number)
    line = detail.exchange.unacked
    assert detail.exchange.isVisible() and line.isVisible()
    assert line.text() == "⚠ 对方平台未确认 · 已 3 分 12 秒"
    assert "1" in line.toolTip()
    detail.set_now(sent + timedelta(minutes=3, seconds=13))  # the app's clock ticks
    assert line.text() == "⚠ 对方平台未确认 · 已 3 分 13 秒"
    detail.set_now(sent + timedelta(hours=1, minutes=2, seconds=5))
    assert line.text() == "⚠ 对方平台未确认 · 已 1 小时 2 分"
    assert not detail.exchange.refused.isVisible()

    asyncio.run(pair.hotline.pump_all())  # acknowledged
    detail.refresh()  # the change notification's re-read
    assert not detail.exchange.isVisible() and not line.isVisible()


def test_the_english_line(qtbot: QtBot, pair: Pair) -> None:
    number = pair.transfer()
    detail = detail_of(qtbot, pair, pair.hotline, A01)
    detail.set_now(pair.clock.now + timedelta(seconds=42))
    detail.load(number)
    text = "⚠ Not yet acknowledged by the other platform · 42 s"
    assert detail.exchange.unacked.text() == text


def test_the_peers_refusal_in_chinese(qtbot: QtBot, pair: Pair, chinese: None) -> None:
    number = pair.transfer()
    asyncio.run(pair.hotline.pump_all())
    pair.hotline.orders.act(number, Action.CANCEL, A01, "来电人撤回诉求", seen=2)
    pair.police.orders.act(number, Action.SIGN_FOR, J07, seen=2)  # crosses the cancellation
    asyncio.run(pair.police.pump_all())
    detail = detail_of(qtbot, pair, pair.police, J07)
    detail.load(number)
    line = detail.exchange.refused
    assert line.isVisible() and line.text() == "✖ 对方平台拒收：工单已关闭。"
    assert "拒收时间" in line.toolTip()
    assert not detail.exchange.unacked.isVisible()


def test_nothing_shows_without_an_exchange(qtbot: QtBot, pair: Pair) -> None:
    number = pair.hotline.orders.create(DRAFT, A01).order.number
    detail = detail_of(qtbot, pair, pair.hotline, A01)
    detail.load(number)
    assert detail.order is not None and not detail.exchange.isVisible()
    detail.exchange.show_link(NO_ORDER_LINK)
    assert not detail.exchange.isVisible()


def test_on_its_way_until_the_message_lands(qtbot: QtBot, pair: Pair, chinese: None) -> None:
    number = pair.transfer()  # the caller is switched to 110 before the message goes
    detail = detail_of(qtbot, pair, pair.police, J07)
    changes = watch_for(pair.police.db.engine)
    assert changes is not None
    timer = watch_changes(detail, changes, detail.refresh)  # the window's change poll
    try:
        detail.expect(number)  # SeatController.order_arrived
        detail.load(number)
        assert detail.message.text() == "工单传输中…" and detail.message.isVisible()
        assert number in detail.title.text() and detail.order is None
        assert not detail.timeline.isVisible() and not detail.fields.isVisible()
        detail.refresh()  # a change elsewhere, not the message: still on its way
        assert detail.message.text() == "工单传输中…"

        asyncio.run(pair.hotline.pump_all())  # the message lands in 110's database
        qtbot.waitUntil(lambda: detail.order is not None, timeout=5000)
        assert detail.order is not None and detail.order.number == number
        assert not detail.message.isVisible()
        assert detail.timeline.isVisible() and detail.timeline.rowCount() == 2
    finally:
        timer.stop()
        changes.close()


def test_an_order_not_announced_is_still_no_such_order(qtbot: QtBot, pair: Pair) -> None:
    detail = detail_of(qtbot, pair, pair.police, J07)
    detail.expect("GD-OTHER")
    detail.load("GD-20261126-999999")  # the agent typed another number meanwhile
    assert "There is no work order" in detail.message.text()
