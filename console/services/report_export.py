"""Reports to Excel (``report_xlsx``: sheets streamed row by row, in constant memory).

A workbook is written to a temporary file beside ``path`` and moved into place only when it is
whole: a cancelled or failed export leaves no file (nor a half one). Chinese headers, real
numbers and dates (China time, Excel has no time zones), phone numbers masked
(``console.domain.phone``: the caller's number, and any number inside the text).

The orders' export is the long one (100,000 rows in ≤ 10 s, ``bench/export_rows.py``): rows are
read in chunks with only the columns written, as plain tuples; a row is one list built in one
pass, names looked up in dicts, times turned into China time by one tz conversion, and the
masking done only where there is something to mask.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from console.domain.phone import mask_name, mask_numbers, mask_phone
from console.services.report_views import Cell, Period, Report, Table, report_tables
from console.services.report_xlsx import (
    EPOCH_ORDINAL,
    PLAIN,
    STYLE_OF_KIND,
    TEXT_CELL,
    Sheet,
    Workbook,
    needs_escape,
    number_cell,
)
from console.store.engine import Database
from console.store.instants import utc
from console.store.orders import CHINA

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
CHUNK = 5000  # orders read per query (and progress reported per chunk)

ORDER_COLUMNS = (
    ("工单编号", "text"), ("受理时间", "datetime"), ("受理平台", "text"), ("当前平台", "text"),
    ("诉求类型", "text"), ("领域", "text"), ("区县", "text"), ("地址", "text"),
    ("诉求人", "text"), ("诉求人电话", "text"), ("诉求内容", "text"), ("紧急程度", "int"),
    ("状态", "text"), ("承办单位", "text"), ("反馈时限", "datetime"), ("办结时限", "datetime"),
)  # fmt: skip
ORDER_WIDTHS = (22, 20, 10, 10, 14, 14, 12, 30, 10, 16, 60, 10, 12, 20, 20, 20)
_SELECT = (
    "SELECT id, number, created_at, origin, owner, kind, field, district, address, caller_name, "
    "caller_phone, description, priority, status, department, feedback_due, completion_due "
    "FROM work_order WHERE id IN ({ids})"
)
_DIGIT_RUN = frozenset("0123456789０１２３４５６７８９")


class ExportCancelled(Exception):
    """The export was cancelled; no file was left behind."""


def _local(at: datetime | str | None) -> datetime | None:
    """China wall-clock time of a stored instant (SQLite gives naive UTC text, PostgreSQL an
    aware datetime)."""
    if at is None:
        return None
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    return utc(at).astimezone(CHINA).replace(tzinfo=None)


def _china_serial(at: datetime | str | None) -> float | None:
    """Excel's serial day of a stored instant in China time: the same as ``serial(_local(at))``
    at a fraction of the cost (a time-zone conversion is ≈ 6 µs; the offset is looked up once
    per UTC hour instead)."""
    if at is None:
        return None
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    hour = at.toordinal() * 24 + at.hour
    offset = _OFFSETS.get(hour)
    if offset is None:
        local = at.replace(tzinfo=UTC).astimezone(CHINA).utcoffset()
        offset = _OFFSETS[hour] = local.total_seconds() if local is not None else 0.0
    seconds = at.hour * 3600 + at.minute * 60 + at.second + at.microsecond / 1e6 + offset
    return at.toordinal() - EPOCH_ORDINAL + seconds / 86400


_OFFSETS: dict[int, float] = {}  # UTC hour (ordinal × 24 + hour) → China's offset, seconds


def masked_phone(phone: str | None) -> str:
    """``mask_phone``, with the common case — a stored mobile, 11 digits — done inline."""
    if not phone:
        return ""
    if len(phone) == 11 and phone[0] == "1" and phone[1] in "3456789" and phone.isdigit():
        return f"{phone[:3]}****{phone[7:]}"
    return mask_phone(phone)


def _masked_text(value: str | None) -> str:
    """``mask_numbers`` only where a digit could start a number (most text has none)."""
    if not value:
        return ""
    return mask_numbers(value) if not _DIGIT_RUN.isdisjoint(value) else value


class _Book:
    """A workbook being written to a temporary file, moved to ``path`` by :meth:`finish`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(f".{path.name}.partial")
        self.book = Workbook(self.partial)

    def finish(self) -> None:
        self.book.close()
        os.replace(self.partial, self.path)

    def abandon(self) -> None:
        try:
            self.book.abandon()
        finally:
            self.partial.unlink(missing_ok=True)


def _styles(kinds: Sequence[str]) -> list[int]:
    return [STYLE_OF_KIND.get(kind, PLAIN) for kind in kinds]


def _cell(value: Cell) -> Any:
    """A report table's value as written: times in China time, dates as dates, text masked."""
    if isinstance(value, datetime):
        return _local(value)
    if isinstance(value, str):
        return _masked_text(value)
    return value


def _cover(book: _Book, period: Period, platform: str | None, district: str | None,
           made_at: datetime, what: str) -> None:  # fmt: skip
    ws = book.book.sheet("封面", ("项目", "内容"), widths=(14, 36))
    rows: list[tuple[str, Cell, str]] = [
        ("报表", what, "text"),
        ("开始日期", period.start, "date"),
        ("结束日期", period.end, "date"),
        ("平台", platform or "全部", "text"),
        ("区县", district or "全部", "text"),
        ("生成时间", made_at, "datetime"),
        ("说明", "日期为北京时间；电话号码已脱敏", "text"),
    ]
    for label, value, kind in rows:
        ws.row((label, _cell(value)), _styles(("text", kind)))


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
    kinds = [c.kind for c in table.columns]
    ws = book.book.sheet(table.title, [c.header for c in table.columns], _styles(kinds))
    for row in table.rows:
        ws.row([_cell(v) for v in row])


_T, _E = TEXT_CELL
_AT = number_cell(STYLE_OF_KIND["datetime"])


def _order_row(
    ws: Sheet, texts: tuple[str | None, ...], serials: tuple[float | None, ...], priority: int
) -> None:
    """One order as :data:`ORDER_COLUMNS`: its XML made by one f-string from the columns'
    known types (a fifth of the generic :meth:`Sheet.row`'s cost); a row whose text needs
    escaping (rare: ``&``, ``<``, ``>``, control characters) goes by :meth:`Sheet.row`."""
    (number, origin, owner, kind, field, district, address, name, phone, text, status,
     department) = texts  # fmt: skip
    created, feedback, completion = serials
    if needs_escape("".join(filter(None, texts))):
        ws.row((number, created, origin, owner, kind, field, district, address, name, phone,
                text, priority, status, department, feedback, completion))  # fmt: skip
        return
    f = "<c/>" if field is None else f"{_T}{field}{_E}"
    d = "<c/>" if department is None else f"{_T}{department}{_E}"
    b = "<c/>" if feedback is None else f"{_AT}{feedback!r}</v></c>"
    c = "<c/>" if completion is None else f"{_AT}{completion!r}</v></c>"
    ws.xml_row(
        f"<row>{_T}{number}{_E}{_AT}{created!r}</v></c>{_T}{origin}{_E}{_T}{owner}{_E}"
        f"{_T}{kind}{_E}{f}{_T}{district}{_E}{_T}{address}{_E}{_T}{name}{_E}{_T}{phone}{_E}"
        f"{_T}{text}{_E}<c><v>{priority}</v></c>{_T}{status}{_E}{d}{b}{c}</row>"
    )


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
    try:
        _cover(book, period, platform, district, made_at or datetime.now(CHINA), "工单明细")
        ws = book.book.sheet("工单", [h for h, _k in ORDER_COLUMNS],
                             _styles([k for _h, k in ORDER_COLUMNS]), ORDER_WIDTHS)  # fmt: skip
        with db.read() as s:
            names = {
                t: {str(c): str(n) for c, n in s.execute(text(f"SELECT code, name_zh FROM {t}"))}
                for t in ("kind", "field", "district", "department")
            }
            kinds, fields, districts, departments = (
                names["kind"], names["field"], names["district"], names["department"])  # fmt: skip
            for start in range(0, len(ids), CHUNK):
                if cancelled():
                    raise ExportCancelled(str(path))
                chunk = ids[start : start + CHUNK]
                listed = ", ".join(str(int(i)) for i in chunk)
                rows = {r[0]: r for r in s.execute(text(_SELECT.format(ids=listed))).all()}
                for i in chunk:
                    r = rows.get(int(i))
                    if r is None:
                        continue
                    (_id, number, created, origin, owner, kind, field, dist, address, name,
                     phone, description, priority, status, dept, feedback, completion) = r  # fmt: skip
                    texts = (
                        number, origin, owner, kinds.get(kind, kind),
                        fields.get(field, field) if field else None, districts.get(dist, dist),
                        _masked_text(address), mask_name(name or ""), masked_phone(phone),
                        _masked_text(description), status,
                        departments.get(dept, dept) if dept else None,
                    )  # fmt: skip
                    serials = (_china_serial(created), _china_serial(feedback),
                               _china_serial(completion))  # fmt: skip
                    _order_row(ws, texts, serials, int(priority))
                progress(min(start + CHUNK, len(ids)), len(ids))
    except BaseException:
        book.abandon()
        raise
    book.finish()
    return ws.rows - 1  # the header row is one
