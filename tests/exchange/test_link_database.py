"""The intermediate-database transport passes the transport contract, and more: a poller
restarted mid-batch loses nothing, both platforms exchange through one schema at once, and the
schema's grants and row security hold each platform's role to its own side."""

from __future__ import annotations

import asyncio
import itertools
import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import psycopg
import pytest

from console.services.exchange_dblink import DatabaseLink, DatabasePoller
from console.services.exchange_link import Link
from console.store import exchange_db
from tests.exchange.link_contract import LIMIT_S, FakeReceiver, LinkContract, body, run
from tests.exchange.shared_db import Shared, admin, needs, poller, shared_database
from tests.pg import Cluster
from tests.waiting import until

pytestmark = pytest.mark.postgres
_roles = itertools.count()


@pytest.fixture
def cluster(pg_cluster: Cluster | None) -> Cluster:
    return needs(pg_cluster)


@dataclass
class FarEnd:
    shared: Shared
    poller: DatabasePoller


class TestDatabaseLink(LinkContract[FarEnd]):
    @pytest.fixture(autouse=True)
    def _cluster(self, cluster: Cluster) -> None:
        self.cluster = cluster

    async def open(self, far_end: FakeReceiver) -> tuple[Link, FarEnd]:
        shared = Shared(self.cluster)
        taker = poller(shared.url(), "LN-110", far_end)
        taker.start()
        link = DatabaseLink(shared.url(), "LN-12345", "LN-110", answer_wait_s=LIMIT_S / 2)
        return link, FarEnd(shared, taker)

    async def cut(self, handle: FarEnd) -> None:
        handle.shared.allow(False)

    async def mend(self, handle: FarEnd) -> None:
        handle.shared.allow(True)

    async def shut(self, handle: FarEnd) -> None:
        await handle.poller.stop()
        handle.shared.drop()


@pytest.fixture
def shared(cluster: Cluster) -> Iterator[Shared]:
    with shared_database(cluster) as made:
        yield made


def test_creating_the_schema_again_changes_nothing(shared: Shared) -> None:
    assert exchange_db.create_exchange_schema(shared.url()) == exchange_db.VERSION
    assert exchange_db.create_exchange_schema(shared.url()) == exchange_db.VERSION


@dataclass
class GatedReceiver(FakeReceiver):
    """A :class:`FakeReceiver` whose ``hold``-th call waits for ``gate`` (the apply in flight
    when its poller stops)."""

    hold: int = 2
    calls: int = 0
    holding: threading.Event = field(default_factory=threading.Event)
    gate: threading.Event = field(default_factory=threading.Event)

    def receive(self, bodies: Sequence[bytes], source: str) -> list[bytes | None]:
        with self.lock:
            self.calls += 1
            held = self.calls == self.hold
        if held:
            self.holding.set()
            self.gate.wait(LIMIT_S)
        return super().receive(bodies, source)


def test_a_poller_stopped_mid_batch_loses_nothing_and_the_next_takes_it_again(
    shared: Shared,
) -> None:
    bodies = [body(i) for i in range(120)]
    far_end = GatedReceiver()

    async def scenario() -> None:
        link = DatabaseLink(shared.url(), "LN-12345", "LN-110", answer_wait_s=0)
        assert await link.deliver(bodies) == [None] * len(bodies)  # posted, no one takes yet
        first = poller(shared.url(), "LN-110", far_end, batch=25)
        first.start()
        await until(far_end.holding.is_set, LIMIT_S)  # batch 2 handed over, not answered
        await first.stop()
        far_end.gate.set()
        second = poller(shared.url(), "LN-110", far_end, batch=25)
        second.start()
        await until(lambda: shared.unanswered() == 0, LIMIT_S)
        await second.stop()
        again = DatabaseLink(shared.url(), "LN-12345", "LN-110", answer_wait_s=0)
        assert await again.deliver(bodies) == [b"ack:" + b for b in bodies]
        await link.close()
        await again.close()

    run(scenario)
    assert list(dict.fromkeys(far_end.seen)) == bodies  # all, first seen in posting order
    assert [far_end.seen.count(b) for b in bodies[25:50]] == [2] * 25  # the batch in flight


@dataclass
class Platform(FakeReceiver):
    """Answers ``<name>:`` + the body."""

    name: str = ""

    def receive(self, bodies: Sequence[bytes], source: str) -> list[bytes | None]:
        super().receive(bodies, source)
        return [self.name.encode() + b":" + b for b in bodies]


def _both_ways(hotline_url: str, police_url: str) -> tuple[Platform, Platform]:
    hotline, police = Platform(name="12345"), Platform(name="110")

    async def scenario() -> None:
        pollers = [
            poller(hotline_url, "LN-12345", hotline, batch=7),
            poller(police_url, "LN-110", police, batch=7),
        ]
        links = [
            DatabaseLink(hotline_url, "LN-12345", "LN-110", answer_wait_s=LIMIT_S / 2),
            DatabaseLink(police_url, "LN-110", "LN-12345", answer_wait_s=LIMIT_S / 2),
        ]
        for p in pollers:
            p.start()
        to_police = [[body(100 * k + i) for i in range(10)] for k in range(4)]
        to_hotline = [[body(10_000 + 100 * k + i) for i in range(10)] for k in range(4)]
        got = await asyncio.wait_for(
            asyncio.gather(
                *(links[0].deliver(b) for b in to_police),
                *(links[1].deliver(b) for b in to_hotline),
            ),
            LIMIT_S,
        )
        for batch, answers in zip(to_police + to_hotline, got, strict=True):
            peer = b"110:" if batch in to_police else b"12345:"
            assert answers == [peer + b for b in batch]
        assert sorted(police.seen) == sorted(b for batch in to_police for b in batch)
        assert sorted(hotline.seen) == sorted(b for batch in to_hotline for b in batch)
        for p in pollers:
            await p.stop()
        for link in links:
            await link.close()

    run(scenario)
    return hotline, police


def test_both_platforms_exchange_through_one_schema_at_once(shared: Shared) -> None:
    hotline, police = _both_ways(shared.url(), shared.url())
    assert police.sources == {"LN-12345"}
    assert hotline.sources == {"LN-110"}


@pytest.fixture
def roles(shared: Shared) -> Iterator[tuple[str, str]]:
    """Two login roles admitted as the two platforms (roles are the cluster's: named afresh)."""
    n = next(_roles)
    made = (f"p12345_{os.getpid()}_{n}", f"p110_{os.getpid()}_{n}")
    with admin(shared.cluster) as conn:
        for role in made:
            conn.execute(f"CREATE ROLE {role} LOGIN")
    for platform, role in zip(("LN-12345", "LN-110"), made, strict=True):
        exchange_db.admit_system(shared.url(), platform, role)
    yield made
    with psycopg.connect(exchange_db.conninfo(shared.url()), autocommit=True) as conn:
        conn.execute(f"DROP OWNED BY {made[0]}, {made[1]}")
    with admin(shared.cluster) as conn:
        for role in made:
            conn.execute(f"DROP ROLE {role}")


def test_each_platform_role_exchanges_and_is_held_to_its_side(
    shared: Shared, roles: tuple[str, str]
) -> None:
    hotline_role, police_role = roles
    hotline, police = _both_ways(shared.url(hotline_role), shared.url(police_role))
    assert police.sources == {"LN-12345"}  # as its role proved when posting
    assert hotline.sources == {"LN-110"}

    with psycopg.connect(exchange_db.conninfo(shared.url(police_role)), autocommit=True) as conn:
        to_police = conn.execute(
            "SELECT id FROM linkage_exchange.message WHERE to_system = 'LN-110' LIMIT 1"
        ).fetchone()
        to_hotline = conn.execute(
            "SELECT id FROM linkage_exchange.message WHERE to_system = 'LN-12345' LIMIT 1"
        ).fetchone()
        assert to_police and to_hotline
        forged = (
            # posting as the other platform
            ("INSERT INTO linkage_exchange.message (from_system, to_system, digest, body)"
             " VALUES ('LN-12345', 'LN-110', %s, 'x')", (b"\0" * 32,)),
            # changing a message's bytes
            ("UPDATE linkage_exchange.message SET body = 'forged' WHERE id = %s",
             (to_police[0],)),
            # marking a message answered without answering it
            ("UPDATE linkage_exchange.message SET answered_posts = 99 WHERE id = %s",
             (to_hotline[0],)),
            ("TRUNCATE linkage_exchange.message", ()),
        )  # fmt: skip
        for statement, params in forged:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement, params)
        out_of_reach = (
            # answering its own message to the other platform
            ("UPDATE linkage_exchange.answer SET body = 'forged' WHERE message_id = %s",
             (to_hotline[0],)),
            # purging what the other platform was sent
            ("DELETE FROM linkage_exchange.message WHERE id = %s", (to_hotline[0],)),
            # posting the other platform's message again
            ("UPDATE linkage_exchange.message SET posts = posts + 1 WHERE id = %s",
             (to_police[0],)),
        )  # fmt: skip
        for statement, params in out_of_reach:
            assert conn.execute(statement, params).rowcount == 0, statement


def test_one_poller_per_system_takes_and_a_second_takes_over_when_it_stops(
    shared: Shared,
) -> None:
    ears = [FakeReceiver(), FakeReceiver()]

    async def scenario() -> None:
        pollers = [poller(shared.url(), "LN-110", ear) for ear in ears]
        link = DatabaseLink(shared.url(), "LN-12345", "LN-110", answer_wait_s=LIMIT_S / 2)
        pollers[0].start()
        await until(lambda: pollers[0].taking, LIMIT_S)
        pollers[1].start()
        first = [body(i) for i in range(30)]
        assert await link.deliver(first) == [b"ack:" + b for b in first]
        assert (ears[0].seen, ears[1].seen, pollers[1].taking) == (first, [], False)
        await pollers[0].stop()
        later = [body(i) for i in range(30, 40)]
        assert await link.deliver(later) == [b"ack:" + b for b in later]
        assert ears[1].seen == later
        await pollers[1].stop()
        await link.close()

    run(scenario)
