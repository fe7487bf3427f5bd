"""Incidents across the exchange, on two databases: a 12345 shift lead runs an incident and 110
sees it with its partners, every change after; a 110 lead runs one that 12345 sees; neither
side changes the other's; duplicates and late snapshots leave the newest; links stay local."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from console.domain.emergency import AckMeans, EventType, IncidentStatus, Level, PartnerState
from console.domain.exchange import Sender, Version
from console.domain.incident_exchange import IncidentMessage
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.domain.roles import Seated
from console.services.exchange_codec import ExchangeCodec
from console.services.incident_exchange import IncidentPublisher
from console.services.incident_pump import IncidentPump
from console.services.incident_views import IncidentDraft
from console.services.incidents import IncidentService
from console.store import exchange as box
from console.store.engine import Database
from console.store.exchange_tables import OutboxRow
from console.store.incident_tables import IncidentAlarmRow, IncidentNotificationRow
from tests.emergency.scene import (
    DISTRICT,
    II_EXTRA,
    IV_KINDS,
    Clock,
    Desk,
    plan_book,
    seed_partners,
)
from tests.exchange.platforms import SYSTEM_ID, Side, link_sides, run, side
from tests.principals import at_seat, lead

LEAD_12345 = lead("王班长", "L-01", Platform.HOTLINE)
LEAD_110 = lead("张班长", "J-00", Platform.POLICE)
J07 = at_seat("李强", "J-07", Platform.POLICE)
DRAFT = IncidentDraft(EventType.NATURAL, Level.IV, DISTRICT, "和平区南京北街", "暴雨积水，多处被困")


@dataclass
class Platform_:
    side: Side
    incidents: IncidentService
    pump: IncidentPump
    desk: Desk


@pytest.fixture(scope="module")
def codec() -> ExchangeCodec:
    return ExchangeCodec()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def both(
    two_dbs: tuple[Database, Database], codec: ExchangeCodec, clock: Clock
) -> tuple[Platform_, Platform_]:
    made = []
    for platform, db in zip((Platform.HOTLINE, Platform.POLICE), two_dbs, strict=True):
        seed_partners(db)
        s = side(platform, db, codec, clock)
        publish = IncidentPublisher(codec, Sender(platform, SYSTEM_ID[platform])).publish
        incidents = IncidentService(db, clock, plan_book(), publish=publish)
        desk = Desk()
        made.append(Platform_(s, incidents, IncidentPump(db, clock, desk, incidents, "X"), desk))
    link_sides(made[0].side, made[1].side, codec, clock)
    return made[0], made[1]


def deliver(p: Platform_) -> int:
    done = run(p.side.pump_all())
    return done.applied  # type: ignore[attr-defined, no-any-return]


def rows(db: Database, table: type) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(table)).scalar_one())


def test_a_12345_incident_is_seen_at_110_with_every_change(
    both: tuple[Platform_, Platform_], clock: Clock
) -> None:
    hotline, police = both
    number = hotline.incidents.start(LEAD_12345, DRAFT).number
    assert deliver(hotline) == 1
    copy = police.incidents.detail(number)
    assert copy.line.platform == "12345" and copy.line.level is Level.IV
    assert copy.line.status is IncidentStatus.ACTIVE and copy.line.partners == 8
    assert {p.code for p in copy.partners} == {f"SY-{k.value}" for k in IV_KINDS}
    assert [e.action for e in copy.events] == [
        e.action for e in hotline.incidents.detail(number).events
    ]
    assert [i.number for i in police.incidents.active_for(DISTRICT)] == [number]
    # The peer's partners are never notified nor chased from here.
    assert rows(police.side.db, IncidentNotificationRow) == 0
    assert rows(police.side.db, IncidentAlarmRow) == 0
    assert police.pump.pump().handed == 0 and police.desk.handed == []

    # An answer recorded at 12345 reaches the copy: who, how, when.
    clock.advance(minutes=5)
    hotline.incidents.record_answer(
        LEAD_12345, number, "SY-fire", AckMeans.PHONE, "消防值班员", note="已出动"
    )
    assert deliver(hotline) == 1
    fire = next(p for p in police.incidents.detail(number).partners if p.code == "SY-fire")
    assert fire.state is PartnerState.ACKNOWLEDGED and fire.ack_means is AckMeans.PHONE
    assert (fire.ack_by, fire.acked_at) == ("消防值班员", clock.now)

    # Level up, then stand-down.
    hotline.incidents.change_level(LEAD_12345, number, Level.II, "积水加深")
    assert deliver(hotline) == 1
    copy = police.incidents.detail(number)
    assert copy.line.level is Level.II and copy.line.partners == 8 + len(II_EXTRA)
    hotline.incidents.stand_down(LEAD_12345, number, "积水退去，人员安全转移")
    assert deliver(hotline) == 1
    line = police.incidents.detail(number).line
    assert line.status is IncidentStatus.STOOD_DOWN and line.stood_down_at == clock.now
    assert rows(police.side.db, IncidentNotificationRow) == 0
    assert rows(police.side.db, IncidentAlarmRow) == 0
    assert police.incidents.open_alarms() == []


def changes(s: IncidentService, by: Seated, number: str) -> list[Callable[[], object]]:
    """Every change a shift lead can make to ``number``."""
    return [
        lambda: s.change_level(by, number, Level.II, ""),
        lambda: s.stand_down(by, number, "结束"),
        lambda: s.record_answer(by, number, "SY-fire", AckMeans.PHONE, "某"),
        lambda: s.repeat(by, number, "SY-fire"),
    ]


def test_a_110_lead_runs_one_that_12345_sees_and_neither_changes_the_other(
    both: tuple[Platform_, Platform_],
) -> None:
    hotline, police = both
    theirs = police.incidents.start(LEAD_110, DRAFT).number
    ours = hotline.incidents.start(LEAD_12345, DRAFT).number
    assert theirs.startswith("110-YJ-") and ours.startswith("12345-YJ-")
    assert deliver(police) == 1 and deliver(hotline) == 1
    assert hotline.incidents.detail(theirs).line.platform == "110"
    assert {i.number for i in police.incidents.active_for(DISTRICT)} == {theirs, ours}

    for by, there, number in ((LEAD_110, police, ours), (LEAD_12345, hotline, theirs)):
        for change in changes(there.incidents, by, number):
            with pytest.raises(Refused) as refused:
                change()
            assert refused.value.code == "incident_of_peer"
    # A copy is never sent back.
    with police.side.db.read() as session:
        assert box.next_sequence(session, ours) == 1


def test_duplicates_and_late_snapshots_leave_the_newest(
    both: tuple[Platform_, Platform_], codec: ExchangeCodec
) -> None:
    hotline, police = both
    number = hotline.incidents.start(LEAD_12345, DRAFT).number
    hotline.incidents.change_level(LEAD_12345, number, Level.II, "")
    hotline.incidents.record_answer(LEAD_12345, number, "SY-gas", AckMeans.RADIO, "燃气")
    with hotline.side.db.read() as session:
        bodies = [
            r.body
            for r in session.execute(
                select(OutboxRow).where(OutboxRow.order_number == number).order_by(OutboxRow.id)
            ).scalars()
        ]
    assert [codec.decode(b).envelope.sequence for b in bodies] == [1, 2, 3]
    assert isinstance(codec.decode(bodies[0]), IncidentMessage)
    receive = police.side.receiver.receive
    source = SYSTEM_ID[Platform.HOTLINE]

    # The newest first, then the older ones and a duplicate: each answered 200, none waits.
    answers = receive([bodies[2], bodies[0], bodies[1], bodies[2]], source)
    assert [codec.decode_ack(a or b"").status for a in answers] == [200] * 4
    copy = police.incidents.detail(number)
    assert copy.line.level is Level.II
    gas = next(p for p in copy.partners if p.code == "SY-gas")
    assert gas.state is PartnerState.ACKNOWLEDGED
    assert receive([bodies[1]], source) == [answers[2]]  # a duplicate: the same answer again
    assert police.incidents.detail(number).line.level is Level.II

    # The sender's own delivery of the same messages changes nothing either.
    deliver(hotline)
    assert police.incidents.detail(number) == copy


def test_a_110_order_links_to_the_12345_incident_locally(
    both: tuple[Platform_, Platform_],
) -> None:
    hotline, police = both
    number = hotline.incidents.start(LEAD_12345, DRAFT).number
    deliver(hotline)
    draft = Draft(
        caller_phone="13812345678", kind="P-ZA", field="", district=DISTRICT,
        description="南京北街积水，有人被困车内",
    )  # fmt: skip
    order = police.side.orders.create(draft, J07).order.number
    police.incidents.link(J07, number, order)
    assert police.incidents.incidents_of(order) == [number]
    assert police.incidents.detail(number).line.linked_orders == 1
    assert rows(police.side.db, OutboxRow) == 0  # the link is 110's own: nothing travels

    # The next snapshot replaces 12345's lines and partners, and keeps 110's link and its line.
    hotline.incidents.change_level(LEAD_12345, number, Level.II, "")
    deliver(hotline)
    copy = police.incidents.detail(number)
    assert copy.line.level is Level.II and [o.number for o in copy.orders] == [order]
    assert [e.action for e in copy.events if e.platform == "110"] == ["link"]
    assert hotline.incidents.detail(number).line.linked_orders == 0


def test_a_peer_known_to_read_1_0_is_sent_no_snapshot(
    two_dbs: tuple[Database, Database], codec: ExchangeCodec, clock: Clock
) -> None:
    db = two_dbs[0]
    seed_partners(db)
    publisher = IncidentPublisher(
        codec, Sender(Platform.HOTLINE, SYSTEM_ID[Platform.HOTLINE]), peer_format=Version(1, 0)
    )
    incidents = IncidentService(db, clock, plan_book(), publish=publisher.publish)
    number = incidents.start(LEAD_12345, DRAFT).number  # started here all the same
    assert incidents.detail(number).line.status is IncidentStatus.ACTIVE
    assert rows(db, OutboxRow) == 0
    publisher.peer_format = Version(1, 1)  # the peer upgraded: the next change goes
    incidents.change_level(LEAD_12345, number, Level.II, "积水加深")
    assert rows(db, OutboxRow) == 1
