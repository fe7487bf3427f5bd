"""What the seat refuses reaches the agent as the declared sentence in the UI's language: a
state change the agent-state rules do not allow, a command the switch refuses; never the
English text of the exception."""

from __future__ import annotations

from pathlib import Path

import qasync
from pytestqt.qtbot import QtBot

from console.domain.agent_state import AgentState, NotReadyReason
from console.store.engine import Database
from console.telephony.port import Line
from tests.ui.test_seat import CALLER, build
from tests.waiting import until


def test_refusals_of_the_seat_are_said_in_chinese(
    chinese: None, qtbot: QtBot, qloop: qasync.QEventLoop, sqlite_db: Database, tmp_path: Path
) -> None:
    holder, _panel, controller, switch, _orders, worker = build(sqlite_db, tmp_path, qloop)
    qtbot.addWidget(holder)
    holder.resize(1200, 760)
    holder.show()
    notices: list[str] = []
    controller.notice.connect(notices.append)

    async def scenario() -> None:
        switch.start()
        controller.log_in()
        switch.place_call(Line.HOTLINE, CALLER)
        await until(lambda: controller._bar.ringing.count() == 1)
        controller.answer_next()
        await until(lambda: controller.current is not None)
        controller.set_not_ready(NotReadyReason.BREAK)  # a break during a call: the rules say no
        await until(lambda: notices)
        assert notices[-1] == "通话中不能切换状态：请先结束通话。"
        assert controller.state is AgentState.ON_CALL
        controller.spawn(switch.hold("SIM-NO-SUCH-CALL"))  # the switch says no
        await until(lambda: len(notices) == 2)
        assert notices[-1] == "交换机拒绝了该操作。"

    try:
        qloop.run_until_complete(scenario())
    finally:
        qloop.run_until_complete(switch.stop())
        controller.close()
        worker.shutdown()
