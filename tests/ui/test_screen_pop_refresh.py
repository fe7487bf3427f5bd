"""The screen pop of a call shows its orders as they are now: the peer's step on another seat
reaches the pop through the change feed, while the call lasts."""

from __future__ import annotations

import qasync

from console.domain.orders import Action, Status
from tests.ui.linkage_harness import A01, J01, Seats, take_call_and_save
from tests.waiting import until


def test_the_pop_shows_the_status_the_peer_left_the_order_in(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    pop = seats.hot.seat.pop

    def status(number: str) -> Status | None:
        for row in range(pop.model.rowCount()):
            if pop.model.summary(row).number == number:
                return pop.model.summary(row).status
        return None

    async def scenario() -> None:
        number = await take_call_and_save(seats)  # the pop lists the order just recorded
        await until(lambda: status(number) is Status.RECEIVED, what="the new order in the pop")
        seats.orders.transfers.transfer(number, A01, "涉嫌违法", key="k-pop")
        await until(lambda: status(number) is Status.TRANSFERRED, what="transferred")
        seen = len(seats.orders.get(number).order.timeline)
        seats.orders.act(number, Action.SIGN_FOR, J01, seen=seen)  # the 110 seat, elsewhere
        await until(lambda: status(number) is Status.SIGNED_FOR, what="the peer's sign-for")
        pop.clear()  # the call is over: nothing more is shown
        pop.refresh()
        assert pop.model.rowCount() == 0

    qloop.run_until_complete(scenario())
