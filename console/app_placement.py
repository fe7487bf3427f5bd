"""Part of the composition root (see app.py): where the seat windows go on the screen.

Side by side, one above the other, or as tabs of one window when neither fits. Only the
composition root imports this module (app_window.py re-exports its names, as they were
imported from there before).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget

FRAME = QSize(8, 36)  # a window manager's border and title bar, before the window is shown


def place_windows(windows: Sequence[QWidget], screen: QScreen | None) -> QWidget | None:
    """Fit the windows to ``screen``'s available area (without the taskbar) so none hides
    another: one window on the whole area (1920×1080 is used, 1366×768 fits); two side by side where the screen is
    wide enough for both minimum widths, else one above the other where it is tall enough,
    else as two tabs of one window (Ctrl+PgUp / Ctrl+PgDown; returned: keep it referenced)."""
    if screen is None or not windows:
        return None
    area = screen.availableGeometry()
    slots = window_slots(area, least_size(windows[0]), len(windows))
    if slots is None:
        return _tabbed(windows, area)
    for window, slot in zip(windows, slots, strict=True):
        room = slot.size() - FRAME
        window.resize(room.expandedTo(window.minimumSize()))
        window.move(slot.topLeft())
    return None


def least_size(window: QWidget) -> QSize:
    """The smallest a window can be on screen, with its frame."""
    return window.minimumSize().expandedTo(window.minimumSizeHint()) + FRAME


def window_slots(area: QRect, least: QSize, count: int) -> list[QRect] | None:
    """Where ``count`` windows of at least ``least`` (frame included) go in ``area``: side by
    side, else one above the other; None when neither fits (tabs)."""
    if count == 1 or area.width() >= count * least.width():
        return [QRect(area.x() + n * (area.width() // count), area.y(),
                      area.width() // count, area.height()) for n in range(count)]  # fmt: skip
    if area.height() >= count * least.height():
        return [QRect(area.x(), area.y() + n * (area.height() // count),
                      area.width(), area.height() // count) for n in range(count)]  # fmt: skip
    return None


def _tabbed(windows: Sequence[QWidget], area: QRect) -> QTabWidget:
    host = QTabWidget()
    host.setObjectName("seatTabs")
    host.setWindowTitle(windows[0].windowTitle())
    for window in windows:
        host.addTab(window, window.windowTitle())  # a page now: its keys work while in front
    for key, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
        shortcut = QShortcut(QKeySequence(key), host)
        shortcut.activated.connect(
            lambda step=step: host.setCurrentIndex((host.currentIndex() + step) % host.count())
        )
    host.resize(area.size() - FRAME)
    host.move(area.topLeft())
    host.show()
    return host
