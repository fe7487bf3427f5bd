"""The Users tab's inline form (no dialog): a new account, a new password, roles, or a yes to
disabling an account or removing its authenticator app.

It only gathers what was typed and says what the service answered; the view
(:mod:`console.ui.admin.users_view`) runs the service call. A new password is typed twice, in
password fields (never shown), and both are cleared after every try.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.orders import Platform
from console.domain.passwords import MAX_PASSWORD
from console.domain.roles import Role
from console.services.accounts import AccountView
from console.ui.admin.accounts_model import role_names
from console.ui.keys import marked, sequences
from console.ui.names import platform_names

ERROR_COLOUR = "#b3261e"


class Mode(enum.Enum):
    ADD = "add"
    PASSWORD = "password"
    ROLES = "roles"
    DISABLE = "disable"
    TOTP = "totp"


@dataclass(frozen=True, slots=True)
class Filled:
    """What the form holds when confirmed (the password once, after both fields agreed)."""

    mode: Mode
    login: str
    display_name: str = ""
    platform: Platform = Platform.HOTLINE
    roles: frozenset[Role] = frozenset()
    password: str = ""


class AccountForm(QFrame):
    """Signals: ``confirmed(Filled)`` (Ctrl+Enter, both passwords agreeing); ``closed`` (Esc)."""

    confirmed = Signal(object)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.mode = Mode.ADD
        self._login = ""  # the account the form acts on (not ADD)
        self.title = QLabel()
        self.title.setObjectName("accountFormTitle")
        self.title.setWordWrap(True)
        self.login = QLineEdit(maxLength=32)
        self.name = QLineEdit(maxLength=32)
        self.platform = QComboBox()
        for platform, name in platform_names().items():
            self.platform.addItem(name, platform)
        self.roles = QListWidget()
        self.roles.setObjectName("roleList")
        for role, name in role_names().items():
            item = QListWidgetItem(name, self.roles)
            item.setData(Qt.ItemDataRole.UserRole, role)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable |
                          Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
            item.setCheckState(Qt.CheckState.Unchecked)
        self.roles.setMaximumHeight(self.roles.sizeHintForRow(0) * (self.roles.count() + 1))
        self.password, self.again = QLineEdit(), QLineEdit()
        for box in (self.password, self.again):
            box.setEchoMode(QLineEdit.EchoMode.Password)
            box.setMaxLength(MAX_PASSWORD)
        self.message = QLabel()
        self.message.setObjectName("accountFormMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.confirm_button = QPushButton()
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.form = QFormLayout()
        rows = (
            (marked(self.tr("Login:"), "user_login"), self.login),
            (marked(self.tr("Name:"), "user_name"), self.name),
            (marked(self.tr("Platform:"), "user_platform"), self.platform),
            (marked(self.tr("Roles:"), "user_role_list"), self.roles),
            (marked(self.tr("Password:"), "user_new_password"), self.password),
            (marked(self.tr("Password again:"), "user_again"), self.again),
        )
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(field)
            self.form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        for key in sequences("user_confirm"):
            shortcut = QShortcut(key, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.confirm)
        for key in sequences("user_close"):
            shortcut = QShortcut(key, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.close_form)
        self.confirm_button.clicked.connect(self.confirm)
        self.close_button.clicked.connect(self.close_form)
        for box in (self.login, self.name, self.password, self.again):
            box.returnPressed.connect(self.confirm)

    def open_for(self, mode: Mode, account: AccountView | None = None) -> None:
        """Show the fields ``mode`` needs, for ``account`` (None: a new one), and focus the
        first."""
        self.mode = mode
        self._login = account.login if account is not None else ""
        who = f"{account.login} ({account.display_name})" if account is not None else ""
        titles = {
            Mode.ADD: self.tr("New account: it changes its password at the first sign-in."),
            Mode.PASSWORD: self.tr("New password for {who}: changed at the next sign-in; "
                                   "a locked account is unlocked.").format(who=who),
            Mode.ROLES: self.tr("Roles of {who}:").format(who=who),
            Mode.DISABLE: self.tr("Disable {who}? It can no longer sign in.").format(who=who),
            Mode.TOTP: self.tr("Remove the authenticator app of {who}? It sets one up again at "
                               "the next sign-in.").format(who=who),
        }  # fmt: skip
        confirms = {
            Mode.ADD: self.tr("Add (Ctrl+Enter)"),
            Mode.PASSWORD: self.tr("Set the password (Ctrl+Enter)"),
            Mode.ROLES: self.tr("Set the roles (Ctrl+Enter)"),
            Mode.DISABLE: self.tr("Disable (Ctrl+Enter)"),
            Mode.TOTP: self.tr("Remove the app (Ctrl+Enter)"),
        }
        self.title.setText(titles[mode])
        self.confirm_button.setText(confirms[mode])
        shown = {
            self.login: mode is Mode.ADD,
            self.name: mode is Mode.ADD,
            self.platform: mode is Mode.ADD,
            self.roles: mode in (Mode.ADD, Mode.ROLES),
            self.password: mode in (Mode.ADD, Mode.PASSWORD),
            self.again: mode in (Mode.ADD, Mode.PASSWORD),
        }
        for field, visible in shown.items():
            self.form.setRowVisible(field, visible)
        if mode is Mode.ADD:
            self.login.clear()
            self.name.clear()
        held = account.roles if account is not None else frozenset()
        for i in range(self.roles.count()):
            item = self.roles.item(i)
            ticked = item.data(Qt.ItemDataRole.UserRole) in held
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.roles.setCurrentRow(0)
        self._clear_passwords()
        self.message.clear()
        self.show()
        first = {Mode.ADD: self.login, Mode.PASSWORD: self.password, Mode.ROLES: self.roles}
        (first.get(mode) or self.confirm_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def ticked(self) -> frozenset[Role]:
        return frozenset(  # Qt hands a StrEnum back as its str
            Role(self.roles.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.roles.count())
            if self.roles.item(i).checkState() is Qt.CheckState.Checked
        )

    @Slot()
    def confirm(self) -> None:
        if not self.isVisible() or not self.confirm_button.isEnabled():
            return  # closed, or the last try not answered yet
        self.message.clear()
        password = ""
        if self.mode in (Mode.ADD, Mode.PASSWORD):
            password, again = self.password.text(), self.again.text()
            if password != again:
                self._clear_passwords()
                self.refuse(self.tr("The two passwords differ: type the new password twice."))
                self.password.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        login = self.login.text() if self.mode is Mode.ADD else self._login
        platform = Platform(self.platform.currentData())
        self.confirm_button.setEnabled(False)  # until the service has answered
        self.confirmed.emit(
            Filled(self.mode, login, self.name.text(), platform, self.ticked(), password)
        )

    def refuse(self, text: str) -> None:
        """Say why it was not done; what was typed stays, but the passwords are typed again."""
        self.confirm_button.setEnabled(True)
        self._clear_passwords()
        self.message.setText(text)

    @Slot()
    def close_form(self) -> None:
        self._clear_passwords()
        self.confirm_button.setEnabled(True)
        self.hide()
        self.closed.emit()

    def _clear_passwords(self) -> None:
        self.password.clear()
        self.again.clear()
