"""The work queues (工单队列): my orders, my platform's open orders, orders awaiting sign-for, all.

One table per queue, each over its own :class:`QueueModel`. A table paints once before it asks
``fetchMore`` (STACK-NOTES), so each stays hidden behind "Loading…" until its model's first page
is in; ``ready`` says all four are. The search box searches the ALL queue by phone number or
order number (or its start) and switches to it. Keyboard: Ctrl+F focuses the search, Enter
searches, Esc goes back to the table; Enter on a row opens it; the app binds Ctrl+Tab to
:meth:`QueuesView.next_queue`. The deadline and created headers sort (the model maps them);
the work queues start soonest deadline first, all orders newest first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.intake import normalise_phone
from console.domain.orders import Platform
from console.services.queues import QueueKind, QueueQuery, QueueSort
from console.ui.models.queue_model import Fetch, QueueModel
from console.ui.operations import Operations

KINDS = (QueueKind.MINE, QueueKind.PLATFORM_OPEN, QueueKind.AWAITING_SIGN_FOR, QueueKind.ALL)
# An order number (12345-20261126-000042, 110-…) or its start, from the platform on.
NUMBER_PREFIX = re.compile(r"(12345|110)(-\d{0,8}(-\d{0,6})?)?")
WIDTHS = ((QueueModel.NUMBER, 190), (QueueModel.CREATED, 130), (QueueModel.KIND, 110),
          (QueueModel.STATUS, 80), (QueueModel.OWNER, 100), (QueueModel.DEADLINE, 130),
          (QueueModel.LEFT, 110))  # fmt: skip
ERROR_STYLE = "color: #b00020;"


def search_term(raw: str) -> str | None:
    """What the ALL queue is searched by: the normalised phone number, or the order number (or
    its start) as typed; None if ``raw`` is neither. An empty box is the unsearched queue."""
    text = raw.strip()
    if not text:
        return ""
    phone = normalise_phone(text)
    if phone is not None:
        return phone
    return text if NUMBER_PREFIX.fullmatch(text) else None


class QueuePage(QWidget):
    """One queue: its table, hidden behind a "Loading…" line until the first page is in.

    The current order stays current across a refresh when it is still in the first page.

    Signals: ``first_page_in()`` — the table is shown (also when the first read failed).
    """

    first_page_in = Signal()

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.started = False  # the first page is in and the table shown
        self._keep: str | None = None  # the current order's number across a model reset
        self.loading = QLabel(self.tr("Loading…"))
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        for column, width in WIDTHS:
            self.table.setColumnWidth(column, width)
        self.table.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loading, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.table, 1)
        self.show_sort()
        header.sortIndicatorChanged.connect(self._sort_clicked)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)

    def start(self) -> None:
        self.model.load_first_page(done=self._show_table)

    def _show_table(self) -> None:
        self.started = True
        self.loading.hide()
        self.table.show()
        self.first_page_in.emit()

    def show_sort(self) -> None:
        """The header's arrow where the rows are really sorted."""
        if self.model.query.sort is QueueSort.CREATED:
            column, order = QueueModel.CREATED, Qt.SortOrder.DescendingOrder
        else:
            column, order = QueueModel.DEADLINE, Qt.SortOrder.AscendingOrder
        with QSignalBlocker(self.table.horizontalHeader()):
            self.table.horizontalHeader().setSortIndicator(column, order)

    @Slot(int, Qt.SortOrder)
    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)  # only the created and deadline columns change the order
        self.show_sort()

    def current_number(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).number if index.isValid() else None

    @Slot()
    def _remember_current(self) -> None:
        self._keep = self.current_number()

    @Slot()
    def _restore_current(self) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        found = next((n for n in range(rows) if self.model.row_at(n).number == self._keep), 0)
        self.table.selectRow(found)
        self.table.setCurrentIndex(self.model.index(found, QueueModel.NUMBER))


class QueuesView(QWidget):
    """Signals: ``order_activated(str)`` — Enter or double-click on a row (its order number);
    ``ready()`` — every queue's first page is in (show the window after it for a full first
    paint)."""

    order_activated = Signal(str)
    ready = Signal()

    def __init__(
        self, *, fetch: Fetch, ops: Operations, platform: Platform, seat: str,
        kind_names: Mapping[str, str], parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setMinimumSize(800, 400)
        queries = {
            QueueKind.MINE: QueueQuery(QueueKind.MINE, seat=seat, platform=platform),
            QueueKind.PLATFORM_OPEN: QueueQuery(QueueKind.PLATFORM_OPEN, platform=platform),
            QueueKind.AWAITING_SIGN_FOR: QueueQuery(QueueKind.AWAITING_SIGN_FOR, platform=platform),
            QueueKind.ALL: QueueQuery(QueueKind.ALL, sort=QueueSort.CREATED),  # newest first
        }
        self.pages = {
            kind: QueuePage(QueueModel(fetch, ops, queries[kind], kind_names, parent=self))
            for kind in KINDS
        }
        self._titles = {
            QueueKind.MINE: self.tr("My orders"),
            QueueKind.PLATFORM_OPEN: self.tr("Platform open"),
            QueueKind.AWAITING_SIGN_FOR: self.tr("Awaiting sign-for"),
            QueueKind.ALL: self.tr("All orders"),
        }
        self._ready = False
        self._stale: set[QueueKind] = set()  # queues changed since they were last in front
        self._build()
        self._connect_signals()
        for page in self.pages.values():
            page.start()

    def _build(self) -> None:
        self.tabs = QTabBar()
        self.tabs.setDrawBase(False)
        self.stack = QStackedWidget()
        for kind in KINDS:
            self.tabs.addTab(self._titles[kind])
            self.stack.addWidget(self.pages[kind])
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Order number or phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(30)
        self.search.setMinimumWidth(260)
        self.message = QLabel()  # an invalid search, a page that failed
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.tabs, 1)
        top.addWidget(self.search)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.count, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        self.back_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _connect_signals(self) -> None:
        self.tabs.currentChanged.connect(self._switched)
        self.search.returnPressed.connect(self.run_search)
        self.search.textEdited.connect(self.message.hide)
        self.find_shortcut.activated.connect(self.focus_search)
        self.back_shortcut.activated.connect(self.focus_table)
        for page in self.pages.values():
            page.table.activated.connect(self._activated)
            page.model.loaded.connect(self._loaded)
            page.model.failed.connect(self._failed)
            page.first_page_in.connect(self._page_in)

    # ------------------------------------------------------------------ public

    @property
    def is_ready(self) -> bool:
        return self._ready

    def current_kind(self) -> QueueKind:
        return KINDS[self.tabs.currentIndex()]

    def current_page(self) -> QueuePage:
        return self.pages[self.current_kind()]

    def model(self, kind: QueueKind) -> QueueModel:
        return self.pages[kind].model

    def show_queue(self, kind: QueueKind) -> None:
        self.tabs.setCurrentIndex(KINDS.index(kind))

    @Slot()
    def next_queue(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % len(KINDS))
        self.focus_table()

    @Slot()
    def previous_queue(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() - 1) % len(KINDS))
        self.focus_table()

    @Slot()
    def refresh(self) -> None:
        """Re-read the queue in front; the others are re-read when they come to the front."""
        self.current_page().model.refresh()
        self._stale = set(KINDS) - {self.current_kind()}

    def set_now(self, now: datetime) -> None:
        for page in self.pages.values():
            page.model.set_now(now)

    @Slot()
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @Slot()
    def focus_table(self) -> None:
        self.current_page().table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def run_search(self) -> None:
        """Search the ALL queue by the box's phone or order number and switch to it."""
        raw = self.search.text().strip()
        term = search_term(raw)
        if term is None:
            self.message.setText(
                self.tr("“{text}” is neither a phone number nor an order number.").format(text=raw)
            )
            self.message.show()
            return
        self.message.hide()
        model = self.model(QueueKind.ALL)
        model.set_query(replace(model.query, search=term))  # a fresh read of its own
        self._stale.discard(QueueKind.ALL)
        self.show_queue(QueueKind.ALL)
        self._show_count()
        self.focus_table()

    # ------------------------------------------------------------------ private

    @Slot(int)
    def _switched(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        kind = KINDS[index]
        if kind in self._stale:
            self._stale.discard(kind)
            self.pages[kind].model.refresh()
        self._show_count()

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.order_activated.emit(self.current_page().model.row_at(index.row()).number)

    @Slot(int)
    def _loaded(self, _rows: int) -> None:
        for number, kind in enumerate(KINDS):
            title = self.tr("{title} ({count})").format(
                title=self._titles[kind], count=self._count(kind)
            )
            self.tabs.setTabText(number, title)
        self._show_count()

    @Slot()
    def _page_in(self) -> None:
        if not self._ready and all(page.started for page in self.pages.values()):
            self._ready = True
            self.ready.emit()

    @Slot(str)
    def _failed(self, error: str) -> None:
        self.message.setText(self.tr("The queue could not be read: {error}").format(error=error))
        self.message.show()

    def _count(self, kind: QueueKind) -> str:
        model = self.model(kind)
        rows = model.rowCount()
        return f"{rows}+" if model.canFetchMore() or model.capped else str(rows)

    def _show_count(self) -> None:
        model = self.current_page().model
        rows = model.rowCount()
        if model.capped:
            text = self.tr("The first {count} orders are shown: search to narrow the list.")
        elif model.canFetchMore():
            text = self.tr("{count} orders loaded; scroll for more.")
        else:
            text = self.tr("{count} orders.")
        text = text.format(count=rows)
        search = model.query.search
        if search:
            text = self.tr("Search {search}: {rest}").format(search=search, rest=text)
        self.count.setText(text)
