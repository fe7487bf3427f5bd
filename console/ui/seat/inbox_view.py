"""The seat's inbox (待办): what needs this seat (see :mod:`console.services.inbox`).

Re-read as a read operation whenever another seat commits (the app calls :meth:`refresh` from
its change feed) and every 30 s (deadlines raised by this console). Enter on a row opens its
order; an order opened from anywhere makes its items quiet (:meth:`seen_order`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QModelIndex, QSize, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.inbox import Inbox
from console.ui.models.columns import fit_columns
from console.ui.models.inbox_model import InboxModel
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

REFRESH_MS = 30_000


class InboxView(QWidget):
    """Signals: ``order_activated(str)`` — Enter on an item (its order's number);
    ``count_changed(int)`` — how many items are new, after each read or seen order."""

    order_activated = Signal(str)
    count_changed = Signal(int)

    def __init__(
        self,
        read: Callable[[], Inbox],
        mark_seen: Callable[[list[str]], None],
        ops: Operations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inbox")
        self.setMinimumSize(QSize(480, 240))
        self._read, self._mark_seen, self._ops = read, mark_seen, ops
        self._awaiting_total = 0
        self.model = InboxModel(self)
        self.summary = QLabel(self.tr("Nothing needs this seat."))
        self.summary.setObjectName("inboxSummary")
        self.table = QTableView()
        self.table.setObjectName("inboxTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 200), (1, 190), (2, 130), (3, 120), (4, 90)):
            self.table.setColumnWidth(column, width)
        fit_columns(self.table, {InboxModel.WHAT: self.model.what_samples()})  # English is long
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        self.table.activated.connect(self._open)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.setObjectName("inbox-refresh")
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    @property
    def unseen(self) -> int:
        return sum(1 for item in self.model.items if not item.seen)

    @Slot()
    def refresh(self) -> None:
        self._ops.read(self, "inbox", self._read, success=self._show, failure=self._failed)

    @Slot(str)
    def seen_order(self, number: str) -> None:
        """The order ``number`` is on screen: its items go quiet."""
        keys = [i.key for i in self.model.items if i.number == number and not i.seen]
        if not keys:
            return
        self._mark_seen(keys)
        self._set_items(
            Inbox([replace(i, seen=True) if i.key in keys else i for i in self.model.items],
                  self._awaiting_total)
        )  # fmt: skip

    def _open(self, index: QModelIndex) -> None:
        number = self.model.item(index.row()).number
        self.seen_order(number)
        self.order_activated.emit(number)

    def _failed(self, error: Exception) -> None:
        self.summary.setText(
            self.tr("Cannot read the inbox: {error}").format(error=refusal_text(error))
        )

    def _show(self, inbox: Inbox) -> None:
        self._set_items(inbox)

    def _set_items(self, inbox: Inbox) -> None:
        current = self.table.currentIndex()
        key = self.model.item(current.row()).key if current.isValid() else None
        self._awaiting_total = inbox.awaiting_total
        self.model.set_rows(inbox.items)
        rows = [i.key for i in inbox.items]
        if key in rows:  # the agent's place survives a refresh
            self.table.setCurrentIndex(self.model.index(rows.index(key), 0))
        elif inbox.items:
            self.table.setCurrentIndex(self.model.index(0, 0))
        if inbox.items:
            text = self.tr("{new} new · {total} in all · {awaiting} awaiting completion")
            self.summary.setText(
                text.format(new=inbox.unseen, total=len(inbox.items), awaiting=inbox.awaiting_total)
            )
        else:
            self.summary.setText(self.tr("Nothing needs this seat."))
        self.count_changed.emit(inbox.unseen)
