"""The transactional outbox: a step that crosses to the peer platform becomes a message queued in
the step's own transaction (``OrderWriter`` calls :meth:`Outbox.step`); the sender
(``exchange_sender``) delivers it later. No Qt here.

Which steps travel: every action :data:`~console.domain.exchange.KIND_OF` names, once the order
is on both sides — the step is a transfer (the whole order goes with it), or the order was
transferred before (its timeline holds a transfer, whichever side made it). 并单's steps too
(1.2): a transfer carries the callers who joined the order, a 并入 the caller who joined. A step on an order
the peer never had stays here: 联动110派警 on a 12345 order that never went to 110 sends only the
linked 110 order (its own transfer, naming the parent), not the parent's escalation line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID, uuid4

from sqlmodel import Session

from console.domain.exchange import KIND_OF, Kind, Sender, message_for
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
    return action is Action.TRANSFER or any(
        e.action is Action.TRANSFER for e in order.timeline[:-1]
    )


class Outbox:
    """Queues this platform's steps for the peer. ``sender`` names this system; ``on_queued``
    is called (on the writing thread, before the step's transaction commits) when something was
    queued, so an in-process sender wakes at once instead of at its next poll."""

    def __init__(
        self,
        codec: ExchangeCodec,
        sender: Sender,
        ids: Callable[[], UUID] = uuid4,
        on_queued: Callable[[], None] | None = None,
    ) -> None:
        self.codec, self.sender, self._ids, self._on_queued = codec, sender, ids, on_queued

    def step(self, session: Session, order: WorkOrder, action: Action, now: datetime) -> None:
        """Queue ``action`` (the last step of ``order``) if it travels; ``exchange_invalid``
        (refusing the step itself) if the message would break the format's limits."""
        if not travels(order, action):
            return
        event = order.timeline[-1]
        if event.platform is not self.sender.platform:
            raise ValueError(
                f"a {event.platform} step written on the {self.sender.platform} system"
            )
        linked = None
        if KIND_OF[action] is Kind.ESCALATION:
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
        )
        envelope = message.envelope
        box.queue(
            session,
            OutboxRow(
                message_id=str(envelope.message_id),
                transaction_id=str(envelope.transaction_id),
                order_number=order.number,
                sequence=envelope.sequence,
                kind=envelope.kind.value,
                seat=event.seat,
                body=self.codec.encode(message),
                created_at=now,
                next_try_at=now,
            ),
        )
        if self._on_queued is not None:
            self._on_queued()
