"""The report out of the console to Excel: the service writes the workbook off the UI thread,
with a progress dialog that can cancel it (the PDF is ``console.ui.reports.pdf``).

The Excel export runs as an operation (``ops.write``): the service calls ``progress(done,
total)`` on the worker thread, which only emits a signal — queued to the GUI thread, where the
dialog moves — and asks ``cancelled()``, a flag the dialog's Cancel button sets. The window is
never waited on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from console.ui.operations import Operations


class Relay(QObject):
    """Carries the worker's progress to the GUI thread (a signal emitted on a worker thread
    reaches a GUI-thread receiver as a queued call). Signals: ``moved(done, total)``."""

    moved = Signal(int, int)


class ExcelExport(QObject):
    """One export: its progress dialog, its cancel flag, its operation.

    Signals: ``finished(str, bool)`` — the path written (or "" when nothing was), and whether it
    was cancelled; ``failed(Exception)``."""

    finished = Signal(str, bool)
    failed = Signal(object)

    def __init__(
        self, write: Callable[[Path, Callable[[int, int], None], Callable[[], bool]], object],
        path: Path, ops: Operations, parent: QWidget,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._write, self.path, self._ops = write, path, ops
        self._cancel = threading.Event()
        self._over = False  # answered: later progress steps are dropped
        self.relay = Relay(self)
        self.dialog = QProgressDialog(
            self.tr("Writing {name}…").format(name=path.name), self.tr("Cancel"), 0, 0, parent
        )
        self.dialog.setObjectName("reportExportProgress")
        self.dialog.setWindowTitle(self.tr("Export to Excel"))
        # Not modal: the lead goes on working meanwhile (a modal one would also run the event
        # loop inside setValue, and the export could finish in the middle of a progress step).
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.setMinimumDuration(300)  # a short export never flashes a dialog
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.relay.moved.connect(self._moved)

    def start(self) -> None:
        write, path, moved, cancelled = self._write, self.path, self.relay.moved, self._cancel
        self._ops.write(
            self, lambda: write(path, moved.emit, cancelled.is_set),
            success=lambda _result: self._done(), failure=self._failed,
        )  # fmt: skip

    @Slot()
    def cancel(self) -> None:
        self._cancel.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot(int, int)
    def _moved(self, done: int, total: int) -> None:
        if self._cancel.is_set() or self._over:
            return  # a step that was still on its way when the export ended
        self.dialog.setLabelText(
            self.tr("Writing {name}: {done:,} of {total:,} rows").format(
                name=self.path.name, done=done, total=total)
        )  # fmt: skip
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total > 0 else 0)

    def _done(self) -> None:
        self._over = True
        cancelled = self._cancel.is_set()
        self.dialog.hide()  # not close(): a closed progress dialog says "canceled"
        self.finished.emit("" if cancelled else str(self.path), cancelled)

    def _failed(self, error: Exception) -> None:
        self._over = True
        self.dialog.hide()
        if self._cancel.is_set():  # the service stopped as asked (ExportCancelled)
            self.finished.emit("", True)
        else:
            self.failed.emit(error)
