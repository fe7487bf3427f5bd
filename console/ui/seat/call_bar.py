"""The call bar: calls ringing for this seat's line, how long each has waited, the queue figures.

Numbers stay masked (138****1234) until the call is answered. It only shows what the seat hands
it (:meth:`set_calls`, :meth:`set_now`); answering is a signal the seat acts on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.call_stats import CallStats
from console.domain.phone import format_phone, mask_phone
from console.telephony.port import Call, CallState

RINGING_STYLE = "QListWidget#ringing::item { padding: 4px; background: #e8f1fb; }"


def clock_text(span: timedelta) -> str:
    seconds = max(0, int(span.total_seconds()))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class CallBar(QWidget):
    """Signals: ``answer_requested(str call_id)`` — the agent asked to take that call."""

    answer_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(320, 120))
        self._calls: list[Call] = []
        self._current: Call | None = None
        self._now: datetime | None = None
        self.ringing = QListWidget()
        self.ringing.setObjectName("ringing")
        self.ringing.setStyleSheet(RINGING_STYLE)
        self.ringing.setMaximumHeight(110)
        self.answer_button = QPushButton(self.tr("Answer (F5)"))
        self.answer_button.setEnabled(False)
        self.current = QLabel(self.tr("No call"))
        self.current.setObjectName("currentCall")
        self.queue = QLabel()
        self.queue.setObjectName("queueFigures")
        top = QHBoxLayout()
        top.addWidget(self.current, 1)
        top.addWidget(self.queue)
        row = QHBoxLayout()
        row.addWidget(self.ringing, 1)
        row.addWidget(self.answer_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(row)
        self.answer_button.clicked.connect(self.answer_first)
        self.ringing.itemActivated.connect(
            lambda item: self.answer_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )

    def set_calls(self, ringing: Sequence[Call], current: Call | None) -> None:
        self._calls = sorted(ringing, key=lambda c: c.arrived_at)
        self._current = current
        self._render()

    @Slot()
    def answer_first(self) -> None:
        """Take the call that has waited longest."""
        if self._calls and self._current is None:
            self.answer_requested.emit(self._calls[0].call_id)

    def set_now(self, now: datetime, stats: CallStats) -> None:
        self._now = now
        level = stats.service_level
        share = "—" if level is None else f"{level:.0%}"
        self.queue.setText(
            self.tr("Waiting {count} · longest {wait} · answered within 15 s {share}").format(
                count=stats.waiting, wait=clock_text(stats.longest_wait(now)), share=share
            )
        )
        self._render()

    def _render(self) -> None:
        now = self._now
        self.ringing.clear()
        for call in self._calls:
            waited = clock_text(now - call.arrived_at) if now else "--:--"
            text = self.tr("{line} line · {number} · waiting {waited}").format(
                line=call.line.value, number=mask_phone(call.caller), waited=waited
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, call.call_id)
            self.ringing.addItem(item)
        self.answer_button.setEnabled(bool(self._calls) and self._current is None)
        talking = self._current
        if talking is None:
            self.current.setText(self.tr("No call"))
            return
        talked = clock_text(now - talking.arrived_at) if now else "--:--"
        states = {
            CallState.ANSWERED: self.tr("on the line"),
            CallState.HELD: self.tr("on hold"),
            CallState.TRANSFERRING: self.tr("transferring"),
            CallState.CONFERENCED: self.tr("three-way call"),
            CallState.TRANSFERRED: self.tr("transferred in from the peer platform"),
        }
        self.current.setText(
            self.tr("{number} · {state} · {time}").format(
                number=format_phone(talking.caller),
                state=states.get(talking.state, talking.state.value),
                time=talked,
            )
        )
