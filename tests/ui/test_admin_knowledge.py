"""The administrator's Knowledge tab: the articles listed (expired ones said so), an edit from
the keyboard saved as a new version and recorded in the audit trail, a new article, and
mistakes said under the form; the tab is offered to administrators only."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.domain.knowledge import Category
from console.domain.knowledge_file import load_knowledge
from console.domain.passwords import SecurityPolicy
from console.services.accounts import AccountService
from console.services.audit import AuditTrail, create_key, show, verify_trail
from console.services.knowledge import KnowledgeService
from console.store import knowledge as store
from console.store.engine import Database
from console.ui.admin.knowledge_view import KnowledgeView
from console.ui.admin.pages import RoleServices, role_pages
from console.ui.operations import Operations
from tests.ui.admin_harness import ADMIN, AUDITOR, FakeClock

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
ROOT = Path(__file__).resolve().parents[2]
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _service(db: Database, clock: FakeClock, tmp_path: Path) -> KnowledgeService:
    with db.write() as session:
        shelf = load_knowledge(ROOT / "db" / "knowledge", store.kinds(session))
        store.import_articles(session, shelf.articles, "tester", "test", clock())
    trail = AuditTrail(create_key(tmp_path / "audit.key"), clock)
    return KnowledgeService(db, clock, audit=trail, seat="ADM-1")


def _view(qtbot: QtBot, service: KnowledgeService, ops: Operations) -> KnowledgeView:
    view = KnowledgeView(service, principal=ADMIN, ops=ops)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    with qtbot.waitSignal(view.loaded):
        view.refresh()
    return view


def _row(view: KnowledgeView, article_id: str) -> int:
    ids = [view.table.item(n, 0).text() for n in range(view.table.rowCount())]
    return ids.index(article_id)


def test_an_edit_from_the_keyboard_is_a_new_version_in_the_trail(
    qtbot: QtBot, sqlite_db: Database, admin_ops: Operations, tmp_path: Path
) -> None:
    clock = FakeClock()  # 2026-12-05
    service = _service(sqlite_db, clock, tmp_path)
    view = _view(qtbot, service, admin_ops)
    assert view.table.rowCount() == 22
    assert view.table.item(_row(view, "K-202"), 5).text() == "expired"
    assert view.table.item(_row(view, "K-003"), 5).text() == "in effect"
    assert "(demo)" in view.table.item(_row(view, "K-003"), 3).text()
    QTest.keyClick(view, Qt.Key.Key_I, ALT)
    qtbot.waitUntil(view.table.hasFocus)
    view.table.selectRow(_row(view, "K-003"))
    form = view.form
    assert form.title.text() == "住房公积金提取（演示）"
    assert form.heading.text() == "K-003, version 1: a save stores version 2."
    QTest.keyClick(view, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(form.title.hasFocus)
    form.title.setText("住房公积金提取（演示，修订）")  # QTest types ASCII only
    QTest.keyClick(view, Qt.Key.Key_E, ALT)
    qtbot.waitUntil(form.valid_to.hasFocus)
    qtbot.keyClicks(form.valid_to, "2027-12-31")
    with qtbot.waitSignal(view.saved) as saved:
        QTest.keyClick(form.valid_to, Qt.Key.Key_Return, CTRL)
    assert saved.args[0] == "Saved K-003, version 2."
    qtbot.waitUntil(lambda: "version 2: a save stores version 3" in form.heading.text())
    history = service.history("K-003")
    assert [(a.version, a.title) for a in history] == [
        (1, "住房公积金提取（演示）"), (2, "住房公积金提取（演示，修订）")]  # fmt: skip
    assert str(history[1].valid_to) == "2027-12-31" and history[1].body == history[0].body
    rows = show(sqlite_db, action="policy_change")
    assert [(r.who, r.seat, r.target) for r in rows] == [("root", "ADM-1", "知识库 K-003")]


def test_a_new_article_and_the_mistakes_said_under_the_form(
    qtbot: QtBot, sqlite_db: Database, admin_ops: Operations, tmp_path: Path
) -> None:
    service = _service(sqlite_db, FakeClock(), tmp_path)
    view = _view(qtbot, service, admin_ops)
    form = view.form
    QTest.keyClick(view, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(form.title.hasFocus)
    assert (
        form.heading.text().startswith("A new article") and form.valid_from.text() == "2026-12-05"
    )
    form.title.setText("户口迁移（演示）")
    form.body.setPlainText("凭准迁证到迁入地派出所办理。")
    form.category.setCurrentIndex(form.category.findData(Category.CONSULTATION.value))
    form.valid_to.setText("2026/12/31")
    view.save()
    assert view.status.text() == "Write dates as YYYY-MM-DD."
    form.valid_to.setText("")
    view.save()  # a consultation result without its rule
    qtbot.waitUntil(lambda: "names its 会商 rule" in view.status.text())
    form.rule.setText("R-002")
    form.kinds.setText("C-ZX, C-QZ")
    form.keywords.setText("户口迁移、迁户口")
    with qtbot.waitSignal(view.saved):
        view.save()
    made = service.history("K-206")
    assert [(a.kinds, a.keywords, a.rule_id) for a in made] == [
        (("C-ZX", "C-QZ"), ("户口迁移", "迁户口"), "R-002")]  # fmt: skip
    qtbot.waitUntil(lambda: view.table.rowCount() == 23)
    assert view.selected() is not None and view.selected().article_id == "K-206"  # type: ignore[union-attr]


@pytest.mark.parametrize(("principal", "tabs"), [(ADMIN, ["tab_users", "tab_knowledge"]),
                                                 (AUDITOR, ["tab_audit"])])  # fmt: skip
def test_the_knowledge_tab_is_an_administrators(
    qtbot: QtBot, sqlite_db: Database, admin_ops: Operations, tmp_path: Path,
    principal: object, tabs: list[str],
) -> None:  # fmt: skip
    clock = FakeClock()
    key = create_key(tmp_path / "k.key")
    services = RoleServices(
        accounts=AccountService(sqlite_db, clock, SecurityPolicy()),
        audit_page=partial(show, sqlite_db),
        verify=partial(verify_trail, sqlite_db, key),
        clock=clock,
        knowledge=KnowledgeService(sqlite_db, clock),
    )
    pages = role_pages(principal, services, admin_ops)  # type: ignore[arg-type]
    for page in pages:
        qtbot.addWidget(page.widget)
    assert [p.key for p in pages] == tabs
