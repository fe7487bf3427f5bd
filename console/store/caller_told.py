"""告知来电人: which callers of an order were told the result at feedback (``caller_told``,
migration 0028), and the report's figures. Every function takes the caller's session and never
commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from console.domain.order_types import Action
from console.store.duplicate_tables import CallerToldRow, OrderCallerRow
from console.store.tables import EventRow, OrderRow

_TOLD = CallerToldRow.__table__  # type: ignore[attr-defined]
_CALLERS = OrderCallerRow.__table__  # type: ignore[attr-defined]
_ORDERS = OrderRow.__table__  # type: ignore[attr-defined]
_EVENTS = EventRow.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Told:
    at: datetime
    by: str  # the login
    seat: str


def told(session: Session, order_id: int) -> dict[str, Told]:
    """The order's callers told so far, by phone (``ux_caller_told_order_phone``)."""
    query = select(_TOLD).where(_TOLD.c.order_id == order_id)
    return {r.phone: Told(_utc(r.told_at), r.told_by, r.seat) for r in session.execute(query)}


def mark(session: Session, order_id: int, phone: str, at: datetime, by: str, seat: str) -> bool:
    """The caller was told; False if they had been (concurrent seats record it once)."""
    insert_ = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    values = {"order_id": order_id, "phone": phone, "told_at": at, "told_by": by, "seat": seat}
    stmt = (
        insert_(_TOLD)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["order_id", "phone"])
        .returning(_TOLD.c.id)
    )
    return session.execute(stmt).first() is not None


@dataclass(frozen=True, slots=True)
class ToldFigures:
    """Of the orders fed back in a period (反馈, their last feedback in it or not): how many,
    their callers (each order's own and those who joined it), and how many of those were told;
    and the merges (并单) and unmerges (拆单) taken in the period."""

    orders: int
    callers: int
    told: int
    merges: int = 0
    unmerges: int = 0


def figures(
    session: Session,
    start: datetime,
    end: datetime,
    platform: str | None = None,
    district: str | None = None,
) -> ToldFigures:
    """:class:`ToldFigures` for ``[start, end)``; ``platform``: the orders' origin (whose
    callers they are), ``district``: theirs. Counts over the period's feedback and 并单 lines."""
    e, o = _EVENTS, _ORDERS

    def lines(*actions: Action) -> Any:
        query = select(e.c.order_id, e.c.action).where(
            e.c.at >= start, e.c.at < end, e.c.action.in_([a.value for a in actions])
        )
        if platform is not None or district is not None:
            query = query.join(o, o.c.id == e.c.order_id)
            if platform is not None:
                query = query.where(o.c.origin == platform)
            if district is not None:
                query = query.where(o.c.district == district)
        return query

    steps = lines(Action.MERGE, Action.UNMERGE).subquery("steps")
    taken = dict(
        session.execute(select(steps.c.action, func.count()).group_by(steps.c.action)).all()
    )
    ids = lines(Action.FEED_BACK).with_only_columns(e.c.order_id).distinct().subquery("fed")
    orders = session.execute(select(func.count()).select_from(ids)).scalar_one()
    joined = session.execute(
        select(func.count()).where(_CALLERS.c.order_id.in_(select(ids.c.order_id)))
    ).scalar_one()
    told_n = session.execute(
        select(func.count()).where(_TOLD.c.order_id.in_(select(ids.c.order_id)))
    ).scalar_one()
    return ToldFigures(
        int(orders), int(orders) + int(joined), int(told_n),
        int(taken.get(Action.MERGE.value, 0)), int(taken.get(Action.UNMERGE.value, 0)),
    )  # fmt: skip


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
