"""The commands that change or export something leave one audit row each, by the operating
system's user at ``cli@<host>``: a directory import, a retirement, a report, an account added."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from sqlalchemy import text

from console.config import audit_key_path, load_settings
from console.services.audit import load_key, verify_trail
from console.store.setup import init_db
from tests.test_cli import console


def audit_rows() -> list[tuple[str, str, str, str, str]]:
    """(who, seat, action, target, detail) of every row, oldest first."""
    db, _ = init_db(os.environ["CONSOLE_DB"])
    try:
        with db.read() as s:
            found = s.execute(text("SELECT who, seat, action, target, detail FROM audit "
                                   "ORDER BY seq"))  # fmt: skip
            return [tuple(r) for r in found]  # type: ignore[misc]
    finally:
        db.dispose()


def test_directory_changes_and_reports_are_recorded(tmp_path: Path) -> None:
    site = tmp_path / "site.csv"
    site.write_text("code,name_zh,name_en,district,kind\n"
                    "SY-GAS,沈阳燃气热线,Shenyang gas,210100,functional\n", "utf-8")  # fmt: skip
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name_zh,name_en,district,kind\nX,x,x,999999,functional\n", "utf-8")
    assert console("departments", "import", str(site)).returncode == 0
    assert console("departments", "import", str(bad)).returncode == 2  # refused: no row
    assert console("departments", "retire", "SY-GAS").returncode == 0
    assert console("departments", "list").returncode == 0  # reading: no row
    done = console("report", "--from", "2026-11-01", "--to", "2026-11-30")
    assert done.returncode == 0, done.stderr
    me, seat = getpass.getuser(), f"cli@{os.uname().nodename}"
    assert audit_rows() == [
        (me, seat, "directory_change", str(site), "import: 1 added, 0 updated, 0 retired"),
        (me, seat, "directory_change", "SY-GAS", "retired"),
        (me, seat, "export", "linkage report", "2026-11-01..2026-11-30"),
    ]
    key = load_key(audit_key_path(load_settings({}, os.environ)))  # made by the first command
    db, _ = init_db(os.environ["CONSOLE_DB"])
    assert verify_trail(db, key).broken is None
    db.dispose()


def test_a_command_that_cannot_record_changes_nothing(tmp_path: Path) -> None:
    assert console("departments", "retire", "210102-GOV").returncode == 0
    audit_key_path(load_settings({}, os.environ)).unlink()  # the trail has a row, the key is gone
    done = console("departments", "retire", "210103-GOV")
    assert done.returncode == 2 and "audit key file" in done.stderr
    assert "nothing was done" in done.stderr and "Traceback" not in done.stderr
    assert console("report").returncode == 2
    assert [r[3] for r in audit_rows()] == ["210102-GOV"]
    assert "210103-GOV" in console("departments", "list").stdout  # still active
