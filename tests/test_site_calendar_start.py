"""A mistake in the site calendar file stops the console and demo-data at start-up with one clear
line naming the file and line (exit code 2, no traceback), as the deadline policy does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = (
    '# site calendar\n[years.2027]\nsource = "x"\nholidays = [{date = 2028-01-01, name = "元旦"}]\n'
)


def run_with_calendar(site_file: Path, command: str) -> subprocess.CompletedProcess[str]:
    """``command`` in a fresh interpreter whose shipped site calendar is ``site_file``."""
    code = (
        "import sys, pathlib\n"
        "import console.domain.calendar as calendar\n"
        f"calendar.site_calendar_path = lambda: pathlib.Path({str(site_file)!r})\n"
        f"{command}\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def assert_one_clear_line(result: subprocess.CompletedProcess[str], site_file: Path) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = [x for x in result.stderr.splitlines() if str(site_file) in x]
    assert f"{site_file}:4: [years.2027]" in line and "belongs to 2028, not 2027" in line


@pytest.mark.slow
def test_the_console_refuses_to_start(tmp_path: Path) -> None:
    site_file = tmp_path / "site_calendar.toml"
    site_file.write_text(BAD, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    result = run_with_calendar(
        site_file,
        "from console.app import run_gui\n"
        "from console.config import load_settings\n"
        f"sys.exit(run_gui(load_settings({{'db': {url!r}}}, {{}}), smoke=True))",
    )
    assert_one_clear_line(result, site_file)
    assert "工作日历文件有误" in result.stderr and "first_paint_ms" not in result.stdout


def test_demo_data_refuses_to_run(tmp_path: Path) -> None:
    site_file = tmp_path / "site_calendar.toml"
    site_file.write_text(BAD, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    result = run_with_calendar(
        site_file,
        "from console.__main__ import main\n"
        f"sys.exit(main(['demo-data', '--db', {url!r}, '--orders', '10']))",
    )
    assert_one_clear_line(result, site_file)
    assert "demo-data: business calendar:" in result.stderr
    assert not (tmp_path / "x.sqlite3").exists()  # nothing was written
