"""One key map (console/ui/keys.py): no key is live twice in any window state, every live key is
declared, README's table is the map, and the keys do what the map says."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

from console.domain.actions import ACTIONS, STEPS
from console.domain.intake import Draft
from console.domain.orders import Action, Status
from console.store.engine import Database
from console.ui.keys import KEYS, clashes, mnemonic, readme_table
from tests.ui.linkage_harness import CALLER, Seats, do_step, take_call_and_save
from tests.waiting import until

README = Path(__file__).resolve().parents[2] / "README.md"


def live_keys(window: QWidget) -> list[tuple[str, str]]:
    """``(key, who)`` for every key that would act now: shortcuts, button and label mnemonics,
    tabs, of widgets on screen."""
    found: list[tuple[str, str]] = []
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and isinstance(parent, QWidget) and parent.isVisible():
            for key in [shortcut.key(), *shortcut.keys()[1:]]:
                found.append((key.toString(), f"shortcut on {parent.objectName() or parent}"))
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.isEnabled() and not button.shortcut().isEmpty():
            found.append((button.shortcut().toString(), f"button {button.text()!r}"))
    for label in window.findChildren(QLabel):
        key = QKeySequence.mnemonic(label.text())
        if label.isVisible() and label.buddy() is not None and not key.isEmpty():
            found.append((key.toString(), f"label {label.text()!r}"))
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            key = QKeySequence.mnemonic(bar.tabText(index))
            if bar.isVisible() and bar.isTabEnabled(index) and not key.isEmpty():
                found.append((key.toString(), f"tab {bar.tabText(index)!r}"))
    return found


DECLARED = {QKeySequence(k).toString() for key in KEYS.values() for k in key.keys}


def check(window: QWidget, state: str) -> None:
    live = live_keys(window)
    twice = [k for k, n in Counter(k for k, _ in live).items() if n > 1]
    assert twice == [], f"{state}: live twice: " + "; ".join(
        f"{k}: {[who for key, who in live if key == k]}" for k in twice
    )
    undeclared = sorted({(k, who) for k, who in live if k not in DECLARED})
    assert undeclared == [], f"{state}: live but not in console/ui/keys.py: {undeclared}"


def test_the_map_declares_no_key_twice_where_both_can_work() -> None:
    assert clashes() == []
    assert all(spec.key for spec in STEPS), "every step has its own key"


def test_readme_key_table_is_the_map() -> None:
    assert readme_table() in README.read_text(encoding="utf-8"), (
        "README's key table differs from console/ui/keys.py: paste readme_table()"
    )


def test_mnemonic_marks_the_letter_or_adds_it_the_chinese_way() -> None:
    assert mnemonic("Sign for", "Alt+G") == "Si&gn for"
    assert mnemonic("签收", "Alt+G") == "签收(&G)"
    assert mnemonic("平台：", "Alt+P") == "平台(&P)："
    assert mnemonic("R&D", "Alt+D") == "R&&&D"


def test_no_key_is_live_twice_in_any_window_state(
    start_seats: Callable[[Database], Seats], sqlite_db: Database, qloop: qasync.QEventLoop
) -> None:
    """Each tab in front, a call live, an order open in each status with each step's form."""
    qloop.run_until_complete(_walk(start_seats(sqlite_db)))  # keys are the UI's: one database


async def _walk(seats: Seats) -> None:
    hot, pol = seats.hot.window, seats.pol.window
    tabs = hot.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        check(hot, f"tab {tabs.tabText(index)!r}, no call")
    number = await take_call_and_save(seats)
    tabs.setCurrentWidget(hot.seat_panel)
    check(hot, "Seat tab, a call live")
    detail = hot.detail
    assert detail is not None and detail.steps is not None
    steps = detail.steps

    merged: list[Action] = []  # the states where the merge form was opened

    async def each_step(window: QWidget, status: str) -> None:
        await until(lambda: steps_of(window).order is not None)
        shown = [a for a, b in steps_of(window).buttons.items() if b.isVisibleTo(window)]
        check(window, f"{status}, steps {shown}")
        for action in shown:
            steps_of(window).open_step(action)
            check(window, f"{status}, {action.value} form open")
            steps_of(window).close_step()
        merge = window.detail.merge  # type: ignore[attr-defined]  # 并单 / 拆单, under the steps
        offered = {Action.MERGE: merge.merge_button, Action.UNMERGE: merge.unmerge_button}
        for action, button in offered.items():
            if button.isVisibleTo(window):
                if shown:  # one form at a time: the merge form closes an open step's form
                    steps_of(window).open_step(shown[0])
                merge.open_form(action)
                assert merge.form.isVisible() and not steps_of(window).form.isVisible()
                merged.append(action)
                check(window, f"{status}, {action.value} form open")
                merge.close_form()

    def steps_of(window: QWidget) -> object:
        return window.detail.steps  # type: ignore[attr-defined]

    hot.open_order(number)
    await until(lambda: steps.order is not None and steps.order.number == number)
    await each_step(hot, "received")
    await do_step(seats.hot, number, Action.DISPATCH, department="210102-GOV")
    await each_step(hot, "dispatched")
    await do_step(seats.hot, number, Action.DEPT_SIGN_FOR)
    await each_step(hot, "handling")
    await do_step(seats.hot, number, Action.FEED_BACK, note="已处理")
    await each_step(hot, "fed back")
    intake = seats.hot.seat.panel.intake  # a second matter of the same caller, to go to 110
    saved: list[str] = []
    intake.saved.connect(saved.append)
    intake.set_draft(Draft(caller_phone=CALLER, kind="C-TS", field="F-SH", district="210102",
                           description="邻居装修噪音，协商转110", consent=True))  # fmt: skip
    intake.save()
    second = await until(lambda: saved and saved[0])
    await do_step(seats.hot, second, Action.TRANSFER)
    pol.open_order(second)
    await until(lambda: seats.orders.get(second).order.status is Status.TRANSFERRED)
    await each_step(pol, "transferred, at 110")
    assert Action.MERGE in merged


def test_alt_keys_reach_tabs_fields_and_tick_boxes(
    start_seats: Callable[[Database], Seats], sqlite_db: Database, qloop: qasync.QEventLoop
) -> None:
    qloop.run_until_complete(_alt_keys(start_seats(sqlite_db)))


async def _alt_keys(seats: Seats) -> None:
    window = seats.hot.window
    window.activateWindow()
    await until(window.isActiveWindow)
    fields = seats.hot.seat.panel.intake.fields
    alt = Qt.KeyboardModifier.AltModifier
    QTest.keyClick(window, Qt.Key.Key_Q, alt)
    await until(lambda: window.tabs.currentWidget() is window.queues)
    QTest.keyClick(window, Qt.Key.Key_S, alt)
    await until(lambda: window.tabs.currentWidget() is window.seat_panel)
    QTest.keyClick(window, Qt.Key.Key_M, alt)
    await until(fields.caller_name.hasFocus, what="Alt+M: the name")
    QTest.keyClick(window, Qt.Key.Key_O, alt)
    await until(fields.social_stability.isChecked, what="Alt+O ticks social stability")
    QTest.keyClick(window, Qt.Key.Key_E, alt)
    await until(fields.consent.isChecked, what="Alt+E ticks consent")
    QTest.keyClick(window, Qt.Key.Key_E, alt)
    await until(lambda: not fields.consent.isChecked(), what="Alt+E again unticks it")
    QTest.keyClick(window, Qt.Key.Key_L, alt)
    await until(lambda: window.tabs.currentWidget() is window.lookup_page)
    QTest.keyClick(window, Qt.Key.Key_A, alt)
    await until(lambda: window.tabs.currentWidget() is window.alarm_panel)


def test_a_step_keeps_its_key_whatever_else_is_possible(
    start_seats: Callable[[Database], Seats], sqlite_db: Database, qloop: qasync.QEventLoop
) -> None:
    qloop.run_until_complete(_same_key(start_seats(sqlite_db)))


async def _same_key(seats: Seats) -> None:
    number = await take_call_and_save(seats)
    steps = seats.hot.window.detail.steps  # type: ignore[union-attr]
    seats.hot.window.open_order(number)
    await until(lambda: steps.order is not None and steps.order.number == number)
    before = steps.buttons[Action.CANCEL].shortcut().toString()
    await do_step(seats.hot, number, Action.DISPATCH, department="210102-GOV")
    await until(lambda: steps.buttons[Action.DEPT_SIGN_FOR].isVisibleTo(seats.hot.window))
    assert steps.buttons[Action.CANCEL].shortcut().toString() == before
    for action, button in steps.buttons.items():
        assert button.shortcut() == QKeySequence(ACTIONS[action].key)
        assert QKeySequence.mnemonic(button.text()) == QKeySequence(ACTIONS[action].key)
