"""Queries of the unacknowledged-message alarm (table in ``exchange_alarm_tables``).

Raising and resolving are each ONE conditional statement, so that consoles sweeping at once
agree: the raise is an ``INSERT … SELECT`` that only yields a row while a queued message is
older than the limit and no alarm is open, and does nothing on the open-alarm index's conflict
(PostgreSQL: a second console's insert waits for the first's commit, then finds the row); the
resolve is an ``UPDATE … WHERE resolved_at IS NULL`` that only matches while no queued message is
that old. Every function works inside the caller's session; none commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, literal, select, update
from sqlmodel import Session, col

from console.store.dialects import upsert
from console.store.exchange_alarm_tables import ExchangeAlarmRow
from console.store.exchange_tables import OutboxRow, PeerRow

QUEUED = "queued"


@dataclass(frozen=True, slots=True)
class OpenLinkAlarm:
    """The open alarm as stored (what the outbox holds now is read beside it)."""

    id: int
    peer: str
    raised_at: datetime
    oldest_at: datetime
    queued: int
    acknowledged_by: str | None
    ack_note: str | None


def _open() -> Any:
    return col(ExchangeAlarmRow.resolved_at).is_(None)


def _stale(cutoff: datetime) -> Any:
    """A queued message created at or before ``cutoff`` exists."""
    return exists().where(col(OutboxRow.state) == QUEUED, col(OutboxRow.created_at) <= cutoff)


def peer_name(session: Session) -> str:
    """The peer the outbox goes to, as its sender last named it ("" before any sender ran)."""
    name = session.exec(  # type: ignore[call-overload]
        select(col(PeerRow.peer)).order_by(col(PeerRow.checked_at).desc()).limit(1)
    ).first()
    return str(name[0]) if name else ""


def raise_if_due(
    session: Session, now: datetime, limit: timedelta, seat: str
) -> OpenLinkAlarm | None:
    """Raise the alarm if a queued message is older than ``limit`` and none is open: the row
    raised, or None (nothing that old, or another console raised it first)."""
    peer = peer_name(session)
    cutoff = now - limit
    # One row while a message is that old and no alarm is open, else none (grouped: an
    # aggregate alone would yield a row of nothing). The WHERE is also what SQLite's parser
    # needs before ON CONFLICT.
    what = (literal(peer), literal(now), literal(seat), func.min(col(OutboxRow.created_at)))
    source = (
        select(*what, func.count())
        .where(col(OutboxRow.state) == QUEUED, _stale(cutoff), ~exists().where(_open()))
        .group_by(col(OutboxRow.state))
    )
    names = ["peer", "raised_at", "raised_by", "oldest_at", "queued"]
    stmt = (
        upsert(session.get_bind().dialect.name, ExchangeAlarmRow)
        .from_select(names, source)
        .on_conflict_do_nothing(index_elements=["peer"], index_where=_open())
        .returning(col(ExchangeAlarmRow.id))
    )
    got = session.execute(stmt).first()
    if got is None:
        return None
    return open_alarm(session)


def name_peer(session: Session) -> None:
    """Give an alarm raised before any sender named the peer the peer's name."""
    peer = peer_name(session)
    if peer:
        session.execute(
            update(ExchangeAlarmRow)
            .where(_open(), col(ExchangeAlarmRow.peer) == "")
            .values(peer=peer)
        )


def resolve_if_drained(session: Session, now: datetime, limit: timedelta) -> int:
    """Resolve the open alarm once no queued message is older than ``limit``: rows resolved."""
    result = session.execute(
        update(ExchangeAlarmRow).where(_open(), ~_stale(now - limit)).values(resolved_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def open_alarm(session: Session) -> OpenLinkAlarm | None:
    row = session.exec(  # type: ignore[call-overload]
        select(ExchangeAlarmRow).where(_open()).order_by(col(ExchangeAlarmRow.id)).limit(1)
    ).first()
    if row is None:
        return None
    r: ExchangeAlarmRow = row[0]
    return OpenLinkAlarm(
        r.id or 0, r.peer, utc(r.raised_at), utc(r.oldest_at), r.queued,
        r.acknowledged_by, r.ack_note,
    )  # fmt: skip


def stale_since(session: Session) -> datetime | None:
    """When the oldest queued message was created (the instant the limit counts from)."""
    value = session.execute(
        select(func.min(OutboxRow.created_at)).where(col(OutboxRow.state) == QUEUED)
    ).scalar()
    return utc(value) if value is not None else None


def acknowledge(session: Session, alarm_id: int, by: str, note: str, at: datetime) -> bool:
    """Acknowledge the open alarm ``alarm_id`` if nobody has yet (the first note stands)."""
    result = session.execute(
        update(ExchangeAlarmRow)
        .where(
            col(ExchangeAlarmRow.id) == alarm_id, col(ExchangeAlarmRow.acknowledged_at).is_(None)
        )
        .values(acknowledged_at=at, acknowledged_by=by, ack_note=note)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def acknowledged_by(session: Session, alarm_id: int) -> str | None:
    """Who acknowledged alarm ``alarm_id`` ("" if nobody yet); None if there is no such alarm."""
    row = session.execute(
        select(col(ExchangeAlarmRow.acknowledged_by)).where(col(ExchangeAlarmRow.id) == alarm_id)
    ).first()
    return None if row is None else (row[0] or "")


def raised_count(session: Session) -> int:
    """Every alarm ever raised (the tests count them)."""
    return int(session.execute(select(func.count()).select_from(ExchangeAlarmRow)).scalar() or 0)


def utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
