"""The intake form as an agent uses it: a seat with a real database, and keys pressed on the\nfocused widget (shared by the intake tests; the ``seat`` fixture reaches them through\ntests/ui/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.domain.intake import Draft
from console.domain.orders import Platform
from console.domain.roles import Seated
from console.scheduling.clock import FakeClock
from console.services.orders import OrderService
from console.store.engine import Database
from console.store.seed import catalogue
from console.ui.operations import Operations
from console.ui.seat.drafts import DraftStore
from console.ui.seat.intake_form import IntakeForm
from tests.principals import at_seat

ROOT = Path(__file__).resolve().parents[2]
HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
POLICE = at_seat("李强", "J-07", Platform.POLICE)
PHONE = "13812345678"
# Offscreen, an open completer list warns that it cannot raise itself or grab the keyboard.
POPUP_WARNINGS = pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing)")


@dataclass
class Seat:
    db: Database
    service: OrderService
    ops: Operations
    qtbot: QtBot
    hosts: list[QWidget] = field(default_factory=list)  # qtbot only holds them weakly

    def open(
        self,
        actor: Seated = HOTLINE,
        drafts: DraftStore | None = None,
        save: Callable[[Draft], str] | None = None,
    ) -> IntakeForm:
        with self.db.read() as session:
            kinds, fields, districts = catalogue(session)
        host = QWidget()  # hosted, as in the console: a top-level would resize itself offscreen
        form = IntakeForm(platform=actor.platform, kinds=kinds, fields=fields,
                          districts=districts, ops=self.ops, drafts=drafts or DraftStore(),
                          save=save or (lambda d: self.service.create(d, actor).order.number))  # fmt: skip
        layout = QVBoxLayout(host)
        layout.addWidget(form)
        layout.activate()
        self.qtbot.addWidget(host)
        self.hosts.append(host)
        host.show()
        host.activateWindow()  # focus and shortcuts need the active window
        self.qtbot.waitUntil(host.isActiveWindow)
        return form


@pytest.fixture
def seat(qtbot: QtBot, sqlite_db: Database) -> Iterator[Seat]:
    ops = Operations("intake-test")
    clock = FakeClock(datetime(2026, 11, 27, 2, 0, tzinfo=UTC))
    yield Seat(sqlite_db, OrderService(sqlite_db, clock.now), ops, qtbot)
    ops.shutdown()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the agent presses it: to the open list if there is one, else the focus."""
    QTest.keyClick(QApplication.activePopupWidget() or focused(), key, modifier)


def type_text(text: str) -> None:
    if text.isascii():
        QTest.keyClicks(focused(), text)
    else:  # what an input method sends when the agent picks the characters
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(focused(), event)


def save_with_ctrl_s(qtbot: QtBot, form: IntakeForm) -> str:
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return str(saved.args[0])
