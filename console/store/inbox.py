"""What a seat's inbox (待办) is read from: three small indexed queries.

- :func:`peer_news` — the peer platform's sign-fors, feedback and returns (``NEWS_SQL``) of the
  last hours, on orders this seat sent over (a transfer event of this seat on the same order,
  before it): ``ix_order_event_news`` for the recent events, ``ix_order_event_order`` for the
  check.
- :func:`awaiting_completion` — the orders fed back to this platform, waiting for its 办结
  (origin, 已反馈): ``ix_work_order_fed_back``, soonest feedback deadline first.
- :func:`near_deadlines` — the raised, unresolved alarms (预警/到期/超期) of the orders whose latest
  step was this seat's (经办坐席): ``ix_work_order_seat_due``, then ``ix_alarm_order``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import exists, func, select, text
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from console.domain.orders import Action, Platform, Status
from console.store.tables import FED_BACK_SQL, NEWS_SQL, OPEN_SQL, AlarmRow, EventRow, OrderRow


@dataclass(frozen=True, slots=True)
class NewsRow:
    """A step the peer took on an order this seat sent: signed for, fed back, returned."""

    event_id: int
    at: datetime
    action: Action
    from_status: Status | None
    actor: str
    seat: str
    note: str
    number: str
    status: Status  # the order's status now


@dataclass(frozen=True, slots=True)
class AwaitingRow:
    """An order fed back to this platform, waiting for its 办结."""

    id: int
    version: int  # a new feedback (after a return) is news again
    number: str
    fed_back_at: datetime  # when the order was last written: its feedback
    completion_due: datetime | None


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    """The highest raised level of one deadline of one of the seat's orders."""

    alarm_id: int
    number: str
    deadline: str  # a DeadlineKind value
    level: str  # an AlarmLevel value
    due_at: datetime
    status: Status


def peer_news(
    session: Session, seat: str, platform: Platform, since: datetime, limit: int
) -> list[NewsRow]:
    """The peer's steps since ``since`` on orders ``seat`` (of ``platform``) sent, newest first."""
    sent = aliased(EventRow)
    sent_by_seat = exists().where(
        col(sent.order_id) == col(EventRow.order_id),
        col(sent.seat) == seat,
        col(sent.platform) == platform.value,
        col(sent.action) == Action.TRANSFER.value,
        col(sent.at) <= col(EventRow.at),
    )
    query = (
        select(
            col(EventRow.id),
            col(EventRow.at),
            col(EventRow.action),
            col(EventRow.from_status),
            col(EventRow.actor),
            col(EventRow.seat),
            col(EventRow.note),
            col(OrderRow.number),
            col(OrderRow.status),
        )
        .join(OrderRow, col(OrderRow.id) == col(EventRow.order_id))
        .where(
            col(EventRow.platform) == platform.peer.value,
            text(NEWS_SQL),
            col(EventRow.at) >= since,
            sent_by_seat,
        )
        .order_by(col(EventRow.at).desc(), col(EventRow.id).desc())
        .limit(limit)
    )
    return [
        NewsRow(
            r[0],
            _utc(r[1]),
            Action(r[2]),
            Status(r[3]) if r[3] else None,
            r[4],
            r[5],
            r[6],
            r[7],
            Status(r[8]),
        )
        for r in session.execute(query)
    ]


def awaiting_completion(
    session: Session, platform: Platform, limit: int
) -> tuple[list[AwaitingRow], int]:
    """Up to ``limit`` orders fed back to ``platform`` for its 办结 (soonest feedback deadline
    first, then the rest by id), and how many there are in all."""
    where: list[Any] = [col(OrderRow.origin) == platform.value, text(FED_BACK_SQL)]
    columns = (col(OrderRow.id), col(OrderRow.version), col(OrderRow.number),
               col(OrderRow.updated_at), col(OrderRow.completion_due))  # fmt: skip
    due = col(OrderRow.feedback_due)
    rows = list(
        session.execute(
            select(*columns).where(*where, due.is_not(None)).order_by(due, col(OrderRow.id))
            .limit(limit)
        )
    )  # fmt: skip
    if len(rows) < limit:
        rows += session.execute(
            select(*columns).where(*where, due.is_(None)).order_by(col(OrderRow.id))
            .limit(limit - len(rows))
        )  # fmt: skip
    total = session.execute(select(func.count()).select_from(OrderRow).where(*where)).scalar_one()
    found = [AwaitingRow(r[0], r[1], r[2], _utc(r[3]), _opt_utc(r[4])) for r in rows]
    return found, int(total)


def near_deadlines(session: Session, seat: str, limit: int) -> list[DeadlineRow]:
    """The raised, unresolved alarms of ``seat``'s orders, one per deadline (its highest level,
    the latest raised), soonest due first."""
    query = (
        select(
            col(AlarmRow.id),
            col(OrderRow.number),
            col(AlarmRow.deadline),
            col(AlarmRow.level),
            col(AlarmRow.due_at),
            col(OrderRow.status),
            col(AlarmRow.fires_at),
        )
        .join(OrderRow, col(OrderRow.id) == col(AlarmRow.order_id))
        .where(
            col(AlarmRow.raised_at).is_not(None),
            col(AlarmRow.resolved_at).is_(None),
            col(OrderRow.seat) == seat,
            text(OPEN_SQL),  # the seat's open orders: ix_work_order_seat_due
        )
        .order_by(col(AlarmRow.due_at), col(AlarmRow.fires_at).desc())
    )
    found: dict[tuple[str, str], DeadlineRow] = {}
    for r in session.execute(query):
        key = (r[1], r[2])
        if key not in found:  # the first of each deadline is its latest level
            found[key] = DeadlineRow(r[0], r[1], r[2], r[3], _utc(r[4]), Status(r[5]))
    return list(found.values())[:limit]


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _opt_utc(value: datetime | None) -> datetime | None:
    return None if value is None else _utc(value)
