"""Only announced writes wake the other seats, on SQLite (change counter) as on PostgreSQL
(NOTIFY): an agent-state record does not, an order does, at once; a sweep that raised nothing
does not, one that raised an alarm does."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from console.domain.agent_state import AgentState, NotReadyReason
from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.services.seat import SeatStateService
from console.store.changes import ChangeWatch, watch_for
from console.store.engine import Database
from tests.principals import at_seat, lead

DRAFT = Draft(
    caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
    description="噪音扰民", consent=True,
)  # fmt: skip
HOTLINE = at_seat("张伟", "A-02", Platform.HOTLINE)
SEEN_WITHIN_S = 1.0  # the console polls every 0.2 s; NOTIFY arrives in milliseconds
QUIET_FOR_S = 0.3  # long enough for a NOTIFY to have arrived, were one sent


def seen(watch: ChangeWatch, within: float = SEEN_WITHIN_S) -> bool:
    deadline = time.monotonic() + within
    while not watch.changed():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def quiet(watch: ChangeWatch, db: Database) -> bool:
    """Nothing announced. On SQLite the answer is there as soon as the commit is (no wait)."""
    if db.is_sqlite:
        return not watch.changed()
    deadline = time.monotonic() + QUIET_FOR_S
    while time.monotonic() < deadline:
        if watch.changed():
            return False
        time.sleep(0.01)
    return True


@pytest.fixture
def watch(db: Database) -> Iterator[ChangeWatch]:
    watcher = watch_for(db.engine)
    assert watcher is not None
    yield watcher
    watcher.close()


@pytest.fixture
def other_seat(db: Database) -> Iterator[Database]:
    """Another console on the same database, with its own connections."""
    other = Database.open(db.engine.url.render_as_string(hide_password=False))
    yield other
    other.dispose()


def test_an_agent_state_change_wakes_no_other_seat_and_an_order_does(
    watch: ChangeWatch, db: Database, other_seat: Database
) -> None:
    clock = lambda: datetime.now(UTC)  # noqa: E731
    seat = SeatStateService(other_seat, clock, lead("张伟", "A-02", Platform.HOTLINE))
    seat.change(AgentState.READY)
    seat.change(AgentState.NOT_READY, NotReadyReason.BREAK)
    assert quiet(watch, db)
    started = time.monotonic()
    OrderService(other_seat, clock).create(DRAFT, HOTLINE)
    assert seen(watch)
    assert time.monotonic() - started < SEEN_WITHIN_S
    assert quiet(watch, db)  # once


def test_a_sweep_that_raised_nothing_is_not_announced_and_a_raised_alarm_is(
    watch: ChangeWatch, db: Database, other_seat: Database
) -> None:
    now = [datetime(2026, 11, 23, 2, tzinfo=UTC)]  # a Monday, 10:00 in China
    OrderService(other_seat, lambda: now[0], load_site_policy(other_seat), load_calendar()).create(
        DRAFT, HOTLINE
    )
    assert seen(watch)
    sweeper = AlarmService(other_seat, lambda: now[0], "A-02")
    assert sweeper.sweep() == []
    assert quiet(watch, db)
    now[0] += timedelta(days=30)  # every deadline of the order has passed
    assert sweeper.sweep() != []
    assert seen(watch)


def test_the_counter_moves_once_per_announced_write_on_sqlite(sqlite_db: Database) -> None:
    def seq() -> int:
        with sqlite_db.read() as session:
            return int(session.execute(text("SELECT seq FROM change_counter")).scalar_one())

    before = seq()
    clock = lambda: datetime.now(UTC)  # noqa: E731
    OrderService(sqlite_db, clock).create(DRAFT, HOTLINE)
    assert seq() == before + 1
    SeatStateService(sqlite_db, clock, lead("张伟", "A-02", Platform.HOTLINE)).change(
        AgentState.READY
    )
    with sqlite_db.write():  # nothing written: nothing to announce
        pass
    assert seq() == before + 1
