"""The streaming workbook writer, read back with openpyxl: text as written (markup characters
escaped, control characters dropped, spaces kept), numbers, booleans and dates typed, blanks
left blank, sheet names made valid and unique; and the export's fast paths agree with the slow
ones they stand in for (China time, phone masking)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from console.domain.phone import mask_phone
from console.services.report_export import _china_serial, _local, masked_phone
from console.services.report_xlsx import DATE, DATETIME, PLAIN, SHARE, Workbook, serial


def test_values_come_back_typed_and_text_as_written(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    book = Workbook(path)
    wide = [f"列{i}" for i in range(30)]  # past Z: AA…AD
    sheet = book.sheet("a/b[c]:*?", wide)
    tricky = "  <b>A&B</b> > 1\x01\x0bend  "
    sheet.row([tricky, 42, 2.5, True, None, date(2026, 11, 26),
               datetime(2026, 11, 26, 9, 30, 15), *range(23)],
              [PLAIN, PLAIN, SHARE, PLAIN, PLAIN, DATE, DATETIME] + [PLAIN] * 23)  # fmt: skip
    sheet.row(["普通文本", -7, 1e-9, False])
    book.sheet("a_b_c____", ["x"]).row(["second"])  # the same name once made valid
    book.close()
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["a_b_c____", "a_b_c____~2"]
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == wide and ws.cell(1, 1).font.b
    first = rows[1]
    assert first[0] == "  <b>A&B</b> > 1end  "
    assert first[1:5] == (42, 2.5, True, None)
    assert first[5] == datetime(2026, 11, 26) and ws.cell(2, 6).number_format == "yyyy-mm-dd"
    assert abs(first[6] - datetime(2026, 11, 26, 9, 30, 15)) < timedelta(milliseconds=1)
    assert ws.cell(2, 7).number_format == "yyyy-mm-dd hh:mm:ss"
    assert first[29] == 22 and ws.cell(2, 30).column_letter == "AD"
    assert rows[2][:4] == ("普通文本", -7, 1e-9, False)
    assert ws.freeze_panes == "A2"
    assert list(wb.worksheets[1].iter_rows(values_only=True)) == [("x",), ("second",)]


@pytest.mark.parametrize(
    "at",
    [
        "2026-11-26 16:30:00.250000",  # SQLite: naive UTC text
        datetime(2026, 11, 26, 16, 30, tzinfo=UTC),  # PostgreSQL: aware
        datetime(1988, 7, 1, 3, 0, tzinfo=UTC),  # China kept summer time then (UTC+9)
        "2026-12-31 20:00:00",  # the next day in China
    ],
)
def test_the_china_serial_is_the_serial_of_china_time(at: datetime | str) -> None:
    local = _local(at)
    assert local is not None
    assert _china_serial(at) == pytest.approx(serial(local), abs=1e-9)


@pytest.mark.parametrize(
    "phone",
    ["13812345678", "19900001111", "02412345678", "12345", "4008123456", "88886666",
     "~" + "a" * 32, "anonymous", "12812345678", "1381234567x"],
)  # fmt: skip
def test_the_quick_mask_is_mask_phone(phone: str) -> None:
    assert masked_phone(phone) == mask_phone(phone)
