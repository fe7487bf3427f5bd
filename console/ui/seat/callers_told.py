"""The order detail's callers to tell (告知来电人): once the order is fed back, every caller of
it — its own, then each who joined (并入) — one line each, with whether they were told the
result, when and by whom (a caller told at the peer platform names it: ✓ 已告知 · 110 · …).
Never told by colour alone: a told line starts with ✓ and says 已告知, one still to tell starts
with ○ and is bold.

Keyboard: Alt+M reaches the list (arrows pick a caller), Alt+K ticks the selected caller told
(the first not told when none is selected). Reads and writes go through ``ops``, off the UI
thread; a refusal is said on the line under the list, never in a dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.order_types import WorkOrder
from console.domain.phone import mask_name, mask_phone
from console.services.callers_told import TOLD_AFTER, ToTell
from console.ui.history_model import china_time
from console.ui.keys import marked, sequence
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

ToTellOf = Callable[[str], ToTell]
MarkTold = Callable[[str, str], bool]
PHONE = Qt.ItemDataRole.UserRole  # the caller's stored number, on each line


class CallersTold(QWidget):
    """Signals: ``changed(str)`` — a caller of order ``number`` was ticked told."""

    changed = Signal(str)

    def __init__(
        self, ops: Operations, to_tell: ToTellOf, mark: MarkTold, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ops, self._to_tell, self._mark = ops, to_tell, mark
        self._number = ""
        self.title = QLabel()
        self.title.setObjectName("toldTitle")
        self.title.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("toldCallers")
        self.list.setMaximumHeight(110)
        self.title.setBuddy(self.list)
        self.button = QPushButton(marked(self.tr("Caller told"), "caller_told"))
        self.button.setObjectName("toldMark")
        self.button.setToolTip(self.tr("Tick the selected caller told the result ({key})").format(
            key=sequence("caller_told").toString(QKeySequence.SequenceFormat.NativeText)))  # fmt: skip
        self.button.clicked.connect(self.mark_selected)
        self.message = QLabel()
        self.message.setObjectName("toldMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for part in (self.title, self.list, self.button, self.message):
            layout.addWidget(part)
        self.hide()

    def show_order(self, order: WorkOrder | None) -> None:
        """The order on screen: its callers are read and shown once it is fed back."""
        self._number = order.number if order is not None else ""
        if order is None or order.status not in TOLD_AFTER:
            self.hide()
            return
        self.show_order_number(order.number)

    def mark_selected(self) -> None:
        """Alt+K: the selected caller (else the first not told) was told the result."""
        item: QListWidgetItem | None = self.list.currentItem()
        if item is None or item.data(PHONE) is None:
            items = [self.list.item(i) for i in range(self.list.count())]
            item = next((i for i in items if i.data(PHONE) is not None), None)
        if item is None or not self._number:
            return
        number, phone, mark = self._number, str(item.data(PHONE)), self._mark

        def done(_first: bool) -> None:
            self.changed.emit(number)
            if number == self._number:
                self.show_order_number(number)

        self._ops.write(self, lambda: mark(number, phone), success=done, failure=self._failed)

    def show_order_number(self, number: str) -> None:
        """Read order ``number``'s callers again (after a tick)."""
        self._ops.read(self, "told", lambda: self._to_tell(number),
                       success=self._arrived, failure=self._failed)  # fmt: skip

    def _arrived(self, to_tell: ToTell) -> None:
        if to_tell.number != self._number:
            return
        self.message.clear()
        self.title.setText(marked(self.tr("Callers to tell the result: {told} of {count} told"),
                                  "told_callers").format(told=to_tell.told,
                                                         count=len(to_tell.callers)))  # fmt: skip
        row = self.list.currentRow()
        self.list.clear()
        bold = QFont()
        bold.setBold(True)
        for caller in to_tell.callers:
            who = mask_phone(caller.phone) + (f" ({mask_name(caller.name)})" if caller.name else "")
            source = (
                self.tr("joined from {source}").format(source=caller.joined_from)
                if caller.joined_from else self.tr("the order's caller")
            )  # fmt: skip
            if caller.told_at is None:
                item = QListWidgetItem(self.tr("○ Not told yet · {who} · {source}").format(
                    who=who, source=source))  # fmt: skip
                item.setData(PHONE, caller.phone)
                item.setFont(bold)
                self.list.addItem(item)
                continue
            at, by = china_time(caller.told_at), caller.told_by or ""
            if caller.told_at_peer is not None:  # told at the peer platform, by its agent
                text = self.tr("✓ Told at {platform} {at} by {by} · {who} · {source}").format(
                    platform=caller.told_at_peer, at=at, by=by, who=who, source=source)  # fmt: skip
            else:
                text = self.tr("✓ Told {at} by {by} · {who} · {source}").format(
                    at=at, by=by, who=who, source=source)  # fmt: skip
            item = QListWidgetItem(text)
            item.setData(PHONE, None)
            self.list.addItem(item)
        self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self.button.setEnabled(to_tell.told < len(to_tell.callers))
        self.show()

    def _failed(self, error: Exception) -> None:
        self.message.setText(self.tr("Not recorded: {error}").format(error=refusal_text(error)))
