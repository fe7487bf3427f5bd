"""The caller on the line joins an open order at intake (并入, no new order), on both databases;
the third caller raises the repeated-request warning once, and the lead acknowledges it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.domain.orders import Action
from console.domain.refusals import Refused
from console.store.engine import Database
from console.store.orders import count
from tests.duplicates.test_service import AGENT, LEAD, draft, services


def _orders(db: Database) -> int:
    with db.read() as session:
        return count(session)


def test_a_join_adds_the_caller_and_a_line_and_creates_no_order(db: Database) -> None:
    orders, dups, clock = services(db)
    first = orders.create(draft("13811110000"), AGENT).order.number
    before = _orders(db)
    clock.now += timedelta(minutes=20)
    joined = dups.join(first, "139 2222 0000", "张三", "门口垃圾还没清")
    assert _orders(db) == before  # no order was created
    assert joined.callers == 2 and not joined.warned
    assert [c.phone for c in dups.callers(first)] == ["13811110000", "13922220000"]
    last = orders.get(first).order.timeline[-1]
    assert last.action is Action.MERGED_IN and last.note == "门口垃圾还没清"
    assert "139****0000" in last.detail  # the line names the call, masked
    # The joined caller's next call finds the order among the candidates, as the same caller.
    found = dups.candidates(phone="13922220000")
    assert [c.order.number for c in found] == [first]


def test_the_third_caller_raises_the_warning_once_and_the_lead_acknowledges(db: Database) -> None:
    orders, dups, clock = services(db)
    first = orders.create(draft("13811110000"), AGENT).order.number
    clock.now += timedelta(minutes=5)
    assert not dups.join(first, "13922220000").warned
    clock.now += timedelta(minutes=5)
    third = dups.join(first, "13933330000")
    assert third.warned and third.callers == 3
    assert not dups.join(first, "13944440000").warned  # raised once
    _o, lead_dups, lead_clock = services(db, LEAD)
    lead_clock.now = clock.now
    (warning,) = lead_dups.repeated()
    assert (warning.number, warning.callers) == (first, 3)
    assert lead_dups.acknowledge(warning.id)
    assert lead_dups.repeated() == []
    assert not lead_dups.acknowledge(warning.id)


@pytest.mark.parametrize(
    ("phone", "code"), [("", "join_no_phone"), ("13811110000", "join_same_caller")]
)
def test_a_join_is_refused_without_a_new_caller(db: Database, phone: str, code: str) -> None:
    orders, dups, _clock = services(db)
    first = orders.create(draft("13811110000"), AGENT).order.number
    with pytest.raises(Refused) as refused:
        dups.join(first, phone)
    assert refused.value.code == code
    assert len(orders.get(first).order.timeline) == 1  # nothing changed


def test_a_completed_or_cancelled_order_is_not_joined(db: Database) -> None:
    orders, dups, _clock = services(db)
    first = orders.create(draft("13811110000"), AGENT).order.number
    orders.act(first, Action.CANCEL, AGENT, "撤销", seen=1)
    with pytest.raises(Exception):  # noqa: B017 - the order's rules refuse (TransitionError)
        dups.join(first, "13922220000")
    assert dups.callers(first)[1:] == []
