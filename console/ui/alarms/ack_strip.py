"""A strip of acknowledgeable rows on the shift lead's alarm panel: the repeated requests
(:mod:`console.ui.alarms.repeat_warnings`) and the partners overdue
(:mod:`console.ui.alarms.incident_alarms`) are each one, differing in their rows' words.

Never told by colour alone: an open row starts with the filled mark (●) and is bold; an
acknowledged one (when the service still lists it) is greyed. Service calls are operations
(:mod:`console.ui.operations`).
"""

from __future__ import annotations

from functools import partial
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.ui.alarms.model import ACKNOWLEDGED_COLOURS, LEVEL_COLOURS, LEVEL_MARKS, WORST
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

ERROR_COLOUR = "#b3261e"


class Acknowledgeable(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=Acknowledgeable)


class AcknowledgeStrip(QWidget, Generic[R]):
    """Hidden while there is no row; :meth:`refresh` re-reads them. A subclass gives the rows'
    words (:meth:`row_text`, the row formatter; :meth:`done_text`) and the service's calls
    (:meth:`read_rows`, :meth:`acknowledge_row`).

    Two layouts. With a ``note``: the note and the button under the rows (Enter in the note
    acknowledges), what was done under them, and the strip goes with its last row. Without:
    the button beside what was done, which stays said after the last row went; Enter on a row
    acknowledges it. Object names: ``<name>s``, ``<name>List``, ``<name>Message``.
    """

    def __init__(
        self,
        name: str,
        *,
        read_key: str,
        ops: Operations,
        button: str,
        visible_rows: int,
        note: QLineEdit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}s")
        self._ops, self._read_key, self._visible_rows = ops, read_key, visible_rows
        self.rows: list[R] = []
        self._writing: R | None = None
        self.list = QListWidget()
        self.list.setObjectName(f"{name}List")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.note = note
        self.ack_button = QPushButton(button)
        self.message = QLabel()
        self.message.setObjectName(f"{name}Message")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.addWidget(self.message if note is None else note, 1)
        row.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.ack_button.clicked.connect(self.acknowledge)
        if note is None:
            self.list.itemActivated.connect(lambda _item: self.acknowledge())
        else:
            layout.addWidget(self.message)
            self.message.hide()
            note.returnPressed.connect(self.acknowledge)
        self.list.currentRowChanged.connect(lambda _row: self._show_rights())
        self.hide()

    # What a subclass says and asks.
    def read_rows(self) -> list[R]:
        """The rows in the order shown; runs on the read thread."""
        raise NotImplementedError

    def acknowledge_row(self, row: R, note: str) -> object:
        """Acknowledge ``row``; runs on the write thread."""
        raise NotImplementedError

    def row_text(self, row: R) -> str:
        raise NotImplementedError

    def done_text(self, row: R) -> str:
        raise NotImplementedError

    def is_open(self, row: R) -> bool:
        """Whether ``row`` still waits for its acknowledgement."""
        return True

    def _show_rights(self) -> None:
        """Enable what the selected row and the principal allow (all, unless overridden)."""

    @Slot()
    def refresh(self) -> None:
        # A failed read is said by the panel, whose read of the same database fails too.
        self._ops.read(self, self._read_key, self.read_rows, success=self._loaded,
                       failure=lambda _e: None)  # fmt: skip

    def selected(self) -> R | None:
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    @Slot()
    def acknowledge(self) -> None:
        """Acknowledge the selected row (with the note); the service says whether it may."""
        row = self.selected()
        if row is None or not self.is_open(row) or self._writing is not None:
            return
        self._writing = row
        note = self.note.text() if self.note is not None else ""
        call = partial(self.acknowledge_row, row, note)
        self._ops.write(self, call, success=self._written, failure=self._not_written)

    def _written(self, _answer: object) -> None:
        # The answer may say another console acknowledged it first: done all the same.
        row, self._writing = self._writing, None
        assert row is not None
        if self.note is not None:
            self.note.clear()
        self._say(self.done_text(row))
        self.refresh()

    def _not_written(self, error: Exception) -> None:
        self._writing = None
        self._say(refusal_text(error), error=True)  # a note stays for the lead to correct

    def _loaded(self, rows: list[R]) -> None:
        chosen = self.selected()
        self.rows = rows
        if self.note is None:
            self.setVisible(bool(rows) or bool(self.message.text()))
            self.list.setVisible(bool(rows))
            self.ack_button.setVisible(bool(rows))
        else:
            self.setVisible(bool(rows))
        self.list.clear()
        for row in rows:
            self.list.addItem(self._item(row))
        ids = [r.id for r in rows]
        if chosen is not None and chosen.id in ids:
            self.list.setCurrentRow(ids.index(chosen.id))
        elif rows:
            self.list.setCurrentRow(0)
        height = self.list.sizeHintForRow(0) if rows else 0
        shown = min(len(rows), self._visible_rows)
        self.list.setFixedHeight(shown * height + 2 * self.list.frameWidth())
        self._show_rights()

    def _item(self, row: R) -> QListWidgetItem:
        open_ = self.is_open(row)
        mark = LEVEL_MARKS[WORST] + " " if open_ else ""
        item = QListWidgetItem(mark + self.row_text(row))
        item.setData(Qt.ItemDataRole.UserRole, row.id)
        item.setToolTip(item.text())
        back, fore = LEVEL_COLOURS[WORST] if open_ else ACKNOWLEDGED_COLOURS
        item.setBackground(QBrush(QColor(back)))
        item.setForeground(QBrush(QColor(fore)))
        font = QFont(item.font())
        font.setBold(open_)
        item.setFont(font)
        return item

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        if self.note is not None:
            self.message.setVisible(bool(text))
