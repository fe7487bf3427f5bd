"""Table model of the screen pop (来电弹屏): the caller's orders, open matters first.

Rows are :attr:`console.services.screen_pop.ScreenPop.rows` (open orders, then closed ones); the
model never queries. Columns put what an agent reads back to a caller first: status (an open
order's in bold), kind, address, description; the date and the number follow. ``Qt.UserRole``
gives the row's :class:`OrderSummary`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from console.services.orders import OrderSummary
from console.ui.history_model import china_time, one_line
from console.ui.models.base import RowsTableModel
from console.ui.names import status_names

AnyIndex = QModelIndex | QPersistentModelIndex
DESCRIPTION_CHARS = 60
ADDRESS_CHARS = 40
# Column titles in the words (and translations) the history and detail already use.
HEADERS = (("HistoryModel", "Status"), ("HistoryModel", "Kind"), ("OrderDetail", "Address"),
           ("HistoryModel", "Description"), ("HistoryModel", "Created"),
           ("HistoryModel", "Number"))  # fmt: skip


class PopModel(RowsTableModel):
    STATUS, KIND, ADDRESS, DESCRIPTION, CREATED, NUMBER = range(6)

    def __init__(self, kind_names: Mapping[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._kind_names = dict(kind_names)
        self._rows: list[OrderSummary] = []
        self._headers = [QCoreApplication.translate(context, text) for context, text in HEADERS]
        self._status_names = status_names()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[OrderSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> OrderSummary:
        return self._rows[row]

    def named_columns(self) -> dict[int, list[str]]:
        """Columns whose cells are names from a short list (for ``fit_columns``)."""
        return {
            self.STATUS: list(self._status_names.values()),
            self.KIND: list(self._kind_names.values()),
        }

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        order = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(order, column)
        if role == Qt.ItemDataRole.FontRole and column == self.STATUS and order.status.is_open:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DESCRIPTION:
                return order.description
            if column == self.ADDRESS:
                return order.address or None
            return None
        if role == Qt.ItemDataRole.UserRole:
            return order
        return None

    def _display(self, order: OrderSummary, column: int) -> str | None:
        if column == self.STATUS:
            return self._status_names[order.status]
        if column == self.KIND:
            return self._kind_names.get(order.kind, order.kind)
        if column == self.ADDRESS:
            return one_line(order.address, ADDRESS_CHARS)
        if column == self.DESCRIPTION:
            return one_line(order.description, DESCRIPTION_CHARS)
        if column == self.CREATED:
            return china_time(order.created_at)
        if column == self.NUMBER:
            return order.number
        return None
