"""``report --json`` prints the reports tab's figures: the same Report, filtered, checkable
against a direct count."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import text

from console.services.report_views import Period, report_json
from console.services.reports import ReportService
from console.store.engine import Database
from tests.test_cli import console


def test_report_json_is_the_tabs_report(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'j.sqlite3'}"
    made = console("demo-data", "--db", url, "--orders", "500", "--until", "2026-11-26")
    assert made.returncode == 0, made.stderr
    span = ("--from", "2026-06-01", "--to", "2026-11-25")
    done = console("report", "--db", url, *span, "--json", "--platform", "12345")
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    db = Database.open(url)
    try:
        r = ReportService(db, lambda: datetime.now(UTC)).report(
            Period(date(2026, 6, 1), date(2026, 11, 25)), "12345"
        )
        with db.read() as s:
            direct = s.execute(
                text(
                    "SELECT count(*) FROM order_event WHERE action = 'create' "
                    "AND platform = '12345' AND at >= '2026-05-31 16:00:00' "
                    "AND at < '2026-11-25 16:00:00'"
                )
            ).scalar_one()
    finally:
        db.dispose()
    expected = report_json(r)
    expected.pop("made_at"), printed.pop("made_at")
    assert printed == expected
    assert printed["created"] == direct > 0 and printed["platform"] == "12345"
    assert sum(t["created"] for t in printed["trend"]) == direct
    callers = printed["callers"]  # 并单 (none in the demo): every order its own one caller
    assert callers["orders"] == callers["callers"] == direct and callers["mean"] == 1.0
    assert callers["merges"] == callers["unmerges"] == callers["with_more"] == 0
    assert printed["knowledge"] == []
    mixed = console("report", "--db", url, "--district", "210102")
    assert mixed.returncode == 2 and "--json" in mixed.stderr
