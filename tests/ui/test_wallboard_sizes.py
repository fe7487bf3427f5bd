"""The wallboard fits the screen it is shown on: its sizes are designed for 1920×1080 and scaled
to the screen (at 1366×768 the full sizes cut off 100%, the seat words and the bottom tiles)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.domain.orders import Platform
from console.ui.wallboard import wallboard
from console.ui.wallboard.style import STYLE, scaled_style
from tests.principals import lead
from tests.ui.ops_doubles import InlineOperations
from tests.ui.wall_doubles import NOW, FakeFloor, busy_floor, queue

LEAD = lead("张班长", "A-09", Platform.HOTLINE)
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_the_sizes_follow_the_screen() -> None:
    assert scaled_style(QSize(1920, 1080)) == STYLE
    small = scaled_style(QSize(1366, 768))
    assert "font-size: 135px" in small and "font-size: 190px" not in small  # 190 × 0.71
    assert "font-size: 380px" in scaled_style(QSize(3840, 2160))


@pytest.mark.parametrize("size", [QSize(1366, 768), QSize(1920, 1080)])
def test_a_busy_floor_fits_the_screen(qtbot: QtBot, size: QSize) -> None:
    board = wallboard(FakeFloor(busy_floor()).read, queue(), by=LEAD, ops=InlineOperations(),
                      clock=lambda: NOW)  # fmt: skip
    assert board is not None
    qtbot.addWidget(board)
    board.toggle()
    qtbot.waitUntil(lambda: board.floor is not None)
    board.fit_to(size)  # as toggle() does on a screen of that size
    QApplication.processEvents()  # the new sizes polished into every label
    layout = board.layout()
    layout.invalidate()
    least = layout.totalMinimumSize()
    assert least.width() <= size.width() and least.height() <= size.height(), least
