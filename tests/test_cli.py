"""The command line a newcomer and IT use: init-db and demo-data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def console(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", *args], capture_output=True, text=True, timeout=timeout
    )


def test_init_db_uses_console_db_and_is_idempotent(tmp_path: Path) -> None:
    # CONSOLE_DB is set per test by the isolated_settings fixture.
    first = console("init-db")
    assert first.returncode == 0, first.stderr
    assert "catalogue entries added" in first.stdout
    again = console("init-db")
    assert again.returncode == 0 and " 0 catalogue entries added" in again.stdout


def test_demo_data_if_empty_adds_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    args = ("demo-data", "--db", url, "--orders", "300", "--until", "2026-11-26", "--if-empty")
    assert "300 orders" in console(*args).stdout
    second = console(*args)
    assert second.returncode == 0 and "already holds 300 orders" in second.stdout


def test_bad_until_is_a_clear_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    done = console("demo-data", "--db", url, "--orders", "10", "--until", "26/11/2026")
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr
    assert "Traceback" not in done.stderr
