"""The alarm counts are the database's true totals (far beyond a page), without the
acknowledged ones, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import text

from console.demo.load import load_demo_data
from console.domain.alarm_levels import AlarmLevel
from console.domain.calendar import load_calendar
from console.domain.orders import Platform
from console.services.alarms import AlarmService, load_site_policy
from console.store import alarms as repo
from console.store.engine import Database
from console.ui.alarms.model import collapse
from tests.principals import lead
from tests.statements import executed


def test_counts_are_true_totals_and_leave_acknowledged_alarms_out(db: Database) -> None:
    calendar = load_calendar()
    load_demo_data(db, 12_000, seed=5, until=date(2026, 11, 26), policy=load_site_policy(db),
                   calendar=calendar)  # fmt: skip
    service = AlarmService(db, lambda: datetime(2027, 1, 10, tzinfo=UTC), "A-01")
    service.sweep()
    with db.read() as s:
        listed = collapse(repo.open_alarms(s, limit=100_000))
    by_level = {lv: sum(1 for a in listed if a.level is lv and not a.acknowledged_by)
                for lv in AlarmLevel}  # fmt: skip
    counts = service.open_counts()
    assert counts == by_level and sum(counts.values()) > 200
    top = next(
        a
        for a in listed
        if a.level is AlarmLevel.OVERDUE
        and not a.acknowledged_by
        and a.owner == Platform.HOTLINE.value
    )  # a 12345 lead answers for 12345
    service.acknowledge(top.id, lead("值班长", "A-01", Platform.HOTLINE), "已电话催办")
    after = service.open_counts()
    assert after[AlarmLevel.OVERDUE] == counts[AlarmLevel.OVERDUE] - 1
    assert service.panel()[1] == after


def test_sqlite_counts_the_raised_alarms_not_every_alarm_planned(sqlite_db: Database) -> None:
    """Every order plans several alarms and most are never raised: the counts read the raised
    ones from a partial index instead of walking all of them in order id order."""
    calendar = load_calendar()
    load_demo_data(sqlite_db, 2_000, seed=5, until=date(2026, 11, 26),
                   policy=load_site_policy(sqlite_db), calendar=calendar)  # fmt: skip
    AlarmService(sqlite_db, lambda: datetime(2027, 1, 10, tzinfo=UTC), "A-01").sweep()
    with sqlite_db.write() as s:
        s.execute(text("ANALYZE"))
    statement, params = executed(sqlite_db, repo.open_counts, "alarm")
    with sqlite_db.read() as s:
        raw = s.connection().connection.driver_connection
        assert raw is not None
        plan = " | ".join(r[3] for r in raw.execute(f"EXPLAIN QUERY PLAN {statement}", params))
    # The raised, open alarms from their partial index (never the table, never every alarm in
    # ix_alarm_order's order); any other alarm read is a search by its order.
    steps = plan.split(" | ")
    assert any("alarm USING INDEX ix_alarm_open" in step for step in steps), plan
    scans = [step for step in steps if step.startswith("SCAN")]
    assert all("USING INDEX ix_alarm_open" in step for step in scans), plan
