"""The standard path counted in keys, through the real windows (linkage harness: a 12345 seat and
a 110 seat, one database, one simulated switch): F5 answers, the intake form is filled with the
keyboard only, Ctrl+S saves, F8 transfers until the 110 seat has the caller and the order.

Counting rule: one key press (with its modifiers: Alt+E, Ctrl+S) is one key; the text typed into
one field is one key too (typing a word is one action, however long: the caller's words are not
the console's cost); keys pressed by the harness to set up (placing the call) are not counted.
``keys_answer_to_saved`` runs from F5 to Ctrl+S inclusive, ``keys_saved_to_transferred`` from
after Ctrl+S to the 110 seat having the order. The counts are printed (BENCHMARKS.md)."""

from __future__ import annotations

from collections.abc import Callable

import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from console.domain.orders import Status
from console.store.engine import Database
from console.telephony.port import Line
from tests.ui.intake_harness import POPUP_WARNINGS
from tests.ui.linkage_harness import CALLER, Seats
from tests.waiting import until

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


class Keyboard:
    """The agent's hands on ``window``: each :meth:`press` or :meth:`type` is one key."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.count = 0

    def target(self) -> QWidget:
        return QApplication.activePopupWidget() or QApplication.focusWidget() or self.window

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
        self.count += 1
        QTest.keyClick(self.target(), key, modifier)

    def type(self, text: str) -> None:
        """One field's text: ASCII as key clicks, Chinese as an input method commits it."""
        from PySide6.QtGui import QInputMethodEvent

        self.count += 1
        if text.isascii():
            QTest.keyClicks(self.target(), text)
        else:
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(self.target(), event)


@POPUP_WARNINGS  # the district's suggestion list opens while typing
def test_the_standard_path_takes_ten_keys_to_save_and_one_to_transfer(
    start_seats: Callable[[Database], Seats], sqlite_db: Database, qloop: qasync.QEventLoop
) -> None:
    qloop.run_until_complete(_standard_path(start_seats(sqlite_db)))


async def _standard_path(seats: Seats) -> None:
    seats.switch.start()
    hot, window = seats.hot.seat, seats.hot.window
    fields = hot.panel.intake.fields
    window.activateWindow()
    await until(window.isActiveWindow)
    seats.switch.place_call(Line.HOTLINE, CALLER)
    await until(lambda: bool(seats.switch.waiting()) and seats.switch.waiting()[0].seat == "A-01")
    keys = Keyboard(window)
    saved: list[str] = []
    hot.panel.intake.saved.connect(saved.append)

    keys.press(Qt.Key.Key_F5)  # answer: the form has the number, the focus is on the kind
    await until(lambda: hot.controller.current is not None and fields.kind.hasFocus())
    keys.type("2")  # the kind by its digit (2: 求助)
    keys.press(Qt.Key.Key_Tab)
    keys.type("3")  # the field by its digit (3: 社会管理)
    keys.press(Qt.Key.Key_Tab)
    keys.type("heping")  # the district by its pinyin: the one match is taken on leaving
    keys.press(Qt.Key.Key_T, ALT)  # to the description (the address is not needed)
    await until(fields.description.hasFocus)
    keys.type("楼道灯坏了三天，物业不修")
    keys.press(Qt.Key.Key_E, ALT)  # the caller agrees to be transferred
    await until(fields.consent.isChecked)  # a mnemonic clicks the box after Qt's 100 ms flash
    keys.press(Qt.Key.Key_S, CTRL)
    await until(lambda: bool(saved) or bool(hot.panel.intake.problems_shown()))
    assert saved, (hot.panel.intake.problems_shown(), hot.panel.intake.draft())
    keys_answer_to_saved, keys.count = keys.count, 0
    number = saved[0]
    order = seats.orders.get(number).order
    assert (order.kind, order.field, order.district) == ("C-QZ", "F-SH", "210102")
    assert order.consent and order.description == "楼道灯坏了三天，物业不修"

    keys.press(Qt.Key.Key_F8)
    police = seats.pol.seat.controller
    await until(lambda: police.current is not None and police.peer_side)
    await until(lambda: seats.orders.get(number).order.status is Status.TRANSFERRED)
    keys_saved_to_transferred = keys.count
    print(f"keys_answer_to_saved={keys_answer_to_saved} "
          f"keys_saved_to_transferred={keys_saved_to_transferred}")  # fmt: skip
    assert keys_answer_to_saved <= 10
    assert keys_saved_to_transferred <= 1
