"""The screen pop (来电弹屏): the caller's earlier orders, the open ones, frequent-caller flag.

Shows a :class:`ScreenPop` the seat fetched off the UI thread; it never queries by itself. The
rows list the open matters first, with their address; status and kind are as wide as their
names in the language shown, then address and description, so that at the seat's width (about
600 px) the description shows whole; date and number follow. Enter or a double-click on a row
opens that order (``order_activated``). :meth:`refresh` (the app calls it on its
change feed) reads the pop on screen again, so an order the peer signed for or fed back on
meanwhile shows its status now, not the one it had when the call was answered. With the database
unreachable the pop says it cannot look up the history (docs/outage.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.phone import format_phone
from console.services.screen_pop import ScreenPop
from console.ui.models.columns import fit_columns
from console.ui.models.pop_model import PopModel
from console.ui.operations import Operations

FREQUENT_STYLE = "QLabel#frequent { background: #fbdede; color: #6e1111; padding: 2px 8px; }"
WIDTHS = ((PopModel.ADDRESS, 120), (PopModel.DESCRIPTION, 200), (PopModel.CREATED, 120))


class ScreenPopView(QWidget):
    """Signals: ``order_activated(str)`` — Enter or double-click on a row (its order number)."""

    order_activated = Signal(str)

    def __init__(
        self,
        kind_names: Mapping[str, str],
        parent: QWidget | None = None,
        *,
        reload: Callable[[str], ScreenPop] | None = None,
        ops: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self._reload, self._ops = reload, ops
        self._phone: str | None = None  # the caller on screen
        self.setMinimumSize(QSize(400, 150))  # above the form on a narrow seat window
        self.model = PopModel(kind_names, self)
        self.header = QLabel(self.tr("No caller yet."))
        self.header.setObjectName("popHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.frequent = QLabel(self.tr("Frequent caller"))
        self.frequent.setObjectName("frequent")
        self.frequent.setStyleSheet(FREQUENT_STYLE)
        self.frequent.hide()
        self.open_orders = QLabel()
        self.open_orders.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the number, last: the row's own words come first
        for column, width in WIDTHS:
            self.table.setColumnWidth(column, width)
        fit_columns(self.table, self.model.named_columns())
        self.table.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.frequent, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.open_orders)
        layout.addWidget(self.table, 1)

    @Slot(object)
    def show_pop(self, pop: ScreenPop) -> None:
        self._phone = pop.phone
        self.model.set_rows(pop.rows)
        if pop.unavailable:  # the database is unreachable: the call goes on without history
            self.header.setText(
                self.tr("Caller {phone}: cannot look up history (database unreachable)").format(
                    phone=format_phone(pop.phone)
                )
            )
            self.frequent.hide()
            held = ", ".join(o.number for o in pop.open_orders)
            self.open_orders.setText(
                self.tr("Held on this seat, not yet in the database: {numbers} (Enter on its row "
                        "opens it).").format(numbers=held)
                if held else self.tr("Orders saved now are held on this seat.")
            )  # fmt: skip
            return
        self.header.setText(
            self.tr("Caller {phone}: {count} earlier orders").format(
                phone=format_phone(pop.phone), count=len(pop.history)
            )
        )
        self.frequent.setText(
            self.tr("Frequent caller: {count} orders in 30 days").format(count=pop.recent_count)
        )
        self.frequent.setVisible(pop.frequent)
        if pop.open_orders:
            numbers = ", ".join(o.number for o in pop.open_orders[:5])
            more = len(pop.open_orders) - 5
            text = self.tr("Still open: {numbers}").format(numbers=numbers)
            if more > 0:
                text += self.tr(" and {more} more").format(more=more)
            self.open_orders.setText(text)
        else:
            self.open_orders.setText(self.tr("No open orders."))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.order_activated.emit(self.model.summary(index.row()).number)

    @property
    def phone(self) -> str | None:
        """The caller on screen (the stored form of the number), or None."""
        return self._phone

    @Slot()
    def refresh(self) -> None:
        """Read the pop on screen again (another seat may have moved its orders on); the answer
        is dropped if the call was cleared or another caller's pop came meanwhile."""
        phone, reload, ops = self._phone, self._reload, self._ops
        if phone is None or reload is None or ops is None:
            return
        ops.read(self, "pop", lambda: reload(phone),
                 success=lambda pop: self.show_pop(pop) if self._phone == phone else None)  # fmt: skip

    @Slot()
    def clear(self) -> None:
        self._phone = None
        self.model.set_rows([])
        self.header.setText(self.tr("No caller yet."))
        self.frequent.hide()
        self.open_orders.clear()
