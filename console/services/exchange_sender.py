"""The sending side of the exchange: queued messages delivered to the peer through a
:class:`~console.services.exchange_link.Link` and settled by its acknowledgements
(docs/exchange.md § 2.4). No Qt here.

- Messages go oldest first (each order's in sequence order), up to ``batch`` per delivery.
- Applied (200): delivered. A final refusal (400, 413, 422, 505): refused, kept with its code
  for the seat that took the step, audited; never sent again. Not now (409, 503) or no answer:
  the same bytes again after a back-off of 1 s doubling to 5 min, ±20 %.
- The link down (nothing got through): no message is charged an attempt; the link is tried
  again after 1 s doubling to :data:`LINK_MOST`, ±20 %, and everything due goes as soon as it
  answers — so a backlog drains in order the moment the link returns.
- The link's state (up/down, since, last error, last acknowledgement) is written to the
  database on every change, so any seat's status bar and ``exchange status`` can read it.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.audit import AuditAction, AuditEntry, AuditOutcome
from console.domain.exchange import AckStatus
from console.domain.refusals import Refused
from console.services.audit import AuditTrail
from console.services.exchange_codec import ExchangeCodec
from console.services.exchange_link import Link, LinkDown
from console.store import exchange as box
from console.store.engine import Database

log = logging.getLogger(__name__)

FIRST = timedelta(seconds=1)
MOST = timedelta(minutes=5)
LINK_MOST = timedelta(seconds=60)
JITTER = 0.2


def back_off(failures: int, rng: random.Random, most: timedelta = MOST) -> timedelta:
    """The wait after ``failures`` failed tries in a row (≥ 1): 1 s doubling to ``most``, ±20 %."""
    doublings = min(max(failures - 1, 0), 20)
    base = min(FIRST * float(2**doublings), most)
    return base * (1 + rng.uniform(-JITTER, JITTER))


@dataclass(frozen=True, slots=True)
class Pumped:
    """One round: how many messages went, and how they were answered."""

    sent: int = 0
    applied: int = 0
    refused: int = 0
    again: int = 0  # not now, or no answer: tried again later
    link_down: bool = False


class ExchangeSender:
    def __init__(
        self,
        db: Database,
        codec: ExchangeCodec,
        link: Link,
        clock: Callable[[], datetime],
        *,
        peer: str,
        rng: random.Random | None = None,
        batch: int = 200,
        audit: AuditTrail | None = None,
    ) -> None:
        self._db, self._codec, self._link, self._clock = db, codec, link, clock
        self.peer, self._rng, self._batch, self._audit = peer, rng or random.Random(), batch, audit
        self._link_failures = 0
        self._link_retry_at: datetime | None = None
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def pump(self) -> Pumped:
        """Deliver what is due now, once."""
        now = self._clock()
        if self._link_retry_at is not None and now < self._link_retry_at:
            return Pumped(link_down=True)
        due = await asyncio.to_thread(self._due, now)
        if not due:
            return Pumped()
        try:
            answers = await self._link.deliver([m.body for m in due])
        except LinkDown as down:
            self._link_failures += 1
            wait = back_off(self._link_failures, self._rng, LINK_MOST)
            self._link_retry_at = self._clock() + wait
            await asyncio.to_thread(self._state, box.DOWN, str(down) or type(down).__name__)
            log.info("exchange link to %s down (%s); again in %.1f s", self.peer, down,
                     wait.total_seconds())  # fmt: skip
            return Pumped(sent=len(due), link_down=True)
        self._link_failures, self._link_retry_at = 0, None
        return await asyncio.to_thread(self._settle, due, answers)

    async def run(self, stop: asyncio.Event, poll_s: float = 0.1) -> None:
        """Pump until ``stop`` is set: at once while there is more, else after ``poll_s`` or when
        :meth:`wake` is called; while the link is down, at its back-off."""
        self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        while not stop.is_set():
            try:
                done = await self.pump()
            except Exception:  # the database away for a moment: keep the loop alive
                log.exception("exchange sender round failed")
                done = Pumped(link_down=True)
            if done.sent and not done.link_down and done.sent >= self._batch:
                continue  # more is waiting
            wait = poll_s
            if done.link_down and self._link_retry_at is not None:
                wait = max(poll_s, (self._link_retry_at - self._clock()).total_seconds())
            self._wake.clear()
            waits = [asyncio.ensure_future(e.wait()) for e in (stop, self._wake)]
            await asyncio.wait(waits, timeout=wait, return_when=asyncio.FIRST_COMPLETED)
            for w in waits:
                w.cancel()

    def wake(self) -> None:
        """Something was queued (from any thread): deliver now, unless the link is down."""
        loop, event = self._loop, self._wake
        if loop is not None and event is not None and not loop.is_closed():
            loop.call_soon_threadsafe(event.set)

    def _due(self, now: datetime) -> list[box.Outgoing]:
        with self._db.read() as session:
            return box.due(session, now, self._batch)

    def _state(self, state: str, error: str = "", acked: bool = False) -> None:
        with self._db.write(notify=False) as session:
            box.set_peer_state(session, self.peer, state, self._clock(), error, acked)

    def _settle(self, due: Sequence[box.Outgoing], answers: Sequence[bytes | None]) -> Pumped:
        now = self._clock()
        applied: list[int] = []
        refused = again = 0
        with self._db.write() as session:
            for message, raw in zip(due, answers, strict=True):
                status, refusal = self._read(message, raw)
                if status is AckStatus.APPLIED:
                    applied.append(message.id)
                elif refusal is not None:
                    refused += 1
                    box.refused(session, message.id, int(status or 0), refusal.code,
                                refusal.params, now)  # fmt: skip
                    if self._audit is not None:
                        self._audit.record(session, AuditEntry(
                            f"exchange:{self.peer}"[:64], "exchange",
                            AuditAction.EXCHANGE_REFUSED_BY_PEER, message.order_number,
                            AuditOutcome.REFUSED, f"#{message.sequence} {refusal.code}",
                        ))  # fmt: skip
                else:
                    again += 1
                    wait = back_off(message.attempts + 1, self._rng)
                    why = f"answered {int(status)}" if status is not None else "no answer"
                    box.retry(session, message.id, now + wait, why)
            box.delivered(session, applied, int(AckStatus.APPLIED), now)
            box.set_peer_state(session, self.peer, box.UP, now, acked=bool(applied or refused))
        return Pumped(len(due), len(applied), refused, again)

    def _read(
        self, message: box.Outgoing, raw: bytes | None
    ) -> tuple[AckStatus | None, Refused | None]:
        if raw is None:
            return None, None
        try:
            ack = self._codec.decode_ack(raw)
        except Refused as bad:
            log.warning("an unreadable acknowledgement of %s: %s", message.message_id, bad.why)
            return None, None
        if str(ack.transaction_id) != message.transaction_id:
            log.warning("an acknowledgement of another transaction for %s", message.message_id)
            return None, None
        if ack.refusal is not None:
            return ack.status, ack.refusal.refused()
        return ack.status, None
