"""Queries of the exchange's outbox, inbox and link state (tables in ``exchange_tables``).

Every function works inside the caller's session; none commits.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, update
from sqlmodel import Session, col, select

from console.store.exchange_tables import QUEUED_SQL, InboxRow, OutboxRow, PeerRow

QUEUED, DELIVERED, REFUSED = "queued", "delivered", "refused"
UP, DOWN = "up", "down"

__all__ = ["QUEUED_SQL"]


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A queued message as the sender reads it."""

    id: int
    message_id: str
    transaction_id: str
    order_number: str
    sequence: int
    attempts: int
    body: bytes


@dataclass(frozen=True, slots=True)
class OrderLink:
    """What an order's seat is shown of its messages: the oldest not yet acknowledged (its
    creation time) and the last final refusal (code, its parameters, when)."""

    unacked_since: datetime | None
    unacked: int
    refusal_code: str | None
    refusal_params: Mapping[str, str]
    refused_at: datetime | None


@dataclass(frozen=True, slots=True)
class Backlog:
    queued: int
    oldest: datetime | None
    refused: int
    last_acked_at: datetime | None


def next_sequence(session: Session, order_number: str) -> int:
    last = session.exec(
        select(func.max(OutboxRow.sequence)).where(col(OutboxRow.order_number) == order_number)
    ).one()
    return int(last or 0) + 1


def queue(session: Session, row: OutboxRow) -> None:
    session.add(row)
    session.flush()


def due(session: Session, now: datetime, limit: int) -> list[Outgoing]:
    """Queued messages whose time has come, oldest first (so each order's in sequence order)."""
    rows = session.exec(
        select(OutboxRow)
        .where(col(OutboxRow.state) == QUEUED, col(OutboxRow.next_try_at) <= now)
        .order_by(col(OutboxRow.id))
        .limit(limit)
    ).all()
    return [
        Outgoing(
            r.id or 0,
            r.message_id,
            r.transaction_id,
            r.order_number,
            r.sequence,
            r.attempts,
            r.body,
        )
        for r in rows
    ]


def delivered(session: Session, ids: Sequence[int], status: int, at: datetime) -> None:
    if ids:
        session.execute(
            update(OutboxRow)
            .where(col(OutboxRow.id).in_(ids), col(OutboxRow.state) == QUEUED)
            .values(state=DELIVERED, answered_at=at, ack_status=status, last_error="")
        )


def refused(
    session: Session, id: int, status: int, code: str, params: Mapping[str, str], at: datetime
) -> None:
    session.execute(
        update(OutboxRow)
        .where(col(OutboxRow.id) == id, col(OutboxRow.state) == QUEUED)
        .values(
            state=REFUSED,
            answered_at=at,
            ack_status=status,
            refusal_code=code,
            refusal_params=json.dumps(dict(params), ensure_ascii=False, sort_keys=True),
        )
    )


def retry(session: Session, id: int, at: datetime, error: str) -> None:
    """Try message ``id`` again at ``at``: one more attempt counted."""
    session.execute(
        update(OutboxRow)
        .where(col(OutboxRow.id) == id, col(OutboxRow.state) == QUEUED)
        .values(attempts=col(OutboxRow.attempts) + 1, next_try_at=at, last_error=error[:300])
    )


def inbox_answers(session: Session, message_ids: Sequence[str]) -> dict[str, bytes]:
    """The answers already given to any of ``message_ids`` (message id → acknowledgement)."""
    if not message_ids:
        return {}
    rows = session.execute(
        select(InboxRow.message_id, InboxRow.ack).where(col(InboxRow.message_id).in_(message_ids))
    ).all()
    return {m: bytes(a) for m, a in rows}


def answered_among(
    session: Session, sender: str, order_numbers: Sequence[str]
) -> set[tuple[str, int]]:
    """(order number, sequence) of every message of ``sender`` about those orders answered for
    good here."""
    if not order_numbers:
        return set()
    rows = session.execute(
        select(InboxRow.order_number, InboxRow.sequence).where(
            col(InboxRow.sender) == sender, col(InboxRow.order_number).in_(set(order_numbers))
        )
    ).all()
    return {(n, int(q)) for n, q in rows}


def keep_answers(session: Session, rows: Sequence[Mapping[str, object]]) -> None:
    """Inbox rows (``InboxRow``'s columns) written in one statement."""
    if rows:
        session.connection().execute(insert(InboxRow.__table__), rows)  # type: ignore[attr-defined]


def order_link(session: Session, order_number: str) -> OrderLink:
    rows = session.exec(
        select(OutboxRow)
        .where(col(OutboxRow.order_number) == order_number, col(OutboxRow.state) != DELIVERED)
        .order_by(col(OutboxRow.id))
    ).all()
    queued = [r for r in rows if r.state == QUEUED]
    refusals = [r for r in rows if r.state == REFUSED]
    last = refusals[-1] if refusals else None
    return OrderLink(
        unacked_since=queued[0].created_at if queued else None,
        unacked=len(queued),
        refusal_code=last.refusal_code if last else None,
        refusal_params=json.loads(last.refusal_params or "{}") if last else {},
        refused_at=last.answered_at if last else None,
    )


def backlog(session: Session) -> Backlog:
    queued = select(func.count()).where(col(OutboxRow.state) == QUEUED)
    oldest = select(func.min(OutboxRow.created_at)).where(col(OutboxRow.state) == QUEUED)
    refused_n = select(func.count()).where(col(OutboxRow.state) == REFUSED)
    last = select(func.max(OutboxRow.answered_at)).where(col(OutboxRow.state) == DELIVERED)
    return Backlog(
        int(session.exec(queued).one()),
        session.exec(oldest).one(),
        int(session.exec(refused_n).one()),
        session.exec(last).one(),
    )


def peer_state(session: Session, peer: str) -> PeerRow | None:
    return session.get(PeerRow, peer)


def set_peer_state(
    session: Session, peer: str, state: str, at: datetime, error: str = "", acked: bool = False
) -> None:
    row = session.get(PeerRow, peer)
    if row is None:
        row = PeerRow(peer=peer, state=state, since=at, checked_at=at, last_error=error[:300])
    elif row.state != state:
        row.state, row.since = state, at
    row.checked_at = at
    row.last_error = error[:300]
    if acked:
        row.last_acked_at = at
    session.add(row)
