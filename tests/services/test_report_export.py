"""The Excel exports, opened again with openpyxl: a cover sheet, one sheet per table, real
numbers and dates, no full phone number; a cancelled export leaves no file at all."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from console.services.report_export import ExportCancelled
from console.services.report_views import FigureKey, Period, report_tables
from console.services.reports import ReportService
from console.store.engine import Database
from tests.services.test_reports import activity

FULL_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
PERIOD = Period(date(2026, 10, 1), date(2026, 12, 31))


def cells(path: Path) -> list[object]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [v for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row]


def test_the_report_and_its_orders_export_typed_and_masked(db: Database, tmp_path: Path) -> None:
    clock = activity(db, seed=3, steps=80)
    with db.write() as s:  # text that must be escaped in the sheet's XML, on one order
        first = s.execute(text("SELECT min(id) FROM work_order")).scalar_one()
        s.execute(text("UPDATE work_order SET description = :d WHERE id = :i"),
                  {"d": "噪音&油烟 <夜间> 13812345678", "i": first})  # fmt: skip
    service = ReportService(db, clock)
    report = service.report(PERIOD)
    seen: list[tuple[int, int]] = []
    out = service.export_xlsx(report, tmp_path / "报表.xlsx", lambda d, t: seen.append((d, t)),
                              lambda: False)  # fmt: skip
    assert seen[-1] == (len(report_tables(report)),) * 2
    book = openpyxl.load_workbook(out, read_only=True)
    names = book.sheetnames
    assert names[0] == "封面" and names[1:] == [t.title for t in report_tables(report)]
    cover = {r[0]: r[1] for r in book["封面"].iter_rows(min_row=2, values_only=True)}
    assert cover["开始日期"] == datetime(2026, 10, 1) and cover["平台"] == "全部"
    trend = list(book["每日趋势"].iter_rows(min_row=2, values_only=True))
    assert len(trend) == len(PERIOD.days)
    assert all(isinstance(d, datetime) and isinstance(n, int) for d, n, _c in trend)
    assert sum(n for _d, n, _c in trend) == report.created
    summary = dict(book["总览"].iter_rows(min_row=2, values_only=True))
    assert summary["受理工单 orders created"] == report.created
    assert not any(isinstance(v, str) and FULL_MOBILE.search(v) for v in cells(out))

    orders = tmp_path / "工单.xlsx"
    n = service.export_orders_xlsx(report, orders, lambda d, t: None, lambda: False)
    assert n == report.created
    rows = list(openpyxl.load_workbook(orders, read_only=True)["工单"].iter_rows(values_only=True))
    assert rows[0][0] == "工单编号" and len(rows) == n + 1
    assert all(isinstance(r[1], datetime) and isinstance(r[11], int) for r in rows[1:])
    assert all(r[9] and "*" in r[9] for r in rows[1:])  # 诉求人电话, masked
    assert not any(isinstance(v, str) and FULL_MOBILE.search(v) for v in cells(orders))
    described = {r[10] for r in rows[1:]}
    assert "噪音&油烟 <夜间> 138****5678" in described  # escaped, read back as written
    assert all(r[14] is None or isinstance(r[14], datetime) for r in rows[1:])
    assert summary["并单 merges"] == report.callers.merges
    assert [r[2] for r in book["每单来电人数"].iter_rows(min_row=2, values_only=True)] == [
        c.value for c in report.callers.by_callers
    ]
    kind = report.by_kind[0]
    behind = tmp_path / "kind.xlsx"
    got = service.export_orders_xlsx(report, behind, lambda d, t: None, lambda: False,
                                     FigureKey.BY_KIND, kind.key)  # fmt: skip
    assert got == kind.value


def test_a_cancelled_export_leaves_no_file(db: Database, tmp_path: Path) -> None:
    clock = activity(db, seed=5, steps=40)
    service = ReportService(db, clock)
    report = service.report(PERIOD)
    calls = iter([False, True])
    out = tmp_path / "out"
    out.mkdir()
    path = out / "r.xlsx"
    with pytest.raises(ExportCancelled):
        service.export_xlsx(report, path, lambda d, t: None, lambda: next(calls))
    with pytest.raises(ExportCancelled):
        service.export_orders_xlsx(report, path, lambda d, t: None, lambda: True)
    assert list(out.iterdir()) == []
