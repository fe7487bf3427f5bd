"""The auditor's Audit tab: filters by user and action, keyset pages newest first, and the
chain's check off the GUI thread — intact, and after a row is changed with raw SQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from console.domain.audit import AuditAction, AuditEntry, Verdict
from console.services.audit import AuditTrail, create_key, show, verify_trail
from console.store.engine import Database
from console.ui.admin.audit_model import AuditModel
from console.ui.admin.audit_view import AuditView
from console.ui.operations import Operations

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
ALT = Qt.KeyboardModifier.AltModifier


def _trail(db: Database, key: bytes, rows: int) -> None:
    start = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    stamps = iter(start + timedelta(hours=3 * n) for n in range(rows))
    trail = AuditTrail(key, lambda: next(stamps))
    for n in range(1, rows + 1):
        who = "wangli" if n % 2 else "zhangwei"
        action = AuditAction.ORDER_STEP if n % 3 else AuditAction.SIGN_IN
        trail.write(db, AuditEntry(who, "A-01", action, f"12345-{n}", detail="x"))


def _view(qtbot: QtBot, db: Database, key: bytes, ops: Operations, page: int = 4) -> AuditView:
    view = AuditView(partial(show, db), partial(verify_trail, db, key), ops=ops, page_size=page)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    with qtbot.waitSignal(view.model.loaded):
        view.apply_filter()
    return view


def _seqs(model: AuditModel) -> list[int]:
    return [model.record(r).seq for r in range(model.rowCount())]


@pytest.mark.usefixtures("chinese")
def test_pages_newest_first_and_filters(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_ops: Operations,
    tmp_path: Path,
    qtmodeltester: ModelTester,
) -> None:
    key = create_key(tmp_path / "audit.key")
    _trail(sqlite_db, key, 10)
    view = _view(qtbot, sqlite_db, key, admin_ops)
    model = view.model
    assert _seqs(model) == [10, 9, 8, 7]
    assert model.index(0, AuditModel.ACTION).data() == "工单操作"
    assert model.index(0, AuditModel.AT).data() == "2026-12-02 12:00:00"  # China time
    assert view.page_label.text() == "已显示 4 条，最新在前；更早的记录：Alt+O 或向下滚动。"
    # Older rows come with Alt+O, and as the table scrolls to its end (a table with room to
    # spare asks by itself): each page keyed on the last row shown, none twice, none skipped.
    with qtbot.waitSignal(view.more_button.clicked):
        QTest.keyClick(view, Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: model.rowCount() == 10)
    assert _seqs(model) == list(range(10, 0, -1))
    assert not model.canFetchMore(QModelIndex())
    qtbot.waitUntil(lambda: view.page_label.text() == "已显示 10 条，最新在前；没有更早的记录。")
    assert not view.more_button.isEnabled()
    qtmodeltester.check(model)

    view.user.setText("zhangwei")
    view.action.setCurrentIndex(view.action.findData(AuditAction.ORDER_STEP.value))
    with qtbot.waitSignal(model.loaded):
        QTest.keyClick(view.user, Qt.Key.Key_Return)
    assert _seqs(model) == [10, 8, 4, 2]
    view.user.clear()
    view.action.setCurrentIndex(0)  # all actions
    view.start.setText("2026-12-02")
    with qtbot.waitSignal(model.loaded):
        view.apply_filter()
    assert _seqs(model) == [10, 9, 8, 7]  # 12-02 in China begins at 16:00 UTC on the 1st
    view.end.setText("2026-12-02")
    view.start.setText("2026-12-01")
    with qtbot.waitSignal(model.loaded):
        view.apply_filter()
    assert _seqs(model)[:4] == [10, 9, 8, 7]
    view.end.setText("2026-11-30")
    view.apply_filter()
    assert view.page_label.text() == "“止”早于“起”。"
    view.start.setText("2026-13-01")
    view.apply_filter()
    assert view.page_label.text() == "2026-13-01 不是日期：请按 YYYY-MM-DD 输入。"


@pytest.mark.usefixtures("chinese")
def test_verify_says_intact_then_names_the_changed_row(
    qtbot: QtBot, sqlite_db: Database, admin_ops: Operations, tmp_path: Path
) -> None:
    key = create_key(tmp_path / "audit.key")
    _trail(sqlite_db, key, 7)
    view = _view(qtbot, sqlite_db, key, admin_ops)
    with qtbot.waitSignal(view.verified, timeout=20_000) as intact:
        QTest.keyClick(view, Qt.Key.Key_V, ALT)  # a button's Alt letter clicks it a moment later
    verdict = intact.args[0]
    assert isinstance(verdict, Verdict) and verdict.broken is None and verdict.rows == 7
    assert view.verdict.text().startswith("完好：共 7 条；末条序号 7，MAC ")
    assert not view.progress.isVisible() and view.verify_button.isEnabled()

    with sqlite_db.engine.begin() as conn:  # behind the console's back
        conn.execute(text("UPDATE audit SET target = '12345-99' WHERE seq = 4"))
    with qtbot.waitSignal(view.verified, timeout=20_000) as broken:
        view.verify()
    assert broken.args[0].broken.seq == 4
    assert view.verdict.text() == "已被破坏：第 4 条写入后被修改。 （已读 5 条）"

    with sqlite_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit WHERE seq = 4"))
    with qtbot.waitSignal(view.verified, timeout=20_000):
        view.verify()
    assert view.verdict.text().startswith("已被破坏：自第 4 条起有记录缺失")


@pytest.mark.usefixtures("chinese")
def test_the_check_shows_progress_then_a_failure(
    qtbot: QtBot, sqlite_db: Database, admin_ops: Operations
) -> None:
    go = threading.Event()

    def broken() -> Verdict:
        go.wait(10)
        raise OSError("disk gone")

    view = AuditView(partial(show, sqlite_db), broken, ops=admin_ops)
    qtbot.addWidget(view)
    view.show()
    view.verify()
    assert view.progress.isVisible() and not view.verify_button.isEnabled()
    assert view.verdict.text() == "正在校验整条留痕链… 0 秒"
    view.verify()  # one check at a time: a second press does nothing
    go.set()
    qtbot.waitUntil(view.verify_button.isEnabled)
    assert view.verdict.text() == "无法校验留痕链：意外错误：disk gone"
    assert not view.progress.isVisible()
