"""Personal data on both databases: a reveal needs a reason and is audited; the retention purge
replaces the callers of orders closed before the cut-off with a keyed hash, once, audited, and
a purged caller who rings again still finds the old orders."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

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
