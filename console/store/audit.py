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

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select, text
from sqlmodel import Session, col

from console.domain.audit import AuditRecord
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


def lock_chain(session: Session) -> None:
    """Hold the chain for this transaction (PostgreSQL; SQLite's write lock already does)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})


def head(session: Session) -> Head | None:
    row = session.execute(
        select(_TABLE.c.seq, _TABLE.c.mac, _TABLE.c.key_id).order_by(_TABLE.c.seq.desc()).limit(1)
    ).first()
    return None if row is None else Head(row.seq, row.mac, row.key_id)


def append(session: Session, record: AuditRecord) -> None:
    session.execute(insert(_TABLE).values(_values(record)))


def _values(r: AuditRecord) -> dict[str, object]:
    return {"seq": r.seq, "at": r.at, "who": r.who, "seat": r.seat, "action": r.action,
            "target": r.target, "outcome": r.outcome, "detail": r.detail, "key_id": r.key_id,
            "mac": r.mac}  # fmt: skip


def _record(row: tuple[object, ...]) -> AuditRecord:
    return AuditRecord(*row)  # type: ignore[arg-type]


def stream(conn: Connection, batch: int = 20_000) -> Iterator[AuditRecord]:
    """Every row in chain order, a batch at a time (1 M rows never sit in memory at once)."""
    result = conn.execution_options(yield_per=batch).execute(
        select(*_COLUMNS).order_by(_TABLE.c.seq)
    )
    for row in result:
        yield _record(tuple(row))


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
