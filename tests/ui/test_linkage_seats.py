"""Both platforms' seats in one process, as ``make run`` opens them: the real windows built by the
composition root, one database, one simulated switch. Each test drives an order through one of
the plan's paths with the seats' own controls and checks the one timeline that results."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import qasync
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app_window import Shared, WindowParts, build_window, watch_changes
from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import (
    Action,
    Actor,
    FirstContactMode,
    Platform,
    Status,
    ThreeWayOutcome,
)
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.store.changes import watch_for
from console.store.engine import Database
from console.store.orders import count
from console.store.queues import QueueKind
from console.store.seed import catalogue
from console.telephony.port import CallState, Line, TransferResult
from console.telephony.simulated import SimulatedSwitch
from console.ui.models.queue_model import QueueModel
from console.ui.operations import Operations
from tests.waiting import until

A01 = Actor("王丽", "A-01", Platform.HOTLINE)
J01 = Actor("李强", "J-01", Platform.POLICE)
CALLER = "13812345678"
SCALE = 0.05  # simulated seconds → loop seconds: the 30 s answer window takes 1.5 s


class Seats:
    def __init__(self, db: Database, loop: asyncio.AbstractEventLoop, qtbot: QtBot) -> None:
        clock = lambda: datetime.now(UTC)  # noqa: E731
        policy = load_site_policy(db)
        self.worker = Operations("test-linkage")
        with db.read() as session:
            orders = OrderService(db, clock, policy, load_calendar())
            shared = Shared(
                db=db, orders=orders,
                alarms=AlarmService(db, clock, "A-01"),
                clock=clock, catalogue=catalogue(session), chinese=True, ops=self.worker,
                loop=loop, db_url="sqlite://", order_count=count(session),
                wrap_up=timedelta(seconds=30),
            )  # fmt: skip
        self.orders = shared.orders
        self.switch = SimulatedSwitch(
            rate_per_min=0, seed=3, loop=loop, time_scale=SCALE, transferred_talk_s=None
        )
        self.hot = build_window(shared, A01, self.switch)
        self.pol = build_window(shared, J01, self.switch)
        self.watchers = [watch_for(db.engine) for _ in range(2)]
        self.timers = []
        for part, changes in zip((self.hot, self.pol), self.watchers, strict=True):
            self.timers.append(watch_changes(part.window, changes, part.on_change))
            qtbot.addWidget(part.window)
            part.window.show()
            part.seat.controller.log_in()

    def close(self) -> None:
        for timer in self.timers:
            if shiboken6.isValid(timer):  # gone with its window if that was closed first
                timer.stop()
        for part in (self.hot, self.pol):
            part.seat.controller.close()
        for changes in self.watchers:
            if changes is not None:
                changes.close()
        self.worker.shutdown()


@pytest.fixture
def seats(qtbot: QtBot, qloop: qasync.QEventLoop, db: Database) -> Iterator[Seats]:
    """On SQLite and on PostgreSQL: the peer seat learns of changes through either watcher."""
    made = Seats(db, qloop, qtbot)
    yield made
    try:
        qloop.run_until_complete(made.switch.stop())
    finally:
        made.close()


async def take_call_and_save(seats: Seats, **over: object) -> str:
    """The 12345 agent answers a ringing call and records the order with the keyboard path."""
    seat = seats.hot.seat
    seats.switch.place_call(Line.HOTLINE, CALLER)
    await until(lambda: bool(seats.switch.waiting()) and seats.switch.waiting()[0].seat)
    seat.controller.answer_next()
    await until(lambda: seat.controller.current is not None)
    saved: list[str] = []
    seat.panel.intake.saved.connect(saved.append)
    values: dict[str, Any] = dict(
        caller_phone=CALLER, kind="C-TS", field="F-SH", district="210102",
        description="小区门口两户因停车发生争执", consent=True,
    )  # fmt: skip
    values.update(over)
    seat.panel.intake.set_draft(Draft(**values))
    seat.panel.intake.save()
    await until(lambda: bool(saved))
    return saved[0]


async def do_step(
    part: WindowParts, number: str, action: Action, note: str = "", **form: Any
) -> None:
    """Open the order in ``part``'s detail, press the step's button, fill the form, confirm."""
    detail = part.window.detail
    assert detail is not None and detail.steps is not None
    steps = detail.steps
    if detail.order is None or detail.order.number != number:
        part.window.open_order(number)
    await until(lambda: steps.order is not None and steps.order.number == number)
    await until(lambda: steps.buttons[action].isVisibleTo(part.window))
    steps.buttons[action].click()
    if "department" in form:
        await until(lambda: steps.department.count() > 0)  # the directory is read off-thread
        steps.department.setEditText(form["department"])
    if "outcome" in form:
        steps.outcome.setCurrentIndex(steps.outcome.findData(form["outcome"].value))
    if "mode" in form:
        steps.mode.setCurrentIndex(steps.mode.findData(form["mode"].value))
    if "kind" in form:
        steps.kind.setCurrentIndex(steps.kind.findData(form["kind"]))
    steps.note.setPlainText(note)
    before = len(steps.order.timeline) if steps.order else 0
    steps.submit()
    await until(
        lambda: not steps.form.isVisible() or bool(steps.error.text().startswith("Not done"))
    )
    assert not steps.form.isVisible(), steps.error.text()
    await until(lambda: steps.order is not None and len(steps.order.timeline) > before)


async def polls(seats: Seats, count: int) -> None:
    """Wait for ``count`` more ticks of the 12345 seat's change poll."""
    ticks: list[None] = []
    seats.timers[0].timeout.connect(lambda: ticks.append(None))
    await until(lambda: len(ticks) >= count, what=f"{count} change polls")


def actions(seats: Seats, number: str) -> list[tuple[str, str]]:
    return [(e.platform.value, e.action.value) for e in seats.orders.get(number).order.timeline]


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
        await until(lambda: bar.isVisible(), timeout=5)
        assert bar.three_way.isVisible() and bar.dispatch.isVisible()
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
        assert bar.outcome.isVisible()
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


def numbers(model: QueueModel) -> list[str]:
    return [
        str(model.index(row, QueueModel.NUMBER).data(Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
    ]


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


@pytest.fixture
def start_seats(qtbot: QtBot, qloop: qasync.QEventLoop) -> Iterator[Callable[[Database], Seats]]:
    """Open the seats when the test says (after it has prepared the database); closed after."""
    made: list[Seats] = []

    def start(db: Database) -> Seats:
        made.append(Seats(db, qloop, qtbot))
        return made[-1]

    yield start
    for seats in made:
        try:
            qloop.run_until_complete(seats.switch.stop())
        finally:
            seats.close()


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


def requests(seats: Seats) -> list[tuple[str, str]]:
    from sqlmodel import select

    from console.store.tables import TransferRequestRow

    with seats.orders.transfers._db.read() as s:
        return [(r.key, r.state) for r in s.exec(select(TransferRequestRow)).all()]


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
