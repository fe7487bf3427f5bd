"""Table model of the site's accounts as the administrator sees them (no hash, no secret).

The list is short (a site has hundreds of accounts, not millions): one read fills it, and
:meth:`AccountsModel.set_rows` swaps it in with one reset. ``Qt.UserRole`` gives the
:class:`~console.services.accounts.AccountView` itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from console.domain.roles import ROLES, Role
from console.services.accounts import AccountView
from console.ui.history_model import china_time
from console.ui.models.base import RowsTableModel
from console.ui.names import platform_names, say

AnyIndex = QModelIndex | QPersistentModelIndex


def role_names() -> dict[Role, str]:
    """The roles' names as the UI shows them (declared in ``console.domain.roles.ROLES``)."""
    return {role: say(spec.name) for role, spec in ROLES.items()}


def _utc(at: datetime) -> datetime:
    """SQLite gives stored instants back naive, in UTC."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at


class AccountsModel(RowsTableModel):
    LOGIN, NAME, PLATFORM, ROLES, ENABLED, LOCKED, PASSWORD_AGE, TOTP = range(8)

    def __init__(self, clock: Callable[[], datetime], parent: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._rows: list[AccountView] = []
        self._headers = [
            self.tr("Login"), self.tr("Name"), self.tr("Platform"), self.tr("Roles"),
            self.tr("Enabled"), self.tr("Locked until"), self.tr("Password age"),
            self.tr("One-time code"),
        ]  # fmt: skip
        self._platforms = platform_names()
        self._roles = role_names()

    def set_rows(self, rows: Sequence[AccountView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def account(self, row: int) -> AccountView:
        return self._rows[row]

    def row_of(self, login: str) -> int:
        """The row of ``login``, or -1."""
        return next((i for i, a in enumerate(self._rows) if a.login == login), -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        account = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return account
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(account, index.column())
        return None

    def _text(self, a: AccountView, column: int) -> str | None:
        now = self._clock()
        match column:
            case self.LOGIN:
                return a.login
            case self.NAME:
                return a.display_name
            case self.PLATFORM:
                return self._platforms[a.platform]
            case self.ROLES:
                return "、".join(self._roles[r] for r in Role if r in a.roles)
            case self.ENABLED:
                return self.tr("yes") if a.enabled else self.tr("disabled")
            case self.LOCKED:
                if a.locked_until is None or _utc(a.locked_until) <= now:
                    return ""
                return china_time(a.locked_until)
            case self.PASSWORD_AGE:
                days = max(0, (now - _utc(a.password_set_at)).days)
                age = self.tr("{days} d").format(days=days)
                return age + (self.tr(" (to change)") if a.must_change else "")
            case self.TOTP:
                if not a.totp:
                    return self.tr("not set up")
                return self.tr("set up, {left} recovery codes").format(left=a.recovery_left)
        return None
