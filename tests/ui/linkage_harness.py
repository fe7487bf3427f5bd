"""Two real seat windows, a 12345 seat and a 110 seat, built by the composition root on one
database and one simulated switch: what the linkage tests drive. The fixtures ``seats`` and
``start_seats`` reach the tests through tests/ui/conftest.py."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import qasync
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app_window import Shared, WindowParts, build_window, watch_changes
from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import (
    Action,
    Platform,
)
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.store.changes import watch_for
from console.store.engine import Database
from console.store.seed import catalogue
from console.telephony.port import Line
from console.telephony.simulated import SimulatedSwitch
from console.ui.models.queue_model import QueueModel
from console.ui.operations import Operations
from tests.principals import at_seat
from tests.waiting import until

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
J01 = at_seat("李强", "J-01", Platform.POLICE)
CALLER = "13812345678"
SCALE = 0.05  # simulated seconds → loop seconds: the 30 s answer window takes 1.5 s


class Seats:
    def __init__(self, db: Database, loop: asyncio.AbstractEventLoop, qtbot: QtBot) -> None:
        clock = lambda: datetime.now(UTC)  # noqa: E731
        policy = load_site_policy(db)
        self.worker = Operations("test-linkage")
        with db.read() as session:
            orders = OrderService(db, clock, policy, load_calendar())
            shared = Shared(
                db=db, orders=orders,
                alarms=AlarmService(db, clock, "A-01"),
                clock=clock, catalogue=catalogue(session), chinese=True, ops=self.worker,
                loop=loop, db_url="sqlite://", wrap_up=timedelta(seconds=30),
            )  # fmt: skip
        self.orders = shared.orders
        self.switch = SimulatedSwitch(
            rate_per_min=0, seed=3, loop=loop, time_scale=SCALE, transferred_talk_s=None
        )
        self.hot = build_window(shared, A01, self.switch)
        self.pol = build_window(shared, J01, self.switch)
        self.watchers = [watch_for(db.engine) for _ in range(2)]
        self.timers = []
        for part, changes in zip((self.hot, self.pol), self.watchers, strict=True):
            self.timers.append(watch_changes(part.window, changes, part.on_change))
            qtbot.addWidget(part.window)
            part.window.show()
            part.seat.controller.log_in()

    def close(self) -> None:
        for timer in self.timers:
            if shiboken6.isValid(timer):  # gone with its window if that was closed first
                timer.stop()
        for part in (self.hot, self.pol):
            part.seat.close()
        for changes in self.watchers:
            if changes is not None:
                changes.close()
        self.worker.shutdown()


@pytest.fixture
def seats(qtbot: QtBot, qloop: qasync.QEventLoop, db: Database) -> Iterator[Seats]:
    """On SQLite and on PostgreSQL: the peer seat learns of changes through either watcher."""
    made = Seats(db, qloop, qtbot)
    yield made
    try:
        qloop.run_until_complete(made.switch.stop())
    finally:
        made.close()


async def take_call_and_save(seats: Seats, **over: object) -> str:
    """The 12345 agent answers a ringing call and records the order with the keyboard path."""
    seat = seats.hot.seat
    seats.switch.place_call(Line.HOTLINE, CALLER)
    await until(lambda: bool(seats.switch.waiting()) and seats.switch.waiting()[0].seat)
    seat.controller.answer_next()
    await until(lambda: seat.controller.current is not None)
    saved: list[str] = []
    seat.panel.intake.saved.connect(saved.append)
    values: dict[str, Any] = dict(
        caller_phone=CALLER, kind="C-TS", field="F-SH", district="210102",
        description="小区门口两户因停车发生争执", consent=True,
    )  # fmt: skip
    values.update(over)
    seat.panel.intake.set_draft(Draft(**values))
    seat.panel.intake.save()
    await until(lambda: bool(saved))
    return saved[0]


async def do_step(
    part: WindowParts, number: str, action: Action, note: str = "", **form: Any
) -> None:
    """Open the order in ``part``'s detail, press the step's button, fill the form, confirm."""
    detail = part.window.detail
    assert detail is not None and detail.steps is not None
    steps = detail.steps
    if detail.order is None or detail.order.number != number:
        part.window.open_order(number)
    await until(lambda: steps.order is not None and steps.order.number == number)
    await until(lambda: steps.buttons[action].isVisibleTo(part.window))
    steps.buttons[action].click()
    if "department" in form:
        await until(lambda: steps.department.count() > 0)  # the directory is read off-thread
        steps.department.setEditText(form["department"])
    if "outcome" in form:
        steps.outcome.setCurrentIndex(steps.outcome.findData(form["outcome"].value))
    if "mode" in form:
        steps.mode.setCurrentIndex(steps.mode.findData(form["mode"].value))
    if "kind" in form:
        steps.kind.setCurrentIndex(steps.kind.findData(form["kind"]))
    steps.note.setPlainText(note)
    before = len(steps.order.timeline) if steps.order else 0
    steps.submit()
    await until(
        lambda: not steps.form.isVisible() or bool(steps.error.text().startswith("Not done"))
    )
    assert not steps.form.isVisible(), steps.error.text()
    await until(lambda: steps.order is not None and len(steps.order.timeline) > before)


async def polls(seats: Seats, count: int) -> None:
    """Wait for ``count`` more ticks of the 12345 seat's change poll."""
    ticks: list[None] = []
    seats.timers[0].timeout.connect(lambda: ticks.append(None))
    await until(lambda: len(ticks) >= count, what=f"{count} change polls")


def actions(seats: Seats, number: str) -> list[tuple[str, str]]:
    return [(e.platform.value, e.action.value) for e in seats.orders.get(number).order.timeline]


def numbers(model: QueueModel) -> list[str]:
    return [
        str(model.index(row, QueueModel.NUMBER).data(Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
    ]


@pytest.fixture
def start_seats(qtbot: QtBot, qloop: qasync.QEventLoop) -> Iterator[Callable[[Database], Seats]]:
    """Open the seats when the test says (after it has prepared the database); closed after."""
    made: list[Seats] = []

    def start(db: Database) -> Seats:
        made.append(Seats(db, qloop, qtbot))
        return made[-1]

    yield start
    for seats in made:
        try:
            qloop.run_until_complete(seats.switch.stop())
        finally:
            seats.close()


def requests(seats: Seats) -> list[tuple[str, str]]:
    from sqlmodel import select

    from console.store.tables import TransferRequestRow

    with seats.orders.transfers._db.read() as s:
        return [(r.key, r.state) for r in s.exec(select(TransferRequestRow)).all()]
