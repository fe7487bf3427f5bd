"""SQL of the split of one shared database into two platforms' own (the use case and what it
copies: ``console/services/exchange_split.py``).

Rows travel as SQLAlchemy Core mappings through the tables' own column types (UTC instants
stay UTC whichever way they go, SQLite ⇄ PostgreSQL), written with batched ``executemany``
inserts, never an ORM object per row (STACK-NOTES: 68 s against 17 s a million). Orders, their
events and alarms keep their ids, so every reference between them stays as it was; PostgreSQL's
serials are moved past them afterwards. Every function works inside the caller's session.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, func, insert, inspect, select, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from console.store.dialects import upsert
from console.store.duplicate_tables import CallerToldRow, OrderCallerRow, RepeatWarningRow
from console.store.exchange_tables import InboxRow, OutboxRow
from console.store.tables import (
    AccountRow,
    AgentStateRow,
    AlarmRow,
    AuditRow,
    DepartmentRow,
    DispositionRow,
    DistrictRow,
    EventRow,
    FieldRow,
    KindRow,
    OrderRow,
    SequenceRow,
    TransferRequestRow,
)


def _t(model: Any) -> Table:
    table: Table = model.__table__
    return table


ORDERS, EVENTS, ALARMS = _t(OrderRow), _t(EventRow), _t(AlarmRow)
REQUESTS, ACCOUNTS, AUDIT = _t(TransferRequestRow), _t(AccountRow), _t(AuditRow)
AGENT_STATES, DISPOSITIONS, SEQUENCES = _t(AgentStateRow), _t(DispositionRow), _t(SequenceRow)
OUTBOX, INBOX = _t(OutboxRow), _t(InboxRow)
# 并单's rows, per order: the callers who joined (with every copy), the callers told and the
# repeated-request warnings (with the platform that recorded them). Copied without their ids.
CALLERS, TOLD, WARNINGS = _t(OrderCallerRow), _t(CallerToldRow), _t(RepeatWarningRow)
# The catalogues the orders point at (foreign keys): the site may have edited or added entries.
CATALOGUES = (_t(DistrictRow), _t(KindRow), _t(FieldRow), _t(DepartmentRow))
# A target holding any of these is not empty: a split into it ran before, or it is in use.
IN_USE = (ORDERS, ACCOUNTS, AUDIT, AGENT_STATES)
CHUNK = 500  # ids per IN (…) list
SERIALS = (ORDERS, EVENTS, ALARMS)  # copied with their ids: PostgreSQL's serials move past them

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Block:
    """A run of orders in id order, with the (order id, platform, action) of each of their
    steps: enough to tell who has a part in them, without reading the events whole."""

    orders: list[Row]
    steps: list[tuple[int, str, str]]


def _rows(session: Session, query: Any) -> list[Row]:
    result = session.execute(query)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def order_blocks(session: Session, size: int) -> Iterator[Block]:
    """Every order, ``size`` at a time (keyset on id), each block with its orders' steps."""
    after = 0
    while True:
        orders = _rows(
            session, select(ORDERS).where(ORDERS.c.id > after).order_by(ORDERS.c.id).limit(size)
        )
        if not orders:
            return
        first, last = orders[0]["id"], orders[-1]["id"]
        steps = session.execute(
            select(EVENTS.c.order_id, EVENTS.c.platform, EVENTS.c.action).where(
                EVENTS.c.order_id >= first, EVENTS.c.order_id <= last
            )
        )
        yield Block(orders, [(i, p, a) for i, p, a in steps])
        after = last


def rows_of_orders(session: Session, table: Table, ids: Sequence[int]) -> list[Row]:
    """``table``'s rows (events, alarms, transfer requests) that belong to the orders ``ids``."""
    rows: list[Row] = []
    for chunk in _chunks(ids):
        rows.extend(_rows(session, select(table).where(table.c.order_id.in_(chunk))))
    return rows


def rows_where(session: Session, table: Table, column: str, value: str) -> list[Row]:
    """Every row of ``table`` whose ``column`` is ``value`` (accounts, sequences)."""
    return _rows(session, select(table).where(table.c[column] == value))


def batches_where(
    session: Session, table: Table, column: str, value: str, size: int
) -> Iterator[list[Row]]:
    """The rows of ``table`` (with an integer ``id``) whose ``column`` is ``value``, ``size`` at
    a time in id order; the ids themselves are left out (the target numbers them afresh)."""
    after = 0
    while True:
        query = (
            select(table)
            .where(table.c[column] == value, table.c.id > after)
            .order_by(table.c.id)
            .limit(size)
        )
        rows = _rows(session, query)
        if not rows:
            return
        after = rows[-1]["id"]
        yield [{k: v for k, v in r.items() if k != "id"} for r in rows]


def without_ids(rows: Sequence[Row]) -> list[Row]:
    """``rows`` to insert afresh: the target numbers them."""
    return [{k: v for k, v in r.items() if k != "id"} for r in rows]


def count_all(session: Session, table: Table) -> int:
    return int(session.execute(select(func.count()).select_from(table)).scalar_one())


def snapshot(session: Session) -> None:
    """PostgreSQL: let this read transaction see the database as of one instant (SQLite's
    read transaction already does). Call before the first query."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def count_where(session: Session, table: Table, column: str, value: str) -> int:
    query = select(func.count()).select_from(table).where(table.c[column] == value)
    return int(session.execute(query).scalar_one())


def seats_of(session: Session, platform: str) -> set[str]:
    """The seats that took a step or recorded a state as ``platform``."""
    found = session.execute(
        select(EVENTS.c.seat).where(EVENTS.c.platform == platform).distinct()
    ).scalars()
    states = session.execute(
        select(AGENT_STATES.c.seat).where(AGENT_STATES.c.platform == platform).distinct()
    ).scalars()
    return {*found, *states}


def catalogue_rows(session: Session) -> list[tuple[Table, list[Row]]]:
    return [(t, _rows(session, select(t))) for t in CATALOGUES]


def add_rows(session: Session, table: Table, rows: Sequence[Row]) -> None:
    """One batched insert (``executemany``) of ``rows``."""
    if rows:
        session.execute(insert(table), list(rows))


def put_catalogue(session: Session, table: Table, rows: Sequence[Row]) -> None:
    """Insert or overwrite (by primary key) the catalogue ``rows``: the source's entries win
    over the seed the target was made with."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    keys = [c.name for c in table.primary_key.columns]
    for chunk in _chunks(rows):
        stmt = upsert(dialect, table).values(list(chunk))
        changed = {c.name: stmt.excluded[c.name] for c in table.columns if c.name not in keys}
        session.execute(stmt.on_conflict_do_update(index_elements=keys, set_=changed))


def move_serials(session: Session) -> None:
    """PostgreSQL: move the serials of the tables copied with their ids past the highest."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in SERIALS:
        name = table.name
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT max(id) FROM {name}), 0) + 1, false)"
            )
        )


def remove_orders(session: Session, ids: Sequence[int]) -> None:
    """Delete the orders ``ids`` and everything that points at them: the ids go into a
    temporary table once, then one DELETE per table (``transfer_request`` has no index on
    ``order_id``: a DELETE per batch of ids would read it whole every time)."""
    if not ids:
        return
    session.execute(text("CREATE TEMPORARY TABLE split_moved (id INTEGER PRIMARY KEY)"))
    session.execute(text("INSERT INTO split_moved (id) VALUES (:id)"), [{"id": i} for i in ids])
    for table in (ALARMS, REQUESTS, EVENTS, CALLERS, TOLD, WARNINGS):
        session.execute(
            text(f"DELETE FROM {table.name} WHERE order_id IN (SELECT id FROM split_moved)")
        )
    session.execute(text("DELETE FROM work_order WHERE id IN (SELECT id FROM split_moved)"))
    session.execute(text("DROP TABLE split_moved"))


def requests_of_seats(session: Session, seats: set[str]) -> dict[int, list[Row]]:
    """The transfer requests the ``seats`` made, by order id (read once: the table has no
    index on ``order_id``)."""
    found: dict[int, list[Row]] = {}
    for row in _rows(session, select(REQUESTS)):
        if row["seat"] in seats:
            found.setdefault(row["order_id"], []).append(row)
    return found


def remove_where(session: Session, table: Table, column: str, value: str) -> int:
    result = session.execute(delete(table).where(table.c[column] == value))
    return int(result.rowcount)  # type: ignore[attr-defined]


def messages(session: Session) -> int:
    """How many messages the exchange's outbox and inbox hold."""
    return sum(
        int(session.execute(select(func.count()).select_from(t)).scalar_one())
        for t in (OUTBOX, INBOX)
    )


def split_rows(session: Session, action: str) -> list[tuple[Any, str]]:
    """(at, detail) of each audit row recording a split, oldest first."""
    query = select(AUDIT.c.at, AUDIT.c.detail).where(AUDIT.c.action == action)
    return [(r.at, r.detail) for r in session.execute(query.order_by(AUDIT.c.seq))]


def rows_in_use(engine: Engine) -> dict[str, int]:
    """For a database about to become a platform's own: how many rows each table that says
    "in use" holds (none of the console's tables yet: an empty dict)."""
    present = set(inspect(engine).get_table_names())
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for table in IN_USE:
            if table.name in present:
                n = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                if n:
                    counts[table.name] = n
    return counts


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]
