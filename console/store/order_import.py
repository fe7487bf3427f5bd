"""Write checked imported orders (:mod:`console.domain.order_import`) inside the caller's write
transaction, fast (1 M orders in well under two minutes) and in bounded memory: the records come
in batches (the command reads the file a second time to make them), so 10 M rows need no more
memory than 20 k.

The rows are the demo loader's (the same column declarations, ``console.demo.plan``): plain
tuples with explicit ids, timestamps as UTC text. SQLite gets ``executemany`` on the session's
own connection, with the secondary indexes of ``work_order`` and ``order_event`` dropped and
rebuilt when the import is large next to what the tables hold; PostgreSQL gets ``COPY``. Both
inside the one transaction the caller commits (with its audit row) or rolls back: an import is
all there or not at all.

Each order gets a ``create`` event at its received-at stamped as imported (actor
:data:`IMPORT_ACTOR`, seat :data:`IMPORT_SEAT`, note :data:`IMPORT_NOTE`), and a completed or
cancelled one its ``complete`` / ``cancel`` event at its completed-at. No alarm rows are
written. Numbers in the console's own form (``12345-20240105-000042``) move the day's sequence
past them, so the console never hands out an imported number again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from console.demo.plan import EVENT_COLUMNS, ORDER_COLUMNS, Clock
from console.domain.order_import import ImportedOrder
from console.domain.order_types import Action, Status
from console.store import report_rollup

IMPORT_ACTOR = "原系统导入"  # the events' actor: who took the step is the previous system's
IMPORT_SEAT = "import"  # the events' seat, and the orders' 经办坐席: no seat's "my orders"
IMPORT_NOTE = "从原系统导入的历史工单"
CHUNK = 20_000  # records a batch: read, checked, built and sent at a time
BULK = 50_000  # from this many, and at least as many as the table holds: indexes rebuilt
_OWN_NUMBER = re.compile(r"(12345|110)-(\d{8})-(\d{6})")
_TABLES = ("work_order", "order_event")


@dataclass(frozen=True, slots=True)
class Written:
    orders: int
    events: int


def stored_numbers(session: Session, numbers: Sequence[str]) -> set[str]:
    """Which of ``numbers`` the database already holds (by the unique index, in chunks)."""
    conn = session.connection()
    if conn.exec_driver_sql("SELECT 1 FROM work_order LIMIT 1").first() is None:
        return set()
    found: set[str] = set()
    query = text("SELECT number FROM work_order WHERE number IN :numbers").bindparams(
        _expanding("numbers")
    )
    for i in range(0, len(numbers), 5_000):
        found.update(conn.execute(query, {"numbers": list(numbers[i : i + 5_000])}).scalars())
    return found


def _expanding(name: str) -> Any:
    from sqlalchemy import bindparam

    return bindparam(name, expanding=True)


def write(
    session: Session,
    batches: Iterable[Sequence[ImportedOrder]],
    total: int,
    progress: Callable[[int], None] = lambda written: None,
) -> Written:
    """Insert the records of ``batches`` (checked, their numbers new; ``total`` of them in all,
    which decides whether SQLite's indexes are rebuilt) in the session's transaction;
    ``progress`` gets the orders written so far after each batch."""
    conn = session.connection()
    first_id = int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM work_order").scalar_one())
    first_id += 1
    raw: Any = conn.connection.driver_connection
    seen = _Seen()
    if conn.dialect.name == "sqlite":
        events = _write_sqlite(raw, seen.rows(batches, first_id, "", progress), total, first_id)
    else:
        events = _write_postgres(raw, seen.rows(batches, first_id, "+00", progress))
        conn.exec_driver_sql(
            "SELECT setval(pg_get_serial_sequence('work_order', 'id'), "
            "(SELECT max(id) FROM work_order))"
        )
    _move_sequences(session, seen.last)
    report_rollup.add(session, seen.counts)  # the reports' daily roll-up: what was written
    return Written(seen.orders, events)


_Rows = Iterable[tuple[list[tuple[object, ...]], list[tuple[object, ...]]]]


class _Seen:
    """What the writing needs of all the records, kept as they pass: how many, the reports'
    roll-up of their events, the last own-form number of each platform and day (the sequences).

    The roll-up is counted here, by :mod:`console.store.report_rollup`'s definition for the two
    events an imported order has (``create`` with its kind and field, then ``complete`` or
    ``cancel``; each on its China day, under the order's platform and district), and added
    once at the end: a recount from the earliest imported day sorted every event since then in
    SQLite's temporary files — most of a 10 M-row import's hour."""

    def __init__(self) -> None:
        self.orders = 0
        self.counts: Counter[report_rollup.Key] = Counter()
        self.last: dict[tuple[str, str], int] = {}
        self._days: dict[int, date] = {}

    def _day(self, epoch: int) -> date:
        """The China day of ``epoch``, as the roll-up's own :func:`report_rollup.china_day`
        (Asia/Shanghai: its summer time of 1990-91 included) — once an hour of the data, whose
        offsets are whole hours since 1901."""
        hour = epoch // 3600
        day = self._days.get(hour)
        if day is None:
            day = self._days[hour] = report_rollup.china_day(
                datetime.fromtimestamp(hour * 3600, UTC)
            )
        return day

    def _count(self, r: ImportedOrder, platform: str, closing: Action | None) -> None:
        counts, where = self.counts, (platform, r.district)
        day = self._day(r.received)
        counts[(day, *where, "create", "")] += 1
        counts[(day, *where, "kind", r.kind)] += 1
        counts[(day, *where, "field", r.field or "")] += 1
        if closing is not None and r.completed is not None:
            counts[(self._day(r.completed), *where, closing.value, "")] += 1

    def rows(
        self,
        batches: Iterable[Sequence[ImportedOrder]],
        first_id: int,
        tz: str,
        progress: Callable[[int], None],
    ) -> _Rows:
        """Each batch as the order and event rows (ids from ``first_id``)."""
        clock = Clock()

        def ts(epoch: int) -> str:
            return clock.text(epoch) + tz

        last = self.last
        for batch in batches:
            orders: list[tuple[object, ...]] = []
            events: list[tuple[object, ...]] = []
            for oid, r in enumerate(batch, start=first_id + self.orders):
                platform, status = r.platform.value, r.status
                received = ts(r.received)
                if r.completed is None:
                    self._count(r, platform, None)
                    updated = received
                    events.append((oid, received, IMPORT_ACTOR, IMPORT_SEAT, platform, "create",
                                   None, status.value, IMPORT_NOTE, ""))  # fmt: skip
                else:
                    updated = ts(r.completed)
                    closing = Action.COMPLETE if status is Status.COMPLETED else Action.CANCEL
                    self._count(r, platform, closing)
                    events.append((oid, received, IMPORT_ACTOR, IMPORT_SEAT, platform, "create",
                                   None, "received", IMPORT_NOTE, ""))  # fmt: skip
                    events.append((oid, updated, IMPORT_ACTOR, IMPORT_SEAT, platform,
                                   closing.value, "received", status.value, IMPORT_NOTE, ""))  # fmt: skip
                orders.append((
                    oid, r.number, platform, platform, r.phone, r.name, r.kind, r.field,
                    r.district, r.address, r.description, 0, False, False, status.value, None,
                    None, ts(r.feedback_due), ts(r.completion_due), received, updated, 1,
                    IMPORT_SEAT, None, None,
                ))  # fmt: skip
                m = _OWN_NUMBER.fullmatch(r.number)
                if m is not None:
                    key = (m[1], m[2])
                    last[key] = max(last.get(key, 0), int(m[3]))
            self.orders += len(batch)
            yield orders, events
            progress(self.orders)


_ORDER_SQL = (
    f"INSERT INTO work_order ({', '.join(ORDER_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in ORDER_COLUMNS)})"
)
_EVENT_SQL = (
    f"INSERT INTO order_event ({', '.join(EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in EVENT_COLUMNS)})"
)


def _write_sqlite(raw: Any, rows: _Rows, total: int, first_id: int) -> int:
    bulk = total >= max(BULK, first_id - 1)
    indexes: list[tuple[str, str]] = []
    if bulk:
        indexes = raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN {_TABLES!r}"
        ).fetchall()
        for name, _sql in indexes:
            raw.execute(f'DROP INDEX "{name}"')
    events = 0
    for orders, timeline in rows:
        raw.executemany(_ORDER_SQL, orders)
        raw.executemany(_EVENT_SQL, timeline)
        events += len(timeline)
    for _name, sql in indexes:
        raw.execute(sql)
    return events


def _write_postgres(raw: Any, rows: _Rows) -> int:
    events = 0
    with raw.cursor() as cur:
        for orders, timeline in rows:
            with cur.copy(f"COPY work_order ({', '.join(ORDER_COLUMNS)}) FROM STDIN") as copy:
                for row in orders:
                    copy.write_row(row)
            with cur.copy(f"COPY order_event ({', '.join(EVENT_COLUMNS)}) FROM STDIN") as copy:
                for row in timeline:
                    copy.write_row(row)
            events += len(timeline)
    return events


def _move_sequences(session: Session, last: dict[tuple[str, str], int]) -> None:
    """Each day's sequence past the highest own-form number imported for it."""
    if not last:
        return
    session.execute(
        text(
            "INSERT INTO order_sequence (platform, day, last) VALUES (:p, :d, :n) "
            "ON CONFLICT (platform, day) DO UPDATE SET last = CASE "
            "WHEN excluded.last > order_sequence.last THEN excluded.last "
            "ELSE order_sequence.last END"
        ),
        [{"p": p, "d": d, "n": n} for (p, d), n in last.items()],
    )
