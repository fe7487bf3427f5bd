"""A shift lead's seat window and an agent's, over a database holding the planted agenda and
its rule (tests/agenda_data.py): fixture ``lead_windows`` (SQLite), for the 会商 tab's tests in
a seat's window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import qasync
from pytestqt.qtbot import QtBot

from console.app_window import Shared, WindowParts, build_window
from console.domain.orders import Platform
from console.services.alarms import AlarmService
from console.services.orders import OrderService
from console.store.engine import Database
from console.store.seed import catalogue
from console.telephony.simulated import SimulatedSwitch
from console.ui.operations import Operations
from tests.agenda_data import plant
from tests.principals import at_seat, lead


@pytest.fixture
def lead_windows(
    qtbot: QtBot, qloop: qasync.QEventLoop, sqlite_db: Database
) -> Iterator[list[WindowParts]]:
    plant(sqlite_db)
    clock = lambda: datetime(2026, 8, 15, 2, tzinfo=UTC)  # noqa: E731
    ops = Operations("test-consultation")
    with sqlite_db.read() as session:
        shared = Shared(
            db=sqlite_db, orders=OrderService(sqlite_db, clock),
            alarms=AlarmService(sqlite_db, clock, "A-09"), clock=clock,
            catalogue=catalogue(session), chinese=True, ops=ops, loop=qloop,
            db_url="sqlite://", wrap_up=timedelta(seconds=30),
        )  # fmt: skip
    switch = SimulatedSwitch(rate_per_min=0, seed=3, loop=qloop)
    parts = [build_window(shared, lead("赵班长", "A-09", Platform.HOTLINE), switch),
             build_window(shared, at_seat("王丽", "A-01", Platform.HOTLINE), switch)]  # fmt: skip
    for part in parts:
        qtbot.addWidget(part.window)
    yield parts
    try:
        qloop.run_until_complete(switch.stop())
    finally:
        for part in parts:
            part.seat.close()
        ops.shutdown()
