"""What the forms say is true: the red "not saved" line goes once nothing is marked, and an
escalation to 110 asks for its kind instead of presuming one."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from console.domain.catalogue import Kind
from console.domain.intake import Draft
from console.domain.orders import Action, Platform, apply
from console.ui.seat.order_actions import OrderActions
from tests.ui.intake_harness import Seat
from tests.ui.ops_doubles import HeldOperations
from tests.ui.test_order_actions import A01, HEPING, NOW, order

CRIME = Kind("P-XS", Platform.POLICE, "刑事", "Criminal", police=True)
ORDER = Kind("P-ZA", Platform.POLICE, "治安", "Public order", police=True)


def test_the_not_saved_line_goes_when_the_last_problem_is_fixed(seat: Seat) -> None:
    form = seat.open()
    form.set_draft(Draft(caller_phone="13812345678", kind="C-TS", field="F-SH",
                         district="210102"))  # fmt: skip
    form.save()  # the description is missing
    assert form.problems_shown() and form.message.isVisible()
    form.fields.description.setPlainText("楼下烧烤店夜间噪音扰民")
    assert form.problems_shown() == {}
    assert not form.message.isVisible() and form.message.text() == ""


def test_the_not_saved_line_stays_while_a_problem_is_left(seat: Seat) -> None:
    form = seat.open()
    form.set_draft(Draft(caller_phone="13812345678", field="F-SH"))
    form.save()
    assert {"kind", "district", "description"} <= set(form.problems_shown())
    form.fields.description.setPlainText("楼下烧烤店夜间噪音扰民")
    assert form.message.isVisible() and form.message.text()


def test_escalating_asks_for_the_110_kind_and_presumes_none(qtbot: QtBot) -> None:
    pending = HeldOperations()
    steps = OrderActions(
        by=A01, perform=lambda step: step, ops=pending,
        departments=lambda: [HEPING], police_kinds=[CRIME, ORDER],
    )  # fmt: skip
    qtbot.addWidget(steps)
    dispatched = apply(replace(order("A", handling=False)), Action.DISPATCH, A01.actor, NOW,
                       detail=HEPING.code)  # fmt: skip
    steps.show_order(dispatched)
    steps.open_step(Action.ESCALATE)
    assert steps.kind.currentIndex() == -1 and steps.kind.currentData() is None
    steps.note.setPlainText("社区报告：双方争吵，情绪激动")
    steps.submit()
    assert pending.asks == [] and steps.error.text()  # refused here: nothing sent
    steps.kind.setCurrentIndex(steps.kind.findData(ORDER.code))
    steps.submit()
    assert len(pending.asks) == 1
