"""The new orders the seat holds in its outage journal, above the queues (issue 18).

An order saved while the database is away is held on the seat under a label (暂存-0003) and is
in no queue until it is written. This list names each, as it will be once written (its status
with the agent's held steps, said in words: 暂存，未写入), so the agent can open it in the order
detail and take the steps the seat holds. Enter (or a double-click) on a line opens it; the
list hides when the journal holds no new order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from console.services.orders import OrderSummary
from console.ui.names import status_names
from console.ui.seat.held_steps import STYLE

Held = Callable[[], Sequence[OrderSummary]]
"""The seat's held new orders, newest first (``JournalService.held_orders``: a local file)."""


class HeldOrders(QWidget):
    """Signal: ``order_activated(str)`` — Enter or a double-click on a line (its held label)."""

    order_activated = Signal(str)

    def __init__(
        self, held: Held, kind_names: Mapping[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._held, self._kinds = held, dict(kind_names)
        self.setObjectName("heldOrders")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setStyleSheet(STYLE)
        self.list = QListWidget()
        self.list.setObjectName("heldOrderList")
        self.list.setMaximumHeight(90)
        self.list.itemActivated.connect(lambda item: self.order_activated.emit(item.data(_NUMBER)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        self.hide()

    def refresh(self) -> None:
        """Read the held orders again (a save, a step held, the journal written)."""
        found = list(self._held())
        self.label.setText(self.tr("◷ Held on this seat, not yet in the database: {count} new "
                                   "order(s) (Enter on a line opens it).").format(count=len(found)))  # fmt: skip
        self.list.clear()
        held = QCoreApplication.translate("OrderDetail", "{status} (held, not yet written)")
        statuses = status_names()
        for order in found:
            status = held.format(status=statuses[order.status])
            kind = self._kinds.get(order.kind, order.kind)
            item = QListWidgetItem(f"{order.number} · {kind} · {status} · {order.description}")
            item.setData(_NUMBER, order.number)
            self.list.addItem(item)
        self.setVisible(bool(found))


_NUMBER = Qt.ItemDataRole.UserRole
