"""The exchange's tables on a platform's own database (migration 0013): the transactional
outbox of messages to the peer, the inbox of messages applied from it, and the link's state.

An outbox row is written in the same transaction as the order step it carries; the sender reads
queued rows in id order, delivers their bytes and settles them with the acknowledgement. An inbox
row is written in the same transaction as the step it applies, with the acknowledgement given, so a
message is applied at most once and a duplicate gets the first answer again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, LargeBinary
from sqlmodel import Field, SQLModel

from console.store.dialects import where

QUEUED_SQL = "state = 'queued'"


class OutboxRow(SQLModel, table=True):
    """One message to the peer. ``state``: queued (not yet answered for good), delivered (200)
    or refused (a final refusal: ``refusal_code`` and ``refusal_params``, JSON of strings)."""

    __tablename__ = "exchange_outbox"
    __table_args__ = (
        Index("ux_exchange_outbox_order_seq", "order_number", "sequence", unique=True),
        Index("ux_exchange_outbox_message", "message_id", unique=True),
        Index("ux_exchange_outbox_transaction", "transaction_id", unique=True),
        # The sender's scan: queued rows in id order (the partial index's WHERE must match the
        # query's text exactly, or SQLite will not use it).
        Index(
            "ix_exchange_outbox_queued",
            "id",
            **where(QUEUED_SQL),
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    message_id: str
    transaction_id: str
    order_number: str
    sequence: int
    kind: str
    seat: str  # the seat that took the step (its refusals are shown there)
    body: bytes = Field(sa_type=LargeBinary)
    created_at: datetime
    state: str = "queued"
    attempts: int = 0
    next_try_at: datetime
    last_error: str = ""
    answered_at: datetime | None = None
    ack_status: int | None = None
    refusal_code: str | None = None
    refusal_params: str | None = None


class InboxRow(SQLModel, table=True):
    """One message the peer sent that was answered for good (applied, or refused by the rules):
    a duplicate gets ``ack`` again. Messages answered "not now" (409, 503) leave no row."""

    __tablename__ = "exchange_inbox"
    __table_args__ = (
        Index("ux_exchange_inbox_order_seq", "sender", "order_number", "sequence", unique=True),
    )
    message_id: str = Field(primary_key=True)
    sender: str  # the sending system's id
    order_number: str
    sequence: int
    kind: str
    status: int
    ack: bytes = Field(sa_type=LargeBinary)
    received_at: datetime


class PeerRow(SQLModel, table=True):
    """The link to the peer as its sender last found it (the status bar and ``exchange status``
    read it from any process): ``up`` or ``down`` since ``since``, last checked ``checked_at``."""

    __tablename__ = "exchange_peer"
    peer: str = Field(primary_key=True)
    state: str
    since: datetime
    checked_at: datetime
    last_error: str = ""
    last_acked_at: datetime | None = None
