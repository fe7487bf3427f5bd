"""并单's reads and writes: the candidates' indexed queries, the callers merged into an order,
the repeated-request warnings and the report's figures (tables: ``duplicate_tables``).

Every function takes the caller's session and never commits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, literal_column, select, text, update
from sqlmodel import Session

from console.domain.duplicates import Open
from console.domain.order_types import Action
from console.store.dialects import upsert
from console.store.duplicate_tables import OrderCallerRow, RepeatWarningRow
from console.store.tables import OPEN_SQL, EventRow, OrderRow

_ORDERS = OrderRow.__table__  # type: ignore[attr-defined]
_CALLERS = OrderCallerRow.__table__  # type: ignore[attr-defined]
_WARNINGS = RepeatWarningRow.__table__  # type: ignore[attr-defined]
_EVENTS = EventRow.__table__  # type: ignore[attr-defined]
_OPEN_COLUMNS = (
    _ORDERS.c.id,
    _ORDERS.c.number,
    _ORDERS.c.created_at,
    _ORDERS.c.caller_phone,
    _ORDERS.c.district,
    _ORDERS.c.kind,
    _ORDERS.c.address,
    _ORDERS.c.description,
    _ORDERS.c.status,
    _ORDERS.c.owner,
)
DISTRICT_LIMIT = 500  # a district's newest open orders read for address and similar-text matches


def open_by_caller(session: Session, phones: Collection[str], limit: int = 50) -> list[Open]:
    """Open orders whose caller, or a caller merged into them, is one of ``phones``
    (``ix_work_order_caller``, ``ix_order_caller_phone``)."""
    if not phones:
        return []
    own = select(*_OPEN_COLUMNS).where(_ORDERS.c.caller_phone.in_(phones), text(OPEN_SQL))
    joined_ids = select(_CALLERS.c.order_id).where(_CALLERS.c.phone.in_(phones))
    merged = select(*_OPEN_COLUMNS).where(_ORDERS.c.id.in_(joined_ids), text(OPEN_SQL))
    rows = [*session.execute(own.limit(limit)).all(), *session.execute(merged.limit(limit)).all()]
    return _opens(session, rows)


def open_in_district(
    session: Session,
    district: str,
    limit: int = DISTRICT_LIMIT,
    wanted: Callable[[str, str, str], bool] | None = None,
) -> list[Open]:
    """A district's open orders, newest first (``ix_work_order_open_district``); with
    ``wanted(kind, address, caller_phone)``, only those it keeps: the district's newest are
    read by those three columns first and only the kept ones in full (most of a district's
    rows, a few hundred at 1 M orders, are never made into :class:`Open` s)."""
    newest = (
        _ORDERS.c.district == district,
        text(OPEN_SQL),
    )
    if wanted is None:
        query = select(*_OPEN_COLUMNS).where(*newest)
        return _opens(session, session.execute(_newest(query, limit)).all())
    light = select(_ORDERS.c.id, _ORDERS.c.kind, _ORDERS.c.address, _ORDERS.c.caller_phone)
    ids = [
        r.id
        for r in session.execute(_newest(light.where(*newest), limit)).all()
        if wanted(r.kind, r.address or "", r.caller_phone)
    ]
    if not ids:
        return []
    query = select(*_OPEN_COLUMNS).where(_ORDERS.c.id.in_(ids))
    return _opens(session, session.execute(query.order_by(_ORDERS.c.created_at.desc())).all())


def _newest(query: Any, limit: int) -> Any:
    return query.order_by(_ORDERS.c.created_at.desc()).limit(limit)


def _opens(session: Session, rows: Sequence[Any]) -> list[Open]:
    joined = joined_phones(session, [r.id for r in rows])
    return [
        Open(
            number=r.number,
            created_at=_utc(r.created_at),
            phones=frozenset({r.caller_phone, *joined.get(r.id, ())}),
            district=r.district,
            kind=r.kind,
            address=r.address or "",
            description=r.description,
            status=r.status,
            owner=r.owner,
        )
        for r in rows
    ]


def joined_phones(session: Session, order_ids: Collection[int]) -> dict[int, set[str]]:
    """The phones of the callers merged into each of ``order_ids``."""
    found: dict[int, set[str]] = defaultdict(set)
    if order_ids:
        query = select(_CALLERS.c.order_id, _CALLERS.c.phone).where(
            _CALLERS.c.order_id.in_(set(order_ids))
        )
        for order_id, phone in session.execute(query):
            found[order_id].add(phone)
    return found


@dataclass(frozen=True, slots=True)
class JoinedCaller:
    """A caller merged into an order: who, when they called, from which duplicate."""

    phone: str
    name: str | None
    merged_from: str
    called_at: datetime
    joined_at: datetime


def add_caller(session: Session, order_id: int, caller: JoinedCaller, by: str) -> None:
    values = {
        "order_id": order_id,
        "phone": caller.phone,
        "name": caller.name,
        "merged_from": caller.merged_from,
        "called_at": caller.called_at,
        "joined_at": caller.joined_at,
        "joined_by": by,
    }
    session.execute(insert(_CALLERS), values)


def remove_caller(session: Session, merged_from: str) -> int:
    """拆单: the duplicate's caller leaves the order it joined; how many rows went (0 or 1)."""
    result = session.execute(delete(_CALLERS).where(_CALLERS.c.merged_from == merged_from))
    return int(result.rowcount)  # type: ignore[attr-defined]


def callers(session: Session, order_id: int) -> list[JoinedCaller]:
    """The callers merged into the order, in the order they joined."""
    query = (
        select(_CALLERS)
        .where(_CALLERS.c.order_id == order_id)
        .order_by(_CALLERS.c.joined_at, _CALLERS.c.id)
    )
    return [
        JoinedCaller(r.phone, r.name, r.merged_from, _utc(r.called_at), _utc(r.joined_at))
        for r in session.execute(query)
    ]


def callers_of(session: Session, number: str) -> list[JoinedCaller]:
    """:func:`callers` of the order numbered ``number``."""
    order_id = select(_ORDERS.c.id).where(_ORDERS.c.number == number).scalar_subquery()
    query = (
        select(_CALLERS)
        .where(_CALLERS.c.order_id == order_id)
        .order_by(_CALLERS.c.joined_at, _CALLERS.c.id)
    )
    return [
        JoinedCaller(r.phone, r.name, r.merged_from, _utc(r.called_at), _utc(r.joined_at))
        for r in session.execute(query)
    ]


def raise_warning(
    session: Session, order_id: int, number: str, platform: str, count: int, at: datetime
) -> bool:
    """The repeated-request warning of the order, unless it was raised before: True if this
    call raised it (``ux_repeat_warning_order``; concurrent merges raise it once)."""
    dialect = session.get_bind().dialect.name
    values = {
        "order_id": order_id,
        "number": number,
        "platform": platform,
        "callers": count,
        "raised_at": at,
    }
    stmt = (
        upsert(dialect, _WARNINGS)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["order_id"])
        .returning(_WARNINGS.c.id)  # psycopg's rowcount does not say whether it inserted
    )
    return session.execute(stmt).first() is not None


@dataclass(frozen=True, slots=True)
class Warning:
    """A repeated-request warning (重复诉求预警) as the shift lead's panel lists it."""

    id: int
    number: str
    callers: int
    raised_at: datetime
    kind: str
    district: str
    address: str
    status: str
    acknowledged_at: datetime | None
    acknowledged_by: str | None


def warnings(
    session: Session, platform: str, unacknowledged: bool = True, limit: int = 100
) -> list[Warning]:
    """The platform's warnings, newest first (``ix_repeat_warning_platform``)."""
    w, o = _WARNINGS, _ORDERS
    query = (
        select(
            w.c.id,
            w.c.number,
            w.c.callers,
            w.c.raised_at,
            o.c.kind,
            o.c.district,
            o.c.address,
            o.c.status,
            w.c.acknowledged_at,
            w.c.acknowledged_by,
        )
        .join(o, o.c.id == w.c.order_id)
        .where(w.c.platform == platform)
        .order_by(w.c.raised_at.desc(), w.c.id.desc())
        .limit(limit)
    )
    if unacknowledged:
        query = query.where(w.c.acknowledged_at.is_(None))
    return [
        Warning(
            r.id,
            r.number,
            r.callers,
            _utc(r.raised_at),
            r.kind,
            r.district,
            r.address or "",
            r.status,
            _utc(r.acknowledged_at) if r.acknowledged_at else None,
            r.acknowledged_by,
        )
        for r in session.execute(query)
    ]


def acknowledge(session: Session, warning_id: int, platform: str, by: str, at: datetime) -> bool:
    """Mark the warning seen; False if it is not the platform's or was acknowledged already."""
    result = session.execute(
        update(_WARNINGS)
        .where(
            _WARNINGS.c.id == warning_id,
            _WARNINGS.c.platform == platform,
            _WARNINGS.c.acknowledged_at.is_(None),
        )
        .values(acknowledged_at=at, acknowledged_by=by)
    )
    return int(result.rowcount) == 1  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class MergeFigures:
    """For a period: merges (并单) and unmerges (拆单) taken in it, and, of the orders received
    in it, how many had each number of callers ({1: n, 2: m, …}; merged duplicates not counted:
    their callers are counted on the order they joined)."""

    merges: int
    unmerges: int
    callers: dict[int, int]


def figures(session: Session, start: datetime, end: datetime) -> MergeFigures:
    """:class:`MergeFigures` for ``[start, end)``: one query over the period's events
    (``ix_order_event_order`` is per order: the period's events are read by instant) and one
    over its orders (``ix_work_order_created``)."""
    e = _EVENTS
    steps = select(e.c.action, func.count()).where(
        e.c.at >= start, e.c.at < end, e.c.action.in_([Action.MERGE.value, Action.UNMERGE.value])
    )
    counted = {str(a): int(n) for a, n in session.execute(steps.group_by(e.c.action))}
    o, c = _ORDERS, _CALLERS
    extra = select(c.c.order_id, func.count().label("n")).group_by(c.c.order_id).subquery("extra")
    in_period = (o.c.created_at >= start) & (o.c.created_at < end)
    merged_away = (o.c.status == "cancelled") & o.c.id.in_(
        select(e.c.order_id).where(e.c.action == Action.MERGE.value)
    )
    joined = func.coalesce(extra.c.n, literal_column("0"))  # no parameter: PostgreSQL groups it
    per_order = (
        select(joined, func.count())
        .select_from(o.outerjoin(extra, extra.c.order_id == o.c.id))
        .where(in_period, ~merged_away)
        .group_by(joined)
    )
    spread = {1 + int(n): int(k) for n, k in session.execute(per_order)}
    return MergeFigures(
        merges=int(counted.get(Action.MERGE.value, 0)),
        unmerges=int(counted.get(Action.UNMERGE.value, 0)),
        callers=dict(sorted(spread.items())),
    )


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
