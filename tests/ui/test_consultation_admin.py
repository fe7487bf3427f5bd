"""The administrator's 会商 tab (issue 16): an administrator who works no seat finds it in the
window of role tabs (Alt+2, named in its tooltip, beside Users, Knowledge and Reports) with no
key live twice, retires a rule from it, and the change is on the audit trail under the
administrator's login and seat; an auditor's window has no such tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app_roles import SlotParts
from console.domain.audit import AuditAction
from console.domain.orders import Platform
from console.domain.roles import Principal, Role
from console.services import audit
from console.store.engine import Database
from console.ui.admin.knowledge_view import KnowledgeView
from console.ui.consultation import ConsultationTab
from tests.agenda_data import plant
from tests.ui.role_harness import tabs_of
from tests.ui.test_keys import check

pytestmark = [
    pytest.mark.usefixtures("chinese"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

ADMIN = Principal("it", "管理员", Platform.HOTLINE, frozenset({Role.ADMIN}))


@pytest.fixture
def parts(parts: SlotParts, sqlite_db: Database) -> SlotParts:
    """tests/ui/role_harness.py's, on a database holding an agenda and its rules."""
    plant(sqlite_db)
    return parts


def press(key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, key, modifier)


def test_the_administrator_retires_a_rule_from_the_role_window_and_it_is_audited(
    qtbot: QtBot, parts: SlotParts, sqlite_db: Database
) -> None:
    tabs = tabs_of(qtbot, parts, ADMIN, seat="A-07")
    widgets = [tabs.widget(i) for i in range(tabs.count())]
    (tab,) = [w for w in widgets if isinstance(w, ConsultationTab)]
    index = tabs.indexOf(tab)
    assert tabs.tabText(index) == "会商(&2)" and tabs.tabToolTip(index) == "Alt+2"
    assert all(tabs.tabToolTip(i) for i in range(tabs.count()))  # every tab names its key
    qtbot.waitUntil(lambda: tab.rules_model.rowCount() == 1)  # R-001, read on the worker
    window = tabs.window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tabs.currentWidget() is tab)
    check(window, "the administrator's 会商 tab in front")
    tabs.setCurrentWidget(next(w for w in widgets if isinstance(w, KnowledgeView)))
    check(window, "the administrator's Knowledge tab in front")
    tabs.setCurrentWidget(tab)
    tab.pages.setCurrentIndex(2)
    tab.rules_table.setFocus()
    tab.rules_table.selectRow(0)
    press(Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # retire: its last day
    qtbot.waitUntil(tab.last_day.isVisible)
    with qtbot.waitSignal(tab.done, timeout=10_000):
        press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "R-001" in tab.message.text()
    [row] = [r for r in audit.show(sqlite_db, action=AuditAction.POLICY_CHANGE.value)
             if r.target == "会商 rule R-001"]  # fmt: skip
    assert (row.who, row.seat) == ("it", "A-07")
    assert row.detail.startswith("retired after ")


def test_an_auditor_has_no_consultation_tab(qtbot: QtBot, parts: SlotParts) -> None:
    auditor = Principal("shenji", "审计员甲", Platform.HOTLINE, frozenset({Role.AUDITOR}))
    tabs = tabs_of(qtbot, parts, auditor, seat="A-07")
    assert not any(isinstance(tabs.widget(i), ConsultationTab) for i in range(tabs.count()))
