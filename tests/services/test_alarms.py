"""Deadlines from the site policy become alarm rows; each level is raised once, at its instant.

A controllable clock stands in for time: nothing here sleeps.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from console.domain.alarm_levels import AlarmLevel
from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmInputError, AlarmService, load_site_policy
from console.services.orders import OrderService
from console.store.engine import Database
from tests.principals import at_seat, lead

CHINA = ZoneInfo("Asia/Shanghai")
HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
POLICE = at_seat("李强", "J-07", Platform.POLICE)


def china(*args: int) -> datetime:
    return datetime(*args, tzinfo=CHINA).astimezone(UTC)  # type: ignore[misc]


def draft(**over: object) -> Draft:
    values: dict[str, object] = dict(
        caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
        description="楼下烧烤店夜间噪音扰民", consent=True,
    )  # fmt: skip
    values.update(over)
    return Draft(**values)  # type: ignore[arg-type]


def services(
    db: Database, clock: FakeClock, seat: str = "A-01"
) -> tuple[OrderService, AlarmService]:
    policy = load_site_policy(db)
    return OrderService(db, clock.now, policy, load_calendar()), AlarmService(db, clock.now, seat)


def pending_instants(db: Database, deadline: str) -> dict[str, datetime]:
    with db.read() as s:
        rows = s.execute(
            text("SELECT level, fires_at FROM alarm WHERE deadline = :d AND resolved_at IS NULL"),
            {"d": deadline},
        ).all()
    return {r[0]: datetime.fromisoformat(str(r[1])).replace(tzinfo=UTC) for r in rows}


def test_each_level_fires_once_at_its_instant(db: Database) -> None:
    clock = FakeClock(china(2026, 11, 23, 10, 0))  # a Monday
    orders, alarms = services(db, clock)
    made = orders.create(draft(), HOTLINE)
    due = made.order.deadlines.feedback
    assert due == china(2026, 11, 26, 23, 59, 59)  # 3 working days, Mon → Thu
    instants = pending_instants(db, "feedback")
    assert set(instants) == {"warning", "due", "overdue"}
    for level in ("warning", "due", "overdue"):
        clock.set(instants[level] - timedelta(seconds=1))
        assert [a for a in alarms.sweep() if a.deadline == "feedback"] == []
        clock.set(instants[level])
        fired = [a for a in alarms.sweep() if a.deadline == "feedback"]
        assert [a.level.value for a in fired] == [level]
        assert alarms.sweep() == [] or all(a.deadline != "feedback" for a in alarms.sweep())


def test_no_warning_on_a_national_day_holiday(db: Database) -> None:
    clock = FakeClock(china(2026, 9, 30, 10, 0))  # the eve of National Day 2026
    orders, _ = services(db, clock)
    made = orders.create(draft(), HOTLINE)
    # 10月1日–7日 rest; 8, 9 (Thu, Fri) and the make-up Saturday 10月10日 are working days.
    assert made.order.deadlines.feedback == china(2026, 10, 10, 23, 59, 59)
    warning = pending_instants(db, "feedback")["warning"].astimezone(CHINA)
    assert load_calendar().is_working_day(warning.date()), warning
    assert warning.date().day in (8, 9, 10), warning


def test_transfer_starts_fresh_receiver_clocks_and_met_deadlines_resolve(db: Database) -> None:
    clock = FakeClock(china(2026, 11, 23, 10, 0))
    orders, alarms = services(db, clock)
    made = orders.create(draft(), HOTLINE)
    origin_feedback = made.order.deadlines.feedback
    clock.advance(86_400)  # transferred the next working day
    moved = orders.act(made.order.number, Action.TRANSFER, HOTLINE, "涉嫌违法犯罪", seen=1)
    assert moved.order.deadlines.sign_for is not None
    assert moved.order.deadlines.feedback != origin_feedback
    with db.read() as s:
        keys = [r[0] for r in s.execute(text("SELECT key FROM alarm WHERE resolved_at IS NULL"))]
    # The origin's feedback clock keeps running beside the receiver's fresh one.
    assert sum(":feedback:" in k for k in keys) == 6
    assert sum(":sign_for:" in k for k in keys) == 3
    orders.act(made.order.number, Action.SIGN_FOR, POLICE, seen=2)
    assert pending_instants(db, "sign_for") == {}
    orders.act(made.order.number, Action.START_HANDLING, POLICE, seen=3)
    orders.act(made.order.number, Action.FEED_BACK, POLICE, "已处置", seen=4)
    assert pending_instants(db, "feedback") == {}
    clock.advance(30 * 86_400)
    assert {a.deadline for a in alarms.sweep()} == {"completion"}  # only the one not yet met


def test_a_returned_order_gets_a_fresh_clock_not_a_burst(db: Database) -> None:
    clock = FakeClock(china(2026, 11, 23, 10, 0))
    orders, alarms = services(db, clock)
    made = orders.create(draft(), HOTLINE)
    orders.act(made.order.number, Action.START_HANDLING, HOTLINE, seen=1)
    orders.act(made.order.number, Action.FEED_BACK, HOTLINE, "已答复", seen=2)
    clock.advance(20 * 86_400)  # every original deadline has long passed
    orders.act(made.order.number, Action.RETURN, HOTLINE, "群众不满意，重新办理", seen=3)
    assert alarms.sweep() == []  # the old clock's rows were resolved, the new ones lie ahead


def test_two_consoles_on_one_database_never_raise_twice(db: Database) -> None:
    clock = FakeClock(china(2026, 11, 23, 10, 0))
    orders, _ = services(db, clock)
    for _ in range(30):
        orders.create(draft(), HOTLINE)
    clock.advance(40 * 86_400)
    consoles = [AlarmService(db, clock.now, f"A-0{n}") for n in (1, 2)]
    results: list[list[object]] = [[], []]

    def sweep(n: int) -> None:
        for _ in range(5):
            results[n].extend(consoles[n].sweep(limit=7))

    threads = [threading.Thread(target=sweep, args=(n,)) for n in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ids = [a.id for batch in results for a in batch]  # type: ignore[attr-defined]
    assert len(ids) == len(set(ids)) == 30 * 6  # 2 deadlines × 3 levels each, once


def test_restart_with_pending_alarms_raises_each_once(db: Database, tmp_path: object) -> None:
    clock = FakeClock(china(2026, 11, 23, 10, 0))
    orders, _ = services(db, clock)
    for _ in range(17):  # 17 orders × 6 rows > 100 pending alarms
        orders.create(draft(), HOTLINE)
    clock.advance(40 * 86_400)
    # "Restart": a new engine and service over the same database.
    again = Database(db.engine.execution_options())
    fired = AlarmService(again, clock.now, "A-01").sweep()
    assert len(fired) == 102 and len({a.id for a in fired}) == 102
    assert AlarmService(again, clock.now, "A-01").sweep() == []


def test_acknowledge_and_escalate_need_their_text(db: Database) -> None:
    clock = FakeClock(china(2026, 11, 23, 10, 0))
    orders, alarms = services(db, clock)
    orders.create(draft(), HOTLINE)
    clock.advance(40 * 86_400)
    alarms.sweep()
    first = alarms.open_alarms()[0]
    with pytest.raises(AlarmInputError) as refused:
        alarms.acknowledge(first.id, lead("值班长", "A-01", Platform.HOTLINE), "  ")
    assert refused.value.code == "ack_needs_note"
    with pytest.raises(AlarmInputError) as refused:
        alarms.escalate(first.id, lead("值班长", "A-01", Platform.HOTLINE), "")
    assert refused.value.code == "escalation_needs_person"
    alarms.acknowledge(first.id, lead("值班长", "A-01", Platform.HOTLINE), "已电话催办")
    alarms.escalate(first.id, lead("值班长", "A-01", Platform.HOTLINE), "张科长")
    shown = {a.id: a for a in alarms.open_alarms()}[first.id]
    assert (shown.acknowledged_by, shown.ack_note, shown.escalated_to) == (
        "值班长", "已电话催办", "张科长"
    )  # fmt: skip
    assert {a.level for a in alarms.open_alarms(level=AlarmLevel.OVERDUE)} == {AlarmLevel.OVERDUE}


def test_open_alarms_carry_the_seat_of_the_orders_latest_step(db: Database) -> None:
    clock = FakeClock(china(2026, 11, 23, 10, 0))
    orders, alarms = services(db, clock)
    hotline = orders.create(draft(), HOTLINE).order.number
    police = orders.create(draft(kind="P-ZA", field=""), POLICE).order.number
    clock.advance(40 * 86_400)
    alarms.sweep()
    seats = {(a.number, a.seat) for a in alarms.open_alarms()}
    assert seats == {(hotline, "A-01"), (police, "J-07")}  # 经办坐席: who created them
    orders.act(hotline, Action.START_HANDLING, at_seat("赵敏", "A-02", Platform.HOTLINE), seen=1)
    seats = {(a.number, a.seat) for a in alarms.open_alarms()}
    assert seats == {(hotline, "A-02"), (police, "J-07")}  # another seat took it on
