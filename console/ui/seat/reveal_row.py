"""The order detail's "Show full number" (显示完整号码): a button (Alt+V) and a short inline
reason field, never a dialog over a call. Enter asks ``reveal`` (``PrivacyService.reveal``, which
refuses an empty reason and records the reveal in the audit trail); Esc puts the field away.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from console.services.privacy import Revealed
from console.ui.keys import marked
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

Reveal = Callable[[str, str], Revealed]
"""An order's caller in full, for a reason (``PrivacyService.reveal`` with the agent bound)."""


class RevealRow(QWidget):
    """Signals: ``revealed(str, object)`` — order number and its :class:`Revealed` caller;
    ``refused(str)`` — why not, in the user's language."""

    revealed = Signal(str, object)
    refused = Signal(str)

    def __init__(self, ops: Operations, reveal: Reveal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._reveal = ops, reveal
        self._number = ""
        self.button = QPushButton(marked(self.tr("Show full number"), "reveal_number"))
        self.button.setObjectName("revealNumber")
        self.button.clicked.connect(self._ask_reason)
        self.reason = QLineEdit()
        self.reason.setObjectName("revealReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(
            self.tr("Why do you need the full number? (recorded) Enter: show, Esc: cancel")
        )
        self.reason.returnPressed.connect(self._ask)
        self.reason.installEventFilter(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.reason, 1)
        self.reason.hide()

    def set_order(self, number: str, shown_whole: bool) -> None:
        """The order on screen; ``shown_whole``: its caller is already revealed."""
        self._number = number
        self.reason.clear()
        self.reason.hide()
        self.button.setVisible(not shown_whole)

    def _ask_reason(self) -> None:
        if self._number:
            self.reason.show()
            self.reason.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _ask(self) -> None:
        number, reason, reveal = self._number, self.reason.text(), self._reveal

        def done(caller: Revealed) -> None:
            if number == self._number:  # another order shown meanwhile: not this caller
                self.set_order(number, shown_whole=True)
                self.revealed.emit(number, caller)

        self._ops.write(self, lambda: reveal(number, reason), success=done,
                        failure=lambda error: self.refused.emit(refusal_text(error)))  # fmt: skip

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.reason
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.reason.clear()
            self.reason.hide()
            self.button.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)
