"""The shift lead's answers to an alarm are taken once and only for alarms that exist: a second
acknowledgement is refused (the first note stands), an unknown alarm is refused, on both kinds."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from console.domain.orders import Platform
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmInputError
from console.store.engine import Database
from tests.principals import lead
from tests.services.test_alarms import HOTLINE, china, draft, services


def raised_alarm(db: Database) -> int:
    clock = FakeClock(china(2026, 11, 23, 10, 0))
    orders, alarms = services(db, clock)
    orders.create(draft(), HOTLINE)
    clock.advance(40 * 86_400)
    alarms.sweep()
    return alarms.open_alarms()[0].id


def test_a_second_acknowledgement_is_refused_and_the_first_note_stands(db: Database) -> None:
    alarm = raised_alarm(db)
    _, alarms = services(db, FakeClock(china(2026, 12, 31, 10, 0)))
    alarms.acknowledge(alarm, lead("值班长甲", "A-01", Platform.HOTLINE), "已电话催办")
    with pytest.raises(AlarmInputError) as refused:
        alarms.acknowledge(alarm, lead("值班长乙", "A-01", Platform.HOTLINE), "另一条说明")
    assert refused.value.code == "already_acknowledged"
    assert refused.value.params == {"agent": "值班长甲"}
    shown = {a.id: a for a in alarms.open_alarms()}[alarm]
    assert (shown.acknowledged_by, shown.ack_note) == ("值班长甲", "已电话催办")


def test_an_unknown_alarm_is_refused_not_reported_done(db: Database) -> None:
    alarm = raised_alarm(db)
    _, alarms = services(db, FakeClock(china(2026, 12, 31, 10, 0)))
    with pytest.raises(AlarmInputError) as refused:
        alarms.acknowledge(alarm + 10_000, lead("值班长", "A-01", Platform.HOTLINE), "已电话催办")
    assert refused.value.code == "unknown_alarm"
    with pytest.raises(AlarmInputError) as refused:
        alarms.escalate(alarm + 10_000, lead("值班长", "A-01", Platform.HOTLINE), "张科长")
    assert refused.value.code == "unknown_alarm"
    with db.read() as s:
        touched = s.execute(
            text("SELECT count(*) FROM alarm WHERE acknowledged_at IS NOT NULL "
                 "OR escalated_at IS NOT NULL")
        ).scalar_one()  # fmt: skip
    assert touched == 0
    alarms.escalate(
        alarm, lead("值班长", "A-01", Platform.HOTLINE), "张科长"
    )  # a real one still goes
