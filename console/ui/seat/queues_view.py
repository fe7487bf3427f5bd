"""The work queues (工单队列): my orders, my platform's open orders, orders awaiting sign-for, all.

One table per queue, each over its own :class:`QueueModel` on a
:class:`~console.ui.seat.queue_page.QueuePage`. A table paints once before it asks
``fetchMore`` (STACK-NOTES), so each stays hidden behind "Loading…" until its model's first page
is in; ``ready`` says all four are. The search box searches the ALL queue by phone number or
order number (or its start) and switches to it. Keyboard: Ctrl+F focuses the search, Enter
searches, Esc goes back to the table; Enter on a row opens it; the app binds Ctrl+Tab to
:meth:`QueuesView.next_queue`. The deadline and created headers sort (the model maps them);
the work queues start soonest deadline first, all orders newest first.

The tab titles count each queue's orders, however many (``count``: the totals the database
keeps, migration 0026 — a few rows read at any size — off the UI thread, at most one read every
``COUNT_EVERY_MS`` however often the change feed refreshes); a
searched ALL queue counts its loaded rows ("200+" while more can be loaded).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from console.domain.order_search import read_search
from console.domain.orders import Platform, Status
from console.services.queues import QueueKind, QueueQuery, QueueSort
from console.ui.models.queue_model import Fetch, QueueModel
from console.ui.operations import Operations
from console.ui.seat.held_orders import HeldOrders
from console.ui.seat.queue_page import QueuePage

KINDS = (QueueKind.MINE, QueueKind.PLATFORM_OPEN, QueueKind.AWAITING_SIGN_FOR, QueueKind.ALL)
ERROR_STYLE = "color: #b00020;"
COUNT_EVERY_MS = 3000  # the tab counts are re-counted at most this often

Count = Callable[[Sequence[QueueQuery]], list[int]]
"""How many orders each unsearched queue holds; runs on the read thread (``QueueService.count``)."""


def search_term(raw: str) -> str | None:
    """What the ALL queue is searched by (:func:`console.domain.order_search.read_search`): a
    phone number or its start, an order number, its start or its end; None if ``raw`` is none
    of them. An empty box is the unsearched queue."""
    if not raw.strip():
        return ""
    search = read_search(raw)
    return None if search is None else search.value


class QueuesView(QWidget):
    """Signals: ``order_activated(str)`` — Enter or double-click on a row (its order number);
    ``ready()`` — every queue's first page is in (show the window after it for a full first
    paint)."""

    order_activated = Signal(str)
    ready = Signal()

    def __init__(
        self, *, fetch: Fetch, ops: Operations, platform: Platform, seat: str,
        kind_names: Mapping[str, str], count: Count | None = None,
        held: HeldOrders | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        """``held``: the new orders held on the seat (the database away), above the queues."""
        super().__init__(parent)
        self.held = held
        self.setMinimumSize(800, 400)
        queries = {
            QueueKind.MINE: QueueQuery(QueueKind.MINE, seat=seat, platform=platform),
            QueueKind.PLATFORM_OPEN: QueueQuery(QueueKind.PLATFORM_OPEN, platform=platform),
            QueueKind.AWAITING_SIGN_FOR: QueueQuery(QueueKind.AWAITING_SIGN_FOR, platform=platform),
            QueueKind.ALL: QueueQuery(QueueKind.ALL, sort=QueueSort.CREATED),  # newest first
        }
        self._ops, self._counter, self._queries = ops, count, queries
        self._counts: dict[QueueKind, int] = {}
        self._counting = self._count_wanted = False
        self.count_timer = QTimer(self, singleShot=True, interval=COUNT_EVERY_MS)
        self.count_timer.setObjectName("queue-count")
        self.count_timer.timeout.connect(self._count_due)
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
        # The tab counts once the first pages are in: a start's first data (the pages, the
        # alarm counts) does not wait behind the four counts on the read thread.
        self.ready.connect(self.recount, Qt.ConnectionType.SingleShotConnection)
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
        if self.held is not None:
            layout.addWidget(self.held)
            self.held.order_activated.connect(self.order_activated)
            self.held.refresh()
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        self.back_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _connect_signals(self) -> None:
        self.tabs.currentChanged.connect(self._switched)
        self.search.returnPressed.connect(self.run_search)
        self.search.textEdited.connect(self._edited)
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

    def mark_held(self, number: str, status: Status | None) -> None:
        """Order ``number``'s rows say ``status``, held on the seat, not yet written (None: as
        read): the order detail shows it so (``QueueModel.mark_held``)."""
        for page in self.pages.values():
            page.model.mark_held(number, status)

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
        """Re-read the queue in front (and the held orders); the others are re-read when they
        come to the front."""
        if self.held is not None:
            self.held.refresh()
        self.current_page().model.refresh()
        self._stale = set(KINDS) - {self.current_kind()}
        self.recount()

    @Slot()
    def recount(self) -> None:
        """Count every queue again, now or (if counted less than ``COUNT_EVERY_MS`` ago, or a
        count is running) once that time is up: one count however many changes came in it."""
        if self._counter is None:
            return
        if self._counting or self.count_timer.isActive():
            self._count_wanted = True
            return
        self._count_wanted, self._counting = False, True
        queries = [self._queries[kind] for kind in KINDS]
        self._ops.read(self, "queue-counts", partial(self._counter, queries),
                       success=self._counted, failure=self._not_counted)  # fmt: skip

    def counted(self, kind: QueueKind) -> int | None:
        """The queue's last count (None before the first, or without ``count``)."""
        return self._counts.get(kind)

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
        self._search_all(term)
        self.focus_table()

    def _search_all(self, term: str) -> None:
        model = self.model(QueueKind.ALL)
        model.set_query(replace(model.query, search=term))  # a fresh read of its own
        self._stale.discard(QueueKind.ALL)
        self.show_queue(QueueKind.ALL)
        self._show_count()

    # ------------------------------------------------------------------ private

    @Slot(int)
    def _switched(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        kind = KINDS[index]
        if kind in self._stale:
            self._stale.discard(kind)
            self.pages[kind].model.refresh()
        self._show_count()

    @Slot(str)
    def _edited(self, text: str) -> None:
        """Typing hides an old message; an emptied box (its × or deleting the text) brings the
        unsearched list back at once. Typing alone never queries: Enter searches."""
        self.message.hide()
        if not text.strip() and self.model(QueueKind.ALL).query.search:
            self._search_all("")  # the focus stays in the box, to type the next search

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.order_activated.emit(self.current_page().model.row_at(index.row()).number)

    @Slot(int)
    def _loaded(self, _rows: int) -> None:
        self._show_titles()
        self._show_count()

    def _show_titles(self) -> None:
        for number, kind in enumerate(KINDS):
            title = self.tr("{title} ({count})").format(
                title=self._titles[kind], count=self._count(kind)
            )
            self.tabs.setTabText(number, title)

    def _counted(self, counts: list[int]) -> None:
        self._counting = False
        self._counts = dict(zip(KINDS, counts, strict=True))
        self._show_titles()
        self.count_timer.start()  # the next count not before COUNT_EVERY_MS

    def _not_counted(self, _error: Exception) -> None:  # the titles keep their last figures
        self._counting = False
        self.count_timer.start()

    @Slot()
    def _count_due(self) -> None:
        if self._count_wanted:
            self.recount()

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
        more = model.canFetchMore() or model.capped
        counted = self._counts.get(kind)
        if counted is not None and more and not model.query.search:
            return str(max(counted, rows))  # every row loaded: the rows are the fresher figure
        return f"{rows}+" if more else str(rows)

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
