"""The shift lead's board of seats: who is ready, not ready (and why), on a call or in wrap-up,
and for how long; a seat whose console stopped reporting is offline (离线), with the time since
it was last heard of. Re-read every 5 s as a read operation (a poll never queues behind one
still running); the time column ticks every second."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from console.domain.agent_state import AgentState, NotReadyReason
from console.services.seat import BoardLine
from console.ui.models.base import RowsTableModel
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.call_bar import clock_text

AnyIndex = QModelIndex | QPersistentModelIndex
TINTS = {
    AgentState.READY: "#e3f4e1",
    AgentState.ON_CALL: "#e8f1fb",
    AgentState.WRAP_UP: "#fff5d6",
    AgentState.NOT_READY: "#eeeeee",
}
OFFLINE_TINT = "#f3d9d9"


class BoardModel(RowsTableModel):
    SEAT, AGENT, STATE, REASON, SINCE = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BoardLine] = []
        self._now: datetime | None = None
        self._headers = [
            self.tr("Seat"), self.tr("Agent"), self.tr("State"), self.tr("Reason"),
            self.tr("For"),
        ]  # fmt: skip
        self._states = {
            AgentState.READY: self.tr("Ready"),
            AgentState.NOT_READY: self.tr("Not ready"),
            AgentState.ON_CALL: self.tr("On a call"),
            AgentState.WRAP_UP: self.tr("Wrap-up"),
            AgentState.LOGGED_OUT: self.tr("Logged out"),
        }
        self._offline = self.tr("Offline")
        self._reasons = {
            NotReadyReason.BREAK: self.tr("Break"),
            NotReadyReason.MEETING: self.tr("Meeting"),
            NotReadyReason.TRAINING: self.tr("Training"),
            NotReadyReason.OTHER: self.tr("Other"),
            NotReadyReason.NO_ANSWER: self.tr("Missed call"),
        }

    def set_rows(self, rows: Sequence[BoardLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self._rows:
            top, bottom = self.index(0, self.SINCE), self.index(len(self._rows) - 1, self.SINCE)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = OFFLINE_TINT if line.offline else TINTS.get(line.state)
            return QColor(tint) if tint else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.SEAT:
            return line.seat
        if column == self.AGENT:
            return line.agent
        if column == self.STATE:
            return self._offline if line.offline else self._states.get(line.state, line.state.value)
        if column == self.REASON:
            if line.offline:  # what it was doing when it was last heard of
                return self._states.get(line.state, line.state.value)
            return self._reasons.get(line.reason, "") if line.reason else ""
        if column == self.SINCE:
            since = line.heard_at if line.offline and line.heard_at else line.since
            return clock_text(self._now - since) if self._now else ""
        return None


class StateBoard(QWidget):
    def __init__(
        self, board: Callable[[], list[BoardLine]], ops: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(480, 240))
        self._board, self._ops = board, ops
        self.model = BoardModel(self)
        self.summary = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.timer = QTimer(self, interval=5000)
        self.timer.setObjectName("state-board-refresh")
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def refresh(self) -> None:
        self._ops.read(self, "board", self._board, success=self._show, failure=self._failed)

    def _failed(self, error: Exception) -> None:
        self.summary.setText(
            self.tr("Cannot load the seats: {error}").format(error=refusal_text(error))
        )

    def _show(self, rows: list[BoardLine]) -> None:
        self.model.set_rows(rows)
        live = [r for r in rows if not r.offline]
        counts = {state: sum(1 for r in live if r.state is state) for state in AgentState}
        text = self.tr("Ready {ready} · on a call {call} · wrap-up {wrap} · not ready {busy}").format(
            ready=counts[AgentState.READY], call=counts[AgentState.ON_CALL],
            wrap=counts[AgentState.WRAP_UP], busy=counts[AgentState.NOT_READY],
        )  # fmt: skip
        if len(live) < len(rows):
            text += self.tr(" · offline {count}").format(count=len(rows) - len(live))
        self.summary.setText(text)

    def set_now(self, now: datetime) -> None:
        self.model.set_now(now)
