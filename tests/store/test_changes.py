"""Which watcher each database gets, and that a SQLite seat sees another seat's commit once
(PostgreSQL's LISTEN/NOTIFY against a real server is in test_changes_pg.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine

from console.domain.intake import Draft
from console.domain.orders import Platform
from console.services.orders import OrderService
from console.store.changes import ChangeWatch, watch_for
from console.store.engine import Database
from tests.principals import at_seat
from tests.waiting import wait_until


@pytest.fixture
def watch(sqlite_db: Database) -> Iterator[ChangeWatch]:
    made = watch_for(sqlite_db.engine)
    assert made is not None
    yield made
    made.close()


@pytest.fixture
def other_seat(sqlite_db: Database) -> Iterator[Database]:
    """Another console on the same database, with its own connections."""
    seat = Database.open(str(sqlite_db.engine.url))
    yield seat
    seat.dispose()


def test_a_commit_elsewhere_is_seen_once(watch: ChangeWatch, other_seat: Database) -> None:
    assert not watch.changed()
    OrderService(other_seat, lambda: datetime.now(UTC)).create(
        Draft(caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
              description="噪音扰民"),
        at_seat("张伟", "A-02", Platform.HOTLINE),
    )  # fmt: skip
    assert watch.changed()
    assert not watch.changed()


def test_an_in_memory_database_has_no_watcher() -> None:
    """No other seat can see it: the console falls back to its 10 s refresh."""
    engine = create_engine("sqlite://")
    assert watch_for(engine) is None
    engine.dispose()


@pytest.fixture
def unreachable() -> Iterator[ChangeWatch]:
    """A PostgreSQL watcher for a server that is not there (nothing listens on port 9)."""
    made = watch_for(create_engine("postgresql+psycopg://app@127.0.0.1:9/none"))
    assert made is not None
    yield made
    made.close()


def test_a_postgres_server_out_of_reach_means_reading_again_not_an_error(
    unreachable: ChangeWatch,
) -> None:
    """Notifications may have been missed: once its attempt to reconnect has failed, the
    watcher answers True (the seat re-reads, as a refresh would), and never raises."""
    wait_until(unreachable.changed, what="the watcher to say 'read again' after a failed attempt")
    assert not unreachable.changed()  # the next attempt waits its retry delay (0.5 s)
