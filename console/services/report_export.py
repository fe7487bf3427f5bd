"""Reports to Excel (XlsxWriter, written row by row in constant memory).

A workbook is written to a temporary file beside ``path`` and moved into place only when it is
whole: a cancelled or failed export leaves no file (nor a half one). Chinese headers, real
numbers and dates (China time, Excel has no time zones), phone numbers masked
(``console.domain.phone``: the caller's number, and any number inside the text).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from console.domain.phone import mask_name, mask_numbers, mask_phone
from console.services.report_views import Cell, Period, Report, Table, report_tables
from console.store.engine import Database
from console.store.instants import utc
from console.store.orders import CHINA

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
CHUNK = 2000  # orders read per query (and progress reported per chunk)

ORDER_COLUMNS = (
    ("工单编号", "text"), ("受理时间", "datetime"), ("受理平台", "text"), ("当前平台", "text"),
    ("诉求类型", "text"), ("领域", "text"), ("区县", "text"), ("地址", "text"),
    ("诉求人", "text"), ("诉求人电话", "text"), ("诉求内容", "text"), ("紧急程度", "int"),
    ("状态", "text"), ("承办单位", "text"), ("反馈时限", "datetime"), ("办结时限", "datetime"),
)  # fmt: skip


class ExportCancelled(Exception):
    """The export was cancelled; no file was left behind."""


def _local(at: datetime | None) -> datetime | None:
    return None if at is None else utc(at).astimezone(CHINA).replace(tzinfo=None)


class _Book:
    """A workbook being written to a temporary file, moved to ``path`` by :meth:`finish`."""

    def __init__(self, path: Path) -> None:
        import xlsxwriter

        self.path = path
        self.partial = path.with_name(f".{path.name}.partial")
        self.book = xlsxwriter.Workbook(
            str(self.partial),
            {"constant_memory": True, "tmpdir": str(path.parent), "strings_to_numbers": False},
        )
        self.bold = self.book.add_format({"bold": True})
        self.formats = {
            "date": self.book.add_format({"num_format": "yyyy-mm-dd"}),
            "datetime": self.book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"}),
            "share": self.book.add_format({"num_format": "0.00"}),
        }

    def sheet(self, name: str, headers: Sequence[str]) -> Any:
        ws = self.book.add_worksheet(name[:31])
        for c, header in enumerate(headers):
            ws.write_string(0, c, header, self.bold)
            ws.set_column(c, c, max(10, 2 * len(header) + 2))
        return ws

    def cell(self, ws: Any, r: int, c: int, value: Cell, kind: str) -> None:
        if value is None:
            ws.write_blank(r, c, None)
        elif isinstance(value, datetime):
            ws.write_datetime(r, c, _local(value), self.formats["datetime"])
        elif isinstance(value, date):
            ws.write_datetime(
                r, c, datetime(value.year, value.month, value.day), self.formats["date"]
            )
        elif isinstance(value, bool):
            ws.write_boolean(r, c, value)
        elif isinstance(value, int | float):
            ws.write_number(r, c, value, self.formats.get(kind))
        else:
            ws.write_string(r, c, str(value))

    def finish(self) -> None:
        self.book.close()
        os.replace(self.partial, self.path)

    def abandon(self) -> None:
        try:
            self.book.close()
        finally:
            self.partial.unlink(missing_ok=True)


def _cover(book: _Book, period: Period, platform: str | None, district: str | None,
           made_at: datetime, what: str) -> None:  # fmt: skip
    ws = book.sheet("封面", ("项目", "内容"))
    rows: list[tuple[str, Cell, str]] = [
        ("报表", what, "text"),
        ("开始日期", period.start, "date"),
        ("结束日期", period.end, "date"),
        ("平台", platform or "全部", "text"),
        ("区县", district or "全部", "text"),
        ("生成时间", made_at, "datetime"),
        ("说明", "日期为北京时间；电话号码已脱敏", "text"),
    ]
    for r, (label, value, kind) in enumerate(rows, start=1):
        ws.write_string(r, 0, label)
        book.cell(ws, r, 1, value, kind)


def write_report(report: Report, path: Path, progress: Progress, cancelled: Cancelled) -> Path:
    tables = report_tables(report)
    book = _Book(path)
    try:
        _cover(book, report.period, report.platform, report.district, report.made_at, "统计报表")
        for done, table in enumerate(tables):
            if cancelled():
                raise ExportCancelled(str(path))
            _table(book, table)
            progress(done + 1, len(tables))
    except BaseException:
        book.abandon()
        raise
    book.finish()
    return path


def _table(book: _Book, table: Table) -> None:
    ws = book.sheet(table.title, [c.header for c in table.columns])
    for r, row in enumerate(table.rows, start=1):
        for c, (value, column) in enumerate(zip(row, table.columns, strict=True)):
            if isinstance(value, str):
                value = mask_numbers(value)
            book.cell(ws, r, c, value, column.kind)


def write_orders(
    db: Database,
    ids: Sequence[int],
    period: Period,
    platform: str | None,
    district: str | None,
    path: Path,
    progress: Progress,
    cancelled: Cancelled,
    made_at: datetime | None = None,
) -> int:
    """The orders ``ids`` (in that order), one row each; returns the rows written."""
    book = _Book(path)
    written = 0
    try:
        _cover(book, period, platform, district, made_at or datetime.now(CHINA), "工单明细")
        ws = book.sheet("工单", [h for h, _k in ORDER_COLUMNS])
        with db.read() as s:
            names = {
                t: {str(c): str(n) for c, n in s.execute(text(f"SELECT code, name_zh FROM {t}"))}
                for t in ("kind", "field", "district", "department")
            }
            for start in range(0, len(ids), CHUNK):
                if cancelled():
                    raise ExportCancelled(str(path))
                chunk = ids[start : start + CHUNK]
                listed = ", ".join(str(int(i)) for i in chunk)
                rows = {
                    int(r.id): r
                    for r in s.execute(
                        text(
                            "SELECT id, number, created_at, origin, owner, kind, field, district, "
                            "address, caller_name, caller_phone, description, priority, status, "
                            f"department, feedback_due, completion_due FROM work_order "
                            f"WHERE id IN ({listed})"
                        )
                    )
                }
                for i in chunk:
                    r = rows.get(int(i))
                    if r is None:
                        continue
                    written += 1
                    values: list[Cell] = [
                        r.number, _at(r.created_at), r.origin, r.owner,
                        names["kind"].get(r.kind, r.kind),
                        names["field"].get(r.field, r.field) if r.field else None,
                        names["district"].get(r.district, r.district),
                        mask_numbers(r.address or ""), mask_name(r.caller_name or ""),
                        mask_phone(r.caller_phone), mask_numbers(r.description),
                        int(r.priority), r.status,
                        names["department"].get(r.department, r.department) if r.department else None,
                        _at(r.feedback_due), _at(r.completion_due),
                    ]  # fmt: skip
                    for c, (value, (_h, kind)) in enumerate(
                        zip(values, ORDER_COLUMNS, strict=True)
                    ):
                        book.cell(ws, written, c, value, kind)
                progress(min(start + CHUNK, len(ids)), len(ids))
    except BaseException:
        book.abandon()
        raise
    book.finish()
    return written


def _at(value: Any) -> datetime | None:
    if value is None:
        return None
    at = datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(at, datetime)
    return utc(at)
