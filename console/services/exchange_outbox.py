"""The transactional outbox: a step that crosses to the peer platform becomes a message queued in
the step's own transaction (``OrderWriter`` calls :meth:`Outbox.step`); the sender
(``exchange_sender``) delivers it later. No Qt here.

Which steps travel: every action :data:`~console.domain.exchange.KIND_OF` names, once the order
is on both sides — the step is a transfer (the whole order goes with it), or the order was
transferred before (its timeline holds a transfer, whichever side made it). 并单's steps too
(1.2): a transfer carries the callers who joined the order, a 并入 the caller who joined. A step on an order
the peer never had stays here: 联动110派警 on a 12345 order that never went to 110 sends only the
linked 110 order (its own transfer, naming the parent), not the parent's escalation line.

A caller told the result (告知来电人) on an order the peer holds travels as ``caller_told``
(1.3, :meth:`Outbox.told`), numbered in the order's sequence like a step.

Nothing is queued of a kind the peer is known not to read (``peer_format``, the
``exchange.peer_format`` setting, against :data:`~console.domain.exchange.SINCE`): the peer
would refuse it (``exchange_invalid``, no record kept) and every later message of the order
would wait behind the gap. Such a step stays a step here (a merge still closes the duplicate
here; the peer's copy does not learn it) and takes no sequence number, so the order's later
steps go on. A peer whose format is not known is sent every kind (docs/exchange.md § 5).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID, uuid4

from sqlmodel import Session

from console.domain.exchange import (
    KIND_OF,
    Kind,
    Message,
    NoticeKind,
    Sender,
    Version,
    peer_reads,
)
from console.domain.exchange_steps import message_for
from console.domain.exchange_told import CallerToldMessage, ToldCaller, told_message
from console.domain.order_types import Actor
from console.domain.orders import Action, WorkOrder
from console.services.exchange_callers import calls_for
from console.services.exchange_codec import ExchangeCodec
from console.store import exchange as box
from console.store import orders as repo
from console.store.exchange_tables import OutboxRow


def travels(order: WorkOrder, action: Action) -> bool:
    """Whether ``action``, just taken on ``order`` (its last timeline line), goes to the peer."""
    if KIND_OF[action] is None:
        return False
    return action is Action.TRANSFER or held_by_peer(order)


def held_by_peer(order: WorkOrder) -> bool:
    """Whether the peer holds a copy of ``order``: its timeline holds a transfer."""
    return any(e.action is Action.TRANSFER for e in order.timeline)


class Outbox:
    """Queues this platform's steps for the peer. ``sender`` names this system; ``on_queued``
    is called (on the writing thread, before the step's transaction commits) when something was
    queued, so an in-process sender wakes at once instead of at its next poll. ``peer_format``:
    the format version the peer's system reads, as the two platforms agreed it (None: not
    known)."""

    def __init__(
        self,
        codec: ExchangeCodec,
        sender: Sender,
        ids: Callable[[], UUID] = uuid4,
        on_queued: Callable[[], None] | None = None,
        peer_format: Version | None = None,
    ) -> None:
        self.codec, self.sender, self._ids, self._on_queued = codec, sender, ids, on_queued
        self.peer_format = peer_format

    def step(self, session: Session, order: WorkOrder, action: Action, now: datetime) -> None:
        """Queue ``action`` (the last step of ``order``) if it travels and the peer reads its
        kind; ``exchange_invalid`` (refusing the step itself) if the message would break the
        format's limits."""
        kind = KIND_OF[action]
        if kind is None or not travels(order, action) or not peer_reads(kind, self.peer_format):
            return
        event = order.timeline[-1]
        if event.platform is not self.sender.platform:
            raise ValueError(
                f"a {event.platform} step written on the {self.sender.platform} system"
            )
        linked = None
        if kind is Kind.ESCALATION:
            linked = repo.get(session, event.detail).order
        message = message_for(
            order,
            action,
            sender=self.sender,
            message_id=self._ids(),
            transaction_id=self._ids(),
            sent_at=now,
            sequence=box.next_sequence(session, order.number),
            linked=linked,
            callers=calls_for(session, order, action),
            peer_format=self.peer_format,
        )
        self._queue(session, message, event.seat, now)

    def told(
        self, session: Session, order: WorkOrder, caller: ToldCaller, at: datetime, by: Actor
    ) -> None:
        """Queue ``caller`` of ``order`` told the result ``at`` by ``by``, if the peer holds the
        order and reads ``caller_told``."""
        if not held_by_peer(order) or not peer_reads(NoticeKind.CALLER_TOLD, self.peer_format):
            return
        message = told_message(
            order.number, caller, at=at, name=by.name, seat=by.seat, sender=self.sender,
            message_id=self._ids(), transaction_id=self._ids(),
            sequence=box.next_sequence(session, order.number),
        )  # fmt: skip
        self._queue(session, message, by.seat, at)

    def _queue(
        self, session: Session, message: Message | CallerToldMessage, seat: str, now: datetime
    ) -> None:
        envelope = message.envelope
        box.queue(
            session,
            OutboxRow(
                message_id=str(envelope.message_id),
                transaction_id=str(envelope.transaction_id),
                order_number=envelope.order_number,
                sequence=envelope.sequence,
                kind=envelope.kind.value,
                seat=seat,
                body=self.codec.encode(message),
                created_at=now,
                next_try_at=now,
            ),
        )
        if self._on_queued is not None:
            self._on_queued()
