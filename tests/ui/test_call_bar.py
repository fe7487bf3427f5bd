from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.domain.call_stats import CallStats
from console.telephony.port import Call, CallState, Line
from console.ui.seat.call_bar import CallBar

T0 = datetime(2026, 11, 26, 1, tzinfo=UTC)


def test_ringing_calls_are_masked_timed_and_answered_oldest_first(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    bar = CallBar(holder)
    late = Call("c2", "13900001111", Line.HOTLINE, T0 + timedelta(seconds=20))
    early = Call("c1", "13812341234", Line.HOTLINE, T0)
    stats = CallStats()
    stats.arrived("c1", T0)
    stats.arrived("c2", T0 + timedelta(seconds=20))
    bar.set_calls([late, early], None)
    bar.set_now(T0 + timedelta(seconds=42), stats)
    first = bar.ringing.item(0).text()
    assert "138****1234" in first and "00:42" in first and "13812341234" not in first
    assert "Waiting 2" in bar.queue.text() and "00:42" in bar.queue.text()
    with qtbot.waitSignal(bar.answer_requested) as asked:
        bar.answer_button.click()
    assert asked.args == ["c1"]
    talking = Call("c1", "13812341234", Line.HOTLINE, T0, CallState.ANSWERED, seat="A-01")
    bar.set_calls([late], talking)
    assert "13812341234" in bar.current.text()  # answered: the full number
    assert not bar.answer_button.isEnabled()  # one call at a time
