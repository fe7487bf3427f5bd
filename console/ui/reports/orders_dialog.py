"""The orders behind a figure: their numbers, oldest first; Enter or a double-click opens one
(the dialog closes and the main window shows the order's detail, as the queues do)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.ui.keys import marked

SHOWN_AT_MOST = 2_000  # more than a lead reads; the Excel export has them all


class OrdersDialog(QDialog):
    """Signals: ``order_activated(str)`` when an order is opened; ``export_asked()`` when the
    lead wants them all in a workbook."""

    order_activated = Signal(str)
    export_asked = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportOrders")
        self.setWindowTitle(self.tr("Orders behind: {figure}").format(figure=title))
        self.resize(420, 520)
        self.heading = QLabel(self.tr("Reading the orders…"))
        self.heading.setWordWrap(True)
        self.model = QStringListModel(self)
        self.list = QListView()
        self.list.setObjectName("reportOrderList")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(marked(self.tr("All to Excel…"), "rep_orders_excel"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export_asked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.activated.connect(self._open)

    def show_numbers(self, numbers: list[str], title: str) -> None:
        shown = numbers[:SHOWN_AT_MOST]
        self.model.setStringList(shown)
        if not numbers:
            self.heading.setText(self.tr("No orders behind {figure}.").format(figure=title))
        elif len(numbers) > len(shown):
            self.heading.setText(
                self.tr("{figure}: the first {shown} of {count} orders, oldest first. Enter "
                        "opens one.").format(figure=title, shown=len(shown), count=len(numbers))
            )  # fmt: skip
        else:
            self.heading.setText(
                self.tr("{figure}: {count} order(s), oldest first. Enter opens one.").format(
                    figure=title, count=len(numbers))
            )  # fmt: skip
        if shown:
            self.list.setCurrentIndex(self.model.index(0))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_failure(self, text: str) -> None:
        self.heading.setText(self.tr("Could not read the orders: {error}").format(error=text))

    @Slot(QModelIndex)
    def _open(self, index: QModelIndex) -> None:
        number = str(index.data())
        self.accept()
        self.order_activated.emit(number)
