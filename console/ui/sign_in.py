"""The sign-in form: login, password, Enter — then whatever the account still needs, in place.

One form for the sign-in screen and for unlocking an idle seat (``locked_login``: the login is
shown, not typed). Keyboard only: Enter moves on from every field. The steps an account may
need come as refusals that name them (console.services.accounts): a one-time code field
appears (``totp_needed``), the password is changed in the same window (first sign-in, reset,
90 days), an authenticator app is enrolled with its QR code and the recovery codes are shown
once. A refusal is said under the form in the user's language, the typed login kept and the
password cleared. Every check runs on the UI's write worker (argon2id costs ~100 ms): the
form says "正在验证…" meanwhile and takes no second Enter.

Signals: ``signed_in(Principal)`` — nothing is left to do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.refusals import Refused
from console.domain.roles import Principal
from console.services.accounts import Enrolled, Enrolment
from console.services.sessions import SeatSessions
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

log = logging.getLogger(__name__)

CREDENTIALS, CHANGE, ENROL, RECOVERY = range(4)


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class SignInForm(QWidget):
    signed_in = Signal(object)

    def __init__(
        self,
        sessions: SeatSessions,
        ops: Operations,
        *,
        locked_login: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInForm")
        self._sessions = sessions
        self._ops = ops
        self._unlock = locked_login is not None
        self._held: tuple[str, str] | None = None  # login and password proved so far
        self._enrolment: Enrolment | None = None
        self._principal: Principal | None = None
        self.busy = False

        self.title = QLabel()
        self.title.setObjectName("signInTitle")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.pages = QStackedWidget()
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a1c1c;")

        # The credentials: login, password, and the one-time code when asked for.
        self.login = QLineEdit(locked_login or "")
        self.login.setObjectName("signInLogin")
        self.login.setReadOnly(self._unlock)
        self.login.setMaxLength(64)
        self.password = _secret_field("signInPassword")
        self.code = QLineEdit()
        self.code.setObjectName("signInCode")
        self.code.setMaxLength(64)
        self.code_label = QLabel(self.tr("One-time code:"))
        self.go = QPushButton(self.tr("Unlock") if self._unlock else self.tr("Sign in"))
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.code_label, self.code)
        form.addRow(self.go)
        self._show_code(False)
        self.pages.addWidget(page)

        # The password change, in the same window.
        self.new_password = _secret_field("signInNewPassword")
        self.repeat = _secret_field("signInRepeat")
        self.change_code = QLineEdit()
        self.change_code.setObjectName("signInChangeCode")
        self.change_code_label = QLabel(self.tr("One-time code:"))
        self.change_go = QPushButton(self.tr("Change the password"))
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("New password:"), self.new_password)
        form.addRow(self.tr("New password again:"), self.repeat)
        form.addRow(self.change_code_label, self.change_code)
        form.addRow(self.change_go)
        self.change_code.hide()
        self.change_code_label.hide()
        self.pages.addWidget(page)

        # The authenticator app: scan the QR code, type the code it shows.
        self.qr = QLabel()
        self.qr.setObjectName("signInQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.secret = QLabel()
        self.secret.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_code = QLineEdit()
        self.enrol_code.setObjectName("signInEnrolCode")
        self.enrol_go = QPushButton(self.tr("Confirm"))
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(QLabel(self.tr("Scan this code with your authenticator app:")))
        form.addRow(self.qr)
        form.addRow(self.tr("Or type the key:"), self.secret)
        form.addRow(self.tr("Code the app shows:"), self.enrol_code)
        form.addRow(self.enrol_go)
        self.pages.addWidget(page)

        # The recovery codes, shown once.
        self.codes = QLabel()
        self.codes.setObjectName("signInRecovery")
        self.codes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.codes.setStyleSheet("font-family: monospace; font-size: 15px;")
        self.codes_go = QPushButton(self.tr("I have written them down"))
        page = QWidget()
        box = QVBoxLayout(page)
        said = QLabel(
            self.tr(
                "Your recovery codes: each signs in once when the phone is not at hand. "
                "Write them down now; they are not shown again."
            )
        )
        said.setWordWrap(True)
        box.addWidget(said)
        box.addWidget(self.codes)
        box.addWidget(self.codes_go)
        self.pages.addWidget(page)

        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addWidget(self.pages)
        outer.addWidget(self.message)
        outer.addStretch(1)

        for field in (self.login, self.password, self.code):
            field.returnPressed.connect(self.submit)
        self.go.clicked.connect(self.submit)
        for field in (self.new_password, self.repeat, self.change_code):
            field.returnPressed.connect(self.submit_change)
        self.change_go.clicked.connect(self.submit_change)
        self.enrol_code.returnPressed.connect(self.submit_enrolment)
        self.enrol_go.clicked.connect(self.submit_enrolment)
        self.codes_go.clicked.connect(self._finish)
        self._to(CREDENTIALS)

    # -- the steps -------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy:
            return
        if self.login.text().strip() and not self.password.text():
            self.password.setFocus()  # Enter in the login field moves on
            if self.sender() is self.login:
                return
        login, password, code = self.login.text(), self.password.text(), self.code.text()
        call = self._sessions.unlock if self._unlock else self._sessions.sign_in
        self._run(lambda: call(login, password, code or None), self._done, (login, password))

    def submit_change(self) -> None:
        if self.busy or self._held is None:
            return
        if self.sender() is self.new_password and not self.repeat.text():
            self.repeat.setFocus()
            return
        login, old = self._held
        new, again, code = self.new_password.text(), self.repeat.text(), self.change_code.text()
        if new != again:
            self._say(Refused("passwords_differ"))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        change = self._sessions.change_password
        self._run(lambda: change(login, old, new, code or None), self._done, (login, new))

    def submit_enrolment(self) -> None:
        if self.busy or self._held is None or self._enrolment is None:
            return
        (login, password), secret = self._held, self._enrolment.secret
        code, confirm = self.enrol_code.text(), self._sessions.confirm_totp
        self._run(lambda: confirm(login, password, secret, code), self._enrolled, self._held)

    def _run(
        self, call: Callable[[], object], done: Callable[[object], None], held: tuple[str, str]
    ) -> None:
        self.busy = True
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Verifying…"))
        self.pages.setEnabled(False)
        self._ops.write(self, call, success=done, failure=lambda error: self._refused(error, held))

    def _done(self, result: object) -> None:
        assert isinstance(result, Principal)
        self._principal = result
        self._finish()

    def _enrolled(self, result: object) -> None:
        assert isinstance(result, Enrolled)
        self._principal = result.principal
        self._idle()
        self.codes.setText("\n".join(result.recovery_codes))
        self._to(RECOVERY)
        self.codes_go.setFocus()

    def _finish(self) -> None:
        principal = self._principal
        if principal is None:
            return
        self._idle()  # signed out later, the next agent signs in on this same form
        self.reset()
        self.signed_in.emit(principal)

    def _refused(self, error: Exception, held: tuple[str, str]) -> None:
        self._idle()
        if not isinstance(error, Refused):
            log.error("sign-in failed: %r", error)
        code = error.code if isinstance(error, Refused) else ""
        if code == "password_change_needed":
            self._held = held
            self._to(CHANGE)
            self._say(error, warn=False)
        elif code == "totp_needed" and self.pages.currentIndex() == CHANGE:
            self.change_code.show()
            self.change_code_label.show()
            self.change_code.setFocus()
            self._say(error, warn=False)
        elif code == "totp_needed":
            self._show_code(True)
            self._say(error, warn=False)
        elif code == "totp_enrol_needed":
            self._held = held
            self._start_enrolment(held, error)
        else:
            self._say(error)
            self._clear_secrets()

    def _start_enrolment(self, held: tuple[str, str], why: Exception) -> None:
        login, password = held
        start = self._sessions.start_totp

        def shown(result: object) -> None:
            assert isinstance(result, Enrolment)
            self._idle()
            self._enrolment = result
            pixmap = QPixmap()
            pixmap.loadFromData(result.qr_png(scale=5), "PNG")
            self.qr.setPixmap(pixmap)
            self.secret.setText(result.secret)
            self._to(ENROL)
            self._say(why, warn=False)

        self._run(lambda: start(login, password), shown, held)

    # -- the form's look -------------------------------------------------------------------

    def reset(self) -> None:
        """Back to an empty first step (the login stays when the seat is locked)."""
        self._held, self._enrolment, self._principal = None, None, None
        if not self._unlock:
            self.login.clear()
        self._clear_secrets()
        self.codes.clear()
        self.qr.clear()
        self.secret.clear()
        self.message.clear()
        self._show_code(False)
        self.change_code.hide()
        self.change_code_label.hide()
        self._to(CREDENTIALS)

    def _clear_secrets(self) -> None:
        for field in (self.password, self.code, self.new_password, self.repeat,
                      self.change_code, self.enrol_code):  # fmt: skip
            field.clear()
        self._focus()

    def _show_code(self, shown: bool) -> None:
        self.code.setVisible(shown)
        self.code_label.setVisible(shown)
        if shown:
            self.code.setFocus()

    def _idle(self) -> None:
        self.busy = False
        self.pages.setEnabled(True)

    def _say(self, error: Exception, warn: bool = True) -> None:
        self.message.setStyleSheet("color: #8a1c1c;" if warn else "")
        self.message.setText(refusal_text(error))

    def _to(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        titles = {
            CREDENTIALS: self.tr("Seat locked: enter your password")
            if self._unlock
            else self.tr("Sign in to seat {seat}").format(seat=self._sessions.seat),
            CHANGE: self.tr("Choose a new password"),
            ENROL: self.tr("Set up your authenticator app"),
            RECOVERY: self.tr("Recovery codes"),
        }
        self.title.setText(titles[page])
        self._focus()

    def _focus(self) -> None:
        page = self.pages.currentIndex()
        if page == CREDENTIALS:
            first = self.password if self.login.text().strip() else self.login
            (self.code if self.code.isVisible() and self.password.text() else first).setFocus()
        elif page == CHANGE:
            self.new_password.setFocus()
        elif page == ENROL:
            self.enrol_code.setFocus()
