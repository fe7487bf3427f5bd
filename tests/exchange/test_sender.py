"""The sender: a cut link charges no attempt and is tried again at its back-off; the backlog then
drains in order; an unanswered message waits 1 s doubling (±20 %); the link's state is kept."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta

import pytest

from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status
from console.services.exchange_codec import ExchangeCodec
from console.services.exchange_link import LoopbackLink
from console.services.exchange_sender import MOST, back_off
from console.store import exchange as box
from console.store.engine import Database
from tests.exchange.platforms import Side, link_sides, side
from tests.principals import at_seat

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sides(two_dbs: tuple[Database, Database], clock: FakeClock) -> tuple[Side, Side]:
    codec = ExchangeCodec()
    hotline = side(Platform.HOTLINE, two_dbs[0], codec, clock)
    police = side(Platform.POLICE, two_dbs[1], codec, clock)
    link_sides(hotline, police, codec, clock)
    return hotline, police


def transfer(hotline: Side, n: int) -> list[str]:
    numbers = []
    for i in range(n):
        number = hotline.orders.create(
            Draft(caller_phone=f"1381234{i:04d}", kind="C-TS", field="F-SH", district="210102",
                  description="有人在小区门口持械斗殴", consent=True), A01,
        ).order.number  # fmt: skip
        hotline.orders.transfers.transfer(number, A01, "转110", key=f"k{i}")
        hotline.orders.act(number, Action.CANCEL, A01, "来电人撤回诉求", seen=2)
        numbers.append(number)
    return numbers


def link_of(s: Side) -> LoopbackLink:
    assert isinstance(s.link, LoopbackLink)
    return s.link


def test_back_off_doubles_to_five_minutes_within_a_fifth() -> None:
    rng = random.Random(1)
    for failures, base in ((1, 1), (2, 2), (3, 4), (9, 256), (10, 300), (40, 300)):
        wait = back_off(failures, rng).total_seconds()
        assert base * 0.8 <= wait <= base * 1.2
    assert back_off(99, rng) <= MOST * 1.2


def test_a_cut_link_keeps_the_backlog_and_drains_it_in_order(
    sides: tuple[Side, Side], clock: FakeClock
) -> None:
    hotline, police = sides
    link_of(hotline).down = True
    numbers = transfer(hotline, 5)
    for _ in range(4):  # the link probed at its back-off, never a message charged
        assert asyncio.run(hotline.sender.pump()).link_down  # type: ignore[union-attr]
        clock.now += timedelta(seconds=70)
    with hotline.db.read() as session:
        assert box.backlog(session).queued == 10
        assert {o.attempts for o in box.due(session, clock.now, 100)} == {0}
        peer = box.peer_state(session, "LN-110")
        assert peer is not None and peer.state == box.DOWN
    link_of(hotline).down = False
    clock.now += timedelta(seconds=70)
    done = asyncio.run(hotline.pump_all())
    assert (done.applied, done.refused, done.again) == (10, 0, 0)
    for number in numbers:  # transfer then cancellation, in that order, on every order
        assert police.orders.get(number).order.status is Status.CANCELLED
    with hotline.db.read() as session:
        peer = box.peer_state(session, "LN-110")
        assert peer is not None and peer.state == box.UP and peer.last_acked_at == clock.now


def test_an_unanswered_message_waits_its_back_off(
    sides: tuple[Side, Side], clock: FakeClock
) -> None:
    hotline, police = sides
    police.receiver.receive = lambda bodies, source: [None] * len(bodies)  # type: ignore[method-assign]
    transfer(hotline, 1)
    assert asyncio.run(hotline.sender.pump()).again == 2  # type: ignore[union-attr]
    with hotline.db.read() as session:
        assert box.due(session, clock.now, 10) == []
        later = box.due(session, clock.now + timedelta(seconds=1.2), 10)
        assert [o.attempts for o in later] == [1, 1]
