"""``make run`` at 1920×1080: the two seat windows side by side, each half the screen wide, with
the screen pop above the intake form and nothing of the form cut off; a full-width window keeps
them side by side."""

from __future__ import annotations

from collections.abc import Callable

import qasync
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

from console.app_window import FRAME, least_size, window_slots
from console.store.engine import Database
from tests.ui.linkage_harness import Seats
from tests.waiting import until

FULL_HD = QRect(0, 0, 1920, 1040)  # 1920×1080 less a 40 px taskbar


def whole(widget: QWidget) -> bool:
    """Shown and not cut off by a parent."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def test_two_seats_sit_side_by_side_on_a_1920_screen_and_stay_usable(
    start_seats: Callable[[Database], Seats], sqlite_db: Database, qloop: qasync.QEventLoop
) -> None:
    seats = start_seats(sqlite_db)
    windows = [seats.hot.window, seats.pol.window]
    least = least_size(windows[0]).expandedTo(least_size(windows[1]))
    slots = window_slots(FULL_HD, least, 2)
    assert slots is not None and [s.topLeft().x() for s in slots] == [0, 960], least
    assert slots[0].height() == FULL_HD.height()  # side by side, not stacked

    async def laid_out() -> None:
        for window, slot in zip(windows, slots, strict=True):
            window.resize(slot.size() - FRAME)
        for part in (seats.hot, seats.pol):
            panel, intake = part.seat.panel, part.seat.panel.intake
            await until(lambda p=panel: p.split.orientation() is Qt.Orientation.Vertical)
            await until(lambda i=intake: whole(i.save_button), what="the Save button in view")
            for name in ("kind", "district", "description", "consent"):
                assert whole(getattr(intake.fields, name)), name
            assert intake.width() >= intake.minimumWidth()
            assert part.seat.pop.height() >= part.seat.pop.minimumHeight()
        seats.hot.window.resize(QSize(1900, 1000))  # one seat on the whole screen
        await until(lambda: seats.hot.seat.panel.split.orientation() is Qt.Orientation.Horizontal)

    qloop.run_until_complete(laid_out())
