"""The big-site layout (docs/postgresql.md): each console's pool goes through PgBouncer in
transaction mode, its change listener straight to the server (``[database] listen_url``), since
transaction pooling drops LISTEN. A seat's commit through PgBouncer reaches the other seat's
listener.

Skipped where ``pgbouncer`` is not installed; under CI=true that is a failure (.ci/run installs
the Debian package ``pgbouncer``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.scheduling.clock import FakeClock
from console.services.alarms import load_site_policy
from console.services.orders import OrderService
from console.store.changes import watch_for
from console.store.engine import Database
from tests.pg import Cluster, PgBouncer, PgUnavailable
from tests.principals import at_seat
from tests.waiting import wait_until

pytestmark = pytest.mark.postgres
on_postgres = pytest.mark.parametrize("db", ["postgres"], indirect=True)

HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)


@pytest.fixture
def bouncer(pg_cluster: Cluster | None) -> Iterator[PgBouncer]:
    if pg_cluster is None:
        pytest.skip("PostgreSQL is not installed here (CI=true makes this a failure)")
    try:
        bouncer = PgBouncer(pg_cluster)
    except PgUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs pgbouncer for the transaction-pooling layout: {exc}")
        pytest.skip(str(exc))
    yield bouncer
    bouncer.stop()


def _through(bouncer: PgBouncer, database: str) -> Database:
    """A console's database through PgBouncer (1.18 here: no prepared statements, so
    ``prepare_threshold=none``), once it answers (it starts in the background)."""

    def opened() -> Database | None:
        db = Database.open(bouncer.url(database) + "?prepare_threshold=none")
        try:
            with db.read() as session:
                session.execute(text("SELECT 1"))
        except Exception:
            db.dispose()
            return None
        return db

    return wait_until(opened, timeout=10, what=lambda: "PgBouncer to answer: " + bouncer.log())


@on_postgres
def test_pool_through_pgbouncer_listener_direct_a_change_reaches_the_other_seat(
    db: Database, bouncer: PgBouncer
) -> None:
    name = db.engine.url.database or ""
    direct = db.engine.url.render_as_string(hide_password=False)
    seat_a, seat_b = _through(bouncer, name), _through(bouncer, name)
    # Seat B listens the way listen_url says: straight to the server.
    watch = watch_for(seat_b.engine, direct)
    assert watch is not None
    try:
        clock = FakeClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
        policy, calendar = load_site_policy(seat_a), load_calendar()
        orders = [OrderService(s, clock.now, policy, calendar) for s in (seat_a, seat_b)]
        for n in range(12):  # both seats in turn, past psycopg's default prepare threshold (5)
            made = orders[n % 2].create(
                Draft(caller_phone=f"1381234{n:04d}", kind="C-TS", field="F-SH",
                      district="210102", description="夜间施工噪音", consent=True),
                HOTLINE,
            )  # fmt: skip
        wait_until(watch.changed, what="seat B's listener to hear the seats' commits")
        with seat_b.read() as session:  # and B reads it back through PgBouncer
            number = session.execute(
                text("SELECT number FROM work_order WHERE number = :n"), {"n": made.order.number}
            ).scalar_one()
        assert number == made.order.number
        with db.read() as session:  # the listener is on the server, PgBouncer's pool beside it
            apps = session.execute(
                text("SELECT application_name FROM pg_stat_activity WHERE datname = :d"),
                {"d": name},
            ).scalars()
            assert "console-changes" in set(apps)
    finally:
        watch.close()
        seat_a.dispose()
        seat_b.dispose()
