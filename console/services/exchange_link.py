"""The exchange's transport port: how one platform's messages reach the peer's system and its
acknowledgements come back (docs/exchange.md § 8).

A transport only moves bytes. The sending side holds a :class:`Link` (the HTTPS client, the
intermediate database's writer, or :class:`LoopbackLink` in one process); the receiving side's
transport end hands what arrives to a :class:`Receiving` (the platform's receiver, which applies
each message exactly once in its own database and answers it). Every transport passes the same
contract tests (``tests/exchange/link_contract.py``). No Qt here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Protocol


class LinkDown(ConnectionError):
    """Nothing got through this time (the peer unreachable, the connection or its certificate
    refused, a timeout): the sender keeps its messages and tries again later."""


class Link(Protocol):
    """The sending end of a transport, to one peer."""

    @property
    def peer(self) -> str:
        """Who the link reaches, for the status line and the log (e.g. ``110 https://…``)."""
        ...

    async def deliver(self, bodies: Sequence[bytes]) -> list[bytes | None]:
        """Offer encoded messages to the peer, in this order; return, in the same order, each
        one's encoded acknowledgement, or ``None`` where the peer has not answered it (yet): the
        sender retries the same bytes later. Raises :class:`LinkDown` when nothing got through.
        Safe to call again with bodies delivered before (the receiver applies each once)."""
        ...

    async def close(self) -> None:
        """Release connections; the link is not used again."""
        ...


class Receiving(Protocol):
    """The receiving platform's side, as a transport's far end calls it."""

    def receive(self, bodies: Sequence[bytes], source: str) -> list[bytes | None]:
        """Apply each message (exactly once, in order per order) and return its encoded
        acknowledgement, in the same order; ``None`` for a body too broken to name a message
        (it is audited; an intact copy sent again is answered). ``source`` names who delivered
        it as the transport authenticated them (certificate subject, database role), for the
        audit trail. Blocking (database work): call it off the event loop."""
        ...


class LoopbackLink:
    """A link to a :class:`Receiving` in the same process (tests; a one-process demo). ``down``
    cuts it: every delivery then raises :class:`LinkDown`, as a dead network would."""

    def __init__(self, far_end: Receiving, source: str = "loopback") -> None:
        self._far_end, self._source = far_end, source
        self.down = False
        self.closed = False

    @property
    def peer(self) -> str:
        return f"loopback:{self._source}"

    async def deliver(self, bodies: Sequence[bytes]) -> list[bytes | None]:
        if self.down or self.closed:
            raise LinkDown("the loopback link is cut")
        if not bodies:
            return []
        answers = await asyncio.to_thread(self._far_end.receive, list(bodies), self._source)
        if self.down:  # cut while the far end worked: the answers are lost on the way
            raise LinkDown("the loopback link was cut before the answers came back")
        return answers

    async def close(self) -> None:
        self.closed = True
