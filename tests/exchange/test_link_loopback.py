"""The in-process loopback link passes the transport contract (and so shows what it asks)."""

from __future__ import annotations

from console.services.exchange_link import Link, LoopbackLink
from tests.exchange.link_contract import FakeReceiver, LinkContract


class TestLoopbackLink(LinkContract[LoopbackLink]):
    async def open(self, far_end: FakeReceiver) -> tuple[Link, LoopbackLink]:
        link = LoopbackLink(far_end, source="110-test")
        return link, link

    async def cut(self, handle: LoopbackLink) -> None:
        handle.down = True

    async def mend(self, handle: LoopbackLink) -> None:
        handle.down = False

    async def shut(self, handle: LoopbackLink) -> None:
        pass
