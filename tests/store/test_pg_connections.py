"""A console holds at most two PostgreSQL connections: its pool of one and its change listener.

Seen from the server (pg_stat_activity, by the application names the console gives them) while
the console's database threads work at once, as a seat's do: the UI's write and read threads,
the alarm sweep and the audit writer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text

from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.services.queues import QueueKind, QueueQuery, QueueService
from console.store.changes import watch_for
from console.store.engine import APPLICATION_NAME, POOL_SIZE, Database, PoolTimeout, make_engine
from console.store.tables import AgentStateRow
from tests.principals import at_seat
from tests.waiting import wait_until

pytestmark = pytest.mark.postgres
on_postgres = pytest.mark.parametrize("db", ["postgres"], indirect=True)

HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
ROUNDS = 15  # per thread


def draft(n: int) -> Draft:
    return Draft(
        caller_phone=f"138{n:08d}", kind="C-TS", field="F-SH", district="210102",
        description="楼下烧烤店夜间噪音扰民", consent=True,
    )  # fmt: skip


def _console_connections(db: Database) -> Callable[[], int]:
    """Counts, from another connection, the server connections the console holds now."""
    admin = create_engine(db.engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    name = db.engine.url.database

    def count() -> int:
        with admin.connect() as conn:
            return int(
                conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = :db"
                        " AND application_name IN (:pool, 'console-changes')"
                    ),
                    {"db": name, "pool": APPLICATION_NAME},
                ).scalar_one()
            )

    count.dispose = admin.dispose  # type: ignore[attr-defined]
    return count


@on_postgres
def test_a_busy_console_never_holds_more_than_two_connections(db: Database) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    orders = OrderService(db, clock.now, load_site_policy(db), load_calendar())
    alarms = AlarmService(db, clock.now, "A-01")
    queues = QueueService(db, HOTLINE)
    mine = QueueQuery(QueueKind.MINE, seat="A-01", platform=Platform.HOTLINE)
    watch = watch_for(db.engine)
    assert watch is not None
    count = _console_connections(db)
    seen: list[int] = []
    failures: list[BaseException] = []
    done = threading.Event()

    def ui_write(i: int) -> None:
        orders.create(draft(i), HOTLINE)

    def ui_read(_i: int) -> None:
        queues.read_page(mine, None, 50)
        queues.count([mine])

    def alarm_sweep(_i: int) -> None:
        alarms.sweep()
        alarms.next_pending()

    def audit(_i: int) -> None:  # a seat event off the GUI thread (notify=False, as there)
        with db.write(notify=False) as session:
            session.add(AgentStateRow(seat="A-01", agent="王丽", platform="12345", state="ready",
                                      at=clock.now()))  # fmt: skip

    def run(work: Callable[[int], None]) -> None:
        try:
            for i in range(ROUNDS):
                work(i)
        except BaseException as exc:
            failures.append(exc)

    named = {"ui-write": ui_write, "ui-read": ui_read, "alarm-sweep": alarm_sweep, "audit": audit}
    threads = [threading.Thread(target=run, args=(w,), name=n) for n, w in named.items()]

    def sample() -> None:
        while not done.is_set():
            seen.append(count())
            watch.changed()  # the Qt thread polls the listener meanwhile

    sampler = threading.Thread(target=sample, name="sampler")
    sampler.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    done.set()
    sampler.join(timeout=10)
    seen.append(count())
    watch.close()
    count.dispose()  # type: ignore[attr-defined]
    assert failures == []
    assert POOL_SIZE == 1
    assert max(seen) == 2, f"connections seen: {sorted(set(seen))}"
    with db.read() as session:
        made = session.execute(text("SELECT count(*) FROM work_order")).scalar_one()
    assert made >= ROUNDS


@on_postgres
def test_a_thread_that_waits_too_long_is_told_who_held_the_connection(db: Database) -> None:
    url = db.engine.url.render_as_string(hide_password=False)
    short = Database(make_engine(url, pool_timeout=0.3))
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with short.read() as session:
            session.execute(text("SELECT 1"))
            holding.set()
            release.wait(timeout=30)

    caught: list[BaseException] = []

    def wait() -> None:
        try:
            with short.read() as session:
                session.execute(text("SELECT 1"))
        except BaseException as exc:
            caught.append(exc)

    holder = threading.Thread(target=hold, name="alarm-sweep_0")
    holder.start()
    wait_until(holding.is_set)
    waiter = threading.Thread(target=wait, name="ui-read_0")
    waiter.start()
    waiter.join(timeout=30)
    release.set()
    holder.join(timeout=30)
    short.dispose()
    assert len(caught) == 1 and isinstance(caught[0], PoolTimeout)
    said = str(caught[0])
    assert said.startswith("ui-read_0 waited 0 s for this console's database connection")
    assert "held all that time by alarm-sweep_0" in said
