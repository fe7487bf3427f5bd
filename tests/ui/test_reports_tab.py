"""The reports tab against the in-memory report service (tests/ui/report_doubles.py): who gets
it, the figures and charts it shows, a stale answer dropped, a figure opening its orders (and an
order opening in the main window), the Excel export's progress and cancel, the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from console.domain.catalogue import District, parse_districts
from console.domain.orders import Platform
from console.domain.roles import Principal
from console.services.report_views import FigureKey
from console.ui.operations import Operations
from console.ui.reports import ReportsTab, reports_tab
from console.ui.reports.page import TOP_BARS
from tests.principals import admin, at_seat, auditor, lead
from tests.ui.ops_doubles import HeldOperations, InlineOperations
from tests.ui.report_doubles import NOV, FakeReports, window_with

SEED = Path(__file__).resolve().parents[2] / "db" / "seed" / "districts.csv"
LEAD = lead("张班长", "A-09", Platform.HOTLINE).principal
pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("chinese"),  # the lead reads Chinese: the tests do too
]


@pytest.fixture
def districts() -> list[District]:
    return parse_districts(SEED.read_text(encoding="utf-8"))


def make(
    qtbot: QtBot, fake: FakeReports, districts: list[District], ops: Operations | None = None,
    principal: Principal = LEAD, show: bool = True,
) -> ReportsTab:  # fmt: skip
    tab = reports_tab(fake, principal=principal, ops=ops or InlineOperations(),
                      today=lambda: date(2026, 11, 20), districts=districts, chinese=True)  # fmt: skip
    assert tab is not None
    qtbot.addWidget(tab)
    tab.filters.set_period("month", NOV.start)
    tab.resize(1366, 700)
    if show:
        tab.show()
        qtbot.waitUntil(lambda: tab.report is not None)
    return tab


def test_shift_leads_and_administrators_get_the_tab_agents_and_auditors_do_not(
    qtbot: QtBot, districts: list[District]
) -> None:
    ops = InlineOperations()
    for who, gets in ((LEAD, True), (lead("李", "P-01", Platform.POLICE).principal, True),
                      (admin().principal, True), (auditor().principal, False),
                      (at_seat("王丽", "A-01", Platform.HOTLINE).principal, False),
                      (at_seat("赵", "P-02", Platform.POLICE).principal, False)):  # fmt: skip
        tab = reports_tab(FakeReports(), principal=who, ops=ops, today=lambda: NOV.start,
                          districts=districts, chinese=True)  # fmt: skip
        assert (tab is not None) is gets, who.login
        if tab is not None:
            tab.deleteLater()


def test_nothing_is_read_and_no_chart_library_loaded_until_the_tab_is_shown(
    qtbot: QtBot, districts: list[District]
) -> None:
    fake = FakeReports()
    tab = make(qtbot, fake, districts, show=False)
    assert fake.asked == [] and tab.page.charts is None
    tab.show()
    qtbot.waitUntil(lambda: tab.report is not None)
    assert fake.asked == [(NOV, None, None)]
    assert tab.page.charts is not None


def test_the_figures_are_on_the_page_as_tiles_and_tables(
    qtbot: QtBot, districts: list[District]
) -> None:
    tab = make(qtbot, FakeReports(), districts)
    report = tab.report
    assert report is not None
    values = {t.headline.name: t.headline.value for t in tab.page.tiles if t.headline}
    assert values["呼入量"] == "14,212"
    assert values["15秒接通率"] == "83.8 %"  # 11,904 / 14,212
    assert values["平均处理时长"] == "4 分 11 秒"
    district = tab.page.cards["by_district"]
    assert district.title.text() == "按区县"
    assert district.model.rowCount() == len(report.by_district)
    assert district.model.index(0, 1).data() == "铁西区"
    assert district.model.index(0, 2).data() == "1,843"
    assert district.view.isColumnHidden(0)  # the code: the name says it (Excel has both)
    dispatches = tab.page.cards["dispatches"].model
    assert dispatches.headerData(5, Qt.Orientation.Horizontal) == "按时反馈率"
    assert dispatches.index(0, 5).data() == "89.0 %"  # 981 / 1,102
    assert "2026-11-01 – 2026-11-30" in tab.page.heading.text()
    # 并单 and the knowledge base (issue 16): 9,113 callers on 8,841 orders
    assert values["每单来电人数"] == "1.03" and values["并单"] == "268"
    notes = {t.headline.name: t.headline.note for t in tab.page.tiles if t.headline}
    assert notes["每单来电人数"] == "241 件有2位及以上来电人" and notes["并单"] == "拆单 4 件"
    knowledge = tab.page.cards["knowledge"]
    assert knowledge.title.text() == "按知识库文章" and knowledge.model.index(0, 1).data() == (
        "冬季供暖室温标准"
    )
    assert tab.page.cards["callers"].title.text() == "每单来电人数"


def test_the_charts_are_drawn_with_their_values(qtbot: QtBot, districts: list[District]) -> None:
    tab = make(qtbot, FakeReports(), districts)
    trend = tab.page.cards["trend"].chart
    series = trend.chart().series()
    assert [s.name() for s in series] == ["受理", "办结"]
    assert series[0].count() == 30
    assert series[0].pen().style() != series[1].pen().style()  # not colour alone
    bars = tab.page.cards["by_district"].chart.chart().series()[0]
    assert bars.isLabelsVisible()
    assert bars.barSets()[0].count() == TOP_BARS  # the 12 largest; the table lists all 14
    shares = tab.page.cards["three_way"].chart.chart().axes(Qt.Orientation.Vertical)[0]
    assert "12345受理  54.2 %" in shares.categories()  # the share written, not only drawn
    assert tab.page.cards["first_contact"].model.index(0, 1).data() == "先行受理"  # named here
    image = trend.grab().toImage()
    assert not image.isNull() and image.pixelColor(image.width() // 2, 5).isValid()


def test_a_newer_ask_wins_over_an_older_answer(qtbot: QtBot, districts: list[District]) -> None:
    ops = HeldOperations()
    fake = FakeReports()
    tab = make(qtbot, fake, districts, ops=ops, show=False)
    tab.show()  # asks for November
    tab.filters.set_period("day", date(2026, 11, 18))
    tab.refresh()  # asks for the 18th
    assert len(ops.asks) == 2
    newer = ops.asks.pop(1)
    with qtbot.waitSignal(tab.loaded):  # the cards are built one per turn of the event loop
        newer[1](newer[0]())  # type: ignore[misc]
    ops.answer()  # November's answer arrives last: dropped
    QApplication.processEvents()
    assert tab.report is not None and tab.report.period.start == tab.report.period.end
    assert tab.page.heading.text().endswith("2026-11-18")


def test_a_failed_read_is_said(qtbot: QtBot, districts: list[District]) -> None:
    fake = FakeReports()
    fake.error = RuntimeError("database gone")
    tab = make(qtbot, fake, districts, show=False)
    tab.show()
    assert "database gone" in tab.message.text()


def test_a_row_a_bar_and_a_tile_open_the_orders_behind_them(
    qtbot: QtBot, districts: list[District]
) -> None:
    fake = FakeReports()
    tab = make(qtbot, fake, districts)
    district = tab.page.cards["by_district"]
    district.view.activated.emit(district.model.index(0, 2))
    assert fake.behind[-1] == (FigureKey.BY_DISTRICT, "210106")
    assert tab.dialog is not None and tab.dialog.model.rowCount() == 3
    assert "铁西区" in tab.dialog.windowTitle()
    trend = tab.page.cards["trend"]
    trend.view.activated.emit(trend.model.index(2, 2))  # the 3rd's completed count
    assert fake.behind[-1] == (FigureKey.TREND_COMPLETED, "2026-11-03")
    tab.page.cards["dispatches"].chart.picked.emit(1, 0)  # the largest department, on time
    assert fake.behind[-1] == (FigureKey.DISPATCHES_ON_TIME, "210100-HEAT")
    tile = next(t for t in tab.page.tiles if t.headline and t.headline.figure)
    QTest.keyClick(tile, Qt.Key.Key_Return)
    assert fake.behind[-1] == (FigureKey.ORDERS_CREATED, None)
    assert tab.dialog.model.rowCount() == 5


def test_enter_on_an_order_opens_it_in_the_main_window(
    qtbot: QtBot, districts: list[District]
) -> None:
    tab = make(qtbot, FakeReports(), districts, show=False)
    window, opened = window_with(tab)
    qtbot.addWidget(window)
    window.show()
    window.show_reports()  # Ctrl+Shift+B
    qtbot.waitUntil(lambda: tab.report is not None)
    assert (
        window.tabs.currentWidget() is window.reports_page and window.reports_page.widget() is tab
    )
    tab.page.cards["by_district"].chart.picked.emit(0, 1)  # 大东区's bar
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.list.hasFocus())
    QTest.keyClick(dialog.list, Qt.Key.Key_Down)
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    assert opened == ["20261101000002"]
    assert not dialog.isVisible()


def test_the_excel_export_shows_progress_and_leaves_the_file(
    qtbot: QtBot, districts: list[District], tmp_path: Path
) -> None:
    fake = FakeReports(rows=40)
    tab = make(qtbot, fake, districts)
    seen: list[tuple[int, int]] = []
    fake.on_row = lambda done: seen.append((tab.export.dialog.value(), tab.export.dialog.maximum()))  # type: ignore[union-attr]
    with qtbot.waitSignal(tab.exported) as said:
        tab.export_excel(tmp_path / "november.xlsx")
    assert seen[0] == (1, 40) and seen[-1] == (40, 40)
    assert (tmp_path / "november.xlsx").exists()
    assert "november.xlsx" in said.args[0]
    assert tab.export is None  # done: a new export may start


def test_a_cancelled_export_stops_and_writes_nothing(
    qtbot: QtBot, districts: list[District], tmp_path: Path
) -> None:
    fake = FakeReports(rows=40)
    tab = make(qtbot, fake, districts)

    def click_cancel(done: int) -> None:
        if done == 10:
            assert tab.export is not None
            tab.export.dialog.findChild(QPushButton).click()  # the lead's Cancel

    fake.on_row = click_cancel
    with qtbot.waitSignal(tab.exported) as said:
        tab.export_excel(tmp_path / "november.xlsx")
    assert said.args[0] == "已取消导出，未生成文件。"
    assert not (tmp_path / "november.xlsx").exists()


def test_the_orders_behind_a_figure_go_to_excel_from_their_list(
    qtbot: QtBot, districts: list[District], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeReports(rows=5)
    tab = make(qtbot, fake, districts)
    monkeypatch.setattr(tab, "_ask_path", lambda *_: tmp_path / "tiexi.xlsx")
    district = tab.page.cards["by_district"]
    district.view.activated.emit(district.model.index(0, 2))
    assert tab.dialog is not None
    with qtbot.waitSignal(tab.exported) as said:
        tab.dialog.export_button.click()
    assert fake.behind[-1] == (FigureKey.BY_DISTRICT, "210106")
    assert (tmp_path / "tiexi.xlsx").exists() and "tiexi.xlsx" in said.args[0]
    assert not tab.dialog.isVisible()


def test_the_export_runs_off_the_ui_thread_and_the_window_keeps_going(
    qtbot: QtBot, districts: list[District], tmp_path: Path
) -> None:
    import threading

    ops = Operations("reports-test")
    try:
        fake = FakeReports(rows=200)
        tab = make(qtbot, fake, districts, ops=ops)
        threads: set[int] = set()
        fake.on_row = lambda done: threads.add(threading.get_ident())
        with qtbot.waitSignal(tab.exported, timeout=10_000):
            tab.export_excel(tmp_path / "threaded.xlsx")
        assert threads and threading.get_ident() not in threads
        assert (tmp_path / "threaded.xlsx").exists()
    finally:
        ops.shutdown()


def test_the_page_prints_to_pdf_with_its_charts(
    qtbot: QtBot, districts: list[District], tmp_path: Path
) -> None:
    tab = make(qtbot, FakeReports(), districts)
    path = tmp_path / "november.pdf"
    with qtbot.waitSignal(tab.exported) as said:
        tab.save_pdf(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    assert data.count(b"/Type /Page\n") + data.count(b"/Type/Page\n") >= 2 or b"/Count" in data
    assert "november.pdf" in said.args[0]


def test_every_key_of_the_tab_is_declared_and_live_once(
    qtbot: QtBot, districts: list[District]
) -> None:
    from tests.ui.test_keys import check

    tab = make(qtbot, FakeReports(), districts)
    tab.filters.set_period("custom", NOV.start, NOV.end)  # the "to" field shows too
    QApplication.processEvents()
    check(tab, "reports tab, a custom period")
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    QTest.keyClick(tab, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert tab.page.tiles[5].hasFocus()  # the first tile with orders behind it


LAZY = """
import sys
from datetime import date
from PySide6.QtWidgets import QApplication
from console.ui.main_window import MainWindow  # the window knows the tab's class
from console.ui.reports import reports_tab
from tests.principals import lead
from tests.ui.ops_doubles import InlineOperations
from tests.ui.report_doubles import FakeReports
from console.domain.orders import Platform

app = QApplication([])
tab = reports_tab(FakeReports(), principal=lead("x", "A-1", Platform.HOTLINE).principal,
                  ops=InlineOperations(), today=lambda: date(2026, 11, 1), districts=[],
                  chinese=False)
print("before", "PySide6.QtCharts" in sys.modules)
tab.show()
import time  # loaded in a turn of its own after the show: wait for it (or 10 s)
deadline = time.monotonic() + 10
while "PySide6.QtCharts" not in sys.modules and time.monotonic() < deadline:
    app.processEvents()
print("after", "PySide6.QtCharts" in sys.modules)
"""


def test_start_up_never_loads_the_charts_library() -> None:
    """A fresh process: the window and the tab built, QtCharts not imported until shown."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", LAZY], env=env, cwd=root, capture_output=True,
                         text=True, timeout=120, check=True).stdout.split("\n")  # fmt: skip
    assert out[:2] == ["before False", "after True"]


def test_a_code_the_console_declares_is_named_here_a_catalogue_row_by_the_service(
    qtbot: QtBot,
) -> None:
    from console.ui.reports.words import code_names, label_of

    names = code_names()
    assert label_of(names, "overdue", "feedback", "feedback") not in ("feedback", "")
    assert label_of(names, "three_way", "first_contact", "first_contact").startswith("首接负责")
    assert label_of(names, "by_district", "210106", "铁西区") == "铁西区"
    assert label_of(names, "by_field", "", "") == "（未分类）"
    assert label_of(names, "by_kind", "X-1", "X-1") == "X-1"  # unknown to the catalogue: as is


def pdf_text(path: Path) -> tuple[int, str]:
    """The PDF's page count and its text (read back with QtPdf)."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = document.pageCount()
    text = "\n".join(document.getAllText(p).text() for p in range(pages))
    document.close()
    return pages, text


def test_the_pdf_prints_every_row_of_a_long_table_on_as_many_pages_as_it_needs(
    qtbot: QtBot, districts: list[District], tmp_path: Path
) -> None:
    tab = make(qtbot, FakeReports(), districts)
    month = tmp_path / "month.pdf"
    tab.save_pdf(month)
    pages, text = pdf_text(month)
    # the 13th and 14th districts and departments: past the dozen a card shows and the chart's bars
    for name in ("法库县", "沈阳市", "沈阳市卫生健康委员会", "2026-11-30"):
        assert name in text.replace(" ", ""), name
    with qtbot.waitSignal(tab.loaded):
        tab.filters.set_period("custom", date(2026, 1, 1), date(2026, 11, 30))
    year = tmp_path / "year.pdf"
    tab.save_pdf(year)
    year_pages, year_text = pdf_text(year)
    assert year_pages >= pages + 5  # 334 days of the trend, about 40 rows a sheet
    flat = year_text.replace(" ", "")
    for day in ("2026-01-01", "2026-06-15", "2026-11-30"):
        assert day in flat, day
    assert "（续）" in flat or "(continued)" in flat  # the header again on the next sheet
