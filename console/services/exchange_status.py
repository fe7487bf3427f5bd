"""What ``python -m console exchange status`` reports: per peer, the link's state as its sender
last found it, the last acknowledgement, the outbox's backlog (how many wait, the oldest's age),
the final refusals, and the open unacknowledged-message alarm. One read; no Qt here.

A platform's outbox goes to its one peer: the backlog is the outbox's, shown with each peer the
sender has named (or with none, when messages were queued before any sender ran)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import inspect
from sqlmodel import col, select

from console.services.exchange_alarms import LinkAlarm, live
from console.store import exchange as box
from console.store import exchange_alarms as alarm_rows
from console.store.engine import Database
from console.store.exchange_tables import PeerRow

TABLES = ("exchange_outbox", "exchange_peer", "exchange_alarm")


class NoExchangeTables(LookupError):
    """The database has no exchange tables yet (its schema predates them: run init-db)."""


@dataclass(frozen=True, slots=True)
class PeerStatus:
    peer: str  # "" when no sender has named it yet
    state: str | None  # "up" / "down"; None when no sender has tried the link yet
    since: datetime | None
    checked_at: datetime | None
    last_error: str
    last_acked_at: datetime | None


@dataclass(frozen=True, slots=True)
class ExchangeStatus:
    now: datetime
    limit: timedelta
    peers: tuple[PeerStatus, ...]
    queued: int
    oldest_at: datetime | None
    refused: int
    last_acked_at: datetime | None
    alarm: LinkAlarm | None

    @property
    def empty(self) -> bool:
        """Nothing was ever exchanged or tried here (a single-database site, or not yet)."""
        return not self.peers and not self.queued and not self.refused and not self.last_acked_at

    def oldest_age(self) -> timedelta | None:
        return max(self.now - self.oldest_at, timedelta(0)) if self.oldest_at else None


def exchange_status(db: Database, now: datetime, limit: timedelta) -> ExchangeStatus:
    """Raises :class:`NoExchangeTables` when the schema has none."""
    present = inspect(db.engine)
    if not all(present.has_table(name) for name in TABLES):
        raise NoExchangeTables("the database has no exchange tables: run init-db")
    with db.read() as session:
        rows = session.exec(select(PeerRow).order_by(col(PeerRow.peer))).all()
        backlog = box.backlog(session)
        held = alarm_rows.open_alarm(session)
        alarm = None if held is None else live(held, backlog)
    peers = tuple(
        PeerStatus(
            r.peer,
            r.state,
            alarm_rows.utc(r.since),
            alarm_rows.utc(r.checked_at),
            r.last_error,
            alarm_rows.utc(r.last_acked_at) if r.last_acked_at else None,
        )
        for r in rows
    )
    if not peers and backlog.queued:  # queued before any sender ran: the peer is not named
        peers = (PeerStatus("", None, None, None, "", None),)
    oldest = alarm_rows.utc(backlog.oldest) if backlog.oldest else None
    last = alarm_rows.utc(backlog.last_acked_at) if backlog.last_acked_at else None
    return ExchangeStatus(now, limit, peers, backlog.queued, oldest, backlog.refused, last, alarm)
