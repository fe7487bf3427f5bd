"""Linkage between the two real seats when something went wrong: a console stopped mid-transfer,
F8 again after a failure, consent given on F10, a caller hanging up mid-transfer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import qasync

from console.domain.intake import Draft
from console.domain.orders import (
    Status,
)
from console.services.orders import OrderService
from console.store.engine import Database
from console.telephony.port import CallState, TransferResult
from tests.ui.linkage_harness import (
    A01,
    CALLER,
    Seats,
    requests,
    take_call_and_save,
)
from tests.waiting import until


def test_a_transfer_left_pending_by_a_stopped_console_goes_over_on_start(
    qloop: qasync.QEventLoop, sqlite_db: Database, start_seats: Callable[[Database], Seats]
) -> None:
    orders = OrderService(sqlite_db, lambda: datetime.now(UTC))
    number = orders.create(
        Draft(caller_phone=CALLER, kind="C-TS", field="F-SH", district="210102",
              description="小区门口有人持械斗殴", consent=True), A01,
    ).order.number  # fmt: skip
    orders.transfers.begin(number, A01, f"SIM-000001:{number}")  # then the console died
    seats = start_seats(sqlite_db)

    async def scenario() -> None:
        await until(lambda: seats.orders.get(number).order.status is Status.TRANSFERRED)
        await until(lambda: number in seats.hot.seat.panel.notice.text())

    qloop.run_until_complete(scenario())


def test_f8_again_after_a_failed_transfer_moves_the_caller_and_the_order(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        number = await take_call_and_save(seats)
        flow = seats.hot.seat.flow
        seats.switch.fail_next_transfer(TransferResult.BUSY)
        flow.transfer()
        await until(lambda: flow.failed is not None)
        flow.transfer()  # F8 again: the peer is free now; a new request, not the abandoned one
        police = seats.pol.seat.controller
        await until(lambda: police.current is not None and police.peer_side)
        await until(lambda: seats.orders.get(number).order.status is Status.TRANSFERRED)
        assert sorted(state for _key, state in requests(seats)) == ["abandoned", "done"]

    qloop.run_until_complete(scenario())


def test_consent_given_on_f10_survives_a_failed_transfer_into_互派(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        number = await take_call_and_save(seats, consent=False)
        flow = seats.hot.seat.flow
        seats.switch.fail_next_transfer(TransferResult.BUSY)
        flow.transfer_with_consent()
        await until(lambda: flow.failed is not None)
        flow.send_as_dispatch()
        await until(lambda: seats.orders.get(number).order.status is Status.TRANSFERRED)
        assert seats.orders.get(number).order.consent

    qloop.run_until_complete(scenario())


def test_a_caller_hanging_up_mid_transfer_leaves_nothing_pending(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        number = await take_call_and_save(seats)
        call = seats.hot.seat.controller.current
        assert call is not None
        seats.switch.fail_next_transfer(TransferResult.NO_ANSWER)
        seats.hot.seat.flow.transfer()
        await until(lambda: any(c.state is CallState.TRANSFERRING for c in seats.switch.calls()))
        seats.switch.caller_hangs_up(call.call_id)
        await until(lambda: requests(seats) and all(s != "pending" for _k, s in requests(seats)))
        assert seats.orders.get(number).order.status is Status.RECEIVED

    qloop.run_until_complete(scenario())
