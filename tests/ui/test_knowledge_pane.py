"""The knowledge pane beside the intake form: the articles for what is typed show (searched
off the GUI thread), the chosen one's text is readable, Ctrl+Enter cites it, and the seat's
citer records the citation on the saved order (waiting until the order is saved)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.app_seat import follow_policy
from console.domain.knowledge_file import load_knowledge
from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated
from console.services.knowledge import KnowledgeService
from console.services.suggestions import SuggestionService
from console.store import knowledge as store
from console.store.engine import Database
from console.store.tables import OrderRow
from console.ui.operations import Operations
from console.ui.seat.drafts import DraftStore
from console.ui.seat.intake_form import IntakeForm
from console.ui.seat.knowledge_pane import KnowledgePane, OrderCiter

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 8, 1, 2, 0, tzinfo=UTC)
AGENT = Seated(Principal("agent1", "话务员甲", Platform.HOTLINE, frozenset({Role.AGENT})), "A-01")
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _service(db: Database) -> KnowledgeService:
    with db.write() as session:
        shelf = load_knowledge(ROOT / "db" / "knowledge", store.kinds(session))
        store.import_articles(session, shelf.articles, "tester", "test", NOW)
        session.add(OrderRow(number="H20260801001", origin="12345", owner="12345", kind="C-ZX",
                             caller_phone="13800000000", district="210102", description="咨询",
                             status="received", created_at=NOW, updated_at=NOW))  # fmt: skip
    return KnowledgeService(db, lambda: NOW)


def _pane(qtbot: QtBot, pane: KnowledgePane) -> KnowledgePane:
    qtbot.addWidget(pane)
    pane.resize(360, 560)
    pane.show()
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)
    return pane


def test_the_articles_for_what_is_typed_show_and_the_key_cites_the_chosen(
    qtbot: QtBot, sqlite_db: Database, admin_ops: Operations
) -> None:
    service = _service(sqlite_db)
    cited: list[str] = []
    pane = _pane(qtbot, KnowledgePane(service.search, admin_ops, cited.append, delay_ms=10))
    assert not pane.cite_button.isEnabled()  # nothing found yet
    with qtbot.waitSignal(pane.shown) as shown:
        pane.show_for("C-ZX", "来电人问公积金怎么提取")
    assert shown.args[0] >= 1
    first = pane.articles.item(0).text()
    assert "住房公积金提取" in first and "K-003 v1" in first and "valid from 2026-01-01" in first
    assert "demo" in first and "[Policy answer]" in first
    assert "租房提取每年一次" in pane.body.toPlainText()
    assert "依据：知识库 K-003 第1版" in pane.body.toPlainText()
    # typing on changes the list; a 会商 result names its rule and its validity's end
    with qtbot.waitSignal(pane.shown):
        pane.show_for("C-TS", "附近烧烤店油烟很大")
    assert "rule R-020" in pane.articles.item(0).text()
    assert "valid 2026-07-01 to 2027-06-30" in pane.articles.item(0).text()
    # keyboard: Alt+W to the list, Down to the next, Ctrl+Enter cites the chosen
    QTest.keyClick(pane, Qt.Key.Key_W, ALT)
    qtbot.waitUntil(pane.articles.hasFocus)
    with qtbot.waitSignal(pane.shown):
        pane.show_for("C-TS", "楼上装修噪音太大")
    QTest.keyClick(pane.articles, Qt.Key.Key_Down)
    chosen = pane.selected()
    assert chosen is not None and chosen.article_id == "K-101"
    assert "社会生活噪声" in pane.body.toPlainText()
    with qtbot.waitSignal(pane.cite_asked):
        QTest.keyClick(pane.articles, Qt.Key.Key_Return, CTRL)
    assert cited == ["K-101"]
    # a search again keeps the chosen article chosen
    with qtbot.waitSignal(pane.shown):
        pane.show_for("C-TS", "楼上装修噪音太大，电钻响")
    assert pane.selected() is not None and pane.selected().article_id == "K-101"  # type: ignore[union-attr]
    with qtbot.waitSignal(pane.shown) as none:
        pane.show_for(None, "")
    assert none.args[0] == 0 and pane.selected() is None and pane.body.toPlainText() == ""
    pane.cite_selected()
    assert cited == ["K-101"] and "Choose an article" in pane.status.text()


def test_the_citer_waits_for_the_saved_order_then_records_and_says_so(
    qtbot: QtBot, sqlite_db: Database, admin_ops: Operations
) -> None:
    service = _service(sqlite_db)
    citer = OrderCiter(admin_ops, partial(service.cite, AGENT))
    pane = _pane(qtbot, KnowledgePane(service.search, admin_ops, citer, delay_ms=10))
    citer.pane = pane
    with qtbot.waitSignal(pane.shown):
        pane.show_for("C-ZX", "公积金提取")
    pane.cite_selected()
    assert "will be cited when the order is saved" in pane.status.text()
    assert service.citations("H20260801001") == []
    citer.set_order("H20260801001")
    qtbot.waitUntil(lambda: "K-003 cited on order H20260801001" in pane.status.text())
    assert service.citations("H20260801001") == [("K-003", 1)]
    citer.set_order("H404")
    pane.cite_selected()
    qtbot.waitUntil(lambda: "Not cited: There is no work order H404." in pane.status.text())
    citer.clear_order()
    pane.cite_selected()
    assert citer.waiting == ["K-003"]


@pytest.mark.usefixtures("chinese")
def test_the_pane_speaks_chinese(qtbot: QtBot, sqlite_db: Database, admin_ops: Operations) -> None:
    service = _service(sqlite_db)
    pane = _pane(qtbot, KnowledgePane(service.search, admin_ops, lambda _a: None, delay_ms=10))
    with qtbot.waitSignal(pane.shown):
        pane.show_for("C-ZX", "公积金提取")
    assert pane.heading.text() == "知识库(&W)"
    assert "[政策解答]" in pane.articles.item(0).text() and "演示" in pane.articles.item(0).text()
    assert "Ctrl+Return" in pane.cite_button.text() and "引用" in pane.cite_button.text()


def test_an_article_edited_by_the_administrator_replaces_the_one_shown(
    qtbot: QtBot, sqlite_db: Database, admin_ops: Operations
) -> None:
    """The change feed's ``knowledge`` (app_window → SeatParts.follow_policy): the pane searches
    again for what the form holds and shows the version now in effect."""
    seat = _service(sqlite_db)
    pane = _pane(qtbot, KnowledgePane(seat.search, admin_ops, lambda _id: None, delay_ms=10))
    form = IntakeForm(platform=Platform.HOTLINE, kinds=[], fields=[], districts=[],
                      ops=admin_ops, drafts=DraftStore(), save=lambda _d: "")  # fmt: skip
    qtbot.addWidget(form)
    follow = follow_policy(admin_ops, SuggestionService(sqlite_db, Platform.HOTLINE, lambda: NOW),
                           form, seat, pane)  # fmt: skip
    with qtbot.waitSignal(pane.shown):
        pane.show_for("C-ZX", "来电人问公积金怎么提取")
    assert "K-003 v1" in pane.articles.item(0).text()
    editor = KnowledgeService(sqlite_db, lambda: NOW)
    [k003] = [a for a in editor.articles() if a.article_id == "K-003"]
    editor.save(replace(k003, body="租房提取每年两次，需提供租赁备案。"))
    follow(True, True)
    qtbot.waitUntil(lambda: "K-003 v2" in pane.articles.item(0).text())
    assert "每年两次" in pane.body.toPlainText()
