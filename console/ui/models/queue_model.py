"""Table model of one work queue (工单队列), read a keyset page at a time off the GUI thread.

Paging: :meth:`QueueModel.fetchMore` asks for the next page as a read operation and returns at
once; the rows are appended (``beginInsertRows``) when the page comes back on the GUI thread.
At most one page is in flight. A view paints once before it first calls ``fetchMore``, so the
view calls :meth:`QueueModel.load_first_page` with its ``show`` as ``done`` instead of showing an
empty table. :meth:`QueueModel.refresh` reads the first page again and swaps it in with one
model reset; the rows shown stay until then, so a refresh never flashes empty.

Bounded window: at most ``max_rows`` rows (20,000) are held. There ``canFetchMore()`` turns
False and :attr:`QueueModel.capped` True, and the view tells the agent to narrow the search.
Dropping rows from the top instead would shift the rows under the selection and the scroll bar;
nobody scrolls past 20,000 orders to find one.

Priority (紧急程度) shows 紧急 and 特急 only, tinted, 特急 white on dark red and bold; a normal
order's cell is empty. Time left (剩余时间) is coloured by its band (:class:`~console.ui.models.time_left.TimeLeftBand`:
overdue, under 2 hours, under 24 hours), named in its tooltip; only for open orders.
:meth:`QueueModel.set_now` changes only that column.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from console.domain.orders import Priority, Status
from console.domain.phone import mask_phone
from console.services.queues import Cursor, Page, QueueQuery, QueueRow, QueueSort
from console.ui.history_model import CHINA, china_time
from console.ui.models.base import RowsTableModel
from console.ui.models.time_left import TimeLeftBand, band_names
from console.ui.names import platform_names, status_names
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
Fetch = Callable[[QueueQuery, Cursor | None, int], Page]
"""Reads one page; runs on the read thread (``functools.partial(read_page, db)``)."""

_Role = Qt.ItemDataRole  # plain ints below: data() runs for every cell of every paint
_DISPLAY, _TOOLTIP, _USER = int(_Role.DisplayRole), int(_Role.ToolTipRole), int(_Role.UserRole)
_BACKGROUND, _FOREGROUND, _FONT = (int(_Role.BackgroundRole), int(_Role.ForegroundRole),
                                   int(_Role.FontRole))  # fmt: skip
_COLOURS = frozenset({_BACKGROUND, _FOREGROUND, _FONT})
# Column titles in the words (and translations) the history and alarm tables already use.
HEADERS = (("HistoryModel", "Number"), ("OrderDetail", "Priority"), ("HistoryModel", "Created"),
           ("HistoryModel", "Kind"), ("HistoryModel", "Status"), ("HistoryModel", "Owner"),
           ("AlarmTableModel", "Due at"), ("AlarmTableModel", "Time left"),
           ("MainWindow", "Caller number"))  # fmt: skip
# Priority (紧急程度): a normal order's cell stays empty, so that 紧急 and 特急 stand out; 特急
# is white on dark red and bold (a cue in weight and text too, not in colour alone).
PRIORITY_COLOURS = {Priority.URGENT: ("#ffe6cc", "#5c2a00"),
                    Priority.CRITICAL: ("#a4161a", "#ffffff")}  # fmt: skip

PAGE_SIZE = 200
MAX_ROWS = 20_000


def time_left_text(due: datetime, now: datetime) -> str:
    """剩 2小时15分 / 超 35分: the alarm panel's words and translations."""
    translate = QCoreApplication.translate
    seconds = int((due - now).total_seconds())
    days, rest = divmod(abs(seconds), 86_400)
    hours, minutes = rest // 3600, rest % 3600 // 60
    if days:
        span = translate("AlarmTableModel", "{d}d {h}h").format(d=days, h=hours)
    elif hours:
        span = translate("AlarmTableModel", "{h}h {m}m").format(h=hours, m=minutes)
    elif minutes:
        span = translate("AlarmTableModel", "{m}m").format(m=minutes)
    else:
        span = translate("AlarmTableModel", "{s}s").format(s=abs(seconds))
    if seconds < 0:
        return translate("AlarmTableModel", "{span} over").format(span=span)
    return translate("AlarmTableModel", "{span} left").format(span=span)


class QueueModel(RowsTableModel):
    """Read-only rows of :class:`QueueRow`; ``Qt.UserRole`` gives the row itself.

    Signals: ``loaded(int)`` — a page is in (its row count; also after a reset);
    ``failed(str)`` — a page could not be read; the rows already shown stay.
    """

    NUMBER, PRIORITY, CREATED, KIND, STATUS, OWNER, DEADLINE, LEFT, CALLER = range(9)

    loaded = Signal(int)
    failed = Signal(str)

    def __init__(
        self, fetch: Fetch, ops: Operations, query: QueueQuery, kind_names: Mapping[str, str], *,
        page_size: int = PAGE_SIZE, max_rows: int = MAX_ROWS, parent: Any = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        if not 0 < page_size <= max_rows:
            raise ValueError("need 0 < page_size <= max_rows")
        self._fetch, self._ops, self._query = fetch, ops, query
        self._kind_names = dict(kind_names)
        self._page_size, self._max_rows = page_size, max_rows
        self._rows: list[QueueRow] = []
        self._cells: list[tuple[str, ...] | None] = []  # display texts, formatted when shown
        self._after: Cursor | None = None  # where the next page starts
        self._more = True  # the database may hold rows after the last one read
        self._generation = 0  # bumped by every (re)load: older answers are dropped
        self._in_flight: tuple[int, bool] | None = None  # (generation, is the first page)
        self._reload = False  # a first page is wanted once nothing is in flight
        self._waiting: list[Callable[[], None]] = []  # load_first_page(done=...) callbacks
        self._now = datetime.now(UTC)
        self._held: dict[str, Status] = {}  # number → its status once the journal is written
        self._headers = [QCoreApplication.translate(context, text) for context, text in HEADERS]
        self._status_names, self._platform_names = status_names(), platform_names()
        self._brushes = {
            band: (QBrush(QColor(band.background)), QBrush(QColor(band.text)))
            for band in TimeLeftBand
        }
        self._band_names = band_names()
        self.priority_names = priority_names()
        self._priority_brushes = {
            priority: (QBrush(QColor(back)), QBrush(QColor(text)))
            for priority, (back, text) in PRIORITY_COLOURS.items()
        }
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def query(self) -> QueueQuery:
        return self._query

    @property
    def capped(self) -> bool:
        """The window is full: no more rows are read until the query narrows."""
        return len(self._rows) >= self._max_rows

    @property
    def busy(self) -> bool:
        return self._in_flight is not None

    def load_first_page(self, done: Callable[[], None] | None = None) -> None:
        """Read the first page off the GUI thread; swap it in, then call ``done`` (also when
        the read failed, after ``failed``)."""
        if done is not None:
            self._waiting.append(done)
        self._generation += 1
        self._reload = True
        self._pump()

    def refresh(self) -> None:
        self.load_first_page()  # the rows shown stay until the new first page is in

    def set_query(self, query: QueueQuery) -> None:
        if query != self._query:
            self._query = query
            self.load_first_page()

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self._rows:
            top, bottom = self.index(0, self.LEFT), self.index(len(self._rows) - 1, self.LEFT)
            self.dataChanged.emit(top, bottom, [_DISPLAY, *_COLOURS])

    def named_columns(self) -> dict[int, list[str]]:
        """The columns whose cells are names from a short list, with every name they can show
        (for :func:`console.ui.models.columns.fit_columns`)."""
        return {
            self.PRIORITY: list(self.priority_names.values()),
            self.KIND: list(self._kind_names.values()),
            self.STATUS: list(self._status_names.values()),
            self.OWNER: list(self._platform_names.values()),
        }

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def band(self, row: QueueRow) -> TimeLeftBand | None:
        """The time-left band of ``row`` now; None for closed orders and no deadline."""
        if row.deadline is None or not row.status.is_open:
            return None
        return TimeLeftBand.of(row.deadline, self._now)

    # Paging -------------------------------------------------------------------------------

    def _pump(self) -> None:
        if self._in_flight is None and self._reload:
            self._reload = False
            self._start(first=True)

    def _start(self, first: bool) -> None:
        query, after, limit = self._query, None if first else self._after, self._page_size
        self._in_flight = (self._generation, first)
        fetch = self._fetch
        self._ops.read(self, "page", lambda: fetch(query, after, limit), success=self._arrived,
                       failure=self._not_arrived)  # fmt: skip

    def _arrived(self, page: Page) -> None:
        first = self._landed()
        if first is not None:
            rows, after = page
            self._take(rows, after, first)
            self._answered(first)

    def _not_arrived(self, error: Exception) -> None:
        first = self._landed()
        if first is not None:
            log.error("queue page failed: %s", error, exc_info=error)
            self.failed.emit(refusal_text(error))
            self._answered(first)

    def _landed(self) -> bool | None:
        """The page in flight is back: whether it was a first page, or None if a newer load
        was asked for meanwhile (that one is started instead)."""
        assert self._in_flight is not None
        generation, first = self._in_flight
        self._in_flight = None
        if generation != self._generation:
            self._pump()
            return None
        return first

    def _answered(self, first: bool) -> None:
        if first:
            waiting, self._waiting = self._waiting, []
            for done in waiting:
                done()

    def _take(self, rows: list[QueueRow], after: Cursor | None, first: bool) -> None:
        # The cursor moves before rows are announced: a view or tester asking fetchMore from
        # rowsInserted must start from the next page.
        self._after, self._more = after, after is not None
        if first:
            self.beginResetModel()
            self._rows = rows[: self._max_rows]
            self._cells = [None] * len(self._rows)
            self.endResetModel()
        else:
            rows = rows[: self._max_rows - len(self._rows)]
            if rows:
                start = len(self._rows)
                self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
                self._rows.extend(rows)
                self._cells.extend([None] * len(rows))
                self.endInsertRows()
        self.loaded.emit(len(rows))

    # Qt interface -------------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self.capped

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self._in_flight is None:
            self._start(first=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By deadline (soonest first) or by creation (newest first); other columns keep
        the order: only those two have an index behind them."""
        if column == self.CREATED:
            self.set_query(replace(self._query, sort=QueueSort.CREATED))
        elif column in (self.DEADLINE, self.LEFT):
            self.set_query(replace(self._query, sort=QueueSort.DEADLINE))

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # Painting asks seven roles of every visible cell: the display text is formatted once
        # per row, and the roles nobody sets return at the first tests.
        number = index.row()
        if not 0 <= number < len(self._rows):  # an invalid index has row -1
            return None
        column = index.column()
        if role == _DISPLAY:
            if column == self.LEFT:
                return self._left(self._rows[number])
            cells = self._cells[number] or self._format(number)
            return cells[column] if 0 <= column < len(cells) else None
        row = self._rows[number]
        if role in _COLOURS and column == self.PRIORITY:
            return self._priority_look(row.priority, role)
        if role in _COLOURS:
            band = self.band(row) if column == self.LEFT else None
            if band is None:
                return None
            if role == _BACKGROUND:
                return self._brushes[band][0]
            if role == _FOREGROUND:
                return self._brushes[band][1]
            return self._bold if band.bold else None
        if role == _USER:
            return row
        if role == _TOOLTIP:
            if column == self.NUMBER:
                return row.description
            if column in (self.DEADLINE, self.LEFT) and row.deadline is not None:
                due = row.deadline.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
                band = self.band(row) if column == self.LEFT else None
                return f"{due} · {self._band_names[band]}" if band is not None else due
        return None

    def mark_held(self, number: str, status: Status | None) -> None:
        """Order ``number`` as the seat's outage journal will leave it: its row says ``status``,
        held, not yet written (None: as read, the journal holds none of it)."""
        if status is None:
            self._held.pop(number, None)
        else:
            self._held[number] = status
        for at, row in enumerate(self._rows):
            if row.number == number:
                self._cells[at] = None
                self.dataChanged.emit(self.index(at, self.STATUS), self.index(at, self.STATUS))

    def _priority_look(self, priority: int, role: int) -> Any:
        brushes = self._priority_brushes.get(Priority(priority))
        if brushes is None:
            return None
        if role == _BACKGROUND:
            return brushes[0]
        if role == _FOREGROUND:
            return brushes[1]
        return self._bold

    def _left(self, row: QueueRow) -> str:
        if row.deadline is None or not row.status.is_open:
            return ""
        return time_left_text(row.deadline, self._now)

    def _format(self, number: int) -> tuple[str, ...]:
        row = self._rows[number]
        priority = Priority(row.priority)
        status = self._status_names[row.status]
        if (held := self._held.get(row.number)) is not None:  # the order detail's words
            status = QCoreApplication.translate("OrderDetail", "{status} (held, not yet written)")
            status = status.format(status=self._status_names[held])
        cells = (
            row.number,
            "" if priority is Priority.NORMAL else self.priority_names[priority],
            china_time(row.created_at),
            self._kind_names.get(row.kind, row.kind),
            status,
            self._platform_names[row.owner],
            china_time(row.deadline) if row.deadline is not None else "",
            "",  # time left: depends on now, never cached
            mask_phone(row.caller_phone),  # personal data: masked off the live call
        )
        self._cells[number] = cells
        return cells


def priority_names() -> dict[Priority, str]:
    """一般 / 紧急 / 特急 in the current language (the order detail's words)."""
    translate = QCoreApplication.translate
    return {Priority.NORMAL: translate("OrderDetail", "Normal"),
            Priority.URGENT: translate("OrderDetail", "Urgent"),
            Priority.CRITICAL: translate("OrderDetail", "Critical")}  # fmt: skip
