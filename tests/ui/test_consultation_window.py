"""The 会商 tab in a seat's window (console/app_consultation.py through build_window): a shift
lead's window has it (Alt+2), read off the UI thread, with no key live twice; an agent's has
not."""

from __future__ import annotations

from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.app_window import WindowParts
from console.ui.consultation import ConsultationTab
from console.ui.lazy_page import LazyPage, when_built
from console.ui.reports import ReportsTab
from tests.ui.test_keys import check

pytestmark = [
    pytest.mark.usefixtures("chinese"),
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]


def test_the_lead_has_the_tab_and_the_agent_not(
    qtbot: QtBot, lead_windows: list[WindowParts]
) -> None:
    hot_lead, agent = (p.window for p in lead_windows)
    titles = [hot_lead.tabs.tabText(i) for i in range(hot_lead.tabs.count())]
    assert "会商(&2)" in titles
    assert "会商(&2)" not in [agent.tabs.tabText(i) for i in range(agent.tabs.count())]
    # Built when first shown (issue 18: not on the start's path), by its key too.
    assert hot_lead.findChild(ConsultationTab) is None
    hot_lead.show()
    hot_lead.activateWindow()
    qtbot.waitUntil(hot_lead.isActiveWindow)
    QTest.keyClick(hot_lead, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: hot_lead.findChild(ConsultationTab) is not None)
    tab = hot_lead.findChild(ConsultationTab)
    assert tab is not None and agent.findChild(ConsultationTab) is None
    qtbot.waitUntil(lambda: hot_lead.tabs.currentWidget() is tab.parentWidget())
    qtbot.waitUntil(lambda: tab.agenda_model.rowCount() == 4)  # read on the worker
    check(hot_lead, "the 会商 tab in front")
    QTest.keyClick(hot_lead, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.pages.currentIndex() == 2)
    tab.rules_table.selectRow(0)
    QTest.keyClick(hot_lead, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(tab.form_box.isVisible)
    check(hot_lead, "the 会商 tab's form open")


def test_a_change_made_in_the_tab_reaches_the_seats_suggestion_at_once(
    qtbot: QtBot, lead_windows: list[WindowParts], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not waiting for the change feed: the tab's own change asks the seat to follow."""
    part = lead_windows[0]
    followed: list[tuple[bool, bool]] = []
    monkeypatch.setattr(part.seat, "follow_policy", lambda *what: followed.append(what))
    window = part.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # built when shown
    qtbot.waitUntil(lambda: window.findChild(ConsultationTab) is not None)
    tab = window.findChild(ConsultationTab)
    assert tab is not None
    qtbot.waitUntil(lambda: tab.rules_model.rowCount() == 1)
    tab.rules_table.selectRow(0)
    tab.open_retire()
    with qtbot.waitSignal(tab.done, timeout=10_000):
        tab.confirm()
    assert followed == [(True, False)]


def test_the_lead_s_reports_tab_is_built_by_its_key_not_at_start(
    qtbot: QtBot, lead_windows: list[WindowParts]
) -> None:
    hot_lead, agent = (p.window for p in lead_windows)
    assert agent.reports is None
    page = hot_lead.reports
    assert isinstance(page, LazyPage) and not page.is_built  # issue 18: not on the start's path
    assert hot_lead.findChild(ReportsTab) is None
    loaded: list[object] = []
    when_built(page, lambda tab: cast(ReportsTab, tab).loaded.connect(loaded.append))
    hot_lead.show()
    hot_lead.activateWindow()
    qtbot.waitUntil(hot_lead.isActiveWindow)
    QTest.keyClick(hot_lead, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    qtbot.waitUntil(lambda: hot_lead.findChild(ReportsTab) is not None)
    assert hot_lead.tabs.currentWidget() is hot_lead.reports_page and page.is_built
    qtbot.waitUntil(lambda: bool(loaded), timeout=20_000)  # shown: it reads its report
