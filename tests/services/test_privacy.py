"""Personal data on both databases: a reveal needs a reason and is audited; the retention purge
replaces the callers of orders closed before the cut-off with a keyed hash, once, audited, and
a purged caller who rings again still finds the old orders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from sqlmodel import Session

from console.domain.calendar import load_calendar
from console.domain.orders import Action
from console.domain.phone import is_pseudonym
from console.domain.refusals import Refused
from console.scheduling.clock import FakeClock
from console.services.alarms import load_site_policy
from console.services.audit import AuditTrail, verify_trail
from console.services.orders import OrderService
from console.services.privacy import PrivacyService, cutoff_for
from console.services.screen_pop import ScreenPopService
from console.store.engine import Database
from console.store.orders import UnknownOrder
from tests.services.test_transfer import A01, draft
from tests.statements import executed

KEY = bytes(range(32))
OLD = datetime(2021, 3, 1, 2, 0, tzinfo=UTC)
RECENT = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)


def parts(db: Database, clock: FakeClock) -> tuple[OrderService, PrivacyService, AuditTrail]:
    trail = AuditTrail(KEY, clock.now)
    orders = OrderService(db, clock.now, load_site_policy(db), load_calendar(), audit=trail)
    return orders, PrivacyService(db, trail, seat="A-01"), trail


def audit_rows(db: Database, action: str) -> list[tuple[str, str, str]]:
    with db.read() as s:
        rows = s.execute(
            text("SELECT who, target, detail FROM audit WHERE action = :a ORDER BY seq"),
            {"a": action},
        )
        return [(r[0], r[1], r[2]) for r in rows]


def callers(db: Database) -> dict[str, tuple[str, str | None]]:
    with db.read() as s:
        rows = s.execute(text("SELECT number, caller_phone, caller_name FROM work_order"))
        return {r[0]: (r[1], r[2]) for r in rows}


def test_a_reveal_needs_a_reason_and_is_audited(db: Database) -> None:
    clock = FakeClock(RECENT)
    orders, privacy, _ = parts(db, clock)
    number = orders.create(draft(caller_name="张三丰"), A01).order.number
    for blank in ("", "   "):
        with pytest.raises(Refused) as refused:
            privacy.reveal(number, blank, by="王丽")
        assert refused.value.code == "reveal_needs_reason"
    with pytest.raises(UnknownOrder):
        privacy.reveal("12345-20260301-999999", "回访", by="王丽")
    assert audit_rows(db, "reveal_personal_data") == []
    shown = privacy.reveal(number, " 回访 13812345678 核实 ", by="王丽")
    assert (shown.phone, shown.name) == ("13812345678", "张三丰")
    # the reason is recorded, a number typed into it masked
    assert audit_rows(db, "reveal_personal_data") == [("王丽", number, "回访 138****5678 核实")]


def test_the_purge_hashes_callers_of_orders_closed_before_the_cut_off_once(db: Database) -> None:
    clock = FakeClock(OLD)
    orders, privacy, trail = parts(db, clock)
    old = orders.create(draft(caller_name="张三"), A01).order.number
    orders.act(old, Action.CANCEL, A01, "重复", seen=1)
    still_open = orders.create(draft(caller_phone="13900001111", caller_name="李四"), A01)
    clock.set(RECENT)
    recent = orders.create(draft(caller_name="张三"), A01).order.number
    orders.act(recent, Action.CANCEL, A01, "重复", seen=1)
    before = date(2022, 1, 1)
    assert privacy.purge_count(before) == 1

    assert privacy.purge(before, by="admin") == 1
    after = callers(db)
    phone, name = after[old]
    assert is_pseudonym(phone) and name is not None and is_pseudonym(name)
    assert "13812345678" not in phone and "张三" not in name
    assert after[recent] == ("13812345678", "张三")
    assert after[still_open.order.number] == ("13900001111", "李四")
    assert audit_rows(db, "purge") == [
        ("admin", "work_order", "callers of 1 orders closed before 2022-01-01")
    ]
    assert privacy.purge_count(before) == 0 and privacy.purge(before, by="admin") == 0
    assert callers(db)[old] == (phone, name)  # the same hash: nothing hashed twice
    assert verify_trail(db, KEY).broken is None

    # The same number calling again still finds its purged order, however it is spelled.
    found = [s.number for s in orders.caller_history("+86 138 1234 5678")]
    assert sorted(found) == sorted([old, recent])
    pop = ScreenPopService(db, clock.now, A01, forms=orders.caller_forms).pop("13812345678")
    assert {s.number for s in pop.history} == {old, recent}
    assert trail.key_id  # the pseudonyms' key is derived from the site key, not stored
    other = OrderService(db, clock.now, audit=AuditTrail(bytes(32), clock.now))
    assert [s.number for s in other.caller_history("13812345678")] == [recent]


def test_the_purge_works_in_batches_and_resumes(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import console.services.privacy as service

    monkeypatch.setattr(service, "BATCH", 2)
    clock = FakeClock(OLD)
    orders, privacy, _ = parts(db, clock)
    numbers = []
    for n in range(5):
        number = orders.create(draft(caller_phone=f"1380000000{n}"), A01).order.number
        orders.act(number, Action.CANCEL, A01, "重复", seen=1)
        numbers.append(number)
    seen: list[int] = []
    assert privacy.purge(date(2022, 1, 1), by="admin", progress=seen.append) == 5
    assert seen == [2, 4, 5]
    assert all(is_pseudonym(callers(db)[n][0]) for n in numbers)


@pytest.mark.parametrize(
    ("today", "months", "cutoff"),
    [(date(2026, 12, 4), 36, date(2023, 12, 4)), (date(2026, 3, 31), 1, date(2026, 2, 28)),
     (date(2026, 1, 15), 13, date(2024, 12, 15))],
)  # fmt: skip
def test_the_cut_off_is_retention_months_before_today(
    today: date, months: int, cutoff: date
) -> None:
    assert cutoff_for(today, months) == cutoff


def test_an_order_closed_after_the_cut_off_waits_though_created_before(db: Database) -> None:
    """The purge finds orders by their creation up to the cut-off, then checks when they
    closed: one created before the cut-off but closed after it is not due yet."""
    clock = FakeClock(OLD)
    orders, privacy, _ = parts(db, clock)
    late = orders.create(draft(caller_name="王五"), A01).order.number
    clock.set(RECENT)
    orders.act(late, Action.CANCEL, A01, "重复", seen=1)
    assert privacy.purge_count(date(2022, 1, 1)) == 0
    assert privacy.purge(date(2022, 1, 1), by="admin") == 0
    assert callers(db)[late] == ("13812345678", "王五")
    assert privacy.purge(date(2026, 4, 1), by="admin") == 1
    assert is_pseudonym(callers(db)[late][0])


def test_a_phone_changed_between_read_and_write_is_left_for_the_next_run(db: Database) -> None:
    """A page is read (and hashed) outside the write lock: an order whose phone changed in
    between is not overwritten with the old phone's hash, and the next page goes on past it."""
    from console.services import privacy as service
    from console.store import privacy as repo

    clock = FakeClock(OLD)
    orders, privacy, _ = parts(db, clock)
    numbers = []
    for n in range(3):
        clock.set(OLD.replace(minute=n))
        number = orders.create(draft(caller_phone=f"1390000000{n}"), A01).order.number
        orders.act(number, Action.CANCEL, A01, "重复", seen=1)
        numbers.append(number)
    cutoff = service._instant(date(2022, 1, 1))
    with db.read() as s:
        first = repo.due_page(s, cutoff, None, 2)
    assert [r.phone for r in first.rows] == ["13900000000", "13900000001"]
    with db.write(notify=False) as s:  # a seat corrects the first caller's number meanwhile
        s.execute(text("UPDATE work_order SET caller_phone = '13700000000' WHERE number = :n"),
                  {"n": numbers[0]})  # fmt: skip
    hidden = [repo.CallerRow(r.id, "~hashed", r.name) for r in first.rows]
    with db.write(notify=False) as s:
        assert repo.replace_callers(s, first.rows, hidden) == 1
    with db.read() as s:
        rest = repo.due_page(s, cutoff, first.last, 2)
    assert [r.phone for r in rest.rows] == ["13900000002"]
    assert callers(db)[numbers[0]][0] == "13700000000"
    assert privacy.purge_count(date(2022, 1, 1)) == 2  # the corrected one and the third
    assert privacy.purge(date(2022, 1, 1), by="admin") == 2
    assert all(is_pseudonym(p) for p, _ in callers(db).values())


def test_the_due_orders_are_read_from_the_purge_index(db: Database) -> None:
    """The first page, a later page and the count are served by ``ix_work_order_purge``
    (migration 0030), so a purge reads the orders still due rather than walking every order:
    the index's WHERE text and the query's must agree, or SQLite ignores the index. PostgreSQL
    is told to avoid table scans, which on a test's few rows it would rather do."""
    from console.store import privacy as repo

    cutoff = datetime(2021, 12, 31, 16, tzinfo=UTC)
    plans = [
        _plan(db, lambda s: repo.due_page(s, cutoff, None, 10)),
        _plan(db, lambda s: repo.due_page(s, cutoff, (OLD, 1), 10)),
        _plan(db, lambda s: repo.count_due(s, cutoff)),
    ]
    for plan in plans:
        assert "ix_work_order_purge" in plan, plan
        assert "SCAN o" not in plan and "Seq Scan" not in plan, plan


def _plan(db: Database, run: Callable[[Session], object]) -> str:
    """The plan of the one statement ``run`` executes, with the values it bound."""
    statement, parameters = executed(db, run, "work_order")
    with db.engine.connect() as conn, conn.begin():
        if db.engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            return "\n".join(str(r[-1]) for r in rows)
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        rows = conn.exec_driver_sql(f"EXPLAIN {statement}", parameters).all()
        return "\n".join(str(r[0]) for r in rows)


def test_the_purge_index_spells_the_closed_statuses_and_the_pseudonym_mark() -> None:
    """Migration 0030's WHERE is literal SQL: it must still mean closed and not yet purged."""
    from console.domain.order_types import TERMINAL
    from console.domain.phone import PSEUDONYM
    from console.store.tables import PURGEABLE_SQL

    closed = ", ".join(f"'{s.value}'" for s in sorted(TERMINAL))
    assert f"status IN ({closed}) AND caller_phone NOT LIKE '{PSEUDONYM}%'" == PURGEABLE_SQL
