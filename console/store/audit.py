"""The audit table: append one row (a single INSERT), read the chain head, stream the chain,
page through it for ``audit show``.

Appends are serialised so the chain never forks: on SQLite every write transaction already
holds the database's one write lock (``BEGIN IMMEDIATE``, see :mod:`console.store.engine`); on
PostgreSQL :func:`lock_chain` takes a transaction-level advisory lock, released by the commit
or rollback. An advisory lock rather than ``SELECT … FOR UPDATE`` on a chain-head row: a head
row would have to be UPDATEd on every append, so the seats' role would need UPDATE on audit
data and every write would be two statements; the advisory lock needs no row and no grant.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select
from sqlmodel import Session, col

from console.domain.audit import AuditRecord, Row, utc_text
from console.store.tables import AuditRow

# pg_advisory_xact_lock key: any constant no other part of the console uses ("audit" in ASCII).
CHAIN_LOCK = 0x6175646974

_TABLE = AuditRow.__table__  # type: ignore[attr-defined]
_COLUMNS = (_TABLE.c.seq, _TABLE.c.at, _TABLE.c.who, _TABLE.c.seat, _TABLE.c.action,
            _TABLE.c.target, _TABLE.c.outcome, _TABLE.c.detail, _TABLE.c.key_id, _TABLE.c.mac)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Head:
    seq: int
    mac: str
    key_id: str


# Appends run inside every order step: plain driver SQL, no statement building (it cost more
# than the row). SQLite stores instants as SQLAlchemy does (UTC text, STACK-NOTES).
_HEAD = "SELECT seq, mac, key_id FROM audit ORDER BY seq DESC LIMIT 1"
_COLS = "seq, at, who, seat, action, target, outcome, detail, key_id, mac"
_INSERT = {
    "sqlite": f"INSERT INTO audit ({_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "postgresql": f"INSERT INTO audit ({_COLS}) VALUES ({', '.join(['%s'] * 10)})",
}


def lock_chain(session: Session) -> None:
    """Hold the chain for this transaction (PostgreSQL; SQLite's write lock already does)."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK})")


def head(session: Session) -> Head | None:
    row = session.connection().exec_driver_sql(_HEAD).first()
    return None if row is None else Head(row.seq, row.mac, row.key_id)


def append(session: Session, records: Sequence[AuditRecord]) -> None:
    """The records in one INSERT statement (executemany: a batch of received orders' rows in one
    round trip); nothing else in the console writes to the audit table."""
    conn = session.connection()
    text_at = conn.dialect.name == "sqlite"
    values = [
        (r.seq, utc_text(r.at) if text_at else r.at, r.who, r.seat, r.action, r.target,
         r.outcome, r.detail, r.key_id, r.mac)
        for r in records
    ]  # fmt: skip
    if values:
        conn.exec_driver_sql(_INSERT[conn.dialect.name], values)


def _record(row: tuple[object, ...]) -> AuditRecord:
    return AuditRecord(*row)  # type: ignore[arg-type]


_COLS_AS_TEXT = {  # the instant as the MAC covers it (console.domain.audit.utc_text)
    "sqlite": _COLS,  # stored so
    "postgresql": "seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), who, seat, "
    "action, target, outcome, detail, key_id, mac",
}


def stream(conn: Connection, batch: int = 20_000) -> Iterator[Row]:
    """Every row in chain order as the driver's own tuples, a batch at a time (1 M rows never
    sit in memory at once), in one statement: one consistent read.

    Straight from the DB-API cursor, the instant already text (``audit verify`` reads every
    row: SQLAlchemy's per-row objects, or a datetime made and formatted again per row, cost
    more than the MACs). On PostgreSQL a server-side cursor streams the rows."""
    dialect = conn.dialect.name
    raw = conn.connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor(name="audit_stream") if dialect == "postgresql" else raw.cursor()
    try:
        cursor.execute(f"SELECT {_COLS_AS_TEXT[dialect]} FROM audit ORDER BY seq")
        while rows := cursor.fetchmany(batch):
            yield from rows
    finally:
        cursor.close()


def page(
    session: Session,
    *,
    who: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    action: str | None = None,
    before: int | None = None,
    limit: int = 50,
) -> list[AuditRecord]:
    """Newest first, ``limit`` rows with ``seq`` below ``before`` (keyset paging)."""
    query = select(*_COLUMNS).order_by(col(AuditRow.seq).desc()).limit(limit)
    if who is not None:
        query = query.where(_TABLE.c.who == who)
    if start is not None:
        query = query.where(_TABLE.c.at >= start)
    if end is not None:
        query = query.where(_TABLE.c.at < end)
    if action is not None:
        query = query.where(_TABLE.c.action == action)
    if before is not None:
        query = query.where(_TABLE.c.seq < before)
    return [_record(tuple(row)) for row in session.execute(query)]
