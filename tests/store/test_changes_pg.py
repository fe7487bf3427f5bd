"""PostgreSQL seats learn of another seat's commit through LISTEN/NOTIFY (see changes.py)."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from console.store.changes import watch_for
from console.store.engine import Database
from console.store.pg_changes import APPLICATION_NAME, PgNotifications
from console.store.tables import AgentStateRow
from tests.principals import lead

pytestmark = pytest.mark.postgres

# Only the PostgreSQL side of the ``db`` fixture: SQLite is covered in test_changes.py.
on_postgres = pytest.mark.parametrize("db", ["postgres"], indirect=True)


class Boom(Exception):
    pass


def _record_state(db: Database, state: str = "ready") -> None:
    """An ORM add left for the commit to flush (an ordinary write that announces itself)."""
    with db.write() as session:
        session.add(
            AgentStateRow(seat="J-02", agent="李强", platform="110", state=state,
                          at=datetime.now(UTC))
        )  # fmt: skip


def _seen_within(watch: PgNotifications, seconds: float = 3.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if watch.changed():
            return True
        time.sleep(0.005)
    return False


def _quiet_for(watch: PgNotifications, seconds: float = 0.3) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if watch.changed():
            return False
        time.sleep(0.01)
    return True


def _listeners(db: Database) -> list[int]:
    with db.read() as session:
        return list(
            session.execute(
                text(
                    "SELECT pid FROM pg_stat_activity"
                    " WHERE application_name = :name AND datname = current_database()"
                ),
                {"name": APPLICATION_NAME},
            ).scalars()
        )


@pytest.fixture
def watch(db: Database) -> Iterator[PgNotifications]:
    watcher = watch_for(db.engine)
    assert isinstance(watcher, PgNotifications)
    yield watcher
    watcher.close()


@pytest.fixture
def other_seat(db: Database) -> Iterator[Database]:
    """Another console on the same database, with its own connections."""
    seat = Database.open(db.engine.url.render_as_string(hide_password=False))
    yield seat
    seat.dispose()


@on_postgres
def test_a_commit_by_another_seat_is_seen_once(
    watch: PgNotifications, other_seat: Database
) -> None:
    assert not watch.changed()
    _record_state(other_seat)
    assert _seen_within(watch)
    assert _quiet_for(watch)


@on_postgres
def test_several_commits_between_two_looks_are_seen_once(
    watch: PgNotifications, other_seat: Database
) -> None:
    for state in ("ready", "not_ready", "ready"):
        _record_state(other_seat, state)
    time.sleep(0.1)  # all three delivered before the next look
    assert watch.changed()
    assert _quiet_for(watch)


@on_postgres
def test_a_rolled_back_write_is_not_seen(
    watch: PgNotifications, other_seat: Database, db: Database
) -> None:
    with pytest.raises(Boom), other_seat.write() as session:
        session.add(
            AgentStateRow(seat="J-02", agent="李强", platform="110", state="ready",
                          at=datetime.now(UTC))
        )  # fmt: skip
        session.flush()
        raise Boom
    assert _quiet_for(watch, 0.5)
    with db.read() as session:  # it really was rolled back
        assert session.execute(select(func.count()).select_from(AgentStateRow)).scalar() == 0
    _record_state(other_seat)  # and the watcher was listening all along
    assert _seen_within(watch)


@on_postgres
def test_a_write_that_changed_nothing_is_not_seen(
    watch: PgNotifications, other_seat: Database
) -> None:
    with other_seat.write() as session:  # e.g. an alarm sweep with nothing due
        session.execute(select(func.count()).select_from(AgentStateRow))
    with other_seat.write():
        pass
    assert _quiet_for(watch, 0.5)


@on_postgres
def test_losing_the_listener_reads_again_and_recovers(
    watch: PgNotifications,
    other_seat: Database,
    db: Database,
    caplog: pytest.LogCaptureFixture,
) -> None:
    (listener,) = _listeners(db)
    with other_seat.write() as session:
        session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": listener})
    caplog.set_level(logging.WARNING, logger="console.store.changes")
    assert _seen_within(watch)  # lost: the seat re-reads, nothing raised into the timer
    deadline = time.monotonic() + 10
    while _listeners(db) in ([], [listener]):  # reconnecting in the background
        assert time.monotonic() < deadline, "the watcher did not reconnect"
        watch.changed()
        time.sleep(0.02)
    _seen_within(watch, 0.5)  # the "listening again" answer
    assert _quiet_for(watch)
    _record_state(other_seat)
    assert _seen_within(watch)
    assert _quiet_for(watch)
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]


def test_an_unreachable_server_neither_raises_nor_goes_quiet() -> None:
    with socket.socket() as s:  # a port nobody listens on: connections are refused at once
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    watch = PgNotifications(
        make_url(f"postgresql+psycopg://app@127.0.0.1:{port}/none"), retry_first_s=0.05
    )
    try:
        assert _seen_within(watch)  # each failed attempt re-reads, like the 10 s refresh
        assert _seen_within(watch)
    finally:
        watch.close()
    assert not watch.changed()


@on_postgres
def test_a_write_no_queue_shows_is_not_announced(
    watch: PgNotifications, other_seat: Database
) -> None:
    """A seat's agent-state record (most commits on a busy floor) makes no seat re-read."""
    from console.domain.agent_state import AgentState
    from console.domain.orders import Platform
    from console.services.seat import SeatStateService

    states = SeatStateService(other_seat, lambda: datetime.now(UTC), lead("李强", "J-02", Platform.POLICE))  # fmt: skip
    states.change(AgentState.READY)
    assert _quiet_for(watch, 0.5)
    _record_state(other_seat)  # an ordinary write still is
    assert _seen_within(watch)
