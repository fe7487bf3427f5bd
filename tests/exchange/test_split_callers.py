"""The split into two systems keeps 并单's rows with the orders: the callers who joined an order
go with every copy of it, a caller told and a repeated-request warning go with the platform
that recorded them, and an order that moves alone leaves the shared database with all of them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from console.domain.orders import Action
from console.services.callers_told import CallersToldService
from console.services.duplicates import DuplicateService
from console.services.orders import OrderService
from console.store.duplicate_tables import CallerToldRow, OrderCallerRow, RepeatWarningRow
from console.store.engine import Database
from tests.exchange.test_split import A01, J07, draft, police_draft, split


def now() -> datetime:
    return datetime.now(UTC)


def phones(db: Database, number: str) -> list[str]:
    return [c.phone for c in DuplicateService(db, now, OrderService(db, now).writer, A01).callers(number)]  # fmt: skip


def test_callers_told_and_warnings_go_with_their_orders(db: Database, empty_db_url: str) -> None:
    orders = OrderService(db, now)
    police = DuplicateService(db, now, orders.writer, J07)
    alone = orders.create(police_draft(), J07).order.number  # 110's alone: it moves
    for phone in ("13922220000", "13933330000"):  # three callers: the warning is raised
        police.join(alone, phone)
    orders.act(alone, Action.START_HANDLING, J07, seen=3)
    orders.act(alone, Action.FEED_BACK, J07, "已处置", seen=4)
    CallersToldService(db, now, J07).mark_told(alone, "13922220000")
    both = orders.create(draft(), A01).order.number  # 12345's, transferred: both hold it
    DuplicateService(db, now, orders.writer, A01).join(both, "13944440000")
    orders.transfers.transfer(both, A01, "转110", key="t-both")

    moved, _keys = split(db, empty_db_url)
    try:
        assert phones(moved, alone) == ["13812345678", "13922220000", "13933330000"]
        assert phones(moved, both) == phones(db, both) == ["13812345678", "13944440000"]
        told = CallersToldService(moved, now, J07).to_tell(alone)
        assert [c.told for c in told.callers] == [False, True, False]
        with moved.read() as s:
            assert list(s.execute(select(RepeatWarningRow.number)).scalars()) == [alone]
        with db.read() as s:  # the shared database keeps nothing of the order gone
            assert s.execute(select(CallerToldRow.id)).first() is None
            assert s.execute(select(RepeatWarningRow.id)).first() is None
            kept = set(s.execute(select(OrderCallerRow.merged_from)).scalars())
        assert kept == {f"{both}/来电1 139****0000"}
    finally:
        moved.dispose()
