from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.services.orders import OrderService
from console.services.screen_pop import ScreenPopService
from console.store.engine import Database
from tests.principals import at_seat

HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, 2, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def draft(phone: str = "13812345678") -> Draft:
    return Draft(
        caller_phone=phone, kind="C-TS", field="F-SH", district="210102",
        description="噪音扰民", consent=True,
    )  # fmt: skip


def test_pop_shows_history_open_orders_and_frequent_flag(db: Database) -> None:
    clock = Clock()
    orders = OrderService(db, clock)
    first = orders.create(draft(), HOTLINE)  # will stay open, and become old
    for _ in range(60):  # more than a page of newer, closed orders
        clock.now += timedelta(hours=1)
        made = orders.create(draft(), HOTLINE)
        orders.act(made.order.number, Action.CANCEL, HOTLINE, "重复来电", seen=1)
    pops = ScreenPopService(db, clock, HOTLINE, history_limit=50)
    pop = pops.pop("138-1234-5678")
    assert len(pop.history) == 50 and pop.history[0].created_at > pop.history[-1].created_at
    assert [o.number for o in pop.open_orders] == [first.order.number]  # older than the page
    assert pop.frequent and pop.recent_count == 50
    clock.now += timedelta(days=60)
    assert not pops.pop("13812345678").frequent
    stranger = pops.pop("13900000000")
    assert stranger.history == [] and not stranger.frequent


def test_the_pop_lists_every_open_order_before_the_closed_ones() -> None:
    from datetime import UTC, datetime

    from console.domain.orders import Platform, Status
    from console.services.screen_pop import ScreenPop
    from console.store.orders import OrderSummary

    def order(n: int, status: Status) -> OrderSummary:
        at = datetime(2026, 11, n, tzinfo=UTC)
        return OrderSummary(n, f"N{n}", at, "C-TS", status, Platform.HOTLINE, "", f"路{n}号")

    newest_closed, old_open = order(9, Status.COMPLETED), order(1, Status.HANDLING)
    history = [newest_closed, order(8, Status.SIGNED_FOR), order(7, Status.CANCELLED)]
    pop = ScreenPop("13812345678", history, [history[1], old_open], 3, True)
    assert [o.number for o in pop.rows] == ["N8", "N1", "N9", "N7"]
