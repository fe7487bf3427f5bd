"""Part of the composition root (see app.py): one seat of this process, from its sign-in screen
to its window and back.

A seat opens on its sign-in screen; the account that signs in becomes the seat's
:class:`~console.domain.orders.Actor` (its display name and platform, the seat id from the
config), so every event, step, acknowledgement and record names who did it. The window is
built only then, with the seat's idle lock and its sign-out key (Ctrl+Shift+L): not ready,
logged out, the window closed, the sign-in screen again. ``--demo-sign-in`` signs the demo
account of the seat's platform in at once and the status bar says so (演示账号).

Each sign-in, refusal, lockout, idle lock, unlock and sign-out passes through the seat's
:class:`~console.services.sessions.SeatSessions` (``SeatSlot.sessions.listen``): the audit
trail's hook. Nothing else imports this module.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.app_window import WindowParts, place_windows
from console.demo.accounts import demo_login
from console.domain.agent_state import AgentState
from console.domain.refusals import Refused
from console.domain.roles import Principal, Seated
from console.services.sessions import SeatSessions
from console.ui.idle_lock import SeatLock
from console.ui.keys import sequence
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.seat_controller import SeatController
from console.ui.sign_in import SignInForm

log = logging.getLogger(__name__)

SCREEN_SIZE = (640, 480)


def seat_busy(controller: SeatController) -> bool:
    """A call connected, ringing, or in its wrap-up: the seat neither locks nor signs out."""
    return (
        controller.current is not None
        or controller.ringing is not None
        or controller.state is AgentState.WRAP_UP
    )


class SeatSlot:
    """One seat: its sign-in screen, and its window while someone is signed in."""

    def __init__(
        self,
        sessions: SeatSessions,
        ops: Operations,
        *,
        open_window: Callable[[Seated], WindowParts],
        close_window: Callable[[WindowParts], None],
        idle_minutes: int,
        clock: Callable[[], float] = time.monotonic,
        open_roles: Callable[[Principal], QWidget | None] | None = None,
    ) -> None:
        self.sessions = sessions
        self._open_roles = open_roles  # an account that works no seat: its role tabs, or None
        self._ops = ops
        self._open_window = open_window
        self._close_window = close_window
        self._idle_minutes = idle_minutes
        self._clock = clock
        self.running = False  # the event loop runs: a window opened now logs its seat in
        self.part: WindowParts | None = None
        self.principal: Principal | None = None
        self.lock: SeatLock | None = None
        self.role_window: QWidget | None = None  # an auditor's or administrator's window
        self.screen = QWidget()
        self.screen.setObjectName("signInScreen")
        self.screen.setWindowTitle(
            QCoreApplication.translate("SignIn", "Sign in — seat {seat}").format(seat=sessions.seat)
        )
        self.form = SignInForm(sessions, ops, parent=self.screen)
        box = QVBoxLayout(self.screen)
        box.addStretch(1)
        box.addWidget(self.form)
        box.addStretch(1)
        self.screen.resize(*SCREEN_SIZE)
        self.form.signed_in.connect(self.open)

    @property
    def front(self) -> QWidget:
        """What this seat shows now: its window, or its sign-in screen."""
        if self.part is not None:
            return self.part.window
        return self.role_window if self.role_window is not None else self.screen

    def demo_sign_in(self) -> bool:
        """Sign the demo account of this seat's platform in (``--demo-sign-in``); False with
        the reason on the sign-in screen when there is none (run ``demo-data`` first)."""
        try:
            principal = self.sessions.sign_in(*demo_login(self.sessions.platform))
        except Refused as exc:
            self.form.message.setText(refusal_text(exc))
            log.warning("demo sign-in at %s refused: %s", self.sessions.seat, exc.why)
            return False
        self.open(principal, demo=True)
        return True

    def open(self, principal: object, demo: bool = False) -> None:
        assert isinstance(principal, Principal)
        self.principal = principal
        roles = self._open_roles(principal) if self._open_roles is not None else None
        if roles is not None:  # no seat: the role tabs only, locked and signed out the same way
            self.role_window = roles
            self._guard(roles, principal, busy=lambda: False)
            self._show_instead(roles)
            return
        part = self._open_window(Seated(principal, self.sessions.seat))
        self.part = part
        if demo:
            part.status.set_demo()
        controller = part.seat.controller
        self._guard(part.window, principal, busy=lambda: seat_busy(controller))
        self._show_instead(part.window)
        if self.running:
            controller.log_in()

    def _guard(self, window: QWidget, principal: Principal, busy: Callable[[], bool]) -> None:
        """The idle lock over ``window`` and its sign-out key."""
        unlock = SignInForm(self.sessions, self._ops, locked_login=principal.login)
        lock = SeatLock(window, unlock, minutes=self._idle_minutes, busy=busy, clock=self._clock)
        self.lock = lock
        lock.locked.connect(lambda: self.sessions.idle_locked(principal.login))
        unlock.signed_in.connect(lambda _p: lock.unlock())
        out = QShortcut(sequence("sign_out"), window)
        out.setObjectName("sign-out")
        out.activated.connect(self.sign_out)

    def _show_instead(self, window: QWidget) -> None:
        if self.screen.isVisible():  # where the sign-in screen was, the window
            place_windows([window], self.screen.screen())
            window.show()
            self.screen.hide()

    def sign_out(self) -> None:
        part, principal = self.part, self.principal
        if self.role_window is not None and principal is not None:
            self._sign_out_roles(self.role_window, principal)
            return
        if part is None or principal is None:
            return
        controller = part.seat.controller
        if seat_busy(controller):
            part.status.showMessage(refusal_text(Refused("sign_out_busy")), 10_000)
            return
        controller.log_out()
        self.sessions.signed_out(principal.login)
        if self.lock is not None:
            self.lock.stop()
        self.part, self.principal, self.lock = None, None, None
        self.form.reset()
        self.screen.show()  # before the window closes: the last window closed quits
        self.screen.activateWindow()
        self._close_window(part)
        part.window.close()
        part.window.deleteLater()

    def _sign_out_roles(self, window: QWidget, principal: Principal) -> None:
        self.sessions.signed_out(principal.login)
        if self.lock is not None:
            self.lock.stop()
        self.role_window, self.principal, self.lock = None, None, None
        self.form.reset()
        self.screen.show()  # before the window closes: the last window closed quits
        self.screen.activateWindow()
        window.close()
        window.deleteLater()
