"""The order detail: every field, the full timeline, related orders as links, errors inline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.demo.load import load_demo_data
from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.services.alarms import load_site_policy
from console.services.orders import OrderService, Stored
from console.store.engine import Database
from console.ui.history_model import china_time
from console.ui.models.time_left import TimeLeftBand
from console.ui.operations import Operations
from console.ui.seat.order_detail import (
    ACTION,
    AGENT,
    NOTE,
    PLATFORM,
    SEAT,
    STATUS,
    TIME,
    OrderDetail,
)
from tests.principals import at_seat

HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
POLICE = at_seat("李强", "J-07", Platform.POLICE)
KINDS = {"C-TS": "Complaint", "C-ZX": "Enquiry"}
FIELDS = {"F-SH": "Social administration"}
DISTRICTS = {"210102": "Heping District"}
DRAFT = Draft(caller_phone="138 1234 5678", caller_name="张三", kind="C-TS", field="F-SH",
              district="210102", address="中山路1号",
              description="楼下烧烤店夜间噪音扰民，已持续一周，每晚十点以后仍在营业。" * 3,
              consent=True)  # fmt: skip


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=7)
        return self.now


class Scene:
    """Demo orders, and a caller with three orders; the newest went to 110 and back."""

    def __init__(self, db: Database) -> None:
        load_demo_data(db, 500, seed=1, until=date(2026, 11, 26), calendar=load_calendar())
        self.clock = Clock()
        self.service = service = OrderService(db, self.clock, load_site_policy(db), load_calendar())
        self.older = [service.create(replace(DRAFT, kind=k), HOTLINE).order.number
                      for k in ("C-ZX", "C-TS")]  # fmt: skip
        self.number = number = service.create(DRAFT, HOTLINE).order.number
        service.act(number, Action.TRANSFER, HOTLINE, "涉嫌违法，转110处置", seen=1)
        service.act(number, Action.SIGN_FOR, POLICE, seen=2)
        service.act(number, Action.START_HANDLING, POLICE, seen=3)


@pytest.fixture
def scene(sqlite_db: Database) -> Scene:
    return Scene(sqlite_db)


@pytest.fixture
def worker() -> Iterator[Operations]:
    made = Operations("test-detail")
    yield made
    made.shutdown()


class Host(QWidget):
    def __init__(self, detail: OrderDetail) -> None:
        super().__init__()
        self.setMinimumSize(1000, 720)
        self.detail = detail
        QVBoxLayout(self).addWidget(detail)


def open_detail(qtbot: QtBot, scene: Scene, worker: Operations) -> OrderDetail:
    detail = OrderDetail(ops=worker, get=scene.service.get,
                         related=scene.service.caller_history, kind_names=KINDS,
                         field_names=FIELDS, district_names=DISTRICTS)  # fmt: skip
    host = Host(detail)
    qtbot.addWidget(host)
    detail.host = host  # type: ignore[attr-defined]  # keeps the window alive with the detail
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()  # keyboard tests need the focus: only an active window gets it
    qtbot.waitUntil(host.isActiveWindow)
    return detail


def load(qtbot: QtBot, detail: OrderDetail, number: str) -> None:
    with qtbot.waitSignal(detail.shown, timeout=10_000) as got:
        detail.load(number)
    assert got.args == [number]


def column(detail: OrderDetail, at: int) -> list[str]:
    table = detail.timeline
    return [table.item(row, at).text() for row in range(table.rowCount())]


def test_every_field_is_shown(qtbot: QtBot, scene: Scene, worker: Operations) -> None:
    detail = open_detail(qtbot, scene, worker)
    load(qtbot, detail, scene.number)
    order = scene.service.get(scene.number).order
    detail.set_now(order.timeline[-1].at)
    texts = {key: label.text() for key, label in detail.values.items()}
    due = order.deadlines
    assert due.sign_for is not None and due.feedback is not None and due.completion is not None
    assert texts == {
        "number": scene.number,
        "route": "12345 hotline → 110 police",
        "status": "Handling",
        "priority": "Normal",
        "kind": "Complaint",
        "field": "Social administration",
        "district": "Heping District",
        "address": "中山路1号",
        "department": "—",
        "caller": "138****5678 (张*)",  # masked: not the live call (个人信息)
        "created": china_time(order.created_at),
        "first_contact_mode": "—",
        "social_stability": "No",
        "consent": "Yes",
        "sign_for_due": china_time(due.sign_for),  # met: no time left
        "feedback_due": texts["feedback_due"],
        "completion_due": texts["completion_due"],
    }
    for key, at in (("feedback_due", due.feedback), ("completion_due", due.completion)):
        assert re.fullmatch(rf"{china_time(at)}  \(.+ left\)", texts[key]), texts[key]
    assert detail.description.toPlainText() == DRAFT.description
    assert detail.description.isReadOnly()
    assert detail.title.text() == f"Work order {scene.number}"
    assert not detail.message.isVisible()


def test_a_running_deadline_counts_down_and_turns_red(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    sent = scene.service.create(DRAFT, HOTLINE).order.number
    scene.service.act(sent, Action.TRANSFER, HOTLINE, "涉嫌违法", seen=1)
    detail = open_detail(qtbot, scene, worker)
    load(qtbot, detail, sent)
    due = scene.service.get(sent).order.deadlines.sign_for
    assert due is not None
    label = detail.values["sign_for_due"]
    detail.set_now(due - timedelta(minutes=30))
    assert label.text() == f"{china_time(due)}  (30m left)"
    assert TimeLeftBand.UNDER_2H.background in label.styleSheet()
    detail.set_now(due + timedelta(hours=2, minutes=5))
    assert label.text() == f"{china_time(due)}  (2h 5m over)"
    assert TimeLeftBand.OVERDUE.background in label.styleSheet()


def test_the_whole_timeline_newest_first_with_names(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    detail = open_detail(qtbot, scene, worker)
    load(qtbot, detail, scene.number)
    events = scene.service.get(scene.number).order.timeline
    assert column(detail, TIME) == [china_time(e.at) for e in reversed(events)]
    assert column(detail, PLATFORM) == ["110 police", "110 police", "12345 hotline",
                                        "12345 hotline"]  # fmt: skip
    assert column(detail, SEAT) == ["J-07", "J-07", "A-01", "A-01"]
    assert column(detail, AGENT) == ["李强", "李强", "王丽", "王丽"]
    assert column(detail, ACTION) == ["Handle", "Sign for", "Transfer", "Received"]
    assert column(detail, STATUS) == ["Signed for → Handling", "Transferred → Signed for",
                                      "Received → Transferred", "Received"]  # fmt: skip
    assert column(detail, NOTE) == ["", "", "涉嫌违法，转110处置", ""]


def test_a_long_note_is_shown_whole_with_its_lines(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    report = "社区网格员报告：双方在楼道内持械对峙，围观群众二十余人。" * 6
    note = f"{report}\n  现场已有人员受伤，请速派警力。  "
    scene.service.act(scene.number, Action.PROGRESS, POLICE, note, seen=4)
    detail = open_detail(qtbot, scene, worker)
    load(qtbot, detail, scene.number)
    assert column(detail, NOTE)[0] == f"{report}\n现场已有人员受伤，请速派警力。"
    table = detail.timeline
    assert table.wordWrap()
    assert table.rowHeight(0) >= 2 * table.rowHeight(1)  # wrapped onto lines, not cut


@pytest.mark.usefixtures("chinese")
def test_names_are_translated(qtbot: QtBot, scene: Scene, worker: Operations) -> None:
    detail = open_detail(qtbot, scene, worker)
    load(qtbot, detail, scene.number)
    assert column(detail, ACTION) == ["处置", "签收", "转派", "受理"]
    assert column(detail, STATUS)[2] == "已受理 → 已转派"
    assert detail.values["route"].text() == "12345 热线 → 110 报警平台"
    assert detail.values["consent"].text() == "是"
    assert detail.title.text() == f"工单 {scene.number}"


def test_related_orders_are_links_that_emit_their_number(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    detail = open_detail(qtbot, scene, worker)
    load(qtbot, detail, scene.number)
    links = re.findall(r'<a href="([^"]+)">', detail.related.text())
    assert links == scene.older[::-1]  # newest first, the order itself left out
    assert "Complaint" in detail.related.text() and "Enquiry" in detail.related.text()
    detail.related.setFocus(Qt.FocusReason.TabFocusReason)  # keyboard: the first link
    qtbot.waitUntil(detail.related.hasFocus)
    with qtbot.waitSignal(detail.order_activated) as got:
        QTest.keyClick(detail.related, Qt.Key.Key_Return)
    assert got.args == [scene.older[1]]
    load(qtbot, detail, got.args[0])  # following it shows that order, and links back
    assert scene.number in re.findall(r'<a href="([^"]+)">', detail.related.text())


def test_a_caller_without_other_orders(qtbot: QtBot, scene: Scene, worker: Operations) -> None:
    lonely = scene.service.create(replace(DRAFT, caller_phone="024 2345 6789"), HOTLINE)
    detail = open_detail(qtbot, scene, worker)
    load(qtbot, detail, lonely.order.number)
    assert detail.related.text() == "No other orders from this caller."
    assert column(detail, STATUS) == ["Received"]


def test_an_unknown_number_is_said_inline(qtbot: QtBot, scene: Scene, worker: Operations) -> None:
    detail = open_detail(qtbot, scene, worker)
    load(qtbot, detail, scene.number)
    with qtbot.waitSignal(detail.failed, timeout=10_000):
        detail.load("12345-20261126-999999")
    assert detail.message.isVisible()
    assert detail.message.text() == "There is no work order 12345-20261126-999999."
    assert detail.values["number"].text() == scene.number  # what was shown stays


def test_only_the_newest_load_is_shown(qtbot: QtBot, scene: Scene, worker: Operations) -> None:
    detail = open_detail(qtbot, scene, worker)
    shown: list[str] = []
    detail.shown.connect(shown.append)
    detail.load(scene.older[0])
    with qtbot.waitSignal(detail.shown, timeout=10_000):
        detail.load(scene.number)
    assert shown == [scene.number]


def test_a_refresh_while_another_order_opens_reads_that_one(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    """A change to the order still shown, notified while the agent opens another: the other
    is shown, not the one being left (the seat window's walk waited on it under load)."""
    detail = open_detail(qtbot, scene, worker)
    load(qtbot, detail, scene.number)
    with qtbot.waitSignal(detail.shown, timeout=10_000) as got:
        detail.load(scene.older[0])
        detail.refresh()
    assert got.args == [scene.older[0]]
    assert detail.order is not None and detail.order.number == scene.older[0]


def test_every_refusal_code_has_its_own_words(qapp: object) -> None:
    from console.domain.orders import Action, Status, TransitionError
    from console.domain.refusals import REFUSALS
    from console.ui.refusals import refusal_text

    params = {"platform": "110", "kind": "P-X", "number": "n", "department": "D", "seat": "S",
              "agent": "A", "most": "9", "path": "P", "attempts": "5", "minutes": "30",
              "until": "U", "max": "128", "min": "8", "classes": "3", "login": "L",
              "first": "F", "second": "S", "role": "R", "code": "C", "busy": "1",
              "version": "2.0", "level": "Ⅱ", "district": "210102", "partner": "P",
              "by": "B", "order": "O", "article": "K-001", "length": "20"}  # fmt: skip
    for code in REFUSALS:
        error = TransitionError("n", Action.TRANSFER, Status.RECEIVED, "WHY", code, params)
        text = refusal_text(error)
        assert text and "WHY" not in text and "{" not in text, code


def test_a_change_committed_while_a_read_is_under_way_is_shown(
    qtbot: QtBot, scene: Scene, worker: Operations
) -> None:
    """The change feed's refresh must not be dropped because a read is already running: that
    read may have started before the change was committed (seen on PostgreSQL in CI)."""
    import threading

    gate, reading = threading.Event(), threading.Event()
    service = scene.service

    def slow_get(number: str) -> Stored:
        read = service.get(number)  # the read is done: what it saw is fixed
        reading.set()
        assert gate.wait(10)  # its answer is still on its way
        return read

    detail = OrderDetail(ops=worker, get=slow_get, related=service.caller_history,
                         kind_names=KINDS)  # fmt: skip
    qtbot.addWidget(detail)
    gate.set()
    load(qtbot, detail, scene.number)
    gate.clear()
    reading.clear()
    detail.refresh()  # a read starts, on the order as it is now …
    assert reading.wait(10)
    service.act(scene.number, Action.PROGRESS, POLICE, "已到场", seen=4)  # … then it changes
    detail.refresh()  # the change feed saw it
    gate.set()
    qtbot.waitUntil(lambda: detail.order is not None and len(detail.order.timeline) == 5)
