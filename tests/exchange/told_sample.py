"""The ``caller_told`` message of ``resources/exchange/v1/examples/message-caller_told.json``, as
values: 110's agent told the caller who joined 12345's order 000006 from its duplicate 000007
(the order of ``message-caller_joined.json``) the result."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from console.domain.exchange import Sender
from console.domain.exchange_told import CallerToldMessage, ToldCaller, told_message
from console.domain.orders import Platform


def told_sample() -> CallerToldMessage:
    return told_message(
        "12345-20261126-000006",
        ToldCaller("13900001111", "12345-20261126-000007"),
        at=datetime(2026, 11, 26, 9, 30, tzinfo=UTC),
        name="李强",
        seat="J-07",
        sender=Sender(Platform.POLICE, "LN-110"),
        message_id=UUID("00000000-0000-4000-8000-000000000021"),
        transaction_id=UUID("00000000-0000-4000-8000-000000001021"),
        sequence=3,
    )
