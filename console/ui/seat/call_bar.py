"""The call bar: calls ringing for this seat's line, how long each has waited, the queue figures,
and the call on the line: timed from its answer, its hold timed on its own.

Numbers stay masked (138****1234) until the call is answered. A hold longer than the site's
``hold_reminder`` turns the hold timer into a reminder (amber, no dialog). It only shows what
the seat hands it (:meth:`set_calls`, :meth:`set_now`); answering is a signal the seat acts on.
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

RINGING_STYLE = "QListWidget#ringing::item { padding: 2px 4px; background: #e8f1fb; }"
HOLD_STYLES = {
    False: "QLabel#holdTimer { color: #5a4a00; padding: 0 6px; }",
    True: "QLabel#holdTimer { background: #ffb300; color: #2b1d00; font-weight: bold;"
    " padding: 1px 8px; border-radius: 3px; }",
}


def clock_text(span: timedelta) -> str:
    seconds = max(0, int(span.total_seconds()))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class CallBar(QWidget):
    """Signals: ``answer_requested(str call_id)`` — the agent asked to take that call."""

    answer_requested = Signal(str)

    def __init__(
        self, hold_reminder: timedelta = timedelta(seconds=60), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(320, 50))
        self._calls: list[Call] = []
        self._current: Call | None = None
        self._answered_at: datetime | None = None
        self._held_since: datetime | None = None
        self._hold_reminder = hold_reminder
        self._now: datetime | None = None
        self.hold_overdue = False  # the reminder is showing
        self.ringing = QListWidget()
        self.ringing.setObjectName("ringing")
        self.ringing.setStyleSheet(RINGING_STYLE)
        # Two calls in view, the rest scroll: the bar sits over every tab, so it stays low.
        self.ringing.setFixedHeight(50)
        self.answer_button = QPushButton(self.tr("Answer (F5)"))
        self.answer_button.setEnabled(False)
        self.current = QLabel(self.tr("No call"))
        self.current.setObjectName("currentCall")
        self.hold = QLabel()
        self.hold.setObjectName("holdTimer")
        self.hold.hide()
        self.queue = QLabel()
        self.queue.setObjectName("queueFigures")
        talk = QHBoxLayout()
        talk.addWidget(self.current)
        talk.addWidget(self.hold)
        talk.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(talk)
        left.addWidget(self.queue)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self.ringing, 1)
        layout.addWidget(self.answer_button, 0, Qt.AlignmentFlag.AlignTop)
        self.answer_button.clicked.connect(self.answer_first)
        self.ringing.itemActivated.connect(
            lambda item: self.answer_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )

    def set_calls(
        self,
        ringing: Sequence[Call],
        current: Call | None,
        *,
        answered_at: datetime | None = None,
        held_since: datetime | None = None,
    ) -> None:
        """``answered_at``: when this seat got ``current`` (the call timer counts from it);
        ``held_since``: when its hold began (None: not on hold)."""
        self._calls = sorted(ringing, key=lambda c: c.arrived_at)
        self._current = current
        self._answered_at = answered_at if current is not None else None
        self._held_since = held_since if current is not None else None
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
        self.ringing.setVisible(bool(self._calls))  # no empty box; the bar keeps its height
        talking = self._current
        self._render_hold()
        if talking is None:
            self.current.setText(self.tr("No call"))
            return
        since = self._answered_at
        talked = clock_text(now - since) if now and since else "--:--"
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

    def _render_hold(self) -> None:
        now, since = self._now, self._held_since
        if since is None:
            self.hold.hide()
            self._set_overdue(False)
            return
        held = now - since if now else timedelta(0)
        overdue = held >= self._hold_reminder
        if overdue:
            text = self.tr("On hold for {time}: go back to the caller")
        else:
            text = self.tr("On hold {time}")
        self.hold.setText(text.format(time=clock_text(held)))
        self.hold.show()
        self._set_overdue(overdue)

    def _set_overdue(self, overdue: bool) -> None:
        if overdue != self.hold_overdue or not self.hold.styleSheet():
            self.hold_overdue = overdue
            self.hold.setStyleSheet(HOLD_STYLES[overdue])
