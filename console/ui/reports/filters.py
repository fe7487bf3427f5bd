"""The reports tab's filters: the period (a day, the week or the month of a day, or from one day
to another — China dates), the platform and the district. A change asks for the report again
after a short pause (typing a date is several changes: only the last one is asked for).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from console.domain.catalogue import District
from console.domain.orders import Platform
from console.services.report_views import Period
from console.ui.keys import marked
from console.ui.names import platform_names
from console.ui.reports.words import period_kinds

SETTLE_MS = 400  # a pause in typing a date before the report is asked for


@dataclass(frozen=True, slots=True)
class Ask:
    """What the report is asked for: the period and the filters (None: all)."""

    period: Period
    platform: str | None
    district: str | None


def period_of(kind: str, day: date, end: date) -> Period:
    """The period a kind picks around ``day``; a custom one runs from ``day`` to ``end``
    (swapped when typed the wrong way round)."""
    if kind == "week":
        return Period.week(day)
    if kind == "month":
        return Period.month(day)
    if kind == "custom":
        return Period(min(day, end), max(day, end))
    return Period.day(day)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportFilters(QWidget):
    """Signals: ``changed(Ask)`` a short pause after the lead changed a filter."""

    changed = Signal(object)

    def __init__(
        self, today: date, districts: Sequence[District], *, chinese: bool,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.kind = QComboBox()
        for key, name in period_kinds().items():
            self.kind.addItem(name, key)
        self.day = self._date_edit(today)
        self.end = self._date_edit(today)
        self.platform = QComboBox()
        self.platform.addItem(self.tr("Both platforms"), None)
        for platform, name in platform_names().items():
            self.platform.addItem(name, platform.value)
        self.district = QComboBox()
        self.district.addItem(self.tr("All districts"), None)
        for d in sorted(districts, key=lambda d: d.code):
            self.district.addItem(d.name_zh if chinese else d.name_en, d.code)
        self.district.setMaxVisibleItems(20)
        self.settle = QTimer(self, interval=SETTLE_MS, singleShot=True)
        self.settle.setObjectName("report-filters-settle")
        self._build()
        self._connect_signals()
        self._kind_changed()

    @staticmethod
    def _date_edit(day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _build(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.end_label = QLabel(marked(self.tr("To:"), "rep_to"))
        for text, key, widget in (
            (self.tr("Period:"), "rep_period", self.kind),
            (self.tr("Day:"), "rep_day", self.day),
            (None, "rep_to", self.end),
            (self.tr("Platform:"), "rep_platform", self.platform),
            (self.tr("District:"), "rep_district", self.district),
        ):
            label = self.end_label if text is None else QLabel(marked(text, key))
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)

    def _connect_signals(self) -> None:
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.kind, self.platform, self.district):
            combo.currentIndexChanged.connect(self.changed_soon)
        for edit in (self.day, self.end):
            edit.dateChanged.connect(self.changed_soon)
        self.settle.timeout.connect(lambda: self.changed.emit(self.ask()))

    @Slot()
    def _kind_changed(self) -> None:
        custom = self.kind.currentData() == "custom"
        self.end.setVisible(custom)
        self.end_label.setVisible(custom)

    @Slot()
    def changed_soon(self) -> None:
        self.settle.start()

    def set_period(self, kind: str, day: date, end: date | None = None) -> None:
        """Pick a period as the lead would (tests, and the screenshots)."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.day.setDate(_qdate(day))
        self.end.setDate(_qdate(end or day))

    def set_platform(self, platform: Platform | None) -> None:
        self.platform.setCurrentIndex(self.platform.findData(platform.value if platform else None))

    def ask(self) -> Ask:
        day = self.day.date().toPython()
        end = self.end.date().toPython()
        assert isinstance(day, date) and isinstance(end, date)
        period = period_of(str(self.kind.currentData()), day, end)
        return Ask(period, self.platform.currentData(), self.district.currentData())

    def describe(self) -> str:
        """The filters in words, for the page's heading and the PDF."""
        ask = self.ask()
        p = ask.period
        span = p.start.isoformat() if p.start == p.end else f"{p.start} – {p.end}"
        return self.tr("{period} · {platform} · {district}").format(
            period=f"{self.kind.currentText()} {span}",
            platform=self.platform.currentText(),
            district=self.district.currentText(),
        )
