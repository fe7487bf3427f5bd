"""告知来电人: which callers of an order were told the result at feedback (``caller_told``,
migration 0028), and the report's figures. Every function takes the caller's session and never
commits.

A caller told at the peer platform (``caller_told`` message, format 1.3) is kept in the same
table, with the peer's ``platform``, its agent's name (``told_name``, no login: ``told_by`` is
NULL) and the peer's ``seat`` (migration 0029): :func:`told` reads it back as :class:`Told`
with its ``platform``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from console.store.dialects import upsert
from console.store.duplicate_tables import CallerToldRow, OrderCallerRow
from console.store.tables import OrderRow

_TOLD = CallerToldRow.__table__  # type: ignore[attr-defined]
_CALLERS = OrderCallerRow.__table__  # type: ignore[attr-defined]
_ORDERS = OrderRow.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Told:
    """``by``: the login of this platform's agent, or the name of the peer's (``platform``
    names the peer platform then; None: told here)."""

    at: datetime
    by: str
    seat: str
    platform: str | None = None


def told(session: Session, order_id: int) -> dict[str, Told]:
    """The order's callers told so far, by phone (``ux_caller_told_order_phone``)."""
    query = select(_TOLD).where(_TOLD.c.order_id == order_id)
    return {r.phone: _told(r) for r in session.execute(query)}


def mark(
    session: Session,
    order_id: int,
    phone: str,
    at: datetime,
    by: str,
    seat: str,
    platform: str | None = None,
) -> bool:
    """The caller was told (``by`` a login here, or, with ``platform``, the peer platform's
    agent's name); False if they had been (concurrent seats, or a seat here and the peer,
    record it once: the first record stays)."""
    values = {"order_id": order_id, "phone": phone, "told_at": at, "seat": seat}
    if platform is None:
        values["told_by"] = by
    else:
        values |= {"platform": platform, "told_name": by}
    stmt = (
        upsert(session.get_bind().dialect.name, _TOLD)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["order_id", "phone"])
        .returning(_TOLD.c.id)
    )
    return session.execute(stmt).first() is not None


@dataclass(frozen=True, slots=True)
class ToldFigures:
    """For a period: the callers who joined an order at intake (并入, no order created), the
    duplicates merged into another order (并单: created, then closed into it), both by when
    they called and while they stay joined, and the callers told the result (告知来电人)."""

    joined: int
    merged: int
    told: int


def figures(
    session: Session,
    start: datetime,
    end: datetime,
    platform: str | None = None,
    district: str | None = None,
) -> ToldFigures:
    """:class:`ToldFigures` for ``[start, end)``; ``platform``: the order's origin (whose
    callers they are), ``district``: its. Read from the two small tables (``order_caller`` is
    one row per caller joined, ``caller_told`` one per caller told: ``ix_caller_told_at``),
    each row's order looked up by its key (a correlated EXISTS, never the period's orders)."""

    def count(table: Any, *where: Any) -> int:
        o = _ORDERS
        its = [o.c.id == table.c.order_id]
        if platform is not None:
            its.append(o.c.origin == platform)
        if district is not None:
            its.append(o.c.district == district)
        query = select(func.count()).select_from(table).where(*where)
        if len(its) > 1:
            query = query.where(select(o.c.id).where(*its).exists())
        return int(session.execute(query).scalar_one())

    c, t = _CALLERS, _TOLD
    called = (c.c.called_at >= start, c.c.called_at < end)
    at_intake = c.c.merged_from.like("%/%")  # a call's reference (order/来电n); a number has none
    return ToldFigures(
        count(c, *called, at_intake),
        count(c, *called, ~at_intake),
        count(t, t.c.told_at >= start, t.c.told_at < end),
    )


def _told(row: Any) -> Told:
    if row.platform is None:
        return Told(_utc(row.told_at), row.told_by, row.seat)
    return Told(_utc(row.told_at), row.told_name, row.seat, row.platform)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
