"""告知来电人 across the exchange (format 1.3): a caller of an order both sides hold was told the
result at one platform, so the other platform's copy shows them told too.

A ``caller_told`` message is not a step of the order (the order's status and timeline stay as
they are); it is numbered in the order's sequence like a step, so it is applied after the
transfer or ``caller_joined`` that brought its caller to the peer, and exactly once. The caller
is named as ``caller_joined`` names one — by the duplicate or call they joined from
(``merged_from``; None: the order's own caller), with the number to call back — never by a
row of either database. Pure Python: no Qt, no database, no JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from console.domain.exchange import SINCE, Envelope, Extension, NoticeKind, Sender
from console.domain.order_types import Platform


@dataclass(frozen=True, slots=True)
class ToldCaller:
    """Which caller of the order was told: the number to call back, and the duplicate or call
    they joined from (``caller_joined``'s ``mergedFrom``); ``merged_from`` None: the order's
    own caller."""

    phone: str
    merged_from: str | None = None


@dataclass(frozen=True, slots=True)
class CallerToldMessage:
    """``caller`` was told the result ``at``, by the agent ``name`` at ``seat`` of the sending
    platform (the envelope's sender)."""

    envelope: Envelope
    caller: ToldCaller
    at: datetime
    name: str
    seat: str
    extensions: Mapping[str, Extension] = field(default_factory=dict)

    @property
    def platform(self) -> Platform:
        """Where the caller was told: the sender's platform."""
        return self.envelope.sender.platform

    def __post_init__(self) -> None:
        if self.envelope.kind is not NoticeKind.CALLER_TOLD:
            raise ValueError(f"a {self.envelope.kind} message is not a caller_told")
        if self.at.tzinfo is None:
            raise ValueError("instants are timezone-aware")


def told_message(
    number: str,
    caller: ToldCaller,
    *,
    at: datetime,
    name: str,
    seat: str,
    sender: Sender,
    message_id: UUID,
    transaction_id: UUID,
    sequence: int,
) -> CallerToldMessage:
    """The message that tells the peer ``caller`` of order ``number`` was told, written in the
    transaction that ticked it (sent at ``at``, the tick's own instant)."""
    envelope = Envelope(
        message_id=message_id,
        version=SINCE[NoticeKind.CALLER_TOLD],
        sent_at=at,
        sender=sender,
        order_number=number,
        sequence=sequence,
        transaction_id=transaction_id,
        kind=NoticeKind.CALLER_TOLD,
    )
    return CallerToldMessage(envelope, caller, at, name, seat)
