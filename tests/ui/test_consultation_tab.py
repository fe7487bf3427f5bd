"""The 会商 tab, by keyboard and in Chinese, over the real services on the planted timeline: the
agenda with its counts and examples, an item made of a line, a decision refused with every
problem said in Chinese and the form kept, then recorded as a new rule; a rule edited (a new
version, the old one marked superseded) and retired; a draft kept across Esc."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.domain.order_types import Platform
from console.services.agenda import AgendaService
from console.services.audit import AuditTrail
from console.services.rule_edits import RuleEdits
from console.store.engine import Database
from console.ui.consultation import ConsultationTab, consultation_tab
from tests.agenda_data import NOW, plant
from tests.principals import at_seat, lead
from tests.ui.ops_doubles import InlineOperations

pytestmark = [
    pytest.mark.usefixtures("chinese"),  # the lead reads Chinese: the tests do too
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]

LEAD = lead("赵班长", "A-09", Platform.HOTLINE)
KINDS = {"C-TS": "投诉", "C-QZ": "求助", "C-ZX": "咨询"}
DISTRICTS = {"210102": "和平区", "210103": "沈河区"}
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def make(qtbot: QtBot, db: Database, by: object = LEAD) -> ConsultationTab | None:
    trail = AuditTrail(os.urandom(32), lambda: NOW)
    tab = consultation_tab(AgendaService(db, lambda: NOW, trail), RuleEdits(db, lambda: NOW, trail),
                           by=by, ops=InlineOperations(), kind_names=KINDS,  # type: ignore[arg-type]
                           district_names=DISTRICTS, today=lambda: date(2026, 8, 15))  # fmt: skip
    if tab is None:
        return None
    qtbot.addWidget(tab)
    tab.resize(1366, 800)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    return tab


def key(widget: QWidget, which: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    QTest.keyClick(widget, which, modifier)


def cells(tab: ConsultationTab, model: object, row: int) -> list[str]:
    m = model  # type: ignore[assignment]
    return [m.data(m.index(row, c)) for c in range(m.columnCount())]  # type: ignore[attr-defined]


def test_only_those_who_may_consult_get_the_tab(qtbot: QtBot, sqlite_db: Database) -> None:
    assert make(qtbot, sqlite_db, at_seat("王丽", "A-01", Platform.HOTLINE)) is None


def test_agenda_to_item_to_decision_to_rule_by_keyboard(qtbot: QtBot, sqlite_db: Database) -> None:
    plant(sqlite_db)
    tab = make(qtbot, sqlite_db)
    assert tab is not None
    assert tab.period.text() == "争议事项 2026-03-01 至 2026-08-15：4 项"
    assert tab.agenda_model.headerData(2, Qt.Orientation.Horizontal) == "三方通话"
    assert cells(tab, tab.agenda_model, 0) == [
        "投诉 · 装修噪音 · 和平区", "4", "2", "1", "1", "1", "2026-06: 2  2026-07: 1  2026-08: 1",
        "N-5、N-3、N-2、N-1",
    ]  # fmt: skip
    assert cells(tab, tab.agenda_model, 3)[0] == "咨询 · （无关键词） · 和平区"
    tab.agenda_table.selectRow(1)  # 求助 · 杂物 · 沈河区
    with qtbot.waitSignal(tab.done):  # a button's Alt key clicks it a moment later
        key(tab, Qt.Key.Key_M, ALT)  # make it an item
    assert tab.message.text().startswith("已列为会商议题 #1：求助 · 杂物 · 沈河区")
    assert tab.pages.currentIndex() == 1
    assert cells(tab, tab.items_model, 0)[:3] == ["○ 待会商", "求助 · 杂物 · 沈河区", "3"]
    key(tab, Qt.Key.Key_C, ALT)  # record the decision: the form, on the item
    qtbot.waitUntil(tab.form_box.isVisible)
    assert tab.form_box.isVisible() and tab.form.title.hasFocus()
    assert tab.form.keywords.text() == "杂物"
    tab.form.title.setText("2026年第4次会商")
    tab.form.department.setText("NOPE")
    key(tab.form.title, Qt.Key.Key_Return, CTRL)
    said = tab.message.text()
    assert "请至少填写一个参会单位。" in said and "请填写处置规范。" in said
    assert "承办单位不在 12345 派单目录中。" in said and "Traceback" not in said
    assert tab.form_box.isVisible() and tab.form.title.text() == "2026年第4次会商"  # kept
    tab.form.participants.setText("12345、110、住建局")
    tab.form.department.setText("210100-CG")
    tab.form.norm.setPlainText("楼道杂物由街道和物业清理。")
    tab.form.valid_from.setDate(QDate(2026, 9, 1))
    tab.form.priority.setText("高")
    key(tab.form.title, Qt.Key.Key_Return, CTRL)
    assert tab.message.text() == "⚠ 优先级须为整数，或留空。"
    tab.form.priority.setText("")
    with qtbot.waitSignal(tab.done):
        key(tab.form.title, Qt.Key.Key_Return, CTRL)
    assert tab.message.text() == "规则 R-002 第 1 版已保存。"
    assert not tab.form_box.isVisible() and tab.pages.currentIndex() == 2
    assert [cells(tab, tab.rules_model, r)[:2] for r in range(2)] == [
        ["R-001 v1", "● 生效中"], ["R-002 v1", "◷ 尚未生效"]
    ]  # fmt: skip
    assert cells(tab, tab.items_model, 0)[0] == "✔ 已决定: R-002 v1"


def test_a_rule_edited_and_retired_with_the_draft_kept(qtbot: QtBot, sqlite_db: Database) -> None:
    plant(sqlite_db)
    tab = make(qtbot, sqlite_db)
    assert tab is not None
    key(tab, Qt.Key.Key_R, ALT)  # the rules
    qtbot.waitUntil(lambda: tab.pages.currentIndex() == 2)
    assert tab.pages.currentIndex() == 2 and tab.rules_table.hasFocus()
    tab.rules_table.selectRow(0)
    key(tab, Qt.Key.Key_T, ALT)  # edit R-001
    qtbot.waitUntil(tab.form_box.isVisible)
    assert tab.form.norm.toPlainText() == "白天装修噪声由属地城管部门处理。"
    tab.form.norm.setPlainText("装修噪声由城管处理，夜间转110。")
    key(tab.form.title, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert not tab.form_box.isVisible()
    key(tab, Qt.Key.Key_T, ALT)  # again: what was typed is back
    qtbot.waitUntil(tab.form_box.isVisible)
    assert tab.form.norm.toPlainText() == "装修噪声由城管处理，夜间转110。"
    tab.form.title.setText("2026年第4次会商")
    tab.form.held_on.setDate(QDate(2026, 8, 1))
    tab.form.valid_from.setDate(QDate(2026, 8, 10))
    with qtbot.waitSignal(tab.done):
        key(tab.form.title, Qt.Key.Key_Return, CTRL)
    assert tab.message.text() == "规则 R-001 第 2 版已保存。"
    assert [cells(tab, tab.rules_model, r)[:2] for r in range(2)] == [
        ["R-001 v2", "● 生效中"], ["R-001 v1", "↺ 已被新版本取代"]
    ]  # fmt: skip
    tab.rules_table.selectRow(1)  # the old version selected: the rule is retired all the same
    key(tab, Qt.Key.Key_W, ALT)
    qtbot.waitUntil(tab.form_box.isVisible)
    assert tab.last_day.hasFocus() and not tab.form.isVisible()
    tab.last_day.setDate(QDate(2026, 8, 1))  # before version 2 begins
    key(tab.last_day, Qt.Key.Key_Return, CTRL)
    assert tab.message.text() == "⚠ 未完成：截止日期早于规则生效日期。"
    tab.last_day.setDate(QDate(2026, 8, 14))
    with qtbot.waitSignal(tab.done):
        key(tab.last_day, Qt.Key.Key_Return, CTRL)
    assert tab.message.text() == "规则 R-001 第 3 版已保存，截止 2026-08-14。"
    assert cells(tab, tab.rules_model, 0)[:2] == ["R-001 v3", "✕ 已失效"]


def test_each_rules_matter_before_and_after_it_by_keyboard(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    """The ``rules report`` as a page (Alt+F): R-001 applies from 2026-07-01; the six months
    before it hold N-0 (January) and N-1, N-2, D-1 (June), July and August one each."""
    plant(sqlite_db)
    tab = make(qtbot, sqlite_db)
    assert tab is not None
    key(tab, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: tab.pages.currentIndex() == 3)
    assert tab.pages.tabText(3) == "规则成效(&F)"
    assert tab.effects_table.hasFocus()
    assert tab.effects_model.headerData(3, Qt.Orientation.Horizontal) == "之前（每月）"
    assert cells(tab, tab.effects_model, 0) == [
        "R-001 v1", "投诉 · 装修噪音、电钻", "2026-07-01", "0.7（6 个月共 4 件）",
        "1.0（2 个月共 2 件）", "▲ 增多",
        "2026-01: 1  2026-02: 0  2026-03: 0  2026-04: 0  2026-05: 0  2026-06: 3",
        "2026-07: 1  2026-08: 1",
    ]  # fmt: skip
