"""An alarm panel over a real database with orders whose deadlines have passed: what the alarm\npanel tests drive (the fixtures reach them through tests/ui/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Priority
from console.domain.roles import Seated
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.store.engine import Database
from console.store.seed import catalogue
from console.ui.alarms.panel import AlarmPanel
from console.ui.operations import Operations
from tests.principals import at_seat, lead

CHINA = ZoneInfo("Asia/Shanghai")
ROOT = Path(__file__).resolve().parents[2]
HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
POLICE = at_seat("李强", "J-07", Platform.POLICE)
HOTLINE_2 = at_seat("赵敏", "A-02", Platform.HOTLINE)


def china(*args: int) -> datetime:
    return datetime(*args, tzinfo=CHINA).astimezone(UTC)  # type: ignore[misc]


def draft(kind: str, priority: Priority = Priority.NORMAL) -> Draft:
    field = "F-SH" if kind.startswith("C-") else ""
    return Draft(caller_phone="13812345678", kind=kind, field=field, district="210102",
                 description="测试诉求", priority=priority, consent=True)  # fmt: skip


@dataclass
class Scene:
    clock: FakeClock
    orders: OrderService
    alarms: AlarmService
    numbers: dict[str, str]
    kind_names: dict[str, str]


def build_scene(db: Database) -> Scene:
    clock = FakeClock(china(2026, 11, 23, 10, 0))  # a Monday
    orders = OrderService(db, clock.now, load_site_policy(db), load_calendar())
    numbers = {
        "hotline": orders.create(draft("C-TS"), HOTLINE).order.number,
        "police": orders.create(draft("P-ZA"), POLICE).order.number,
    }
    clock.set(china(2026, 11, 27, 21, 45))
    numbers["due"] = orders.create(draft("C-QZ", Priority.CRITICAL), HOTLINE).order.number
    clock.set(china(2026, 11, 27, 22, 0))
    numbers["tomorrow"] = orders.create(draft("C-QZ", Priority.CRITICAL), HOTLINE).order.number
    clock.set(china(2026, 11, 27, 23, 45))
    alarms = AlarmService(db, clock.now, "A-01")
    alarms.sweep()
    with db.read() as session:
        kind_names = {k.code: k.name_zh for k in catalogue(session)[0]}
    return Scene(clock, orders, alarms, numbers, kind_names)


@pytest.fixture
def scene(sqlite_db: Database) -> Scene:
    return build_scene(sqlite_db)


@pytest.fixture
def seated(scene: Scene) -> Scene:
    scene.orders.act(scene.numbers["tomorrow"], Action.START_HANDLING, HOTLINE_2, seen=1)
    scene.orders.act(scene.numbers["due"], Action.TRANSFER, HOTLINE, "转110处置", seen=1)
    scene.clock.set(china(2026, 11, 27, 23, 59))  # the sign-for (due at midnight) is warned
    scene.alarms.sweep()
    return scene


@pytest.fixture
def worker(qapp: QApplication) -> Iterator[Operations]:
    made = Operations("alarm-test")
    yield made
    made.shutdown()


def open_panel(
    qtbot: QtBot, scene: Scene, ops: Operations, seat: str | None = None, by: Seated | None = None
) -> tuple[AlarmPanel, list[int]]:  # the counts, mildest level first
    """The panel after its first refresh, and the counts it signalled; ``by``: who signed in
    (a 12345 shift lead by default)."""
    by = by or lead("值班长", seat or "A-01", Platform.HOTLINE)
    panel = AlarmPanel(scene.alarms, kind_names=scene.kind_names, by=by, ops=ops, seat=seat)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.set_now(scene.clock.now())
    with qtbot.waitSignal(panel.counts_changed) as counted:
        panel.refresh()
    return panel, list(counted.args[0].values())


@pytest.fixture
def panel(qtbot: QtBot, scene: Scene, worker: Operations) -> AlarmPanel:
    return open_panel(qtbot, scene, worker)[0]


def numbers_shown(panel: AlarmPanel) -> list[str]:
    return [panel.model.alarm_at(row).number for row in range(panel.model.rowCount())]


def tab_texts(panel: AlarmPanel) -> list[str]:
    return [panel.tabs.tabText(i) for i in range(panel.tabs.count())]


def all_shown(panel: AlarmPanel) -> set[tuple[str, str]]:
    """(number, deadline) of every row that passes the filters, whatever the tab."""
    shown = set()
    for tab in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(tab)
        shown |= {(a.number, a.deadline) for a in map(panel.model.alarm_at, range(rows(panel)))}
    panel.tabs.setCurrentIndex(0)
    return shown


def rows(panel: AlarmPanel) -> int:
    return panel.model.rowCount()


def items(box: QComboBox) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]
