"""Linkage figures come from the timeline: every path counted once, on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from console.domain.orders import Action, FirstContactMode, ThreeWayOutcome
from console.store.engine import Database
from console.store.reports import linkage_report
from tests.services.test_linkage import DEPT, linkage
from tests.services.test_transfer import A01, J07, draft, service


def test_every_linkage_path_is_counted(db: Database) -> None:
    orders, links = service(db), linkage(db)

    def new(**over: object) -> str:
        return orders.create(draft(**over), A01).order.number

    links.settle_three_way(new(), ThreeWayOutcome.POLICE, A01, "属治安", seen=1)
    links.settle_three_way(new(), ThreeWayOutcome.FIRST_CONTACT, A01, "已解释",
                           FirstContactMode.GUIDANCE, seen=1)  # fmt: skip
    orders.act(new(), Action.FIRST_CONTACT, A01, "先行受理", FirstContactMode.PROVISIONAL, seen=1)
    dispatched = new()
    orders.act(dispatched, Action.DISPATCH, A01, detail=DEPT, seen=1)
    links.escalate(dispatched, A01, kind="P-ZA", report="纠纷升级", key="k", seen=2)
    returned = new()
    orders.transfers.transfer(returned, A01, "转110", key="t")
    orders.act(returned, Action.RETURN, J07, "非警务", seen=2)
    today = datetime.now(UTC).astimezone().date()
    with db.read() as s:
        r = linkage_report(s, date(2000, 1, 1), today.replace(year=today.year + 1))
    assert r.created == {"12345": 6}  # five asked for, plus the escalation's linked order
    assert r.transfers == {"12345": 3}  # three-way → 110, the escalation, the plain transfer
    assert r.three_way == {"110": 1, "first_contact": 1}
    assert r.first_contact == {"guidance": 1, "provisional": 1}
    assert r.dispatched == {DEPT: 1} and r.escalations == 1
    assert r.returns == {"110": 1}
    with db.read() as s:
        empty = linkage_report(s, date(2001, 1, 1), date(2001, 1, 31))
    assert empty.created == {} and empty.escalations == 0
    with db.read() as s, pytest.raises(ValueError, match="before"):
        linkage_report(s, date(2001, 2, 1), date(2001, 1, 1))


def test_a_report_day_is_a_china_day(db: Database) -> None:
    from console.services.orders import OrderService

    instants = iter(
        [
            datetime(2026, 11, 25, 15, 59, 59, tzinfo=UTC),  # 23:59:59 on the 25th in China
            datetime(2026, 11, 25, 16, 0, 0, tzinfo=UTC),  # 00:00:00 on the 26th in China
        ]
    )
    orders = OrderService(db, lambda: next(instants))
    orders.create(draft(), A01)
    orders.create(draft(), A01)
    with db.read() as s:
        day25 = linkage_report(s, date(2026, 11, 25), date(2026, 11, 25))
        day26 = linkage_report(s, date(2026, 11, 26), date(2026, 11, 26))
    assert day25.created == {"12345": 1} and day26.created == {"12345": 1}
