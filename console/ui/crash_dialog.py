"""Tells the agent an unexpected error happened and where the log is, instead of a silent exit.

``show`` may be called from any thread (the excepthook runs on the thread that failed); a
queued signal carries it to the GUI thread, where a non-modal box opens (never ``exec()``: a
nested event loop would break the qasync loop). The summary shown never holds a caller's
number or a database password (masked here too, whoever calls ``show``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

from console.domain.phone import mask_numbers
from console.settings import hide_secrets

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class CrashDialog(QObject):
    """Signals: ``requested(summary, log_path)`` — internal, queued to the GUI thread."""

    requested = Signal(str, str)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._boxes: list[QMessageBox] = []
        self.requested.connect(self._open, Qt.ConnectionType.QueuedConnection)

    def show(self, summary: str, log_path: Path) -> None:
        self.requested.emit(hide_secrets(mask_numbers(summary)), str(log_path))

    @Slot(str, str)
    def _open(self, summary: str, log_path: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # here: made before the first paint, rarely used

        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Unexpected error"), "")
        box.setText(
            self.tr(
                "Something went wrong: {summary}\n\nYour work so far is kept. Please tell IT and "
                "give them the log file:\n{path}"
            ).format(summary=summary, path=log_path)
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _code, b=box: self._boxes.remove(b))
        self._boxes.append(box)
        box.open()
