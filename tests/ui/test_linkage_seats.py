"""Both platforms' seats in one process, as ``make run`` opens them: the real windows built by the
composition root, one database, one simulated switch. Each test drives an order through one of
the plan's paths with the seats' own controls and checks the one timeline that results."""

from __future__ import annotations

import qasync

from console.domain.intake import Draft
from console.domain.orders import (
    Action,
    FirstContactMode,
    Platform,
    Status,
    ThreeWayOutcome,
)
from console.store.queues import QueueKind
from console.telephony.port import CallState, TransferResult
from console.ui.models.queue_model import QueueModel
from tests.ui.linkage_harness import (
    A01,
    CALLER,
    Seats,
    actions,
    do_step,
    numbers,
    polls,
    take_call_and_save,
)
from tests.waiting import until


def test_transfer_to_110_then_sign_for_handle_feed_back_and_complete(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        number = await take_call_and_save(seats)
        seats.hot.seat.flow.transfer()  # F8
        police = seats.pol.seat.controller
        # The 110 seat has the caller and, as its screen pop, the order with its timeline.
        await until(lambda: police.current is not None and police.peer_side)
        assert "transferred in" in seats.pol.seat.panel.controller._bar.current.text()
        detail = seats.pol.window.detail
        assert detail is not None
        await until(lambda: detail.order is not None and detail.order.number == number)
        assert seats.pol.window.tabs.currentWidget() is detail
        await until(lambda: seats.orders.get(number).order.status is Status.TRANSFERRED)
        assert seats.hot.seat.controller.current is None  # the 12345 seat is free again
        await do_step(seats.pol, number, Action.SIGN_FOR)
        await do_step(seats.pol, number, Action.START_HANDLING)
        await do_step(seats.pol, number, Action.FEED_BACK, "已出警调解，双方和解")
        # Back at 12345: the origin sees the feedback and completes.
        await do_step(seats.hot, number, Action.COMPLETE)
        assert seats.orders.get(number).order.status is Status.COMPLETED
        assert actions(seats, number) == [
            ("12345", "create"), ("12345", "transfer"), ("110", "sign_for"),
            ("110", "start_handling"), ("110", "feed_back"), ("12345", "complete"),
        ]  # fmt: skip

    qloop.run_until_complete(scenario())


def test_a_step_the_seat_may_not_take_is_refused_with_the_note_kept(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        number = seats.orders.create(
            Draft(caller_phone=CALLER, kind="C-ZX", field="F-GF", district="210102",
                  description="咨询供暖时间", consent=True), A01,
        ).order.number  # fmt: skip
        steps = seats.hot.window.detail.steps  # type: ignore[union-attr]
        await do_step(seats.hot, number, Action.START_HANDLING)
        steps.open_step(Action.FEED_BACK)
        steps.submit()  # no note: said at the edge, nothing sent
        assert "note" in steps.error.text() and steps.form.isVisible()
        steps.note.setPlainText("已答复")
        # Meanwhile another seat closes it: the service refuses, the typed note stays.
        seats.orders.act(number, Action.CANCEL, A01, "重复工单", seen=2)
        steps.submit()
        said = ("Not done", "This order changed")
        await until(lambda: steps.error.text().startswith(said))
        # The change poll re-reads the cancelled order, and polls on: still said, still kept.
        await until(lambda: steps.order is not None and steps.order.status is Status.CANCELLED)
        await polls(seats, 2)
        assert steps.error.text().startswith(said), steps.error.text()
        assert steps.note.toPlainText() == "已答复" and steps.form.isVisible()
        # The note belongs to that order and step: another order's step starts empty.
        other = seats.orders.create(
            Draft(caller_phone=CALLER, kind="C-ZX", field="F-GF", district="210102",
                  description="咨询公交线路", consent=True), A01,
        ).order.number  # fmt: skip
        seats.hot.window.open_order(other)
        await until(lambda: steps.order is not None and steps.order.number == other)
        await do_step(seats.hot, other, Action.START_HANDLING)
        steps.open_step(Action.FEED_BACK)
        assert steps.note.toPlainText() == ""

    qloop.run_until_complete(scenario())


def test_failed_transfer_three_way_call_ends_in_first_contact(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        number = await take_call_and_save(seats, description="邻居装修噪音，物业不管")
        hot = seats.hot.seat
        seats.switch.fail_next_transfer(TransferResult.NO_ANSWER)
        hot.flow.transfer()  # F8: nobody at 110 answers within the window
        bar = hot.panel.linkage
        await until(lambda: bar.cancel.isVisible(), what="the countdown, while 110 rings")
        await until(lambda: bar.dispatch.isVisible(), timeout=5)
        assert bar.three_way.isVisible() and not bar.cancel.isVisible()
        assert hot.controller.current is not None  # the caller is still here
        assert seats.orders.get(number).order.status is Status.RECEIVED  # nothing half-sent
        bar.three_way.click()  # F9
        await until(lambda: hot.controller.current is not None
                    and hot.controller.current.state is CallState.CONFERENCED)  # fmt: skip
        police = seats.pol.seat.controller
        await until(lambda: police.current is not None)
        pol_detail = seats.pol.window.detail
        assert pol_detail is not None
        await until(lambda: pol_detail.order is not None and pol_detail.order.number == number)
        assert number in seats.pol.seat.panel.linkage.text.text()  # the peer is told
        for seat in (seats.hot.seat, seats.pol.seat):  # both show the three-way call, timed
            assert "three-way call" in seat.panel.controller._bar.current.text()
        await until(lambda: bar.outcome.isVisible(), what="the three-way outcome offer")
        bar.outcome.click()  # record who takes it
        steps = seats.hot.window.detail.steps  # type: ignore[union-attr]
        await until(lambda: steps.action is Action.THREE_WAY and steps.form.isVisible())
        steps.outcome.setCurrentIndex(steps.outcome.findData(ThreeWayOutcome.FIRST_CONTACT.value))
        assert steps.mode.isVisibleTo(steps)
        steps.mode.setCurrentIndex(steps.mode.findData(FirstContactMode.GUIDANCE.value))
        steps.note.setPlainText("非警务亦非政务职责，已告知可向法院起诉")
        steps.submit()
        await until(lambda: seats.orders.get(number).order.status is Status.FIRST_CONTACT)
        order = seats.orders.get(number).order
        assert order.first_contact_mode is FirstContactMode.GUIDANCE
        assert order.timeline[-2].detail == "first_contact"
        await do_step(seats.hot, number, Action.COMPLETE)  # guidance closes the order
        assert actions(seats, number)[-3:] == [
            ("12345", "three_way"), ("12345", "first_contact"), ("12345", "complete"),
        ]  # fmt: skip

    qloop.run_until_complete(scenario())


def test_failed_transfer_sent_as_a_dispatched_order_keeps_the_caller(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        number = await take_call_and_save(seats)
        hot = seats.hot.seat
        seats.switch.fail_next_transfer(TransferResult.BUSY)
        hot.flow.transfer()
        await until(lambda: hot.panel.linkage.dispatch.isVisible())
        hot.panel.linkage.dispatch.click()  # Alt+D: 互派, the caller stays
        await until(lambda: seats.orders.get(number).order.status is Status.TRANSFERRED)
        order = seats.orders.get(number).order
        assert order.owner is Platform.POLICE and order.deadlines.sign_for is not None
        assert (
            hot.controller.current is not None
            and hot.controller.current.state is CallState.ANSWERED
        )
        # It waits in the 110 seat's 待签收 queue.
        queues = seats.pol.window.queues
        assert queues is not None
        queues.show_queue(QueueKind.AWAITING_SIGN_FOR)
        model: QueueModel = queues.model(QueueKind.AWAITING_SIGN_FOR)
        await until(lambda: number in numbers(model))

    qloop.run_until_complete(scenario())


def test_12345_to_a_department_then_escalated_to_110(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        number = seats.orders.create(
            Draft(caller_phone=CALLER, kind="C-TS", field="F-SH", district="210102",
                  description="楼上漏水，邻里多次协商不成", consent=False), A01,
        ).order.number  # fmt: skip
        await do_step(
            seats.hot,
            number,
            Action.DISPATCH,
            "请属地核实调解",
            department="和平区人民政府  210102-GOV",
        )
        assert seats.orders.get(number).order.department == "210102-GOV"
        await do_step(seats.hot, number, Action.DEPT_SIGN_FOR)
        await do_step(seats.hot, number, Action.PROGRESS, "社区已上门，双方情绪激动")
        await do_step(
            seats.hot, number, Action.ESCALATE, "社区报告：双方发生肢体冲突，请110出警", kind="P-ZA"
        )
        original = seats.orders.get(number).order
        linked_number = original.timeline[-1].detail
        linked = seats.orders.get(linked_number).order
        assert (linked.owner, linked.status, linked.escalated_from) == (
            Platform.POLICE, Status.TRANSFERRED, number,
        )  # fmt: skip
        # The 12345 detail links to it; the 110 seat finds it in 待签收 and signs for it.
        await until(lambda: linked_number in seats.hot.window.detail.related.text())  # type: ignore[union-attr]
        queues = seats.pol.window.queues
        assert queues is not None
        queues.show_queue(QueueKind.AWAITING_SIGN_FOR)
        await until(lambda: linked_number in numbers(queues.model(QueueKind.AWAITING_SIGN_FOR)))
        await do_step(seats.pol, linked_number, Action.SIGN_FOR)
        assert seats.orders.get(linked_number).order.status is Status.SIGNED_FOR
        # The department's own loop goes on and closes at 12345.
        await do_step(seats.hot, number, Action.FEED_BACK, "已调解，110已出警处置")
        await do_step(seats.hot, number, Action.COMPLETE)

    qloop.run_until_complete(scenario())


def test_f8_without_consent_asks_for_it_and_a_clue_asks_for_f8(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        hot = seats.hot.seat
        bar = hot.panel.linkage
        number = await take_call_and_save(seats, consent=False)
        hot.flow.transfer()  # F8: refused for want of consent, the caller stays
        await until(lambda: bar.consent.isVisible())
        assert hot.controller.current is not None
        assert seats.orders.get(number).order.status is Status.RECEIVED
        bar.consent.click()  # F10: the caller agrees, recorded with the transfer
        await until(lambda: seats.orders.get(number).order.status is Status.TRANSFERRED)
        order = seats.orders.get(number).order
        assert order.consent and order.timeline[-1].detail == "consent"
        await until(lambda: seats.pol.seat.controller.current is not None)
        seats.pol.seat.controller.hang_up()
        await until(
            lambda: hot.controller.current is None and seats.pol.seat.controller.current is None
        )
        # A social-stability clue: the strip asks for F8 at once, and no consent is needed.
        for seat in (hot, seats.pol.seat):  # wrap-up cut short
            seat.controller.set_ready()
        await until(lambda: hot.controller.state.value == "ready")
        clue = await take_call_and_save(seats, consent=False, social_stability=True)
        await until(lambda: bar.isVisible() and clue in bar.text.text())
        assert "F8" in bar.text.text()
        hot.flow.transfer()
        await until(lambda: seats.orders.get(clue).order.status is Status.TRANSFERRED)

    qloop.run_until_complete(scenario())
