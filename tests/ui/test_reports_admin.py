"""The reports tab is for shift leads and administrators (issue 17): an administrator who works
no seat finds it in the window of role tabs, beside the Users tab, and reaches it with its key;
an auditor's window has no reports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.app_roles import SlotParts
from console.domain.orders import Platform
from console.domain.roles import Principal, Role
from console.ui.admin.users_view import UsersView
from console.ui.reports import ReportsTab
from tests.ui.role_harness import tabs_of

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_an_administrator_without_a_seat_has_the_reports_tab(
    qtbot: QtBot, parts: SlotParts
) -> None:
    admin = Principal("it", "管理员", Platform.HOTLINE, frozenset({Role.ADMIN}))
    tabs = tabs_of(qtbot, parts, admin)
    widgets = [tabs.widget(i) for i in range(tabs.count())]
    assert isinstance(widgets[0], UsersView)
    (reports,) = [w for w in widgets if isinstance(w, ReportsTab)]
    window = tabs.window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert tabs.currentWidget() is reports
    with qtbot.waitSignal(reports.loaded, timeout=20_000):  # shown: it reads its report
        pass


def test_an_auditor_has_no_reports(qtbot: QtBot, parts: SlotParts) -> None:
    auditor = Principal("shenji", "审计员甲", Platform.HOTLINE, frozenset({Role.AUDITOR}))
    tabs = tabs_of(qtbot, parts, auditor)
    assert not any(isinstance(tabs.widget(i), ReportsTab) for i in range(tabs.count()))
