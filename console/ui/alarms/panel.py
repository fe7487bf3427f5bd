"""The shift lead's alarm panel (告警面板): counts per level, alarms by due day, acknowledge
(确认) and escalate (督办).

One read fetches the open alarms (up to the store's limit) and the true counts per level (the
chips, the Alarms tab: acknowledged alarms are not open, and the counts are the database's
totals however long the list); the first read is preceded by the counts alone (one indexed
query), so the chips and the tab's count are on screen at start before the list is read; filters (platform, kind, level, queue, handling seat: see
:mod:`console.ui.alarms.filters`) and the Today/Tomorrow/Later tabs work on that list without
another round trip, and the level chips and ``counts_changed`` count all open alarms, whatever is
filtered. Service calls are operations (:mod:`console.ui.operations`), off the UI thread.
Acknowledge and Escalate are enabled only where the role matrix lets the signed-in principal
(``by``) do them on the selected alarm's platform; the service refuses them all the same.
Above the deadlines' alarms: the exchange's link alarm (``link``) and the emergency partners
overdue (``incidents``: :mod:`console.ui.alarms.incident_alarms`), each with its own note.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import partial
from itertools import pairwise

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm_levels import AlarmLevel
from console.domain.calendar import china_date
from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.domain.roles import Can, Capability, Seated, allowed
from console.services.alarms import MAX_NOTE, AlarmInputError, AlarmService, AlarmView
from console.services.exchange_alarms import ExchangeAlarms
from console.ui.alarms.filters import AlarmFilters
from console.ui.alarms.incident_alarms import IncidentAlarmSource, IncidentAlarmStrip
from console.ui.alarms.link_alarm import LinkAlarmStrip
from console.ui.alarms.model import (
    LEVEL_MARKS,
    LEVELS,
    AlarmTableModel,
    by_day,
    chip_style,
    collapse,
)
from console.ui.alarms.repeat_warnings import RepeatSource, RepeatWarningStrip
from console.ui.keys import sequences
from console.ui.models.columns import fit_columns
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

REFRESH_MS = 30_000  # a safety net: the change feed refreshes within a second (refresh_soon)
FEED_THROTTLE_MS = 250  # at most one query per this, however many commits the feed reports
MINIMUM_SIZE = QSize(720, 360)
ERROR_COLOUR = "#b3261e"
COLUMN_WIDTHS = (80, 168, 88, 84, 96, 112, 56, 88, 160)  # the last column stretches


class AlarmPanel(QWidget):
    """Signals: ``counts_changed(counts)`` after each refresh, ``counts`` a mapping of every
    :class:`AlarmLevel` (mildest first) to its number of open, unacknowledged alarms, one per
    running deadline (its highest level), whatever the filters: the database's totals;
    ``counted(counts)`` whenever the chips show counts read, the first time before the list.

    ``seat`` is this console's seat: the seat filter's Mine (我的) and :meth:`show_mine`."""

    counts_changed = Signal(object)  # Mapping[AlarmLevel, int]
    counted = Signal(object)  # Mapping[AlarmLevel, int]

    def __init__(
        self,
        service: AlarmService,
        *,
        kind_names: Mapping[str, str],
        by: Seated,
        ops: Operations,
        seat: str | None = None,
        link: ExchangeAlarms | None = None,
        incidents: IncidentAlarmSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._by, self._ops = service, by, ops
        # The exchange's unacknowledged-message alarm, above the deadlines' (with ``link``).
        self.link = LinkAlarmStrip(link, by=by, ops=ops) if link is not None else None
        # Emergency partners not acknowledged in time (with ``incidents``), below the link's.
        self.incidents = (
            IncidentAlarmStrip(incidents, by=by, ops=ops) if incidents is not None else None
        )
        self.repeats: RepeatWarningStrip | None = None  # 重复诉求预警 (follow_repeats)
        self._kind_names = kind_names
        self._alarms: list[AlarmView] = []  # collapsed, unfiltered
        self._counts: dict[AlarmLevel, int] = {}  # open and unacknowledged, from the database
        self._listed = False  # the list read once: no separate count read any more
        self._day = china_date(datetime.now(UTC))
        self._writing: tuple[AlarmView, QLineEdit, str] | None = None
        self.model = AlarmTableModel(kind_names, self)
        self._load_failed = self.tr("Could not load alarms: ")
        self.refresh_timer = QTimer(self, interval=REFRESH_MS)
        self.refresh_timer.setObjectName("alarm-panel-refresh")
        self.feed_timer = QTimer(self, interval=FEED_THROTTLE_MS, singleShot=True)
        self.feed_timer.setObjectName("alarm-panel-feed")
        self._build(kind_names, seat)
        self._connect_signals()
        self.refresh_timer.start()

    def _build(self, kind_names: Mapping[str, str], seat: str | None) -> None:
        self.chips = {level: QLabel() for level in LEVELS}
        for level, chip in self.chips.items():
            chip.setObjectName(f"chip-{level.value}")
        self.tabs = QTabBar(drawBase=False)
        self._tab_texts = [
            self.tr("Today ({count})"),
            self.tr("Tomorrow ({count})"),
            self.tr("Later ({count})"),
        ]
        for text in self._tab_texts:
            self.tabs.addTab(text.format(count=0))
        self.filters = AlarmFilters(kind_names, self.model.level_names, seat)
        self.platform_box, self.kind_box = self.filters.platform_box, self.filters.kind_box
        self.level_box, self.queue_box = self.filters.level_box, self.filters.queue_box
        self.seat_box = self.filters.seat_box

        self.table = QTableView(wordWrap=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the note field
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        # The kinds as wide as their longest name in the language shown (English ones are long).
        fit_columns(self.table, {AlarmTableModel.KIND: kind_names.values()})

        self.message = QLabel()
        self.message.setObjectName("alarmMessage")
        self.message.setMinimumHeight(self.message.fontMetrics().height())
        # A long message is cut, never widens the window (the tooltip has it whole).
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note = QLineEdit(
            maxLength=MAX_NOTE, placeholderText=self.tr("Acknowledgement note (Ctrl+Enter)")
        )
        self.ack_button = QPushButton(self.tr("Acknowledge"))
        self.person = QLineEdit(
            maxLength=64, placeholderText=self.tr("Escalate to (person or unit)")
        )
        self.escalate_button = QPushButton(self.tr("Escalate"))
        self.ack_shortcuts = [QShortcut(k, self) for k in sequences("acknowledge")]
        for shortcut in self.ack_shortcuts:  # only while the focus is in the panel
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._lay_out()
        self._show_rights()

    def _lay_out(self) -> None:
        # Counts of everything, then the filters, then the tabs of what passes them: one row
        # each, so that five filters and the tabs fit the main window's minimum width.
        top, filters, days = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        actions = QHBoxLayout()
        for chip in self.chips.values():
            top.addWidget(chip)
        top.addStretch(1)
        filters.addWidget(self.filters)
        filters.addStretch(1)
        days.addWidget(self.tabs)
        days.addStretch(1)
        for widget, stretch in ((self.note, 3), (self.ack_button, 0), (self.person, 1)):
            actions.addWidget(widget, stretch)
        actions.addWidget(self.escalate_button)
        self.setMinimumSize(MINIMUM_SIZE)  # fixed: the layout never resizes a window mid-shift
        layout = QVBoxLayout(self)
        for strip in (self.link, self.incidents):
            if strip is not None:
                layout.addWidget(strip)
        for part in (top, filters, days):
            layout.addLayout(part)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        order = [*self.filters.boxes(), self.tabs, self.table]
        order += [self.note, self.ack_button, self.person, self.escalate_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self._show_counts()

    def _connect_signals(self) -> None:
        self.filters.changed.connect(self._apply)
        self.tabs.currentChanged.connect(self._apply)
        self.ack_button.clicked.connect(self.acknowledge)
        self.escalate_button.clicked.connect(self.escalate)
        for shortcut in self.ack_shortcuts:
            shortcut.activated.connect(self.acknowledge)
        self.table.selectionModel().selectionChanged.connect(self._show_rights)
        self.refresh_timer.timeout.connect(self.refresh)
        self.feed_timer.timeout.connect(self.refresh)

    @Slot()
    def refresh(self) -> None:
        """Re-query the open alarms; resolved ones disappear, new ones appear. One query at a
        time: a refresh asked meanwhile runs once it is answered. Until the list was read
        once, the counts are read first, alone (a start shows them without waiting for it)."""
        self.ask_counts()
        self._ops.read(self, "alarms", self._service.panel, success=self._loaded,
                       failure=self._not_loaded)  # fmt: skip
        if self.link is not None:
            self.link.refresh()
        self.refresh_incidents()
        self.refresh_repeats()

    def ask_counts(self) -> None:
        """Until the list was read once, read the counts alone (the chips, ``counted``): a
        window asks this before its other first reads, so a start shows them at once."""
        if not self._listed and not self._ops.in_flight(self, "counts"):
            self._ops.read(self, "counts", self._service.open_counts, success=self._counts_read,
                           failure=self._not_loaded)  # fmt: skip

    def follow_repeats(self, service: RepeatSource) -> None:
        """Show the repeated-request warnings (重复诉求预警) above the deadlines' alarms."""
        self.repeats = RepeatWarningStrip(service, ops=self._ops, kind_names=self._kind_names)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        strips = sum(1 for s in (self.link, self.incidents) if s is not None)
        layout.insertWidget(strips, self.repeats)
        self.refresh_repeats()

    @Slot()
    def refresh_repeats(self) -> None:
        """Re-read the repeated-request warnings (a caller joined an order, here or elsewhere)."""
        if self.repeats is not None:
            self.repeats.refresh()

    @Slot()
    def refresh_incidents(self) -> None:
        """Re-read the emergency partners overdue only (an incident alarm was raised)."""
        if self.incidents is not None:
            self.incidents.refresh()

    @Slot()
    def refresh_soon(self) -> None:
        """Something was committed (the change feed: an alarm raised or acknowledged on another
        console, an order met its deadline): refresh within ``FEED_THROTTLE_MS``, once for a
        whole burst of commits."""
        if not self.feed_timer.isActive():
            self.feed_timer.start()

    @Slot()
    def show_mine(self) -> None:
        """This agent's own warnings: the seat filter on Mine (我的), the other filters kept."""
        self.filters.show_mine()

    def set_now(self, now: datetime) -> None:
        """The clock tick: time left moves every call, the tabs regroup when the day changes."""
        self.model.set_now(now)
        if self.link is not None:
            self.link.set_now(now)
        if china_date(now) != self._day:
            self._day = china_date(now)
            self._apply()

    def selected(self) -> AlarmView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.alarm_at(rows[0].row()) if rows else None

    @Slot()
    def acknowledge(self) -> None:
        alarm = self._target(Capability.ACK_ALARM)
        if alarm is not None:
            call = partial(self._service.acknowledge, alarm.id, self._by, self.note.text())
            self._write(call, alarm, self.note, self.tr("Acknowledged {number}."))

    @Slot()
    def escalate(self) -> None:
        alarm = self._target(Capability.ESCALATE_ALARM)
        if alarm is not None:
            call = partial(self._service.escalate, alarm.id, self._by, self.person.text())
            self._write(call, alarm, self.person, self.tr("Escalated {number}."))

    def _target(self, can: Can) -> AlarmView | None:
        """The selected alarm, unless a write is still on its way (one at a time) or the
        principal may not do ``can`` on it (the key works while the button is disabled)."""
        if self._writing is not None:
            return None
        alarm = self.selected()
        if alarm is None:
            self._say(self.tr("Select an alarm in the table first."), error=True)
        elif not self._may(can, alarm):
            self._say(refusal_text(Refused("not_allowed", f"{can.value} on {alarm.number}")),
                      error=True)  # fmt: skip
            return None
        return alarm

    def _may(self, can: Can, alarm: AlarmView | None) -> bool:
        """Whether the principal may do ``can`` on ``alarm`` (its order's platform), or on the
        alarms of its own platform when none is selected."""
        principal = self._by.principal
        where = principal.platform if alarm is None else Platform(alarm.owner)
        return allowed(principal, can, where)

    @Slot()
    def _show_rights(self) -> None:
        alarm = self.selected()
        self.ack_button.setEnabled(self._may(Capability.ACK_ALARM, alarm))
        self.escalate_button.setEnabled(self._may(Capability.ESCALATE_ALARM, alarm))

    def _write(self, call: Callable[[], None], a: AlarmView, field: QLineEdit, done: str) -> None:
        self._writing = (a, field, done)
        self._ops.write(self, call, success=self._written, failure=self._not_written)

    def _not_written(self, error: Exception) -> None:
        assert self._writing is not None
        field = self._writing[1]
        self._writing = None
        if isinstance(error, AlarmInputError):
            self._say(refusal_text(error), error=True)  # the draft stays for the lead to correct
            field.setFocus()
        else:
            self._say(self.tr("Not saved: {error}").format(error=refusal_text(error)), error=True)

    def _written(self, _: None) -> None:
        assert self._writing is not None
        alarm, field, done = self._writing
        self._writing = None
        field.clear()
        self._say(done.format(number=alarm.number))
        self.refresh()

    def _not_loaded(self, error: Exception) -> None:
        self._say(self._load_failed + refusal_text(error), error=True)

    def _counts_read(self, counts: dict[AlarmLevel, int]) -> None:
        if self._listed:  # the list (and its counts) came first after all: they are newer
            return
        self._counts = counts
        self.counted.emit(self._show_counts())

    def _loaded(self, answer: tuple[list[AlarmView], dict[AlarmLevel, int]]) -> None:
        if self.message.text().startswith(self._load_failed):
            self._say("")  # loading works again
        alarms, self._counts = answer
        self._listed = True
        self._alarms = collapse(alarms)
        counts = self._show_counts()
        self.filters.set_seats(a.seat for a in self._alarms if a.seat)
        self._apply()
        self.counted.emit(counts)
        self.counts_changed.emit(counts)

    def _show_counts(self) -> dict[AlarmLevel, int]:
        """The database's true totals of open, unacknowledged alarms (the list may hold
        fewer), each chip with its level's mark, name and number."""
        counts = {level: self._counts.get(level, 0) for level in LEVELS}
        for level, chip in self.chips.items():
            chip.setText(f"{LEVEL_MARKS[level]} {self.model.level_names[level]} {counts[level]}")
            chip.setStyleSheet(chip_style(level, counts[level]))
        return counts

    @Slot()
    def _apply(self) -> None:
        """Filter, group by due day, and show the current tab; the selection is kept."""
        groups = by_day(self._alarms, self._day, **self.filters.chosen())
        for index, (text, group) in enumerate(zip(self._tab_texts, groups, strict=True)):
            self.tabs.setTabText(index, text.format(count=len(group)))
        chosen, scrolled = self.selected(), self.table.verticalScrollBar().value()
        self.model.set_alarms(groups[self.tabs.currentIndex()])
        row = self.model.row_of(chosen.id) if chosen is not None else None
        if row is not None:
            self.table.selectRow(row)
        self.table.verticalScrollBar().setValue(scrolled)
        self._show_rights()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
