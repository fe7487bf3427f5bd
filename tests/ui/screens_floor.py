"""The shift lead's floor pictures in the real window (part of screens_script.py, driven by
test_real_screen): the reports tab with its charts, a hot spot with its evidence, the wallboard.

test_real_screen plants a spike of complaints in 和平区 and four orders at one address
in the last complete four-hour window, and scans once, before the console starts; the script
then only looks, the way the lead does (the tab's key, the last 30 days, the first hot spot
selected).

Shots: ``reports`` (the tab as it opens: tiles and the trend), ``reports_charts`` (scrolled to
the district and department bars), ``hotspot_evidence`` and ``wallboard`` (Shift+F12, the whole
screen). Returns True when something a shot is for is missing or cut off.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import cast

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from console.ui.hotspots import HotspotView
from console.ui.lazy_page import built
from console.ui.main_window import MainWindow
from console.ui.reports import ReportsTab
from console.ui.reports.page import CHARTED
from tests.waiting import until

Shot = Callable[[str], Awaitable[None]]
Checked = Callable[[str, dict[str, QWidget]], bool]


async def floor_shots(window: MainWindow, shot: Shot, checked: Checked) -> bool:
    failed = False
    if window.reports is None:
        print("no reports tab for the shift lead", flush=True)
        return True
    reports = cast(ReportsTab, built(window.reports))  # a tab built when first shown
    loaded: list[object] = []
    reports.loaded.connect(loaded.append)
    window.activateWindow()
    await until(window.isActiveWindow, what="the window active for its keys")
    QTest.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    await until(lambda: loaded, timeout=60, what="the report read")  # today's, by default
    # the last 30 days, as a lead looking for a trend picks them
    today = reports.filters.ask().period.end
    reports.filters.set_period("custom", today - timedelta(days=29), today)
    await until(lambda: len(loaded) > 1 and loaded[-1].period.start < today,  # type: ignore[attr-defined]
                timeout=60, what="the 30 days' report")  # fmt: skip
    cards = reports.page.cards
    charted = [cards[k] for k in CHARTED if cards[k].model.rowCount() > 0]  # an empty one
    await until(
        lambda: all(c.chart is not None and c.chart.isVisible() for c in charted),
        what="the report's charts",
    )  # fmt: skip  (says so instead of a chart)
    print(f"reports: {len(charted)} charts of {len(CHARTED)}", flush=True)
    if len(charted) < 3:
        print("reports: the demo month leaves most charts empty", flush=True)
        failed = True
    await shot("reports")
    failed |= not checked("reports", {"tiles": reports.page.tiles_box,
                                      "trend title": cards["trend"].title})  # fmt: skip
    district = cards["by_district"]
    reports.scroller.verticalScrollBar().setValue(district.mapTo(reports.page, QPoint(0, 0)).y())
    await shot("reports_charts")
    failed |= not checked("reports_charts", {"district title": district.title})

    if window.hotspots is None:
        print("no hot spots tab for the 12345 shift lead", flush=True)
        return True
    spots = cast(HotspotView, built(window.hotspots))
    counted: list[int] = []
    spots.loaded.connect(counted.append)
    window.tabs.setCurrentWidget(window.hotspots)
    spots.refresh()
    await until(lambda: counted and counted[-1] > 0, timeout=30, what="the planted hot spots")
    await until(lambda: spots.orders.count() > 0, what="the hot spot's orders")
    await shot("hotspot_evidence")
    failed |= not checked("hotspot_evidence", {"evidence": spots.evidence,
                                               "orders": spots.orders,
                                               "take up": spots.take_button})  # fmt: skip

    if window.wallboard is None:
        print("no wallboard for the shift lead", flush=True)
        return True
    wall = window.wallboard.content()  # built when its key first opens it; toggle() below
    shown: list[object] = []
    wall.loaded.connect(shown.append)
    wall.toggle()  # Shift+F12's slot (the key itself: tests/ui/test_wallboard.py)
    await until(lambda: shown or wall.stale.isVisibleTo(wall), timeout=30, what="the wall, read")
    if not shown:
        print(f"wallboard: {wall.stale.text()}", flush=True)
        return True
    await until(lambda: wall.width() == wall.screen().geometry().width(), what="full screen")
    await shot("wallboard")
    failed |= not checked("wallboard", {"wallboard": wall})
    wall.leave()
    await until(lambda: not wall.isVisible(), what="the wallboard left")
    return failed
