"""Queries of emergency linkage (tables in ``incident_tables``): incidents, their partners, the
notification outbox, the acknowledgement alarms, the timeline and linked orders.

Nothing here decides who is notified or when a deadline falls: the incident service does. The
two statements that must happen once whatever runs them — raising an alarm and handing a
notification over — are conditional (``… WHERE raised_at IS NULL``, ``… WHERE state = 'queued'``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, text, update
from sqlmodel import Session, col

from console.domain.emergency import NotificationKind
from console.domain.orders import Platform
from console.store.incident_tables import (
    ACTIVE_SQL,
    PENDING_SQL,
    QUEUED_SQL,
    IncidentAlarmRow,
    IncidentEventRow,
    IncidentLinkRow,
    IncidentNotificationRow,
    IncidentPartnerRow,
    IncidentRow,
    PartnerRow,
)
from console.store.orders import CHINA
from console.store.tables import OrderRow


def next_number(session: Session, platform: Platform, at: datetime) -> str:
    """``12345-YJ-20261205-001``: the platform's incidents of a China day, numbered (atomic;
    the order numbers' sequence table, under its own key)."""
    day = at.astimezone(CHINA).strftime("%Y%m%d")
    last = session.execute(
        text(
            "INSERT INTO order_sequence (platform, day, last) VALUES (:p, :d, 1) "
            "ON CONFLICT (platform, day) DO UPDATE SET last = order_sequence.last + 1 "
            "RETURNING last"
        ),
        {"p": f"{platform.value}-YJ", "d": day},
    ).scalar_one()
    return f"{platform.value}-YJ-{day}-{int(last):03d}"


def partner(session: Session, code: str) -> PartnerRow | None:
    query = select(PartnerRow).where(col(PartnerRow.code) == code)
    return session.execute(query).scalar_one_or_none()


def incident(session: Session, number: str, lock: bool = False) -> IncidentRow | None:
    query = select(IncidentRow).where(col(IncidentRow.number) == number)
    if lock:
        query = query.with_for_update()
    return session.execute(query).scalar_one_or_none()


def incident_partners(session: Session, incident_id: int) -> list[IncidentPartnerRow]:
    query = (
        select(IncidentPartnerRow)
        .where(col(IncidentPartnerRow.incident_id) == incident_id)
        .order_by(col(IncidentPartnerRow.id))
    )
    return list(session.execute(query).scalars())


def add_event(
    session: Session,
    incident_id: int,
    at: datetime,
    action: str,
    actor: str,
    seat: str,
    platform: str,
    detail: str = "",
) -> None:
    session.add(IncidentEventRow(
        incident_id=incident_id, at=at, action=action, actor=actor, seat=seat,
        platform=platform, detail=detail,
    ))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Notice:
    """A notification to write: the outbox row and, for an ask, its alarm."""

    key: str
    partner_code: str
    kind: NotificationKind
    revision: int
    attempt: int
    alarm_at: datetime | None  # an ask's acknowledgement deadline; None for the others


def add_notices(
    session: Session, incident_id: int, notices: Sequence[Notice], now: datetime
) -> None:
    """Queue ``notices`` and plan the alarm of each ask, in the caller's transaction."""
    for n in notices:
        session.add(IncidentNotificationRow(
            key=n.key, incident_id=incident_id, partner_code=n.partner_code, kind=n.kind.value,
            revision=n.revision, attempt=n.attempt, created_at=now, next_try_at=now,
        ))  # fmt: skip
        if n.alarm_at is not None:
            session.add(IncidentAlarmRow(
                key=n.key, incident_id=incident_id, partner_code=n.partner_code,
                attempt=n.attempt, fires_at=n.alarm_at,
            ))  # fmt: skip


def resolve_alarms(
    session: Session, incident_id: int, now: datetime, partner_code: str | None = None
) -> None:
    """Resolve the partner's (or every partner's) alarms: answered, released or stood down,
    a pending one will not fire and a raised one leaves the panel."""
    query = update(IncidentAlarmRow).where(
        col(IncidentAlarmRow.incident_id) == incident_id,
        col(IncidentAlarmRow.resolved_at).is_(None),
    )
    if partner_code is not None:
        query = query.where(col(IncidentAlarmRow.partner_code) == partner_code)
    session.execute(query.values(resolved_at=now))


# -- the pump's and the sweep's statements -------------------------------------------------


@dataclass(frozen=True, slots=True)
class Queued:
    id: int
    key: str
    incident_id: int
    partner_code: str
    kind: NotificationKind
    tries: int


def queued(session: Session, now: datetime, limit: int) -> list[Queued]:
    """Notifications waiting to be handed over whose next try has come, oldest first."""
    n = IncidentNotificationRow
    rows = session.execute(
        select(
            col(n.id),
            col(n.key),
            col(n.incident_id),
            col(n.partner_code),
            col(n.kind),
            col(n.tries),
        )
        .where(text(QUEUED_SQL), col(n.next_try_at) <= now)
        .order_by(col(n.next_try_at), col(n.id))
        .limit(limit)
    ).all()
    return [Queued(r[0], r[1], r[2], r[3], NotificationKind(r[4]), r[5]) for r in rows]


def next_queued_at(session: Session) -> datetime | None:
    n = IncidentNotificationRow
    return session.execute(select(func.min(n.next_try_at)).where(text(QUEUED_SQL))).scalar()


def settle(
    session: Session,
    notification_id: int,
    now: datetime,
    state: str,
    error: str = "",
    retry_in: timedelta | None = None,
) -> None:
    """Record a hand-over's outcome: ``handed``, ``failed`` (for good), or still ``queued``
    (``retry_in``: the next try)."""
    values: dict[str, object] = {"tries": IncidentNotificationRow.tries + 1, "last_error": error}
    if state == "queued":
        values["next_try_at"] = now + (retry_in or timedelta(seconds=1))
    else:
        values["state"] = state
        if state == "handed":
            values["handed_at"] = now
    session.execute(
        update(IncidentNotificationRow)
        .where(col(IncidentNotificationRow.id) == notification_id, text(QUEUED_SQL))
        .values(**values)
    )


def notification_by_key(session: Session, key: str) -> IncidentNotificationRow | None:
    query = select(IncidentNotificationRow).where(col(IncidentNotificationRow.key) == key)
    return session.execute(query).scalar_one_or_none()


def ask_deadline(session: Session, key: str) -> datetime | None:
    """When the ask ``key`` must be acknowledged (its alarm's instant)."""
    query = select(col(IncidentAlarmRow.fires_at)).where(col(IncidentAlarmRow.key) == key)
    return session.execute(query).scalar_one_or_none()


@dataclass(frozen=True, slots=True)
class Raised:
    id: int
    incident_id: int
    partner_code: str
    attempt: int
    fires_at: datetime


def raise_due(session: Session, now: datetime, seat: str) -> list[Raised]:
    """Raise every pending alarm whose instant has come: each exactly once, whoever sweeps."""
    a = IncidentAlarmRow
    rows = session.execute(
        update(a)
        .where(text(PENDING_SQL), col(a.fires_at) <= now)
        .values(raised_at=now, raised_by=seat)
        .returning(
            col(a.id), col(a.incident_id), col(a.partner_code), col(a.attempt), col(a.fires_at)
        )
    ).all()
    return sorted((Raised(*r) for r in rows), key=lambda r: (r.fires_at, r.id))


def next_alarm_at(session: Session) -> datetime | None:
    a = IncidentAlarmRow
    return session.execute(select(func.min(a.fires_at)).where(text(PENDING_SQL))).scalar()


# -- what the board reads -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    partners: int = 0
    acknowledged: int = 0
    refused: int = 0
    overdue: int = 0
    linked: int = 0


def board_rows(session: Session, since: datetime) -> list[IncidentRow]:
    """Active incidents, and those stood down at or after ``since``."""
    i = IncidentRow
    query = select(i).where(or_(text(ACTIVE_SQL), col(i.stood_down_at) >= since))
    return list(session.execute(query).scalars())


def active_in(session: Session, districts: Sequence[str]) -> list[IncidentRow]:
    query = select(IncidentRow).where(text(ACTIVE_SQL), col(IncidentRow.district).in_(districts))
    return list(session.execute(query).scalars())


def counts(session: Session, ids: Sequence[int], now: datetime) -> dict[int, Counts]:
    """Each incident's partner tally (released ones left out) and linked orders, in two reads."""
    if not ids:
        return {}
    p = IncidentPartnerRow
    answered = col(p.acked_at).is_not(None)

    def one(cond: Any) -> Any:
        return func.sum(case((cond, 1), else_=0))

    rows = session.execute(
        select(
            col(p.incident_id),
            func.count(),
            one(and_(answered, ~col(p.refused))),
            one(and_(answered, col(p.refused))),
            one(and_(~answered, col(p.ack_due_at) < now)),
        )
        .where(col(p.incident_id).in_(ids), col(p.released_at).is_(None))
        .group_by(col(p.incident_id))
    ).all()
    links: dict[int, int] = dict(
        session.execute(
            select(col(IncidentLinkRow.incident_id), func.count())
            .where(col(IncidentLinkRow.incident_id).in_(ids))
            .group_by(col(IncidentLinkRow.incident_id))
        ).all()
    )
    out = {i: Counts(linked=int(links.get(i, 0))) for i in ids}
    for r in rows:
        out[r[0]] = Counts(
            int(r[1]), int(r[2] or 0), int(r[3] or 0), int(r[4] or 0), out[r[0]].linked
        )
    return out


def events(session: Session, incident_id: int) -> list[IncidentEventRow]:
    e = IncidentEventRow
    query = select(e).where(col(e.incident_id) == incident_id).order_by(col(e.at), col(e.id))
    return list(session.execute(query).scalars())


def linked_orders(
    session: Session, incident_id: int, limit: int = 500
) -> list[tuple[str, str, str, datetime, datetime, str]]:
    """(number, kind, status, created at, linked at, linked by) of the incident's orders."""
    o, link = OrderRow, IncidentLinkRow
    rows = session.execute(
        select(
            col(o.number),
            col(o.kind),
            col(o.status),
            col(o.created_at),
            col(link.linked_at),
            col(link.linked_by),
        )
        .join(link, col(link.order_id) == col(o.id))
        .where(col(link.incident_id) == incident_id)
        .order_by(col(link.linked_at).desc())
        .limit(limit)
    ).all()
    return [tuple(r) for r in rows]


def order_id(session: Session, number: str) -> int | None:
    query = select(col(OrderRow.id)).where(col(OrderRow.number) == number)
    return session.execute(query).scalar_one_or_none()


def link_exists(session: Session, incident_id: int, order_id_: int) -> bool:
    link = IncidentLinkRow
    query = select(col(link.id)).where(
        col(link.incident_id) == incident_id, col(link.order_id) == order_id_
    )
    return session.execute(query).first() is not None


def incidents_of(session: Session, number: str) -> list[str]:
    i, link, o = IncidentRow, IncidentLinkRow, OrderRow
    query = (
        select(col(i.number))
        .join(link, col(link.incident_id) == col(i.id))
        .join(o, col(o.id) == col(link.order_id))
        .where(col(o.number) == number)
        .order_by(col(i.started_at))
    )
    return list(session.execute(query).scalars())


def open_alarms(session: Session) -> list[tuple[IncidentAlarmRow, IncidentRow, str]]:
    """Raised, unresolved alarms with their incident and the partner's name, oldest first."""
    a, i, p = IncidentAlarmRow, IncidentRow, IncidentPartnerRow
    rows = session.execute(
        select(a, i, col(p.partner_name))
        .join(i, col(i.id) == col(a.incident_id))
        .join(
            p,
            and_(
                col(p.incident_id) == col(a.incident_id), col(p.partner_code) == col(a.partner_code)
            ),
        )
        .where(col(a.raised_at).is_not(None), col(a.resolved_at).is_(None))
        .order_by(col(a.fires_at), col(a.id))
    ).all()
    return [(r[0], r[1], r[2]) for r in rows]
