"""The order-steps widget alone: what it keeps while the agent moves between orders."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from console.domain.catalogue import Department, DepartmentKind
from console.domain.orders import Action, Caller, Platform, WorkOrder, apply, new_order
from console.ui.seat.order_actions import OrderActions
from tests.principals import at_seat
from tests.ui.ops_doubles import HeldOperations

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
NOW = datetime(2026, 11, 27, 2, tzinfo=UTC)
HEPING = Department("210102-GOV", "和平区人民政府", "Heping", "210102", DepartmentKind.GOVERNMENT)


def order(number: str, handling: bool = True) -> WorkOrder:
    made = new_order(
        number=number, actor=A01.actor, at=NOW, caller=Caller("13812345678"), kind="C-TS",
        field=None, district="210102", address="", description="楼下噪音", consent=True,
    )  # fmt: skip
    return apply(made, Action.START_HANDLING, A01.actor, NOW) if handling else made


def widget(qtbot: QtBot, pending: HeldOperations) -> OrderActions:
    """Steps whose work waits in ``pending`` until the test lets it finish."""
    made = OrderActions(
        by=A01, perform=lambda step: step, ops=pending,
        departments=lambda: [HEPING], police_kinds=[],
    )  # fmt: skip
    qtbot.addWidget(made)
    return made


def test_a_step_answered_after_the_agent_moved_on_leaves_the_new_note_alone(qtbot: QtBot) -> None:
    pending = HeldOperations()
    steps = widget(qtbot, pending)
    steps.show_order(order("A"))
    steps.open_step(Action.FEED_BACK)
    steps.note.setPlainText("已答复 A")
    steps.submit()
    steps.show_order(order("B"))
    steps.open_step(Action.FEED_BACK)
    steps.note.setPlainText("正在写 B")
    assert len(pending.asks) == 1
    pending.answer()  # A's feedback was saved meanwhile
    assert steps.action is Action.FEED_BACK and steps.note.toPlainText() == "正在写 B"
    steps.show_order(order("A"))
    steps.open_step(Action.FEED_BACK)
    assert steps.note.toPlainText() == ""  # A's note went with its saved step


def test_the_directory_fills_even_if_the_order_was_re_read_while_it_loaded(qtbot: QtBot) -> None:
    pending = HeldOperations()
    steps = widget(qtbot, pending)
    received = order("A", handling=False)
    steps.show_order(received)
    steps.open_step(Action.DISPATCH)
    steps.show_order(replace(received))  # the change poll re-read the same order
    loaded: list[list[Department]] = []
    steps.directory_loaded.connect(loaded.append)
    assert len(pending.asks) == 1
    pending.answer()
    assert steps.department.count() == 1 and steps.action is Action.DISPATCH
    assert loaded == [[HEPING]]  # the window's department names follow the directory


def test_the_buttons_are_what_the_roles_allow_too(qtbot: QtBot) -> None:
    from tests.principals import nobody

    made = OrderActions(
        by=nobody(), perform=lambda step: step, ops=HeldOperations(),
        departments=lambda: [HEPING], police_kinds=[],
    )  # fmt: skip
    qtbot.addWidget(made)
    made.show_order(order("A"))
    assert not any(b.isVisibleTo(made) for b in made.buttons.values())
    made.open_step(Action.FEED_BACK)  # opened by hand: still refused, nothing sent
    made.note.setPlainText("已答复")
    made.submit()
    assert made.error.text() == "Your roles do not allow this."
