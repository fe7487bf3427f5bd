"""The order detail with the database away (issue 18): a progress note or a feedback is held on
the seat and shown under 暂存 on the order until written; a cancel (it needs the order as it
is now) is refused in the agent's language with the note kept; written back, the 暂存 lines go
and the timeline has the steps. One not written (the order changed meanwhile) stays on the
order, saying so, until dismissed (Ctrl+Shift+D)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.domain.intake import Draft
from console.domain.orders import Action
from console.scheduling.clock import FakeClock
from console.services.journal import JournalService
from console.services.orders import OrderService
from console.services.steps import StepService
from console.store.journal_file import JournalFile
from console.ui.operations import Operations
from console.ui.seat.order_actions import OrderActions
from console.ui.seat.order_detail import OrderDetail
from tests.services.outage import Outage, open_fds, sqlite_outage
from tests.services.test_journal_outage import OTHER
from tests.ui.intake_harness import HOTLINE


@pytest.fixture
def outage(tmp_path: Path, _templates: dict[str, str]) -> Iterator[Outage]:
    with sqlite_outage(tmp_path, _templates["sqlite"]) as made:
        yield made


def confirm(steps: OrderActions, action: Action, note: str) -> None:
    steps.open_step(action)
    steps.note.setPlainText(note)
    QTest.keyClick(steps.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.usefixtures("chinese")
def test_steps_held_in_the_detail_refused_ones_keep_the_note(
    qtbot: QtBot, outage: Outage, tmp_path: Path
) -> None:
    clock = FakeClock(datetime(2026, 11, 27, 2, 0, tzinfo=UTC))
    orders = OrderService(outage.db, clock.now)
    path = tmp_path / "journal" / "A-01.sqlite3"
    journal = JournalService(orders, HOTLINE, JournalFile(path), clock.now)
    ops = Operations("journal-steps-test")
    try:
        number = journal.save(Draft(caller_phone="13812345678", kind="C-TS", field="F-SH",
                                    district="210102", description="楼下噪音", consent=True))  # fmt: skip
        orders.act(number, Action.START_HANDLING, HOTLINE, seen=1)
        steps = OrderActions(by=HOTLINE, ops=ops, departments=lambda: [], police_kinds=[],
                             perform=partial(journal.step, perform=StepService(orders, HOTLINE).perform))  # fmt: skip
        detail = OrderDetail(ops=ops, get=orders.get, related=orders.caller_history,
                             kind_names={}, actions=steps, journal=journal)  # fmt: skip
        qtbot.addWidget(detail)
        detail.show()
        with qtbot.waitSignal(detail.shown):
            detail.load(number)
        assert detail.held.isHidden()
        outage.down()
        with qtbot.waitSignal(steps.held) as held:
            confirm(steps, Action.PROGRESS, "已联系物业")
        assert held.args == [number, "暂存-0001"]
        assert detail.message.text() == "已暂存为 暂存-0001：数据库恢复后写入。"
        line = detail.held.text()
        assert not detail.held.isHidden() and line.startswith("◷ 暂存：暂存-0001 · 处置进展 · ")
        assert "已联系物业" in line and line.endswith("数据库恢复后写入")
        with qtbot.waitSignal(steps.refused) as refused:
            confirm(steps, Action.CANCEL, "重复来电")
        assert refused.args[0].startswith("数据库连接中断，此操作需联机后再试")
        assert steps.form.isVisible() and steps.note.toPlainText() == "重复来电"  # kept
        assert steps.error.text().startswith("未办理：数据库连接中断")
        steps.close_step()
        with qtbot.waitSignal(steps.held):
            confirm(steps, Action.FEED_BACK, "已答复来电人")
        assert detail.held.text().count("\n") == 1  # two lines, in the order held
        outage.up()
        assert journal.health(True)
        assert [label for label, _ in journal.replay().written] == ["暂存-0001", "暂存-0002"]
        detail.held.refresh()
        assert detail.held.isHidden()
        with qtbot.waitSignal(detail.shown):
            detail.refresh()
        notes = [e.note for e in detail.order.timeline] if detail.order else []
        assert notes[-2:] == ["已联系物业", "已答复来电人"]
    finally:
        ops.shutdown()
        journal.close()
    assert open_fds(path) == 0


@pytest.mark.usefixtures("chinese")
def test_a_step_not_written_stays_on_the_order_until_dismissed(
    qtbot: QtBot, outage: Outage, tmp_path: Path
) -> None:
    clock = FakeClock(datetime(2026, 11, 27, 2, 0, tzinfo=UTC))
    orders = OrderService(outage.db, clock.now)
    journal = JournalService(orders, HOTLINE, JournalFile(tmp_path / "j.sqlite3"), clock.now)
    ops = Operations("journal-aside-test")
    try:
        number = journal.save(Draft(caller_phone="13812345678", kind="C-TS", field="F-SH",
                                    district="210102", description="楼下噪音", consent=True))  # fmt: skip
        orders.act(number, Action.START_HANDLING, HOTLINE, seen=1)
        detail = OrderDetail(ops=ops, get=orders.get, related=orders.caller_history,
                             kind_names={}, journal=journal)  # fmt: skip
        qtbot.addWidget(detail)
        detail.show()
        with qtbot.waitSignal(detail.shown):
            detail.load(number)
        outage.down()
        journal.act(number, Action.PROGRESS, "已联系物业", seen=2)
        outage.up()
        orders.act(number, Action.PROGRESS, OTHER, "另一席位的进展", seen=2)
        journal.replay()
        detail.held.refresh()
        lines = detail.held.text().splitlines()
        assert lines[0].startswith("⚠ 未写入：暂存-0001 · 处置进展 · ")
        assert lines[0].endswith("期间该工单已被其他席位修改，未覆盖；如仍需要请重新操作")
        assert lines[1] == "Ctrl+Shift+D 移除已处理的未写入记录。"
        assert journal.view().aside  # the banner counts it too
        detail.activateWindow()
        qtbot.waitUntil(detail.isActiveWindow)
        with qtbot.waitSignal(detail.held.dismissed):
            QTest.keyClick(detail, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
                           | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
        assert detail.held.isHidden() and journal.view().aside == ()
    finally:
        ops.shutdown()
        journal.close()
