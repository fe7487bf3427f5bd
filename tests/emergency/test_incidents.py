"""The incident service and its pump, on both databases, with a clock the test moves: start →
partners notified → the silent ones' alarms once each at their deadline → re-notified → level
up adds partners → stand-down."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.domain.emergency import (
    AckMeans,
    EventType,
    IncidentStatus,
    Level,
    PartnerKind,
    PartnerState,
)
from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.services.incident_pump import IncidentPump
from console.services.incident_views import IncidentDraft
from console.services.incidents import IncidentService
from console.services.partner_notifier import Answer
from console.store.engine import Database
from tests.emergency.scene import (
    DISTRICT,
    II_EXTRA,
    IV_KINDS,
    Clock,
    Desk,
    plan_book,
    seed_partners,
)
from tests.principals import at_seat, lead

LEAD = lead("王班长", "L-01", Platform.HOTLINE)
AGENT = at_seat("李话务", "A-07", Platform.HOTLINE)
DRAFT = IncidentDraft(EventType.NATURAL, Level.IV, DISTRICT, "和平区南京北街", "暴雨积水，多处被困")


def _scene(db: Database) -> tuple[IncidentService, IncidentPump, Desk, Clock]:
    seed_partners(db)
    clock, desk = Clock(), Desk()
    service = IncidentService(db, clock, plan_book())
    return service, IncidentPump(db, clock, desk, service, "L-01"), desk, clock


def test_a_plan_runs_from_start_to_stand_down(db: Database) -> None:
    service, pump, desk, clock = _scene(db)
    line = service.start(LEAD, DRAFT)
    assert line.number.startswith("12345-YJ-20261205-") and line.partners == 8
    assert pump.pump().handed == 8 and len(desk.handed) == 8
    assert {n.partner_code for n in desk.handed} == {f"SY-{k.value}" for k in IV_KINDS}
    assert all(n.ack_by == clock.now + timedelta(minutes=30) for n in desk.handed)
    assert pump.pump().handed == 0  # nothing handed twice
    assert [(x.number, x.partners, x.waiting) for x in service.board()] == [(line.number, 8, 8)]

    # Six answer through the channel within the deadline; two never do.
    silent = {"SY-gas", "SY-water"}
    clock.advance(minutes=10)
    desk.pending = [
        Answer(n.key, clock.now, "值班员") for n in desk.handed if n.partner_code not in silent
    ]
    assert pump.collect() == 6
    assert pump.sweep() == []
    clock.advance(minutes=19, seconds=59)
    assert pump.sweep() == []  # not yet: the deadline is 30 minutes after the start

    clock.advance(seconds=2)
    raised = pump.sweep()
    assert sorted(r.partner_code for r in raised) == sorted(silent)
    assert pump.sweep() == []  # once
    alarms = service.open_alarms()
    assert sorted(a.partner_code for a in alarms) == sorted(silent)
    assert pump.pump().handed == 2  # re-notified, each under a new key
    for code in silent:
        assert [n.kind.value for n in desk.to(code)] == ["ask", "repeat"]
    detail = service.detail(line.number)
    states = {p.code: p for p in detail.partners}
    assert states["SY-gas"].state is PartnerState.OVERDUE and states["SY-gas"].attempts == 2
    assert states["SY-fire"].state is PartnerState.ACKNOWLEDGED
    assert service.line(line.number).overdue == 2

    # The gas company confirms by phone; the lead records it, and its alarm leaves the panel.
    service.record_answer(LEAD, line.number, "SY-gas", AckMeans.PHONE, "燃气调度 张工")
    assert [a.partner_code for a in service.open_alarms()] == ["SY-water"]
    service.acknowledge_alarm(LEAD, service.open_alarms()[0].id, "已电话催办")
    assert service.open_alarms()[0].acknowledged_by == "王班长"

    # Level up: three more kinds asked; those staying told of the new level.
    up = service.change_level(LEAD, line.number, Level.II, "灾情扩大")
    assert up.level is Level.II and up.partners == 11
    pump.pump()
    for kind in II_EXTRA:
        assert [n.kind.value for n in desk.to(f"SY-{kind.value}")] == ["ask"]
    assert desk.to("SY-fire")[-1].kind.value == "level"

    service.stand_down(LEAD, line.number, "积水排除，被困群众全部转移")
    pump.pump()
    assert all(desk.to(f"SY-{k.value}")[-1].kind.value == "stand_down" for k in IV_KINDS)
    assert service.open_alarms() == []
    clock.advance(hours=2)
    assert pump.sweep() == []  # nothing fires for a response that is over
    ended = service.line(line.number)
    assert ended.status is IncidentStatus.STOOD_DOWN
    assert service.board() == [ended]  # still on the board for a day
    clock.advance(hours=23)
    assert service.board() == []
    actions = [e.action for e in service.detail(line.number).events]
    assert actions[0] == "start" and actions[-1] == "stand_down" and "overdue" in actions


def test_an_agent_may_not_start_a_plan_but_links_calls(db: Database) -> None:
    service, _, _, _ = _scene(db)
    with pytest.raises(Refused) as refused:
        service.start(AGENT, DRAFT)
    assert refused.value.code == "not_allowed"
    number = service.start(LEAD, DRAFT).number
    assert [i.number for i in service.active_for("210103")] == [number]  # same city
    assert service.active_for("210202") == []  # 大连


def test_a_level_without_a_plan_and_a_missing_kind_are_said(db: Database) -> None:
    service, _, _, _ = _scene(db)
    with pytest.raises(Refused) as refused:
        service.start(LEAD, IncidentDraft(EventType.HEALTH, Level.I, DISTRICT, "x", "y"))
    assert refused.value.code == "no_plan"
    with db.write() as session:
        from sqlalchemy import delete

        from console.store.incident_tables import PartnerRow

        session.execute(delete(PartnerRow).where(PartnerRow.kind == PartnerKind.GAS.value))  # type: ignore[arg-type]
    number = service.start(LEAD, DRAFT).number
    detail = service.detail(number)
    assert detail.line.partners == 7 and detail.missing_kinds == [PartnerKind.GAS]


def test_a_channel_down_loses_nothing(db: Database) -> None:
    service, pump, desk, clock = _scene(db)
    service.start(LEAD, DRAFT)
    desk.down = True
    assert pump.pump().waiting == 8
    desk.down = False
    assert pump.pump().handed == 0  # not before the back-off
    clock.advance(seconds=5)
    assert pump.pump().handed == 8
