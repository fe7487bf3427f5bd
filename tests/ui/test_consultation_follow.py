"""An open 会商 tab follows another seat's edit of the rules through the real change feed
(SQLite data_version, PostgreSQL LISTEN/NOTIFY; ``app_roles.follow_feed``, as the
administrator's window of role tabs polls it): with no form open the rules are read again
quietly, the selected line still selected; with a form open what is typed stays, the table under
it stays, and the line says so until Alt+E reads them again (or the form is closed). The seat's
window (a shift lead's) tells its tab the same from its own feed (``app_window`` on_topics)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.app_consultation import make_consultation
from console.app_roles import SlotParts, follow_feed
from console.app_window import WindowParts
from console.domain.consultation_items import decision_of
from console.services.rule_edits import RuleEdits
from console.store.change_topics import ALL
from console.store.changes import watch_for
from console.store.engine import Database
from console.ui.consultation import ConsultationTab
from console.ui.lazy_page import built
from console.ui.operations import Operations
from tests.agenda_data import NOW, plant
from tests.principals import admin, lead
from tests.ui.role_harness import tabs_of

pytestmark = [
    pytest.mark.usefixtures("chinese"),
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]

ADMIN = admin("A-07")
ELSEWHERE = lead("赵班长", "A-09", ADMIN.platform)  # the other seat
NOTICE = "另一席位已修改规则 · Alt+E 重新读取"
ALT = Qt.KeyboardModifier.AltModifier


def edit_elsewhere(db: Database, norm: str) -> None:
    """Another seat's edit of R-001 (its own connection, as another console's)."""
    edits = RuleEdits(db, lambda: NOW)
    newest = max((x.rule for x in edits.lines(ELSEWHERE)), key=lambda r: r.version)
    edits.edit(ELSEWHERE, "R-001", newest.version, replace(decision_of(newest), norm=norm))


def shown(tab: ConsultationTab) -> list[tuple[str, int]]:
    model = tab.rules_model
    return [model.key(model.row_at(n)) for n in range(model.rowCount())]


def selected(tab: ConsultationTab) -> tuple[str, int] | None:
    rows = tab.rules_table.selectionModel().selectedRows()
    return tab.rules_model.key(tab.rules_model.row_at(rows[0].row())) if rows else None


@pytest.fixture
def tab(qtbot: QtBot, db: Database) -> Iterator[ConsultationTab]:
    plant(db)
    ops = Operations("test-consultation-follow")
    made = make_consultation(by=ADMIN, db=db, clock=lambda: NOW, trail=None, ops=ops,
                             kind_names={}, district_names={})  # fmt: skip
    assert made is not None
    follow_feed(made, watch_for(db.engine), ADMIN.principal)
    made.resize(1366, 800)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow)
    qtbot.waitUntil(lambda: shown(made) == [("R-001", 1)])
    made.pages.setCurrentIndex(2)
    made.rules_table.selectRow(0)
    yield made
    shiboken6.delete(made)  # the watcher closes with it (PostgreSQL: its LISTEN connection)
    ops.shutdown()


def test_another_seats_edit_is_read_again_quietly(qtbot: QtBot, db: Database,
                                                  tab: ConsultationTab) -> None:  # fmt: skip
    edit_elsewhere(db, "装修噪声由城管处理，夜间转110。")
    qtbot.waitUntil(lambda: shown(tab) == [("R-001", 2), ("R-001", 1)], timeout=10_000)
    assert selected(tab) == ("R-001", 1)  # the line selected, not the row number
    assert tab.message.text() == ""  # quietly
    effects = tab.effects_model
    qtbot.waitUntil(lambda: effects.rowCount() == 1 and effects.key(effects.row_at(0))
                    == ("R-001", 2))  # fmt: skip  # the effect of the newest version


def test_an_open_edit_is_kept_and_the_line_says_the_rules_changed(
    qtbot: QtBot, db: Database, tab: ConsultationTab
) -> None:
    QTest.keyClick(tab.rules_table, Qt.Key.Key_T, ALT)  # edit R-001 version 1
    qtbot.waitUntil(tab.form_box.isVisible)
    tab.form.norm.setPlainText("我正在改的处理规范")
    edit_elsewhere(db, "另一席位的处理规范")
    qtbot.waitUntil(lambda: tab.message.text() == "⚠ " + NOTICE, timeout=10_000)
    assert shown(tab) == [("R-001", 1)]  # nothing moved under the form
    assert tab.form.norm.toPlainText() == "我正在改的处理规范" and tab.form_box.isVisible()
    QTest.keyClick(tab.form.title, Qt.Key.Key_E, ALT)  # read again
    qtbot.waitUntil(lambda: shown(tab) == [("R-001", 2), ("R-001", 1)])
    assert tab.message.text() == "" and tab.form.norm.toPlainText() == "我正在改的处理规范"


def test_closing_the_form_reads_the_changed_rules(
    qtbot: QtBot, db: Database, tab: ConsultationTab
) -> None:
    tab.open_retire()
    qtbot.waitUntil(tab.form_box.isVisible)
    edit_elsewhere(db, "另一席位的处理规范")
    qtbot.waitUntil(lambda: tab.message.text() == "⚠ " + NOTICE, timeout=10_000)
    QTest.keyClick(tab.last_day, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shown(tab) == [("R-001", 2), ("R-001", 1)])
    assert tab.message.text() == "" and not tab.form_box.isVisible()


def test_a_lead_s_seat_window_tells_its_open_tab(
    qtbot: QtBot,
    sqlite_db: Database,
    lead_windows: list[WindowParts],
) -> None:
    part = lead_windows[0]
    page = part.window.findChild(ConsultationTab)
    assert page is None  # not built: nothing to tell (it reads the rules when built)
    part.on_topics(ALL)
    tabs = part.window.tabs
    [index] = [i for i in range(tabs.count()) if tabs.tabText(i) == "会商(&2)"]
    tab = built(tabs.widget(index))
    assert isinstance(tab, ConsultationTab)
    qtbot.waitUntil(lambda: shown(tab) == [("R-001", 1)])
    edit_elsewhere(sqlite_db, "另一席位的处理规范")
    part.on_topics(ALL)  # what the seat's feed says on SQLite after any commit
    qtbot.waitUntil(lambda: shown(tab) == [("R-001", 2), ("R-001", 1)])


def test_the_administrators_window_of_role_tabs_follows_the_feed(
    qtbot: QtBot, parts: SlotParts, sqlite_db: Database
) -> None:
    """Its own watcher (no seat window polls for it), as signed in: ``app_roles.role_window``."""
    plant(sqlite_db)
    tabs = tabs_of(qtbot, parts, ADMIN.principal, seat="A-07")
    (tab,) = [w for w in map(tabs.widget, range(tabs.count())) if isinstance(w, ConsultationTab)]
    qtbot.waitUntil(lambda: shown(tab) == [("R-001", 1)])
    edit_elsewhere(sqlite_db, "另一席位的处理规范")
    qtbot.waitUntil(lambda: shown(tab) == [("R-001", 2), ("R-001", 1)], timeout=10_000)
