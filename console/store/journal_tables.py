"""The keys of what a seat recorded (migration 0023): one row per order or step written with a
client-generated key, in the write's own transaction.

A seat's outage journal (``console.store.journal_file``) gives every entry a key before it first
tries the database; a replay that finds the key here knows the entry was written already (the
console was killed between the commit and the journal's "written"), so nothing is written twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class IntakeKeyRow(SQLModel, table=True):
    __tablename__ = "intake_key"
    key: str = Field(primary_key=True)
    number: str  # the order the key made (a new order) or stepped on
    written_at: datetime
