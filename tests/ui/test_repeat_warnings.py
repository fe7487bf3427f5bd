"""The repeated-request warning (重复诉求预警) on the shift lead's alarm panel: raised once when
the third caller joins, shown once with its mark and words, acknowledged with Enter on its
line, then gone (both databases)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.domain.orders import Platform
from console.services.alarms import AlarmService
from console.store.engine import Database
from console.ui.alarms.panel import AlarmPanel
from console.ui.operations import Operations
from tests.duplicates.test_service import AGENT, draft, services
from tests.principals import lead

LEAD = lead("值班长", "L-01", Platform.HOTLINE)


def test_the_warning_shows_once_and_enter_acknowledges_it(
    qtbot: QtBot, db: Database, worker: Operations
) -> None:
    orders, dups, clock = services(db)
    first = orders.create(draft("13811110000"), AGENT).order.number
    _o, lead_dups, lead_clock = services(db, LEAD)
    panel = AlarmPanel(AlarmService(db, clock, "L-01"), kind_names={"C-TS": "投诉"}, by=LEAD,
                       ops=worker)  # fmt: skip
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.follow_repeats(lead_dups)
    strip = panel.repeats
    assert strip is not None
    panel.show()
    qtbot.waitUntil(
        lambda: not strip.isVisible() and not worker.in_flight(strip, "repeat-warnings")
    )
    for phone in ("13922220000", "13933330000", "13944440000"):
        clock.now += timedelta(minutes=5)
        dups.join(first, phone)
    lead_clock.now = clock.now
    panel.refresh_repeats()
    qtbot.waitUntil(lambda: strip.isVisible() and strip.list.count() == 1)
    line = strip.list.item(0).text()
    assert line.startswith("● ") and first in line and "3 callers" in line and "投诉" in line
    assert strip.list.item(0).font().bold()  # not told by colour alone
    strip.list.setFocus()
    strip.list.setCurrentRow(0)
    QTest.keyClick(strip.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: strip.list.count() == 0)
    assert first in strip.message.text() and not strip.list.isVisible()
    assert lead_dups.repeated() == [] and len(lead_dups.repeated(include_acknowledged=True)) == 1
