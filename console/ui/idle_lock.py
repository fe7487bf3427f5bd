"""The idle lock: a seat untouched for ``idle_lock_min`` minutes covers itself until its
account's password is typed again.

An application event filter notes every key press, click, wheel turn and mouse move (by the
injected ``clock``, seconds; tests give a fake one); :meth:`SeatLock.check` (every few
seconds, from a timer) locks once the seat has been idle that long — never while a call is
connected, ringing or in wrap-up (``busy``): the lock waits until the seat is free. Locking
tears nothing down: the call state, drafts and timers go on under an opaque cover over the
whole window (call area, tabs and status bar: no caller's number or address stays in view)
whose form unlocks it (:class:`~console.ui.sign_in.SignInForm`, the login fixed). While it is
locked the window's keys do nothing.

Signals: ``locked()``, ``unlocked()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout, QWidget

CHECK_MS = 5_000
_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})  # fmt: skip


class SeatLock(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QWidget,
        form: QWidget,
        *,
        minutes: int,
        busy: Callable[[], bool],
        clock: Callable[[], float],
        check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._limit = minutes * 60.0
        self._busy = busy
        self._clock = clock
        self.last_input = clock()
        self._title = ""
        self.cover = QFrame(window)
        self.cover.setObjectName("idleCover")
        self.cover.setAutoFillBackground(True)
        self.cover.setStyleSheet("#idleCover { background: #2b3440; }")
        box = QVBoxLayout(self.cover)
        card = QFrame()
        card.setObjectName("idleCard")
        card.setStyleSheet("#idleCard { background: palette(window); border-radius: 6px; }")
        card.setMaximumWidth(520)
        QVBoxLayout(card).addWidget(form)
        box.addStretch(1)
        box.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.form = form
        self.cover.hide()
        window.installEventFilter(self)  # resizes
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self, interval=check_ms)
        self.timer.setObjectName("idle-lock")
        self.timer.timeout.connect(self.check)
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.cover.isVisibleTo(self._window)

    def idle_for(self) -> float:
        return self._clock() - self.last_input

    def check(self) -> None:
        """Lock if the seat has been idle long enough and holds no call."""
        if self.is_locked or self.idle_for() < self._limit or self._busy():
            return
        self.lock()

    def lock(self) -> None:
        if self.is_locked:
            return
        self._title = self._window.windowTitle()
        self._window.setWindowTitle(self.tr("Seat locked"))
        self.cover.setGeometry(self._window.rect())
        self.cover.show()
        self.cover.raise_()
        self.form.setFocus()
        self.locked.emit()

    def unlock(self) -> None:
        if not self.is_locked:
            return
        self.cover.hide()
        self._window.setWindowTitle(self._title)
        self.last_input = self._clock()
        self.unlocked.emit()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window and kind == QEvent.Type.Resize:
            self.cover.setGeometry(self._window.rect())
        elif kind in _INPUT:
            self.last_input = self._clock()
            if self.is_locked and kind == QEvent.Type.KeyPress:
                return self._outside_cover(watched)  # a key meant for the covered window
        elif kind == QEvent.Type.Shortcut and self.is_locked:
            return self._window_key(watched)
        return False

    def _outside_cover(self, watched: QObject) -> bool:
        if not isinstance(watched, QWidget) or watched.window() is not self._window.window():
            return False
        return not (watched is self.cover or self.cover.isAncestorOf(watched))

    def _window_key(self, watched: QObject) -> bool:
        owner = watched.parent() if isinstance(watched, (QShortcut, QAction)) else None
        if not isinstance(owner, QWidget):
            return False
        return owner is self._window or self._window.isAncestorOf(owner)
