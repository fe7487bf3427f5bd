"""An order's step as the message that carries it to the peer (:func:`message_for`), written in
the version its kind needs (:data:`~console.domain.exchange.SINCE`) and holding only what a
peer known to read an older format reads. Pure Python: no Qt, no database, no JSON.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from uuid import UUID

from console.domain.exchange import (
    CURRENT,
    KIND_OF,
    MERGE_VERSION,
    SINCE,
    Disposition,
    Envelope,
    JoinedCall,
    Kind,
    Message,
    Sender,
    Version,
    peer_reads,
)
from console.domain.order_types import Action, FirstContactMode, WorkOrder


def message_for(
    order: WorkOrder,
    action: Action,
    *,
    sender: Sender,
    message_id: UUID,
    transaction_id: UUID,
    sent_at: datetime,
    sequence: int,
    linked: WorkOrder | None = None,
    callers: tuple[JoinedCall, ...] = (),
    peer_format: Version | None = None,
) -> Message:
    """The message that carries ``action``, the last step on ``order``'s timeline, to the peer.

    ``linked`` is the 110 order an escalation made; ``callers`` the callers who joined the
    order (a transfer's) or the one who joined now (a ``caller_joined``). A peer known to read
    ``peer_format``, older than 并单's, gets an order without its 并单 lines and a transfer
    without callers (they are 1.2's): it would refuse the whole message. ValueError if the
    action never travels or is not the order's last step (a message is built in the
    transaction that took the step).
    """
    kind = KIND_OF[action]
    if kind is None:
        raise ValueError(f"{action} does not travel by itself")
    if not order.timeline or order.timeline[-1].action is not action:
        raise ValueError(f"{action} is not the last step of {order.number}")
    if (linked is not None) != (kind is Kind.ESCALATION):
        raise ValueError("an escalation, and only an escalation, names its linked order")
    if not peer_reads(kind, peer_format):
        raise ValueError(f"a peer reading {peer_format} does not read {kind}")
    if not peer_reads(Kind.CALLER_JOINED, peer_format):
        order, callers = _as_read(order, peer_format), ()
        linked = linked and _as_read(linked, peer_format)
    envelope = Envelope(
        message_id=message_id,
        version=max(SINCE[kind], MERGE_VERSION if callers else CURRENT),
        sent_at=sent_at,
        sender=sender,
        order_number=order.number,
        sequence=sequence,
        transaction_id=transaction_id,
        kind=kind,
    )
    return Message(
        envelope=envelope,
        event=order.timeline[-1],
        order=order if kind is Kind.TRANSFER else linked,
        first_contact_mode=order.first_contact_mode if kind is Kind.FIRST_CONTACT else None,
        disposition=_disposition(order) if kind is Kind.COMPLETION else None,
        callers=callers,
    )


def _disposition(order: WorkOrder) -> Disposition:
    if order.first_contact_mode is FirstContactMode.GUIDANCE:
        return Disposition.GUIDANCE
    return Disposition.HANDLED


def _as_read(order: WorkOrder, peer_format: Version | None) -> WorkOrder:
    """``order`` without the timeline lines of kinds a peer reading ``peer_format`` does not
    know (a 并单 and its 拆单 leave the status as it was: the timeline still replays)."""
    lines = tuple(
        e for e in order.timeline
        if (kind := KIND_OF[e.action]) is None or peer_reads(kind, peer_format)
    )  # fmt: skip
    return order if len(lines) == len(order.timeline) else replace(order, timeline=lines)
