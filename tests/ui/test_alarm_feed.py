"""A console's alarm panel follows the change feed: an alarm another console raised shows
within a second (not at the 30 s refresh), and a burst of commits costs one query."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import qasync
import shiboken6
from pytestqt.qtbot import QtBot

from console.app_window import Shared, WindowParts, build_window, watch_changes
from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.store.changes import watch_for
from console.store.engine import Database
from console.store.seed import catalogue
from console.telephony.simulated import SimulatedSwitch
from console.ui.operations import Operations
from tests.principals import at_seat

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
A02 = at_seat("张伟", "A-02", Platform.HOTLINE)
DRAFT = Draft(
    caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
    description="噪音扰民", consent=True,
)  # fmt: skip
MONDAY = datetime(2026, 11, 23, 2, tzinfo=UTC)  # 10:00 in China


async def until(done: Callable[[], Any], timeout: float, what: str) -> None:
    """Wait on the loop until ``done()``; fail loudly after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        await asyncio.sleep(0.01)


class Watched:
    """One console's window, wired to the change feed as the composition root wires it."""

    def __init__(self, db: Database, loop: asyncio.AbstractEventLoop, qtbot: QtBot) -> None:
        clock = lambda: MONDAY  # noqa: E731
        self.worker = Operations("test-alarm-feed")
        with db.read() as session:
            shared = Shared(
                db=db, orders=OrderService(db, clock, load_site_policy(db), load_calendar()),
                alarms=AlarmService(db, clock, A01.seat), clock=clock,
                catalogue=catalogue(session), chinese=True, ops=self.worker, loop=loop,
                db_url="sqlite://", wrap_up=timedelta(seconds=30),
            )  # fmt: skip
        self.switch = SimulatedSwitch(rate_per_min=0, seed=3, loop=loop)
        self.part: WindowParts = build_window(shared, A01, self.switch)
        self.changes = watch_for(db.engine)
        assert self.changes is not None
        self.timer = watch_changes(self.part.window, self.changes, self.part.on_change)
        qtbot.addWidget(self.part.window)

    def close(self) -> None:
        if shiboken6.isValid(self.timer):
            self.timer.stop()
        self.part.seat.close()
        if self.changes is not None:
            self.changes.close()
        self.worker.shutdown()


@pytest.fixture
def watched(qtbot: QtBot, qloop: qasync.QEventLoop, db: Database) -> Iterator[Watched]:
    gc.collect()  # earlier tests' Qt objects go on this thread, not on a worker's (a crash)
    made = Watched(db, qloop, qtbot)
    yield made
    qloop.run_until_complete(made.switch.stop())
    made.close()


@pytest.fixture
def other_console(db: Database) -> Iterator[Database]:
    other = Database.open(db.engine.url.render_as_string(hide_password=False))
    yield other
    other.dispose()


def test_an_alarm_raised_on_another_console_shows_within_a_second(
    qloop: qasync.QEventLoop, watched: Watched, other_console: Database
) -> None:
    panel = watched.part.panel
    now = [MONDAY]
    OrderService(
        other_console, lambda: now[0], load_site_policy(other_console), load_calendar()
    ).create(DRAFT, A02)
    sweeper = AlarmService(other_console, lambda: now[0], A02.seat)

    async def scenario() -> float:
        assert panel.model.rowCount() == 0
        now[0] += timedelta(days=30)  # every deadline of the order has passed
        raised = sweeper.sweep()
        assert raised
        committed = time.monotonic()
        await until(lambda: panel.model.rowCount() > 0, 3, "the raised alarm on the panel")
        return time.monotonic() - committed

    assert qloop.run_until_complete(scenario()) < 1.0
    window = watched.part.window  # the Alarms tab's title counts every level's open alarms
    assert window.tabs.tabText(window.tabs.indexOf(panel)).endswith(f"({panel.model.rowCount()})")
    assert panel.refresh_timer.remainingTime() > 20_000  # not the 30 s refresh that did it


def test_a_burst_of_commits_is_one_query(qloop: qasync.QEventLoop, watched: Watched) -> None:
    panel = watched.part.panel
    queries: list[int] = []
    service = panel._service
    real = service.panel

    def counted(*args: Any, **kwargs: Any) -> Any:
        queries.append(1)
        return real(*args, **kwargs)

    async def scenario() -> None:
        await until(lambda: not watched.worker.in_flight(panel, "alarms"), 5, "the first load")
        service.panel = counted  # type: ignore[method-assign]
        for _ in range(20):  # twenty commits reported by the feed in quick succession
            panel.refresh_soon()
        await until(
            lambda: queries and not watched.worker.in_flight(panel, "alarms"), 3, "the refresh"
        )

    qloop.run_until_complete(scenario())
    assert len(queries) == 1
    assert not panel.feed_timer.isActive()


def test_the_order_count_and_the_alarm_list_wait_for_the_first_pages(
    qloop: qasync.QEventLoop, qtbot: QtBot, db: Database
) -> None:
    """A start's first data is the queues' first pages and the alarm counts: the status bar's
    order count (a count of every order) and the alarm list are read once the pages are in."""
    orders = OrderService(db, lambda: MONDAY, load_site_policy(db), load_calendar())
    for _ in range(3):
        orders.create(DRAFT, A02)
    gc.collect()
    made = Watched(db, qloop, qtbot)
    try:
        queues, status = made.part.window.queues, made.part.status
        assert queues is not None
        seen: list[str] = []
        queues.ready.connect(lambda: seen.append("pages"))
        assert "…" in status.orders_label.text()  # not counted while the window is built
        qtbot.waitUntil(lambda: "3" in status.orders_label.text(), timeout=5000)
        assert seen == ["pages"]
    finally:
        qloop.run_until_complete(made.switch.stop())
        made.close()
