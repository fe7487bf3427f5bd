"""The board's body: the incidents above, the selected incident below — its heading (level,
type, place, who started it; a drill says so in a violet band), the plan's gaps, the partner
grid, and side by side its timeline and its linked orders. Splitters let the lead give the
partner grid more room; the selection and scroll of the grid survive a refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.incident_views import IncidentDetail, PartnerLine
from console.ui.emergency.models import OrdersModel, PartnersModel, TimelineModel
from console.ui.emergency.words import (
    DRILL_TEXT,
    LEVEL_COLOURS,
    STOOD_DOWN_COLOURS,
    clock_time,
    drill_word,
    event_name,
    full_time,
    kind_name,
    level_text,
)

PARTNER_WIDTHS = (120, 250, 110, 300, 70, 170, 200, 80)  # the task stretches
TIMELINE_WIDTHS = (60, 110, 90)
ORDER_WIDTHS = (190, 90, 80)


def table(model: QAbstractItemModel, widths: Sequence[int]) -> QTableView:
    """A read-only, row-selecting table whose last column stretches."""
    view = QTableView(wordWrap=False)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab moves on to the next table
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


class DetailPane(QSplitter):
    def __init__(
        self, kind_names: Mapping[str, str], status_name: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setChildrenCollapsible(False)
        self.partners_model = PartnersModel(self)
        self.timeline_model = TimelineModel(self)
        self.orders_model = OrdersModel(kind_names, status_name, self)
        self.heading = QLabel()
        self.heading.setObjectName("incidentHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.drill = QLabel()
        self.drill.setObjectName("drillBand")
        self.drill.setStyleSheet(f"background: {DRILL_TEXT}; color: white; font-weight: bold;"
                                 " padding: 3px 8px;")  # fmt: skip
        self.drill.hide()
        self.gaps = QLabel()
        self.gaps.setObjectName("planGaps")
        self.gaps.setWordWrap(True)
        self.gaps.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.gaps.hide()
        self.partners = table(self.partners_model, PARTNER_WIDTHS)
        self.partners.setObjectName("partnerGrid")
        header = self.partners.horizontalHeader()
        header.setStretchLastSection(False)  # the task takes the room (its whole text: tooltip)
        header.setSectionResizeMode(PartnersModel.TASK, QHeaderView.ResizeMode.Stretch)
        self.partners.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.timeline = table(self.timeline_model, TIMELINE_WIDTHS)
        self.timeline.setObjectName("incidentTimeline")
        self.orders = table(self.orders_model, ORDER_WIDTHS)
        self.orders.setObjectName("linkedOrders")
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.drill)
        column.addWidget(self.gaps)
        column.addWidget(self.partners, 1)
        below = QSplitter(Qt.Orientation.Horizontal)
        below.setChildrenCollapsible(False)
        for title, view in ((self.tr("Timeline"), self.timeline),
                            (self.tr("Linked orders (Enter opens one)"), self.orders)):  # fmt: skip
            box = QWidget()
            stack = QVBoxLayout(box)
            stack.setContentsMargins(0, 0, 0, 0)
            label = QLabel(title)
            label.setStyleSheet("font-weight: bold;")
            stack.addWidget(label)
            stack.addWidget(view, 1)
            below.addWidget(box)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 2)
        self.detail_box, self.below = detail, below

    def add_incidents(self, incidents: QTableView) -> None:
        """The incidents table on top; the detail and the timeline/orders below it."""
        self.addWidget(incidents)
        self.addWidget(self.detail_box)
        self.addWidget(self.below)
        self.setStretchFactor(0, 2)  # a few incidents at a time; the partner grid is what is run
        self.setStretchFactor(1, 6)
        self.setStretchFactor(2, 3)

    def set_now(self, now: datetime) -> None:
        self.partners_model.set_now(now)

    def selected_partner(self) -> PartnerLine | None:
        rows = self.partners.selectionModel().selectedRows()
        return self.partners_model.partner_at(rows[0].row()) if rows else None

    def show_detail(self, detail: IncidentDetail | None, districts: Mapping[str, str]) -> None:
        """The selected incident as read; the chosen partner and the scroll are kept."""
        chosen = self.selected_partner()
        scrolled = self.partners.verticalScrollBar().value()
        self.partners_model.set_partners(detail.partners if detail else [])
        self.timeline_model.set_events(detail.events if detail else [])
        self.orders_model.set_orders(detail.orders if detail else [])
        row = self.partners_model.row_of(chosen.code) if chosen is not None else None
        if row is not None:
            self.partners.selectRow(row)
        self.partners.verticalScrollBar().setValue(scrolled)
        if detail is None:
            self.heading.setText(self.tr("No incident selected."))
            self.heading.setStyleSheet("")
            self.drill.hide()
            self.gaps.hide()
            return
        line = detail.line
        back, text = LEVEL_COLOURS[line.level]
        if line.stood_down_at is not None:
            back, text = STOOD_DOWN_COLOURS
        self.heading.setText(self.tr(
            "{level} · {event} · {number}\n{place} — {summary}\nStarted {at} by {by} "
            "({platform})").format(
                level=level_text(line.level), event=event_name(line.event_type),
                number=line.number, place=f"{districts.get(line.district, line.district)} "
                f"{line.place}", summary=line.summary, at=full_time(line.started_at),
                by=line.started_by, platform=line.platform))  # fmt: skip
        if line.stood_down_at is not None:
            self.heading.setText(self.heading.text() + "\n" + self.tr("Stood down at {time}.")
                                 .format(time=clock_time(line.stood_down_at)))  # fmt: skip
        self.heading.setStyleSheet(f"background: {back}; color: {text}; font-weight: bold;"
                                   " padding: 6px 10px; border-radius: 4px;")  # fmt: skip
        self.drill.setText(self.tr("{drill}: this is an exercise; it is left out of the real "
                                   "figures.").format(drill=drill_word()))  # fmt: skip
        self.drill.setVisible(line.drill)
        gaps = "、".join(kind_name(k) for k in detail.missing_kinds)
        self.gaps.setText(self.tr("The plan names partners this city's directory lacks: {kinds}"
                                  " — reach them by phone.").format(kinds=gaps))  # fmt: skip
        self.gaps.setVisible(bool(detail.missing_kinds))
