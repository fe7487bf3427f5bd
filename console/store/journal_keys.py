"""The keys of what a seat recorded (table ``intake_key``, ``console.store.journal_tables``):
looked up and added inside the write's own transaction, so a write and its key commit together.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlmodel import Session

from console.store.journal_tables import IntakeKeyRow

_KEYS = IntakeKeyRow.__table__  # type: ignore[attr-defined]


def written(session: Session, key: str) -> str | None:
    """The order number ``key`` was written with, or None if nothing was written with it."""
    found = session.execute(select(_KEYS.c.number).where(_KEYS.c.key == key)).scalar()
    return None if found is None else str(found)


def record(session: Session, key: str, number: str, at: datetime) -> None:
    """Note that ``key`` wrote (or stepped on) order ``number``. A second write with the same
    key fails on the primary key, so two replays racing cannot both commit."""
    session.execute(insert(_KEYS).values(key=key, number=number, written_at=at))


def forget_page(session: Session, before: datetime, most: int) -> int:
    """Delete at most ``most`` keys written before ``before``; how many went."""
    page = select(_KEYS.c.key).where(_KEYS.c.written_at < before).limit(most)
    keys = [str(k) for k in session.execute(page).scalars()]
    if keys:
        session.execute(delete(_KEYS).where(_KEYS.c.key.in_(keys)))
    return len(keys)
