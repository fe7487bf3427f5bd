"""Work queues (工单队列), one keyset page at a time: never a full load, never OFFSET.

The four queues, each served by its own index (migration 0003):

- ``MINE`` — the seat's own open orders: those whose latest step was taken at this seat
  (``work_order.seat``, 经办坐席). An order the seat took and has not passed on, signed for, or
  is handling is "mine"; when the other platform signs a transferred order for, it moves to
  their seat. Index: ``ix_work_order_seat_due`` (partial, open orders). Given the seat's
  platform, also every order fed back to that platform, waiting for its 办结 (origin, 已反馈;
  ``ix_work_order_fed_back``): the two are read apart and merged, page by page.
- ``PLATFORM_OPEN`` — every open order the platform owns (``ix_work_order_open_due``/``_created``).
- ``AWAITING_SIGN_FOR`` — orders transferred to the platform, not yet signed for (待签收),
  by their sign-for deadline (``ix_work_order_sign_for``).
- ``ALL`` — every order (``ix_work_order_due``/``_created``), or a search
  (:mod:`console.domain.order_search`): a phone number (the caller's orders,
  ``ix_work_order_caller``); the start of one (a range of that index, in number order); an
  order number or its prefix (``ux_work_order_number``, in number order, the only order a
  prefix range has); or an order number's end, its sequence (``000003``) or day and sequence:
  the whole numbers it can be are spelled out, platform by platform and day by day between
  the platform's first and last order (two index reads), and looked up on the unique index a
  page's worth at a time, newest first: point reads, never a scan of the table.

Pages are ordered by (sort key, id): the deadline ascending (default) or the creation time
descending. Orders without a deadline come after all the others, by id. The keyset predicate is
written ``key >= x AND (key > x OR id > y)``: SQLite scans on the ``key > x OR (…)`` form.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, TextClause, func, or_, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col

from console.domain.order_search import Search, SearchHow, read_search
from console.domain.orders import Platform, Status
from console.store import queue_count_tables as counted
from console.store import queue_counts
from console.store.engine import Database
from console.store.queue_counts import Totals
from console.store.tables import FED_BACK_SQL, OPEN_SQL, TRANSFERRED_SQL, OrderRow

log = logging.getLogger(__name__)

DESCRIPTION_CHARS = 80
PREFIX_END = "~"  # sorts after every character of an order number (digits and '-')
MAX_SEQUENCE_DAYS = 3700  # a sequence search spells out at most ten years a platform
SEQUENCE_BATCH = 400  # candidate numbers looked up in one statement


class QueueKind(enum.StrEnum):
    MINE = "mine"
    PLATFORM_OPEN = "platform_open"
    AWAITING_SIGN_FOR = "awaiting_sign_for"  # 待签收
    ALL = "all"


class QueueSort(enum.StrEnum):
    DEADLINE = "deadline"  # soonest deadline first
    CREATED = "created"  # newest first


@dataclass(frozen=True, slots=True)
class QueueQuery:
    """Which queue, for whom, in which order. ``search`` applies to ``ALL`` only."""

    kind: QueueKind
    platform: Platform | None = None  # PLATFORM_OPEN, AWAITING_SIGN_FOR; MINE: its 办结 too
    seat: str | None = None  # MINE
    search: str = ""
    sort: QueueSort = QueueSort.DEADLINE

    def __post_init__(self) -> None:
        if self.kind is QueueKind.MINE and not self.seat:
            raise ValueError("the MINE queue needs a seat")
        if self.kind in (QueueKind.PLATFORM_OPEN, QueueKind.AWAITING_SIGN_FOR) and (
            self.platform is None
        ):
            raise ValueError(f"the {self.kind.value} queue needs a platform")
        if self.search.strip() and self.kind is not QueueKind.ALL:
            raise ValueError("only the ALL queue is searched")


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts: after the row with this sort key and id. ``key`` is None in
    the tail of orders without a deadline."""

    key: datetime | str | None
    id: int


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: int
    number: str
    created_at: datetime
    kind: str
    status: Status
    owner: Platform
    priority: int
    caller_phone: str
    deadline: datetime | None  # sign_for_due in AWAITING_SIGN_FOR, feedback_due elsewhere
    description: str  # its first DESCRIPTION_CHARS characters


Page = tuple[list[QueueRow], Cursor | None]


Where = list[ColumnElement[bool] | TextClause]


@dataclass(frozen=True, slots=True)
class _Plan:
    where: Where
    key: Any  # the column pages are ordered by (then id)
    descending: bool
    nullable: bool  # the key may be NULL: a second pass fetches those rows by id
    also: Where | None = None  # a second set of rows (no row in both), merged in key order


def fetch_page(session: Session, query: QueueQuery, after: Cursor | None, limit: int) -> Page:
    """Up to ``limit`` rows of ``query`` after ``after`` (None: from the start), and the cursor
    of the next page (None: there is no next page)."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    deadline = _deadline_column(query)
    search = _search(query)
    if search is not None and search.how is SearchHow.SEQUENCE:
        return _sequence_page(session, deadline, search.value, after, limit)
    plan = _plan(query)
    # One row more than asked says whether there is a next page, without another query.
    conn = session.connection()  # Core rows: the ORM's result machinery is not needed here
    found: list[Sequence[Any]] = []
    parts = [plan] if plan.also is None else [plan, replace(plan, where=plan.also, also=None)]
    if after is None or after.key is not None:
        keyed = [r for p in parts for r in conn.execute(_keyed(p, deadline, after, limit + 1))]
        found += _merged(keyed, plan, len(parts))[: limit + 1]
    if plan.nullable and len(found) <= limit:
        tail_after = after.id if after is not None and after.key is None else None
        want = limit + 1 - len(found)
        tail = [r for p in parts for r in conn.execute(_tail(p, deadline, tail_after, want))]
        found += (sorted(tail, key=lambda r: r[0]) if len(parts) > 1 else tail)[:want]
    rows = [_row(r) for r in found[:limit]]
    if len(found) <= limit:
        return rows, None
    last = rows[-1]
    return rows, Cursor(_key_of(query, last), last.id)


def read_page(db: Database, query: QueueQuery, after: Cursor | None, limit: int) -> Page:
    """:func:`fetch_page` in a read session of its own (what the queue models run off-thread)."""
    with db.read() as session:
        return fetch_page(session, query, after, limit)


def count_queue(session: Session, query: QueueQuery) -> int:
    """How many orders the unsearched ``query`` holds: read from the kept counters
    (:mod:`console.store.queue_count_tables`, migration 0026), never a count of the rows —
    a few rows read whatever the table's size."""
    return _total(queue_counts.read(session, [k for k, _ in _terms(query)])[0], query)


def _terms(query: QueueQuery) -> list[tuple[tuple[str, str], int]]:
    """The counters whose sum (each times its sign) is ``query``'s total."""
    if query.search.strip():
        raise ValueError("a search is not counted: it shows its rows")
    if query.kind is QueueKind.ALL:
        return [((counted.ALL, ""), 1)]
    if query.kind is QueueKind.MINE:
        assert query.seat is not None
        terms = [((counted.SEAT_OPEN, query.seat), 1)]
        if query.platform is not None:  # and what waits for its 办结, taken at other seats
            origin = query.platform.value
            scope = counted.seat_scope(origin, query.seat)
            terms += [((counted.FED_BACK, origin), 1), ((counted.SEAT_FED_BACK, scope), -1)]
        return terms
    assert query.platform is not None
    queue = counted.OPEN if query.kind is QueueKind.PLATFORM_OPEN else counted.TRANSFERRED
    return [((queue, query.platform.value), 1)]


def _total(totals: Totals, query: QueueQuery) -> int:
    return sum(sign * totals[key] for key, sign in _terms(query))


def count_queues(db: Database, queries: Sequence[QueueQuery]) -> list[int]:
    """:func:`count_queue` of each query from one read of the counters (what the view runs
    off-thread every few seconds). On PostgreSQL, once the counters' rows pass
    :data:`~console.store.queue_counts.COMPACT_AT` (a row a server backend that wrote), the
    rows of gone backends are folded together in a short write of their own."""
    keys = {key for query in queries for key, _ in _terms(query)}
    with db.read() as session:
        totals, rows = queue_counts.read(session, keys)
    if rows > queue_counts.COMPACT_AT and not db.is_sqlite:
        try:
            with db.write(notify=False) as session:
                queue_counts.compact(session)
        except SQLAlchemyError as exc:  # the totals read are right; the next count folds
            log.warning("queue totals not folded: %s", type(exc).__name__)
    return [_total(totals, query) for query in queries]


def _search(query: QueueQuery) -> Search | None:
    """The query's search, read; a text that is no search finds nothing (an empty prefix)."""
    if query.kind is not QueueKind.ALL or not query.search.strip():
        return None
    return read_search(query.search) or Search(SearchHow.NUMBER, PREFIX_END)


def _deadline_column(query: QueueQuery) -> Any:
    if query.kind is QueueKind.AWAITING_SIGN_FOR:
        return col(OrderRow.sign_for_due)
    return col(OrderRow.feedback_due)


def _merged(rows: list[Any], plan: _Plan, parts: int) -> list[Any]:
    """The keyed rows of one or two parts in page order, (sort key, id); the key is the
    creation time (column 2) or the deadline (column 8) of :func:`_select`."""
    if parts == 1:
        return rows
    at = 2 if plan.descending else 8
    return sorted(rows, key=lambda r: (r[at], r[0]), reverse=plan.descending)


def _plan(query: QueueQuery) -> _Plan:
    where: Where = []
    also: Where | None = None
    if query.kind is QueueKind.MINE:
        where = [col(OrderRow.seat) == query.seat, text(OPEN_SQL)]
        if query.platform is not None:  # and what waits for this platform's 办结
            seat = col(OrderRow.seat)
            also = [col(OrderRow.origin) == query.platform.value, text(FED_BACK_SQL),
                    or_(seat.is_(None), seat != query.seat)]  # fmt: skip
    elif query.kind is QueueKind.PLATFORM_OPEN:
        assert query.platform is not None
        where = [col(OrderRow.owner) == query.platform.value, text(OPEN_SQL)]
    elif query.kind is QueueKind.AWAITING_SIGN_FOR:
        assert query.platform is not None
        where = [col(OrderRow.owner) == query.platform.value, text(TRANSFERRED_SQL)]
    elif (search := _search(query)) is not None:
        if search.how in (SearchHow.NUMBER, SearchHow.PHONE_START):
            key = col(OrderRow.number if search.how is SearchHow.NUMBER else OrderRow.caller_phone)
            value = search.value
            return _Plan([key >= value, key < value + PREFIX_END], key, False, False)
        where = [col(OrderRow.caller_phone) == search.value]
    if query.sort is QueueSort.CREATED:
        return _Plan(where, col(OrderRow.created_at), True, False, also)
    return _Plan(where, _deadline_column(query), False, True, also)


def _select(deadline: Any) -> Select[Any]:
    return select(
        col(OrderRow.id),
        col(OrderRow.number),
        col(OrderRow.created_at),
        col(OrderRow.kind),
        col(OrderRow.status),
        col(OrderRow.owner),
        col(OrderRow.priority),
        col(OrderRow.caller_phone),
        deadline,
        func.substr(col(OrderRow.description), 1, DESCRIPTION_CHARS),
    )


def _keyed(plan: _Plan, deadline: Any, after: Cursor | None, limit: int) -> Select[Any]:
    key, id_ = plan.key, col(OrderRow.id)
    where = list(plan.where)
    if after is None:
        if plan.nullable:
            where.append(key.is_not(None))
    elif plan.descending:
        where += [key <= after.key, or_(key < after.key, id_ < after.id)]
    else:
        where += [key >= after.key, or_(key > after.key, id_ > after.id)]
    order = (key.desc(), id_.desc()) if plan.descending else (key, id_)
    return _select(deadline).where(*where).order_by(*order).limit(limit)


def _tail(plan: _Plan, deadline: Any, after_id: int | None, limit: int) -> Select[Any]:
    """The rows whose sort key is NULL, by id (both databases, whatever their NULL order)."""
    id_ = col(OrderRow.id)
    where = [*plan.where, plan.key.is_(None)]
    if after_id is not None:
        where.append(id_ > after_id)
    return _select(deadline).where(*where).order_by(id_).limit(limit)


def _key_of(query: QueueQuery, row: QueueRow) -> datetime | str | None:
    search = _search(query)
    if search is not None and search.how is SearchHow.NUMBER:
        return row.number
    if search is not None and search.how is SearchHow.PHONE_START:
        return row.caller_phone
    return row.created_at if query.sort is QueueSort.CREATED else row.deadline


def _sequence_page(
    session: Session, deadline: Any, value: str, after: Cursor | None, limit: int
) -> Page:
    """A page of the orders whose number ends in ``value`` (``-NNNNNN`` or ``YYYYMMDD-NNNNNN``),
    newest day first (12345 before 110 on a day): unique-index lookups of the numbers it can
    be, a batch at a time; the cursor is the last number shown."""
    candidates = _sequence_numbers(session, value)
    if after is not None:
        place = {n: k for k, n in enumerate(candidates)}.get(str(after.key), len(candidates))
        candidates = candidates[place + 1 :]
    conn = session.connection()
    number = col(OrderRow.number)
    found: list[Sequence[Any]] = []
    while candidates and len(found) <= limit:
        size = min(SEQUENCE_BATCH, limit + 1 - len(found))  # one row a number at most
        batch, candidates = candidates[:size], candidates[size:]
        order = {n: k for k, n in enumerate(batch)}
        got = conn.execute(_select(deadline).where(number.in_(batch))).all()
        found += sorted(got, key=lambda r: order[r[1]])
    rows = [_row(r) for r in found[:limit]]
    if len(found) <= limit:
        return rows, None
    return rows, Cursor(rows[-1].number, rows[-1].id)


def _sequence_numbers(session: Session, value: str) -> list[str]:
    """Every order number ``value`` can be the end of, newest day first."""
    platforms = sorted((p.value for p in Platform), reverse=True)  # "12345" before "110"
    if not value.startswith("-"):
        return [f"{p}-{value}" for p in platforms]
    number = col(OrderRow.number)
    spelled: list[tuple[date, int, str]] = []
    for rank, platform in enumerate(platforms):
        start = f"{platform}-"
        within = (number >= start, number < start + PREFIX_END)
        # Two statements: SQLite reads min() or max() alone off the index's end, both at once
        # by scanning the range.
        first = session.execute(select(func.min(number)).where(*within)).scalar()
        last = session.execute(select(func.max(number)).where(*within)).scalar()
        for day in _days_between(first, last, len(start)):
            spelled.append((day, -rank, f"{start}{day:%Y%m%d}{value}"))
    return [n for _, _, n in sorted(spelled, reverse=True)]


def _days_between(first: str | None, last: str | None, skip: int) -> list[date]:
    """The days of two order numbers (``skip`` characters of platform first), newest first."""
    if first is None or last is None:
        return []
    try:
        low = datetime.strptime(first[skip : skip + 8], "%Y%m%d").date()
        high = datetime.strptime(last[skip : skip + 8], "%Y%m%d").date()
    except ValueError:
        return []
    span = min((high - low).days, MAX_SEQUENCE_DAYS)
    return [high - timedelta(days=n) for n in range(span + 1)]


def _utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is UTC:
        return value
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


_STATUSES = {s.value: s for s in Status}  # a dict lookup: Status(value) costs more per row
_PLATFORMS = {p.value: p for p in Platform}


def _row(r: Sequence[Any]) -> QueueRow:
    created = _utc(r[2])
    assert created is not None
    return QueueRow(
        id=r[0],
        number=r[1],
        created_at=created,
        kind=r[3],
        status=_STATUSES[r[4]],
        owner=_PLATFORMS[r[5]],
        priority=int(r[6]),
        caller_phone=r[7],
        deadline=_utc(r[8]),
        description=r[9] or "",
    )
