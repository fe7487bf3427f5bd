"""The main window, its history model and status bar, the translations, and run_gui's smoke run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from console.domain.intake import Draft
from console.domain.orders import Platform, Status
from console.services.order_reads import OrderReads
from console.services.orders import OrderService
from console.settings import safe_url
from console.store.engine import Database
from console.store.orders import OrderSummary
from console.store.seed import catalogue
from console.store.setup import init_db
from console.ui.history_model import HistoryModel
from console.ui.main_window import MainWindow
from console.ui.operations import Operations
from console.ui.status_bar import StatusBar
from tests.principals import at_seat

ROOT = Path(__file__).resolve().parents[2]
HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def draft(phone: str, description: str = "楼下烧烤店夜间噪音扰民") -> Draft:
    return Draft(
        caller_phone=phone,
        caller_name="张三",
        kind="C-TS",
        field="F-SH",
        district="210102",
        address="中山路1号",
        description=description,
        consent=True,
    )


@pytest.fixture
def ops(qapp: QApplication) -> Iterator[Operations]:
    made = Operations("test-window")
    yield made
    made.shutdown()


def make_window(db: Database, ops: Operations, url: str = "sqlite:///db.sqlite3") -> MainWindow:
    with db.read() as session:
        kinds, _, _ = catalogue(session)
    status = StatusBar(seat="A-01", platform=Platform.HOTLINE, agent="王丽", db_url=url)
    return MainWindow(
        OrderReads(OrderService(db, Clock()), at_seat("王丽", "A-01", Platform.HOTLINE)),
        ops=ops,
        kind_names={k.code: k.name_zh for k in kinds},
        status=status,
    )


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, ops: Operations) -> MainWindow:
    win = make_window(sqlite_db, ops)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_window_opens_with_title_and_sizes(window: MainWindow) -> None:
    assert window.windowTitle() == "12345 ⇄ 110 linkage seat console"
    assert (window.width(), window.height()) == (1280, 800)
    assert (window.minimumWidth(), window.minimumHeight()) == (940, 640)  # half of 1920×1080


def test_lookup_shows_callers_orders_newest_first(
    qtbot: QtBot, sqlite_db: Database, window: MainWindow
) -> None:
    service = OrderService(sqlite_db, Clock())
    first = service.create(draft("13812345678", "第一次来电"), HOTLINE)
    service.create(draft("13900001111"), HOTLINE)  # someone else
    second = service.create(draft("13812345678", "第二次来电\n夜间仍有噪音"), HOTLINE)

    QTest.keyClicks(window.phone, "138 1234 5678")
    with qtbot.waitSignal(window.history_shown, timeout=5000) as shown:
        QTest.keyClick(window.phone, Qt.Key.Key_Return)
    assert shown.args == ["138 1234 5678", 2]

    model = window.model
    cells = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert [row[0] for row in cells] == [second.order.number, first.order.number]
    assert cells[0][1] == "2026-11-26 09:33"  # the third order the clock stamped, China time
    assert cells[0][2] == "投诉"  # C-TS through the catalogue
    assert cells[0][3] == "Received"
    assert cells[0][4] == "12345 hotline"
    assert cells[0][5] == "第二次来电 夜间仍有噪音"
    assert window.result_label.text() == "2 order(s) from 138 1234 5678, newest first."


def test_unknown_caller_and_bad_number(qtbot: QtBot, window: MainWindow) -> None:
    window.phone.setText("024-2345 6789")
    with qtbot.waitSignal(window.history_shown, timeout=5000) as shown:
        window.look_up()
    assert shown.args == ["024-2345 6789", 0]
    assert window.model.rowCount() == 0

    window.phone.setText("1234")  # 12345 is a service number (a caller id); 1234 is nothing
    with qtbot.assertNotEmitted(window.history_shown, wait=100):
        window.look_up()
    assert "1234" in window.result_label.text()


def summary(n: int, status: Status, description: str = "说明") -> OrderSummary:
    at = datetime(2026, 11, 26, 17, 5, tzinfo=UTC) - timedelta(hours=n)
    return OrderSummary(
        n, f"12345-20261126-{n:06d}", at, "C-TS", status, Platform.POLICE, description
    )


def test_history_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = HistoryModel({"C-TS": "投诉"})
    model.set_rows([summary(n, s, "很长的说明" * 30) for n, s in enumerate(Status, start=1)])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, HistoryModel.CREATED).data() == "2026-11-27 00:05"  # past midnight
    assert model.index(0, HistoryModel.OWNER).data() == "110 police"
    assert len(model.index(0, HistoryModel.DESCRIPTION).data()) == 60
    names = {model.status_name(s) for s in Status}
    assert len(names) == len(Status) and all(names)
    model.set_rows([])
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def status_texts(bar: StatusBar) -> str:
    labels = [bar.seat_label, bar.platform_label, bar.agent_label, bar.database_label]
    return " | ".join([lbl.text() for lbl in labels] + [lbl.toolTip() for lbl in labels])


def test_status_bar_shows_seat_and_platform_never_a_password(qtbot: QtBot) -> None:
    bar = StatusBar(
        seat="J-07",
        platform=Platform.POLICE,
        agent="李强",
        db_url="postgresql+psycopg://app:secret@db.example/console",
    )
    qtbot.addWidget(bar)
    shown = status_texts(bar)
    assert "J-07" in shown and "110" in shown and "李强" in shown
    assert "db.example" in bar.database_label.text()
    assert "secret" not in shown
    assert safe_url("postgresql+psycopg://app:secret@h/db") == "postgresql+psycopg://app:***@h/db"
    bar.set_order_count(42)
    assert "42" in bar.orders_label.text()
    bar.tick(datetime(2026, 11, 26, 23, 59, 58, tzinfo=UTC))
    assert bar.clock_label.text() == "2026-11-27 07:59:58"


def test_status_bar_shows_only_the_sqlite_file_name(qtbot: QtBot) -> None:
    bar = StatusBar(
        seat="A-01", platform=Platform.HOTLINE, agent="王丽", db_url="sqlite:////home/wang/c.db"
    )
    qtbot.addWidget(bar)
    assert bar.database_label.text().endswith("c.db")
    assert "/home/wang" not in bar.database_label.text()


def test_ctrl_f_focuses_the_lookup(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    QTest.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.phone.hasFocus)
    QTest.keyClick(window.phone, Qt.Key.Key_Tab)
    qtbot.waitUntil(window.lookup_button.hasFocus)
    QTest.keyClick(window.lookup_button, Qt.Key.Key_Tab)
    qtbot.waitUntil(window.table.hasFocus)


@pytest.mark.usefixtures("chinese")
def test_chinese_translation_loads(qtbot: QtBot, sqlite_db: Database, ops: Operations) -> None:
    win = make_window(sqlite_db, ops)
    qtbot.addWidget(win)
    assert win.windowTitle() == "12345 ⇄ 110 联动坐席台"
    assert win.model.headerData(0, Qt.Orientation.Horizontal) == "工单编号"
    assert win.model.status_name(Status.SIGNED_FOR) == "已签收"
    assert win.status.seat_label.text() == "坐席：A-01"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own


def run_console(url: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys, time; t = time.perf_counter()\n"
        "from console.app import run_gui\n"
        "from console.config import load_settings\n"
        f"sys.exit(run_gui(load_settings({{'db': {url!r}}}, {{}}), smoke=True, started_at=t))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.slow
def test_run_gui_smoke_paints_ticks_and_exits(tmp_path: Path) -> None:
    result = run_console(f"sqlite:///{tmp_path / 'smoke.sqlite3'}")
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    shape = (
        r"first_paint_ms=(\d+\.\d) data_ms=(\d+\.\d) orders=0 db=sqlite:///\S+smoke\.sqlite3"
        r" data_cpu_ms=(\d+\.\d)"
    )
    match = re.fullmatch(shape, line)
    assert match, line
    assert 0 < float(match.group(1)) < float(match.group(2)) < 30_000  # the start screen first
    assert 0 < float(match.group(3)) < 30_000  # the process's CPU time by then
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_run_gui_refuses_a_newer_schema_without_a_traceback(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.sqlite3'}"
    db, _ = init_db(url)
    with db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    db.dispose()
    result = run_console(url)
    assert result.returncode == 2
    assert "ffffffffffff" in result.stderr
    assert "Traceback" not in result.stderr
    assert "first_paint_ms" not in result.stdout


@pytest.mark.slow
def test_run_gui_reports_an_unreachable_database_without_its_password() -> None:
    result = run_console("postgresql+psycopg://app:secret@127.0.0.1:9/console")
    assert result.returncode == 2
    assert "127.0.0.1" in result.stderr
    assert "secret" not in result.stderr
    assert "Traceback" not in result.stderr


def test_status_bar_shows_a_lost_database(qtbot: QtBot) -> None:
    status = StatusBar(
        seat="A-01", platform=Platform.HOTLINE, agent="王丽", db_url="sqlite:///x.sqlite3"
    )
    qtbot.addWidget(status)
    status.set_connected(False)
    assert status.connection_label.text() == "Database unreachable"
    status.set_connected(True)
    assert status.connection_label.text() == "Connected"


@pytest.mark.slow
def test_the_collector_rests_during_the_start_and_the_start_objects_are_frozen(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'gc.sqlite3'}"
    code = (
        "import gc, sys\n"
        "import console.app_loop as loop\n"
        "from console.app import run_gui\n"
        "from console.config import load_settings\n"
        "seen = []\n"
        "settle = loop.settle_memory\n"
        "def watched():\n"
        "    before = gc.isenabled()\n"
        "    settle()\n"
        "    seen.append((before, gc.isenabled(), gc.get_freeze_count() > 10_000))\n"
        "loop.settle_memory = watched\n"
        f"code = run_gui(load_settings({{'db': {url!r}}}, {{}}), smoke=True)\n"
        "print('seen', seen[0], 'after', gc.isenabled(), gc.get_freeze_count(), 'code', code)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    # Off until the data was on screen, then on with the start's objects frozen; and a process
    # that goes on after run_gui (the tests) has its collector as before: on, nothing frozen.
    assert "seen (False, True, True) after True 0 code 0" in done.stdout, done.stdout
