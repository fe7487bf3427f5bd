"""The auditor's Audit tab (审计员): the audit trail, newest first, filtered as
``audit show --user --from --to --action``, a page at a time, and the chain's check
(``audit verify``) — reading only: nothing here changes anything.

Pages come as the table scrolls to its end (``fetchMore``) or with Alt+O. The check reads the
whole trail (seconds over a million rows): it runs as a read operation, off the GUI thread,
with a busy bar and the seconds so far, and says how it ended — intact with its row count and
head, or the first row changed, deleted or inserted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QElapsedTimer, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.audit import Verdict
from console.ui.admin.audit_model import PAGE_SIZE, AuditFilter, AuditModel, Fetch, action_names
from console.ui.history_model import CHINA
from console.ui.keys import marked
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

COLUMN_WIDTHS = (70, 150, 100, 70, 130, 140, 70)  # the detail column stretches
ERROR_COLOUR = "#b3261e"
OK_COLOUR = "#1b5e20"
TICK_MS = 250


class DateError(ValueError):
    pass


def china_day(text: str) -> date | None:
    """A typed China date (YYYY-MM-DD), None when empty. Raises :class:`DateError`."""
    text = text.strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise DateError(text) from None
    if not 1900 <= day.year <= 9998:
        raise DateError(text)
    return day


class AuditView(QWidget):
    """Signals: ``verified(object)`` with the :class:`Verdict` once a check has ended."""

    verified = Signal(object)

    def __init__(
        self,
        fetch: Fetch,
        verify: Callable[[], Verdict],
        *,
        ops: Operations,
        page_size: int = PAGE_SIZE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self._verify, self._ops = verify, ops
        self.model = AuditModel(fetch, ops, page_size=page_size, parent=self)
        self._clock = QElapsedTimer()
        self.tick_timer = QTimer(self, interval=TICK_MS)
        self.tick_timer.setObjectName("audit-verify-tick")
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.user = QLineEdit(maxLength=64)
        self.start, self.end = QLineEdit(maxLength=10), QLineEdit(maxLength=10)
        for box in (self.start, self.end):
            box.setPlaceholderText("YYYY-MM-DD")
        self.action = QComboBox()
        self.action.addItem(self.tr("All"), None)
        for value, name in action_names().items():
            self.action.addItem(name, value)
        self.show_button = QPushButton(self.tr("Show (Enter)"))
        filters = QHBoxLayout()
        for text, field in (
            (marked(self.tr("User:"), "audit_user"), self.user),
            (marked(self.tr("From:"), "audit_from"), self.start),
            (marked(self.tr("To:"), "audit_to"), self.end),
            (marked(self.tr("Action:"), "audit_action"), self.action),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field)
        filters.addWidget(self.show_button)
        filters.addStretch(1)

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

        self.more_button = QPushButton(marked(self.tr("Older rows"), "audit_more"))
        self.page_label = QLabel()
        self.page_label.setObjectName("auditPage")
        self.verify_button = QPushButton(marked(self.tr("Verify the chain"), "audit_verify"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the check does not know its end before it
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.verdict = QLabel()
        self.verdict.setObjectName("auditVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.more_button)
        bottom.addWidget(self.page_label, 1)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.verdict)

    def _connect_signals(self) -> None:
        for box in (self.user, self.start, self.end):
            box.returnPressed.connect(self.apply_filter)
        self.action.activated.connect(lambda _i: self.apply_filter())
        self.show_button.clicked.connect(self.apply_filter)
        self.more_button.clicked.connect(self.more)
        self.verify_button.clicked.connect(self.verify)
        self.model.loaded.connect(self._page_in)
        self.model.failed.connect(self._page_failed)
        self.tick_timer.timeout.connect(self._tick)

    # The trail ----------------------------------------------------------------------------

    @Slot()
    def apply_filter(self) -> None:
        """Read the newest rows that pass the filters (also the first load)."""
        try:
            first, last = china_day(self.start.text()), china_day(self.end.text())
        except DateError as exc:
            self.page_label.setText(
                self.tr("{text} is not a date: type it as YYYY-MM-DD.").format(text=exc)
            )
            return
        if first and last and last < first:
            self.page_label.setText(self.tr("“To” is before “From”."))
            return
        who = self.user.text().strip() or None
        start = datetime.combine(first, time(), CHINA) if first else None
        end = datetime.combine(last, time(), CHINA) + timedelta(days=1) if last else None
        self.page_label.setText(self.tr("Reading…"))
        self.model.set_filter(AuditFilter(who, start, end, self.action.currentData()))

    @Slot()
    def more(self) -> None:
        if self.model.canFetchMore(QModelIndex()):
            self.page_label.setText(self.tr("Reading…"))
            self.model.fetchMore(QModelIndex())

    def _page_in(self, _count: int) -> None:
        shown = self.model.rowCount()
        if self.model.canFetchMore(QModelIndex()):
            text = self.tr("{count} rows shown, newest first; older rows: Alt+O or scroll down.")
        else:
            text = self.tr("{count} rows shown, newest first; no older rows.")
        self.page_label.setText(text.format(count=shown))
        self.more_button.setEnabled(self.model.canFetchMore(QModelIndex()))
        if shown and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _page_failed(self, text: str) -> None:
        self.page_label.setText(
            self.tr("Could not read the audit trail: {error}").format(error=text)
        )

    # The check ----------------------------------------------------------------------------

    @Slot()
    def verify(self) -> None:
        if self.progress.isVisible():
            return  # one check at a time
        self.verify_button.setEnabled(False)
        self.progress.show()
        self._clock.start()
        self._tick()
        self.tick_timer.start()
        self._ops.read(self, "verify", self._verify, success=self._verified,
                       failure=self._verify_failed)  # fmt: skip

    def _tick(self) -> None:
        seconds = self._clock.elapsed() // 1000
        self.verdict.setStyleSheet("")
        self.verdict.setText(
            self.tr("Checking the whole chain… {seconds} s").format(seconds=seconds)
        )

    def _ended(self) -> None:
        self.tick_timer.stop()
        self.progress.hide()
        self.verify_button.setEnabled(True)

    def _verified(self, verdict: Verdict) -> None:
        self._ended()
        self.verdict.setText(self.verdict_text(verdict))
        colour = OK_COLOUR if verdict.broken is None else ERROR_COLOUR
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.verified.emit(verdict)

    def _verify_failed(self, error: Exception) -> None:
        self._ended()
        self.verdict.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.verdict.setText(
            self.tr("Could not check the chain: {error}").format(error=refusal_text(error))
        )

    def verdict_text(self, verdict: Verdict) -> str:
        broken = verdict.broken
        if broken is None:
            if not verdict.rows:
                return self.tr("The audit trail is empty: nothing to check.")
            return self.tr(
                "Intact: {rows} rows; head row {seq}, MAC {mac} (note it elsewhere to compare "
                "later: rows cut off the end leave no trace in the chain)."
            ).format(rows=f"{verdict.rows:,}", seq=verdict.head_seq, mac=verdict.head_mac)
        what = {
            "changed": self.tr("BROKEN: row {seq} was changed after it was written."),
            "deleted": self.tr("BROKEN: rows are missing from row {seq} on: deleted behind the "
                               "console's back."),
            "inserted": self.tr("BROKEN: row {seq} does not belong to the chain: inserted (or "
                                "rewritten with its MAC) behind the console's back."),
            "foreign_key": self.tr("BROKEN: row {seq} was signed with another key: use the key "
                                   "file the site's seats use."),
        }.get(broken.what, self.tr("BROKEN at row {seq}."))  # fmt: skip
        read = self.tr("({rows} rows read)").format(rows=f"{verdict.rows:,}")
        return f"{what.format(seq=broken.seq)} {read}"
