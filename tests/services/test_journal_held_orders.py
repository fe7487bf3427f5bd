"""An order as it will be once the seat's journal is written, and steps on a held new order
(issue 18): the order detail reads an order through ``JournalService.shown`` — the agent's held
steps applied by the domain's rules; a new order still held opens by its label (暂存-0003) and
takes the steps the seat may hold, held behind it and written after it, on the number it gets,
exactly once and in order, with their own times, even across a kill. On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from console.domain.orders import Action, Status, WorkOrder
from console.domain.refusals import Refused
from console.services.journal import JournalService
from console.services.journal_shown import Shown
from console.services.orders import UnknownOrder
from console.services.steps import Held, Step
from tests.services.outage import Outage
from tests.services.test_journal_outage import HOTLINE, OTHER, draft, when
from tests.services.test_journal_steps import Desk, desk, outage

__all__ = ["desk", "outage"]  # the fixtures, both databases


def shown(desk: Desk, number: str) -> Shown:
    return desk.journal.shown(number, lambda n: desk.orders.get(n).order)


def step(desk: Desk, number: str, action: Action, note: str = "") -> object:
    """A step from the order detail, on the order as it shows it."""
    seen = len(shown(desk, number).order.timeline)
    return desk.journal.step(Step(number, seen, action, note), desk.steps.perform)


def actions(order: WorkOrder) -> list[Action]:
    return [e.action for e in order.timeline]


def test_a_held_order_opens_and_its_steps_are_written_after_it_once_in_order(
    desk: Desk, outage: Outage
) -> None:
    outage.down()
    saved_at = desk.clock.now()
    label = desk.journal.save(draft(1))
    held = shown(desk, label)  # opened by its label: nothing read from the database
    assert (held.order.number, held.order.status, held.written, held.held) == (
        label, Status.RECEIVED, 0, 1)  # fmt: skip
    assert held.order.caller.phone == "13812345678" and held.order.created_at == saved_at
    desk.clock.advance(60)
    handled_at = desk.clock.now()
    assert step(desk, label, Action.START_HANDLING) == Held("暂存-0002")
    desk.clock.advance(60)
    noted_at = desk.clock.now()
    assert step(desk, label, Action.PROGRESS, "已联系物业") == Held("暂存-0003")
    after = shown(desk, label)
    assert after.order.status is Status.HANDLING and after.held == 3
    assert actions(after.order) == [Action.CREATE, Action.START_HANDLING, Action.PROGRESS]
    with pytest.raises(Refused) as refused:  # a close needs the order in the database
        step(desk, label, Action.CANCEL, "重复来电")
    assert refused.value.code == "needs_database"
    outage.up()
    desk.restart()  # back, not yet written: the held order still refuses what needs it
    with pytest.raises(Refused) as waits:
        desk.journal.step(Step(label, 3, Action.CANCEL, "重复来电"), desk.steps.perform)
    assert waits.value.code == "needs_database"
    done = desk.journal.replay()
    number = done.written[0][1]
    assert done.written == [(label, number), ("暂存-0002", number), ("暂存-0003", number)]
    assert done.aside == [] and desk.file.entries() == []
    order = desk.orders.get(number).order
    assert actions(order) == [Action.CREATE, Action.START_HANDLING, Action.PROGRESS]
    assert [when(e.at) for e in order.timeline] == [saved_at, handled_at, noted_at]
    assert desk.journal.replay().written == []  # once
    assert actions(desk.orders.get(number).order) == actions(order)
    now = shown(desk, label)  # the label on the agent's screen: the written order now
    assert (now.order.number, now.held, now.order) == (number, 0, order)


class _CutAfterCreate:
    """The orders service of a console killed once the held order was written, before the
    steps held behind it (the database goes again at the first step)."""

    def __init__(self, desk: Desk, outage: Outage) -> None:
        self._orders, self._outage = desk.orders, outage
        self.writer = desk.orders.writer  # the deadlines what is held will get

    def create(self, *args: Any, **kwargs: Any) -> Any:
        return self._orders.create(*args, **kwargs)

    def act(self, *args: Any, **kwargs: Any) -> Any:
        self._outage.down()
        return self._orders.act(*args, **kwargs)


def test_steps_on_a_held_order_survive_a_kill_after_the_order_is_written(
    desk: Desk, outage: Outage
) -> None:
    outage.down()
    label = desk.journal.save(draft(1))
    step(desk, label, Action.START_HANDLING)
    step(desk, label, Action.PROGRESS, "已联系物业")
    outage.up()
    cut = _CutAfterCreate(desk, outage)
    killed = JournalService(cut, HOTLINE, desk.file, desk.clock.now)  # type: ignore[arg-type]
    done = killed.replay()
    assert done.stopped and [w[0] for w in done.written] == [label]
    number = done.written[0][1]
    desk.restart()  # a new process: nothing in memory says what 暂存-0001 became
    outage.up()
    assert desk.journal.health(True)
    assert [w[0] for w in desk.journal.replay().written] == ["暂存-0002", "暂存-0003"]
    order = desk.orders.get(number).order
    assert actions(order) == [Action.CREATE, Action.START_HANDLING, Action.PROGRESS]
    assert desk.rows("SELECT COUNT(*) FROM work_order") == [(1,)]  # the order once


def test_held_steps_show_the_order_as_it_will_be_until_the_write_back_says_otherwise(
    desk: Desk, outage: Outage
) -> None:
    number = desk.journal.save(draft(1))
    on_screen = shown(desk, number)  # read before the database went
    outage.down()

    def take(action: Action, note: str = "") -> object:  # as the detail does, nothing read
        nonlocal on_screen
        seen = len(on_screen.order.timeline)
        result = desk.journal.step(Step(number, seen, action, note), desk.steps.perform)
        on_screen = desk.journal.project(on_screen.base, on_screen.written)
        return result

    assert take(Action.START_HANDLING) == Held("暂存-0001")
    # The rules' next state, the database's lines kept apart:
    assert (on_screen.order.status, on_screen.written, on_screen.held) == (Status.HANDLING, 1, 1)
    assert on_screen.base.status is Status.RECEIVED
    assert take(Action.FEED_BACK, "已答复") == Held("暂存-0002")  # allowed from HANDLING
    assert on_screen.order.status is Status.FED_BACK and on_screen.held == 2
    outage.up()
    desk.orders.act(number, Action.START_HANDLING, OTHER, seen=1)  # another seat, meanwhile
    assert desk.journal.health(True)  # found back: read afresh, not from the seat's copy
    meanwhile = shown(desk, number)  # the held steps no longer fit: not shown as done
    assert (meanwhile.order.status, meanwhile.held) == (Status.HANDLING, 0)
    assert meanwhile.order.timeline[-1].seat == OTHER.actor.seat
    done = desk.journal.replay()  # the feedback fits the other seat's timeline: not forced
    assert done.written == [] and [a.reason for a in done.aside] == ["stale", "stale"]
    assert shown(desk, number).order == desk.orders.get(number).order


def test_steps_on_a_held_order_not_written_are_set_aside_and_refused_after(
    desk: Desk, outage: Outage
) -> None:
    outage.down()
    label = desk.journal.save(draft(1, kind="NO-SUCH-KIND"))  # refused when written
    step(desk, label, Action.START_HANDLING)
    outage.up()
    desk.journal.replay()
    assert [(a.label, a.reason) for a in desk.journal.view().aside] == [
        (label, "invalid_draft"), ("暂存-0002", "order_not_written")]  # fmt: skip
    with pytest.raises(UnknownOrder):
        shown(desk, label)
    with pytest.raises(Refused) as refused:
        desk.journal.step(Step(label, 2, Action.PROGRESS, "已联系物业"), desk.steps.perform)
    assert refused.value.code == "order_not_written"
    assert desk.rows("SELECT COUNT(*) FROM work_order") == [(0,)]
