"""One work queue's page (工单队列): its table, hidden behind "Loading…" until its model's first
page is in, keeping the current order current across a refresh. :class:`QueuesView` holds one per
queue."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.queues import QueueSort
from console.ui.models.columns import fit_columns
from console.ui.models.queue_model import QueueModel

WIDTHS = (
    (QueueModel.NUMBER, 190),
    (QueueModel.CREATED, 130),
    (QueueModel.DEADLINE, 130),
    (QueueModel.LEFT, 110),
)  # fmt: skip; the named columns fit their names (fit_columns)


class QueuePage(QWidget):
    """One queue: its table, hidden behind a "Loading…" line until the first page is in.

    The current order stays current across a refresh when it is still in the first page.

    Signals: ``first_page_in()`` — the table is shown (also when the first read failed).
    """

    first_page_in = Signal()

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.started = False  # the first page is in and the table shown
        self._keep: str | None = None  # the current order's number across a model reset
        self._selected = False  # and whether it was selected
        self.loading = QLabel(self.tr("Loading…"))
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        for column, width in WIDTHS:
            self.table.setColumnWidth(column, width)
        fit_columns(self.table, model.named_columns())
        self.table.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loading, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.table, 1)
        self.show_sort()
        header.sortIndicatorChanged.connect(self._sort_clicked)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)

    def start(self) -> None:
        self.model.load_first_page(done=self._show_table)

    def _show_table(self) -> None:
        self.started = True
        self.loading.hide()
        self.table.show()
        self.first_page_in.emit()

    def show_sort(self) -> None:
        """The header's arrow where the rows are really sorted."""
        if self.model.query.sort is QueueSort.CREATED:
            column, order = QueueModel.CREATED, Qt.SortOrder.DescendingOrder
        else:
            column, order = QueueModel.DEADLINE, Qt.SortOrder.AscendingOrder
        with QSignalBlocker(self.table.horizontalHeader()):
            self.table.horizontalHeader().setSortIndicator(column, order)

    @Slot(int, Qt.SortOrder)
    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)  # only the created and deadline columns change the order
        self.show_sort()

    def current_number(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).number if index.isValid() else None

    @Slot()
    def _remember_current(self) -> None:
        self._keep = self.current_number()
        self._selected = self.table.selectionModel().hasSelection()

    @Slot()
    def _restore_current(self) -> None:
        """The current order stays current (and selected if it was); otherwise the first row
        becomes current for the arrow keys and Enter, unselected: a selection's highlight
        would hide its priority and time-left colours."""
        rows = self.model.rowCount()
        if not rows:
            return
        found = next((n for n in range(rows) if self.model.row_at(n).number == self._keep), None)
        selection = self.table.selectionModel()
        index = self.model.index(found or 0, QueueModel.NUMBER)
        if found is not None and self._selected:
            self.table.selectRow(found)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
