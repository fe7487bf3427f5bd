"""Reports: the roll-up kept in the order steps' transactions equals a recount of the timeline
after random order activity, and every report figure equals a direct count over the same rows
(SQLite and PostgreSQL)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlmodel import col

from console.domain.calendar import load_calendar
from console.domain.order_types import Platform
from console.domain.orders import (
    Action,
    FirstContactMode,
    Status,
    ThreeWayOutcome,
    allowed_actions,
)
from console.domain.refusals import Refused
from console.services.alarms import load_site_policy
from console.services.duplicates import DuplicateService
from console.services.orders import OrderService
from console.services.report_views import FigureKey, Period, report_json, report_tables
from console.services.reports import ReportService
from console.store import report_rollup
from console.store.duplicate_tables import OrderCallerRow
from console.store.engine import Database
from console.store.orders import CHINA
from console.store.tables import AlarmRow, EventRow, OrderRow
from tests.principals import lead
from tests.services.test_linkage import DEPT
from tests.services.test_transfer import A01, A02, J07, draft

START = datetime(2026, 10, 1, 1, 0, tzinfo=UTC)
DISTRICTS = ("210102", "210103", "210104")
OTHER_WAYS = {Action.TRANSFER, Action.THREE_WAY, Action.ESCALATE, Action.CREATE}
LEAD = lead("赵班长", "A-09", Platform.HOTLINE)
KINDS = (("C-TS", "F-SH"), ("C-TS", "F-ST"), ("C-ZX", "F-GF"))


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def activity(db: Database, seed: int, steps: int = 160) -> Clock:
    """Random order activity over a few weeks: orders created on both platforms and moved by
    whatever the rules allow, the clock jumping hours (past deadlines too)."""
    rng, clock = random.Random(seed), Clock()
    policy, calendar = load_site_policy(db), load_calendar()
    orders = OrderService(db, clock, policy, calendar)
    links = orders.linkage
    duplicates = DuplicateService(db, clock, orders.writer, LEAD)  # 拆单 is a lead's
    merged: list[str] = []
    numbers: list[str] = []
    for i in range(steps):
        clock.now += timedelta(minutes=rng.choice((5, 30, 90, 300, 900, 2000)))
        if not numbers or rng.random() < 0.3:
            kind, field = rng.choice(KINDS)
            made = orders.create(draft(kind=kind, field=field, district=rng.choice(DISTRICTS)), A01)
            numbers.append(made.order.number)
            continue
        number = rng.choice(numbers)
        stored = orders.get(number)
        seen = len(stored.order.timeline)
        seat = rng.choice((A01, A02, J07))
        pick = rng.random()
        try:
            if pick < 0.12:
                orders.transfers.transfer(number, seat, "转", key=f"k{i}", consent=True)
            elif pick < 0.2:
                outcome = rng.choice(list(ThreeWayOutcome))
                mode = rng.choice(list(FirstContactMode))
                links.settle_three_way(number, outcome, seat, "三方", mode, seen=seen)
            elif pick < 0.25:
                links.escalate(number, seat, kind="P-ZA", report="升级", key=f"e{i}", seen=seen)
            else:
                allowed = sorted(allowed_actions(stored.order, seat.actor) - OTHER_WAYS)
                if not allowed:
                    continue
                action = rng.choice(allowed)
                mode = (
                    rng.choice(list(FirstContactMode)) if action is Action.FIRST_CONTACT else None
                )
                detail = DEPT if action is Action.DISPATCH else ""
                orders.act(number, action, seat, "说明", mode, detail, seen=seen)
        except (Refused, ValueError):
            pass
    for j in range(30):  # then 并单, 拆单 and callers joining by phone, among the same orders
        clock.now += timedelta(minutes=rng.choice((5, 30, 90, 300)))
        number, step = rng.choice(numbers), rng.random()
        try:
            if step < 0.5:
                duplicates.merge(number, rng.choice(numbers))
                merged.append(number)
            elif step < 0.7 and merged:
                duplicates.unmerge(merged.pop(rng.randrange(len(merged))))
            else:
                duplicates.join(number, f"1390000{j:04d}")
        except (Refused, ValueError):
            pass
    return clock


def test_the_kept_roll_up_equals_a_recount(db: Database) -> None:
    activity(db, seed=7)
    with db.read() as s:
        kept, recounted = report_rollup.held(s), report_rollup.recount(s)
    assert kept == recounted
    assert sum(n for k, n in kept.items() if k[3] == "create") > 30
    assert {k[3] for k in kept} >= {"create", "transfer", "sign_for", "dispatch", "feed_back",
                                    "complete", "kind", "field"}  # fmt: skip
    with db.read() as s:  # the months are the days summed
        months: Counter[tuple[object, ...]] = Counter()
        for (day, *rest), n in kept.items():
            months[(day.replace(day=1), *rest)] += n
        assert report_rollup.held(s, table="report_month") == dict(months)
    with db.write() as s:  # a rebuild (the migration's backfill, bulk loads) changes nothing
        report_rollup.rebuild(s, since=date(2026, 10, 15))
    with db.read() as s:
        assert report_rollup.held(s) == kept


def _day(at: datetime) -> date:
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(CHINA).date()


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def test_every_figure_equals_a_direct_count(db: Database) -> None:
    clock = activity(db, seed=11)
    with db.read() as s:
        orders = {o.id: o for o in s.execute(select(OrderRow)).scalars()}
        events = list(s.execute(select(EventRow).order_by(col(EventRow.id))).scalars())
        alarms = list(s.execute(select(AlarmRow)).scalars())
        joined = list(s.execute(select(OrderCallerRow)).scalars())
    service = ReportService(db, clock)
    cases = [
        (Period(date(2026, 10, 3), date(2026, 11, 20)), None, None),  # edges, one whole month
        (Period(date(2026, 10, 1), date(2026, 11, 30)), "12345", None),  # whole months
        (Period(date(2026, 9, 20), date(2026, 10, 30)), "110", None),  # no whole month
        (Period(date(2026, 10, 3), date(2026, 12, 31)), None, "210103"),
    ]
    for period, platform, district in cases:
        r = service.report(period, platform, district)

        def chosen(
            e: EventRow,
            action: str,
            platform: str | None = platform,
            district: str | None = district,
            period: Period = period,
        ) -> bool:
            o = orders[e.order_id]
            return (
                e.action == action and period.start <= _day(e.at) <= period.end
                and platform in (None, e.platform) and district in (None, o.district)
            )  # fmt: skip

        def late(e: EventRow) -> bool:
            return any(
                a.order_id == e.order_id and a.deadline == "feedback" and a.level == "overdue"
                and _utc(a.due_at) < _utc(e.at)
                and (a.resolved_at is None or _utc(a.resolved_at) >= _utc(e.at))
                for a in alarms
            )  # fmt: skip

        def count(action: str, key: object = None) -> Counter[object]:
            return Counter(key(e) if callable(key) else "" for e in events if chosen(e, action))

        assert r.created == sum(count("create").values())
        assert r.completed == sum(count("complete").values())
        assert {c.key: c.value for c in r.by_kind} == count(
            "create", lambda e: orders[e.order_id].kind
        )
        assert {c.key: c.value for c in r.by_field} == count(
            "create", lambda e: orders[e.order_id].field or ""
        )
        assert {c.key: c.value for c in r.by_district} == count(
            "create", lambda e: orders[e.order_id].district
        )
        sent = count("transfer", lambda e: e.platform)
        signed = count("sign_for", lambda e: e.platform)
        for t in r.transfers:
            assert (t.sent, t.signed_for) == (sent[t.sender], signed[t.receiver])
        assert {c.key: c.value for c in r.three_way} == count("three_way", lambda e: e.detail)
        assert {c.key: c.value for c in r.first_contact} == count(
            "first_contact", lambda e: orders[e.order_id].first_contact_mode or ""
        )
        dispatched = count("dispatch", lambda e: e.detail)
        fed = count("feed_back", lambda e: orders[e.order_id].department or "")
        on_time = Counter(
            orders[e.order_id].department or ""
            for e in events
            if chosen(e, "feed_back") and not late(e)
        )
        assert {d.department: (d.dispatched, d.fed_back, d.on_time) for d in r.dispatches} == {
            k: (dispatched[k], fed[k], on_time[k]) for k in set(dispatched) | set(fed)
        }
        assert r.escalations == sum(count("escalate").values())
        assert {c.key: c.value for c in r.returns} == count("return", lambda e: e.platform)
        trend = {t.day: (t.created, t.completed) for t in r.trend}
        assert len(trend) == len(period.days)
        for d, (made, done) in trend.items():
            assert made == sum(1 for e in events if chosen(e, "create") and _day(e.at) == d)
            assert done == sum(1 for e in events if chosen(e, "complete") and _day(e.at) == d)
        raised = [
            a for a in alarms
            if a.raised_at is not None and period.start <= _day(a.raised_at) <= period.end
            and platform in (None, orders[a.order_id].owner)
            and district in (None, orders[a.order_id].district)
        ]  # fmt: skip
        assert r.alarms.raised == len(raised)
        # 并单: callers per order received (duplicates merged away left out), merges, unmerges
        away = {c.merged_from for c in joined}
        received = [
            o for o in orders.values()
            if period.start <= _day(o.created_at) <= period.end and o.number not in away
            and platform in (None, o.origin) and district in (None, o.district)
        ]  # fmt: skip
        callers = Counter(1 + sum(c.order_id == o.id for c in joined) for o in received)
        assert {int(c.key): c.value for c in r.callers.by_callers} == callers
        assert r.callers.merges == sum(count("merge").values())
        assert r.callers.unmerges == sum(count("unmerge").values())
        assert r.callers.with_more == sum(n for k, n in callers.items() if k >= 2)
        for c in r.callers.by_callers:
            behind = service.orders_behind(r, FigureKey.CALLERS, c.key)
            assert len(behind) == c.value
        # one order per merge, unless merged, unmerged and merged again in the period
        assert len(service.orders_behind(r, FigureKey.MERGES)) <= r.callers.merges
        assert report_json(r)["callers"]["with_more"] == r.callers.with_more
        # every figure opens the orders behind it: as many orders as the figure's distinct ones
        for c in r.by_kind:
            behind = service.orders_behind(r, FigureKey.BY_KIND, c.key)
            assert len(behind) == c.value  # one create per order
            assert all(orders_by_number(orders)[n].kind == c.key for n in behind)
        assert len(service.orders_behind(r, FigureKey.ORDERS_CREATED)) == r.created
        for t in r.trend:
            assert len(service.orders_behind(r, FigureKey.TREND_CREATED, t.day.isoformat())) == (
                t.created
            )
        for d in r.dispatches:
            assert len(service.orders_behind(r, FigureKey.DISPATCHES_ON_TIME, d.department)) <= (
                d.on_time
            )
        assert report_json(r)["created"] == r.created
        assert report_tables(r)[0].key == "summary"
    assert any(o.status == Status.COMPLETED for o in orders.values())
    whole = service.report(Period(date(2026, 10, 1), date(2026, 12, 31)))
    assert whole.completed and whole.dispatches and whole.transfers[0].sent
    assert whole.callers.merges and whole.callers.unmerges and whole.callers.with_more


def orders_by_number(orders: dict[int | None, OrderRow]) -> dict[str, OrderRow]:
    return {o.number: o for o in orders.values()}


def test_a_bulk_load_rebuilds_the_roll_up(db: Database) -> None:
    from console.demo.load import load_demo_data

    load_demo_data(db, 400, until=date(2026, 11, 26), workers=1, calendar=load_calendar())
    with db.read() as s:
        kept = report_rollup.held(s)
        assert kept == report_rollup.recount(s)
    assert sum(n for k, n in kept.items() if k[3] == "kind") == 400
