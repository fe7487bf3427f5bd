"""While F8 or F9 rings the peer line: the strip counts the answer window down and F4 calls it
off; before F8 the seat sees how many peer seats are ready and free, and F8/F9 are refused at
once when none is free; and what the strip and the notice line say stays true afterwards.
Driven through the real seat windows (tests/ui/linkage_harness.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFrame, QPushButton

from console.domain.agent_state import NotReadyReason
from console.domain.orders import Action, Status, ThreeWayOutcome
from console.telephony.port import CallState, Line, TransferResult
from tests.ui.linkage_harness import Seats, do_step, requests, take_call_and_save
from tests.waiting import until


def test_f8_counts_the_window_down_and_f4_keeps_the_caller(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        number = await take_call_and_save(seats)
        hot = seats.hot.seat
        bar = hot.panel.linkage
        seats.switch.fail_next_transfer(TransferResult.NO_ANSWER)  # 110 rings, nobody answers
        hot.flow.transfer()  # F8
        await until(lambda: bar.cancel.isVisible(), what="the countdown while 110 rings")
        # The real-screen test finds the strip and its cancel key by name.
        window = seats.hot.window
        assert window.findChild(QFrame, "linkageBar") is bar
        assert window.findChild(QPushButton, "cancelTransfer") is bar.cancel
        text = bar.text.text()
        assert number in text and "F4" in text and re.search(r"\b(30|29) s left", text), text
        assert hot.controller.current is not None
        assert hot.controller.current.state is CallState.TRANSFERRING
        window.activateWindow()  # shortcuts need the active window
        await until(lambda: QApplication.activeWindow() is window)
        QTest.keyClick(window, Qt.Key.Key_F4)
        # At once: the caller is back with this seat, nothing went over, the strip is gone.
        await until(lambda: hot.controller.current is not None
                    and hot.controller.current.state is CallState.ANSWERED)  # fmt: skip
        await until(lambda: bar.isHidden())
        assert "cancelled" in hot.panel.notice.text()
        await until(lambda: [state for _key, state in requests(seats)] == ["cancelled"])
        assert seats.orders.get(number).order.status is Status.RECEIVED
        assert seats.pol.seat.controller.current is None
        # A new F8 is a new request, and it goes.
        hot.flow.transfer()
        await until(lambda: seats.orders.get(number).order.status is Status.TRANSFERRED)
        assert sorted(state for _key, state in requests(seats)) == ["cancelled", "done"]

    qloop.run_until_complete(scenario())


def test_the_countdown_goes_down_second_by_second(seats: Seats, qloop: qasync.QEventLoop) -> None:
    async def scenario() -> None:
        hot = seats.hot.seat
        bar = hot.panel.linkage
        hot.flow.peer_ringing.emit("12345-X", True, 1500)  # a three-way call, 1.5 s window
        assert bar.cancel.isVisible() and "2 s left" in bar.text.text()
        await until(lambda: "1 s left" in bar.text.text())
        await until(lambda: "0 s left" in bar.text.text())
        hot.flow.ringing_over.emit()
        assert bar.isHidden() and not bar.ticker.isActive()

    qloop.run_until_complete(scenario())


def test_peer_seats_shown_live_and_f8_refused_at_once_when_none_is_free(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        hot = seats.hot.seat
        peers = hot.panel.peer_seats
        assert peers.objectName() == "peerSeats"
        await until(lambda: peers.text() == "110 ready seats: 1 (free: 1)")
        number = await take_call_and_save(seats)
        # The only 110 seat shows ready but has a call ringing: it cannot take the caller.
        ringing = seats.switch.place_call(Line.POLICE, "13900139000")
        await until(lambda: any(c.call_id == ringing.call_id and c.seat == "J-01"
                                for c in seats.switch.waiting()))  # fmt: skip
        await until(lambda: peers.text() == "110 ready seats: 1 (free: 0)")
        hot.flow.transfer()  # F8: refused at once, saying why; nothing written, nothing rings
        said = "No free 110 seat: 1 ready seat(s) on a call or ringing."
        assert hot.panel.notice.text() == said
        bar = hot.panel.linkage
        assert bar.isVisible() and said in bar.text.text()
        assert bar.dispatch.isVisible() and not bar.cancel.isVisible()
        assert hot.controller.current is not None
        assert hot.controller.current.state is CallState.ANSWERED
        assert requests(seats) == [] and seats.orders.get(number).order.status is Status.RECEIVED
        hot.flow.conference()  # F9 likewise
        assert hot.controller.current.state is CallState.ANSWERED
        assert hot.panel.notice.text() == said
        # The 110 agent takes a break: none ready; then back, and the ringing call ends.
        seats.pol.seat.controller.set_not_ready(NotReadyReason.BREAK)
        await until(lambda: peers.text() == "110 ready seats: 0 (free: 0)")
        hot.flow.transfer()
        assert hot.panel.notice.text() == "No 110 seat is ready (就绪)."
        seats.pol.seat.controller.set_ready()
        seats.switch.caller_hangs_up(ringing.call_id)
        await until(lambda: peers.text() == "110 ready seats: 1 (free: 1)")
        hot.flow.transfer()  # now it goes
        await until(lambda: seats.orders.get(number).order.status is Status.TRANSFERRED)

    qloop.run_until_complete(scenario())


def test_after_a_failed_transfer_the_three_way_call_leaves_nothing_stale(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        number = await take_call_and_save(seats)
        hot = seats.hot.seat
        bar = hot.panel.linkage
        seats.switch.fail_next_transfer(TransferResult.NO_ANSWER)
        hot.flow.transfer()
        await until(lambda: bar.dispatch.isVisible(), timeout=5)
        assert "110" in hot.panel.notice.text()  # the red line: 110 did not take the call
        bar.three_way.click()  # F9: it works this time
        await until(lambda: bar.outcome.isVisible(), what="the three-way outcome offer")
        assert hot.panel.notice.text() == ""  # the failure is over: it is not said any more
        await do_step(seats.hot, number, Action.THREE_WAY, "由110接手",
                      outcome=ThreeWayOutcome.POLICE)  # fmt: skip
        await until(lambda: bar.isHidden(), what="the strip gone once the outcome is recorded")
        assert seats.orders.get(number).order.status is Status.TRANSFERRED

    qloop.run_until_complete(scenario())


def test_hanging_up_a_three_way_call_says_it_ended_until_the_outcome_is_recorded(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        number = await take_call_and_save(seats)
        hot = seats.hot.seat
        bar = hot.panel.linkage
        hot.flow.conference()  # F9
        await until(lambda: bar.outcome.isVisible(), what="the three-way outcome offer")
        hot.controller.hang_up()  # F6
        await until(lambda: "ended" in bar.text.text(), what="the strip saying the call ended")
        assert bar.outcome.isVisible() and number in bar.text.text()
        assert hot.controller.current is None
        await do_step(seats.hot, number, Action.THREE_WAY, "12345 自行办理",
                      outcome=ThreeWayOutcome.HOTLINE)  # fmt: skip
        await until(lambda: bar.isHidden(), what="the strip gone once the outcome is recorded")

    qloop.run_until_complete(scenario())


def test_hanging_up_after_a_failed_transfer_takes_its_offer_away(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        await take_call_and_save(seats)
        hot = seats.hot.seat
        bar = hot.panel.linkage
        seats.switch.fail_next_transfer(TransferResult.BUSY)
        hot.flow.transfer()
        await until(lambda: bar.dispatch.isVisible())
        hot.controller.hang_up()  # F6: the offer was for this caller
        await until(lambda: bar.isHidden())

    qloop.run_until_complete(scenario())
