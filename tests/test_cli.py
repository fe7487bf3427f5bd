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
    first = console(*args).stdout
    assert "300 orders" in first and "22 demo knowledge articles" in first
    second = console(*args)
    assert "knowledge" not in second.stdout  # imported once
    assert second.returncode == 0 and "already holds 300 orders" in second.stdout


def test_bad_until_is_a_clear_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    done = console("demo-data", "--db", url, "--orders", "10", "--until", "26/11/2026")
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr
    assert "Traceback" not in done.stderr


def test_departments_list_import_and_retire(tmp_path: Path) -> None:
    listed = console("departments", "list")
    assert listed.returncode == 0 and "210102-GOV" in listed.stdout
    rows = listed.stdout.splitlines()
    assert rows[0] == "code,name_zh,name_en,district,kind,active" and len(rows) > 250
    site = tmp_path / "site.csv"
    site.write_text(
        "code,name_zh,name_en,district,kind\n"
        "210102-GOV,和平区人民政府（改）,Heping,210102,government\n"
        "SY-GAS,沈阳燃气热线,Shenyang gas,210100,functional\n",
        encoding="utf-8",
    )
    imported = console("departments", "import", str(site))
    assert imported.returncode == 0 and "1 added, 1 updated" in imported.stdout
    assert console("departments", "retire", "SY-GAS").returncode == 0
    listed = console("departments", "list").stdout
    assert "SY-GAS" not in listed and "和平区人民政府（改）" in listed
    assert "SY-GAS" in console("departments", "list", "--all").stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name_zh,name_en,district,kind\nX,x,x,999999,functional\n", "utf-8")
    refused = console("departments", "import", str(bad))
    assert (
        refused.returncode == 2
        and "999999" in refused.stderr
        and "nothing was changed" in refused.stderr
    )
    unknown = console("departments", "retire", "NOPE")
    assert (
        unknown.returncode == 2 and "NOPE" in unknown.stderr and "Traceback" not in unknown.stderr
    )


def test_report_counts_the_demo_and_refuses_a_bad_period(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    assert (
        console("demo-data", "--db", url, "--orders", "400", "--until", "2026-11-26").returncode
        == 0
    )
    done = console("report", "--db", url, "--from", "2000-01-01", "--to", "2026-11-25")
    assert done.returncode == 0, done.stderr
    assert "受理 orders created, by platform: 400" in done.stdout
    assert "首接负责 first contact, by mode" in done.stdout
    bad = console("report", "--db", url, "--from", "2026-11-25", "--to", "2026-11-01")
    assert bad.returncode == 2 and "before" in bad.stderr
