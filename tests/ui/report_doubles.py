"""An in-memory stand-in for ``console.services.reports.ReportService`` for the reports tab's
tests and screenshots: a month of a Shenyang 12345 floor (figures made up, shaped like the
demo's), the same report whatever the filters (it records what was asked), order numbers made
from the figure asked, and an Excel export that writes a small file row by row, reporting
progress and stopping when cancelled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from console.domain.orders import Platform
from console.services.report_views import (
    AlarmFigures,
    CallerFigures,
    CallFigures,
    Count,
    DayTrend,
    DispatchLine,
    FigureKey,
    HotspotFigures,
    IncidentLine,
    Period,
    Report,
    TransferLine,
)
from console.services.reports import ExportCancelled
from console.ui.main_window import MainWindow
from console.ui.reports import ReportsTab
from console.ui.status_bar import StatusBar
from tests.ui.ops_doubles import InlineOperations

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
MADE_AT = datetime(2026, 12, 1, 0, 30, tzinfo=UTC)

DISTRICTS = [("210106", "铁西区", 1843), ("210104", "大东区", 1402), ("210105", "皇姑区", 1290),
             ("210103", "沈河区", 1187), ("210112", "浑南区", 1051), ("210102", "和平区", 968),
             ("210113", "沈北新区", 612), ("210111", "苏家屯区", 540), ("210114", "于洪区", 505),
             ("210115", "辽中区", 188), ("210181", "新民市", 142), ("210123", "康平县", 61),
             ("210124", "法库县", 57), ("210100", "沈阳市", 31)]  # fmt: skip
DEPARTMENTS = [("210100-HEAT", "沈阳市供热管理办公室", 1320, 1102, 981),
               ("210100-HOUSING", "沈阳市住房和城乡建设局", 842, 790, 702),
               ("210100-WATER", "沈阳水务集团", 611, 588, 560),
               ("210100-TRAFFIC", "沈阳市交通运输局", 430, 401, 318),
               ("210106-GOV", "铁西区人民政府", 388, 350, 341),
               ("210100-MARKET", "沈阳市市场监督管理局", 352, 340, 301),
               ("210104-GOV", "大东区人民政府", 301, 277, 266),
               ("210100-ENV", "沈阳市生态环境局", 214, 199, 160),
               ("210100-HRSS", "沈阳市人力资源和社会保障局", 188, 180, 175),
               ("210105-GOV", "皇姑区人民政府", 176, 160, 131),
               ("210100-EDU", "沈阳市教育局", 97, 95, 93),
               ("210103-GOV", "沈河区人民政府", 92, 80, 79),
               ("210100-HEALTH", "沈阳市卫生健康委员会", 66, 61, 60)]  # fmt: skip


def _trend(period: Period) -> list[DayTrend]:
    out = []
    for i, day in enumerate(period.days):
        weekend = day.weekday() >= 5
        created = 330 + (i * 37) % 90 - (110 if weekend else 0) + (160 if i in (17, 18) else 0)
        out.append(DayTrend(day, created, created - 25 + (i * 13) % 40))
    return out


def sample_report(period: Period = NOV, platform: str | None = None,
                  district: str | None = None) -> Report:  # fmt: skip
    trend = _trend(period)
    return Report(
        period=period, platform=platform, district=district, made_at=MADE_AT,
        calls=CallFigures(offered=14_212, answered=13_588, answered_in_target=11_904,
                          abandoned=624, handling_seconds=13_588 * 251.4),
        created=sum(t.created for t in trend), completed=sum(t.completed for t in trend),
        by_kind=[Count("C-TS", "投诉", 4_210), Count("C-QZ", "求助", 3_388),
                 Count("C-ZX", "咨询", 2_140), Count("C-JY", "建议", 402),
                 Count("V-HS", "核查工单", 12)],
        by_field=[Count("F-GR", "供热", 3_950), Count("F-ZF", "住房", 1_870),
                  Count("F-JT", "交通", 1_120), Count("F-SH", "社会治安", 903), Count("", "（未分类）", 77)],
        by_district=[Count(code, name, n) for code, name, n in DISTRICTS],
        transfers=[TransferLine("12345", "110", 318, 305), TransferLine("110", "12345", 941, 902)],
        three_way=[Count("12345", "12345受理", 212), Count("110", "110受理", 141),
                   Count("first_contact", "首接负责", 38)],
        first_contact=[Count("provisional", "先行受理", 96), Count("guidance", "合理引导和解释", 61)],
        dispatches=[DispatchLine(c, n, d, f, o) for c, n, d, f, o in DEPARTMENTS],
        escalations=57,
        overdue=[Count("sign_for", "签收超时", 41), Count("feedback", "反馈超时", 133),
                 Count("completion", "办结超时", 29)],
        returns=[Count("12345", "12345退回", 35), Count("110", "110退回", 22)],
        alarms=AlarmFigures(raised=412, by_level=[Count("warning", "预警", 251),
                            Count("due", "到期", 120), Count("overdue", "超期", 41)],
                            acknowledged=398, median_ack_s=94.0),
        hotspots=HotspotFigures(found=9, taken_up=6, verification_orders=12),
        incidents=[IncidentLine("YJ-20261118-0001", "12345", "供热事故", "Ⅱ",
                                datetime(2026, 11, 18, 6, 40, tzinfo=UTC),
                                datetime(2026, 11, 19, 2, 5, tzinfo=UTC), 44, 8, 0, 6.5)],
        trend=trend,
        knowledge=[Count("KB-0012", "冬季供暖室温标准", 37), Count("KB-0003", "噪声扰民处理规范", 12)],
        callers=CallerFigures([Count("1", "1位来电人", 8_600), Count("2", "2位来电人", 210),
                               Count("3", "3位来电人", 31)], merges=268, unmerges=4),
    )  # fmt: skip


class FakeReports:
    """``asked``: every report() call's (period, platform, district); ``behind``: every
    orders_behind() call's (figure, value). ``on_row(done)`` runs at each exported row (a test
    clicks Cancel there); ``error``: what report() raises instead, if set."""

    def __init__(self, rows: int = 40) -> None:
        self.asked: list[tuple[Period, str | None, str | None]] = []
        self.behind: list[tuple[FigureKey, str | None]] = []
        self.rows = rows
        self.on_row: Callable[[int], None] = lambda done: None
        self.error: Exception | None = None
        self.written: list[Path] = []

    def report(self, period: Period, platform: str | None = None,
               district: str | None = None) -> Report:  # fmt: skip
        self.asked.append((period, platform, district))
        if self.error is not None:
            raise self.error
        return sample_report(period, platform, district)

    def orders_behind(self, report_or_period: Report | Period, figure_key: FigureKey | str,
                      value: str | None = None, limit: int | None = None) -> list[str]:  # fmt: skip
        key = FigureKey(figure_key)
        self.behind.append((key, value))
        start = report_or_period.period.start if isinstance(report_or_period, Report) else (
            report_or_period.start)  # fmt: skip
        count = 3 if value else 5
        numbers = [f"{start:%Y%m%d}{i:06d}" for i in range(1, count + 1)]
        return numbers[:limit] if limit is not None else numbers

    def export_xlsx(self, report: Report, path: Path, progress: Callable[[int, int], None],
                    cancelled: Callable[[], bool]) -> Path:  # fmt: skip
        lines = []
        for done in range(1, self.rows + 1):
            if cancelled():
                raise ExportCancelled()
            lines.append(f"row {done}")
            progress(done, self.rows)
            self.on_row(done)
        path.write_text("\n".join(lines), encoding="utf-8")
        self.written.append(path)
        return path

    def export_orders_xlsx(self, report_or_period: Report | Period, path: Path,
                           progress: Callable[[int, int], None], cancelled: Callable[[], bool],
                           figure_key: FigureKey | str | None = None,
                           value: str | None = None) -> int:  # fmt: skip
        key = FigureKey(figure_key) if figure_key is not None else None
        self.behind.append((key, value))  # type: ignore[arg-type]
        report = report_or_period if isinstance(report_or_period, Report) else sample_report()
        self.export_xlsx(report, path, progress, cancelled)
        return self.rows


def later(report: Report, days: int) -> Report:
    """The same report, made ``days`` later (a second answer to tell from the first)."""
    return replace(report, made_at=report.made_at + timedelta(days=days))


class FakeDetail(QWidget):
    """The main window's order detail, as far as opening an order goes: ``opened`` lists them."""

    order_activated = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    def load(self, number: str) -> None:
        self.opened.append(number)


def window_with(reports: ReportsTab) -> tuple[MainWindow, list[str]]:
    """A main window with the reports tab and a stand-in detail; the orders it opened."""
    detail = FakeDetail()
    status = StatusBar(seat="A-09", platform=Platform.HOTLINE, agent="张班长", db_url="sqlite://")
    window = MainWindow(None, ops=InlineOperations(), kind_names={}, status=status,  # type: ignore[arg-type]
                        detail=detail, reports=reports)  # type: ignore[arg-type]  # fmt: skip
    return window, detail.opened
