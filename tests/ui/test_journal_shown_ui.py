"""The order detail shows an order as it will be once the seat's journal is written (issue 18):
a sign-for held with the database away shows the order signed for — its status and its top
timeline line saying, in words, that it is held and not yet written — and offers the next step
(handle), held too; once written, the order as stored replaces it. A new order held on the seat
is listed in the caller's screen pop, opens from there by its label and takes its steps, its
deadlines shown as held. An order read earlier opens, the database away, from the seat's copy,
saying in words the time it was read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.scheduling.clock import FakeClock
from console.services.alarms import load_site_policy
from console.services.journal import JournalService
from console.services.orders import OrderService
from console.services.screen_pop import ScreenPopService
from console.services.steps import StepService
from console.store.journal_file import JournalFile
from console.ui.operations import Operations
from console.ui.seat.held_orders import HeldOrders
from console.ui.seat.order_actions import OrderActions
from console.ui.seat.order_detail import ACTION, OrderDetail
from console.ui.seat.screen_pop import ScreenPopView
from tests.principals import at_seat
from tests.services.outage import Outage, sqlite_outage
from tests.ui.intake_harness import HOTLINE

POLICE = at_seat("李警官", "P-01", Platform.POLICE)
DRAFT = Draft(caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
              description="楼下噪音", consent=True)  # fmt: skip


@pytest.fixture
def outage(tmp_path: Path, _templates: dict[str, str]) -> Iterator[Outage]:
    with sqlite_outage(tmp_path, _templates["sqlite"]) as made:
        yield made


class Desk:
    """One seat's order detail over its journal, as the seat window builds it."""

    def __init__(self, qtbot: QtBot, outage: Outage, path: Path, by: object) -> None:
        self.clock = FakeClock(datetime(2026, 11, 27, 2, 0, tzinfo=UTC))
        policy = load_site_policy(outage.db)  # what is held shows its deadlines to come
        self.orders = OrderService(outage.db, self.clock.now, policy, load_calendar())
        self.journal = JournalService(self.orders, by, JournalFile(path), self.clock.now)  # type: ignore[arg-type]
        self.ops = Operations("journal-shown-test")
        perform = partial(self.journal.step, perform=StepService(self.orders, by).perform)  # type: ignore[arg-type]
        self.steps = OrderActions(by=by, ops=self.ops, departments=lambda: [], police_kinds=[],
                                  perform=perform)  # type: ignore[arg-type]  # fmt: skip
        self.detail = OrderDetail(ops=self.ops, get=self.orders.get, kind_names={},
                                  related=self.orders.caller_history, actions=self.steps,
                                  journal=self.journal)  # fmt: skip
        qtbot.addWidget(self.detail)
        self.detail.show()

    def hold(self, qtbot: QtBot, action: Action, note: str = "") -> str:
        """The step's key, its note, Ctrl+Enter: held (its label)."""
        self.detail.activateWindow()  # the keys of the window in front
        qtbot.waitUntil(self.detail.isActiveWindow)
        combo = self.steps.buttons[action].shortcut()[0]  # its Alt letter
        QTest.keyClick(self.detail, combo.key(), combo.keyboardModifiers())
        qtbot.waitUntil(lambda: self.steps.action is action)  # the button's click is animated
        self.steps.note.setPlainText(note)
        with qtbot.waitSignal(self.steps.held) as held:
            QTest.keyClick(self.steps.note, Qt.Key.Key_Return,
                           Qt.KeyboardModifier.ControlModifier)  # fmt: skip
        return str(held.args[1])

    def write_back(self, outage: Outage) -> list[tuple[str, str]]:
        """The database back: the health check sees it, the journal is written (label, number
        of each held entry)."""
        outage.up()
        assert self.journal.health(True)
        return self.journal.replay().written

    def offered(self) -> set[Action]:
        return {a for a, b in self.steps.buttons.items() if b.isVisibleTo(self.detail)}

    def status(self) -> str:
        return self.detail.values["status"].text()

    def top_line(self) -> str:
        item = self.detail.timeline.item(0, ACTION)
        return item.text() if item is not None else ""

    def close(self) -> None:
        self.ops.shutdown()
        self.journal.close()


@pytest.mark.usefixtures("chinese")
def test_a_held_sign_for_shows_the_order_signed_for_and_offers_the_next_step(
    qtbot: QtBot, outage: Outage, tmp_path: Path
) -> None:
    desk = Desk(qtbot, outage, tmp_path / "P-01.sqlite3", POLICE)
    try:
        number = desk.orders.create(DRAFT, HOTLINE).order.number
        desk.orders.transfers.transfer(number, HOTLINE, "互派", "k1")
        with qtbot.waitSignal(desk.detail.shown):
            desk.detail.load(number)
        assert desk.status() == "已转派" and Action.SIGN_FOR in desk.offered()
        assert Action.START_HANDLING not in desk.offered() and desk.detail.projected.isHidden()
        outage.down()
        assert desk.hold(qtbot, Action.SIGN_FOR) == "暂存-0001"
        # As it will be once written, said in words: the status, the line, the count.
        assert desk.status() == "已签收（暂存，未写入）"
        assert desk.top_line() == "◷ 签收（暂存，未写入）"
        assert desk.detail.projected.text().startswith("◷ 按写入后的样子显示：1 个暂存步骤尚未写入")
        assert not desk.detail.projected.isHidden()
        # The rules' next step from 已签收, held too (the seat may hold it):
        assert Action.START_HANDLING in desk.offered() and Action.SIGN_FOR not in desk.offered()
        assert desk.hold(qtbot, Action.START_HANDLING) == "暂存-0002"
        assert desk.status() == "处置中（暂存，未写入）"
        assert "2 个暂存步骤" in desk.detail.projected.text()
        assert Action.PROGRESS in desk.offered()
        assert [w[0] for w in desk.write_back(outage)] == ["暂存-0001", "暂存-0002"]
        with qtbot.waitSignal(desk.detail.shown):
            desk.detail.journal_written()  # the write-back: the order as stored replaces it
        assert desk.status() == "处置中" and desk.detail.projected.isHidden()
        assert "暂存" not in desk.top_line()
        assert desk.detail.held.isHidden()
    finally:
        desk.close()


@pytest.mark.usefixtures("chinese")
def test_a_held_new_order_opens_from_the_screen_pop_and_takes_its_steps(
    qtbot: QtBot, outage: Outage, tmp_path: Path
) -> None:
    desk = Desk(qtbot, outage, tmp_path / "A-01.sqlite3", HOTLINE)
    pops = ScreenPopService(outage.db, desk.clock.now, HOTLINE, held=desk.journal.held_orders)
    pop = ScreenPopView({"C-TS": "投诉"})
    qtbot.addWidget(pop)
    pop.order_activated.connect(desk.detail.load)  # as the seat window wires it
    pop.show()
    try:
        outage.down()
        label = desk.journal.save(DRAFT)
        pop.show_pop(pops.pop(DRAFT.caller_phone))  # the call's pop, after the save
        assert pop.open_orders.text() == (f"暂存在本席位、尚未写入数据库：{label}（在其行上按 "
                                          "Enter 打开）")  # fmt: skip
        assert pop.model.rowCount() == 1
        pop.table.setFocus()
        pop.table.setCurrentIndex(pop.model.index(0, 0))
        with qtbot.waitSignal(desk.detail.shown):
            QTest.keyClick(pop.table, Qt.Key.Key_Return)
        assert desk.detail.title.text() == f"工单 {label}（暂存在本席位，尚未写入数据库）"
        assert desk.detail.projected.text().startswith("◷ 暂存在本席位：此工单尚未写入数据库")
        assert desk.status() == "已受理（暂存，未写入）" and desk.top_line().startswith("◷ ")
        due = desk.detail.values["feedback_due"].text()  # from the save, by the site's policy
        assert due.startswith("2026-") and due.endswith("（暂存，未写入）")
        assert desk.detail.values["sign_for_due"].text() == "—"
        assert desk.hold(qtbot, Action.START_HANDLING) == "暂存-0002"
        assert desk.status() == "处置中（暂存，未写入）"
        written = desk.write_back(outage)
        number = written[0][1]
        assert written == [(label, number), ("暂存-0002", number)]
        with qtbot.waitSignal(desk.detail.shown):
            desk.detail.journal_written()  # the label on screen: the order it became
        assert desk.detail.title.text() == f"工单 {number}" and desk.status() == "处置中"
        assert desk.detail.projected.isHidden()
    finally:
        desk.close()


@pytest.mark.usefixtures("chinese")
def test_held_new_orders_are_listed_above_the_queues_and_open_from_there(
    qtbot: QtBot, outage: Outage, tmp_path: Path
) -> None:
    desk = Desk(qtbot, outage, tmp_path / "A-01.sqlite3", HOTLINE)
    host = QWidget()  # inside a window, as the queues tab hosts it
    host.setMinimumSize(600, 300)
    listed = HeldOrders(desk.journal.held_orders, {"C-TS": "投诉"}, host)
    QVBoxLayout(host).addWidget(listed)
    qtbot.addWidget(host)
    host.show()
    try:
        listed.refresh()
        assert listed.isHidden()  # nothing held
        outage.down()
        label = desk.journal.save(DRAFT)
        listed.refresh()  # the intake's save refreshes the queues
        assert not listed.isHidden()
        assert listed.label.text().startswith("◷ 暂存在本席位、尚未写入数据库：1 张新工单")
        assert listed.list.item(0).text() == f"{label} · 投诉 · 已受理（暂存，未写入） · 楼下噪音"
        listed.list.setFocus()
        listed.list.setCurrentRow(0)
        with qtbot.waitSignal(listed.order_activated) as opened:
            QTest.keyClick(listed.list, Qt.Key.Key_Return)
        assert opened.args == [label]
        assert desk.write_back(outage)
        listed.refresh()  # written: in the queues now
        assert listed.isHidden()
    finally:
        desk.close()


@pytest.mark.usefixtures("chinese")
def test_an_order_read_earlier_opens_from_the_seats_copy_saying_when_it_was_read(
    qtbot: QtBot, outage: Outage, tmp_path: Path
) -> None:
    desk = Desk(qtbot, outage, tmp_path / "A-01.sqlite3", HOTLINE)
    try:
        first, second, never = (desk.orders.create(DRAFT, HOTLINE).order.number for _ in "abc")
        with qtbot.waitSignal(desk.detail.shown):
            desk.detail.load(first)  # at 10:00 in Beijing
        assert desk.detail.projected.isHidden() and second in desk.detail.related.text()
        desk.clock.advance(20 * 60)
        with qtbot.waitSignal(desk.detail.shown):
            desk.detail.load(second)
        outage.down()
        desk.clock.advance(60)
        with qtbot.waitSignal(desk.detail.shown):
            desk.detail.load(first)  # back to the first: its copy, not "could not load"
        copy_line = "⚠ 数据库连接中断：这是本席位 10:00 读取的副本，此后可能已有变化。"
        assert desk.detail.projected.text() == copy_line and desk.detail.projected.isVisible()
        assert desk.detail.message.isHidden()
        assert second in desk.detail.related.text()  # the caller's orders read with it
        assert desk.hold(qtbot, Action.START_HANDLING) == "暂存-0001"  # held on the copy
        assert desk.status() == "处置中（暂存，未写入）"
        lines = desk.detail.projected.text().splitlines()
        assert lines[0] == copy_line and lines[1].startswith("◷ 按写入后的样子显示：1 个暂存步骤")
        with qtbot.waitSignal(desk.detail.failed) as failed:
            desk.detail.load(never)  # never opened at this seat
        assert failed.args == [f"数据库连接中断，本席位本次登录后未打开过工单 {never}：数据库恢复后"
                               "才能打开。"]  # fmt: skip
        assert desk.write_back(outage) == [("暂存-0001", first)]
        with qtbot.waitSignal(desk.detail.shown):
            desk.detail.journal_written()  # read afresh: the order as stored now
        assert desk.detail.projected.isHidden() and desk.status() == "处置中"
    finally:
        desk.close()


@pytest.mark.usefixtures("chinese")
def test_the_callers_orders_not_read_with_a_copy_are_said_to_be_unavailable(
    qtbot: QtBot, outage: Outage, tmp_path: Path
) -> None:
    desk = Desk(qtbot, outage, tmp_path / "A-01.sqlite3", HOTLINE)
    try:
        order = desk.orders.create(DRAFT, HOTLINE).order
        with qtbot.waitSignal(desk.detail.shown):
            desk.detail.show_order(order, None)  # none read with the copy: never an error
        assert desk.detail.related.text() == "暂时无法查询来电人的其他工单（数据库连接中断）。"
        assert desk.detail.message.isHidden()
    finally:
        desk.close()
