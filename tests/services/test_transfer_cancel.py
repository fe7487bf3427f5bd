"""An agent calls a transfer off while the peer line rings (F4): the pending request is settled
as cancelled, the order stays, nothing is handed over later, and a new F8 is a new request."""

from __future__ import annotations

import pytest

from console.domain.orders import Status
from console.services.transfers import TransferAbandoned
from console.store.engine import Database
from tests.services.test_transfer import A01, A02, draft, service, transfers
from tests.services.test_transfer_hold import requests


def test_cancel_settles_the_pending_request_and_the_order_stays(db: Database) -> None:
    orders = service(db)
    number = orders.create(draft(), A01).order.number
    orders.transfers.begin(number, A01, "call-1:1")
    assert orders.transfers.cancel("call-1:1", A01) is True
    assert requests(db) == {"call-1:1": "cancelled"}
    assert orders.get(number).order.status is Status.RECEIVED and transfers(db, number) == 0
    # Nothing of it goes later: not on completion, not when the console starts again.
    with pytest.raises(TransferAbandoned):
        orders.transfers.complete("call-1:1", A01, "一键转接")
    assert orders.transfers.resume(A01) == []
    with pytest.raises(TransferAbandoned):
        orders.transfers.begin(number, A01, "call-1:1")
    assert requests(db) == {"call-1:1": "cancelled"} and transfers(db, number) == 0
    # It holds the order against nobody: another seat's transfer goes at once.
    done = orders.transfers.transfer(number, A02, "互派", key="a02")
    assert done.stored.order.status is Status.TRANSFERRED and transfers(db, number) == 1


def test_cancel_changes_nothing_once_the_request_is_settled(db: Database) -> None:
    orders = service(db)
    number = orders.create(draft(), A01).order.number
    orders.transfers.begin(number, A01, "call-2:1")
    orders.transfers.complete("call-2:1", A01, "一键转接")  # the peer answered first
    assert orders.transfers.cancel("call-2:1", A01) is False
    orders.transfers.begin(orders.create(draft(), A01).order.number, A01, "call-3:1")
    orders.transfers.abandon("call-3:1", A01)
    assert orders.transfers.cancel("call-3:1", A01) is False
    assert orders.transfers.cancel("no-such-key", A01) is False
    assert requests(db) == {"call-2:1": "done", "call-3:1": "abandoned"}
    assert orders.get(number).order.status is Status.TRANSFERRED
