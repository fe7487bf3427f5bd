"""The exchange transport contract: every :class:`~console.services.exchange_link.Link` passes it.

Subclass :class:`LinkContract` in ``tests/exchange/test_link_<transport>.py`` and implement its
hooks: :meth:`open` builds the transport's far end around a :class:`FakeReceiver` and the link to
it; :meth:`cut` and :meth:`mend` take the far end away and bring it back (stop the server, drop
the database's access). Each test runs one scenario on a fresh plain asyncio loop.

What the contract holds a transport to: bodies arrive byte for byte and in order; each answer
comes back in the order of its body; a body the far end cannot name is answered ``None``; a cut
link raises ``LinkDown`` (never hangs, never returns made-up answers); a mended link works again
without a new :class:`Link`; the same bodies may be delivered again (the far end sees them again);
parallel deliveries each get their own answers.
"""

from __future__ import annotations

import abc
import asyncio
import threading
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import pytest

from console.services.exchange_link import Link, LinkDown

H = TypeVar("H")  # whatever the transport needs to cut and mend its far end
LIMIT_S = 20.0  # no delivery of the contract may take longer, even on a loaded CI machine


@dataclass
class FakeReceiver:
    """Answers ``b"ack:" + body``, or ``None`` for a body starting with ``b"?"``, and keeps what it
    saw (bodies and the source the transport named)."""

    seen: list[bytes] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def receive(self, bodies: Sequence[bytes], source: str) -> list[bytes | None]:
        with self.lock:
            self.seen.extend(bodies)
            self.sources.add(source)
        return [None if b.startswith(b"?") else b"ack:" + b for b in bodies]


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(asyncio.wait_for(scenario(), LIMIT_S * 3))


def body(i: int) -> bytes:
    """A message-like body: JSON bytes with Chinese text, distinct per ``i``."""
    return f'{{"envelope":{{"n":{i}}},"body":{{"note":"已签收，民警已出警 {i}"}}}}'.encode()


class LinkContract(abc.ABC, Generic[H]):
    @abc.abstractmethod
    async def open(self, far_end: FakeReceiver) -> tuple[Link, H]:
        """A link to a running far end that hands what arrives to ``far_end``."""

    @abc.abstractmethod
    async def cut(self, handle: H) -> None:
        """Make the far end unreachable (as a dead network or a stopped peer would)."""

    @abc.abstractmethod
    async def mend(self, handle: H) -> None:
        """Bring the far end back."""

    @abc.abstractmethod
    async def shut(self, handle: H) -> None:
        """Stop the far end for good (after the link was closed)."""

    async def _with_link(
        self, scenario: Callable[[Link, FakeReceiver, H], Awaitable[None]]
    ) -> None:
        far_end = FakeReceiver()
        link, handle = await self.open(far_end)
        try:
            await scenario(link, far_end, handle)
        finally:
            await link.close()
            await self.shut(handle)

    def test_bodies_arrive_in_order_and_answers_match(self) -> None:
        async def scenario(link: Link, far_end: FakeReceiver, _h: H) -> None:
            bodies = [body(i) for i in range(25)]
            answers = await asyncio.wait_for(link.deliver(bodies), LIMIT_S)
            assert answers == [b"ack:" + b for b in bodies]
            assert far_end.seen == bodies
            assert far_end.sources and all(far_end.sources)

        run(lambda: self._with_link(scenario))

    def test_nothing_to_deliver_is_no_answers(self) -> None:
        async def scenario(link: Link, _f: FakeReceiver, _h: H) -> None:
            assert await asyncio.wait_for(link.deliver([]), LIMIT_S) == []

        run(lambda: self._with_link(scenario))

    def test_an_unnamed_body_is_answered_none_and_the_rest_still_answered(self) -> None:
        async def scenario(link: Link, _f: FakeReceiver, _h: H) -> None:
            answers = await asyncio.wait_for(link.deliver([body(1), b"?broken", body(2)]), LIMIT_S)
            assert answers == [b"ack:" + body(1), None, b"ack:" + body(2)]

        run(lambda: self._with_link(scenario))

    def test_a_big_body_goes_whole(self) -> None:
        big = ("工" * 600_000).encode()  # 1.8 MB, under the 4 MiB message limit

        async def scenario(link: Link, far_end: FakeReceiver, _h: H) -> None:
            assert await asyncio.wait_for(link.deliver([big]), LIMIT_S) == [b"ack:" + big]
            assert far_end.seen == [big]

        run(lambda: self._with_link(scenario))

    def test_a_cut_link_raises_link_down_and_works_again_when_mended(self) -> None:
        async def scenario(link: Link, far_end: FakeReceiver, handle: H) -> None:
            await self.cut(handle)
            with pytest.raises(LinkDown):
                await asyncio.wait_for(link.deliver([body(1)]), LIMIT_S)
            await self.mend(handle)
            answers = await asyncio.wait_for(link.deliver([body(1), body(2)]), LIMIT_S)
            assert answers == [b"ack:" + body(1), b"ack:" + body(2)]
            assert far_end.seen[-2:] == [body(1), body(2)]

        run(lambda: self._with_link(scenario))

    def test_the_same_bodies_may_go_again(self) -> None:
        async def scenario(link: Link, far_end: FakeReceiver, _h: H) -> None:
            first = await asyncio.wait_for(link.deliver([body(7)]), LIMIT_S)
            again = await asyncio.wait_for(link.deliver([body(7)]), LIMIT_S)
            assert first == again == [b"ack:" + body(7)]
            assert far_end.seen.count(body(7)) >= 2

        run(lambda: self._with_link(scenario))

    def test_parallel_deliveries_each_get_their_own_answers(self) -> None:
        async def scenario(link: Link, _f: FakeReceiver, _h: H) -> None:
            batches = [[body(100 * k + i) for i in range(10)] for k in range(8)]
            answers = await asyncio.wait_for(
                asyncio.gather(*(link.deliver(b) for b in batches)), LIMIT_S
            )
            for batch, got in zip(batches, answers, strict=True):
                assert got == [b"ack:" + b for b in batch]

        run(lambda: self._with_link(scenario))
