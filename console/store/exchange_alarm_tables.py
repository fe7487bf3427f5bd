"""The unacknowledged-message alarm's table (migration 0014): one row per outage, not per
message.

A row is raised when the oldest message still queued for the peer is older than the site's
limit (``exchange.unacked_alarm_s``) and resolved when no queued message is that old any more.
The partial unique index lets at most one row per peer be unresolved: every console on the
platform's database sweeps, and the ``INSERT … ON CONFLICT DO NOTHING`` of all but the first
finds the row already there, so the alarm is raised once however many consoles sweep.
How many messages wait and how old the oldest is are read live from the outbox; ``queued`` and
``oldest_at`` keep what they were when it was raised.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from console.store.dialects import where

OPEN_SQL = "resolved_at IS NULL"


class ExchangeAlarmRow(SQLModel, table=True):
    __tablename__ = "exchange_alarm"
    __table_args__ = (
        Index(
            "ux_exchange_alarm_open",
            "peer",
            unique=True,
            **where(OPEN_SQL),
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    peer: str  # the peer system's id as the sender names it ("" until a sender has named it)
    raised_at: datetime
    raised_by: str  # the seat whose sweep raised it
    oldest_at: datetime  # the oldest unacknowledged message's creation, when raised
    queued: int  # messages waiting, when raised
    resolved_at: datetime | None = None
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None
    ack_note: str | None = None
