"""Table model of the audit trail (留痕), newest first, read a keyset page at a time.

:meth:`AuditModel.fetchMore` asks for the rows older than the last one shown as a read
operation and returns at once; they are appended when they come back. At most one page is in
flight; a new filter (:meth:`AuditModel.set_filter`) drops any older answer. The trail only
grows, so a page never shifts under the rows already shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from console.domain.audit import AuditAction, AuditOutcome, AuditRecord
from console.ui.history_model import CHINA
from console.ui.models.base import RowsTableModel
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

AnyIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200


class Fetch(Protocol):
    """A page of the trail (``console.services.audit.show`` with its database bound)."""

    def __call__(
        self, *, who: str | None, start: datetime | None, end: datetime | None,
        action: str | None, before: int | None, limit: int,
    ) -> list[AuditRecord]: ...  # fmt: skip


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """As ``audit show --user --from --to --action``: ``end`` is exclusive."""

    who: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    action: str | None = None


def action_names() -> dict[str, str]:
    """Every :class:`AuditAction` value → its name in the user's language."""
    translate = QCoreApplication.translate
    names = {
        AuditAction.SIGN_IN: translate("AuditModel", "Sign-in"),
        AuditAction.SIGN_OUT: translate("AuditModel", "Sign-out"),
        AuditAction.SIGN_IN_FAILED: translate("AuditModel", "Failed sign-in"),
        AuditAction.LOCKED_OUT: translate("AuditModel", "Locked out"),
        AuditAction.IDLE_LOCK: translate("AuditModel", "Idle lock"),
        AuditAction.UNLOCK: translate("AuditModel", "Unlock"),
        AuditAction.ORDER_STEP: translate("AuditModel", "Order step"),
        AuditAction.ALARM_ACK: translate("AuditModel", "Alarm acknowledged"),
        AuditAction.ESCALATION: translate("AuditModel", "Escalation"),
        AuditAction.REVEAL_PERSONAL_DATA: translate("AuditModel", "Personal data shown"),
        AuditAction.USER_CHANGE: translate("AuditModel", "Account change"),
        AuditAction.ROLE_CHANGE: translate("AuditModel", "Role change"),
        AuditAction.DIRECTORY_CHANGE: translate("AuditModel", "Directory change"),
        AuditAction.POLICY_CHANGE: translate("AuditModel", "Policy change"),
        AuditAction.CONFIG_CHANGE: translate("AuditModel", "Configuration change"),
        AuditAction.EXPORT: translate("AuditModel", "Export"),
        AuditAction.PURGE: translate("AuditModel", "Purge"),
        AuditAction.EXCHANGE_REFUSED: translate("AuditModel", "Peer message refused"),
        AuditAction.EXCHANGE_REFUSED_BY_PEER: translate("AuditModel", "Refused by the peer"),
        AuditAction.EXCHANGE_CONNECTION_REFUSED: translate("AuditModel", "Peer connection refused"),
        AuditAction.PLATFORM_SPLIT: translate("AuditModel", "Platform split off"),
        AuditAction.INCIDENT: translate("AuditModel", "Emergency incident"),
    }
    return {action.value: name for action, name in names.items()}


def outcome_names() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        AuditOutcome.OK.value: translate("AuditModel", "done"),
        AuditOutcome.REFUSED.value: translate("AuditModel", "refused"),
        AuditOutcome.FAILED.value: translate("AuditModel", "failed"),
    }


def _printable(text: str) -> str:
    """A stored value on one line: a control character written in by hand shows as "?"."""
    return "".join(c if c.isprintable() else "?" for c in text)


class AuditModel(RowsTableModel):
    """Read-only rows of :class:`AuditRecord`; ``Qt.UserRole`` gives the record.

    Signals: ``loaded(int)`` — a page is in (its row count); ``failed(str)`` — a page could not
    be read (the rows shown stay)."""

    SEQ, AT, WHO, SEAT, ACTION, TARGET, OUTCOME, DETAIL = range(8)

    loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, fetch: Fetch, ops: Operations, *, page_size: int = PAGE_SIZE,
                 parent: Any = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._fetch, self._ops, self._page_size = fetch, ops, page_size
        self._filter = AuditFilter()
        self._rows: list[AuditRecord] = []
        self._more = True
        self._generation = 0  # bumped by every new filter: older answers are dropped
        self._busy = False
        self._headers = [
            self.tr("Row"), self.tr("When (China)"), self.tr("Who"), self.tr("Seat"),
            self.tr("Action"), self.tr("Target"), self.tr("Outcome"), self.tr("Detail"),
        ]  # fmt: skip
        self._actions, self._outcomes = action_names(), outcome_names()

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def filter(self) -> AuditFilter:
        return self._filter

    def record(self, row: int) -> AuditRecord:
        return self._rows[row]

    def set_filter(self, chosen: AuditFilter) -> None:
        """Show the newest rows that pass ``chosen`` (read again even if it is the same)."""
        self._filter = chosen
        self._generation += 1
        self.beginResetModel()
        self._rows, self._more, self._busy = [], True, False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._busy

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._busy = True
        f, generation = self._filter, self._generation
        before = self._rows[-1].seq if self._rows else None
        fetch, limit = self._fetch, self._page_size

        def page() -> list[AuditRecord]:
            return fetch(who=f.who, start=f.start, end=f.end, action=f.action, before=before,
                         limit=limit)  # fmt: skip

        self._ops.read(
            self, ("audit", generation, before), page,
            success=lambda rows: self._append(generation, rows),
            failure=lambda error: self._failed(generation, error),
        )  # fmt: skip

    def _append(self, generation: int, rows: list[AuditRecord]) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self._more = len(rows) == self._page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit(len(rows))

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self.failed.emit(refusal_text(error))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return r
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.ACTION:
            return r.action
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        cells: tuple[Callable[[], str], ...] = (
            lambda: str(r.seq),
            lambda: f"{r.at.astimezone(CHINA):%Y-%m-%d %H:%M:%S}",
            lambda: _printable(r.who),
            lambda: _printable(r.seat),
            lambda: self._actions.get(r.action, _printable(r.action)),
            lambda: _printable(r.target),
            lambda: self._outcomes.get(r.outcome, _printable(r.outcome)),
            lambda: _printable(r.detail),
        )
        return cells[index.column()]() if 0 <= index.column() < len(cells) else None
