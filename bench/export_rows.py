"""export_100k_rows_s: the orders behind a figure to Excel — 100,000 orders created on the
benchmark database's last days, found by ``order_ids_behind`` and written by
``report_export.write_orders`` (``report_xlsx``: a cover sheet, Chinese headers, the
catalogues' names, real dates in China time, phone numbers and any number in the text masked).
Median of three.

Floor: the same 100,000 rows read through plain ``sqlite3`` and written as the same kind of
sheet (inline-string cells in a deflated zip, level 1) by one ``str.join`` a row — no names,
types, escaping, masking or time zones — same run. For reference (stderr, one run): XlsxWriter
in constant memory writing the same rows with ``write_row`` and nothing else, the floor this
benchmark had while the export used XlsxWriter.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import UNTIL, Context, Figure, time_figure

from console.services.report_export import write_orders
from console.services.report_views import FigureKey, Period
from console.services.reports import ReportService
from console.store.engine import Database

ROWS = 100_000
RUNS = 3
PERIOD = Period(UNTIL - timedelta(days=60), UNTIL - timedelta(days=1))
COLUMNS = (
    "number, created_at, origin, owner, kind, field, district, address, caller_name, "
    "caller_phone, description, priority, status, department, feedback_due, completion_due"
)


def _ours(db: Database, out: Path) -> float:
    started = time.perf_counter()
    service = ReportService(db, lambda: datetime.now(UTC))
    ids = service.order_ids_behind(PERIOD, FigureKey.ORDERS_CREATED, limit=ROWS)
    written = write_orders(db, ids, PERIOD, None, None, out, lambda d, t: None, lambda: False)
    assert written == ROWS, written
    return time.perf_counter() - started


def _floor(conn: sqlite3.Connection, ids: list[int], out: Path) -> float:
    started = time.perf_counter()
    book = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
    with book, book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
        sheet.write(b"<worksheet><sheetData>")
        for start in range(0, len(ids), 2000):
            listed = ", ".join(str(i) for i in ids[start : start + 2000])
            for row in conn.execute(f"SELECT {COLUMNS} FROM work_order WHERE id IN ({listed})"):
                cells = '</t></is></c><c t="inlineStr"><is><t>'.join(map(str, row))
                sheet.write(f'<row><c t="inlineStr"><is><t>{cells}</t></is></c></row>'.encode())
        sheet.write(b"</sheetData></worksheet>")
    return time.perf_counter() - started


def _xlsxwriter(conn: sqlite3.Connection, ids: list[int], out: Path) -> float:
    import xlsxwriter

    started = time.perf_counter()
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    ws = book.add_worksheet()
    r = 0
    for start in range(0, len(ids), 2000):
        listed = ", ".join(str(i) for i in ids[start : start + 2000])
        for row in conn.execute(f"SELECT {COLUMNS} FROM work_order WHERE id IN ({listed})"):
            ws.write_row(r, 0, row)
            r += 1
    book.close()
    return time.perf_counter() - started


def run(ctx: Context) -> list[Figure]:
    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    db = Database.open(f"sqlite:///{path}")
    out = ctx.workdir / "export.xlsx"
    ids = ReportService(db, lambda: datetime.now(UTC)).order_ids_behind(
        PERIOD, FigureKey.ORDERS_CREATED, limit=ROWS
    )
    if len(ids) < ROWS:
        raise RuntimeError(f"only {len(ids)} orders in {PERIOD}: a bigger database is needed")
    ours = [_ours(db, out) for _ in range(RUNS)]
    db.dispose()
    size = out.stat().st_size
    conn = sqlite3.connect(path)
    floor = [_floor(conn, ids, ctx.workdir / "floor.xlsx") for _ in range(RUNS)]
    reference = _xlsxwriter(conn, ids, ctx.workdir / "xlsxwriter.xlsx")
    conn.close()
    print(
        f"export_rows: {ROWS:,} orders, {size / 1e6:.1f} MB workbook; runs {ours!r}, floor "
        f"{floor!r}; XlsxWriter write_row alone {reference:.1f} s",
        file=sys.stderr,
    )
    return [
        time_figure("export_100k_rows_s", "s", statistics.median(ours), statistics.median(floor))
    ]
