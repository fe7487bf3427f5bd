"""Alarm rows: planned when a deadline starts, raised once when due, resolved when met.

Raising is a single ``UPDATE … WHERE raised_at IS NULL … RETURNING``: whichever console's sweep
runs first wins each row, every other sweep (a second console, a retry, a restart) finds it
already raised. Nothing here decides *when* a level begins: the domain's ``alarm_levels`` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from console.domain.alarm_levels import AlarmLevel, AlarmSettings, alarm_key, thresholds
from console.domain.calendar import BusinessCalendar
from console.domain.deadlines import DeadlineSpec
from console.domain.orders import Deadlines
from console.store.dialects import upsert
from console.store.tables import AlarmRow, OrderRow


@dataclass(frozen=True, slots=True)
class RaisedAlarm:
    id: int
    order_id: int
    deadline: str
    level: AlarmLevel
    due_at: datetime
    fires_at: datetime


@dataclass(frozen=True, slots=True)
class AlarmView:
    """One line of the alarm panel: the alarm and what the shift lead needs of its order."""

    id: int
    number: str
    kind: str
    owner: str
    status: str
    deadline: str
    level: AlarmLevel
    due_at: datetime
    raised_at: datetime
    acknowledged_by: str | None
    ack_note: str | None
    escalated_to: str | None
    seat: str | None = None  # 经办坐席: the seat of the order's latest step (``OrderRow.seat``)


def plan(
    session: Session,
    order_id: int,
    number: str,
    deadlines: Deadlines,
    started: Mapping[str, DeadlineSpec],
    start: datetime,
    settings: AlarmSettings,
    calendar: BusinessCalendar,
) -> int:
    """Write the pending rows of every deadline in ``started`` (begun at ``start``)."""
    return write(session, rows_of(order_id, number, deadlines, started, start, settings, calendar))


def rows_of(
    order_id: int,
    number: str,
    deadlines: Deadlines,
    started: Mapping[str, DeadlineSpec],
    start: datetime,
    settings: AlarmSettings,
    calendar: BusinessCalendar,
) -> list[dict[str, Any]]:
    """The pending rows :func:`plan` writes (many orders' rows go in one :func:`write`)."""
    rows: list[dict[str, Any]] = []
    for name, spec in started.items():
        due = getattr(deadlines, name)
        if due is None or due <= start:
            continue
        for level, fires_at in thresholds(start, due, spec, settings, calendar):
            rows.append(
                {
                    "key": alarm_key(number, name, level, due),
                    "order_id": order_id,
                    "deadline": name,
                    "level": level.value,
                    "due_at": due,
                    "fires_at": fires_at,
                }
            )
    return rows


def write(session: Session, rows: list[dict[str, Any]]) -> int:
    """Write pending alarm rows (:func:`rows_of`); a row whose key is there already is skipped."""
    if not rows:
        return 0
    # Parameters as an executemany (one statement, batched by the driver): a multi-row
    # VALUES is a new statement for SQLAlchemy each time, compiled afresh (~2 ms an order).
    table = AlarmRow.__table__  # type: ignore[attr-defined]
    stmt = upsert(session.get_bind().dialect.name, table).on_conflict_do_nothing(
        index_elements=["key"]
    )
    session.connection().execute(stmt, rows)
    return len(rows)


def resolve(
    session: Session, order_id: int, at: datetime, deadlines: Iterable[str] | None = None
) -> int:
    """Resolve the order's unresolved alarms (of ``deadlines``, or all): met, replaced, closed."""
    table = AlarmRow.__table__  # type: ignore[attr-defined]  # Core: no ORM session sync
    stmt = update(table).where(table.c.order_id == order_id, table.c.resolved_at.is_(None))
    if deadlines is not None:
        stmt = stmt.where(table.c.deadline.in_(list(deadlines)))
    result = session.execute(stmt.values(resolved_at=at))
    return int(result.rowcount)  # type: ignore[attr-defined]


def _pending() -> list[Any]:
    return [col(AlarmRow.raised_at).is_(None), col(AlarmRow.resolved_at).is_(None)]


_RAISED: list[Any] = [
    AlarmRow.id,
    AlarmRow.order_id,
    AlarmRow.deadline,
    AlarmRow.level,
    AlarmRow.due_at,
    AlarmRow.fires_at,
]


def raise_due(session: Session, now: datetime, seat: str, limit: int = 1000) -> list[RaisedAlarm]:
    """Raise pending alarms whose instant has come, oldest first; each row at most once ever."""
    due_ids = (
        select(col(AlarmRow.id))
        .where(*_pending(), col(AlarmRow.fires_at) <= now)
        .order_by(col(AlarmRow.fires_at))
        .limit(limit)
        .scalar_subquery()
    )
    stmt = (
        update(AlarmRow)
        # The pending test is repeated outside the subquery: under PostgreSQL's READ COMMITTED
        # a second console blocked on the same rows re-checks it and skips what the first raised.
        .where(col(AlarmRow.id).in_(due_ids), *_pending())
        .values(raised_at=now, raised_by=seat)
        .returning(*_RAISED)
    )
    rows = session.execute(stmt).all()
    raised = [RaisedAlarm(r[0], r[1], r[2], AlarmLevel(r[3]), _utc(r[4]), _utc(r[5])) for r in rows]
    return sorted(raised, key=lambda a: (a.fires_at, a.id))


def next_pending(session: Session) -> datetime | None:
    """When the earliest pending alarm begins (served by the partial index ``ix_alarm_pending``)."""
    value = session.execute(select(func.min(AlarmRow.fires_at)).where(*_pending())).scalar()
    return _utc(value) if value is not None else None


def open_alarms(
    session: Session,
    *,
    platform: str | None = None,
    kind: str | None = None,
    level: AlarmLevel | None = None,
    limit: int = 5000,
) -> list[AlarmView]:
    """Raised, unresolved alarms, soonest deadline first (the panel sorts by time left)."""
    columns: list[Any] = [
        AlarmRow.id,
        OrderRow.number,
        OrderRow.kind,
        OrderRow.owner,
        OrderRow.status,
        AlarmRow.deadline,
        AlarmRow.level,
        AlarmRow.due_at,
        AlarmRow.raised_at,
        AlarmRow.acknowledged_by,
        AlarmRow.ack_note,
        AlarmRow.escalated_to,
        OrderRow.seat,
    ]
    stmt = (
        select(*columns)
        .join(OrderRow, col(OrderRow.id) == col(AlarmRow.order_id))
        .where(col(AlarmRow.raised_at).is_not(None), col(AlarmRow.resolved_at).is_(None))
    )
    if platform:
        stmt = stmt.where(col(OrderRow.owner) == platform)
    if kind:
        stmt = stmt.where(col(OrderRow.kind) == kind)
    if level:
        stmt = stmt.where(col(AlarmRow.level) == level.value)
    stmt = stmt.order_by(col(AlarmRow.due_at), col(AlarmRow.id)).limit(limit)
    return [_view(r) for r in session.execute(stmt).all()]


def open_counts(session: Session) -> dict[AlarmLevel, int]:
    """The true number of open alarms per level, however many there are: one per running
    deadline, at its highest raised level, and not counted once that alarm is acknowledged
    (a later, higher level counts again).

    The open, unacknowledged alarms come from the partial index ``ix_alarm_open``; each is
    counted unless another open alarm of its deadline outranks it (a higher level, or the
    same level raised later: a larger id), looked up through ``ix_alarm_order``. A window
    function over the open alarms said the same, but the planners partitioned every alarm of
    the table (SQLite scanned all of them in ``ix_alarm_order``'s order: 0.3–0.7 s at 1 M
    orders, against ~20 ms here) and the alarm panel's counts are on the start's path."""
    mine, other = AlarmRow, aliased(AlarmRow, name="other")

    def rank(row: Any) -> Any:
        return case(*((col(row.level) == lv.value, lv.rank) for lv in AlarmLevel), else_=-1)

    outranked = (
        select(literal(1))
        .where(
            col(other.order_id) == col(mine.order_id),
            col(other.deadline) == col(mine.deadline),
            col(other.due_at) == col(mine.due_at),
            col(other.raised_at).is_not(None),
            col(other.resolved_at).is_(None),
            or_(
                rank(other) > rank(mine),
                and_(rank(other) == rank(mine), col(other.id) > col(mine.id)),
            ),
        )
        .exists()
    )
    stmt = (
        select(col(mine.level), func.count())
        .where(
            col(mine.raised_at).is_not(None),
            col(mine.resolved_at).is_(None),
            col(mine.acknowledged_at).is_(None),
            ~outranked,
        )
        .group_by(col(mine.level))
    )
    counts = dict.fromkeys(AlarmLevel, 0)
    for level, number in session.execute(stmt).all():
        counts[AlarmLevel(level)] = int(number)
    return counts


def _view(r: Any) -> AlarmView:
    return AlarmView(
        id=r[0],
        number=r[1],
        kind=r[2],
        owner=r[3],
        status=r[4],
        deadline=r[5],
        level=AlarmLevel(r[6]),
        due_at=_utc(r[7]),
        raised_at=_utc(r[8]),
        acknowledged_by=r[9],
        ack_note=r[10],
        escalated_to=r[11],
        seat=r[12],
    )


def acknowledge(session: Session, alarm_id: int, by: str, note: str, at: datetime) -> bool:
    """Acknowledge alarm ``alarm_id`` if nobody has yet: False if it is unknown or was already
    acknowledged (the first note stands; :func:`acknowledged_by` says which)."""
    result = session.execute(
        update(AlarmRow)
        .where(col(AlarmRow.id) == alarm_id, col(AlarmRow.acknowledged_at).is_(None))
        .values(acknowledged_at=at, acknowledged_by=by, ack_note=note)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def escalate(session: Session, alarm_id: int, to: str, at: datetime) -> bool:
    """Escalate alarm ``alarm_id`` (督办) to ``to``; False if there is no such alarm."""
    result = session.execute(
        update(AlarmRow)
        .where(col(AlarmRow.id) == alarm_id)
        .values(escalated_to=to, escalated_at=at)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def acknowledged_by(session: Session, alarm_id: int) -> str | None:
    """Who acknowledged alarm ``alarm_id`` ("" if nobody yet); None if there is no such alarm."""
    row = session.execute(
        select(col(AlarmRow.acknowledged_by)).where(col(AlarmRow.id) == alarm_id)
    ).first()
    return None if row is None else (row[0] or "")


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
