"""Work-order repository: the domain's :class:`WorkOrder` in and out of the tables.

Every function takes the session of the caller's unit of work (``Database.read()`` or
``Database.write()``); the repository never commits by itself.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, insert, text, union_all, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from console.domain.orders import (
    Action,
    Caller,
    DeadlineKind,
    Deadlines,
    Event,
    FirstContactMode,
    Platform,
    Priority,
    Status,
    WorkOrder,
    order_number,
)
from console.domain.refusals import Refused
from console.store.tables import OPEN_SQL, EventRow, OrderRow

CHINA = ZoneInfo("Asia/Shanghai")
log = logging.getLogger(__name__)


class StaleOrder(Refused, RuntimeError):
    """Someone else changed the order since it was read; reload and try again."""

    def __init__(self, number: str, why: str = "") -> None:
        super().__init__(
            "stale", why or f"工单 {number} was changed by another seat; reload it", number=number
        )


class UnknownOrder(Refused, LookupError):
    def __init__(self, number: str) -> None:
        super().__init__("unknown_order", f"no work order {number}", number=number)


@dataclass(frozen=True, slots=True)
class Stored:
    """An order as read from the database, with the row identity needed to save it back."""

    id: int
    version: int
    order: WorkOrder


@dataclass(frozen=True, slots=True)
class OrderSummary:
    """One line of a caller's history (screen pop) or a queue."""

    id: int
    number: str
    created_at: datetime
    kind: str
    status: Status
    owner: Platform
    description: str
    address: str = ""  # where: the screen pop shows it beside each open matter


_SUMMARY: list[Any] = [
    OrderRow.id,
    OrderRow.number,
    OrderRow.created_at,
    OrderRow.kind,
    OrderRow.status,
    OrderRow.owner,
    OrderRow.description,
    OrderRow.address,
]


def next_number(session: Session, platform: Platform, at: datetime) -> str:
    """The next readable number for ``platform`` on the China day of ``at`` (atomic)."""
    day = at.astimezone(CHINA).strftime("%Y%m%d")
    last = session.execute(
        text(
            "INSERT INTO order_sequence (platform, day, last) VALUES (:p, :d, 1) "
            "ON CONFLICT (platform, day) DO UPDATE SET last = order_sequence.last + 1 "
            "RETURNING last"
        ),
        {"p": platform.value, "d": day},
    ).scalar_one()
    return order_number(platform, day, int(last))


# Core statements, compiled once: an order and its events are written without ORM objects
# (a received transfer writes both; the ORM's unit of work was most of its cost).
_ORDERS = OrderRow.__table__  # type: ignore[attr-defined]
_ADD_ORDER = insert(_ORDERS).returning(_ORDERS.c.id)
_ADD_ORDERS = insert(_ORDERS).returning(_ORDERS.c.id, sort_by_parameter_order=True)
_EVENTS = EventRow.__table__  # type: ignore[attr-defined]
_ADD_EVENTS = insert(_EVENTS)


def add(session: Session, order: WorkOrder, now: datetime) -> Stored:
    params = {**_columns(order), "created_at": order.created_at, "updated_at": now, "version": 1}
    order_id = int(session.execute(_ADD_ORDER, params).scalar_one())
    _append(session, order_id, order.timeline)
    return Stored(order_id, 1, order)


def add_many(session: Session, orders: Sequence[tuple[WorkOrder, datetime]]) -> list[Stored]:
    """New orders (each with the instant it is written), their events too, in a few statements:
    a batch of transfers received from the peer platform."""
    if not orders:
        return []
    params = [
        {**_columns(o), "created_at": o.created_at, "updated_at": now, "version": 1}
        for o, now in orders
    ]
    ids = [int(i) for i in session.execute(_ADD_ORDERS, params).scalars()]
    events = [
        _event_values(i, e) for i, (o, _now) in zip(ids, orders, strict=True) for e in o.timeline
    ]
    session.execute(_ADD_EVENTS, events)
    return [Stored(i, 1, o) for i, (o, _now) in zip(ids, orders, strict=True)]


def present(session: Session, numbers: Collection[str]) -> set[str]:
    """Which of ``numbers`` this database holds."""
    if not numbers:
        return set()
    found = session.execute(sa_select(_ORDERS.c.number).where(_ORDERS.c.number.in_(numbers)))
    return {str(n) for n in found.scalars()}


def _append(session: Session, order_id: int, events: Sequence[Event]) -> None:
    if events:
        session.execute(_ADD_EVENTS, [_event_values(order_id, e) for e in events])


def save(session: Session, stored: Stored, order: WorkOrder, now: datetime) -> Stored:
    """Write ``order`` over ``stored`` if nobody changed it since; append its new events."""
    # Core, not an ORM-enabled UPDATE: the ORM would evaluate the criteria against every
    # object the session holds (a received batch's orders), making a batch quadratic.
    result = session.execute(
        update(_ORDERS)
        .where(_ORDERS.c.id == stored.id, _ORDERS.c.version == stored.version)
        .values(**_columns(order), updated_at=now, version=stored.version + 1)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleOrder(order.number)
    _append(session, stored.id, order.timeline[len(stored.order.timeline) :])
    return Stored(stored.id, stored.version + 1, order)


def get(session: Session, number: str) -> Stored:
    """The order and its timeline, read as plain rows (no ORM objects kept in the session)."""
    row = session.execute(sa_select(_ORDERS).where(_ORDERS.c.number == number)).first()
    if row is None or row.id is None:
        raise UnknownOrder(number)
    events = session.execute(
        sa_select(_EVENTS).where(_EVENTS.c.order_id == row.id).order_by(_EVENTS.c.id)
    ).all()
    return Stored(row.id, row.version, _to_domain(row, events))


def caller_history(
    session: Session, phone: str | Sequence[str], limit: int = 50, open_only: bool = False
) -> list[OrderSummary]:
    """The caller's orders (or only the open ones), newest first; ``phone`` may be several
    stored forms of one number (itself and its purged pseudonym).

    One ordered range of ``ix_work_order_caller`` (``_open``) per form, each stopping at
    ``limit``: ``IN (a, b)`` would read every order of both and sort them (a frequent caller
    has hundreds). On SQLite those indexes cover the columns read (migration 0025), so a
    history is a few adjacent index pages and never the table: fast with nothing cached."""
    forms = [phone] if isinstance(phone, str) else list(dict.fromkeys(phone))
    if not forms:
        return []
    reads = [_newest_of(form, limit, open_only) for form in forms]
    if len(reads) == 1:
        query = reads[0]
    else:
        merged = union_all(*(sa_select(read.subquery()) for read in reads)).subquery()
        query = sa_select(merged).order_by(merged.c.created_at.desc()).limit(limit)
    return [
        OrderSummary(r[0], r[1], r[2], r[3], Status(r[4]), Platform(r[5]), r[6], r[7] or "")
        for r in session.execute(query).all()
    ]


def _newest_of(phone: str, limit: int, open_only: bool) -> Select[Any]:
    query = sa_select(*_SUMMARY).where(col(OrderRow.caller_phone) == phone)
    if open_only:  # verbatim, or SQLite will not use the partial index
        query = query.where(text(OPEN_SQL))
    return query.order_by(col(OrderRow.created_at).desc()).limit(limit)


def sample_callers(session: Session, n: int, seed: int | None = None) -> list[str]:
    """Up to ``n`` caller numbers of random orders (primary-key reads, fast on any size)."""
    low, high = session.execute(sa_select(func.min(OrderRow.id), func.max(OrderRow.id))).one()
    if low is None or high is None:
        return []
    rng = random.Random(seed)
    ids = {rng.randint(low, high) for _ in range(n)}
    rows = session.execute(
        sa_select(col(OrderRow.caller_phone)).where(col(OrderRow.id).in_(ids))
    ).scalars()
    return sorted(set(rows))


def count(session: Session) -> int:
    return int(session.execute(sa_select(func.count()).select_from(OrderRow)).scalar_one())


def _columns(order: WorkOrder) -> dict[str, Any]:
    return {
        "number": order.number,
        "origin": order.origin.value,
        "owner": order.owner.value,
        "caller_phone": order.caller.phone,
        "caller_name": order.caller.name,
        "kind": order.kind,
        "field": order.field,
        "district": order.district,
        "address": order.address,
        "description": order.description,
        "priority": int(order.priority),
        "social_stability": order.social_stability,
        "consent": order.consent,
        "status": order.status.value,
        "first_contact_mode": order.first_contact_mode.value if order.first_contact_mode else None,
        **{f"{kind.value}_due": due for kind, due in order.deadlines.items()},
        # 经办坐席: the seat of the latest step, which the "my orders" queue is keyed on.
        "seat": order.timeline[-1].seat if order.timeline else None,
        "department": order.department,
        "escalated_from": order.escalated_from,
    }


def _event_values(order_id: int, e: Event) -> dict[str, Any]:
    return {
        "order_id": order_id,
        "at": e.at,
        "actor": e.actor,
        "seat": e.seat,
        "platform": e.platform.value,
        "action": e.action.value,
        "from_status": e.from_status.value if e.from_status else None,
        "to_status": e.to_status.value,
        "note": e.note,
        "detail": e.detail,
    }


def _utc(value: datetime | None) -> datetime | None:
    # SQLite gives back what was stored as UTC text; make sure every instant is aware UTC.
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _priority(number: str, value: int) -> Priority:
    """A stored priority; a value no version of the console writes (a row edited by hand, or
    saved before the service checked it) reads as the nearest known one, so the order can still
    be opened and worked on (its next save writes the known value back)."""
    try:
        return Priority(value)
    except ValueError:
        known = max(Priority) if value > max(Priority) else min(Priority)
        log.warning("order %s has unknown priority %r: read as %s", number, value, known.name)
        return known


def _to_domain(row: Any, events: Sequence[Any]) -> WorkOrder:
    """An order from its row and its events' rows (ORM objects or plain rows: same names)."""
    created = _utc(row.created_at)
    assert created is not None
    return WorkOrder(
        number=row.number,
        origin=Platform(row.origin),
        owner=Platform(row.owner),
        caller=Caller(row.caller_phone, row.caller_name),
        kind=row.kind,
        field=row.field,
        district=row.district,
        address=row.address,
        description=row.description,
        priority=_priority(row.number, row.priority),
        created_at=created,
        social_stability=row.social_stability,
        consent=row.consent,
        status=Status(row.status),
        first_contact_mode=FirstContactMode(row.first_contact_mode)
        if row.first_contact_mode
        else None,
        deadlines=Deadlines(
            **{kind.value: _utc(getattr(row, f"{kind.value}_due")) for kind in DeadlineKind}
        ),
        timeline=tuple(
            Event(
                at=_utc(e.at) or created,
                actor=e.actor,
                seat=e.seat,
                platform=Platform(e.platform),
                action=Action(e.action),
                from_status=Status(e.from_status) if e.from_status else None,
                to_status=Status(e.to_status),
                note=e.note,
                detail=e.detail,
            )
            for e in events
        ),
        department=row.department,
        escalated_from=row.escalated_from,
    )
