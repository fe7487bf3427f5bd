"""What a seat reads of the exchange, on two platforms with two databases (the exchange
harness): an order's unacknowledged messages and the peer's refusal, the link's state and
backlog; a site without an exchange reads as none; roles are checked."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.domain.refusals import Refused
from console.services.exchange_codec import ExchangeCodec
from console.services.exchange_link import LoopbackLink
from console.services.exchange_reads import (
    NO_ORDER_LINK,
    ExchangeReads,
    LinkState,
    peer_refusal,
)
from console.store.engine import Database
from tests.exchange.conftest import two_dbs  # noqa: F401  (the two databases' fixture)
from tests.exchange.platforms import SYSTEM_ID, Side, link_sides, side
from tests.principals import at_seat, auditor

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
J07 = at_seat("李强", "J-07", Platform.POLICE)
DRAFT = Draft(
    caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
    description="有人在小区门口持械斗殴", consent=True,
)  # fmt: skip


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class Pair:
    def __init__(self, dbs: tuple[Database, Database]) -> None:
        self.clock = clock = Clock()
        codec = ExchangeCodec()
        self.hotline = side(Platform.HOTLINE, dbs[0], codec, clock)
        self.police = side(Platform.POLICE, dbs[1], codec, clock)
        self.links: dict[Platform, LoopbackLink] = {}

        def make_link(here: Side, there: Side) -> LoopbackLink:
            made = LoopbackLink(there.receiver, SYSTEM_ID[here.platform])
            self.links[here.platform] = made
            return made

        link_sides(self.hotline, self.police, codec, clock, make_link)
        self.reads = ExchangeReads(dbs[0], clock, peer=SYSTEM_ID[Platform.POLICE])
        self.police_reads = ExchangeReads(dbs[1], clock)  # finds its peer's row itself

    def transfer(self) -> str:
        number = self.hotline.orders.create(DRAFT, A01).order.number
        self.hotline.orders.transfers.transfer(number, A01, "涉嫌违法，转110", key=number)
        return number


@pytest.fixture
def pair(two_dbs: tuple[Database, Database]) -> Pair:  # noqa: F811
    return Pair(two_dbs)


def test_no_exchange_reads_as_none(pair: Pair) -> None:
    number = pair.hotline.orders.create(DRAFT, A01).order.number  # never transferred
    assert pair.reads.order_link(number, A01) == NO_ORDER_LINK
    assert not NO_ORDER_LINK.shows
    link = pair.reads.link(A01)
    assert link.state is LinkState.NONE and not link.shows
    assert pair.police_reads.link(J07).state is LinkState.NONE


def test_unacknowledged_while_the_link_is_down_then_drained(pair: Pair) -> None:
    start = pair.clock.now
    number = pair.transfer()
    pair.clock.now += timedelta(minutes=3, seconds=12)
    view = pair.reads.order_link(number, A01)
    assert view.shows and view.unacked == 1 and view.refusal is None
    assert view.unacked_since == start
    assert view.unacked_age == timedelta(minutes=3, seconds=12)
    assert view.age(start + timedelta(minutes=4)) == timedelta(minutes=4)
    link = pair.reads.link(A01)  # no sender has tried yet
    assert (link.state, link.queued, link.oldest) == (LinkState.UNKNOWN, 1, start)
    assert link.peer_platform is Platform.POLICE

    pair.links[Platform.HOTLINE].down = True
    down_at = pair.clock.now
    assert asyncio.run(pair.hotline.pump_all()).sent == 0
    link = pair.reads.link(A01)
    assert (link.state, link.since, link.queued) == (LinkState.DOWN, down_at, 1)
    assert link.peer == "LN-110" and "cut" in link.last_error
    assert link.oldest_age == timedelta(minutes=3, seconds=12)

    pair.links[Platform.HOTLINE].down = False
    pair.clock.now += timedelta(minutes=10)  # past the link's back-off
    asyncio.run(pair.hotline.pump_all())
    assert pair.reads.order_link(number, A01) == NO_ORDER_LINK
    link = pair.reads.link(A01)
    assert (link.state, link.since, link.queued, link.oldest) == (
        LinkState.UP, pair.clock.now, 0, None,
    )  # fmt: skip
    assert link.last_acked_at == pair.clock.now and link.refused == 0


def test_the_peers_refusal_comes_back_on_the_order(pair: Pair) -> None:
    number = pair.transfer()
    asyncio.run(pair.hotline.pump_all())
    # 12345 cancels while 110 signs for, before either hears of the other: 12345 refuses.
    pair.hotline.orders.act(number, Action.CANCEL, A01, "来电人撤回诉求", seen=2)
    pair.police.orders.act(number, Action.SIGN_FOR, J07, seen=2)
    pair.clock.now += timedelta(seconds=5)
    assert asyncio.run(pair.police.pump_all()).refused == 1
    view = pair.police_reads.order_link(number, J07)
    assert view.shows and view.unacked == 0
    assert view.refusal is not None and view.refusal.code == "closed"
    assert view.refused_at == pair.clock.now
    link = pair.police_reads.link(J07)
    assert (link.state, link.refused, link.peer, link.peer_platform) == (
        LinkState.UP, 1, "LN-12345", Platform.HOTLINE,
    )  # fmt: skip


def test_reads_are_for_the_floor_only(pair: Pair) -> None:
    number = pair.transfer()
    for read in (
        lambda: pair.reads.order_link(number, auditor()),
        lambda: pair.reads.link(auditor()),
    ):
        with pytest.raises(Refused) as refused:
            read()
        assert refused.value.code == "not_allowed"


def test_a_refusal_is_rebuilt_from_its_code_and_params() -> None:
    refused = peer_refusal("wrong_status", {"status": "cancelled"})
    assert (refused.code, refused.params) == ("wrong_status", {"status": "cancelled"})
    unknown = peer_refusal("newer_rule", {"x": "1"})
    assert (unknown.code, unknown.params) == ("exchange_peer_rule", {"code": "newer_rule"})
