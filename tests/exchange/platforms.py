"""Two platforms, each with its own database and services, linked by the exchange: the harness
the exchange tests share. ``Side`` is one platform's system (orders, outbox, receiver, sender);
``linked(db12345, db110)`` joins two by :class:`LoopbackLink`s (tests of a real transport
swap the links)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from console.domain.calendar import load_calendar
from console.domain.exchange import Sender
from console.domain.orders import Platform
from console.services.alarms import load_site_policy
from console.services.audit import AuditTrail
from console.services.exchange_codec import ExchangeCodec
from console.services.exchange_link import Link, LoopbackLink
from console.services.exchange_outbox import Outbox
from console.services.exchange_receiver import Receiver
from console.services.exchange_sender import ExchangeSender, Pumped
from console.services.order_writer import OrderWriter
from console.services.orders import OrderService
from console.store.engine import Database

SYSTEM_ID = {Platform.HOTLINE: "LN-12345", Platform.POLICE: "LN-110"}


@dataclass
class Side:
    platform: Platform
    db: Database
    orders: OrderService
    receiver: Receiver
    sender: ExchangeSender | None = None
    link: Link | None = None  # the sender's
    outbox: Outbox | None = None  # where its seats' steps for the peer are queued

    async def pump_all(self) -> Pumped:
        """Deliver until nothing more is due (one round per batch)."""
        assert self.sender is not None
        total = Pumped()
        while (done := await self.sender.pump()).sent and not done.link_down:
            total = Pumped(
                total.sent + done.sent, total.applied + done.applied,
                total.refused + done.refused, total.again + done.again,
            )  # fmt: skip
            if done.again:
                break
        return total


def side(
    platform: Platform,
    db: Database,
    codec: ExchangeCodec,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    audit: AuditTrail | None = None,
    peer_ids: frozenset[str] = frozenset(),
) -> Side:
    me = Sender(platform, SYSTEM_ID[platform])
    policy, calendar = load_site_policy(db), load_calendar()
    outbox = Outbox(codec, me)
    orders = OrderService(db, clock, policy, calendar, audit=audit, outbox=outbox)
    writer = OrderWriter(policy, calendar, audit)
    receiver = Receiver(db, codec, writer, me, clock, audit, peer_ids)
    return Side(platform, db, orders, receiver, outbox=outbox)


def link_sides(
    a: Side,
    b: Side,
    codec: ExchangeCodec,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    make_link: Callable[[Side, Side], Link] | None = None,
) -> None:
    """Give each side a sender whose link reaches the other's receiver."""
    for here, there in ((a, b), (b, a)):
        link = (
            make_link(here, there)
            if make_link
            else LoopbackLink(there.receiver, SYSTEM_ID[here.platform])
        )
        here.link = link
        here.sender = ExchangeSender(
            here.db, codec, link, clock, peer=SYSTEM_ID[there.platform], rng=random.Random(5)
        )


def run(coro: object) -> object:
    return asyncio.run(coro)  # type: ignore[arg-type]
