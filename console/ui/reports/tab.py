"""The reports tab (报表) for shift leads and administrators: the filters, the report page, and
the exports (Excel, PDF).

A report is one read (``ops.read``) of ``ReportService.report`` for the filters as they are; an
answer for filters changed meanwhile is dropped. The charts library is imported the first time
the tab is shown (``showEvent``), never at start-up. Every figure opens the orders behind it
(``orders_behind``, also a read), listed in a dialog; opening one of them is
``order_activated``, which the main window turns into the order's detail.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.domain.catalogue import District
from console.services.report_views import FigureKey, Period, Report, Table, report_tables
from console.ui.keys import marked, sequence
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.reports.exports import ExcelExport
from console.ui.reports.filters import Ask, ReportFilters
from console.ui.reports.orders_dialog import SHOWN_AT_MOST, OrdersDialog
from console.ui.reports.page import ReportPage
from console.ui.reports.pdf import Block, write_pdf
from console.ui.reports.words import time_text

CHARTS_MODULE = "console.ui.reports.charts"
Write = Callable[[Path, Callable[[int, int], None], Callable[[], bool]], object]
"""A workbook written to a path, with its progress callback and its cancel question."""
ERROR_COLOUR = "#b3261e"


class Reports(Protocol):
    """What the tab asks of ``console.services.reports.ReportService``."""

    def report(self, period: Period, platform: str | None = None,
               district: str | None = None) -> Report: ...  # fmt: skip
    def orders_behind(self, report_or_period: Report | Period, figure_key: FigureKey | str,
                      value: str | None = None, limit: int | None = None) -> list[str]: ...  # fmt: skip
    def export_xlsx(self, report: Report, path: Path, progress: Callable[[int, int], None],
                    cancelled: Callable[[], bool]) -> Path: ...  # fmt: skip
    def export_orders_xlsx(self, report_or_period: Report | Period, path: Path,
                           progress: Callable[[int, int], None], cancelled: Callable[[], bool],
                           figure_key: FigureKey | str | None = None,
                           value: str | None = None) -> int: ...  # fmt: skip


class ReportsTab(QWidget):
    """Signals: ``loaded(Report)`` once a report is on the page; ``order_activated(str)`` when
    an order behind a figure is opened; ``exported(str)`` after an export (the sentence
    shown); ``orders_shown(int)`` when the orders behind a figure are listed."""

    loaded = Signal(object)
    order_activated = Signal(str)
    exported = Signal(str)
    orders_shown = Signal(int)

    def __init__(
        self, service: Reports, *, ops: Operations, today: Callable[[], date],
        districts: list[District], chinese: bool, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("reportsTab")
        self._service, self._ops = service, ops
        self._asked: Ask | None = None  # the newest ask; older answers are dropped
        self._waiting: tuple[Report, list[Table], str, str] | None = None  # until the charts
        self.report: Report | None = None
        self.dialog: OrdersDialog | None = None
        self.export: ExcelExport | None = None
        self.filters = ReportFilters(today(), districts, chinese=chinese)
        self.page = ReportPage()
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.buttons = {
            "rep_refresh": QPushButton(marked(self.tr("Refresh"), "rep_refresh")),
            "rep_excel": QPushButton(marked(self.tr("Export to Excel…"), "rep_excel")),
            "rep_pdf": QPushButton(marked(self.tr("Save as PDF…"), "rep_pdf")),
        }
        self.figures_shortcut = QShortcut(sequence("rep_figures"), self)
        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        for button in self.buttons.values():
            top.addWidget(button)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.page)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.message)

    def _connect_signals(self) -> None:
        self.filters.changed.connect(self._filters_changed)
        self.buttons["rep_refresh"].clicked.connect(self.refresh)
        self.buttons["rep_excel"].clicked.connect(lambda: self.export_excel())
        self.buttons["rep_pdf"].clicked.connect(lambda: self.save_pdf())
        self.page.figure_activated.connect(self.open_figure)
        self.page.shown.connect(self._shown)
        self.figures_shortcut.activated.connect(self.focus_first)

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the tab is shown: read the report (on the read thread) and, in the
        next turn of the event loop, load the charts library (10–80 ms, with the load)."""
        super().showEvent(event)
        if self.page.charts is None:  # in a slice of its own, while the report is read
            # (1 ms: a real timer, so it is not delivered with the posted events of the show)
            QTimer.singleShot(1, self, self._load_charts)
        if self._asked is None:
            self.refresh()

    def _load_charts(self) -> None:
        if self.page.charts is None:
            self.page.use_charts(importlib.import_module(CHARTS_MODULE))
        if self._waiting is not None:  # a report came in first: shown in the next turn
            QTimer.singleShot(1, self, self._show_waiting)

    def _show_waiting(self) -> None:
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self.page.show_report(*waiting)

    # ------------------------------------------------------------------ reading

    def _filters_changed(self, ask: Ask) -> None:
        if ask != self._asked:  # the filters of the report read (or being read): nothing new
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        ask = self._asked = self.filters.ask()
        service = self._service

        def read() -> tuple[Report, list[Table]]:
            report = service.report(ask.period, ask.platform, ask.district)
            return report, report_tables(report)

        self._say(self.tr("Reading the report…"))
        self._ops.read(self, "report", read, success=lambda answer: self._loaded(ask, *answer),
                       failure=lambda error: self._not_loaded(ask, error))  # fmt: skip

    def _loaded(self, ask: Ask, report: Report, tables: list[Table]) -> None:
        if ask != self._asked:
            return  # the lead changed the filters meanwhile: a newer answer is on its way
        heading = self.tr("Report {period}").format(period=self._span(report.period))
        shown = (report, tables, heading, self._subheading(report))
        if self.page.charts is None:  # the charts are being loaded: shown once they are
            self._waiting = shown
        else:
            self.page.show_report(*shown)
        self._say("")

    def _shown(self) -> None:
        """The report's last card is on the page: its figures may be opened and exported."""
        self.report = self.page.report
        self.loaded.emit(self.report)

    def _not_loaded(self, ask: Ask, error: Exception) -> None:
        if ask == self._asked:
            self._say(self.tr("Could not read the report: {error}").format(
                error=refusal_text(error)), error=True)  # fmt: skip

    def _span(self, period: Period) -> str:
        if period.start == period.end:
            return period.start.isoformat()
        return f"{period.start.isoformat()} – {period.end.isoformat()}"

    def _subheading(self, report: Report) -> str:
        text = self.tr("{filters} · made {at} (China time)").format(
            filters=self.filters.describe(), at=time_text(report.made_at))  # fmt: skip
        if report.district is not None and not report.calls_filtered_by_district:
            text += self.tr(" · calls have no district: the call figures are the platform's")
        return text

    @Slot(object, object, str)
    def open_figure(self, figure: FigureKey, value: str | None, title: str) -> None:
        """The orders behind a figure, in a dialog (Enter opens one)."""
        report = self.report
        if report is None:
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        dialog = self.dialog = OrdersDialog(title, self)
        dialog.order_activated.connect(self.order_activated)
        dialog.export_asked.connect(dialog.accept)  # the list closes; the export shows its own
        dialog.export_asked.connect(lambda: self.export_orders(figure, value))
        service = self._service
        self._ops.read(
            dialog, "orders", lambda: service.orders_behind(report, figure, value,
                                                            limit=SHOWN_AT_MOST + 1),
            success=lambda numbers: self._orders(dialog, numbers, title),
            failure=lambda error: dialog.show_failure(refusal_text(error)),
        )  # fmt: skip
        dialog.open()

    def _orders(self, dialog: OrdersDialog, numbers: list[str], title: str) -> None:
        dialog.show_numbers(numbers, title)
        self.orders_shown.emit(len(numbers))

    # ------------------------------------------------------------------ exports

    def _default_path(self, suffix: str) -> Path:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)  # fmt: skip
        p = self.report.period if self.report is not None else None
        stem = self.tr("report") + (f"-{p.start}-{p.end}" if p is not None else "")
        return Path(folder or ".") / f"{stem}{suffix}"

    def _ask_path(self, caption: str, suffix: str, filter_: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, caption,
                                              str(self._default_path(suffix)), filter_)  # fmt: skip
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    @Slot()
    def export_excel(self, path: Path | None = None) -> None:
        """The report as a workbook (asks where, unless ``path`` is given)."""
        report, service = self.report, self._service
        if report is not None:
            self._export(lambda p, progress, cancelled: service.export_xlsx(
                report, p, progress, cancelled), path)  # fmt: skip

    def export_orders(self, figure: FigureKey, value: str | None,
                      path: Path | None = None) -> None:  # fmt: skip
        """Every order behind a figure as a workbook (phone numbers masked by the service)."""
        report, service = self.report, self._service
        if report is not None:
            self._export(lambda p, progress, cancelled: service.export_orders_xlsx(
                report, p, progress, cancelled, figure, value), path)  # fmt: skip

    def _export(self, write: Write, path: Path | None) -> None:
        if self.export is not None:
            self.export.dialog.show()  # the one running, in front again
            self._say(self.tr("An export is running: cancel it or wait for it."))
            return
        path = path or self._ask_path(self.tr("Export to Excel"), ".xlsx",
                                      self.tr("Excel workbook (*.xlsx)"))  # fmt: skip
        if path is None:
            return
        export = self.export = ExcelExport(write, path, self._ops, self)
        export.finished.connect(self._exported)
        export.failed.connect(self._export_failed)
        self._say(self.tr("Writing {path}…").format(path=path))
        export.start()

    def _exported(self, path: str, cancelled: bool) -> None:
        self._forget_export()
        text = (self.tr("Export cancelled: no file was written.") if cancelled
                else self.tr("Saved {path}.").format(path=path))  # fmt: skip
        self._say(text)
        self.exported.emit(text)

    def _export_failed(self, error: Exception) -> None:
        self._forget_export()
        self._say(self.tr("Export failed: {error}").format(error=refusal_text(error)),
                  error=True)  # fmt: skip

    def _forget_export(self) -> None:
        if self.export is not None:
            self.export.dialog.deleteLater()
            self.export.deleteLater()
            self.export = None

    @Slot()
    def save_pdf(self, path: Path | None = None) -> None:
        """The page as shown, to a PDF file (asks where, unless ``path`` is given)."""
        if self.report is None:
            return
        path = path or self._ask_path(self.tr("Save as PDF"), ".pdf",
                                      self.tr("PDF document (*.pdf)"))  # fmt: skip
        if path is None:
            return
        heading = f"{self.page.heading.text()}\n{self.page.subheading.text()}"
        QApplication.sendPostedEvents()  # a report that just came in: its cards laid out
        self.page.lay_out()
        cards: list[Block] = [self.page.tiles_box, *(c.printed() for c in self.page.cards.values())]
        try:
            pages = write_pdf(path, self.page.heading.text(), heading, self.page, cards)
        except OSError as error:
            self._say(self.tr("Could not write {path}: {error}").format(path=path, error=error),
                      error=True)  # fmt: skip
            return
        text = self.tr("Saved {path} ({pages} page(s)).").format(path=path, pages=pages)
        self._say(text)
        self.exported.emit(text)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;" if error else "")

    @Slot()
    def focus_first(self) -> None:
        """To the figures: the first tile with orders behind it (Tab goes on from there)."""
        target = self.page.first_figure()
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.scroller.ensureWidgetVisible(target)
