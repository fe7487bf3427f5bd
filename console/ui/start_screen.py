"""The start screen: the console's first window, painted before the persistence stack is imported
and the database opened (issue 18: the first paint within 3× a bare PySide6 window's).

It says what the console is doing (正在连接数据库…, a busy bar) until the
seat's sign-in screen or window takes its place; with the database unreachable it says so and
counts down to the next try (console/app_open.py). A start that fails after it (a database
this console cannot use, a site file with a mistake) is said here in the same words as on stderr, with a
Close button (Esc, Enter) — no traceback, and nothing that steals focus from another window.

Only PySide6 is imported here: this module is on the path to the first paint. Nor is the ``Qt``
namespace touched before it (its enums cost ~50 ms, a third of a bare window's start): the
labels centre by style sheet, the keys are named by their text.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

SIZE = (640, 480)  # the sign-in screen's (console/app_sign_in.py), which usually follows
# The busy bar moves only once the start has taken this long: a start of about a second needs
# none, and its animation took ~40 ms of CPU from the start's imports (the GUI thread and the
# worker share one GIL; 2026-12-05, 1 M orders, load 0.4: data on screen ~20 ms sooner).
BUSY_AFTER_MS = 1000
STYLE = """
QLabel#startTitle, QLabel#startStatus { qproperty-alignment: AlignCenter; }
QPushButton#startClose { margin: 0 200px; }
"""


class StartScreen(QWidget):
    """Signals: ``closed()`` — the user closed it (Esc or its Close button: while connecting
    the console gives up; after a failure it ends)."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None, busy_after_ms: int = BUSY_AFTER_MS) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setWindowTitle(self.tr("12345 ⇄ 110 linkage seat console"))
        self.title = QLabel(self.tr("12345 ⇄ 110 linkage seat console"))
        self.title.setObjectName("startTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.status = QLabel(self.tr("Connecting to the database…"))
        self.status.setObjectName("startStatus")
        self.status.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 1)  # still until BUSY_AFTER_MS; then busy: how long is not known
        self._busy_later = QTimer(self, singleShot=True, interval=busy_after_ms)
        self._busy_later.timeout.connect(lambda: self.busy.setRange(0, 0))
        self._busy_later.start()
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Starting"))
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.close_button.setObjectName("startClose")
        self.close_button.clicked.connect(self.close)  # while connecting: gives up
        QShortcut(QKeySequence("Esc"), self).activated.connect(self.close)
        box = QVBoxLayout(self)
        # The window's size is its own: a layout that set its minimum would change it on the
        # screen when the failure's text came (and the offscreen platform warns of that).
        box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        box.addStretch(1)
        box.addWidget(self.title)
        box.addWidget(self.status)
        box.addWidget(self.busy)
        box.addWidget(self.close_button)
        box.addStretch(1)
        self.setStyleSheet(STYLE)
        self.resize(*SIZE)

    def show_retrying(self, seconds: int) -> None:
        """The database cannot be reached yet: the console tries again in ``seconds`` (and
        opens when it answers); the agent may close it (Esc) meanwhile."""
        self.status.setText(
            self.tr("⚠ The database cannot be reached. Trying again in {seconds} s… "
                    "(the console opens by itself once it answers; Esc closes)")
            .format(seconds=seconds)
        )  # fmt: skip

    def show_connecting(self) -> None:
        self.status.setText(self.tr("Connecting to the database…"))

    def show_failure(self, lines: Sequence[str]) -> None:
        """The console cannot start: say why (the lines said on stderr); Esc or Enter closes."""
        from PySide6.QtCore import Qt

        self._busy_later.stop()
        self.busy.setRange(0, 1)  # stopped, not hidden: the text below it stays where it was
        self.status.setText("\n".join(lines) or self.tr("The console could not start."))
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button.setDefault(True)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self).activated.connect(self.close)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)


class _Painted(QObject):
    """Notes ``time.perf_counter()`` at the watched widget's first paint and stops ``loop``."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()  # no parent: no cycle for the garbage collector to free on a thread
        self.at: float | None = None
        self._loop = loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
            watched.removeEventFilter(self)
            self._loop.quit()  # once this paint is done
        return False


def show_painted(widget: QWidget, timeout_ms: int = 10_000) -> float | None:
    """Show ``widget`` and run Qt's events until it has painted; ``time.perf_counter()`` at
    its first paint, or None if none came within ``timeout_ms``."""
    loop = QEventLoop()
    painted = _Painted(loop)
    widget.installEventFilter(painted)
    widget.show()
    timer = QTimer(singleShot=True, interval=timeout_ms)
    timer.timeout.connect(loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
    widget.removeEventFilter(painted)
    return painted.at
