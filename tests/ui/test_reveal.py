"""The order detail masks the caller; "Show full number" (Alt+V) takes a reason inline, shows the
caller whole for that order only, and is recorded in the audit trail; no reason, no number."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from console.services.audit import AuditTrail
from console.services.privacy import PrivacyService
from console.store.engine import Database
from console.ui.operations import Operations
from console.ui.seat.order_detail import OrderDetail
from tests.ui.test_order_detail import DISTRICTS, DRAFT, FIELDS, HOTLINE, KINDS, Host, Scene, load

KEY = bytes(range(32))


@pytest.fixture
def worker() -> Iterator[Operations]:
    made = Operations("test-reveal")
    yield made
    made.shutdown()


def open_detail(qtbot: QtBot, scene: Scene, worker: Operations, db: Database) -> OrderDetail:
    privacy = PrivacyService(db, AuditTrail(KEY, scene.clock), seat="A-01")
    detail = OrderDetail(
        ops=worker, get=scene.service.get, related=scene.service.caller_history,
        kind_names=KINDS, field_names=FIELDS, district_names=DISTRICTS,
        reveal=lambda number, reason: privacy.reveal(number, reason, by="王丽"),
    )  # fmt: skip
    host = Host(detail)
    qtbot.addWidget(host)
    detail.host = host  # type: ignore[attr-defined]  # keeps the window alive with the detail
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    return detail


def reveals(db: Database) -> list[tuple[str, str, str]]:
    with db.read() as s:
        rows = s.execute(text("SELECT who, target, detail FROM audit "
                              "WHERE action = 'reveal_personal_data' ORDER BY seq"))  # fmt: skip
        return [(r[0], r[1], r[2]) for r in rows]


def test_a_reason_shows_the_caller_whole_for_that_order_and_is_audited(
    qtbot: QtBot, sqlite_db: Database, worker: Operations
) -> None:
    scene = Scene(sqlite_db)
    detail = open_detail(qtbot, scene, worker, sqlite_db)
    load(qtbot, detail, scene.number)
    caller = detail.values["caller"]
    assert caller.text() == "138****5678 (张*)"
    assert detail.reveal is not None
    QTest.keyClick(detail.window(), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    reason = detail.reveal.reason
    qtbot.waitUntil(reason.hasFocus)
    QTest.keyClick(reason, Qt.Key.Key_Return)  # no reason: refused, in words, nothing shown
    qtbot.waitUntil(detail.message.isVisible)
    assert "reason" in detail.message.text() and caller.text() == "138****5678 (张*)"
    assert reveals(sqlite_db) == []
    QTest.keyClicks(reason, "call back")
    QTest.keyClick(reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: caller.text() == "13812345678 (张三)")
    assert not reason.isVisible() and not detail.reveal.button.isVisible()
    assert not detail.message.isVisible()
    assert reveals(sqlite_db) == [("王丽", scene.number, "call back")]
    # A re-read of the same order keeps it whole; another order is masked again.
    load(qtbot, detail, scene.number)
    assert caller.text() == "13812345678 (张三)"
    other = scene.service.create(replace(DRAFT, caller_phone="024 2345 6789"), HOTLINE)
    load(qtbot, detail, other.order.number)
    assert caller.text() == "024****6789 (张*)" and detail.reveal.button.isVisible()


def test_esc_puts_the_reason_away(qtbot: QtBot, sqlite_db: Database, worker: Operations) -> None:
    scene = Scene(sqlite_db)
    detail = open_detail(qtbot, scene, worker, sqlite_db)
    load(qtbot, detail, scene.number)
    assert detail.reveal is not None
    detail.reveal.button.click()
    qtbot.waitUntil(detail.reveal.reason.hasFocus)
    QTest.keyClicks(detail.reveal.reason, "x")
    QTest.keyClick(detail.reveal.reason, Qt.Key.Key_Escape)
    assert not detail.reveal.reason.isVisible() and detail.reveal.reason.text() == ""
    assert reveals(sqlite_db) == []
