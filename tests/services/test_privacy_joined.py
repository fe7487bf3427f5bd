"""The retention purge on both databases, for the callers kept beside an order: a duplicate
merged into another order (并单) closes with it and is purged after the cut-off unless it was
unmerged (拆单); the callers merged into a purged order (``order_caller``) and those told its
result (``caller_told``) are hashed with it, alike, and an order not due keeps its own."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from console.domain.orders import Action
from console.domain.phone import is_pseudonym
from console.scheduling.clock import FakeClock
from console.services.callers_told import CallersToldService
from console.services.duplicates import DuplicateService
from console.services.orders import OrderService
from console.services.privacy import PrivacyService
from console.store.engine import Database
from tests.duplicates.test_service import AGENT, draft
from tests.services.test_privacy import OLD, RECENT, callers, parts

BEFORE = date(2022, 1, 1)


def services(
    db: Database, clock: FakeClock
) -> tuple[OrderService, DuplicateService, PrivacyService]:
    orders, privacy, _trail = parts(db, clock)
    return orders, DuplicateService(db, clock.now, orders.writer, AGENT), privacy


def kept(db: Database) -> tuple[set[tuple[str, str | None]], set[tuple[str, str]]]:
    """Every (phone, name) of ``order_caller`` and (order number, phone) of ``caller_told``."""
    with db.read() as s:
        merged = {(r[0], r[1]) for r in s.execute(text("SELECT phone, name FROM order_caller"))}
        told = s.execute(text("SELECT o.number, t.phone FROM caller_told t "
                              "JOIN work_order o ON o.id = t.order_id"))  # fmt: skip
        return merged, {(r[0], r[1]) for r in told}


def closed_with_callers(orders: OrderService, dups: DuplicateService, told: CallersToldService,
                        phone: str) -> tuple[str, str]:  # fmt: skip
    """An order of ``phone`` with a duplicate merged into it and a caller joined at intake,
    every caller told, then completed; its number and the duplicate's."""
    number = orders.create(draft(phone, caller_name="张三"), AGENT).order.number
    dup = orders.create(draft(phone[:-1] + "9", caller_name="李四"), AGENT).order.number
    dups.merge(dup, number, "同一事项")
    dups.join(number, phone[:-1] + "8", "王五", "我也反映过")
    orders.act(number, Action.START_HANDLING, AGENT, seen=3)
    orders.act(number, Action.FEED_BACK, AGENT, "已处理", seen=4)
    for caller in told.to_tell(number).callers:
        assert told.mark_told(number, caller.phone)
    orders.act(number, Action.COMPLETE, AGENT, seen=5)
    return number, dup


def test_a_merged_duplicate_closed_before_the_cut_off_is_purged_an_unmerged_one_not(
    db: Database,
) -> None:
    clock = FakeClock(OLD)
    orders, dups, privacy = services(db, clock)
    into = orders.create(draft("13811110000"), AGENT).order.number  # stays open: not due
    merged = orders.create(draft("13822220000", caller_name="李四"), AGENT).order.number
    dups.merge(merged, into)
    unmerged = orders.create(draft("13833330000"), AGENT).order.number
    dups.merge(unmerged, into)
    dups.unmerge(unmerged, "并错了")  # an open order again
    closed_later = orders.create(draft("13844440000"), AGENT).order.number
    dups.merge(closed_later, into)
    dups.unmerge(closed_later, "并错了")
    clock.set(RECENT)
    orders.act(closed_later, Action.CANCEL, AGENT, "重复", seen=3)  # its last closing decides

    assert privacy.purge_count(BEFORE) == 1
    assert privacy.purge(BEFORE, by="admin") == 1
    after = callers(db)
    phone, name = after[merged]
    assert is_pseudonym(phone) and name is not None and is_pseudonym(name)
    assert after[unmerged][0] == "13833330000" and after[closed_later][0] == "13844440000"
    assert after[into][0] == "13811110000"
    # The open order it joined is not due: the merged caller stays on it as it was.
    assert kept(db)[0] == {("13822220000", "李四")}
    assert privacy.purge(BEFORE, by="admin") == 0
    assert privacy.purge(date(2026, 4, 1), by="admin") == 1  # closed_later, closed since
    assert is_pseudonym(callers(db)[closed_later][0])


def test_the_callers_merged_into_and_told_about_a_purged_order_are_hashed_alike(
    db: Database,
) -> None:
    clock = FakeClock(OLD)
    orders, dups, privacy = services(db, clock)
    told = CallersToldService(db, clock.now, AGENT)
    old, old_dup = closed_with_callers(orders, dups, told, "13811110000")
    clock.set(RECENT)
    recent, _ = closed_with_callers(orders, dups, told, "13911110000")
    recent_rows = (
        {("13911110009", "李四"), ("13911110008", "王五")},
        {(recent, p) for p in ("13911110000", "13911110009", "13911110008")},
    )

    assert privacy.purge(BEFORE, by="admin") == 2  # the order and its merged duplicate
    merged, told_rows = kept(db)
    hidden = merged - recent_rows[0]
    assert len(hidden) == 2 and all(is_pseudonym(p) and n and is_pseudonym(n) for p, n in hidden)
    assert recent_rows[0] <= merged and recent_rows[1] <= told_rows
    old_told = {p for n, p in told_rows if n == old}
    assert len(old_told) == 3 and all(is_pseudonym(p) for p in old_told)
    # Hashed as the orders' own callers are: the same number gives the same pseudonym.
    own, dup_phone = callers(db)[old][0], callers(db)[old_dup][0]
    assert {own, dup_phone} <= old_told and dup_phone in {p for p, _ in hidden}
    listed = told.to_tell(old)  # still every caller, each still told
    assert [c.phone for c in listed.callers][:2] == [own, dup_phone] and listed.told == 3

    assert privacy.purge(BEFORE, by="admin") == 0  # a re-run changes nothing
    assert kept(db) == (merged, told_rows)


def test_the_callers_of_an_order_left_for_the_next_run_are_left_with_it(db: Database) -> None:
    """The callers beside an order are written in its transaction, only where its own rewrite
    happened: its phone changed between the read and the write leaves them for the next run."""
    from console.services import privacy as service
    from console.store import privacy as repo

    clock = FakeClock(OLD)
    orders, dups, privacy = services(db, clock)
    told = CallersToldService(db, clock.now, AGENT)
    number, _dup = closed_with_callers(orders, dups, told, "13811110000")
    with db.read() as s:
        page = repo.due_page(s, service._instant(BEFORE), None, 10)
        joined = repo.joined(s, [r.id for r in page.rows])
    assert (len(joined.merged), len(joined.told)) == (2, 3)
    with db.write(notify=False) as s:  # a seat corrects the order's number meanwhile
        s.execute(text("UPDATE work_order SET caller_phone = '13700000000' WHERE number = :n"),
                  {"n": number})  # fmt: skip
    hidden = [repo.CallerRow(r.id, "~hashed", r.name) for r in page.rows]
    hide = [repo.JoinedRow(r.id, r.order_id, "~h" + r.phone, r.name) for r in joined.merged]
    hide_told = [repo.JoinedRow(r.id, r.order_id, "~h" + r.phone) for r in joined.told]
    with db.write(notify=False) as s:
        assert repo.replace_callers(s, page.rows, hidden) == 1  # the duplicate only
        phones = {h.id: h.phone for h in hidden}
        repo.replace_joined(s, joined, repo.Joined(hide, hide_told), phones)
    assert not any(is_pseudonym(p) for p, _ in kept(db)[0])
    assert not any(is_pseudonym(p) for _, p in kept(db)[1])
    assert privacy.purge(BEFORE, by="admin") == 1  # the corrected order, its callers with it
    assert all(is_pseudonym(p) for p, _ in kept(db)[0])
    assert all(is_pseudonym(p) for _, p in kept(db)[1])


def test_the_callers_left_by_an_earlier_purge_are_hashed_by_the_next(db: Database) -> None:
    """Purges before the callers went with their order rewrote the order alone: the next run
    finds those callers (the order's caller a pseudonym, closed before the cut-off) and hashes
    them alike, counted in its audit row; those of an order not due stay."""
    from console.domain.phone import pseudonymise
    from console.services.privacy import privacy_key
    from tests.services.test_privacy import audit_rows

    clock = FakeClock(OLD)
    orders, dups, privacy = services(db, clock)
    trail = parts(db, clock)[2]
    told = CallersToldService(db, clock.now, AGENT)
    number, dup = closed_with_callers(orders, dups, told, "13811110000")
    clock.set(RECENT)
    closed_with_callers(orders, dups, told, "13911110000")
    key = privacy_key(trail)
    with db.write(notify=False) as s:  # what such a purge left: the orders' callers hashed
        for n, phone in ((number, "13811110000"), (dup, "13811110009")):
            s.execute(text("UPDATE work_order SET caller_phone = :p WHERE number = :n"),
                      {"p": pseudonymise(key, phone), "n": n})  # fmt: skip
    assert privacy.purge_count(BEFORE) == 0 and privacy.stray_count(BEFORE) == 5
    assert privacy.purge(BEFORE, by="admin") == 0
    merged, told_rows = kept(db)
    assert sum(is_pseudonym(p) for p, _ in merged) == 2
    old_told = {p for n, p in told_rows if n == number}
    assert old_told == {pseudonymise(key, p) for p in ("13811110000", "13811110009", "13811110008")}
    assert sum(is_pseudonym(p) for _, p in told_rows) == 3
    assert audit_rows(db, "purge")[-1][2] == (
        "callers of 0 orders closed before 2022-01-01; "
        "5 callers merged into or told about orders purged earlier"
    )
    assert privacy.stray_count(BEFORE) == 0 and privacy.purge(BEFORE, by="admin") == 0
    assert kept(db) == (merged, told_rows)
