"""The sender's linkage strip follows the order it sent: after F8 it says the peer must sign for
it, then — on the change feed, as the inbox and the screen pop — that 110 signed for it, then
that 110 fed back and the order awaits this seat's 办结 in the Inbox (Alt+X)."""

from __future__ import annotations

import qasync

from console.domain.orders import Action, Status
from tests.ui.linkage_harness import Seats, do_step, take_call_and_save
from tests.waiting import until


def test_the_strip_follows_the_sent_order_until_110_feeds_back(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        number = await take_call_and_save(seats)
        strip = seats.hot.seat.panel.linkage
        seats.hot.seat.flow.transfer()  # F8
        await until(lambda: seats.orders.get(number).order.status is Status.TRANSFERRED)
        await until(lambda: strip.isVisible() and "must sign for it" in strip.text.text())
        assert number in strip.text.text() and strip.open.isVisible()
        await do_step(seats.pol, number, Action.SIGN_FOR)
        await until(lambda: "110 signed for order" in strip.text.text(), what=strip.text.text())
        assert number in strip.text.text() and "Alt+X" in strip.text.text()
        await do_step(seats.pol, number, Action.START_HANDLING)
        await do_step(seats.pol, number, Action.FEED_BACK, "已出警调解，双方和解")
        await until(lambda: "110 fed back on order" in strip.text.text(), what=strip.text.text())
        assert "Alt+X" in strip.text.text() and strip.open.isVisible()
        # A new call starts clean: the strip goes, the order is followed no more.
        seats.hot.seat.controller.set_ready()
        await until(lambda: strip.isHidden())

    qloop.run_until_complete(scenario())
