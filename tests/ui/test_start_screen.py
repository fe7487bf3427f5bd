"""The start screen (issue 18): the console's first window paints before the persistence stack is
imported; a start that fails after that paint is said in the same words on stderr and on the
screen, with no traceback; a database not there yet is waited for, with a countdown."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from console.app_open import open_databases
from console.services.journal import is_outage
from console.store.setup import init_db
from console.ui.start_screen import StartScreen
from tests.pg import Cluster, PgUnavailable

ROOT = Path(__file__).resolve().parents[2]
NOBODY = "postgresql+psycopg://app@127.0.0.1:9/console"  # nothing listens on port 9
HEAVY = (
    "sqlalchemy", "sqlmodel", "alembic", "psycopg", "qasync", "apscheduler", "console.store",
    "console.services.orders", "console.app_compose", "console.app_platform",
    "console.ui.main_window",
)  # fmt: skip

# A fresh console process, started as `python -m console` starts it, that says which of HEAVY
# were imported when the start screen had painted, and again when the window was up.
SPY = f"""
import sys
import console.app as app
HEAVY = {HEAVY!r}
shown = app.show_painted
def spy(widget, *args):
    at = shown(widget, *args)
    print("at paint:", at is not None, sorted(m for m in HEAVY if m in sys.modules), flush=True)
    return at
app.show_painted = spy
from console.ui.start_screen import StartScreen
from tests.pg import Cluster, PgUnavailable
from PySide6.QtCore import QTimer
said = StartScreen.show_failure
def show_failure(self, lines):
    said(self, lines)
    print("screen:", self.status.text().replace(chr(10), " | "), flush=True)
    QTimer.singleShot(0, self.close)  # the user reads it and closes it
StartScreen.show_failure = show_failure
from console.__main__ import main
code = main(sys.argv[1:])
print("at exit:", sorted(m for m in HEAVY if m in sys.modules), flush=True)
sys.exit(code)
"""


# As a seat starts (no --smoke): which windows show once the loop runs; then it quits.
SEATED = """
import sys
import console.app_loop as loop
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
run = loop.run_loop
def run_loop(app, *args, **kwargs):
    def look():
        shown = [w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()]
        print("visible:", sorted(shown), flush=True)
        app.exit(0)
    QTimer.singleShot(0, look)
    return run(app, *args, **kwargs)
loop.run_loop = run_loop
from console.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def run_spied(*args: str, spy: str = SPY) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONSOLE_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-c", spy, *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def said(result: subprocess.CompletedProcess[str], prefix: str) -> str:
    (line,) = [x for x in result.stdout.splitlines() if x.startswith(prefix)]
    return line.removeprefix(prefix).strip()


@pytest.mark.slow
def test_the_first_paint_comes_before_the_persistence_stack_is_imported(tmp_path: Path) -> None:
    result = run_spied("--db", f"sqlite:///{tmp_path / 'first.sqlite3'}", "--smoke")
    assert result.returncode == 0, result.stderr
    assert said(result, "at paint:") == "True []"
    # The same process went on to open the database and show the seat's window.
    assert "sqlalchemy" in said(result, "at exit:") and "console.ui.main_window" in result.stdout
    assert "data_ms=" in result.stdout


@pytest.mark.slow
def test_a_failure_after_the_paint_is_said_on_stderr_and_on_the_start_screen(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'newer.sqlite3'}"
    db, _ = init_db(url)
    with db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    db.dispose()
    result = run_spied("--db", url)  # as a seat starts: not --smoke
    assert result.returncode == 2
    assert said(result, "at paint:").startswith("True")  # it failed after the start screen
    (line,) = [x for x in result.stderr.splitlines() if "ffffffffffff" in x]
    assert line.startswith("linkage-console: The database was upgraded by a newer console")
    assert said(result, "screen:") == line.removeprefix("linkage-console: ")
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_an_unreachable_database_is_said_after_the_paint_without_its_password() -> None:
    result = run_spied("--db", "postgresql+psycopg://app:secret@127.0.0.1:9/console", "--smoke")
    assert result.returncode == 2
    assert said(result, "at paint:").startswith("True")
    assert "127.0.0.1" in result.stderr and "secret" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr and "first_paint_ms" not in result.stdout


@pytest.mark.slow
def test_the_sign_in_screen_takes_the_start_screens_place(tmp_path: Path) -> None:
    result = run_spied("--db", f"sqlite:///{tmp_path / 'seat.sqlite3'}", spy=SEATED)
    assert result.returncode == 0, result.stderr
    assert said(result, "visible:") == "['signInScreen']"


def test_the_start_screen_says_why_the_console_cannot_start_and_closes_on_esc(
    qtbot: QtBot,
) -> None:
    screen = StartScreen(busy_after_ms=50)
    qtbot.addWidget(screen)
    with qtbot.waitExposed(screen):
        screen.show()
    assert screen.status.text() == "Connecting to the database…"
    qtbot.waitUntil(lambda: screen.busy.maximum() == 0)  # busy: how long is not known
    screen.show_failure(["Business calendar: site_calendar.toml:4: belongs to 2028"])
    assert screen.status.text() == "Business calendar: site_calendar.toml:4: belongs to 2028"
    assert screen.close_button.isDefault() and "Esc" in screen.close_button.text()
    assert screen.busy.maximum() == 1  # stopped
    with qtbot.waitSignal(screen.closed):
        qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.isVisible()


@pytest.mark.usefixtures("chinese")
def test_the_start_screen_speaks_chinese(qtbot: QtBot) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    assert screen.status.text() == "正在连接数据库…"
    assert screen.windowTitle() == "12345 ⇄ 110 联动坐席台"


@pytest.mark.postgres
def test_a_database_not_there_at_start_is_waited_for_with_a_countdown(qtbot: QtBot) -> None:
    cluster = Cluster()
    try:
        cluster.start()
    except PgUnavailable as exc:
        pytest.skip(f"PostgreSQL is not installed here: {exc}")
    try:
        cluster.crash()  # the server is down when the seat starts
        screen = StartScreen()
        qtbot.addWidget(screen)
        screen.show()
        seen: list[str] = [screen.status.text()]  # what it says before the first try fails

        def watch() -> None:
            seen.append(screen.status.text())
            if "Trying again" in seen[-1] and not any("Trying again" in t for t in seen[:-1]):
                cluster.run_server()  # back: the next try opens it

        timer = QTimer(interval=20)
        timer.timeout.connect(watch)
        timer.start()
        opened = open_databases([cluster.url()], screen, retry=True, retry_s=(1.0,))
        timer.stop()
        assert opened is not None
        opened.take(0).dispose()  # opened once it answered, no error said
        assert seen[0] == "Connecting to the database…"
        waiting = "⚠ The database cannot be reached. Trying again in 1 s…"
        assert any(t.startswith(waiting) for t in seen)
        assert screen.status.text() == "Connecting to the database…"
    finally:
        cluster.stop()


def test_closing_the_start_screen_while_it_waits_gives_up(qtbot: QtBot) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.show()
    QTimer.singleShot(500, screen.close)  # the agent closes it (Esc) during the countdown
    assert open_databases([NOBODY], screen, retry=True, retry_s=(60.0,)) is None


def test_without_retry_an_unreachable_database_is_handed_back_at_once(qtbot: QtBot) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    opened = open_databases([NOBODY], screen)  # a smoke run, a script: no waiting
    assert opened is not None
    with pytest.raises(Exception) as failed:
        opened.take(0)
    assert is_outage(failed.value)


@pytest.mark.usefixtures("chinese")
def test_the_countdown_speaks_chinese(qtbot: QtBot) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.show_retrying(12)
    assert screen.status.text().startswith("⚠ 数据库无法连接，12 秒后重试")


def test_the_busy_bar_stays_still_for_a_start_of_about_a_second(qtbot: QtBot) -> None:
    screen = StartScreen()  # the default delay
    qtbot.addWidget(screen)
    with qtbot.waitExposed(screen):
        screen.show()
    assert screen.busy.maximum() == 1 and screen.busy.isVisible()  # there, not moving yet
    qtbot.waitUntil(lambda: screen.busy.maximum() == 0, timeout=5_000)  # then it moves
