"""The linkage loop between two platforms' own databases over the intermediate database: each
side's sender posts to the shared schema, each side's poller hands what it is sent to its real
receiver, which checks the sender against the system the database names."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from console.domain.orders import Action, Platform, Status
from console.services.exchange_codec import ExchangeCodec
from console.services.exchange_dblink import DatabaseLink
from console.store.engine import Database
from tests.exchange.link_contract import LIMIT_S
from tests.exchange.platforms import SYSTEM_ID, Side, link_sides, side
from tests.exchange.shared_db import Shared, needs, poller, shared_database
from tests.exchange.test_two_systems import A01, J07, draft, history
from tests.pg import Cluster

pytestmark = pytest.mark.postgres


@pytest.fixture
def shared(pg_cluster: Cluster | None) -> Iterator[Shared]:
    with shared_database(needs(pg_cluster)) as made:
        yield made


def test_the_linkage_loop_over_the_intermediate_database(
    two_dbs: tuple[Database, Database], shared: Shared
) -> None:
    codec = ExchangeCodec()
    hotline, police = (
        side(Platform.HOTLINE, two_dbs[0], codec, peer_ids=frozenset({SYSTEM_ID[Platform.POLICE]})),
        side(Platform.POLICE, two_dbs[1], codec, peer_ids=frozenset({SYSTEM_ID[Platform.HOTLINE]})),
    )

    def link(here: Side, there: Side) -> DatabaseLink:
        me, peer = SYSTEM_ID[here.platform], SYSTEM_ID[there.platform]
        return DatabaseLink(shared.url(), me, peer, answer_wait_s=LIMIT_S / 2)

    link_sides(hotline, police, codec, make_link=link)

    async def scenario() -> None:
        pollers = [
            poller(shared.url(), SYSTEM_ID[s.platform], s.receiver) for s in (hotline, police)
        ]
        for p in pollers:
            p.start()
        number = hotline.orders.create(draft(), A01).order.number
        hotline.orders.transfers.transfer(number, A01, "涉嫌违法，转110", key="k1")
        assert (await hotline.pump_all()).applied == 1
        assert police.orders.get(number).order.status is Status.TRANSFERRED

        police.orders.act(number, Action.SIGN_FOR, J07, seen=2)
        police.orders.act(number, Action.START_HANDLING, J07, seen=3)
        police.orders.act(number, Action.FEED_BACK, J07, "民警已到场处置", seen=4)
        assert (await police.pump_all()).applied == 3
        hotline.orders.act(number, Action.COMPLETE, A01, seen=5)
        assert (await hotline.pump_all()).applied == 1
        assert police.orders.get(number).order.status is Status.COMPLETED
        assert history(hotline, number) == history(police, number)
        for p in pollers:
            await p.stop()
        for s in (hotline, police):
            assert s.link is not None
            await s.link.close()

    asyncio.run(asyncio.wait_for(scenario(), LIMIT_S * 3))
