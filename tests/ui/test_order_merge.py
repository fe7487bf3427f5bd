"""并单 / 拆单 from the order detail, by keyboard, on both databases: the duplicate closes into
the order it joins (whose callers it joins), unmerging restores both, a refusal is said with the
note kept, and the buttons show only where the rules let them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status
from console.services.duplicates import DuplicateService
from console.services.orders import OrderService
from console.store.engine import Database
from console.ui.operations import Operations
from console.ui.seat.order_detail import ACTION, OrderDetail
from console.ui.seat.order_merge import OrderMerge
from tests.principals import at_seat

AGENT = at_seat("王丽", "A-01", Platform.HOTLINE)
OPERATOR = at_seat("李明", "B-01", Platform.POLICE)
KINDS = {"C-TS": "Complaint"}


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 2, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def draft(phone: str, text: str = "小区门口垃圾堆放三天无人清理") -> Draft:
    return Draft(caller_phone=phone, kind="C-TS", field="F-SH", district="210102",
                 address="和平区南京北街1号", description=text, consent=True)  # fmt: skip


class Scene:
    """An order in hand and a later call about the same matter (its duplicate)."""

    def __init__(self, db: Database, by: object = AGENT) -> None:
        clock = Clock()
        self.orders = orders = OrderService(db, clock)
        self.dups = DuplicateService(db, clock, orders.writer, by)  # type: ignore[arg-type]
        self.into = orders.create(draft("13811110000"), AGENT).order.number
        orders.act(self.into, Action.START_HANDLING, AGENT, seen=1)
        later = draft("13922220000", "南京北街小区门口垃圾没人清理")
        self.dup = orders.create(later, AGENT).order.number


@pytest.fixture
def worker() -> Iterator[Operations]:
    made = Operations("test-merge")
    yield made
    made.shutdown()


def open_detail(qtbot: QtBot, scene: Scene, worker: Operations, by: object = AGENT) -> OrderDetail:
    merge = OrderMerge(by=by, ops=worker, duplicates=scene.dups, kind_names=KINDS)  # type: ignore[arg-type]
    detail = OrderDetail(ops=worker, get=scene.orders.get, related=scene.orders.caller_history,
                         kind_names=KINDS, merge=merge)  # fmt: skip
    host = QWidget()
    host.setMinimumSize(1000, 760)
    QVBoxLayout(host).addWidget(detail)
    qtbot.addWidget(host)
    detail.host = host  # type: ignore[attr-defined]  # keeps the window alive with the detail
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()  # the keys need the focus: only an active window gets it
    qtbot.waitUntil(host.isActiveWindow)
    return detail


def load(qtbot: QtBot, detail: OrderDetail, number: str) -> None:
    with qtbot.waitSignal(detail.shown, timeout=10_000):
        detail.load(number)


def actions(detail: OrderDetail) -> list[str]:
    table = detail.timeline
    return [table.item(row, ACTION).text() for row in range(table.rowCount())]


def ctrl(widget: QWidget, key: Qt.Key, shift: bool = False) -> None:
    mods = Qt.KeyboardModifier.ControlModifier
    if shift:
        mods |= Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(widget, key, mods)


def test_merge_by_keyboard_then_unmerge_restores_both(
    qtbot: QtBot, db: Database, worker: Operations
) -> None:
    scene = Scene(db)
    detail = open_detail(qtbot, scene, worker)
    merge = detail.merge
    assert merge is not None
    load(qtbot, detail, scene.dup)
    assert merge.merge_button.isVisible() and not merge.unmerge_button.isVisible()
    assert "Ctrl+Shift+M" in merge.merge_button.text()
    ctrl(detail, Qt.Key.Key_M, shift=True)  # 并单: the form, focus on the likely duplicates
    qtbot.waitUntil(merge.form.isVisible)  # a button's key clicks it a moment later
    assert merge.found.hasFocus()
    qtbot.waitUntil(lambda: merge.found.count() > 0 and scene.into in merge.found.item(0).text())
    QTest.keyClick(merge.found, Qt.Key.Key_Down)  # the best candidate: the order in hand
    assert merge.target.text() == scene.into
    QTest.keyClick(merge.found, Qt.Key.Key_Tab)
    QTest.keyClick(merge.target, Qt.Key.Key_Tab)
    assert merge.note.hasFocus()
    QTest.keyClicks(merge.note, "same heap")  # keyClicks types Latin-1 only
    with qtbot.waitSignal(detail.shown, timeout=10_000):
        ctrl(merge.note, Qt.Key.Key_Return)
    assert not merge.form.isVisible()
    assert detail.values["status"].text() == "Cancelled"
    assert actions(detail)[0] == "Merged into"
    assert f'href="{scene.into}"' in detail.related.text()  # Tab, Enter: opens the order in hand
    assert merge.unmerge_button.isVisible() and not merge.merge_button.isVisible()
    assert [c.phone for c in scene.dups.callers(scene.into)] == ["13811110000", "13922220000"]

    load(qtbot, detail, scene.into)  # the order in hand: the caller joined, the link back
    assert actions(detail)[0] == "Caller joined"
    assert f'href="{scene.dup}"' in detail.related.text()
    with qtbot.waitSignal(detail.order_activated) as followed:
        detail.related.linkActivated.emit(scene.dup)
    assert followed.args == [scene.dup]
    detail.timeline.setFocus()  # the timeline's 并入 line: Enter opens the duplicate
    detail.timeline.setCurrentCell(0, ACTION)
    with qtbot.waitSignal(detail.order_activated) as followed:
        QTest.keyClick(detail.timeline, Qt.Key.Key_Return)
    assert followed.args == [scene.dup]
    detail.timeline.setCurrentCell(detail.timeline.rowCount() - 1, ACTION)  # 受理: no link
    with qtbot.assertNotEmitted(detail.order_activated):
        QTest.keyClick(detail.timeline, Qt.Key.Key_Return)

    load(qtbot, detail, scene.dup)
    ctrl(detail, Qt.Key.Key_U, shift=True)  # 拆单: a note, then Ctrl+Enter
    qtbot.waitUntil(merge.form.isVisible)
    assert merge.note.hasFocus() and not merge.target.isVisible()
    QTest.keyClicks(merge.note, "not one matter")
    with qtbot.waitSignal(detail.shown, timeout=10_000):
        ctrl(merge.note, Qt.Key.Key_Enter)
    assert detail.values["status"].text() == "Received"
    assert actions(detail)[0] == "Unmerged"
    assert merge.merge_button.isVisible() and not merge.unmerge_button.isVisible()
    assert [c.phone for c in scene.dups.callers(scene.into)] == ["13811110000"]
    assert scene.orders.get(scene.into).order.status is Status.HANDLING


def test_a_refused_merge_says_why_and_keeps_the_note(
    qtbot: QtBot, db: Database, worker: Operations
) -> None:
    scene = Scene(db)
    orders, into = scene.orders, scene.into
    orders.act(into, Action.FEED_BACK, AGENT, "已清理", seen=2)
    orders.act(into, Action.COMPLETE, AGENT, seen=3)
    detail = open_detail(qtbot, scene, worker)
    merge = detail.merge
    assert merge is not None
    load(qtbot, detail, scene.dup)
    ctrl(detail, Qt.Key.Key_M, shift=True)
    qtbot.waitUntil(merge.form.isVisible)
    ctrl(merge.target, Qt.Key.Key_Return)  # nothing chosen: asked for, nothing sent
    assert merge.error.text() == "Choose or type the order to merge into."
    QTest.keyClicks(merge.target, into)  # typed: the completed order is no candidate
    merge.note.setFocus()
    QTest.keyClicks(merge.note, "same heap")  # keyClicks types Latin-1 only
    ctrl(merge.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: merge.error.text().startswith("Not done:"), timeout=10_000)
    assert merge.error.text() == "Not done: The order is closed."
    assert merge.form.isVisible() and merge.note.toPlainText() == "same heap"
    assert orders.get(scene.dup).order.status is Status.RECEIVED
    merge.close_form()  # closed and opened again: the note comes back
    merge.open_form(Action.MERGE)
    assert merge.note.toPlainText() == "same heap"


def test_a_merge_the_rules_refuse_says_why_and_a_closed_order_offers_none(
    qtbot: QtBot, db: Database, worker: Operations
) -> None:
    scene = Scene(db)
    fresh = scene.orders.create(draft("13733330000"), AGENT).order.number
    scene.dups.merge(scene.dup, fresh, "")
    detail = open_detail(qtbot, scene, worker)
    merge = detail.merge
    assert merge is not None
    load(qtbot, detail, scene.into)  # worked on (办理中): no longer merged into another
    assert not merge.merge_button.isVisible() and not merge.unmerge_button.isVisible()
    load(qtbot, detail, fresh)  # others joined it: merging it first needs them split off
    assert merge.merge_button.isVisible()
    ctrl(detail, Qt.Key.Key_M, shift=True)
    qtbot.waitUntil(merge.said.isVisible)
    assert not merge.form.isVisible()
    assert merge.said.text() == "Other callers joined this order: split them off before merging it."
    load(qtbot, detail, scene.dup)  # merged: no 并单, 拆单 offered
    assert not merge.said.isVisible() and not merge.merge_button.isVisible()
    assert merge.unmerge_button.isVisible()


@pytest.mark.usefixtures("chinese")
def test_the_merge_words_in_chinese(qtbot: QtBot, sqlite_db: Database, worker: Operations) -> None:
    scene = Scene(sqlite_db)
    detail = open_detail(qtbot, scene, worker)
    merge = detail.merge
    assert merge is not None
    load(qtbot, detail, scene.dup)
    assert merge.merge_button.text() == "并单…（Ctrl+Shift+M）"
    merge.open_form(Action.MERGE)
    assert merge.prompt.text() == f"并单：将工单 {scene.dup} 并入另一工单"
    assert merge.target.placeholderText() == "工单编号，或在上方选择"
    qtbot.waitUntil(lambda: scene.into in merge.found.item(0).text())  # the read is done
