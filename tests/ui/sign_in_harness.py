"""A seat that opens on its sign-in screen, as the composition root builds it: the seat slot
(console/app_sign_in.py) over real windows, one database and a simulated switch, with a fake
clock for the idle lock. The fixture ``desk`` reaches the tests through tests/ui/conftest.py."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import qasync
import shiboken6
from pytestqt.qtbot import QtBot

from console.app_sign_in import SeatSlot
from console.app_window import Shared, WindowParts, build_window
from console.domain.calendar import load_calendar
from console.domain.orders import Actor, Platform
from console.domain.passwords import SecurityPolicy
from console.domain.roles import Role
from console.services.accounts import AccountService
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.services.sessions import SeatSessions, SessionNote
from console.store.engine import Database
from console.store.seed import catalogue
from console.telephony.simulated import SimulatedSwitch
from console.ui.operations import Operations

PASSWORD = "Seat-pass-1"
IDLE_MIN = 15


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def pass_minutes(self, minutes: float) -> None:
        self.now += minutes * 60


class Desk:
    def __init__(self, db: Database, loop: asyncio.AbstractEventLoop, qtbot: QtBot) -> None:
        clock = lambda: datetime.now(UTC)  # noqa: E731
        self.loop = loop
        self.worker = Operations("test-sign-in")
        self.accounts = AccountService(db, clock, SecurityPolicy())
        self.accounts.add("wangli", "王丽", Platform.HOTLINE, {Role.AGENT}, "First-pass-1")
        self.accounts.change_password("wangli", "First-pass-1", PASSWORD)
        with db.read() as session:
            self.orders = OrderService(db, clock, load_site_policy(db), load_calendar())
            shared = Shared(
                db=db, orders=self.orders, alarms=AlarmService(db, clock, "A-01"), clock=clock,
                catalogue=catalogue(session), chinese=True, ops=self.worker, loop=loop,
                db_url="sqlite://", wrap_up=timedelta(seconds=30),
            )  # fmt: skip
        self.switch = SimulatedSwitch(
            rate_per_min=0, seed=3, loop=loop, time_scale=0.05, transferred_talk_s=None
        )
        self.notes: list[SessionNote] = []
        self.parts: list[WindowParts] = []
        self.time = FakeTime()
        sessions = SeatSessions(self.accounts, clock, "A-01", Platform.HOTLINE)
        sessions.listen(self.notes.append)

        def open_window(actor: Actor) -> WindowParts:
            part = build_window(shared, actor, self.switch)  # closed here: sign-out deletes it
            self.parts.append(part)
            return part

        def close_window(part: WindowParts) -> None:
            part.seat.close()

        self.slot = SeatSlot(sessions, self.worker, open_window=open_window,
                             close_window=close_window, idle_minutes=IDLE_MIN,
                             clock=self.time)  # fmt: skip
        self.slot.running = True
        qtbot.addWidget(self.slot.screen)
        self.slot.screen.show()
        self.switch.start()

    @property
    def hot(self) -> WindowParts:  # what tests/ui/linkage_harness.take_call_and_save drives
        assert self.slot.part is not None
        return self.slot.part

    def close(self) -> None:
        if self.slot.lock is not None and shiboken6.isValid(self.slot.lock):
            self.slot.lock.stop()
        for part in self.parts:
            if shiboken6.isValid(part.window):
                part.seat.close()
                part.window.close()
                part.window.deleteLater()
        self.worker.shutdown()


@pytest.fixture
def desk(qtbot: QtBot, qloop: qasync.QEventLoop, sqlite_db: Database) -> Iterator[Desk]:
    made = Desk(sqlite_db, qloop, qtbot)
    yield made
    try:
        qloop.run_until_complete(made.switch.stop())
    finally:
        made.close()
