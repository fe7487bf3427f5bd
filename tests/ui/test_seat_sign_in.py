"""A seat opens on its sign-in screen; the account signed in is who acts; the idle lock covers
a free seat and keeps its call state; sign-out sets the seat not ready and logs it out."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from console.demo.accounts import add_demo_accounts
from console.domain.agent_state import AgentState
from console.domain.intake import Draft
from console.services.sessions import SessionEvent
from console.settings import data_dir
from console.telephony.port import Line
from tests.services.outage import open_fds
from tests.ui.linkage_harness import CALLER, take_call_and_save
from tests.ui.sign_in_harness import IDLE_MIN, PASSWORD, Desk
from tests.waiting import until

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)"
)


def on_loop(scenario: Callable[[Desk], Awaitable[None]]) -> Callable[[Desk], None]:
    """A test that runs ``scenario`` on the desk's qasync loop."""

    @functools.wraps(scenario)
    def test(desk: Desk) -> None:
        desk.loop.run_until_complete(scenario(desk))

    return test


async def sign_in(desk: Desk, password: str = PASSWORD) -> None:
    form = desk.slot.form
    QTest.keyClicks(form.login, "wangli")
    QTest.keyClick(form.login, Qt.Key.Key_Return)
    QTest.keyClicks(form.password, password)
    QTest.keyClick(form.password, Qt.Key.Key_Return)
    assert form.message.text() == "Verifying…"  # argon2id runs on the worker meanwhile
    await until(lambda: desk.slot.part is not None or not form.busy, what="the sign-in")


@on_loop
async def test_signing_in_opens_the_seat_for_that_account(desk: Desk) -> None:
    assert desk.slot.front is desk.slot.screen and desk.slot.part is None
    await sign_in(desk)
    part = desk.hot
    assert desk.slot.front is part.window and part.window.isVisible()
    assert not desk.slot.screen.isVisible()
    assert "王丽" in part.status.agent_label.text()
    await until(lambda: part.seat.controller.state is AgentState.READY)
    number = await take_call_and_save(desk)  # type: ignore[arg-type]
    timeline = desk.orders.get(number).order.timeline
    assert {(e.actor, e.seat) for e in timeline} == {("王丽", "A-01")}


@on_loop
async def test_a_refused_sign_in_opens_nothing(desk: Desk) -> None:
    await sign_in(desk, "wrong-password-1")
    assert desk.slot.part is None and desk.slot.screen.isVisible()
    assert desk.slot.form.login.text() == "wangli"
    assert [n.event for n in desk.notes] == [SessionEvent.REFUSED]


@on_loop
async def test_the_idle_seat_locks_and_unlocks_with_the_password(desk: Desk) -> None:
    await sign_in(desk)
    part, lock = desk.hot, desk.slot.lock
    assert lock is not None
    part.seat.panel.intake.set_draft(Draft(caller_phone=CALLER, description="楼上漏水"))
    desk.time.pass_minutes(IDLE_MIN - 1)
    lock.check()
    assert not lock.is_locked
    desk.time.pass_minutes(1)
    lock.check()
    assert lock.is_locked and lock.cover.isVisible()
    assert lock.cover.geometry() == part.window.rect()  # the call area and status bar too
    assert part.window.windowTitle() == "Seat locked"
    answered: list[str] = []
    part.seat.controller.state_changed.connect(lambda s, _r: answered.append(s))
    QTest.keyClick(part.window, Qt.Key.Key_F3)  # the window's keys do nothing meanwhile
    assert answered == []

    form = lock.form
    assert form.login.text() == "wangli" and form.login.isReadOnly()
    QTest.keyClicks(form.password, PASSWORD)
    QTest.keyClick(form.password, Qt.Key.Key_Return)
    await until(lambda: not lock.is_locked, what="the unlock")
    assert part.seat.panel.intake.draft().description == "楼上漏水"  # nothing torn down
    assert "王丽" in part.window.windowTitle() or part.window.windowTitle() != "Seat locked"
    events = [n.event for n in desk.notes]
    assert events[-2:] == [SessionEvent.IDLE_LOCKED, SessionEvent.UNLOCKED]


@on_loop
async def test_the_lock_waits_while_a_call_rings_is_connected_or_in_wrap_up(desk: Desk) -> None:
    await sign_in(desk)
    part, lock = desk.hot, desk.slot.lock
    assert lock is not None
    controller = part.seat.controller
    await until(lambda: controller.state is AgentState.READY)
    desk.switch.place_call(Line.HOTLINE, CALLER)
    await until(lambda: controller.ringing is not None, what="the seat rings")
    desk.time.pass_minutes(IDLE_MIN + 1)
    lock.check()
    assert not lock.is_locked
    controller.answer_next()
    await until(lambda: controller.current is not None)
    lock.check()
    assert not lock.is_locked
    controller.hang_up()
    await until(lambda: controller.state is AgentState.WRAP_UP)
    lock.check()
    assert not lock.is_locked
    controller.set_ready()  # wrap-up over (no wrap-up code asked: the call left none… yet)
    if controller.state is AgentState.WRAP_UP:
        controller.choose_code(controller.codes[0].code)
    await until(lambda: controller.state is not AgentState.WRAP_UP)
    lock.check()  # the seat is free and still untouched: now it locks
    assert lock.is_locked


@on_loop
async def test_signing_out_sets_the_seat_not_ready_then_logs_it_out(desk: Desk) -> None:
    await sign_in(desk)
    part = desk.hot
    controller = part.seat.controller
    await until(lambda: controller.state is AgentState.READY)
    states: list[str] = []
    controller.state_changed.connect(lambda s, _r: states.append(s))
    part.window.activateWindow()  # a window shortcut needs its window active
    await until(part.window.isActiveWindow)
    QTest.keyClick(part.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert states == ["not_ready", "logged_out"]
    assert desk.slot.part is None and desk.slot.screen.isVisible()
    assert desk.slot.form.login.text() == ""
    assert [n.event for n in desk.notes][-1] is SessionEvent.SIGNED_OUT


@on_loop
async def test_no_sign_out_during_a_call(desk: Desk) -> None:
    await sign_in(desk)
    await take_call_and_save(desk)  # type: ignore[arg-type]
    part = desk.hot
    part.window.findChild(object, "sign-out").activated.emit()  # type: ignore[union-attr]
    assert desk.slot.part is part
    assert "Finish the call" in part.status.currentMessage()


@on_loop
async def test_the_demo_sign_in_says_so_on_the_status_bar(desk: Desk) -> None:
    add_demo_accounts(desk.accounts)
    assert desk.slot.demo_sign_in()
    part = desk.hot
    assert "（演示）" in part.status.agent_label.text()
    assert part.status.demo_label.text() == "Demo account"


@on_loop
async def test_signing_out_closes_the_seat_journal_file(desk: Desk) -> None:
    journal = data_dir() / "journal" / "A-01.sqlite3"  # the seat's outage journal
    for _ in range(2):  # signed in again at the same seat: one file open, never two
        await sign_in(desk)  # the second time: the form is usable again after a sign-out
        part = desk.hot
        assert open_fds(journal) >= 1
        controller = part.seat.controller
        await until(lambda c=controller: c.state is AgentState.READY)  # type: ignore[misc]
        part.window.activateWindow()  # a window shortcut needs its window active
        await until(part.window.isActiveWindow)
        QTest.keyClick(part.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
        assert desk.slot.part is None
        assert open_fds(journal) == 0  # its SQLite connection (and WAL) closed
