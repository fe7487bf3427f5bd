"""The order detail in the real seat window: an open step form leaves the timeline's newest
steps in view."""

from __future__ import annotations

import qasync

from console.domain.intake import Draft
from console.domain.orders import Action
from tests.ui.linkage_harness import A01, CALLER, J01, Seats
from tests.ui.test_inbox import act
from tests.waiting import until


def test_an_open_step_form_leaves_the_newest_steps_in_view(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    """At the window's smallest size, with a step form open, the timeline still shows its top
    rows (the newest steps) — the fields above it scroll instead."""
    window = seats.hot.window
    window.resize(window.minimumSize())
    detail = window.detail
    assert detail is not None and detail.steps is not None
    steps = detail.steps

    async def scenario() -> None:
        draft = Draft(caller_phone=CALLER, kind="C-TS", field="F-SH", district="210102",
                      description="小区门口两户因停车发生争执", consent=True)  # fmt: skip
        number = seats.orders.create(draft, A01).order.number
        seats.orders.transfers.transfer(number, A01, "涉嫌违法", key="k-form")
        for action in (Action.SIGN_FOR, Action.START_HANDLING):
            act(seats, number, action, J01)
        act(seats, number, Action.FEED_BACK, J01, "已出警，纠纷已调解。" * 8)
        window.open_order(number)
        await until(lambda: steps.order is not None and len(steps.order.timeline) == 5)
        steps.open_step(Action.RETURN)
        await until(lambda: steps.form.isVisible())
        table = detail.timeline
        await until(lambda: table.viewport().height() >= 3 * table.rowHeight(2))
        top = table.visualRect(table.model().index(0, 0))
        assert table.viewport().rect().contains(top.topLeft())
        assert table.item(0, 4).text() == "Feed back"  # the newest step, on top

    qloop.run_until_complete(scenario())
