"""The alarm counts are the database's true totals (far beyond a page), without the
acknowledged ones, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from console.demo.load import load_demo_data
from console.domain.alarm_levels import AlarmLevel
from console.domain.calendar import load_calendar
from console.domain.orders import Platform
from console.services.alarms import AlarmService, load_site_policy
from console.store import alarms as repo
from console.store.engine import Database
from console.ui.alarms.model import collapse
from tests.principals import lead


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
