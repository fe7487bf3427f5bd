"""The emergency board (应急联动) for shift leads: the active incidents, the selected one's
partners, timeline and linked orders; keys to start a plan, change its level, record an answer,
notify a partner again, stand down; a wall mode for the big screen.

A refresh is one read (``ops.read``) of the service's ``board()`` and the selected incident's
``detail()`` (and, while the wall is up, its ``open_alarms()``), on a timer, when told
(:meth:`refresh`, :meth:`refresh_soon`) and after each write; the selection and the scroll stay
where they were. The writes are :mod:`console.ui.emergency.actions` (:attr:`EmergencyBoard.writes`);
their keys are not even shown to one who may not run an incident (RUN_INCIDENT).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import QModelIndex, QSize, QTimer, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.domain.catalogue import District
from console.domain.emergency import IncidentStatus, PartnerState
from console.domain.roles import Capability, Seated
from console.services.incident_views import (
    IncidentAlarm,
    IncidentDetail,
    IncidentLine,
    incident_counts,
)
from console.ui.emergency.actions import BoardActions, Incidents
from console.ui.emergency.detail_pane import DetailPane, table
from console.ui.emergency.dialogs import IncidentForm
from console.ui.emergency.models import BandDelegate, IncidentsModel
from console.ui.emergency.start_dialog import FromOrder
from console.ui.emergency.tab import FEED_THROTTLE_MS, REFRESH_MS
from console.ui.emergency.wall import WallView
from console.ui.emergency.words import drill_word
from console.ui.keys import marked, sequence
from console.ui.names import status_names
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

ERROR_COLOUR = "#b3261e"
INCIDENT_WIDTHS = (150, 230, 120, 250, 120, 60)  # the partners' counts stretch
MINIMUM_SIZE = QSize(720, 420)

Snapshot = tuple[list[IncidentLine], IncidentDetail | None, list[IncidentAlarm] | None]


class EmergencyBoard(QWidget):
    """Signals: ``loaded(int)`` after each refresh (incidents listed); ``counts_changed(active,
    overdue)`` then too (real incidents only: drills are left out); ``order_activated(str)``
    when a linked order is opened (Enter or double-click); ``done(str)`` after a write (the
    sentence shown)."""

    loaded = Signal(int)
    counts_changed = Signal(int, int)
    order_activated = Signal(str)
    done = Signal(str)

    def __init__(
        self, service: Incidents, *, by: Seated, ops: Operations, clock: Callable[[], datetime],
        districts: Sequence[District], chinese: bool, kind_names: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("emergencyBoard")
        self._service, self._by, self._ops, self._clock = service, by, ops, clock
        self.district_names = {d.code: d.name_zh if chinese else d.name_en for d in districts}
        self.may_run = by.may(Capability.RUN_INCIDENT)
        self._selected: str | None = None  # the incident number the lead is looking at
        self._detail: IncidentDetail | None = None
        self._lines: list[IncidentLine] = []
        self._reloading = False
        self.model = IncidentsModel(self.district_names, self)
        names = status_names()
        self.pane = DetailPane(kind_names, lambda s: next((n for k, n in names.items()
                                                           if k.value == s), s))  # fmt: skip
        self.wall = WallView(self)
        self.writes = BoardActions(self, service, by=by, ops=ops, districts=districts,
                                    chinese=chinese)  # fmt: skip
        self.refresh_timer = QTimer(self, interval=REFRESH_MS)
        self.refresh_timer.setObjectName("emergency-board-refresh")
        self.feed_timer = QTimer(self, interval=FEED_THROTTLE_MS, singleShot=True)
        self.feed_timer.setObjectName("emergency-board-feed")
        self._build()
        self._connect_signals()
        self.set_now(clock())
        self.refresh_timer.start()

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("emergencySummary")
        self.buttons = {
            "em_start": QPushButton(marked(self.tr("New incident"), "em_start")),
            "em_change_level": QPushButton(marked(self.tr("Raise / lower level"), "em_change_level")),
            "em_record": QPushButton(marked(self.tr("Record answer"), "em_record")),
            "em_repeat": QPushButton(marked(self.tr("Re-notify"), "em_repeat")),
            "em_stand_down": QPushButton(marked(self.tr("Stand down"), "em_stand_down")),
        }  # fmt: skip
        self.wall_button = QPushButton(self.tr("Wall mode (Shift+F11)"))
        self.wall_shortcut = QShortcut(sequence("em_wall"), self)
        self.table = table(self.model, INCIDENT_WIDTHS)
        self.table.setObjectName("incidentTable")
        self.table.setItemDelegateForColumn(IncidentsModel.LEVEL, BandDelegate(self.table))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.message = QLabel()
        self.message.setObjectName("emergencyMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        for button in self.buttons.values():
            if not self.may_run:  # an agent sees the board, not the actions
                button.hide()  # (not setVisible(True): a button with no parent yet is a window)
            top.addWidget(button)
        top.addWidget(self.wall_button)
        self.setMinimumSize(MINIMUM_SIZE)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.pane.add_incidents(self.table)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.message)
        self._show_rights()

    def _connect_signals(self) -> None:
        w = self.writes
        actions = {"em_start": w.start, "em_change_level": w.change_level,
                   "em_record": w.record_answer, "em_repeat": w.repeat,
                   "em_stand_down": w.stand_down}  # fmt: skip
        for name, slot in actions.items():
            self.buttons[name].clicked.connect(slot)
        self.wall_button.clicked.connect(self.toggle_wall)
        self.wall_shortcut.activated.connect(self.toggle_wall)
        self.wall.left.connect(self._wall_left)
        self.table.selectionModel().selectionChanged.connect(self._picked)
        self.pane.partners.selectionModel().selectionChanged.connect(self._show_rights)
        self.pane.orders.activated.connect(self._open_order)
        self.refresh_timer.timeout.connect(self.refresh)
        self.feed_timer.timeout.connect(self.refresh)

    # ------------------------------------------------------------------ reading

    @Slot()
    def refresh(self) -> None:
        """Re-read the board and the selected incident in one read; one at a time (a refresh
        asked meanwhile runs once this one is answered)."""
        chosen, wall = self._selected, self.wall.isVisible()
        service = self._service

        def read() -> Snapshot:
            lines = service.board()
            numbers = [x.number for x in lines]
            number = chosen if chosen in numbers else (numbers[0] if numbers else None)
            detail = service.detail(number) if number is not None else None
            return lines, detail, service.open_alarms() if wall else None

        self._ops.read(self, "board", read, success=self._loaded, failure=self._not_loaded)

    @Slot()
    def refresh_soon(self) -> None:
        """Something was committed somewhere: refresh within ``FEED_THROTTLE_MS``, once."""
        if not self.feed_timer.isActive():
            self.feed_timer.start()

    def set_now(self, now: datetime) -> None:
        """The clock tick: elapsed times and deadlines move."""
        self._now = now
        self.model.set_now(now)
        self.pane.set_now(now)
        if self.wall.isVisible():
            self.wall.set_now(now)

    def selected(self) -> IncidentLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.line_at(rows[0].row()) if rows else None

    def _loaded(self, snapshot: Snapshot) -> None:
        lines, detail, alarms = snapshot
        if self.message.property("loadFailed"):
            self.say("")
        self._lines = lines
        scrolled = self.table.verticalScrollBar().value()
        chosen = detail.line.number if detail is not None else None
        self._reloading = True  # the reselection below is not the lead's pick
        try:
            self.model.set_lines(lines)
            row = self.model.row_of(chosen) if chosen is not None else None
            if row is not None:
                self.table.selectRow(row)
        finally:
            self._reloading = False
        self.table.verticalScrollBar().setValue(scrolled)
        self._selected = chosen
        self._show_detail(detail)
        self._show_summary(lines)
        if self.wall.isVisible():
            self._show_wall(alarms or [])
        self.loaded.emit(len(lines))

    def _not_loaded(self, error: Exception) -> None:
        self.say(self.tr("Could not load the board: {error}").format(error=refusal_text(error)),
                  error=True)  # fmt: skip
        self.message.setProperty("loadFailed", True)

    @Slot()
    def _picked(self) -> None:
        line = self.selected()
        if self._reloading or line is None or line.number == self._selected:
            return
        self._selected = line.number
        number, service = line.number, self._service
        self._ops.read(self, "detail", lambda: service.detail(number),
                       success=lambda d: self._show_detail(d) if number == self._selected
                       else None, failure=self._not_loaded)  # fmt: skip

    def _show_detail(self, detail: IncidentDetail | None) -> None:
        self._detail = detail
        self.pane.show_detail(detail, self.district_names)
        self._show_rights()

    def _show_summary(self, lines: Sequence[IncidentLine]) -> None:
        real, overdue = incident_counts(lines)
        text = self.tr("{active} active incident(s), {overdue} partner(s) overdue").format(
            active=real, overdue=overdue)  # fmt: skip
        drills = sum(1 for x in lines if x.status is IncidentStatus.ACTIVE) - real
        if drills:
            text += self.tr(" · {count} {drill}").format(count=drills, drill=drill_word())
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;" if overdue
                                   else "font-weight: bold;")  # fmt: skip
        self.counts_changed.emit(real, overdue)

    # ------------------------------------------------------------------ the wall

    @Slot()
    def toggle_wall(self) -> None:
        """Shift+F11: the board full screen on this window's screen; again (or Esc) leaves."""
        if self.wall.isVisible():
            self.wall.leave()
            return
        screen = self.screen()
        self.wall.setGeometry(screen.geometry())
        self._show_wall([])
        self.wall.showFullScreen()
        self.wall.activateWindow()
        self.refresh()  # with the overdue partners of every incident

    def _show_wall(self, alarms: Sequence[IncidentAlarm]) -> None:
        overdue: dict[str, list[str]] = {}
        for alarm in alarms:
            names = overdue.setdefault(alarm.incident_number, [])
            if alarm.partner_name not in names:
                names.append(alarm.partner_name)
        if self._detail is not None:  # the selected one, as the detail has it now
            overdue[self._detail.line.number] = [
                p.name for p in self._detail.partners if p.state is PartnerState.OVERDUE
            ]
        self.wall.show_lines(self._lines, overdue, self._now, self.district_names)

    def _wall_left(self) -> None:
        self.window().activateWindow()
        self.table.setFocus()

    # ------------------------------------------------------------------ writing (actions.py)

    @property
    def form(self) -> IncidentForm | None:
        """The open form, if any."""
        return self.writes.form

    @property
    def shown_detail(self) -> IncidentDetail | None:
        return self._detail

    @property
    def now(self) -> datetime:
        return self._now

    def follow(self, number: str) -> None:
        """Select ``number`` at the next refresh (an incident just started)."""
        self._selected = number

    def start(self) -> None:
        self.writes.start()

    def start_from(self, order: FromOrder | None) -> None:
        self.writes.start_from(order)

    def change_level(self) -> None:
        self.writes.change_level()

    def record_answer(self) -> None:
        self.writes.record_answer()

    def repeat(self) -> None:
        self.writes.repeat()

    def stand_down(self) -> None:
        self.writes.stand_down()

    @Slot()
    def _show_rights(self) -> None:
        line = self.selected()
        mine = line is not None and line.platform == self._by.platform.value
        active = mine and line is not None and line.status is IncidentStatus.ACTIVE
        partner = self.pane.selected_partner()
        open_partner = partner is not None and partner.acked_at is None and (
            partner.state is not PartnerState.RELEASED)  # fmt: skip
        self.buttons["em_change_level"].setEnabled(active)
        self.buttons["em_record"].setEnabled(active)
        self.buttons["em_repeat"].setEnabled(active and open_partner)
        self.buttons["em_stand_down"].setEnabled(active)

    @Slot(QModelIndex)
    def _open_order(self, index: QModelIndex) -> None:
        self.order_activated.emit(self.pane.orders_model.order_at(index.row()).number)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("loadFailed", False)
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;" if error else "")
