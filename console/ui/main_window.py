"""The seat's main window: wiring only. The seat's call area (state, call bar, wrap-up and
linkage strips) sits above the tabs, so the call stays in view on every tab; the tabs hold the
seat, the queues, the caller lookup, the order detail, the alarms and the board.

Lookups are read operations (the UI thread never waits for the database, STYLE.md Qt 4); only
the newest lookup is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm_levels import AlarmLevel
from console.domain.intake import normalise_phone
from console.services.order_reads import OrderReads
from console.services.orders import OrderSummary
from console.ui.history_model import HistoryModel
from console.ui.keys import KEYS, marked, sequence
from console.ui.lazy_page import built, when_built
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.order_detail import OrderDetail
from console.ui.seat.queues_view import QueuesView
from console.ui.status_bar import StatusBar

if TYPE_CHECKING:  # the tabs a seat's start does not build (console/ui/lazy_page.py)
    from console.ui.hotspots import HotspotView
    from console.ui.reports.tab import ReportsTab
    from console.ui.wallboard import LazyWallboard

DEFAULT_SIZE = QSize(1280, 800)
MINIMUM_SIZE = QSize(940, 640)  # fits 1366×768, and half of 1920×1080 (`make run`'s pair)

STYLE = """
QTableView { gridline-color: palette(midlight); }
QHeaderView::section { padding: 4px 6px; }
QLineEdit#phone { padding: 3px 6px; min-width: 16em; }
QStatusBar QLabel { padding: 0 8px; }
"""


class MainWindow(QMainWindow):
    """Signals: ``history_shown(str, int)`` once a lookup's rows are on screen (phone, count)."""

    history_shown = Signal(str, int)

    def __init__(
        self,
        service: OrderReads,
        *,
        ops: Operations,
        kind_names: Mapping[str, str],
        status: StatusBar,
        alarm_panel: QWidget | None = None,
        banner: QWidget | None = None,
        seat_panel: QWidget | None = None,
        queues: QueuesView | None = None,
        detail: OrderDetail | None = None,
        board: QWidget | None = None,
        call_area: QWidget | None = None,
        inbox: QWidget | None = None,
        emergency: QWidget | None = None,  # an EmergencyTab (a LazyPage of the board)
        hotspots: QWidget | None = None,  # a HotspotView, or a LazyPage of one
        wallboard: LazyWallboard | None = None,  # built when its key first opens it
        reports: QWidget | None = None,  # a ReportsTab, or a LazyPage of one
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._ops = ops
        self._latest = ""  # the phone of the newest lookup; older answers are dropped
        self.setWindowTitle(self.tr("12345 ⇄ 110 linkage seat console"))
        self.resize(DEFAULT_SIZE)
        self.setMinimumSize(MINIMUM_SIZE)
        self.setStyleSheet(STYLE)

        self.status = status
        self.setStatusBar(status)
        self.model = HistoryModel(kind_names, self)
        self.alarm_panel = alarm_panel
        self.banner = banner
        self.seat_panel = seat_panel
        self.queues = queues
        self.detail = detail
        self.board = board
        self.call_area = call_area
        self.inbox = inbox
        self.emergency = emergency  # the emergency board (应急联动), for who may see incidents
        self.hotspots = hotspots  # the 12345 shift lead's hot spots (热点)
        self.wallboard = wallboard  # the shift lead's wall screen (大屏), its own window
        if wallboard is not None:
            wallboard.host(self)
        self.reports = reports  # the reports tab (报表), for shift leads
        self._build_lookup()
        self._connect_signals()

    def _build_lookup(self) -> None:
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText(self.tr("Caller number"))
        self.phone.setClearButtonEnabled(True)
        self.phone.setMaxLength(20)
        label = QLabel(marked(self.tr("Caller number:"), "lookup_number"))
        label.setBuddy(self.phone)
        self.lookup_button = QPushButton(self.tr("Look up"))
        self.result_label = QLabel(self.tr("Type a caller number and press Enter (Ctrl+F)."))
        self.result_label.setObjectName("lookupResult")

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 190), (1, 140), (2, 130), (3, 110), (4, 120)):
            self.table.setColumnWidth(column, width)

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.phone)
        row.addWidget(self.lookup_button)
        row.addStretch(1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.table, 1)
        self.tabs = QTabWidget()
        self.lookup_page = central
        if self.seat_panel is not None:
            self.tabs.addTab(self.seat_panel, marked(self.tr("Seat"), "tab_seat"))
        if self.inbox is not None:
            self.tabs.addTab(self.inbox, marked(self.tr("Inbox"), "tab_inbox"))
        if self.queues is not None:
            self.tabs.addTab(self.queues, marked(self.tr("Queues"), "tab_queues"))
        self.tabs.addTab(central, marked(self.tr("Caller lookup"), "tab_lookup"))
        if self.detail is not None:
            self.tabs.addTab(self.detail, marked(self.tr("Order detail"), "tab_detail"))
        if self.alarm_panel is not None:
            self.tabs.addTab(self.alarm_panel, marked(self.tr("Alarms"), "tab_alarms"))
        if self.board is not None:
            self.tabs.addTab(self.board, marked(self.tr("Seat board"), "tab_board"))
        if self.emergency is not None:
            self.tabs.addTab(self.emergency, marked(self.tr("Emergency"), "tab_emergency"))
        if self.hotspots is not None:
            self.tabs.addTab(self.hotspots, marked(self.tr("Hot spots"), "tab_hotspots"))
        if self.reports is not None:  # every Alt letter is taken: Ctrl+Shift+B, in its tooltip
            # In a scroll area: the report's cards are wide, and a page's minimum width is the
            # window's — two seats would no longer fit side by side on a 1920 screen.
            self.reports_page = QScrollArea(widgetResizable=True)
            self.reports_page.setFrameShape(QFrame.Shape.NoFrame)
            self.reports_page.setWidget(self.reports)
            index = self.tabs.addTab(self.reports_page, self.tr("Reports"))
            self.tabs.setTabToolTip(index, KEYS["tab_reports"].keys[0])
            self.reports_shortcut = QShortcut(sequence("tab_reports"), self)
        outer = QWidget()
        stack = QVBoxLayout(outer)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        if self.banner is not None:
            stack.addWidget(self.banner)
        if self.call_area is not None:  # above the tabs: the call is in view on every tab
            self.call_area.setContentsMargins(12, 6, 12, 2)
            stack.addWidget(self.call_area)
        stack.addWidget(self.tabs, 1)
        self.setCentralWidget(outer)

        QWidget.setTabOrder(self.phone, self.lookup_button)
        QWidget.setTabOrder(self.lookup_button, self.table)
        self.find_shortcut = QShortcut(sequence("search"), self)

    def _connect_signals(self) -> None:
        self.phone.returnPressed.connect(self.look_up)
        self.lookup_button.clicked.connect(self.look_up)
        self.find_shortcut.activated.connect(self.search)
        self.table.activated.connect(self._open_history_row)
        if self.queues is not None:
            # One Ctrl+F for the window, routed to the page in front (two would be ambiguous).
            self.queues.find_shortcut.setEnabled(False)
            self.queues.order_activated.connect(self.open_order)
            for key, step in (("next_queue", self.queues.next_queue),
                              ("previous_queue", self.queues.previous_queue)):  # fmt: skip
                shortcut = QShortcut(sequence(key), self)
                shortcut.activated.connect(lambda step=step: self._step_queue(step))
        if self.detail is not None:
            self.detail.order_activated.connect(self.open_order)
        if self.hotspots is not None:
            when_built(self.hotspots, lambda v: cast("HotspotView", v).order_activated.connect(
                self.open_order))  # fmt: skip
        if self.wallboard is not None:
            self.wallboard_shortcut = QShortcut(sequence("wallboard"), self)
            self.wallboard_shortcut.activated.connect(self.wallboard.toggle)
        if self.reports is not None:
            when_built(self.reports, lambda t: cast("ReportsTab", t).order_activated.connect(
                self.open_order))  # fmt: skip
            self.reports_shortcut.activated.connect(self.show_reports)

    def add_page(self, widget: QWidget, title: str, key: str) -> None:
        """One more tab after the seat's (a role's page: ``console.ui.admin.pages``): ``title``
        translated, ``key`` the name of its tab key in ``console/ui/keys.py`` (its tooltip)."""
        index = self.tabs.addTab(widget, marked(title, key))
        self.tabs.setTabToolTip(index, KEYS[key].keys[0])

    def show_seat(self, platform: str, seat: str) -> None:
        """The window title names the seat (translated under this class, as ``self.tr`` looks up)."""
        self.setWindowTitle(
            self.tr("{platform} seat {seat} · 12345 ⇄ 110 linkage console").format(
                platform=platform, seat=seat
            )
        )

    @Slot()
    def search(self) -> None:
        """Ctrl+F: the queues' search box when the queues are in front, else the caller lookup."""
        if self.queues is not None and self.tabs.currentWidget() is self.queues:
            self.queues.focus_search()
        else:
            self.focus_lookup()

    def _step_queue(self, step: Callable[[], None]) -> None:
        assert self.queues is not None
        if self.tabs.currentWidget() is not self.queues:
            self.tabs.setCurrentWidget(self.queues)
        else:
            step()

    @Slot(str)
    def open_order(self, number: str) -> None:
        if self.detail is None:
            return
        self.detail.load(number)
        self.tabs.setCurrentWidget(self.detail)

    @Slot(QModelIndex)
    def _open_history_row(self, index: QModelIndex) -> None:
        self.open_order(self.model.summary(index.row()).number)

    @Slot(object)
    def show_alarm_counts(self, counts: Mapping[AlarmLevel, int]) -> None:
        """The Alarms tab title carries the open counts (all levels), visible from any tab."""
        if self.alarm_panel is None:
            return
        index = self.tabs.indexOf(self.alarm_panel)
        total = sum(counts.values())
        title = marked(self.tr("Alarms"), "tab_alarms")
        self.tabs.setTabText(index, f"{title} ({total})" if total else title)

    @Slot(int)
    def show_inbox_count(self, new: int) -> None:
        """The Inbox tab title carries how many of its items are new (待办 (3))."""
        if self.inbox is None:
            return
        title = marked(self.tr("Inbox"), "tab_inbox")
        self.tabs.setTabText(self.tabs.indexOf(self.inbox), f"{title} ({new})" if new else title)

    @Slot(int, int)
    def show_emergency_counts(self, active: int, overdue: int) -> None:
        """The Emergency tab title carries the active incidents and overdue partners (演练 not
        counted): 应急联动 (2 · ⚠3)."""
        if self.emergency is None:
            return
        title = marked(self.tr("Emergency"), "tab_emergency")
        if overdue:
            title += f" ({active} · ⚠{overdue})"
        elif active:
            title += f" ({active})"
        self.tabs.setTabText(self.tabs.indexOf(self.emergency), title)

    @Slot()
    def show_reports(self) -> None:
        assert self.reports is not None
        self.tabs.setCurrentWidget(self.reports_page)
        cast("ReportsTab", built(self.reports)).focus_first()

    @Slot()
    def focus_lookup(self) -> None:
        self.tabs.setCurrentWidget(self.lookup_page)
        self.phone.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.phone.selectAll()

    @Slot()
    def look_up(self) -> None:
        raw = self.phone.text().strip()
        if not raw:
            return
        if normalise_phone(raw) is None:
            self.result_label.setText(self.tr("{phone} is not a phone number.").format(phone=raw))
            return
        self._latest = raw
        self.result_label.setText(self.tr("Looking up {phone}…").format(phone=raw))
        history = self._service.caller_history
        self._ops.read(
            self, "lookup", lambda: history(raw),
            success=lambda found: self._show_history(raw, found),
            failure=lambda error: self._lookup_failed(raw, error),
        )  # fmt: skip

    def _lookup_failed(self, phone: str, error: Exception) -> None:
        if phone != self._latest:
            return
        self.model.set_rows([])
        self.result_label.setText(
            self.tr("Lookup failed: {error}").format(error=refusal_text(error))
        )

    def _show_history(self, phone: str, answer: list[OrderSummary]) -> None:
        if phone != self._latest:
            return
        self.model.set_rows(answer)
        if answer:
            text = self.tr("{count} order(s) from {phone}, newest first.")
            self.result_label.setText(text.format(count=len(answer), phone=phone))
            self.table.selectRow(0)
        else:
            self.result_label.setText(self.tr("No orders from {phone}.").format(phone=phone))
        self.history_shown.emit(phone, len(answer))
