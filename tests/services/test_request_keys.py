"""A request key names one request on one order: reused for another order (a transfer's or an
escalation's) it is refused with ``key_reused``, never answered as a repeat of the first."""

from __future__ import annotations

import pytest

from console.domain.orders import Action, Status
from console.domain.refusals import Refused
from console.store.engine import Database
from tests.services.test_linkage import DEPT, linkage
from tests.services.test_transfer import A01, draft, service, transfers


def test_a_transfer_key_reused_for_another_order_is_refused(db: Database) -> None:
    orders = service(db)
    first, second = (orders.create(draft(), A01).order.number for _ in range(2))
    orders.transfers.transfer(first, A01, "转110", key="k")
    with pytest.raises(Refused) as reused:
        orders.transfers.transfer(second, A01, "转110", key="k")
    assert reused.value.code == "key_reused" and reused.value.params["number"] == first
    with pytest.raises(Refused) as reused:
        orders.transfers.begin(second, A01, "k")
    assert reused.value.code == "key_reused"
    assert orders.get(second).order.status is Status.RECEIVED and transfers(db, second) == 0
    # A pending (begun) key is one order's too.
    orders.transfers.begin(second, A01, "p")
    third = orders.create(draft(), A01).order.number
    for use in (orders.transfers.begin, lambda n, a, k: orders.transfers.transfer(n, a, "x", k)):
        with pytest.raises(Refused) as reused:
            use(third, A01, "p")
        assert reused.value.code == "key_reused" and reused.value.params["number"] == second
    # The same key on the same order is still the repeat it was.
    assert orders.transfers.transfer(first, A01, "转110", key="k").repeated


def test_an_escalation_key_reused_for_another_order_is_refused(db: Database) -> None:
    orders, links = service(db), linkage(db)
    first, second = (orders.create(draft(), A01).order.number for _ in range(2))
    for number in (first, second):
        orders.act(number, Action.DISPATCH, A01, detail=DEPT, seen=1)
    links.escalate(first, A01, kind="P-ZA", report="纠纷升级", key="e", seen=2)
    with pytest.raises(Refused) as reused:
        links.escalate(second, A01, kind="P-ZA", report="纠纷升级", key="e", seen=2)
    assert reused.value.code == "key_reused" and reused.value.params["number"] == first
    assert orders.get(second).order.timeline[-1].action is Action.DISPATCH  # untouched
    # Nor does a transfer's key pass for an escalation, or an escalation's for a transfer.
    third = orders.create(draft(), A01).order.number
    orders.transfers.transfer(third, A01, "转110", key="t")
    with pytest.raises(Refused) as reused:
        links.escalate(second, A01, kind="P-ZA", report="纠纷升级", key="t", seen=2)
    assert reused.value.code == "key_reused"
    with pytest.raises(Refused) as reused:
        orders.transfers.transfer(second, A01, "转110", key="e")
    assert reused.value.code == "key_reused"
    assert links.escalate(first, A01, kind="P-ZA", report="纠纷升级", key="e", seen=3).repeated
