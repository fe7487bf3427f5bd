"""Table model for a caller's order history (来电历史): one row per order, newest first.

The rows are whatever :meth:`OrderService.caller_history` returned; the model never queries the
database itself. Histories are short (the service caps them), so the whole list is set at once
with a model reset rather than paged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from console.domain.orders import Status
from console.services.orders import OrderSummary
from console.ui.models.base import RowsTableModel
from console.ui.names import platform_names, status_names

CHINA = ZoneInfo("Asia/Shanghai")
DESCRIPTION_CHARS = 60  # the view elides further; this keeps one line and a bounded cell

AnyIndex = QModelIndex | QPersistentModelIndex


class HistoryModel(RowsTableModel):
    """Read-only rows of :class:`OrderSummary`; ``Qt.UserRole`` gives the summary itself."""

    NUMBER, CREATED, KIND, STATUS, OWNER, DESCRIPTION = range(6)

    def __init__(self, kind_names: Mapping[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._kind_names = dict(kind_names)
        self._rows: list[OrderSummary] = []
        # Built once: translators are installed before any window exists.
        self._headers = [
            self.tr("Number"),
            self.tr("Created"),
            self.tr("Kind"),
            self.tr("Status"),
            self.tr("Owner"),
            self.tr("Description"),
        ]
        self._status_names, self._platform_names = status_names(), platform_names()

    def set_rows(self, rows: Sequence[OrderSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> OrderSummary:
        return self._rows[row]

    def status_name(self, status: Status) -> str:
        return self._status_names[status]

    # Qt interface -------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        order = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(order, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DESCRIPTION:
                return order.description
            if column == self.KIND:
                return order.kind
            return None
        if role == Qt.ItemDataRole.UserRole:
            return order
        return None

    def _display(self, order: OrderSummary, column: int) -> str | None:
        if column == self.NUMBER:
            return order.number
        if column == self.CREATED:
            return china_time(order.created_at)
        if column == self.KIND:
            return self._kind_names.get(order.kind, order.kind)
        if column == self.STATUS:
            return self._status_names[order.status]
        if column == self.OWNER:
            return self._platform_names[order.owner]
        if column == self.DESCRIPTION:
            return one_line(order.description, DESCRIPTION_CHARS)
        return None


def china_time(at: datetime) -> str:
    """``yyyy-MM-dd HH:mm`` in Asia/Shanghai; a naive value is taken as UTC (how it is stored)."""
    aware = at.replace(tzinfo=UTC) if at.tzinfo is None else at
    return aware.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
