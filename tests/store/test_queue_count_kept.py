"""The queue totals kept by the database (migration 0026) equal a recount after every kind of
write: demo data, intake and each step (transfer, sign-for, feedback, 办结, return, cancel),
the exchange receiver's batch of the peer's transfers, orders import, raw updates and a split's
delete; on PostgreSQL also with seats writing at once, and after the gone backends' rows are
folded together."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from console.__main__ import main
from console.demo.load import load_demo_data
from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.services.alarms import load_site_policy
from console.services.order_writer import OrderWriter
from console.services.orders import OrderService
from console.store import exchange_split, queue_counts
from console.store import orders as repo
from console.store.engine import Database
from console.store.queues import QueueKind, QueueQuery, count_queues
from tests.principals import at_seat
from tests.store.kept_counts import assert_kept

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
A02 = at_seat("张伟", "A-02", Platform.HOTLINE)
J07 = at_seat("李强", "J-07", Platform.POLICE)
SAMPLE = Path(__file__).resolve().parents[2] / "db" / "seed" / "orders-sample.csv"


def service(db: Database) -> OrderService:
    return OrderService(db, lambda: datetime.now(UTC), load_site_policy(db), load_calendar())


def draft(n: int) -> Draft:
    return Draft(caller_phone=f"1381234{n:04d}", kind="C-TS", field="F-SH", district="210102",
                 description=f"小区门口噪音扰民 {n}", consent=True)  # fmt: skip


def step(orders: OrderService, number: str, action: Action, by: object, note: str = "") -> None:
    seen = len(orders.get(number).order.timeline)
    orders.act(number, action, by, note, seen=seen)  # type: ignore[arg-type]


def rows_counted(db: Database, where: str, **values: str) -> int:
    with db.read() as s:
        found = s.execute(text(f"SELECT count(*) FROM work_order WHERE {where}"), values)
        return int(found.scalar_one())


def test_kept_totals_equal_a_recount_after_a_mixed_workload(db: Database) -> None:
    load_demo_data(db, 120, seed=5, until=date(2026, 11, 26), calendar=load_calendar())
    assert_kept(db)
    orders = service(db)
    made = [orders.create(draft(n), A01 if n % 2 else A02).order.number for n in range(12)]
    assert_kept(db)
    for number in made[:8]:  # 12345 → 110: owner, status and seat change together
        orders.transfers.transfer(number, A01, "涉嫌违法", key=f"k-{number}")
    for number in made[:6]:
        step(orders, number, Action.SIGN_FOR, J07)
    for number in made[:4]:
        step(orders, number, Action.START_HANDLING, J07)
        step(orders, number, Action.FEED_BACK, J07, "已出警")
    step(orders, made[0], Action.COMPLETE, A01, "群众满意")
    step(orders, made[1], Action.RETURN, A01, "请补充处置结果")
    step(orders, made[6], Action.RETURN, J07, "非警务事项")
    step(orders, made[10], Action.START_HANDLING, A02)
    step(orders, made[11], Action.CANCEL, A01, "重复来电")
    assert_kept(db)
    # The exchange receiver's batch: the peer's transfers written together (add_remotes).
    sent = [orders.get(n).order for n in made[2:5]]
    copies = [replace(o, number=f"{o.number}-P") for o in sent]
    writer = OrderWriter(load_site_policy(db), load_calendar())
    with db.write() as session:
        writer.add_remotes(session, copies, "LN-12345")
    assert_kept(db)
    # Orders import (its own bulk INSERT) and raw updates behind the writer's back.
    url = db.engine.url.render_as_string(hide_password=False)
    assert main(["--db", url, "--lang", "en", "orders", "import", str(SAMPLE)]) == 0
    with db.write() as session:
        session.execute(text("UPDATE work_order SET seat = 'A-09' WHERE id % 7 = 0"))
        session.execute(text("UPDATE work_order SET status = 'fed_back' WHERE id % 11 = 0"))
        session.execute(text("UPDATE work_order SET caller_name = NULL WHERE id % 3 = 0"))
    assert_kept(db)
    # A split's delete of the orders moved to the other platform's own database.
    with db.read() as session:
        gone = [repo.get(session, n).id for n in made[5:9]]
    with db.write() as session:
        exchange_split.remove_orders(session, gone)
    assert_kept(db)
    # And the tabs read them as the rows say.
    queries = [
        QueueQuery(QueueKind.MINE, platform=Platform.HOTLINE, seat="A-01"),
        QueueQuery(QueueKind.MINE, seat="A-09"),
        QueueQuery(QueueKind.PLATFORM_OPEN, platform=Platform.POLICE),
        QueueQuery(QueueKind.AWAITING_SIGN_FOR, platform=Platform.POLICE),
        QueueQuery(QueueKind.ALL),
    ]
    open_ = "status NOT IN ('completed', 'cancelled')"
    assert count_queues(db, queries) == [
        rows_counted(db, f"seat = 'A-01' AND {open_}")
        + rows_counted(db, "origin = '12345' AND status = 'fed_back' "
                           "AND (seat IS NULL OR seat <> 'A-01')"),
        rows_counted(db, f"seat = 'A-09' AND {open_}"),
        rows_counted(db, f"owner = '110' AND {open_}"),
        rows_counted(db, "owner = '110' AND status = 'transferred'"),
        rows_counted(db, "1 = 1"),
    ]  # fmt: skip


@pytest.mark.postgres
@pytest.mark.parametrize("db", ["postgres"], indirect=True)  # SQLite writes one at a time
def test_seats_writing_at_once_neither_wait_nor_miscount(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = db.engine.url.render_as_string(hide_password=False)
    seeded = service(db)
    first = [seeded.create(draft(n), A01).order.number for n in range(4)]
    errors: list[BaseException] = []

    def seat(n: int, number: str) -> None:  # each its own console: its own engine, backends
        other = Database.open(url)
        try:
            orders = service(other)
            for i in range(6):
                made = orders.create(draft(100 * n + i), A02 if n % 2 else A01).order.number
                orders.transfers.transfer(made, A01, "涉嫌违法", key=f"k-{made}")
                step(orders, made, Action.SIGN_FOR, J07)
            step(orders, number, Action.START_HANDLING, A01)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            other.dispose()

    threads = [threading.Thread(target=seat, args=(n, first[n])) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert_kept(db)
    with db.read() as session:
        before, rows = queue_counts.read(session)
        parts = session.execute(text("SELECT count(DISTINCT part) FROM queue_count")).scalar()
    assert int(parts or 0) > 2  # the backfill's part 0, and rows of the seats' backends
    monkeypatch.setattr(queue_counts, "COMPACT_AT", 0)
    count_queues(db, [QueueQuery(QueueKind.ALL)])  # the seats' backends are gone: folded
    with db.read() as session:
        after, folded = queue_counts.read(session)
        live = {int(p) for (p,) in session.execute(text("SELECT DISTINCT part FROM queue_count"))}
    assert +after == +before and folded < rows
    assert live <= {0} | _pids(db)
    assert_kept(db)


def _pids(db: Database) -> set[int]:
    with db.read() as session:
        return {int(p) for (p,) in session.execute(text("SELECT pid FROM pg_stat_activity"))}
