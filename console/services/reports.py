"""Reports (报表): the figures of a period, the orders behind each, and the Excel exports.

``ReportService(db, clock).report(period, platform=None, district=None) -> Report`` (the plain
values of ``report_views``); ``orders_behind(report_or_period, figure_key, value)`` lists the
order numbers behind a figure; ``export_xlsx`` / ``export_orders_xlsx`` write workbooks row by
row, reporting ``progress(done, total)`` and stopping (leaving no file) when ``cancelled()``.
All are blocking database work: call them off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from console.services.report_views import FigureKey, Period, Report
from console.store.engine import Database

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ExportCancelled(Exception):
    """The export was cancelled; no file was left behind."""


class ReportService:
    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def report(
        self, period: Period, platform: str | None = None, district: str | None = None
    ) -> Report:
        raise NotImplementedError

    def orders_behind(
        self, report_or_period: Report | Period, figure_key: FigureKey | str,
        value: str | None = None, limit: int | None = None,
    ) -> list[str]:  # fmt: skip
        """The numbers of the orders behind a figure (oldest first); with a Period, no filters."""
        raise NotImplementedError

    def export_xlsx(
        self, report: Report, path: Path, progress: Progress, cancelled: Cancelled
    ) -> Path:
        """The report as a workbook: a cover sheet (period, filters), one sheet per table."""
        raise NotImplementedError

    def export_orders_xlsx(
        self, report_or_period: Report | Period, path: Path, progress: Progress,
        cancelled: Cancelled, figure_key: FigureKey | str | None = None, value: str | None = None,
    ) -> int:  # fmt: skip
        """The orders behind a figure (or all created in the period) as a workbook, phone
        numbers masked, in constant memory; returns the rows written."""
        raise NotImplementedError
