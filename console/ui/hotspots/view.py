"""The shift lead's hot spots (热点): the hot spots of the last day with their evidence (the
count, the baseline windows' counts, their mean, sd and the threshold passed, the orders behind
it — Enter on one opens it), and one key to take one up as a verification order (核查工单) to a
department or district government, feedback due within 24 hours.

Reads are one ``ops.read`` of the service's ``hotspots(by)``, when told (:meth:`refresh`,
:meth:`refresh_soon`: a scan elsewhere found new ones), on a slow timer and after a take-up; the
selection stays. The take-up is an ``ops.write`` of ``take_up(by, id, department)``; a refusal
is said under the form, which keeps the department typed. The directory is read the first time
a hot spot is selected, the hot spot's own district government listed first and proposed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.domain.catalogue import Department, DepartmentKind
from console.domain.hotspots import Dimension, State
from console.domain.roles import Seated
from console.services.hotspots import StoredHotspot
from console.ui.emergency.detail_pane import table
from console.ui.emergency.words import full_time
from console.ui.hotspots.model import HotspotsModel, window_text
from console.ui.keys import marked, sequences
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.intake_inputs import SearchBox

REFRESH_MS = 60_000  # a safety net: a scan's commit reaches refresh_soon through the change feed
FEED_THROTTLE_MS = 250
ERROR_COLOUR = "#b3261e"
WIDTHS = (220, 170, 120, 170, 300, 80)  # the threshold stretches
MINIMUM_SIZE = QSize(720, 420)


class Hotspots(Protocol):
    """What the view asks of ``console.services.hotspots.HotspotService``."""

    def hotspots(self, by: Seated, hours: int = 24) -> list[StoredHotspot]: ...
    def take_up(self, by: Seated, hotspot_id: int, to_department: str) -> StoredHotspot: ...


class HotspotView(QWidget):
    """Signals: ``loaded(int)`` after each read (hot spots listed); ``open_count(int)`` then too
    (those not taken up); ``order_activated(str)`` when one of a hot spot's orders is opened;
    ``done(str)`` after a take-up (the sentence shown)."""

    loaded = Signal(int)
    open_count = Signal(int)
    order_activated = Signal(str)
    done = Signal(str)

    def __init__(
        self, service: Hotspots, *, by: Seated, ops: Operations,
        departments: Callable[[], Sequence[Department]], district_names: Mapping[str, str],
        subject_names: Mapping[str, str], chinese: bool, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("hotspotView")
        self._service, self._by, self._ops = service, by, ops
        self._departments_source = departments
        self._departments: list[Department] | None = None
        self._chinese = chinese
        self._selected: int | None = None  # the hot spot's id the lead is looking at
        self._drafts: dict[int, str] = {}  # per hot spot: the department typed, kept
        self._busy = False
        self.model = HotspotsModel(district_names, subject_names, self)
        self.refresh_timer = QTimer(self, interval=REFRESH_MS)
        self.refresh_timer.setObjectName("hotspots-refresh")
        self.feed_timer = QTimer(self, interval=FEED_THROTTLE_MS, singleShot=True)
        self.feed_timer.setObjectName("hotspots-feed")
        self._build()
        self._connect_signals()
        self.refresh_timer.start()

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("hotspotSummary")
        self.table = table(self.model, WIDTHS)
        self.table.setObjectName("hotspotTable")
        list_label = QLabel(marked(self.tr("Hot spots of the last 24 hours:"), "hs_list"))
        list_label.setBuddy(self.table)
        self.evidence = QLabel(wordWrap=True)
        self.evidence.setObjectName("hotspotEvidence")
        self.evidence.setStyleSheet("QLabel#hotspotEvidence { font-size: 11pt; }")  # read first
        self.evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evidence.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.orders = QListWidget()
        self.orders.setObjectName("hotspotOrders")
        orders_label = QLabel(marked(self.tr("Orders behind it (Enter opens one):"), "hs_orders"))
        orders_label.setBuddy(self.orders)
        self.department = SearchBox()
        self.department.setObjectName("hotspotDepartment")
        self.department.setMinimumWidth(320)
        self.department_label = QLabel(marked(self.tr("Verify by:"), "hs_department"))
        self.department_label.setBuddy(self.department)
        self.take_button = QPushButton(self.tr("Send verification order (Ctrl+Enter)"))
        self.take_button.setAutoDefault(False)
        self.take_shortcuts = [QShortcut(k, self) for k in sequences("hs_take_up")]
        self.deadline_note = QLabel(self.tr("Feedback due within 24 hours."))
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("hotspotMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(list_label)
        column.addWidget(self.table, 1)
        bottom = QWidget()
        panes = QHBoxLayout(bottom)
        panes.setContentsMargins(0, 0, 0, 0)
        side = QVBoxLayout()
        side.addWidget(self.evidence, 1)
        take = QHBoxLayout()
        take.addWidget(self.department_label)
        take.addWidget(self.department, 1)
        take.addWidget(self.take_button)
        side.addLayout(take)
        side.addWidget(self.deadline_note)
        numbers = QVBoxLayout()
        numbers.addWidget(orders_label)
        numbers.addWidget(self.orders, 1)
        panes.addLayout(side, 3)
        panes.addLayout(numbers, 1)
        split = QSplitter(Qt.Orientation.Vertical)  # the list gets the window's width
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.setMinimumSize(MINIMUM_SIZE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self._show_spot(None)

    def _connect_signals(self) -> None:
        self.refresh_timer.timeout.connect(self.refresh)
        self.feed_timer.timeout.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._picked)
        self.orders.itemActivated.connect(
            lambda item: self.order_activated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.table.activated.connect(lambda _index: self.orders.setFocus())
        self.take_button.clicked.connect(self.take_up)
        for shortcut in self.take_shortcuts:
            shortcut.activated.connect(self.take_up)

    # ------------------------------------------------------------------ reading

    @Slot()
    def refresh(self) -> None:
        service, by = self._service, self._by
        self._ops.read(self, "hotspots", lambda: service.hotspots(by), success=self._loaded,
                       failure=self._not_loaded)  # fmt: skip

    @Slot()
    def refresh_soon(self) -> None:
        if not self.feed_timer.isActive():
            self.feed_timer.start()

    def selected(self) -> StoredHotspot | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.spot_at(rows[0].row()) if rows else None

    def _loaded(self, spots: list[StoredHotspot]) -> None:
        if self.message.property("loadFailed"):
            self._say("")
        self._keep_draft()
        chosen = self._selected
        self.model.set_spots(spots)
        row = self.model.row_of(chosen) if chosen is not None else None
        if row is None and spots:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        spot = self.model.spot_at(row) if row is not None else None
        self._selected = spot.id if spot is not None else None
        self._show_spot(spot)
        waiting = sum(1 for s in spots if s.state is State.OPEN)
        self.summary.setText(self.tr("{open} to verify · {taken} taken up").format(
            open=waiting, taken=len(spots) - waiting))  # fmt: skip
        self.loaded.emit(len(spots))
        self.open_count.emit(waiting)

    def _not_loaded(self, error: Exception) -> None:
        self._say(self.tr("Could not load the hot spots: {error}").format(
            error=refusal_text(error)), error=True)  # fmt: skip
        self.message.setProperty("loadFailed", True)

    @Slot()
    def _picked(self) -> None:
        spot = self.selected()
        if spot is None or spot.id == self._selected:
            return
        self._keep_draft()
        self._selected = spot.id
        self._say("")
        self._show_spot(spot)

    def _show_spot(self, spot: StoredHotspot | None) -> None:
        self.orders.clear()
        open_spot = spot is not None and spot.state is State.OPEN
        for widget in (self.department_label, self.department, self.take_button,
                       self.deadline_note):  # fmt: skip
            widget.setVisible(open_spot)
        if spot is None:
            self.evidence.setText(self.tr("No hot spot in the last 24 hours."))
            return
        self.evidence.setText(self._evidence(spot))
        for number in spot.hotspot.numbers:
            item = QListWidgetItem(number)
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.orders.addItem(item)
        if open_spot:
            self._fill_departments(spot)

    def _evidence(self, spot: StoredHotspot) -> str:
        h = spot.hotspot
        head = self.tr("{district} · {what} · {window}").format(
            district=self.model.district(h.district), what=self.model.subject(spot),
            window=window_text(h.window))  # fmt: skip
        if h.dimension is Dimension.ADDRESS:
            test = self.tr("{count} orders at one address in the window (a repeat: {least} or "
                           "more).").format(count=h.count, least=f"{h.threshold:g}")  # fmt: skip
        else:
            base = ("、" if self._chinese else ", ").join(
                "–" if n is None else str(n) for n in h.baseline
            )
            if h.bound is None:
                test = self.tr("{count} orders in the window. Baseline (the same hours of earlier "
                               "days, newest first): {base} — none before: no threshold, it "
                               "fired on the minimum count.").format(count=h.count, base=base)  # fmt: skip
            else:
                test = self.tr("{count} orders in the window. Baseline (the same hours of earlier "
                               "days, newest first): {base}; mean {mean:.1f}, sd {sd:.1f}, "
                               "threshold {threshold:.1f}.").format(
                    count=h.count, base=base, mean=h.mean, sd=h.sd, threshold=h.bound)  # fmt: skip
        lines = [f"<b>{_html(head)}</b>", _html(test)]
        if spot.state is State.TAKEN_UP:
            lines.append("<b>" + _html(self.tr(
                "✔ Taken up {at} by {by}: verification order {number} to {department}.").format(
                at=full_time(spot.taken_up_at), by=spot.taken_up_by or "",
                number=spot.order_number or "",
                department=self._department_name(spot.department or ""))) + "</b>")  # fmt: skip
        else:
            lines.append(_html(self.tr("○ Not taken up yet.")))
        return "<br>".join(lines)

    # ------------------------------------------------------------------ taking up

    def _fill_departments(self, spot: StoredHotspot) -> None:
        if self._departments is not None:
            self._list_departments(spot)
            return
        self.department.setPlaceholderText(self.tr("Loading the directory…"))
        source = self._departments_source

        def arrived(found: list[Department]) -> None:
            self._departments = found
            shown = self.selected()
            if shown is not None and shown.state is State.OPEN:
                self._list_departments(shown)

        def failed(error: Exception) -> None:
            self._say(self.tr("Could not read the department directory: {error}").format(
                error=refusal_text(error)), error=True)  # fmt: skip

        self._ops.read(self, "directory", lambda: list(source()), success=arrived, failure=failed)

    def _list_departments(self, spot: StoredHotspot) -> None:
        """The directory, the hot spot's district government first, then its district's
        departments, its city's, the rest; the draft typed for it, else its government."""
        district = spot.hotspot.district
        city = district[:4] + "00"
        found = self._departments or []

        def near(d: Department) -> tuple[int, int, str]:
            place = 0 if d.district == district else 1 if d.district == city else 2
            return (place, 0 if d.kind is DepartmentKind.GOVERNMENT else 1, d.code)

        ordered = sorted(found, key=near)
        self.department.set_items([(d.code, f"{self._name(d)}  {d.code}") for d in ordered])
        draft = self._drafts.get(spot.id)
        if draft is not None:
            self.department.setEditText(draft)
        elif ordered and ordered[0].district == district:
            self.department.setCurrentIndex(0)

    def _keep_draft(self) -> None:
        if self._selected is not None and not self.department.isHidden():
            self._drafts[self._selected] = self.department.currentText()

    @Slot()
    def take_up(self) -> None:
        """Ctrl+Enter: the selected hot spot becomes a verification order to the department."""
        spot = self.selected()
        if self._busy or spot is None or spot.state is not State.OPEN:
            return
        code = self.department.value()
        if not code:
            self._say(self.tr("Choose the department or government to verify it."), error=True)
            self.department.setFocus()
            return
        self._drafts[spot.id] = self.department.currentText()
        service, by, spot_id = self._service, self._by, spot.id

        def succeeded(taken: StoredHotspot) -> None:
            self._busy = False
            self._drafts.pop(spot_id, None)
            text = self.tr("Verification order {number} sent to {department}.").format(
                number=taken.order_number or "",
                department=self._department_name(taken.department or code))  # fmt: skip
            self._say(text)
            self.done.emit(text)
            self.refresh()

        def failed(error: Exception) -> None:
            self._busy = False
            self._say(self.tr("Not sent: {error}").format(error=refusal_text(error)), error=True)
            self.refresh()  # another lead may have taken it up meanwhile

        self._busy = True
        self._ops.write(self, lambda: service.take_up(by, spot_id, code), success=succeeded,
                        failure=failed)  # fmt: skip

    def _name(self, d: Department) -> str:
        return d.name_zh if self._chinese else d.name_en

    def _department_name(self, code: str) -> str:
        found = next((d for d in self._departments or [] if d.code == code), None)
        return self._name(found) if found is not None else code

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("loadFailed", False)
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;" if error else "")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
