"""The queues on SQLite and PostgreSQL: the right rows, each exactly once, in order, by index."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlmodel import col

from console.demo.load import load_demo_data
from console.domain.calendar import load_calendar
from console.domain.orders import TERMINAL, Platform, Status
from console.store.engine import Database
from console.store.queues import (
    Cursor,
    QueueKind,
    QueueQuery,
    QueueRow,
    QueueSort,
    fetch_page,
    read_page,
)
from console.store.tables import OPEN_SQL, OrderRow

# The seat of each order's latest event, as migration 0003 fills it in.
FILL_SEATS = text(
    "UPDATE work_order SET seat = (SELECT e.seat FROM order_event e "
    "WHERE e.order_id = work_order.id ORDER BY e.at DESC, e.id DESC LIMIT 1)"
)


@dataclass(frozen=True)
class Order:
    id: int
    number: str
    created_at: datetime
    status: Status
    owner: Platform
    origin: Platform
    seat: str | None
    phone: str
    feedback_due: datetime | None
    sign_for_due: datetime | None


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def load(db: Database, orders: int) -> list[Order]:
    """Demo orders, a few deadlines removed (they page last), and every order as stored."""
    load_demo_data(db, orders, seed=3, until=date(2026, 11, 26), calendar=load_calendar())
    with db.write() as s:
        s.execute(FILL_SEATS)
        # Enough orders awaiting sign-for on both platforms, with equal deadlines among them.
        s.execute(
            text(
                "UPDATE work_order SET status = 'transferred', "
                "sign_for_due = coalesce(sign_for_due, feedback_due) WHERE id % 31 = 0"
            )
        )
        # Fed back, waiting for the origin's 办结 (the MINE queue with a platform shows them).
        s.execute(text("UPDATE work_order SET status = 'fed_back' WHERE id % 17 = 0"))
        s.execute(text("UPDATE work_order SET feedback_due = NULL WHERE id % 23 = 0"))
        s.execute(text("UPDATE work_order SET sign_for_due = NULL WHERE id % 5 = 0"))
    columns: list[Any] = [
        OrderRow.id, OrderRow.number, OrderRow.created_at, OrderRow.status, OrderRow.owner,
        OrderRow.origin, OrderRow.seat, OrderRow.caller_phone, OrderRow.feedback_due, OrderRow.sign_for_due,
    ]  # fmt: skip
    with db.read() as s:
        rows = s.execute(select(*columns).order_by(col(OrderRow.id))).all()
    return [
        Order(r[0], r[1], _utc(r[2]), Status(r[3]), Platform(r[4]), Platform(r[5]), r[6], r[7],
              _utc(r[8]), _utc(r[9]))  # type: ignore[arg-type]
        for r in rows
    ]  # fmt: skip


def expected(orders: list[Order], query: QueueQuery) -> list[int]:
    """The queue worked out in Python from every row: ids in the queue's order."""

    def wanted(o: Order) -> bool:
        if query.kind is QueueKind.MINE:
            awaits_completion = o.origin is query.platform and o.status is Status.FED_BACK
            return (o.seat == query.seat and o.status.is_open) or awaits_completion
        if query.kind is QueueKind.PLATFORM_OPEN:
            return o.owner is query.platform and o.status.is_open
        if query.kind is QueueKind.AWAITING_SIGN_FOR:
            return o.owner is query.platform and o.status is Status.TRANSFERRED
        return True

    chosen = [o for o in orders if wanted(o)]
    if query.sort is QueueSort.CREATED:
        chosen.sort(key=lambda o: (o.created_at, o.id), reverse=True)
    else:
        due = (lambda o: o.sign_for_due) if query.kind is QueueKind.AWAITING_SIGN_FOR else (
            lambda o: o.feedback_due
        )  # fmt: skip
        far = datetime.max.replace(tzinfo=UTC)
        chosen.sort(key=lambda o: (due(o) is None, due(o) or far, o.id))
    return [o.id for o in chosen]


def page_through(db: Database, query: QueueQuery, limit: int) -> Iterator[list[QueueRow]]:
    after: Cursor | None = None
    while True:
        with db.read() as s:
            rows, after = fetch_page(s, query, after, limit)
        yield rows
        if after is None:
            return
        assert len(rows) == limit  # only the last page is short


def busiest_seat(orders: list[Order]) -> str:
    seats = [o.seat for o in orders if o.seat and o.status.is_open]
    return max(set(seats), key=seats.count)


def queries(orders: list[Order]) -> list[QueueQuery]:
    seat = busiest_seat(orders)
    made = []
    for sort in QueueSort:
        made += [
            QueueQuery(QueueKind.MINE, seat=seat, sort=sort),
            QueueQuery(QueueKind.MINE, seat=seat, platform=Platform.HOTLINE, sort=sort),
            QueueQuery(QueueKind.PLATFORM_OPEN, platform=Platform.HOTLINE, sort=sort),
            QueueQuery(QueueKind.PLATFORM_OPEN, platform=Platform.POLICE, sort=sort),
            QueueQuery(QueueKind.AWAITING_SIGN_FOR, platform=Platform.HOTLINE, sort=sort),
            QueueQuery(QueueKind.AWAITING_SIGN_FOR, platform=Platform.POLICE, sort=sort),
            QueueQuery(QueueKind.ALL, sort=sort),
        ]
    return made


def test_every_queue_pages_through_its_rows_once_in_order(db: Database) -> None:
    """Small pages over many equal deadlines (end of day): ties break by id across pages."""
    orders = load(db, 1500)
    for query in queries(orders):
        want = expected(orders, query)
        assert want, query  # each queue has rows to page through
        got = [r.id for page in page_through(db, query, 7) for r in page]
        assert got == want, query
    by_id = {o.id: o for o in orders}
    query = QueueQuery(QueueKind.AWAITING_SIGN_FOR, platform=Platform.POLICE)
    with db.read() as s:
        rows, _ = fetch_page(s, query, None, 50)
    for row in rows:
        assert row.deadline == by_id[row.id].sign_for_due  # the deadline the queue is about
        assert row.status is Status.TRANSFERRED and row.owner is Platform.POLICE


def test_a_row_carries_what_the_queue_shows(db: Database) -> None:
    orders = load(db, 200)
    first = orders[0]
    rows, after = read_page(db, QueueQuery(QueueKind.ALL, search=first.number), None, 10)
    assert after is None and [r.id for r in rows] == [first.id]
    row = rows[0]
    assert (row.number, row.created_at, row.caller_phone) == (first.number, first.created_at,
                                                              first.phone)  # fmt: skip
    assert row.deadline == first.feedback_due and row.created_at.tzinfo is UTC
    assert 0 < len(row.description) <= 80 and row.kind


def test_search_by_phone_in_any_spelling_and_by_number_prefix(db: Database) -> None:
    orders = load(db, 1500)
    phones = [o.phone for o in orders]
    phone = max(set(phones), key=phones.count)
    spelled = f"+86 {phone[:3]} {phone[3:7]}-{phone[7:]}"
    for sort in QueueSort:
        query = QueueQuery(QueueKind.ALL, search=spelled, sort=sort)
        callers = [o for o in orders if o.phone == phone]
        got = [r.id for page in page_through(db, query, 2) for r in page]
        assert got == expected(callers, query) and len(got) == phones.count(phone) > 1
    prefix = orders[700].number[:-3]  # the order's platform and day, sequence hundreds
    query = QueueQuery(QueueKind.ALL, search=f" {prefix} ")
    got_numbers = [r.number for page in page_through(db, query, 4) for r in page]
    assert got_numbers == sorted(o.number for o in orders if o.number.startswith(prefix))
    assert orders[700].number in got_numbers
    with db.read() as s:
        assert fetch_page(s, QueueQuery(QueueKind.ALL, search="12345-19990101"), None, 5) == (
            [],
            None,
        )


def test_the_open_index_condition_names_the_closed_statuses() -> None:
    closed = ", ".join(f"'{s}'" for s in (Status.COMPLETED, Status.CANCELLED))
    assert f"status NOT IN ({closed})" == OPEN_SQL
    assert {Status.COMPLETED, Status.CANCELLED} == TERMINAL


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": QueueKind.MINE}, "seat"),
        ({"kind": QueueKind.PLATFORM_OPEN}, "platform"),
        ({"kind": QueueKind.AWAITING_SIGN_FOR}, "platform"),
        ({"kind": QueueKind.MINE, "seat": "A-01", "search": "138"}, "only the ALL queue"),
    ],
)
def test_a_queue_query_says_what_it_lacks(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        QueueQuery(**kwargs)


def test_sqlite_serves_every_queue_from_an_index(sqlite_db: Database) -> None:
    """EXPLAIN QUERY PLAN of every statement the queues run, first page and a later one: no
    full scan of work_order, and no sort of a large set (a big queue by deadline)."""
    orders = load(sqlite_db, 3000)
    with sqlite_db.write() as s:
        s.execute(text("ANALYZE"))
    ran: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if "FROM work_order" in statement:
            ran.append((statement, params))

    phone = orders[10].phone
    searches = [QueueQuery(QueueKind.ALL, search=phone, sort=sort) for sort in QueueSort]
    searches.append(QueueQuery(QueueKind.ALL, search=orders[10].number[:10]))
    searches.append(QueueQuery(QueueKind.ALL, search=orders[10].number[-6:]))  # its sequence
    searches.append(QueueQuery(QueueKind.ALL, search=phone[:4]))  # a number's start
    event.listen(sqlite_db.engine, "before_cursor_execute", capture)
    plans: dict[QueueQuery, set[str]] = {}
    try:
        for query in [*queries(orders), *searches]:
            ran.clear()
            with sqlite_db.read() as s:
                _, after = fetch_page(s, query, None, 3)
                if after is not None:
                    fetch_page(s, query, after, 3)
                raw = s.connection().connection.driver_connection
                assert raw is not None
                plans[query] = {
                    " | ".join(r[3] for r in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params))
                    for sql, params in ran
                }
    finally:
        event.remove(sqlite_db.engine, "before_cursor_execute", capture)
    for query, found in plans.items():
        assert found, query
        for plan in found:
            steps = plan.split(" | ")
            assert "SCAN work_order" not in steps, (query, plan)  # a scan of the whole table
            assert any(
                how in plan
                for how in ("USING INDEX", "USING COVERING INDEX", "USING INTEGER PRIMARY KEY")
            ), (query, plan)
            big = query.kind in (QueueKind.PLATFORM_OPEN, QueueKind.ALL) and not query.search
            if big or (query.sort is QueueSort.DEADLINE and not query.search):
                assert "TEMP B-TREE" not in plan, (query, plan)


def test_search_by_an_order_numbers_end_and_a_phone_numbers_start(db: Database) -> None:
    """``000003`` finds every order with that sequence (newest first), ``-3`` and the day with
    the sequence too; the start of a number finds every caller it begins, in number order."""
    orders = load(db, 1500)
    sequence = orders[2].number[-6:]
    ending = sorted((o.number for o in orders if o.number.endswith("-" + sequence)),
                    key=lambda n: (n.split("-")[1], n.startswith("12345")), reverse=True)  # fmt: skip
    assert len(ending) > 2  # one a day and platform
    for typed in (sequence, "-" + sequence.lstrip("0")):
        got = [r.number for page in page_through(db, QueueQuery(QueueKind.ALL, search=typed), 2)
               for r in page]  # fmt: skip
        assert got == ending, typed
    day_and_sequence = orders[2].number.split("-", 1)[1]
    query = QueueQuery(QueueKind.ALL, search=day_and_sequence)
    both = sorted((o.number for o in orders if o.number.endswith(day_and_sequence)), reverse=True)
    assert orders[2].number in both  # that day's order of that sequence on each platform
    assert [r.number for page in page_through(db, query, 1) for r in page] == both
    start = orders[10].phone[:5]
    spelled = f"{start[:3]} {start[3:]}"
    callers = sorted(
        (o for o in orders if o.phone.startswith(start)), key=lambda o: (o.phone, o.id)
    )
    query = QueueQuery(QueueKind.ALL, search=spelled.replace(" ", ""))
    got_ids = [r.id for page in page_through(db, query, 3) for r in page]
    assert got_ids == [o.id for o in callers] and len(got_ids) >= 1
    with db.read() as s:
        assert fetch_page(s, QueueQuery(QueueKind.ALL, search="-999999"), None, 5) == ([], None)
        assert fetch_page(s, QueueQuery(QueueKind.ALL, search="not a number"), None, 5) == (
            [],
            None,
        )
