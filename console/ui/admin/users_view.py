"""The administrator's Users tab (系统管理员): the accounts, and what ``python -m console users``
does — add, new password (which unlocks), remove the authenticator app, disable, roles.

Keyboard first: each action has its Alt letter and opens the inline form under the table
(:class:`~console.ui.admin.account_form.AccountForm`, never a dialog); Ctrl+Enter carries it
out, Esc closes it. Every service call is an operation (off the GUI thread) made as the
signed-in administrator (``by``), so the service checks the role matrix itself; a refusal
(三员分立, a weak password, a taken login…) is said under the form, in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.roles import Principal
from console.services.accounts import AccountService, AccountView
from console.ui.admin.account_form import AccountForm, Filled, Mode
from console.ui.admin.accounts_model import AccountsModel
from console.ui.keys import marked
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

COLUMN_WIDTHS = (120, 120, 110, 200, 80, 140, 110)  # the last column stretches


class UsersView(QWidget):
    """Signals: ``loaded(int)`` after each read of the accounts (their count); ``done(str)``
    after a change was made (the sentence shown)."""

    loaded = Signal(int)
    done = Signal(str)

    def __init__(
        self,
        service: AccountService,
        *,
        principal: Principal,
        ops: Operations,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("usersView")
        self._service, self._by, self._ops = service, principal, ops
        self.model = AccountsModel(clock, self)
        self.form = AccountForm()
        self.form.hide()
        self.status = QLabel()
        self.status.setObjectName("usersStatus")
        self.status.setWordWrap(True)
        self.buttons = {
            Mode.ADD: QPushButton(marked(self.tr("New account"), "user_add")),
            Mode.PASSWORD: QPushButton(marked(self.tr("New password"), "user_password")),
            Mode.TOTP: QPushButton(marked(self.tr("Remove app"), "user_totp")),
            Mode.DISABLE: QPushButton(marked(self.tr("Disable"), "user_disable")),
            Mode.ROLES: QPushButton(marked(self.tr("Roles"), "user_roles")),
        }
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.table = QTableView(wordWrap=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        for mode, button in self.buttons.items():
            button.clicked.connect(lambda _=False, mode=mode: self.open_form(mode))
        self.form.confirmed.connect(self._carry_out)
        self.form.closed.connect(lambda: self.table.setFocus(Qt.FocusReason.OtherFocusReason))

    # Reading ------------------------------------------------------------------------------

    @Slot()
    def refresh(self, select: str = "") -> None:
        """Read the accounts again; keep (or move to) the selected login."""
        chosen = self.selected()
        keep = select or (chosen.login if chosen is not None else "")
        accounts, by = self._service.accounts, self._by
        self._ops.read(
            self, "accounts", lambda: accounts(by=by),
            success=lambda rows: self._show(rows, keep),
            failure=lambda error: self.status.setText(
                self.tr("Could not read the accounts: {error}").format(error=refusal_text(error))
            ),
        )  # fmt: skip

    def _show(self, rows: list[AccountView], keep: str) -> None:
        self.model.set_rows(rows)
        at = self.model.row_of(keep) if keep else -1
        if rows:
            self.table.selectRow(max(at, 0))
        self.loaded.emit(len(rows))

    def selected(self) -> AccountView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.account(rows[0].row()) if rows else None

    # Changing -----------------------------------------------------------------------------

    @Slot()
    def open_form(self, mode: Mode) -> None:
        account = self.selected()
        if mode is not Mode.ADD and account is None:
            self.status.setText(self.tr("Choose an account in the list first."))
            return
        self.status.clear()
        self.form.open_for(mode, None if mode is Mode.ADD else account)

    def _carry_out(self, filled: Filled) -> None:
        service, by, login = self._service, self._by, filled.login
        calls: dict[Mode, Callable[[], object]] = {
            Mode.ADD: lambda: service.add(filled.login, filled.display_name, filled.platform,
                                          filled.roles, filled.password, by=by),
            Mode.PASSWORD: lambda: service.reset_password(login, filled.password, by=by),
            Mode.ROLES: lambda: service.set_roles(login, filled.roles, by=by),
            Mode.DISABLE: lambda: service.disable(login, by=by),
            Mode.TOTP: lambda: service.reset_totp(login, by=by),
        }  # fmt: skip
        self._ops.write(
            self, calls[filled.mode],
            success=lambda answer: self._done(filled, answer),
            failure=lambda error: self.form.refuse(refusal_text(error)),
        )  # fmt: skip

    def _done(self, filled: Filled, answer: object) -> None:
        login = answer.login if isinstance(answer, AccountView) else filled.login
        said = {
            Mode.ADD: self.tr("Account {login} added: its password is changed at the first "
                              "sign-in."),
            Mode.PASSWORD: self.tr("New password set for {login} (changed at the next "
                                   "sign-in); the account is unlocked."),
            Mode.ROLES: self.tr("Roles of {login} set."),
            Mode.DISABLE: self.tr("Account {login} disabled."),
            Mode.TOTP: self.tr("The authenticator app of {login} is removed: it sets one up "
                               "again at the next sign-in."),
        }[filled.mode].format(login=login)  # fmt: skip
        self.form.close_form()
        self.status.setText(said)
        self.refresh(select=login)
        self.done.emit(said)
