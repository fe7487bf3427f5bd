"""A database URL naming a primary and a standby: the console follows whichever takes writes.

The slow test starts two throwaway clusters, the second a synchronous streaming standby of the
first (``pg_basebackup -R``), writes orders through the services, kills the primary
(``-m immediate``: a power cut) and promotes the standby (``pg_ctl promote``), then shows that
writes work again, that every order committed before is there, that the change listener
reconnected to the new primary, and that the health the status bar shows went false, then true.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import cast

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import create_engine, text

from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.scheduling.alarms import AlarmScheduler
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.store.changes import watch_for
from console.store.engine import Database
from console.store.pg_changes import APPLICATION_NAME, PgNotifications
from console.store.pg_conninfo import parse_url
from console.store.setup import init_db
from tests.pg import Cluster, PgUnavailable, _free_port
from tests.principals import at_seat
from tests.waiting import wait_until

pytestmark = pytest.mark.postgres

HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
BACK_WITHIN_S = 10.0  # writes work again this soon after the promotion (measured: well under 1)


def draft(n: int) -> Draft:
    return Draft(
        caller_phone=f"139{n:08d}", kind="C-TS", field="F-SH", district="210102",
        description="小区供暖不热", consent=True,
    )  # fmt: skip


@pytest.fixture
def primary_and_standby() -> Iterator[tuple[Cluster, Cluster]]:
    """A primary with a migrated database and a synchronous streaming standby of it."""
    primary, standby = None, None
    try:
        primary = Cluster()
        primary.start()
        db, _ = init_db(f"postgresql+psycopg://app@127.0.0.1:{primary.port}/postgres")
        db.dispose()
        standby = Cluster()
        standby.start_standby_of(primary)
    except PgUnavailable as exc:
        for cluster in (primary, standby):
            if cluster is not None:
                with contextlib.suppress(PgUnavailable):
                    cluster.stop()
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs PostgreSQL (initdb, pg_basebackup) for fail-over: {exc}")
        pytest.skip(f"PostgreSQL is not installed here: {exc}")
    # Synchronous: a commit returns once the standby has it, so a fail-over loses none.
    admin = create_engine(primary.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("ALTER SYSTEM SET synchronous_standby_names = '*'"))
        conn.execute(text("SELECT pg_reload_conf()"))
        wait_until(
            lambda: conn.execute(
                text("SELECT 1 FROM pg_stat_replication WHERE sync_state = 'sync'")
            ).first(),
            timeout=30,
            what="the standby to stream synchronously",
        )
    admin.dispose()
    yield primary, standby
    for cluster in (primary, standby):
        with contextlib.suppress(PgUnavailable):  # the primary is down already
            cluster.stop()


def both(primary: Cluster, standby: Cluster) -> str:
    return f"postgresql+psycopg://app@127.0.0.1:{primary.port},127.0.0.1:{standby.port}/postgres"


def test_a_primary_and_standby_url_reaches_the_one_that_takes_writes(
    pg_cluster: Cluster | None,
) -> None:
    """Without the slow clusters: the first host refuses, the second is the primary."""
    if pg_cluster is None:
        pytest.skip("PostgreSQL is not installed here (CI=true makes this a failure)")
    nobody = _free_port()
    url = f"postgresql+psycopg://app@127.0.0.1:{nobody},127.0.0.1:{pg_cluster.port}/postgres"
    assert parse_url(url).query["target_session_attrs"] == "read-write"
    db = Database.open(url)
    watch = watch_for(db.engine)
    try:
        with db.write() as session:
            port = session.execute(text("SELECT inet_server_port()")).scalar_one()
            # A write the topics do not know (not a plain INSERT/UPDATE/DELETE of a listed
            # table): it takes a transaction id and notifies "everything". A read-only write()
            # notifies nobody, since the NOTIFY payloads name what changed.
            session.execute(text("CREATE TEMP TABLE probe (x int) ON COMMIT DROP"))
        assert port == pg_cluster.port
        wait_until(watch.changed if watch is not None else bool, what="the listener to hear it")
    finally:
        if watch is not None:
            watch.close()
        db.dispose()


@pytest.mark.slow
def test_seats_keep_working_after_the_standby_is_promoted(
    primary_and_standby: tuple[Cluster, Cluster], qloop: object
) -> None:
    primary, standby = primary_and_standby
    url = both(primary, standby)
    db, other_seat = Database.open(url), Database.open(url)
    clock = FakeClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    policy, calendar = load_site_policy(db), load_calendar()
    orders = OrderService(db, clock.now, policy, calendar)
    others = OrderService(other_seat, clock.now, policy, calendar)
    health: list[bool] = []
    executor = ThreadPoolExecutor(1, thread_name_prefix="alarm-sweep")
    loop = cast(
        asyncio.AbstractEventLoop, qloop
    )  # the alarm sweep feeds the status bar's "connected" through on_health
    sweeps = AlarmScheduler(
        AsyncIOScheduler(event_loop=loop, timezone=UTC), AlarmService(db, clock.now, "A-01"),
        clock, executor, lambda _raised: None, on_health=health.append,
    )  # fmt: skip
    watch = watch_for(db.engine)
    assert isinstance(watch, PgNotifications)
    try:
        before = [orders.create(draft(n), HOTLINE).order.number for n in range(20)]
        loop.run_until_complete(sweeps.sweep_now())
        assert health == [True]

        primary.crash()
        crashed = time.monotonic()
        loop.run_until_complete(sweeps.sweep_now())
        assert health == [True, False]  # the status bar: "Database unreachable"
        assert watch.changed()  # lost: re-read, since notifications may be missed

        standby.promote()
        promoted = time.monotonic()

        def write_once() -> str | None:
            watch.changed()  # the Qt thread keeps polling the listener meanwhile
            try:
                return orders.create(draft(99), HOTLINE).order.number
            except Exception:
                return None

        after = wait_until(write_once, timeout=BACK_WITHIN_S, what="a write after promotion")
        back = time.monotonic()
        loop.run_until_complete(sweeps.sweep_now())
        assert health == [True, False, True]  # the status bar: connected again

        with db.read() as session:
            port = session.execute(text("SELECT inet_server_port()")).scalar_one()
            kept = set(session.execute(text("SELECT number FROM work_order")).scalars())
        assert port == standby.port
        assert set(before) <= kept and after in kept  # nothing committed before is lost

        listeners = text("SELECT 1 FROM pg_stat_activity WHERE application_name = :name")

        def listening_on_new_primary() -> bool:
            watch.changed()
            with db.read() as session:
                return bool(session.execute(listeners, {"name": APPLICATION_NAME}).first())

        wait_until(listening_on_new_primary, timeout=15, what="the listener on the new primary")
        listening = time.monotonic()
        while watch.changed():  # what the reconnect itself says
            pass
        others.create(draft(100), HOTLINE)  # another seat's commit reaches this one
        wait_until(watch.changed, what="the other seat's commit through the new listener")
        print(
            f"\nfail-over: writes back {back - promoted:.2f} s after promote "
            f"({back - crashed:.2f} s after the crash); listener back "
            f"{listening - promoted:.2f} s after promote"
        )
    finally:
        watch.close()
        executor.shutdown(wait=True)
        db.dispose()
        other_seat.dispose()
