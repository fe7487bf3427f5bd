"""The unacknowledged-message alarm: the link cut for minutes on a fake clock raises it once,
however many consoles sweep; the drain resolves it; a short blip raises nothing."""

from __future__ import annotations

import asyncio
import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.services.exchange_alarms import ExchangeAlarms, LinkAlarm
from console.services.exchange_codec import ExchangeCodec
from console.services.exchange_link import LoopbackLink
from console.store import exchange as box
from console.store import exchange_alarms as repo
from console.store.engine import Database
from console.store.exchange_tables import OutboxRow
from tests.exchange.platforms import SYSTEM_ID, Side, link_sides, side
from tests.exchange.test_two_systems import A01, draft
from tests.principals import lead, nobody

START = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
LIMIT = timedelta(seconds=120)


class FakeClock:
    def __init__(self, at: datetime = START) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


@pytest.fixture(scope="module")
def codec() -> ExchangeCodec:
    return ExchangeCodec()


def linked(
    dbs: tuple[Database, Database], codec: ExchangeCodec, clock: FakeClock
) -> tuple[Side, Side, LoopbackLink]:
    hotline = side(Platform.HOTLINE, dbs[0], codec, clock)
    police = side(Platform.POLICE, dbs[1], codec, clock)
    links: list[LoopbackLink] = []

    def make(here: Side, there: Side) -> LoopbackLink:
        links.append(LoopbackLink(there.receiver, SYSTEM_ID[here.platform]))
        return links[-1]

    link_sides(hotline, police, codec, clock, make)
    return hotline, police, links[0]


def transfer(hotline: Side) -> str:
    number = hotline.orders.create(draft(), A01).order.number
    hotline.orders.transfers.transfer(number, A01, "转110", key=uuid.uuid4().hex)
    return number


def test_a_cut_of_minutes_raises_once_and_the_drain_resolves_it(
    two_dbs: tuple[Database, Database], codec: ExchangeCodec
) -> None:
    clock = FakeClock()
    hotline, _police, link = linked(two_dbs, codec, clock)
    consoles = [ExchangeAlarms(hotline.db, clock, seat, LIMIT) for seat in ("A-01", "A-02")]
    link.down = True
    raised: list[tuple[float, LinkAlarm]] = []
    for second in range(0, 10 * 60, 5):  # ten minutes cut: a transfer a minute, sweeps every 5 s
        if second % 60 == 0:
            transfer(hotline)
        asyncio.run(hotline.pump_all())
        for console in consoles:
            if (alarm := console.sweep()) is not None:
                raised.append((second, alarm))
        clock.advance(5)
    assert [(at, a.peer, a.queued) for at, a in raised] == [(120, "LN-110", 3)]
    shown = consoles[1].open_alarm()
    assert shown is not None and shown.id == raised[0][1].id
    assert shown.queued == 10 and shown.age(clock()) == timedelta(minutes=10)  # live

    link.down = False
    clock.advance(61)  # the sender's back-off runs out
    asyncio.run(hotline.pump_all())
    assert all(c.sweep() is None for c in consoles)
    assert consoles[0].open_alarm() is None
    with hotline.db.read() as session:
        assert repo.raised_count(session) == 1 and box.backlog(session).queued == 0


def test_a_short_blip_raises_nothing(
    two_dbs: tuple[Database, Database], codec: ExchangeCodec
) -> None:
    clock = FakeClock()
    hotline, _police, link = linked(two_dbs, codec, clock)
    console = ExchangeAlarms(hotline.db, clock, "A-01", LIMIT)
    link.down = True
    transfer(hotline)
    for _ in range(8):  # 40 s down
        asyncio.run(hotline.pump_all())
        assert console.sweep() is None
        clock.advance(5)
    assert console.next_check() == START + LIMIT  # the exact timer would sweep then
    link.down = False
    while clock() < START + LIMIT:  # the sender's back-off runs out and the message goes
        asyncio.run(hotline.pump_all())
        assert console.sweep() is None
        with hotline.db.read() as session:
            if box.backlog(session).queued == 0:
                break
        clock.advance(5)
    else:
        pytest.fail("the backlog did not drain within the limit")
    clock.advance(600)
    assert console.sweep() is None and console.next_check() is None
    with hotline.db.read() as session:
        assert repo.raised_count(session) == 0


def stale(db: Database, created: datetime, n: int = 1) -> None:
    """``n`` messages queued at ``created`` (the outbox as the sender leaves it, link down)."""
    with db.write() as session:
        for _ in range(n):
            key = uuid.uuid4().hex
            box.queue(session, OutboxRow(
                message_id=key, transaction_id=key, order_number=f"N-{key[:8]}", sequence=1,
                kind="transfer", seat="A-01", body=b"{}", created_at=created,
                next_try_at=created,
            ))  # fmt: skip


def drain(db: Database, at: datetime) -> None:
    with db.write() as session:
        ids = [m.id for m in box.due(session, at + timedelta(days=1), 10_000)]
        box.delivered(session, ids, 200, at)


def sweep(console: ExchangeAlarms, start: threading.Barrier, into: list[LinkAlarm | None]) -> None:
    start.wait()
    into.append(console.sweep())


def test_two_sweepers_racing_raise_it_once(db: Database) -> None:
    clock = FakeClock()
    consoles = [ExchangeAlarms(db, clock, f"A-0{n}", LIMIT) for n in (1, 2, 3)]
    for outage in range(4):
        stale(db, clock(), 5)
        clock.advance(LIMIT.total_seconds() + 1)
        start = threading.Barrier(len(consoles))
        results: list[LinkAlarm | None] = []
        threads = [threading.Thread(target=sweep, args=(c, start, results)) for c in consoles]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        won = [r for r in results if r is not None]
        assert len(won) == 1 and won[0].queued == 5, outage
        assert all(c.sweep() is None for c in consoles)
        drain(db, clock())
        assert consoles[0].next_check() == clock()  # resolve at once
        assert consoles[1].sweep() is None and consoles[2].open_alarm() is None
        with db.read() as session:
            assert repo.raised_count(session) == outage + 1


def test_the_shift_lead_acknowledges_it_once(db: Database) -> None:
    clock = FakeClock()
    console = ExchangeAlarms(db, clock, "A-01", LIMIT)
    stale(db, clock(), 2)
    assert console.sweep() is None  # not yet past the limit
    clock.advance(121)
    alarm = console.sweep()
    assert alarm is not None and alarm.peer == "" and alarm.acknowledged_by is None
    with pytest.raises(Refused) as refused:
        console.acknowledge(alarm.id, nobody(), "知道了")
    assert refused.value.code == "not_allowed"
    boss = lead("刘强", "A-09", Platform.HOTLINE)
    with pytest.raises(Refused) as refused:
        console.acknowledge(alarm.id, boss, "  ")
    assert refused.value.code == "ack_needs_note"
    console.acknowledge(alarm.id, boss, "已联系110机房，网络抢修中")
    with pytest.raises(Refused) as refused:
        console.acknowledge(alarm.id, boss, "再次确认")
    assert refused.value.code == "already_acknowledged"
    shown = console.open_alarm()
    assert shown is not None and shown.acknowledged_by == "刘强" and shown.queued == 2
    assert shown.ack_note == "已联系110机房，网络抢修中"
    with pytest.raises(Refused) as refused:
        console.acknowledge(9999, boss, "x")
    assert refused.value.code == "unknown_alarm"
