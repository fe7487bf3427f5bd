"""The inbox's rows (:class:`console.services.inbox.InboxItem`): what happened, to which order,
when, by whom, the order's status now and the note. New items are bold; seen ones grey."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from console.domain.alarm_levels import AlarmLevel
from console.domain.orders import DeadlineKind
from console.services.inbox import InboxItem, InboxKind
from console.ui.alarms.model import level_names
from console.ui.history_model import china_time
from console.ui.models.base import RowsTableModel
from console.ui.names import deadline_names, status_names

AnyIndex = QModelIndex | QPersistentModelIndex
SEEN_COLOUR = "#777777"
NUMBER_ROLE = Qt.ItemDataRole.UserRole


def kind_names() -> dict[InboxKind, str]:
    translate = QCoreApplication.translate
    return {
        InboxKind.SIGNED_FOR: translate("InboxModel", "Peer signed for"),
        InboxKind.FED_BACK: translate("InboxModel", "Peer fed back"),
        InboxKind.RETURNED: translate("InboxModel", "Peer returned"),
        InboxKind.REFUSED: translate("InboxModel", "Peer refused"),
        InboxKind.AWAITING_COMPLETION: translate("InboxModel", "Awaiting completion"),
        InboxKind.DEADLINE: translate("InboxModel", "Deadline"),
    }


class InboxModel(RowsTableModel):
    WHAT, NUMBER, WHEN, WHO, STATUS, NOTE = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[InboxItem] = []
        self._headers = [
            self.tr("What"), self.tr("Order"), self.tr("When"), self.tr("Who"),
            self.tr("Status now"), self.tr("Note"),
        ]  # fmt: skip
        self._kinds, self._statuses = kind_names(), status_names()
        self._deadlines, self._levels = deadline_names(), level_names()
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def items(self) -> list[InboxItem]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[InboxItem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item(self, row: int) -> InboxItem:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.FontRole:
            return None if item.seen else self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(SEEN_COLOUR) if item.seen else None
        if role == NUMBER_ROLE:
            return item.number
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.NOTE:
            return item.note or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(item, index.column())

    def _text(self, item: InboxItem, column: int) -> str:
        if column == self.WHAT:
            return self._what(item)
        if column == self.NUMBER:
            return item.number
        if column == self.WHEN:
            return china_time(item.at)
        if column == self.WHO:
            return item.who
        if column == self.STATUS:
            return self._statuses[item.status] if item.status else ""
        if column == self.NOTE:
            return " ".join(item.note.split())
        return ""

    def what_samples(self) -> list[str]:
        """The texts a "What" cell can show (a deadline's time as wide as any), for its width."""
        due = QCoreApplication.translate("InboxModel", "due {time}").format(time="2026-12-31 23:59")
        levels = [f"{d} · {lv}" for d in self._deadlines.values() for lv in self._levels.values()]
        return [f"{what} ({due})" for what in self._kinds.values()] + levels

    def _what(self, item: InboxItem) -> str:
        what = self._kinds[item.kind]
        if item.kind is InboxKind.DEADLINE:
            deadline, _, level = item.detail.partition(" ")
            return f"{self._deadlines[DeadlineKind(deadline)]} · {self._levels[AlarmLevel(level)]}"
        if item.kind is InboxKind.AWAITING_COMPLETION and item.due is not None:
            due = QCoreApplication.translate("InboxModel", "due {time}")
            return f"{what} ({due.format(time=china_time(item.due))})"
        return what
