"""The sender hears back: two seats on one database; what the 110 seat does to an order the
12345 seat sent shows in the 12345 seat's inbox through the change feed, one key from the order."""

from __future__ import annotations

import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from console.domain.intake import Draft
from console.domain.orders import Action, Actor
from console.services.inbox import InboxKind
from console.ui.models.inbox_model import InboxModel
from tests.ui.linkage_harness import A01, CALLER, J01, Seats
from tests.waiting import until


def act(seats: Seats, number: str, action: Action, actor: Actor, note: str = "") -> None:
    seen = len(seats.orders.get(number).order.timeline)
    seats.orders.act(number, action, actor, note, seen=seen)


def test_the_peer_feedback_reaches_the_senders_inbox_and_opens_its_order(
    seats: Seats, qloop: qasync.QEventLoop
) -> None:
    window = seats.hot.window
    inbox = window.inbox
    assert inbox is not None and inbox.objectName() == "inbox"
    model: InboxModel = inbox.model  # type: ignore[attr-defined]
    tabs = window.tabs
    title = tabs.tabText(tabs.indexOf(inbox))

    async def scenario() -> None:
        draft = Draft(caller_phone=CALLER, kind="C-TS", field="F-SH", district="210102",
                      description="小区门口两户因停车发生争执", consent=True)  # fmt: skip
        number = seats.orders.create(draft, A01).order.number
        seats.orders.transfers.transfer(number, A01, "涉嫌违法", key="k-inbox")
        act(seats, number, Action.SIGN_FOR, J01)
        act(seats, number, Action.START_HANDLING, J01)
        act(seats, number, Action.FEED_BACK, J01, "已出警，纠纷已调解")
        await until(lambda: len(model.items) == 3, what="the three inbox items")
        assert [i.kind for i in model.items] == [
            InboxKind.FED_BACK, InboxKind.SIGNED_FOR, InboxKind.AWAITING_COMPLETION
        ]  # fmt: skip
        assert tabs.tabText(tabs.indexOf(inbox)) == f"{title} (3)"
        note = model.index(0, InboxModel.NOTE)
        assert note.data(Qt.ItemDataRole.ToolTipRole) == "已出警，纠纷已调解"
        # Enter on the feedback opens its order; its items go quiet and the count with them.
        tabs.setCurrentWidget(inbox)
        inbox.table.setFocus()
        inbox.table.setCurrentIndex(model.index(0, 0))
        QTest.keyClick(inbox.table, Qt.Key.Key_Return)
        detail = window.detail
        assert detail is not None
        await until(lambda: detail.order is not None and detail.order.number == number)
        assert tabs.currentWidget() is detail
        await until(lambda: all(i.seen for i in model.items))
        assert tabs.tabText(tabs.indexOf(inbox)) == title
        # The 110 seat heard nothing of its own steps.
        pol_inbox = seats.pol.window.inbox
        assert pol_inbox is not None
        assert [i.kind for i in pol_inbox.model.items] == []  # type: ignore[attr-defined]

    qloop.run_until_complete(scenario())
